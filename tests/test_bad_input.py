"""Broken exports: every case gets a located warning, the site still builds, `--strict` fails."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, BuiltSite, build_in
from exported import Page, Row, render
from mkdocs.exceptions import Abort

from mkdocs_compare.collection import ParseCache, ParseOptions
from mkdocs_compare.model import Severity
from mkdocs_compare.parse import decode_source, parse_comparison

BAD_SITE = FIXTURES / "bad_site"
HUGE_ROWS = 3000


# Written as Windows-1252 bytes by copy_bad_site (a committed non-UTF-8 file trips up linters).
CP1252_PAGE = (
    "---\n"
    'title: "Lattice vs Café"\n'
    'slug: "lattice-vs-cafe"\n'
    "draft: false\n"
    'toolName: "Café"\n'
    'category: "experiment-trackers"\n'
    'headline: "Experiments, served \u201chot\u201d \u2013 since 2019"\n'
    "---\n"
    '<table><tbody><tr><td>Résumé runs</td><td class="tooltip"><span class="icon yes"></span>'
    '<span class="tooltiptext">Picks up where it stopped \u2014 no loss.</span></td>'
    '<td class="tooltip"><span class="icon no"></span><span class="tooltiptext">Starts over\u2026 every time.'
    "</span></td></tr></tbody></table>\n"
)


def huge_page() -> str:
    rows = [
        Row(f"Capability {n}", "yes", f"Ours handles case {n}.", "no", f"Theirs skips {n}.")
        for n in range(HUGE_ROWS)
    ]
    return render(Page(tool="Torrent", slug="lattice-vs-torrent", rows=rows))


def copy_bad_site(root: Path, *, huge: bool = False) -> Path:
    """The fixture site in a scratch folder (optionally with the 3,000-row page)."""
    shutil.copytree(BAD_SITE, root, dirs_exist_ok=True)
    (root / "docs" / "compare" / "cp1252.md").write_bytes(CP1252_PAGE.encode("cp1252"))
    if huge:
        (root / "docs" / "compare" / "huge.md").write_text(huge_page(), encoding="utf-8")
    return root


def build_bad_site(root: Path, *, strict: bool = False, huge: bool = False) -> BuiltSite:
    copy_bad_site(root, huge=huge)
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    return build_in(root, config, strict=strict)


def plugin_warnings(site: BuiltSite) -> list[str]:
    return [
        r.getMessage().removeprefix("compare: ")
        for r in site.records
        if r.name == "mkdocs.plugins.compare" and r.levelno >= logging.WARNING
    ]


def one(warnings: list[str], *parts: str) -> str:
    """The single warning holding every part (so each case is asserted on its own line)."""
    found = [w for w in warnings if all(part in w for part in parts)]
    assert len(found) == 1, (parts, warnings)
    return found[0]


@pytest.fixture(scope="module")
def bad_build(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return build_bad_site(tmp_path_factory.mktemp("bad"))


def test_broken_front_matter_names_file_and_field(bad_build: BuiltSite) -> None:
    warning = one(plugin_warnings(bad_build), "compare/broken-yaml.md:6", "front matter is not valid YAML")
    assert "(field 'headline')" in warning and "fields lost: headline" in warning


def test_broken_front_matter_page_is_still_rendered_and_escaped(bad_build: BuiltSite) -> None:
    soup = bad_build.html("compare/broken-yaml/")
    article = soup.select_one("article")
    assert article.select(".compare-grid .admonition.success")  # rendered, not passed through
    text = article.get_text()
    assert "Replays any window." in text and "Manual reruns" in text
    assert not soup.select("article script") and soup.find("img", src="x") is None
    assert "Lattice vs Sluice" in soup.title.get_text()  # salvaged from the fields that parse


def test_no_table(bad_build: BuiltSite) -> None:
    one(plugin_warnings(bad_build), "compare/no-table.md:17", "no feature table found")
    article = bad_build.html("compare/no-table/").select_one("article")
    assert not article.select(".compare-grid")
    assert article.select_one(".compare-hero__headline").get_text() == "Water-level checks for features."
    assert "from lattice import checks" in article.get_text()
    assert "&nbsp;" not in str(article) and "\xa0\n\xa0" not in article.get_text()


def test_missing_extra_cells_and_empty_rows(bad_build: BuiltSite) -> None:
    warnings = plugin_warnings(bad_build)
    one(warnings, "compare/bad-rows.md:19 (row 2)", "row has 2 cells, expected 3")
    one(warnings, "compare/bad-rows.md:20 (row 3)", "row has 4 cells, expected 3")
    one(warnings, "compare/bad-rows.md:21 (row 4)", "empty table row skipped")
    one(warnings, "compare/bad-rows.md:22 (row 5)", "empty table row skipped")
    article = bad_build.html("compare/bad-rows/").select_one("article")
    rows = article.select(".compare-grid__row")
    assert [r.select_one(".compare-grid__feature").get_text() for r in rows] == [
        "Lineage",
        "Retries",
        "Secrets",
    ]
    assert rows[1].select(".admonition.question")  # the missing tool cell: verdict not stated
    assert "stray cell" in rows[2].get_text()  # the extra cell is kept, not lost


def test_unknown_icons_and_missing_notes(bad_build: BuiltSite) -> None:
    warnings = plugin_warnings(bad_build)
    one(warnings, "compare/odd-icons.md:17 (row 1)", "unknown icon class 'icon partial'", "product cell")
    one(warnings, "compare/odd-icons.md:17 (row 1)", "'Canary releases': the tool cell has no note")
    one(warnings, "compare/odd-icons.md:17 (row 2)", "'Rollback': the product cell has no note")
    row = bad_build.html("compare/odd-icons/").select(".compare-grid__row")[0]
    assert row.select(".admonition.question") and "Behind a flag." in row.get_text()


def test_duplicate_tool_names_and_slugs(bad_build: BuiltSite) -> None:
    warnings = plugin_warnings(bad_build)
    # The second page (by path) is the one named, at the line of the field.
    one(warnings, "compare/conveyor.md:8 (field 'toolName')", "duplicate tool name 'Conveyor'", "used by")
    one(warnings, "compare/conveyor.md:3 (field 'slug')", "duplicate slug 'lattice-vs-conveyor'")
    assert bad_build.html("compare/conveyor/").select(".compare-grid")
    assert bad_build.html("compare/conveyor-copy/").select(".compare-grid")


def test_windows_1252_page_is_decoded_with_a_warning(bad_build: BuiltSite) -> None:
    one(plugin_warnings(bad_build), "compare/cp1252.md:2", "not valid UTF-8", "Windows-1252")
    text = bad_build.html("compare/cp1252/").select_one("article").get_text()
    for piece in (
        "Lattice vs Café",
        "Résumé runs",
        "Picks up where it stopped — no loss.",
        "Starts over… every time.",
    ):
        assert piece in text


def test_code_with_fences_and_closing_code_tags_stays_literal(bad_build: BuiltSite) -> None:
    warnings = plugin_warnings(bad_build)
    assert (
        len([w for w in warnings if "compare/code-fences.md" in w and "fence characters or </code>" in w])
        == 2
    )
    article = bad_build.html("compare/code-fences/").select_one("article")
    blocks = [block.get_text() for block in article.select(".tabbed-block pre")]
    assert len(blocks) == 2
    assert '```python\nprint("nested fence")\n```' in blocks[0]
    assert 'html = "</code></pre>"' in blocks[1]


def test_every_table_row_is_kept_and_a_second_table_is_warned_about(bad_build: BuiltSite) -> None:
    warnings = plugin_warnings(bad_build)
    one(warnings, "compare/two-tables.md:29", "another table after the feature table")
    article = bad_build.html("compare/two-tables/").select_one("article")
    names = [r.select_one(".compare-grid__feature").get_text() for r in article.select(".compare-grid__row")]
    assert names == [
        "Backpressure",
        "Regions",
        "Replay",
        "Dead letters",
    ]  # a <th> row, rows after a nested table
    text = article.get_text()
    assert "Pick any of: Oslo Lima" in text and "Draft row" not in text
    assert "Shown as an example, not a feature" in text  # the fenced example is a code sample


def test_an_unclosed_comment_is_kept_as_text_with_a_warning(bad_build: BuiltSite) -> None:
    one(plugin_warnings(bad_build), "compare/unclosed-comment.md:18", "HTML comment is not closed")
    article = bad_build.html("compare/unclosed-comment/").select_one("article")
    assert "Every run. <!-- editor's note" in article.get_text()
    assert not article.select(".compare-more")  # the zero-width joiner between the samples is not text


def test_the_site_builds_and_strict_fails(tmp_path: Path) -> None:
    site = build_bad_site(tmp_path / "relaxed")
    pages = sorted(p.name for p in (site.root / "docs" / "compare").iterdir())
    warnings = plugin_warnings(site)
    for page in pages:  # every broken file is named
        if page != "conveyor.md" and page != "conveyor-copy.md":
            assert any(f"compare/{page}" in w for w in warnings), page
        soup = site.html(f"compare/{page.removesuffix('.md')}/")
        assert not any("alert" in script.get_text() for script in soup.find_all("script")), page
        assert not [tag for tag in soup.find_all(True) if any(a.startswith("on") for a in tag.attrs)], page
    with pytest.raises(Abort):
        build_bad_site(tmp_path / "strict", strict=True)


def test_a_huge_table_builds_with_a_max_features_warning(tmp_path: Path) -> None:
    (tmp_path / "docs" / "compare").mkdir(parents=True)
    (tmp_path / "docs" / "compare" / "huge.md").write_text(huge_page(), encoding="utf-8")
    (tmp_path / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    site = build_in(
        tmp_path, {"site_name": "Huge", "theme": {"name": "material"}, "plugins": ["search", "compare"]}
    )
    one(plugin_warnings(site), "compare/huge.md", f"{HUGE_ROWS} rows, more than max_features (500)")
    rows = site.html("compare/huge/").select(".compare-grid__row")
    assert len(rows) == HUGE_ROWS
    assert rows[-1].select_one(".compare-grid__feature").get_text() == f"Capability {HUGE_ROWS - 1}"


# -- the parser alone ----------------------------------------------------------------------------


def test_broken_front_matter_naming_the_key_alone_is_not_a_comparison_page() -> None:
    # Issue 10: the detect key without a feature table or an "X vs Y" title is a guide page.
    result = parse_comparison('---\ntoolName: "open\n---\n', "a.md")
    assert result.comparison is None
    assert [(p.severity, p.location.line, p.location.field) for p in result.problems] == [
        (Severity.INFO, 2, "toolName")
    ]


def test_parse_cache_passes_the_page_naming_the_key_alone_through_with_an_info_line() -> None:
    result = ParseCache().parse("a.md", '---\ntoolName: "open\n---\n', ParseOptions())
    assert result.comparison is None
    assert [p.severity for p in result.problems] == [Severity.INFO]


def test_salvaged_page_takes_its_title_from_a_heading_then_the_file_name() -> None:
    body = '<table><tr><td>X</td><td><span class="icon yes"></span><span class="tooltiptext">a</span></td>'
    body += '<td><span class="icon no"></span><span class="tooltiptext">b</span></td></tr></table>\n'
    broken = "---\ntoolName: [unclosed\n---\n"
    with_heading = parse_comparison(broken + "# Lattice vs Dredge\n" + body, "x/dredge.md").comparison
    assert with_heading is not None and with_heading.title == "Lattice vs Dredge"
    assert with_heading.tool_name == "Dredge" and with_heading.product_name == "Lattice"
    from_name = parse_comparison(broken + body, "x/lattice-vs-dredge.md").comparison
    assert (
        from_name is not None and from_name.title == "lattice vs dredge" and from_name.tool_name == "dredge"
    )


def test_odd_yaml_values_do_not_crash_the_parser() -> None:
    # A timestamp out of range makes PyYAML raise ValueError, not YAMLError.
    text = '---\ntoolName: "Tool"\ntitle: "A vs Tool"\nexported: 2024-13-45\n---\n<table></table>\n'
    result = parse_comparison(text, "t.md")
    assert result.comparison is not None
    assert any("not valid YAML" in p.message and p.location.field == "exported" for p in result.problems)


def test_decode_source_falls_back_to_windows_1252() -> None:
    text, problem = decode_source("caf\u00e9\n\u201cq\u201d".encode("cp1252"), "p.md")
    assert text == "caf\u00e9\n\u201cq\u201d"
    assert problem is not None and problem.location == problem.location.__class__("p.md", 1)
    assert decode_source("ok \u00e9".encode(), "p.md") == ("ok \u00e9", None)
