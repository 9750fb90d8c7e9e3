"""The cross-tool summary: comparison pages -> summary model -> Markdown, JSON and CSV.

Pure: knows nothing of MkDocs. The glue hands in the pages, each page's final URL (relative to
the site root, as MkDocs computes it) and the summary page's URL; links inside the summary's raw
HTML are computed from those, since MkDocs does not rewrite links in raw HTML.

Feature names are matched across pages on a key that ignores case, punctuation, spacing and
HTML entities, after the maintainer's `feature_aliases`; names that still look alike are
reported as hints, never merged silently.
"""

from __future__ import annotations

import csv
import functools
import html
import io
import json
import posixpath
import re
import secrets
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

import jinja2
from markupsafe import Markup

from .collection import Collection
from .escape import safe_url
from .model import Assessment, Comparison, Feature, Location, Problem, Severity, Verdict
from .render import DEFAULT_LABELS, feature_anchors
from .urls import page_url, rebase_url, relative_url

SUMMARY_MARKER = "<!-- compare-summary -->"
JSON_NAME = "comparisons.json"
CSV_NAME = "comparisons.csv"
JSON_VERSION = 1
# Characters of notes the matrix may inline. Above this (hundreds of pages), the matrix shows
# verdicts only and each cell links to the row on the page, where the note is; the JSON and CSV
# exports always hold every note.
NOTE_BUDGET = 300_000
# Near-duplicate hints: names this alike (difflib ratio on the keys) are reported.
SIMILARITY = 0.85
MAX_HINTS = 30
_MAX_PAIRS = 50_000

SUMMARY_LABELS: dict[str, str] = {
    "summary_intro": "{count} comparisons of {product} with other tools, in {categories} categories.",
    "summary_tools": "Tools",
    "summary_matrix": "Feature matrix",
    "summary_tool": "Tool",
    "summary_category": "Category",
    "summary_other": "Other features",
    "summary_yes_count": "{name}: yes",
    "summary_legend": "Each cell shows the tool's verdict first and {product}'s after it "
    "(✓ yes, ✗ no, ? not stated); hover or focus a cell for the notes, follow it to the page.",
    "summary_legend_compact": "Each cell shows the tool's verdict first and {product}'s after it "
    "(✓ yes, ✗ no, ? not stated). The notes are on each comparison page: follow the tool's name.",
    "summary_columns": "Columns: the {shown} features mentioned by most pages.",
    "summary_left_out": "{left_out} more (mentioned by fewer pages) are listed per tool under “{other}”.",
    "summary_left_out_compact": "{left_out} more (mentioned by fewer pages) are on the comparison "
    "pages; “{other}” links there.",
    "summary_mentions": "Mentioned on {count} pages",
    "summary_more": "{count} more",
    "summary_downloads": "All verdicts and notes:",
    "summary_uncategorised": "Other tools",
    "summary_filter": "Category",
    "summary_all": "All categories",
}

_GLYPH = {Verdict.YES: "y", Verdict.NO: "n", Verdict.UNKNOWN: "u"}
_CSV_RISKY = ("=", "+", "-", "@", "\t", "\r")


# ---------------------------------------------------------------------------------------------
# Feature names
# ---------------------------------------------------------------------------------------------
@functools.lru_cache(maxsize=8192)  # a site repeats a few hundred names thousands of times
def feature_key(name: str) -> str:
    """The matching key of a feature name: no case, punctuation, spacing or HTML entities.

    "Vendor Lock-In", "vendor lock in" and "Vendor&nbsp;Lock&#8209;in" share "vendorlockin".
    Symbols such as "+" and "#" are kept, so "C++" and "C#" stay apart from "C".
    """
    text = unicodedata.normalize("NFKC", html.unescape(html.unescape(name))).casefold()
    key = "".join(char for char in text if char == "#" or unicodedata.category(char)[0] not in "PZC")
    return key or " ".join(text.split())


