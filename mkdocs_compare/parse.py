"""Exported comparison page (text) -> `Comparison` model, with located problems.

The front matter is read here; the body by `body.py` (and the feature table by `table.py`).
No MkDocs import here.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

import yaml
from frontmatter.default_handlers import YAMLHandler

from .body import BodyReader
from .language import guess_language
from .model import (
    Comparison,
    ComparisonError,
    Location,
    ParseResult,
    Problem,
    Severity,
)
from .text import clean as _clean

__all__ = ["guess_language"]  # imported from here by render.py

DEFAULT_DETECT_KEY = "toolName"
DEFAULT_MAX_FEATURES = 500

# The same front-matter boundary MkDocs itself uses (mkdocs.utils.meta), so we agree on the body.
# Patterns that scan to a closing tag are written line by line or as "unrolled loops"
# (`[^<]*(?:<(?!/end)[^<]*)*`) rather than lazy `.*?`: same matches, ~10x faster on 10 KB pages.
_FRONT_MATTER_RE = re.compile(r"\A\ufeff?-{3}[ \t]*\r?\n((?:[^\n]*\n)+?)??(?:\.{3}|-{3})[ \t]*(?:\r?\n|\Z)")
_TITLE_RE = re.compile(r"^\s*(?P<product>.+?)\s+(?:vs\.?|versus)\s+(?P<tool>.+?)\s*$", re.I)


def detect_key_pattern(key: str) -> re.Pattern[str]:
    """A pattern finding `key:` at the start of a front-matter line (quoted or not)."""
    quoted = re.escape(key)
    return re.compile(rf"^[\"']?{quoted}[\"']?[ \t]*:", re.M)


def decode_source(data: bytes, path: str) -> tuple[str, Problem | None]:
    """Decode a page as UTF-8, falling back to Windows-1252 (with a problem) instead of failing."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        text = data.decode("cp1252", errors="replace")
        problem = Problem(
            Location(path, line),
            f"not valid UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start}); "
            "decoded as Windows-1252, please re-save the file as UTF-8",
        )
        return text, problem


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Return (front matter text or None, body, number of lines before the body)."""
    match = _FRONT_MATTER_RE.match(text)
    if not match:
        return None, text, 0
    return match.group(1) or "", text[match.end() :], text.count("\n", 0, match.end())


def looks_like_comparison(text: str, key: str = DEFAULT_DETECT_KEY) -> bool:
    """Cheap test used before any parsing: does the front matter name the detection key?"""
    front_matter, _body, _ = split_front_matter(text)
    if front_matter is None:
        return False
    return bool(detect_key_pattern(key).search(front_matter))


def parse_comparison(
    text: str,
    path: str,
    *,
    product: str | None = None,
    detect_key: str = DEFAULT_DETECT_KEY,
    max_features: int = DEFAULT_MAX_FEATURES,
) -> ParseResult:
    """Parse one source page.

    Returns a result whose `comparison` is None when the page is not a comparison page.
    Raises `ComparisonError` (with a location) when the page looks like one but its front
    matter cannot be read. Every other defect becomes a `Problem` and parsing goes on.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    front_matter, body, body_offset = split_front_matter(text)
    if front_matter is None:
        return ParseResult(None)
    try:
        meta = YAMLHandler().load(front_matter)
    except Exception as error:  # YAMLError, and ValueError/RecursionError from odd scalars
        if not (detect_key_pattern(detect_key).search(front_matter) or 'class="tooltiptext"' in body):
            return ParseResult(None)
        return _salvage(error, path, front_matter, body, body_offset, product, detect_key, max_features)
    if not isinstance(meta, dict) or detect_key not in meta:
        return ParseResult(None)
    return _Parser(path, front_matter, meta, body, body_offset, product, detect_key, max_features).run()


