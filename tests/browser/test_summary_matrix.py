"""The summary page at real scale, in Chromium: a sparse site of 25 tools and ~80 features, and
one of 1,000 tools (Material, light and dark, 1280 px and a 390 px touch phone).

What a reader meets: notes that open fully inside the viewport and uncovered, a matrix that is
one Tab stop and moves with the arrow keys without hiding the focused cell, one-line rows whose
sticky cells line up, the phone layout, `?vs=` and the contrast of it all. Oracles are the pages
the corpus wrote (tests/summary_corpus.py), never the plugin's output.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import build_in, write_docs
from exported import render
from summary_corpus import Corpus, sparse_corpus

from .helpers import Visit, low_contrast, serve

SUMMARY = "compare/"
MATERIAL = {
    "name": "material",
    "features": ["navigation.instant"],
    "palette": [
        {"media": "(prefers-color-scheme: light)", "scheme": "default"},
        {"media": "(prefers-color-scheme: dark)", "scheme": "slate"},
    ],
}
TITLES = {  # written by hand: what a reader should see for each slug
    "e2e-platforms": "E2E platforms",
    "llm-observability": "LLM observability",
    "genai-frameworks": "GenAI frameworks",
    "ml-orchestrators": "ML orchestrators",
    "data-model-versioning": "Data model versioning",
}


class Site:
    def __init__(self, corpus: Corpus, base: str, site_dir: Path) -> None:
        self.corpus, self.base, self.site_dir = corpus, base, site_dir


def _build(root: Path, corpus: Corpus) -> Site:
    write_docs(root / "docs", {path: render(page) for path, page in corpus.pages.items()})
    (root / "docs/index.md").write_text("# Home\n\n[The summary](compare/index.md)\n", encoding="utf-8")
    config: dict[str, Any] = {
        "site_name": "Matrix",
        "site_url": "https://example.org/",
        "theme": MATERIAL,
        "plugins": ["search", "compare"],
    }
    if len(corpus.pages) > 100:  # a 1,000-page nav on every page costs the build minutes
        config["nav"] = ["index.md", "compare/index.md"]
    built = build_in(root, config)
    assert not built.warnings()
    _server, base = serve(built.site_dir)
    return Site(corpus, base, built.site_dir)


@pytest.fixture(scope="module")
def site25(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Site:
    return _build(tmp_path_factory.mktemp("summary25"), sparse_corpus(25))


@pytest.fixture(scope="module")
def site1000(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Site:
    return _build(tmp_path_factory.mktemp("summary1000"), sparse_corpus(1000, seed=5))


class TouchVisit(Visit):
    """A Visit in a touch context (a phone): taps, not hovers."""

    def __init__(self, browser: Any, base: str, width: int, height: int, scheme: str) -> None:
        self.base = base
        self.context = browser.new_context(
            viewport={"width": width, "height": height}, color_scheme=scheme, has_touch=True, is_mobile=True
        )
        self.page = self.context.new_page()
        self.errors = []
        self.page.on("console", self._console)
        self.page.on("pageerror", self._uncaught)
        self.page.route(
            "**/*",
            lambda route: route.continue_() if route.request.url.startswith(self.base) else route.abort(),
        )


Open = Callable[..., Any]


@pytest.fixture
def visit(browser: Any) -> Iterator[Open]:
    """`visit(site, path, width=1280, scheme="light", touch=False)`; fails on console errors."""
    visits: list[Visit] = []

    def _open(
        site: Site, path: str = SUMMARY, width: int = 1280, scheme: str = "light", touch: bool = False
    ) -> Any:
        kind = TouchVisit if touch else Visit
        opened = kind(browser, site.base, width, 844 if touch else 900, scheme)
        visits.append(opened)
        return opened.goto(path)

    yield _open
    errors = [error for opened in visits for error in opened.errors]
    for opened in visits:
        opened.close()
    assert not errors, "errors in the browser console:\n" + "\n".join(errors)


# The note layer as the reader sees it: open, its box, and how many of its corners another
# element covers (elementFromPoint 3 px inside each corner).
LAYER_JS = """
() => {
  const l = document.getElementById('cmp-note-layer');
  if (!l) return null;
  const open = l.matches(':popover-open') || (!l.hidden && l.getClientRects().length > 0);
  const r = l.getBoundingClientRect();
  const corners = [[r.left + 3, r.top + 3], [r.right - 3, r.top + 3], [r.left + 3, r.bottom - 3], [r.right - 3, r.bottom - 3]];
  const covered = corners.filter(([x, y]) => { const e = document.elementFromPoint(x, y); return !e || !l.contains(e); }).length;
  const link = l.querySelector('a.cmp-note-open');
  return {open, text: l.textContent, left: r.left, top: r.top, right: r.right, bottom: r.bottom,
          width: innerWidth, height: innerHeight, covered, clipped: l.scrollHeight > l.clientHeight + 1,
          href: link ? link.getAttribute('href') : null};
}
"""

# The focused cell: whether any part of it is hidden (outside the scroll box's free area or the
# viewport, under Material's header, or under another element at its corners) and its ring.
FOCUS_JS = """
() => {
  const f = document.activeElement;
  const cell = f && f.closest('td, th');
  const table = document.querySelector('table[data-compare-matrix]');
  if (!cell || !table.contains(cell)) return null;
  const wrap = table.closest('.cmp-matrix-wrap');
  const w = wrap.getBoundingClientRect();
  const r = cell.getBoundingClientRect();
  const inHead = cell.parentElement.parentElement === table.tHead;
  const top = inHead ? w.top : table.tHead.rows[0].cells[0].getBoundingClientRect().bottom;
  const left = cell.cellIndex === 0 ? w.left : cell.parentElement.cells[0].getBoundingClientRect().right;
  const header = document.querySelector('.md-header');
  const clear = header ? header.getBoundingClientRect().bottom : 0;
  const e = 0.5;
  const problems = [];
  if (r.top < top - e || r.left < left - e || r.bottom > w.top + wrap.clientTop + wrap.clientHeight + e
      || r.right > w.left + wrap.clientLeft + wrap.clientWidth + e) problems.push('outside the free area');
  if (r.top < clear - e || r.bottom > innerHeight + e || r.left < -e || r.right > innerWidth + e) problems.push('off screen');
  for (const [x, y] of [[r.left + 3, r.top + 3], [r.right - 3, r.top + 3], [r.left + 3, r.bottom - 3], [r.right - 3, r.bottom - 3]]) {
    const hit = document.elementFromPoint(x, y);
    if (!hit || !cell.contains(hit)) problems.push(`corner covered by ${hit ? hit.tagName + '.' + hit.className : 'nothing'}`);
  }
  const s = getComputedStyle(f);
  const fr = f.getBoundingClientRect();
  const ring = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 && parseFloat(s.outlineOffset) <= 0
    && fr.left >= r.left - e && fr.right <= r.right + e && fr.top >= r.top - e && fr.bottom <= r.bottom + e;
  const row = cell.parentElement;
  return {problems, ring, row: [...table.rows].indexOf(row), col: cell.cellIndex, text: cell.textContent,
          others: cell.classList.contains('cmp-others'), note: !!cell.querySelector('span:not(.cmp-fname)'),
          slug: row.getAttribute('data-slug'), feature: table.tHead.rows[0].cells[cell.cellIndex].textContent.trim()};
}
"""


def _note_of(site: Site, slug: str, feature: str) -> tuple[str, str]:
    """(tool note, product note) of a feature on the page of that slug, from the corpus."""
    row = next(r for r in site.corpus.by_slug(slug).rows if r.name == feature)
    return row.tool_note, row.product_note


def _assert_note_shown(page: Any, where: str) -> dict[str, Any]:
    layer = page.evaluate(LAYER_JS)
    assert layer and layer["open"], f"{where}: no note open"
    inside = layer["left"] >= 0 and layer["top"] >= 0 and layer["right"] <= layer["width"]
    assert inside and layer["bottom"] <= layer["height"], f"{where}: note leaves the viewport: {layer}"
    assert layer["covered"] == 0 and not layer["clipped"], f"{where}: note covered or cut: {layer}"
    return dict(layer)


def _hover_cell(page: Any, handle: Any) -> None:
    box = handle.bounding_box()
    # From outside the table first: after a scroll the pointer can already rest on the cell's
    # centre, and a move to where it is fires no pointer event (a reader's hover is a move).
    page.mouse.move(0, 0)
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_function("() => document.getElementById('cmp-note-layer').matches(':popover-open')")


# Cells to sample: the first and last rows, the right edge, and a spread in between.
SAMPLES_JS = """
() => {
  const rows = [...document.querySelectorAll('table[data-compare-matrix] tbody tr[data-slug]')];
  const pick = [];
  const filled = (row) => [...row.cells].filter(c => c.className.startsWith('t-'));
  const add = (row, cell, place) => pick.push({slug: row.getAttribute('data-slug'), col: cell.cellIndex, place});
  add(rows[0], filled(rows[0])[0], 'first row');
  const last = rows[rows.length - 1];
  add(last, filled(last)[filled(last).length - 1], 'last row');
  let edge = rows[0], edgeCell = filled(rows[0]).pop();
  for (const row of rows.slice(0, 200)) { const c = filled(row).pop(); if (c && c.cellIndex > edgeCell.cellIndex) { edge = row; edgeCell = c; } }
  add(edge, edgeCell, 'right edge');
  for (const i of [3, 7, 11]) { const row = rows[Math.floor(rows.length * i / 13)]; const cs = filled(row); add(row, cs[Math.floor(cs.length / 2)], 'middle'); }
  return pick;
}
"""


def _place(page: Any, slug: str, col: int, place: str) -> Any:
    """Scroll the sampled cell to where the reader meets it: the box's edge for edge cells."""
    selector = f"table[data-compare-matrix] tr[data-slug='{slug}'] > :nth-child({col + 1})"
    page.evaluate(
        """([selector, place]) => { const cell = document.querySelector(selector);
          const wrap = cell.closest('.cmp-matrix-wrap');
          wrap.scrollIntoView({block: 'end'});
          if (place === 'right edge') wrap.scrollLeft = wrap.scrollWidth;
          if (place === 'last row') wrap.scrollTop = wrap.scrollHeight;
          const r = cell.getBoundingClientRect(), w = wrap.getBoundingClientRect();
          const head = cell.closest('table').tHead.rows[0].cells[0].getBoundingClientRect().bottom;
          if (place !== 'last row' && (r.top < head || r.bottom > w.bottom)) wrap.scrollTop += r.top - head - 100;
          if (place !== 'right edge' && (r.right > w.right || r.left < w.left + 200)) wrap.scrollLeft += r.left - w.left - 260; }""",
        [selector, place],
    )
    return page.query_selector(selector)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_notes_open_whole_and_uncovered_on_hover(visit: Open, site25: Site, scheme: str) -> None:
    page = visit(site25, scheme=scheme)
    samples = page.evaluate(SAMPLES_JS)
    headers = page.eval_on_selector_all(
        "table[data-compare-matrix] thead th", "hs => hs.map(h => h.textContent.trim())"
    )
    for sample in samples:
        cell = _place(page, sample["slug"], sample["col"], sample["place"])
        _hover_cell(page, cell)
        feature = headers[sample["col"]]
        layer = _assert_note_shown(page, f"{scheme} {sample}")
        tool_note, product_note = _note_of(site25, sample["slug"], feature)
        assert tool_note in layer["text"] and product_note in layer["text"] and feature in layer["text"]
        assert layer["href"] == cell.query_selector("a").get_attribute("href")
        page.mouse.move(0, 0)
        page.wait_for_function("() => !document.getElementById('cmp-note-layer').matches(':popover-open')")


