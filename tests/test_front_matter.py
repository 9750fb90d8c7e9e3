"""Front matter: detection agrees with MkDocs' own reading, loading is bounded, fields are typed.

The oracle for detection is MkDocs itself: `mkdocs.utils.meta.get_data` on the text as MkDocs
reads the file (text mode, `utf-8-sig`). The package's core never imports MkDocs.
"""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import YAML_RE, get_data

from mkdocs_compare import front_matter
from mkdocs_compare.front_matter import (
    MKDOCS_FRONT_MATTER_RE,
    FrontMatterError,
    Note,
    _without_surrogates,
    listed,
    load_yaml,
    may_name_key,
    read_front_matter,
)
from mkdocs_compare.model import Severity
from mkdocs_compare.parse import decode_source, looks_like_comparison, parse_comparison
from mkdocs_compare.render import Renderer

TABLE = (
    '<table><tbody><tr><td>Backfills</td><td class="tooltip"><span class="icon yes"></span>'
    '<span class="tooltiptext">Replays <script>alert(1)</script> any window.</span></td>'
    '<td class="tooltip"><span class="icon no"></span><span class="tooltiptext">Manual '
    "<img src=x onerror=alert(2)> reruns.</span></td></tr></tbody></table>\n"
)
GUIDE_BODY = (
    "# Setting up Widget\n\nA guide page, with a plain table:\n\n<table><tr><td>a</td></tr></table>\n"
)

# Ways YAML (and MkDocs' reading of it) can spell the detect key: each gives toolName = "Weir".
KEY_FORMS = [
    'toolName: "Weir"',
    '"toolName": Weir',
    "'toolName': Weir",
    "? toolName\n: Weir",
    "!!str toolName: Weir",
    '"tool\\u004eame": Weir',
    '"tool\\x4eame": Weir',
    '? "tool\\\n  Name"\n: Weir',
    "&key toolName: Weir",
    "<<: {toolName: Weir}",
    "<<: [{toolName: Weir}]",
    "ToolName: Weir",  # another key: not the detect key
    "tool_name: Weir",
]
OTHER_LINES = ["category: orchestrators", "headline: <b>Gates</b> for data"]
TITLES = ['title: "Lattice vs Weir"', "title: Weir setup"]
BROKEN_LINES = ["", 'heroText: "unclosed', "exported: 2024-13-45", "seo: [a, b"]


def mkdocs_meta(data: bytes) -> dict[str, object]:
    """What MkDocs reads: the file in text mode (universal newlines), then `get_data`."""
    text = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8-sig").read()
    return get_data(text)[1]


@st.composite
def front_matter_pages(draw: st.DrawFn) -> bytes:
    key = draw(st.sampled_from(KEY_FORMS))
    lines = [draw(st.sampled_from(TITLES)), *draw(st.permutations(OTHER_LINES))]
    lines.insert(draw(st.integers(0, len(lines))), draw(st.sampled_from(BROKEN_LINES)))
    lines.insert(draw(st.integers(0, len(lines))), key)
    if draw(st.booleans()) and "\n" not in key and "<<" not in key:  # flow (JSON-like) style
        block = "{" + ", ".join(line for line in lines if line) + "}\n"
    else:
        separator = draw(st.sampled_from(["\n", "\n", "\u2028"]))
        block = separator.join(line for line in lines if line) + "\n"
    closing = draw(st.sampled_from(["---\n", "...\n", "---  \n", "", "---"]))
    body = draw(st.sampled_from([TABLE, GUIDE_BODY, "\n" + TABLE]))
    text = "---\n" + block + closing + body
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    bom = draw(st.sampled_from(["", "\ufeff"]))
    return (bom + text.replace("\n", newline)).encode("utf-8")