def _words(name: str) -> frozenset[str]:
    return frozenset(re.findall(r"\w+", unicodedata.normalize("NFKC", html.unescape(name)).casefold()))


class FeatureNames:
    """Resolves a feature name to its key, following `feature_aliases` (alias -> canonical)."""

    def __init__(self, aliases: Mapping[str, str] | None = None) -> None:
        self._alias: dict[str, str] = {}
        self.canonical: dict[str, str] = {}  # key -> the name the maintainer chose
        self.alias_names: dict[str, str] = {}  # alias key -> alias as written
        for alias, canonical in (aliases or {}).items():
            source, target = feature_key(alias), feature_key(canonical)
            if source != target:
                self._alias[source] = target
                self.alias_names[source] = alias
            self.canonical.setdefault(target, canonical)
        self.used: set[str] = set()

    def key(self, name: str) -> str:
        key = feature_key(name)
        seen = {key}
        while key in self._alias:  # chains (a -> b -> c) end at c; loops stop where they close
            self.used.add(key)
            key = self._alias[key]
            if key in seen:
                break
            seen.add(key)
        return key

    def unused_aliases(self) -> list[str]:
        return [self.alias_names[key] for key in self._alias if key not in self.used]


# ---------------------------------------------------------------------------------------------
# URLs
# ---------------------------------------------------------------------------------------------
# ---------------------------------------------------------------------------------------------
# The model
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Cell:
    """One feature of one page, placed in the matrix."""

    feature: Feature
    key: str
    href: str  # to the feature's row on the comparison page, relative to the summary page

    @property
    def classes(self) -> str:
        return f"t-{_GLYPH[self.feature.tool.verdict]} p-{_GLYPH[self.feature.product.verdict]}"


@dataclass
class ToolRow:
    """A comparison page in the summary: card data, matrix cells and totals."""

    page: Comparison
    url: str  # relative to the site root
    href: str  # relative to the summary page
    category: str
    icon: str = ""  # the tool icon's URL, safe, and relative to the summary page
    cells: dict[str, Cell] = field(default_factory=dict)  # by feature key, shown as columns
    slots: list[Cell | None] = field(default_factory=list)  # one per matrix column, in order
    others: list[Cell] = field(default_factory=list)  # features not shown as columns
    tool_yes: int = 0
    product_yes: int = 0

    @property
    def total(self) -> int:
        return len(self.page.features)


@dataclass(frozen=True)
class FeatureColumn:
    key: str
    name: str
    count: int  # pages that mention it


@dataclass
class CategoryGroup:
    slug: str
    name: str
    rows: list[ToolRow]


@dataclass
class SummaryModel:
    product: str
    rows: list[ToolRow]
    groups: list[CategoryGroup]
    features: list[FeatureColumn]  # every feature, ranked by the number of pages mentioning it
    columns: list[FeatureColumn]  # the ones shown as matrix columns
    inline_notes: bool
    keys: dict[tuple[str, int], str] = field(default_factory=dict)  # (page path, row index) -> key
    hints: list[Problem] = field(default_factory=list)

    @property
    def left_out(self) -> int:
        return len(self.features) - len(self.columns)


def category_name(slug: str, labels: Mapping[str, str] | None = None) -> str:
    """A category slug as a heading ("e2e-platforms" -> "E2e platforms"); labels may rename it."""
    custom = (labels or {}).get(f"category:{slug}")
    if custom:
        return custom
    words = re.sub(r"[-_\s]+", " ", slug).strip()
    return words[:1].upper() + words[1:]


