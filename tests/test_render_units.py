"""The renderer's small pure pieces, on hand-written inputs and outputs (no site is built)."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from markupsafe import Markup

from mkdocs_compare.model import CodeSample, Comparison
from mkdocs_compare.render import (
    DEFAULT_LABELS,
    Renderer,
    RenderSettings,
    fenced,
    sample_language,
    tab_labels,
)


def test_a_fence_holds_the_code_as_written_under_its_language() -> None:
    sample = CodeSample("x = 1\n\ny = 2", "python")
    assert fenced(sample) == "```python\nx = 1\n\ny = 2\n```"
    assert isinstance(fenced(sample), Markup)


def test_an_indented_fence_indents_every_line_but_blank_ones() -> None:
    sample = CodeSample("a\n  \nb", "python")
    assert fenced(sample, indent=4) == "    ```python\n    a\n\n    b\n    ```"
    assert fenced(sample, indent=2) == "  ```python\n  a\n\n  b\n  ```"


def test_the_fence_is_longer_than_any_backtick_run_in_the_code() -> None:
    assert fenced(CodeSample("say ````hi````", "text")) == "`````text\nsay ````hi````\n`````"


def test_a_snippet_line_in_the_code_is_kept_inert() -> None:
    assert fenced(CodeSample('--8<-- "secret.txt"', "text")) == '```text\n--8<-- "secret.txt" \n```'


@pytest.mark.parametrize(
    ("language", "guess", "expected"),
    [
        ("python", False, "python"),
        ("c++", False, "c++"),
        ("py thon<script>", False, "pythonscript"),
        ("<>", False, "text"),
        (None, False, "text"),
        (None, True, "python"),
        ("yaml", True, "yaml"),
    ],
)
def test_sample_language(language: str | None, guess: bool, expected: str) -> None:
    sample = CodeSample("from lattice import flow\n", language)
    assert sample_language(sample, guess) == expected
    fence = fenced(sample, guess=guess)
    assert fence.startswith(f"```{expected}\n")


def test_tabs_are_the_product_the_tool_then_numbered_samples() -> None:
    samples = [CodeSample(f"code {n}", "text") for n in range(4)]
    page = Comparison("p.md", "T", "Conveyor", "Lattice", code_samples=samples)
    assert tab_labels(page, DEFAULT_LABELS) == ["Lattice", "Conveyor", "Sample 3", "Sample 4"]
    assert tab_labels(page, {"sample": "Beispiel"}) == ["Lattice", "Conveyor", "Beispiel 3", "Beispiel 4"]
    assert tab_labels(Comparison("p.md", "T", "Conveyor", "Lattice"), DEFAULT_LABELS) == []


def test_a_relative_icon_is_rebased_for_the_pages_url() -> None:
    page = Comparison("compare/conveyor.md", "T", "Conveyor", "Lattice", tool_icon_url="../assets/c.svg")
    renderer = Renderer()
    assert 'src="../../assets/c.svg"' in renderer.render_page(page, page_url="compare/conveyor/")
    assert 'src="../assets/c.svg"' in renderer.render_page(page)


def test_an_unindented_fence_keeps_blank_lines_as_written() -> None:
    assert fenced(CodeSample("a\n  \nb", "text")) == "```text\na\n  \nb\n```"


def test_a_sample_without_a_language_is_not_guessed_unless_asked() -> None:
    assert sample_language(CodeSample("from lattice import flow", None), guess=False) == "text"
    assert (
        fenced(CodeSample("from lattice import flow", None), guess=False)
        == "```text\nfrom lattice import flow\n```"
    )


def _code_tabs(renderer: Renderer, page: Comparison) -> tuple[list[str], list[str], str]:
    """The code tabs block of a page as the plugin renders it: labels, code classes, its HTML."""
    held = renderer.render_page_held(page)
    html = next(block.html for block in held.blocks.values() if "tabbed-set" in block.html)
    soup = BeautifulSoup(html, "html.parser")
    labels = [label.get_text() for label in soup.select(".tabbed-labels label")]
    classes = [" ".join(code.get("class") or []) for code in soup.select("pre code")]
    return labels, classes, html


def test_the_code_tabs_label_each_sample_and_guess_only_when_asked() -> None:
    samples = [
        CodeSample("from lattice import flow", None),
        CodeSample("import conveyor", None),
        CodeSample("x", "sql"),
    ]
    page = Comparison("compare/c.md", "T", "Conveyor", "Lattice", code_samples=samples)
    plain = Renderer(RenderSettings(labels={"sample": "Beispiel"}, guess_language=False))
    labels, classes, html = _code_tabs(plain, page)
    assert labels == ["Lattice", "Conveyor", "Beispiel 3"]
    assert classes == ["language-text", "language-text", "language-sql"]
    # Each block is marked, with this renderer's token, for the search index to read as text.
    assert html.count(f"<!-- mkdocs-compare:{plain.nonce}:plain-for-search:start -->") == 3
    guessing = Renderer(RenderSettings(guess_language=True))
    assert _code_tabs(guessing, page)[1] == ["language-python", "language-python", "language-sql"]
