"""Raw HTML held back from Python-Markdown and put into the page's HTML after conversion.

Markdown would parse every tag of a generated block only to pass it through; a placeholder
comment stands in for the block, and the plugin swaps the block back in after conversion
(before the search index for content, after it for navigation and highlighted code).
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from typing import Any

import jinja2
from markupsafe import Markup


@dataclass(frozen=True, slots=True)
class HeldBlock:
    """Raw HTML held back from Markdown; `searchable` ones join the page before search
    indexes it, the others (navigation, such as related links) after. A block held for long
    (highlighted code, from its page's HTML until the theme renders it: MkDocs converts every
    page before writing any) is kept compressed in `packed`, `html` left empty."""

    html: str
    searchable: bool
    packed: bytes = b""
    # Set for a region (held code): the block replaces everything from its placeholder, which
    # opens the region, to this mark, which closes it, so the key is not the region's text.
    until: str = ""

    @classmethod
    def compressed(cls, html: str, searchable: bool, until: str = "") -> HeldBlock:
        """A block kept zlib-compressed (Pygments' markup shrinks about tenfold)."""
        return cls("", searchable, zlib.compress(html.encode("utf-8", "surrogatepass"), 1), until)

    def text(self) -> str:
        if self.packed:
            return zlib.decompress(self.packed).decode("utf-8", "surrogatepass")
        return self.html


@dataclass(frozen=True)
class RenderedPage:
    """A page's Markdown with its large raw-HTML blocks held back as placeholders.

    Python-Markdown would parse every tag of the feature grid only to pass it through
    unchanged; the grid is put into the page's HTML after conversion instead (`fill_blocks`).
    """

    markdown: str
    blocks: dict[str, HeldBlock]  # placeholder -> block


def fill_blocks(html: str, blocks: dict[str, HeldBlock], searchable: bool) -> tuple[str, list[str]]:
    """Replace the placeholders of the searchable (or of the other) blocks, removing those
    blocks from `blocks`; returns the HTML and the blocks whose placeholder was not found
    (a custom template that put one inside a code block, say)."""
    lost = []
    for placeholder, block in list(blocks.items()):
        if block.searchable != searchable:
            continue
        del blocks[placeholder]
        start = html.find(placeholder)
        end = html.find(block.until, start) if block.until and start != -1 else start
        if start != -1 and end != -1:
            size = end + len(block.until) - start if block.until else len(placeholder)
            html = html[:start] + block.text() + html[start + size :]
        else:
            lost.append(block.text())
    return html, lost


def plain_for_search_marks(html: str, nonce: str) -> Markup:
    """Highlighted code between the marks that `hold_code_from_search` looks for."""
    start, end = _mark(nonce, "plain-for-search:start"), _mark(nonce, "plain-for-search:end")
    return Markup(f"{start}{html}{end}")


def _mark(nonce: str, name: str) -> str:
    """An HTML comment the renderer places and the plugin finds again (never page text: that
    is escaped, and the nonce is per build)."""
    return f"<!-- mkdocs-compare:{nonce}:{name} -->"


@jinja2.pass_context
def plain_for_search(context: Any, edge: str) -> Markup:
    """`{{ plain_for_search("start") }}` … `("end") }}`: marks highlighted code that the search
    index should read as plain text (see `hold_code_from_search`); nothing in portable Markdown."""
    if context.get("_held_blocks") is None:
        return Markup("")
    return Markup(_mark(context["_nonce"], f"plain-for-search:{edge}") + "\n")


_SPAN_TAG_RE = re.compile(r"</?span\b[^>]*>")


def hold_code_from_search(html: str, nonce: str, blocks: dict[str, HeldBlock]) -> str:
    """The page HTML with the marked code's highlighting spans removed; each highlighted region
    joins `blocks` as an unsearchable block, put back by `fill_blocks` once the search index
    has read the page.

    The text is the same either way; Pygments' thousands of `<span>`s are what a search
    indexer pays for (Material's checks every open element on every tag: code tabs nest deep).
    """
    start, end = _mark(nonce, "plain-for-search:start"), _mark(nonce, "plain-for-search:end")
    out: list[str] = []
    position = 0
    number = 0
    while (begin := html.find(start, position)) != -1 and (finish := html.find(end, begin)) != -1:
        region = html[begin + len(start) : finish]
        opening, closing = _mark(nonce, f"code-{number}:start"), _mark(nonce, f"code-{number}:end")
        blocks[opening] = HeldBlock.compressed(region.removeprefix("\n\n"), False, until=closing)
        out += [html[position:begin], opening, _SPAN_TAG_RE.sub("", region), closing]
        number += 1
        position = finish + len(end)
        # Each mark is a block of its own: it goes with the blank line Markdown put after it.
        position += 2 if html.startswith("\n\n", position) else 0
    out.append(html[position:])
    return "".join(out)


@jinja2.pass_context
def html_block(context: Any, html: str, searchable: bool = True) -> Markup:
    """`{% filter html_block %}`: a raw-HTML block, held back from Markdown when the caller
    asked for a `RenderedPage` (a placeholder comment goes in its place)."""
    held: dict[str, HeldBlock] | None = context.get("_held_blocks")
    if held is None:
        return Markup(html)
    placeholder = _mark(context["_nonce"], str(len(held)))
    held[placeholder] = HeldBlock(str(html).rstrip("\n"), searchable)
    return Markup(placeholder + "\n")
