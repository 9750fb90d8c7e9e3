"""The feature table: its HTML fragment -> rows -> `Feature`s, with located warnings."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from .located import Warn
from .model import Assessment, Feature, Verdict
from .text import TAG_RE as _TAG_RE
from .text import clean as _clean

# The table as exports usually write it (any of the three layouts): a cell of a name, then two
# cells of an icon and a note, with only whitespace between tags. Such a table is read a row per
# match; anything else (an odd class, markup in a note, a missing cell) goes to the tokenizer.
_FAST_CELL = (
    r'\s*<td class="tooltip">\s*<span class="icon (yes|no)"></span>\s*'
    r'<span class="tooltiptext">([^<]*)</span>\s*</td>'
)
_FAST_ROW_RE = re.compile(r"\s*(<tr>)\s*<td>([^<]*)</td>" + _FAST_CELL + _FAST_CELL + r"\s*</tr>")
_FAST_START_RE = re.compile(r"\s*(?:<tbody>)?")
_FAST_END_RE = re.compile(r"\s*(?:</tbody>\s*)?")
_VERDICTS = {"yes": Verdict.YES, "no": Verdict.NO}  # icon class -> verdict
_CLASS_RE = re.compile(r"""\bclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)


@dataclass
class _Cell:
    tag: str
    line: int
    text: list[str] = field(default_factory=list)
    icons: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class _Row:
    line: int
    cells: list[_Cell] = field(default_factory=list)


class TableReader:
    """Reads one table fragment; `line_at` maps a body offset to a source line."""

    def __init__(self, line_at: Callable[[int], int], warn: Warn) -> None:
        self.line_at = line_at
        self.warn = warn

    def read(self, fragment: str, base: int) -> list[Feature]:
        features = self.parse_plain_table(fragment, base)
        return features if features is not None else self.parse_any_table(fragment, base)

    def parse_plain_table(self, fragment: str, base: int) -> list[Feature] | None:
        """The features of a table written the usual way, or None to use `parse_any_table`.

        About three times faster than the tokenizer; the two agree wherever this one answers
        (tests/test_properties.py checks it), and this one answers only for tables that give
        no warning: every name and note present, every icon `yes` or `no`.
        """
        start = _FAST_START_RE.match(fragment)
        position = start.end() if start else 0
        features = []
        match_row = _FAST_ROW_RE.match
        while (row := match_row(fragment, position)) is not None:
            _, name, product_icon, product_note, tool_icon, tool_note = row.groups()
            name, product_note, tool_note = _clean(name), _clean(product_note), _clean(tool_note)
            if not (name and product_note and tool_note):
                return None
            product = Assessment(_VERDICTS[product_icon], product_note, product_icon)
            tool = Assessment(_VERDICTS[tool_icon], tool_note, tool_icon)
            features.append(Feature(name, product, tool, line=self.line_at(base + row.start(1))))
            position = row.end()
        end = _FAST_END_RE.match(fragment, position)
        if not features or end is None or end.end() != len(fragment):
            return None
        return features

    def parse_any_table(self, fragment: str, base: int) -> list[Feature]:
        """The features of any table, tag by tag, with a warning for each defect."""
        rows = list(self._rows(fragment, base))
        features: list[Feature] = []
        for number, row in enumerate(rows, start=1):
            if row.cells and all(cell.tag == "th" for cell in row.cells):
                continue  # a header row: labels only, nothing to keep
            feature = self._feature(row, number)
            if feature is not None:
                features.append(feature)
        return features

    def _rows(self, fragment: str, base: int) -> Iterator[_Row]:
        row: _Row | None = None
        cell: _Cell | None = None
        in_note = 0  # depth inside <span class="tooltiptext">
        span_stack: list[bool] = []  # for each open span: is it a tooltiptext?
        position = 0
        for match in _TAG_RE.finditer(fragment):
            start = match.start()
            text = fragment[position:start]
            position = match.end()
            if cell is not None and text:
                (cell.notes if in_note else cell.text).append(text)
            slash, name, attributes = match.groups()
            if name is None:
                continue  # a comment
            closing, tag = slash == "/", name.lower()
            # Lines are looked up only where a row or cell starts (the hot loop of the parse).
            if tag == "tr":
                if row is not None:
                    yield row
                row = None if closing else _Row(self.line_at(base + start))
                cell, in_note, span_stack = None, 0, []
            elif tag in ("td", "th"):
                if closing:
                    cell = None
                    in_note, span_stack = 0, []
                else:
                    line = self.line_at(base + start)
                    if row is None:
                        row = _Row(line)
                    cell = _Cell(tag, line)
                    row.cells.append(cell)
            elif tag == "span" and cell is not None:
                if closing:
                    if span_stack and span_stack.pop():
                        in_note -= 1
                        if in_note == 0:
                            cell.notes.append("\n")
                    continue
                classes = _classes(attributes)
                is_note = "tooltiptext" in classes
                span_stack.append(is_note)
                if is_note:
                    in_note += 1
                elif "icon" in classes:
                    cell.icons.append(" ".join(c for c in classes if c != "icon") or "")
            elif tag == "br" and cell is not None:
                (cell.notes if in_note else cell.text).append(" ")
        if row is not None:
            yield row

    def _feature(self, row: _Row, number: int) -> Feature | None:
        cells = row.cells
        name = _clean(" ".join(cells[0].text)) if cells else ""
        if not cells or (
            not name and all(not _clean("".join(c.text + c.notes)) and not c.icons for c in cells)
        ):
            self.warn("empty table row skipped", line=row.line, row=number)
            return None
        if not name:
            self.warn("feature name is empty", line=row.line, row=number)
            name = f"Feature {number}"
        if len(cells) != 3:
            self.warn(
                f"row has {len(cells)} cells, expected 3 (feature, product, tool)", line=row.line, row=number
            )
        product = self._assessment(cells[1] if len(cells) > 1 else None, name, "product", number, row.line)
        tool = self._assessment(cells[2] if len(cells) > 2 else None, name, "tool", number, row.line)
        extra = tuple(_clean(" ".join(c.text + c.notes)) for c in cells[3:])
        return Feature(name=name, product=product, tool=tool, line=row.line, extra_cells=extra)

    def _assessment(self, cell: _Cell | None, name: str, side: str, number: int, line: int) -> Assessment:
        if cell is None:
            return Assessment(Verdict.UNKNOWN)
        note = _clean(" ".join(cell.notes))
        loose_text = _clean(" ".join(cell.text))
        if loose_text:
            note = f"{note} {loose_text}".strip()
        if not cell.icons:
            self.warn(f"{name!r}: the {side} cell has no verdict icon", line=cell.line, row=number)
            verdict, icon_class = Verdict.UNKNOWN, ""
        else:
            icon_class = cell.icons[0]
            verdict = _VERDICTS.get(icon_class.lower(), Verdict.UNKNOWN)
            if verdict is Verdict.UNKNOWN:
                self.warn(
                    f"{name!r}: unknown icon class 'icon {icon_class}' in the {side} cell "
                    "(expected 'icon yes' or 'icon no')",
                    line=cell.line,
                    row=number,
                )
        if not note:
            self.warn(f"{name!r}: the {side} cell has no note (tooltiptext)", line=cell.line, row=number)
        return Assessment(verdict, note, icon_class)


@functools.lru_cache(maxsize=1024)
def _classes(attributes: str) -> tuple[str, ...]:
    # Cached: exports repeat the same few attribute strings (class="icon yes") on every row.
    match = _CLASS_RE.search(attributes)
    if not match:
        return ()
    value = next(group for group in match.groups() if group is not None)
    return tuple(value.split())
