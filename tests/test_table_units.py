"""The feature table's cells on a hand-written page: verdicts, icon classes, notes and the
located warnings for cells that lack an icon or a note (no site is built)."""

from __future__ import annotations

import pytest

from mkdocs_compare.parse import parse_comparison
from mkdocs_compare.safe_html import prepare
from mkdocs_compare.table_rows import table_rows
from mkdocs_compare.text import squeeze

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
            "'Canary': unknown icon class 'icon Partial' in the tool cell (expected 'icon yes' or "
            "'icon no', or map the class in the `verdicts` option)",
            "warning",
        ),
        ("compare/w.md:7 (row 2)", "'Rollback': the product cell has no note (tooltiptext)", "warning"),
    ]
    assert [(p.location.line, p.location.row) for p in result.problems] == [(6, 1), (6, 1), (7, 2)]


def test_cells_read_as_verdicts_icon_classes_and_notes() -> None:
    comparison = parse_comparison(PAGE, "compare/w.md").comparison
    assert comparison is not None
    cells = [
        (f.name, side.verdict, side.icon_class, side.note)
        for f in comparison.features
        for side in (f.product, f.tool)
    ]
    assert cells == [
        ("Canary", "unknown", "", "P"),  # no icon at all
        ("Canary", "unknown", "Partial", "T"),
        ("Rollback", "yes", "YES", ""),  # icon classes are read in any case
        ("Rollback", "no", "no", "x"),
    ]


YES = '<td class="tooltip"><span class="icon yes"></span><span class="tooltiptext">n</span></td>'
FEATURE_A = f"<tr><td>A</td>{YES}{YES}</tr>"


def _read(rows: str) -> tuple[list[tuple[str, str]], list[str]]:
    text = f'---\ntitle: "Lattice vs Weir"\ntoolName: Weir\n---\n<table>{rows}</table>\n'
    result = parse_comparison(text, "w.md")
    assert result.comparison is not None
    return [(str(p.location), p.message) for p in result.problems], [
        f.name for f in result.comparison.features
    ]


SKIPPED = "header row skipped (labels only: 'Feature', 'Lattice', 'Weir')"


@pytest.mark.parametrize(
    ("rows", "problems", "names"),
    [
        # Labels in <th> cells, or in any cells of <thead>: a header, skipped with a hint.
        (
            f"<tr><th>Feature</th><th>Lattice</th><th>Weir</th></tr>\n{FEATURE_A}",
            [("w.md:5 (row 1)", SKIPPED)],
            ["A"],
        ),
        (
            f"<thead><tr><td>Feature</td><td>Lattice</td><td>Weir</td></tr></thead>\n{FEATURE_A}",
            [("w.md:5 (row 1)", SKIPPED)],
            ["A"],
        ),
        # Empty notes are no notes.
        (
            '<tr><th>Feature<span class="tooltiptext"></span><span class="tooltiptext"></span></th>'
            f"<th>Lattice</th><th>Weir</th></tr>\n{FEATURE_A}",
            [("w.md:5 (row 1)", SKIPPED)],
            ["A"],
        ),
        # Labels in <td> cells outside <thead>, or <th> cells with an icon: a feature.
        (
            f"<tr><td>Feature</td><td>Lattice</td><td>Weir</td></tr>\n{FEATURE_A}",
            [
                ("w.md:5 (row 1)", "'Feature': the product cell has no verdict icon"),
                ("w.md:5 (row 1)", "'Feature': the tool cell has no verdict icon"),
            ],
            ["Feature", "A"],
        ),
        (
            f'<tr><th>F</th><th><span class="icon yes"></span></th><th>W</th></tr>\n{FEATURE_A}',
            [
                ("w.md:5 (row 1)", "'F': the product cell has no note (tooltiptext)"),
                ("w.md:5 (row 1)", "'F': the tool cell has no verdict icon"),
            ],
            ["F", "A"],
        ),
    ],
)
def test_only_a_first_row_of_labels_is_a_header(
    rows: str, problems: list[tuple[str, str]], names: list[str]
) -> None:
    assert _read(rows) == (problems, names)


def test_an_empty_row_is_skipped_and_a_row_without_a_name_is_numbered() -> None:
    notes = '<span class="tooltiptext"></span><span class="tooltiptext"> </span>'
    empty = f"<tr><td> </td><td>{notes}</td><td></td></tr>"
    unnamed = f"<tr><td></td>{YES}{YES}</tr>"
    assert _read(f"{FEATURE_A}\n{empty}\n{unnamed}") == (
        [("w.md:6 (row 2)", "empty table row skipped"), ("w.md:7 (row 3)", "feature name is empty")],
        ["A", "Feature 3"],
    )


def test_a_short_row_is_a_located_warning_and_its_missing_cells_are_unknown() -> None:
    rows = f"{FEATURE_A}\n<tr><td>B</td>{YES}</tr>\n<tr><td>C</td></tr>"
    assert _read(rows) == (
        [
            ("w.md:6 (row 2)", "row has 2 cells, expected 3 (feature, product, tool)"),
            ("w.md:7 (row 3)", "row has 1 cells, expected 3 (feature, product, tool)"),
        ],
        ["A", "B", "C"],
    )
    text = f'---\ntitle: "Lattice vs Weir"\ntoolName: Weir\n---\n<table>{rows}</table>\n'
    comparison = parse_comparison(text, "w.md").comparison
    assert comparison is not None
    assert [
        (f.product.verdict, f.product.note, f.tool.verdict, f.tool.note) for f in comparison.features
    ] == [
        ("yes", "n", "yes", "n"),
        ("yes", "n", "unknown", ""),
        ("unknown", "", "unknown", ""),
    ]