def test_note_stays_while_hovered_and_escape_dismisses_it(visit: Open, site25: Site) -> None:
    page = visit(site25)
    cell = page.query_selector_all("table[data-compare-matrix] tbody td[class^='t-']")[4]
    cell.scroll_into_view_if_needed()
    _hover_cell(page, cell)
    layer = _assert_note_shown(page, "hovered")
    # Onto the note (across the gap between cell and note), and it stays.
    page.mouse.move((layer["left"] + layer["right"]) / 2, layer["top"] + 8, steps=4)
    page.wait_for_timeout(600)
    assert page.evaluate(LAYER_JS)["open"]
    page.keyboard.press("Escape")
    assert not page.evaluate(LAYER_JS)["open"]


def _tab_into_matrix(page: Any) -> int:
    """Tab from the matrix's legend (the cards before it are a stop each) into the matrix."""
    page.click(".cmp-legend")
    for stops in range(1, 80):
        page.keyboard.press("Tab")
        if page.evaluate("() => !!document.activeElement.closest('table[data-compare-matrix]')"):
            return stops
    raise AssertionError("Tab never reached the matrix")


def test_matrix_is_one_tab_stop(visit: Open, site25: Site) -> None:
    _assert_one_tab_stop(visit(site25))


def _assert_one_tab_stop(page: Any) -> None:
    _tab_into_matrix(page)
    page.keyboard.press("Tab")
    after = page.evaluate(
        "() => { const a = document.activeElement; return [!!a.closest('.cmp-matrix-wrap'), a.tagName]; }"
    )
    assert after[0] is False, f"a second Tab stop in the matrix: {after}"
    page.keyboard.press("Shift+Tab")
    back = page.evaluate(
        "() => { const a = document.activeElement; return [!!a.closest('table[data-compare-matrix]'), a.outerHTML.slice(0, 200)]; }"
    )
    assert back[0], f"Shift+Tab did not come back to the matrix: {back}"
    page.keyboard.press("Shift+Tab")
    assert not page.evaluate("() => !!document.activeElement.closest('.cmp-matrix-wrap')")


