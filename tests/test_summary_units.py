"""The summary's small pure pieces, on hand-written inputs and outputs (no site is built)."""

from __future__ import annotations

from mkdocs_compare.summary import insert_summary


def test_the_summary_goes_at_the_first_marker_only() -> None:
    page = "A\n<!-- compare-summary -->\nB\n<!-- compare-summary -->\nC\n"
    assert insert_summary(page, "SUM") == "A\n\n\nSUM\n\n\nB\n<!-- compare-summary -->\nC\n"


def test_without_a_marker_the_summary_follows_the_text_after_one_blank_line() -> None:
    assert insert_summary("Intro X\n\n\n", "SUM") == "Intro X\n\nSUM"
    assert insert_summary("Intro.  \n", "SUM") == "Intro.  \n\nSUM"
    assert insert_summary("", "SUM") == "\n\nSUM"
