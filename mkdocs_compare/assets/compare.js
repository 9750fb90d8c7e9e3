/* mkdocs-compare: category filter and sortable columns for the summary page.
   Progressive enhancement only: without this script the page shows everything. Runs on every
   page load, including Material's instant navigation (document$), and does nothing on pages
   without a summary. */
(function () {
  "use strict";

  var VERDICT = { "t-y": 3, "t-u": 2, "t-n": 1 };
  var PRODUCT = { "p-y": 0.3, "p-u": 0.2, "p-n": 0.1 };

  function verdictValue(cell) {
    var value = 0;
    cell.classList.forEach(function (name) {
      value += VERDICT[name] || PRODUCT[name] || 0;
    });
    return value;
  }

  function sortValue(cell, kind) {
    if (!cell) return kind === "text" ? "" : 0;
    if (kind === "verdict") return verdictValue(cell);
    if (kind === "number") {
      var number = parseFloat(cell.textContent);
      return isNaN(number) ? cell.querySelectorAll("a").length : number;
    }
    return cell.textContent.trim().toLocaleLowerCase();
  }

  function setupSort(table) {
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var body = table.tBodies[0];
    headers.forEach(function (header, index) {
      var kind = header.getAttribute("data-sort");
      if (!kind) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "cmp-sort";
      while (header.firstChild) button.appendChild(header.firstChild);
      header.appendChild(button);
      button.addEventListener("click", function () {
        var current = header.getAttribute("aria-sort");
        var first = kind === "text" ? "ascending" : "descending";
        var order = current === first ? (first === "ascending" ? "descending" : "ascending") : first;
        var sign = order === "ascending" ? 1 : -1;
        headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
        header.setAttribute("aria-sort", order);
        var rows = Array.prototype.slice.call(body.rows).map(function (row, position) {
          return { row: row, key: sortValue(row.cells[index], kind), position: position };
        });
        rows.sort(function (a, b) {
          if (a.key < b.key) return -sign;
          if (a.key > b.key) return sign;
          return a.position - b.position;
        });
        var fragment = document.createDocumentFragment();
        rows.forEach(function (entry) { fragment.appendChild(entry.row); });
        body.appendChild(fragment);
      });
    });
  }

  function categories(table) {
    var seen = {};
    var list = [];
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      var slug = row.getAttribute("data-category") || "";
      if (slug in seen) return;
      seen[slug] = true;
      list.push([slug, row.cells[1] ? row.cells[1].textContent.trim() : slug]);
    });
    return list.sort(function (a, b) { return a[1].localeCompare(b[1]); });
  }

  function applyFilter(table, value) {
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    rows.forEach(function (row) {
      row.hidden = value !== null && row.getAttribute("data-category") !== value;
    });
    document.querySelectorAll(".cmp-cards[data-category]").forEach(function (group) {
      var hide = value !== null && group.getAttribute("data-category") !== value;
      group.hidden = hide;
      var heading = group.previousElementSibling;
      if (heading && /^H[1-6]$/.test(heading.tagName)) heading.hidden = hide;
    });
    // Hide feature columns that no visible row mentions: a category's matrix stays dense.
    var headers = table.tHead.rows[0].cells;
    var visible = rows.filter(function (row) { return !row.hidden; });
    Array.prototype.forEach.call(headers, function (header, index) {
      if (!header.classList.contains("cmp-matrix__feature")) return;
      var used = value === null || visible.some(function (row) {
        var cell = row.cells[index];
        return cell && cell.firstElementChild;
      });
      header.hidden = !used;
      rows.forEach(function (row) {
        if (row.cells[index]) row.cells[index].hidden = !used;
      });
    });
  }

  function setupFilter(table, controls) {
    var list = categories(table);
    if (list.length < 2) return;
    var label = document.createElement("label");
    var select = document.createElement("select");
    label.textContent = (controls.getAttribute("data-label-filter") || "Category") + " ";
    var all = document.createElement("option");
    all.value = "";
    all.textContent = controls.getAttribute("data-label-all") || "All";
    select.appendChild(all);
    list.forEach(function (entry) {
      var option = document.createElement("option");
      option.value = "=" + entry[0]; // "=" keeps the empty (uncategorised) slug apart from "all"
      option.textContent = entry[1];
      select.appendChild(option);
    });
    select.addEventListener("change", function () {
      applyFilter(table, select.value ? select.value.slice(1) : null);
    });
    label.appendChild(select);
    controls.appendChild(label);
    controls.hidden = false;
  }

  function init() {
    var table = document.querySelector("table[data-compare-matrix]");
    if (!table || table.getAttribute("data-compare-ready")) return;
    table.setAttribute("data-compare-ready", "true");
    setupSort(table);
    var controls = document.querySelector("[data-compare-controls]");
    if (controls) setupFilter(table, controls);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
