"""What a built page's `<head>` gains: the export's head tags and the structured data.

Pure composition of `head_tags` and `structured_data` for the two kinds of page the plugin makes
(a comparison page, the summary), so every front end writes the same head.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from markupsafe import Markup

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
    """A comparison page's head as last read (up to its first `</head>`: `before` + `old`),
    what it was edited for, and the edit (`old` becomes `new`); `insert`: the tags, when the
    edit was only them before `</head>` (then the theme's template may write them itself)."""

    inputs: tuple[Comparison, str | None, str, HeadSettings]
    before: str
    old: str
    new: str
    insert: Markup | None
    planned: bool = False  # `insert` was given to the template for the page being built


class RememberedHeads:
    """`comparison_head` for `mkdocs serve` rebuilds: a head seen before (the same page, settings
    and theme head) gets the edit it got then, without being read again. The tags go inside the
    head only, so the head alone is what is compared and remembered: a page whose head starts
    the document as last time costs a prefix comparison and one copy of the page, or none when
    the theme's template wrote the tags (`planned`, `head_template`)."""

    def __init__(self, remember: bool = True) -> None:
        self.remember = remember  # without: `comparison_head` (a build writes each page once)
        self._heads: dict[str, _Remembered] = {}
        self.templates_write = False  # this build's templates write the tags they are given
        self._settings: tuple[HeadSettings | None, HeadSettings | None] = (None, None)  # given, kept

    def planned(self, path: str) -> Markup | None:
        """The tags for the page's template to write before its `</head>`: what its head got
        there last time, if that was all it got. Not checked against the page's inputs here:
        `apply` takes tags written for other inputs out again (an edited page, once)."""
        kept = self._heads.get(path)
        if kept is None or not kept.insert or not self.templates_write:
            return None
        kept.planned = True
        return kept.insert

    def apply(
        self,
        path: str,
        document: str,
        page: Comparison,
        page_url: str | None,
        category: str,
        settings: HeadSettings,
    ) -> str:
        if not self.remember:
            return comparison_head(document, page, page_url, category, settings)
        settings = self._same_settings(settings)
        inputs = (page, page_url, category, settings)
        kept = self._heads.get(path)
        planned = kept.insert if kept is not None and kept.planned and kept.insert else ""
        if kept is not None and _same(kept.inputs, inputs) and document.startswith(kept.before):
            kept.inputs, kept.planned, first = inputs, False, len(kept.before)
            if planned and document.startswith(kept.new, first):
                return document  # the template wrote the tags where the edit puts them
            if not planned and document.startswith(kept.old, first):
                # `old` ends with the first `</head>`, so it first occurs where the edit starts.
                return document.replace(kept.old, kept.new, 1) if kept.old else document
        end = head_end(document)
        at = document.find(planned) if planned else -1  # where the template wrote them, if it did
        if at != -1 and (end == -1 or at + len(planned) > end):  # not in the head: taken out
            document, at = document[:at] + document[at + len(planned) :], -1
            end = head_end(document)
        if end == -1:
            return document
        head = document[:end]
        read = head[:at] + head[at + len(planned) :] if at != -1 else head  # the theme's own head
        tags, scripts = _comparison_parts(page, page_url, category, settings)
        edited, first = edited_head(read, tags, settings.canonical, scripts)
        old, new = read[first:], edited[first:]
        added = new.removesuffix("</head>") if old == "</head>" else ""
        # A template that wrote its tags elsewhere than where the edit puts them gets no more.
        writes = not planned or at == first
        insert = Markup(added) if added and writes and _writable(added, read) else None
        self._heads[path] = _Remembered(inputs, read[:first], old, new, insert)
        return with_head(document, end, edited, min(first, at) if at != -1 else first)

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
    new: tuple[Comparison, str | None, str, HeadSettings],
) -> bool:
    return (kept[0] is new[0] or kept[0] == new[0]) and kept[1:3] == new[1:3] and kept[3] is new[3]


def _writable(tags: str, head: str) -> bool:
    """Whether a template can be trusted with `tags`: finding them written just before the
    head's end then means they were written there, because they occur nowhere in the head
    the theme wrote and no end of them is also their start (no overlapping second copy)."""
    if tags in head:
        return False
    at = tags.find(tags[0], 1)
    while at != -1:
        if tags.startswith(tags[at:]):
            return False
        at = tags.find(tags[0], at + 1)
    return True


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
