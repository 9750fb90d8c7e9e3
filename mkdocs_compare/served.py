"""What the plugin keeps between `mkdocs serve` rebuilds, each with the inputs it came from.

A rebuild after one edit runs every page's events again; each step hands out its last result
for equal inputs instead of doing the work again (see `page_cache`, `summary_parts`,
`source_reads`, `page_head`). Pure, and made only under `mkdocs serve`: a plain build keeps
none of it.
"""

from __future__ import annotations

from collections.abc import Container, Iterable
from dataclasses import dataclass, field

from .page_cache import PageCache
from .page_fill import FilledPages
from .page_head import RememberedHeads, SummaryHead
from .page_meta import PageMetas
from .source_reads import KeptSources
from .summary_parts import SummaryParts


@dataclass
class Served:
    """Per page (by source path): its rendering, page.meta, HTML for search and filled HTML,
    and head; the summary's parts and head; the pages' bytes."""

    pages: PageCache = field(default_factory=PageCache)
    fills: FilledPages = field(default_factory=FilledPages)
    heads: RememberedHeads = field(default_factory=RememberedHeads)
    summary_parts: SummaryParts = field(default_factory=SummaryParts)
    summary_head: SummaryHead = field(default_factory=SummaryHead)
    sources: KeptSources = field(default_factory=KeptSources)
    templates: dict[str, tuple[str, str]] = field(default_factory=dict)  # see head_template.HeadLoader
    metas: PageMetas = field(default_factory=PageMetas)

    def forget_missing(self, comparisons: Iterable[str], pages: Container[str]) -> None:
        """Drop what is kept for pages no longer in the build (comparison pages; all pages)."""
        comparisons = set(comparisons)
        for kept in (self.pages, self.fills, self.heads, self.metas):
            kept.forget_missing(comparisons)
        self.sources.forget_missing(pages)
