"""Zensical builds the example site with only `mkdocs_compare.markdown`: the same pages and
summary as the plugin's MkDocs build, checked against the sources read independently."""

from __future__ import annotations

import importlib.util
import json
import posixpath
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import SEEDS, build_in, write_docs
from extension_site import (
    EXTENSION,
    SUMMARY_SOURCE,
    example_copy,
    extension_config,
    inline_scripts,
    inline_styles,
    page_parts,
    plugin_options,
    zensical_build,
)
from portable import (
    EXPORTS,
    SUMMARY_PATH,
    broken_summary_links,
    built_matrix,
    built_verdicts,
    by_feature_key,
    expected_export_verdicts,
    expected_matrix,
    expected_verdicts,
    exported_verdicts,
    missing_images,
    page_html,
)
from source_oracle import read_source

from mkdocs_compare.needs import ASSET_FILES, CSS_URI, JS_URI

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("zensical") is None,
    reason="zensical is not installed (pip install -e '.[test]' installs it)",
)

PROBE = """
import json, os
from markdown import Extension
from markdown.preprocessors import Preprocessor

class Probe(Preprocessor):
    def run(self, lines):
        context = next((p for p in self.md.preprocessors if type(p).__name__ == "ContextPreprocessor"), None)
        seen = {"lines": lines, "meta": getattr(self.md, "Meta", None), "cwd": os.getcwd(),
                "path": getattr(getattr(context, "page", None), "path", None),
                "page_meta": getattr(getattr(context, "page", None), "meta", None)}
        with open(os.environ["PROBE_OUT"], "a", encoding="utf-8") as out:
            out.write(json.dumps(seen, default=str) + "\\n")
        return lines

class ProbeExtension(Extension):
    def extendMarkdown(self, md):
        md.preprocessors.register(Probe(md), "probe", 35)

def makeExtension(**options):
    return ProbeExtension()
"""


