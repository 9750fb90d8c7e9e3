"""URL arithmetic for generated HTML, which MkDocs does not rewrite (it only rewrites Markdown links)."""

from __future__ import annotations

import posixpath
import re

_SCHEME_OR_ABSOLUTE_RE = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|/|#)")


def rebase_url(url: str, src_uri: str, page_url: str | None) -> str:
    """Make a URL written relative to a source page work from that page's built URL.

    An export's relative `toolIcon.url` such as `../assets/x.svg` is relative to
    `compare/tool.md`; with directory URLs the page is served at `compare/tool/`, one level
    deeper, so the raw `<img src>` must become `../../assets/x.svg`. Absolute and http(s)
    URLs are returned unchanged; so is everything when the page URL is unknown.
    """
    if not url or page_url is None or _SCHEME_OR_ABSOLUTE_RE.match(url):
        return url
    path, _, fragment = url.partition("#")
    target = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), path))
    if target.startswith("../"):
        return url  # points outside the docs: nothing sensible to rebase against
    page_dir = page_url if page_url.endswith("/") else posixpath.dirname(page_url) + "/"
    rebased = posixpath.relpath("/" + target, "/" + page_dir)
    return rebased + ("#" + fragment if fragment else "")
