"""urls.py's link arithmetic on URLs and paths written by hand, with the answers worked out by hand.

Each expected link was checked by resolving it from the page by hand (RFC 3986: a link
relative to a page at `a/b/` starts from the folder `a/b/`; at `a/b.html`, from `a/`).
test_urls.py holds the property tests and the site builds.
"""

from __future__ import annotations

import pytest

from mkdocs_compare.urls import relative_link, relative_url


@pytest.mark.parametrize(
    ("to_url", "from_url", "expected"),
    [
        # The usual site URLs (folders end with "/", the root is ""), in plain string work.
        ("compare/b/", "compare/a/", "../b/"),
        ("compare/a/", "compare/a/", "./"),
        ("", "compare/a/", "../../"),
        ("compare/a/", "", "compare/a/"),
        ("compare/a.html", "compare/b.html", "a.html"),
        ("index.html", "compare/b.html", "../index.html"),
        ("x/", "a/b/c/", "../../../x/"),
        ("a/b/c/", "a/b/d/", "../c/"),  # two folders shared
        ("a", "a/b/", "../../a"),  # a file named as the folder the page is in is not that folder
        ("x:y/", "", "./x:y/"),  # "x:" would read as a URL scheme
        ("a/x:y/", "", "a/x:y/"),  # a colon after the first "/" is no scheme
        ("a//b/", "", "a//b/"),  # the target's own empty segment is kept as written
        ("a//b/", "c/", "../a//b/"),
        # Unusual page URLs: ".", ".." or an empty segment, by the general (normalising) rule.
        ("c/", "./b/", "../c/"),
        ("c/", "a/../b/", "../c/"),
        ("c/", "a//b/", "../../c/"),
        ("b/", "a/./", "../b/"),
        # Unusual targets.
        ("./a/", "b/", "../a/"),
        ("a/../c/", "", "c/"),
        ("a/../c.html", "", "c.html"),  # a file keeps no "/"
        ("a/../b.html", "compare/b.html", "../b.html"),  # from a file's folder, not the file
        ("a/./", "a/", "./"),
        ("", "./a/", "../"),
        ("./x:y/", "", "./x:y/"),
        ("a//", "a/", "./"),  # never "/", which would be the server's root
    ],
)
def test_relative_url(to_url: str, from_url: str, expected: str) -> None:
    assert relative_url(to_url, from_url) == expected


@pytest.mark.parametrize(
    ("from_src", "to_src", "expected"),
    [
        # A link to a folder (the docs root ".", or a section) rather than to a file.
        ("compare/a.md", ".", ".."),
        ("compare/x/a.md", "compare", ".."),
        ("compare/a.md", "compare", "."),
        ("a.md", ".", "."),
        ("compare/a.md", "compare/x", "x"),
    ],
)
def test_relative_link_to_a_folder(from_src: str, to_src: str, expected: str) -> None:
    assert relative_link(from_src, to_src) == expected
