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
from typing import Any

import pathspec.gitignore
import yaml
from yaml_env_tag import construct_env_tag  # type: ignore[import-untyped]

from .collection import Collection, ParseCache, ParseOptions, Scan, scan_pages
from .config import CompareConfig
from .escape import html_safe_meta
from .model import Comparison, Problem, Severity
from .needs import ASSETS_DIR, CSS_URI, REQUIRED_EXTENSIONS
from .parse import decode_source
from .render import Renderer, RenderSettings
from .summary import compose_summary, plan_summary
from .urls import page_url

ASSETS_URI = posixpath.dirname(CSS_URI)
# What MkDocs never builds, whatever exclude_docs says (mkdocs.structure.files._default_exclude).
DEFAULT_EXCLUDES = (".*", "/templates/")
# The same pages MkDocs treats as Markdown (mkdocs.utils.markdown_extensions).
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")


class RenderError(Exception):
    """The command cannot run at all (bad folders or configuration): exit status 2."""


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


def load_plugin_config(config_file: Path | None, overrides: dict[str, Any] | None = None) -> CompareConfig:
    """The compare plugin's options from an mkdocs.yml (defaults without one), validated.

    Relative paths (custom_templates) are taken relative to the config file, as MkDocs does.
    """
    options: dict[str, Any] = {}
    if config_file is not None:
        options = _compare_options(_read_config(config_file).get("plugins"))
    options.update(overrides or {})
    config = CompareConfig(config_file_path=str(config_file) if config_file else None)
    config.load_dict(options)
    errors, _warnings = config.validate()
    if errors:
        where = config_file or "options"
        raise RenderError(
            "; ".join(f"{where}: compare plugin option {name!r}: {error}" for name, error in errors)
        )
    return config


def directory_urls(config_file: Path | None) -> bool:
    """The site's `use_directory_urls` (MkDocs' default, true, without a config file)."""
    if config_file is None:
        return True
    value = _read_config(config_file).get("use_directory_urls", True)
    if not isinstance(value, bool):
        raise RenderError(f"{config_file}: use_directory_urls must be true or false, not {value!r}")
    return value


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
        raise RenderError(f"{docs_dir} is not a folder")
    if out_dir == docs_dir or out_dir.is_relative_to(docs_dir) or docs_dir.is_relative_to(out_dir):
        raise RenderError(f"the output folder {out_dir} must be outside {docs_dir} (and not hold it)")
    files = _source_files(docs_dir, excluded)
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
                raise RenderError(f"{out_dir} is not empty (use --clean to empty it first)")
            if out_dir.resolve() in (Path.cwd().resolve(), Path.home().resolve()):
                raise RenderError(f"refusing to empty {out_dir}")
            shutil.rmtree(out_dir)
        result = render_directory(
            Path(args.docs_dir),
            out_dir,
            config,
            use_directory_urls=use_directory_urls,
            source_relative_html=getattr(args, "generator", "mkdocs") == "zensical",
            excluded=exclude_docs(config_file),
        )
    except RenderError as error:
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


def _read_config(config_file: Path) -> dict[str, Any]:
    """An mkdocs.yml as a mapping (MkDocs' `!ENV` understood, Python tags read as None)."""
    try:
        data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader)
    except (OSError, yaml.YAMLError) as error:
        raise RenderError(f"cannot read {config_file}: {error}") from None
    return data if isinstance(data, dict) else {}


def _description(meta: dict[str, Any], comparison: Comparison) -> str:
    """The page's own `description` wins, as in the plugin; else the export's SEO text."""
    own = meta.get("description")
    return own.strip() if isinstance(own, str) and own.strip() else comparison.description


def _source_files(docs_dir: Path, exclude_docs: str = "") -> list[str]:
    """Every file under docs_dir (POSIX, relative) that MkDocs would build: its default
    exclusions (hidden files, `/templates/`) and the config's `exclude_docs` are left out."""
    spec = pathspec.gitignore.GitIgnoreSpec.from_lines([*DEFAULT_EXCLUDES, *exclude_docs.splitlines()])
    found = []
    for path in docs_dir.rglob("*"):
        relative = path.relative_to(docs_dir).as_posix()
        if path.is_file() and not spec.match_file(relative):
            found.append(relative)
    return sorted(found)


def exclude_docs(config_file: Path | None) -> str:
    """The config's `exclude_docs` patterns ("" without a config file or the option)."""
    if config_file is None:
        return ""
    value = _read_config(config_file).get("exclude_docs") or ""
    if not isinstance(value, str):
        raise RenderError(f"{config_file}: exclude_docs must be a multiline string of patterns")
    return value


def _compare_options(plugins: Any) -> dict[str, Any]:
    """The `compare` entry of a `plugins:` list or mapping ({} when absent or bare)."""
    entries: list[tuple[Any, Any]] = []
    if isinstance(plugins, dict):
        entries = list(plugins.items())
    elif isinstance(plugins, list):
        for item in plugins:
            if isinstance(item, dict) and len(item) == 1:
                entries.append(next(iter(item.items())))
            else:
                entries.append((item, None))
    for name, value in entries:
        if name == "compare":
            return dict(value) if isinstance(value, dict) else {}
    return {}


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml files as MkDocs does for `!ENV`; other tags (`!!python/name:`) give None."""


def _unknown_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_TolerantLoader.add_constructor("!ENV", construct_env_tag)
_TolerantLoader.add_multi_constructor("!", _unknown_tag)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _unknown_tag)
