"""Head tags go into a built page by one replacement of its head: the page after the head (the
site's whole navigation) is kept as it is, and only the head as it was read changes. Expected
documents are written out by hand."""

from __future__ import annotations

import pytest

from mkdocs_compare.head_tags import HEAD_SEARCH, apply_head_tags, edited_head, head_end, with_head
from mkdocs_compare.model import HeadTag
from mkdocs_compare.page_head import HeadSettings, RememberedHeads, SummaryHead
from mkdocs_compare.parse import parse_comparison

# The tags the default exported page (`exported.Page()`) gets without structured data, written
# out by hand: the oracle of the remembered-head tests here and in test_serve_head.
PAGE_TAGS = (
    '<meta property="og:type" content="article">\n'
    '<meta property="og:title" content="Lattice vs Conveyor">\n'
    '<meta property="og:description" content="Lattice compared with Conveyor.">\n'
    '<meta property="og:image" content="https://lattice.example.org/og/conveyor.png">\n'
    '<meta name="twitter:card" content="summary_large_image">\n'
)

CANONICAL = HeadTag("canonical", "https://lattice.example.org/vs/quarry")
TITLE = HeadTag("og:title", "Lattice vs Quarry")
NEW_CANONICAL = '<link rel="canonical" href="https://lattice.example.org/vs/quarry">'
NEW_TITLE = '<meta property="og:title" content="Lattice vs Quarry">'
# The body repeats the head's text: a replacement that searched the whole page for it would
# change the body too.
BODY = '<body><p>&lt;/head&gt;</p><pre>&lt;link rel="canonical" href="a"&gt;</pre></head></body></html>'


def test_tags_are_added_before_the_first_close_of_the_head_only() -> None:
    document = "<html><head><title>Q</title></head>" + BODY
    assert apply_head_tags(document, [TITLE]) == (f"<html><head><title>Q</title>{NEW_TITLE}\n</head>" + BODY)


def test_the_canonical_is_replaced_in_the_head_not_in_a_comment_before_it() -> None:
    comment = '<!-- <link rel="canonical" href="a"> -->'
    head = f'<html><head>{comment}<link rel="canonical" href="a"><title>Q</title></head>'
    assert apply_head_tags(head + BODY, [CANONICAL, TITLE]) == (
        f"<html><head>{comment}{NEW_CANONICAL}<title>Q</title>{NEW_TITLE}\n</head>" + BODY
    )


def test_canonical_off_removes_it_and_adds_nothing_else() -> None:
    document = '<html><head><link rel="canonical" href="a"><title>Q</title></head>' + BODY
    assert apply_head_tags(document, [], "off") == "<html><head><title>Q</title></head>" + BODY


def test_nothing_to_change_gives_the_document_itself() -> None:
    document = '<html><head><meta property="og:title" content="theirs"></head>' + BODY
    assert apply_head_tags(document, [TITLE]) is document
    assert apply_head_tags("<p>no head</p>", [TITLE]) == "<p>no head</p>"


def test_a_body_tag_before_the_head_closes_ends_the_head() -> None:
    document = "<html><head><title>Q</title><body><p>x</p></head></body></html>"
    assert apply_head_tags(document, [TITLE]) == (
        f"<html><head><title>Q</title>{NEW_TITLE}\n<body><p>x</p></head></body></html>"
    )


def test_a_head_past_the_bounded_search_is_still_found() -> None:
    padding = "<!--" + "x" * HEAD_SEARCH + "-->"
    document = f"<html><head>{padding}</head>" + BODY
    assert head_end(document) == len(f"<html><head>{padding}</head>")
    assert apply_head_tags(document, [TITLE]) == f"<html><head>{padding}{NEW_TITLE}\n</head>" + BODY
    assert head_end("<head>") == -1


@pytest.mark.parametrize("first", [0, 6, 13])
def test_with_head_keeps_what_precedes_the_first_change(first: int) -> None:
    document = "<head><title>Q</title></head><p>a</p></head>"
    end = head_end(document)
    new = document[:first] + "NEW" + document[first:end]
    assert with_head(document, end, new, first) == new + "<p>a</p></head>"
    assert edited_head("<head></head>", [])[1] == len("<head></head>")


def test_a_remembered_head_is_handed_out_for_the_same_head_and_made_again_for_another() -> None:
    from exported import Page, render

    comparison = parse_comparison(render(Page()), "compare/conveyor.md").comparison
    assert comparison is not None
    settings = HeadSettings(structured_data=False)
    last = RememberedHeads()
    document = "<html><head><title>A</title></head>" + BODY
    tags = PAGE_TAGS
    remembered = last.apply("p", document, comparison, None, "", settings)
    assert remembered == "<html><head><title>A</title>" + tags + "</head>" + BODY
    assert last.apply("p", document, comparison, None, "", settings) == remembered
    other = document.replace("<title>A</title>", "<title>B</title>")
    assert last.apply("p", other, comparison, None, "", settings) == remembered.replace(
        "<title>A</title>", "<title>B</title>"
    )


def test_the_summary_list_is_made_again_when_a_name_or_url_changes() -> None:
    kept = SummaryHead()
    document = "<html><head></head><body></body></html>"
    first = kept.apply(document, "All", [("Lattice vs Quarry", "compare/quarry/")], "compare/", None)
    assert '"url":"quarry/"' in first.replace(" ", "")
    again = kept.apply(document, "All", [("Lattice vs Quarry", "compare/quarry/")], "compare/", None)
    assert again == first
    renamed = kept.apply(document, "All", [("Lattice vs Quarrel", "compare/quarry/")], "compare/", None)
    assert "Quarrel" in renamed and "Quarry" not in renamed
    absolute = kept.apply(
        document, "All", [("Lattice vs Quarrel", "compare/quarry/")], "compare/", "https://x.org/"
    )
    assert '"url":"https://x.org/compare/quarry/"' in absolute.replace(" ", "")
