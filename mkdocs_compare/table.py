"""The feature table: its HTML fragment -> rows -> `Feature`s, with located warnings.

Read by a real parser (`table_rows`: expat or `html.parser`, fed through `safe_html`, so
linear on any input), which knows the line of every tag. Each `<tr>` with cells is a row,
`<th>` cells included; only a header row of labels before the first feature (all `<th>`, or
in `<thead>`, with no icon and no note) is skipped, and it is reported. A table nested in a
cell is read as text of that cell, and the rows after it are kept. Text in the table outside
any cell is handed back, to be kept as text.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

from .located import Warn
from .model import UNKNOWN, Assessment, Feature, Severity, VerdictScale
from .safe_html import prepare, unclosed_comments
from .table_rows import Cell, Row, table_rows
from .text import shown, squeeze, visible
from .verdicts import DEFAULT_SCALE


@dataclass
class Table:
    """What one table holds: its features, how many rows it had, and text outside its cells."""

    features: list[Feature]
    rows: int
    stray_text: list[tuple[int, str]]  # (line, text)


def read_table(
    fragment: str, first_line: int, warn: Warn, first_row: int = 1, verdicts: VerdictScale = DEFAULT_SCALE
) -> Table:
    """Read a `<table>…</table>` fragment starting at source line `first_line`.

    Rows are numbered from `first_row` (a page's second table goes on from its first). Icon
    classes are verdicts when `verdicts` maps them; any other is warned about.
    """
    prepared, unclosed = prepare(fragment)
    if unclosed:
        line = first_line + fragment.count("\n", 0, unclosed[0])
        warn(unclosed_comments(len(unclosed)), line=line)
    rows = table_rows(prepared, first_line)
    for line in rows.nested:
        warn("a table nested in a cell is read as text of that cell", line=line, severity=Severity.INFO)
    features: list[Feature] = []
    for number, row in enumerate(rows.rows, start=first_row):
        if not features and _is_header(row):
            labels = ", ".join(repr(squeeze("".join(cell.text))) for cell in row.cells)
            warn(
                f"header row skipped (labels only: {labels})",
                line=row.line,
                row=number,
                severity=Severity.INFO,
            )
            continue
        feature = _feature(row, number, warn, verdicts)
        if feature is not None:
            features.append(feature)
    return Table(features, len(rows.rows), rows.stray)


def _is_header(row: Row) -> bool:
    """Labels only: no icon, no note, and every cell a `<th>` (or the row in `<thead>`)."""
    return bool(row.cells) and all(
        (cell.tag == "th" or row.in_head) and not cell.icons and not visible("".join(cell.notes))
        for cell in row.cells
    )


def _feature(row: Row, number: int, warn: Warn, verdicts: VerdictScale) -> Feature | None:
    cells = row.cells
    name = " ".join("".join(cells[0].text).split()) if cells else ""
    if name and not name[0].isalnum():
        name = shown(name)
    if not name:
        if all(not visible("".join(c.text + c.notes)) and not c.icons for c in cells):
            warn("empty table row skipped", line=row.line, row=number)
            return None
        warn("feature name is empty", line=row.line, row=number)
        name = f"Feature {number}"
    count = len(cells)
    if count != 3:
        warn(f"row has {count} cells, expected 3 (feature, product, tool)", line=row.line, row=number)
    product = _assessment(cells[1], name, "product", number, warn, verdicts) if count > 1 else _UNSTATED
    tool = _assessment(cells[2], name, "tool", number, warn, verdicts) if count > 2 else _UNSTATED
    extra = (
        tuple(shown(squeeze("".join(c.text) + " " + "".join(c.notes))) for c in cells[3:])
        if count > 3
        else ()
    )
    # Pages of one site share their feature names and icon classes: one string each, not one per row.
    return Feature(name=sys.intern(name), product=product, tool=tool, line=row.line, extra_cells=extra)


_UNSTATED = Assessment(UNKNOWN)  # a cell the row does not have


def _assessment(
    cell: Cell, name: str, side: str, number: int, warn: Warn, verdicts: VerdictScale
) -> Assessment:
    note = " ".join("".join(cell.notes).split())
    loose_text = "".join(cell.text)
    if not loose_text.isspace():  # text beside the note (a nested table, an unwrapped note)
        loose_text = shown(" ".join(loose_text.split()))
        note = f"{shown(note)} {loose_text}".strip()
    elif note and not note[0].isalnum():
        note = shown(note)
    if not cell.icons:
        warn(f"{name!r}: the {side} cell has no verdict icon", line=cell.line, row=number)
        verdict, icon_class = UNKNOWN, ""
    else:
        icon_class = sys.intern(cell.icons[0])
        verdict = verdicts.verdict(icon_class)
        if verdict == UNKNOWN:
            expected = " or ".join(f"'icon {kind.name}'" for kind in verdicts.kinds)
            warn(
                f"{name!r}: unknown icon class 'icon {icon_class}' in the {side} cell "
                f"(expected {expected}, or map the class in the `verdicts` option)",
                line=cell.line,
                row=number,
            )
    if not note:
        warn(f"{name!r}: the {side} cell has no note (tooltiptext)", line=cell.line, row=number)
    return Assessment(verdict, note, icon_class)
