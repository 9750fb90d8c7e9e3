"""compose_summary hands every option on to the model and the page (summary/compose.py), by hand."""

from __future__ import annotations

from exported import Page, Row, render

from mkdocs_compare.collection import Collection
from mkdocs_compare.model import Comparison
from mkdocs_compare.parse import parse_comparison
from mkdocs_compare.render import Renderer
from mkdocs_compare.summary import compose_summary, plan_summary
from mkdocs_compare.summary_parts import SummaryParts
from mkdocs_compare.verdicts import verdict_scale

SCALE = verdict_scale({"partial": {"label": "Partly", "type": "warning"}})

PAGES = {
    "compare/a.md": Page(
        tool="Conveyor",
        category="",
        rows=[Row("Caching", "yes", "a", "partial", "b"), Row("Retries"), Row("Alerts")],
    ),
    "compare/b.md": Page(
        tool="Hopper",
        category="trackers",
        rows=[Row("Cache", "yes", "c", "yes", "d"), Row("Retries"), Row("Alerts")],
    ),
}
URLS = {"compare/a.md": "compare/a/", "compare/b.md": "compare/b/"}


def _pages() -> list[Comparison]:
    parsed = [parse_comparison(render(page), path, verdicts=SCALE).comparison for path, page in PAGES.items()]
    return [page for page in parsed if page is not None]


def _compose(**options: object) -> object:
    pages = _pages()
    plan = plan_summary(Collection({page.path: page for page in pages}), None, URLS, title="All")
    assert plan is not None
    env = Renderer().env
    labels = {"summary_uncategorised": "Misc tools"}
    return compose_summary(plan, pages, URLS, "compare/", env, labels, **options)  # type: ignore[arg-type]


def test_compose_hands_the_options_to_the_model() -> None:
    parts = SummaryParts()
    output = _compose(
        product="Ours",
        aliases={"Cache": "Caching"},
        max_features=2,
        categories={"trackers": "Trackers first"},
        verdicts=SCALE,
        parts=parts,
    )
    model = output.model  # type: ignore[attr-defined]
    assert model.product == "Ours"
    # "Cache" is Hopper's name for Caching: three features on both pages, two shown.
    assert [(f.name, f.count) for f in model.features] == [("Alerts", 2), ("Caching", 2), ("Retries", 2)]
    assert [c.name for c in model.columns] == ["Alerts", "Caching"]
    assert [(g.slug, g.name) for g in model.groups] == [("trackers", "Trackers first"), ("", "Misc tools")]
    assert model.verdicts is SCALE and model.parts is parts
    assert [kind.name for kind in model.used] == ["yes", "no", "partial"]


def test_compose_defaults() -> None:
    model = _compose().model  # type: ignore[attr-defined]
    assert model.product == "Lattice"
    assert [(f.name, f.count) for f in model.features] == [
        ("Alerts", 2),
        ("Retries", 2),
        ("Cache", 1),
        ("Caching", 1),
    ]
    assert [c.name for c in model.columns] == ["Alerts", "Retries"]  # up to 40 columns
    assert [(g.slug, g.name) for g in model.groups] == [("trackers", "Trackers"), ("", "Misc tools")]
    assert model.parts is None
    # Without the scale, "partial" is no verdict of the vocabulary: not stated.
    assert [kind.name for kind in model.used] == ["yes", "no"]


def test_compose_shows_at_most_40_columns_by_default() -> None:
    rows = [Row(f"Feature {index:02}") for index in range(41)]
    pages = {path: Page(tool=path[8], rows=rows) for path in URLS}
    parsed = [parse_comparison(render(page), path).comparison for path, page in pages.items()]
    comparisons = [page for page in parsed if page is not None]
    plan = plan_summary(Collection({page.path: page for page in comparisons}), "", URLS, title="All")
    assert plan is not None
    output = compose_summary(plan, comparisons, URLS, "compare/", Renderer().env, {})
    assert len(output.model.features) == 41
    assert [c.name for c in output.model.columns] == [f"Feature {index:02}" for index in range(40)]
