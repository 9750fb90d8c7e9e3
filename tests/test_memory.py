"""What a build keeps in memory: nothing twice, nothing longer than it is read (issue 16).

Peak memory itself is measured by benchmarks/bench.py (and benchmarks/memory.py says where it
goes); these tests pin the steps that keep it down, each of which the output must not notice.
"""

from __future__ import annotations

import gc
import json
import weakref
from pathlib import Path
from typing import Any

import pytest
from conftest import BuildSite
from exported import Page, Row, render

from mkdocs_compare import plugin as plugin_module
from mkdocs_compare.parse import parse_comparison
from mkdocs_compare.render import Renderer
from mkdocs_compare.spool import Spool
from mkdocs_compare.summary import SummaryDocument, build_summary, render_summary
from mkdocs_compare.verdicts import DEFAULT_SCALE

ROWS = [
    Row("Caching", "yes", "Steps are cached.", "no", "Nothing is cached."),
    Row("Scheduling", "YES", "Cron and events.", "yes", "Cron only."),
]


def test_verdicts_are_the_vocabularys_own_strings() -> None:
    """Not a new "yes" per cell: a thousand pages say it tens of thousands of times."""
    comparison = parse_comparison(render(Page(rows=ROWS)), "compare/a.md").comparison
    assert comparison is not None
    yes, no = (kind.name for kind in DEFAULT_SCALE.kinds)
    verdicts = [(f.product.verdict, f.tool.verdict) for f in comparison.features]
    assert verdicts == [("yes", "no"), ("yes", "yes")]
    assert all(v is yes for v in (verdicts[0][0], verdicts[1][0], verdicts[1][1]))
    assert verdicts[0][1] is no


def test_pages_share_their_feature_names_and_icon_classes() -> None:
    first = parse_comparison(render(Page(tool="Hopper", rows=ROWS)), "compare/a.md").comparison
    second = parse_comparison(render(Page(tool="Conveyor", rows=ROWS[::-1])), "compare/b.md").comparison
    assert first is not None and second is not None
    assert first.features[0].name == second.features[1].name == "Caching"
    assert first.features[0].name is second.features[1].name
    assert first.features[1].product.icon_class == second.features[0].product.icon_class == "YES"
    assert first.features[1].product.icon_class is second.features[0].product.icon_class


def test_the_summary_model_goes_as_soon_as_the_page_is_rendered() -> None:
    """No reference cycle keeps the model (every page's cells) until a garbage collection."""
    pages = []
    for number, tool in enumerate(("Hopper", "Conveyor")):
        parsed = parse_comparison(render(Page(tool=tool, rows=ROWS)), f"compare/{number}.md").comparison
        assert parsed is not None
        pages.append(parsed)
    renderer = Renderer()
    gc.disable()
    try:
        model = build_summary(pages, {"compare/0.md": "compare/0/", "compare/1.md": "compare/1/"}, "compare/")
        kept = weakref.ref(model)
        document = render_summary(model, renderer.env, renderer.labels, title="All")
        del model
        assert kept() is None
    finally:
        gc.enable()
    assert "Hopper" in "".join(document.blocks.values())


def test_a_summary_held_compressed_fills_and_inlines_as_it_was() -> None:
    blocks = {"<!--a-->": "\n<table><tr><td>é</td></tr></table>\n", "<!--b-->": "<p>B</p>"}
    document = SummaryDocument("# All\n\n<!--a-->\n\n<!--b-->\n", dict(blocks)).compressed()
    assert document.blocks == {} and set(document.packed) == set(blocks)
    assert document.fill("<h1>All</h1>\n<!--a-->\n<!--b-->") == (
        "<h1>All</h1>\n\n<table><tr><td>é</td></tr></table>\n\n<p>B</p>"
    )
    assert document.inline() == "# All\n\n<table><tr><td>é</td></tr></table>\n\n<p>B</p>\n"


def test_the_spool_writes_a_file_a_piece_at_a_time(tmp_path: Path) -> None:
    spool = Spool()
    pieces = ["{\n", '"é": 1', ",\r\n", "}\n"]
    try:
        path = Path(spool.stream("compare/comparisons.json", lambda out: [out.write(p) for p in pieces]))
        assert path.name.endswith("comparisons.json")
        assert path.read_bytes() == '{\n"é": 1,\r\n}\n'.encode()  # newlines as written
    finally:
        spool.clear()
    assert not path.exists() and not path.parent.exists()


