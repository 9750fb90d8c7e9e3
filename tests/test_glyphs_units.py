"""The summary's verdict words, legend, sort order and glyph style (summary/glyphs.py), by hand.

Expected CSS is written from the CSS escape rule (a backslash, the code point in hex, a space):
◐ is U+25D0, ! is U+0021, a space U+0020.
"""

from __future__ import annotations

from mkdocs_compare.model import VerdictKind, VerdictScale
from mkdocs_compare.summary.glyphs import VerdictLabels, glyph_style, legend_text, sort_order
from mkdocs_compare.verdicts import verdict_scale


def _scale() -> VerdictScale:
    return verdict_scale(
        {"partial": {"label": "Partly", "type": "warning"}, "no": {"label": "Nope", "type": "danger"}}
    )


def test_the_default_vocabulary_needs_no_style_of_its_own() -> None:
    assert str(glyph_style(verdict_scale())) == ""


def test_a_new_verdict_and_a_retyped_default_are_drawn_by_their_type() -> None:
    partial_mark, no_mark = '"\\25d0 "', '"\\21 "'
    expected = (
        "<style>"
        ".cmp-matrix .t-v1::before,.cmp-matrix .p-v1::after"
        f'{{content:{partial_mark};content:{partial_mark} / "";color:var(--cmp-warning-fg)}}'
        ".cmp-glyphs.t-v1::before,.cmp-glyphs.p-v1::after,.cmp-v-v1>strong::before"
        '{content:"\\25d0 \\20 ";color:var(--cmp-warning-fg)}'
        ".cmp-matrix .t-n::before,.cmp-matrix .p-n::after"
        f'{{content:{no_mark};content:{no_mark} / "";color:var(--cmp-danger-fg)}}'
        ".cmp-glyphs.t-n::before,.cmp-glyphs.p-n::after,.cmp-v-n>strong::before"
        '{content:"\\21 \\20 ";color:var(--cmp-danger-fg)}'
        ".cmp-matrix .pq::after,.cmp-glyphs.pq::after{content:none}"
        "</style>\n"
    )
    assert str(glyph_style(_scale())) == expected


def test_sort_order_is_the_vocabulary_order_with_unknown_last() -> None:
    assert sort_order(_scale()) == "y v1 n u"
    assert sort_order(verdict_scale()) == "y n u"


def test_the_legend_names_each_verdict_with_its_glyph() -> None:
    scale = _scale()
    assert legend_text(scale.all) == "✓ Yes, ◐ Partly, ! Nope, ? Not stated"
    assert legend_text([]) == ""


def test_labels_of_verdicts_and_of_a_verdict_the_scale_lacks() -> None:
    labels = VerdictLabels(_scale())
    assert labels["partial"] == "Partly"
    assert labels["no"] == "Nope"
    assert labels["maybe"] == "Not stated"
    assert len(labels) == 4


def test_a_type_outside_the_admonition_list_is_drawn_as_a_question() -> None:
    """A scale built by hand (not read from the option, which refuses such a type)."""
    yes, unknown = VerdictKind("yes", "Yes", "success", "y"), VerdictKind("unknown", "?", "question", "u")
    scale = VerdictScale((yes, VerdictKind("odd", "Odd", "sparkle", "v1")), unknown)
    question = '"\\3f "'  # ? is U+003F
    assert str(glyph_style(scale)) == (
        "<style>"
        ".cmp-matrix .t-v1::before,.cmp-matrix .p-v1::after"
        f'{{content:{question};content:{question} / "";color:var(--cmp-question-fg)}}'
        ".cmp-glyphs.t-v1::before,.cmp-glyphs.p-v1::after,.cmp-v-v1>strong::before"
        '{content:"\\3f \\20 ";color:var(--cmp-question-fg)}'
        ".cmp-matrix .pq::after,.cmp-glyphs.pq::after{content:none}"
        "</style>\n"
    )
