"""The head tags a comparison page's export asks for: canonical, Open Graph, Twitter card.

The marketing site these pages come from writes them; a docs copy without the export's canonical
competes with the original in search. Tags the theme or another plugin already wrote (Material
writes the canonical, its social plugin the Open Graph tags) are never written twice: the page's
`<head>` is read with an HTML parser first. Pure: HTML in, HTML out.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from .escape import safe_url
from .model import Comparison, HeadTag

CANONICAL_MODES = ("export", "site", "off")


def tag_html(tag: HeadTag) -> str:
    """`<link rel="canonical" href>` or `<meta property|name content>`, the value escaped."""
    value = html.escape(tag.value, quote=True)
    if tag.key == "canonical":
        return f'<link rel="canonical" href="{value}">'
    attribute = "name" if tag.key.startswith("twitter:") else "property"
    return f'<meta {attribute}="{tag.key}" content="{value}">'


def absolute_http_url(value: object, base: str | None = None) -> str:
    """An http(s) URL, made absolute against `base` when relative; "" for anything else."""
    url = safe_url(value)
    if not url:
        return ""
    if urlsplit(url).scheme.lower() in ("http", "https"):
        return url
    if not base:
        return ""
    joined = urljoin(base, url)
    return joined if urlsplit(joined).scheme.lower() in ("http", "https") else ""


def _first_text(*values: object) -> str:
    for value in values:
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    return ""


def page_head_tags(page: Comparison, page_url: str | None, canonical: str = "export") -> list[HeadTag]:
    """The tags for one page. `page_url` is its absolute URL (None without a `site_url`)."""
    seo = page.seo
    tags = []
    export_canonical = absolute_http_url(seo.get("canonical")) if canonical == "export" else ""
    if export_canonical:
        tags.append(HeadTag("canonical", export_canonical))
    title = _first_text(seo.get("ogTitle"), seo.get("title"), page.title)
    description = _first_text(seo.get("ogDescription"), seo.get("description"), page.seo_description)
    image = absolute_http_url(seo.get("ogImage"), page_url) or absolute_http_url(
        page.open_graph_image_url, page_url
    )
    url = export_canonical or (page_url or "")
    tags += [HeadTag("og:type", "article"), HeadTag("og:title", title)]
    if description:
        tags.append(HeadTag("og:description", description))
    if image:
        tags.append(HeadTag("og:image", image))
    if url:
        tags.append(HeadTag("og:url", url))
    tags.append(HeadTag("twitter:card", "summary_large_image" if image else "summary"))
    return [tag for tag in tags if tag.value]


def absolute_page_url(site_url: str | None, page_url: str) -> str | None:
    """The page's absolute URL from the site's `site_url` and its URL relative to the root."""
    if not site_url:
        return None
    return urljoin(site_url if site_url.endswith("/") else site_url + "/", page_url)


class _HeadReader(HTMLParser):
    """Finds where `<head>` ends and which canonical/og/twitter tags it holds, with their spans."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        # key -> ((line, column) where the tag starts, the tag's length)
        self.keys: dict[str, tuple[tuple[int, int], int]] = {}
        self.end: tuple[int, int] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "link" and "canonical" in values.get("rel", "").lower().split():
            self.keys.setdefault("canonical", self._here())
        elif tag == "meta":
            key = (values.get("property") or values.get("name") or "").strip().lower()
            if key.startswith(("og:", "twitter:")):
                self.keys.setdefault(key, self._here())
        elif tag == "body":
            self._stop()

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self._stop()

    def _here(self) -> tuple[tuple[int, int], int]:
        return self.getpos(), len(self.get_starttag_text() or "")

    def _stop(self) -> None:
        if self.end is None:
            self.end = self.getpos()


def _offset(text: str, position: tuple[int, int]) -> int:
    line, column = position
    start = 0
    for _ in range(line - 1):
        start = text.index("\n", start) + 1
    return start + column


# Where a theme's `</head>` is looked for first: a search bounded this way is about ten times
# faster than one over a whole page (which holds the site's navigation: 300 KB at 1,000 pages).
HEAD_SEARCH = 65536


def head_end(document: str) -> int:
    """The index just past the document's first `</head>`, or -1 without one."""
    close = document.find("</head>", 0, HEAD_SEARCH)
    if close == -1:
        close = document.find("</head>")
    return -1 if close == -1 else close + len("</head>")


def edited_head(
    head: str, tags: list[HeadTag], canonical: str = "export", scripts: Sequence[str] = ()
) -> tuple[str, int]:
    """`head` (a document up to its first `</head>`) with `tags` and `scripts` put in, as
    `apply_head_tags` does, and the index of its first changed character (len(head) if none)."""
    reader = _HeadReader()
    reader.feed(head)
    reader.close()
    close = len(head) - len("</head>")
    head_at = _offset(head, reader.end) if reader.end else close
    first = len(head)
    wanted = {tag.key: tag for tag in tags}
    replace_canonical = canonical == "off" or "canonical" in wanted
    if "canonical" in reader.keys and replace_canonical:
        position, length = reader.keys["canonical"]
        start = _offset(head, position)
        end = start + length
        new = tag_html(wanted.pop("canonical")) if "canonical" in wanted else ""
        head = head[:start] + new + head[end:]
        head_at += len(new) - (end - start)
        first = start
    added = [tag_html(tag) for key, tag in wanted.items() if key not in reader.keys] + list(scripts)
    if not added:
        return head, first
    return head[:head_at] + "\n".join(added) + "\n" + head[head_at:], min(first, head_at)


def with_head(document: str, end: int, head: str, first: int) -> str:
    """`document` with its first `end` characters (up to its first `</head>`) replaced by `head`,
    which is the same before index `first`, copying the page once (one `str.replace`; slicing and
    joining copies it twice, and a built page holds the whole navigation).

    The text from `first` to `end` ends with the document's first `</head>`, so its first
    occurrence is at `first`: the one `replace` changes."""
    if first >= end:
        return document
    return document.replace(document[first:end], head[first:], 1)


def apply_head_tags(
    document: str, tags: list[HeadTag], canonical: str = "export", scripts: Sequence[str] = ()
) -> str:
    """`document` with `tags` in its `<head>`: the export's canonical replaces the theme's, the
    others are added unless the head already has that key; `canonical="off"` removes it.
    `scripts` (HTML) are added at the end of the head."""
    end = head_end(document)
    if end == -1:
        return document
    head, first = edited_head(document[:end], tags, canonical, scripts)
    return with_head(document, end, head, first)
