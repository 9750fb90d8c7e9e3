"""The parser against an independent reading of the same page, on every generated page.

Pages come in every layout of the export format, with unknown and missing icons, entities and
non-ASCII text; the expected values are the test's own data (what was written into the page)
and BeautifulSoup's reading of the page, so every example is checked, none skipped.
"""

from __future__ import annotations

import unicodedata

from exported import Page, render
from hypothesis import given, settings
from source_oracle import read_source, squeeze
from strategies import any_exported_pages

from mkdocs_compare.parse import parse_comparison

EXAMPLES = settings(max_examples=200, deadline=None)


def _written(page: Page) -> list[tuple[str, str, str, str, str]]:
    """What the test wrote into the page: name, then (icon, note) for the product and the tool."""
    return [
        (squeeze(r.name), r.product_verdict, squeeze(r.product_note), r.tool_verdict, squeeze(r.tool_note))
        for r in page.rows
    ]


def _shown(text: str) -> str:
    """The text, or "" when it shows nothing (the README's rule: only format characters such as
    a soft hyphen or a zero-width joiner, and controls, are no note and no list item)."""
    showing = any(not c.isspace() and unicodedata.category(c) not in ("Cf", "Cc") for c in text)
    return text if showing else ""


@EXAMPLES
@given(any_exported_pages())
def test_the_oracle_reads_what_was_written(page: Page) -> None:
    source = read_source(render(page))
    got = [(r.name, r.product.icon, r.product.note, r.tool.icon, r.tool.note) for r in source.rows]
    assert got == _written(page)
    assert source.tool == page.tool and source.product == page.product
    assert source.learn_more == [squeeze(item) for item in page.learn_more]


@EXAMPLES
@given(any_exported_pages())
def test_the_parser_reads_every_row_as_written(page: Page) -> None:
    result = parse_comparison(render(page), "compare/conveyor.md")
    comparison = result.comparison
    assert comparison is not None
    words = {"yes": "yes", "no": "no"}  # any other icon, or none, is "unknown"
    got = [
        (f.name, f.product.verdict, f.product.note, f.tool.verdict, f.tool.note) for f in comparison.features
    ]
    expected = [
        (name, words.get(pv, "unknown"), _shown(pn), words.get(tv, "unknown"), _shown(tn))
        for name, pv, pn, tv, tn in _written(page)
    ]
    assert got == expected
    assert comparison.tool_name == page.tool and comparison.product_name == page.product
    assert comparison.learn_more == [squeeze(item) for item in page.learn_more if _shown(squeeze(item))]
    # An icon other than yes or no is reported, with its row.
    odd_rows = {
        number
        for number, row in enumerate(page.rows, 1)
        if {row.product_verdict, row.tool_verdict} - {"yes", "no"}
    }
    assert {p.location.row for p in result.problems if "icon" in p.message} == odd_rows
