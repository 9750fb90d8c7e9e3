"""Rendered comparison pages kept between `mkdocs serve` rebuilds.

A rebuild after one edit parses only that page (the parse cache is keyed on content), but
MkDocs asks the plugin for every page's Markdown again. A page is rendered again only when
something it shows changed: its own model, its related links, its URL or the build's settings
(the key); for every other page the last rendering is handed out again. Pure, and used only
under `mkdocs serve`: a plain build renders each page once and keeps nothing.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from pathlib import Path
from typing import Generic, TypeVar

from .held import RenderedPage

T = TypeVar("T")


class LastResult(Generic[T]):
    """The last result of one per-page step (a page's head tags, its HTML for search), by source
    path, with the inputs (`key`) it came from: handed out again only for equal inputs."""

    def __init__(self) -> None:
        self._entries: dict[str, tuple[object, T]] = {}

    def get(self, path: str, key: object) -> T | None:
        entry = self._entries.get(path)
        return entry[1] if entry is not None and entry[0] == key else None

    def put(self, path: str, key: object, value: T) -> T:
        self._entries[path] = (key, value)
        return value

    def forget_missing(self, paths: Iterable[str]) -> None:
        keep = set(paths)
        for path in [path for path in self._entries if path not in keep]:
            del self._entries[path]


class PageCache:
    """The last rendering of each page (by source path) and the key it was rendered for."""

    def __init__(self) -> None:
        self._entries: dict[str, tuple[Hashable, RenderedPage]] = {}
        self.renders = 0  # pages rendered afresh since the cache was made (for the benchmark)

    def get(self, path: str, key: Hashable) -> RenderedPage | None:
        """The page as last rendered, if for the same key; its blocks are a fresh copy (the
        plugin takes them out as it fills the page's HTML)."""
        entry = self._entries.get(path)
        if entry is None or entry[0] != key:
            return None
        return RenderedPage(entry[1].markdown, dict(entry[1].blocks))

    def put(self, path: str, key: Hashable, page: RenderedPage) -> RenderedPage:
        self.renders += 1
        self._entries[path] = (key, RenderedPage(page.markdown, dict(page.blocks)))
        return page

    def forget_missing(self, paths: Iterable[str]) -> None:
        """Drop the pages no longer in the build, so the cache does not grow across rebuilds."""
        keep = set(paths)
        for path in [path for path in self._entries if path not in keep]:
            del self._entries[path]


def templates_stamp(folder: str | None) -> tuple[tuple[str, int], ...]:
    """The custom templates' paths and modification times: an edited one renders pages anew."""
    if not folder:
        return ()
    return tuple(
        sorted((str(path), path.stat().st_mtime_ns) for path in Path(folder).rglob("*") if path.is_file())
    )
