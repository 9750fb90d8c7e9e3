"""`mkdocs_compare.markdown` under MkDocs: alone it builds the plugin's pages; beside the plugin
nothing is rendered twice; bodies it cannot place are warnings."""

from __future__ import annotations

import importlib.util
import logging
import subprocess
import sys
from pathlib import Path

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import build_in, write_docs
from extension_site import (
    EXTENSION,
    SUMMARY_SOURCE,
    example_copy,
    extension_config,
    inline_styles,
    page_parts,
    plugin_options,
)
from portable import (
    EXPORTS,
    GENERATED_PAGES,
    SUMMARY_PATH,
    broken_summary_links,
    built_matrix,
    built_verdicts,
    by_feature_key,
    expected_export_verdicts,
    expected_matrix,
    expected_verdicts,
    exported_verdicts,
    page_html,
)

import mkdocs_compare.markdown as extension_module
from mkdocs_compare.needs import ASSET_FILES, CSS_URI

# The generated pages MkDocs can read without the plugin (it stops on invalid UTF-8 itself).
PAGES = {path: text for path, text in GENERATED_PAGES.items() if isinstance(text, str)}
PAGES[SUMMARY_PATH] = SUMMARY_SOURCE
PUBLISHED = ["compare/conveyor.md", "compare/hopper.md", "compare/sluice.md"]
CODE = ["pymdownx.highlight", "pymdownx.superfences"]
SITE = {"site_name": "Extension test", "site_url": "https://example.org/", "theme": "material"}


def _config(*, plugin: bool, extension: bool, options: dict[str, object] | None = None) -> dict[str, object]:
    extensions: list[object] = list(CODE)
    if extension:
        extensions.append({EXTENSION: dict(options or {})})
    plugins: list[object] = ["search", "compare"] if plugin else ["search"]
    return {**SITE, "docs_dir": "docs", "markdown_extensions": extensions, "plugins": plugins}


def _build(
    root: Path, monkeypatch: pytest.MonkeyPatch, **kinds: bool
) -> tuple[Path, list[logging.LogRecord]]:
    """A site of PAGES under `root`, built as `mkdocs build` is run: from the project's folder."""
    write_docs(root / "docs", PAGES)
    monkeypatch.chdir(root)
    built = build_in(root, _config(**kinds))
    return built.site_dir, built.records


def _article(html_file: Path) -> str:
    soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article")
    assert article is not None
    return str(article)


def test_the_extension_alone_builds_the_plugins_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plugin, _ = _build(tmp_path / "plugin", monkeypatch, plugin=True, extension=False)
    site, records = _build(tmp_path / "extension", monkeypatch, plugin=False, extension=True)
    for path in PUBLISHED:
        got = page_html(site, path)
        assert built_verdicts(got) == expected_verdicts(PAGES[path], path)
        assert page_parts(got) == page_parts(page_html(plugin, path)), path
        assert inline_styles(got) == [ASSET_FILES[CSS_URI].read_text(encoding="utf-8")]
    related = page_parts(page_html(site, "compare/conveyor.md"))["related"]
    assert related == [("Lattice vs Hopper", "../hopper/")]
    matrix = built_matrix(page_html(site, SUMMARY_PATH))
    assert matrix == expected_matrix({path: PAGES[path] for path in PUBLISHED})
    assert matrix == built_matrix(page_html(plugin, SUMMARY_PATH))
    assert not broken_summary_links(site)
    assert exported_verdicts(site / EXPORTS[0]) == expected_export_verdicts({p: PAGES[p] for p in PUBLISHED})
    for export in EXPORTS:  # written into site_dir, after MkDocs emptied it
        assert (site / export).read_bytes() == (plugin / export).read_bytes()
    # MkDocs builds the draft without the plugin: it is left as it is, with a warning.
    warnings = [r.getMessage() for r in records if r.levelno >= logging.WARNING]
    assert "compare: compare/drafty.md: draft page: this generator builds it" in "\n".join(warnings)
    assert not [message for message in warnings if "comparisons." in message]  # links MkDocs cannot check
    downloads = BeautifulSoup(page_html(site, SUMMARY_PATH).read_text(encoding="utf-8"), "html.parser")
    assert [a["href"] for a in downloads.select("article a[href^=comparisons]")] == [
        "comparisons.json",
        "comparisons.csv",
    ]
    assert not page_html(plugin, "compare/drafty.md").exists()
    assert page_html(site, "compare/drafty.md").is_file()
    # Other pages are what MkDocs makes of them.
    guide = _article(page_html(site, "guide/setup.md"))
    assert "<table>" in guide and "compare-grid" not in guide and "<style>" not in guide