def build_summary(
    pages: Iterable[Comparison],
    urls: Mapping[str, str],
    summary_url: str,
    *,
    product: str | None = None,
    aliases: Mapping[str, str] | None = None,
    max_features: int = 40,
    note_budget: int | None = None,
    labels: Mapping[str, str] | None = None,
) -> SummaryModel:
    """Gather every page's features under shared keys and lay out the matrix.

    `urls` maps each page's source path to its URL relative to the site root; `summary_url` is
    the summary page's. Pages come sorted by tool name; categories by name. Notes are inlined
    in the matrix while their total length stays within `note_budget` (default NOTE_BUDGET).
    """
    ordered = sorted(pages, key=lambda page: (page.tool_name.casefold(), page.path))
    names = FeatureNames(aliases)
    keys: dict[tuple[str, int], str] = {}
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    first_seen: dict[str, tuple[str, str]] = {}  # key -> (name, path) where first seen
    mentions: Counter[str] = Counter()
    notes = 0
    for page in ordered:
        page_keys = set()
        for index, feature in enumerate(page.features):
            key = names.key(feature.name)
            keys[(page.path, index)] = key
            spellings[key][feature.name] += 1
            first_seen.setdefault(key, (feature.name, page.path))
            page_keys.add(key)
            notes += len(feature.product.note) + len(feature.tool.note)
        mentions.update(page_keys)

    def display(key: str) -> str:
        if key in names.canonical:
            return names.canonical[key]
        return max(spellings[key].items(), key=lambda item: item[1])[0]  # first most common

    features = sorted(
        (FeatureColumn(key, display(key), mentions[key]) for key in mentions),
        key=lambda column: (-column.count, column.name.casefold(), column.key),
    )
    least = min(2, len(ordered))  # a column for one page only is noise when there are others
    columns = [column for column in features if column.count >= least][: max(0, max_features)]
    shown = {column.key for column in columns}

    rows = []
    for page in ordered:
        url = urls.get(page.path, "")
        href = relative_url(url, summary_url)
        # The export's icon URL is relative to its own page: rebased for the summary's place.
        icon = rebase_url(safe_url(page.tool_icon_url), page.path, summary_url)
        row = ToolRow(page, url, href, page.category.strip(), icon)
        for index, (feature, anchor) in enumerate(zip(page.features, feature_anchors(page), strict=True)):
            key = keys[(page.path, index)]
            cell = Cell(feature, key, f"{href}#{anchor}")
            if key in shown and key not in row.cells:
                row.cells[key] = cell
            else:
                row.others.append(cell)
            row.tool_yes += feature.tool.verdict is Verdict.YES
            row.product_yes += feature.product.verdict is Verdict.YES
        row.slots = [row.cells.get(column.key) for column in columns]
        rows.append(row)

    by_category: dict[str, list[ToolRow]] = defaultdict(list)
    for row in rows:
        by_category[row.category].append(row)
    groups = [
        CategoryGroup(slug, category_name(slug, labels), members)
        for slug, members in sorted(by_category.items(), key=lambda item: (not item[0], item[0]))
        if slug
    ]
    if by_category.get(""):
        uncategorised = (labels or {}).get("summary_uncategorised") or SUMMARY_LABELS["summary_uncategorised"]
        groups.append(CategoryGroup("", uncategorised, by_category[""]))

    model = SummaryModel(
        product=product or _most_common_product(ordered),
        rows=rows,
        groups=groups,
        features=features,
        columns=columns,
        inline_notes=notes <= (NOTE_BUDGET if note_budget is None else note_budget),
        keys=keys,
    )
    model.hints = near_duplicate_hints(features, first_seen) + [
        Problem(
            Location("mkdocs.yml", field="feature_aliases"),
            f"feature alias {alias!r} matches no feature name on any comparison page",
            Severity.INFO,
        )
        for alias in names.unused_aliases()
    ]
    return model


def _most_common_product(pages: Sequence[Comparison]) -> str:
    counts = Counter(page.product_name for page in pages if page.product_name)
    return counts.most_common(1)[0][0] if counts else ""


