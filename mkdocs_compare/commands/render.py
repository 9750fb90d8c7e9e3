"""`mkdocs-compare render`: the converted docs as plain Material-flavoured Markdown.

Generators that do not run MkDocs plugins (Zensical, properdocs without this plugin, any
Python-Markdown based tool) can build the output as it is: each comparison page becomes the
Markdown the plugin would have fed to MkDocs, with its front matter cut down to `title` and
`description`, next to the plugin's stylesheet and script and the `mkdocs.yml` lines the pages
need. The summary page is written with its cards and matrix inlined as raw HTML (the plugin
swaps them in after Markdown, which other generators cannot), beside the JSON and CSV exports.
Parsing, rendering, the page scan and the summary's plan are the pure core's
(collection.scan_pages, summary.plan_summary), shared with the plugin, so both routes give the
same pages.
"""

from __future__ import annotations

import argparse
import posixpath
import shutil
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from ..collection import Collection, ParseCache, ParseOptions, Scan, scan_pages
from ..escape import html_safe_meta
from ..highlight import SiteCode
from ..model import Comparison, Problem, Severity
from ..needs import ASSET_FILES, CSS_URI, JS_URI, REQUIRED_EXTENSIONS, stylesheets
from ..parse import decode_source
from ..printable import one_line
from ..render import Renderer
from ..site import (
    MARKDOWN_SUFFIXES,
    SiteError,
    config_file_from,
    load_plugin_config,
    load_site,
    page_entry_problems,
    parse_options,
    plugin_options,
    render_settings,
    site_entries,
    source_files,
    summary_plan,
)
from ..summary import compose_summary
from ..summary.plan import outside_docs
from ..urls import page_url
from .findings import locate
from .output import (
    MARKER,
    OutputError,
    check_output,
    check_snippet,
    prepare_output,
    protected_folders,
    target,
)

if TYPE_CHECKING:
    from ..config import CompareConfig

ASSETS_URI = posixpath.dirname(CSS_URI)


@dataclass
class RenderResult:
    """What `render_directory` wrote and found."""

    problems: list[Problem] = field(default_factory=list)
    pages: list[str] = field(default_factory=list)  # rendered comparison pages (POSIX paths)
    copied: list[str] = field(default_factory=list)  # other files, copied as they are
    drafts: list[str] = field(default_factory=list)  # left out
    assets: list[str] = field(default_factory=list)  # asset URIs written
    extra: list[str] = field(default_factory=list)  # generated files (summary page, exports)

    def snippet(self) -> dict[str, Any]:
        """The mkdocs.yml (or zensical) settings the written pages need."""
        extensions: list[Any] = [
            {name: dict(settings)} if settings else name for name, settings in REQUIRED_EXTENSIONS.items()
        ]
        snippet: dict[str, Any] = {"markdown_extensions": extensions}
        css = [uri for uri in self.assets if uri.endswith(".css")]
        javascript = [uri for uri in self.assets if uri.endswith(".js")]
        if css:
            snippet["extra_css"] = css
        if javascript:
            snippet["extra_javascript"] = javascript
        return snippet

    def snippet_text(self) -> str:
        header = (
            "# Settings the pages written by `mkdocs-compare render` need: merge them into the\n"
            "# mkdocs.yml that builds the output folder (MkDocs, properdocs or Zensical).\n"
        )
        return header + yaml.safe_dump(self.snippet(), sort_keys=False)


