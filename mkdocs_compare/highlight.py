"""Code samples highlighted the way the site highlights its own fences, outside its Markdown.

The plugin adds nothing to the site's Markdown pipeline (adding `pymdownx.superfences` to a
`codehilite` site changed how every other page's fences came out). Instead the samples go
through a private Python-Markdown instance that holds only the site's own code extensions
(`fenced_code`, `codehilite`, `pymdownx.highlight`, `pymdownx.superfences`) with the site's
settings: `pymdownx.highlight` classes where the site uses it, `codehilite` ones where it uses
that, a plain `<pre><code>` where it highlights nothing. No other preprocessor (snippets,
critic, macros) ever sees the code, so it comes out literally.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import markdown  # type: ignore[import-untyped]

from .escape import code_fence

# The code extensions that decide how a fence becomes HTML, by the names sites list them under.
_CODE_EXTENSIONS = {
    "fenced_code": "fenced_code",
    "markdown.extensions.fenced_code": "fenced_code",
    "codehilite": "codehilite",
    "markdown.extensions.codehilite": "codehilite",
    "pymdownx.highlight": "pymdownx.highlight",
    "pymdownx.superfences": "pymdownx.superfences",
}
# Site settings that would turn a sample into something other than code (a diagram, say).
_DROPPED_SETTINGS = {"pymdownx.superfences": ("custom_fences",)}
_SEPARATOR = "<!-- mkdocs-compare:sample -->"


@dataclass(frozen=True)
class SiteCode:
    """How a site turns fences into HTML: its code extensions (in its order) and their settings."""

    extensions: tuple[str, ...] = ("fenced_code",)
    settings: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    @property
    def style(self) -> str:
        """`pymdownx`, `codehilite` or `plain`: which highlighter the site's fences get."""
        if "pymdownx.superfences" in self.extensions:
            return "pymdownx"
        if "codehilite" in self.extensions:
            return "codehilite"
        return "pymdownx" if "pymdownx.highlight" in self.extensions else "plain"


def site_code(extensions: Sequence[str], configs: Mapping[str, Mapping[str, Any]]) -> SiteCode:
    """The site's code extensions and settings, from its `markdown_extensions` list."""
    names: list[str] = []
    settings: dict[str, dict[str, Any]] = {}
    for listed in extensions:
        name = _CODE_EXTENSIONS.get(listed)
        if name is None or name in names:
            continue
        names.append(name)
        configured = dict(configs.get(listed) or {})  # a copy: the site's own settings stay whole
        for key in _DROPPED_SETTINGS.get(name, ()):
            configured.pop(key, None)
        settings[name] = configured
    if "fenced_code" not in names and "pymdownx.superfences" not in names:
        names.insert(0, "fenced_code")  # MkDocs always has it
    return SiteCode(tuple(names), settings)


class HighlightCache:
    """Highlighted samples kept between builds (`mkdocs serve` renders every comparison page
    again on each rebuild; Pygments is most of a page's rendering time). Keyed on the site's
    code settings and the samples, so a changed setting or sample is highlighted again; bounded,
    emptied when full."""

    def __init__(self, limit: int = 20_000) -> None:
        self.limit = limit
        self._entries: dict[tuple[str, tuple[tuple[str, str], ...]], tuple[str, ...]] = {}

    def get(self, key: tuple[str, tuple[tuple[str, str], ...]]) -> tuple[str, ...] | None:
        return self._entries.get(key)

    def put(self, key: tuple[str, tuple[tuple[str, str], ...]], blocks: tuple[str, ...]) -> tuple[str, ...]:
        if len(self._entries) >= self.limit:
            self._entries.clear()
        self._entries[key] = blocks
        return blocks


class CodeHighlighter:
    """Turns a page's code samples into HTML blocks, as the site's own fences would come out.

    One Markdown instance per build; a page's samples are converted as one document, so line
    anchors (`anchor_linenums`) are numbered across them as they were within the page.
    """

    def __init__(self, site: SiteCode | None = None, cache: HighlightCache | None = None) -> None:
        self.site = site or SiteCode()
        self._md = markdown.Markdown(
            extensions=list(self.site.extensions),
            extension_configs={name: dict(value) for name, value in self.site.settings.items()},
        )
        self._cache = cache if cache is not None else HighlightCache()
        self._formatters = FormatterReuse()
        self._site_key = json.dumps([self.site.extensions, self.site.settings], sort_keys=True, default=repr)

    def blocks(self, samples: Sequence[tuple[str, str]]) -> list[str]:
        """One HTML block per `(code, language)`; `language` is a plain lexer name or ""."""
        if not samples:
            return []
        key = (self._site_key, tuple(samples))
        cached = self._cache.get(key)
        if cached is None:
            cached = self._cache.put(key, self._convert(samples))
        return list(cached)

    def _convert(self, samples: Sequence[tuple[str, str]]) -> tuple[str, ...]:
        parts = []
        for code, language in samples:
            fence = code_fence(code)
            parts.append(f"{fence}{language}\n{code}\n{fence}")
        self._md.reset()
        with self._formatters.reused():
            html = self._md.convert(f"\n\n{_SEPARATOR}\n\n".join(parts))
        blocks = [block.strip("\n") for block in html.split(_SEPARATOR)]
        if len(blocks) != len(samples):  # cannot happen: fences always close, the separator is ours
            raise RuntimeError("code samples and highlighted blocks do not pair up")
        return tuple(blocks)


class FormatterReuse:
    """One Pygments formatter per set of options, for the samples' conversions only.

    `pymdownx.highlight` makes a new formatter for every code block, and a formatter works out
    its whole style sheet when made: about an eighth of highlighting a 30-line sample. While
    `reused()` is active (around the plugin's own conversions, never the site's), the formatter
    class pymdownx calls hands back the formatter made before for the same options; a
    formatter keeps no state between blocks, so the HTML is the same.
    """

    def __init__(self, limit: int = 256) -> None:
        self.limit = limit
        self._made: dict[tuple[tuple[str, str], ...], Any] = {}

    @contextmanager
    def reused(self) -> Iterator[None]:
        module = sys.modules.get("pymdownx.highlight")
        original = getattr(module, "BlockHtmlFormatter", None)
        if module is None or original is None:
            yield
            return

        def formatter(**options: Any) -> Any:
            key = tuple(sorted((name, repr(value)) for name, value in options.items()))
            made = self._made.get(key)
            if made is None:
                if len(self._made) >= self.limit:
                    self._made.clear()
                made = self._made[key] = original(**options)
            return made

        module.BlockHtmlFormatter = formatter  # type: ignore[attr-defined]
        try:
            yield
        finally:
            module.BlockHtmlFormatter = original  # type: ignore[attr-defined]
