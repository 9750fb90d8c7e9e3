"""Relative asset URLs in generated raw HTML must work from the built page's URL."""

from __future__ import annotations

import posixpath
from urllib.parse import quote

import pytest
from conftest import BuildSite
from exported import Page, render
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_compare.urls import page_url, rebase_url, relative_link, relative_url


@pytest.mark.parametrize(
    ("url", "src", "page_url", "expected"),
    [
        ("../assets/x.svg", "compare/tool.md", "compare/tool/", "../../assets/x.svg"),
        ("../assets/x.svg", "compare/tool.md", "compare/tool.html", "../assets/x.svg"),
        ("icons/x.svg", "compare/index.md", "compare/", "icons/x.svg"),
        ("x.svg#frag", "tool.md", "tool/", "../x.svg#frag"),
        ("https://example.org/x.svg", "compare/tool.md", "compare/tool/", "https://example.org/x.svg"),
        ("/abs/x.svg", "compare/tool.md", "compare/tool/", "/abs/x.svg"),
        ("../assets/x.svg", "compare/tool.md", None, "../assets/x.svg"),
        ("../../../outside.svg", "compare/tool.md", "compare/tool/", "../../../outside.svg"),
        ("", "compare/tool.md", "compare/tool/", ""),
        # The fragment is not part of the path: its slashes and dots are left as written.
        ("x.svg#a/../b", "tool.md", "tool/", "../x.svg#a/../b"),
        ("icons/x.svg#./y", "compare/tool.md", "compare/tool/", "../icons/x.svg#./y"),
    ],
)
def test_rebase_url(url: str, src: str, page_url: str | None, expected: str) -> None:
    assert rebase_url(url, src, page_url) == expected


@pytest.mark.parametrize("use_directory_urls", [True, False])
def test_relative_icon_resolves_in_the_built_page(build_site: BuildSite, use_directory_urls: bool) -> None:
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24"><rect width="24" height="24"/></svg>'
    )
    site = build_site(
        {
            "compare/conveyor.md": render(Page(icon_url="../assets/icons/conveyor.svg")),
            "assets/icons/conveyor.svg": svg,
        },
        extra={"use_directory_urls": use_directory_urls},
    )
    page = "compare/conveyor/" if use_directory_urls else "compare/conveyor.html"
    src = site.html(page).select_one("img.compare-hero__icon")["src"]
    page_dir = page if page.endswith("/") else posixpath.dirname(page) + "/"
    resolved = posixpath.normpath(posixpath.join(page_dir, src))
    assert (site.site_dir / resolved).read_text(encoding="utf-8") == svg


@pytest.mark.parametrize("summary_page", ["compare/index.md", "overview.md", "guide/tools/all.md"])
def test_relative_icon_resolves_in_the_summary_cards(build_site: BuildSite, summary_page: str) -> None:
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>'
    site = build_site(
        {
            "compare/conveyor.md": render(Page(icon_url="../assets/icons/conveyor.svg")),
            "assets/icons/conveyor.svg": svg,
        },
        {"summary_page": summary_page},
    )
    stem = summary_page.removesuffix(".md")
    page = stem.removesuffix("index") if stem.endswith("index") else stem + "/"
    src = site.html(page).select_one("img.cmp-card__icon")["src"]
    assert (site.site_dir / posixpath.normpath(posixpath.join(page, src))).read_text(encoding="utf-8") == svg


def _relative_url_by_relpath(to_url: str, from_url: str) -> str:
    """The general rule relative_url's string fast path must agree with."""
    base = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url) + "/"
    relative = posixpath.relpath("/" + to_url, "/" + base)
    if to_url.endswith("/") or not to_url:
        relative = relative.rstrip("/") + "/"
        if relative == "./":
            return "./"
    if ":" in relative.split("/", 1)[0]:
        relative = "./" + relative
    return relative


_folders = st.lists(st.sampled_from(["a", "b", "compare", "x-y", "c%3Ad"]), max_size=4)
# A site's URLs: folders ("compare/x/", "" for the root) and files ("compare/x.html").
_site_urls = st.builds(
    lambda parts, file: "/".join([*parts, file]) if file else "".join(part + "/" for part in parts),
    _folders,
    st.sampled_from(["", "index.html", "p.html", "a.html"]),
)


@settings(max_examples=500, deadline=None)
@given(_site_urls, _site_urls)
def test_relative_url_agrees_with_relpath(to_url: str, from_url: str) -> None:
    assert relative_url(to_url, from_url) == _relative_url_by_relpath(to_url, from_url)


_sources = st.builds(
    lambda parts, name: "/".join([*parts, name]),
    _folders,
    st.sampled_from(["index.md", "p.md", "a b.md", "x:y.md", "c%3Ad.md"]),
)


# Unusual source paths too: "." and ".." segments, and absolute paths.
_odd_sources = st.builds(
    lambda root, parts, name: root + "/".join([*parts, name]),
    st.sampled_from(["", "", "/"]),
    st.lists(st.sampled_from(["a", "b", "compare", ".", ".."]), max_size=4),
    st.sampled_from(["index.md", "p.md", "a b.md"]),
)


@settings(max_examples=500, deadline=None)
@given(st.one_of(_sources, _odd_sources), st.one_of(_sources, _odd_sources))
def test_relative_link_agrees_with_relpath(from_src: str, to_src: str) -> None:
    """The documented rule is `posixpath.relpath` from the page's folder, URL-quoted."""
    expected = quote(posixpath.relpath(to_src, posixpath.dirname(from_src) or "."))
    assert relative_link(from_src, to_src) == expected


@pytest.mark.parametrize(
    ("from_src", "to_src", "expected"),
    [
        ("compare/a.md", "compare/b.md", "b.md"),
        ("compare/a.md", "index.md", "../index.md"),
        ("index.md", "compare/b.md", "compare/b.md"),
        ("compare/x/a.md", "compare/y/b.md", "../y/b.md"),
        ("a.md", "a b.md", "a%20b.md"),
        ("compare/a.md", "compare/a.md", "a.md"),
    ],
)
def test_relative_link(from_src: str, to_src: str, expected: str) -> None:
    assert relative_link(from_src, to_src) == expected


@pytest.mark.parametrize(
    ("src", "use_directory_urls", "expected"),
    [
        ("compare/conveyor.md", True, "compare/conveyor/"),
        ("compare/conveyor.md", False, "compare/conveyor.html"),
        ("compare/index.md", True, "compare/"),
        ("compare/README.md", True, "compare/"),
        ("index.md", True, ""),
        ("index.md", False, "index.html"),
        ("a b/x:y.md", True, "a%20b/x%3Ay/"),
    ],
)
def test_page_url_follows_mkdocs(src: str, use_directory_urls: bool, expected: str) -> None:
    assert page_url(src, use_directory_urls) == expected
