"""The summary's verdicts: their words, the legend, their sort order and the glyphs' style.

compare.css draws yes, no and unknown (`t-y`, `t-n`, `t-u`). Other verdicts of the `verdicts`
option (and defaults given another type) get their glyph and colour from a `<style>` block
made here: its selectors are the package's own codes (`t-v2`), its glyphs and colours come from
fixed tables keyed on the admonition type, so no config text reaches it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from markupsafe import Markup

from ..model import VerdictKind, VerdictScale
from ..verdicts import ADMONITION_TYPES, glyph

# What compare.css draws itself: (code, type).
_STATIC = {("y", "success"), ("n", "failure"), ("u", "question")}


class VerdictLabels(dict[str, str]):
    """Verdict -> label, for templates; a verdict the scale lacks reads as UNKNOWN's label."""

    def __init__(self, verdicts: VerdictScale) -> None:
        super().__init__((kind.name, kind.label) for kind in verdicts.all)
        self.unknown = verdicts.unknown.label

    def __missing__(self, key: str) -> str:
        return self.unknown


def legend_text(used: Iterable[VerdictKind]) -> str:
    """The legend's "✓ Yes, ✗ No, ◐ Partly": the verdicts the pages say, in the vocabulary's order."""
    return ", ".join(f"{glyph(kind)} {kind.label}" for kind in used)


def sort_order(verdicts: VerdictScale) -> str:
    """The codes best first (UNKNOWN last), for compare.js's verdict sort: "y n v2 u"."""
    return " ".join(kind.code for kind in verdicts.all)


def code_labels(verdicts: VerdictScale) -> str:
    """JSON of each verdict's code and label ({"y": "Yes", ...}), for compare.js: a cell's
    classes name its verdicts by code, so the script never splits the cell's text (a label may
    hold " / " or ": ")."""
    return json.dumps({kind.code: kind.label for kind in verdicts.all}, ensure_ascii=False)


def _css_string(text: str) -> str:
    return '"' + "".join(f"\\{ord(char):x} " for char in text) + '"'


def glyph_style(verdicts: VerdictScale) -> Markup:
    """A `<style>` for the verdicts compare.css does not draw; empty for the default vocabulary."""
    rules = []
    for kind in verdicts.all:
        drawn_as = ADMONITION_TYPES.get(kind.type, "question")
        if (kind.code, drawn_as) in _STATIC:
            continue
        code, mark, colour = kind.code, _css_string(glyph(kind)), f"var(--cmp-{drawn_as}-fg)"
        rules.append(
            f".cmp-matrix .t-{code}::before,.cmp-matrix .p-{code}::after"
            f'{{content:{mark};content:{mark} / "";color:{colour}}}'
            f".cmp-glyphs.t-{code}::before,.cmp-glyphs.p-{code}::after,.cmp-v-{code}>strong::before"
            f"{{content:{_css_string(glyph(kind) + ' ')};color:{colour}}}"
        )
    if not rules:
        return Markup("")
    rules.append(".cmp-matrix .pq::after,.cmp-glyphs.pq::after{content:none}")
    return Markup("<style>" + "".join(rules) + "</style>\n")
