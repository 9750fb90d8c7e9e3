"""Hostile and odd front matter in real MkDocs builds (issues 10 and 11).

Front matter is data for the plugin: keys it does not use never reach the theme or other
plugins (Material's tags plugin is configured to prove it); pages MkDocs reads as naming
`toolName` are converted whatever the YAML spelling; a guide page naming `toolName` is left
alone; what cannot be read is warned about with file and line, and `--strict` fails.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from conftest import FIXTURES, BuiltSite, build_in, write_docs
from mkdocs.exceptions import Abort

from mkdocs_compare.cli import main
from mkdocs_compare.commands.render import render_directory

HOSTILE_SITE = FIXTURES / "hostile_site"
CONFIG: dict[str, Any] = {
    "site_name": "Hostile front matter",
    "site_url": "https://example.org/",
    "theme": {"name": "material"},
    "plugins": ["search", "tags", {"compare": {"page_meta": {"hide": ["toc"]}}}],
}
NOTE_ATTACK = "Replays <script>alert('note')</script> any <img src=x onerror=alert('img')> window."
TABLE = (
    '<table><tbody><tr><td>Backfills</td><td class="tooltip"><span class="icon yes"></span>'
    f'<span class="tooltiptext">{NOTE_ATTACK}</span></td><td class="tooltip"><span class="icon no">'
    '</span><span class="tooltiptext">Manual reruns only.</span></td></tr></tbody></table>\n'
)


def plugin_messages(site: BuiltSite, level: int = logging.WARNING) -> list[str]:
    return [
        r.getMessage().removeprefix("compare: ")
        for r in site.records
        if r.name == "mkdocs.plugins.compare" and r.levelno == level
    ]


def one(messages: list[str], *parts: str) -> str:
    found = [m for m in messages if all(part in m for part in parts)]
    assert len(found) == 1, (parts, messages)
    return found[0]


def active_content(root: Path) -> list[str]:
    """Every live script, event attribute or script URL in the HTML files under `root`, and any
    trace of the attack strings in any output file."""
    found = []
    for path in root.rglob("*"):
        if not path.is_file() or path.suffix not in (".html", ".xml", ".json", ".csv", ".md", ".js"):
            continue
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".html":
            soup = BeautifulSoup(text, "html.parser")
            for tag in soup.find_all(True):
                for name, value in tag.attrs.items():
                    values = value if isinstance(value, list) else [value]
                    lowered = [v.strip().lower() for v in values]
                    if name.startswith("on") or any(
                        "javascript:" in v or v.startswith(("data:", "//evil")) for v in lowered
                    ):
                        found.append(f"{path}: <{tag.name} {name}={value!r}>")
                if tag.name == "script" and "alert" in tag.get_text():
                    found.append(f"{path}: <script>{tag.get_text()[:60]}")
                if tag.name == "meta" and tag.get("http-equiv", "").lower() == "refresh":
                    found.append(f"{path}: meta refresh")
        for marker in ("alert('subtitle')", "alert('status')", "alert('redirect')", "alert('author')"):
            if marker in text:
                found.append(f"{path}: {marker}")
        for marker in ("alert('tag')", "alert('description')"):
            if marker in text:
                found.append(f"{path}: {marker}")
    return found


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    root = tmp_path_factory.mktemp("hostile")
    shutil.copytree(HOSTILE_SITE, root, dirs_exist_ok=True)
    return build_in(root, CONFIG)


def test_unused_front_matter_keys_never_reach_the_theme(hostile_build: BuiltSite) -> None:
    # subtitle/status/author/tags as markup, template: redirect.html with a javascript: location,
    # icon: nope and template: missing.html (which abort a plain Material build).
    assert active_content(hostile_build.site_dir) == []
    weir = hostile_build.html("compare/weir/")
    assert weir.select_one(".compare-grid") is not None  # the comparison page, not a redirect
    assert weir.select_one(".md-tag") is None and weir.select_one(".md-status") is None
    description = weir.find("meta", attrs={"name": "description"})
    assert description is not None and description["content"] == "Lattice compared with Weir."
    # The maintainer's page_meta applies to every comparison page, and only to them.
    toc = '[data-md-type="toc"]'
    assert weir.select_one(toc).has_attr("hidden")
    assert not hostile_build.html("").select_one(toc).has_attr("hidden")
    sluice = hostile_build.html("compare/sluice/")
    assert not sluice.select_one('[data-md-type="navigation"]').has_attr("hidden")  # its own hide: ignored
    assert "alert" not in str(sluice.find("meta", attrs={"name": "description"}))


def test_search_sees_the_page_its_front_matter_would_exclude(hostile_build: BuiltSite) -> None:
    index = hostile_build.text("search/search_index.json")
    assert "Lattice vs Weir" in index


def test_a_guide_page_naming_the_key_is_left_alone(hostile_build: BuiltSite) -> None:
    guide = hostile_build.html("guides/widget/")
    assert guide.select_one(".compare-grid") is None
    assert [h.get_text(strip=True) for h in guide.select("article h1")] == ["Setting up Widget"]
    assert "Our product vs Widget" not in str(guide)
    # The summary stays with the comparison pages; the site's home page stays the user's.
    assert hostile_build.html("compare/").select_one(".compare-summary, .compare-cards, table") is not None
    assert "Front matter that tries to steer the theme" in hostile_build.html("").get_text()
    one(plugin_messages(hostile_build, logging.INFO), "guides/widget.md:2", "not a comparison page")
    assert not [m for m in plugin_messages(hostile_build) if "guides/widget.md" in m]


def test_unused_keys_are_data_and_a_used_one_of_the_wrong_type_is_said(hostile_build: BuiltSite) -> None:
    # Only `description` (which the plugin reads) is a problem; nothing else warns, MkDocs and
    # Material included (no missing template, no unknown icon).
    assert [w.removeprefix("compare: ") for w in hostile_build.warnings()] == [
        "compare/sluice.md:7 (field 'description'): field 'description' should be text, got a list; "
        "it is left out"
    ]


# -- every spelling MkDocs reads as toolName -----------------------------------------------------


def page(front: str, tool: str) -> str:
    return f'---\ntitle: "Lattice vs {tool}"\ncategory: orchestrators\n{front}\n---\n{TABLE}'


SPELLINGS: dict[str, str | bytes] = {
    "compare/cr-only.md": page('toolName: "Cr"', "Cr").replace("\n", "\r").encode(),
    "compare/flow.md": f'---\n{{title: "Lattice vs Flow", toolName: Flow, category: x}}\n---\n{TABLE}',
    "compare/json.md": f'---\n{{"title": "Lattice vs Json", "toolName": "Json"}}\n---\n{TABLE}',
    "compare/question.md": page("? toolName\n: Question", "Question"),
    "compare/tagged.md": page("!!str toolName: Tagged", "Tagged"),
    "compare/escaped.md": page('"tool\\u004eame": Escaped', "Escaped"),
    "compare/anchored.md": page("&name toolName: Anchored", "Anchored"),
    "compare/merged.md": page("<<: {toolName: Merged}", "Merged"),
    "compare/separator.md": page("slug: lattice-vs-separator\u2028toolName: Separator", "Separator"),
    "compare/unclosed.md": f'---\ntitle: "Lattice vs Unclosed"\ntoolName: Unclosed\n{TABLE}',
}


@pytest.fixture(scope="module")
def spellings_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("spellings")
    write_docs(root / "docs", {"index.md": "# Home\n", **SPELLINGS})
    return root


@pytest.fixture(scope="module")
def spellings_build(spellings_root: Path) -> BuiltSite:
    return build_in(spellings_root, CONFIG)


@pytest.mark.parametrize("name", sorted(SPELLINGS))
def test_every_spelling_of_the_key_is_a_comparison_page(spellings_build: BuiltSite, name: str) -> None:
    soup = spellings_build.html(name.removesuffix(".md") + "/")
    notes = [note.get_text(" ", strip=True) for note in soup.select(".compare-grid .admonition p")]
    assert any("alert('note')" in note for note in notes), notes  # shown as text
    tool = soup.select_one("h1").get_text(strip=True).split(" vs ")[-1]
    assert tool.lower() == name.removeprefix("compare/").removesuffix(".md").replace("-only", "")


def test_no_spelling_lets_markup_through(spellings_build: BuiltSite) -> None:
    assert active_content(spellings_build.site_dir) == []
    found = []
    for path in spellings_build.site_dir.rglob("*.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        found += [str(t)[:80] for t in soup.find_all(True) if any(a.startswith("on") for a in t.attrs)]
        found += [str(t)[:80] for t in soup.find_all("script") if "alert" in t.get_text()]
    assert found == []


def test_the_unclosed_front_matter_is_warned_about_with_its_line(spellings_build: BuiltSite) -> None:
    one(plugin_messages(spellings_build), "compare/unclosed.md:1", "not closed")
    assert [m for m in plugin_messages(spellings_build) if "unclosed" not in m] == []


def test_check_and_render_agree_on_the_spellings(
    spellings_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["check", str(spellings_root / "docs")])
    out = capsys.readouterr().out
    assert status == 1 and "unclosed.md:1" in out and "not closed" in out
    result = render_directory(spellings_root / "docs", tmp_path / "out")
    assert sorted(result.pages) == sorted(SPELLINGS)
    for name in SPELLINGS:
        text = (tmp_path / "out" / name).read_text(encoding="utf-8")
        assert "<script" not in text and "onerror=" not in text, name


# -- crashes, blow-ups and silence -----------------------------------------------------------------


def bomb() -> str:
    lines = ['  a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"  a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 9) + "]" for n in range(1, 9)]
    return "\n".join(lines)


BAD_FIELDS: dict[str, str | bytes] = {
    "compare/surrogate.md": page('toolName: Surrogate\nheadline: "Fast \\ud800 gates"', "Surrogate"),
    "compare/bomb.md": page("toolName: Bomb\nseo:\n" + bomb(), "Bomb"),
    "compare/urls.md": page(
        'toolName: Urls\nlearnMoreUrl: "javascript:alert(1)"\ntoolIcon:\n  url: "//evil.example/i.svg"\n'
        'openGraphImage:\n  url: "data:image/svg+xml,<svg onload=alert(1)>"',
        "Urls",
    ),
    "compare/odd-draft.md": page("toolName: OddDraft\ndraft: [false]", "OddDraft"),
    "compare/seo.md": page('toolName: Seo\nseo: "a string"', "Seo"),
    "compare/twice.md": page("toolName: Twice\nslug: a\nslug: b", "Twice"),
    "compare/binary.md": page("toolName: !!binary QmluYXJ5", "Binary"),
}


@pytest.fixture(scope="module")
def bad_fields_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("bad-fields")
    write_docs(root / "docs", {"index.md": "# Home\n", **BAD_FIELDS})
    return root


@pytest.fixture(scope="module")
def bad_fields_build(bad_fields_root: Path) -> BuiltSite:
    return build_in(bad_fields_root, CONFIG)


@pytest.mark.parametrize(
    ("where", "words"),
    [
        ("compare/surrogate.md:5", "headline"),
        ("compare/bomb.md:5", "aliases expand to"),
        ("compare/urls.md:5", "'learnMoreUrl': 'javascript:alert(1)' is not an http(s) or relative URL"),
        ("compare/urls.md:7", "'toolIcon.url': '//evil.example/i.svg' is not an http(s)"),
        ("compare/urls.md:9", "'openGraphImage.url'"),
        ("compare/odd-draft.md:5", "treated as a draft"),
        ("compare/seo.md:5", "'seo' should be a mapping"),
        ("compare/twice.md:6", "duplicate key 'slug'"),
        ("compare/binary.md:4", "binary data"),
    ],
)
def test_each_bad_field_is_a_located_warning(bad_fields_build: BuiltSite, where: str, words: str) -> None:
    one(plugin_messages(bad_fields_build), where, words)


def test_bad_fields_do_not_stop_the_build_nor_reach_it(bad_fields_build: BuiltSite) -> None:
    site = bad_fields_build
    assert active_content(site.site_dir) == []
    for name in ("surrogate", "bomb", "urls", "seo", "twice", "binary"):
        assert site.html(f"compare/{name}/").select_one(".compare-grid") is not None, name
    assert not (site.site_dir / "compare/odd-draft/index.html").exists()  # may be confidential
    assert "odd-draft" not in site.text("compare/comparisons.json")
    urls = site.html("compare/urls/")
    assert not [t for t in urls.find_all(True) if any("evil.example" in str(v) for v in t.attrs.values())]
    assert "javascript:" not in str(urls) and "data:image" not in str(urls)
    assert "Binary" in site.html("compare/binary/").select_one("h1").get_text()


def test_bad_fields_fail_a_strict_build(bad_fields_root: Path, tmp_path: Path) -> None:
    shutil.copytree(bad_fields_root / "docs", tmp_path / "docs")
    with pytest.raises(Abort):
        build_in(tmp_path, CONFIG, strict=True)


def test_render_survives_the_bad_fields(bad_fields_root: Path, tmp_path: Path) -> None:
    result = render_directory(bad_fields_root / "docs", tmp_path / "out")
    assert "compare/surrogate.md" in result.pages and "compare/bomb.md" in result.pages
    assert any("aliases expand to" in str(p) for p in result.problems)


def test_material_meta_plugin_merges_its_defaults_into_what_the_plugin_sets(tmp_path: Path) -> None:
    # Listed before compare, Material's meta plugin (priority 50) still runs after it (100): the
    # maintainer's .meta.yml applies, and it never merges the export's keys (a `hide` string
    # against a list default would abort the build).
    write_docs(
        tmp_path / "docs",
        {
            "index.md": "# Home\n",
            "compare/.meta.yml": "hide: [navigation]\n",
            "compare/weir.md": page('toolName: Weir\nhide: "toc"\ntemplate: missing.html', "Weir"),
        },
    )
    config = {**CONFIG, "plugins": ["search", "meta", {"compare": {"page_meta": {"hide": ["toc"]}}}]}
    site = build_in(tmp_path, config, strict=True)
    weir = site.html("compare/weir/")
    assert weir.select_one('[data-md-type="navigation"]').has_attr("hidden")  # from .meta.yml
    assert weir.select_one('[data-md-type="toc"]').has_attr("hidden")  # from page_meta
    assert weir.select_one(".compare-grid") is not None