@settings(max_examples=300, deadline=None)
@given(front_matter_pages())
def test_detection_agrees_with_mkdocs_reading(data: bytes) -> None:
    meta = mkdocs_meta(data)
    text, problem = decode_source(data, "compare/weir.md")
    assert problem is None
    result = parse_comparison(text, "compare/weir.md")
    has_table = "tooltiptext" in text
    if "toolName" in meta:  # MkDocs reads the key: a comparison page with a table or "X vs Y"
        expected = has_table or meta.get("title") == "Lattice vs Weir"
        assert (result.comparison is not None) == expected, (meta, result.problems)
        if result.comparison is not None:
            assert result.comparison.tool_name == "Weir"
            assert result.comparison.meta == meta  # every field kept, as MkDocs reads it
        else:
            assert [p.severity for p in result.problems] == [Severity.INFO]
    elif meta:  # MkDocs reads fields, not the key: never a comparison page
        assert result.comparison is None
    elif "toolname" in text.lower() and has_table:  # MkDocs reads nothing: warned and rendered
        assert result.comparison is not None
        assert any(p.severity is Severity.ERROR and p.location.line >= 1 for p in result.problems)
    if result.comparison is not None:
        assert looks_like_comparison(text)  # the cheap pre-filter is a true superset
        markdown = Renderer().render_page(result.comparison, [])
        assert "<script" not in markdown.lower() and "onerror=" not in markdown.lower()
        assert not has_table or ("Replays" in markdown and "reruns" in markdown)  # notes kept


@pytest.mark.parametrize(
    "text",
    [
        "---\n---\n",
        "---\n\n---\nx",
        "---\na: 1\n----\nb: 2\n---\n",
        "---\na: 1\n...\nbody\n---\n",
        "--- \t\na\n---",
        "---\na\n--- x\n---\t\n",
        "---\na\u2028---\n---\n",
        "----\na\n---\n",
        " ---\na\n---\n",
    ],
)
def test_the_block_is_split_where_mkdocs_splits_it(text: str) -> None:
    ours, theirs = MKDOCS_FRONT_MATTER_RE.match(text), YAML_RE.match(text)
    assert (ours and (ours.group(1), ours.end())) == (theirs and (theirs.group(1), theirs.end()))


def test_detection_oracle_sees_the_forms_the_issue_lists() -> None:
    # The generator's premise, checked once by hand: MkDocs reads all of these as toolName.
    for form in KEY_FORMS[:11]:
        data = f'---\ntitle: "Lattice vs Weir"\n{form}\n---\n{TABLE}'.encode()
        assert mkdocs_meta(data).get("toolName") == "Weir", form
        assert mkdocs_meta(data.replace(b"\n", b"\r")).get("toolName") == "Weir", form


def test_a_guide_page_naming_the_key_is_not_a_comparison_page() -> None:
    result = parse_comparison('---\ntitle: Widget setup\ntoolName: "Widget"\n---\n' + GUIDE_BODY, "guide.md")
    assert result.comparison is None
    assert [(p.severity, p.location.line) for p in result.problems] == [(Severity.INFO, 3)]


def test_a_stripped_export_with_an_x_vs_y_title_is_still_a_comparison_page() -> None:
    result = parse_comparison('---\ntitle: "Lattice vs Weir"\ntoolName: Weir\n---\n&nbsp;\n&nbsp;\n', "w.md")
    assert result.comparison is not None
    assert any("no feature table" in p.message for p in result.problems)


def test_an_unclosed_front_matter_with_a_table_is_rendered_and_warned_about() -> None:
    text = '---\ntitle: "Lattice vs Weir"\ntoolName: Weir\n' + TABLE
    assert mkdocs_meta(text.encode()) == {}
    result = parse_comparison(text, "w.md")
    assert result.comparison is not None and result.comparison.tool_name == "Weir"
    errors = [p for p in result.problems if p.severity is Severity.ERROR]
    assert len(errors) == 1 and "not closed" in errors[0].message and errors[0].location.line == 1


def test_a_page_without_front_matter_lines_is_rendered_and_warned_about() -> None:
    text = 'title: "Lattice vs Weir"\ntoolName: Weir\n\n' + TABLE
    result = parse_comparison(text, "w.md")
    assert result.comparison is not None and result.comparison.title == "Lattice vs Weir"
    assert any("no front matter block" in p.message for p in result.problems)


# -- loading within budgets ----------------------------------------------------------------------


