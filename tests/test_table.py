"""The feature table read by a real parser: every row kept (th rows, after a nested table, a
second table), located warnings, and the two parsers (expat, html.parser) agreeing."""

from __future__ import annotations

import html
from dataclasses import dataclass

from exported import Page, front_matter, render
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import exported_pages, mutated_pages

from mkdocs_compare.blocks import find_blocks
from mkdocs_compare.model import Severity
from mkdocs_compare.parse import parse_comparison, split_front_matter
from mkdocs_compare.safe_html import prepare
from mkdocs_compare.table_rows import _xml_rows, table_rows

PROPERTIES = settings(max_examples=150, deadline=None)


def page(body: str) -> str:
    return front_matter(Page()) + body


def cell(verdict: str, note: str, tag: str = "td") -> str:
    icon = f'<span class="icon {verdict}"></span>'
    return f'<{tag} class="tooltip">{icon}<span class="tooltiptext">{note}</span></{tag}>'


def row(name: str, *, tag: str = "td", product: str = "yes", tool: str = "no") -> str:
    cells = cell(product, f"{name}: ours.", tag) + cell(tool, f"{name}: theirs.", tag)
    return f"<tr><{tag}>{name}</{tag}>{cells}</tr>"


def parsed(body: str):  # type: ignore[no-untyped-def]
    result = parse_comparison(page(body), "compare/p.md")
    assert result.comparison is not None
    return result.comparison, result.problems


def problems_at(problems, severity: Severity) -> list[tuple[int, int | None, str]]:  # type: ignore[no-untyped-def]
    return [(p.location.line, p.location.row, p.message) for p in problems if p.severity is severity]


FIRST_BODY_LINE = front_matter(Page()).count("\n") + 1


def test_rows_of_th_cells_are_features() -> None:
    body = f"<table><tbody>{row('Caching', tag='th')}{row('Retries')}</tbody></table>\n"
    comparison, problems = parsed(body)
    assert [f.name for f in comparison.features] == ["Caching", "Retries"]
    assert comparison.features[0].product.note == "Caching: ours."
    assert comparison.features[0].tool.verdict == "no"
    assert problems_at(problems, Severity.WARNING) == []


def test_a_header_row_of_labels_is_skipped_with_a_hint() -> None:
    header = "<tr><th>Feature</th><th>Lattice</th><th>Conveyor</th></tr>"
    body = f"<table>\n<thead>{header}</thead>\n<tbody>{row('Caching')}</tbody></table>\n"
    comparison, problems = parsed(body)
    assert [f.name for f in comparison.features] == ["Caching"]
    infos = problems_at(problems, Severity.INFO)
    assert infos == [
        (FIRST_BODY_LINE + 1, 1, "header row skipped (labels only: 'Feature', 'Lattice', 'Conveyor')")
    ]


def test_a_labels_row_after_features_is_content_and_is_warned_about() -> None:
    body = f"<table>{row('Caching')}<tr><th colspan='3'>Security</th></tr>{row('Secrets')}</table>\n"
    comparison, problems = parsed(body)
    assert [f.name for f in comparison.features] == ["Caching", "Security", "Secrets"]
    assert any(r == 2 and "row has 1 cells" in m for _, r, m in problems_at(problems, Severity.WARNING))


def test_a_nested_table_stays_in_its_cell_and_the_rows_after_it_are_kept() -> None:
    nested = "<table><tr><td>EU</td><td>US</td></tr></table>"
    first = (
        f'<tr><td>Regions</td><td class="tooltip"><span class="icon yes"></span>'
        f'<span class="tooltiptext">Two regions:</span>{nested}</td>{cell("no", "One region.")}</tr>'
    )
    body = f"<table>\n{first}\n{row('Caching')}\n{row('Retries')}\n</table>\n"
    comparison, problems = parsed(body)
    assert [f.name for f in comparison.features] == ["Regions", "Caching", "Retries"]
    assert comparison.features[0].product.note == "Two regions: EU US"
    assert [f.line for f in comparison.features] == [
        FIRST_BODY_LINE + 1,
        FIRST_BODY_LINE + 2,
        FIRST_BODY_LINE + 3,
    ]
    assert problems_at(problems, Severity.WARNING) == []
    assert (
        FIRST_BODY_LINE + 1,
        None,
        "a table nested in a cell is read as text of that cell",
    ) in problems_at(problems, Severity.INFO)


def test_a_second_table_is_kept_with_a_warning_naming_its_line() -> None:
    body = (
        f"<table>{row('Caching')}</table>\n\n```python\nx = 1\n```\n\n<table>\n{row('Retries')}\n</table>\n"
    )
    comparison, problems = parsed(body)
    assert [f.name for f in comparison.features] == ["Caching", "Retries"]
    assert comparison.features[1].line == FIRST_BODY_LINE + 7
    assert [s.code for s in comparison.code_samples] == ["x = 1"]
    warnings = problems_at(problems, Severity.WARNING)
    assert warnings == [
        (
            FIRST_BODY_LINE + 6,
            None,
            "another table after the feature table: its rows are added to the feature table's",
        )
    ]


