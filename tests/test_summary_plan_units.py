"""Where the summary and its exports go, and the problems that say why not (summary/plan.py).

The messages are written here by hand: a maintainer reads them to know what to change.
"""

from __future__ import annotations

from exported import Page, render

from mkdocs_compare.collection import Collection
from mkdocs_compare.parse import parse_comparison
from mkdocs_compare.summary import SummaryPlan, plan_summary

PAIR = ("compare/a.md", "compare/b.md")
OPTION_HINT = "set `summary_page` to another path"


def _collection(*paths: str) -> Collection:
    pages = {}
    for path in paths:
        comparison = parse_comparison(render(Page(tool=path[-4])), path).comparison
        assert comparison is not None
        pages[path] = comparison
    return Collection(pages)


def _plan(option: str | None, existing: list[str], **options: bool) -> SummaryPlan:
    plan = plan_summary(_collection(*PAIR), option, [*PAIR, *existing], title="All", **options)
    assert plan is not None
    return plan


def _problems(plan: SummaryPlan) -> list[str]:
    return [str(problem) for problem in plan.problems]


def test_no_summary_page_is_no_problem() -> None:
    plan = _plan("", [])
    assert (plan.page, plan.merge, plan.title, plan.problems) == ("", False, None, [])
    assert [export.path for export in plan.exports] == ["compare/comparisons.json", "compare/comparisons.csv"]


def test_a_maintainers_export_file_is_kept_and_said_so() -> None:
    plan = _plan(None, ["compare/comparisons.csv"])
    assert [export.path for export in plan.exports] == ["compare/comparisons.json"]
    assert _problems(plan) == [
        "compare/comparisons.csv: exists in the docs: the plugin's export is not written"
    ]


def test_a_page_written_where_an_export_goes_is_kept_and_said_so() -> None:
    plan = _plan(None, ["compare/comparisons.json.md"], csv_export=False)
    assert plan.exports == []
    assert _problems(plan) == [
        "compare/comparisons.json.md:1: written to compare/comparisons.json/index.html, which the "
        "plugin's export compare/comparisons.json would take: the export is left out and this file "
        "kept (rename the file, or turn the export off with `json_export`/`csv_export`)"
    ]


def test_a_page_written_where_the_summary_goes_is_kept_and_said_so() -> None:
    plan = _plan(None, ["compare.md"], json_export=False, csv_export=False)
    assert plan.page == "" and plan.title is None
    assert _problems(plan) == [
        "compare.md:1: written to compare/index.html, which the generated summary page "
        f"'compare/index.md' would take (as compare/index.html): the summary page is left out and "
        f"this file kept ({OPTION_HINT})"
    ]


def test_a_refused_summary_page_says_why() -> None:
    assert _problems(_plan("overview", [])) == [
        "mkdocs.yml (field 'summary_page'): 'overview' is not a Markdown (.md) path: no summary page"
    ]
    assert _problems(_plan("compare/a.md", [])) == [
        "compare/a.md:1: 'compare/a.md' is a comparison page, and the path of the summary page "
        f"(option `summary_page`): no summary page ({OPTION_HINT})"
    ]
    outside = _plan("../overview.md", [])
    assert (outside.page, outside.folder, outside.merge, outside.title, outside.exports) == (
        "",
        "",
        False,
        None,
        [],
    )
    assert _problems(outside) == [
        "mkdocs.yml (field 'summary_page'): '../overview.md' lies outside docs_dir: no summary page "
        "or exports are written"
    ]


def test_the_default_summary_page_on_a_comparison_page_names_the_default() -> None:
    plan = plan_summary(_collection("compare/index.md", "compare/b.md"), None, PAIR, title="All")
    assert plan is not None and plan.page == ""
    assert _problems(plan) == [
        "compare/index.md:1: 'compare/index.md' is a comparison page, and the path of the summary "
        "page (option `summary_page` (by default `index.md` of the comparison pages' folder)): no "
        f"summary page ({OPTION_HINT})"
    ]


def test_the_summary_page_keeps_every_character_of_its_path() -> None:
    plan = _plan("X/Xoverview.md", [])
    assert (plan.page, plan.folder, plan.problems) == ("X/Xoverview.md", "X", [])


def test_without_directory_urls_a_page_beside_the_folder_is_in_no_ones_way() -> None:
    existing = ["compare.md", "compare/comparisons.json.md"]  # compare.html, compare/comparisons.json.html
    plan = _plan(None, existing, use_directory_urls=False)
    assert (plan.page, plan.problems) == ("compare/index.md", [])
    assert [export.path for export in plan.exports] == ["compare/comparisons.json", "compare/comparisons.csv"]


def test_the_destinations_given_are_the_ones_checked() -> None:
    dests = {"a.md": "a/index.html", "notes.txt": "compare/comparisons.csv"}  # a plugin moved it there
    plan = plan_summary(_collection(*PAIR), None, ["compare.md", *dests], title="All", dests=dests)
    assert plan is not None
    assert (plan.page, [export.path for export in plan.exports]) == (
        "compare/index.md",
        ["compare/comparisons.json"],
    )
    assert [str(problem.location) for problem in plan.problems] == ["notes.txt:1"]


def test_without_directory_urls_the_summary_page_is_written_beside_its_folder() -> None:
    existing = ["compare/overview/index.md"]  # compare/overview/index.html
    plan = _plan("compare/overview.md", existing, use_directory_urls=False)  # compare/overview.html
    assert (plan.page, plan.title, plan.problems) == ("compare/overview.md", "All", [])