def alias_bomb(levels: int = 9) -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for n in range(1, levels):
        lines.append(f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def test_an_alias_bomb_is_refused_with_its_line() -> None:
    source = "toolName: Weir\nseo:\n" + "".join("  " + line + "\n" for line in alias_bomb().splitlines())
    assert len(source) < 1300
    with pytest.raises(FrontMatterError) as caught:
        load_yaml(source)
    assert "aliases expand to" in caught.value.reason and caught.value.line == 2


def test_a_few_aliases_are_fine() -> None:
    loaded = load_yaml('title: &t "Lattice vs Weir"\nseo:\n  ogTitle: *t\n  title: *t\n')
    assert loaded.value["seo"] == {"ogTitle": "Lattice vs Weir", "title": "Lattice vs Weir"}


def test_a_value_that_contains_itself_is_refused() -> None:
    with pytest.raises(FrontMatterError, match="refers to itself"):
        load_yaml("seo: &s\n  again: *s\n")


def test_duplicate_keys_are_noted_with_their_lines() -> None:
    loaded = load_yaml("toolName: A\nslug: s\ntoolName: B\nseo:\n  title: x\n  title: y\n")
    assert [(note.line, note.key) for note in loaded.notes] == [(4, "toolName"), (7, "title")]
    assert loaded.value["toolName"] == "B"


def test_many_duplicates_give_a_bounded_number_of_notes() -> None:
    loaded = load_yaml("".join("k: 1\n" for _ in range(1000)))
    assert len(loaded.notes) == 6 and "994 more" in loaded.notes[-1].message


def test_lone_surrogates_never_reach_the_model() -> None:
    result = parse_comparison(
        '---\ntitle: "Lattice vs Weir"\ntoolName: Weir\nheadline: "\\ud800"\n---\n' + TABLE, "w.md"
    )
    comparison = result.comparison
    assert comparison is not None and comparison.headline == ""
    assert any(p.location.line == 4 and p.location.field == "headline" for p in result.problems)
    str(comparison.meta).encode("utf-8")  # every string is encodable: writing the site works
    direct = load_yaml('a: "x\ud800y"\n')  # a caller's string with a surrogate in it
    assert direct.value == {"a": "x\ufffdy"} and direct.notes


def test_a_huge_broken_front_matter_gives_a_short_message() -> None:
    keys = "".join(f"k{n}: [\n" for n in range(20_000))
    result = parse_comparison(f"---\ntoolName: Weir\n{keys}---\n{TABLE}", "w.md")
    assert result.comparison is not None
    longest = max(len(p.message) for p in result.problems)
    assert longest < 400, longest
    assert any("and 19995 more" in p.message for p in result.problems)


# -- typed fields ----------------------------------------------------------------------------------


def parsed(extra: str) -> tuple[object, list[tuple[int, str | None, str]]]:
    text = f'---\ntitle: "Lattice vs Weir"\ntoolName: Weir\n{extra}---\n{TABLE}'
    result = parse_comparison(text, "w.md")
    assert result.comparison is not None
    return result.comparison, [(p.location.line, p.location.field, p.message) for p in result.problems]


@pytest.mark.parametrize(
    ("extra", "field", "words"),
    [
        ('learnMoreUrl: "javascript:alert(1)"\n', "learnMoreUrl", "not an http(s) or relative URL"),
        ("toolIcon:\n  url: //evil.example/x.svg\n", "toolIcon.url", "not an http(s) or relative URL"),
        ("toolIcon:\n  alt: x\n  url: [a]\n", "toolIcon.url", "should hold a URL"),
        ('openGraphImage: "data:image/png;base64,AAAA"\n', "openGraphImage", "not an http(s)"),
        ("draft: [false]\n", "draft", "treated as a draft"),
        ('draft: "no"\n', "draft", "treated as a draft"),
        ('seo: "a string"\n', "seo", "should be a mapping"),
        ("seo:\n  description: [a, b]\n", "seo.description", "should be text"),
        ("description: [<script>, b]\n", "description", "should be text"),
        ("headline: [a]\n", "headline", "should be text"),
        ("advantages: [a, [b]]\n", "advantages", "not text"),
    ],
)
def test_a_field_of_the_wrong_kind_is_said_with_its_line(extra: str, field: str, words: str) -> None:
    _, problems = parsed(extra)
    line = 4 + extra.count("\n") - 1 if "." in field else 4  # a nested key: its own line
    assert [(at, name) for at, name, message in problems if words in message] == [(line, field)]


def test_a_binary_tool_name_is_said() -> None:
    text = '---\ntitle: "Lattice vs Weir"\ntoolName: !!binary V2Vpcg==\n---\n' + TABLE
    result = parse_comparison(text, "w.md")
    assert result.comparison is not None and result.comparison.tool_name == "Weir"  # from the title
    assert [(p.location.line, p.location.field) for p in result.problems if "binary" in p.message] == [
        (3, "toolName")
    ]


def test_rejected_urls_are_left_out_of_the_model() -> None:
    comparison, _ = parsed('learnMoreUrl: " javascript:alert(1)"\n')
    assert comparison.learn_more_url == ""  # type: ignore[attr-defined]


def test_draft_pages_stay_drafts_when_the_value_is_odd() -> None:
    comparison, _ = parsed("draft: [false]\n")
    assert comparison.draft is True  # type: ignore[attr-defined]
    comparison, problems = parsed("draft: false\n")
    assert comparison.draft is False and problems == []  # type: ignore[attr-defined]


def test_text_fields_keep_the_text_as_written() -> None:
    comparison, problems = parsed("slug: 0012\nquote: No\ncategory: 2024-01-02\n")
    assert (comparison.slug, comparison.quote, comparison.category) == ("0012", "No", "2024-01-02")  # type: ignore[attr-defined]
    assert problems == []


def test_every_exported_field_is_kept_in_the_model() -> None:
    comparison, _ = parsed("subtitle: [<img src=x onerror=alert(1)>]\ntemplate: redirect.html\n")
    assert comparison.meta["subtitle"] == ["<img src=x onerror=alert(1)>"]  # type: ignore[attr-defined]
    assert comparison.meta["template"] == "redirect.html"  # type: ignore[attr-defined]


PIECES = [
    "tool", "Name", "name", "N", "\\u004e", "\\x4e", "\\N", "\\\n", '"', "'", ":", ": ", " ", "\n",
    "\t", "? ", "&a ", "*a", "<<: ", "{", "}", "[", "]", ", ", "!!str ", "---\n", "...\n", "\r",
    "\u2028", "title: A vs B\n", "toolName: x\n", "- ", "#", "|\n  ",
]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join), st.booleans())
def test_the_pre_filter_never_misses_a_comparison_page(front: str, closed: bool) -> None:
    text = "---\n" + front + ("\n---\n" if closed else "\n") + TABLE
    result = parse_comparison(text, "p.md")
    if result.comparison is not None:
        assert looks_like_comparison(text)