_TOP_LEVEL_KEY_RE = re.compile(r"^[\"']?([A-Za-z_][\w-]*)[\"']?[ \t]*:", re.M)
_HEADING_RE = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(\S[^\n]*?)[ \t#]*$", re.M)


def _salvage(
    error: Exception,
    path: str,
    front_matter: str,
    body: str,
    body_offset: int,
    product: str | None,
    detect_key: str,
    max_features: int,
) -> ParseResult:
    """A comparison page whose front matter does not parse: render what can be read, escaped.

    Passing such a page through unchanged would put its raw HTML (notes and all) into the
    site, so its body is parsed as usual and every top-level field that parses on its own is
    kept; the title falls back to the body's first heading, then to the file name. Raises
    `ComparisonError` only when nothing at all can be read.
    """
    mark = getattr(error, "problem_mark", None)
    line = mark.line + 2 if mark is not None else 1
    reason = getattr(error, "problem", None) or (str(error).splitlines() or [type(error).__name__])[0]
    meta, lost = _salvage_fields(front_matter)
    message = f"front matter is not valid YAML: {reason}"
    if not meta and not body.strip():
        raise ComparisonError(Problem(Location(path, line), message, Severity.ERROR))
    field_name = None
    if lost:  # point at the first field that does not parse, which is where the fix goes
        message += f"; fields lost: {', '.join(lost)}"
        field_name = lost[0]
        first = detect_key_pattern(field_name).search(front_matter)
        line = front_matter.count("\n", 0, first.start()) + 2 if first else line
    message += "; the page is rendered from what could be read"
    if not isinstance(meta.get("title"), str) or not meta["title"].strip():
        heading = _HEADING_RE.search(body)
        stem = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        meta["title"] = _clean(heading.group(1)) if heading else " ".join(stem.replace("-", " ").split())
    parser = _Parser(path, front_matter, meta, body, body_offset, product, detect_key, max_features)
    parser.problems.append(Problem(Location(path, line, field=field_name), message, Severity.ERROR))
    return parser.run()


def _salvage_fields(front_matter: str) -> tuple[dict[str, Any], list[str]]:
    """Each top-level `key:` with its indented lines, parsed alone: (fields read, keys lost)."""
    starts = [match.start() for match in _TOP_LEVEL_KEY_RE.finditer(front_matter)]
    meta: dict[str, Any] = {}
    lost: list[str] = []
    for start, end in zip(starts, [*starts[1:], len(front_matter)], strict=True):
        chunk = front_matter[start:end]
        key = _TOP_LEVEL_KEY_RE.match(chunk)
        try:
            value = yaml.safe_load(chunk)
        except Exception:  # the broken part: report it, keep the rest
            value = None
        if isinstance(value, dict) and len(value) == 1:
            meta.update({str(name): item for name, item in value.items()})
        elif key is not None:
            lost.append(key.group(1))
    return meta, lost


class _Parser:
    """One page's parse: holds the problems list and the line index while scanning."""

    def __init__(
        self,
        path: str,
        front_matter: str,
        meta: dict[Any, Any],
        body: str,
        body_offset: int,
        product: str | None,
        detect_key: str,
        max_features: int,
    ) -> None:
        self.path = path
        self.front_matter = front_matter
        self.meta = {str(key): value for key, value in meta.items()}
        self.body = body
        self.body_offset = body_offset
        self.product = product
        self.detect_key = detect_key
        self.max_features = max_features
        self.problems: list[Problem] = []
        self._newlines = [match.start() for match in re.finditer("\n", body)]

    # -- helpers -------------------------------------------------------------------------
    def line_at(self, offset: int) -> int:
        return self.body_offset + bisect.bisect_left(self._newlines, offset) + 1

    def warn(
        self,
        message: str,
        *,
        line: int = 0,
        row: int | None = None,
        field_name: str | None = None,
        severity: Severity = Severity.WARNING,
    ) -> None:
        if not line and field_name:
            line = self.field_line(field_name)
        self.problems.append(Problem(Location(self.path, line, row, field_name), message, severity))

    def field_line(self, key: str) -> int:
        """The line of `key:` in the front matter (1 when it is absent)."""
        match = detect_key_pattern(key).search(self.front_matter)
        return self.front_matter.count("\n", 0, match.start()) + 2 if match else 1

    def text_field(self, key: str) -> str:
        value = self.meta.get(key)
        if value is None:
            return ""
        if isinstance(value, (dict, list)):
            self.warn(f"field {key!r} should be text, got a {type(value).__name__}", field_name=key)
            return ""
        # One line: these go into HTML paragraphs, and a line of its own could start Markdown
        # block syntax (`!!! note`, a `--8<--` snippet include) in the generated page.
        return " ".join(str(value).split())

    def url_field(self, key: str) -> str:
        value = self.meta.get(key)
        if isinstance(value, dict):
            value = value.get("url")
        if value is None:
            return ""
        if not isinstance(value, str):
            self.warn(f"field {key!r} should hold a URL", field_name=key)
            return ""
        return value.strip()

    # -- the page --------------------------------------------------------------------------
    def run(self) -> ParseResult:
        meta = self.meta
        title = self.text_field("title")
        tool_name = self.text_field(self.detect_key) or self.text_field("toolName")
        title_match = _TITLE_RE.match(title)
        if not tool_name:
            tool_name = title_match.group("tool") if title_match else title
            self.warn(f"field {self.detect_key!r} is empty", field_name=self.detect_key)
        product_name = self.product or (title_match.group("product") if title_match else "")
        if not product_name:
            product_name = "Our product"
            self.warn(
                "cannot tell the product's name from the title (expected 'Product vs Tool'); "
                "set the plugin's `product` option",
                field_name="title",
            )
        advantages_value = meta.get("advantages") or []
        if not isinstance(advantages_value, list):
            self.warn("field 'advantages' should be a list", field_name="advantages")
            advantages_value = [advantages_value]
        seo = meta.get("seo") if isinstance(meta.get("seo"), dict) else {}
        webflow = meta.get("webflow") if isinstance(meta.get("webflow"), dict) else {}
        comparison = Comparison(
            path=self.path,
            title=title or f"{product_name} vs {tool_name}",
            tool_name=tool_name,
            product_name=product_name,
            slug=self.text_field("slug"),
            draft=_truthy(meta.get("draft")),
            tool_icon_url=self.url_field("toolIcon"),
            category=self.text_field("category"),
            integration_type=self.text_field("integrationType"),
            # Scalars only: str() of a nested (or alias-bombed) YAML value can be huge.
            advantages=[str(item) for item in advantages_value if isinstance(item, (str, int, float))],
            quote=self.text_field("quote"),
            headline=self.text_field("headline"),
            hero_text=self.text_field("heroText"),
            cta_headline=self.text_field("ctaHeadline"),
            learn_more_url=self.url_field("learnMoreUrl"),
            seo_description=self.text_field("seoDescription"),
            open_graph_image_url=self.url_field("openGraphImage"),
            seo=dict(seo or {}),
            webflow=dict(webflow or {}),
            meta=meta,
            field_lines={key: self.field_line(key) for key in ("toolName", "slug")},
        )
        self.parse_body(comparison)
        return ParseResult(comparison, self.problems)

    def parse_body(self, comparison: Comparison) -> None:
        BodyReader(self.line_at, self.warn, self.max_features).read(comparison, self.body)


def _truthy(value: object) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("true", "yes", "1", "on")
    return bool(value)
