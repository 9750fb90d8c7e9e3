"""The summary's matrix and totals against values worked out by hand, unknown verdicts included.

Real exports hold `yes` and `no`; a page can also hold an icon nobody knows or none at all,
which the plugin shows as "not stated" and must never count as a yes.
"""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag
from conftest import BuildSite, BuiltSite
from exported import NO_ICON, Page, Row, render
from portable import built_matrix, page_html
from source_oracle import matrix_cells

# Three tools; verdicts are (product, tool) per row, "maybe" and NO_ICON being unknown.
PAGES = {
    "compare/conveyor.md": Page(
        tool="Conveyor",
        rows=[
            Row("Caching", "yes", "Cached.", "no", "Not cached."),
            Row("Scheduling", "maybe", "It depends.", "yes", "Cron."),
            Row("Lineage", "no", "Planned.", "maybe", "Unclear."),
            Row("Retries", "yes", "Built in.", "yes", "Built in too."),
        ],
    ),
    "compare/hopper.md": Page(
        tool="Hopper",
        category="model-serving",
        layout="indented",
        rows=[
            Row("Caching", NO_ICON, "No icon here.", NO_ICON, "Nor here."),
            Row("Scheduling", "yes", "Events.", "no", "Manual."),
        ],
    ),
    "compare/sluice.md": Page(
        tool="Sluice",
        layout="bare",
        rows=[
            Row("Caching", "unknown", "Said unknown.", "partial", "Partly."),
            Row("Lineage", "yes", "Full.", "yes", "Full too."),
            Row("Retries", "no", "None.", "no", "None either."),
        ],
    ),
}
SOURCES = {path: render(page) for path, page in PAGES.items()}

# Worked out by hand from PAGES: (tool's yes count, product's yes count, features).
TOTALS = {"Conveyor": (2, 2, 4), "Hopper": (0, 1, 2), "Sluice": (1, 1, 3)}
# (tool, feature) -> (tool's verdict, product's verdict), as the matrix's classes spell them.
CELLS = {
    ("Conveyor", "Caching"): ("n", "y"),
    ("Conveyor", "Scheduling"): ("y", "u"),
    ("Conveyor", "Lineage"): ("u", "n"),
    ("Conveyor", "Retries"): ("y", "y"),
    ("Hopper", "Caching"): ("u", "u"),
    ("Hopper", "Scheduling"): ("n", "y"),
    ("Sluice", "Caching"): ("u", "u"),
    ("Sluice", "Lineage"): ("y", "y"),
    ("Sluice", "Retries"): ("n", "n"),
}
WORDS = {"y": "Yes", "n": "No", "u": "Not stated"}


def _site(build_site: BuildSite, **plugin: object) -> BuiltSite:
    return build_site(SOURCES, dict(plugin))


def _tool_rows(table: Tag) -> list[Tag]:
    """The matrix's rows of tools (not headings of groups, if it has any)."""
    return [row for row in table.select("tbody tr") if row.select_one("th[scope=row]")]


def _matrix(site: BuiltSite) -> Tag:
    soup = BeautifulSoup(
        page_html(site.site_dir, "compare/index.md").read_text(encoding="utf-8"), "html.parser"
    )
    table = soup.select_one("table.cmp-matrix")
    assert table is not None
    return table


def test_the_oracle_reads_the_pages_as_worked_out_by_hand() -> None:
    found: dict[tuple[str, str], tuple[str, str]] = {}
    for source in SOURCES.values():
        found.update(matrix_cells(source))
    assert found == CELLS


def test_matrix_cells_show_every_verdict_unknown_ones_as_not_stated(build_site: BuildSite) -> None:
    site = _site(build_site)
    assert built_matrix(page_html(site.site_dir, "compare/index.md")) == CELLS
    # Each unknown icon was reported, naming its file.
    warned = [w for w in site.warnings() if "icon" in w]
    assert any("compare/conveyor.md" in w and "maybe" in w for w in warned)
    assert any("compare/sluice.md" in w and "partial" in w for w in warned)
    assert any("compare/hopper.md" in w for w in warned)


def test_verdicts_in_words_for_screen_readers(build_site: BuildSite) -> None:
    table = _matrix(_site(build_site))
    headers = [th.get_text(" ", strip=True) for th in table.select("thead th")]
    for row in _tool_rows(table):
        tool = row.select_one("th").get_text(strip=True)
        for index, cell in enumerate(row.find_all(["th", "td"])):
            classes = cell.get("class") or []
            if not any(c.startswith("t-") for c in classes):
                continue
            tool_glyph, product_glyph = CELLS[(tool, headers[index])]
            words = cell.get_text(" ", strip=True)
            assert f"{tool}: {WORDS[tool_glyph]}." in words, (tool, headers[index], words)
            assert f"Lattice: {WORDS[product_glyph]}." in words, (tool, headers[index], words)


def test_totals_count_only_yes_verdicts(build_site: BuildSite) -> None:
    table = _matrix(_site(build_site))
    headers = [th.get_text(" ", strip=True) for th in table.select("thead th")]
    tool_column, product_column = headers.index("Tool: yes"), headers.index("Lattice: yes")
    found = {}
    for row in _tool_rows(table):
        cells = row.find_all(["th", "td"], recursive=False)
        found[cells[0].get_text(strip=True)] = (
            cells[tool_column].get_text(strip=True),
            cells[product_column].get_text(strip=True),
        )
    assert found == {tool: (f"{t}/{n}", f"{p}/{n}") for tool, (t, p, n) in TOTALS.items()}


def test_the_summary_page_can_be_turned_off(build_site: BuildSite) -> None:
    on = _site(build_site)
    nav = {a.get_text(strip=True) for a in on.html("").select("nav.md-nav--primary a.md-nav__link")}
    assert "Comparisons at a glance" in nav and page_html(on.site_dir, "compare/index.md").is_file()

    off = _site(build_site, summary_page="")
    nav = {a.get_text(strip=True) for a in off.html("").select("nav.md-nav--primary a.md-nav__link")}
    assert "Comparisons at a glance" not in nav
    assert not page_html(off.site_dir, "compare/index.md").exists()
    assert not off.html("compare/conveyor/").select("table.cmp-matrix")
    for path in SOURCES:  # the comparison pages themselves are still built
        assert page_html(off.site_dir, path).is_file()