def test_with_the_plugin_too_nothing_is_rendered_twice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plugin, alone = _build(tmp_path / "plugin", monkeypatch, plugin=True, extension=False)
    both, records = _build(tmp_path / "both", monkeypatch, plugin=True, extension=True)
    # Every problem is told once, by the plugin: the extension stands aside (it reads no page).
    said = [r.getMessage() for r in records if r.name.startswith("mkdocs.plugins.compare")]
    assert said == [r.getMessage() for r in alone if r.name.startswith("mkdocs.plugins.compare")]
    assert any("compare/drafty.md" in message for message in said)
    for path in [*PUBLISHED, SUMMARY_PATH]:
        assert _article(page_html(both, path)) == _article(page_html(plugin, path)), path
        assert not inline_styles(page_html(both, path))  # the plugin links its stylesheet itself
    path = "compare/conveyor.md"
    assert built_verdicts(page_html(both, path)) == expected_verdicts(PAGES[path], path)


def test_sources_with_the_same_body_are_a_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = PAGES["compare/conveyor.md"]
    twin = text.replace('slug: "lattice-vs-conveyor"', 'slug: "conveyor-twin"', 1)
    assert twin != text
    write_docs(
        tmp_path / "docs", {"index.md": "# Home\n", "compare/conveyor.md": text, "compare/twin.md": twin}
    )
    monkeypatch.chdir(tmp_path)
    built = build_in(tmp_path, _config(plugin=False, extension=True))
    messages = [r.getMessage() for r in built.records if r.levelno >= logging.WARNING]
    expected = "compare: compare/conveyor.md: has the same body as compare/twin.md"
    assert any(message.startswith(expected) for message in messages), messages


def test_a_feature_table_without_a_source_is_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The extension's docs_dir names a folder that does not hold the page being built."""
    write_docs(
        tmp_path / "docs", {"index.md": "# Home\n", "compare/conveyor.md": PAGES["compare/conveyor.md"]}
    )
    write_docs(tmp_path / "elsewhere", {"index.md": "# Other\n"})
    monkeypatch.chdir(tmp_path)
    built = build_in(tmp_path, _config(plugin=False, extension=True, options={"docs_dir": "elsewhere"}))
    messages = [r.getMessage() for r in built.records if r.levelno >= logging.WARNING]
    unplaced = f"matches no source under {tmp_path / 'elsewhere'}: it is left as it is"
    assert any("a page holding a feature table" in m and unplaced in m for m in messages), messages
    html = page_html(built.site_dir, "compare/conveyor.md").read_text(encoding="utf-8")
    assert "compare-grid" not in html and "<table>" in html  # left as it was


def test_an_unknown_option_is_a_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_docs(
        tmp_path / "docs", {"index.md": "# Home\n", "compare/conveyor.md": PAGES["compare/conveyor.md"]}
    )
    monkeypatch.chdir(tmp_path)
    built = build_in(tmp_path, _config(plugin=False, extension=True, options={"relatd": False}))
    messages = [r.getMessage() for r in built.records if r.levelno >= logging.WARNING]
    assert any("compare plugin option 'relatd'" in message for message in messages), messages
    assert built_verdicts(page_html(built.site_dir, "compare/conveyor.md"))  # the page is still built


