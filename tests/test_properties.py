"""Property-based tests of the parser and the renderer (hypothesis).

The parser's contract: on any text it returns a result, or raises the package's own
`ComparisonError` carrying a location; never anything else. And nothing a page says is lost:
every feature name and note of a generated table reaches the built page, as text.
"""

from __future__ import annotations

import tempfile
import unicodedata
from pathlib import Path

from conftest import build_in
from exported import Page, render
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from portable import built_verdicts
from source_oracle import grid_verdicts
from strategies import any_exported_pages, exported_pages, mutated_pages, page_like_text

from mkdocs_compare.model import ComparisonError, ParseResult
from mkdocs_compare.parse import parse_comparison

PARSER = settings(max_examples=200, deadline=None)
BUILDS = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_contract(text: str, path: str = "docs/p.md") -> ParseResult | None:
    """A result whose problems are located in this file, or our own located error."""
    try:
        result = parse_comparison(text, path)
    except ComparisonError as error:
        assert error.location.path == path and error.location.line >= 1
        return None
    assert isinstance(result, ParseResult)
    for problem in result.problems:
        assert problem.location.path == path and problem.location.line >= 0
        assert problem.location.row is None or problem.location.row >= 1
        assert problem.message
    return result


@PARSER
@given(page_like_text())
def test_arbitrary_text(text: str) -> None:
    assert_contract(text)


@PARSER
@given(st.text(), st.text(), st.sampled_from(["---\n", "---\r\n", "\ufeff---\n"]))
def test_arbitrary_front_matter_and_body(front: str, body: str, opening: str) -> None:
    result = assert_contract(f"{opening}toolName: x\n{front}\n---\n{body}")
    if result is not None:
        assert result.comparison is None or result.comparison.path == "docs/p.md"


@PARSER
@given(mutated_pages())
def test_mutated_exported_pages(text: str) -> None:
    assert_contract(text)


@PARSER
@given(exported_pages())
def test_parse_keeps_every_name_and_note(page: Page) -> None:
    result = assert_contract(render(page))
    assert result is not None and result.comparison is not None
    got = [(f.name, f.product.note, f.tool.note) for f in result.comparison.features]
    expected = [
        (_shows(r.name) or f"Feature {n}", _shows(r.product_note), _shows(r.tool_note))
        for n, r in enumerate(page.rows, start=1)
    ]
    assert got == expected
    # A name or note that shows nothing (a soft hyphen, a zero-width space) is reported.
    empty = sum(not _shows(text) for r in page.rows for text in (r.name, r.product_note, r.tool_note))
    assert len([p for p in result.problems if "empty" in p.message or "no note" in p.message]) == empty


def _shows(text: str) -> str:
    """`text` squeezed, or "" when all its characters are spaces, controls or format characters."""
    squeezed = _squeeze(text)
    return (
        squeezed
        if any(unicodedata.category(c) not in ("Cf", "Cc", "Zs", "Zl", "Zp") for c in squeezed)
        else ""
    )


# The elements the templates make inside a comparison page's article; nothing else may appear.
TEMPLATE_ELEMENTS = {
    "a", "br", "code", "div", "h1", "h2", "img", "input", "label", "li", "p", "pre", "span", "strong", "ul",
}  # fmt: skip


@BUILDS
@given(any_exported_pages())
def test_every_name_and_note_survives_into_the_built_page(page: Page) -> None:
    assume(all(_shows(text) for r in page.rows for text in (r.name, r.product_note, r.tool_note)))
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "docs" / "compare").mkdir(parents=True)
        (root / "docs" / "compare" / "conveyor.md").write_text(render(page), encoding="utf-8")
        (root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
        config = {"site_name": "P", "theme": {"name": "material"}, "plugins": ["search", "compare"]}
        site = build_in(root, config)
        assert built_verdicts(site.site_dir / "compare/conveyor/index.html") == grid_verdicts(render(page))
        article = site.html("compare/conveyor/").select_one("article")
        assert article is not None
        rows = article.select(".compare-grid__row")
        assert len(rows) == len(page.rows)
        for row, source in zip(rows, page.rows, strict=True):
            feature = row.select_one(".compare-grid__feature")
            assert feature is not None and feature.get_text() == _squeeze(source.name)
            notes = [p.get_text() for p in row.select(".admonition p:not(.admonition-title)")]
            assert notes == [_squeeze(source.product_note), _squeeze(source.tool_note)]
        assert {tag.name for tag in article.find_all(True)} <= TEMPLATE_ELEMENTS


def _squeeze(text: str) -> str:
    return " ".join(text.split())
