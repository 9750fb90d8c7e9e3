"""The page body: the feature table, the code samples, the learn-more list and leftover text."""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from .located import Warn
from .model import CodeSample, Comparison, Severity
from .table import TableReader
from .text import clean as _clean
from .text import strip_tags as _strip_tags

_TABLE_RE = re.compile(r"<table\b[^>]*>([^<]*(?:<(?!/table\s*>)[^<]*)*)(?:</table\s*>|\Z)", re.I)
_FENCE_RE = re.compile(
    r"^[ \t]{0,3}(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^\n]*)\n(?P<code>.*?)"
    r"(?:^[ \t]{0,3}(?P=fence)[`~]*[ \t]*(?:\n|\Z)|(?P<unclosed>\Z))",
    re.S | re.M,
)
_PRE_RE = re.compile(
    r"<pre\b[^>]*>\s*<code\b[^>]*>(?P<code>[^<]*(?:<(?!/code\s*>\s*</pre\s*>)[^<]*)*)"
    r"(?:</code\s*>\s*</pre\s*>|(?P<unclosed>\Z))",
    re.I,
)
_LIST_RE = re.compile(r"<ul\b[^>]*>(?P<items>[^<]*(?:<(?!/ul\s*>)[^<]*)*)(?:</ul\s*>|(?P<unclosed>\Z))", re.I)
_ITEM_RE = re.compile(r"<li\b[^>]*>([^<]*(?:<(?!/li\s*>|li\b)[^<]*)*)", re.I)
_WRAPPER_RE = re.compile(r"</?div\b[^>]*>|</?tbody\b[^>]*>|</?thead\b[^>]*>", re.I)


class BodyReader:
    """Reads a page body into a `Comparison`; `line_at` maps a body offset to a source line."""

    def __init__(self, line_at: Callable[[int], int], warn: Warn, max_features: int) -> None:
        self.line_at = line_at
        self.warn = warn
        self.max_features = max_features

    def read(self, comparison: Comparison, body: str) -> None:
        table = _TABLE_RE.search(body)
        rest_start = 0
        if table is None:
            comparison.has_table = False
            self.warn("no feature table found (expected a <table> of features)", line=self.line_at(0))
        else:
            if not table.group(0).rstrip().lower().endswith("</table>"):
                self.warn(
                    "the feature table is not closed (</table> missing); the export looks truncated",
                    line=self.line_at(table.start()),
                )
            comparison.features = TableReader(self.line_at, self.warn).read(table.group(1), table.start(1))
            rest_start = table.end()
            if not comparison.features:
                self.warn("the feature table has no feature rows", line=self.line_at(table.start()))
            if len(comparison.features) > self.max_features:
                self.warn(
                    f"the feature table has {len(comparison.features)} rows, more than max_features "
                    f"({self.max_features}); all are kept, but check the export",
                    line=self.line_at(table.start()),
                )
        leading = body[: table.start()] if table else ""
        self.parse_rest(comparison, leading, 0)
        self.parse_rest(comparison, body[rest_start:], rest_start)
        if len(comparison.code_samples) > 2:
            self.warn(
                f"expected two code samples (product's, tool's), found {len(comparison.code_samples)}; "
                "the extra ones are shown after them",
                line=comparison.code_samples[2].line,
            )

    def parse_rest(self, comparison: Comparison, text: str, base: int) -> None:
        blocks: list[tuple[int, int]] = []
        candidates = (
            [(m.start(), "fence", m) for m in _FENCE_RE.finditer(text)]
            + [(m.start(), "pre", m) for m in _PRE_RE.finditer(text)]
            + [(m.start(), "list", m) for m in _LIST_RE.finditer(text)]
        )
        for start, kind, match in sorted(candidates, key=lambda item: item[0]):
            if any(s <= start < e for s, e in blocks):
                continue  # inside an earlier block (e.g. a <ul> inside a code fence)
            line = self.line_at(base + start)
            if kind == "fence":
                info = match.group("info").strip()
                language = info.split()[0].lstrip(".{").rstrip("}") if info else None
                code = match.group("code")
                if match.group("unclosed") is not None:
                    self.warn("code fence is not closed", line=line)
                self._add_code(comparison, code.rstrip("\n"), language or None, line)
            elif kind == "pre":
                code = html.unescape(match.group("code")).strip("\n")
                if match.group("unclosed") is not None:
                    self.warn("<pre><code> block is not closed", line=line)
                self._add_code(comparison, code, None, line)
            else:
                items = [_clean(_strip_tags(item)) for item in _ITEM_RE.findall(match.group("items"))]
                if match.group("unclosed") is not None:
                    self.warn("the list is not closed (</ul> missing)", line=line)
                comparison.learn_more.extend(item for item in items if item)
            blocks.append((start, match.end()))
        position = 0
        for start, end in [*sorted(blocks), (len(text), len(text))]:
            leftover = _clean(_strip_tags(_WRAPPER_RE.sub(" ", text[position:start])))
            if leftover:
                comparison.leftover_text.append(leftover)
                self.warn(
                    "text outside the table, code samples and list is kept as plain text",
                    line=self.line_at(
                        base + position + (len(text[position:start]) - len(text[position:start].lstrip()))
                    ),
                    severity=Severity.INFO,
                )
            position = max(position, end)

    def _add_code(self, comparison: Comparison, code: str, language: str | None, line: int) -> None:
        if "```" in code or "~~~" in code or "</code" in code.lower():
            self.warn("code sample contains fence characters or </code>; it is kept literal", line=line)
        comparison.code_samples.append(CodeSample(code=code, language=language, line=line))
