"""Exported comparison page (text) -> `Comparison` model, with located problems.

`parse_comparison` reads the front matter as MkDocs does (front_matter.py; salvage.py when
MkDocs reads none), decides whether the page is a comparison page (detect.py), reads the
typed fields (fields.py), then the body (body.py; the feature table by table.py).
No MkDocs import here.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from .body import BodyReader
from .detect import is_comparison
from .fields import Fields, read_header
from .front_matter import DEFAULT_DETECT_KEY as DEFAULT_DETECT_KEY  # re-exported
from .front_matter import Loaded, carries_key, may_name_key, normalize_newlines, read_front_matter
from .front_matter import split_front_matter as split_front_matter  # re-exported
from .language import guess_language
from .model import Comparison, Location, ParseResult, Problem, Severity, VerdictScale
from .salvage import salvage
from .verdicts import DEFAULT_SCALE

__all__ = ["guess_language"]  # imported from here by render.py

DEFAULT_MAX_FEATURES = 500


def decode_source(data: bytes, path: str) -> tuple[str, Problem | None]:
    """Decode a page as UTF-8, falling back to Windows-1252 (with a problem) instead of failing.

    Newlines are normalised as MkDocs' text-mode reading does, so the fallback text (which is
    given to MkDocs in place of the file) splits into front matter and body as the file would.
    """
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        text = normalize_newlines(data.decode("cp1252", errors="replace"))
        problem = Problem(
            Location(path, line),
            f"not valid UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start}); "
            "decoded as Windows-1252, please re-save the file as UTF-8",
        )
        return text, problem


def looks_like_comparison(text: str, key: str = DEFAULT_DETECT_KEY) -> bool:
    """Cheap test used before any parsing: true for every page that could be a comparison page
    (its front matter could name the key), false for nearly all others."""
    return may_name_key(text, key)


def parse_comparison(
    text: str,
    path: str,
    *,
    product: str | None = None,
    detect_key: str = DEFAULT_DETECT_KEY,
    max_features: int = DEFAULT_MAX_FEATURES,
    verdicts: VerdictScale = DEFAULT_SCALE,
) -> ParseResult:
    """Parse one source page (`verdicts`: which icon classes are verdicts).

    The result's `comparison` is None when the page is not a comparison page: its front
    matter, as MkDocs reads it, lacks the detect key, or the page has neither a feature table
    nor an "X vs Y" title (an info line then says so). A page whose front matter MkDocs cannot
    read but which names the key is rendered from what can be read, with an error. Every
    defect becomes a `Problem` and parsing goes on.
    """
    text = normalize_newlines(text)
    front = read_front_matter(text)
    problems: list[Problem] = []
    if front.meta is not None:
        if detect_key not in front.meta:
            return ParseResult(None)
        meta, loaded = front.meta, front.loaded
    elif carries_key(front.source, detect_key):
        meta, loaded, problem = salvage(front, path)
        problems.append(problem)
    else:
        return ParseResult(None)
    if not is_comparison(meta, front.body):
        line = loaded.key_lines.get(detect_key, 1) if loaded is not None else 1
        message = (
            f"front matter names {detect_key!r}, but the page has no feature table and its title "
            "does not read 'Product vs Tool': not a comparison page, left as it is"
        )
        return ParseResult(None, [Problem(Location(path, line, field=detect_key), message, Severity.INFO)])
    if loaded is not None:
        problems.extend(Problem(Location(path, n.line, field=n.key), n.message) for n in loaded.notes)
    parser = _Parser(
        path,
        front.source,
        meta,
        front.body,
        front.body_offset,
        product,
        detect_key,
        max_features,
        loaded,
        verdicts,
    )
    parser.problems[:0] = problems
    return parser.run()


class _Parser:
    """One page's parse: holds the problems list and the line index while scanning."""

    def __init__(
        self,
        path: str,
        front_matter: str,
        meta: dict[Any, Any],
        body: str,
        body_offset: int,
        product: str | None,
        detect_key: str,
        max_features: int,
        loaded: Loaded | None,
        verdicts: VerdictScale,
    ) -> None:
        self.path = path
        self.meta = {str(key): value for key, value in meta.items()}
        self.body = body
        self.body_offset = body_offset
        self.product = product
        self.detect_key = detect_key
        self.max_features = max_features
        self.problems: list[Problem] = []
        self.verdicts = verdicts
        self.fields = Fields(path, self.meta, loaded, front_matter, self.problems)
        self._newlines = [match.start() for match in re.finditer("\n", body)]

    # -- helpers -------------------------------------------------------------------------
    def line_at(self, offset: int) -> int:
        return self.body_offset + bisect.bisect_left(self._newlines, offset) + 1

    def warn(
        self,
        message: str,
        *,
        line: int = 0,
        row: int | None = None,
        severity: Severity = Severity.WARNING,
    ) -> None:
        """A body problem (located.Warn): every one has its line, and a table's its row."""
        self.problems.append(Problem(Location(self.path, line, row), message, severity))

    # -- the page --------------------------------------------------------------------------
    def run(self) -> ParseResult:
        comparison = read_header(self.fields, self.detect_key, self.product)
        self.parse_body(comparison)
        return ParseResult(comparison, self.problems)

    def parse_body(self, comparison: Comparison) -> None:
        BodyReader(self.line_at, self.warn, self.max_features, self.verdicts).read(comparison, self.body)
