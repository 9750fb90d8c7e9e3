"""The summary shows each page's review date, in the matrix (a sortable column) and on the cards.

The dates are written here by hand in the pages' front matter; the test reads the built HTML.
"""

from __future__ import annotations

from conftest import BuildSite
from exported import Page, render

PAGES = {
    "compare/conveyor.md": Page(tool="Conveyor", extra_front_matter="reviewed: 2024-08-21"),
    "compare/sluice.md": Page(tool="Sluice", extra_front_matter='reviewed: "2026-02-03"'),
    "compare/hopper.md": Page(tool="Hopper", category="model-serving"),  # no date at all
}
DATES = {"Conveyor": "2024-08-21", "Sluice": "2026-02-03", "Hopper": None}
WORDS = {"Conveyor": "21 August 2024", "Sluice": "3 February 2026"}


def test_the_matrix_has_a_sortable_review_date_column(build_site: BuildSite) -> None:
    site = build_site({path: render(page) for path, page in PAGES.items()})
    table = site.html("compare/").select_one("table[data-compare-matrix]")
    headers = table.thead.select("th")
    column = next(i for i, th in enumerate(headers) if th.get_text(strip=True) == "Reviewed")
    assert headers[column]["data-sort"] == "date"
    found = {}
    for tr in table.select("tbody tr[data-slug]"):
        cell = tr.find_all(["th", "td"])[column]
        time = cell.find("time")
        found[tr.th.get_text(strip=True)] = time["datetime"] if time else None
        if time:
            assert time.get_text() == time["datetime"]  # written out, so it shows without the script
        else:
            assert cell.get_text() == ""
    assert found == DATES
    # Group header rows span the new column too.
    assert {int(th["colspan"]) for th in table.select("tr.cmp-group th")} == {len(headers)}


def test_the_cards_say_when_each_page_was_reviewed(build_site: BuildSite) -> None:
    site = build_site(
        {path: render(page) for path, page in PAGES.items()}, {"labels": {"reviewed": "Checked <on>"}}
    )
    cards = {
        card.select_one(".cmp-card__name").get_text(): card
        for card in site.html("compare/").select(".cmp-card")
    }
    for tool, words in WORDS.items():
        line = cards[tool].select_one(".cmp-card__reviewed")
        assert line.get_text() == f"Checked <on> {words}"
        assert line.time["datetime"] == DATES[tool]
    assert cards["Hopper"].select_one(".cmp-card__reviewed") is None
