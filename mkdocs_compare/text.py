"""Page text helpers shared by the readers: entity decoding, whitespace, tag stripping."""

from __future__ import annotations

import html
import re

TAG_RE = re.compile(
    r"<!--.*?(?:-->|\Z)|<(/?)([a-zA-Z][a-zA-Z0-9-]*)([^>\"']*(?:(?:\"[^\"]*\"|'[^']*')[^>\"']*)*)>", re.S
)


def strip_tags(text: str) -> str:
    return TAG_RE.sub(" ", text)


def clean(text: str) -> str:
    """Decode entities and collapse whitespace (including the &nbsp; of broken exports)."""
    # str.split() and re's \s agree on what whitespace is; split/join is ~5x faster than re.sub.
    return " ".join(html.unescape(text).split())
