"""The summary page in each theme: the category filter, sortable columns, and every verdict
cell reachable with Tab, showing its note while focused and leading to its feature's row."""

from __future__ import annotations

from typing import Any

from .conftest import OpenPage

SUMMARY = "compare/"
ROWS = "table[data-compare-matrix] tbody tr"


def _visible_rows(page: Any) -> list[tuple[str, str]]:
    """(tool, category) of every shown row, in order."""
    return [
        (row.query_selector("th").inner_text().strip(), row.query_selector("td").inner_text().strip())
        for row in page.query_selector_all(ROWS)
        if row.is_visible()
    ]


def test_category_filter(open_page: OpenPage, theme: str) -> None:
    page = open_page(theme, SUMMARY)
    everything = _visible_rows(page)
    categories = {category for _, category in everything}
    assert len(everything) >= 6 and len(categories) >= 2
    select = page.get_by_label("Category")
    options = [o for o in select.evaluate("s => [...s.options].map(o => o.textContent.trim())")]
    assert set(options[1:]) == categories
    for category in categories:
        select.select_option(label=category)
        shown = _visible_rows(page)
        assert shown and {c for _, c in shown} == {category}
        assert len(shown) == sum(c == category for _, c in everything)
        # Only that category's cards stay, and only columns some shown row fills.
        cards = [c.inner_text() for c in page.query_selector_all(".cmp-card__category") if c.is_visible()]
        assert cards and set(cards) == {category}
        assert page.evaluate(
            """() => { const t = document.querySelector('table[data-compare-matrix]');
              return [...t.tHead.rows[0].cells].every((h, i) => h.hidden || !h.classList.contains('cmp-matrix__feature')
                || [...t.tBodies[0].rows].some(r => !r.hidden && r.cells[i].firstElementChild)); }"""
        )
    select.select_option(index=0)
    assert _visible_rows(page) == everything


def test_sortable_columns(open_page: OpenPage, theme: str) -> None:
    page = open_page(theme, SUMMARY)
    tool = page.locator("table[data-compare-matrix] thead th").first
    tool.get_by_role("button").click()
    names = [name for name, _ in _visible_rows(page)]
    assert names == sorted(names, key=str.casefold) and tool.get_attribute("aria-sort") == "ascending"
    tool.get_by_role("button").click()
    assert [name for name, _ in _visible_rows(page)] == names[::-1]
    assert tool.get_attribute("aria-sort") == "descending"
    # The tool's yes count ("7/12"): most first, from the keyboard this time.
    count = page.locator("table[data-compare-matrix] thead th").nth(2)
    count.get_by_role("button").focus()
    page.keyboard.press("Enter")
    counts = page.eval_on_selector_all(ROWS, "rows => rows.map(r => parseFloat(r.cells[2].textContent))")
    assert counts == sorted(counts, reverse=True) and len(set(counts)) > 1
    assert count.get_attribute("aria-sort") == "descending"


# The focused element, when it is a verdict link of the matrix: its note and whether it shows.
FOCUSED_NOTE_JS = """
() => {
  const a = document.activeElement;
  if (!a || !a.closest('table[data-compare-matrix]')) return null;
  if (a.tagName !== 'A' || !a.querySelector(':scope > span')) return {href: null};
  const note = a.querySelector(':scope > span');
  const r = note.getBoundingClientRect();
  return {href: a.getAttribute('href'), text: note.textContent, width: r.width, height: r.height,
          shown: note.checkVisibility({visibilityProperty: true}) && r.width > 40 && r.height > 10
                 && getComputedStyle(note).clipPath === 'none'};
}
"""


def test_tab_reaches_every_verdict_and_shows_its_note(open_page: OpenPage, theme: str) -> None:
    page = open_page(theme, SUMMARY)
    links = page.eval_on_selector_all(
        "table[data-compare-matrix] tbody a",
        "links => links.filter(a => a.querySelector(':scope > span')).map(a => a.getAttribute('href'))",
    )
    assert len(links) >= 30
    page.click("h1")
    reached: list[str] = []
    for _ in range(len(links) + 150):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED_NOTE_JS)
        if focused is None and reached:
            break  # past the matrix
        if focused is None or focused["href"] is None:
            continue  # before the matrix, or one of its sort buttons or tool links
        assert focused["shown"], f"{theme}: note of {focused['href']} not shown on focus"
        assert ": " in focused["text"] and len(focused["text"]) > 20
        reached.append(focused["href"])
    assert reached == links, f"{theme}: Tab reached {len(reached)} of {len(links)} verdicts, or out of order"


def test_verdict_link_lands_on_the_feature_row(open_page: OpenPage, theme: str) -> None:
    page = open_page(theme, SUMMARY)
    cell = page.locator("table[data-compare-matrix] tbody td[class^='t-'] a").last
    href = cell.get_attribute("href")
    assert href and "#" in href
    cell.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/" + href.split("/", 1)[0] + "/**")
    anchor = href.split("#", 1)[1]
    page.wait_for_timeout(300)  # the jump to the anchor
    # The targeted row is on screen and not under a sticky header.
    assert page.evaluate(
        """(id) => { const row = document.getElementById(id); const r = row.getBoundingClientRect();
          const hit = document.elementFromPoint(r.left + 5, r.top + 5);
          return r.top >= -2 && r.top < innerHeight && !!hit && row.contains(hit); }""",
        anchor,
    ), f"{theme}: row #{anchor} not visible after following the summary's link"