def render_directory(
    docs_dir: Path,
    out_dir: Path,
    config: CompareConfig | None = None,
    *,
    use_directory_urls: bool = True,
    source_relative_html: bool = False,
    excluded: str = "",
    clean: bool = False,
    protected: Iterable[Path] = (),
    theme: str = "material",
) -> RenderResult:
    """Copy every file of `docs_dir` to `out_dir`, comparison pages rendered, drafts left out.

    Files MkDocs would not build are left out too: hidden ones, `templates/`, and those the
    config's `exclude_docs` patterns (`excluded`) match.

    Also writes the summary page and its exports where the plugin would put them, and the
    plugin's assets under `assets/mkdocs-compare/` (unless the docs bring their own copy or
    the `assets` option is off; the basic stylesheet only when `theme` is not Material-like).
    `use_directory_urls` must match the site's: links inside the
    summary's raw HTML are final URLs. Returns the problems found (never raises for bad
    pages: they are copied as they are, like the plugin leaves them). Everything is read and
    checked before anything is written: an output that cannot be written safely (see
    output.check_output; `clean` empties only an earlier output) or an unreadable source raises
    OutputError or SiteError with nothing written.
    """
    config = config or load_plugin_config(None)
    docs_dir, out_dir = docs_dir.resolve(), out_dir.resolve()
    if not docs_dir.is_dir():
        raise SiteError(f"{docs_dir} is not a folder")
    check_output(docs_dir, out_dir, clean=clean, protected=protected)
    if config.summary_page and outside_docs(config.summary_page):
        raise OutputError(f"summary_page {config.summary_page!r} lies outside the docs folder")
    files = [path for path in source_files(docs_dir, excluded) if path != MARKER]
    sources = _read_sources(docs_dir, files)
    options = parse_options(config)
    scan = _scan(config, files, sources, options)
    result = RenderResult(problems=list(scan.problems))
    entries = site_entries(config)  # the advantages and quotes, as the plugin shows them
    if config.enabled:
        pages = scan.collection.sorted_pages()
        result.problems += entries.problems + page_entry_problems(config, pages, entries)
    renderer = Renderer(render_settings(config, options, SiteCode(), entries))

    def url_of(path: str) -> str:
        return path if source_relative_html else page_url(path, use_directory_urls)

    summary = (
        _summary_files(scan, files, sources, config, renderer, url_of, result, use_directory_urls)
        if config.enabled
        else {}
    )
    prepare_output(out_dir, clean=clean)
    _write_files(scan, files, docs_dir, out_dir, config, renderer, url_of, result)
    if config.enabled and config.assets:
        for uri in [*stylesheets(theme), JS_URI]:  # the basic look only where the theme has none
            if uri not in files:  # the site's own copy wins, as in the plugin
                shutil.copyfile(ASSET_FILES[uri], target(out_dir, uri))
            result.assets.append(uri)
    for path, text in summary.items():
        target(out_dir, path).write_text(text, encoding="utf-8")
        result.extra.append(path)
    return result


def _scan(config: CompareConfig, files: list[str], sources: dict[str, bytes], options: ParseOptions) -> Scan:
    """The comparison pages of the docs, read as the plugin reads them (none when it is off)."""
    if not config.enabled:  # the plugin would leave every page alone
        return Scan(Collection())
    pages = [path for path in files if path.lower().endswith(MARKDOWN_SUFFIXES)]
    return scan_pages(
        pages,
        sources.__getitem__,
        ParseCache(),
        options,
        patterns=config.paths,
        include_drafts=config.drafts,
    )


def _read_sources(docs_dir: Path, files: list[str]) -> dict[str, bytes]:
    """Every Markdown file's bytes, and proof every other file can be read, before any write."""
    sources = {}
    for path in files:
        try:
            if path.lower().endswith(MARKDOWN_SUFFIXES):
                sources[path] = (docs_dir / path).read_bytes()
            else:
                with (docs_dir / path).open("rb"):
                    pass
        except OSError as error:
            raise SiteError(f"cannot read {docs_dir / path}: {error.strerror or error}") from None
    return sources


def _write_files(
    scan: Scan,
    files: list[str],
    docs_dir: Path,
    out_dir: Path,
    config: CompareConfig,
    renderer: Renderer,
    url_of: Callable[[str], str],
    result: RenderResult,
) -> None:
    """Each file of the docs: a comparison page rendered, a repaired page decoded, others copied."""
    urls = {path: url_of(path) for path in scan.collection.pages}
    for path in files:
        comparison = scan.collection.pages.get(path)
        if path in scan.collection.drafts:
            result.drafts.append(path)
        elif comparison is not None:
            # Markdown links to source paths: every generator resolves those (Zensical also
            # rewrites relative URLs in raw HTML, MkDocs does not, so HTML links cannot serve both).
            related = []
            if config.related:
                related = scan.collection.related_links(path, limit=config.related_limit)
            # Themes print title and description unescaped, as the plugin's build does not; the
            # option page_meta goes to the theme as under the plugin (its own title never wins).
            own = {"title": comparison.title, "description": _description(comparison.meta, comparison)}
            meta = html_safe_meta({**config.page_meta, **{key: value for key, value in own.items() if value}})
            front_matter = yaml.safe_dump(
                {key: value for key, value in meta.items() if value not in ("", None)},
                sort_keys=False,
                allow_unicode=True,
                width=1_000_000,
            )
            text = f"---\n{front_matter}---\n\n" + renderer.render_page(
                comparison, related, page_url=urls[path]
            )
            target(out_dir, path).write_text(text, encoding="utf-8")
            result.pages.append(path)
        elif path in scan.decoded:  # repaired text: other generators stop on invalid UTF-8
            target(out_dir, path).write_text(scan.decoded[path], encoding="utf-8")
            result.copied.append(path)
        else:
            shutil.copyfile(docs_dir / path, target(out_dir, path))
            result.copied.append(path)


