"""`Comparison` model -> Material-flavoured Markdown, through overridable Jinja2 templates.

Templates are looked up first in the user's `custom_templates` folder, then in the package's
`templates/`, so overriding one file (say `feature_grid.html`) leaves the others in place.
Output expressions are escaped for HTML by default; `|md` escapes for Markdown contexts.
"""

from __future__ import annotations

import contextlib
import functools
import re
import secrets
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import jinja2
from markupsafe import Markup

from . import __version__
from .escape import _HTML_RE as _HTML_SPECIAL_RE
from .escape import code_fence, escape_html, escape_markdown, html_text, inert_code, safe_url
from .model import CodeSample, Comparison, Feature, RelatedLink, Verdict
from .parse import guess_language
from .urls import rebase_url

DEFAULT_LABELS: dict[str, str] = {
    "features": "Feature comparison",
    "feature": "Feature",
    "code": "Code comparison",
    "next_steps": "Next steps",
    "related": "Related comparisons",
    "more": "More details",
    "learn_more": "Learn more",
    "yes": "Yes",
    "no": "No",
    "unknown": "Not stated",
    "sample": "Sample",
}

VERDICT_ADMONITION = {Verdict.YES: "success", Verdict.NO: "failure", Verdict.UNKNOWN: "question"}


class GridCell(NamedTuple):
    """One verdict of the feature grid, as `feature_grid.html` prints it."""

    who: str  # the product's or the tool's name
    admonition: str  # the admonition type: success, failure or question
    verdict: str  # yes, no or unknown
    label: str  # the verdict's label ("Yes")
    note: str


class GridRow(NamedTuple):
    """One feature of the grid: the feature, its anchor id, the product's and the tool's cell."""

    feature: Feature
    anchor: str
    cells: list[GridCell]


@dataclass
class RenderSettings:
    """What the templates need besides the model."""

    custom_templates: str | None = None
    labels: Mapping[str, str] = field(default_factory=dict)
    # Highlight samples the export gave no language (`<pre>` ones, bare fences) as a guessed
    # language; off, they are plain code blocks, as without the plugin.
    guess_language: bool = False


@dataclass(frozen=True)
class HeldBlock:
    """Raw HTML held back from Markdown; `searchable` ones join the page before search
    indexes it, the others (navigation, such as related links) after."""

    html: str
    searchable: bool


@dataclass(frozen=True)
class RenderedPage:
    """A page's Markdown with its large raw-HTML blocks held back as placeholders.

    Python-Markdown would parse every tag of the feature grid only to pass it through
    unchanged; the grid is put into the page's HTML after conversion instead (`fill_blocks`).
    """

    markdown: str
    blocks: dict[str, HeldBlock]  # placeholder -> block


def fill_blocks(html: str, blocks: dict[str, HeldBlock], searchable: bool) -> tuple[str, list[str]]:
    """Replace the placeholders of the searchable (or of the other) blocks, removing those
    blocks from `blocks`; returns the HTML and the blocks whose placeholder was not found
    (a custom template that put one inside a code block, say)."""
    lost = []
    for placeholder, block in list(blocks.items()):
        if block.searchable != searchable:
            continue
        del blocks[placeholder]
        if placeholder in html:
            html = html.replace(placeholder, block.html, 1)
        else:
            lost.append(block.html)
    return html, lost


def _mark(nonce: str, name: str) -> str:
    """An HTML comment the renderer places and the plugin finds again (never page text: that
    is escaped, and the nonce is per build)."""
    return f"<!-- mkdocs-compare:{nonce}:{name} -->"


@jinja2.pass_context
def _plain_for_search(context: Any, edge: str) -> Markup:
    """`{{ plain_for_search("start") }}` … `("end") }}`: marks highlighted code that the search
    index should read as plain text (see `hold_code_from_search`); nothing in portable Markdown."""
    if context.get("_held_blocks") is None:
        return Markup("")
    return Markup(_mark(context["_nonce"], f"plain-for-search:{edge}") + "\n")


_SPAN_TAG_RE = re.compile(r"</?span\b[^>]*>")


