"""The summary's small pure pieces, on hand-written inputs and outputs (no site is built)."""

from __future__ import annotations

import pytest

from mkdocs_compare.summary import insert_summary
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