KEYS = (
    ["ArrowRight"] * 6 + ["ArrowDown"] * 9 + ["End", "PageDown", "PageDown", "ArrowLeft", "ArrowLeft"]
    + ["Control+End", "ArrowUp", "Home", "PageUp", "Control+Home", "ArrowRight", "ArrowUp"]
)  # fmt: skip


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_arrow_keys_move_focus_and_never_hide_the_focused_cell(
    visit: Open, site25: Site, scheme: str
) -> None:
    _assert_arrow_keys(visit(site25, scheme=scheme), site25, f"25 {scheme}")


def _assert_arrow_keys(page: Any, site: Site, where: str) -> None:
    _tab_into_matrix(page)
    seen = set()
    rows = page.evaluate("() => document.querySelector('table[data-compare-matrix]').rows.length")
    for key in KEYS:
        page.keyboard.press(key)
        focused = page.evaluate(FOCUS_JS)
        assert focused is not None, f"{key}: focus left the matrix"
        assert not focused["problems"], f"{where} after {key}: {focused}"
        assert focused["ring"], f"{where} after {key}: no four-sided focus ring: {focused}"
        seen.add((focused["row"], focused["col"]))
        if key == "Control+End":
            assert focused["row"] == rows - 1
        if focused["slug"] and focused["note"] and focused["col"] > 2:
            note = _assert_note_shown(page, f"{where} keyboard {key}")
            if len(site.corpus.pages) < 100 and not focused["others"]:
                assert _note_of(site, focused["slug"], focused["feature"])[0] in note["text"]
    assert len(seen) >= 15
    # The last ArrowUp reached the header row: a sort button, which Enter presses.
    assert page.evaluate("() => document.activeElement.classList.contains('cmp-sort')")
    page.keyboard.press("Enter")
    assert page.evaluate("() => !!document.activeElement.closest('th[aria-sort]')")


