"""`mkdocs-compare render`: its output builds with plain MkDocs (no plugin) into the same pages."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import build_in, write_docs
from exported import Page, Row, render
from mkdocs.commands.build import build
from mkdocs.config import load_config
from portable import (
    EXAMPLE_CONFIG,
    EXPORTS,
    HOSTILE_NOTE,
    SUMMARY_PATH,
    broken_summary_links,
    built_matrix,
    built_verdicts,
    example_docs,
    expected_matrix,
    expected_verdicts,
    page_html,
    run_render,
    without_plugin,
    write_generated_docs,
)

from mkdocs_compare.cli import main
from mkdocs_compare.needs import ASSETS_DIR, CSS_URI, JS_URI
from mkdocs_compare.parse import split_front_matter

# A Material site that highlights its code (the plugin highlights its samples as the site does).
SITE = {
    "site_name": "Render test",
    "site_url": "https://example.org/",
    "theme": {"name": "material"},
    "markdown_extensions": ["pymdownx.highlight", "pymdownx.superfences"],
}


def _article(site_dir: Path, src_path: str) -> str:
    soup = BeautifulSoup(page_html(site_dir, src_path).read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article")
    assert article is not None
    return str(article)


def _comparison_sources(pages: dict[str, str | bytes]) -> dict[str, str | bytes]:
    return {
        path: text
        for path, text in pages.items()
        if path.startswith("compare/")
        and b"draft: true" not in (text if isinstance(text, bytes) else text.encode())
    }


def test_generated_docs_render_and_build_the_same_without_the_plugin(tmp_path: Path) -> None:
    pages = write_generated_docs(tmp_path / "src" / "docs")
    out = tmp_path / "plain" / "out"
    done = run_render(tmp_path / "src" / "docs", out, "--snippet", tmp_path / "snippet.yml", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "compare/tappet.md" in done.stderr and "UTF-8" in done.stderr  # the plugin's warning, too
    assert "4 comparison pages rendered" in done.stderr

    written = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    summary_files = {SUMMARY_PATH, *EXPORTS}
    marker = {".mkdocs-compare-render"}  # what lets a later `render --clean` empty the folder
    assert written == (set(pages) - {"compare/drafty.md"}) | {CSS_URI, JS_URI} | summary_files | marker
    assert (out / JS_URI).read_bytes() == (ASSETS_DIR / "compare.js").read_bytes()
    for path in ("index.md", "guide/setup.md", "img/logo.svg"):
        source = pages[path]
        assert (out / path).read_bytes() == (source if isinstance(source, bytes) else source.encode())
    conveyor = (out / "compare/conveyor.md").read_text(encoding="utf-8")
    front_matter, body, _ = split_front_matter(conveyor)
    assert yaml.safe_load(front_matter or "") == {
        "title": "Lattice vs Conveyor",
        "description": "Lattice compared with Conveyor.",
    }
    assert "tooltiptext" not in body and "<script>" not in body
    assert "Fast \u2013 slow" in (out / "compare/tappet.md").read_text(encoding="utf-8")  # repaired

    plugin_site = build_in(tmp_path / "src", {**SITE, "plugins": ["search", "compare"]})
    snippet = yaml.safe_load((tmp_path / "snippet.yml").read_text(encoding="utf-8"))
    plain = build_in(
        tmp_path / "plain", without_plugin({**SITE, "plugins": ["search"]}, snippet, "out"), strict=True
    )
    assert "compare" not in plain.config.plugins
    assert not plain.warnings()  # strict: every relative link between rendered pages resolved

    for path, source in _comparison_sources(pages).items():
        got = built_verdicts(page_html(plain.site_dir, path))
        assert got == expected_verdicts(source, path)
        assert got == built_verdicts(page_html(plugin_site.site_dir, path))
        assert _article(plain.site_dir, path) == _article(plugin_site.site_dir, path)

    soup = BeautifulSoup(
        page_html(plain.site_dir, "compare/conveyor.md").read_text(encoding="utf-8"), "html.parser"
    )
    assert soup.find("meta", attrs={"name": "description"})["content"] == "Lattice compared with Conveyor."
    assert soup.select(".tabbed-set .highlight")
    assert not soup.select("article script") and HOSTILE_NOTE in soup.get_text()
    assert any(
        link["href"].endswith("assets/mkdocs-compare/compare.css")
        for link in soup.select("link[rel=stylesheet]")
    )
    related = [a["href"] for a in soup.select("article a") if "hopper" in a.get("href", "")]
    assert related == ["../hopper/"]
    assert not page_html(plain.site_dir, "compare/drafty.md").exists()

    # The summary: the same page as the plugin's, its links resolve, the exports are the plugin's.
    summary = page_html(plain.site_dir, SUMMARY_PATH)
    matrix = built_matrix(summary)
    assert matrix == built_matrix(page_html(plugin_site.site_dir, SUMMARY_PATH))
    assert matrix == expected_matrix(_comparison_sources(pages))
    assert _article(plain.site_dir, SUMMARY_PATH) == _article(plugin_site.site_dir, SUMMARY_PATH)
    assert not broken_summary_links(plain.site_dir)
    for export in EXPORTS:
        assert (out / export).read_bytes() == (plugin_site.site_dir / export).read_bytes()
        assert (plain.site_dir / export).read_bytes() == (out / export).read_bytes()
    scripts = [
        s["src"] for s in BeautifulSoup(summary.read_text("utf-8"), "html.parser").select("script[src]")
    ]
    assert f"../{JS_URI}" in scripts and (plain.site_dir / JS_URI).is_file()


def test_summary_options_merge_and_urls_follow_the_plugin(tmp_path: Path) -> None:
    """A maintainer's page at the summary path is merged into, a custom path and the export
    switches are honoured, and `use_directory_urls: false` in mkdocs.yml gives .html links."""
    own = "---\ntitle: Our tools\n---\n# Our tools\n\nBefore.\n\n<!-- compare-summary -->\n\nAfter.\n"
    pages = {
        "compare/index.md": own,
        "compare/conveyor.md": render(Page()),
        "compare/hopper.md": render(Page(tool="Hopper", rows=[Row("Caching", "no", "x", "yes", "y")])),
    }
    write_docs(tmp_path / "src" / "docs", pages)
    done = run_render(tmp_path / "src" / "docs", tmp_path / "out", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    merged = (tmp_path / "out" / SUMMARY_PATH).read_text(encoding="utf-8")
    assert merged.startswith(own.split("<!-- compare-summary -->")[0])
    assert merged.index("Before.") < merged.index("cmp-matrix") < merged.index("After.")
    assert "Comparisons at a glance" not in merged  # the page keeps its own title, as in the plugin
    assert (tmp_path / "src" / "docs" / SUMMARY_PATH).read_text(encoding="utf-8") == own

    site = {**SITE, "use_directory_urls": False}
    options = {"summary_page": "overview.md", "csv_export": False}
    plugin_site = build_in(tmp_path / "src", {**site, "plugins": ["search", {"compare": options}]})
    (tmp_path / "src" / "mkdocs.yml").rename(tmp_path / "site.yml")
    flat = run_render(
        tmp_path / "src" / "docs", tmp_path / "flat" / "out", "--config", tmp_path / "site.yml", "--snippet",
        tmp_path / "snippet.yml",
    )  # fmt: skip
    assert flat.returncode == 0, flat.stderr
    flat_out = tmp_path / "flat" / "out"
    assert (flat_out / "overview.md").is_file() and (flat_out / "comparisons.json").is_file()
    assert not (flat_out / "comparisons.csv").exists()
    assert (flat_out / SUMMARY_PATH).read_text(encoding="utf-8") == own  # not the summary page now
    snippet = yaml.safe_load((tmp_path / "snippet.yml").read_text(encoding="utf-8"))
    plain = build_in(
        tmp_path / "flat", without_plugin({**site, "plugins": ["search"]}, snippet, "out"), strict=True
    )
    built, expected = (s.site_dir / "overview.html" for s in (plain, plugin_site))
    assert built_matrix(built) == built_matrix(expected)
    cards = [a["href"] for a in BeautifulSoup(built.read_text("utf-8"), "html.parser").select("a.cmp-card")]
    assert cards == ["compare/conveyor.html", "compare/hopper.html"]
    assert not broken_summary_links(plain.site_dir, built)
    assert (plain.site_dir / "comparisons.json").read_bytes() == (
        plugin_site.site_dir / "comparisons.json"
    ).read_bytes()


def test_plugin_options_come_from_mkdocs_yml(tmp_path: Path) -> None:
    write_docs(
        tmp_path / "docs",
        {"compare/conveyor.md": render(Page()), "compare/hopper.md": render(Page(tool="Hopper"))},
    )
    write_docs(tmp_path / "overrides", {"hero.html": '<p class="my-hero">{{ c.tool_name }} hero</p>\n'})
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\n"
        "markdown_extensions:\n"
        "  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "plugins:\n"
        "  - search\n"
        "  - compare:\n"
        "      product: Acme\n"
        "      related: !ENV [COMPARE_RELATED_FOR_TEST, false]\n"
        "      custom_templates: overrides\n"
        "      labels: {'yes': Supported}\n",
        encoding="utf-8",
    )
    done = run_render("docs", "out", cwd=tmp_path)  # ./mkdocs.yml is picked up by default
    assert done.returncode == 0, done.stderr
    # no theme in the config: MkDocs' own, which gets the basic look too
    assert yaml.safe_load(done.stdout)["extra_css"] == [
        "assets/mkdocs-compare/compare.css",
        "assets/mkdocs-compare/compare-basic.css",
    ]
    page = (tmp_path / "out/compare/conveyor.md").read_text(encoding="utf-8")
    assert "Acme: Supported" in page and "Lattice:" not in page
    assert '<p class="my-hero">Conveyor hero</p>' in page
    assert "hopper.md" not in page  # related: false

    bad = tmp_path / "bad.yml"
    bad.write_text("plugins:\n  - compare:\n      max_features: many\n", encoding="utf-8")
    failed = run_render("docs", "out2", "--config", bad, cwd=tmp_path)
    assert failed.returncode == 2 and "max_features" in failed.stderr
    assert not (tmp_path / "out2").exists()


def test_drafts_option_and_exit_statuses(tmp_path: Path) -> None:
    broken = render(Page(tool="Broken")).replace("toolName:", "toolName: [unclosed\nx:", 1)
    write_docs(
        tmp_path / "docs",
        {
            "compare/drafty.md": render(Page(tool="Drafty", draft=True)),
            "compare/odd.md": render(Page(tool="Odd", rows=[Row("", "yes", "a", "no", "b")])),
        },
    )
    done = run_render("docs", "out", "--drafts", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Drafty" in (tmp_path / "out/compare/drafty.md").read_text(encoding="utf-8")
    assert "compare/odd.md" in done.stderr and "feature name is empty" in done.stderr

    again = run_render("docs", "out", cwd=tmp_path)
    assert again.returncode == 2 and "not empty" in again.stderr
    strict = run_render("docs", "out", "--clean", "--strict", cwd=tmp_path)
    assert strict.returncode == 1
    assert not (tmp_path / "out/compare/drafty.md").exists()  # --clean removed the old output
    inside = run_render("docs", "docs/out", cwd=tmp_path)
    assert inside.returncode == 2 and not (tmp_path / "docs/out").exists()

    (tmp_path / "docs/compare/broken.md").write_text(broken, encoding="utf-8")
    errors = run_render("docs", "out", "--clean", cwd=tmp_path)
    assert errors.returncode == 1 and "compare/broken.md" in errors.stderr
    # Broken front matter: the body is still rendered (escaped) from what can be read.
    salvaged = (tmp_path / "out/compare/broken.md").read_text(encoding="utf-8")
    assert salvaged != broken and 'class="compare-grid"' in salvaged
    assert "toolName: [unclosed" not in salvaged


def test_the_example_site_renders_to_the_same_pages(tmp_path: Path) -> None:
    docs, config = example_docs()
    if not docs.is_dir():
        pytest.skip(f"the example site's docs ({docs}) are not present")
    out = tmp_path / "out"
    done = run_render(docs, out, "--config", EXAMPLE_CONFIG, "--snippet", tmp_path / "snippet.yml")
    assert done.returncode == 0, done.stderr

    plugin_config = load_config(str(EXAMPLE_CONFIG), site_dir=str(tmp_path / "plugin-site"))
    build(plugin_config)
    snippet = yaml.safe_load((tmp_path / "snippet.yml").read_text(encoding="utf-8"))
    plain = build_in(tmp_path, without_plugin(config, snippet, "out"), strict=True)

    sources = {
        p.relative_to(docs).as_posix(): p.read_bytes()
        for p in docs.rglob("*.md")
        if (out / p.relative_to(docs)).exists()
    }
    compared = 0
    for path, source in sources.items():
        expected_file = page_html(tmp_path / "plugin-site", path)
        got = built_verdicts(page_html(plain.site_dir, path))
        assert got == built_verdicts(expected_file), path
        if got:
            assert got == expected_verdicts(source, path)
            assert _article(plain.site_dir, path) == _article(tmp_path / "plugin-site", path)
            compared += 1
    assert compared >= 2, "the example site should have comparison pages"
    summary = built_matrix(page_html(plain.site_dir, SUMMARY_PATH))
    assert summary and summary == built_matrix(page_html(tmp_path / "plugin-site", SUMMARY_PATH))
    assert _article(plain.site_dir, SUMMARY_PATH) == _article(tmp_path / "plugin-site", SUMMARY_PATH)
    assert not broken_summary_links(plain.site_dir)


def test_refused_summary_path_and_exports_warn_as_in_the_plugin(tmp_path: Path) -> None:
    own_json = '{"mine": true}\n'
    write_docs(
        tmp_path / "docs",
        {
            "compare/conveyor.md": render(Page()),
            "compare/hopper.md": render(Page(tool="Hopper")),
            "compare/comparisons.json": own_json,
        },
    )
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\nplugins:\n  - compare:\n      summary_page: compare/conveyor.md\n", encoding="utf-8"
    )
    done = run_render("docs", "out", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "summary_page" in done.stderr and "'compare/conveyor.md' is a comparison page" in done.stderr
    assert "docs/compare/comparisons.json:1: warning: exists in the docs" in done.stderr
    assert (tmp_path / "out/compare/comparisons.json").read_text(encoding="utf-8") == own_json
    assert (tmp_path / "out/compare/comparisons.csv").is_file()  # the exports still go to the folder
    assert "cmp-matrix" not in (tmp_path / "out/compare/conveyor.md").read_text(encoding="utf-8")
    assert run_render("docs", "out", "--clean", "--strict", cwd=tmp_path).returncode == 1

    plugin_site = build_in(tmp_path, {"site_name": "x", "plugins": [{"compare": {"summary_page": "x.txt"}}]})
    warnings = "\n".join(plugin_site.warnings())
    assert "'x.txt' is not a Markdown (.md) path" in warnings
    assert "compare/comparisons.json: exists in the docs" in warnings
    flat = run_render("docs", "out", "--clean", "--config", "mkdocs.yml", cwd=tmp_path)
    assert "'x.txt' is not a Markdown (.md) path" in flat.stderr
    assert not (tmp_path / "out/x.txt").exists() and not (tmp_path / "out/compare/index.md").exists()


def test_rendered_front_matter_is_html_escaped(tmp_path: Path) -> None:
    """Themes print title and description unescaped: the rendered front matter must be inert."""
    page = Page(tool="<script>alert(1)</script>", seo_description='"><img src=x onerror=alert(1)>')
    write_docs(tmp_path / "docs", {"compare/evil.md": render(page)})
    done = run_render("docs", "out", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    front_matter, _, _ = split_front_matter((tmp_path / "out/compare/evil.md").read_text(encoding="utf-8"))
    meta = yaml.safe_load(front_matter or "")
    assert "<script>" not in meta["title"] and "&lt;script&gt;" in meta["title"]
    assert "<img" not in meta["description"] and "&lt;img" in meta["description"]


def test_rendered_front_matter_gives_the_theme_page_meta_as_the_plugin_does(tmp_path: Path) -> None:
    """`page_meta` reached the theme under the plugin but not in `render`'s pages (written by hand:
    the option's keys, escaped as the plugin escapes them; the page's own title wins)."""
    write_docs(tmp_path / "docs", {"compare/conveyor.md": render(Page())})
    option = {"hide": ["toc"], "subtitle": "<b>Compared</b>", "title": "Not this", "search": {"boost": 2}}
    config = {"site_name": "x", "plugins": [{"compare": {"page_meta": option}}]}
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    done = run_render("docs", "out", "--config", "mkdocs.yml", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    written = (tmp_path / "out/compare/conveyor.md").read_text(encoding="utf-8")
    front_matter, _, _ = split_front_matter(written)
    meta = yaml.safe_load(front_matter or "")
    assert meta["hide"] == ["toc"] and meta["search"] == {"boost": 2}
    assert meta["subtitle"] == "&lt;b&gt;Compared&lt;/b&gt;"
    assert meta["title"] == "Lattice vs Conveyor"


def test_pages_mkdocs_would_not_build_are_left_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    broken = "---\ntoolName: Broken\ntitle: [\n---\n<table></table>\n"
    write_docs(
        tmp_path / "docs",
        {
            "compare/conveyor.md": render(Page()),
            "compare/wip/hopper.md": render(Page(tool="Hopper")),  # exclude_docs
            "templates/broken.md": broken,  # MkDocs' default exclusion
            ".hidden/broken.md": broken,
        },
    )
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\nexclude_docs: |\n  compare/wip/\nplugins: [compare]\n", encoding="utf-8"
    )
    done = run_render("docs", "out", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    written = {path.relative_to(tmp_path / "out").as_posix() for path in (tmp_path / "out").rglob("*.md")}
    assert written == {"compare/conveyor.md", "compare/index.md"}
    assert "Hopper" not in (tmp_path / "out/compare/index.md").read_text(encoding="utf-8")

    # The check command reads the same pages: the excluded broken ones are not reported.
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 0


@pytest.mark.parametrize(("theme", "basic"), [("material", False), ("readthedocs", True), (None, True)])
def test_render_writes_the_basic_stylesheet_only_for_themes_without_materials_look(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], theme: str | None, basic: bool
) -> None:
    write_docs(tmp_path / "docs", {"compare/conveyor.md": render(Page())})
    config = {"site_name": "t", **({"theme": {"name": theme}} if theme else {})}
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["render", str(tmp_path / "docs"), str(out), "--config", str(tmp_path / "mkdocs.yml")]) == 0
    snippet = yaml.safe_load(capsys.readouterr().out)
    basic_uri = "assets/mkdocs-compare/compare-basic.css"
    assert (out / basic_uri).is_file() is basic
    assert (basic_uri in snippet["extra_css"]) is basic
    assert "assets/mkdocs-compare/compare.css" in snippet["extra_css"]


def test_rendered_pages_show_the_configured_advantages_and_quote(tmp_path: Path) -> None:
    """The CMS's advantages and testimonials files are shown as the plugin shows them, and a
    quote slug with no entry is a warning naming the page (render once dropped both)."""
    hostile = "<img src=x onerror=alert(1)>"
    (tmp_path / "advantages.yml").write_text(
        f'portable-pipelines:\n  title: Portable pipelines\n  text: "Runs anywhere. {hostile}"\n',
        encoding="utf-8",
    )
    (tmp_path / "quotes.yml").write_text(
        'ana-ruiz:\n  text: "Moved over in a week."\n  author: Ana Ruiz\n  role: ML lead\n', encoding="utf-8"
    )
    write_docs(
        tmp_path / "docs",
        {
            "compare/conveyor.md": render(Page(tool="Conveyor", extra_front_matter='quote: "ana-ruiz"')),
            "compare/sluice.md": render(Page(tool="Sluice", extra_front_matter='quote: "nobody"')),
        },
    )
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\ntheme: material\nplugins:\n  - compare:\n"
        "      advantages_file: advantages.yml\n      quotes_file: quotes.yml\n",
        encoding="utf-8",
    )
    done = run_render("docs", "out", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "compare/sluice.md" in done.stderr and "quote 'nobody' has no entry in quotes_file" in done.stderr
    text = (tmp_path / "out/compare/conveyor.md").read_text(encoding="utf-8")
    soup = BeautifulSoup(text, "html.parser")
    cards = soup.find_all(class_="compare-advantage")
    titles = [card.find(class_="compare-advantage__title").get_text() for card in cards]
    assert titles == ["Portable pipelines"]
    assert cards[0].find(class_="compare-advantage__text").get_text() == f"Runs anywhere. {hostile}"
    assert soup.find("img", attrs={"onerror": True}) is None
    quote = soup.find(class_="compare-testimonial")
    assert quote is not None and quote.blockquote.get_text(strip=True) == "Moved over in a week."
    sluice = BeautifulSoup((tmp_path / "out/compare/sluice.md").read_text(encoding="utf-8"), "html.parser")
    assert sluice.find(class_="compare-testimonial") is None
