"""The summary's script in every theme (Material and MkDocs' two built-in ones) on the example
site: the category filter over grouped rows, sorting and back to the grouped order, and every
verdict reached with the arrow keys, its note shown above the page and readable."""

from __future__ import annotations

from typing import Any

from .conftest import OpenPage
from .helpers import low_contrast

SUMMARY = "compare/"
DATA_ROWS = "table[data-compare-matrix] tbody tr[data-slug]"


def _shown(page: Any) -> list[tuple[str, str]]:
    """(tool, category slug) of every shown row, in order."""
    return [
        (row.query_selector("th").inner_text().strip(), row.get_attribute("data-category"))
        for row in page.query_selector_all(DATA_ROWS)
        if row.is_visible()
    ]


def test_filter_shows_one_category_with_its_heading_row(open_page: OpenPage, theme: str) -> None:
    page = open_page(theme, SUMMARY)
    everything = _shown(page)
    headings = dict(
        page.eval_on_selector_all(
            "tr.cmp-group", "rs => rs.map(r => [r.dataset.category, r.textContent.trim()])"
        )
    )
    assert len(everything) >= 6 and len(headings) >= 2
    select = page.get_by_label("Category")
    for slug, title in headings.items():
        select.select_option(label=title)
        shown = _shown(page)
        assert shown and {category for _, category in shown} == {slug}
        assert len(shown) == sum(category == slug for _, category in everything)
        groups = [r.inner_text().strip() for r in page.query_selector_all("tr.cmp-group") if r.is_visible()]
        assert groups == [title]
        cards = {c.inner_text() for c in page.query_selector_all(".cmp-card__category") if c.is_visible()}
        assert cards == {title}
    select.select_option(index=0)
    assert _shown(page) == everything


def test_sorting_flattens_the_groups_and_a_third_click_restores_them(open_page: OpenPage, theme: str) -> None:
    page = open_page(theme, SUMMARY)
    grouped = _shown(page)
    tool = page.locator("table[data-compare-matrix] thead th").first
    tool.get_by_role("button").click()
    names = [name for name, _ in _shown(page)]
    assert names == sorted(names, key=str.casefold) and tool.get_attribute("aria-sort") == "ascending"
    assert not any(r.is_visible() for r in page.query_selector_all("tr.cmp-group"))
    tool.get_by_role("button").click()
    assert [name for name, _ in _shown(page)] == names[::-1]
    tool.get_by_role("button").click()
    assert _shown(page) == grouped and tool.get_attribute("aria-sort") is None
    assert all(r.is_visible() for r in page.query_selector_all("tr.cmp-group"))
    # The tool's yes count ("7/12"), most first.
    count = page.locator("table[data-compare-matrix] thead th").nth(1)
    count.get_by_role("button").click()
    counts = page.eval_on_selector_all(DATA_ROWS, "rows => rows.map(r => parseFloat(r.cells[1].textContent))")
    assert counts == sorted(counts, reverse=True) and len(set(counts)) > 1


FOCUSED_JS = """
() => { const a = document.activeElement; const cell = a && a.closest('td');
  if (!cell || !cell.closest('table[data-compare-matrix]')) return null;
  const link = cell.querySelector(':scope > a');
  const layer = document.getElementById('cmp-note-layer');
  return {href: link && link.querySelector(':scope > span') ? link.getAttribute('href') : null,
          note: link && link.querySelector(':scope > span') ? link.querySelector(':scope > span').textContent : '',
          open: layer.matches(':popover-open'), layer: layer.textContent}; }
"""


def test_arrow_keys_reach_every_verdict_and_show_its_note(open_page: OpenPage, theme: str) -> None:
    page = open_page(theme, SUMMARY)
    rows = page.eval_on_selector_all(
        DATA_ROWS,
        "rows => rows.map(r => [...r.querySelectorAll('td[class^=\"t-\"] > a')].map(a => a.getAttribute('href')))",
    )
    assert sum(map(len, rows)) >= 30
    page.click(".cmp-legend")
    page.keyboard.press("Tab")
    reached: list[str] = []
    for _ in rows:
        page.keyboard.press("Home")
        width = page.evaluate("() => document.activeElement.closest('tr').cells.length")
        for _ in range(width):
            page.keyboard.press("ArrowRight")
            focused = page.evaluate(FOCUSED_JS)
            if focused and focused["href"]:
                assert focused["open"], f"{theme}: note of {focused['href']} not shown on focus"
                assert focused["note"] in focused["layer"]
                if focused["href"] not in reached:
                    reached.append(focused["href"])
                    if len(reached) % 10 == 1:  # the note as shown, now and then
                        notes = ["#cmp-note-layer .cmp-note-text", "#cmp-note-layer .cmp-note-open"]
                        assert not low_contrast(page, notes), (theme, low_contrast(page, notes))
        page.keyboard.press("ArrowDown")
    assert reached == [href for row in rows for href in row], (
        f"{theme}: arrows reached {len(reached)} verdicts"
    )
