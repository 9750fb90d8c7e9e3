"""The summary's small pure pieces, on hand-written inputs and outputs (no site is built)."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from exported import Page, Row, render

from mkdocs_compare.parse import parse_comparison
from mkdocs_compare.render import Renderer
from mkdocs_compare.summary import build_summary, insert_summary, render_summary
from mkdocs_compare.summary.model import SummaryDocument
from mkdocs_compare.summary.plan import outside_docs


def test_the_summary_goes_at_the_first_marker_only() -> None:
    page = "A\n<!-- compare-summary -->\nB\n<!-- compare-summary -->\nC\n"
    assert insert_summary(page, "SUM") == "A\n\n\nSUM\n\n\nB\n<!-- compare-summary -->\nC\n"


def test_without_a_marker_the_summary_follows_the_text_after_one_blank_line() -> None:
    assert insert_summary("Intro X\n\n\n", "SUM") == "Intro X\n\nSUM"
    assert insert_summary("Intro.  \n", "SUM") == "Intro.  \n\nSUM"
    assert insert_summary("", "SUM") == "\n\nSUM"


def test_inline_puts_each_block_once_at_its_placeholder() -> None:
    document = SummaryDocument(
        "<!--a-->\n<!--b-->\n<!--a-->\n", {"<!--a-->": "\n  X block \n\n", "<!--b-->": "B"}
    )
    assert document.inline() == "  X block \nB\n<!--a-->\n"
    assert document.fill("<p><!--a--></p><!--a-->") == "<p>\n  X block \n\n</p><!--a-->"


@pytest.mark.parametrize(
    ("path", "outside"),
    [
        ("..", True),
        ("../x.md", True),
        ("a/../../x.md", True),
        ("a/../x.md", False),
        ("/../x.md", False),  # read from the docs' root: /x.md
        (" ../x.md", False),  # a folder named " .."
        ("X../x.md", False),
        ("..x/y.md", False),
        ("compare/index.md", False),
    ],
)
def test_outside_docs(path: str, outside: bool) -> None:
    assert outside_docs(path) is outside


# Two pages, their verdicts written here; "maybe" and "x" are icons that are neither yes nor no.
MATRIX_PAGES = {
    "compare/a.md": Page(
        tool="Conveyor",
        rows=[
            Row("Caching", "yes", "a", "no", "b"),
            Row("Scheduling", "unknown", "c", "yes", "d"),
            Row("Lineage", "no", "e", "maybe", "f"),
        ],
    ),
    "compare/b.md": Page(
        tool="Hopper",
        category="trackers",
        rows=[Row("Caching", "yes", "g", "yes", "h"), Row("Lineage", "yes", "i", "x", "j")],
    ),
}


def _matrix_rows(pages: dict[str, Page]) -> list[list[str]]:
    parsed = [parse_comparison(render(page), path).comparison for path, page in pages.items()]
    urls = {path: path.removesuffix(".md") + "/" for path in pages}
    model = build_summary([c for c in parsed if c is not None], urls, "compare/")
    soup = BeautifulSoup(render_summary(model, Renderer().env, {}).inline(), "html.parser")
    table = soup.select_one("table.cmp-matrix")
    assert table is not None
    rows = []
    for tr in table.select("tbody tr"):
        cells = [tr.get("data-category") or "", tr.get("data-slug") or ""]
        for cell in tr.find_all(["th", "td"]):
            cells.append(" ".join(cell.get("class") or []) + "|" + cell.get_text(" ", strip=True))
        rows.append(cells)
    return rows


def test_the_matrix_counts_only_yes_and_draws_the_products_verdict_only_where_it_tells() -> None:
    """Totals count yes alone (unknown is not yes); the product's yes is quiet (`pq`) unless
    its pages disagree on the feature (Lineage); a feature of one page only is in "others"."""
    assert _matrix_rows(MATRIX_PAGES) == [
        ["orchestrators", "", "|Orchestrators"],
        [
            "orchestrators",
            "lattice-vs-conveyor",
            "|Conveyor",
            "|1/3",
            "|1/3",
            "t-n p-y pq|Conveyor: No. b Lattice: Yes. a",
            "t-u p-n|Conveyor: Not stated. f Lattice: No. e",
            "cmp-others|+1 Scheduling Conveyor: Yes. d Lattice: Not stated. c",
        ],
        ["trackers", "", "|Trackers"],
        [
            "trackers",
            "lattice-vs-hopper",
            "|Hopper",
            "|1/2",
            "|2/2",
            "t-y p-y pq|Hopper: Yes. h Lattice: Yes. g",
            "t-u p-y|Hopper: Not stated. j Lattice: Yes. i",
            "cmp-others|",
        ],
    ]
