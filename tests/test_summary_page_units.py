"""The summary page's document from its model (summary/page.py): blocks, context, kept pieces."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import jinja2
import pytest
from bs4 import BeautifulSoup
from exported import Page, Row, render

from mkdocs_compare.parse import parse_comparison
from mkdocs_compare.render import Renderer
from mkdocs_compare.summary import SummaryModel, build_summary, render_summary
from mkdocs_compare.summary_parts import SummaryParts

PAGES = {
    "compare/a.md": Page(
        tool="Anvil",
        extra_front_matter="reviewed: 2026-03-01",
        rows=[Row("Caching", "no", "a", "yes", "b"), Row("Retries")],
    ),
    "compare/b.md": Page(tool="Bellows", category="trackers", rows=[Row("Caching", "yes", "c", "no", "d")]),
}
URLS = {path: path.removesuffix(".md") + "/" for path in PAGES}


def _model(**options: Any) -> SummaryModel:
    parsed = [parse_comparison(render(page), path).comparison for path, page in PAGES.items()]
    return build_summary([page for page in parsed if page is not None], URLS, "compare/", **options)


def _soup(model: SummaryModel, env: jinja2.Environment | None = None) -> BeautifulSoup:
    return BeautifulSoup(render_summary(model, env or Renderer().env, {}).inline(), "html.parser")


def _with_summary_md(source: str) -> jinja2.Environment:
    """The packaged templates with `summary.md` replaced, as `custom_templates` would."""
    base = Renderer().env
    return base.overlay(loader=jinja2.ChoiceLoader([jinja2.DictLoader({"summary.md": source}), base.loader]))


def test_each_block_has_a_placeholder_no_page_text_can_guess() -> None:
    model = _model()
    first = render_summary(model, Renderer().env, {})
    second = render_summary(model, Renderer().env, {})
    pattern = re.compile(r"<!-- mkdocs-compare [0-9a-f]{12} block (\d+) -->")
    found = [pattern.fullmatch(placeholder) for placeholder in first.blocks]
    assert [match.group(1) for match in found if match] == ["0", "1", "2"]  # two card groups, the matrix
    assert [placeholder in first.markdown for placeholder in first.blocks] == [True, True, True]
    assert set(first.blocks).isdisjoint(second.blocks)  # a new secret each time


def test_a_custom_summary_template_gets_the_category_names() -> None:
    env = _with_summary_md(
        "{% for slug, name in category_names|dictsort %}{{ slug }}={{ name }};{% endfor %}"
    )
    document = render_summary(_model(categories={"trackers": "Trackers <all>"}), env, {})
    assert document.markdown == "orchestrators=Orchestrators;trackers=Trackers &lt;all&gt;;"
    assert document.blocks == {}


def test_a_cards_review_date_is_in_words() -> None:
    card = _soup(_model()).select_one(".cmp-card__reviewed time")
    assert card is not None
    assert (card["datetime"], card.get_text()) == ("2026-03-01", "1 March 2026")


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("{x[0]} of {product}", "&#123;x&#91;0&#93;&#125; of &#123;product&#125;"),  # no x[0] in ""
        ("{x.y} of {product}", "&#123;x.y&#125; of &#123;product&#125;"),  # no "".y
    ],
)
def test_a_label_whose_placeholders_cannot_be_filled_is_kept_as_written(text: str, written: str) -> None:
    markdown = render_summary(_model(), Renderer().env, {"summary_intro": text}).markdown
    assert markdown.startswith(written + "\n\n")


def _matrix_products(soup: BeautifulSoup) -> list[str]:
    return [bold.get_text() for bold in soup.select("table.cmp-matrix tbody tr[data-slug] td[class^=t-] b")]


def test_kept_cards_and_rows_are_handed_out_again_only_for_the_same_model(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rendered: Counter[str] = Counter()
    original = jinja2.Template.render

    def counted(self: jinja2.Template, *args: Any, **kwargs: Any) -> str:
        rendered[str(self.name)] += 1
        return original(self, *args, **kwargs)

    monkeypatch.setattr(jinja2.Template, "render", counted)
    parts = SummaryParts()
    env = Renderer().env
    soup = _soup(_model(product="Ours", parts=parts.begin("settings", PAGES)), env)
    assert [tr["data-slug"] for tr in soup.select("table.cmp-matrix tbody tr[data-slug]")] == [
        "lattice-vs-anvil",
        "lattice-vs-bellows",
    ]
    assert len(soup.select(".cmp-cards a.cmp-card")) == 2
    assert _matrix_products(soup) == ["Anvil: Yes.", "Ours: No.", "Bellows: No.", "Ours: Yes."]
    assert (rendered["summary_card.html"], rendered["summary_matrix_row.html"]) == (2, 2)
    _soup(_model(product="Ours", parts=parts.begin("settings", PAGES)), env)
    assert (rendered["summary_card.html"], rendered["summary_matrix_row.html"]) == (2, 2)  # all kept
    again = _soup(_model(product="Theirs", parts=parts.begin("settings", PAGES)), env)
    assert _matrix_products(again) == ["Anvil: Yes.", "Theirs: No.", "Bellows: No.", "Theirs: Yes."]
