"""What a built page's `<head>` gains: the export's head tags and the structured data.

Pure composition of `head_tags` and `structured_data` for the two kinds of page the plugin makes
(a comparison page, the summary), so every front end writes the same head.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .head_tags import apply_head_tags, page_head_tags
from .model import Comparison
from .page_cache import LastResult
from .structured_data import json_ld_script, page_structured_data, summary_structured_data


@dataclass(frozen=True)
class HeadSettings:
    """The site-wide part: options and the names and absolute URLs of the site and the summary."""

    canonical: str = "export"  # export | site | off
    structured_data: bool = True
    site: tuple[str, str | None] = ("", None)
    summary: tuple[str, str | None] | None = None


def comparison_head(
    document: str, page: Comparison, page_url: str | None, category: str, settings: HeadSettings
) -> str:
    """`document` (a built comparison page) with its head tags and JSON-LD."""
    scripts = []
    if settings.structured_data:
        data = page_structured_data(
            page, category_name=category, page_url=page_url, site=settings.site, summary=settings.summary
        )
        scripts.append(json_ld_script(data))
    tags = page_head_tags(page, page_url, settings.canonical)
    return apply_head_tags(document, tags, settings.canonical, scripts)


def remembered_head(
    last: LastResult[str] | None,
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
    close = document.find("</head>")
    if close == -1:
        return document
    close += len("</head>")
    head = document[:close]
    key = (head, page, page_url, category, settings)
    done = last.get(path, key)
    if done is None:
        done = last.put(path, key, comparison_head(head, page, page_url, category, settings))
    return done + document[close:]


def summary_head(document: str, title: str, pages: Sequence[tuple[str, str]], settings: HeadSettings) -> str:
    """The summary page with its `ItemList` of (name, URL) of every comparison page."""
    if not settings.structured_data:
        return document
    return apply_head_tags(document, [], "site", [json_ld_script(summary_structured_data(title, pages))])
