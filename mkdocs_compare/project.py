"""A docs folder read once, answering a Markdown extension's questions page by page.

The extension front end is called once per page with the page's body; the comparison pages'
fields, the related links and the summary need every page of the folder. So the folder is
scanned once (the same `scan_pages` as the plugin and the commands), its sources indexed by
body (`sources.SourceIndex`), and each body handed in is turned into what the plugin would
have made of that page: the page's Markdown with its HTML held back, or the summary.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .collection import ParseCache, Scan, scan_pages
from .escape import escape_html, escape_markdown, safe_url
from .held import HeldBlock, RenderedPage, fill_blocks, hold_code_from_search
from .highlight import HighlightCache, SiteCode
from .model import Comparison, Location, Problem, Severity
from .parse import decode_source
from .project_site import ProjectSite
from .render import Renderer
from .site import (
    MARKDOWN_SUFFIXES,
    page_entry_problems,
    parse_options,
    render_settings,
    site_entries,
    source_files,
)
from .sources import SourceIndex
from .summary import (
    SUMMARY_MARKER,
    SummaryDocument,
    SummaryOutput,
    SummaryPlan,
    compose_summary,
    insert_summary,
    plan_summary,
)
from .urls import page_url

if TYPE_CHECKING:
    from .config import CompareConfig


@dataclass
class PageOutput:
    """A page as the extension hands it on: Markdown, and HTML to put in after conversion."""

    path: str
    markdown: str
    fill: Callable[[str], tuple[str, list[str]]]  # HTML -> (HTML, blocks whose place was lost)
    # A placeholder of the page's: postprocessors also run on bits of it (toc on headings),
    # and only the whole page's HTML holds this.
    marker: str = ""
    problems: list[Problem] = field(default_factory=list)


class Project:
    """One docs folder with one set of options, scanned on creation."""

    def __init__(
        self,
        site: ProjectSite,
        config: CompareConfig,
        code: SiteCode,
        highlight: HighlightCache,
        cache: ParseCache | None = None,
    ) -> None:
        self.site = site
        self.config = config
        files = source_files(site.docs_dir, site.excluded)
        self.files = files
        self.problems: list[Problem] = []
        raw = {path: self._read(path) for path in files if path.lower().endswith(MARKDOWN_SUFFIXES)}
        sources = {path: data for path, data in raw.items() if data is not None}
        options = parse_options(config)
        self.scan: Scan = scan_pages(
            list(sources),
            sources.__getitem__,
            cache or ParseCache(),
            options,
            patterns=config.paths,
            include_drafts=config.drafts,
            max_age=config.max_age,
        )
        self.problems += self.scan.problems
        # Every page's text as the build reads it (repaired ones as the scan repaired them).
        self.texts = {
            path: self.scan.decoded.get(path) or decode_source(data, path)[0]
            for path, data in sources.items()
        }
        entries = site_entries(config, config.config_file_path)
        pages = self.scan.collection.sorted_pages()
        self.problems += entries.problems + page_entry_problems(config, pages, entries)
        self.renderer = Renderer(
            render_settings(config, options, code, entries),
            highlight,
        )
        collection = self.scan.collection
        summaries = [path for path, text in self.texts.items() if SUMMARY_MARKER in text]
        self.index = SourceIndex.of(self.texts, [*collection.pages, *collection.drafts, *summaries])
        for group in self.index.shared_bodies():
            where = Location(group[0])
            others = ", ".join(group[1:])
            message = f"has the same body as {others}: a Markdown extension cannot tell them apart"
            self.problems.append(Problem(where, message + " (the first is used)"))

    def _read(self, path: str) -> bytes | None:
        try:
            return (self.site.docs_dir / path).read_bytes()
        except OSError as error:
            self.problems.append(Problem(Location(path), f"cannot read: {error.strerror or error}"))
            return None

    def url_of(self, path: str) -> str:
        """A page's URL as raw HTML must give it: its source path where the generator resolves
        those (Zensical), else its final URL relative to the site root."""
        return path if self.site.source_relative else page_url(path, self.site.use_directory_urls)

    def current(self, path: str, body: str) -> bool:
        """Whether `path` still has the body it was scanned with (`zensical serve` edits)."""
        return self.index.holds(path, body)

    def comparison(self, path: str) -> RenderedPage | None:
        """The plugin's Markdown for the comparison page at `path` (None: not one)."""
        page: Comparison | None = self.scan.collection.pages.get(path)
        if page is None:
            return None
        collection, config = self.scan.collection, self.config
        related = []
        if config.related and self.site.source_relative:
            related = collection.related_links(path, limit=config.related_limit)
        elif config.related:
            urls = {other: self.url_of(other) for other in collection.pages}
            related = collection.related_links(path, urls, config.related_limit)
        page_at = None if self.site.source_relative else self.url_of(path)
        return self.renderer.render_page_held(page, related, page_url=page_at)

    def summary(self, path: str, body: str) -> tuple[str, SummaryDocument | None, dict[str, str]]:
        """The page at `path` with the summary at its marker, its document (whose blocks join
        the HTML after conversion) and the exports (path in the site -> text)."""
        config, collection = self.config, self.scan.collection
        plan = None
        if config.enabled and config.summary_page != "":
            plan = plan_summary(
                collection,
                path,
                set(self.files) - set(collection.drafts),
                title=config.summary_title,
                json_export=config.json_export,
                csv_export=config.csv_export,
                use_directory_urls=self.site.use_directory_urls,
            )
        if plan is None or not plan.page:
            return body, None, {}
        self.problems += plan.problems
        output = self._compose(plan, self.url_of)
        self.problems += output.model.hints
        exports = output.exports
        if self.site.source_relative:  # the exports hold URLs of the built site, as the plugin's
            exports = self._compose(plan, lambda page: page_url(page, self.site.use_directory_urls)).exports
        if output.document is None:
            return body, None, exports
        markdown = output.document.markdown
        if not self.site.source_relative:
            markdown = raw_download_links(markdown, plan.downloads)
        return insert_summary(body, markdown), output.document, exports

    def _compose(self, plan: SummaryPlan, url_of: Callable[[str], str]) -> SummaryOutput:
        config, pages = self.config, self.scan.collection.pages
        return compose_summary(
            plan,
            pages.values(),
            {other: url_of(other) for other in pages},
            url_of(plan.page),
            self.renderer.env,
            self.renderer.labels,
            product=config.product,
            aliases=config.feature_aliases,
            max_features=config.summary_max_features,
            categories=config.categories,
            verdicts=self.renderer.verdicts,
        )

    def draft(self, path: str) -> Problem:
        """The warning for a draft that the generator builds anyway."""
        return Problem(
            Location(path),
            "draft page: this generator builds it, and a Markdown extension cannot leave it out; "
            "it is left as it is (list it in `draft_docs` or `exclude_docs`, or use `mkdocs-compare render`)",
            Severity.WARNING,
        )