@pytest.mark.skipif(importlib.util.find_spec("properdocs") is None, reason="properdocs is not installed")
def test_properdocs_with_only_the_extension(tmp_path: Path) -> None:
    """properdocs (in a child process: it takes over `mkdocs.*` imports) without the plugin."""
    docs, config = example_copy(tmp_path)
    site_config = {**extension_config(config), "docs_dir": "docs", "site_dir": "built"}
    (tmp_path / "properdocs.yml").write_text(yaml.safe_dump(site_config, sort_keys=False), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "properdocs", "build"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    site = tmp_path / "built"
    pages = {
        path.relative_to(docs).as_posix(): path.read_bytes()
        for path in sorted((docs / "compare").glob("lattice-vs-*.md"))
        if b"draft: true" not in path.read_bytes()
    }
    assert len(pages) >= 5
    for path, source in pages.items():
        assert built_verdicts(page_html(site, path)) == expected_verdicts(source, path)
    aliases = plugin_options(config).get("feature_aliases") or {}
    matrix = built_matrix(page_html(site, SUMMARY_PATH))
    assert by_feature_key(matrix, aliases) == by_feature_key(expected_matrix(pages), aliases)
    assert not broken_summary_links(site)
    assert exported_verdicts(site / EXPORTS[0]) == expected_export_verdicts(pages)


def test_an_edited_page_is_read_again_but_strays_cost_one_scan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As under `mkdocs serve`: one process converts pages again after an edit."""
    path = "compare/conveyor.md"
    write_docs(tmp_path / "docs", {"index.md": "# Home\n", path: PAGES[path]})
    (tmp_path / "mkdocs.yml").write_text("site_name: serve\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(extension_module._state, "vain_rescan", float("-inf"))
    scans = []
    real_project = extension_module.Project

    def counted(*args: object) -> object:
        scans.append(args)
        return real_project(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(extension_module, "Project", counted)

    def convert(text: str) -> str:
        body = text.split("\n---\n", 1)[1]  # the body, as MkDocs hands it on
        return markdown.markdown(body, extensions=[extension_module.makeExtension()])

    assert "Handles it natively." in convert(PAGES[path])
    edited = PAGES[path].replace("Handles it natively.", "Handles it out of the box.")
    assert edited != PAGES[path]
    (tmp_path / "docs" / path).write_text(edited, encoding="utf-8")
    html = convert(edited)
    assert "Handles it out of the box." in html and "compare-grid" in html
    assert len(scans) == 2
    for number in range(30):  # pages with a feature table that is in no source
        stray = edited.replace("Handles it out of the box.", f"Stray {number}.")
        assert "compare-grid" not in convert(stray)
    assert len(scans) == 3  # one more reading of the folder, not thirty


def test_a_docs_dir_that_is_not_there_is_one_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_docs(tmp_path / "docs", {"index.md": "# Home\n", "a.md": "# A\n", "b.md": "# B\n"})
    monkeypatch.chdir(tmp_path)
    built = build_in(tmp_path, _config(plugin=False, extension=True, options={"docs_dir": "missing"}))
    messages = [r.getMessage() for r in built.records if r.levelno >= logging.WARNING]
    assert [m for m in messages if "missing is not a folder" in m] == [
        f"compare: mkdocs_compare.markdown: docs_dir {tmp_path / 'missing'} is not a folder"
    ]
    assert '<h1 id="a">A</h1>' in page_html(built.site_dir, "a.md").read_text(encoding="utf-8")


def test_enabled_false_leaves_every_page_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = "compare/conveyor.md"
    write_docs(tmp_path / "docs", {"index.md": "# Home\n", path: PAGES[path], SUMMARY_PATH: SUMMARY_SOURCE})
    monkeypatch.chdir(tmp_path)
    built = build_in(tmp_path, _config(plugin=False, extension=True, options={"enabled": False}))
    html = _article(page_html(built.site_dir, path))
    assert "compare-grid" not in html and "<table>" in html and "<style>" not in html
    assert "cmp-matrix" not in _article(page_html(built.site_dir, SUMMARY_PATH))
    assert not (built.site_dir / EXPORTS[0]).exists()
