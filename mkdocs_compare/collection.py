"""All comparison pages of a site: parse cache, cross-page checks, related links.

Pure: works on (path, text) pairs, so the MkDocs glue, the `check` command and the `render`
command share it. The cache is keyed on content, so a `mkdocs serve` rebuild parses only the
pages whose text changed.
"""

from __future__ import annotations

import fnmatch
import functools
import hashlib
import operator
import posixpath
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import MISSING, dataclass, field, fields
from functools import partial

from .model import Comparison, Location, ParseResult, Problem, RelatedLink, Severity, VerdictScale
from .parse import (
    DEFAULT_DETECT_KEY,
    DEFAULT_MAX_FEATURES,
    decode_source,
    looks_like_comparison,
    parse_comparison,
)
from .review import review_problems
from .urls import relative_link, relative_url
from .verdicts import DEFAULT_SCALE

# What `Collection.drop_front_matter` keeps of a page.
_NAMES = frozenset({"path", "title", "tool_name", "product_name", "slug", "category", "draft"})


@dataclass(frozen=True)
class ParseOptions:
    """Everything besides the text that changes a parse result (part of the cache key)."""

    product: str | None = None
    detect_key: str = DEFAULT_DETECT_KEY
    max_features: int = DEFAULT_MAX_FEATURES
    verdicts: VerdictScale = DEFAULT_SCALE  # which icon classes are verdicts


class ParseCache:
    """Parse results keyed on (path, text digest, options); survives `mkdocs serve` rebuilds.

    With `keep_sources` (under `mkdocs serve`) the key is the text itself: comparing 1,000
    unchanged pages costs a rebuild about a millisecond, hashing them tens.
    """

    def __init__(self, keep_sources: bool = False) -> None:
        self._entries: dict[str, tuple[str, ParseOptions, ParseResult]] = {}
        self.misses = 0
        self.keep_sources = keep_sources

    def parse(self, path: str, text: str, options: ParseOptions) -> ParseResult:
        digest = text if self.keep_sources else _digest(text)
        cached = self._entries.get(path)
        if cached is not None and cached[0] == digest and cached[1] == options:
            return cached[2]
        self.misses += 1
        if not looks_like_comparison(text, options.detect_key):
            result = ParseResult(None)  # the usual page: cannot name the key, so no YAML is read
        else:
            try:
                result = parse_comparison(
                    text,
                    path,
                    product=options.product,
                    detect_key=options.detect_key,
                    max_features=options.max_features,
                    verdicts=options.verdicts,
                )
            except Exception as error:  # a bug of ours: say it, never let a traceback or raw HTML out
                result = _unreadable(path, error)
        self._entries[path] = (digest, options, result)
        return result

    def forget_missing(self, paths: Iterable[str]) -> None:
        """Drop entries for deleted pages so the cache does not grow across rebuilds."""
        keep = set(paths)
        for path in list(self._entries):
            if path not in keep:
                del self._entries[path]


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _unreadable(path: str, error: Exception) -> ParseResult:
    """A page the parser failed on: an empty comparison page (its raw HTML could hold live
    markup), with an error that names the file, so `--strict` fails and the page can be fixed."""
    stem = posixpath.splitext(posixpath.basename(path))[0]
    problem = Problem(
        Location(path, 1),
        f"mkdocs-compare could not read this page ({type(error).__name__}: {str(error)[:120]}); "
        "its content is left out — please report this with the page",
        Severity.ERROR,
    )
    return ParseResult(
        Comparison(path=path, title=stem, tool_name=stem, product_name="", has_table=False), [problem]
    )


