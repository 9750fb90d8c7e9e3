"""Python-Markdown front end: `markdown_extensions: [mkdocs_compare.markdown]`.

For generators that run Python-Markdown extensions but not MkDocs plugins (Zensical), and for
MkDocs or properdocs without the plugin. Each page's body goes through `Project` (the docs
folder scanned once, core code): a comparison page becomes the plugin's page, a page holding
`<!-- compare-summary -->` gets the summary, and every other page is left exactly as it was.
The options are the plugin's, validated by the plugin's own schema, plus `docs_dir` and
`site_dir` for sites whose config the extension cannot see.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from markdown import Extension, Markdown  # type: ignore[import-untyped]
from markdown.postprocessors import Postprocessor  # type: ignore[import-untyped]
from markdown.preprocessors import Preprocessor  # type: ignore[import-untyped]

from .collection import ParseCache
from .detect import has_feature_table
from .highlight import HighlightCache, SiteCode
from .model import Location, Problem, Severity
from .needs import ASSET_FILES, JS_URI, stylesheets
from .project import PageOutput, Project, export_target, held_filler
from .project_site import (
    ZENSICAL_CONFIG,
    ProjectSite,
    config_file_code,
    from_config_files,
    from_zensical,
    runs_plugin,
    zensical_code,
)
from .site import SiteError, find_config_file, validate_options
from .summary import SUMMARY_MARKER

# The plugin's logger (what `get_plugin_logger("compare")` gives): under MkDocs its warnings
# fail `--strict`; Zensical configures no Python logging, so they are printed on stderr.
log = logging.getLogger("mkdocs.plugins.compare")
# The plugin's placeholders (held blocks, summary blocks) start so: a body holding one was
# rendered by the plugin already, and is passed through untouched.
PLUGIN_OUTPUT = "<!-- mkdocs-compare"
# Options of this front end only: where the docs are and where the exports go.
OWN_OPTIONS = ("docs_dir", "site_dir")

# A folder is read again when a page changed (serve), but not for every page that matches no
# source: after a rescan that did not help, none for this long.
RESCAN_PAUSE = 2.0


class _State:
    """What outlives one page's Markdown instance: the projects (one site per process), the
    highlighted samples, the config files read, and when a rescan last did not help."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.projects: dict[str, Project] = {}
        self.highlight = HighlightCache()
        self.parse = ParseCache()  # pages parsed again only when their text changed (serve)
        self.config_files: dict[tuple[str, ...], tuple[ProjectSite, SiteCode, bool]] = {}
        self.vain_rescan = -RESCAN_PAUSE
        self.failures: set[str] = set()  # sites that could not be read, already reported
        self.disabled: set[str] = set()  # keys of sites whose options say `enabled: false`


_state = _State()


@functools.cache
def _asset_text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _from_config_files() -> tuple[ProjectSite, SiteCode, bool]:
    """The working folder's config file (its site, how it highlights fences, whether it runs
    the compare plugin), read once per version of it: MkDocs calls the extension per page."""
    config_file = find_config_file() or (ZENSICAL_CONFIG if ZENSICAL_CONFIG.is_file() else None)
    stamp = (os.getcwd(), str(config_file), str(config_file.stat().st_mtime_ns) if config_file else "")
    if stamp not in _state.config_files:
        site = from_config_files()
        _state.config_files = {stamp: (site, config_file_code(site), runs_plugin(site))}
    return _state.config_files[stamp]


def report(problems: list[Problem]) -> None:
    for problem in problems:
        level = logging.INFO if problem.severity is Severity.INFO else logging.WARNING
        log.log(level, f"compare: {problem}")


def _zensical_context(md: Markdown) -> Any:
    """Zensical's rendering context (its page's path and front matter, the project's config),
    when Zensical runs this Markdown; None elsewhere."""
    try:
        from zensical.extensions.context import ContextPreprocessor
    except ImportError:
        return None
    return ContextPreprocessor.from_markdown(md)


