"""`mkdocs serve` rebuilds: only what an edit changes is rendered again, and the site comes out
as a fresh build of the same files would."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import write_docs
from exported import Page, Row, render
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from mkdocs_compare.render import Renderer

SERVE_URL = "http://127.0.0.1:8000/"
# With related_limit 1 each page links the next of its category in tool-name order (wrapping):
# Alder -> Birch -> Cedar -> Dogwood -> Alder; Elm is alone in its category.
TOOLS = {
    "Alder": "orchestrators",
    "Birch": "orchestrators",
    "Cedar": "orchestrators",
    "Dogwood": "orchestrators",
}
TOOLS["Elm"] = "trackers"


def _page(tool: str, note: str = "Needs a plugin.") -> Page:
    return Page(
        tool=tool,
        slug=f"lattice-vs-{tool.lower()}",
        category=TOOLS.get(tool, "orchestrators"),
        rows=[
            Row("Caching", tool_note=note),
            Row("Scheduling", "yes", "Cron and events.", "no", "Cron only."),
        ],
    )


def _source(tool: str) -> str:
    return f"compare/lattice-vs-{tool.lower()}.md"


class Serve:
    """A docs folder built as `mkdocs serve` builds it: the config loaded again for every
    rebuild, the plugin object kept (it defines on_startup, so MkDocs caches it)."""

    def __init__(self, root: Path, options: dict[str, Any] | None = None) -> None:
        self.root = root
        write_docs(root / "docs", {_source(tool): render(_page(tool)) for tool in TOOLS})
        (root / "docs/index.md").write_text("# Home\n", encoding="utf-8")
        self.config_file = root / "mkdocs.yml"
        plugins = ["search", {"compare": {"related_limit": 1, **(options or {})}}]
        config = {"site_name": "Serve", "theme": {"name": "material"}, "plugins": plugins}
        self.config_file.write_text(yaml.safe_dump(config), encoding="utf-8")
        self.rendered: list[str] = []

    def config(self, site_dir: Path) -> Any:
        config = load_config(str(self.config_file), site_dir=str(site_dir))
        config.site_url = SERVE_URL
        return config

    def rebuild(self) -> Path:
        build(self.config(self.root / "site"), serve_url=SERVE_URL, dirty=False)
        return self.root / "site"

    def fresh(self) -> Path:
        """The same files built by a new plugin object, as `mkdocs build` would (MkDocs keeps
        plugins that define on_startup in its config schema's cache: set aside here)."""
        option = dict(MkDocsConfig._schema)["plugins"]
        kept, option.plugin_cache = option.plugin_cache, {}
        try:
            site = self.root / "fresh"
            build(self.config(site), serve_url=SERVE_URL, dirty=False)
        finally:
            option.plugin_cache = kept
        return site

    def edit(self, tool: str, page: Page) -> None:
        (self.root / "docs" / _source(tool)).unlink()
        (self.root / "docs" / _source(page.tool)).write_text(render(page), encoding="utf-8")


@pytest.fixture
def served(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Serve]:
    serve = Serve(tmp_path)
    original = Renderer.render_page_held

    def counting(self: Renderer, comparison: Any, *args: Any, **kwargs: Any) -> Any:
        serve.rendered.append(comparison.path)
        return original(self, comparison, *args, **kwargs)

    monkeypatch.setattr(Renderer, "render_page_held", counting)
    config = serve.config(tmp_path / "site")
    config.plugins.on_startup(command="serve", dirty=False)
    yield serve
    config.plugins.on_shutdown()


def _related(site: Path, tool: str) -> list[str]:
    soup = BeautifulSoup(
        (site / _source(tool).removesuffix(".md") / "index.html").read_text("utf-8"), "html.parser"
    )
    heading = soup.find(id="related-comparisons")
    assert heading is not None
    return [link.get_text(strip=True) for link in heading.find_next_sibling("ul").select("a")]


def _text(site: Path, tool: str) -> str:
    page = site / _source(tool).removesuffix(".md") / "index.html"
    return BeautifulSoup(page.read_text("utf-8"), "html.parser").get_text()


def test_a_rebuild_renders_only_the_edited_page_and_the_pages_linking_to_it(served: Serve) -> None:
    site = served.rebuild()
    assert sorted(served.rendered) == sorted(_source(tool) for tool in TOOLS)
    assert "Lattice vs Cedar" in _related(site, "Birch")[0]

    # A note of Cedar's: only Cedar's page shows it.
    served.rendered.clear()
    served.edit("Cedar", _page("Cedar", note="Edited while serving."))
    site = served.rebuild()
    assert served.rendered == [_source("Cedar")]
    assert "Edited while serving." in _text(site, "Cedar")
    summary = BeautifulSoup((site / "compare/index.html").read_text("utf-8"), "html.parser").get_text()
    assert "Edited while serving." in summary

    # Nothing edited: nothing rendered.
    served.rendered.clear()
    served.rebuild()
    assert served.rendered == []

    # Cedar renamed Cypress (same place in the order): its page, and Birch's, which links it.
    served.rendered.clear()
    served.edit("Cedar", _page("Cypress", note="Edited while serving."))
    site = served.rebuild()
    assert sorted(served.rendered) == sorted([_source("Cypress"), _source("Birch")])
    assert _related(site, "Birch") == ["Lattice vs Cypress"]
    assert _related(site, "Cypress") == ["Lattice vs Dogwood"]


def test_a_rebuilt_site_is_the_site_a_fresh_build_makes(served: Serve) -> None:
    served.rebuild()
    served.edit("Birch", _page("Birch", note="A note from the rebuild."))
    served.edit("Elm", _page("Aspen"))  # renamed, and moved to the first category, first in order
    site = served.rebuild()
    fresh = served.fresh()
    built = sorted(
        path.relative_to(fresh) for path in fresh.rglob("*") if path.suffix in (".html", ".json", ".csv")
    )
    assert Path("compare/lattice-vs-aspen/index.html") in built
    for relative in built:
        assert (site / relative).read_bytes() == (fresh / relative).read_bytes(), relative


def test_a_rebuild_with_page_meta_and_export_canonicals_is_the_site_a_fresh_build_makes(
    tmp_path: Path,
) -> None:
    """Each page's metadata, its canonical (the export's replaces the theme's), Open Graph tags
    and JSON-LD, and the summary's list of pages, after a rename and an edit."""
    serve = Serve(tmp_path, {"page_meta": {"hide": ["toc"], "subtitle": "<b>Ours</b>"}})
    canonical = 'seo:\n  canonical: "https://lattice.example.org/compare/{}"\n'
    for tool in ("Alder", "Birch"):
        page = dataclasses.replace(_page(tool), extra_front_matter=canonical.format(tool.lower()))
        serve.edit(tool, page)
    config = serve.config(tmp_path / "site")
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        serve.rebuild()
        serve.edit("Alder", dataclasses.replace(_page("Alder", note="Changed."), extra_front_matter=""))
        serve.edit("Birch", dataclasses.replace(_page("Bramble"), extra_front_matter=canonical.format("b")))
        site = serve.rebuild()
        fresh = serve.fresh()
    finally:
        config.plugins.on_shutdown()
    bramble = BeautifulSoup(
        (site / "compare/lattice-vs-bramble/index.html").read_text("utf-8"), "html.parser"
    )
    assert [link["href"] for link in bramble.select('link[rel="canonical"]')] == [
        "https://lattice.example.org/compare/b"
    ]
    summary = (site / "compare/index.html").read_text("utf-8")
    assert "Lattice vs Bramble" in summary and "Lattice vs Birch" not in summary
    built = sorted(path.relative_to(fresh) for path in fresh.rglob("*") if path.suffix in (".html", ".json"))
    assert Path("compare/lattice-vs-alder/index.html") in built
    for relative in built:
        assert (site / relative).read_bytes() == (fresh / relative).read_bytes(), relative


def test_a_rebuild_reads_only_changed_files_even_when_an_edit_keeps_size_and_time(served: Serve) -> None:
    served.rebuild()
    sources = served.config(served.root / "site").plugins["compare"].served.sources
    reads = sources.reads
    served.rebuild()
    assert sources.reads == reads  # nothing edited: nothing read
    path = served.root / "docs" / _source("Cedar")
    before = path.stat()
    text = path.read_text("utf-8")
    assert "Needs a plugin." in text
    path.write_text(text.replace("Needs a plugin.", "Needs a module."), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # as `cp -p` or `touch -r` leave it
    assert path.stat().st_size == before.st_size
    site = served.rebuild()
    assert sources.reads == reads + 1
    assert "Needs a module." in _text(site, "Cedar")
    assert "Needs a module." not in _text(site, "Birch")


def test_a_remembered_head_is_the_head_read_afresh() -> None:
    from mkdocs_compare.page_head import HeadSettings, RememberedHeads, comparison_head
    from mkdocs_compare.parse import parse_comparison

    extra = 'seo:\n  canonical: "https://lattice.example.org/compare/conveyor"\n'
    comparison = parse_comparison(render(Page(extra_front_matter=extra)), "compare/conveyor.md").comparison
    assert comparison is not None
    document = (
        '<html><head><title>Lattice vs Conveyor</title><link rel="canonical" href="https://example.org/x/">'
        "</head><body><p>Body &amp; more</p></body></html>"
    )
    settings = HeadSettings(site=("Site", "https://example.org/"))
    fresh = comparison_head(document, comparison, "https://example.org/x/", "Orchestrators", settings)
    assert 'href="https://lattice.example.org/compare/conveyor"' in fresh
    last = RememberedHeads()
    for _ in range(2):  # read, then remembered
        assert (
            last.apply("p", document, comparison, "https://example.org/x/", "Orchestrators", settings)
            == fresh
        )
    other = document.replace("Body", "Another body")
    assert last.apply("p", other, comparison, "https://example.org/x/", "Orchestrators", settings) == (
        fresh.replace("Body", "Another body")
    )
    assert last.apply("p", "no head", comparison, None, "", settings) == "no head"
