"""Make untrusted page text inert before it enters generated Markdown.

Every string from a page is escaped for HTML *and* for Markdown: characters that any common
Markdown extension gives meaning to become numeric character references, which every
Python-Markdown based generator passes through as literal text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from markupsafe import Markup

# Attributes are always double-quoted in our templates, so "'" needs no escaping in HTML.
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}
# Braces also defeat template engines that run over page Markdown (mkdocs-macros, Jinja).
_HTML_AND_BRACES = {**_HTML, "{": "&#123;", "}": "&#125;"}
# Punctuation that Markdown or a pymdownx extension could turn into markup.
_MARKDOWN_ONLY = "\\`*_[]#!|~^=:$%+-@'"
_MARKDOWN = {**_HTML_AND_BRACES, **{char: f"&#{ord(char)};" for char in _MARKDOWN_ONLY}}

_HTML_RE = re.compile("[" + re.escape("".join(_HTML_AND_BRACES)) + "]")
_MARKDOWN_RE = re.compile("[" + re.escape("".join(_MARKDOWN)) + "]")
_SPACE_RE = re.compile(r"\s+")
_SCHEME_RE = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_IGNORED_IN_URLS_RE = re.compile(r"[\x00-\x20\x7f]")


def escape_html(value: object) -> Markup:
    """Escape for an HTML text or attribute context (and neutralise template braces)."""
    if isinstance(value, Markup):
        return value
    return Markup(html_text(str(value)))


def html_text(text: str) -> str:
    """`escape_html` for a plain string, as a plain string (for code that builds HTML itself)."""
    if _HTML_RE.search(text) is None:
        return text  # the usual case: nothing to replace
    return _HTML_RE.sub(_html_entity, text)


def _html_entity(match: re.Match[str]) -> str:
    return _HTML_AND_BRACES[match.group(0)]


def escape_markdown(value: object) -> Markup:
    """Escape for an inline Markdown context (a heading, a tab title, link text): one line."""
    if isinstance(value, Markup):
        return value
    text = _SPACE_RE.sub(" ", str(value)).strip()
    return Markup(_MARKDOWN_RE.sub(lambda m: _MARKDOWN[m.group(0)], text))


def safe_url(value: object) -> str:
    """Return the URL when it is http(s) or relative, else "" (javascript:, data:, //host …)."""
    if not isinstance(value, str):
        return ""
    url = value.strip()
    probe = _IGNORED_IN_URLS_RE.sub("", url)  # browsers ignore these inside schemes
    if not probe or probe.startswith(("//", "\\\\", "/\\", "\\/")):
        return ""
    scheme = _SCHEME_RE.match(probe)
    if scheme and scheme.group(1).lower() not in ("http", "https"):
        return ""
    if scheme is None and ":" in probe.split("/", 1)[0]:
        return ""  # something like "java script:" that is not a clean relative path
    return url


def code_fence(code: str, char: str = "`") -> str:
    """A fence longer than any run of fence characters inside the code."""
    longest = max((len(run) for run in re.findall(f"{re.escape(char)}+", code)), default=0)
    return char * max(3, longest + 1)


def html_safe_meta(meta: Mapping[str, Any]) -> dict[str, Any]:
    """Page metadata with every string in it HTML-escaped (braces too), at any depth.

    Themes print page metadata (`page.meta.title`, `description`, Material's `subtitle` …)
    into the page without escaping (MkDocs' Jinja has no autoescape). A comparison page's
    metadata holds only what the plugin sets, and its title and description come from the CMS:
    `<script>` in a title would run on every page whose navigation lists it.
    """
    return {str(key): _html_safe_value(value) for key, value in meta.items()}


def _html_safe_value(value: Any) -> Any:
    if isinstance(value, str):
        return str(escape_html(value))
    if isinstance(value, Mapping):
        return html_safe_meta(value)
    if isinstance(value, (list, tuple)):
        return [_html_safe_value(item) for item in value]
    return value


# A line that pymdownx.snippets would replace by a file's content (`--8<-- "file"`, or a bare
# `--8<--` opening a block of file names); it only matches when nothing follows on the line.
_SNIPPET_LINE_RE = re.compile(r"^([ \t]*;*-+8<-+(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'))?)[ \t]*$", re.M)


def inert_code(code: str) -> str:
    """Code as it can go into a fenced block: a trailing space keeps `--8<--` lines literal.

    Fenced code is the one place where text cannot be escaped, and the snippets extension
    reads such lines before fences are recognised (it would paste a file of the build
    machine into the page). Trailing spaces are invisible in a code block.
    """
    if "8<-" not in code:
        return code
    return _SNIPPET_LINE_RE.sub(r"\1 ", code)