def test_what_zensical_hands_an_extension(tmp_path: Path) -> None:
    """The README's finding, kept true: the body without its front matter, no `md.Meta`, the
    project root as working folder; the page's path and front matter only in Zensical's
    rendering context (which the extension reads). If this fails, Zensical changed what it
    passes: read the front matter from the lines again, or drop the body matching."""
    (tmp_path / "probe").mkdir()
    (tmp_path / "probe/probe_ext.py").write_text(PROBE, encoding="utf-8")
    page = "---\ntitle: Acme vs Hopper\ntoolName: Hopper\n---\n\n# Body line\n\nText.\n"
    (tmp_path / "docs/compare").mkdir(parents=True)
    (tmp_path / "docs/compare/hopper.md").write_text(page, encoding="utf-8")
    config = {"site_name": "probe", "markdown_extensions": ["probe_ext"], "site_dir": "site"}
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    out = tmp_path / "seen.jsonl"
    env = {"PYTHONPATH": str(tmp_path / "probe"), "PROBE_OUT": str(out), "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-m", "zensical", "build", "--clean", "-f", "mkdocs.yml"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    seen = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(seen) == 1
    assert [line for line in seen[0]["lines"] if line] == ["# Body line", "Text."]
    assert seen[0]["meta"] is None
    assert Path(seen[0]["cwd"]) == tmp_path
    assert seen[0]["path"] == "compare/hopper.md"
    assert seen[0]["page_meta"] == {"title": "Acme vs Hopper", "toolName": "Hopper"}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """The example site built twice: by Zensical with only the extension, by MkDocs with the plugin."""
    root = tmp_path_factory.mktemp("zensical-extension")
    docs, config = example_copy(root)
    done = zensical_build(root, extension_config(config))
    (root / "plugin").mkdir()
    plugin = {**config, "docs_dir": "../docs", "site_dir": "site"}
    build_in(root / "plugin", plugin)
    return {
        "docs": docs,
        "site": root / "site",
        "plugin": root / "plugin/site",
        "log": done.stderr,
        "config": config,
    }


def _comparison_pages(docs: Path) -> dict[str, bytes]:
    return {
        path.relative_to(docs).as_posix(): path.read_bytes()
        for path in sorted((docs / "compare").glob("*.md"))
        if read_source(path.read_bytes()).rows
    }


def test_every_page_is_the_plugins_page(built: dict[str, object]) -> None:
    docs, site, plugin = Path(str(built["docs"])), Path(str(built["site"])), Path(str(built["plugin"]))
    pages = _comparison_pages(docs)
    published = [path for path in pages if page_html(plugin, path).is_file()]
    assert len(published) >= 5
    for path in published:
        got = page_html(site, path)
        assert (
            built_verdicts(got)
            == expected_verdicts(pages[path], path)
            == built_verdicts(page_html(plugin, path))
        )
        parts = page_parts(got)
        assert parts == page_parts(page_html(plugin, path)), path
        source = read_source(pages[path])
        assert parts["title"] == source.title and parts["hero"] is not None
        assert parts["raw_icons"] == 0
        assert [" ".join(code.split()) for code in parts["tabs"][0][1]] == [
            " ".join(code.split()) for code in source.code
        ]
        assert all(parts["highlighted"])
        assert parts["next_steps"][0] == source.learn_more
        assert not missing_images(site, got), path
        # The stylesheet is in the page (an extension cannot add files to the config).
        assert inline_styles(got) == [ASSET_FILES[CSS_URI].read_text(encoding="utf-8")]
    linked = {href for path in published for _, href in page_parts(page_html(site, path))["related"]}
    assert linked and all(href.startswith("../lattice-vs-") and href.endswith("/") for href in linked)


def test_the_draft_is_built_raw_and_warned_about(built: dict[str, object]) -> None:
    docs, site, plugin = Path(str(built["docs"])), Path(str(built["site"])), Path(str(built["plugin"]))
    drafts = [path for path, text in _comparison_pages(docs).items() if b"draft: true" in text]
    assert drafts
    for path in drafts:
        assert not page_html(plugin, path).exists()
        assert page_html(site, path).is_file()  # Zensical builds drafts: the README says so
        assert f"compare: {path}: draft page" in str(built["log"])


def test_the_summary_is_the_plugins_summary(built: dict[str, object]) -> None:
    docs, site, plugin = Path(str(built["docs"])), Path(str(built["site"])), Path(str(built["plugin"]))
    config = built["config"]
    assert isinstance(config, dict)
    pages = {
        path: text for path, text in _comparison_pages(docs).items() if page_html(plugin, path).is_file()
    }
    summary = page_html(site, SUMMARY_PATH)
    matrix = built_matrix(summary)
    assert matrix == built_matrix(page_html(plugin, SUMMARY_PATH))
    aliases = plugin_options(config).get("feature_aliases") or {}
    assert by_feature_key(matrix, aliases) == by_feature_key(expected_matrix(pages), aliases)
    assert {tool for tool, _ in matrix} == {read_source(text).tool for text in pages.values()}
    assert not broken_summary_links(site)
    text = summary.read_text(encoding="utf-8")
    for line in ("Every comparison we keep.", "Questions? Ask us."):  # the page's own text stays
        assert line in text and line in SUMMARY_SOURCE
    assert inline_scripts(summary) == [ASSET_FILES[JS_URI].read_text(encoding="utf-8")]
    assert exported_verdicts(site / EXPORTS[0]) == expected_export_verdicts(pages)
    for export in EXPORTS:
        assert (site / export).read_bytes() == (plugin / export).read_bytes()


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the shared seed pages are not present")
def test_real_exports_with_only_the_extension(tmp_path: Path) -> None:
    """The issue's "done when": real exported pages, only `mkdocs_compare.markdown` listed."""
    pages = {f"compare/{seed.stem}.md": seed.read_text(encoding="utf-8") for seed in sorted(SEEDS.iterdir())}
    write_docs(tmp_path / "docs", {**pages, "index.md": "# Home\n", SUMMARY_PATH: SUMMARY_SOURCE})
    config = {"site_name": "Real exports", "theme": {"name": "material"}, "markdown_extensions": [EXTENSION]}
    zensical_build(tmp_path, config)
    site = tmp_path / "site"
    for path, source in pages.items():
        got = page_html(site, path)
        assert built_verdicts(got) == expected_verdicts(source, path)
        parts = page_parts(got)
        assert parts["hero"] is not None and parts["raw_icons"] == 0, path
        assert parts["title"] == read_source(source).title
    summary = page_html(site, SUMMARY_PATH)
    assert not broken_summary_links(site)
    cards = BeautifulSoup(summary.read_text(encoding="utf-8"), "html.parser").select("a.cmp-card")
    linked = {posixpath.normpath(posixpath.join("compare", card["href"])) for card in cards}
    assert linked == {path.removesuffix(".md") for path in pages}
