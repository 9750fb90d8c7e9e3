"""A comparison page's `page.meta`: front matter is data for the plugin, not for the theme.

Themes print `page.meta` values unescaped, so a page gets only its title and description,
HTML-escaped, over a copy of the `page_meta` option (each page its own: plugins change it).
Under `mkdocs serve` each model's escaped texts are kept, so an unchanged page costs a lookup.
Pure.
"""

from __future__ import annotations

import copy
from collections.abc import Container

from .escape import html_text
from .model import Comparison


class PageMetas:
    """`page.meta` for each comparison page; `remember` keeps each model's escaped texts."""

    def __init__(self, remember: bool = True) -> None:
        self.remember = remember
        self._shown: dict[str, tuple[Comparison, str, str]] = {}  # path -> model, title, description

    def meta(self, path: str, page: Comparison, base: dict[str, object]) -> dict[str, object]:
        """`base` (the option, already escaped) with the page's title and description."""
        meta = copy.deepcopy(base) if base else {}
        shown = self._shown.get(path)
        if shown is None or shown[0] is not page:
            description = page.description
            shown = (page, html_text(page.title), html_text(description) if description else "")
            if self.remember:
                self._shown[path] = shown
        meta["title"] = shown[1]
        if shown[2]:
            meta["description"] = shown[2]
        return meta

    def forget_missing(self, paths: Container[str]) -> None:
        for path in [path for path in self._shown if path not in paths]:
            del self._shown[path]
