"""`mkdocs serve` rebuilds with the head tags written by the theme's own template: every theme,
another plugin's tags, a theme that closes its head twice. Each rebuilt site is compared file by
file with a fresh build of the same files; head documents are written out by hand."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import jinja2
import pytest
import yaml
from bs4 import BeautifulSoup
from exported import Page, render
from markupsafe import Markup
from test_head_splice import PAGE_TAGS
from test_serve import Serve, _page, _source

from mkdocs_compare.head_template import HEAD_VARIABLE, marked_source
from mkdocs_compare.page_head import HeadSettings, RememberedHeads, comparison_head
from mkdocs_compare.parse import parse_comparison

# Another plugin's Open Graph tag, written after the theme as Material's social plugin does.
OTHER_PLUGIN = """
from mkdocs.plugins import event_priority

@event_priority(50)
def on_post_page(output, page, config):
    if not page.file.src_uri.startswith("compare/lattice-vs-"):
        return output
    tag = '<meta property="og:title" content="From another plugin">'
    return output.replace("</head>", tag + "</head>", 1)
"""


@pytest.fixture(autouse=True)
def _build_date(monkeypatch: pytest.MonkeyPatch) -> None:
    """The mkdocs and readthedocs themes print the build date: the same one for every build."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")


def _serve(root: Path, theme: str | dict[str, Any], **extra: Any) -> Serve:
    serve = Serve(root)
    config = yaml.safe_load(serve.config_file.read_text("utf-8"))
    config.update(theme={"name": theme} if isinstance(theme, str) else theme, **extra)
    serve.config_file.write_text(yaml.safe_dump(config), encoding="utf-8")
    return serve


def _same_as_fresh(serve: Serve, site: Path) -> list[Path]:
    fresh = serve.fresh()
    built = sorted(path.relative_to(fresh) for path in fresh.rglob("*") if path.suffix in (".html", ".json"))
    assert Path("compare/lattice-vs-alder/index.html") in built
    for relative in built:
        assert (site / relative).read_bytes() == (fresh / relative).read_bytes(), relative
    return built


def _rebuilds(serve: Serve) -> Path:
    """A first build, a rebuild with nothing changed, an edit, a rename and two more rebuilds:
    from the second on, the template writes the unchanged pages' tags."""
    config = serve.config(serve.root / "site")
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        serve.rebuild()
        serve.rebuild()
        serve.edit("Birch", _page("Birch", note="A note from the rebuild."))
        serve.edit("Elm", _page("Aspen"))
        serve.rebuild()
        return serve.rebuild()
    finally:
        config.plugins.on_shutdown()


def _head_tags(site: Path, tool: str) -> list[tuple[str, str]]:
    page = site / _source(tool).removesuffix(".md") / "index.html"
    head = BeautifulSoup(page.read_text("utf-8"), "html.parser").head
    assert head is not None
    return [
        (str(tag.get("property") or tag.get("name")), str(tag.get("content")))
        for tag in head.find_all("meta")
        if str(tag.get("property") or tag.get("name")).startswith(("og:", "twitter:"))
    ]


@pytest.mark.parametrize("theme", ["material", "mkdocs", "readthedocs"])
def test_each_theme_writes_the_tags_and_the_rebuilt_site_is_a_fresh_build(tmp_path: Path, theme: str) -> None:
    serve = _serve(tmp_path, theme)
    site = _rebuilds(serve)
    _same_as_fresh(serve, site)
    tags = _head_tags(site, "Alder")
    assert [key for key, _ in tags] == [
        "og:type",
        "og:title",
        "og:description",
        "og:image",
        "og:url",
        "twitter:card",
    ]
    assert ("og:title", "Lattice vs Alder") in tags
    kept = serve.config(tmp_path / "site").plugins["compare"].served.templates
    assert any(HEAD_VARIABLE in marked for _, marked in kept.values())  # the theme was marked


