"""comparisons.json and comparisons.csv against the exported pages, read independently.

Expected values come from the pages as written here (and BeautifulSoup's reading of them),
with the verdict words of the README: `yes`, `no`, and `unknown` for any other icon or none.
"""

from __future__ import annotations

import csv
import io
import json

from conftest import BuildSite
from source_oracle import read_source
from test_summary_oracle import PAGES, SOURCES

# (tool, feature) -> (product's verdict, tool's verdict), by hand from PAGES.
VERDICTS = {
    ("Conveyor", "Caching"): ("yes", "no"),
    ("Conveyor", "Scheduling"): ("unknown", "yes"),
    ("Conveyor", "Lineage"): ("no", "unknown"),
    ("Conveyor", "Retries"): ("yes", "yes"),
    ("Hopper", "Caching"): ("unknown", "unknown"),
    ("Hopper", "Scheduling"): ("yes", "no"),
    ("Sluice", "Caching"): ("unknown", "unknown"),
    ("Sluice", "Lineage"): ("yes", "yes"),
    ("Sluice", "Retries"): ("no", "no"),
}


def _oracle() -> list[dict[str, object]]:
    """Every page's features in page order, as the exports must list them."""
    expected = []
    for path, source in SOURCES.items():
        page = read_source(source)
        expected.append(
            {
                "tool": page.tool,
                "title": page.title,
                "category": PAGES[path].category,
                "features": [
                    (row.name, row.product.word, row.product.note, row.tool.word, row.tool.note)
                    for row in page.rows
                ],
            }
        )
    return sorted(expected, key=lambda item: str(item["tool"]))


def test_the_oracle_agrees_with_the_verdicts_worked_out_by_hand() -> None:
    found = {
        (item["tool"], name): (product, tool)
        for item in _oracle()
        for name, product, _, tool, _ in item["features"]  # type: ignore[attr-defined]
    }
    assert found == VERDICTS


def test_json_export_holds_every_verdict_and_note(build_site: BuildSite) -> None:
    site = build_site(SOURCES)
    data = json.loads(site.text("compare/comparisons.json"))
    assert data["version"] == 1 and data["product"] == "Lattice"
    got = sorted(
        (
            {
                "tool": item["tool"],
                "title": item["title"],
                "category": item["category"],
                "features": [
                    (
                        f["name"],
                        f["product"]["verdict"],
                        f["product"]["note"],
                        f["tool"]["verdict"],
                        f["tool"]["note"],
                    )
                    for f in item["features"]
                ],
            }
            for item in data["comparisons"]
        ),
        key=lambda item: str(item["tool"]),
    )
    assert got == _oracle()
    urls = {item["tool"]: item["url"] for item in data["comparisons"]}
    assert urls == {"Conveyor": "compare/conveyor/", "Hopper": "compare/hopper/", "Sluice": "compare/sluice/"}


def test_csv_export_holds_every_verdict_and_note(build_site: BuildSite) -> None:
    site = build_site(SOURCES)
    rows = list(csv.DictReader(io.StringIO(site.text("compare/comparisons.csv"))))
    got = sorted(
        (r["tool"], r["category"], r["feature"], r["product_verdict"], r["product_note"], r["tool_verdict"],
         r["tool_note"])
        for r in rows
    )  # fmt: skip
    expected = sorted(
        (item["tool"], item["category"], *feature)
        for item in _oracle()
        for feature in item["features"]  # type: ignore[attr-defined]
    )
    assert got == expected
    assert {(r["tool"], r["feature"]): (r["product_verdict"], r["tool_verdict"]) for r in rows} == VERDICTS
