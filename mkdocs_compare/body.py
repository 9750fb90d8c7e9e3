"""The page body: the feature table, the code samples, the learn-more list and leftover text.

`blocks.find_blocks` says where each part is; the table goes to `table.read_table`, lists and
loose text through the HTML parser (`safe_html`). Whatever is neither table, code nor list is
kept as leftover text (with a hint), so nothing the export says is lost; comments are not text.
"""

from __future__ import annotations

import functools
import html
from collections.abc import Callable

from .blocks import Block, find_blocks
from .located import Warn
from .model import CodeSample, Comparison, Severity, VerdictScale
from .safe_html import SafeHTMLParser, TextParser, Unsure, prepare, read_xml, unclosed_comments, xml_parser
from .table import read_table
from .text import shown, squeeze, visible
from .verdicts import DEFAULT_SCALE


class _Items:
    """The items of a `<ul>`'s content, and any text outside its `<li>`s, from parser events."""

    def __init__(self) -> None:
        self.items: list[list[str]] = []
        self.item: list[str] | None = None
        self.stray: list[str] = []

    def start(self, tag: str, _attrs: object = None) -> None:
        if tag == "li":
            self.item = []
            self.items.append(self.item)
        elif not tag.islower():
            raise Unsure  # <LI> from expat: html.parser would read it as <li>
        elif self.item is not None:
            self.item.append(" ")

    def end(self, tag: str) -> None:
        if tag == "li":
            self.item = None
        elif not tag.islower():
            raise Unsure
        elif self.item is not None:
            self.item.append(" ")

    def data(self, data: str) -> None:
        if self.item is not None:
            self.item.append(data)
        elif visible(data):
            self.stray.append(data)


class _HTMLItems(SafeHTMLParser):
    def __init__(self, items: _Items) -> None:
        super().__init__()
        self.items = items

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.items.start(tag)

    def handle_endtag(self, tag: str) -> None:
        self.items.end(tag)

    def handle_data(self, data: str) -> None:
        self.items.data(data)


def _list_items(content: str) -> tuple[_Items, list[int]]:
    """The items of a list's content (expat when it can, else html.parser), unclosed comments."""
    prepared, unclosed = prepare(content)
    items = _Items()
    if read_xml(xml_parser(items.start, items.end, items.data), f"<ul>{prepared}</ul>"):
        return items, unclosed
    items = _Items()
    _HTMLItems(items).read_prepared(prepared)
    return items, unclosed


def _gap_text(gap: str) -> tuple[str, tuple[int, ...]]:
    """The text a stretch between blocks shows ("" for none), and its unclosed comments."""
    # Most gaps are the same few wrappers (`<div data-rt-embed-type="true">`, `</div>`).
    return _short_gap_text(gap) if len(gap) < 200 else _read_gap(gap)


@functools.lru_cache(maxsize=256)
def _short_gap_text(gap: str) -> tuple[str, tuple[int, ...]]:
    return _read_gap(gap)


def _read_gap(gap: str) -> tuple[str, tuple[int, ...]]:
    if "<" not in gap and "&" not in gap:
        return shown(squeeze(gap)), ()
    parser = TextParser()
    unclosed = parser.read(gap)
    return shown(squeeze(parser.text())), tuple(unclosed)