def hold_code_from_search(html: str, nonce: str, blocks: dict[str, HeldBlock]) -> str:
    """The page HTML with the marked code's highlighting spans removed; each highlighted region
    joins `blocks` as an unsearchable block, put back by `fill_blocks` once the search index
    has read the page.

    The text is the same either way; Pygments' thousands of `<span>`s are what a search
    indexer pays for (Material's checks every open element on every tag: code tabs nest deep).
    """
    start, end = _mark(nonce, "plain-for-search:start"), _mark(nonce, "plain-for-search:end")
    out: list[str] = []
    position = 0
    number = 0
    while (begin := html.find(start, position)) != -1 and (finish := html.find(end, begin)) != -1:
        region = html[begin + len(start) : finish]
        placeholder = (
            _mark(nonce, f"code-{number}:start")
            + _SPAN_TAG_RE.sub("", region)
            + _mark(nonce, f"code-{number}:end")
        )
        blocks[placeholder] = HeldBlock(region.removeprefix("\n\n"), searchable=False)
        out += [html[position:begin], placeholder]
        number += 1
        position = finish + len(end)
        # Each mark is a block of its own: it goes with the blank line Markdown put after it.
        position += 2 if html.startswith("\n\n", position) else 0
    out.append(html[position:])
    return "".join(out)


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


def _indent(text: str, width: int = 4) -> str:
    pad = " " * width
    return "\n".join(pad + line if line.strip() else "" for line in text.split("\n"))


def fenced(sample: CodeSample, indent: int = 0, guess: bool = False) -> Markup:
    """A fenced code block; the code itself is literal inside it and needs no escaping.

    A sample without a language is `text` unless `guess` is set (a guess can be wrong, and
    highlighting costs build time: see the README's Performance section).
    """
    fence = code_fence(sample.code)
    language = sample.language or (guess_language(sample.code) if guess else "text")
    language = re.sub(r"[^\w+#.-]", "", language) or "text"
    block = f"{fence}{language}\n{inert_code(sample.code)}\n{fence}"
    return Markup(_indent(block, indent) if indent else block)


@jinja2.pass_context
def _html_block(context: Any, html: str, searchable: bool = True) -> Markup:
    """`{% filter html_block %}`: a raw-HTML block, held back from Markdown when the caller
    asked for a `RenderedPage` (a placeholder comment goes in its place)."""
    held: dict[str, HeldBlock] | None = context.get("_held_blocks")
    if held is None:
        return Markup(html)
    placeholder = _mark(context["_nonce"], str(len(held)))
    held[placeholder] = HeldBlock(str(html).rstrip("\n"), searchable)
    return Markup(placeholder + "\n")


def _finalize(value: Any) -> Any:
    """Every `{{ }}` output is HTML-escaped (braces included) unless it is already Markup."""
    if value is None:
        return ""
    if type(value) is str and _HTML_SPECIAL_RE.search(value) is None:
        return Markup(value)  # nothing to escape: skip the substitution (most notes and names)
    return escape_html(value)


class _TemplateCache(jinja2.FileSystemBytecodeCache):
    """Compiled templates kept between builds, in Jinja's private per-user temp folder.

    Compiling the templates costs about 50 ms per build (5% of a 100-page build); a template
    whose source changed is compiled again (Jinja checks a checksum of it). The key also holds
    the package version and the environment's options, which shape the compiled code. A cache
    that cannot be read or written is skipped.
    """

    def __init__(self, salt: str) -> None:
        super().__init__(pattern="mkdocs-compare-%s.cache")
        self.salt = salt

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        return super().get_cache_key(f"{self.salt}|{name}", filename)

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, ValueError, EOFError, TypeError):  # unreadable or damaged: compile
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):  # a full disk or a read-only folder: no cache
            super().dump_bytecode(bucket)


# The environment's options; they are part of the template cache's key.
_ENV_OPTIONS: dict[str, Any] = {
    "autoescape": True,
    "trim_blocks": True,
    "lstrip_blocks": True,
    "keep_trailing_newline": True,
}


def _template_cache() -> jinja2.BytecodeCache | None:
    salt = f"mkdocs-compare {__version__}|{sorted(_ENV_OPTIONS.items())}|{_finalize.__qualname__}"
    try:
        return _TemplateCache(salt)
    except (OSError, RuntimeError):  # no private temp folder to be had
        return None


def grid_html(comparison: Comparison, labels: Mapping[str, str]) -> Markup:
    """What `templates/feature_grid.html` renders, written out in Python.

    The grid is the one loop of a page that runs per feature and per verdict, and Jinja's
    per-expression escaping made it half of a page's rendering time. A `feature_grid.html` in
    `custom_templates` is used instead; tests/test_render.py checks the two agree.
    """
    h = html_text
    product, tool = h(comparison.product_name), h(comparison.tool_name)
    verdicts = {
        verdict: (h(VERDICT_ADMONITION[verdict]), h(verdict.value), h(labels[verdict.value]))
        for verdict in Verdict
    }
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
            kind, verdict, label = verdicts[assessment.verdict]
            note = f"<p>{h(assessment.note)}</p>" if assessment.note else ""
            out.append(
                f'<div class="admonition {kind} compare-verdict compare-verdict--{verdict}" role="cell">'
                f'<p class="admonition-title">{who}: {label}</p>{note}</div>\n'
            )
        if feature.extra_cells:
            extras = "".join(f"<p>{h(extra)}</p>" for extra in feature.extra_cells)
            out.append(f'<div class="compare-grid__extra" role="cell">{extras}</div>\n')
        out.append("</div>\n")
    out.append("</div>\n")
    return Markup("".join(out))


