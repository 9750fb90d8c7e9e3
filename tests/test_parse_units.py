"""parse.py's decoding of a page's bytes, with inputs and expected values written by hand."""

from __future__ import annotations

from mkdocs_compare.parse import decode_source


def test_a_page_that_is_not_utf8_is_decoded_as_windows_1252_and_the_bad_byte_is_located() -> None:
    # 0x93 and 0x94 are Windows-1252 quotes; 0x81 is no character there and becomes U+FFFD.
    text, problem = decode_source(b"a\r\nb\n\n\x93q\x94 \x81\n", "compare/x.md")
    assert text == "a\nb\n\n\u201cq\u201d \ufffd\n"
    assert problem is not None
    assert (problem.location.path, problem.location.line) == ("compare/x.md", 4)
    assert problem.message == (
        "not valid UTF-8 (byte 0x93 at offset 6); decoded as Windows-1252, please re-save the file as UTF-8"
    )


def test_a_line_break_that_starts_the_page_counts() -> None:
    _, problem = decode_source(b"\n\xff", "p.md")
    assert problem is not None and problem.location.line == 2
