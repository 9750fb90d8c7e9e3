"""The stdlib HTML parser, fed so that no input makes it rescan: linear time on any text.

`html.parser` searches to the end of its input for the terminator of every construct it
starts; when none comes (`<!--` without `-->`, `</a` without `>`, `<![`), it moves on by a
character or a tag and searches again from the next `<`: quadratic on repeated openers
(CPython 3.11 and earlier 3.12/3.13 releases; the CVE-2025-6069 family), and later releases
read those cases differently. `prepare` settles them all first, in one pass, the same way on
every Python version: comments and other `<!`/`<?` markup are cut out (their line breaks
kept, so the parser's line numbers still point into the source), an opener that is never
closed becomes text (`&lt;`), and so does every `<` after the last `>`, where no tag can end.
`<script>` and `<style>` are read like any element, so a stray one cannot swallow the rows
after it.

Exports are nearly always well-formed XHTML, which the stdlib's expat (C, linear) reads about
seven times faster: `read_xml` answers only when expat reads a prepared fragment as
`html.parser` would (well-formed, every character reference decoded alike), and callers fall
back to `html.parser` otherwise; tests/test_table.py checks that the two agree.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping
from html.parser import HTMLParser
from xml.parsers import expat

_MARKUP_RE = re.compile(r"<[!?]")


def prepare(text: str) -> tuple[str, list[int]]:
    """`text` with comments cut and unclosed openers escaped; offsets of unclosed comments."""
    if "<!" not in text and "<?" not in text:
        return _escape_tail(text), []
    parts: list[str] = []
    unclosed: list[int] = []
    position = 0
    # The next terminator found so far (-1: none after that point), so nothing is searched twice.
    comment_end = gt = -2
    search = _MARKUP_RE.search
    while (match := search(text, position)) is not None:
        start = match.start()
        if text.startswith("<!--", start):
            if comment_end != -1 and comment_end < start + 2:
                comment_end = text.find("-->", start + 2)
            end = comment_end + 3 if comment_end != -1 else -1
        else:  # a doctype, CDATA, a bogus comment or a processing instruction: up to the next >
            if gt != -1 and gt < start + 2:
                gt = text.find(">", start + 2)
            end = gt + 1 if gt != -1 else -1
        parts.append(text[position:start])
        if end == -1:  # never closed: it is text, and what follows is read as usual
            if text.startswith("<!--", start):
                unclosed.append(start)
            parts.append("&lt;")
            position = start + 1
        else:
            parts.append("\n" * text.count("\n", start, end))
            position = end
    parts.append(text[position:])
    return _escape_tail("".join(parts)), unclosed


def unclosed_comments(count: int) -> str:
    """The warning for `count` comments that `prepare` found never closed (one per block)."""
    more = f" (and {count - 1} more after it)" if count > 1 else ""
    return f"an HTML comment is not closed (--> missing){more}; it is kept as text"


def _escape_tail(text: str) -> str:
    last = text.rfind(">")
    if text.find("<", last + 1) == -1:
        return text
    return text[: last + 1] + text[last + 1 :].replace("<", "&lt;")


class SafeHTMLParser(HTMLParser):
    """`HTMLParser` for untrusted fragments: call `read`, not `feed`."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def set_cdata_mode(self, *args: object, **kwargs: object) -> None:
        """Never read an element's content as raw text (<script>, <style>, <title>, …)."""

    def read(self, text: str) -> list[int]:
        """Parse the whole of `text`; return the offsets of comments left unclosed in it."""
        prepared, unclosed = prepare(text)
        self.read_prepared(prepared)
        return unclosed

    def read_prepared(self, prepared: str) -> None:
        """Parse text that `prepare` returned."""
        self.feed(prepared)
        self.close()


class TextParser(SafeHTMLParser):
    """The text of a fragment, each tag read as a space (as a browser separates blocks)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def text(self) -> str:
        return "".join(self.parts)


class Unsure(Exception):
    """Raised by a handler when expat cannot give what html.parser would (callers fall back)."""


_CHARREF_RE = re.compile(r"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+))")


def _charrefs_agree(prepared: str) -> bool:
    """Whether expat decodes every numeric reference as html.unescape does (which maps
    &#128;-&#159; through Windows-1252 and drops noncharacters)."""
    if "&#" not in prepared:
        return True
    for match in _CHARREF_RE.finditer(prepared):
        hex_digits, digits = match.groups()
        if len(hex_digits or digits) > 7:
            return False
        value = int(hex_digits, 16) if hex_digits else int(digits)
        if not (
            value in (9, 10) or 0x20 <= value < 0x7F or 0xA0 <= value < 0xD800 or 0xE000 <= value < 0xFDD0
        ):
            return False
    return True


StartTag = Callable[[str, Mapping[str, "str | None"]], None]  # (tag name, its attributes)


def xml_parser(
    start: StartTag, end: Callable[[str], None], data: Callable[[str], None]
) -> expat.XMLParserType:
    """An expat parser calling `start`, `end` and `data` as the HTML readers' handlers expect.

    Tag names keep expat's spelling: a handler that meets one not in lower case raises
    `Unsure` (html.parser would have lowered it).
    """
    parser = expat.ParserCreate()
    parser.buffer_text = True
    parser.UseForeignDTD(True)  # undefined entities (&nbsp;) are skipped, not errors
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = data
    parser.SkippedEntityHandler = lambda name, _is_parameter: data(html.unescape(f"&{name};"))
    return parser


def read_xml(parser: expat.XMLParserType, prepared: str) -> bool:
    """Parse a fragment `prepare` returned; False when only html.parser can read it exactly."""
    if not _charrefs_agree(prepared):
        return False
    try:
        parser.Parse(prepared, True)
    except (expat.ExpatError, Unsure, UnicodeEncodeError):  # expat reads UTF-8: no lone surrogates
        return False
    return True