ROWS_JS = """
() => [...document.querySelectorAll('table[data-compare-matrix] tbody tr')].filter(r => !r.hidden).map(r => {
  const cells = [...r.cells].map(c => c.getBoundingClientRect());
  return {group: r.classList.contains('cmp-group'), height: r.getBoundingClientRect().height,
          bottoms: cells.map(c => c.bottom), tops: cells.map(c => c.top)};
})
"""


def test_body_rows_are_one_line_and_sticky_cells_line_up(visit: Open, site25: Site) -> None:
    _assert_rows_line_up(visit(site25))


def _assert_rows_line_up(page: Any) -> None:
    page.evaluate("() => document.querySelector('.cmp-matrix-wrap').scrollLeft = 300")  # sticky column in use
    rows = page.evaluate(ROWS_JS)
    heights = {round(row["height"], 1) for row in rows if not row["group"]}
    assert len(heights) == 1, f"body rows of several heights: {sorted(heights)}"
    line = page.evaluate(
        "() => parseFloat(getComputedStyle(document.querySelector('.cmp-matrix')).fontSize) * 2.6"
    )
    assert heights.pop() < line, "a body row is taller than one line"
    for row in rows:
        assert (
            max(row["bottoms"]) - min(row["bottoms"]) < 0.5 and max(row["tops"]) - min(row["tops"]) < 0.5
        ), row


