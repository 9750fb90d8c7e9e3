"""Typed readers for a comparison page's front-matter fields, and the page header they make.

Front matter is data from a CMS: each field is read as the type the format gives it, and a
value of another type is said (with its file and line) rather than guessed at or dropped in
silence. The whole front matter stays in `Comparison.meta`.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from .escape import safe_url
from .front_matter import Loaded, key_line_pattern
from .model import Comparison, Location, Problem, Severity

TITLE_RE = re.compile(r"^\s*(?P<product>.+?)\s+(?:vs\.?|versus)\s+(?P<tool>.+?)\s*$", re.I)
# Tags of scalars whose source text is the text meant (`slug: 0012`, `toolName: No`).
_TEXT_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "timestamp", "null")}


def kind_of(value: object) -> str:
    """How a message names a value's type."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bytes):
        return "binary data (!!binary)"
    return f"a {type(value).__name__}"


def shown(value: object, limit: int = 60) -> str:
    """A value for a message: short, and quoted so it reads as data."""
    if isinstance(value, str):
        text = value if len(value) <= limit else value[:limit] + "…"
        return repr(text)
    if isinstance(value, (int, float)):
        return repr(value)
    return kind_of(value)


class Fields:
    """Reads one page's fields; each problem goes into `problems`, located by the key's line."""

    def __init__(
        self, path: str, meta: dict[str, Any], loaded: Loaded | None, source: str, problems: list[Problem]
    ) -> None:
        self.path = path
        self.meta = meta
        self.loaded = loaded
        self.source = source
        self.problems = problems

    def line(self, key: str) -> int:
        """The line of `key` in the file (1 when it is absent)."""
        if self.loaded is not None and key in self.loaded.key_lines:
            return self.loaded.key_lines[key]
        match = key_line_pattern(key).search(self.source)
        return self.source.count("\n", 0, match.start()) + 2 if match else 1

    def warn(self, message: str, key: str, severity: Severity = Severity.WARNING) -> None:
        """A problem with a field: at its own line, or its parent's (`seo` for `seo.title`)."""
        known = self.loaded is not None and key in self.loaded.key_lines
        line = self.line(key if known else key.split(".", 1)[0])
        self.problems.append(Problem(Location(self.path, line, field=key), message, severity))

    def text(self, key: str) -> str:
        """A text field, on one line (it goes into paragraphs, where a line of its own could
        start Markdown block syntax such as `!!! note`); "" when absent or not text."""
        value = self.meta.get(key)
        if value is None:
            return ""
        if not isinstance(value, str):
            scalar = self.loaded.scalars.get(key) if self.loaded is not None else None
            if scalar is not None and scalar[1] in _TEXT_TAGS:
                value = scalar[0]  # the text as written, not YAML's reading of it
            elif isinstance(value, (int, float, datetime.date)) and not isinstance(value, bool):
                value = str(value)
            else:
                self.warn(f"field {key!r} should be text, got {kind_of(value)}; it is left out", key)
                return ""
        return " ".join(value.split())

    def nested_text(self, parent: str, mapping: dict[str, Any], key: str) -> str:
        value = mapping.get(key)
        if value is None or isinstance(value, str):
            return " ".join((value or "").split())
        self.warn(
            f"field '{parent}.{key}' should be text, got {kind_of(value)}; it is left out", f"{parent}.{key}"
        )
        return ""

    def url(self, key: str) -> str:
        """A URL field (text, or a mapping with `url`): only http(s) and relative URLs are kept."""
        value, label = self.meta.get(key), key
        if isinstance(value, dict):
            value, label = value.get("url"), f"{key}.url"
        if value is None:
            return ""
        if not isinstance(value, str):
            self.warn(f"field {label!r} should hold a URL, got {kind_of(value)}; it is left out", label)
            return ""
        url = value.strip()
        if url and not safe_url(url):
            self.warn(
                f"field {label!r}: {shown(url)} is not an http(s) or relative URL; it is left out", label
            )
            return ""
        return url

    def flag(self, key: str) -> bool:
        """`draft`: anything but true/false is taken as true, so a page that may be
        confidential stays out of the build."""
        value = self.meta.get(key)
        if value is None or isinstance(value, bool):
            return bool(value)
        self.warn(
            f"field {key!r} should be true or false, got {shown(value)}; "
            "the page is treated as a draft and left out of the build",
            key,
        )
        return True

    def mapping(self, key: str) -> dict[str, Any]:
        value = self.meta.get(key)
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.warn(
                f"field {key!r} should be a mapping of fields, got {kind_of(value)}; it is left out", key
            )
            return {}
        return {str(name): item for name, item in value.items()}

    def texts(self, key: str) -> list[str]:
        """A list of short texts (`advantages`); a lone text is taken as a list of one."""
        value = self.meta.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.warn(f"field {key!r} should be a list", key)
            value = [value]
        # Scalars only: str() of a nested value can be huge.
        kept = [
            str(item) for item in value if isinstance(item, (str, int, float)) and not isinstance(item, bool)
        ]
        if len(kept) != len(value):
            self.warn(f"field {key!r}: {len(value) - len(kept)} item(s) are not text; they are left out", key)
        return kept


# Fields whose lines warnings about the whole page point at (duplicates, review dates, slugs of
# the CMS's other collections).
FIELD_LINES = ("toolName", "slug", "reviewed", "webflow.lastUpdated", "advantages", "quote")


def read_header(
    fields: Fields, detect_key: str, product: str | None, field_lines: tuple[str, ...] = FIELD_LINES
) -> Comparison:
    """The page's model from its front matter (the body is read afterwards)."""
    title = fields.text("title")
    tool_name = fields.text(detect_key) or (fields.text("toolName") if detect_key != "toolName" else "")
    title_match = TITLE_RE.match(title)
    if not tool_name:
        tool_name = title_match.group("tool") if title_match else title
        fields.warn(f"field {detect_key!r} is empty", detect_key)
    product_name = product or (title_match.group("product") if title_match else "")
    if not product_name:
        product_name = "Our product"
        fields.warn(
            "cannot tell the product's name from the title (expected 'Product vs Tool'); "
            "set the plugin's `product` option",
            "title",
        )
    seo = fields.mapping("seo")
    # Said here; `Comparison.description` reads them.
    fields.nested_text("seo", seo, "description")
    if fields.meta.get("description") is not None and not isinstance(fields.meta["description"], str):
        fields.text("description")
    return Comparison(
        path=fields.path,
        title=title or f"{product_name} vs {tool_name}",
        tool_name=tool_name,
        product_name=product_name,
        slug=fields.text("slug"),
        draft=fields.flag("draft"),
        tool_icon_url=fields.url("toolIcon"),
        category=fields.text("category"),
        integration_type=fields.text("integrationType"),
        advantages=fields.texts("advantages"),
        quote=fields.text("quote"),
        headline=fields.text("headline"),
        hero_text=fields.text("heroText"),
        cta_headline=fields.text("ctaHeadline"),
        learn_more_url=fields.url("learnMoreUrl"),
        seo_description=fields.text("seoDescription"),
        open_graph_image_url=fields.url("openGraphImage"),
        seo=seo,
        webflow=fields.mapping("webflow"),
        meta=fields.meta,
        field_lines={key: fields.line(key) for key in field_lines},
    )
