"""The renderer's small pure pieces, on hand-written inputs and outputs (no site is built)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import jinja2
import pytest
from bs4 import BeautifulSoup
from markupsafe import Markup

from mkdocs_compare.cms_entries import Entries
from mkdocs_compare.highlight import HighlightCache, SiteCode
from mkdocs_compare.model import (
    Advantage,
    Assessment,
    CodeSample,
    Comparison,
    Feature,
    RelatedLink,
    VerdictKind,
    VerdictScale,
)
from mkdocs_compare.model import Testimonial as Quote
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


# A feature_grid.html of the test's own: it prints what the templates are given for each row.
ROWS_TEMPLATE = (
    "{{ rows|length }} rows, the first {{ rows[0].anchor }}\n"
    "{% for row in rows %}{{ row.feature.name }} #{{ row.anchor }}"
    "{% for cell in row.cells %} | {{ cell.who }} {{ cell.admonition }} {{ cell.verdict }} "
    "{{ cell.label }} ({{ cell.note }}){% endfor %};\n{% endfor %}"
)


def test_an_overridden_grid_is_given_every_rows_anchor_names_verdicts_labels_and_notes(
    tmp_path: Path,
) -> None:
    (tmp_path / "feature_grid.html").write_text(ROWS_TEMPLATE, encoding="utf-8")
    features = [
        Feature("Caching", Assessment("yes", "n1"), Assessment("partial", "n2")),
        Feature("caching", Assessment("no", ""), Assessment("unknown", "<x>")),
    ]
    page = Comparison("compare/w.md", "T", "Weir", "Lattice", features=features)
    settings = RenderSettings(custom_templates=str(tmp_path), labels={"yes": "Ja", "unknown": "Offen"})
    text = Renderer(settings).render_page(page)
    grid = text.split("## Feature comparison\n\n", 1)[1].split("\n")[:3]
    assert grid == [
        "2 rows, the first feature-caching",
        "Caching #feature-caching | Lattice success yes Ja (n1) | Weir question unknown Offen (n2);",
        "caching #feature-caching-2 | Lattice failure no No () | Weir question unknown Offen (&lt;x&gt;);",
    ]
    assert "compare-grid" not in text  # the package's grid is not drawn beside it


def test_an_overridden_grid_follows_the_vocabulary_of_the_settings(tmp_path: Path) -> None:
    (tmp_path / "feature_grid.html").write_text(ROWS_TEMPLATE, encoding="utf-8")
    scale = VerdictScale(
        (VerdictKind("yes", "Ja", "success", "y"), VerdictKind("partial", "Teils", "warning", "v1")),
        VerdictKind("unknown", "Offen", "note", "u"),
    )
    features = [Feature("Caching", Assessment("partial", "n1"), Assessment("no", "n2"))]
    page = Comparison("compare/w.md", "T", "Weir", "Lattice", features=features)
    text = Renderer(RenderSettings(custom_templates=str(tmp_path), verdicts=scale)).render_page(page)
    assert (
        "Caching #feature-caching | Lattice warning partial Teils (n1) | Weir note unknown Offen (n2);\n"
        in text
    )


ENTRIES = Entries(
    advantages={
        "fast": Advantage("fast", "Fast <starts>", "Starts in a second.", "img/fast.png"),
        "open": Advantage("open", "Open", "Apache licensed."),
    },
    testimonials={"ana": Quote("ana", "It just works.", "Ana", "CTO", "img/ana.png")},
)


def _entries_page(quote: str = "ana") -> Comparison:
    return Comparison(
        "compare/w.md", "T", "Weir", "Lattice", advantages=["open", "missing", "fast"], quote=quote
    )


def test_the_pages_advantages_and_testimonial_with_images_rebased_for_the_page() -> None:
    settings = RenderSettings(entries=ENTRIES, show_advantages=True, show_testimonials=True)
    text = Renderer(settings).render_page(_entries_page(), page_url="compare/w/")
    assert "## Why teams choose Lattice\n" in text
    soup = BeautifulSoup(text, "html.parser")
    cards = [
        (
            card.select_one(".compare-advantage__title").get_text(),
            card.select_one(".compare-advantage__text").get_text(),
            [img["src"] for img in card.select("img")],
        )
        for card in soup.select(".compare-advantage")
    ]
    assert cards == [
        ("Open", "Apache licensed.", []),
        ("Fast <starts>", "Starts in a second.", ["../../img/fast.png"]),
    ]
    quote = soup.select_one(".compare-testimonial")
    assert quote is not None
    assert quote.blockquote.get_text() == "It just works."
    assert quote.select_one(".compare-testimonial__author").get_text() == "Ana"
    assert quote.select_one(".compare-testimonial__role").get_text() == "CTO"
    assert [img["src"] for img in quote.select("img")] == ["../../img/ana.png"]
    # Without the page's URL, the images stay as the entries wrote them.
    soup = BeautifulSoup(Renderer(settings).render_page(_entries_page()), "html.parser")
    assert [img["src"] for img in soup.select("img")] == ["img/fast.png", "img/ana.png"]


@pytest.mark.parametrize(
    ("advantages", "testimonials", "shown"),
    [(True, False, ["Open", "Fast <starts>"]), (False, True, ["It just works."]), (False, False, [])],
)
def test_advantages_and_testimonials_are_drawn_only_when_their_file_is_configured(
    advantages: bool, testimonials: bool, shown: list[str]
) -> None:
    settings = RenderSettings(entries=ENTRIES, show_advantages=advantages, show_testimonials=testimonials)
    soup = BeautifulSoup(Renderer(settings).render_page(_entries_page()), "html.parser")
    texts = [p.get_text() for p in soup.select(".compare-advantage__title, .compare-testimonial blockquote")]
    assert texts == shown


def test_a_page_without_entries_or_with_an_unknown_quote_draws_none() -> None:
    page = _entries_page(quote="nobody")
    for settings in (
        RenderSettings(show_advantages=True, show_testimonials=True),  # no entries at all
        RenderSettings(entries=Entries(), show_advantages=True, show_testimonials=True),
        RenderSettings(entries=ENTRIES, show_testimonials=True),
    ):
        text = Renderer(settings).render_page(page)
        assert "compare-advantage" not in text and "compare-testimonial" not in text
        assert "Why teams choose" not in text


def test_a_sample_without_a_language_is_guessed_by_default_helped_by_the_other_samples() -> None:
    python = CodeSample("from lattice import flow", None)
    assert sample_language(python) == "python"
    assert fenced(python) == "```python\nfrom lattice import flow\n```"
    # Code that says nothing of its language takes the first language another sample names.
    vague = CodeSample("x = 1", None)
    others = [CodeSample("a", None), CodeSample("b", "ru by"), CodeSample("c", "sql")]
    assert sample_language(vague, True, others) == "ruby"
    assert fenced(vague, others=others) == "```ruby\nx = 1\n```"
    assert sample_language(vague, True, []) == "text"
    assert sample_language(vague, False, others) == "text"


def test_the_review_date_is_printed_as_a_date_and_in_words() -> None:
    page = Comparison("compare/w.md", "T", "Weir", "Lattice", meta={"reviewed": "2026-03-09"})
    soup = BeautifulSoup(Renderer().render_page(page), "html.parser")
    reviewed = soup.select_one(".compare-reviewed")
    assert reviewed is not None
    assert reviewed.get_text() == "Last reviewed 9 March 2026"
    assert reviewed.time["datetime"] == "2026-03-09"
    assert "compare-reviewed" not in Renderer().render_page(Comparison("c.md", "T", "Weir", "Lattice"))


def test_an_output_of_nothing_prints_nothing_and_text_is_escaped() -> None:
    template = Renderer().env.from_string("[{{ nothing }}|{{ text }}|{{ plain }}|{{ number }}]")
    assert template.render(nothing=None, text="a<b>{c}", plain="abc", number=5) == (
        "[|a&lt;b&gt;&#123;c&#125;|abc|5]"
    )


SAMPLES = [CodeSample("x = 1", None), CodeSample("y", "ruby")]


def test_the_portable_page_has_fenced_code_tabs_and_markdown_related_links() -> None:
    page = Comparison("compare/w.md", "T", "Weir", "Lattice", code_samples=SAMPLES)
    text = Renderer().render_page(page, related=[RelatedLink("Lattice vs Hopper", "Hopper", "hopper.md")])
    code = text.split("## Code comparison\n", 1)[1].split("## Related comparisons\n", 1)
    # The first sample names no language: it takes the one the other sample names.
    assert code[0].strip("\n") == (
        '=== "Lattice"\n\n    ```ruby\n    x = 1\n    ```\n\n=== "Weir"\n\n    ```ruby\n    y\n    ```'
    )
    assert code[1].strip("\n") == "- [Lattice vs Hopper](hopper.md)"
    assert "mkdocs-compare:" not in text  # no placeholder, no search mark: Markdown for any generator


def test_a_held_page_holds_its_blocks_under_the_renderers_token_and_rebases_the_icon() -> None:
    page = Comparison("compare/w.md", "T", "Weir", "Lattice", code_samples=SAMPLES, tool_icon_url="../i.svg")
    related = [RelatedLink("Lattice vs Hopper", "Hopper", "../hopper/")]
    held = Renderer(nonce="n0nce").render_page_held(page, related, page_url="compare/w/")
    assert '<img class="compare-hero__icon" src="../../i.svg"' in held.markdown
    assert list(held.blocks) == ["<!-- mkdocs-compare:n0nce:0 -->", "<!-- mkdocs-compare:n0nce:1 -->"]
    assert all(key in held.markdown for key in held.blocks)
    links = BeautifulSoup(held.blocks["<!-- mkdocs-compare:n0nce:1 -->"].html, "html.parser").select("a")
    assert [(a.get_text(), a["href"]) for a in links] == [("Lattice vs Hopper", "../hopper/")]
    assert (
        "<!-- mkdocs-compare:n0nce:plain-for-search:start -->"
        in held.blocks["<!-- mkdocs-compare:n0nce:0 -->"].html
    )


def test_each_renderer_draws_a_token_of_its_own_unless_given_one() -> None:
    first, second = Renderer().nonce, Renderer().nonce
    assert first != second
    assert all(len(token) == 12 and set(token) <= set("0123456789abcdef") for token in (first, second))
    assert Renderer(nonce="given").nonce == "given"


def test_the_code_tabs_guess_a_language_from_the_pages_other_samples() -> None:
    page = Comparison("compare/c.md", "T", "Conveyor", "Lattice", code_samples=SAMPLES)
    assert _code_tabs(Renderer(), page)[1] == ["language-ruby", "language-ruby"]


def test_the_code_tabs_are_highlighted_as_the_sites_fences_and_kept_in_the_given_cache() -> None:
    class Recording(HighlightCache):
        def put(self, key: Any, blocks: tuple[str, ...]) -> tuple[str, ...]:
            puts.append(key)
            return super().put(key, blocks)

    puts: list[Any] = []
    page = Comparison(
        "compare/c.md", "T", "Conveyor", "Lattice", code_samples=[CodeSample("x = 1", "python")]
    )
    site = SiteCode(("pymdownx.highlight", "pymdownx.superfences"))
    renderer = Renderer(RenderSettings(site_code=site), highlight_cache=Recording())
    html = _code_tabs(renderer, page)[2]
    assert '<div class="highlight"><pre><span></span><code><span class="n">x</span> ' in html
    assert "language-python" not in html  # as plain fenced_code would write it
    assert len(puts) == 1
    _code_tabs(renderer, page)
    assert len(puts) == 1  # highlighted once


# A hero.html of the test's own: it prints what the templates are given besides the page.
VARIABLES_TEMPLATE = (
    "[{{ admonition['partial'] }} {{ admonition['other'] }} {{ verdicts.kind('partial').label }} "
    "{{ advantages|length }} {{ testimonial }} {{ entry_images|length }} {{ 'Ünïcode Name!'|slug }} "
    "{{ 'a*b'|md }} {{ 'javascript:x'|url }}|{{ 'https://e.org/'|url }}]"
)


def test_custom_templates_are_given_the_vocabulary_the_entries_and_the_filters(tmp_path: Path) -> None:
    (tmp_path / "hero.html").write_text(VARIABLES_TEMPLATE, encoding="utf-8")
    scale = VerdictScale(
        (VerdictKind("yes", "Ja", "success", "y"), VerdictKind("partial", "Teils", "warning", "v1")),
        VerdictKind("unknown", "Offen", "note", "u"),
    )
    renderer = Renderer(RenderSettings(custom_templates=str(tmp_path), verdicts=scale))
    text = renderer.render_page(Comparison("compare/w.md", "T", "Weir", "Lattice"))
    assert "[warning note Teils 0  0 unicode-name a&#42;b |https://e.org/]" in text


def test_a_custom_template_naming_an_unknown_variable_fails_loudly(tmp_path: Path) -> None:
    (tmp_path / "hero.html").write_text("{{ c.no_such_field }}", encoding="utf-8")
    with pytest.raises(jinja2.UndefinedError):
        Renderer(RenderSettings(custom_templates=str(tmp_path))).render_page(
            Comparison("c.md", "T", "W", "L")
        )


def test_a_renderer_keeps_the_templates_it_has_read_for_its_build(tmp_path: Path) -> None:
    hero = tmp_path / "hero.html"
    hero.write_text("first hero", encoding="utf-8")
    settings = RenderSettings(custom_templates=str(tmp_path))
    renderer = Renderer(settings)
    page = Comparison("c.md", "T", "W", "L")
    assert "first hero" in renderer.render_page(page)
    hero.write_text("second hero", encoding="utf-8")
    os.utime(hero, (hero.stat().st_mtime + 10, hero.stat().st_mtime + 10))
    assert "first hero" in renderer.render_page(page)  # one build reads each template once
    assert "second hero" in Renderer(settings).render_page(page)


def test_the_pages_grid_follows_the_vocabulary_of_the_settings() -> None:
    scale = VerdictScale(
        (VerdictKind("yes", "Ja", "success", "y"), VerdictKind("partial", "Teils", "warning", "v1")),
        VerdictKind("unknown", "Offen", "note", "u"),
    )
    features = [Feature("Caching", Assessment("partial", "n1"), Assessment("no", "n2"))]
    page = Comparison("compare/w.md", "T", "Weir", "Lattice", features=features)
    soup = BeautifulSoup(Renderer(RenderSettings(verdicts=scale)).render_page(page), "html.parser")
    cells = [(" ".join(div["class"]), div.p.get_text()) for div in soup.select(".compare-verdict")]
    assert cells == [
        ("admonition warning compare-verdict compare-verdict--partial", "Lattice: Teils"),
        ("admonition note compare-verdict compare-verdict--unknown", "Weir: Offen"),
    ]
