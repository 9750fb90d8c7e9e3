"""The summary's model from pages (summary/build.py): keys, ranking, rows, groups, hints, by hand."""

from __future__ import annotations

import dataclasses
from typing import Any

from exported import Page, Row, render

from mkdocs_compare.model import Comparison
from mkdocs_compare.parse import parse_comparison
from mkdocs_compare.summary import SummaryModel, build_summary
from mkdocs_compare.summary_parts import SummaryParts


def _parsed(pages: dict[str, Page]) -> list[Comparison]:
    parsed = [parse_comparison(render(page), path).comparison for path, page in pages.items()]
    return [page for page in parsed if page is not None]


def _model(pages: dict[str, Page], **options: Any) -> SummaryModel:
    urls = {path: path.removesuffix(".md") + "/" for path in pages}
    return build_summary(_parsed(pages), urls, "compare/", **options)


def _hints(model: SummaryModel) -> list[str]:
    return [problem.message for problem in model.hints]


ALIASED = {
    "compare/a.md": Page(tool="Anvil", rows=[Row("Cache"), Row("Retries")]),
    "compare/b.md": Page(tool="Bellows", rows=[Row("Caching"), Row("Retries")]),
}


def test_an_alias_used_by_one_page_only_is_not_reported_unused() -> None:
    model = _model(ALIASED, aliases={"Cache": "Caching", "Retry": "Retries", "Nowhere": "Retries"})
    assert [(f.key, f.name, f.count) for f in model.features] == [
        ("caching", "Caching", 2),
        ("retries", "Retries", 2),
    ]
    assert _hints(model) == [
        "feature alias 'Retry' matches no feature name on any comparison page",
        "feature alias 'Nowhere' matches no feature name on any comparison page",
    ]


def test_an_alias_used_by_a_page_kept_from_the_last_build_is_not_reported_unused() -> None:
    parts = SummaryParts().begin("settings", ALIASED)
    aliases = {"Cache": "Caching"}
    assert _hints(_model(ALIASED, aliases=aliases, parts=parts)) == []
    again = _model(ALIASED, aliases=aliases, parts=parts.begin("settings", ALIASED))
    assert _hints(again) == []


def test_the_notes_budget_counts_both_notes_of_every_feature() -> None:
    pages = {
        "compare/a.md": Page(
            rows=[Row("Caching", "yes", "abcd", "no", "ef"), Row("Retries", "no", "", "yes", "g")]
        )
    }
    assert _model(pages, note_budget=7).inline_notes  # abcd + ef + g: 7 characters
    assert not _model(pages, note_budget=6).inline_notes


REVIEWED = {
    "compare/a.md": Page(
        tool="Anvil",
        icon_url="icons/anvil.svg",
        extra_front_matter="reviewed: 2026-03-01",
        rows=[Row("Caching", "yes", "a", "no", "b"), Row("Retries", "no", "c", "yes", "d"), Row("Caching")],
    ),
    "compare/b.md": Page(tool="Bellows", icon_url="", rows=[Row("Caching", "yes", "e", "yes", "f")]),
}


def test_rows_carry_the_review_date_and_the_icon_from_the_summarys_place() -> None:
    urls = {path: path.removesuffix(".md") + "/" for path in REVIEWED}
    model = build_summary(_parsed(REVIEWED), urls, "overview/")
    assert [(row.page.tool_name, row.reviewed, row.icon, row.href) for row in model.rows] == [
        ("Anvil", "2026-03-01", "../compare/icons/anvil.svg", "../compare/a/"),  # compare/icons/anvil.svg
        ("Bellows", "", "", "../compare/b/"),
    ]


def test_cells_link_to_their_row_and_say_which_verdicts_to_draw() -> None:
    model = _model(REVIEWED)
    assert [column.key for column in model.columns] == ["caching"]
    anvil, bellows = model.rows
    cells = [*anvil.cells.values(), *anvil.others]
    assert [(c.key, c.href, c.quiet, c.classes, c.feature.tool.note) for c in cells] == [
        ("caching", "a/#feature-caching", True, "t-n p-y pq", "b"),
        ("retries", "a/#feature-retries", False, "t-y p-n", "d"),
        ("caching", "a/#feature-caching-2", True, "t-n p-y pq", "Needs a plugin."),  # a second row
    ]
    assert [c.key for c in anvil.slots if c is not None] == ["caching"]
    assert [(c.href, c.quiet, c.classes) for c in bellows.slots if c is not None] == [
        ("b/#feature-caching", True, "t-y p-y pq")
    ]
    assert (anvil.tool_yes, anvil.product_yes, anvil.total) == (1, 2, 3)
    assert (bellows.tool_yes, bellows.product_yes, bellows.total) == (1, 1, 1)


def test_the_verdicts_said_are_those_of_every_page() -> None:
    pages = {
        "compare/a.md": Page(tool="Anvil", rows=[Row("Caching", "yes", "a", "maybe", "b")]),  # unknown
        "compare/b.md": Page(tool="Bellows", rows=[Row("Caching", "yes", "c", "yes", "d")]),
    }
    assert [kind.name for kind in _model(pages).used] == ["yes", "unknown"]


def test_the_product_is_the_commonest_name_and_none_without_names() -> None:
    pages = _parsed(REVIEWED)
    urls = {page.path: page.path for page in pages}
    unnamed = [dataclasses.replace(page, product_name="") for page in pages]
    assert build_summary(unnamed, urls, "compare/").product == ""
    renamed = [unnamed[0], dataclasses.replace(pages[1], product_name="Ours")]
    assert build_summary(renamed, urls, "compare/").product == "Ours"


def test_a_page_edited_between_two_builds_is_read_again() -> None:
    parts = SummaryParts().begin("settings", ALIASED)
    assert [f.name for f in _model(ALIASED, parts=parts).features] == ["Retries", "Cache", "Caching"]
    edited = {**ALIASED, "compare/a.md": Page(tool="Anvil", rows=[Row("Caching"), Row("Retries")])}
    again = _model(edited, parts=parts.begin("settings", edited))
    assert [(f.name, f.count) for f in again.features] == [("Caching", 2), ("Retries", 2)]
    assert [list(row.cells) for row in again.rows] == [["caching", "retries"], ["caching", "retries"]]
