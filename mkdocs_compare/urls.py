"""URL arithmetic for generated HTML, which MkDocs does not rewrite (it only rewrites Markdown links)."""

from __future__ import annotations

import posixpath
import re
from urllib.parse import quote

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
    page_dir = posixpath.dirname(page_url) + "/"  # a folder URL's own, a file URL's folder
    rebased = posixpath.relpath("/" + target, "/" + page_dir)
    return rebased + ("#" + fragment if fragment else "")


def page_url(src_uri: str, use_directory_urls: bool = True) -> str:
    """A page's URL relative to the site root, by MkDocs' rules (for callers without MkDocs).

    Quoted as MkDocs quotes `File.url`, so a `:` in a file name cannot read as a URL scheme.
    """
    stem, _ = posixpath.splitext(src_uri)
    if not use_directory_urls:
        return quote(stem + ".html")
    if posixpath.basename(stem) in ("index", "README"):
        folder = posixpath.dirname(stem)
        return quote(folder + "/") if folder else ""
    return quote(stem + "/")


def relative_url(to_url: str, from_url: str) -> str:
    """`to_url` relative to the page at `from_url` (both relative to the site root)."""
    base = posixpath.dirname(from_url) + "/" if from_url else from_url  # its folder ("" the root's)
    base_parts = base.split("/")[:-1]
    target_parts = to_url.split("/")
    if (
        "." in base_parts
        or ".." in base_parts
        or "" in base_parts
        or "." in target_parts
        or ".." in target_parts
    ):
        relative = posixpath.relpath("/" + to_url, "/" + base)  # unusual URLs: the general rule
        if to_url.endswith("/") or not to_url:
            relative += "/"  # (relpath never ends with one)
    else:  # the usual case, a page linking to pages of its site, in plain string work
        relative = "/".join(_climb(base_parts, target_parts, len(target_parts) - 1)) or "./"
    if relative == "/":  # (`a//` from `a/`) never the server's root
        return "./"
    if ":" in relative.split("/", 1)[0]:
        relative = "./" + relative  # not a scheme (MkDocs quotes ":", other callers may not)
    return relative


def relative_link(from_src: str, to_src: str) -> str:
    """A Markdown link target from one source page to another, which MkDocs then validates."""
    start = posixpath.dirname(from_src) or "."
    # Pure string work for the usual relative POSIX paths (posixpath.relpath calls os.getcwd()
    # twice per link, and a page links to every sibling of its category).
    start_parts = [part for part in posixpath.normpath(start).split("/") if part != "."]
    target_parts = [part for part in posixpath.normpath(to_src).split("/") if part != "."]
    if to_src.startswith("/") or start.startswith("/") or ".." in start_parts or ".." in target_parts:
        return quote(posixpath.relpath(to_src, start))
    return quote("/".join(_climb(start_parts, target_parts, len(target_parts))) or ".")


def _climb(folder: list[str], target: list[str], most_shared: int) -> list[str]:
    """The parts of a relative path from `folder` to `target` (both split on "/"): up out of
    the folders they do not share (at most `most_shared` are), then down into the target."""
    common = 0
    while common < min(len(folder), most_shared) and folder[common] == target[common]:
        common += 1
    return [".."] * (len(folder) - common) + target[common:]