def test_merge_keys_are_not_duplicates_but_keys_after_them_are() -> None:
    loaded = load_yaml("a: &a {x: 1}\nb: &b {y: 2}\nm:\n  <<: *a\n  <<: *b\n  k: 1\n  k: 2\n")
    assert [(note.line, note.key) for note in loaded.notes] == [(8, "k")]
    assert loaded.value["m"] == {"x": 1, "y": 2, "k": 2}


def test_a_list_as_a_key_is_a_yaml_error_not_a_crash() -> None:
    with pytest.raises(FrontMatterError, match="unhashable"):
        load_yaml("? [p, q]\n: 3\n? [p, q]\n: 4\n")


def test_a_long_duplicate_key_is_named_by_its_first_80_characters() -> None:
    key = "k" * 79 + "XYZ"
    loaded = load_yaml(f"{key}: 1\n{key}: 2\n")
    assert [note.key for note in loaded.notes] == ["k" * 79 + "X"]


def test_a_value_yaml_cannot_build_is_an_error_with_its_reason() -> None:
    with pytest.raises(FrontMatterError) as raised:
        load_yaml("title: x\nreviewed: 2020-13-45\n", first_line=5)
    assert raised.value.reason == "month must be in 1..12"
    assert raised.value.line == 5


@pytest.mark.parametrize(
    ("source", "line", "reason"),
    [
        ("a: 1\nb: c: d\n", 11, "mapping values are not allowed"),
        # The problem is on the third line, the flow sequence it is in opened on the second.
        ("a: 1\nb: [1, 2\nc: 3\n", 12, "expected ',' or ']'"),
    ],
)
def test_a_yaml_syntax_error_names_the_line_of_the_problem(source: str, line: int, reason: str) -> None:
    with pytest.raises(FrontMatterError) as raised:
        load_yaml(source, first_line=10)
    assert raised.value.line == line
    assert reason in raised.value.reason
    assert raised.value.summary == "front matter is not valid YAML"


def test_listed_names_a_few_then_counts_the_rest() -> None:
    assert listed([]) == ""
    assert listed(["a"]) == "a"
    assert listed(list("abcde")) == "a, b, c, d, e"
    assert listed(list("abcdef")) == "a, b, c, d, e and 1 more"
    assert listed(list("abcdefgh")) == "a, b, c, d, e and 3 more"