def test_layout_uses_the_width_with_groups_and_quiet_product_verdicts(visit: Open, site25: Site) -> None:
    page = visit(site25)
    sidebars = page.evaluate(
        "() => [...document.querySelectorAll('.md-sidebar')].filter(s => s.checkVisibility()).length"
    )
    assert sidebars == 0
    shown = page.evaluate(
        """() => { const w = document.querySelector('.cmp-matrix-wrap').getBoundingClientRect();
          return [...document.querySelectorAll('th.cmp-matrix__feature')].filter(h => h.getBoundingClientRect().right <= w.right).length; }"""
    )
    assert shown >= 20, f"only {shown} feature columns in view at 1280 px"
    headers = page.eval_on_selector_all(
        "table[data-compare-matrix] thead th", "hs => hs.map(h => h.textContent.trim())"
    )
    assert "Category" not in headers
    groups = page.eval_on_selector_all(
        "tr.cmp-group", "rs => rs.map(r => [r.dataset.category, r.textContent.trim()])"
    )
    assert sorted(map(tuple, groups)) == sorted(TITLES.items())
    # The product's glyph: drawn where its verdict is not yes, or where its pages disagree.
    product: dict[str, set[str]] = {}
    for page_ in site25.corpus.pages.values():
        for row in page_.rows:
            product.setdefault(row.name, set()).add(row.product_verdict)
    drawn = page.evaluate(
        """() => { const t = document.querySelector('table[data-compare-matrix]');
          const names = [...t.tHead.rows[0].cells].map(h => h.textContent.trim());
          return [...t.querySelectorAll('tbody td[class^="t-"]')].map(c => [c.parentElement.dataset.slug, names[c.cellIndex],
            getComputedStyle(c, '::after').content !== 'none']); }"""
    )
    assert drawn
    for slug, feature, shows in drawn:
        verdict = next(r.product_verdict for r in site25.corpus.by_slug(slug).rows if r.name == feature)
        assert shows == (verdict != "yes" or len(product[feature]) > 1), (slug, feature)
    assert any(shows for *_, shows in drawn) and not all(shows for *_, shows in drawn)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_phone_shows_verdicts_first_and_never_scrolls_sideways(
    visit: Open, site25: Site, scheme: str
) -> None:
    page = visit(site25, width=390, scheme=scheme, touch=True)
    assert page.evaluate("() => document.documentElement.scrollWidth <= innerWidth")
    page.evaluate(
        """() => { document.querySelector('.cmp-matrix-wrap').scrollIntoView();
          scrollBy(0, -document.querySelector('.md-header').getBoundingClientRect().height); }"""
    )
    first_screen = page.evaluate(
        """() => { const top = document.querySelector('.md-header').getBoundingClientRect().bottom;
          return [...document.querySelectorAll('table[data-compare-matrix] td[class^="t-"]')].filter(c => {
            const r = c.getBoundingClientRect(); return r.top >= top && r.bottom <= innerHeight && r.width > 0; })
          .map(c => [c.parentElement.dataset.slug, c.querySelector('.cmp-fname').textContent,
                     getComputedStyle(c, '::before').content]); }"""
    )
    assert len(first_screen) >= 8, first_screen
    for slug, name, glyph in first_screen:
        verdict = next(r.tool_verdict for r in site25.corpus.by_slug(slug).rows if r.name == name)
        assert glyph == {"yes": '"✓" / ""', "no": '"✗" / ""'}[verdict], (slug, name, glyph)
    assert page.evaluate("() => document.documentElement.scrollWidth <= innerWidth")
    # A tap opens the note instead of leaving the page; the note's link goes to the row.
    cell = page.query_selector_all("table[data-compare-matrix] td[class^='t-']")[2]
    url = page.url
    cell.tap()
    layer = _assert_note_shown(page, "phone tap")
    assert page.url == url
    href = cell.query_selector("a").get_attribute("href")
    assert layer["href"] == href
    page.tap("#cmp-note-layer a.cmp-note-open")
    page.wait_for_function("(hash) => location.hash === hash", arg="#" + href.split("#")[1])
    assert page.url == href  # Material's instant navigation makes the site's links absolute


