"""The summary's small pure pieces, on hand-written inputs and outputs (no site is built)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from bs4 import BeautifulSoup
from exported import Page, Row, render

from mkdocs_compare.collection import Collection
from mkdocs_compare.parse import parse_comparison
from mkdocs_compare.render import Renderer
from mkdocs_compare.summary import (
    SummaryModel,
    SummaryPlan,
    build_summary,
    compose_summary,
    insert_summary,
    plan_summary,
    render_summary,
)
from mkdocs_compare.summary.categories import category_name, category_order, category_title
from mkdocs_compare.summary.collisions import Destinations, dest_uri
from mkdocs_compare.summary.model import SummaryDocument
from mkdocs_compare.summary.plan import outside_docs


def test_the_summary_goes_at_the_first_marker_only() -> None:
    page = "A\n<!-- compare-summary -->\nB\n<!-- compare-summary -->\nC\n"
    assert insert_summary(page, "SUM") == "A\n\n\nSUM\n\n\nB\n<!-- compare-summary -->\nC\n"


def test_without_a_marker_the_summary_follows_the_text_after_one_blank_line() -> None:
    assert insert_summary("Intro X\n\n\n", "SUM") == "Intro X\n\nSUM"
    assert insert_summary("Intro.  \n", "SUM") == "Intro.  \n\nSUM"
    assert insert_summary("", "SUM") == "\n\nSUM"


def test_inline_puts_each_block_once_at_its_placeholder() -> None:
    document = SummaryDocument(
        "<!--a-->\n<!--b-->\n<!--a-->\n", {"<!--a-->": "\n  X block \n\n", "<!--b-->": "B"}
    )
    assert document.inline() == "  X block \nB\n<!--a-->\n"
    assert SummaryDocument("<!--x-->", {"<!--x-->": "\nX\n"}).inline() == "X"
    assert document.fill("<p><!--a--></p><!--a-->") == "<p>\n  X block \n\n</p><!--a-->"
    # Blocks in place whatever their order in the page; a placeholder missing leaves the rest.
    assert document.fill("<!--b-->, <!--a-->; <!--b-->") == "B, \n  X block \n\n; <!--b-->"
    assert document.fill("<p>none</p>") == "<p>none</p>"


@pytest.mark.parametrize(
    ("path", "outside"),
    [
        ("..", True),
        ("../x.md", True),
        ("a/../../x.md", True),
        ("a/../x.md", False),
        ("/../x.md", False),  # read from the docs' root: /x.md
        (" ../x.md", False),  # a folder named " .."
        ("X../x.md", False),
        ("..x/y.md", False),
        ("compare/index.md", False),
    ],
)
def test_outside_docs(path: str, outside: bool) -> None:
    assert outside_docs(path) is outside


# Two pages, their verdicts written here; "maybe" and "x" are icons that are neither yes nor no.
MATRIX_PAGES = {
    "compare/a.md": Page(
        tool="Conveyor",
        rows=[
            Row("Caching", "yes", "a", "no", "b"),
            Row("Scheduling", "unknown", "c", "yes", "d"),
            Row("Lineage", "no", "e", "maybe", "f"),
        ],
    ),
    "compare/b.md": Page(
        tool="Hopper",
        category="trackers",
        rows=[Row("Caching", "yes", "g", "yes", "h"), Row("Lineage", "yes", "i", "x", "j")],
    ),
}


def _matrix_rows(pages: dict[str, Page]) -> list[list[str]]:
    parsed = [parse_comparison(render(page), path).comparison for path, page in pages.items()]
    urls = {path: path.removesuffix(".md") + "/" for path in pages}
    model = build_summary([c for c in parsed if c is not None], urls, "compare/")
    soup = BeautifulSoup(render_summary(model, Renderer().env, {}).inline(), "html.parser")
    table = soup.select_one("table.cmp-matrix")
    assert table is not None
    rows = []
    for tr in table.select("tbody tr"):
        cells = [tr.get("data-category") or "", tr.get("data-slug") or ""]
        for cell in tr.find_all(["th", "td"]):
            cells.append(" ".join(cell.get("class") or []) + "|" + cell.get_text(" ", strip=True))
        rows.append(cells)
    return rows


def test_the_matrix_counts_only_yes_and_draws_the_products_verdict_only_where_it_tells() -> None:
    """Totals count yes alone (unknown is not yes); the product's yes is quiet (`pq`) unless
    its pages disagree on the feature (Lineage); a feature of one page only is in "others"."""
    assert _matrix_rows(MATRIX_PAGES) == [
        ["orchestrators", "", "|Orchestrators"],
        [
            "orchestrators",
            "lattice-vs-conveyor",
            "|Conveyor",
            "|1/3",
            "|1/3",
            "cmp-reviewed|",
            "t-n p-y pq|Conveyor: No. b Lattice: Yes. a",
            "t-u p-n|Conveyor: Not stated. f Lattice: No. e",
            "cmp-others|+1 Scheduling Conveyor: Yes. d Lattice: Not stated. c",
        ],
        ["trackers", "", "|Trackers"],
        [
            "trackers",
            "lattice-vs-hopper",
            "|Hopper",
            "|1/2",
            "|2/2",
            "cmp-reviewed|",
            "t-y p-y pq|Hopper: Yes. h Lattice: Yes. g",
            "t-u p-y|Hopper: Not stated. j Lattice: Yes. i",
            "cmp-others|",
        ],
    ]


def _collection(*paths: str) -> Collection:
    pages = {}
    for path in paths:
        comparison = parse_comparison(render(Page(tool=path.rsplit("/", 1)[-1][:-3])), path).comparison
        assert comparison is not None
        pages[path] = comparison
    return Collection(pages)


PAIR = ("compare/a.md", "compare/b.md")


def _exports(plan: SummaryPlan) -> list[str]:
    return [export.path for export in plan.exports]


def _problems(plan: SummaryPlan) -> list[tuple[str, str]]:
    return [(str(problem.location), problem.severity.value) for problem in plan.problems]


def test_the_default_plan_is_an_index_page_beside_the_pages_with_both_exports() -> None:
    plan = plan_summary(_collection(*PAIR), None, PAIR, title="All")
    assert plan is not None
    assert (plan.page, plan.folder, plan.merge, plan.title) == ("compare/index.md", "compare", False, "All")
    assert _exports(plan) == ["compare/comparisons.json", "compare/comparisons.csv"]
    assert [(e.name, e.label) for e in plan.exports] == [
        ("comparisons.json", "JSON"),
        ("comparisons.csv", "CSV"),
    ]
    assert plan.downloads == [("JSON", "comparisons.json"), ("CSV", "comparisons.csv")]
    assert plan.problems == []


def test_a_maintainers_page_at_the_path_is_merged_into_and_keeps_its_title() -> None:
    plan = plan_summary(_collection(*PAIR), None, [*PAIR, "compare/index.md"], title="All")
    assert plan is not None
    assert (plan.page, plan.merge, plan.title) == ("compare/index.md", True, None)
    assert plan.page_text("SUM", "# Ours\n") == "# Ours\n\nSUM"
    assert plan.page_text("SUM") == "SUM"


def test_no_summary_page_still_writes_the_exports_beside_the_pages() -> None:
    plan = plan_summary(_collection(*PAIR), "", PAIR, title="All", csv_export=False)
    assert plan is not None
    assert (plan.page, plan.folder, plan.folder_url, plan.title) == ("", "compare", "compare/", None)
    assert _exports(plan) == ["compare/comparisons.json"]
    only_csv = plan_summary(_collection(*PAIR), "", PAIR, title="All", json_export=False)
    assert only_csv is not None and _exports(only_csv) == ["compare/comparisons.csv"]


def test_the_summary_page_option_is_read_from_the_docs_root() -> None:
    plan = plan_summary(_collection(*PAIR), "/x/../overview.md", PAIR, title="All")
    assert plan is not None
    assert (plan.page, plan.folder, plan.folder_url) == ("overview.md", "", "")
    assert _exports(plan) == ["comparisons.json", "comparisons.csv"]
    pages_at_root = plan_summary(_collection("a.md", "b.md"), "", ["a.md", "b.md"], title="All")
    assert pages_at_root is not None and pages_at_root.folder_url == ""


@pytest.mark.parametrize(
    ("home", "page", "merge"),
    [
        (None, "index.md", False),  # no home page of the maintainer's: the summary is the home page
        ("index.md", "compare/index.md", False),  # the site's home page is left alone
        ("README.md", "compare/index.md", False),  # MkDocs' other home page
        ("guide/index.md", "index.md", False),  # another folder's index is no home page
    ],
)
def test_pages_in_the_docs_root_leave_the_maintainers_home_page_alone(
    home: str | None, page: str, merge: bool
) -> None:
    files = ["a.md", "b.md", *([home] if home else [])]
    plan = plan_summary(_collection("a.md", "b.md"), None, files, title="All")
    assert plan is not None
    assert (plan.page, plan.merge, plan.problems) == (page, merge, [])
    folder = page.removesuffix("index.md")
    assert _exports(plan) == [f"{folder}comparisons.json", f"{folder}comparisons.csv"]


def test_the_home_page_gets_the_summary_when_the_option_says_so() -> None:
    files = ["a.md", "b.md", "index.md"]
    plan = plan_summary(_collection("a.md", "b.md"), "index.md", files, title="All")
    assert plan is not None and (plan.page, plan.merge, plan.title) == ("index.md", True, None)
    # a maintainer's compare/index.md beside a root home page is the summary's, merged into
    beside = plan_summary(_collection("a.md", "b.md"), None, [*files, "compare/index.md"], title="All")
    assert beside is not None and (beside.page, beside.merge) == ("compare/index.md", True)


@pytest.mark.parametrize(
    ("option", "problems"),
    [
        ("overview", [("mkdocs.yml (field 'summary_page')", "warning")]),  # not Markdown
        ("compare/a.md", [("compare/a.md:1", "warning")]),  # a comparison page
        ("../overview.md", [("mkdocs.yml (field 'summary_page')", "error")]),  # outside the docs
    ],
)
def test_a_refused_summary_page_is_a_problem_and_no_page(
    option: str, problems: list[tuple[str, str]]
) -> None:
    plan = plan_summary(_collection(*PAIR), option, PAIR, title="All")
    assert plan is not None
    assert plan.page == "" and plan.title is None
    assert _problems(plan) == problems
    outside = option.startswith("..")
    assert _exports(plan) == ([] if outside else ["compare/comparisons.json", "compare/comparisons.csv"])


def test_files_of_the_docs_keep_their_place_and_what_they_are_in_the_way_of_is_left_out() -> None:
    existing = [*PAIR, "compare.md", "compare/comparisons.json", "compare/comparisons.csv.md"]
    plan = plan_summary(_collection(*PAIR), None, existing, title="All")
    assert plan is not None
    assert plan.page == "" and _exports(plan) == []
    assert _problems(plan) == [
        ("compare.md:1", "warning"),  # written to compare/index.html, where the summary would go
        ("compare/comparisons.json", "warning"),  # the maintainer's own file
        ("compare/comparisons.csv.md:1", "warning"),  # written to compare/comparisons.csv/index.html
    ]


def test_no_pages_no_plan() -> None:
    assert plan_summary(Collection(), None, [], title="All") is None


@pytest.mark.parametrize(
    ("slug", "title"),
    [
        ("data-GitHub-apps", "Data GitHub apps"),  # mixed case is kept after the first word
        ("data-gitHub-apps", "Data gitHub apps"),
        ("gitHub-apps", "GitHub apps"),
        ("CI-CD", "CI/CD"),
        ("cd-ci", "CD CI"),
        ("ci", "CI"),
        ("feature-stores-ml", "Feature stores ML"),
        ("", ""),
    ],
)
def test_category_titles(slug: str, title: str) -> None:
    assert category_title(slug) == title


def test_a_category_is_named_by_the_option_then_a_label_then_the_rule() -> None:
    labels, titles = {"category:ml-ops": "From labels"}, {"ml-ops": "From option"}
    assert category_name("ml-ops", labels, titles) == "From option"
    assert category_name("ml-ops", labels, {"ml-ops": ""}) == "From labels"
    assert category_name("ml-ops", labels) == "From labels"
    assert category_name("ml-ops", None, None) == "ML ops"
    assert category_name("ml-ops", {"category:other": "x"}, {"other": "y"}) == "ML ops"


def test_categories_come_in_the_options_order_then_by_heading() -> None:
    names = {"a": "Zeta", "b": "alpha", "c": "Gamma", "d": "alpha"}
    assert category_order(["b", "a", "c", "d"], {"c": "Gamma", "z": "Absent"}, names) == ["c", "b", "d", "a"]
    assert category_order(["a", "b"], None, names) == ["b", "a"]


@pytest.mark.parametrize(
    ("src", "directory_urls", "dest"),
    [
        ("a/b.md", True, "a/b/index.html"),
        ("a/b.md", False, "a/b.html"),
        ("a/README.md", True, "a/index.html"),
        ("a/README.md", False, "a/index.html"),
        ("index.md", True, "index.html"),
        ("notes.markdown", True, "notes/index.html"),
        ("img/logo.png", True, "img/logo.png"),
        ("data.json", False, "data.json"),
    ],
)
def test_dest_uri(src: str, directory_urls: bool, dest: str) -> None:
    assert dest_uri(src, directory_urls) == dest
    assert dest_uri("a/b.md") == "a/b/index.html"  # directory URLs, as MkDocs by default


def test_destinations_remember_the_first_file_of_each_place_and_folder() -> None:
    taken = Destinations({"a/b/c.md": "a/b/c/index.html", "a/b/d.md": "a/b/d/index.html"})
    taken.add("other.md", "a/b/c/index.html")  # the same place again: the first file keeps it
    assert taken.clash("a/b/c/index.html") == ("a/b/c.md", "a/b/c/index.html")
    assert taken.clash("a/b/d") == ("a/b/d.md", "a/b/d/index.html")
    assert taken.clash("a/b") == ("a/b/c.md", "a/b/c/index.html")
    assert taken.clash("a") == ("a/b/c.md", "a/b/c/index.html")
    assert taken.clash("a/b/c/index.html/deeper.json") == ("a/b/c.md", "a/b/c/index.html")
    assert taken.clash("a/b/e/index.html") is None and taken.clash("b") is None


def test_compose_builds_what_the_plan_asks_for() -> None:
    collection = _collection(*PAIR)
    pages = collection.sorted_pages()
    urls = {"compare/a.md": "compare/a/", "compare/b.md": "compare/b/"}
    env = Renderer().env
    plan = plan_summary(collection, None, PAIR, title="All tools", csv_export=False)
    assert plan is not None
    output = compose_summary(plan, pages, urls, "compare/", env, {}, product="Ours")
    assert list(output.exports) == ["compare/comparisons.json"]
    assert json.loads(output.exports["compare/comparisons.json"])["product"] == "Ours"
    assert output.model.product == "Ours" and [row.page.tool_name for row in output.model.rows] == ["a", "b"]
    assert output.document is not None and "\n# All tools\n" in output.document.markdown
    assert "[JSON](comparisons.json)" in output.document.markdown
    none = plan_summary(collection, "", PAIR, title="All tools")
    assert none is not None
    assert compose_summary(none, pages, urls, "compare/", env, {}).document is None


def _summary_markdown(labels: dict[str, str], **options: object) -> str:
    parsed = [parse_comparison(render(page), path).comparison for path, page in MATRIX_PAGES.items()]
    urls = {path: path.removesuffix(".md") + "/" for path in MATRIX_PAGES}
    model = build_summary([c for c in parsed if c is not None], urls, "compare/")
    return render_summary(model, Renderer().env, labels, **options).markdown  # type: ignore[arg-type]


def test_the_summary_page_text_with_its_defaults() -> None:
    text = _summary_markdown({})
    assert text.startswith("2 comparisons of Lattice with other tools, in 2 categories.\n")
    skip = '<p class="cmp-skip"><a href="#compare-matrix">Skip the cards to the feature matrix</a></p>'
    assert f"\n## Tools\n\n{skip}\n\n### Orchestrators\n\n<!-- mkdocs-compare " in text
    assert "\n### Trackers\n\n<!-- mkdocs-compare " in text
    assert "\n## Feature matrix\n\n<!-- mkdocs-compare " in text
    assert "---" not in text and "All verdicts" not in text


def test_the_summary_page_text_with_a_title_downloads_and_labels() -> None:
    labels = {"summary_intro": "{count} tools of {product}: {bad", "summary_tools": "Tools *all*"}
    text = _summary_markdown(
        labels, title="All <tools>", downloads=[("JSON", "comparisons.json"), ("CSV", "x.csv")]
    )
    assert text.startswith("---\n# A generated page")
    assert "\nhide:\n  - navigation\n  - toc\n---\n\n# All &lt;tools&gt;\n\n" in text
    # A placeholder that cannot be filled leaves the text as the maintainer wrote it.
    assert "\n&#123;count&#125; tools of &#123;product&#125;&#58; &#123;bad\n" in text
    assert "\nAll verdicts and notes&#58; [JSON](comparisons.json) · [CSV](x.csv)\n" in text
    assert "\n## Tools &#42;all&#42;\n" in text
    filled = _summary_markdown({"summary_intro": "{count} tools of {product}, {unknown}."})
    assert filled.startswith("2 tools of Lattice, .\n")


ROW_PAGES = {
    "compare/a.md": Page(
        tool="Conveyor", category="", icon_url="../img/c.svg", rows=[Row("Caching", "yes", "abc", "no", "de")]
    ),
    "compare/b.md": Page(
        tool="Hopper",
        product="Other",
        icon_url="javascript:alert(1)",
        rows=[Row("Caching", "yes", "f", "no", "g")],
    ),
    "compare/c.md": Page(tool="Sluice", category="trackers", rows=[Row("Caching")]),
}


def _row_model(summary_url: str = "compare/", **options: Any) -> SummaryModel:
    parsed = [parse_comparison(render(page), path).comparison for path, page in ROW_PAGES.items()]
    urls = {path: path.removesuffix(".md") + "/" for path in ROW_PAGES}
    return build_summary([c for c in parsed if c is not None], urls, summary_url, **options)


def test_rows_link_and_show_icons_from_the_summarys_place() -> None:
    model = _row_model()
    assert [(r.page.tool_name, r.url, r.href, r.icon, r.category) for r in model.rows] == [
        ("Conveyor", "compare/a/", "a/", "../img/c.svg", ""),  # the icon is img/c.svg in the docs
        ("Hopper", "compare/b/", "b/", "", "orchestrators"),  # not http(s) or relative: dropped
        ("Sluice", "compare/c/", "c/", "https://lattice.example.org/icons/conveyor.svg", "trackers"),
    ]
    assert _row_model("sum/x.html").rows[0].href == "../compare/a/"


def test_groups_the_product_and_the_note_budget() -> None:
    model = _row_model(labels={"summary_uncategorised": "Misc"})
    assert [(g.slug, g.name, [r.page.tool_name for r in g.rows]) for g in model.groups] == [
        ("orchestrators", "Orchestrators", ["Hopper"]),
        ("trackers", "Trackers", ["Sluice"]),
        ("", "Misc", ["Conveyor"]),  # pages without a category come last
    ]
    assert _row_model().groups[-1].name == "Other tools"
    assert model.product == "Lattice"  # two pages of three say so
    assert _row_model(product="Ours").product == "Ours"
    # Notes: abc + de, f + g, and Sluice's "Handles it natively." + "Needs a plugin.": 42 characters.
    assert model.inline_notes
    assert _row_model(note_budget=42).inline_notes and not _row_model(note_budget=41).inline_notes


def test_an_export_in_the_way_of_the_summary_page_is_left_out() -> None:
    plan = plan_summary(_collection(*PAIR), "compare/comparisons.json.md", PAIR, title="All")
    assert plan is not None
    assert plan.page == "compare/comparisons.json.md" and _exports(plan) == ["compare/comparisons.csv"]
    assert _problems(plan) == [("compare/comparisons.json.md:1", "warning")]
    assert "written to compare/comparisons.json/index.html" in plan.problems[0].message
