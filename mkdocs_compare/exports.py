"""The summary's exports: every verdict and note of every page as JSON and as CSV.

Both are public formats (README, "Summary page and JSON export"): `JSON_VERSION` changes only
if a field changes meaning or goes away.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING, Any, TextIO

from .model import Assessment, Comparison
from .review import review_date
from .summary_parts import reuse, reuse_whole

if TYPE_CHECKING:  # the summary package imports this module: no import back at run time
    from .summary.model import SummaryModel, ToolRow

JSON_NAME = "comparisons.json"
CSV_NAME = "comparisons.csv"
JSON_VERSION = 1
_CSV_RISKY = ("=", "+", "-", "@", "\t", "\r")
# Rows written as one piece: under `mkdocs serve` a run of unchanged rows (the very objects of the
# last build) is handed out whole, so a rebuild writes a few dozen pieces, not one per page.
CHUNK_ROWS = 32


def _assessment(assessment: Assessment) -> dict[str, str]:
    return {"verdict": assessment.verdict, "note": assessment.note}


def _reviewed(page: Comparison) -> str | None:
    """The page's review date as an ISO date (`reviewed`, else the CMS's lastUpdated), or None."""
    date, _ = review_date(page)
    return date.isoformat() if date is not None else None


def export_data(model: SummaryModel) -> dict[str, Any]:
    """Every page's every feature, with its shared key: the JSON export's content."""
    return {**_head(model), "comparisons": [_comparison(model, row) for row in model.rows]}


def _head(model: SummaryModel) -> dict[str, Any]:
    """What the JSON export says before its comparisons."""
    return {
        "version": JSON_VERSION,
        "product": model.product,
        # The vocabulary, best first, "unknown" last: what each `verdict` value below means.
        "verdicts": [
            {"verdict": kind.name, "label": kind.label, "type": kind.type} for kind in model.verdicts.all
        ],
    }


def _comparison(model: SummaryModel, row: ToolRow) -> dict[str, Any]:
    """One page's entry of the JSON export."""
    return {
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


def as_text(write: Callable[[SummaryModel, TextIO], None], model: SummaryModel) -> str:
    """An export written whole into one text (the commands; the plugin streams it to a file)."""
    out = io.StringIO()
    write(model, out)
    return out.getvalue()


def export_json(model: SummaryModel) -> str:
    """The JSON export as one text (see `write_json`)."""
    return as_text(write_json, model)


def write_json(model: SummaryModel, out: TextIO) -> None:
    """The JSON export, one comparison per line (diff-friendly, and fast to write), written
    `CHUNK_ROWS` pages at a time: at 1,000 pages the whole text is megabytes, held for nothing.

    A line says a page, its URL and its features' keys: for equal ones, the last serve build's.
    """
    out.write(json.dumps(_head(model), ensure_ascii=False)[:-1] + ', "comparisons": [\n')
    for number, rows in enumerate(_chunks(model.rows)):
        if number:
            out.write(",\n")
        out.write(_run(model, "json", number, rows, _json_line, ",\n"))
    out.write("\n]}\n")


def _chunks(rows: list[ToolRow]) -> Iterator[tuple[ToolRow, ...]]:
    """The rows, `CHUNK_ROWS` at a time."""
    for start in range(0, len(rows), CHUNK_ROWS):
        yield tuple(rows[start : start + CHUNK_ROWS])


def _run(
    model: SummaryModel,
    kind: str,
    number: int,
    rows: tuple[ToolRow, ...],
    text: Callable[[SummaryModel, ToolRow], str],
    separator: str,
) -> str:
    """Run `number` of an export's (`kind`) rows: kept whole while its rows are the last build's,
    else joined from each row's text, kept for what it says."""

    def joined() -> str:
        return separator.join(
            reuse(model.parts, kind, row.page.path, _said(model, row), partial(text, model, row))
            for row in rows
        )

    return reuse_whole(model.parts, f"{kind}-rows", str(number), rows, joined)


def _said(model: SummaryModel, row: ToolRow) -> object:
    """What a page's export lines say: its model, URL and features' keys (not the matrix's classes)."""
    return (row.page, row.url, row.keys)


def _json_line(model: SummaryModel, row: ToolRow) -> str:
    return json.dumps(_comparison(model, row), ensure_ascii=False)


def _csv_cell(value: str) -> str:
    """Spreadsheets run cells starting with = + - @ as formulas: make those plain text."""
    return "'" + value if value.startswith(_CSV_RISKY) else value


def export_csv(model: SummaryModel) -> str:
    """The CSV export as one text (see `write_csv`)."""
    return as_text(write_csv, model)


def write_csv(model: SummaryModel, out: TextIO) -> None:
    """One line per tool and feature (a long-format matrix that spreadsheets pivot), written
    `CHUNK_ROWS` pages at a time."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        ["tool", "category", "url", "feature", "key", "tool_verdict", "tool_note", "product_verdict",
         "product_note", "reviewed"]
    )  # fmt: skip
    for number, rows in enumerate(_chunks(model.rows)):
        out.write(_run(model, "csv", number, rows, _csv_lines, ""))


def _csv_lines(model: SummaryModel, row: ToolRow) -> str:
    """A page's lines of the CSV export."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
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
