"""The verdict vocabulary (option `verdicts`): which icon classes are verdicts, their labels and types.

Exports say more than yes and no ("partial", "via plugin"): a maintainer maps each icon class to
a label and a Material admonition type, merged over the defaults. The option is config, trusted
less than code: its class names must be plain CSS class names and its types come from a fixed
list, so neither can carry markup into an attribute; labels are escaped wherever they go.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from .model import UNKNOWN, VerdictKind, VerdictScale

# Material's admonition types and their aliases -> the type they are drawn as.
ADMONITION_TYPES: dict[str, str] = {
    **dict.fromkeys(("note",), "note"),
    **dict.fromkeys(("abstract", "summary", "tldr"), "abstract"),
    **dict.fromkeys(("info", "todo"), "info"),
    **dict.fromkeys(("tip", "hint", "important"), "tip"),
    **dict.fromkeys(("success", "check", "done"), "success"),
    **dict.fromkeys(("question", "help", "faq"), "question"),
    **dict.fromkeys(("warning", "caution", "attention"), "warning"),
    **dict.fromkeys(("failure", "fail", "missing"), "failure"),
    **dict.fromkeys(("danger", "error"), "danger"),
    **dict.fromkeys(("bug",), "bug"),
    **dict.fromkeys(("example",), "example"),
    **dict.fromkeys(("quote", "cite"), "quote"),
}

# The glyph the summary draws for each type (a verdict's label says it in words beside it).
TYPE_GLYPH: dict[str, str] = {
    "note": "\u270e",  # ✎
    "abstract": "\u2261",  # ≡
    "info": "+",
    "tip": "\u2605",  # ★
    "success": "\u2713",  # ✓
    "question": "?",
    "warning": "\u25d0",  # ◐
    "failure": "\u2717",  # ✗
    "danger": "!",
    "bug": "!",
    "example": "\u25c6",  # ◆
    "quote": "\u201c",  # “
}

# The defaults, in their order: (label, type). Their labels fall back on `labels.yes`/`labels.no`.
DEFAULT_VERDICTS: dict[str, tuple[str, str]] = {"yes": ("Yes", "success"), "no": ("No", "failure")}
# The summary's short names of the defaults (`t-y`); other verdicts are `v<place>`.
_CODES = {"yes": "y", "no": "n", UNKNOWN: "u"}
_CLASS_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
LABEL_LIMIT = 80


class VerdictsError(ValueError):
    """The `verdicts` option is malformed; the message says which entry and why."""


def glyph(kind: VerdictKind) -> str:
    """The glyph the summary shows for a verdict, from its admonition type."""
    return TYPE_GLYPH[ADMONITION_TYPES.get(kind.type, "question")]


def read_verdicts(value: Any) -> dict[str, dict[str, str]]:
    """The option checked and normalised: lowercase class -> {label?, type?}, in its order.

    Classes other than `yes` and `no` need both a label and a type; `unknown` is reserved (the
    verdict of a cell with no icon or an unmapped one: its label is `labels.unknown`).
    """
    if not isinstance(value, Mapping):
        raise VerdictsError(
            f"expected a mapping of icon class -> {{label, type}}, got {type(value).__name__}"
        )
    out: dict[str, dict[str, str]] = {}
    for key, entry in value.items():
        name = _class_name(key)
        if name in out:
            raise VerdictsError(f"icon class {key!r} is given twice (classes are matched ignoring case)")
        out[name] = _entry(name, entry)
    return out


def _class_name(key: Any) -> str:
    if isinstance(key, bool):  # YAML 1.1 (PyYAML, so mkdocs.yml) reads a bare `yes:` as true
        return "yes" if key else "no"
    if not isinstance(key, str) or not _CLASS_RE.fullmatch(key):
        raise VerdictsError(
            f"{key!r} is not a plain CSS class name (a letter or _, then letters, digits, - or _), "
            'as the export writes it in <span class="icon ...">'
        )
    name = key.lower()
    if name == UNKNOWN:
        raise VerdictsError(
            "'unknown' is reserved: it is the verdict of a cell with no icon or an unmapped one "
            "(its label is `labels.unknown`)"
        )
    return name


def _entry(name: str, entry: Any) -> dict[str, str]:
    if entry is None and name in DEFAULT_VERDICTS:
        return {}
    if not isinstance(entry, Mapping):
        raise VerdictsError(
            f"{name!r}: expected a mapping with `label` and `type`, got {type(entry).__name__}"
        )
    unknown = sorted(str(key) for key in entry if key not in ("label", "type"))
    if unknown:
        keys = ", ".join(map(repr, unknown))
        raise VerdictsError(f"{name!r}: unknown key(s) {keys} (only `label` and `type`)")
    out: dict[str, str] = {}
    if "label" in entry:
        label = entry["label"]
        if not isinstance(label, str) or not label.strip():
            raise VerdictsError(f"{name!r}: `label` must be a non-empty string, got {label!r}")
        if len(label) > LABEL_LIMIT or any(ord(char) < 32 or ord(char) == 127 for char in label):
            raise VerdictsError(
                f"{name!r}: `label` must be one line of at most {LABEL_LIMIT} characters, got {label[:100]!r}"
            )
        out["label"] = label.strip()
    if "type" in entry:
        kind = entry["type"]
        if not isinstance(kind, str) or kind not in ADMONITION_TYPES:
            raise VerdictsError(
                f"{name!r}: `type` {kind!r} is not a Material admonition type "
                f"(one of {', '.join(dict.fromkeys(ADMONITION_TYPES.values()))}, or an alias such as caution)"
            )
        out["type"] = kind
    missing = [key for key in ("label", "type") if key not in out]
    if missing and name not in DEFAULT_VERDICTS:
        raise VerdictsError(f"{name!r}: missing {' and '.join(f'`{key}`' for key in missing)}")
    return out


def verdict_scale(
    entries: Mapping[str, Mapping[str, str]] | None = None, labels: Mapping[str, str] | None = None
) -> VerdictScale:
    """The vocabulary: the option's entries (from `read_verdicts`) merged over the defaults.

    Order: the defaults the option does not name first (yes, no), then the option's entries in
    its order, so listing `yes`, `partial`, `no` puts `partial` between them. A default's label
    is the option's, else `labels.yes`/`labels.no`, else "Yes"/"No"; UNKNOWN's is `labels.unknown`.
    """
    entries = entries or {}
    labels = labels or {}
    names = [name for name in DEFAULT_VERDICTS if name not in entries] + list(entries)
    kinds = []
    for place, name in enumerate(names):
        default_label, default_type = DEFAULT_VERDICTS.get(name, (name, "question"))
        entry = entries.get(name, {})
        label = entry.get("label") or (labels.get(name) if name in DEFAULT_VERDICTS else "") or default_label
        code = _CODES.get(name, f"v{place}")
        kinds.append(VerdictKind(name, label, entry.get("type") or default_type, code))
    unknown = VerdictKind(UNKNOWN, labels.get(UNKNOWN) or "Not stated", "question", _CODES[UNKNOWN])
    return VerdictScale(tuple(kinds), unknown)


DEFAULT_SCALE = verdict_scale()


def counts_as_yes(kind: VerdictKind) -> bool:
    """Whether the summary's totals count a verdict: those drawn as success (yes, by default).

    A "partial" (warning) or "via plugin" (info) is not a yes; give a class the `success` type
    to have it counted.
    """
    return ADMONITION_TYPES.get(kind.type) == "success"
