"""All comparison pages of a site: parse cache, cross-page checks, related links.

Pure: works on (path, text) pairs, so the MkDocs glue, the `check` command and the `render`
command share it. The cache is keyed on content, so a `mkdocs serve` rebuild parses only the
pages whose text changed.
"""

from __future__ import annotations

import hashlib
import posixpath
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from .model import Comparison, ComparisonError, Location, ParseResult, Problem, Severity
from .parse import DEFAULT_DETECT_KEY, DEFAULT_MAX_FEATURES, looks_like_comparison, parse_comparison
from .render import RelatedLink, relative_link


@dataclass(frozen=True)
class ParseOptions:
    """Everything besides the text that changes a parse result (part of the cache key)."""

    product: str | None = None
    detect_key: str = DEFAULT_DETECT_KEY
    max_features: int = DEFAULT_MAX_FEATURES


class ParseCache:
    """Parse results keyed on (path, text digest, options); survives `mkdocs serve` rebuilds."""

    def __init__(self) -> None:
        self._entries: dict[str, tuple[str, ParseOptions, ParseResult]] = {}
        self.misses = 0

    def parse(self, path: str, text: str, options: ParseOptions) -> ParseResult:
        digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
        cached = self._entries.get(path)
        if cached is not None and cached[0] == digest and cached[1] == options:
            return cached[2]
        self.misses += 1
        if not looks_like_comparison(text, options.detect_key):
            result = ParseResult(None)
        else:
            try:
                result = parse_comparison(
                    text,
                    path,
                    product=options.product,
                    detect_key=options.detect_key,
                    max_features=options.max_features,
                )
            except ComparisonError as error:
                result = ParseResult(None, [error.problem])
        self._entries[path] = (digest, options, result)
        return result

    def forget_missing(self, paths: Iterable[str]) -> None:
        """Drop entries for deleted pages so the cache does not grow across rebuilds."""
        keep = set(paths)
        for path in list(self._entries):
            if path not in keep:
                del self._entries[path]


@dataclass
class Collection:
    """The comparison pages of one build, by source path (POSIX, relative to docs_dir)."""

    pages: dict[str, Comparison] = field(default_factory=dict)
    drafts: dict[str, Comparison] = field(default_factory=dict)

    def add(self, comparison: Comparison, include_drafts: bool = False) -> None:
        if comparison.draft and not include_drafts:
            self.drafts[comparison.path] = comparison
        else:
            self.pages[comparison.path] = comparison

    def sorted_pages(self) -> list[Comparison]:
        return sorted(self.pages.values(), key=lambda page: (page.tool_name.casefold(), page.path))

    def duplicate_problems(self) -> list[Problem]:
        """Two pages for the same tool, or with the same slug, confuse readers and links."""
        problems: list[Problem] = []
        for label, key in (("tool name", _tool_key), ("slug", _slug_key)):
            groups: dict[str, list[Comparison]] = defaultdict(list)
            for page in self.sorted_pages():
                value = key(page)
                if value:
                    groups[value].append(page)
            for pages in groups.values():
                if len(pages) < 2:
                    continue
                first = pages[0]
                value = first.tool_name if label == "tool name" else first.slug
                for other in pages[1:]:
                    problems.append(
                        Problem(
                            Location(other.path, field="toolName" if label == "tool name" else "slug"),
                            f"duplicate {label} {value!r}: also used by {first.path}",
                            Severity.WARNING,
                        )
                    )
        return problems

    def related_links(self, path: str) -> list[RelatedLink]:
        """The other pages of the same category, linked relative to `path`."""
        page = self.pages.get(path)
        if page is None or not page.category:
            return []
        return [
            RelatedLink(other.title, other.tool_name, relative_link(path, other.path))
            for other in self.sorted_pages()
            if other.path != path and other.category == page.category
        ]

    def folder(self) -> str:
        """The deepest folder holding every comparison page ("" for the docs root)."""
        folders = [posixpath.dirname(path) for path in self.pages]
        if not folders:
            return ""
        common = posixpath.commonpath(folders) if all(folders) else ""
        return common


def _tool_key(page: Comparison) -> str:
    return " ".join(page.tool_name.casefold().split())


def _slug_key(page: Comparison) -> str:
    return page.slug.strip().casefold()
