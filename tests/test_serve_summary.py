"""`mkdocs serve` rebuilds compose the summary from the unchanged tools' kept pieces: after an
edit only that tool's row, card, matrix row and export lines are made again, and the summary
page and the exports come out as a fresh build of the edited files makes them."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jinja2
import pytest
from bs4 import BeautifulSoup
from exported import Row
from test_serve import TOOLS, Serve, _page

import mkdocs_compare.exports
import mkdocs_compare.summary.build
from mkdocs_compare.summary_parts import SummaryParts

SUMMARY = Path("compare/index.html")
OUTPUTS = (SUMMARY, Path("compare/comparisons.json"), Path("compare/comparisons.csv"))


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Serve]:
    serve = Serve(tmp_path)
    config = serve.config(tmp_path / "site")
    config.plugins.on_startup(command="serve", dirty=False)
    yield serve
    config.plugins.on_shutdown()


@pytest.fixture
def made(monkeypatch: pytest.MonkeyPatch) -> Counter[tuple[str, str]]:
    """(piece, tool name) of every summary piece made afresh, not handed out again."""
    counts: Counter[tuple[str, str]] = Counter()
    row, json_line = mkdocs_compare.summary.build._row, mkdocs_compare.exports._json_line
    csv_lines, render = mkdocs_compare.exports._csv_lines, jinja2.Template.render

    def counted(name: str, function: Any, tool: Any) -> Any:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            counts[(name, tool(*args, **kwargs))] += 1
            return function(*args, **kwargs)

        return wrapper

    monkeypatch.setattr(
        mkdocs_compare.summary.build, "_row", counted("row", row, lambda page, *a: page.tool_name)
    )
    monkeypatch.setattr(
        mkdocs_compare.exports, "_json_line", counted("json", json_line, lambda m, row: row.page.tool_name)
    )
    monkeypatch.setattr(
        mkdocs_compare.exports, "_csv_lines", counted("csv", csv_lines, lambda m, row: row.page.tool_name)
    )

    def rendered(self: jinja2.Template, *args: Any, **kwargs: Any) -> str:
        if self.name in ("summary_matrix_row.html", "summary_card.html"):
            counts[(self.name, args[0]["row"].page.tool_name)] += 1
        return render(self, *args, **kwargs)

    monkeypatch.setattr(jinja2.Template, "render", rendered)
    return counts


def _pieces(tools: list[str]) -> Counter[tuple[str, str]]:
    kinds = ("row", "json", "csv", "summary_matrix_row.html", "summary_card.html")
    return Counter({(kind, tool): 1 for kind in kinds for tool in tools})


def _same_as_fresh(served: Serve, site: Path) -> None:
    fresh = served.fresh()
    for relative in OUTPUTS:
        assert (site / relative).read_bytes() == (fresh / relative).read_bytes(), relative


def _matrix_row(site: Path, tool: str) -> Any:
    soup = BeautifulSoup((site / SUMMARY).read_text("utf-8"), "html.parser")
    row = soup.select_one(f'table.cmp-matrix tr[data-slug="lattice-vs-{tool.lower()}"]')
    assert row is not None
    return row


def _caching_cell(site: Path, tool: str) -> list[str]:
    """The classes of the tool's cell in the Caching column (found by the header's text)."""
    soup = BeautifulSoup((site / SUMMARY).read_text("utf-8"), "html.parser")
    headers = [cell.get_text(strip=True) for cell in soup.select("table.cmp-matrix thead th")]
    cells = _matrix_row(site, tool).find_all(["th", "td"], recursive=False)
    classes: list[str] = cells[headers.index("Caching")]["class"]
    return classes


def test_an_edit_remakes_only_that_tools_pieces(served: Serve, made: Counter[tuple[str, str]]) -> None:
    served.rebuild()
    assert made == _pieces(list(TOOLS))
    made.clear()
    served.edit("Birch", _page("Birch", note="A note from the rebuild."))
    site = served.rebuild()
    assert made == _pieces(["Birch"])
    # The edit is in the summary and the exports (read back by parsers, the note written above).
    assert "A note from the rebuild." in _matrix_row(site, "Birch").get_text()
    assert "A note from the rebuild." not in _matrix_row(site, "Cedar").get_text()
    data = json.loads((site / "compare/comparisons.json").read_text("utf-8"))
    notes = {(c["tool"], f["name"]): f["tool"]["note"] for c in data["comparisons"] for f in c["features"]}
    assert notes[("Birch", "Caching")] == "A note from the rebuild."
    assert notes[("Cedar", "Caching")] == "Needs a plugin."
    lines = list(csv.DictReader(io.StringIO((site / "compare/comparisons.csv").read_text("utf-8"))))
    assert [line["tool_note"] for line in lines if line["tool"] == "Birch"] == [
        "A note from the rebuild.",
        "Cron only.",
    ]
    _same_as_fresh(served, site)
    made.clear()
    served.rebuild()  # nothing changed: nothing is made again
    assert made == Counter()


def test_an_edit_that_changes_what_every_row_shows_remakes_every_row(
    served: Serve, made: Counter[tuple[str, str]]
) -> None:
    served.rebuild()
    assert "pq" in _caching_cell(served.root / "site", "Alder")
    made.clear()
    # Birch's product now says no to Caching: the feature is disputed, and no row hides the
    # product's yes in that column any more.
    rows = [
        Row("Caching", "no", "Not yet."),
        Row("Scheduling", "yes", "Cron and events.", "no", "Cron only."),
    ]
    served.edit("Birch", dataclasses.replace(_page("Birch"), rows=rows))
    site = served.rebuild()
    assert {tool for kind, tool in made if kind == "row"} == set(TOOLS)
    # The export lines say no classes: only the edited tool's are made again.
    assert {tool for kind, tool in made if kind in ("json", "csv")} == {"Birch"}
    assert "pq" not in _caching_cell(site, "Alder")
    assert "p-n" in _caching_cell(site, "Birch")
    _same_as_fresh(served, site)


def test_the_parts_go_with_the_settings_and_with_the_pages() -> None:
    parts = SummaryParts()
    parts.begin("settings", ["a.md", "b.md"])
    assert parts.get("card", "a.md", 1, lambda: "A") == "A"
    assert parts.get("card", "b.md", 1, lambda: "B") == "B"
    assert parts.get("card", "a.md", 1, lambda: "new") == "A"  # same inputs: kept
    assert parts.get("card", "a.md", 2, lambda: "A2") == "A2"  # other inputs: made again
    parts.begin("settings", ["a.md"])  # b.md left the build
    assert parts.get("card", "b.md", 1, lambda: "B again") == "B again"
    parts.begin("other settings", ["a.md", "b.md"])
    assert parts.get("card", "a.md", 2, lambda: "fresh") == "fresh"
    first = (1, 2)
    assert parts.shared("layout", first) is first
    assert parts.shared("layout", (1, 2)) is first
    assert parts.shared("layout", (1, 3)) == (1, 3)


@pytest.mark.parametrize("keep_sources", [False, True])
def test_the_parse_cache_parses_a_page_again_only_when_its_text_changes(keep_sources: bool) -> None:
    from exported import render

    from mkdocs_compare.collection import ParseCache, ParseOptions

    cache, options = ParseCache(keep_sources=keep_sources), ParseOptions()
    text = render(_page("Birch"))
    first = cache.parse("compare/b.md", text, options)
    assert first.comparison is not None and first.comparison.tool_name == "Birch"
    assert cache.parse("compare/b.md", (text + " ")[:-1], options) is first and cache.misses == 1
    edited = cache.parse("compare/b.md", text.replace("Needs a plugin.", "Built in."), options)
    assert cache.misses == 2
    assert edited.comparison is not None
    assert [feature.tool.note for feature in edited.comparison.features] == ["Built in.", "Cron only."]
    assert cache.parse("compare/b.md", text, ParseOptions(product="Other")) is not first
