"""What MkDocs would build: the config file, the compare plugin's options and the docs' files.

Shared by the commands (`check`, `render`) and any front end that runs without MkDocs' build:
each must read the same `mkdocs.yml`, the same options and the same files as the build, or its
verdict is not the build's. Core code: it never imports the plugin, and imports MkDocs (for the
plugin's own option schema) only when options are validated.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pathspec.gitignore
import yaml
from yaml_env_tag import construct_env_tag  # type: ignore[import-untyped]

from .cms_entries import Entries, entry_problems, load_entries
from .collection import Collection, ParseOptions
from .highlight import SiteCode
from .model import Comparison, Location, Problem, Severity
from .render import RenderSettings
from .summary import SummaryPlan, plan_summary
from .verdicts import verdict_scale

if TYPE_CHECKING:
    from .config import CompareConfig

CONFIG_FILE = Path("mkdocs.yml")
# The files `mkdocs build` and `properdocs build` read when no -f is given, in this order.
CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml", "properdocs.yml", "properdocs.yaml")
DEFAULT_DOCS_DIR = Path("docs")
# What MkDocs never builds, whatever exclude_docs says (mkdocs.structure.files._default_exclude).
DEFAULT_EXCLUDES = (".*", "/templates/")
# The same pages MkDocs treats as Markdown (mkdocs.utils.markdown_extensions).
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")


class SiteError(Exception):
    """The site cannot be read (no such folder, a broken configuration): commands exit 2."""


@dataclass(frozen=True)
class Site:
    """The parts of a site's configuration the commands need, read as the build reads them."""

    config_file: Path | None  # None: no config file, MkDocs' defaults
    docs_dir: Path
    use_directory_urls: bool = True
    excluded: str = ""  # gitignore patterns of files the build leaves out (exclude_docs, draft_docs)
    theme: str = "material"  # the theme's name (see theme_name)

    def files(self) -> list[str]:
        """The files of docs_dir the build would read (POSIX, relative, sorted)."""
        return source_files(self.docs_dir, self.excluded)


def summary_plan(
    config: CompareConfig, collection: Collection, files: Iterable[str], use_directory_urls: bool
) -> SummaryPlan | None:
    """The summary's plan as the plugin makes it, for the commands: the same options, the docs'
    files (drafts left out, as the plugin removes them) and the site's URL style (where files go)."""
    return plan_summary(
        collection,
        config.summary_page,
        set(files) - set(collection.drafts),
        title=config.summary_title,
        json_export=config.json_export,
        csv_export=config.csv_export,
        use_directory_urls=use_directory_urls,
    )


def find_config_file(folder: Path | None = None) -> Path | None:
    """The config file `mkdocs build` (then `properdocs build`) would read in `folder`."""
    for name in CONFIG_NAMES:
        candidate = (folder or Path()) / name
        if candidate.is_file():
            return candidate
    return None


def config_file_from(option: str | None) -> Path | None:
    """`--config FILE` (which must exist), else the folder's own config file, if any."""
    if option is None:
        return find_config_file()
    path = Path(option)
    if not path.is_file():
        raise SiteError(f"{option}: no such config file")
    return path


def load_site(config_file: Path | None, docs_dir: Path | None = None) -> Site:
    """The site of `config_file`; `docs_dir` (from the command line) replaces the config's."""
    if docs_dir is None:
        docs_dir = default_docs_dir(config_file)
    if not docs_dir.is_dir():
        raise SiteError(f"{docs_dir} is not a folder")
    excluded = exclude_docs(config_file)
    if config_file is not None:
        drafts = read_config(config_file).get("draft_docs") or ""
        if not isinstance(drafts, str):
            raise SiteError(f"{config_file}: draft_docs must be a multiline string of patterns")
        excluded = f"{excluded}\n{drafts}" if drafts else excluded  # `mkdocs build` leaves drafts out
    return Site(config_file, docs_dir, directory_urls(config_file), excluded, theme_name(config_file))


def parse_options(config: CompareConfig) -> ParseOptions:
    """How a page is read, from the plugin's options: one place, so the plugin, the commands and
    the Markdown extension can never read the same page two ways."""
    return ParseOptions(
        product=config.product,
        detect_key=config.detect_key,
        max_features=config.max_features,
        verdicts=verdict_scale(config.verdicts, config.labels),
    )


def render_settings(
    config: CompareConfig, options: ParseOptions, site_code: SiteCode, entries: Entries
) -> RenderSettings:
    """How a page is drawn, from the plugin's options: the plugin and the Markdown extension
    draw the same page, advantages and quotes shown only where their file is configured."""
    return RenderSettings(
        custom_templates=config.custom_templates,
        labels=config.labels,
        guess_language=config.guess_language,
        site_code=site_code,
        entries=entries,
        show_advantages=bool(config.advantages_file),
        show_testimonials=bool(config.quotes_file),
        verdicts=options.verdicts,
    )


def site_entries(config: CompareConfig, config_file: Path | str | None = None) -> Entries:
    """The advantages and testimonials files the options name (either may be unset), read
    once for every front end; paths in messages relative to the config file's folder."""
    return load_entries(
        Path(config.advantages_file) if config.advantages_file else None,
        Path(config.quotes_file) if config.quotes_file else None,
        Path(config_file).parent if config_file else None,
    )


