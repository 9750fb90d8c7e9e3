"""The summary's texts, overridable with the plugin's `labels` like the pages' texts."""

from __future__ import annotations

from collections.abc import Mapping

from ..render import DEFAULT_LABELS

SUMMARY_LABELS: dict[str, str] = {
    "summary_intro": "{count} comparisons of {product} with other tools, in {categories} categories.",
    "summary_tools": "Tools",
    "summary_matrix": "Feature matrix",
    "summary_tool": "Tool",
    "summary_category": "Category",
    "summary_other": "Other features",
    "summary_yes_count": "{name}: yes",
    "summary_legend": "Each cell shows the tool's verdict first and {product}'s after it "
    "(✓ yes, ✗ no, ? not stated); hover or focus a cell for the notes, follow it to the page.",
    "summary_legend_compact": "Each cell shows the tool's verdict first and {product}'s after it "
    "(✓ yes, ✗ no, ? not stated). The notes are on each comparison page: follow the tool's name.",
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
}


def summary_labels(labels: Mapping[str, str]) -> dict[str, str]:
    """The summary's texts: the pages' and the summary's defaults, then the maintainer's `labels`."""
    return {**DEFAULT_LABELS, **SUMMARY_LABELS, **labels}