def _summary_files(
    scan: Scan,
    files: list[str],
    sources: dict[str, bytes],
    config: CompareConfig,
    renderer: Renderer,
    url_of: Callable[[str], str],
    result: RenderResult,
    use_directory_urls: bool,
) -> dict[str, str]:
    """The summary page and the exports (path: text), planned by the same pure code as the
    plugin's."""
    collection = scan.collection
    plan = summary_plan(config, collection, files, use_directory_urls)
    if plan is None:
        return {}
    result.problems.extend(plan.problems)
    output = compose_summary(
        plan,
        collection.pages.values(),
        {path: url_of(path) for path in collection.pages},
        url_of(plan.page) if plan.page else plan.folder_url,
        renderer.env,
        renderer.labels,
        product=config.product,
        aliases=config.feature_aliases,
        max_features=config.summary_max_features,
        categories=config.categories,
        verdicts=renderer.verdicts,
    )
    result.problems.extend(output.model.hints)
    written = dict(output.exports)
    if output.document is not None:
        existing = None
        if plan.merge:
            existing, _ = decode_source(sources[plan.page], plan.page)
        written[plan.page] = plan.page_text(output.document.inline(), existing)
    return written


def run_render(args: argparse.Namespace) -> int:
    """The `render` subcommand: 0 on success, 1 on errors (or warnings with --strict), 2 when it
    cannot run (then nothing is written)."""
    try:
        config_file = config_file_from(args.config)
        site = load_site(config_file, Path(args.docs_dir))
        overrides: dict[str, Any] = {}
        if args.product:
            overrides["product"] = args.product
        if args.drafts:
            overrides["drafts"] = True
        config, option_problems = plugin_options(config_file, overrides)
        invalid = [problem for problem in option_problems if problem.severity is Severity.ERROR]
        if invalid:  # the build would stop: nothing to render
            raise SiteError("; ".join(str(problem) for problem in invalid))
        out_dir = Path(args.out_dir)
        snippet = Path(args.snippet) if args.snippet else None
        if snippet is not None:
            check_snippet(snippet, site.docs_dir.resolve(), out_dir.resolve())
        result = render_directory(
            site.docs_dir,
            out_dir,
            config,
            use_directory_urls=site.use_directory_urls,
            source_relative_html=getattr(args, "generator", "mkdocs") == "zensical",
            # Zensical's theme styles admonitions and tabs as Material does
            theme="material" if getattr(args, "generator", "mkdocs") == "zensical" else site.theme,
            excluded=site.excluded,
            clean=args.clean,
            protected=protected_folders(config_file),
        )
        if snippet is not None:
            snippet.write_text(result.snippet_text(), encoding="utf-8")
    except (SiteError, OutputError) as error:
        print(one_line(f"mkdocs-compare render: {error}", 1000), file=sys.stderr)
        return 2
    except OSError as error:  # a disk full or a permission lost while writing
        print(one_line(f"mkdocs-compare render: cannot write: {error}", 1000), file=sys.stderr)
        return 2
    result.problems[:0] = option_problems
    findings = locate(result.problems, site.docs_dir, config_file, set(site.files()))
    for finding in findings:
        print(finding.text(), file=sys.stderr)
    print(
        one_line(
            f"mkdocs-compare render: {len(result.pages)} comparison pages rendered, {len(result.copied)} "
            f"files copied, {len(result.drafts)} drafts left out -> {out_dir}",
            1000,
        ),
        file=sys.stderr,
    )
    if result.extra:
        print(
            one_line(f"mkdocs-compare render: summary written: {', '.join(result.extra)}", 1000),
            file=sys.stderr,
        )
    if snippet is None:
        sys.stdout.write(result.snippet_text())
    severities = {problem.severity for problem in result.problems}
    if Severity.ERROR in severities or (args.strict and Severity.WARNING in severities):
        return 1
    return 0


def _description(meta: dict[str, Any], comparison: Comparison) -> str:
    """The page's own `description` wins, as in the plugin; else the export's SEO text."""
    own = meta.get("description")
    return own.strip() if isinstance(own, str) and own.strip() else comparison.description
