"""A plan carried out: the summary's model, the exports it wants and the page's document."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import partial
from typing import TextIO

import jinja2

from ..model import Comparison, VerdictScale
from ..summary_parts import SummaryParts
from .build import build_summary
from .model import SummaryOutput, SummaryPlan
from .page import render_summary


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
    categories: Mapping[str, str] | None = None,
    verdicts: VerdictScale | None = None,
    parts: SummaryParts | None = None,
    write_export: Callable[[str, Callable[[TextIO], None]], None] | None = None,
) -> SummaryOutput:
    """Build the model, the exports the plan wants and the summary page's document.

    `urls` and `summary_url` are relative to the site root (MkDocs' `File.url`, or `page_url`
    for callers without MkDocs). `parts` keeps each tool's pieces between `mkdocs serve` rebuilds.
    With `write_export` each export is handed to it as its path and a function that writes it
    to a file a page at a time, instead of being returned as a text.
    """
    model = build_summary(
        pages,
        urls,
        summary_url,
        product=product,
        aliases=aliases,
        max_features=max_features,
        labels=labels,
        categories=categories,
        verdicts=verdicts,
        parts=parts,
    )
    exports = {}
    for export in plan.exports:
        if write_export is not None:
            write_export(export.path, partial(export.write_to, model))
        else:
            exports[export.path] = export.write(model)
    document = None
    if plan.page:
        document = render_summary(model, env, labels, title=plan.title, downloads=plan.downloads)
    return SummaryOutput(model, exports, document)