def page_entry_problems(
    config: CompareConfig, pages: Iterable[Comparison], entries: Entries
) -> list[Problem]:
    """Each page's advantage or quote slug without an entry, for the files the options name."""
    return entry_problems(
        pages, entries, advantages=bool(config.advantages_file), testimonials=bool(config.quotes_file)
    )


def theme_name(config_file: Path | None) -> str:
    """The config's `theme` (a name, or a mapping with `name`), MkDocs' `mkdocs` when it names
    none; without a config file, `material`, the theme the output is made for."""
    if config_file is None:
        return "material"
    theme = read_config(config_file).get("theme")
    name = theme.get("name") if isinstance(theme, dict) else theme
    return name if isinstance(name, str) and name else "mkdocs"


def plugin_options(
    config_file: Path | None, overrides: dict[str, Any] | None = None
) -> tuple[CompareConfig, list[Problem]]:
    """The compare plugin's options, validated by the plugin's own schema, and their problems.

    As in MkDocs, an invalid option is an error (the build stops) and an unknown one a warning
    (it fails `mkdocs build --strict`); an invalid option is dropped (its default used) so the
    pages can still be checked. Relative paths (custom_templates) are relative to the config
    file, as in MkDocs.
    """
    options: dict[str, Any] = {}
    if config_file is not None:
        options = compare_options(read_config(config_file).get("plugins"))
    options.update(overrides or {})
    return validate_options(config_file, options)


def validate_options(
    config_file: Path | None, options: dict[str, Any]
) -> tuple[CompareConfig, list[Problem]]:
    """`options` (the plugin's, given some other way: a Markdown extension's) validated as
    `plugin_options` validates the config file's; relative paths are relative to `config_file`."""
    where = str(config_file or CONFIG_FILE)
    config, errors, warnings = _validate(config_file, options)
    if errors:  # validate again without them, for a usable configuration
        config, _, _ = _validate(config_file, {k: v for k, v in options.items() if k not in dict(errors)})
    problems = [
        Problem(Location(where, field=name), f"compare plugin option {name!r}: {message}", severity)
        for severity, found in ((Severity.ERROR, errors), (Severity.WARNING, warnings))
        for name, message in found
    ]
    return config, problems


def _validate(
    config_file: Path | None, options: dict[str, Any]
) -> tuple[CompareConfig, list[tuple[str, str]], list[tuple[str, str]]]:
    from .config import CompareConfig  # MkDocs only when options are validated

    # Absolute, as MkDocs makes it: relative paths (custom_templates) and their messages match.
    config = CompareConfig(config_file_path=os.path.abspath(config_file) if config_file else None)
    config.load_dict(options)
    errors, warnings = config.validate()
    return config, [(n, str(e)) for n, e in errors], [(n, str(w)) for n, w in warnings]


def load_plugin_config(config_file: Path | None, overrides: dict[str, Any] | None = None) -> CompareConfig:
    """The compare plugin's options, for callers that cannot go on with a bad one."""
    config, problems = plugin_options(config_file, overrides)
    if problems:
        raise SiteError("; ".join(str(problem) for problem in problems))
    return config


def directory_urls(config_file: Path | None) -> bool:
    """The site's `use_directory_urls` (MkDocs' default, true, without a config file)."""
    if config_file is None:
        return True
    value = read_config(config_file).get("use_directory_urls", True)
    if not isinstance(value, bool):
        raise SiteError(f"{config_file}: use_directory_urls must be true or false, not {value!r}")
    return value


def read_config(config_file: Path) -> dict[str, Any]:
    """An mkdocs.yml as a mapping (MkDocs' `!ENV` understood, Python tags read as None)."""
    try:
        data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader)
    except (OSError, yaml.YAMLError) as error:
        raise SiteError(f"cannot read {config_file}: {error}") from None
    return data if isinstance(data, dict) else {}


def source_files(docs_dir: Path, exclude_docs: str = "") -> list[str]:
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
    value = read_config(config_file).get("exclude_docs") or ""
    if not isinstance(value, str):
        raise SiteError(f"{config_file}: exclude_docs must be a multiline string of patterns")
    return value


def compare_options(plugins: Any) -> dict[str, Any]:
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


def default_docs_dir(config_file: Path | None) -> Path:
    """`docs_dir` of the mkdocs.yml (relative to it, as MkDocs reads it), else `docs`."""
    if config_file is None:
        return DEFAULT_DOCS_DIR
    docs_dir = read_config(config_file).get("docs_dir")
    if not isinstance(docs_dir, str) or not docs_dir:
        return config_file.parent / DEFAULT_DOCS_DIR
    return config_file.parent / docs_dir


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml files as MkDocs does for `!ENV`; other tags (`!!python/name:`) give None."""


def _unknown_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_TolerantLoader.add_constructor("!ENV", construct_env_tag)
_TolerantLoader.add_multi_constructor("!", _unknown_tag)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _unknown_tag)
