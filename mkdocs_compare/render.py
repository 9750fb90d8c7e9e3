"""`Comparison` model -> Material-flavoured Markdown, through overridable Jinja2 templates.

Templates are looked up first in the user's `custom_templates` folder, then in the package's
`templates/`, so overriding one file (say `feature_grid.html`) leaves the others in place.
Output expressions are escaped for HTML by default; `|md` escapes for Markdown contexts.
"""

from __future__ import annotations

import contextlib
import re
import secrets
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

import jinja2
from markupsafe import Markup

from . import __version__
from .cms_entries import Entries, resolve
from .escape import _HTML_RE as _HTML_SPECIAL_RE
from .escape import code_fence, escape_html, escape_markdown, inert_code, safe_url
from .grid import VERDICT_ADMONITION, GridCell, GridRow, VerdictTypes, feature_anchors, grid_html, slugify
from .held import HeldBlock, RenderedPage, html_block, plain_for_search, plain_for_search_marks
from .highlight import CodeHighlighter, HighlightCache, SiteCode
from .model import CodeSample, Comparison, RelatedLink, VerdictScale
from .parse import guess_language
from .review import format_date, review_date
from .urls import rebase_url
from .verdicts import verdict_scale

# Names other modules and custom code import from here (they moved to grid.py).
__all__ = ["DEFAULT_LABELS", "VERDICT_ADMONITION", "RenderSettings", "Renderer", "feature_anchors", "slugify"]

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
    "reviewed": "Last reviewed",
    "advantages": "Why teams choose {product}",
}


@dataclass
class RenderSettings:
    """What the templates need besides the model."""

    custom_templates: str | None = None
    labels: Mapping[str, str] = field(default_factory=dict)
    # Highlight samples the export gave no language (`<pre>` ones, bare fences) as a guessed
    # language; off, they are plain code blocks, as without the plugin.
    guess_language: bool = True
    # How the site turns fences into HTML: the code tabs are highlighted the same way.
    site_code: SiteCode = field(default_factory=SiteCode)
    # The CMS's advantages and testimonials (`advantages_file`, `quotes_file`), when configured.
    entries: Entries | None = None
    show_advantages: bool = False
    show_testimonials: bool = False
    # The verdict vocabulary; None: the defaults, labelled by `labels` (yes, no, unknown).
    verdicts: VerdictScale | None = None


class CodeTab(NamedTuple):
    """One code sample as `code_tabs.html` prints it: its tab's label and its HTML block."""

    label: str
    html: Markup


def tab_labels(comparison: Comparison, labels: Mapping[str, str]) -> list[str]:
    """The first sample is the product's, the second the tool's, any others numbered."""
    names = [comparison.product_name, comparison.tool_name]
    return [
        names[index] if index < 2 else f"{labels['sample']} {index + 1}"
        for index in range(len(comparison.code_samples))
    ]


def _indent(text: str, width: int = 4) -> str:
    pad = " " * width
    return "\n".join(pad + line if line.strip() else "" for line in text.split("\n"))


def sample_language(sample: CodeSample, guess: bool = True, others: Sequence[CodeSample] = ()) -> str:
    """The lexer name a sample is highlighted as: its own, else a guess (helped by the language
    the page's `others` samples name) when asked for, else `text`."""
    language = sample.language
    if not language and guess:
        hint = next((other.language for other in others if other.language), None)
        language = guess_language(sample.code, _lexer_name(hint) if hint else None)
    return _lexer_name(language or "text")


def _lexer_name(language: str) -> str:
    return re.sub(r"[^\w+#.-]", "", language) or "text"


def fenced(
    sample: CodeSample, indent: int = 0, guess: bool = True, others: Sequence[CodeSample] = ()
) -> Markup:
    """A fenced code block; the code itself is literal inside it and needs no escaping.

    A sample without a language gets a guessed one unless `guess` is off (then it is `text`).
    """
    fence = code_fence(sample.code)
    language = sample_language(sample, guess, others)
    block = f"{fence}{language}\n{inert_code(sample.code)}\n{fence}"
    return Markup(_indent(block, indent) if indent else block)


def _reviewed(comparison: Comparison) -> tuple[str, str] | None:
    """(ISO date, date in words) of the page's last review, for `reviewed.html`."""
    date, _ = review_date(comparison)
    return (date.isoformat(), format_date(date)) if date is not None else None


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


def _template_cache(env: jinja2.Environment) -> jinja2.BytecodeCache | None:
    # Jinja compiles into the bytecode whether a filter or test takes the context: a filter
    # that gains `pass_context` within one version must not meet code compiled before it.
    calls = sorted(
        (kind, name, str(getattr(function, "jinja_pass_arg", "")))
        for kind, functions in (("filter", env.filters), ("test", env.tests))
        for name, function in functions.items()
    )
    salt = f"mkdocs-compare {__version__}|{sorted(_ENV_OPTIONS.items())}|{_finalize.__qualname__}|{calls}"
    try:
        return _TemplateCache(salt)
    except (OSError, RuntimeError):  # no private temp folder to be had
        return None


