"""front_matter.py's small parts, with inputs built by hand and expected values written out.

The reading of whole pages (and its agreement with MkDocs) is in test_front_matter.py; these
are the corners its pages do not reach: YAML errors without a problem text or a mark,
messages cut to length, the key-pattern cache.
"""

from __future__ import annotations

import re

import pytest
import yaml
from yaml.error import Mark

from mkdocs_compare import front_matter
from mkdocs_compare.front_matter import (
    FrontMatterError,
    _error,
    _key_pattern,
    _reason,
    carries_key,
    load_yaml,
    normalize_newlines,
)


def _mark(line: int) -> Mark:
    return Mark("<front matter>", 0, line, 0, None, None)


def test_a_yaml_error_with_only_a_context_is_located_at_the_context() -> None:
    error = yaml.MarkedYAMLError(context="while parsing a flow mapping", context_mark=_mark(3))
    found = _error(error, 10)
    assert (found.line, found.reason, found.summary) == (
        13,
        "while parsing a flow mapping",
        "front matter is not valid YAML",
    )


def test_a_yaml_error_with_neither_text_nor_mark_is_named_by_its_kind_at_the_first_line() -> None:
    found = _error(yaml.MarkedYAMLError(), 7)
    assert (found.line, found.reason) == (7, "MarkedYAMLError")
    found = _error(yaml.constructor.ConstructorError(), 2)
    assert (found.line, found.reason) == (2, "ConstructorError")


def test_a_reason_is_the_first_line_of_the_message_cut_to_200_characters() -> None:
    assert _reason(ValueError("first line\nsecond line")) == "first line"
    assert _reason(ValueError("x" * 199 + "yz" + "w" * 50)) == "x" * 199 + "y"
    assert _reason(ValueError("x" * 200)) == "x" * 200
    assert _reason(ValueError()) == "ValueError"
    assert _reason(RecursionError("")) == "RecursionError"


def test_a_cached_key_pattern_is_used_as_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    """A key's pattern is compiled once: the cache, not a new pattern, answers after that."""
    cached = re.compile("weir")
    monkeypatch.setattr(front_matter, "_KEY_PATTERNS", {"toolName": cached})
    assert _key_pattern("toolName") is cached
    assert carries_key("toolName: x\nweir: y\n", "toolName") is True  # found by the cached pattern
    assert carries_key("toolName: x\n", "toolName") is False


def test_newlines_and_a_leading_byte_order_mark_are_read_as_mkdocs_reads_them() -> None:
    assert normalize_newlines("\ufeffa\r\nb\rc\n") == "a\nb\nc\n"
    assert normalize_newlines("a\ufeff") == "a\ufeff"  # only a leading one is a byte order mark


def test_five_duplicate_keys_are_named_and_more_are_counted_at_the_sixth() -> None:
    five = load_yaml("k: 1\n" * 6, first_line=10)
    assert [(note.line, note.message) for note in five.notes] == [
        (line, "duplicate key 'k': YAML keeps only the last value") for line in (11, 12, 13, 14, 15)
    ]
    seven = load_yaml("k: 1\n" * 8, first_line=10)
    assert [note.line for note in seven.notes] == [11, 12, 13, 14, 15, 16]
    assert (seven.notes[-1].message, seven.notes[-1].key) == ("and 2 more duplicate keys", None)


def test_a_callers_lone_surrogate_is_replaced_with_a_note_at_the_first_line() -> None:
    loaded = load_yaml('a: "x\ud800y"\n', first_line=4)
    assert loaded.value == {"a": "x\ufffdy"}
    assert [(n.line, n.message, n.key) for n in loaded.notes] == [
        (4, "lone surrogate characters replaced by U+FFFD", None)
    ]


def test_an_unreadable_character_is_an_error_at_the_first_line() -> None:
    with pytest.raises(FrontMatterError) as raised:
        load_yaml("a: \x01\n", first_line=3)
    assert (raised.value.line, raised.value.reason) == (
        3,
        "unacceptable character #x0001: control characters are not allowed",
    )
