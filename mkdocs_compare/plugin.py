"""MkDocs glue: events only. Parsing, rendering and the summary live in the pure core."""

from __future__ import annotations

import secrets
from operator import attrgetter
from typing import Literal

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from .cms_entries import Entries
from .collection import Collection, ParseCache, ParseOptions, scan_pages
from .config import CompareConfig
from .escape import html_safe_meta
from .head_tags import absolute_page_url
from .head_template import HEAD_VARIABLE, HeadLoader
from .held import HeldBlock, RenderedPage
from .highlight import HighlightCache, site_code
from .model import Comparison, Problem, Severity
from .needs import ASSET_FILES, JS_URI, stylesheets
from .page_cache import RenderInputs, templates_stamp
from .page_fill import FilledPages
from .page_head import HeadSettings, RememberedHeads, SummaryHead
from .page_meta import PageMetas
from .plugin_files import KnownUrls, on_disk
from .render import Renderer
from .served import Served
from .site import page_entry_problems, parse_options, render_settings, site_entries
from .spool import Spool
from .summary import SummaryDocument, category_name, compose_summary, plan_summary

log = get_plugin_logger("compare")
BUILD_HIGHLIGHTS = 16  # highlighted samples a build keeps, for shared ones (serve: all)
RENDER_BATCH = 32  # pages rendered ahead in one loop (see ComparePlugin._render_ahead)
PLAIN_FILLS, PLAIN_HEADS = FilledPages(remember=False), RememberedHeads(remember=False)  # a build: once
PLAIN_METAS = PageMetas(remember=False)


def report(problems: list[Problem]) -> None:
    """Log problems: warnings fail `mkdocs build --strict`, info lines never do."""
    for problem in problems:
        if problem.severity is Severity.INFO:
            log.info(str(problem))
        else:
            log.warning(str(problem))