def test_escaped_text_without_surrogates_is_kept_as_it_is() -> None:
    loaded = load_yaml('a: ["x\\\\y", 2, {b: "\\u00e9"}]\nc: {d: "\\t"}\n')
    assert loaded.value == {"a": ["x\\y", 2, {"b": "é"}], "c": {"d": "\t"}}
    assert loaded.notes == []


def test_lone_surrogates_become_replacement_characters_with_a_note_naming_where() -> None:
    """What the pure-Python YAML loader lets through (libyaml refuses these escapes outright)."""
    notes: list[Note] = []
    value = {"seo": {"title": "a\ud800b"}, "tags": ["\udc00", "ok"], "n": 1}
    cleaned = _without_surrogates(value, notes, 7)
    assert cleaned == {"seo": {"title": "a\ufffdb"}, "tags": ["\ufffd", "ok"], "n": 1}
    assert [(note.line, note.key) for note in notes] == [(7, "seo.title")]
    assert notes[0].message == "lone surrogate escapes replaced by U+FFFD in seo.title, tags"
    assert _without_surrogates({"k\ud801": "v"}, notes, 5) == {"k\ufffd": "v"}
    assert len(notes) == 2 and notes[-1].line == 5
    # A key is named as it now reads (it once gave "... in " with nothing after it).
    assert notes[-1].message == "lone surrogate escapes replaced by U+FFFD in the key k\ufffd"
    assert _without_surrogates({"seo": {"t\udc01": "x\ud802"}}, notes, 4) == {"seo": {"t\ufffd": "x\ufffd"}}
    assert notes[-1].message == (
        "lone surrogate escapes replaced by U+FFFD in the key seo.t\ufffd, seo.t\ufffd"
    )
    assert notes[-1].key == "seo.t\ufffd"
    assert _without_surrogates(["\ud800"], notes, 3) == ["\ufffd"]
    assert (notes[-1].line, notes[-1].key) == (3, None)
    assert notes[-1].message == "lone surrogate escapes replaced by U+FFFD in the front matter"


def _refusal(source: str) -> tuple[int, str, str]:
    with pytest.raises(FrontMatterError) as raised:
        load_yaml(source, first_line=10)
    return raised.value.line, raised.value.reason, raised.value.summary


def test_a_value_that_contains_itself_is_refused_at_its_line() -> None:
    assert _refusal("a: 1\nseo: &s\n  again: *s\n") == (
        11,
        "a value refers to itself through an alias",
        "front matter is refused",
    )


def test_nesting_is_refused_beyond_100_levels_at_the_innermost_value() -> None:
    # An anchor makes the loader walk the node graph (plain text nests as deep as YAML allows).
    assert load_yaml("a: &x 1\nb: " + "[" * 99 + "]" * 99 + "\n").value["b"] is not None  # 100 levels
    assert _refusal("a: &x 1\nb: " + "[" * 100 + "]" * 100 + "\n") == (
        11,
        "values are nested more than 100 levels deep",
        "front matter is refused",
    )


def test_aliases_are_refused_when_they_expand_beyond_the_budget() -> None:
    # a: 1 list + 10 values; b: 1 + 10 * 11; c: 1 + 10 * 111; d: 1 + 10 * 1,111; the root
    # mapping adds itself and its 4 keys: 12,349 values from 19 nodes written.
    lists = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{name}: &{name} [{', '.join([f'*{below}'] * 10)}]\n" for below, name in ("ab", "bc", "cd")
    )
    assert _refusal(lists) == (
        10,
        "aliases expand to 12,349 values (from 19 written); aliases are refused beyond a budget",
        "front matter is refused",
    )
    three = lists.rsplit("\n", 2)[0] + "\n"  # without d: 1,237 values, within the budget
    assert len(load_yaml(three).value["c"]) == 10


