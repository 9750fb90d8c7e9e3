"""What a built page's `<head>` gains: the export's head tags and the structured data.

Pure composition of `head_tags` and `structured_data` for the two kinds of page the plugin makes
(a comparison page, the summary), so every front end writes the same head.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .head_tags import absolute_page_url, apply_head_tags, edited_head, head_end, page_head_tags, with_head
from .model import Comparison, HeadTag
from .structured_data import json_ld_script, page_structured_data, summary_structured_data
from .urls import relative_url


@dataclass(frozen=True)
class HeadSettings:
    """The site-wide part: options and the names and absolute URLs of the site and the summary."""

    canonical: str = "export"  # export | site | off
    structured_data: bool = True
    site: tuple[str, str | None] = ("", None)
    summary: tuple[str, str | None] | None = None


def _comparison_parts(
    page: Comparison, page_url: str | None, category: str, settings: HeadSettings
) -> tuple[list[HeadTag], list[str]]:
    scripts = []
    if settings.structured_data:
        data = page_structured_data(
            page, category_name=category, page_url=page_url, site=settings.site, summary=settings.summary
        )
        scripts.append(json_ld_script(data))
    return page_head_tags(page, page_url, settings.canonical), scripts


def comparison_head(
    document: str, page: Comparison, page_url: str | None, category: str, settings: HeadSettings
) -> str:
    """`document` (a built comparison page) with its head tags and JSON-LD."""
    tags, scripts = _comparison_parts(page, page_url, category, settings)
    return apply_head_tags(document, tags, settings.canonical, scripts)


@dataclass
class _Remembered:
    """A comparison page's head as last read (`head`: up to its first `</head>`), what it was
    edited for, and the edit: `old` (the head from its first changed character) becomes `new`."""

    inputs: tuple[Comparison, str | None, str, HeadSettings]
    head: str
    old: str
    new: str


class RememberedHeads:
    """`comparison_head` for `mkdocs serve` rebuilds: a head seen before (the same page, settings
    and theme head) gets the edit it got then, without being read again. The tags go inside the
    head only, so the head alone is what is compared and remembered: a page whose head starts
    the document as last time costs a prefix comparison and the one copy of the page that any
    edit of it makes."""

    def __init__(self) -> None:
        self._heads: dict[str, _Remembered] = {}
        self._settings: tuple[HeadSettings | None, HeadSettings | None] = (None, None)  # given, kept

    def apply(
        self,
        path: str,
        document: str,
        page: Comparison,
        page_url: str | None,
        category: str,
        settings: HeadSettings,
    ) -> str:
        settings = self._same_settings(settings)
        kept = self._heads.get(path)
        if (
            kept is not None
            and document.startswith(kept.head)
            and _same(kept.inputs, page, page_url, category, settings)
        ):
            kept.inputs = (page, page_url, category, settings)
            # `old` ends with the first `</head>`, so it first occurs where the edit starts.
            return document.replace(kept.old, kept.new, 1) if kept.old else document
        end = head_end(document)
        if end == -1:
            return document
        head = document[:end]
        tags, scripts = _comparison_parts(page, page_url, category, settings)
        edited, first = edited_head(head, tags, settings.canonical, scripts)
        self._heads[path] = _Remembered(
            (page, page_url, category, settings), head, head[first:], edited[first:]
        )
        return with_head(document, end, edited, first)

    def _same_settings(self, settings: HeadSettings) -> HeadSettings:
        """The settings kept when equal to these (each build makes its own): compared once."""
        given, kept = self._settings
        if settings is given and kept is not None:
            return kept
        kept = kept if kept == settings else settings
        self._settings = (settings, kept)
        return kept

    def forget_missing(self, paths: Iterable[str]) -> None:
        keep = set(paths)
        for path in [path for path in self._heads if path not in keep]:
            del self._heads[path]


def _same(
    kept: tuple[Comparison, str | None, str, HeadSettings],
    page: Comparison,
    page_url: str | None,
    category: str,
    settings: HeadSettings,
) -> bool:
    return (
        (kept[0] is page or kept[0] == page)
        and kept[1] == page_url
        and kept[2] == category
        and kept[3] is settings
    )


class SummaryHead:
    """The summary page's `ItemList` script, kept for equal inputs: under `mkdocs serve` the
    absolute URLs of 1,000 pages and their JSON are made once per change of a name or URL."""

    def __init__(self) -> None:
        self._last: tuple[object, str] | None = None

    def apply(
        self,
        document: str,
        title: str,
        listed: Sequence[tuple[str, str]],
        summary_url: str,
        site_url: str | None,
    ) -> str:
        """The summary page with its `ItemList` of `listed` (name, URL relative to the site root):
        absolute URLs with a `site_url`, else relative to the summary's."""
        key = (title, listed, summary_url, site_url)
        if self._last is None or self._last[0] != key:
            pages = [
                (name, absolute_page_url(site_url, url) or relative_url(url, summary_url))
                for name, url in listed
            ]
            self._last = (key, json_ld_script(summary_structured_data(title, pages)))
        return apply_head_tags(document, [], "site", [self._last[1]])