FRAGMENT = (
    "<table><thead><tr><th>F</th></tr></thead>\n"
    '<tr><td><i>a</i>b</td><td><span class="icon yes extra"></span>'
    '<span class="tooltiptext">a<b>b</b>c <span>in</span> d</span> loose</td></tr>\n'
    "<tr><td>x</td></tr> stray <td>y</td> mid\n"
    "<td>z</td><th>w</th> after\n"
    "</table>"
)


@pytest.mark.parametrize("fast", [True, False])
def test_rows_cells_icons_notes_and_stray_text_with_their_lines(fast: bool) -> None:
    """Tags separate words; a note is all of its tooltiptext span, inner spans too; text after a
    closed cell or row is stray text; a cell after a closed row starts a new row."""
    built = table_rows(prepare(FRAGMENT)[0], 10, fast=fast)
    rows = [
        (
            row.line,
            row.in_head,
            [
                (c.tag, c.line, squeeze("".join(c.text)), c.icons, squeeze("".join(c.notes)))
                for c in row.cells
            ],
        )
        for row in built.rows
    ]
    assert rows == [
        (10, True, [("th", 10, "F", [], "")]),
        (11, False, [("td", 11, "a b", [], ""), ("td", 11, "loose", ["yes extra"], "a b c in d")]),
        (12, False, [("td", 12, "x", [], "")]),
        (12, False, [("td", 12, "y", [], ""), ("td", 13, "z", [], ""), ("th", 13, "w", [], "")]),
    ]
    assert built.stray == [(12, "stray"), (12, "mid"), (13, "after")]
    assert built.nested == []


@pytest.mark.parametrize("fast", [True, False])
def test_tables_nested_in_a_cell_one_after_the_other_are_text_of_that_cell(fast: bool) -> None:
    fragment = (
        "<table><tr><td>n<table><tr><td>i1</td></tr></table>\n"
        "<table><tr><td>i2</td></tr></table></td><td>m</td></tr>\n</table>"
    )
    built = table_rows(prepare(fragment)[0], 10, fast=fast)
    assert [(row.line, [(c.line, squeeze("".join(c.text))) for c in row.cells]) for row in built.rows] == [
        (10, [(10, "n i1 i2"), (11, "m")])
    ]
    assert built.nested == [10, 11]


def test_a_row_without_cells_is_an_empty_row() -> None:
    assert _read(f"{FEATURE_A}\n<tr></tr>") == ([("w.md:6 (row 2)", "empty table row skipped")], ["A"])


def test_a_row_with_text_but_no_name_is_a_feature_not_an_empty_row() -> None:
    assert _read(f"{FEATURE_A}\n<tr><td></td><td>text only</td><td>t</td></tr>") == (
        [
            ("w.md:6 (row 2)", "feature name is empty"),
            ("w.md:6 (row 2)", "'Feature 2': the product cell has no verdict icon"),
            ("w.md:6 (row 2)", "'Feature 2': the tool cell has no verdict icon"),
        ],
        ["A", "Feature 2"],
    )


def test_rows_are_in_the_head_until_thead_closes() -> None:
    fragment = (
        "<table><thead><tr><td><b>F</b></td></tr><tr><td>G</td></tr></thead><tr><td>x</td></tr></table>"
    )
    for fast in (True, False):
        built = table_rows(prepare(fragment)[0], 1, fast=fast)
        assert [row.in_head for row in built.rows] == [True, True, False]


Read = list[tuple[int, bool, list[tuple[str, list[str], str]]]]


def _rows(fragment: str, fast: bool) -> Read:
    built = table_rows(prepare(fragment)[0], 1, fast=fast)
    return [
        (
            row.line,
            row.in_head,
            [(squeeze("".join(c.text)), c.icons, squeeze("".join(c.notes))) for c in row.cells],
        )
        for row in built.rows
    ]


@pytest.mark.parametrize("fast", [True, False])
def test_cells_without_a_row_tag_make_a_row_in_or_out_of_the_head(fast: bool) -> None:
    assert _rows("<table><td>a</td>\n<td>b</td></table>", fast) == [
        (1, False, [("a", [], ""), ("b", [], "")])
    ]
    assert _rows("<table><thead><td>F</td></thead><td>x</td></table>", fast) == [
        (1, True, [("F", [], ""), ("x", [], "")])
    ]


@pytest.mark.parametrize("fast", [True, False])
def test_a_row_of_empty_cells_is_read(fast: bool) -> None:
    assert _rows("<table><tr><td></td><td> </td></tr></table>", fast) == [
        (1, False, [("", [], ""), ("", [], "")])
    ]


@pytest.mark.parametrize("fast", [True, False])
def test_a_class_attribute_in_capitals_and_a_note_inside_a_note_are_read(fast: bool) -> None:
    fragment = (
        '<table><tr><td><span CLASS="icon yes"></span><span class="tooltiptext">a'
        '<span class="tooltiptext">b</span>c</span>d</td></tr></table>'
    )
    assert _rows(fragment, fast) == [(1, False, [("d", ["yes"], "a b c")])]


@pytest.mark.parametrize("fast", [True, False])
def test_stray_text_is_located_at_its_first_visible_line_and_invisible_text_is_not_stray(fast: bool) -> None:
    fragment = "<table>\u200b<tr><td>x</td></tr>\n\n  stray\n</table>"
    assert table_rows(prepare(fragment)[0], 5, fast=fast).stray == [(7, "stray")]
