"""A cheap guess at a code sample's language, for samples exported without one.

Exports often drop the language of a sample (`<pre><code>` blocks, bare fences), and a sample
without one stays grey while the rest of the site is highlighted. The guess is a few anchored
regular expressions over the sample's first lines, in three steps: signatures no other language
shares, then the language the page's other sample names (the two samples of a page are usually
in one language), then looser signatures; `text` (plain, unhighlighted) when nothing fits.
Bounded: only the first `_HEAD` characters are read, so a huge sample costs no more.
"""

from __future__ import annotations

import json
import re

_HEAD = 4000  # characters of a sample that are looked at

# Signatures no other common language shares (checked in this order). Each starts with a line
# break (the text searched gets one in front): a literal first character lets the regular
# expression engine skip ahead, where `^` with re.M is tried at every character.
_STRONG: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("bash", re.compile(r"\n[ \t]*\$ \S")),
    (
        "python",
        re.compile(
            r"\n(?:from [\w.]+ import \S|import \w[\w.]*[ \t]*(?:,|\n| as )"
            r"|(?:async )?def \w+\(|class \w+[(:]|if __name__ == )"
        ),
    ),
    (
        "sql",
        re.compile(
            r"\n[ \t]*(?:SELECT\b.*\bFROM\b|SELECT \S+|INSERT INTO|UPDATE \w+ SET|DELETE FROM"
            r"|CREATE (?:OR REPLACE )?(?:TABLE|VIEW|INDEX|SCHEMA|DATABASE)|ALTER TABLE|DROP TABLE)\b",
            re.I,
        ),
    ),
    (
        "javascript",
        re.compile(
            r"\n(?:import .+ from ['\"]|(?:const|let) \w+ = |export (?:default|const|function)\b"
            r"|module\.exports\b|function \w+\(.*\) ?\{)"
        ),
    ),
    ("dockerfile", re.compile(r"\A\n(?:#.*\n|[ \t]*\n)*FROM \S+(?: AS \w+)?[ \t]*\n")),
)
_SHEBANG = {"python": re.compile(r"\bpython"), "bash": re.compile(r"\b(?:ba|z|k)?sh\b")}
# Looser signatures, after the other sample's language.
_SHELL_COMMANDS = re.compile(
    r"\n[ \t]*(?:sudo |export \w+=)?(?:pip3?|python3? -m|docker|kubectl|helm|curl|wget|git|npm|npx|yarn"
    r"|brew|apt(?:-get)?|conda|uv|poetry|cd|mkdir|echo|make|terraform|aws|gcloud|az)\b"
)
_YAML_LINE = re.compile(r"[ \t]*(?:- )*[\w.\"'/-]+:(?:[ \t].*)?|[ \t]*- .*|[ \t]*#.*|---|\.\.\.")
_PYTHON_LOOSE = re.compile(r"\n\s*(?:@\w[\w.]*(?:\(|\n)|return\b|print\(|\w+ = \w[\w.]*\()")


def guess_language(code: str, other: str | None = None) -> str:
    """A lexer name for `code`; `other` is the language the page's other sample names, if any."""
    head = code[:_HEAD]
    if head.startswith("#!"):
        first = head.split("\n", 1)[0]
        for language, pattern in _SHEBANG.items():
            if pattern.search(first):
                return language
    text = f"\n{head}\n"
    for language, pattern in _STRONG:
        if pattern.search(text):
            return language
    if _is_json(code, head):
        return "json"
    if other:
        return other
    if _SHELL_COMMANDS.search(text):
        return "bash"
    if _is_yaml(head, cut=len(code) > _HEAD):
        return "yaml"
    if _PYTHON_LOOSE.search(text):
        return "python"
    return "text"


def _is_json(code: str, head: str) -> bool:
    """An object or array that parses (only short samples are parsed whole)."""
    stripped = head.lstrip()
    if not stripped.startswith(("{", "[")):
        return False
    if len(code) > _HEAD:
        return bool(re.match(r"[{\[]\s*(?:\"|\{|\[|\d|\]|\})", stripped))
    try:
        json.loads(code)
    except ValueError:
        return False
    return True


def _is_yaml(head: str, cut: bool) -> bool:
    """Every non-blank line a `key:`, a `- item`, a comment or a document marker, and at least
    one `key:` line (when the sample was `cut` short, its last, partial line is left out)."""
    lines = head.split("\n")
    lines = [line for line in (lines[:-1] if cut and len(lines) > 1 else lines) if line.strip()]
    if not lines or not any(":" in line for line in lines):
        return False
    return all(_YAML_LINE.fullmatch(line) for line in lines)
