"""The example site with the plugin's default options: every code sample comes out highlighted,
including the ones its exports ship without a language (`<pre><code>` blocks, bare fences)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from conftest import build_in
from portable import example_docs, page_html
from source_oracle import read_source


def _default_options(config: dict[str, Any]) -> dict[str, Any]:
    """The example's config with the compare plugin's `guess_language` left to its default."""
    plugins = []
    for item in config["plugins"]:
        if isinstance(item, dict) and "compare" in item:
            item = {"compare": {k: v for k, v in (item["compare"] or {}).items() if k != "guess_language"}}
        plugins.append(item)
    return {**config, "plugins": plugins, "docs_dir": "docs", "site_dir": "site"}


def test_every_sample_of_the_example_site_is_highlighted_by_default(tmp_path: Path) -> None:
    docs, config = example_docs()
    if not docs.is_dir():
        pytest.skip(f"the example site's docs ({docs}) are not present")
    shutil.copytree(docs, tmp_path / "docs")
    site = build_in(tmp_path, _default_options(config))
    without_language = 0
    pages = 0
    for source in sorted((tmp_path / "docs/compare").glob("*.md")):
        text = source.read_text(encoding="utf-8")
        page = read_source(text)
        if page.meta.get("draft") is True:
            continue  # left out of the build
        samples = page.code
        without_language += text.count("<pre><code") + text.count("```\n") // 2
        soup = BeautifulSoup(
            page_html(site.site_dir, f"compare/{source.name}").read_text("utf-8"), "html.parser"
        )
        blocks = soup.select(".tabbed-set .tabbed-block")
        assert len(blocks) == len(samples) >= 2, source.name
        for block, sample in zip(blocks, samples, strict=True):
            code = block.select_one("code")
            assert code is not None and code.get_text().strip() == sample.strip(), source.name
            assert code.select("span[class]"), f"{source.name}: a sample left plain"
        pages += 1
    assert pages >= 5
    assert without_language >= 1, "the example should have samples exported without a language"
