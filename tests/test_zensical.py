"""Zensical (which runs no MkDocs plugin) builds the `render` output into the same verdicts."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import build_in
from mkdocs.commands.build import build
from mkdocs.config import load_config
from portable import (
    EXAMPLE_CONFIG,
    EXPORTS,
    SUMMARY_PATH,
    broken_summary_links,
    built_matrix,
    built_verdicts,
    by_feature_key,
    example_docs,
    expected_export_verdicts,
    expected_matrix,
    expected_verdicts,
    exported_verdicts,
    missing_images,
    page_html,
    run_render,
    without_plugin,
    write_generated_docs,
)

from mkdocs_compare.needs import ASSETS_DIR, JS_URI

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("zensical") is None,
    reason="zensical is not installed (pip install -e '.[test]' installs it)",
)

SITE = {"site_name": "Zensical test", "site_url": "https://example.org/"}


def zensical_build(root: Path, config: dict[str, object]) -> Path:
    """Build with `zensical build` in a child process; returns the site folder."""
    config = {**config, "site_dir": "zensical-site"}
    config_file = root / "zensical-mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "zensical", "build", "--strict", "-f", str(config_file)],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return root / "zensical-site"


def test_generated_docs_build_with_zensical(tmp_path: Path) -> None:
    pages = write_generated_docs(tmp_path / "docs")
    done = run_render(tmp_path / "docs", tmp_path / "out", "--snippet", tmp_path / "snippet.yml")
    assert done.returncode == 0, done.stderr
    snippet = yaml.safe_load((tmp_path / "snippet.yml").read_text(encoding="utf-8"))
    # The plugin stays listed, as in a real mkdocs.yml: Zensical must ignore it, not fail.
    config = {**without_plugin(SITE, snippet, "out"), "plugins": ["search", "compare"]}
    site = zensical_build(tmp_path, config)
    (tmp_path / "plugin").mkdir()
    plugin_site = build_in(
        tmp_path / "plugin", {**SITE, "docs_dir": "../docs", "theme": "material", "plugins": ["compare"]}
    )

    rendered = [path for path in pages if path.startswith("compare/") and (tmp_path / "out" / path).exists()]
    assert len(rendered) == 4 and not page_html(site, "compare/drafty.md").exists()
    for path in rendered:
        got = built_verdicts(page_html(site, path))
        assert got == expected_verdicts(pages[path], path)
        assert got == built_verdicts(page_html(plugin_site.site_dir, path))

    soup = BeautifulSoup(page_html(site, "compare/conveyor.md").read_text(encoding="utf-8"), "html.parser")
    assert soup.find("meta", attrs={"name": "description"})["content"] == "Lattice compared with Conveyor."
    assert soup.title is not None and soup.title.get_text().startswith("Lattice vs Conveyor")
    stylesheets = [link["href"] for link in soup.select("link[rel=stylesheet]")]
    assert "../../assets/mkdocs-compare/compare.css" in stylesheets
    assert (site / "assets/mkdocs-compare/compare.css").is_file()
    tabs = soup.select(".tabbed-set")
    assert len(tabs) == 1 and len(tabs[0].select(".highlight")) == 2
    assert [label.get_text() for label in tabs[0].select("label")] == ["Lattice", "Conveyor"]
    assert not soup.select("article script")
    related = [a["href"] for a in soup.select("article a") if "hopper" in a.get("href", "")]
    assert related == ["../hopper/"] and page_html(site, "compare/hopper.md").is_file()

    # The summary page: the plugin's matrix, working links, the exports and the script.
    summary = page_html(site, SUMMARY_PATH)
    matrix = built_matrix(summary)
    assert matrix == built_matrix(page_html(plugin_site.site_dir, SUMMARY_PATH))
    assert matrix == expected_matrix({path: pages[path] for path in rendered})
    assert not broken_summary_links(site)
    assert exported_verdicts(site / EXPORTS[0]) == expected_export_verdicts({p: pages[p] for p in rendered})
    for export in EXPORTS:
        assert (site / export).read_bytes() == (plugin_site.site_dir / export).read_bytes()
    summary_soup = BeautifulSoup(summary.read_text(encoding="utf-8"), "html.parser")
    assert summary_soup.select_one("article h1").get_text(strip=True) == "Comparisons at a glance"
    scripts = [script["src"] for script in summary_soup.select("script[src]")]
    assert "../assets/mkdocs-compare/compare.js" in scripts  # listed in extra_javascript
    assert (site / JS_URI).read_bytes() == (ASSETS_DIR / "compare.js").read_bytes()


def _compare_options(config: dict[str, object]) -> dict[str, object]:
    for plugin in config.get("plugins") or []:  # type: ignore[attr-defined]
        if isinstance(plugin, dict) and "compare" in plugin:
            return dict(plugin["compare"] or {})
    return {}


def test_example_site_builds_with_zensical(tmp_path: Path) -> None:
    docs, config = example_docs()
    if not docs.is_dir():
        pytest.skip(f"the example site's docs ({docs}) are not present")
    out = tmp_path / "out"
    done = run_render(
        docs, out, "--config", EXAMPLE_CONFIG, "--for", "zensical", "--snippet", tmp_path / "snippet.yml"
    )
    assert done.returncode == 0, done.stderr
    snippet = yaml.safe_load((tmp_path / "snippet.yml").read_text(encoding="utf-8"))
    site = zensical_build(tmp_path, without_plugin(config, snippet, "out"))
    compared = 0
    sources: dict[str, str | bytes] = {}
    for source in sorted(docs.rglob("*.md")):
        path = source.relative_to(docs).as_posix()
        if not (out / path).exists() or not built_verdicts(page_html(site, path)):
            continue
        sources[path] = source.read_bytes()
        assert built_verdicts(page_html(site, path)) == expected_verdicts(sources[path], path)
        # The example's icons are relative to their pages: Zensical resolves them from there.
        assert not missing_images(site, page_html(site, path)), path
        compared += 1
    rendered = re.search(r"(\d+) comparison pages rendered", done.stderr)
    assert rendered is not None and compared == int(rendered.group(1)) >= 2
    plugin_config = load_config(str(EXAMPLE_CONFIG), site_dir=str(tmp_path / "plugin-site"))
    build(plugin_config)  # the summary's column names follow the site's feature_aliases
    matrix = built_matrix(page_html(site, SUMMARY_PATH))
    assert matrix == built_matrix(page_html(tmp_path / "plugin-site", SUMMARY_PATH))
    aliases = _compare_options(config).get("feature_aliases") or {}
    assert by_feature_key(matrix, aliases) == by_feature_key(expected_matrix(sources), aliases)
    assert len({tool for tool, _ in matrix}) == compared
    assert not broken_summary_links(site)
    assert not missing_images(site, page_html(site, SUMMARY_PATH))
