"""Structured data (schema.org JSON-LD) for comparison pages and the summary.

A page is a `WebPage` about two `SoftwareApplication`s (the product and the tool) with a
`BreadcrumbList` (site, summary, page); the summary is an `ItemList` of every page. Every value
is page text, so the JSON is written with `<`, `>`, `&` and the line separators escaped: no text
can close the `<script>` or start a comment. Pure.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from .head_tags import absolute_http_url
from .model import Comparison

_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def json_ld_script(data: object) -> str:
    """`<script type="application/ld+json">` holding `data`, safe inside HTML."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escape in _SCRIPT_ESCAPES.items():
        text = text.replace(char, escape)
    return f'<script type="application/ld+json">{text}</script>'


def _application(name: str, category: str, image: str) -> dict[str, Any]:
    application: dict[str, Any] = {"@type": "SoftwareApplication", "name": name}
    if category:
        application["applicationCategory"] = category
    if image:
        application["image"] = image
    return application


def page_structured_data(
    page: Comparison,
    *,
    category_name: str,
    page_url: str | None,
    site: tuple[str, str | None],
    summary: tuple[str, str | None] | None = None,
) -> list[dict[str, Any]]:
    """The page's `WebPage` and, with absolute URLs to hand, its `BreadcrumbList`.

    `page_url` is the page's absolute URL (None without `site_url`); `site` and `summary` are
    (name, absolute URL or None) pairs.
    """
    icon = absolute_http_url(page.tool_icon_url, page_url)
    web_page: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "WebPage",
        "name": page.title,
        "about": [
            _application(page.product_name, "", ""),
            _application(page.tool_name, category_name, icon),
        ],
    }
    if page.description:
        web_page["description"] = page.description
    if page_url:
        web_page["url"] = page_url
    data = [web_page]
    crumbs = [site, *([summary] if summary else []), (page.title, page_url)]
    if all(url for _, url in crumbs):
        data.append(
            {
                "@context": "https://schema.org",
                "@type": "BreadcrumbList",
                "itemListElement": [
                    {"@type": "ListItem", "position": number, "name": name, "item": url}
                    for number, (name, url) in enumerate(crumbs, start=1)
                ],
            }
        )
    return data


def summary_structured_data(title: str, pages: Sequence[tuple[str, str]]) -> dict[str, Any]:
    """The summary's `ItemList`: (name, URL) of every comparison page, in the summary's order."""
    return {
        "@context": "https://schema.org",
        "@type": "ItemList",
        "name": title,
        "numberOfItems": len(pages),
        "itemListElement": [
            {"@type": "ListItem", "position": number, "name": name, "url": url}
            for number, (name, url) in enumerate(pages, start=1)
        ],
    }
