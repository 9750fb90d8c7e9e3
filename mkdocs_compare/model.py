"""The typed model of a comparison page: what the parser produces and the renderers consume.

Nothing here knows about MkDocs, HTML or Markdown; every string is plain, decoded text.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

from .printable import FIELD_LIMIT, escape_controls, one_line

# The verdict of a cell with no icon, or with an icon class the `verdicts` vocabulary lacks.
UNKNOWN = "unknown"


@dataclass(frozen=True)
class VerdictKind:
    """One verdict of the vocabulary: the icon class that says it, its label and admonition type.

    `code` names it in the summary's cell classes (`t-y`, `p-v3`): short, as there is one per
    cell, and made by the package, never from config text.
    """

    name: str  # the icon class, lowercase ("yes", "partial"), or UNKNOWN
    label: str  # "Yes", "Partly": config text, escaped wherever it is written
    type: str  # a Material admonition type ("success", "warning"), checked against a fixed list
    code: str


@dataclass(frozen=True)
class VerdictScale:
    """The verdict vocabulary (option `verdicts`): icon classes in their order, best first.

    Data, not code: the parser maps icon classes through it, the renderers take labels and
    types from it, the summary sorts by its order (UNKNOWN last). Built by `verdicts.verdict_scale`.
    """

    kinds: tuple[VerdictKind, ...]
    unknown: VerdictKind
    _by_name: dict[str, VerdictKind] = field(init=False, repr=False, compare=False, hash=False)
    _rank: dict[str, int] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_name", {kind.name: kind for kind in self.kinds})
        object.__setattr__(self, "_rank", {kind.name: index for index, kind in enumerate(self.kinds)})

    @property
    def all(self) -> tuple[VerdictKind, ...]:
        """Every verdict, UNKNOWN last."""
        return (*self.kinds, self.unknown)

    def verdict(self, icon_class: str) -> str:
        """The verdict an icon class says: its lowercase name when mapped, else UNKNOWN.

        The vocabulary's own string, not a new one: a thousand pages say "yes" 40,000 times."""
        kind = self._by_name.get(icon_class.lower())
        return kind.name if kind is not None else UNKNOWN

    def kind(self, verdict: str) -> VerdictKind:
        """A verdict's entry; anything not in the vocabulary is UNKNOWN's."""
        return self._by_name.get(verdict, self.unknown)

    def rank(self, verdict: str) -> int:
        """Its place in the order (0 the best); UNKNOWN and unmapped ones last."""
        return self._rank.get(verdict, len(self.kinds))


class Severity(str, enum.Enum):
    """How bad a problem is: errors fail `--strict` builds and `check`; info is a hint."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Location:
    """Where in a source file something is: 1-based line, optional table row or field."""

    path: str
    line: int = 0
    row: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        """`path:line (row N) (field 'x')`, control characters escaped (file names are untrusted)."""
        text = escape_controls(f"{self.path}:{self.line}" if self.line else self.path)
        if self.row is not None:
            text += f" (row {self.row})"
        if self.field:
            text += f" (field {one_line(repr(self.field), FIELD_LIMIT)})"
        return text


@dataclass(frozen=True)
class Problem:
    """Something wrong with a source page, with where it is."""

    location: Location
    message: str
    severity: Severity = Severity.WARNING

    def __str__(self) -> str:
        """One readable log line: the location first, the message escaped and cut short."""
        return f"{self.location}: {one_line(self.message)}"


@dataclass(frozen=True, slots=True)
class Assessment:
    """One product's verdict on one feature, with its explanatory note."""

    verdict: str  # a mapped icon class (lowercase) or UNKNOWN: see VerdictScale
    note: str = ""
    icon_class: str = ""  # as written in the export ("" without an icon)


@dataclass(frozen=True, slots=True)
class Feature:
    """One row of the feature table."""

    name: str
    product: Assessment
    tool: Assessment
    line: int = 0
    extra_cells: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CodeSample:
    """A code sample; `language` is None when the source named none."""

    code: str
    language: str | None = None
    line: int = 0


@dataclass(slots=True)
class Comparison:
    """One "Product vs Tool" page: its front matter, feature table, code and next steps."""

    path: str
    title: str
    tool_name: str
    product_name: str
    slug: str = ""
    draft: bool = False
    tool_icon_url: str = ""
    category: str = ""
    integration_type: str = ""
    advantages: list[str] = field(default_factory=list)
    quote: str = ""
    headline: str = ""
    hero_text: str = ""
    cta_headline: str = ""
    learn_more_url: str = ""
    seo_description: str = ""
    open_graph_image_url: str = ""
    seo: dict[str, Any] = field(default_factory=dict)
    webflow: dict[str, Any] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)
    features: list[Feature] = field(default_factory=list)
    code_samples: list[CodeSample] = field(default_factory=list)
    learn_more: list[str] = field(default_factory=list)
    leftover_text: list[str] = field(default_factory=list)
    has_table: bool = True
    # Lines of the front-matter keys that warnings about the whole page point at (toolName, slug).
    field_lines: dict[str, int] = field(default_factory=dict)

    @property
    def description(self) -> str:
        """The page description: its own `description`, else `seoDescription`, else
        `seo.description` (text values only)."""
        own = self.meta.get("description")
        if isinstance(own, str) and own.strip():
            return own.strip()
        fallback = self.seo.get("description")
        return self.seo_description or (fallback if isinstance(fallback, str) else "")


@dataclass(frozen=True)
class RelatedLink:
    """A link to a sibling comparison page: for `render_page_held`, a URL relative to the built
    page (the list is raw HTML, which MkDocs does not rewrite); for `render_page`, a source
    path relative to the page's source (the list is Markdown links)."""

    title: str
    tool_name: str
    href: str


@dataclass
class ParseResult:
    """A parsed page and the problems found on the way (which never stop parsing)."""

    comparison: Comparison | None
    problems: list[Problem] = field(default_factory=list)


class ComparisonError(Exception):
    """A page that looks like a comparison page but cannot be read at all."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem

    @property
    def location(self) -> Location:
        return self.problem.location


@dataclass(frozen=True)
class HeadTag:
    """A tag for a page's `<head>`: `canonical` (a link) or a meta property such as `og:title`."""

    key: str
    value: str


@dataclass(frozen=True)
class Advantage:
    """An entry of the CMS's advantages collection, which pages list by slug."""

    slug: str
    title: str
    text: str
    image: str = ""


@dataclass(frozen=True)
class Testimonial:
    """An entry of the CMS's testimonials collection, which a page names in `quote`."""

    slug: str
    text: str
    author: str
    role: str = ""
    image: str = ""
