"""The summary's exports: every verdict and note of every page as JSON and as CSV.

Both are public formats (README, "Summary page and JSON export"): `JSON_VERSION` changes only
if a field changes meaning or goes away.
"""

from __future__ import annotations

import csv
import io
import json
from typing import TYPE_CHECKING, Any

from .model import Assessment, Comparison
from .review import review_date

if TYPE_CHECKING:  # the summary package imports this module: no import back at run time
    from .summary.model import SummaryModel

JSON_NAME = "comparisons.json"
CSV_NAME = "comparisons.csv"
JSON_VERSION = 1
_CSV_RISKY = ("=", "+", "-", "@", "\t", "\r")


def _assessment(assessment: Assessment) -> dict[str, str]:
    return {"verdict": assessment.verdict, "note": assessment.note}


def _reviewed(page: Comparison) -> str | None:
    """The page's review date as an ISO date (`reviewed`, else the CMS's lastUpdated), or None."""
    date, _ = review_date(page)
    return date.isoformat() if date is not None else None


def export_data(model: SummaryModel) -> dict[str, Any]:
    """Every page's every feature, with its shared key: the JSON export's content."""
    return {
        "version": JSON_VERSION,
        "product": model.product,
        # The vocabulary, best first, "unknown" last: what each `verdict` value below means.
        "verdicts": [
            {"verdict": kind.name, "label": kind.label, "type": kind.type} for kind in model.verdicts.all
        ],
        "comparisons": [
            {
                "tool": row.page.tool_name,
                "title": row.page.title,
                "slug": row.page.slug,
                "url": row.url,
                "category": row.page.category,
                "reviewed": _reviewed(row.page),
                "features": [
                    {
                        "name": feature.name,
                        "key": model.keys[(row.page.path, index)],
                        "product": _assessment(feature.product),
                        "tool": _assessment(feature.tool),
                    }
                    for index, feature in enumerate(row.page.features)
                ],
            }
            for row in model.rows
        ],
    }


def export_json(model: SummaryModel) -> str:
    """The JSON export, one comparison per line (diff-friendly, and fast to write)."""
    data = export_data(model)
    comparisons = data.pop("comparisons")
    head = json.dumps(data, ensure_ascii=False)[:-1]
    lines = ",\n".join(json.dumps(item, ensure_ascii=False) for item in comparisons)
    return f'{head}, "comparisons": [\n{lines}\n]}}\n'


def _csv_cell(value: str) -> str:
    """Spreadsheets run cells starting with = + - @ as formulas: make those plain text."""
    return "'" + value if value.startswith(_CSV_RISKY) else value


def export_csv(model: SummaryModel) -> str:
    """One line per tool and feature (a long-format matrix that spreadsheets pivot)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        ["tool", "category", "url", "feature", "key", "tool_verdict", "tool_note", "product_verdict",
         "product_note", "reviewed"]
    )  # fmt: skip
    for row in model.rows:
        reviewed = _reviewed(row.page) or ""
        for index, feature in enumerate(row.page.features):
            writer.writerow(
                _csv_cell(value)
                for value in (
                    row.page.tool_name,
                    row.page.category,
                    row.url,
                    feature.name,
                    model.keys[(row.page.path, index)],
                    feature.tool.verdict,
                    feature.tool.note,
                    feature.product.verdict,
                    feature.product.note,
                    reviewed,
                )
            )
    return out.getvalue()
