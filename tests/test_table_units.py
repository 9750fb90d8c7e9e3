"""The feature table's cells on a hand-written page: verdicts, icon classes, notes and the
located warnings for cells that lack an icon or a note (no site is built)."""

from __future__ import annotations

from mkdocs_compare.parse import parse_comparison

PAGE = (
    '---\ntitle: "Lattice vs Weir"\ntoolName: Weir\n---\n<table><tbody>\n'
    '<tr><td>Canary</td><td class="tooltip"><span class="tooltiptext">P</span></td>'
    '<td class="tooltip"><span class="icon Partial"></span><span class="tooltiptext">T</span></td></tr>\n'
    '<tr><td>Rollback</td><td class="tooltip"><span class="icon YES"></span></td>'
    '<td class="tooltip"><span class="icon no"></span><span class="tooltiptext">x</span></td></tr>\n'
    "</tbody></table>\n"
)


def test_cells_without_an_icon_or_a_note_or_with_an_unknown_icon_are_located_warnings() -> None:
    result = parse_comparison(PAGE, "compare/w.md")
    assert [(str(p.location), p.message, p.severity.value) for p in result.problems] == [
        ("compare/w.md:6 (row 1)", "'Canary': the product cell has no verdict icon", "warning"),
        (
            "compare/w.md:6 (row 1)",
            "'Canary': unknown icon class 'icon Partial' in the tool cell (expected 'icon yes' or 'icon no')",
            "warning",
        ),
        ("compare/w.md:7 (row 2)", "'Rollback': the product cell has no note (tooltiptext)", "warning"),
    ]
    assert [(p.location.line, p.location.row) for p in result.problems] == [(6, 1), (6, 1), (7, 2)]


def test_cells_read_as_verdicts_icon_classes_and_notes() -> None:
    comparison = parse_comparison(PAGE, "compare/w.md").comparison
    assert comparison is not None
    cells = [
        (f.name, side.verdict.value, side.icon_class, side.note)
        for f in comparison.features
        for side in (f.product, f.tool)
    ]
    assert cells == [
        ("Canary", "unknown", "", "P"),  # no icon at all
        ("Canary", "unknown", "Partial", "T"),
        ("Rollback", "yes", "YES", ""),  # icon classes are read in any case
        ("Rollback", "no", "no", "x"),
    ]
