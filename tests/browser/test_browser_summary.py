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
