"""What a built page's `<head>` gains: the export's head tags and the structured data.

Pure composition of `head_tags` and `structured_data` for the two kinds of page the plugin makes
(a comparison page, the summary), so every front end writes the same head.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .head_tags import absolute_page_url, apply_head_tags, edited_head, head_end, page_head_tags, with_head
from .model import Comparison, HeadTag
from .page_cache import LastResult
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


def remembered_head(
    last: LastResult[tuple[str, int]] | None,
    path: str,
    document: str,
    page: Comparison,
    page_url: str | None,
    category: str,
    settings: HeadSettings,
) -> str:
    """`comparison_head`, for `mkdocs serve` rebuilds: a head seen before (the same page, settings
    and theme head) gets the tags it got then, without being read again. The tags go inside the
    head only, so the head alone is what is read and remembered. Without `last`: `comparison_head`."""
    if last is None:
        return comparison_head(document, page, page_url, category, settings)
    end = head_end(document)
    if end == -1:
        return document
    head = document[:end]
    key = (head, page, page_url, category, settings)
    done = last.get(path, key)
    if done is None:
        tags, scripts = _comparison_parts(page, page_url, category, settings)
        done = last.put(path, key, edited_head(head, tags, settings.canonical, scripts))
    return with_head(document, end, *done)


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
