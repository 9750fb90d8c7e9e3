"""Hypothesis strategies for exported pages: well-formed ones, and mutated ones."""

from __future__ import annotations

from exported import CODE_FORMS, LAYOUTS, Page, Row, render
from hypothesis import strategies as st

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


@st.composite
def exported_pages(draw: st.DrawFn) -> Page:
    count = draw(st.integers(min_value=1, max_value=6))
    rows = [
        Row(
            draw(names),
            draw(st.sampled_from(["yes", "no"])),
            draw(names),
            draw(st.sampled_from(["yes", "no"])),
            draw(names),
        )
        for _ in range(count)
    ]
    return Page(rows=rows, layout=draw(st.sampled_from(LAYOUTS)), code_form=draw(st.sampled_from(CODE_FORMS)))


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
