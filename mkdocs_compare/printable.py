"""Untrusted text made safe to print as one readable line of a log or a terminal.

File names and page text reach `check`'s output, `render`'s and the build log: a newline in a
file name would forge a line of the report, an ANSI escape would drive the terminal, and one
broken page could fill a screen. Control, format and line-separator characters are shown as
Python escapes and long texts are cut, saying how much was left out.
"""

from __future__ import annotations

import unicodedata

# Most characters of a message that are printed (the file and line always come first).
MESSAGE_LIMIT = 260
# Most characters of a field name (a front-matter key can be as long as a page).
FIELD_LIMIT = 40
# Cc: C0/C1 controls (newline, ESC, CSI); Cf: format characters (bidi overrides, zero widths);
# Zl, Zp: the Unicode line and paragraph separators.
_UNPRINTABLE = frozenset(("Cc", "Cf", "Zl", "Zp"))


def _escape(char: str) -> str:
    if unicodedata.category(char) not in _UNPRINTABLE:
        return char
    return char.encode("unicode_escape").decode("ascii")  # \n, \x1b, \u202e, \U000e0001


def escape_controls(text: str) -> str:
    """`text` with every control or format character escaped (`\\n`, `\\x1b`, `\\u202e`)."""
    if text.isprintable():
        return text
    return "".join(map(_escape, text))


def cut(text: str, limit: int) -> str:
    """At most about `limit` characters of `text`, saying how many were left out."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… ({len(text) - limit:,} more characters)"


def one_line(text: str, limit: int = MESSAGE_LIMIT) -> str:
    """`text` cut to `limit` characters, then escaped: printable as one line."""
    return escape_controls(cut(text, limit))
