"""The summary page's Markdown, from `summary.md`, with its cards and matrix held apart."""

from __future__ import annotations

import datetime as dt
import secrets
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from functools import partial
from typing import Any

import jinja2
from markupsafe import Markup

from ..review import format_date
from ..summary_parts import SummaryParts, reuse, reuse_whole
from .glyphs import VerdictLabels, code_labels, glyph_style, legend_text, sort_order
from .labels import summary_labels
from .model import CategoryGroup, SummaryDocument, SummaryModel, ToolRow


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
        "said": VerdictLabels(model.verdicts),  # verdict -> its label
        "verdict_style": glyph_style(model.verdicts),
        "verdict_order": sort_order(model.verdicts),
        "verdict_labels": code_labels(model.verdicts),
        "legend_verdicts": legend_text(model.used),
        "date_words": lambda iso: format_date(dt.date.fromisoformat(iso)),
    }

    def html_block(name: str, **values: Any) -> Markup:
        placeholder = f"<!-- mkdocs-compare {nonce} block {len(document.blocks)} -->"
        group = values.get("group")
        block = partial(env.get_template(name).render, {**context, **values})
        if isinstance(group, CategoryGroup) and len(values) == 1:  # a category's cards
            block = partial(reuse_whole, model.parts, name, group.slug, _group_key(group, shared), block)
        document.blocks[placeholder] = block()
        return Markup(placeholder)

    shared = (model.product, model.inline_notes, context["has_others"])
    context["html_block"] = html_block
    context["matrix_row"] = matrix_row = _piece(env, "summary_matrix_row.html", context, model, shared)
    context["summary_card"] = _piece(env, "summary_card.html", context, model, shared)
    context["matrix_rows"] = partial(_group_rows, model.parts, matrix_row, shared)
    document.markdown = env.get_template("summary.md").render(context)
    context.clear()  # `html_block` and the context hold each other: the model goes now, not at a gc
    return document


def _group_key(group: CategoryGroup, shared: tuple[object, ...]) -> object:
    """What a category's part of the page shows: its rows (under `mkdocs serve` the unchanged
    tools' are the last build's very objects), its heading, and what every tool's part shares."""
    return (tuple(group.rows), group.name, shared)


def _group_rows(
    parts: SummaryParts | None,
    matrix_row: Callable[[ToolRow, CategoryGroup], Markup],
    shared: Any,
    group: Any,
) -> Markup:
    """A category's rows of the matrix (`matrix_rows(group)`), the last serve build's whole
    when its rows are the same."""

    def make() -> Markup:
        return Markup("".join([matrix_row(row, group) for row in group.rows]))

    return reuse_whole(parts, "matrix_rows", group.slug, _group_key(group, shared), make)


def _piece(
    env: jinja2.Environment,
    name: str,
    context: dict[str, Any],
    model: SummaryModel,
    shared: tuple[object, ...],
) -> Any:
    """A tool's part of the page (`name` rendered for its row), the last serve build's when
    made for an equal row in the same group (the rest of what it shows comes from the
    settings, and the model's product, notes budget and other-features column: `shared`)."""
    template = env.get_template(name)

    def piece(row: ToolRow, group: CategoryGroup) -> Markup:
        def make() -> Markup:
            return Markup(template.render({**context, "row": row, "group": group}))

        return reuse(model.parts, name, row.page.path, (row, group.slug, group.name, shared), make)

    return piece


def _format(template: str, values: Mapping[str, Any]) -> str:
    """`str.format` that leaves unknown or malformed placeholders as they are."""
    try:
        return template.format_map(defaultdict(str, values))
    except (ValueError, IndexError, AttributeError):
        return template
