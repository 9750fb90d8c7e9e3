"""comparisons.json and comparisons.csv of two small pages, written out by hand (no site is built).

The pages are parsed from exported text; the expected exports are the pages' texts as written
here, in the README's format: tools sorted by name, `unknown` for an icon that is neither yes
nor no, cells that spreadsheets would run as formulas quoted.
"""

from __future__ import annotations

import csv
import io
import json

import pytest
from exported import Page, Row, render

from mkdocs_compare.exports import export_csv, export_data, export_json
from mkdocs_compare.model import Comparison
from mkdocs_compare.parse import parse_comparison
from mkdocs_compare.summary import SummaryModel, build_summary
from mkdocs_compare.summary_parts import SummaryParts

PAGES = {
    "compare/b.md": Page(
        tool="Hopper",
        rows=[Row("Caching", "yes", "P1", "maybe", "T1"), Row("Lineage", "no", "P2", "yes", "T2")],
    ),
    "compare/a.md": Page(
        tool="Conveyor",
        category="",
        slug="conv",
        rows=[Row("caching!", "yes", "=1+1", "no", "Slow")],
        extra_front_matter="reviewed: 2026-01-15\n",
    ),
}
URLS = {"compare/a.md": "compare/a/", "compare/b.md": "compare/b/"}


def _model(pages: dict[str, Page]) -> SummaryModel:
    parsed: list[Comparison] = []
    for path, page in pages.items():
        comparison = parse_comparison(render(page), path).comparison
        assert comparison is not None
        parsed.append(comparison)
    return build_summary(parsed, URLS, "compare/")


def test_the_json_export_one_comparison_a_line() -> None:
    conveyor = (
        '{"tool": "Conveyor", "title": "Lattice vs Conveyor", "slug": "conv", "url": "compare/a/", '
        '"category": "", "reviewed": "2026-01-15", "features": [{"name": "caching!", "key": "caching", '
        '"product": {"verdict": "yes", "note": "=1+1"}, "tool": {"verdict": "no", "note": "Slow"}}]}'
    )
    hopper = (
        '{"tool": "Hopper", "title": "Lattice vs Hopper", "slug": "lattice-vs-hopper", "url": "compare/b/", '
        '"category": "orchestrators", "reviewed": null, "features": ['
        '{"name": "Caching", "key": "caching", "product": {"verdict": "yes", "note": "P1"}, '
        '"tool": {"verdict": "unknown", "note": "T1"}}, '
        '{"name": "Lineage", "key": "lineage", "product": {"verdict": "no", "note": "P2"}, '
        '"tool": {"verdict": "yes", "note": "T2"}}]}'
    )
    text = export_json(_model(PAGES))
    verdicts = (
        '"verdicts": [{"verdict": "yes", "label": "Yes", "type": "success"}, '
        '{"verdict": "no", "label": "No", "type": "failure"}, '
        '{"verdict": "unknown", "label": "Not stated", "type": "question"}], '
    )
    assert (
        text
        == f'{{"version": 1, "product": "Lattice", {verdicts}"comparisons": [\n{conveyor},\n{hopper}\n]}}\n'
    )
    assert json.loads(text)["comparisons"][1]["features"][0]["tool"] == {"verdict": "unknown", "note": "T1"}


def test_the_csv_export_one_line_per_tool_and_feature() -> None:
    assert export_csv(_model(PAGES)) == (
        "tool,category,url,feature,key,tool_verdict,tool_note,product_verdict,product_note,reviewed\n"
        "Conveyor,,compare/a/,caching!,caching,no,Slow,yes,'=1+1,2026-01-15\n"
        "Hopper,orchestrators,compare/b/,Caching,caching,unknown,T1,yes,P1,\n"
        "Hopper,orchestrators,compare/b/,Lineage,lineage,yes,T2,no,P2,\n"
    )


# (A tab or a carriage return first is quoted too; the parser strips them from every cell.)
@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_every_cell_a_spreadsheet_would_run_is_quoted(start: str) -> None:
    text = f"{start}SUM(A1)"
    page = Page(tool=f"{start}Tool", rows=[Row(f"{start}Feature", "yes", text, "no", text)])
    row = next(csv.DictReader(io.StringIO(export_csv(_model({"compare/a.md": page})))))
    assert row["tool"] == f"'{start}Tool"
    assert row["product_note"] == row["tool_note"] == f"'{text}"
    assert row["feature"].startswith("'")


def test_ordinary_cells_are_left_as_they_are() -> None:
    page = Page(tool="Tool", rows=[Row("A=B", "yes", "x-y", "no", "a@b")])
    row = next(csv.DictReader(io.StringIO(export_csv(_model({"compare/a.md": page})))))
    assert (row["tool"], row["feature"], row["product_note"], row["tool_note"]) == (
        "Tool",
        "A=B",
        "x-y",
        "a@b",
    )


def test_the_json_export_writes_non_ascii_text_as_it_is() -> None:
    page = Page(product="Lättice", tool="Tëst", rows=[Row("Çaching", "yes", "naïve — ok", "no", "x")])
    text = export_json(_model({"compare/a.md": page}))
    assert text.startswith('{"version": 1, "product": "Lättice", "verdicts": [')
    assert '"comparisons": [\n{"tool": "Tëst", ' in text
    assert '"name": "Çaching"' in text and '"note": "naïve — ok"' in text and "\\u" not in text


def test_the_export_data_is_the_json_export_as_python_values() -> None:
    data = export_data(_model(PAGES))
    assert list(data) == ["version", "product", "verdicts", "comparisons"]
    assert (data["version"], data["product"]) == (1, "Lattice")
    assert data["verdicts"][2] == {"verdict": "unknown", "label": "Not stated", "type": "question"}
    assert [(c["tool"], c["url"], c["reviewed"]) for c in data["comparisons"]] == [
        ("Conveyor", "compare/a/", "2026-01-15"),
        ("Hopper", "compare/b/", None),
    ]
    assert data["comparisons"][1]["features"][0] == {
        "name": "Caching",
        "key": "caching",
        "product": {"verdict": "yes", "note": "P1"},
        "tool": {"verdict": "unknown", "note": "T1"},
    }


def test_under_serve_an_edited_page_gets_new_export_lines_and_the_others_keep_theirs() -> None:
    parts = SummaryParts()

    def exports(pages: dict[str, Page]) -> tuple[str, str]:
        parsed = [parse_comparison(render(page), path).comparison for path, page in pages.items()]
        model = build_summary([c for c in parsed if c], URLS, "compare/", parts=parts.begin("s", pages))
        return export_json(model), export_csv(model)

    exports(PAGES)
    edited = {
        **PAGES,
        "compare/b.md": Page(tool="Hopper", rows=[Row("Caching", "yes", "P1", "no", "Edited")]),
    }
    text, table = exports(edited)
    assert table == (
        "tool,category,url,feature,key,tool_verdict,tool_note,product_verdict,product_note,reviewed\n"
        "Conveyor,,compare/a/,caching!,caching,no,Slow,yes,'=1+1,2026-01-15\n"
        "Hopper,orchestrators,compare/b/,Caching,caching,no,Edited,yes,P1,\n"
    )
    hopper = json.loads(text)["comparisons"][1]
    assert [(f["name"], f["tool"]) for f in hopper["features"]] == [
        ("Caching", {"verdict": "no", "note": "Edited"})
    ]
