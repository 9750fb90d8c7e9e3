"""MkDocs glue: events only. Parsing, rendering and the summary live in the pure core."""

from __future__ import annotations

import fnmatch
from pathlib import Path
from typing import Any, Literal

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from .collection import Collection, ParseCache, ParseOptions
from .config import CompareConfig
from .model import Problem, Severity
from .parse import decode_source
from .render import Renderer, RenderSettings

log = get_plugin_logger("compare")

ASSETS_DIR = Path(__file__).parent / "assets"
CSS_URI = "assets/mkdocs-compare/compare.css"
JS_URI = "assets/mkdocs-compare/compare.js"

# Extension name -> the settings it gets when the plugin adds it.
REQUIRED_EXTENSIONS: dict[str, dict[str, Any]] = {
    "admonition": {},
    "attr_list": {},
    "md_in_html": {},
    "pymdownx.highlight": {},
    "pymdownx.superfences": {},
    "pymdownx.tabbed": {"alternate_style": True},
}


def _extension_name(name: str) -> str:
    return name.removeprefix("markdown.extensions.")


def ensure_markdown_extensions(config: MkDocsConfig, add: bool) -> list[str]:
    """Add what the output needs where absent (never touching the user's settings).

    Returns the names that are missing when `add` is false, for a warning.
    """
    present = {_extension_name(name) for name in config.markdown_extensions}
    missing = [name for name in REQUIRED_EXTENSIONS if name not in present]
    if add:
        for name in missing:
            config.markdown_extensions.append(name)
            if REQUIRED_EXTENSIONS[name]:
                config.mdx_configs[name] = dict(REQUIRED_EXTENSIONS[name])
        return []
    return missing


def matches(src_uri: str, patterns: list[str]) -> bool:
    """Whether a page is in scope; `**` and plain folder prefixes both work."""
    return any(
        fnmatch.fnmatchcase(src_uri, pattern) or src_uri.startswith(pattern.rstrip("*").rstrip("/") + "/")
        for pattern in patterns
    )


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
        self.collection = Collection()
        self.renderer = Renderer()
        self.options = ParseOptions()

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        # Defining on_startup keeps this object across `mkdocs serve` rebuilds, so the parse
        # cache survives; everything per-build is reset in on_config.
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        self.collection = Collection()
        self.options = ParseOptions(
            product=self.config.product,
            detect_key=self.config.detect_key,
            max_features=self.config.max_features,
        )
        self.renderer = Renderer(
            RenderSettings(custom_templates=self.config.custom_templates, labels=self.config.labels)
        )
        missing = ensure_markdown_extensions(config, add=self.config.markdown_extensions)
        if missing:
            log.warning(
                "comparison pages need these Markdown extensions, which are not enabled: "
                + ", ".join(missing)
                + " (or set `markdown_extensions: true` in the compare plugin's options)"
            )
        tabbed = config.mdx_configs.get("pymdownx.tabbed") or {}
        if config.theme.name == "material" and not tabbed.get("alternate_style"):
            log.warning("pymdownx.tabbed needs `alternate_style: true` for Material to draw code tabs")
        if self.config.assets and CSS_URI not in config.extra_css:
            config.extra_css.append(CSS_URI)
        return config

    @event_priority(-50)  # after other plugins have added or generated their files
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        in_scope: list[str] = []
        for file in list(files.documentation_pages()):
            if not matches(file.src_uri, self.config.paths):
                continue
            in_scope.append(file.src_uri)
            text, decode_problem = decode_source(file.content_bytes, file.src_uri)
            if decode_problem is not None:
                report([decode_problem])
                file.content_string = text
            result = self.cache.parse(file.src_uri, text, self.options)
            report(result.problems)
            if result.comparison is None:
                continue
            self.collection.add(result.comparison, include_drafts=self.config.drafts)
            if file.src_uri in self.collection.drafts:
                log.info(f"{file.src_uri}: draft page left out of the build")
                files.remove(file)
        self.cache.forget_missing(in_scope)
        report(self.collection.duplicate_problems())
        if self.config.assets:
            for name, uri in (("compare.css", CSS_URI),):
                if files.get_file_from_path(uri) is None:
                    files.append(File.generated(config, uri, abs_src_path=str(ASSETS_DIR / name)))
        return files

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        comparison = self.collection.pages.get(page.file.src_uri)
        if comparison is None:
            return None
        if comparison.description and not page.meta.get("description"):
            page.meta["description"] = comparison.description
        related = self.collection.related_links(page.file.src_uri) if self.config.related else []
        return self.renderer.render_page(comparison, related)
