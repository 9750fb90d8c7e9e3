"""The summary page in each theme: a verdict cell's link leads to its feature's row.

The filter, sorting and keyboard movement are in test_summary_themes.py (the matrix is one Tab
stop with arrow keys since the summary's redesign)."""

from __future__ import annotations

from .conftest import OpenPage

SUMMARY = "compare/"
ROWS = "table[data-compare-matrix] tbody tr"


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


def test_the_skip_link_shows_on_focus_and_takes_the_focus_to_the_matrix(
    open_page: OpenPage, theme: str
) -> None:
    page = open_page(theme, SUMMARY)
    skip = page.locator(".cmp-skip a")
    hidden = skip.bounding_box()
    assert hidden is not None and hidden["width"] <= 1  # out of sight until it has the focus
    first_card = page.locator("a.cmp-card").first
    first_card.focus()
    page.keyboard.press("Shift+Tab")  # the Tab stop just before the first card
    assert page.evaluate("document.activeElement.closest('.cmp-skip') !== null"), theme
    shown = skip.bounding_box()
    assert shown is not None and shown["width"] > 20 and shown["height"] > 8, (theme, shown)
    page.keyboard.press("Enter")
    page.wait_for_timeout(200)
    # the grid's own Tab stop (a cell: arrow keys move from there), inside the matrix
    assert page.evaluate("document.activeElement.closest('#compare-matrix table') !== null"), theme
    box = page.locator("#compare-matrix").bounding_box()
    assert box is not None and 0 <= box["y"] < page.viewport_size["height"], theme  # scrolled to