def test_a_build_forgets_a_pages_features_and_code_once_it_is_rendered(
    build_site: BuildSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What is left of a rendered page's model is its front matter; the pages, their head tags,
    related links, the summary and the exports come out whole all the same."""
    left: dict[str, tuple[int, int, int]] = {}
    original = plugin_module.ComparePlugin.on_page_markdown

    def watched(self: Any, markdown: str, /, **kw: Any) -> str | None:
        result = original(self, markdown, **kw)
        uri = kw["page"].file.src_uri
        if uri in self.collection.pages:
            model = self.collection.pages[uri]
            left[uri] = (len(model.features), len(model.code_samples), len(model.learn_more))
        return result

    written: dict[str, tuple[str, str, dict[str, Any], str]] = {}
    post_page = plugin_module.ComparePlugin.on_post_page

    def watched_post(self: Any, output: str, /, **kw: Any) -> str | None:
        result = post_page(self, output, **kw)
        uri = kw["page"].file.src_uri
        if uri in self.collection.pages:
            model = self.collection.pages[uri]
            written[uri] = (model.title, model.tool_name, model.meta, model.headline)
        return result

    watched.__dict__.update(original.__dict__)  # its event priority
    watched_post.__dict__.update(post_page.__dict__)
    monkeypatch.setattr(plugin_module.ComparePlugin, "on_page_markdown", watched)
    monkeypatch.setattr(plugin_module.ComparePlugin, "on_post_page", watched_post)
    tools = ("Conveyor", "Hopper", "Tumbler")
    site = build_site({f"compare/{tool.lower()}.md": render(Page(tool=tool, rows=ROWS)) for tool in tools})
    assert left == {f"compare/{tool.lower()}.md": (0, 0, 0) for tool in tools}
    # Once written, a page's model is its names: the summary's head lists it by title.
    assert written == {f"compare/{tool.lower()}.md": (f"Lattice vs {tool}", tool, {}, "") for tool in tools}
    assert site.warnings() == []
    for tool in tools:
        html = site.html(f"compare/{tool.lower()}/")
        text = html.get_text(" ")
        assert all(name in text for name in ("Caching", "Scheduling", "Steps are cached.", "Cron only."))
        assert "conveyor.run('train')" in text and "Read the migration guide." in text
        assert html.find("meta", attrs={"property": "og:title"})["content"] == f"Lattice vs {tool}"
        heading = html.find("h2", string="Related comparisons")
        assert heading is not None
        related = [a.get_text(strip=True) for a in heading.find_next("ul").find_all("a")]
        assert sorted(related) == sorted(f"Lattice vs {other}" for other in tools if other != tool)
        assert html.find(string=lambda text: "Pipelines that move with you." in text) is not None
    listed = json.loads(site.html("compare/").find("script", type="application/ld+json").string)
    assert sorted(item["name"] for item in listed["itemListElement"]) == [f"Lattice vs {t}" for t in tools]
    summary = site.text("compare/comparisons.csv")
    assert all(f"{tool},orchestrators" in summary for tool in tools)
    assert summary.count("Steps are cached.") == 3


def test_a_build_lets_the_summary_pages_html_go_once_it_is_written(
    build_site: BuildSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    """MkDocs keeps every page's `page.content` to the end of the build, when the search index
    is written (the peak): the summary's cards and matrix (2 MB at 1,000 tools) are not held
    there once the page is written, as a comparison page's highlighted code is not."""
    held: dict[str, tuple[bool, bool]] = {}
    post_page = plugin_module.ComparePlugin.on_post_page

    def watched_post(self: Any, output: str, /, **kw: Any) -> str | None:
        result = post_page(self, output, **kw)
        page = kw["page"]
        held[page.file.src_uri] = ('id="compare-matrix"' in output, 'id="compare-matrix"' in page.content)
        return result

    watched_post.__dict__.update(post_page.__dict__)  # its event priority
    monkeypatch.setattr(plugin_module.ComparePlugin, "on_post_page", watched_post)
    tools = ("Conveyor", "Hopper")
    site = build_site({f"compare/{tool.lower()}.md": render(Page(tool=tool, rows=ROWS)) for tool in tools})
    assert held["compare/index.md"] == (True, False)  # written with the matrix, not held with it
    matrix = site.html("compare/").find(id="compare-matrix")
    assert matrix is not None
    assert all(matrix.find(string=lambda text, t=tool: t in text) for tool in tools)