class ComparePlugin(BasePlugin[CompareConfig]):
    """Turns exported comparison pages into themed pages and builds the cross-tool summary."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.cache = ParseCache()
        self.highlight_cache = HighlightCache(BUILD_HIGHLIGHTS)  # all samples under serve
        self.collection = Collection()
        self.renderer = Renderer()
        self.options = ParseOptions()
        self.summary: tuple[str, SummaryDocument] | None = None  # (page src_uri, document)
        self.held: dict[str, dict[str, HeldBlock]] = {}  # src_uri -> HTML blocks held from Markdown
        self.rendered: dict[str, RenderedPage] = {}  # src_uri -> page rendered ahead of its event
        self.pending: list[str] | None = None  # pages still to be rendered ahead, last first
        self.done: set[str] = set()  # pages whose Markdown event has run
        self.dirty = False
        self.urls: dict[str, str] = {}  # src_uri -> URL of each comparison page in the build
        self.head: HeadSettings | None = None  # this build's, made on its first page
        self.category_names: dict[str, str] = {}  # category slug -> heading, for render_key's options
        self.entries = Entries()
        self.summary_url: str | None = None  # the summary page's URL relative to the site root
        self.spool = Spool()  # the exports, on disk until MkDocs copies them
        self.searched: dict[str, str] = {}  # src_uri -> the page's HTML as the search index read it
        self.unwritten: set[str] = set()  # the plugin's pages not written yet
        self.served: Served | None = None  # what `mkdocs serve` keeps between rebuilds
        self.known_urls = KnownUrls()  # serve: the last rebuild's page URLs, by destination
        self.nonce = secrets.token_hex(6)  # the placeholders' token, for the plugin's lifetime
        self.render_key: object = None  # what, besides a page, its rendering depends on
        self.page_meta: dict[str, object] = {}  # option page_meta, HTML-escaped

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        # Defining on_startup keeps this object (and its caches) across `mkdocs serve` rebuilds.
        self.dirty, serving = dirty, command == "serve"  # --dirty builds read only the edited pages
        self.highlight_cache = HighlightCache() if serving else HighlightCache(BUILD_HIGHLIGHTS)
        self.served = Served() if serving else None
        self.cache = ParseCache(keep_sources=serving)  # serve: pages compared whole, not hashed

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        self.collection = Collection()
        self.summary = None
        self.held = {}
        self.rendered = {}
        self.head = None
        self.searched = {}
        self.unwritten = set()
        self.pending = None
        self.done = set()
        self.urls = {}
        self.summary_url = None
        self.options = parse_options(self.config)
        self.entries = site_entries(self.config, config.config_file_path)
        report(self.entries.problems)
        # The site's Markdown is left as configured; code tabs are highlighted as its own fences are.
        site = site_code(config.markdown_extensions, config.mdx_configs)
        self.renderer = Renderer(
            render_settings(self.config, self.options, site, self.entries),
            self.highlight_cache,
            self.nonce,
        )
        options = repr(sorted(self.config.items()))
        render_key = (options, site, self.entries, templates_stamp(self.config.custom_templates))
        # The last build's key when equal: each page's cache key then compares it by identity.
        if render_key != self.render_key:
            self.render_key, self.category_names = render_key, {}  # the names come from the options
        self.page_meta = html_safe_meta(self.config.page_meta)  # once a build, copied per page
        if self.config.assets:
            # Material styles admonitions and tabs itself; other themes get the basic look.
            for uri in stylesheets(config.theme.name):
                if uri not in config.extra_css:
                    config.extra_css.append(uri)
            if JS_URI not in [str(script) for script in config.extra_javascript]:
                config.extra_javascript.append(JS_URI)  # the summary's filter and sort; no-op elsewhere
        return config

    @event_priority(-50)  # after other plugins have added or generated their files
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        pages = {file.src_uri: file for file in files.documentation_pages()}
        kept = self.served.sources.begin(self.options) if self.served is not None else None
        scan = scan_pages(
            pages,
            lambda uri: pages[uri].content_bytes,
            self.cache,
            self.options,
            patterns=self.config.paths,
            include_drafts=self.config.drafts,
            max_age=self.config.max_age,
            kept=None if kept is None else lambda uri, make: kept.scan(uri, on_disk(pages[uri]), make),
        )
        report(scan.problems)
        report(page_entry_problems(self.config, scan.collection.sorted_pages(), self.entries))
        for uri, text in scan.decoded.items():
            pages[uri].content_string = text
        self.collection = scan.collection
        if self.served is None:
            self.cache = ParseCache()  # a build parses each page once: keep no second copy
        else:
            self.served.forget_missing(self.collection.pages, pages)
        for uri in self.collection.drafts:
            log.info(f"{uri}: draft page left out of the build")
            files.remove(pages[uri])
        url_of = self.known_urls.begin().url if self.served is not None else attrgetter("url")
        self.urls = {uri: url_of(pages[uri]) for uri in self.collection.pages if uri in pages}
        self.unwritten = set(self.urls)
        if self.served is not None:
            self.served.pages.begin(self.collection.pages, self.urls)
        if self.config.assets:
            for uri in [*stylesheets(config.theme.name), JS_URI]:
                if files.get_file_from_path(uri) is None:
                    files.append(File.generated(config, uri, abs_src_path=str(ASSET_FILES[uri])))
        self._add_summary(files, config)
        return files

    def _add_summary(self, files: Files, config: MkDocsConfig) -> None:
        """The summary page and the exports, from this build's collection (never page events).

        The summary is a virtual page, or is merged into the maintainer's page at that path;
        either way its content is set here, so `mkdocs serve --dirty` rebuilds it too.
        """
        # Where each file is written, not read from: two sources can share a destination.
        dests = {file.src_uri: file.dest_uri for file in files if file.inclusion.is_included()}
        parts = (
            self.served.summary_parts.begin(self.render_key, self.collection.pages) if self.served else None
        )
        plan = plan_summary(
            self.collection,
            self.config.summary_page,
            files.src_uris,
            title=self.config.summary_title,
            json_export=self.config.json_export,
            csv_export=self.config.csv_export,
            dests=dests,
            use_directory_urls=config.use_directory_urls,
            parts=parts,
        )
        if plan is None:
            return
        report(plan.problems)
        page_file = files.get_file_from_path(plan.page) if plan.page else None
        if plan.page and page_file is None:
            page_file = File.generated(config, plan.page, content="")
            files.append(page_file)
        self.spool.clear()  # the last build's exports (a `mkdocs serve` rebuild)
        output = compose_summary(
            plan,
            self.collection.pages.values(),
            self.urls,
            page_file.url if page_file is not None else plan.folder_url,
            self.renderer.env,
            self.renderer.labels,
            product=self.config.product,
            aliases=self.config.feature_aliases,
            max_features=self.config.summary_max_features,
            categories=self.config.categories,
            verdicts=self.renderer.verdicts,
            parts=parts,
            write_export=lambda path, write: files.append(
                File.generated(
                    config, path, **self.spool.source(path, write, in_memory=self.served is not None)
                )
            ),
        )
        report(output.model.hints)
        if page_file is None or output.document is None:
            return
        page_file.content_string = plan.page_text(
            output.document.markdown, page_file.content_string if plan.merge else None
        )
        document = output.document if self.served is not None else output.document.compressed()
        self.summary = (page_file.src_uri, document)  # a build holds it compressed until its page
        self.unwritten.add(page_file.src_uri)
        self.summary_url = page_file.url

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment | None:
        # The templates write the head tags, unless another plugin edits the pages before this one.
        loader, first = env.loader, next(iter(config.plugins.events["post_page"]), None)
        if self.served is not None:
            writes = self.served.heads.templates_write = (
                loader is not None and getattr(first, "__self__", None) is self
            )
            env.loader = (
                HeadLoader(loader, self.served.templates) if writes and loader is not None else loader
            )
        return env

    @event_priority(-100)  # after the search plugins have indexed the page
    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        # The summary's cards and matrix join here, past Markdown and the search indexers (seconds on
        # a megabyte of HTML at 1,000 tools; search results should point at the comparison pages).
        uri = page.file.src_uri
        if self.summary is not None and uri == self.summary[0] and page.content:
            self.searched[uri] = page.content  # back once written: 2 MB less to hold
            page.content = self.summary[1].fill(page.content)
            self.summary = (self.summary[0], SummaryDocument(""))  # its blocks are in place
        blocks = self.held.pop(uri, None)
        if blocks is not None and page.content is not None:
            self.searched[uri] = page.content
            fills = self.served.fills if self.served is not None else PLAIN_FILLS
            page.content = fills.filled(uri, page.content, blocks, log.warning)
            if self.served is not None and (tags := self.served.heads.planned(uri)):
                context[HEAD_VARIABLE] = [tags]  # type: ignore[literal-required]  # see head_template
        return None

    @event_priority(100)  # before the plugins that read page.meta (Material's meta, tags, blog)
    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        comparison = self.collection.pages.get(page.file.src_uri)
        if comparison is None:
            return None
        # Front matter is data for the plugin (in `comparison.meta`), not instructions for the theme.
        uri, served = page.file.src_uri, self.served
        page.meta = (served.metas if served is not None else PLAIN_METAS).meta(
            uri, comparison, self.page_meta
        )
        rendered = self.rendered.pop(uri, None)
        if rendered is None and served is not None:  # an unchanged page of a rebuild: no render ahead
            rendered = served.pages.kept(uri, comparison, self.urls.get(uri), self.render_key)
        if rendered is None and not self.dirty:
            self._render_ahead(uri)
            rendered = self.rendered.pop(uri, None)
        rendered = rendered or self._render(uri, comparison)
        self.done.add(uri)
        self.held[uri] = rendered.blocks
        return rendered.markdown

    def _render(self, uri: str, comparison: Comparison) -> RenderedPage:
        limit, url, served = self.config.related_limit, self.urls.get(uri), self.served
        if served is not None:  # `mkdocs serve`: render only if something it shows changed
            if (kept := served.pages.kept(uri, comparison, url, self.render_key)) is not None:
                return kept
            siblings = self.collection.siblings(uri, limit) if self.config.related else []
            inputs = RenderInputs(uri, comparison, siblings, url, self.urls, self.render_key)
            if (cached := served.pages.get(inputs)) is not None:
                return cached
        related = self.collection.related_links(uri, self.urls, limit) if self.config.related else []
        rendered = self.renderer.render_page_held(comparison, related, page_url=url)
        if served is None:
            self.collection.drop_body(uri)  # a build renders a page once (the summary is made)
            return rendered
        return served.pages.put(inputs, rendered)

    def _render_ahead(self, uri: str) -> None:
        """This page and the next ones, in one loop (about twice as fast as renders spread between
        Markdown conversions), a batch at a time (the build never holds every page's rendering)."""
        if self.pending is None:
            self.pending = [other for other in self.collection.pages if other in self.urls]
            self.pending.reverse()  # taken from the end: MkDocs' order is the files' order
        batch = [uri]
        while self.pending and len(batch) < RENDER_BATCH:
            other = self.pending.pop()
            if other != uri and other not in self.done:
                batch.append(other)
        for other in batch:
            self.rendered[other] = self._render(other, self.collection.pages[other])

    @event_priority(100)  # before other plugins read the HTML: they see the grid in place
    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        uri, blocks = page.file.src_uri, self.held.get(page.file.src_uri)
        if blocks is None:
            return None
        # Search reads the code samples as plain text; their highlighting is back after the index.
        fills = self.served.fills if self.served is not None else PLAIN_FILLS
        html, self.held[uri] = fills.searchable(uri, html, blocks, self.renderer.nonce, log.warning)
        return html

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self.spool.clear()

    def on_build_error(self, *, error: Exception) -> None:
        self.spool.clear()

    @event_priority(-50)  # after the theme and other plugins (Material's social plugin: 50) wrote theirs
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        uri = page.file.src_uri
        comparison = self.collection.pages.get(uri)
        settings = self._settings(config)
        if comparison is not None:
            heads = self.served.heads if self.served is not None else PLAIN_HEADS
            category = self._category(comparison)
            output = heads.apply(uri, output, comparison, page.canonical_url, category, settings)
            self._written(page)
            return output
        if self.summary is not None and uri == self.summary[0] and self.summary_url is not None:
            output = self._summary_head(output, page.title or self.config.summary_title, config, settings)
            self._written(page)
            return output
        return None

    def _summary_head(self, output: str, title: str, config: MkDocsConfig, settings: HeadSettings) -> str:
        if not settings.structured_data:
            return output
        listed = [
            (other.title, url)
            for other in self.collection.sorted_pages()
            if (url := self.urls.get(other.path)) is not None
        ]
        head = self.served.summary_head if self.served is not None else SummaryHead()
        return head.apply(output, title, listed, self.summary_url or "", config.site_url)

    def _written(self, page: Page) -> None:
        """Per-page state goes once written; its HTML back to the copy search read (no Pygments spans)."""
        uri = page.file.src_uri
        searched = self.searched.pop(uri, None)
        if searched is not None:
            page.content = searched
        if self.served is not None:  # serve keeps the models for the next rebuild
            return
        self.unwritten.discard(uri)
        self.collection.drop_front_matter(uri)  # a build: what the summary's head reads of it is left
        if not self.unwritten:
            self.collection = Collection()
            self.summary = None

    def _category(self, comparison: Comparison) -> str:
        """The heading of the page's category (worked out once a build)."""
        category = self.category_names.get(comparison.category)
        if category is None:
            category = self.category_names[comparison.category] = (
                category_name(comparison.category, self.renderer.labels, self.config.categories)
                if comparison.category
                else ""
            )
        return category

    def _settings(self, config: MkDocsConfig) -> HeadSettings:
        """This build's head settings, made on its first page."""
        if self.head is not None:
            return self.head
        summary = None
        if self.summary_url is not None:
            summary = (self.config.summary_title, absolute_page_url(config.site_url, self.summary_url))
        self.head = HeadSettings(
            canonical=self.config.canonical,
            structured_data=self.config.structured_data,
            site=(config.site_name, absolute_page_url(config.site_url, "")),
            summary=summary,
        )
        return self.head
