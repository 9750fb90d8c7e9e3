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
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from ..collection import Collection, ParseCache, ParseOptions, Scan, scan_pages
from ..escape import html_safe_meta
from ..model import Comparison, Problem, Severity
from ..needs import ASSETS_DIR, CSS_URI, REQUIRED_EXTENSIONS
from ..parse import decode_source
from ..render import Renderer, RenderSettings
from ..site import (
    MARKDOWN_SUFFIXES,
    SiteError,
    directory_urls,
    exclude_docs,
    load_plugin_config,
    source_files,
)
from ..summary import compose_summary, plan_summary
from ..urls import page_url

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
) -> RenderResult:
    """Copy every file of `docs_dir` to `out_dir`, comparison pages rendered, drafts left out.

    Files MkDocs would not build are left out too: hidden ones, `templates/`, and those the
    config's `exclude_docs` patterns (`excluded`) match.

    Also writes the summary page and its exports where the plugin would put them, and the
    plugin's assets under `assets/mkdocs-compare/` (unless the docs bring their own copy or
    the `assets` option is off). `use_directory_urls` must match the site's: links inside the
    summary's raw HTML are final URLs. Returns the problems found (never raises for bad
    pages: they are copied as they are, like the plugin leaves them).
    """
    config = config or load_plugin_config(None)
    docs_dir, out_dir = docs_dir.resolve(), out_dir.resolve()
    if not docs_dir.is_dir():
        raise SiteError(f"{docs_dir} is not a folder")
    if out_dir == docs_dir or out_dir.is_relative_to(docs_dir) or docs_dir.is_relative_to(out_dir):
        raise SiteError(f"the output folder {out_dir} must be outside {docs_dir} (and not hold it)")
    files = source_files(docs_dir, excluded)
    pages = [path for path in files if path.lower().endswith(MARKDOWN_SUFFIXES)]
    options = ParseOptions(
        product=config.product, detect_key=config.detect_key, max_features=config.max_features
    )
    scan = scan_pages(
        pages,
        lambda path: (docs_dir / path).read_bytes(),
        ParseCache(),
        options,
        patterns=config.paths,
        include_drafts=config.drafts,
    )
    if not config.enabled:  # the plugin would leave every page alone
        scan = Scan(Collection())
    result = RenderResult(problems=list(scan.problems))
    renderer = Renderer(
        RenderSettings(
            custom_templates=config.custom_templates,
            labels=config.labels,
            guess_language=config.guess_language,
        )
    )

    def url_of(path: str) -> str:
        return path if source_relative_html else page_url(path, use_directory_urls)

    urls = {path: url_of(path) for path in scan.collection.pages}
    for path in files:
        target = out_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        comparison = scan.collection.pages.get(path)
        if path in scan.collection.drafts:
            result.drafts.append(path)
        elif comparison is not None:
            # Markdown links to source paths: every generator resolves those (Zensical also
            # rewrites relative URLs in raw HTML, MkDocs does not, so HTML links cannot serve both).
            related = []
            if config.related:
                related = scan.collection.related_links(path, limit=config.related_limit)
            # Themes print title and description unescaped, as the plugin's build does not.
            meta = html_safe_meta(
                {"title": comparison.title, "description": _description(comparison.meta, comparison)}
            )
            front_matter = yaml.safe_dump(
                {key: value for key, value in meta.items() if value},
                sort_keys=False,
                allow_unicode=True,
                width=1_000_000,
            )
            text = f"---\n{front_matter}---\n\n" + renderer.render_page(
                comparison, related, page_url=urls[path]
            )
            target.write_text(text, encoding="utf-8")
            result.pages.append(path)
        elif path in scan.decoded:  # repaired text: other generators stop on invalid UTF-8
            target.write_text(scan.decoded[path], encoding="utf-8")
            result.copied.append(path)
        else:
            shutil.copyfile(docs_dir / path, target)
            result.copied.append(path)
    if config.enabled and config.assets:
        for asset in sorted(ASSETS_DIR.iterdir()):
            uri = f"{ASSETS_URI}/{asset.name}"
            if asset.is_file() and asset.suffix in (".css", ".js"):
                if uri not in files:  # the site's own copy wins, as in the plugin
                    (out_dir / ASSETS_URI).mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(asset, out_dir / uri)
                result.assets.append(uri)
    if config.enabled:
        _write_summary(scan, files, docs_dir, out_dir, config, renderer, url_of, result)
    return result


