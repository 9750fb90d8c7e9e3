"""Rendered comparison pages kept between `mkdocs serve` rebuilds.

A rebuild after one edit parses only that page (the parse cache is keyed on content), but
MkDocs asks the plugin for every page's Markdown again. A page is rendered again only when
something it shows changed: its own model, its related links, its URL or the build's settings
(the key); for every other page the last rendering is handed out again. When no link of the
rebuild can show anything new (`begin`), an unchanged page is found by a few identity checks,
its links not even worked out. Pure, and used only under `mkdocs serve`: a plain build renders
each page once and keeps nothing.
"""

from __future__ import annotations

import operator
from collections.abc import Container, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from .held import RenderedPage
from .model import Comparison

Linked = tuple[tuple[str, str, str, "str | None"], ...]  # each related page: title, tool, path, URL


def linked_pages(siblings: Sequence[Comparison], urls: Mapping[str, str]) -> Linked:
    """What a page's related links show of the pages they link to."""
    return tuple((other.title, other.tool_name, other.path, urls.get(other.path)) for other in siblings)


class RenderInputs(NamedTuple):
    """What a page's rendering depends on: its source path and model, the pages its related
    links show (`siblings`), its URL and every comparison page's, and the build's settings."""

    path: str
    comparison: Comparison
    siblings: Sequence[Comparison]
    url: str | None
    urls: Mapping[str, str]
    render_key: object


@dataclass
class _Rendered:
    """A page's last rendering and what it was rendered for: its model, URL and the build's
    settings, the pages it links to (as objects and as what the links show) and the rebuild
    whose URLs those links were last checked against."""

    rendered: RenderedPage
    comparison: Comparison
    url: str | None
    render_key: object
    siblings: tuple[Comparison, ...]
    linked: Linked
    urls: object
    checked: int  # the rebuild that last handed it out or made it


class PageCache:
    """The last rendering of each page (by source path) and what it was rendered for.

    The parse cache hands an unchanged page the same `Comparison` object at every rebuild, and
    models are never changed under `mkdocs serve`: a page whose model, linked pages and URLs are
    the same objects as last time is not compared field by field (about 1 µs a page, against
    tens for building and comparing a key of what each link shows).
    """

    def __init__(self) -> None:
        self._entries: dict[str, _Rendered] = {}
        self._urls: tuple[Mapping[str, str], dict[str, str]] = ({}, {})  # (as given, a copy)
        self._urls_token = object()  # a new one when the pages' URLs change
        self._urls_token_before: object = None  # the last rebuild's
        self.renders = 0  # pages rendered afresh since the cache was made (for the benchmark)
        self._rebuild = 0  # counts `begin`s
        self._links_same = False  # this rebuild's links show what the last one's did
        self._last_pages: dict[str, tuple[str, str, str, str]] = {}  # path -> what links show of it

    def begin(self, pages: Mapping[str, Comparison], urls: Mapping[str, str]) -> None:
        """A new rebuild of `pages` (source path -> model) at `urls`: whether every related
        link shows what it showed in the last rebuild, because no page came or went, no URL
        changed and no page changed what a link shows of it or where it sorts (its category,
        title and tool name). A few hundred microseconds, against the links of every page."""
        self._rebuild += 1
        last, shown = self._last_pages, {path: _shown(page) for path, page in pages.items()}
        self._links_same = self._token(urls) is self._urls_token_before and shown == last
        self._last_pages, self._urls_token_before = shown, self._urls_token

    def kept(
        self, path: str, comparison: Comparison, url: str | None, render_key: object
    ) -> RenderedPage | None:
        """The page as last rendered, when `begin` found every link as it was and the page's
        model, URL and settings are the very ones of the last rebuild; else None (then `get`
        decides, from its links)."""
        entry = self._entries.get(path)
        if (
            entry is None
            or not self._links_same
            or entry.checked != self._rebuild - 1
            or entry.comparison is not comparison
            or entry.render_key is not render_key
            or entry.url != url
        ):
            return None
        entry.checked = self._rebuild
        return entry.rendered

    def _token(self, urls: Mapping[str, str]) -> object:
        """This rebuild's token of the comparison pages' URLs (source path -> URL)."""
        if urls is not self._urls[0]:  # a new rebuild's: compared once, not per page
            if urls != self._urls[1]:
                self._urls_token = object()
            self._urls = (urls, dict(urls))
        return self._urls_token

    def get(self, inputs: RenderInputs) -> RenderedPage | None:
        """The page as last rendered, if for the same inputs (its blocks are never changed: the
        fill steps fill copies)."""
        path, comparison, siblings, url, urls, render_key = inputs
        entry = self._entries.get(path)
        if entry is None or entry.url != url or not _same(entry.render_key, render_key):
            return None
        if not _same(entry.comparison, comparison):
            return None
        entry.comparison = comparison
        token = self._token(urls)
        if entry.urls is not token or not _identical(entry.siblings, siblings):
            if entry.linked != linked_pages(siblings, urls):
                return None
            entry.siblings, entry.urls = tuple(siblings), token
        entry.checked = self._rebuild
        return entry.rendered

    def put(self, inputs: RenderInputs, page: RenderedPage) -> RenderedPage:
        path, comparison, siblings, url, urls, render_key = inputs
        self.renders += 1
        linked, token = linked_pages(siblings, urls), self._token(urls)
        self._entries[path] = _Rendered(
            page, comparison, url, render_key, tuple(siblings), linked, token, self._rebuild
        )
        return page

    def forget_missing(self, paths: Container[str]) -> None:
        """Drop the pages no longer in the build, so the cache does not grow across rebuilds."""
        for path in [path for path in self._entries if path not in paths]:
            del self._entries[path]


def _shown(page: Comparison) -> tuple[str, str, str, str]:
    """What a related link shows of a page, and what decides its place among the links."""
    return (page.path, page.category, page.title, page.tool_name)


def _same(kept: object, new: object) -> bool:
    return kept is new or kept == new


def _identical(kept: Sequence[object], new: Sequence[object]) -> bool:
    return len(kept) == len(new) and all(map(operator.is_, kept, new))


def templates_stamp(folder: str | None) -> tuple[tuple[str, int], ...]:
    """The custom templates' paths and modification times: an edited one renders pages anew."""
    if not folder:
        return ()
    return tuple(
        sorted((str(path), path.stat().st_mtime_ns) for path in Path(folder).rglob("*") if path.is_file())
    )