class _LazyRows(Sequence["GridRow"]):
    """The grid's rows for templates, built on first use (only an overridden grid uses them)."""

    def __init__(self, make: Callable[[], list[GridRow]]) -> None:
        self._make = make
        self._rows: list[GridRow] | None = None

    def _get(self) -> list[GridRow]:
        if self._rows is None:
            self._rows = self._make()
        return self._rows

    def __getitem__(self, index: Any) -> Any:
        return self._get()[index]

    def __len__(self) -> int:
        return len(self._get())

    def __iter__(self) -> Iterator[GridRow]:
        return iter(self._get())


class Renderer:
    """Renders comparison pages; one instance per build keeps the Jinja environment warm."""

    def __init__(self, settings: RenderSettings | None = None) -> None:
        self.settings = settings or RenderSettings()
        loaders: list[jinja2.BaseLoader] = []
        if self.settings.custom_templates:
            loaders.append(jinja2.FileSystemLoader(self.settings.custom_templates))
        loaders.append(jinja2.FileSystemLoader(str(Path(__file__).parent / "templates")))
        self.env = jinja2.Environment(
            loader=jinja2.ChoiceLoader(loaders),
            finalize=_finalize,
            **_ENV_OPTIONS,
            undefined=jinja2.StrictUndefined,
            # A Renderer lives for one build (the plugin makes a new one in on_config), so
            # template files need no stat() on every page.
            auto_reload=False,
            bytecode_cache=_template_cache(),
        )
        guess = self.settings.guess_language

        def fenced_sample(sample: CodeSample, indent: int = 0) -> Markup:
            return fenced(sample, indent, guess)

        self.env.filters.update(
            md=escape_markdown, url=safe_url, fenced=fenced_sample, slug=slugify, html_block=_html_block
        )
        self.env.globals["plain_for_search"] = _plain_for_search
        self.labels = {**DEFAULT_LABELS, **dict(self.settings.labels)}
        # Placeholders carry a per-build token, so no text can name one by chance.
        self.nonce = secrets.token_hex(6)
        custom = self.settings.custom_templates
        self.grid_overridden = bool(custom and (Path(custom) / "feature_grid.html").is_file())

    def render_page(
        self, comparison: Comparison, related: Sequence[RelatedLink] = (), page_url: str | None = None
    ) -> str:
        """The whole page body as Markdown (front matter is left to MkDocs).

        `page_url` (the built page's URL relative to the site root) lets relative asset URLs
        in raw HTML, such as the tool icon, be rebased; without it they are kept as written.
        """
        return self._render(comparison, related, page_url, None)

    def render_page_held(
        self, comparison: Comparison, related: Sequence[RelatedLink] = (), page_url: str | None = None
    ) -> RenderedPage:
        """Like `render_page`, with the feature grid and related links held back (`fill_blocks`)."""
        held: dict[str, HeldBlock] = {}
        return RenderedPage(self._render(comparison, related, page_url, held), held)

    def _render(
        self,
        comparison: Comparison,
        related: Sequence[RelatedLink],
        page_url: str | None,
        held: dict[str, HeldBlock] | None,
    ) -> str:
        template = self.env.get_template("comparison.md")
        return template.render(
            c=comparison,
            icon_url=rebase_url(safe_url(comparison.tool_icon_url), comparison.path, page_url),
            rows=_LazyRows(lambda: self._rows(comparison)),
            grid_html=None if self.grid_overridden else grid_html(comparison, self.labels),
            related=list(related),
            labels=self.labels,
            admonition=VERDICT_ADMONITION,
            _held_blocks=held,
            portable=held is None,
            _nonce=self.nonce,
        )

    def _rows(self, comparison: Comparison) -> list[GridRow]:
        who = (comparison.product_name, comparison.tool_name)
        labels = self.labels
        rows = []
        for feature, anchor in zip(comparison.features, feature_anchors(comparison), strict=True):
            cells = []
            for name, assessment in zip(who, (feature.product, feature.tool), strict=True):
                verdict = assessment.verdict.value
                kind = VERDICT_ADMONITION[assessment.verdict]
                cells.append(GridCell(name, kind, verdict, labels[verdict], assessment.note))
            rows.append(GridRow(feature, anchor, cells))
        return rows