@pytest.mark.parametrize(
    ("text", "source", "body", "offset", "opened"),
    [
        # An opening `---` that never closes: fields up to the first HTML line, or to the end.
        ("---\ntoolName: Weir\ntitle: x\n", "toolName: Weir\ntitle: x\n", "", 3, True),
        (
            "---\ntoolName: Weir\n<table><tr><td>a</td></tr></table>\n",
            "toolName: Weir\n",
            "<table><tr><td>a</td></tr></table>\n",
            2,
            True,
        ),
        # No opening line: the leading lines up to a blank one, or to the first HTML line.
        ("toolName: Weir\ntitle: x\n\nbody text\n", "toolName: Weir\ntitle: x\n", "\nbody text\n", 2, False),
        ("toolName: Weir\n<p>x</p>\n\nmore\n", "toolName: Weir\n", "<p>x</p>\n\nmore\n", 1, False),
        ("toolName: Weir\n\n<p>x</p>\n", "toolName: Weir\n", "\n<p>x</p>\n", 1, False),
        ("<p>x</p>\ntoolName: Weir\n", "", "<p>x</p>\ntoolName: Weir\n", 0, False),
        ("\ntoolName: Weir\n\nbody\n", "\ntoolName: Weir\n", "\nbody\n", 2, False),  # a blank first line
    ],
)
def test_fields_of_a_page_mkdocs_reads_no_metadata_from(
    text: str, source: str, body: str, offset: int, opened: bool
) -> None:
    found = read_front_matter(text)
    assert (found.source, found.body, found.body_offset, found.meta) == (source, body, offset, None)
    assert (found.opened, found.first_line) == (opened, 2 if opened else 1)
    assert may_name_key(text) is bool(source) and not may_name_key(text, "slug")


def test_aliases_may_add_exactly_the_budget() -> None:
    # The root, 2 keys, a (1 list + 9 values) and b's list are written: 14 nodes. b's 1,000
    # aliases of a add 1,000 * 10 = 10,000 values, which is the budget; one more is beyond it.
    head = "# the front matter's first line is a comment\na: &a [x, x, x, x, x, x, x, x, x]\nb: "
    assert len(load_yaml(head + "[" + ", ".join(["*a"] * 1000) + "]\n").value["b"]) == 1000
    line, reason, _ = _refusal(head + "[" + ", ".join(["*a"] * 1001) + "]\n")
    assert (line, reason) == (
        11,  # the root mapping starts on the second line
        "aliases expand to 10,024 values (from 14 written); aliases are refused beyond a budget",
    )


@pytest.mark.parametrize(
    ("text", "key", "expected"),
    [
        ("---\ntoolName: Weir\n---\nbody\n", "toolName", True),
        ("---\nTOOLNAME: Weir\n---\nbody\n", "toolName", True),  # broken YAML is matched in any case
        ("---\ntitle: Weir\n---\ntoolName: in the body\n", "toolName", False),
        ('---\n"tool\\u004eame": Weir\n---\n', "toolName", True),  # an escape could spell it
        ("---\ntitle: Weir\n---\n", "slug", False),
        ("---\nslug: s\n---\n", "slug", True),
        ("---\ntitle: Weir\n---\n", "tool name", True),  # keys of other characters always pass
        ("no front matter at all\n", "tool.name", True),
    ],
)
def test_the_pre_filter(text: str, key: str, expected: bool) -> None:
    assert may_name_key(text, key) is expected
    assert looks_like_comparison(text, key) is expected


def test_a_key_is_matched_also_when_its_pattern_is_not_cached_yet(monkeypatch: pytest.MonkeyPatch) -> None:
    cache: dict[str, object] = {}
    monkeypatch.setattr(front_matter, "_KEY_PATTERNS", cache)
    assert may_name_key("---\nTOOL.name: x\n---\n", "toolName") is False  # "." is not any letter
    assert may_name_key("---\nTOOLNAME: x\n---\n", "toolName") is True
    assert list(cache) == ["toolName"]
    assert may_name_key("---\nslug: x\n---\n", "toolName") is False  # from the cache now


@pytest.mark.parametrize(
    ("text", "source", "body", "offset", "kind"),
    [
        ("---\n- a\n- b\n---\nbody\n", "- a\n- b\n", "body\n", 4, "a list"),
        ("---\n# only a comment\n---\nbody\n", "# only a comment\n", "body\n", 3, "nothing"),
        ("---\nhello\n---\n", "hello\n", "", 3, "a str"),
    ],
)
def test_front_matter_that_is_not_a_mapping_is_an_error(
    text: str, source: str, body: str, offset: int, kind: str
) -> None:
    found = read_front_matter(text)
    assert (found.source, found.body, found.body_offset, found.meta) == (source, body, offset, None)
    assert found.error is not None
    assert (found.error.line, found.error.reason, found.error.summary) == (
        2,
        f"it holds {kind}, not fields",
        "front matter is not a mapping",
    )