def near_duplicate_hints(
    features: Sequence[FeatureColumn], first_seen: Mapping[str, tuple[str, str]]
) -> list[Problem]:
    """Feature names kept apart that may mean the same thing: a hint to add an alias.

    Two names are alike when one's words (two or more) are all in the other's ("Auto
    Retraining" and "Auto Retraining Triggers"), or their keys differ by a typo or a plural.
    Only names sharing a word are compared, which keeps this fast on thousands of names.
    """
    words = {column.key: _words(column.name) for column in features}
    by_word: dict[str, list[str]] = defaultdict(list)
    for column in features:
        for word in words[column.key]:
            if len(word) >= 3:
                by_word[word].append(column.key)
    pairs: set[tuple[str, str]] = set()
    for keys in by_word.values():
        for i, first in enumerate(keys):
            for second in keys[i + 1 :]:
                pairs.add((first, second) if first < second else (second, first))
                if len(pairs) > _MAX_PAIRS:
                    break
    found = []
    for first, second in sorted(pairs):
        small, large = sorted((words[first], words[second]), key=len)
        alike = len(small) >= 2 and small < large
        if not alike:
            matcher = SequenceMatcher(None, first, second, autojunk=False)
            alike = (
                matcher.real_quick_ratio() >= SIMILARITY
                and matcher.quick_ratio() >= SIMILARITY
                and matcher.ratio() >= SIMILARITY
            )
        if alike:
            found.append((first, second))
    hints = []
    for first, second in found[:MAX_HINTS]:
        (name_a, path_a), (name_b, path_b) = first_seen[first], first_seen[second]
        hints.append(
            Problem(
                Location(path_a),
                f"feature name {name_a!r} looks like {name_b!r} (in {path_b}) but the summary keeps "
                "them apart; map one to the other in `feature_aliases` if they mean the same",
                Severity.INFO,
            )
        )
    if len(found) > MAX_HINTS:
        hints.append(
            Problem(
                Location("mkdocs.yml", field="feature_aliases"),
                f"{len(found) - MAX_HINTS} more pairs of alike feature names not listed",
                Severity.INFO,
            )
        )
    return hints


# ---------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------
def summary_labels(labels: Mapping[str, str]) -> dict[str, str]:
    """The summary's texts: the pages' and the summary's defaults, then the maintainer's `labels`."""
    return {**DEFAULT_LABELS, **SUMMARY_LABELS, **labels}


@dataclass
class SummaryDocument:
    """The summary as Markdown, with its big HTML blocks (cards, matrix) held apart.

    The Markdown has a placeholder comment per block: the MkDocs glue swaps the blocks into the
    page's HTML after Markdown ran (a megabyte of raw HTML would cost Python-Markdown seconds
    and gain nothing); `inline()` gives plain Markdown for other generators.
    """

    markdown: str
    blocks: dict[str, str] = field(default_factory=dict)

    def inline(self) -> str:
        """Markdown with every block in place (raw HTML blocks), for any Markdown generator."""
        text = self.markdown
        for placeholder, block in self.blocks.items():
            text = text.replace(placeholder, block.strip("\n"), 1)
        return text

    def fill(self, html_text: str) -> str:
        """The page's HTML with every placeholder replaced by its block."""
        for placeholder, block in self.blocks.items():
            html_text = html_text.replace(placeholder, block, 1)
        return html_text


def render_summary(
    model: SummaryModel,
    env: jinja2.Environment,
    labels: Mapping[str, str],
    *,
    title: str | None = None,
    downloads: Sequence[tuple[str, str]] = (),
) -> SummaryDocument:
    """Render `summary.md`; its `html_block(template, ...)` calls become held-apart blocks.

    `title` adds a first-level heading (for a generated page); `downloads` are (label, link)
    pairs of the exports, as Markdown links relative to the summary page.
    """
    texts = summary_labels(labels)
    nonce = secrets.token_hex(6)
    document = SummaryDocument("")
    context: dict[str, Any] = {
        "m": model,
        "title": title,
        "labels": texts,
        "text": lambda key, **values: _format(texts[key], values),
        "downloads": list(downloads),
        "category_names": {group.slug: group.name for group in model.groups},
        "has_others": any(row.others for row in model.rows),
    }

    def html_block(name: str, **values: Any) -> Markup:
        placeholder = f"<!-- mkdocs-compare {nonce} block {len(document.blocks)} -->"
        document.blocks[placeholder] = env.get_template(name).render({**context, **values})
        return Markup(placeholder)

    context["html_block"] = html_block
    document.markdown = env.get_template("summary.md").render(context)
    return document