_T = TypeVar("_T")


class _Lazy(Sequence[_T]):
    """A list for templates, built on first use (the grid's rows serve only an overridden
    grid; the code tabs only the plugin's pages, not the portable Markdown)."""

    def __init__(self, make: Callable[[], list[_T]]) -> None:
        self._make = make
        self._items: list[_T] | None = None

    def _get(self) -> list[_T]:
        if self._items is None:
            self._items = self._make()
        return self._items

    def __getitem__(self, index: Any) -> Any:
        return self._get()[index]

    def __len__(self) -> int:
        return len(self._get())

    def __iter__(self) -> Iterator[_T]:
        return iter(self._get())


class Renderer:
    """Renders comparison pages; one instance per build keeps the Jinja environment warm."""

    def __init__(
        self,
        settings: RenderSettings | None = None,
        highlight_cache: HighlightCache | None = None,
        nonce: str | None = None,
    ) -> None:
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
        )
        guess = self.settings.guess_language

        @jinja2.pass_context
        def fenced_sample(context: Any, sample: CodeSample, indent: int = 0) -> Markup:
            page = context.get("c")
            return fenced(sample, indent, guess, page.code_samples if isinstance(page, Comparison) else ())

        self.env.filters.update(
            md=escape_markdown, url=safe_url, fenced=fenced_sample, slug=slugify, html_block=html_block
        )
        self.env.globals["plain_for_search"] = plain_for_search
        self.env.bytecode_cache = _template_cache(self.env)  # keyed on the filters just set
        self.labels = {**DEFAULT_LABELS, **dict(self.settings.labels)}
        self.verdicts = self.settings.verdicts or verdict_scale(labels=self.labels)
        self.verdict_types = VerdictTypes(self.verdicts)
        # Placeholders carry a per-build token (per `mkdocs serve` session, when the caller
        # keeps rendered pages between rebuilds), so no text can name one by chance.
        self.nonce = nonce or secrets.token_hex(6)
        custom = self.settings.custom_templates
        self.grid_overridden = bool(custom and (Path(custom) / "feature_grid.html").is_file())
        self.highlighter = CodeHighlighter(self.settings.site_code, highlight_cache)

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
            rows=_Lazy(lambda: self._rows(comparison)),
            code_tabs=_Lazy(lambda: self._code_tabs(comparison, held is not None)),
            grid_html=None if self.grid_overridden else grid_html(comparison, self.labels, self.verdicts),
            related=list(related),
            labels=self.labels,
            admonition=self.verdict_types,
            verdicts=self.verdicts,
            _held_blocks=held,
            portable=held is None,
            _nonce=self.nonce,
            reviewed=_reviewed(comparison),
            **self._entries(comparison, page_url),
        )

    def _code_tabs(self, comparison: Comparison, held: bool) -> list[CodeTab]:
        """The samples highlighted as the site's fences are; in a held page each block is
        marked for the search index to read as plain text (`hold_code_from_search`)."""
        guess = self.settings.guess_language
        samples = [
            (sample.code, sample_language(sample, guess, comparison.code_samples))
            for sample in comparison.code_samples
        ]
        blocks = self.highlighter.blocks(samples)
        if held:
            blocks = [plain_for_search_marks(block, self.nonce) for block in blocks]
        labels = tab_labels(comparison, self.labels)
        return [CodeTab(label, Markup(block)) for label, block in zip(labels, blocks, strict=True)]

    def _entries(self, comparison: Comparison, page_url: str | None) -> dict[str, Any]:
        """The page's advantages and testimonial for the templates, images made safe."""
        settings = self.settings
        if settings.entries is None:
            return {"advantages": [], "testimonial": None, "entry_images": {}}
        found, quote, _ = resolve(
            comparison,
            settings.entries,
            advantages=settings.show_advantages,
            testimonials=settings.show_testimonials,
        )
        images = {item.slug: rebase_url(item.image, "index.md", page_url) for item in found}
        if quote is not None:
            images[f"quote:{quote.slug}"] = rebase_url(quote.image, "index.md", page_url)
        return {"advantages": found, "testimonial": quote, "entry_images": images}

    def _rows(self, comparison: Comparison) -> list[GridRow]:
        who = (comparison.product_name, comparison.tool_name)
        rows = []
        for feature, anchor in zip(comparison.features, feature_anchors(comparison), strict=True):
            cells = []
            for name, assessment in zip(who, (feature.product, feature.tool), strict=True):
                kind = self.verdicts.kind(assessment.verdict)
                cells.append(GridCell(name, kind.type, kind.name, kind.label, assessment.note))
            rows.append(GridRow(feature, anchor, cells))
        return rows
