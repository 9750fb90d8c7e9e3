"""Where a Markdown extension's pages come from and its site goes, without MkDocs' build.

Zensical hands its configured extensions a rendering context that holds the project's
configuration (`root_dir`, `docs_dir`, `site_dir`, `use_directory_urls`, `exclude_docs`,
`draft_docs`); under MkDocs an extension gets nothing of the kind, so the config file beside
the working folder is read (`mkdocs.yml` and the others MkDocs reads, else `zensical.toml`),
as the build that runs the extension reads it.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .highlight import SiteCode, site_code
from .site import DEFAULT_DOCS_DIR, SiteError, find_config_file, load_site, read_config

ZENSICAL_CONFIG = Path("zensical.toml")
DEFAULT_SITE_DIR = Path("site")


@dataclass(frozen=True)
class ProjectSite:
    """The folders and URL style a Markdown-extension front end works with."""

    docs_dir: Path
    site_dir: Path | None  # where the exports go; None: not known, none are written
    use_directory_urls: bool = True
    excluded: str = ""  # gitignore patterns of files the build leaves out
    # Zensical resolves relative URLs in raw HTML against the page's source file, as it does
    # Markdown links; MkDocs leaves them as written, so they must be final URLs there.
    source_relative: bool = False
    config_file: Path | None = None
    theme: str = "material"  # the theme's name: other themes get the basic stylesheet too


def from_zensical(config: Mapping[str, Any]) -> ProjectSite:
    """The site of Zensical's project configuration (its rendering context's `config`)."""
    root = Path(str(config.get("root_dir") or "."))
    patterns = [config.get(name) for name in ("exclude_docs", "draft_docs")]
    return ProjectSite(
        docs_dir=root / str(config.get("docs_dir") or DEFAULT_DOCS_DIR),
        site_dir=root / str(config.get("site_dir") or DEFAULT_SITE_DIR),
        use_directory_urls=config.get("use_directory_urls") is not False,
        excluded="\n".join(value for value in patterns if isinstance(value, str)),
        source_relative=True,
    )


def from_config_files(folder: Path | None = None) -> ProjectSite:
    """The site of the config file in `folder` (default: the working folder) that the build
    reads: MkDocs' and properdocs' files first, then `zensical.toml`; defaults without one."""
    folder = folder or Path()
    config_file = find_config_file(folder)
    if config_file is not None:
        site = load_site(config_file)
        site_dir = read_config(config_file).get("site_dir")
        where = config_file.parent / (
            site_dir if isinstance(site_dir, str) and site_dir else DEFAULT_SITE_DIR
        )
        return ProjectSite(
            site.docs_dir, where, site.use_directory_urls, site.excluded, False, config_file, site.theme
        )
    toml_file = folder / ZENSICAL_CONFIG
    if toml_file.is_file():
        project = _toml_project(toml_file)
        return from_zensical({**project, "root_dir": str(folder)})
    return ProjectSite(folder / DEFAULT_DOCS_DIR, folder / DEFAULT_SITE_DIR)


def _toml_project(toml_file: Path) -> dict[str, Any]:
    """The `[project]` table of a zensical.toml."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # Zensical depends on tomli
        import tomli as tomllib
    try:
        data = tomllib.loads(toml_file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise SiteError(f"cannot read {toml_file}: {error}") from None
    project = data.get("project")
    return dict(project) if isinstance(project, dict) else {}


def zensical_code(config: Mapping[str, Any]) -> SiteCode:
    """How Zensical's configured Markdown highlights fences (names, settings as it holds them)."""
    names = [name for name in config.get("markdown_extensions") or [] if isinstance(name, str)]
    return site_code(names, config.get("mdx_configs") or {})


def config_file_code(site: ProjectSite) -> SiteCode:
    """How the config file's `markdown_extensions` highlight fences, as the plugin reads them."""
    if site.config_file is None or site.config_file.suffix == ".toml":
        return SiteCode()
    names: list[str] = []
    configs: dict[str, Any] = {}
    for item in read_config(site.config_file).get("markdown_extensions") or []:
        if isinstance(item, dict) and len(item) == 1:
            name, settings = next(iter(item.items()))
            names.append(str(name))
            configs[str(name)] = settings if isinstance(settings, dict) else {}
        elif isinstance(item, str):
            names.append(item)
    return site_code(names, configs)


def runs_plugin(site: ProjectSite) -> bool:
    """Whether MkDocs, building with this config file, runs the compare plugin (not turned off)."""
    if site.config_file is None or site.config_file.suffix == ".toml":
        return False
    plugins = read_config(site.config_file).get("plugins")
    entries = list(plugins.items()) if isinstance(plugins, dict) else []
    for item in plugins if isinstance(plugins, list) else []:
        entries.append(
            next(iter(item.items())) if isinstance(item, dict) and len(item) == 1 else (item, None)
        )
    return any(
        name == "compare" and not (isinstance(value, dict) and value.get("enabled") is False)
        for name, value in entries
    )
