"""`Comparison` model -> Material-flavoured Markdown, through overridable Jinja2 templates.

Templates are looked up first in the user's `custom_templates` folder, then in the package's
`templates/`, so overriding one file (say `feature_grid.html`) leaves the others in place.
Output expressions are escaped for HTML by default; `|md` escapes for Markdown contexts.
"""

from __future__ import annotations

import functools
import posixpath
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2
from markupsafe import Markup

from .escape import _HTML_RE as _HTML_SPECIAL_RE
from .escape import code_fence, escape_html, escape_markdown, inert_code, safe_url
from .model import CodeSample, Comparison, Verdict
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


@dataclass(frozen=True)
class RelatedLink:
    """A link to a sibling comparison page; `href` is relative to the page being rendered."""

    title: str
    tool_name: str
    href: str


@dataclass
class RenderSettings:
    """What the templates need besides the model."""

    custom_templates: str | None = None
    labels: Mapping[str, str] = field(default_factory=dict)


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


def relative_link(from_src: str, to_src: str) -> str:
    """A Markdown link target from one source page to another, which MkDocs then validates."""
    start = posixpath.dirname(from_src) or "."
    # Pure string work for the usual relative POSIX paths (posixpath.relpath calls os.getcwd()
    # twice per link, and a page links to every sibling of its category).
    start_parts = [part for part in posixpath.normpath(start).split("/") if part != "."]
    target_parts = [part for part in posixpath.normpath(to_src).split("/") if part != "."]
    if to_src.startswith("/") or start.startswith("/") or ".." in start_parts or ".." in target_parts:
        return quote(posixpath.relpath(to_src, start))
    common = 0
    while (
        common < len(start_parts)
        and common < len(target_parts)
        and start_parts[common] == target_parts[common]
    ):
        common += 1
    parts = [".."] * (len(start_parts) - common) + target_parts[common:]
    return quote("/".join(parts) or ".")


def _indent(text: str, width: int = 4) -> str:
    pad = " " * width
    return "\n".join(pad + line if line.strip() else "" for line in text.split("\n"))


def _fenced(sample: CodeSample, indent: int = 0) -> Markup:
    """A fenced code block; the code itself is literal inside it and needs no escaping."""
    fence = code_fence(sample.code)
    language = sample.language or guess_language(sample.code)
    language = re.sub(r"[^\w+#.-]", "", language) or "text"
    block = f"{fence}{language}\n{inert_code(sample.code)}\n{fence}"
    return Markup(_indent(block, indent) if indent else block)


def _finalize(value: Any) -> Any:
    """Every `{{ }}` output is HTML-escaped (braces included) unless it is already Markup."""
    if value is None:
        return ""
    if type(value) is str and _HTML_SPECIAL_RE.search(value) is None:
        return Markup(value)  # nothing to escape: skip the substitution (most notes and names)
    return escape_html(value)


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
            autoescape=True,
            finalize=_finalize,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            undefined=jinja2.StrictUndefined,
            # A Renderer lives for one build (the plugin makes a new one in on_config), so
            # template files need no stat() on every page.
            auto_reload=False,
        )
        self.env.filters.update(md=escape_markdown, url=safe_url, fenced=_fenced, slug=slugify)
        self.labels = {**DEFAULT_LABELS, **dict(self.settings.labels)}

    def render_page(
        self, comparison: Comparison, related: Sequence[RelatedLink] = (), page_url: str | None = None
    ) -> str:
        """The whole page body as Markdown (front matter is left to MkDocs).

        `page_url` (the built page's URL relative to the site root) lets relative asset URLs
        in raw HTML, such as the tool icon, be rebased; without it they are kept as written.
        """
        template = self.env.get_template("comparison.md")
        return template.render(
            c=comparison,
            icon_url=rebase_url(safe_url(comparison.tool_icon_url), comparison.path, page_url),
            rows=self._rows(comparison),
            related=list(related),
            labels=self.labels,
            admonition=VERDICT_ADMONITION,
        )

    def _rows(self, comparison: Comparison) -> list[dict[str, Any]]:
        return [
            {"feature": feature, "anchor": anchor}
            for feature, anchor in zip(comparison.features, feature_anchors(comparison), strict=True)
        ]
