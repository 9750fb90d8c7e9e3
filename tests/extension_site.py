"""Helpers for the Markdown-extension tests: sites built with `mkdocs_compare.markdown` only,
and what a built comparison page shows besides its verdicts (hero, code, links)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml
from bs4 import BeautifulSoup, Tag
from portable import EXAMPLE_CONFIG, example_docs

EXTENSION = "mkdocs_compare.markdown"
SUMMARY_SOURCE = (
    "# Comparisons\n\nEvery comparison we keep.\n\n<!-- compare-summary -->\n\nQuestions? Ask us.\n"
)


def example_copy(root: Path) -> tuple[Path, dict[str, Any]]:
    """The example site's docs copied to `root/docs`, with a summary page holding the marker
    (an extension cannot add a page), and the example's config with its plugin options."""
    docs, config = example_docs()
    shutil.copytree(docs, root / "docs")
    (root / "docs/compare/index.md").write_text(SUMMARY_SOURCE, encoding="utf-8")
    return root / "docs", config


def plugin_options(config: dict[str, Any]) -> dict[str, Any]:
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "compare" in plugin:
            return dict(plugin["compare"] or {})
    return {}


def extension_config(config: dict[str, Any], options: dict[str, Any] | None = None) -> dict[str, Any]:
    """`config` with the compare plugin dropped and the extension (with the plugin's options)
    added: the one line the README tells users to add."""
    merged = {key: value for key, value in config.items() if key not in ("plugins", "docs_dir")}
    merged["plugins"] = [p for p in config.get("plugins") or [] if p == "search"]
    extension = {EXTENSION: plugin_options(config) if options is None else options}
    merged["markdown_extensions"] = [*(config.get("markdown_extensions") or []), extension]
    return merged


def zensical_build(root: Path, config: dict[str, Any]) -> subprocess.CompletedProcess[str]:
    """`zensical build --clean` (no page cache) of `root` in a child process, from `root`."""
    config_file = root / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump({**config, "site_dir": "site"}, sort_keys=False), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "zensical", "build", "--clean", "-f", str(config_file)],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done


def _soup(html_file: Path) -> BeautifulSoup:
    return BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")


def _section_after(soup: BeautifulSoup, heading_id: str) -> Tag | None:
    heading = soup.find(id=heading_id)
    return heading.find_next_sibling() if isinstance(heading, Tag) else None


def page_parts(html_file: Path) -> dict[str, Any]:
    """What a reader gets from a comparison page besides the verdicts: the title, the hero
    (text, icon, button), the code tabs (labels, code text, highlighted or not), the next
    steps and the related links."""
    soup = _soup(html_file)
    article = soup.select_one("article")
    assert article is not None, html_file
    hero = article.select_one(".compare-hero")
    tabs = article.select(".tabbed-set")
    related = _section_after(soup, "related-comparisons")
    steps = article.select_one(".compare-next-steps")
    return {
        "title": article.select_one("h1").get_text(strip=True) if article.select_one("h1") else None,
        "hero": None
        if hero is None
        else (
            hero.get_text(" ", strip=True),
            [img["src"] for img in hero.select("img")],
            [a["href"] for a in hero.select("a")],
        ),
        "tabs": [
            (
                [label.get_text() for label in tab.select("label")],
                [pre.get_text() for pre in tab.select("pre")],
            )
            for tab in tabs
        ],
        "highlighted": [bool(tab.select(".highlight")) for tab in tabs],
        "next_steps": None
        if steps is None
        else (
            [li.get_text(" ", strip=True) for li in steps.select("li")],
            [a["href"] for a in steps.select("a")],
        ),
        "related": [] if related is None else [(a.get_text(), a["href"]) for a in related.select("a")],
        "raw_icons": len(article.select("span.icon, span.tooltiptext, table span")),
    }


def inline_styles(html_file: Path) -> list[str]:
    return [style.get_text() for style in _soup(html_file).select("article style")]


def inline_scripts(html_file: Path) -> list[str]:
    return [script.get_text() for script in _soup(html_file).select("article script:not([src])")]


def example_config_file() -> Path:
    return EXAMPLE_CONFIG
