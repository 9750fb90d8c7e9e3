"""The feature grid: a row per feature, an admonition per verdict (the page's hot loop)."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping
from typing import NamedTuple

from markupsafe import Markup

from .escape import html_text
from .model import Comparison, Feature, VerdictScale
from .verdicts import DEFAULT_SCALE


class VerdictTypes(dict[str, str]):
    """Verdict -> admonition type, for templates; a verdict the scale lacks is UNKNOWN's."""

    def __init__(self, verdicts: VerdictScale) -> None:
        super().__init__((kind.name, kind.type) for kind in verdicts.all)
        self.unknown = verdicts.unknown.type

    def __missing__(self, key: str) -> str:
        return self.unknown


# The default vocabulary's types (yes, no, unknown), for code that imported this name.
VERDICT_ADMONITION = VerdictTypes(DEFAULT_SCALE)


class GridCell(NamedTuple):
    """One verdict of the feature grid, as `feature_grid.html` prints it."""

    who: str  # the product's or the tool's name
    admonition: str  # the admonition type (option `verdicts`): success, failure, question...
    verdict: str  # the verdict: yes, no, another mapped icon class, or unknown
    label: str  # the verdict's label ("Yes", "Partly")
    note: str


class GridRow(NamedTuple):
    """One feature of the grid: the feature, its anchor id, the product's and the tool's cell."""

    feature: Feature
    anchor: str
    cells: list[GridCell]


@functools.lru_cache(maxsize=4096)
def slugify(text: str) -> str:
    """An ASCII, lowercase, dash-separated id fragment (cached: feature names repeat across pages)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"


def feature_anchors(comparison: Comparison) -> list[str]:
    """The ids of the page's feature rows ("feature-<slug>", numbered when names repeat).

    The summary links its matrix cells to these, so there is one rule for both.
    """
    seen: dict[str, int] = {}
    anchors = []
    for feature in comparison.features:
        anchor = "feature-" + slugify(feature.name)
        seen[anchor] = seen.get(anchor, 0) + 1
        if seen[anchor] > 1:
            anchor += f"-{seen[anchor]}"
        anchors.append(anchor)
    return anchors


def grid_html(
    comparison: Comparison, labels: Mapping[str, str], verdicts: VerdictScale = DEFAULT_SCALE
) -> Markup:
    """What `templates/feature_grid.html` renders, written out in Python.

    The grid is the one loop of a page that runs per feature and per verdict, and Jinja's
    per-expression escaping made it half of a page's rendering time. A `feature_grid.html` in
    `custom_templates` is used instead; tests/test_render.py checks the two agree.
    """
    h = html_text
    product, tool = h(comparison.product_name), h(comparison.tool_name)
    styles = {kind.name: (h(kind.type), h(kind.name), h(kind.label)) for kind in verdicts.all}
    unknown = styles[verdicts.unknown.name]
    out = [
        f'<div class="compare-grid" role="table" aria-label="{h(labels["features"])}: '
        f'{product} vs {tool}">\n'
        f'<div class="compare-grid__head" role="row"><span role="columnheader">'
        f'{h(labels["feature"])}</span><span role="columnheader">{product}</span>'
        f'<span role="columnheader">{tool}</span></div>\n'
    ]
    for feature, anchor in zip(comparison.features, feature_anchors(comparison), strict=True):
        out.append(
            f'<div class="compare-grid__row" role="row" id="{h(anchor)}">\n'
            f'<div class="compare-grid__feature" role="rowheader">{h(feature.name)}</div>\n'
        )
        for who, assessment in ((product, feature.product), (tool, feature.tool)):
            kind, verdict, label = styles.get(assessment.verdict, unknown)
            note = f"<p>{h(assessment.note)}</p>" if assessment.note else ""
            out.append(
                f'<div class="admonition {kind} compare-verdict compare-verdict--{verdict}" role="cell">'
                f'<p class="admonition-title" data-search-exclude="true">{who}: {label}</p>{note}</div>\n'
            )
        if feature.extra_cells:
            extras = "".join(f"<p>{h(extra)}</p>" for extra in feature.extra_cells)
            out.append(f'<div class="compare-grid__extra" role="cell">{extras}</div>\n')
        out.append("</div>\n")
    out.append("</div>\n")
    return Markup("".join(out))