def _write_summary(
    scan: Scan,
    files: list[str],
    docs_dir: Path,
    out_dir: Path,
    config: CompareConfig,
    renderer: Renderer,
    url_of: Callable[[str], str],
    result: RenderResult,
) -> None:
    """The summary page and the exports, planned by the same pure code as the plugin's."""
    collection = scan.collection
    plan = plan_summary(
        collection,
        config.summary_page,
        set(files) - set(collection.drafts),
        title=config.summary_title,
        json_export=config.json_export,
        csv_export=config.csv_export,
    )
    if plan is None:
        return
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
    )
    result.problems.extend(output.model.hints)
    written = dict(output.exports)
    if output.document is not None:
        existing = None
        if plan.merge:
            existing, _ = decode_source((docs_dir / plan.page).read_bytes(), plan.page)
        written[plan.page] = plan.page_text(output.document.inline(), existing)
    for path, text in written.items():
        target = out_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        result.extra.append(path)


def run_render(args: argparse.Namespace) -> int:
    """The `render` subcommand: 0 on success, 1 on errors (or warnings with --strict), 2 on misuse."""
    try:
        config_file = Path(args.config) if args.config else None
        if config_file is None and Path("mkdocs.yml").is_file():
            config_file = Path("mkdocs.yml")
        overrides: dict[str, Any] = {}
        if args.product:
            overrides["product"] = args.product
        if args.drafts:
            overrides["drafts"] = True
        config = load_plugin_config(config_file, overrides)
        use_directory_urls = directory_urls(config_file)
        out_dir = Path(args.out_dir)
        if out_dir.exists() and any(out_dir.iterdir()):
            if not args.clean:
                raise SiteError(f"{out_dir} is not empty (use --clean to empty it first)")
            if out_dir.resolve() in (Path.cwd().resolve(), Path.home().resolve()):
                raise SiteError(f"refusing to empty {out_dir}")
            shutil.rmtree(out_dir)
        result = render_directory(
            Path(args.docs_dir),
            out_dir,
            config,
            use_directory_urls=use_directory_urls,
            source_relative_html=getattr(args, "generator", "mkdocs") == "zensical",
            excluded=exclude_docs(config_file),
        )
    except SiteError as error:
        print(f"mkdocs-compare render: {error}", file=sys.stderr)
        return 2
    for problem in result.problems:
        print(f"{problem.severity.value}: {problem}", file=sys.stderr)
    print(
        f"mkdocs-compare render: {len(result.pages)} comparison pages rendered, {len(result.copied)} "
        f"files copied, {len(result.drafts)} drafts left out -> {out_dir}",
        file=sys.stderr,
    )
    if result.extra:
        print(f"mkdocs-compare render: summary written: {', '.join(result.extra)}", file=sys.stderr)
    if args.snippet:
        Path(args.snippet).write_text(result.snippet_text(), encoding="utf-8")
    else:
        sys.stdout.write(result.snippet_text())
    severities = {problem.severity for problem in result.problems}
    if Severity.ERROR in severities or (args.strict and Severity.WARNING in severities):
        return 1
    return 0


def _description(meta: dict[str, Any], comparison: Comparison) -> str:
    """The page's own `description` wins, as in the plugin; else the export's SEO text."""
    own = meta.get("description")
    return own.strip() if isinstance(own, str) and own.strip() else comparison.description
