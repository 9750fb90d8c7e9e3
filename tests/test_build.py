"""Build real MkDocs sites with Material and assert on the HTML that comes out."""

from __future__ import annotations

import shutil

import pytest
from conftest import SEEDS, BuildSite
from exported import Page, Row, render

from mkdocs_compare.parse import parse_comparison

ROWS = [
    Row("Workflow Orchestration", "yes", "Runs DAGs on any backend.", "no", "Local only."),
    Row("Caching", "no", "Planned for the next release.", "yes", "Content-addressed cache."),
    Row("Odd Verdict", "yes", "Fine.", "no", "Also fine."),
]


def test_comparison_page_becomes_admonition_grid(build_site: BuildSite) -> None:
    site = build_site({"compare/conveyor.md": render(Page(rows=ROWS))})
    soup = site.html("compare/conveyor/")
    rows = soup.select(".compare-grid__row")
    assert len(rows) == 3
    for row, source in zip(rows, ROWS, strict=True):
        verdicts = row.select(".admonition")
        assert len(verdicts) == 2
        expected = [
            "success" if v == "yes" else "failure" for v in (source.product_verdict, source.tool_verdict)
        ]
        assert [next(c for c in v["class"] if c in ("success", "failure")) for v in verdicts] == expected
        assert row.select_one(".compare-grid__feature").get_text() == source.name
        assert verdicts[0].select_one(".admonition-title").get_text().startswith("Lattice")
        assert verdicts[1].select_one(".admonition-title").get_text().startswith("Conveyor")
        assert source.product_note in verdicts[0].get_text()
        assert source.tool_note in verdicts[1].get_text()
    assert not soup.select(".tooltiptext") and not soup.select("span.icon")
    assert soup.select(".tabbed-set .highlight")
    assert soup.find("meta", attrs={"name": "description"})["content"] == "Lattice compared with Conveyor."


def test_normal_pages_pass_through_untouched(build_site: BuildSite) -> None:
    normal = '# Guide\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<span class="icon yes"></span>\n'
    site = build_site({"guide.md": normal, "compare/conveyor.md": render(Page())})
    soup = site.html("guide/")
    assert soup.select_one("article table td").get_text() == "1"
    assert soup.select("span.icon.yes")  # not ours: left alone
    assert not soup.select(".compare-grid")


def test_drafts_are_left_out(build_site: BuildSite) -> None:
    site = build_site(
        {"compare/conveyor.md": render(Page()), "compare/draft.md": render(Page(tool="Drafty", draft=True))}
    )
    assert (site.site_dir / "compare/conveyor/index.html").exists()
    assert not (site.site_dir / "compare/draft/index.html").exists()


def test_extensions_are_added_without_overriding_user_settings(build_site: BuildSite) -> None:
    site = build_site(
        {"compare/conveyor.md": render(Page())},
        extra={"markdown_extensions": [{"pymdownx.highlight": {"linenums": True}}]},
    )
    config = site.config
    assert config.mdx_configs["pymdownx.highlight"] == {"linenums": True}
    for name in ("admonition", "attr_list", "md_in_html", "pymdownx.superfences", "pymdownx.tabbed"):
        assert name in config.markdown_extensions
    assert site.html("compare/conveyor/").select(".linenos, .linenodiv, [class*=lineno]")


def test_every_source_text_survives(build_site: BuildSite) -> None:
    page = Page(rows=ROWS, layout="indented", code_form="pre")
    site = build_site({"compare/conveyor.md": render(page)})
    text = site.html("compare/conveyor/").get_text()
    comparison = parse_comparison(render(page), "x.md").comparison
    assert comparison is not None
    for feature in comparison.features:
        for piece in (feature.name, feature.product.note, feature.tool.note):
            assert piece in text
    for sample in page.code:
        for line in sample.splitlines():
            assert line.strip() in text
    for item in page.learn_more:
        assert item in text


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the shared seed pages are not present")
def test_real_exported_pages_build_with_only_search_and_compare(build_site: BuildSite, tmp_path) -> None:
    pages = {}
    for seed in sorted(SEEDS.iterdir()):
        pages[f"compare/{seed.stem}.md"] = seed.read_text(encoding="utf-8")
    site = build_site(pages, strict=True)
    for name, source in pages.items():
        comparison = parse_comparison(source, name).comparison
        assert comparison is not None
        soup = site.html(name.removesuffix(".md") + "/")
        verdicts = soup.select(".compare-grid .admonition")
        expected = [a.verdict.value for f in comparison.features for a in (f.product, f.tool)]
        got = [
            "yes" if "success" in v["class"] else "no" if "failure" in v["class"] else "?" for v in verdicts
        ]
        assert got == expected
        assert not soup.select(".tooltiptext") and not soup.select("span.icon")
        text = soup.get_text()
        for feature in comparison.features:
            assert feature.name in text and feature.product.note in text and feature.tool.note in text
        for sample in comparison.code_samples:
            for line in sample.code.splitlines():
                assert line.strip() in text
        for item in comparison.learn_more:
            assert item in text
    shutil.rmtree(site.site_dir)
