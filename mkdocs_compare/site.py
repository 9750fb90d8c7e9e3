"""What MkDocs would build: the config file, the compare plugin's options and the docs' files.

Shared by the commands (`check`, `render`) and any front end that runs without MkDocs' build:
each must read the same `mkdocs.yml`, the same options and the same files as the build, or its
verdict is not the build's. Core code: it never imports the plugin, and imports MkDocs (for the
plugin's own option schema) only when options are validated.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pathspec.gitignore
import yaml
from yaml_env_tag import construct_env_tag  # type: ignore[import-untyped]

if TYPE_CHECKING:
    from .config import CompareConfig

CONFIG_FILE = Path("mkdocs.yml")
DEFAULT_DOCS_DIR = Path("docs")
# What MkDocs never builds, whatever exclude_docs says (mkdocs.structure.files._default_exclude).
DEFAULT_EXCLUDES = (".*", "/templates/")
# The same pages MkDocs treats as Markdown (mkdocs.utils.markdown_extensions).
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")


class SiteError(Exception):
    """The site cannot be read (no such folder, a broken configuration): commands exit 2."""


def load_plugin_config(config_file: Path | None, overrides: dict[str, Any] | None = None) -> CompareConfig:
    """The compare plugin's options from an mkdocs.yml (defaults without one), validated.

    Relative paths (custom_templates) are taken relative to the config file, as MkDocs does.
    """
    from .config import CompareConfig  # MkDocs only when options are validated

    options: dict[str, Any] = {}
    if config_file is not None:
        options = compare_options(read_config(config_file).get("plugins"))
    options.update(overrides or {})
    config = CompareConfig(config_file_path=str(config_file) if config_file else None)
    config.load_dict(options)
    errors, _warnings = config.validate()
    if errors:
        where = config_file or "options"
        raise SiteError(
            "; ".join(f"{where}: compare plugin option {name!r}: {error}" for name, error in errors)
        )
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
