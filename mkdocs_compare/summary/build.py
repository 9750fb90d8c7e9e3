"""The summary's model, built from comparison pages: shared feature keys, matrix, categories.

The caller hands in each page's final URL (relative to the site root, as MkDocs computes it)
and the summary page's URL; links inside the summary's raw HTML are computed from those, since
MkDocs does not rewrite links in raw HTML.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial

from ..escape import safe_url
from ..features import FeatureNames, near_duplicate_hints
from ..model import Comparison, Problem, VerdictScale
from ..render import feature_anchors
from ..review import review_date
from ..summary_parts import SummaryParts, reuse, reuse_whole
from ..urls import rebase_url, relative_url
from ..verdicts import DEFAULT_SCALE, counts_as_yes
from .categories import category_name, category_order
from .labels import SUMMARY_LABELS
from .model import CategoryGroup, Cell, FeatureColumn, SummaryModel, ToolRow

# Characters of notes the matrix may inline. Above this (hundreds of pages), the matrix shows
# verdicts only and each cell links to the row on the page, where the note is; the JSON and CSV
# exports always hold every note.
NOTE_BUDGET = 300_000


@dataclass
class _Gathered:
    """Every page's features under their keys: what ranking and the rows are built from."""

    keys: dict[tuple[str, int], str] = field(default_factory=dict)  # (page path, row index) -> key
    spellings: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    first_seen: dict[str, tuple[str, str]] = field(default_factory=dict)  # key -> (name, path)
    mentions: Counter[str] = field(default_factory=Counter)  # key -> pages mentioning it
    product_verdicts: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    said: set[str] = field(default_factory=set)  # every verdict any page says
    notes: int = 0  # characters of notes, all pages


@dataclass(frozen=True)
class _PageFeatures:
    """One page's share of `_Gathered`, as sets and counts the whole can be summed from in C
    (at 1,000 pages, a loop over every feature costs a serve rebuild tens of milliseconds)."""

    keys: tuple[str, ...]  # per feature
    keyed: dict[tuple[str, int], str]
    spellings: tuple[tuple[str, str], ...]  # (key, name) per feature
    first: dict[str, tuple[str, str]]  # key -> (name, path) of its first feature
    verdicts: frozenset[tuple[str, str]]  # (key, the product's verdict)
    said: frozenset[str]
    aliases: frozenset[str]  # the aliases its names went through (FeatureNames.used)
    # Not compared: the columns, hints and keys do not depend on the notes' length.
    notes: int = field(compare=False)


def _page_features(page: Comparison, names: FeatureNames) -> _PageFeatures:
    used, names.used = names.used, set()
    try:
        keys = tuple(names.key(feature.name) for feature in page.features)
        aliases = frozenset(names.used)
    finally:
        names.used = used | names.used
    first: dict[str, tuple[str, str]] = {}
    for key, feature in zip(keys, page.features, strict=True):
        first.setdefault(key, (feature.name, page.path))
    features = page.features
    return _PageFeatures(
        keys,
        {(page.path, index): key for index, key in enumerate(keys)},
        tuple(zip(keys, (feature.name for feature in features), strict=True)),
        first,
        frozenset(zip(keys, (feature.product.verdict for feature in features), strict=True)),
        frozenset(verdict for f in features for verdict in (f.product.verdict, f.tool.verdict)),
        aliases,
        sum(len(feature.product.note) + len(feature.tool.note) for feature in features),
    )


def _gather(shares: Iterable[_PageFeatures], names: FeatureNames) -> _Gathered:
    """The pages' shares (in tool-name order) summed up; the notes are left to the caller."""
    found = _Gathered()
    spellings: Counter[tuple[str, str]] = Counter()
    verdicts: set[tuple[str, str]] = set()
    for share in shares:
        found.keys.update(share.keyed)
        spellings.update(share.spellings)
        if not share.first.keys() <= found.first_seen.keys():
            for key, seen in share.first.items():
                found.first_seen.setdefault(key, seen)
        found.mentions.update(share.first.keys())
        verdicts |= share.verdicts
        found.said |= share.said
        names.used |= share.aliases
    for (key, name), count in spellings.items():  # in the order first seen, as `display` needs
        found.spellings[key][name] = count
    for key, verdict in verdicts:
        found.product_verdicts[key].add(verdict)
    return found


@dataclass(frozen=True)
class _Layout:
    """What the pages' feature names and verdicts make together: the same for equal shares,
    whatever the notes, URLs or other fields say (a `mkdocs serve` rebuild reuses it whole)."""

    found: _Gathered
    features: list[FeatureColumn]
    columns: list[FeatureColumn]
    disputed: set[str]
    hints: list[Problem]


def _layout(shares: Iterable[_PageFeatures], count: int, names: FeatureNames, max_features: int) -> _Layout:
    found = _gather(shares, names)
    features = _ranked(found, names)
    least = min(2, count)  # a column for one page only is noise when there are others
    columns = [column for column in features if column.count >= least][: max(0, max_features)]
    disputed = {key for key, verdicts in found.product_verdicts.items() if len(verdicts) > 1}
    display_names = {column.key: column.name for column in features}
    hints = near_duplicate_hints(display_names, found.first_seen) + names.unused_alias_problems()
    return _Layout(found, features, columns, disputed, hints)