def _vs_tables(page: Any) -> list[tuple[str, list[list[str]]]]:
    return list(
        page.evaluate(
            """() => [...document.querySelectorAll('.cmp-vs .cmp-vs__part')].map(p => [p.querySelector('h3').textContent,
              [...p.querySelectorAll('tbody tr')].map(r => [...r.cells].map(c => c.textContent.trim()))])"""
        )
    )


def test_vs_url_compares_two_tools_shared_features_first(visit: Open, site25: Site) -> None:
    first, second = site25.corpus.by_slug("lattice-vs-tool0003"), site25.corpus.by_slug("lattice-vs-tool0008")
    page = visit(site25, f"{SUMMARY}?vs={first.slug},{second.slug}")
    assert page.is_visible(".cmp-vs")
    a_rows = {row.name: row for row in first.rows}
    b_rows = {row.name: row for row in second.rows}
    shared = [name for name in a_rows if name in b_rows]
    assert shared, "pick two pages that share features"
    parts = _vs_tables(page)
    assert parts[0][0] == "Features both pages mention"
    assert sorted(cells[0] for cells in parts[0][1]) == sorted(shared)
    for cells in parts[0][1]:
        assert a_rows[cells[0]].tool_note in cells[1] and b_rows[cells[0]].tool_note in cells[2]
    only = {title: sorted(cells[0] for cells in rows) for title, rows in parts[1:]}
    assert only == {
        f"Only on {first.tool}'s page": sorted(n for n in a_rows if n not in b_rows),
        f"Only on {second.tool}'s page": sorted(n for n in b_rows if n not in a_rows),
    }
    link = page.get_attribute(".cmp-vs__link", "href")
    assert link.endswith(f"?vs={first.slug},{second.slug}")
    # The product against one tool (one slug): that page's verdicts, both notes of each.
    page = visit(site25, f"{SUMMARY}?vs={first.slug}")
    rows = _vs_tables(page)[0][1]
    assert sorted(cells[0] for cells in rows) == sorted(a_rows)
    for cells in rows:
        assert a_rows[cells[0]].product_note in cells[1] and a_rows[cells[0]].tool_note in cells[2]


