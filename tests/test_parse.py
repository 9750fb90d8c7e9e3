"""Parser unit tests on pages in every exported layout."""

from __future__ import annotations

import pytest
from exported import CODE_FORMS, LAYOUTS, Page, Row, render

from mkdocs_compare.front_matter import key_line_pattern
from mkdocs_compare.parse import guess_language, parse_comparison, split_front_matter

ROWS = [
    Row("Workflow Orchestration", "yes", "Runs DAGs on any backend.", "no", "Local only."),
    Row(
        "Secrets & Credentials",
        "no",
        "Uses the host's vault — not built in.",
        "yes",
        "Built-in store & rotation.",
    ),
    Row("Vendor Lock-In", "yes", "Open source.", "yes", "Apache-2.0."),
]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("code_form", CODE_FORMS)
def test_every_layout_and_code_form_parses_to_the_same_model(layout: str, code_form: str) -> None:
    page = Page(rows=ROWS, layout=layout, code_form=code_form)
    result = parse_comparison(render(page), "compare/conveyor.md")
    comparison = result.comparison
    assert comparison is not None
    assert [p for p in result.problems if p.severity.value != "info"] == []
    assert comparison.product_name == "Lattice"
    assert comparison.tool_name == "Conveyor"
    assert [f.name for f in comparison.features] == [
        "Workflow Orchestration",
        "Secrets & Credentials",
        "Vendor Lock-In",
    ]
    assert [(f.product.verdict, f.tool.verdict) for f in comparison.features] == [
        ("yes", "no"),
        ("no", "yes"),
        ("yes", "yes"),
    ]
    assert comparison.features[1].tool.note == "Built-in store & rotation."
    assert comparison.features[1].product.note == "Uses the host's vault — not built in."
    assert [s.code for s in comparison.code_samples] == list(page.code)
    expected_language = "python" if code_form == "fenced" else None
    assert [s.language for s in comparison.code_samples] == [expected_language] * 2
    assert comparison.learn_more == list(page.learn_more)
    assert comparison.leftover_text == []


def test_front_matter_fields_are_kept() -> None:
    comparison = parse_comparison(render(Page()), "p.md").comparison
    assert comparison is not None
    assert comparison.slug == "lattice-vs-conveyor"
    assert comparison.category == "orchestrators"
    assert comparison.integration_type == "orchestrator"
    assert comparison.advantages == ["portable-pipelines"]
    assert comparison.tool_icon_url == "https://lattice.example.org/icons/conveyor.svg"
    assert comparison.open_graph_image_url == "https://lattice.example.org/og/conveyor.png"
    assert comparison.cta_headline == "Ready to try Lattice?"
    assert comparison.webflow["source"] == "live"
    assert comparison.meta["headline"] == "Pipelines that move with you."
    assert comparison.description == "Lattice compared with Conveyor."


def test_product_option_overrides_the_title() -> None:
    comparison = parse_comparison(render(Page()), "p.md", product="Lattice Cloud").comparison
    assert comparison is not None and comparison.product_name == "Lattice Cloud"


def test_pages_without_the_detection_key_are_not_comparisons() -> None:
    assert parse_comparison("---\ntitle: Hello\n---\n# Hello\n", "a.md").comparison is None
    assert parse_comparison("# No front matter\n", "b.md").comparison is None


def test_line_numbers_point_into_the_source() -> None:
    text = render(Page(rows=ROWS, layout="indented"))
    comparison = parse_comparison(text, "p.md").comparison
    assert comparison is not None
    lines = text.split("\n")
    for feature in comparison.features:
        assert "<tr>" in lines[feature.line - 1] or "<td>" in lines[feature.line - 1]
    first_code = comparison.code_samples[0]
    assert lines[first_code.line - 1].startswith("```")


def test_fence_right_after_table_without_blank_line() -> None:
    text = render(Page()).replace("</div>\n\n```python", "</div>\n```python", 1)
    comparison = parse_comparison(text, "p.md").comparison
    assert comparison is not None and len(comparison.code_samples) == 2


def test_split_front_matter_counts_lines() -> None:
    fm, body, offset = split_front_matter("---\na: 1\nb: 2\n---\nbody\n")
    assert fm == "a: 1\nb: 2\n" and body == "body\n" and offset == 4


@pytest.mark.parametrize(
    ("code", "language"),
    [
        ("from lattice import flow\n", "python"),
        ("steps:\n  - name: train\n    run: python train.py\n", "yaml"),
        ("$ pip install lattice\n", "bash"),
        ('{"a": 1}', "json"),
        ("SELECT 1;", "sql"),
    ],
)
def test_guess_language(code: str, language: str) -> None:
    assert guess_language(code) == language


def test_a_page_without_front_matter_is_all_body() -> None:
    assert split_front_matter("# Title\n\ntext\n") == (None, "# Title\n\ntext\n", 0)
    assert split_front_matter("a\r\nb\r\n") == (None, "a\nb\n", 0)


NOT_A_COMPARISON = (
    "front matter names 'toolName', but the page has no feature table and its title does not "
    "read 'Product vs Tool': not a comparison page, left as it is"
)


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("---\ntitle: Guide\nslug: g\ntoolName: Weir\n---\n# A guide\n", "g.md:4 (field 'toolName')"),
        ('---\ntitle: Guide\n"toolName" : Weir\n---\n# A guide\n', "g.md:3 (field 'toolName')"),
        (
            "---\ntitle: Guide\ntoolName: Weir\nbad: [\n---\n# A guide\n",
            "g.md:3 (field 'toolName')",
        ),  # broken
        (
            "---\n<<: {toolName: Weir}\ntitle: Guide\n---\n# A guide\n",
            "g.md:1 (field 'toolName')",
        ),  # no key line
    ],
)
def test_a_page_naming_the_key_without_table_or_vs_title_is_left_alone_with_an_info_line(
    text: str, where: str
) -> None:
    result = parse_comparison(text, "g.md")
    assert result.comparison is None
    assert [(str(p.location), p.message, p.severity.value) for p in result.problems] == [
        (where, NOT_A_COMPARISON, "info")
    ]


def test_key_line_pattern_finds_the_key_at_the_start_of_any_line() -> None:
    pattern = key_line_pattern("tool.Name")
    assert [
        m.start() for m in pattern.finditer('title: x\n"tool.Name" : y\ntool.Name: z\n xtool.Name: w\n')
    ] == [9, 25]
    assert pattern.search("toolxName: y\n") is None  # the key is matched literally


def test_front_matter_notes_come_first_located_at_their_key() -> None:
    text = (
        '---\ntitle: "Lattice vs Weir"\ntoolName: Weir\nslug: a\nslug: b\n---\n'
        '<table><tr><td>A</td><td class="tooltip"><span class="icon yes"></span></td><td></td></tr></table>\n'
    )
    result = parse_comparison(text, "w.md")
    assert result.comparison is not None and result.comparison.slug == "b"
    assert [(str(p.location), p.message) for p in result.problems] == [
        ("w.md:5 (field 'slug')", "duplicate key 'slug': YAML keeps only the last value"),
        ("w.md:7 (row 1)", "'A': the product cell has no note (tooltiptext)"),
        ("w.md:7 (row 1)", "'A': the tool cell has no verdict icon"),
        ("w.md:7 (row 1)", "'A': the tool cell has no note (tooltiptext)"),
    ]
    first = result.problems[0].location
    assert (first.path, first.line, first.field) == ("w.md", 5, "slug")