class CompareExtension(Extension):  # type: ignore[misc]
    """Registers the page converter; `options` are the plugin's, as in mkdocs.yml."""

    def __init__(self, **options: Any) -> None:
        super().__init__()
        self.options = options

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        self.converter = PageConverter(md, self.options)
        # Before normalize_whitespace (30) and snippets (32): the body as the source has it.
        md.preprocessors.register(self.converter, "mkdocs_compare", 35)
        # After raw HTML is back in place (30): the held blocks replace their placeholders.
        md.postprocessors.register(BlockFiller(md, self.converter), "mkdocs_compare", 5)

    def reset(self) -> None:
        self.converter.output = None


class PageConverter(Preprocessor):  # type: ignore[misc]
    """Replaces a comparison page's body with the plugin's Markdown for it."""

    def __init__(self, md: Markdown, options: dict[str, Any]) -> None:
        super().__init__(md)
        self.options = options
        self.output: PageOutput | None = None
        self.assets = ""

    def run(self, lines: list[str]) -> list[str]:
        self.output = None
        body = "\n".join(lines)
        if PLUGIN_OUTPUT in body:  # the plugin converted this page: nothing is done twice
            return lines
        try:
            with _state.lock:
                output = self._convert(body)
        except (SiteError, OSError) as error:
            if str(error) not in _state.failures:  # once, not once per page
                _state.failures.add(str(error))
                report([Problem(Location("mkdocs_compare.markdown"), str(error))])
            return lines
        if output is None:
            return lines
        self.output = output
        return output.markdown.split("\n")

    def _project(self) -> tuple[Project | None, str | None]:
        """The project of this page's site and options, and the page's path if Zensical says it."""
        own = {key: self.options[key] for key in OWN_OPTIONS if key in self.options}
        options = {key: value for key, value in self.options.items() if key not in OWN_OPTIONS}
        context = _zensical_context(self.md)
        if context is not None:
            site = from_zensical(context.config)
            code = zensical_code(context.config)
            path: str | None = str(context.page.path)
        else:
            (site, code, plugin), path = _from_config_files(), None
            if plugin:  # MkDocs runs the compare plugin: it converts the pages, this stands aside
                return None, None
        site_dir = Path(own["site_dir"]) if "site_dir" in own else site.site_dir
        site = ProjectSite(  # absolute: the key of a project must not depend on the working folder
            (Path(own["docs_dir"]) if "docs_dir" in own else site.docs_dir).absolute(),
            site_dir.absolute() if site_dir is not None else None,
            site.use_directory_urls,
            site.excluded,
            site.source_relative,
            site.config_file,
            site.theme,
        )
        key = json.dumps([str(site), options, repr(code)], sort_keys=True, default=repr)
        project = _state.projects.get(key)
        if project is None and key not in _state.disabled:
            config, problems = validate_options(site.config_file, options)
            if not config.enabled:
                _state.disabled.add(key)
                return None, path
            if not site.docs_dir.is_dir():
                raise SiteError(f"docs_dir {site.docs_dir} is not a folder")
            project = Project(site, config, code, _state.highlight, _state.parse)
            report(problems + project.problems)
            _state.projects = {key: project}  # one site per process: a changed config replaces it
        self._key = key
        if project is None:  # `enabled: false`
            return None, path
        return project, path

    def _rescanned(self, project: Project, helped: Callable[[Project], bool]) -> Project:
        """The folder read again (a page changed under `zensical serve` or `mkdocs serve`);
        not within RESCAN_PAUSE of a rescan that did not help, so bodies that match nothing
        cost one reading of the folder, not one each."""
        if time.monotonic() - _state.vain_rescan < RESCAN_PAUSE:
            return project
        code = project.renderer.settings.site_code
        fresh = Project(project.site, project.config, code, _state.highlight, _state.parse)
        report(fresh.problems)
        _state.projects[self._key] = fresh
        if not helped(fresh):
            _state.vain_rescan = time.monotonic()
        return fresh

    def _convert(self, body: str) -> PageOutput | None:
        project, path = self._project()
        if project is None:
            return None
        if path is not None and path in project.index.keys and not project.current(path, body):
            project = self._rescanned(project, lambda fresh: fresh.current(str(path), body))
        if path is None or path not in project.texts:
            project, path = self._find(project, body)
        if path is None:
            return None
        if path in project.scan.collection.drafts:
            report([project.draft(path)])
            return None
        self.assets = self._assets(project, summary=False)
        rendered = project.comparison(path)
        if rendered is not None:
            fill = held_filler(rendered.blocks, project.renderer.nonce)
            return PageOutput(path, rendered.markdown, fill, marker=next(iter(rendered.blocks), ""))
        if SUMMARY_MARKER not in body:
            return None
        return self._summary(project, path, body)

    def _find(self, project: Project, body: str) -> tuple[Project, str | None]:
        """The source of a body handed in without its path (MkDocs): matched by body."""
        match = project.index.find(body)
        if match.path is None and has_feature_table(body):
            project = self._rescanned(project, lambda fresh: fresh.index.find(body).path is not None)
            match = project.index.find(body)
            if match.path is None:
                first = next((line.strip() for line in body.split("\n") if line.strip()), "")[:60]
                message = (
                    f"a page holding a feature table (starting {first!r}) matches no source under "
                    f"{project.site.docs_dir}: it is left as it is"
                )
                report([Problem(Location(str(project.site.docs_dir)), message, Severity.WARNING)])
                return project, None
        if match.ambiguous:
            log.info(f"compare: a page body matches {', '.join(match.ambiguous)}: {match.path} is used")
        return project, match.path

    def _summary(self, project: Project, path: str, body: str) -> PageOutput | None:
        before = len(project.problems)
        text, document, exports = project.summary(path, body)
        report(project.problems[before:])
        self._write_exports(project, exports)
        if document is None:
            return None
        self.assets = self._assets(project, summary=True)

        def fill(html: str) -> tuple[str, list[str]]:
            return document.fill(html), []

        return PageOutput(path, text, fill, marker=next(iter(document.blocks), ""))

    @staticmethod
    def _write_exports(project: Project, exports: dict[str, str]) -> None:
        """The JSON and CSV exports, into the built site beside the summary page."""
        site_dir = project.site.site_dir
        for path, text in exports.items():
            target = export_target(site_dir, path) if site_dir is not None else None
            if target is None or target.is_dir() or target.is_symlink():
                report([Problem(Location(path), f"export not written: no safe place for it in {site_dir}")])
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")

    @staticmethod
    def _assets(project: Project, *, summary: bool) -> str:
        """The plugin's stylesheets (and, on the summary, its script), inline: an extension
        cannot add files to a site or lines to its config."""
        if not project.config.assets:
            return ""
        parts = [f"<style>{_asset_text(ASSET_FILES[uri])}</style>" for uri in stylesheets(project.site.theme)]
        if summary:
            parts.append(f"<script>{_asset_text(ASSET_FILES[JS_URI])}</script>")
        return "\n".join(parts)


class BlockFiller(Postprocessor):  # type: ignore[misc]
    """Puts the held HTML blocks into the converted page, and the inline assets after it."""

    def __init__(self, md: Markdown, converter: PageConverter) -> None:
        super().__init__(md)
        self.converter = converter

    def run(self, text: str) -> str:
        output = self.converter.output
        if output is None or output.marker not in text:
            return text
        self.converter.output = None
        html, lost = output.fill(text)
        if lost:
            where = Location(output.path)
            message = (
                "the place of a generated HTML block was lost (a custom template?): it is added at the end"
            )
            report([Problem(where, message)])
            html += "\n" + "\n".join(lost)
        return html + ("\n" + self.converter.assets if self.converter.assets else "")


def makeExtension(**options: Any) -> CompareExtension:
    return CompareExtension(**options)


__all__ = ["CompareExtension", "makeExtension"]