def _format(template: str, values: Mapping[str, Any]) -> str:
    """`str.format` that leaves unknown or malformed placeholders as they are."""
    try:
        return template.format_map(defaultdict(str, values))
    except (ValueError, IndexError, AttributeError):
        return template


def insert_summary(page_text: str, summary: str) -> str:
    """Put the summary into a maintainer's page: at the marker comment, else after its text."""
    if SUMMARY_MARKER in page_text:
        before, after = page_text.split(SUMMARY_MARKER, 1)
        return f"{before}\n\n{summary}\n\n{after}"
    return page_text.rstrip("\n") + "\n\n" + summary


def _assessment(assessment: Assessment) -> dict[str, str]:
    return {"verdict": assessment.verdict.value, "note": assessment.note}


def export_data(model: SummaryModel) -> dict[str, Any]:
    """Every page's every feature, with its shared key: the JSON export's content."""
    return {
        "version": JSON_VERSION,
        "product": model.product,
        "comparisons": [
            {
                "tool": row.page.tool_name,
                "title": row.page.title,
                "slug": row.page.slug,
                "url": row.url,
                "category": row.page.category,
                "features": [
                    {
                        "name": feature.name,
                        "key": model.keys[(row.page.path, index)],
                        "product": _assessment(feature.product),
                        "tool": _assessment(feature.tool),
                    }
                    for index, feature in enumerate(row.page.features)
                ],
            }
            for row in model.rows
        ],
    }


def export_json(model: SummaryModel) -> str:
    """The JSON export, one comparison per line (diff-friendly, and fast to write)."""
    data = export_data(model)
    comparisons = data.pop("comparisons")
    head = json.dumps(data, ensure_ascii=False)[:-1]
    lines = ",\n".join(json.dumps(item, ensure_ascii=False) for item in comparisons)
    return f'{head}, "comparisons": [\n{lines}\n]}}\n'


def _csv_cell(value: str) -> str:
    """Spreadsheets run cells starting with = + - @ as formulas: make those plain text."""
    return "'" + value if value.startswith(_CSV_RISKY) else value


def export_csv(model: SummaryModel) -> str:
    """One line per tool and feature (a long-format matrix that spreadsheets pivot)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        ["tool", "category", "url", "feature", "key", "tool_verdict", "tool_note", "product_verdict",
         "product_note"]
    )  # fmt: skip
    for row in model.rows:
        for index, feature in enumerate(row.page.features):
            writer.writerow(
                _csv_cell(value)
                for value in (
                    row.page.tool_name,
                    row.page.category,
                    row.url,
                    feature.name,
                    model.keys[(row.page.path, index)],
                    feature.tool.verdict.value,
                    feature.tool.note,
                    feature.product.verdict.value,
                    feature.product.note,
                )
            )
    return out.getvalue()


# ---------------------------------------------------------------------------------------------
# Where the summary goes: decided once, for the plugin and the `render` command alike
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class SummaryExport:
    """One export file beside the summary page."""

    name: str  # file name, also the download link from the summary page
    path: str  # relative to docs_dir (POSIX)
    write: Callable[[SummaryModel], str]

    @property
    def label(self) -> str:
        """The download link's text ("JSON", "CSV")."""
        return self.name.rsplit(".", 1)[1].upper()