def test_tags_another_plugin_writes_after_the_template_are_not_written_twice(tmp_path: Path) -> None:
    (tmp_path / "other_plugin.py").write_text(OTHER_PLUGIN, encoding="utf-8")
    serve = _serve(tmp_path, "material", hooks=["other_plugin.py"])
    site = _rebuilds(serve)
    _same_as_fresh(serve, site)
    for tool in ("Alder", "Cedar", "Aspen"):
        titles = [value for key, value in _head_tags(site, tool) if key == "og:title"]
        assert titles == ["From another plugin"], tool
    kept = serve.config(tmp_path / "site").plugins["compare"].served.templates
    assert kept == {}  # a plugin edits the pages before this one: it must not see the tags


# Rewrites every page before the compare plugin adds its tags, as a minifier may.
MINIFIER = """
import re

def on_post_page(output, page, config):
    return re.sub(r">\\s+<", "><", output)
"""


def test_a_plugin_rewriting_pages_before_this_one_never_sees_the_tags(tmp_path: Path) -> None:
    (tmp_path / "minifier.py").write_text(MINIFIER, encoding="utf-8")
    serve = _serve(tmp_path, "material", hooks=["minifier.py"])
    site = _rebuilds(serve)
    _same_as_fresh(serve, site)
    page = (site / "compare/lattice-vs-alder/index.html").read_text("utf-8")
    assert page.count('<script type="application/ld+json">') == 1
    assert '<meta property="og:type" content="article">\n<meta property="og:title"' in page


def test_export_canonicals_replace_the_themes_in_rebuilds(tmp_path: Path) -> None:
    serve = _serve(tmp_path, "mkdocs")
    canonical = 'seo:\n  canonical: "https://lattice.example.org/compare/{}"\n'
    for tool in ("Alder", "Dogwood"):
        serve.edit(tool, dataclasses.replace(_page(tool), extra_front_matter=canonical.format(tool.lower())))
    site = _rebuilds(serve)
    _same_as_fresh(serve, site)
    page = BeautifulSoup((site / "compare/lattice-vs-alder/index.html").read_text("utf-8"), "html.parser")
    assert [link["href"] for link in page.select('link[rel="canonical"]')] == [
        "https://lattice.example.org/compare/alder"
    ]


def test_a_theme_that_closes_its_head_twice_is_left_unmarked(tmp_path: Path) -> None:
    theme = tmp_path / "theme"
    theme.mkdir()
    (theme / "main.html").write_text(
        "<html><head><title>{{ page.title }}</title>"
        "</head><body><!-- a page's </head> -->{{ page.content }}</body></html>\n",
        encoding="utf-8",
    )
    serve = _serve(tmp_path, {"name": None, "custom_dir": str(theme)})
    site = _rebuilds(serve)
    _same_as_fresh(serve, site)
    kept = serve.config(tmp_path / "site").plugins["compare"].served.templates
    assert not any(HEAD_VARIABLE in marked for _, marked in kept.values())
    assert ("og:title", "Lattice vs Alder") in _head_tags(site, "Alder")


ENV = jinja2.Environment()
CALL = "{{ mkdocs_compare_head.pop() if mkdocs_compare_head else '' }}"


@pytest.mark.parametrize(
    ("source", "marked"),
    [
        ("<head><title>x</title></head><body></body>", f"<head><title>x</title>{CALL}</head><body></body>"),
        ("<head></head><p>{{ '</head>' }}</p>", None),  # two
        ("<head>{# </head> #}<title>x</title>", None),  # in a comment
        ("{% raw %}<head></head>{% endraw %}", None),  # read as text
        ("<head><title>{{ '</head>' }}</title>", None),  # in a string: no longer parses
        ("<head><title>x</title>", None),  # no close
    ],
)
def test_a_template_is_marked_only_where_its_head_closes_in_text(source: str, marked: str | None) -> None:
    assert marked_source(ENV, source) == (source if marked is None else marked)


def test_the_tags_are_written_once_and_never_escaped() -> None:
    escaping = jinja2.Environment(autoescape=True)
    template = escaping.from_string(marked_source(escaping, "<head><title>x</title></head>" + "{{ '<&>' }}"))
    tags = '<meta property="og:title" content="A &amp; B">\n'
    written = template.render({HEAD_VARIABLE: [Markup(tags)]})
    assert written == f"<head><title>x</title>{tags}</head>&lt;&amp;&gt;"
    assert template.render() == "<head><title>x</title></head>&lt;&amp;&gt;"
    twice = escaping.from_string(f"<head>{CALL}</head><head>{CALL}</head>")
    assert twice.render({HEAD_VARIABLE: [Markup(tags)]}) == f"<head>{tags}</head><head></head>"