@dataclass
class Collection:
    """The comparison pages of one build, by source path (POSIX, relative to docs_dir)."""

    pages: dict[str, Comparison] = field(default_factory=dict)
    drafts: dict[str, Comparison] = field(default_factory=dict)
    # Sorted pages by category, built once per build for related_links (which runs per page:
    # re-sorting every time made it quadratic, 0.15 ms a page at 1,000 pages).
    _by_category: dict[str, list[Comparison]] | None = field(
        default=None, init=False, repr=False, compare=False
    )
    _by_category_size: int = field(default=-1, init=False, repr=False, compare=False)
    _positions: dict[str, int] = field(default_factory=dict, init=False, repr=False, compare=False)
    # The pages in tool-name order, as sorted last (a build asks five times), with what it sorted.
    _sorted: tuple[list[Comparison], list[Comparison]] = field(
        default=([], []), init=False, repr=False, compare=False
    )

    def add(self, comparison: Comparison, include_drafts: bool = False) -> None:
        self._by_category = None
        if comparison.draft and not include_drafts:
            self.drafts[comparison.path] = comparison
        else:
            self.pages[comparison.path] = comparison

    def sorted_pages(self) -> list[Comparison]:
        """The pages by tool name, then path (a new list: callers may change it)."""
        pages = list(self.pages.values())
        given, ordered = self._sorted
        if len(pages) != len(given) or not all(map(operator.is_, pages, given)):
            ordered = sorted(pages, key=lambda page: (page.tool_name.casefold(), page.path))
            self._sorted = (pages, ordered)
        return list(ordered)

    def duplicate_problems(self) -> list[Problem]:
        """Two pages for the same tool, or with the same slug, confuse readers and links."""
        problems: list[Problem] = []
        ordered = self.sorted_pages()
        for label, key in (("tool name", _tool_key), ("slug", _slug_key)):
            values = [key(page) for page in ordered]
            if len(set(values)) + values.count("") >= len(values) + ("" in values):
                continue  # no value twice (the usual site): nothing to group
            groups: dict[str, list[Comparison]] = defaultdict(list)
            for page, value in zip(ordered, values, strict=True):
                if value:
                    groups[value].append(page)
            for pages in groups.values():
                if len(pages) < 2:
                    continue
                first = pages[0]
                value = first.tool_name if label == "tool name" else first.slug
                field_name = "toolName" if label == "tool name" else "slug"
                for other in pages[1:]:
                    problems.append(
                        Problem(
                            Location(other.path, other.field_lines.get(field_name, 0), field=field_name),
                            f"duplicate {label} {value!r}: also used by {first.path}",
                            Severity.WARNING,
                        )
                    )
        return problems

    def related_links(
        self, path: str, urls: Mapping[str, str] | None = None, limit: int = 0
    ) -> list[RelatedLink]:
        """Other pages of the same category: all of them, or the `limit` that follow this page
        in tool-name order (wrapping round), so that every page is linked from `limit` others.

        With `urls` (each page's source path -> its URL relative to the site root, as MkDocs'
        `File.url`) the links are URLs relative to `path`'s built URL, for raw HTML, and pages
        missing from `urls` are left out. Without it they are source paths relative to `path`,
        for Markdown links, which the site generator resolves and checks.
        """
        siblings = self.siblings(path, limit)
        if urls is None:
            return [RelatedLink(o.title, o.tool_name, relative_link(path, o.path)) for o in siblings]
        if path not in urls:
            return []
        return [
            RelatedLink(other.title, other.tool_name, relative_url(urls[other.path], urls[path]))
            for other in siblings
            if other.path in urls
        ]

    def siblings(self, path: str, limit: int = 0) -> list[Comparison]:
        """The pages `related_links` links to, in its order (cheap: no URL is worked out)."""
        page = self.pages.get(path)
        if page is None or not page.category:
            return []
        if self._by_category is None or self._by_category_size != len(self.pages):
            groups: dict[str, list[Comparison]] = defaultdict(list)
            self._positions = {}
            for other in self.sorted_pages():
                self._positions[other.path] = len(groups[other.category])
                groups[other.category].append(other)
            self._by_category, self._by_category_size = dict(groups), len(self.pages)
        group = self._by_category.get(page.category, [])
        # The `count` pages after this one, wrapping round (a slice: no scan of the category).
        position = self._positions.get(path, 0)
        count = len(group) - 1 if limit <= 0 else min(limit, len(group) - 1)
        end = position + 1 + count
        siblings = group[position + 1 : end]
        return siblings + group[: end - len(group)] if end > len(group) else siblings

    def drop_body(self, path: str) -> None:
        """Forget a page's features, code samples and lists, once its page is rendered in a plain
        build: what is read of it afterwards is its front matter (head tags, the summary's head,
        other pages' related links). About two thirds of a model, which MkDocs would otherwise
        see held beside every page it converts. Never under `mkdocs serve`, whose parse cache
        hands the same model to the next rebuild."""
        page = self.pages.get(path)
        if page is not None:
            page.features, page.code_samples, page.learn_more, page.leftover_text = [], [], [], []

    def drop_front_matter(self, path: str) -> None:
        """Forget all but a page's path, names and category once it is written in a plain
        build (the summary's head lists it by title): its memory then serves the pages and the
        search index that MkDocs builds next, not the end of the build."""
        page = self.pages.get(path)
        if page is None:
            return
        for item in fields(page):
            if item.name not in _NAMES and item.default_factory is not MISSING:
                setattr(page, item.name, item.default_factory())
            elif item.name not in _NAMES and item.default is not MISSING:
                setattr(page, item.name, item.default)

    def folder(self) -> str:
        """The deepest folder holding every comparison page ("" for the docs root)."""
        folders = {posixpath.dirname(path) for path in self.pages}  # few: most pages share one
        if not folders:
            return ""
        common = posixpath.commonpath(folders) if all(folders) else ""
        return common