@dataclass
class SummaryPlan:
    """Where the summary page and the exports go, and what was refused, before building any.

    `page` is "" when there is no summary page (turned off, or refused with a problem); the
    exports then still go to the comparison pages' folder. `merge` means the maintainer has a
    page at that path: the summary goes into it and the page keeps its own title.
    """

    page: str
    folder: str
    merge: bool = False
    title: str | None = None  # the first heading of a generated page
    exports: list[SummaryExport] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def downloads(self) -> list[tuple[str, str]]:
        """(label, link relative to the summary page) of every export written."""
        return [(export.label, export.name) for export in self.exports]

    @property
    def folder_url(self) -> str:
        """The folder's URL, standing in for the summary page's when there is none."""
        return self.folder + "/" if self.folder else ""

    def page_text(self, summary_markdown: str, existing_text: str | None = None) -> str:
        """The summary page's whole source: the summary alone, or merged into the existing page."""
        if self.merge and existing_text is not None:
            return insert_summary(existing_text, summary_markdown)
        return summary_markdown


def plan_summary(
    collection: Collection,
    summary_page: str | None,
    existing_paths: Container[str],
    *,
    title: str,
    json_export: bool = True,
    csv_export: bool = True,
) -> SummaryPlan | None:
    """Decide the summary page's path and the exports from the options; None without pages.

    `summary_page` is the option as configured (None: `index.md` of the pages' folder; "":
    none); `existing_paths` holds every file of the docs (drafts left out), so a maintainer's
    page is merged into and a maintainer's export file is left alone (with a problem).
    """
    if not collection.pages:
        return None
    problems: list[Problem] = []
    where = Location("mkdocs.yml", field="summary_page")
    page = summary_page if summary_page is not None else posixpath.join(collection.folder(), "index.md")
    page = posixpath.normpath(page).lstrip("/") if page else ""
    if page and not page.endswith(".md"):
        problems.append(Problem(where, f"{page!r} is not a Markdown (.md) path: no summary page"))
        page = ""
    if page in collection.pages:
        problems.append(
            Problem(where, f"{page!r} is a comparison page: no summary page (choose another path)")
        )
        page = ""
    folder = posixpath.dirname(page) if page else collection.folder()
    merge = bool(page) and page in existing_paths
    exports = []
    for name, write, wanted in ((JSON_NAME, export_json, json_export), (CSV_NAME, export_csv, csv_export)):
        path = posixpath.join(folder, name)
        if not wanted:
            continue
        if path in existing_paths:
            problems.append(Problem(Location(path), "exists in the docs: the plugin's export is not written"))
            continue
        exports.append(SummaryExport(name, path, write))
    return SummaryPlan(
        page=page,
        folder=folder,
        merge=merge,
        title=title if page and not merge else None,
        exports=exports,
        problems=problems,
    )


@dataclass
class SummaryOutput:
    """Everything a plan produces: the model, the export texts and the page's document."""

    model: SummaryModel
    exports: dict[str, str]  # export path (relative to docs_dir) -> text
    document: SummaryDocument | None  # None when there is no summary page


def compose_summary(
    plan: SummaryPlan,
    pages: Iterable[Comparison],
    urls: Mapping[str, str],
    summary_url: str,
    env: jinja2.Environment,
    labels: Mapping[str, str],
    *,
    product: str | None = None,
    aliases: Mapping[str, str] | None = None,
    max_features: int = 40,
) -> SummaryOutput:
    """Build the model, the exports the plan wants and the summary page's document.

    `urls` and `summary_url` are relative to the site root (MkDocs' `File.url`, or `page_url`
    for callers without MkDocs).
    """
    model = build_summary(
        pages,
        urls,
        summary_url,
        product=product,
        aliases=aliases,
        max_features=max_features,
        labels=labels,
    )
    exports = {export.path: export.write(model) for export in plan.exports}
    document = None
    if plan.page:
        document = render_summary(model, env, labels, title=plan.title, downloads=plan.downloads)
    return SummaryOutput(model, exports, document)


__all__ = [
    "CSV_NAME",
    "JSON_NAME",
    "SUMMARY_MARKER",
    "FeatureNames",
    "SummaryExport",
    "SummaryModel",
    "SummaryOutput",
    "SummaryPlan",
    "build_summary",
    "compose_summary",
    "export_csv",
    "export_json",
    "feature_key",
    "insert_summary",
    "page_url",
    "plan_summary",
    "relative_url",
    "render_summary",
]
