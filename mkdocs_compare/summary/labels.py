"""The summary's texts, overridable with the plugin's `labels` like the pages' texts."""

from __future__ import annotations

from collections.abc import Mapping

from ..render import DEFAULT_LABELS

SUMMARY_LABELS: dict[str, str] = {
    "summary_intro": "{count} comparisons of {product} with other tools, in {categories} categories.",
    "summary_tools": "Tools",
    "summary_matrix": "Feature matrix",
    "summary_skip": "Skip the cards to the feature matrix",
    "summary_tool": "Tool",
    "summary_category": "Category",
    "summary_other": "Other features",
    "summary_yes_count": "{name}: yes",
    "summary_reviewed": "Reviewed",
    "summary_legend": "Each cell shows the tool's verdict ({verdicts}). {product}'s "
    "verdict follows it, smaller, only where it is not yes or where {product}'s pages disagree on "
    "the feature (marked ≠). Hover, focus or tap a cell for both notes and a link to the page.",
    "summary_legend_compact": "Each cell shows the tool's verdict ({verdicts}). "
    "{product}'s verdict follows it, smaller, only where it is not yes or where {product}'s pages "
    "disagree on the feature (marked ≠). The notes are on each comparison page: follow the tool's name.",
    "summary_columns": "Columns: the {shown} features mentioned by most pages.",
    "summary_left_out": "{left_out} more (mentioned by fewer pages) are listed per tool under “{other}”.",
    "summary_left_out_compact": "{left_out} more (mentioned by fewer pages) are on the comparison "
    "pages; “{other}” links there.",
    "summary_mentions": "Mentioned on {count} pages",
    "summary_more": "{count} more",
    "summary_downloads": "All verdicts and notes:",
    "summary_uncategorised": "Other tools",
    "summary_filter": "Category",
    "summary_all": "All categories",
    "summary_disputed": "{product}'s pages disagree on it",
    "summary_compare": "Compare",
    "summary_compare_with": "with",
    "summary_compare_pick": "choose a tool",
    "summary_compare_shared": "Features both pages mention",
    "summary_compare_only": "Only on {name}'s page",
    "summary_compare_close": "Back to the matrix",
    "summary_compare_link": "Link to this comparison",
    "summary_compare_product": "{product}",
    "summary_compare_compact": "The notes, and the features not shown as matrix columns, are on the pages.",
    "summary_note_open": "Open the row on {name}'s page",
}


def summary_labels(labels: Mapping[str, str]) -> dict[str, str]:
    """The summary's texts: the pages' and the summary's defaults, then the maintainer's `labels`."""
    return {**DEFAULT_LABELS, **SUMMARY_LABELS, **labels}