class BodyReader:
    """Reads a page body into a `Comparison`; `line_at` maps a body offset to a source line."""

    def __init__(
        self,
        line_at: Callable[[int], int],
        warn: Warn,
        max_features: int,
        verdicts: VerdictScale = DEFAULT_SCALE,
    ) -> None:
        self.line_at = line_at
        self.warn = warn
        self.max_features = max_features
        self.verdicts = verdicts
        self.rows = 0  # table rows read so far: a second table's rows are numbered on

    def read(self, comparison: Comparison, body: str) -> None:
        blocks = find_blocks(body)
        position = 0
        tables = 0
        for block in blocks:
            self._loose_text(comparison, body, position, block.start)
            if block.kind == "table":
                self._table(comparison, body, block, tables)
                tables += 1
            elif block.kind == "list":
                self._list(comparison, body, block)
            else:
                self._code(comparison, body, block)
            position = block.end
        self._loose_text(comparison, body, position, len(body))
        if not tables:
            comparison.has_table = False
            self.warn("no feature table found (expected a <table> of features)", line=self.line_at(0))
        else:
            self._check_table(comparison, next(b for b in blocks if b.kind == "table"))
        if len(comparison.code_samples) > 2:
            self.warn(
                f"expected two code samples (product's, tool's), found {len(comparison.code_samples)}; "
                "the extra ones are shown after them",
                line=comparison.code_samples[2].line,
            )

    def _table(self, comparison: Comparison, body: str, block: Block, earlier: int) -> None:
        line = self.line_at(block.start)
        if not block.closed:
            self.warn(
                "the feature table is not closed (</table> missing); the export looks truncated", line=line
            )
        if earlier:
            self.warn(
                "another table after the feature table: its rows are added to the feature table's", line=line
            )
        table = read_table(body[block.start : block.end], line, self.warn, self.rows + 1, self.verdicts)
        comparison.features.extend(table.features)
        self.rows += table.rows
        for stray_line, text in table.stray_text:
            comparison.leftover_text.append(text)
            self.warn(
                "text in the table outside any cell is kept as plain text",
                line=stray_line,
                severity=Severity.INFO,
            )

    def _check_table(self, comparison: Comparison, first: Block) -> None:
        line = self.line_at(first.start)
        if not comparison.features:
            self.warn("the feature table has no feature rows", line=line)
        if len(comparison.features) > self.max_features:
            self.warn(
                f"the feature table has {len(comparison.features)} rows, more than max_features "
                f"({self.max_features}); all are kept, but check the export",
                line=line,
            )

    def _code(self, comparison: Comparison, body: str, block: Block) -> None:
        line = self.line_at(block.start)
        code = body[block.inner_start : block.inner_end]
        if block.kind == "fence":
            language = block.info.split()[0].lstrip(".{").rstrip("}") if block.info else None
            if not block.closed:
                self.warn("code fence is not closed", line=line)
            code, language = code.rstrip("\n"), language or None
        else:
            if not block.closed:
                self.warn("<pre><code> block is not closed", line=line)
            code, language = html.unescape(code).strip("\n"), None
        if "```" in code or "~~~" in code or "</code" in code.lower():
            self.warn("code sample contains fence characters or </code>; it is kept literal", line=line)
        comparison.code_samples.append(CodeSample(code=code, language=language, line=line))

    def _list(self, comparison: Comparison, body: str, block: Block) -> None:
        if not block.closed:
            self.warn("the list is not closed (</ul> missing)", line=self.line_at(block.start))
        parser, unclosed = _list_items(body[block.inner_start : block.inner_end])
        self._comments(unclosed, block.inner_start)
        for parts in parser.items:
            item = shown(squeeze("".join(parts)))
            if item:
                comparison.learn_more.append(item)
        stray = shown(squeeze(" ".join(parser.stray)))
        if stray:
            comparison.leftover_text.append(stray)
            self.warn(
                "text in the list outside any item is kept as plain text",
                line=self.line_at(block.start),
                severity=Severity.INFO,
            )

    def _loose_text(self, comparison: Comparison, body: str, start: int, end: int) -> None:
        """Text between blocks: kept as a paragraph, with a hint, unless it shows nothing."""
        gap = body[start:end]
        if not gap or gap.isspace():
            return
        text, unclosed = _gap_text(gap)
        self._comments(list(unclosed), start)
        if text:
            comparison.leftover_text.append(text)
            self.warn(
                "text outside the table, code samples and list is kept as plain text",
                line=self.line_at(start + len(gap) - len(gap.lstrip())),
                severity=Severity.INFO,
            )

    def _comments(self, unclosed: list[int], base: int) -> None:
        if unclosed:
            self.warn(unclosed_comments(len(unclosed)), line=self.line_at(base + unclosed[0]))
