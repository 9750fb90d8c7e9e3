"""Hypothesis strategies for exported pages: well-formed ones, and mutated ones."""

from __future__ import annotations

from exported import CODE_FORMS, ENTITY_STYLES, LAYOUTS, NO_ICON, Page, Row, render
from hypothesis import strategies as st

# The icon classes real exports use, and the others a page can hold (each shows as "not stated").
USUAL_VERDICTS = ("yes", "no")
ALL_VERDICTS = ("yes", "no", "unknown", "maybe", "partial", NO_ICON)
USUAL_ENTITIES = ("none", "named")

# Pieces of the exported format and of hostile text, so mutations hit the parser's edge cases.
FRAGMENTS = [
    "<",
    ">",
    "</",
    '"',
    "'",
    "&",
    "&nbsp;",
    "&#x",
    "\n",
    "\r",
    "---\n",
    "...\n",
    ":",
    "- ",
    "  ",
    "\t",
    "```",
    "~~~",
    "<tr>",
    "</tr>",
    "<td>",
    "</td>",
    '<td class="tooltip">',
    "<th>",
    "<table>",
    "</table>",
    "<tbody>",
    '<span class="icon yes">',
    '<span class="icon maybe">',
    '<span class="tooltiptext">',
    "</span>",
    "<br>",
    "<!--",
    "-->",
    "<pre><code>",
    "</code></pre>",
    "<ul>",
    "<li>",
    "</ul>",
    "toolName: ",
    "title: ",
    "{{",
    "{%",
    "*",
    "\x00",
    "\ufeff",
    "\udcff",
    "é",
    "2024-13-45",
    "&x",
    "[",
    "!!",
]

names = st.text(
    alphabet=st.one_of(
        st.characters(blacklist_categories=("Cs", "Cc")), st.sampled_from("<>&\"'*_[]()!#{}%=^~:$|`\\-")
    ),
    min_size=1,
    max_size=30,
).filter(lambda text: text.split())


# One line of plain text for a front-matter field (the plugin shows those squeezed).
lines = names.map(lambda text: " ".join(text.split()))
# Non-ASCII that exports hold: typographic quotes and dashes, accents, symbols, an emoji.
_NON_ASCII = st.sampled_from(
    ["\u201cquoted\u201d", "caf\u00e9", "\u2013", "\u2014", "na\u00efve", "\u00a9", "\u2122", "\U0001f680"]
)
texts = st.lists(st.one_of(names, _NON_ASCII), min_size=1, max_size=3).map(" ".join)


@st.composite
def exported_pages(
    draw: st.DrawFn, verdicts: tuple[str, ...] = USUAL_VERDICTS, entities: tuple[str, ...] = USUAL_ENTITIES
) -> Page:
    """A whole exported page in any of the seen layouts and code forms, with any text in it.

    `verdicts` are the icon classes to draw from: by default the two real exports use, so the
    parser's fast path reads every row; `ALL_VERDICTS` adds unknown ones and missing icons.
    `entities` are the ways non-ASCII text is written: by default as is or by name, as real
    exports do; "numeric" also writes references to any code point (the fast paths leave
    some of those to the slower readers).
    """
    count = draw(st.integers(min_value=1, max_value=6))
    rows = [
        Row(
            draw(texts),
            draw(st.sampled_from(verdicts)),
            draw(texts),
            draw(st.sampled_from(verdicts)),
            draw(texts),
        )
        for _ in range(count)
    ]
    code_form = draw(st.sampled_from(CODE_FORMS))
    return Page(
        tool=draw(lines),
        headline=draw(lines),
        hero_text=draw(texts),
        cta_headline=draw(st.one_of(st.none(), lines)),
        rows=rows,
        learn_more=tuple(draw(st.lists(texts, min_size=1, max_size=3))),
        layout=draw(st.sampled_from(LAYOUTS)),
        code_form=code_form,
        entities=draw(st.sampled_from(entities)),
        glued=code_form != "pre" and draw(st.booleans()),
        list_ids=draw(st.booleans()),
        extra_front_matter=draw(st.sampled_from(["", _SEO, 'quote: "a-customer"'])),
    )


_SEO = 'seo:\n  title: "Lattice or Conveyor?"\n  description: "How they differ."\n  canonical: "https://lattice.example.org/compare/conveyor"'


def any_exported_pages() -> st.SearchStrategy[Page]:
    """Exported pages whose icons may be unknown or missing (the grid shows "not stated"), with
    non-ASCII text also written as numeric references."""
    return exported_pages(verdicts=ALL_VERDICTS, entities=ENTITY_STYLES)


@st.composite
def mutated_pages(draw: st.DrawFn) -> str:
    text = render(draw(exported_pages()))
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        position = draw(st.integers(min_value=0, max_value=len(text)))
        kind = draw(st.sampled_from(["insert", "delete", "duplicate", "truncate"]))
        if kind == "insert":
            piece = draw(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=5)))
            text = text[:position] + piece + text[position:]
        elif kind == "delete":
            text = text[:position] + text[position + draw(st.integers(min_value=1, max_value=40)) :]
        elif kind == "duplicate":
            end = position + draw(st.integers(min_value=1, max_value=200))
            text = text[:end] + text[position:end] + text[end:]
        else:
            text = text[:position]
    return text


_FRONT_MATTER_OPENINGS = st.sampled_from(["---\n", "---\r\n", "\ufeff---\n", "--- \n"])
_KEYS = st.sampled_from(
    ["toolName: ", "title: ", "slug: ", "draft: ", "toolIcon:\n  url: ", "category: ", ""]
)


@st.composite
def page_like_text(draw: st.DrawFn) -> str:
    """Arbitrary text, most of it shaped like a page: front matter (closed or not, with the
    keys the parser reads and any values) over any body, or a whole page cut and spliced."""
    kind = draw(st.sampled_from(["text", "front matter", "page"]))
    if kind == "text":
        return draw(st.text())
    if kind == "page":
        return draw(mutated_pages())
    fields = draw(st.lists(st.tuples(_KEYS, st.text(max_size=20)), max_size=5))
    front = "\n".join(key + value for key, value in fields)
    closing = draw(st.sampled_from(["\n---\n", "\n...\n", "\n", ""]))
    return (
        draw(_FRONT_MATTER_OPENINGS)
        + front
        + closing
        + draw(st.one_of(st.text(), st.sampled_from(FRAGMENTS)))
    )