def _ranked(found: _Gathered, names: FeatureNames) -> list[FeatureColumn]:
    """Every feature, most mentioned first, titled by its alias target or its commonest spelling."""

    def display(key: str) -> str:
        if key in names.canonical:
            return names.canonical[key]
        return max(found.spellings[key].items(), key=lambda item: item[1])[0]  # first most common

    return sorted(
        (
            FeatureColumn(key, display(key), found.mentions[key], len(found.product_verdicts[key]) > 1)
            for key in found.mentions
        ),
        key=lambda column: (-column.count, column.name.casefold(), column.key),
    )


def _row(
    page: Comparison,
    url: str,
    summary_url: str,
    keys: tuple[str, ...],
    columns: list[FeatureColumn],
    disputed: set[str],
    verdicts: VerdictScale,
) -> ToolRow:
    """A page's card and matrix row; a feature without a column goes to the row's others.

    The product's "yes" is left unshown (`quiet`) unless its pages disagree on the feature: the
    product says yes to nearly everything, and a ✓ in every cell hides the verdicts that differ.
    """
    shown = {column.key for column in columns}
    href = relative_url(url, summary_url)
    # The export's icon URL is relative to its own page: rebased for the summary's place.
    icon = rebase_url(safe_url(page.tool_icon_url), page.path, summary_url)
    date, _ = review_date(page)
    row = ToolRow(page, url, href, page.category.strip(), icon, reviewed=date.isoformat() if date else "")
    row.keys = keys
    for feature, anchor, key in zip(page.features, feature_anchors(page), keys, strict=True):
        tool, product = verdicts.kind(feature.tool.verdict), verdicts.kind(feature.product.verdict)
        quiet = product.name == "yes" and key not in disputed
        classes = f"t-{tool.code} p-{product.code}" + (" pq" if quiet else "")
        cell = Cell(feature, key, f"{href}#{anchor}", quiet, classes)
        if key in shown and key not in row.cells:
            row.cells[key] = cell
        else:
            row.others.append(cell)
        row.tool_yes += counts_as_yes(tool)
        row.product_yes += counts_as_yes(product)
    row.slots = [row.cells.get(column.key) for column in columns]
    return row


def _groups(
    rows: list[ToolRow], labels: Mapping[str, str] | None, titles: Mapping[str, str] | None
) -> list[CategoryGroup]:
    """Rows by category, in the `categories` option's order then by heading; pages without one
    last, under their own heading."""
    by_category: dict[str, list[ToolRow]] = defaultdict(list)
    for row in rows:
        by_category[row.category].append(row)
    names = {slug: category_name(slug, labels, titles) for slug in by_category if slug}
    groups = [
        CategoryGroup(slug, names[slug], by_category[slug]) for slug in category_order(names, titles, names)
    ]
    if by_category.get(""):
        uncategorised = (labels or {}).get("summary_uncategorised") or SUMMARY_LABELS["summary_uncategorised"]
        groups.append(CategoryGroup("", uncategorised, by_category[""]))
    return groups


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
    categories: Mapping[str, str] | None = None,
    verdicts: VerdictScale | None = None,
    parts: SummaryParts | None = None,
) -> SummaryModel:
    """Gather every page's features under shared keys and lay out the matrix.

    `urls` maps each page's source path to its URL relative to the site root; `summary_url` is
    the summary page's. Pages come sorted by tool name; categories in the order of `categories`
    (slug -> heading), then by heading; verdicts are `verdicts`' (default: yes and no). Notes are inlined
    in the matrix while their total length stays within `note_budget` (default NOTE_BUDGET).
    `parts` (under `mkdocs serve`) hands out the rows of unchanged pages from the last build.
    """
    ordered = sorted(pages, key=lambda page: (page.tool_name.casefold(), page.path))
    names = FeatureNames(aliases)
    if parts is None:  # a plain build: each page's share is summed and let go, not all held at once
        page_keys, notes = [], 0

        def streamed() -> Iterator[_PageFeatures]:
            nonlocal notes
            for page in ordered:
                share = _page_features(page, names)
                page_keys.append(share.keys)
                notes += share.notes
                yield share

        made = _layout(streamed(), len(ordered), names, max_features)
    else:
        shares = tuple(
            reuse(parts, "features", page.path, page, partial(_page_features, page, names))
            for page in ordered
        )
        layout_of = partial(_layout, shares, len(shares), names, max_features)
        made = reuse_whole(parts, "layout", "", shares, layout_of)
        page_keys, notes = [share.keys for share in shares], sum(share.notes for share in shares)
    found, features, columns, disputed = made.found, made.features, made.columns, made.disputed
    scale = verdicts or DEFAULT_SCALE
    # What every row shares: equal to the last build's, it is that very object (cheap to compare).
    layout = (summary_url, tuple(columns), frozenset(disputed), scale)
    layout = parts.shared("layout", layout) if parts is not None else layout
    rows = []
    for page, keys in zip(ordered, page_keys, strict=True):
        url = urls.get(page.path, "")
        rows.append(
            reuse(
                parts,
                "row",
                page.path,
                (page, url, keys, layout),
                partial(_row, page, url, summary_url, keys, columns, disputed, scale),
            )
        )
    return SummaryModel(
        product=product or _most_common_product(ordered),
        rows=rows,
        groups=_groups(rows, labels, categories),
        features=features,
        columns=columns,
        inline_notes=notes <= (NOTE_BUDGET if note_budget is None else note_budget),
        keys=found.keys,
        hints=list(made.hints),
        verdicts=scale,
        used=[kind for kind in scale.all if kind.name in found.said],
        parts=parts,
    )


def _most_common_product(pages: Sequence[Comparison]) -> str:
    counts = Counter(page.product_name for page in pages if page.product_name)
    return counts.most_common(1)[0][0] if counts else ""