def test_vs_pickers_write_a_shareable_url(visit: Open, site25: Site) -> None:
    page = visit(site25)
    selects = page.query_selector_all(".cmp-compare select")
    selects[0].select_option(value="lattice-vs-tool0001")
    selects[1].select_option(value="lattice-vs-tool0002")
    assert page.url.endswith("?vs=lattice-vs-tool0001,lattice-vs-tool0002")
    assert page.is_visible(".cmp-vs") and _vs_tables(page)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_contrast_of_the_matrix_the_note_and_the_vs_view(visit: Open, site25: Site, scheme: str) -> None:
    page = visit(site25, f"{SUMMARY}?vs=lattice-vs-tool0003,lattice-vs-tool0008", scheme=scheme)
    cell = page.query_selector_all("table[data-compare-matrix] tbody td.p-n")[0]
    cell.scroll_into_view_if_needed()
    _hover_cell(page, cell)
    selectors = [
        "table[data-compare-matrix] tbody th a", ".cmp-group th > span", ".cmp-legend",
        "table[data-compare-matrix] td.t-y::before", "table[data-compare-matrix] td.t-n::before",
        "table[data-compare-matrix] td.p-n::after", ".cmp-more", "#cmp-note-layer .cmp-note-text",
        "#cmp-note-layer .cmp-note-open", ".cmp-vs__table td", ".cmp-vs__table th a", ".cmp-vs__link",
    ]  # fmt: skip
    assert low_contrast(page, selectors) == []


def test_instant_navigation_sets_the_summary_up_again(visit: Open, site25: Site) -> None:
    page = visit(site25, "")
    page.click("article a[href*='compare']")  # Material's instant navigation: no page load
    page.wait_for_selector("table[data-compare-matrix][data-compare-ready]")
    assert page.evaluate("() => !document.querySelector('[data-compare-controls]').hidden")
    page.click(".cmp-card")
    page.wait_for_selector(".compare-grid")
    page.go_back()
    page.wait_for_selector("table[data-compare-matrix][data-compare-ready]")
    assert page.evaluate("() => document.querySelectorAll('#cmp-note-layer').length") == 1
    cell = page.query_selector_all("table[data-compare-matrix] tbody td[class^='t-']")[1]
    cell.scroll_into_view_if_needed()
    _hover_cell(page, cell)
    _assert_note_shown(page, "after instant navigation")


def test_1000_tools_in_one_visit(visit: Open, site1000: Site) -> None:
    """The same checks on 1,000 tools (cells hold verdicts only: the notes are on the pages).
    One visit: loading a page of 1,000 rows takes Chromium seconds on a shared machine."""
    assert (site1000.site_dir / "compare/index.html").stat().st_size < 2_000_000
    page = visit(site1000)
    samples = {s["place"].split()[0]: s for s in page.evaluate(SAMPLES_JS)}
    for place in ("first", "last", "right"):
        sample = samples[place]
        cell = _place(page, sample["slug"], sample["col"], sample["place"])
        _hover_cell(page, cell)
        layer = _assert_note_shown(page, f"1000 tools, {place}")
        tool = site1000.corpus.by_slug(sample["slug"]).tool
        assert f"{tool}: " in layer["text"] and "Lattice: " in layer["text"]
        page.mouse.move(0, 0)
    _assert_rows_line_up(page)
    page.evaluate(
        "() => { const w = document.querySelector('.cmp-matrix-wrap'); w.scrollTop = 0; w.scrollLeft = 0; }"
    )
    _assert_one_tab_stop(page)
    _assert_arrow_keys(page, site1000, "1000 tools")