def test_a_head_is_checked_against_the_one_remembered_whoever_wrote_the_tags() -> None:
    comparison = parse_comparison(render(Page()), "compare/conveyor.md").comparison
    assert comparison is not None
    settings = HeadSettings(structured_data=False)
    tags = PAGE_TAGS
    theme = "<html><head><title>A</title></head><body><p>Body</p></body></html>"
    expected = "<html><head><title>A</title>" + tags + "</head><body><p>Body</p></body></html>"
    heads = RememberedHeads()
    args = (comparison, None, "", settings)
    assert heads.planned("p") is None  # nothing seen yet
    assert heads.apply("p", theme, *args) == expected
    assert heads.planned("p") is None  # this build's templates write nothing
    heads.templates_write = True
    assert heads.planned("p") == tags
    written = theme.replace("</head>", tags + "</head>")
    assert heads.apply("p", written, *args) is written  # as remembered: not copied
    # Written, but another title: read again without them, and edited.
    assert heads.planned("p") == tags
    retitled = written.replace("<title>A</title>", "<title>B</title>")
    assert heads.apply("p", retitled, *args) == expected.replace("<title>A</title>", "<title>B</title>")
    # Written in the body (a theme whose head closes elsewhere): taken out; no more plans.
    assert heads.planned("p") == tags
    astray = theme.replace("<p>Body</p>", "<p>Body</p>" + tags)
    assert heads.apply("p", astray, *args) == expected
    assert heads.planned("p") is None
    assert heads.apply("p", theme, *args) == expected
    assert comparison_head(theme, *args) == expected


def test_tags_already_in_the_theme_head_are_never_planned() -> None:
    comparison = parse_comparison(render(Page()), "compare/conveyor.md").comparison
    assert comparison is not None
    settings = HeadSettings(structured_data=False)
    heads = RememberedHeads()
    args = (comparison, None, "", settings)
    tag = '<meta name="twitter:card" content="summary_large_image">\n'
    # The theme's head ends with what the edit adds: a second copy would not tell who wrote it.
    theme = (
        '<html><head><meta property="og:type" content="article">\n'
        '<meta property="og:title" content="Lattice vs Conveyor">\n'
        '<meta property="og:description" content="Lattice compared with Conveyor.">\n'
        '<meta property="og:image" content="https://lattice.example.org/og/conveyor.png">\n'
        f"<!-- {tag} --></head><body></body></html>"
    )
    heads.templates_write = True
    assert heads.apply("p", theme, *args) == theme.replace("</head>", tag + "</head>")
    assert heads.planned("p") is None


# Moves one page's output while the marker file exists: its source, model and the pages linking
# to it stay the same, only its URL changes.
MOVER = """
from pathlib import Path

def on_files(files, config):
    if (Path(config.config_file_path).parent / "move-cedar").exists():
        file = files.get_file_from_path("compare/lattice-vs-cedar.md")
        file.dest_uri = "moved/cedar/index.html"
        file.url = "moved/cedar/"
    return files
"""


def test_a_page_whose_url_alone_changed_is_linked_at_its_new_url(tmp_path: Path) -> None:
    (tmp_path / "mover.py").write_text(MOVER, encoding="utf-8")
    serve = _serve(tmp_path, "material", hooks=["mover.py"])
    config = serve.config(tmp_path / "site")
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        serve.rebuild()
        (tmp_path / "move-cedar").touch()
        site = serve.rebuild()
    finally:
        config.plugins.on_shutdown()
    birch = BeautifulSoup((site / "compare/lattice-vs-birch/index.html").read_text("utf-8"), "html.parser")
    heading = birch.find(id="related-comparisons")
    assert heading is not None
    assert [link["href"] for link in heading.find_next_sibling("ul").select("a")] == ["../../moved/cedar/"]
    _same_as_fresh(serve, site)
