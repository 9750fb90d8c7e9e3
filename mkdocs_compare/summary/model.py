"""The summary's data types: its model (rows, columns, groups), its page document, its plan.

Kept apart from the pages' model (`mkdocs_compare.model`): these are built from comparison
pages, for the summary alone, and nothing else in the package needs them.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TextIO

from ..exports import as_text
from ..model import Comparison, Feature, Problem, VerdictKind, VerdictScale
from ..summary_parts import SummaryParts
from ..verdicts import DEFAULT_SCALE
from .merge import insert_summary


@dataclass(frozen=True, slots=True)
class Cell:
    """One feature of one page, placed in the matrix."""

    feature: Feature
    key: str
    href: str  # to the feature's row on the comparison page, relative to the summary page
    quiet: bool = False  # the product's verdict is "yes", as on every page: not drawn
    # The glyphs' classes: t-<code> (the tool's verdict), p-<code> (the product's), pq (quiet).
    classes: str = ""


@dataclass(slots=True)
class ToolRow:
    """A comparison page in the summary: card data, matrix cells and totals."""

    page: Comparison
    url: str  # relative to the site root
    href: str  # relative to the summary page
    category: str
    icon: str = ""  # the tool icon's URL, safe, and relative to the summary page
    cells: dict[str, Cell] = field(default_factory=dict)  # by feature key, shown as columns
    slots: list[Cell | None] = field(default_factory=list)  # one per matrix column, in order
    others: list[Cell] = field(default_factory=list)  # features not shown as columns
    tool_yes: int = 0  # verdicts that count as yes (type success: see verdicts.counts_as_yes)
    product_yes: int = 0
    reviewed: str = ""  # the page's review date (ISO), "" when it has none
    keys: tuple[str, ...] = ()  # each feature's key, in the page's order

    @property
    def total(self) -> int:
        return len(self.page.features)

    @property
    def slug(self) -> str:
        """The page's `slug` (what `?vs=` names it by), else its file name without `.md`."""
        return self.page.slug.strip() or self.page.path.rsplit("/", 1)[-1].removesuffix(".md")


@dataclass(frozen=True)
class FeatureColumn:
    key: str
    name: str
    count: int  # pages that mention it
    disputed: bool = False  # the product's verdict differs between the pages mentioning it


@dataclass
class CategoryGroup:
    slug: str
    name: str
    rows: list[ToolRow]


@dataclass
class SummaryModel:
    product: str
    rows: list[ToolRow]
    groups: list[CategoryGroup]
    features: list[FeatureColumn]  # every feature, ranked by the number of pages mentioning it
    columns: list[FeatureColumn]  # the ones shown as matrix columns
    inline_notes: bool
    keys: dict[tuple[str, int], str] = field(default_factory=dict)  # (page path, row index) -> key
    hints: list[Problem] = field(default_factory=list)
    verdicts: VerdictScale = DEFAULT_SCALE
    used: list[VerdictKind] = field(default_factory=list)  # the verdicts the pages say, in order
    # The last serve build's per-tool pieces (rows, cards, export lines), reused where unchanged.
    parts: SummaryParts | None = field(default=None, compare=False, repr=False)

    @property
    def left_out(self) -> int:
        return len(self.features) - len(self.columns)


@dataclass
class SummaryDocument:
    """The summary as Markdown, with its big HTML blocks (cards, matrix) held apart.

    The Markdown has a placeholder comment per block: the MkDocs glue swaps the blocks into the
    page's HTML after Markdown ran (a megabyte of raw HTML would cost Python-Markdown seconds
    and gain nothing); `inline()` gives plain Markdown for other generators.
    """

    markdown: str
    blocks: dict[str, str] = field(default_factory=dict)
    # The blocks zlib-compressed instead (`compressed`): held for a whole build, until the
    # summary page (usually the last) is written, they are a tenth of the size.
    packed: dict[str, bytes] = field(default_factory=dict)

    def compressed(self) -> SummaryDocument:
        """The same document with its blocks kept compressed (about 2 MB of HTML at 1,000 tools)."""
        packed = {p: zlib.compress(b.encode("utf-8", "surrogatepass"), 1) for p, b in self.blocks.items()}
        return SummaryDocument(self.markdown, {}, {**self.packed, **packed})

    def _blocks(self) -> Iterator[tuple[str, str]]:
        yield from self.blocks.items()
        for placeholder, packed in self.packed.items():
            yield placeholder, zlib.decompress(packed).decode("utf-8", "surrogatepass")

    def inline(self) -> str:
        """Markdown with every block in place (raw HTML blocks), for any Markdown generator."""
        text = self.markdown
        for placeholder, block in self._blocks():
            text = text.replace(placeholder, block.strip("\n"), 1)
        return text

    def fill(self, html_text: str) -> str:
        """The page's HTML with every placeholder (its first occurrence) replaced by its block.

        Each is found in the HTML as converted and the page is joined once: replacing them one
        by one copied the growing page per block (a hundred copies of 2 MB at 1,000 tools).
        The same text either way, since no block holds a placeholder (they carry a nonce)."""
        found = sorted(
            (at, placeholder, block)
            for placeholder, block in self._blocks()
            if (at := html_text.find(placeholder)) != -1
        )
        pieces, position = [], 0
        for at, placeholder, block in found:
            pieces += [html_text[position:at], block]
            position = at + len(placeholder)
        pieces.append(html_text[position:])
        return "".join(pieces)


@dataclass(frozen=True)
class SummaryExport:
    """One export file beside the summary page."""

    name: str  # file name, also the download link from the summary page
    path: str  # relative to docs_dir (POSIX)
    write_to: Callable[[SummaryModel, TextIO], None]  # writes the export a page at a time

    def write(self, model: SummaryModel) -> str:
        """The export as one text (the commands; the plugin streams it to a file)."""
        return as_text(self.write_to, model)

    @property
    def label(self) -> str:
        """The download link's text ("JSON", "CSV")."""
        return self.name.rsplit(".", 1)[1].upper()


@dataclass
class SummaryPlan:
    """Where the summary page and the exports go, and what was refused, before building any.

    `page` is "" when there is no summary page (turned off, or refused with a problem); the
    exports then still go to the comparison pages' folder. `merge` means the maintainer has a
    page at that path: the summary goes into it and the page keeps its own title.
    """

    page: str
    folder: str
    merge: bool = False
    title: str | None = None  # the first heading of a generated page
    exports: list[SummaryExport] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def downloads(self) -> list[tuple[str, str]]:
        """(label, link relative to the summary page) of every export written."""
        return [(export.label, export.name) for export in self.exports]

    @property
    def folder_url(self) -> str:
        """The folder's URL, standing in for the summary page's when there is none."""
        return self.folder + "/" if self.folder else ""

    def page_text(self, summary_markdown: str, existing_text: str | None = None) -> str:
        """The summary page's whole source: the summary alone, or merged into the existing page."""
        if self.merge and existing_text is not None:
            return insert_summary(existing_text, summary_markdown)
        return summary_markdown


@dataclass
class SummaryOutput:
    """Everything a plan produces: the model, the export texts and the page's document."""

    model: SummaryModel
    exports: dict[str, str]  # export path (relative to docs_dir) -> text
    document: SummaryDocument | None  # None when there is no summary page
