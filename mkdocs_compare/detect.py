"""Is a page that names the detect key really a comparison page?

A guide page can carry `toolName` in its front matter too. A comparison page also holds a
feature table (verdict-icon or note spans inside a `<table>`), or at least a title that reads
"X vs Y" (so that an export whose table was stripped is still rendered and warned about).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

from .fields import TITLE_RE

_TABLE_START_RE = re.compile(r"<table\b", re.I)


class _Found(Exception):
    pass


class _TableSniffer(HTMLParser):
    """Stops at the first `span.icon` or `span.tooltiptext` inside a table."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.tables = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables += 1
        elif tag == "span" and self.tables:
            classes = " ".join(value or "" for name, value in attrs if name == "class").split()
            if "icon" in classes or "tooltiptext" in classes:
                raise _Found

    def handle_endtag(self, tag: str) -> None:
        if tag == "table" and self.tables:
            self.tables -= 1


def has_feature_table(body: str) -> bool:
    """Whether the body holds a table with verdict-icon or note spans (read with html.parser
    from the first `<table` on, in one feed: the handler stops it at the first such span, and
    a single feed never rescans an unfinished tag as chunked feeds would)."""
    start = _TABLE_START_RE.search(body)
    if start is None:
        return False
    sniffer = _TableSniffer()
    try:
        sniffer.feed(body[start.start() :])
        sniffer.close()
    except _Found:
        return True
    return False


def is_comparison(meta: dict[str, Any], body: str) -> bool:
    """A page naming the detect key is a comparison page when it has a feature table or an
    "X vs Y" title."""
    title = meta.get("title")
    if isinstance(title, str) and TITLE_RE.match(title) is not None:
        return True  # the usual export, told without reading its body
    return has_feature_table(body)
