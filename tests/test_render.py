"""The renderer's Python feature grid agrees with the packaged `feature_grid.html`."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import BuildSite
from exported import Page, render
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import exported_pages, mutated_pages

from mkdocs_compare.grid import grid_html
from mkdocs_compare.held import fill_blocks, hold_code_from_search
from mkdocs_compare.model import ComparisonError
from mkdocs_compare.parse import parse_comparison
from mkdocs_compare.render import Renderer, RenderSettings
from mkdocs_compare.verdicts import verdict_scale

EXAMPLE_PAGES = sorted((Path(__file__).parent.parent / "example_site" / "docs" / "compare").glob("*.md"))
LABELS = {"features": "Features & {more}", "feature": "<Feature>", "yes": "Oui", "no": "Non"}
# A third verdict, with a label that must be escaped, and yes given another type.
PARTIAL = {"partial": {"label": 'Partly "<b>"', "type": "warning"}, "yes": {"type": "tip"}}


def _both_grids(
    text: str, labels: dict[str, str], entries: dict[str, dict[str, str]] | None = None
) -> tuple[str, str] | None:
    verdicts = verdict_scale(entries, labels)
    try:
        comparison = parse_comparison(text, "compare/page.md", verdicts=verdicts).comparison
    except ComparisonError:
        return None
    if comparison is None:
        return None
    renderer = Renderer(RenderSettings(labels=labels, verdicts=verdicts))
    rows = renderer._rows(comparison)
    template = renderer.env.get_template("feature_grid.html")
    from_template = template.render(c=comparison, rows=rows, labels=renderer.labels)
    return from_template, str(grid_html(comparison, renderer.labels, renderer.verdicts))


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(exported_pages().map(render), mutated_pages()),
    st.sampled_from([{}, LABELS]),
    st.sampled_from([None, PARTIAL]),
)
def test_python_grid_is_the_template_grid(
    text: str, labels: dict[str, str], entries: dict[str, dict[str, str]] | None
) -> None:
    grids = _both_grids(text, labels, entries)
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


def _marked(nonce: str, body: str) -> str:
    start = f"<!-- mkdocs-compare:{nonce}:plain-for-search:start -->"
    end = f"<!-- mkdocs-compare:{nonce}:plain-for-search:end -->"
    return f"{start}\n\n{body}\n{end}\n\n"


def test_code_is_indexed_as_plain_text_and_its_highlighting_comes_back() -> None:
    code = (
        '<div class="highlight"><pre><code><span class="kn">import</span> '
        '<span class="n">x</span></code></pre></div>'
    )
    other = "<p>between <span class='keep'>me</span></p>\n"
    html = f"<h2>Code</h2>\n{_marked('n1', code)}{other}{_marked('n1', code)}<h2>End</h2>"
    blocks: dict = {}
    plain = hold_code_from_search(html, "n1", blocks)
    assert len(blocks) == 2 and not any(block.searchable for block in blocks.values())
    assert plain.count("<pre><code>import x</code></pre>") == 2 and 'class="kn"' not in plain
    assert "<span class='keep'>" in plain  # outside the marks: untouched
    restored, lost = fill_blocks(plain, blocks, searchable=False)
    assert lost == [] and blocks == {}
    assert restored == f"<h2>Code</h2>\n{code}\n{other}{code}\n<h2>End</h2>"
    others: dict = {}
    assert hold_code_from_search(html, "other-nonce", others) == html and others == {}  # not ours


def test_search_index_reads_the_code_and_the_page_keeps_its_highlighting(build_site: BuildSite) -> None:
    extensions = ["pymdownx.highlight", "pymdownx.superfences"]
    site = build_site({"compare/conveyor.md": render(Page())}, extra={"markdown_extensions": extensions})
    html = site.text("compare/conveyor/index.html")
    assert "plain-for-search" not in html and 'class="kn"' in html
    entries = json.loads(site.text("search/search_index.json"))["docs"]
    code = next(e for e in entries if e["location"] == "compare/conveyor/#code-comparison")
    assert "from lattice import flow" in code["text"] and "<span" not in code["text"]
