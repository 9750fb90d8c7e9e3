"""Where the parts of a page body are: tables, code samples, lists, in one forward scan.

The body is Markdown holding HTML blocks, so a `<table>` shown inside a fenced code block
or a comment is not the feature table: blocks are found in order, and each is skipped whole.
Every search starts where the previous block ended and each terminator is looked for once,
so the work is linear in the body's length whatever it holds (a regular expression that
scanned to a closing tag from every `<` made repeated openers quadratic).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# What can start a block: a comment, a tag we read, or a code fence at the start of a line.
_OPENER_RE = re.compile(r"<!--|<(?:table|pre|ul)\b|^[ \t]{0,3}(?:`{3,}|~{3,})", re.I | re.M)
_FENCE_OPEN_RE = re.compile(r"[ \t]{0,3}(`{3,}|~{3,})[ \t]*([^\n]*)\n")
_FENCE_LINE_RE = re.compile(r"^[ \t]{0,3}([`~]{3,})[ \t]*(?:\n|\Z)", re.M)
_TABLE_TAG_RE = re.compile(r"<table\b|</table\s*>|<!--", re.I)
_CODE_OPEN_RE = re.compile(r"\s*<code\b", re.I)
_PRE_CLOSE_RE = re.compile(r"</code\s*>\s*</pre\s*>", re.I)
_LIST_CLOSE_RE = re.compile(r"</ul\s*>", re.I)


@dataclass(frozen=True)
class Block:
    """One part of the body: `kind` is "table", "fence", "pre" or "list".

    `start`/`end` delimit the whole block, `inner_start`/`inner_end` its content (the code,
    the list's items, or for a table the whole `<table>…</table>`); `closed` is False when
    the body ended first; `info` is a fence's info string.
    """

    kind: str
    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool = True
    info: str = ""


class _Finder:
    """Searches that remember what they found, so no stretch of the body is searched twice."""

    def __init__(self, body: str) -> None:
        self.body = body
        self._gt_from, self._gt = len(body) + 1, -1  # the first ">" at or after _gt_from (-1: none)
        self._comment_end = -2

    def gt(self, start: int) -> int:
        """The offset of the first ">" at or after `start`, or -1 (callers ask in order)."""
        if not (self._gt_from <= start and (self._gt == -1 or self._gt >= start)):
            self._gt_from, self._gt = start, self.body.find(">", start)
        return self._gt

    def comment_end(self, start: int) -> int:
        """The end of the comment opened at `start`, or -1 when it is never closed."""
        if self._comment_end != -1 and self._comment_end < start + 2:
            self._comment_end = self.body.find("-->", start + 2)
        return self._comment_end + 3 if self._comment_end != -1 else -1


def find_blocks(body: str) -> list[Block]:
    """The blocks of `body` in order; everything between them is loose text (comments too)."""
    finder = _Finder(body)
    blocks: list[Block] = []
    position = 0
    while (match := _OPENER_RE.search(body, position)) is not None:
        start, token = match.start(), match.group().lower()
        block: Block | int
        if token == "<!--":
            end = finder.comment_end(start)
            position = end if end != -1 else start + 4  # an unclosed comment is text
            continue
        if token.startswith("<table"):
            block = _table(body, start, finder)
        elif token.startswith("<pre"):
            block = _pre(body, start, finder)
        elif token.startswith("<ul"):
            block = _list(body, start, finder)
        else:
            block = _fence(body, start)
        if isinstance(block, int):  # not what it looked like (no ">", no newline): text up to here
            position = max(block, start + 1)
            continue
        blocks.append(block)
        position = max(block.end, start + 1)
    return blocks


# Each reader returns its block, or the offset to go on from when there is none.


def _table(body: str, start: int, finder: _Finder) -> Block | int:
    if finder.gt(start) == -1:
        return start + 6
    depth, position = 0, start
    while (tag := _TABLE_TAG_RE.search(body, position)) is not None:
        text = tag.group()
        if text == "<!--":
            end = finder.comment_end(tag.start())
            position = end if end != -1 else tag.end()
        elif text[1] == "/":
            depth -= 1
            position = tag.end()
            if depth == 0:
                return Block("table", start, position, start, position)
        else:
            depth += 1
            position = tag.end()
    return Block("table", start, len(body), start, len(body), closed=False)


def _pre(body: str, start: int, finder: _Finder) -> Block | int:
    """A `<pre><code>` code sample (a `<pre>` without `<code>` is loose text)."""
    pre_end = finder.gt(start)
    if pre_end == -1:
        return start + 4
    code = _CODE_OPEN_RE.match(body, pre_end + 1)
    if code is None:
        return pre_end + 1
    code_end = finder.gt(code.end())
    if code_end == -1:
        return code.end()
    close = _PRE_CLOSE_RE.search(body, code_end + 1)
    if close is None:
        return Block("pre", start, len(body), code_end + 1, len(body), closed=False)
    return Block("pre", start, close.end(), code_end + 1, close.start())


def _list(body: str, start: int, finder: _Finder) -> Block | int:
    open_end = finder.gt(start)
    if open_end == -1:
        return start + 3
    close = _LIST_CLOSE_RE.search(body, open_end + 1)
    if close is None:
        return Block("list", start, len(body), open_end + 1, len(body), closed=False)
    return Block("list", start, close.end(), open_end + 1, close.start())


def _fence(body: str, start: int) -> Block | int:
    """A fenced code block: closed by a line of at least its fence, else open to the end."""
    opening = _FENCE_OPEN_RE.match(body, start)
    if opening is None:  # a fence on the last line, with no newline after it
        return len(body)
    fence, info = opening.group(1), opening.group(2).strip()
    code_start = position = opening.end()
    while (line := _FENCE_LINE_RE.search(body, position)) is not None:
        if line.group(1).startswith(fence):
            return Block("fence", start, line.end(), code_start, line.start(), info=info)
        position = line.end()
    return Block("fence", start, len(body), code_start, len(body), closed=False, info=info)
