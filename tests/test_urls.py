"""Relative asset URLs in generated raw HTML must work from the built page's URL."""

from __future__ import annotations

import posixpath

import pytest
from conftest import BuildSite
from exported import Page, render

from mkdocs_compare.urls import rebase_url


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
