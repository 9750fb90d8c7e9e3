"""The feature grid's HTML for small pages, written out by hand (no site is built).

The verdict words and admonitions are the README's: yes is `success`, no is `failure`, any other
icon (or none) is `unknown` and `question`; every text is HTML-escaped.
"""

from __future__ import annotations

from exported import Page, Row, render

from mkdocs_compare.grid import VerdictTypes, feature_anchors, grid_html, slugify
from mkdocs_compare.model import Assessment, Comparison, Feature, VerdictKind, VerdictScale
from mkdocs_compare.parse import parse_comparison
from mkdocs_compare.render import DEFAULT_LABELS


def _parse(text: str) -> Comparison:
    comparison = parse_comparison(text, "compare/c.md").comparison
    assert comparison is not None
    return comparison


THREE_ROWS = Page(
    tool="Conveyor & Co",
    rows=[
        Row("Caching", "yes", "Fast & cheap", "no", ""),
        Row("caching", "maybe", "n1", "yes", "n2"),
        Row("Ünïcode <Name>!", "no", "a", "unknown", "b"),
    ],
)


def test_the_grid_of_three_rows() -> None:
    assert grid_html(_parse(render(THREE_ROWS)), DEFAULT_LABELS) == (
        '<div class="compare-grid" role="table" '
        'aria-label="Feature comparison: Lattice vs Conveyor &amp; Co">\n'
        '<div class="compare-grid__head" role="row"><span role="columnheader">Feature</span>'
        '<span role="columnheader">Lattice</span><span role="columnheader">Conveyor &amp; Co</span></div>\n'
        '<div class="compare-grid__row" role="row" id="feature-caching">\n'
        '<div class="compare-grid__feature" role="rowheader">Caching</div>\n'
        '<div class="admonition success compare-verdict compare-verdict--yes" role="cell">'
        '<p class="admonition-title" data-search-exclude="true">Lattice: Yes</p>'
        "<p>Fast &amp; cheap</p></div>\n"
        '<div class="admonition failure compare-verdict compare-verdict--no" role="cell">'
        '<p class="admonition-title" data-search-exclude="true">Conveyor &amp; Co: No</p></div>\n'
        "</div>\n"
        '<div class="compare-grid__row" role="row" id="feature-caching-2">\n'
        '<div class="compare-grid__feature" role="rowheader">caching</div>\n'
        '<div class="admonition question compare-verdict compare-verdict--unknown" role="cell">'
        '<p class="admonition-title" data-search-exclude="true">Lattice: Not stated</p><p>n1</p></div>\n'
        '<div class="admonition success compare-verdict compare-verdict--yes" role="cell">'
        '<p class="admonition-title" data-search-exclude="true">Conveyor &amp; Co: Yes</p><p>n2</p></div>\n'
        "</div>\n"
        '<div class="compare-grid__row" role="row" id="feature-unicode-name">\n'
        '<div class="compare-grid__feature" role="rowheader">Ünïcode &lt;Name&gt;!</div>\n'
        '<div class="admonition failure compare-verdict compare-verdict--no" role="cell">'
        '<p class="admonition-title" data-search-exclude="true">Lattice: No</p><p>a</p></div>\n'
        '<div class="admonition question compare-verdict compare-verdict--unknown" role="cell">'
        '<p class="admonition-title" data-search-exclude="true">Conveyor &amp; Co: Not stated</p>'
        "<p>b</p></div>\n"
        "</div>\n"
        "</div>\n"
    )


def test_extra_cells_and_labels() -> None:
    text = (
        '---\ntitle: "Lattice vs Weir"\ntoolName: Weir\n---\n<table><tbody><tr><td>Backfills</td>'
        '<td class="tooltip"><span class="icon yes"></span><span class="tooltiptext">A</span></td>'
        '<td class="tooltip"><span class="icon no"></span><span class="tooltiptext">B</span></td>'
        "<td>Extra &lt;x&gt;</td></tr></tbody></table>\n"
    )
    labels = {**DEFAULT_LABELS, "features": "Fonctions", "feature": "Fonction"}
    assert grid_html(_parse(text), labels) == (
        '<div class="compare-grid" role="table" aria-label="Fonctions: Lattice vs Weir">\n'
        '<div class="compare-grid__head" role="row"><span role="columnheader">Fonction</span>'
        '<span role="columnheader">Lattice</span><span role="columnheader">Weir</span></div>\n'
        '<div class="compare-grid__row" role="row" id="feature-backfills">\n'
        '<div class="compare-grid__feature" role="rowheader">Backfills</div>\n'
        '<div class="admonition success compare-verdict compare-verdict--yes" role="cell">'
        '<p class="admonition-title" data-search-exclude="true">Lattice: Yes</p><p>A</p></div>\n'
        '<div class="admonition failure compare-verdict compare-verdict--no" role="cell">'
        '<p class="admonition-title" data-search-exclude="true">Weir: No</p><p>B</p></div>\n'
        '<div class="compare-grid__extra" role="cell"><p>Extra &lt;x&gt;</p></div>\n'
        "</div>\n"
        "</div>\n"
    )


def test_anchors_are_ascii_slugs_numbered_when_names_repeat() -> None:
    rows = [Row("Caching"), Row("caching"), Row("CACHING!"), Row("***"), Row("Ünïcode Name")]
    assert feature_anchors(_parse(render(Page(rows=rows)))) == [
        "feature-caching",
        "feature-caching-2",
        "feature-caching-3",
        "feature-x",
        "feature-unicode-name",
    ]
    assert slugify("  Multi -- Word__Name ") == "multi-word-name"
    assert slugify("日本") == "x"


# A vocabulary written out by hand: yes and partial, and an unknown whose type is `note`.
SCALE = VerdictScale(
    (VerdictKind("yes", "Ja", "success", "y"), VerdictKind("partial", "Teils", "warning", "v1")),
    VerdictKind("unknown", "Offen", "note", "u"),
)


def test_verdict_types_map_each_verdict_and_any_other_to_the_unknown_type() -> None:
    types = VerdictTypes(SCALE)
    assert dict(types) == {"yes": "success", "partial": "warning", "unknown": "note"}
    assert types["no"] == "note"  # not in this vocabulary
    assert types["partial"] == "warning"


def test_a_verdict_the_vocabulary_lacks_is_drawn_as_unknown_and_every_extra_cell_is_kept() -> None:
    feature = Feature(
        "Backfills",
        Assessment("no", "P"),  # "no" is not in SCALE
        Assessment("partial", ""),
        extra_cells=("E1", "E2 <b>"),
    )
    page = Comparison("c.md", "T", "Weir", "Lattice", features=[feature])
    html = grid_html(page, DEFAULT_LABELS, SCALE)
    assert html.split("\n")[4:8] == [
        '<div class="admonition note compare-verdict compare-verdict--unknown" role="cell">'
        '<p class="admonition-title" data-search-exclude="true">Lattice: Offen</p><p>P</p></div>',
        '<div class="admonition warning compare-verdict compare-verdict--partial" role="cell">'
        '<p class="admonition-title" data-search-exclude="true">Weir: Teils</p></div>',
        '<div class="compare-grid__extra" role="cell"><p>E1</p><p>E2 &lt;b&gt;</p></div>',
        "</div>",
    ]
