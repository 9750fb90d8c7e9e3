"""Build real MkDocs sites with Material and assert on the HTML that comes out."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import SEEDS, BuildSite
from exported import NO_ICON, Page, Row, render
from portable import built_verdicts, expected_verdicts
from source_oracle import read_source

ROWS = [
    Row("Workflow Orchestration", "yes", "Runs DAGs on any backend.", "no", "Local only."),
    Row("Caching", "no", "Planned for the next release.", "yes", "Content-addressed cache."),
    Row("Odd Verdict", "maybe", "Fine.", NO_ICON, "Also fine."),
]
# What the grid must show for ROWS, written out by hand: (admonition type, title, note).
GRID = [
    ("success", "Lattice: Yes", "Runs DAGs on any backend."),
    ("failure", "Conveyor: No", "Local only."),
    ("failure", "Lattice: No", "Planned for the next release."),
    ("success", "Conveyor: Yes", "Content-addressed cache."),
    ("question", "Lattice: Not stated", "Fine."),
    ("question", "Conveyor: Not stated", "Also fine."),
]


def test_comparison_page_becomes_admonition_grid(build_site: BuildSite) -> None:
    site = build_site({"compare/conveyor.md": render(Page(rows=ROWS))})
    assert built_verdicts(site.site_dir / "compare/conveyor/index.html") == GRID
    soup = site.html("compare/conveyor/")
    rows = soup.select(".compare-grid__row")
    assert len(rows) == 3
    for row, source in zip(rows, ROWS, strict=True):
        verdicts = row.select(".admonition")
        assert len(verdicts) == 2
        assert row.select_one(".compare-grid__feature").get_text() == source.name
        assert verdicts[0].select_one(".admonition-title").get_text().startswith("Lattice")
        assert verdicts[1].select_one(".admonition-title").get_text().startswith("Conveyor")
        assert source.product_note in verdicts[0].get_text()
        assert source.tool_note in verdicts[1].get_text()
    assert not soup.select(".tooltiptext") and not soup.select("span.icon")
    # The site highlights nothing (no highlighter configured): plain code blocks, as its own fences.
    assert len(soup.select(".tabbed-set .tabbed-block > pre > code")) == 2
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


def test_no_extension_is_added_and_the_sites_highlight_settings_are_used(build_site: BuildSite) -> None:
    site = build_site(
        {"compare/conveyor.md": render(Page())},
        extra={"markdown_extensions": [{"pymdownx.highlight": {"linenums": True}}, "pymdownx.superfences"]},
    )
    config = site.config
    assert config.mdx_configs["pymdownx.highlight"] == {"linenums": True}
    for name in ("admonition", "attr_list", "md_in_html", "pymdownx.tabbed"):
        assert name not in config.markdown_extensions
    assert site.html("compare/conveyor/").select(".tabbed-set .highlight [class*=lineno]")


def test_every_source_text_survives(build_site: BuildSite) -> None:
    page = Page(rows=ROWS, layout="indented", code_form="pre", entities="named")
    site = build_site({"compare/conveyor.md": render(page)})
    text = site.html("compare/conveyor/").get_text()
    for row in read_source(render(page)).rows:
        for piece in (row.name, row.product.note, row.tool.note):
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
        page = read_source(source)
        assert len(page.rows) >= 7 and len(page.code) == 2 and page.learn_more, name
        built = site.site_dir / name.removesuffix(".md") / "index.html"
        assert built_verdicts(built) == expected_verdicts(source, name)
        soup = site.html(name.removesuffix(".md") + "/")
        assert not soup.select(".tooltiptext") and not soup.select("span.icon")
        text = soup.get_text()
        for row in page.rows:
            assert row.name in text and row.product.note in text and row.tool.note in text
        for sample in page.code:
            for line in sample.splitlines():
                assert line.strip() in text
        for item in page.learn_more:
            assert item in text
    shutil.rmtree(site.site_dir)


@pytest.mark.parametrize("code_form", ["pre", "fenced-nolang"])
def test_samples_without_a_language_are_guessed_unless_off(build_site: BuildSite, code_form: str) -> None:
    page = render(Page(code_form=code_form))
    tokens = ".tabbed-set .highlight code span.kn, .tabbed-set .highlight code span.n"
    highlighting = {"markdown_extensions": ["pymdownx.highlight", "pymdownx.superfences"]}
    plain = build_site({"compare/conveyor.md": page}, {"guess_language": False}, extra=highlighting).html(
        "compare/conveyor/"
    )
    assert len(plain.select(".tabbed-set .highlight code")) == 2
    assert not plain.select(tokens)

    guessed = build_site({"compare/conveyor.md": page}, extra=highlighting).html("compare/conveyor/")
    assert len(guessed.select(".tabbed-set .highlight code")) == 2
    assert [span.get_text() for span in guessed.select(".tabbed-set .highlight code span.kn")][:2] == [
        "from",
        "import",
    ]


def test_grid_joins_the_html_before_search_and_other_plugins(build_site: BuildSite) -> None:
    # The grid skips Python-Markdown (held back, then put in place in on_page_content); the
    # search index, built from the page HTML later, must still hold every note.
    site = build_site({"compare/conveyor.md": render(Page(rows=ROWS))})
    html = site.text("compare/conveyor/index.html")
    assert "mkdocs-compare:" not in html
    soup = site.html("compare/conveyor/")
    assert len(soup.select("article .compare-grid .compare-grid__row")) == len(ROWS)
    # In document order: after its heading, before the code comparison.
    assert html.index("compare-grid__row") < html.index("tabbed-set")
    index = site.text("search/search_index.json")
    for row in ROWS:
        assert row.product_note in index and row.tool_note in index


@pytest.mark.parametrize("theme", ["material", "mkdocs"])
def test_verdict_titles_are_shown_but_not_indexed_by_materials_search(
    build_site: BuildSite, theme: str
) -> None:
    """A title ("Lattice: Yes") on every cell of every page would match a search for the product
    or a verdict on every page: Material's search skips it (`data-search-exclude`, which it then
    strips from the page); the notes and feature names stay searchable. Other themes' search
    ignores the attribute and indexes the titles as text."""
    site = build_site({"compare/conveyor.md": render(Page(rows=ROWS))}, theme=theme)
    assert built_verdicts(site.site_dir / "compare/conveyor/index.html") == GRID  # titles shown
    raw = (site.site_dir / "compare/conveyor/index.html").read_text(encoding="utf-8")
    entries = json.loads(site.text("search/search_index.json"))["docs"]
    text = " ".join(entry["text"] for entry in entries if entry["location"].startswith("compare/conveyor/"))
    for row in ROWS:
        assert row.name in text and row.product_note in text and row.tool_note in text
    if theme == "material":
        assert not any(title in text for _, title, _ in GRID)
        assert "data-search-exclude" not in raw
    else:
        assert all(title in text for _, title, _ in GRID)


def test_grid_placeholder_lost_by_a_custom_template_warns_and_keeps_the_grid(
    build_site: BuildSite, tmp_path
) -> None:
    templates = tmp_path / "overrides"
    templates.mkdir()
    # Inside a fenced block, Markdown makes the placeholder the code's text.
    (templates / "comparison.md").write_text(
        '# {{ c.title|md }}\n\n```text\n{% filter html_block %}{% include "feature_grid.html" %}'
        "{% endfilter %}\n```\n",
        encoding="utf-8",
    )
    site = build_site({"compare/conveyor.md": render(Page(rows=ROWS))}, {"custom_templates": str(templates)})
    assert any("compare/conveyor.md" in w and "feature grid" in w for w in site.warnings())
    soup = site.html("compare/conveyor/")
    assert len(soup.select(".compare-grid__row")) == len(ROWS)


def test_related_links_are_on_the_page_but_not_in_the_search_index(build_site: BuildSite) -> None:
    site = build_site(
        {
            "compare/conveyor.md": render(Page(category="orchestrators")),
            "compare/hopper.md": render(Page(tool="Hopper", category="orchestrators")),
        }
    )
    soup = site.html("compare/conveyor/")
    links = soup.find(id="related-comparisons").find_next("ul").select("a")
    assert [(a.get_text(), a["href"]) for a in links] == [("Lattice vs Hopper", "../hopper/")]
    assert (site.site_dir / "compare/hopper/index.html").exists()
    entries = json.loads(site.text("search/search_index.json"))["docs"]
    own = [entry for entry in entries if entry["location"].startswith("compare/conveyor/")]
    assert own and not any("Hopper" in entry["text"] for entry in own)