def test_a_commented_out_table_is_not_the_feature_table() -> None:
    body = f"<!-- <table>{row('Old feature')}</table> -->\n<table>{row('Caching')}</table>\n"
    comparison, problems = parsed(body)
    assert [f.name for f in comparison.features] == ["Caching"]
    assert comparison.features[0].line == FIRST_BODY_LINE + 1
    assert comparison.leftover_text == []
    assert problems_at(problems, Severity.WARNING) == []


def test_a_table_shown_in_a_fenced_html_example_is_code_not_the_feature_table() -> None:
    example = f"```html\n<table>{row('Example feature')}</table>\n```\n\n"
    body = f"{example}<table>{row('Caching')}</table>\n\n```python\na = 1\n```\n\n```python\nb = 2\n```\n"
    comparison, problems = parsed(body)
    assert [f.name for f in comparison.features] == ["Caching"]
    assert [s.language for s in comparison.code_samples] == ["html", "python", "python"]
    assert "Example feature" in comparison.code_samples[0].code
    assert any("found 3" in m for _, _, m in problems_at(problems, Severity.WARNING))


def test_comments_inside_the_table_hide_nothing_but_themselves() -> None:
    body = f"<table><!-- </table> -->{row('Caching')}<!-- a note -->{row('Retries')}</table>\n"
    comparison, problems = parsed(body)
    assert [f.name for f in comparison.features] == ["Caching", "Retries"]
    assert problems_at(problems, Severity.WARNING) == []


def test_an_unclosed_comment_in_the_table_is_text_with_a_warning() -> None:
    broken = f"<tr><td>Retries<!-- oops</td>{cell('yes', 'a')}{cell('no', 'b')}</tr>"
    body = f"<table>\n{row('Caching')}\n{broken}\n</table>\n"
    comparison, problems = parsed(body)
    assert [f.name for f in comparison.features] == ["Caching", "Retries<!-- oops"]
    assert (FIRST_BODY_LINE + 2, None, "an HTML comment is not closed (--> missing); it is kept as text") in (
        problems_at(problems, Severity.WARNING)
    )


def test_text_in_the_table_outside_cells_is_kept_as_leftover_text() -> None:
    body = f"<table>\n<caption>Updated in May</caption>\n{row('Caching')}\n</table>\n"
    comparison, problems = parsed(body)
    assert comparison.leftover_text == ["Updated in May"]
    assert (
        FIRST_BODY_LINE + 1,
        None,
        "text in the table outside any cell is kept as plain text",
    ) in problems_at(problems, Severity.INFO)


def test_invisible_characters_are_not_names_notes_or_text() -> None:
    cells = f"{cell('yes', '&#8205;')}{cell('no', 'Real note.')}"
    body = f"<table><tr><td>\u200b\ufeff</td>{cells}</tr></table>\n\u200d\n"
    comparison, problems = parsed(body)
    feature = comparison.features[0]
    assert feature.name == "Feature 1" and feature.product.note == "" and feature.tool.note == "Real note."
    assert comparison.leftover_text == []
    messages = [m for _, _, m in problems_at(problems, Severity.WARNING)]
    assert "feature name is empty" in messages
    assert "'Feature 1': the product cell has no note (tooltiptext)" in messages


def test_script_in_a_note_does_not_swallow_the_rows_after_it() -> None:
    broken = f"<tr><td>Hooks</td>{cell('yes', 'Runs <script>alert(1)')}{cell('no', 'None.')}</tr>"
    comparison, _ = parsed(f"<table>{broken}{row('Caching')}</table>\n")
    assert [f.name for f in comparison.features] == ["Hooks", "Caching"]
    assert comparison.features[0].product.note == "Runs alert(1)"


# -- the two parsers agree -----------------------------------------------------------------------


def _fragments(text: str) -> list[str]:
    _, body, _ = split_front_matter(text.replace("\r\n", "\n").replace("\r", "\n"))
    return [body[b.start : b.end] for b in find_blocks(body) if b.kind == "table"]


def _shape(builder):  # type: ignore[no-untyped-def]
    return (
        [
            (
                r.line,
                r.in_head,
                [(c.tag, c.line, "".join(c.text), c.icons, "".join(c.notes)) for c in r.cells],
            )
            for r in builder.rows
        ],
        builder.stray,
        builder.nested,
    )


@PROPERTIES
@given(st.one_of(mutated_pages(), exported_pages().map(render)))
def test_expat_answers_only_as_html_parser_would(text: str) -> None:
    for fragment in _fragments(text):
        prepared, _ = prepare(fragment)
        fast = _xml_rows(prepared, 7)
        if fast is not None:
            assert _shape(fast) == _shape(table_rows(prepared, 7, fast=False))