def in_scope(src_uri: str, patterns: list[str]) -> bool:
    """Whether a page is in scope; `**` and plain folder prefixes both work."""
    return _in_scope(src_uri, tuple(patterns))


@functools.lru_cache(maxsize=8192)  # `mkdocs serve` asks again for every page on every rebuild
def _in_scope(src_uri: str, patterns: tuple[str, ...]) -> bool:
    return any(
        fnmatch.fnmatchcase(src_uri, pattern) or src_uri.startswith(pattern.rstrip("*").rstrip("/") + "/")
        for pattern in patterns
    )


@dataclass
class Scan:
    """What reading a docs folder's pages gave: the collection, problems, repaired texts."""

    collection: Collection
    problems: list[Problem] = field(default_factory=list)
    # Pages that were not valid UTF-8, as decoded with the fallback (to be used instead of the bytes).
    decoded: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class PageScan:
    """What scanning one page gave: its parse result and, when it is not valid UTF-8, the text
    decoded with the fallback and the problem saying so."""

    result: ParseResult
    decoded: str | None = None
    problem: Problem | None = None


# Hands out a page's last scan while its file is unchanged, else makes it (`mkdocs serve`).
KeptScan = Callable[[str, Callable[[], PageScan]], PageScan]


def scan_pages(
    paths: Iterable[str],
    read: Callable[[str], bytes],
    cache: ParseCache,
    options: ParseOptions,
    *,
    patterns: list[str],
    include_drafts: bool = False,
    max_age: int | None = None,
    kept: KeptScan | None = None,
) -> Scan:
    """Decode and parse every in-scope page: the steps the plugin and the `render` command share.

    `paths` are the documentation pages (POSIX, relative to docs_dir); `read` gives a page's
    bytes and is only called for pages in scope. Problems come per page in the given order,
    then the cross-page ones (duplicates), then review dates that do not parse and, with
    `max_age` (days), the pages reviewed longer ago than that. `kept(path, make)` (under
    `mkdocs serve`) gives a page's scan, `make()`'s or the last build's.
    """
    scan = Scan(Collection())
    seen: list[str] = []

    def scan_page(path: str) -> PageScan:
        text, decode_problem = decode_source(read(path), path)
        decoded = text if decode_problem is not None else None
        return PageScan(cache.parse(path, text, options), decoded, decode_problem)

    scope = tuple(patterns)  # once, not per page: `_in_scope` is cached on it
    for path in paths:
        if not _in_scope(path, scope):
            continue
        seen.append(path)
        page = scan_page(path) if kept is None else kept(path, partial(scan_page, path))
        if page.problem is not None and page.decoded is not None:
            scan.problems.append(page.problem)
            scan.decoded[path] = page.decoded
        scan.problems.extend(page.result.problems)
        if page.result.comparison is not None:
            scan.collection.add(page.result.comparison, include_drafts=include_drafts)
    cache.forget_missing(seen)
    scan.problems.extend(scan.collection.duplicate_problems())
    scan.problems.extend(review_problems(scan.collection.sorted_pages(), max_age))
    return scan


def _tool_key(page: Comparison) -> str:
    return " ".join(page.tool_name.casefold().split())


def _slug_key(page: Comparison) -> str:
    return page.slug.strip().casefold()
