"""Page text helpers shared by the readers: entities, whitespace, and what counts as text."""

from __future__ import annotations

import html
import unicodedata

# Characters that show nothing: format characters (zero-width space and joiners, the BOM,
# bidi marks, soft hyphen) and controls. Whitespace (&nbsp; included) is dropped by split().
_INVISIBLE = frozenset({"Cf", "Cc"})


def clean(text: str) -> str:
    """Decode entities and collapse whitespace (including the &nbsp; of broken exports)."""
    # str.split() and re's \s agree on what whitespace is; split/join is ~5x faster than re.sub.
    return " ".join(html.unescape(text).split())


def squeeze(text: str) -> str:
    """Collapse whitespace of text already decoded (by the HTML parser)."""
    return " ".join(text.split())


def visible(text: str) -> bool:
    """Whether `text` shows anything: a zero-width joiner or a BOM alone is not text."""
    for char in text:  # usually decided by the first character
        if not char.isspace() and (char.isalnum() or unicodedata.category(char) not in _INVISIBLE):
            return True
    return False


def shown(text: str) -> str:
    """`text`, or "" when it shows nothing (so it is not kept as a name, a note or a section)."""
    return text if visible(text) else ""
