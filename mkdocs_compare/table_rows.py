"""A table fragment's parser events -> rows of cells (text, icons, notes), each with its line.

Two real parsers feed the same row builder: expat when it reads the fragment as `html.parser`
would (see `safe_html`; also not when text lies outside the cells, whose line expat cannot
give), else `html.parser`. Both see the text `safe_html.prepare` made, so both run in linear
time; tests/test_table.py checks that they agree.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from .safe_html import SafeHTMLParser, Unsure, read_xml, xml_parser
from .text import squeeze, visible


@dataclass
class Cell:
    tag: str
    line: int
    text: list[str] = field(default_factory=list)
    icons: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class Row:
    line: int
    in_head: bool = False
    cells: list[Cell] = field(default_factory=list)


@functools.lru_cache(maxsize=1024)
def _split_classes(value: str) -> tuple[str, ...]:
    # Cached: exports repeat the same few class values ("icon yes") on every row.
    return tuple(value.split())


class RowBuilder:
    """The rows of a table from start/end/data events; `line()` says where the event is."""

    def __init__(self, line: Callable[[], int]) -> None:
        self.line = line
        self.rows: list[Row] = []
        self.row: Row | None = None
        self.cell: Cell | None = None
        self.depth = 0  # of open tables: 1 is the feature table, more is a nested one
        self.in_head = False
        self.in_note = 0  # depth inside <span class="tooltiptext">
        self.spans: list[bool] = []  # for each open span of the cell: is it a tooltiptext?
        self.stray: list[tuple[int, str]] = []  # text outside any cell
        self.nested: list[int] = []  # lines of nested tables

    def start(self, tag: str, attrs: Mapping[str, str | None]) -> None:
        """A start tag (lower-case from html.parser; expat's own spelling, else `Unsure`)."""
        cell = self.cell
        if cell is not None:  # every tag separates words, as the text of a cell is read
            (cell.notes if self.in_note else cell.text).append(" ")
        if tag == "span":
            if cell is None:
                return
            class_value = attrs.get("class")
            if class_value is None and any(key != "class" and key.lower() == "class" for key in attrs):
                raise Unsure  # expat keeps the spelling CLASS; html.parser would read it
            classes = _split_classes(class_value) if class_value else ()
            is_note = "tooltiptext" in classes
            self.spans.append(is_note)
            if is_note:
                self.in_note += 1
            elif "icon" in classes:
                cell.icons.append(" ".join(c for c in classes if c != "icon"))
        elif tag == "td" or tag == "th":
            if self.depth > 1:
                return
            line = self.line()
            if self.row is None:
                self.row = Row(line, self.in_head)
                self.rows.append(self.row)
            self.cell = Cell(tag, line)
            self.row.cells.append(self.cell)
            self.in_note, self.spans = 0, []
        elif tag == "tr":
            if self.depth > 1:
                return
            self.row = Row(self.line(), self.in_head)
            self.rows.append(self.row)
            self.cell, self.in_note, self.spans = None, 0, []
        elif tag == "table":
            self.depth += 1
            if self.depth == 2:
                self.nested.append(self.line())
        elif tag == "thead" and self.depth == 1:
            self.in_head = True
        elif not tag.islower():
            raise Unsure  # <TD> from expat: html.parser would read it as <td>

    def end(self, tag: str) -> None:
        cell = self.cell
        if cell is not None:
            (cell.notes if self.in_note else cell.text).append(" ")
        if tag == "span":
            if self.spans and self.spans.pop():
                self.in_note -= 1
                if self.in_note == 0 and cell is not None:
                    cell.notes.append("\n")
        elif tag in ("td", "th", "tr"):
            if self.depth > 1:
                return
            self.cell, self.in_note, self.spans = None, 0, []
            if tag == "tr":
                self.row = None
        elif tag == "table":
            self.depth = max(0, self.depth - 1)
        elif tag == "thead" and self.depth == 1:
            self.in_head = False
        elif not tag.islower():
            raise Unsure

    def data(self, data: str) -> None:
        cell = self.cell
        if cell is not None:
            (cell.notes if self.in_note else cell.text).append(data)
        elif not data.isspace() and visible(data):
            leading = len(data) - len(data.lstrip())
            self.stray.append((self.line() + data.count("\n", 0, leading), squeeze(data)))


class _Attributes(dict[str, "str | None"]):
    """html.parser's attribute list as a mapping: the first of repeated names counts."""

    def __init__(self, attrs: list[tuple[str, str | None]]) -> None:
        super().__init__(reversed(attrs))


class _HTMLRows(SafeHTMLParser):
    def __init__(self, first_line: int) -> None:
        super().__init__()
        offset = first_line - 1
        self.builder = RowBuilder(lambda: self.getpos()[0] + offset)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.builder.start(tag, _Attributes(attrs))

    def handle_endtag(self, tag: str) -> None:
        self.builder.end(tag)

    def handle_data(self, data: str) -> None:
        self.builder.data(data)


def _xml_rows(prepared: str, first_line: int) -> RowBuilder | None:
    """The rows as expat reads them, or None when only html.parser can say."""
    offset = first_line - 1
    builder = RowBuilder(lambda: parser.CurrentLineNumber + offset)

    def on_data(data: str) -> None:
        if builder.cell is None and not data.isspace() and visible(data):
            raise Unsure  # its line is not known exactly (expat buffers text)
        builder.data(data)

    parser = xml_parser(builder.start, builder.end, on_data)
    return builder if read_xml(parser, prepared) else None


def table_rows(prepared: str, first_line: int, *, fast: bool = True) -> RowBuilder:
    """The rows of a fragment `safe_html.prepare` returned, starting at source line `first_line`."""
    if fast and (builder := _xml_rows(prepared, first_line)) is not None:
        return builder
    parser = _HTMLRows(first_line)
    parser.read_prepared(prepared)
    return parser.builder
