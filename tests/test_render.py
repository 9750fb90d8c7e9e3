"""The renderer's Python feature grid agrees with the packaged `feature_grid.html`."""

from __future__ import annotations

from pathlib import Path

from exported import Page, render
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import exported_pages, mutated_pages

from mkdocs_compare.model import ComparisonError
from mkdocs_compare.parse import parse_comparison
from mkdocs_compare.render import Renderer, RenderSettings, grid_html

EXAMPLE_PAGES = sorted((Path(__file__).parent.parent / "example_site" / "docs" / "compare").glob("*.md"))
LABELS = {"features": "Features & {more}", "feature": "<Feature>", "yes": "Oui", "no": "Non"}


def _both_grids(text: str, labels: dict[str, str]) -> tuple[str, str] | None:
    try:
        comparison = parse_comparison(text, "compare/page.md").comparison
    except ComparisonError:
        return None
    if comparison is None:
        return None
    renderer = Renderer(RenderSettings(labels=labels))
    rows = renderer._rows(comparison)
    template = renderer.env.get_template("feature_grid.html")
    from_template = template.render(c=comparison, rows=rows, labels=renderer.labels)
    return from_template, str(grid_html(comparison, renderer.labels))


@settings(max_examples=200, deadline=None)
@given(st.one_of(exported_pages().map(render), mutated_pages()), st.sampled_from([{}, LABELS]))
def test_python_grid_is_the_template_grid(text: str, labels: dict[str, str]) -> None:
    grids = _both_grids(text, labels)
    if grids is not None:
        assert grids[0] == grids[1]


def test_python_grid_is_the_template_grid_on_the_example_site() -> None:
    assert EXAMPLE_PAGES
    for path in EXAMPLE_PAGES:
        grids = _both_grids(path.read_text(encoding="utf-8"), LABELS)
        assert grids is not None and "compare-grid__row" in grids[0]
        assert grids[0] == grids[1], path.name


def test_an_overridden_grid_template_is_used(tmp_path: Path) -> None:
    (tmp_path / "feature_grid.html").write_text(
        '<div class="my-grid">{% for row in rows %}<b>{{ row.feature.name }}</b>{% endfor %}</div>\n',
        encoding="utf-8",
    )
    comparison = parse_comparison(render(Page()), "compare/conveyor.md").comparison
    assert comparison is not None
    output = Renderer(RenderSettings(custom_templates=str(tmp_path))).render_page(comparison)
    assert '<div class="my-grid"><b>' in output and "compare-grid__row" not in output