@PROPERTIES
@given(exported_pages())
def test_expat_reads_every_usual_export(page_: Page) -> None:
    (fragment,) = _fragments(render(page_))
    assert _xml_rows(prepare(fragment)[0], 1) is not None


# -- generated table structures: nothing lost ------------------------------------------------------

words = st.text(st.sampled_from("abcXYZ 09&<>\"'é—"), min_size=1, max_size=12).filter(lambda t: t.strip())
spaces = st.sampled_from(["", " ", "\n", "\n    ", "\t", " \n\n "])


@dataclass
class GenRow:
    name: str
    product: tuple[str, str]  # (icon class, note)
    tool: tuple[str, str]
    tag: str
    nested: str  # text of a table nested in the product cell, or ""


@st.composite
def gen_rows(draw: st.DrawFn) -> GenRow:
    icon = st.sampled_from(["yes", "no", "partial", "YES"])
    return GenRow(
        draw(words),
        (draw(icon), draw(words)),
        (draw(icon), draw(words)),
        draw(st.sampled_from(["td", "th"])),
        draw(st.one_of(st.just(""), words)),
    )


def _write(rows: list[GenRow], draw: st.DrawFn) -> str:
    out = []
    for r in rows:
        s = draw(spaces)
        comment = draw(st.sampled_from(["", "<!-- x -->", "<!-- <tr><td>gone</td></tr> -->"]))
        nested = f"<table><tr><td>{html.escape(r.nested)}</td></tr></table>" if r.nested else ""
        cells = [f"<{r.tag}>{s}{html.escape(r.name)}{s}</{r.tag}>"]
        for (icon, note), extra in ((r.product, nested), (r.tool, "")):
            cells.append(
                f'<{r.tag} class="tooltip">{s}<span class="icon {icon}"></span>{s}'
                f'<span class="tooltiptext">{html.escape(note)}</span>{extra}{s}</{r.tag}>'
            )
        out.append(f"<tr>{s}{comment}{s.join(cells)}{s}</tr>{s}")
    return "".join(out)


@st.composite
def table_pages(draw: st.DrawFn) -> tuple[str, list[GenRow]]:
    first = draw(st.lists(gen_rows(), min_size=1, max_size=5))
    second = draw(st.lists(gen_rows(), max_size=3))
    header = "<tr><th>Feature</th><th>Ours</th><th>Theirs</th></tr>" if draw(st.booleans()) else ""
    body = f"<table><tbody>{header}{_write(first, draw)}</tbody></table>\n\n```python\nx = 1\n```\n"
    if second:
        body += f"\n<table>{_write(second, draw)}</table>\n"
    return page(body), first + second


def _squeeze(text: str) -> str:
    return " ".join(text.split())


@PROPERTIES
@given(table_pages())
def test_every_generated_row_name_and_note_is_kept(case: tuple[str, list[GenRow]]) -> None:
    text, rows = case
    result = parse_comparison(text, "p.md")
    assert result.comparison is not None
    got = [(f.name, f.product.note, f.tool.note) for f in result.comparison.features]
    expected = [
        (
            _squeeze(r.name),
            _squeeze(f"{r.product[1]} {r.nested}"),
            _squeeze(r.tool[1]),
        )
        for r in rows
    ]
    assert got == expected
    verdicts = [(f.product.icon_class, f.tool.icon_class) for f in result.comparison.features]
    assert verdicts == [(r.product[0], r.tool[0]) for r in rows]
    odd = [p for p in result.problems if "unknown icon class" in p.message]
    assert len(odd) == sum((r.product[0] == "partial") + (r.tool[0] == "partial") for r in rows)
    assert all(p.location.line > 0 and p.location.row for p in odd)


def test_a_span_with_a_bare_class_attribute_is_read_not_a_crash() -> None:
    """`<span class>` (no value) sent the html.parser route into expat's case check: a traceback."""
    bare = '<span class></span><span class="icon yes"></span><span class="tooltiptext">Ours.</span>'
    body = f'<table><tbody><tr><td>Caching</td><td class="tooltip">{bare}</td>{cell("no", "Theirs.")}</tr>'
    comparison, problems = parsed(body + "</tbody></table>\n")
    assert [(f.name, f.product.verdict, f.product.note, f.tool.verdict) for f in comparison.features] == [
        ("Caching", "yes", "Ours.", "no")
    ]
    assert problems_at(problems, Severity.WARNING) == []


def test_a_lone_surrogate_in_the_table_is_read_not_a_crash() -> None:
    """expat reads UTF-8, which a lone surrogate cannot be: html.parser reads such a table."""
    body = f"<table\udcff><tbody>{row('Caching')}</tbody></table>\n"
    comparison, _ = parsed(body)
    assert [f.name for f in comparison.features] == ["Caching"]
