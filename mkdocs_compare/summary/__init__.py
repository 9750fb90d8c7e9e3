"""The cross-tool summary: comparison pages -> summary model -> page, JSON and CSV.

Pure: knows nothing of MkDocs. `plan` decides where the page and the exports go, `build` makes
the model (`model` holds its types), `page` renders the page from templates, `merge` puts it
into a maintainer's page; `compose` runs a plan. The exports are `mkdocs_compare.exports`, the
feature-name matching `mkdocs_compare.features`.
"""

from __future__ import annotations

from .build import build_summary
from .categories import category_name, category_title
from .compose import compose_summary
from .labels import SUMMARY_LABELS, summary_labels
from .merge import SUMMARY_MARKER, insert_summary
from .model import (
    CategoryGroup,
    Cell,
    FeatureColumn,
    SummaryDocument,
    SummaryExport,
    SummaryModel,
    SummaryOutput,
    SummaryPlan,
    ToolRow,
)
from .page import render_summary
from .plan import plan_summary

__all__ = [
    "SUMMARY_LABELS",
    "SUMMARY_MARKER",
    "CategoryGroup",
    "Cell",
    "FeatureColumn",
    "SummaryDocument",
    "SummaryExport",
    "SummaryModel",
    "SummaryOutput",
    "SummaryPlan",
    "ToolRow",
    "build_summary",
    "category_name",
    "category_title",
    "compose_summary",
    "insert_summary",
    "plan_summary",
    "render_summary",
    "summary_labels",
]
