"""Shared fixtures: build real MkDocs sites in a temporary folder and read the HTML they produce."""

from __future__ import annotations

import logging
import os
import tempfile
import textwrap
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import settings
from hypothesis.configuration import set_hypothesis_home_dir
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent
# The real exports: CI lays out the repository's clone with the project's shared/ beside it.
SEEDS = REPO.parent / "shared" / "seeds"

# Hypothesis keeps its files (the example database, its Unicode tables) outside the repository.
# In CI (CI set) every run draws the same examples and keeps none: a red build is reproducible
# and never depends on luck. HYPOTHESIS_PROFILE picks a profile by name (scripts/mutation.py
# runs every mutant on the "ci" one).
_UID = os.getuid() if hasattr(os, "getuid") else 0
set_hypothesis_home_dir(Path(tempfile.gettempdir()) / f"mkdocs-compare-hypothesis-{_UID}")
settings.register_profile("dev")
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev"))


@pytest.fixture(autouse=True, scope="session")
def own_template_cache(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """Point the temp folder, where Jinja keeps the compiled templates, at this run's own one:
    no test reads templates another run (or another version of the package) compiled."""
    folder = tmp_path_factory.mktemp("tmp")
    previous_env, previous_dir = os.environ.get("TMPDIR"), tempfile.tempdir
    os.environ["TMPDIR"] = str(folder)  # for the commands the tests run in child processes
    tempfile.tempdir = str(folder)
    yield folder
    tempfile.tempdir = previous_dir
    if previous_env is None:
        os.environ.pop("TMPDIR", None)
    else:
        os.environ["TMPDIR"] = previous_env


@dataclass
class BuiltSite:
    """A built site: its folders and the log records of the build."""

    root: Path
    site_dir: Path
    records: list[logging.LogRecord] = field(default_factory=list)
    config: Any = None

    def html(self, page_url: str) -> BeautifulSoup:
        """Parse a built page, given as its URL path ("compare/acme/") or file path."""
        path = self.site_dir / page_url
        if page_url.endswith("/") or not page_url:
            path = path / "index.html"
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")

    def text(self, relative: str) -> str:
        return (self.site_dir / relative).read_text(encoding="utf-8")

    def warnings(self) -> list[str]:
        return [r.getMessage() for r in self.records if r.levelno >= logging.WARNING]

    def infos(self) -> list[str]:
        return [r.getMessage() for r in self.records if r.levelno == logging.INFO]


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def write_docs(docs: Path, pages: Mapping[str, str | bytes]) -> None:
    for name, content in pages.items():
        target = docs / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")


def build_in(root: Path, config: Mapping[str, Any], strict: bool = False) -> BuiltSite:
    """Build the site rooted at `root` (its docs/ already written) with the given mkdocs.yml."""
    config_file = root / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(dict(config), sort_keys=False), encoding="utf-8")
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    previous = logger.level
    logger.setLevel(logging.DEBUG)
    # Each build gets plugin objects of its own, as each `mkdocs build` process does: MkDocs
    # caches plugins that define on_startup in its config schema, so a serve test's object
    # (in serve mode) would otherwise be handed to the next test's build.
    option = dict(MkDocsConfig._schema)["plugins"]
    kept, option.plugin_cache = option.plugin_cache, {}
    try:
        cfg = load_config(str(config_file), strict=strict)
        build(cfg)
    finally:
        option.plugin_cache = kept
        logger.removeHandler(handler)
        logger.setLevel(previous)
    return BuiltSite(root, root / "site", handler.records, cfg)


BuildSite = Callable[..., BuiltSite]


@pytest.fixture
def build_site(tmp_path: Path) -> BuildSite:
    """Write pages into a fresh docs/ and build them: `build_site({"compare/a.md": text})`."""

    def _build(
        pages: Mapping[str, str | bytes],
        plugin_config: Mapping[str, Any] | None = None,
        *,
        theme: str | Mapping[str, Any] = "material",
        strict: bool = False,
        extra: Mapping[str, Any] | None = None,
    ) -> BuiltSite:
        docs = tmp_path / "docs"
        write_docs(docs, pages)
        if not (docs / "index.md").exists():
            (docs / "index.md").write_text("# Home\n\nA normal page.\n", encoding="utf-8")
        config: dict[str, Any] = {
            "site_name": "Test site",
            "site_url": "https://example.org/",
            "theme": {"name": theme} if isinstance(theme, str) else dict(theme),
            "plugins": ["search", {"compare": dict(plugin_config or {})}],
        }
        config.update(extra or {})
        return build_in(tmp_path, config, strict=strict)

    return _build


def dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Under scripts/mutation.py, run each mutant's tests fastest first (by the durations mutmut
    recorded), so a mutant that a unit test kills is not first put through every site build."""
    stats = REPO / "mutmut-stats.json"
    if not os.environ.get("MUTANT_UNDER_TEST") or not stats.is_file():
        return
    import json

    try:
        durations = json.loads(stats.read_text(encoding="utf-8")).get("duration_by_test", {})
    except (OSError, ValueError):
        return
    items.sort(key=lambda item: durations.get(item.nodeid, float("inf")))
