"""The plugin under users' real setups: every page that is not a comparison page comes out as
it does without the plugin, and the code samples come out literally, highlighted the way the
site highlights code (tests/setups.py lists the setups)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import BuiltSite, write_docs
from exported import render
from setups import (
    COMPARISONS,
    PRODUCT_CODE,
    SETUPS,
    SNIPPET_TEXT,
    TOOL_CODE,
    build_setup,
    comparison_files,
    content_html,
    docs_pages,
    html_pages,
    setup_config,
)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, bool], BuiltSite]:
    """Each setup built once with and once without the plugin (on first use)."""
    cache: dict[tuple[str, bool], BuiltSite] = {}

    class Lazy(dict):  # type: ignore[type-arg]
        def __missing__(self, key: tuple[str, bool]) -> BuiltSite:
            name, plugin = key
            root = tmp_path_factory.mktemp(f"{name}-{'with' if plugin else 'without'}")
            cache[key] = build_setup(name, root, plugin)
            return cache[key]

    return Lazy()


def _search_entries(site: BuiltSite, skip: set[str]) -> list[dict[str, str]]:
    entries = json.loads(site.text("search/search_index.json"))["docs"]
    return [entry for entry in entries if not entry["location"].startswith("compare/")]


@pytest.mark.parametrize("setup", list(SETUPS))
def test_other_pages_are_exactly_as_without_the_plugin(built, setup: str) -> None:
    with_plugin, without = built[setup, True], built[setup, False]
    ours = comparison_files(with_plugin)
    pages, bare = html_pages(with_plugin), html_pages(without)
    others = sorted(set(bare) - ours)
    assert len(others) >= 3, others  # home and the two guides at least
    assert set(others) <= set(pages)
    for path in others:
        assert content_html(with_plugin, pages[path]) == content_html(without, bare[path]), path
    assert _search_entries(with_plugin, ours) == _search_entries(without, ours)


def _code_blocks(site: BuiltSite, page: str) -> list[BeautifulSoup]:
    blocks = site.html(_page_file(site, page)).select(".tabbed-set .tabbed-block pre")
    assert len(blocks) == 2, page
    return blocks


def _code_block(pre: Any) -> str:
    """A code block as the highlighter wrote it: the <pre>, with its wrapper if it has one."""
    parent = pre.parent
    inside = parent.name == "article" or "tabbed-block" in parent.get("class", []) or parent.get("role")
    return str(pre if inside else parent)


@pytest.mark.parametrize("setup", list(SETUPS))
def test_code_samples_are_literal_and_highlighted_as_the_site_highlights(built, setup: str) -> None:
    site = built[setup, True]
    highlighter = SETUPS[setup][1]
    blocks = _code_blocks(site, "compare/lattice-vs-conveyor.md")
    assert [block.get_text() for block in blocks] == [PRODUCT_CODE + "\n", TOOL_CODE + "\n"]
    assert SNIPPET_TEXT not in site.text(_page_file(site, "compare/lattice-vs-conveyor.md"))
    # The oracle: the site's own fence of the same code, on a guide page.
    fence = site.html(_page_file(site, "guides/code.md")).select("pre")
    assert len(fence) == 1
    sample = _code_blocks(site, "compare/lattice-vs-strata.md")[0]
    assert _code_block(sample) == _code_block(fence[0])
    tokens = sample.select("span[class]")
    if highlighter is None:  # a site that highlights nothing: a plain code block
        assert not tokens and sample.select_one("code") is not None
    else:
        assert tokens and "highlight" in sample.parent.get("class", [])


def _page_file(site: BuiltSite, page: str) -> str:
    stem = page.removesuffix(".md")
    directory_urls = site.config is None or site.config.use_directory_urls  # properdocs: its default
    return f"{stem}/index.html" if directory_urls else f"{stem}.html"


@pytest.mark.parametrize("setup", list(SETUPS))
def test_the_plugin_leaves_the_markdown_pipeline_as_configured(built, setup: str) -> None:
    with_plugin, without = built[setup, True], built[setup, False]
    assert with_plugin.config.markdown_extensions == without.config.markdown_extensions

    def configs(site: BuiltSite) -> str:  # the sites' own folders differ (snippets' base_path)
        return json.dumps(site.config.mdx_configs, sort_keys=True).replace(str(site.root), "ROOT")

    assert configs(with_plugin) == configs(without)


@pytest.mark.parametrize("setup", list(SETUPS))
def test_fallback_styles_only_for_themes_without_materials(built, setup: str) -> None:
    site = built[setup, True]
    soup = site.html(_page_file(site, "compare/lattice-vs-strata.md"))
    sheets = [link["href"] for link in soup.select("link[rel=stylesheet]")]
    ours = [href for href in sheets if "mkdocs-compare/" in href]
    assert any(href.endswith("mkdocs-compare/compare.css") for href in ours), sheets
    fallback = any(href.endswith("mkdocs-compare/compare-basic.css") for href in ours)
    assert fallback == (SETUPS[setup][0]["theme"]["name"] != "material"), ours


def test_every_comparison_of_the_setups_is_rendered(built) -> None:
    site = built["material", True]
    for page in COMPARISONS:
        assert site.html(_page_file(site, page)).select(".compare-grid__row")


PROPERDOCS = (
    "import sys\n"
    "from properdocs.__main__ import cli\n"
    "sys.exit(cli(['build', '-q', '-f', sys.argv[1], '-d', sys.argv[2]]))\n"
)


@pytest.mark.skipif(
    subprocess.run([sys.executable, "-c", "import properdocs"], capture_output=True).returncode != 0,
    reason="properdocs is not installed",
)
def test_properdocs_other_pages_are_exactly_as_without_the_plugin(tmp_path: Path) -> None:
    # properdocs takes over `mkdocs.*` imports for its whole process: build in child processes.
    sites = {}
    for plugin in (True, False):
        root = tmp_path / ("with" if plugin else "without")
        write_docs(root / "docs", docs_pages())
        config_file = root / "mkdocs.yml"
        config_file.write_text(yaml.safe_dump(setup_config("material-palette", root, plugin)), "utf-8")
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "properdocs",
                "build",
                "-q",
                "-f",
                str(config_file),
                "-d",
                str(root / "site"),
            ],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        sites[plugin] = BuiltSite(root, root / "site")
    ours = comparison_files(sites[True])
    assert ours
    others = sorted(set(html_pages(sites[False])) - ours)
    assert len(others) >= 3
    for path in others:
        assert content_html(sites[True], sites[True].site_dir / path) == content_html(
            sites[False], sites[False].site_dir / path
        ), path
    assert _code_blocks(sites[True], "compare/lattice-vs-conveyor.md")[0].get_text() == PRODUCT_CODE + "\n"


def test_a_guide_with_the_detect_key_and_no_feature_table_is_left_alone(build_site) -> None:
    guide = "---\ntoolName: Helm\n---\n\n# Notes on Helm\n\n| Chart | Version |\n| --- | --- |\n| a | 1 |\n"
    pages = {"guides/helm.md": guide, **{path: render(page) for path, page in COMPARISONS.items()}}
    site = build_site(pages)
    article = site.html("guides/helm/").select_one("article")
    assert article is not None and article.select_one("table td").get_text() == "a"
    assert not article.select(".compare-hero, .compare-grid")