def held_filler(blocks: dict[str, HeldBlock], nonce: str) -> Callable[[str], tuple[str, list[str]]]:
    """Puts a held page's blocks into its HTML, in the order the plugin does (the searchable
    ones, the code marks, the rest), so the extension's page is the plugin's page."""

    def fill(html: str) -> tuple[str, list[str]]:
        html, lost = fill_blocks(html, blocks, True)
        html = hold_code_from_search(html, nonce, blocks)
        html, later = fill_blocks(html, blocks, False)
        return html, lost + later

    return fill


def export_target(site_dir: Path, path: str) -> Path | None:
    """Where an export goes in the built site; None when the path would leave it."""
    normal = posixpath.normpath(path)
    if normal.startswith(("../", "/")) or normal in ("..", "."):
        return None
    target = (site_dir / normal).resolve()
    root = site_dir.resolve()
    return target if target.is_relative_to(root) and target != root else None


def raw_download_links(markdown: str, downloads: list[tuple[str, str]]) -> str:
    """The summary's links to its exports as raw HTML: MkDocs checks Markdown links against
    the docs' files, and the exports an extension writes into the built site are not among
    them (the plugin adds them as files); a custom template's other links stay as they are."""
    for label, link in downloads:
        written = f"[{escape_markdown(label)}]({safe_url(link)})"
        markdown = markdown.replace(
            written, f'<a href="{escape_html(safe_url(link))}">{escape_html(label)}</a>'
        )
    return markdown
