"""Finding a page's source from the body a generator hands a Markdown extension."""

from __future__ import annotations

from mkdocs_compare.sources import SourceIndex

PAGE = "---\ntitle: Acme vs Hopper\ntoolName: Hopper\n---\n\n# Hopper\n\n<table></table>\n"


def test_a_body_is_found_as_generators_change_it() -> None:
    texts = {"a.md": PAGE.replace("\n", "\r\n"), "b.md": "# Other\n"}
    index = SourceIndex.of(texts, ["a.md", "b.md"])
    assert index.find("# Hopper  \n\n<table></table>").path == "a.md"  # LF, trailing spaces, no blank end
    assert index.find("\n\n# Hopper\n\n<table></table>\n\n\n").path == "a.md"
    assert index.find("# Hopper\n\n<table> </table>").path is None  # a changed body is another body
    assert index.find("# Other").path == "b.md"


def test_front_matter_left_in_the_body_is_found_too() -> None:
    """A generator that reads no front matter (invalid YAML for MkDocs) passes the whole text."""
    broken = PAGE.replace("toolName: Hopper", "toolName: [Hopper")
    index = SourceIndex.of({"a.md": broken}, ["a.md"])
    assert index.find(broken).path == "a.md"


def test_two_sources_with_one_body_are_ambiguous() -> None:
    other = PAGE.replace("toolName: Hopper", "toolName: Hopper2")
    index = SourceIndex.of({"a.md": PAGE, "b.md": other}, ["a.md", "b.md"])
    match = index.find("# Hopper\n\n<table></table>")
    assert match.path == "a.md" and match.ambiguous == ("a.md", "b.md")
    assert index.shared_bodies() == [["a.md", "b.md"]]
    assert index.holds("a.md", "# Hopper\n\n<table></table>") and not index.holds("a.md", "# Changed")
