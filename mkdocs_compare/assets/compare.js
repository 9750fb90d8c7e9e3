/* mkdocs-compare: the summary page's matrix, made usable at scale.
   - notes in a layer above the scroll box (hover, keyboard focus, tap; Escape closes it);
   - the matrix as one Tab stop, moved through with the arrow keys (the ARIA grid pattern);
   - a category filter, sortable columns, a phone layout and "compare two" (?vs=slug,slug).
   Progressive enhancement only: without this script the page shows everything. Runs on every
   page load, including Material's instant navigation (document$), and does nothing on pages
   without a summary. */
(function () {
  "use strict";

  var ORDER = "y n u"; // verdict codes best first, when the matrix does not give its own
  var PHONE = "(max-width: 600px)";
  var slice = function (list) { return Array.prototype.slice.call(list); };

  function format(template, values) {
    return String(template).replace(/\{(\w+)\}/g, function (all, key) {
      return key in values ? values[key] : all;
    });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* ---- Notes: one layer in the top layer (popover), near the cell and inside the viewport ---- */

  // The cell's note (a verdict cell's hidden <span>, or an "Other features" list), or null.
  function noteOf(cell) {
    if (!cell || cell.tagName !== "TD") return null;
    if (cell.classList.contains("cmp-others")) return cell.querySelector(":scope > span") ? cell : null;
    return cell.querySelector(":scope > a > span, :scope > span:not(.cmp-fname)") ? cell : null;
  }

  // The feature's name, from its column's header.
  function columnName(cell) {
    var table = cell.closest("table");
    var header = table.tHead.rows[0].cells[cell.cellIndex];
    return header && header.classList.contains("cmp-matrix__feature") ? header.textContent.trim() : "";
  }

  function glyphs(source) {
    var mark = element("span", "cmp-glyphs " + source.className);
    mark.setAttribute("aria-hidden", "true");
    return mark;
  }

  function fillNote(body, cell, labels) {
    body.textContent = "";
    if (cell.classList.contains("cmp-others")) {
      var list = element("ul", "cmp-note-list");
      slice(cell.querySelectorAll(":scope > span")).forEach(function (entry) {
        var link = entry.querySelector(":scope > a");
        var item = element("li");
        var name = element("a", "cmp-note-name", link.firstChild ? link.firstChild.textContent : "");
        name.href = link.getAttribute("href");
        item.appendChild(glyphs(entry));
        item.appendChild(name);
        var words = element("span", "cmp-note-words");
        slice(link.querySelector(":scope > span").childNodes).forEach(function (node) {
          words.appendChild(node.cloneNode(true));
        });
        item.appendChild(words);
        list.appendChild(item);
      });
      body.appendChild(list);
      return;
    }
    var row = cell.parentElement;
    var tool = row.cells[0].textContent.trim();
    body.appendChild(element("p", "cmp-note-feature", columnName(cell)));
    var anchor = cell.querySelector(":scope > a");
    var text = element("p", "cmp-note-text");
    if (anchor) {
      slice(anchor.querySelector(":scope > span").childNodes).forEach(function (node) {
        text.appendChild(node.cloneNode(true));
      });
    } else { // verdicts only (a large site): the words of the cell's verdict codes; notes are on the page
      var words = verdictWords(cell, labels);
      [[tool, words[0]], [labels.productName, words[1]]].forEach(function (pair, index) {
        if (index) text.appendChild(element("br"));
        text.appendChild(element("b", "", pair[0] + ": " + pair[1] + "."));
      });
    }
    body.appendChild(text);
    var open = element("a", "cmp-note-open", format(labels.open, { name: tool }));
    open.href = anchor ? anchor.getAttribute("href") : row.cells[0].querySelector("a").getAttribute("href");
    body.appendChild(open);
  }

  // A cell's two verdicts (the tool's, the product's): the codes its classes name ("t-y p-n"), and
  // their words from the labels the table lists; never by splitting its text, which a label may share.
  function verdictCodes(cell) {
    return [/(?:^|\s)t-(\w+)/, /(?:^|\s)p-(\w+)/].map(function (pattern) {
      return (cell.className.match(pattern) || [])[1];
    });
  }

  function verdictWords(cell, labels) {
    return verdictCodes(cell).map(function (code) {
      return (code && Object.prototype.hasOwnProperty.call(labels.verdicts, code) && labels.verdicts[code]) || "";
    });
  }

  function NoteLayer(table, labels) {
    var layer = element("div", "cmp-note-layer md-typeset");
    layer.id = "cmp-note-layer";
    layer.setAttribute("role", "tooltip");
    var popover = typeof layer.showPopover === "function";
    if (popover) layer.setAttribute("popover", "manual");
    layer.hidden = !popover;
    table.closest(".cmp-matrix-wrap").after(layer);
    this.layer = layer;
    this.owner = null;
    this.dismissed = null;
    this.timer = 0;
    this.popover = popover;
    this.labels = labels;
  }

  NoteLayer.prototype.show = function (cell) {
    clearTimeout(this.timer);
    if (this.owner === cell) return;
    if (this.owner) this.owner.removeAttribute("aria-describedby");
    this.owner = cell;
    fillNote(this.layer, cell, this.labels);
    var focusable = cell.querySelector("a") || cell;
    focusable.setAttribute("aria-describedby", this.layer.id);
    if (this.popover) {
      if (!this.layer.matches(":popover-open")) this.layer.showPopover();
    } else {
      this.layer.hidden = false;
    }
    // The cell's own link goes where the note's does: the note adds no Tab stops of its own.
    slice(this.layer.querySelectorAll("a")).forEach(function (link) { link.tabIndex = -1; });
    this.place(cell);
  };

  // Below the cell, else above it, else wherever it fits best; never past the viewport's edges.
  NoteLayer.prototype.place = function (cell) {
    var layer = this.layer;
    var margin = 6;
    layer.style.maxHeight = window.innerHeight - 2 * margin + "px";
    layer.style.left = "0px";
    layer.style.top = "0px";
    var box = cell.getBoundingClientRect();
    var width = layer.offsetWidth;
    var height = layer.offsetHeight;
    var top = box.bottom + margin;
    if (top + height > window.innerHeight - margin) {
      var above = box.top - margin - height;
      top = above >= margin ? above : Math.max(margin, window.innerHeight - margin - height);
    }
    var left = Math.min(Math.max(margin, box.left), window.innerWidth - margin - width);
    layer.style.left = Math.max(margin, left) + "px";
    layer.style.top = top + "px";
  };

  NoteLayer.prototype.hide = function () {
    clearTimeout(this.timer);
    if (!this.owner) return;
    (this.owner.querySelector("a") || this.owner).removeAttribute("aria-describedby");
    this.owner = null;
    if (this.popover) {
      if (this.layer.matches(":popover-open")) this.layer.hidePopover();
    } else {
      this.layer.hidden = true;
    }
  };

  NoteLayer.prototype.hideSoon = function () {
    var self = this;
    clearTimeout(this.timer);
    this.timer = setTimeout(function () {
      if (self.layer.matches(":hover") || self.layer.contains(document.activeElement)) return;
      if (self.owner && (self.owner.matches(":hover") || self.owner.contains(document.activeElement))) return;
      self.hide();
    }, 250);
  };

  // The page's note layer. The document's listeners are added once and follow it: with instant
  // navigation a new page brings a new layer, and the old one's listeners would pile up.
  var active = null;
  document.addEventListener("pointerdown", function (event) {
    var notes = active;
    if (notes && notes.owner && !notes.layer.contains(event.target) && !notes.owner.contains(event.target)) notes.hide();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && active && active.owner) {
      active.dismissed = active.owner; // stays closed until the pointer moves to another cell
      active.hide();
    }
  });
  window.addEventListener("scroll", function () {
    if (active && active.owner) active.place(active.owner);
  }, { passive: true });

  // The summary's skip link gives the matrix the focus itself: the grid's Tab stop is a cell,
  // and a theme's own hash handling (Read the Docs' moves the focus into its menu) must not
  // take it elsewhere. Added once, as above.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".cmp-skip a");
    var goal = link && document.getElementById(link.getAttribute("href").slice(1));
    if (!goal) return;
    event.preventDefault();
    (goal.querySelector("[tabindex='0']") || goal).focus(); // the grid's Tab stop, once set up
  });

  function setupNotes(table, notes) {
    var body = table.tBodies[0];
    var touch = false;
    // Opened by pointer moves only: when a note closes (Escape) or the page scrolls, Chrome sends
    // the cell now under a still pointer synthetic events, which must not bring a note back.
    var lastX = -1;
    var lastY = -1;
    body.addEventListener("pointermove", function (event) {
      if (event.pointerType !== "mouse" || (event.clientX === lastX && event.clientY === lastY)) return;
      lastX = event.clientX;
      lastY = event.clientY;
      var cell = noteOf(event.target.closest("td"));
      if (!cell || cell === notes.owner) return;
      if (cell === notes.dismissed) return;
      notes.dismissed = null;
      notes.show(cell);
    });
    body.addEventListener("pointerout", function (event) {
      if (event.pointerType === "mouse" && notes.owner && !notes.owner.contains(event.relatedTarget)) notes.hideSoon();
    });
    notes.layer.addEventListener("pointerenter", function () { clearTimeout(notes.timer); });
    notes.layer.addEventListener("pointerleave", function () { notes.hideSoon(); });
    body.addEventListener("pointerdown", function (event) { touch = event.pointerType !== "mouse"; });
    // A tap opens the note (a second tap on the same cell closes it); its link goes to the page.
    body.addEventListener("click", function (event) {
      var cell = noteOf(event.target.closest("td"));
      if (!cell || !touch) return;
      event.preventDefault();
      if (notes.owner === cell) notes.hide();
      else notes.show(cell);
    });
    active = notes;
    // Scrolling the box moves the cell: the note follows a focused cell, a hovered one's closes.
    table.closest(".cmp-matrix-wrap").addEventListener("scroll", function () {
      if (!notes.owner) return;
      if (notes.owner.contains(document.activeElement)) notes.place(notes.owner);
      else notes.hide();
    }, { passive: true });
  }

  /* ---- Keyboard: one Tab stop, arrows between cells; the focused cell is never covered ---- */

  function gridRows(table) {
    return slice(table.rows).filter(function (row) {
      return !row.hidden && !row.classList.contains("cmp-group") && row.getClientRects().length > 0;
    });
  }

  function gridCells(row) {
    return slice(row.cells).filter(function (cell) { return !cell.hidden && cell.getClientRects().length > 0; });
  }

  function target(cell) {
    return cell.querySelector("a, button") || cell;
  }

  // Scroll the wrap (then the page) so that the cell is clear of the sticky header and column.
  function reveal(table, cell) {
    var wrap = table.closest(".cmp-matrix-wrap");
    var outer = wrap.getBoundingClientRect();
    var box = cell.getBoundingClientRect();
    var inHead = cell.parentElement.parentElement === table.tHead;
    var sticky = getComputedStyle(table.tHead.rows[0].cells[0]).position === "sticky";
    var top = outer.top + wrap.clientTop + (inHead || !sticky ? 0 : table.tHead.offsetHeight);
    var left = outer.left + wrap.clientLeft + (cell.cellIndex === 0 || !sticky ? 0 : cell.parentElement.cells[0].offsetWidth);
    var bottom = outer.top + wrap.clientTop + wrap.clientHeight;
    var right = outer.left + wrap.clientLeft + wrap.clientWidth;
    if (box.top < top) wrap.scrollTop -= top - box.top;
    else if (box.bottom > bottom) wrap.scrollTop += box.bottom - bottom;
    if (box.left < left) wrap.scrollLeft -= left - box.left;
    else if (box.right > right) wrap.scrollLeft += box.right - right;
    box = cell.getBoundingClientRect();
    var header = document.querySelector(".md-header");
    var clear = header ? Math.max(0, header.getBoundingClientRect().bottom) : 0;
    if (box.top < clear + 4) window.scrollBy(0, box.top - clear - 4);
    else if (box.bottom > window.innerHeight - 4) window.scrollBy(0, box.bottom - window.innerHeight + 4);
  }

  function setupGrid(table, notes) {
    var wrap = table.closest(".cmp-matrix-wrap");
    wrap.removeAttribute("tabindex"); // the grid's own Tab stop replaces the scroll box's
    table.setAttribute("role", "grid");
    slice(table.querySelectorAll("a, button")).forEach(function (node) { node.tabIndex = -1; });
    var first = slice(table.tBodies[0].rows).filter(function (row) { return !row.classList.contains("cmp-group"); })[0];
    var current = target((first || table.tHead.rows[0]).cells[0]);
    current.tabIndex = 0;

    function focusCell(cell) {
      var next = target(cell);
      if (next !== current) {
        current.tabIndex = -1;
        if (current === current.closest("td, th")) current.removeAttribute("tabindex");
        next.tabIndex = 0;
        current = next;
      }
      next.focus({ preventScroll: true });
      reveal(table, cell);
    }
    table.addEventListener("focusin", function (event) {
      var cell = event.target.closest("td, th");
      if (!cell || !table.contains(cell)) return;
      var focused = target(cell);
      if (focused !== current) {
        current.tabIndex = -1;
        focused.tabIndex = 0;
        current = focused;
      }
      reveal(table, cell);
      var withNote = noteOf(cell);
      if (withNote && event.target.matches(":focus-visible")) notes.show(withNote);
      else notes.hide();
    });
    table.addEventListener("focusout", function (event) {
      if (!notes.layer.contains(event.relatedTarget)) notes.hideSoon();
    });
    table.addEventListener("keydown", function (event) {
      var cell = event.target.closest("td, th");
      if (!cell) return;
      var rows = gridRows(table);
      var y = rows.indexOf(cell.parentElement);
      var x = gridCells(cell.parentElement).indexOf(cell);
      if (y < 0 || x < 0) return;
      var page = Math.max(1, Math.floor(wrap.clientHeight / Math.max(1, cell.offsetHeight)) - 2);
      var moves = {
        ArrowRight: [y, x + 1], ArrowLeft: [y, x - 1], ArrowDown: [y + 1, x], ArrowUp: [y - 1, x],
        Home: event.ctrlKey ? [0, 0] : [y, 0], End: event.ctrlKey ? [rows.length - 1, Infinity] : [y, Infinity],
        PageDown: [y + page, x], PageUp: [y - page, x]
      };
      var move = moves[event.key];
      if (!move) return;
      event.preventDefault();
      var ny = Math.min(Math.max(0, move[0]), rows.length - 1);
      var cells = gridCells(rows[ny]);
      var nx = Math.min(Math.max(0, move[1]), cells.length - 1);
      focusCell(cells[nx]);
    });
  }

  /* ---- Sorting: by any column; a third click gives back the grouped order ---- */

  // The matrix's verdicts (data-verdicts: codes best first, unknown last) as sort weights: the
  // tool's verdict first, the product's within it.
  function verdictRanks(table) {
    var order = (table.getAttribute("data-verdicts") || ORDER).split(" ");
    var ranks = {};
    order.forEach(function (code, index) {
      ranks["t-" + code] = (order.length - index) * (order.length + 1);
      ranks["p-" + code] = order.length - index;
    });
    return ranks;
  }

  function verdictValue(cell, ranks) {
    var value = 0;
    cell.classList.forEach(function (name) { value += ranks[name] || 0; });
    return value;
  }

  function sortValue(cell, kind, ranks) {
    if (!cell) return kind === "text" || kind === "date" ? "" : 0;
    if (kind === "verdict") return verdictValue(cell, ranks);
    if (kind === "date") { // an ISO date sorts as text; undated rows go last (see setupSort)
      var time = cell.querySelector("time");
      return time ? time.getAttribute("datetime") || "" : "";
    }
    if (kind === "number") {
      var number = parseFloat(cell.textContent);
      return isNaN(number) ? 0 : number;
    }
    return cell.textContent.trim().toLocaleLowerCase();
  }

  function setupSort(table, state) {
    var headers = slice(table.tHead.rows[0].cells);
    var body = table.tBodies[0];
    var original = slice(body.rows);
    var ranks = verdictRanks(table);
    headers.forEach(function (header, index) {
      var kind = header.getAttribute("data-sort");
      if (!kind) return;
      var button = element("button", "cmp-sort");
      button.type = "button";
      while (header.firstChild) button.appendChild(header.firstChild);
      header.appendChild(button);
      button.addEventListener("click", function () {
        var current = header.getAttribute("aria-sort");
        var first = kind === "text" || kind === "date" ? "ascending" : "descending"; // dates: oldest first
        var second = first === "ascending" ? "descending" : "ascending";
        var order = current === first ? second : current === second ? null : first;
        headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
        var fragment = document.createDocumentFragment();
        state.sorted = order !== null;
        if (order === null) {
          original.forEach(function (row) { fragment.appendChild(row); });
        } else {
          header.setAttribute("aria-sort", order);
          var sign = order === "ascending" ? 1 : -1;
          var rows = original.filter(function (row) { return !row.classList.contains("cmp-group"); });
          rows.map(function (row, position) {
            return { row: row, key: sortValue(row.cells[index], kind, ranks), position: position };
          }).sort(function (a, b) {
            if (kind === "date" && (a.key === "") !== (b.key === "")) return a.key === "" ? 1 : -1;
            if (a.key < b.key) return -sign;
            if (a.key > b.key) return sign;
            return a.position - b.position;
          }).forEach(function (entry) { fragment.appendChild(entry.row); });
          original.forEach(function (row) { if (row.classList.contains("cmp-group")) fragment.appendChild(row); });
        }
        body.appendChild(fragment);
        state.apply();
      });
    });
  }

  /* ---- Category filter: rows, cards and the columns no shown tool mentions ---- */

  function applyFilter(table, state) {
    var value = state.category;
    var rows = slice(table.tBodies[0].rows);
    rows.forEach(function (row) {
      var other = value !== null && row.getAttribute("data-category") !== value;
      row.hidden = other || (state.sorted && row.classList.contains("cmp-group"));
    });
    document.querySelectorAll(".cmp-cards[data-category]").forEach(function (group) {
      var hide = value !== null && group.getAttribute("data-category") !== value;
      group.hidden = hide;
      var heading = group.previousElementSibling;
      if (heading && /^H[1-6]$/.test(heading.tagName)) heading.hidden = hide;
    });
    var headers = table.tHead.rows[0].cells;
    var visible = rows.filter(function (row) { return !row.hidden && !row.classList.contains("cmp-group"); });
    slice(headers).forEach(function (header, index) {
      if (!header.classList.contains("cmp-matrix__feature")) return;
      var used = value === null || visible.some(function (row) {
        var cell = row.cells[index];
        return cell && cell.firstElementChild;
      });
      header.hidden = !used;
      rows.forEach(function (row) {
        if (!row.classList.contains("cmp-group") && row.cells[index]) row.cells[index].hidden = !used;
      });
    });
    var width = slice(headers).filter(function (header) { return !header.hidden; }).length;
    rows.forEach(function (row) { if (row.classList.contains("cmp-group")) row.cells[0].colSpan = width; });
  }

  function categories(table) {
    return slice(table.tBodies[0].rows).filter(function (row) {
      return row.classList.contains("cmp-group");
    }).map(function (row) { return [row.getAttribute("data-category") || "", row.textContent.trim()]; });
  }

  function setupFilter(table, controls, state) {
    var list = categories(table);
    if (list.length < 2) return;
    var label = element("label", "cmp-filter", (controls.getAttribute("data-label-filter") || "Category") + " ");
    var select = element("select");
    var all = element("option", "", controls.getAttribute("data-label-all") || "All");
    all.value = "";
    select.appendChild(all);
    list.forEach(function (entry) {
      var option = element("option", "", entry[1]);
      option.value = "=" + entry[0]; // "=" keeps the empty (uncategorised) slug apart from "all"
      select.appendChild(option);
    });
    select.addEventListener("change", function () {
      state.category = select.value ? select.value.slice(1) : null;
      state.apply();
    });
    label.appendChild(select);
    controls.appendChild(label);
  }

  /* ---- Phone: each tool a card listing its features, verdict first (CSS does the layout) ---- */

  function setupPhone(table) {
    var media = window.matchMedia(PHONE);
    var names = slice(table.tHead.rows[0].cells).map(function (header) {
      return header.classList.contains("cmp-matrix__feature") ? header.textContent.trim() : "";
    });
    var done = false;
    function label() {
      if (done || !media.matches) return;
      done = true;
      slice(table.tBodies[0].rows).forEach(function (row) {
        if (row.classList.contains("cmp-group")) return;
        slice(row.cells).forEach(function (cell, index) {
          if (names[index] && cell.firstElementChild) {
            var name = element("span", "cmp-fname", names[index]);
            name.setAttribute("aria-hidden", "true");
            cell.insertBefore(name, cell.firstChild);
          }
        });
      });
    }
    label();
    if (media.addEventListener) media.addEventListener("change", label);
  }

  /* ---- Compare two: ?vs=slug,slug (one slug: the product against that tool) ---- */

  function features(table, row, labels) {
    var headers = table.tHead.rows[0].cells;
    var list = [];
    function split(note) {
      var parts = [[], []];
      var side = 0;
      if (note) slice(note.childNodes).forEach(function (node) {
        if (node.nodeName === "BR") side = 1;
        else parts[side].push(node);
      });
      return parts.map(function (nodes) {
        var rest = nodes.filter(function (n) { return n.nodeName !== "B"; });
        return { note: rest.map(function (n) { return n.textContent; }).join("").trim() };
      });
    }
    function add(key, name, holder, href, note) {
      var codes = verdictCodes(holder);
      var words = verdictWords(holder, labels);
      var parts = split(note);
      list.push({ key: key, name: name, href: href, tool: { v: codes[0], words: words[0], note: parts[0].note },
        product: { v: codes[1], words: words[1], note: parts[1].note } });
    }
    slice(row.cells).forEach(function (cell, index) {
      var header = headers[index];
      if (!header || !header.classList.contains("cmp-matrix__feature") || !cell.firstElementChild) return;
      var link = cell.querySelector(":scope > a");
      add(header.getAttribute("data-key"), header.textContent.trim(), cell,
        link ? link.getAttribute("href") : "", cell.querySelector(":scope > a > span"));
    });
    var others = row.querySelector("td.cmp-others");
    if (others) slice(others.querySelectorAll(":scope > span")).forEach(function (entry) {
      var link = entry.querySelector(":scope > a");
      add(entry.getAttribute("data-key"), link.firstChild.textContent, entry, link.getAttribute("href"),
        link.querySelector(":scope > span"));
    });
    return list;
  }

  function verdictCell(side, name) {
    var cell = element("td", "cmp-vs__verdict cmp-v-" + (side ? side.v || "none" : "none"));
    if (!side) return cell;
    cell.appendChild(element("strong", "", side.words || ""));
    if (side.note) {
      cell.appendChild(document.createTextNode(" "));
      cell.appendChild(element("span", "", side.note));
    }
    cell.setAttribute("data-side", name);
    return cell;
  }

  function vsTable(caption, heads, entries) {
    var wrap = element("div", "cmp-vs__part");
    wrap.appendChild(element("h3", "", caption));
    var table = element("table", "cmp-vs__table");
    var head = table.createTHead().insertRow();
    heads.forEach(function (text) {
      var th = element("th", "", text);
      th.scope = "col";
      head.appendChild(th);
    });
    var body = table.createTBody();
    entries.forEach(function (entry) {
      var tr = body.insertRow();
      var th = element("th");
      th.scope = "row";
      var link = element("a", "", entry.name);
      link.href = entry.href;
      th.appendChild(link);
      tr.appendChild(th);
      entry.sides.forEach(function (side, index) { tr.appendChild(verdictCell(side, heads[index + 1])); });
    });
    wrap.appendChild(table);
    return wrap;
  }

  function setupCompare(table, controls, labels) {
    var rows = slice(table.tBodies[0].rows).filter(function (row) { return row.hasAttribute("data-slug"); });
    if (rows.length < 1) return;
    var bySlug = {};
    rows.forEach(function (row) { bySlug[row.getAttribute("data-slug")] = row; });
    var named = rows.map(function (row) { return [row.getAttribute("data-slug"), row.cells[0].textContent.trim()]; })
      .sort(function (a, b) { return a[1].localeCompare(b[1]); });
    var box = element("div", "cmp-compare");
    var pickers = [0, 1].map(function (index) {
      var label = element("label", "", (index ? labels.with : labels.compare) + " ");
      var select = element("select");
      var none = element("option", "", labels.pick);
      none.value = "";
      select.appendChild(none);
      var product = element("option", "", labels.product);
      product.value = "@";
      select.appendChild(product);
      named.forEach(function (entry) {
        var option = element("option", "", entry[1]);
        option.value = entry[0];
        select.appendChild(option);
      });
      label.appendChild(select);
      box.appendChild(label);
      return select;
    });
    controls.appendChild(box);
    var view = element("section", "cmp-vs");
    view.hidden = true;
    view.setAttribute("aria-live", "polite");
    controls.after(view);

    function url(slugs) {
      var search = slugs ? "?vs=" + slugs.map(encodeURIComponent).join(",") : "";
      return location.pathname + search + location.hash;
    }

    function close() {
      view.hidden = true;
      view.textContent = "";
      pickers.forEach(function (select) { select.value = ""; });
      history.replaceState(history.state, "", url(null));
    }

    function render(first, second) {
      var slugs = [first, second].filter(function (slug) { return slug !== "@"; });
      if (slugs.length === 0 || first === second || !slugs.every(function (s) { return s in bySlug; })) return false;
      pickers[0].value = first;
      pickers[1].value = second;
      var rowA = bySlug[slugs[0]];
      var nameA = rowA.cells[0].textContent.trim();
      var listA = features(table, rowA, labels);
      view.textContent = "";
      var title;
      var parts = [];
      if (slugs.length === 1) { // the product against one tool: that tool's own page
        title = labels.productName + " / " + nameA;
        var productFirst = first === "@";
        var heads = [labels.feature, productFirst ? labels.productName : nameA, productFirst ? nameA : labels.productName];
        parts.push(vsTable(labels.shared, heads, listA.map(function (f) {
          return { name: f.name, href: f.href, sides: productFirst ? [f.product, f.tool] : [f.tool, f.product] };
        })));
      } else {
        var rowB = bySlug[slugs[1]];
        var nameB = rowB.cells[0].textContent.trim();
        var listB = features(table, rowB, labels);
        title = nameA + " / " + nameB;
        var keysB = {};
        listB.forEach(function (f) { keysB[f.key] = f; });
        var keysA = {};
        listA.forEach(function (f) { keysA[f.key] = f; });
        var shared = listA.filter(function (f) { return f.key in keysB; });
        parts.push(vsTable(labels.shared, [labels.feature, nameA, nameB], shared.map(function (f) {
          return { name: f.name, href: f.href, sides: [f.tool, keysB[f.key].tool] };
        })));
        [[listA, keysB, nameA], [listB, keysA, nameB]].forEach(function (side) {
          var only = side[0].filter(function (f) { return !(f.key in side[1]); });
          if (only.length) parts.push(vsTable(format(labels.only, { name: side[2] }), [labels.feature, side[2]],
            only.map(function (f) { return { name: f.name, href: f.href, sides: [f.tool] }; })));
        });
      }
      var heading = element("h2", "cmp-vs__title", title);
      heading.tabIndex = -1;
      view.appendChild(heading);
      var bar = element("p", "cmp-vs__bar");
      var share = element("a", "cmp-vs__link", labels.link);
      share.href = url([first === "@" ? second : first, second === "@" ? first : second].filter(function (s, i, all) {
        return s !== "@" && all.indexOf(s) === i;
      }));
      bar.appendChild(share);
      var back = element("button", "cmp-vs__close md-button", labels.close);
      back.type = "button";
      back.addEventListener("click", close);
      bar.appendChild(document.createTextNode(" "));
      bar.appendChild(back);
      view.appendChild(bar);
      if (!table.classList.contains("cmp-matrix--notes")) view.appendChild(element("p", "cmp-vs__compact", labels.compact));
      parts.forEach(function (part) { view.appendChild(part); });
      view.hidden = false;
      history.replaceState(history.state, "", share.getAttribute("href"));
      return true;
    }

    pickers.forEach(function (select) {
      select.addEventListener("change", function () {
        if (pickers[0].value && pickers[1].value) render(pickers[0].value, pickers[1].value);
      });
    });
    var wanted = new URLSearchParams(location.search).get("vs");
    if (wanted) {
      var slugs = wanted.split(",").map(function (s) { return s.trim(); }).filter(Boolean);
      if (render(slugs.length === 1 ? "@" : slugs[0], slugs.length === 1 ? slugs[0] : slugs[1])) {
        view.scrollIntoView({ block: "start" });
        view.querySelector("h2").focus({ preventScroll: true });
      }
    }
  }

  /* ---- Start ---- */

  function readLabels(controls, product) {
    var read = function (name, fallback) {
      return (controls && controls.getAttribute("data-label-" + name)) || fallback;
    };
    return {
      open: read("open", "Open the row on {name}'s page"), compare: read("compare", "Compare"),
      with: read("with", "with"), pick: read("pick", "choose a tool"), shared: read("shared", "Features"),
      only: read("only", "Only on {name}'s page"), close: read("close", "Close"), link: read("link", "Link"),
      feature: read("feature", "Feature"), compact: read("compact", ""),
      product: format(read("product-page", "{product}"), { product: product }), productName: product
    };
  }

  function readVerdictLabels(table) {
    try {
      var said = JSON.parse(table.getAttribute("data-verdict-labels") || "{}");
      return said && typeof said === "object" ? said : {};
    } catch (error) {
      return {};
    }
  }

  // A card's icon that cannot load (a remote URL gone) is taken out: the card then reads as one
  // without an icon, not with an empty square. Errors do not bubble: listened for on the way down,
  // once; icons that failed before this script ran are found in `init`.
  function dropBrokenIcon(img) {
    if (img && img.classList && img.classList.contains("cmp-card__icon")) img.remove();
  }
  document.addEventListener("error", function (event) { dropBrokenIcon(event.target); }, true);

  function init() {
    slice(document.querySelectorAll("img.cmp-card__icon")).forEach(function (img) {
      if (img.complete && !img.naturalWidth) dropBrokenIcon(img);
    });
    var table = document.querySelector("table[data-compare-matrix]");
    if (!table || table.getAttribute("data-compare-ready")) return;
    table.setAttribute("data-compare-ready", "true");
    table.classList.add("cmp-js");
    var controls = document.querySelector("[data-compare-controls]");
    var labels = readLabels(controls, controls ? controls.getAttribute("data-product") || "" : "");
    labels.verdicts = readVerdictLabels(table);
    var state = { category: null, sorted: false };
    state.apply = function () { applyFilter(table, state); };
    var notes = new NoteLayer(table, labels);
    setupSort(table, state);
    setupNotes(table, notes);
    setupGrid(table, notes);
    setupPhone(table);
    if (controls) {
      setupFilter(table, controls, state);
      setupCompare(table, controls, labels);
      controls.hidden = false;
    }
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
