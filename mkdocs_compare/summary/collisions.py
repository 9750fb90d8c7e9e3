"""Generated files against the docs' own: which file of the docs is already written where a
generated one would go.

MkDocs writes files by destination, not by source: `compare.md` and `compare/index.md` both
become `compare/index.html` (with directory URLs), and a page `compare/comparisons.json.md`
becomes the folder `compare/comparisons.json/`, where the JSON export would be a file. A
generated file that took either place would silently replace a page, or stop the build.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Mapping

# MkDocs' documentation page suffixes (mkdocs.utils.markdown_extensions); other files are copied.
MARKDOWN_SUFFIXES = (".markdown", ".mdown", ".mkdn", ".mkd", ".md")


def dest_uri(src_uri: str, use_directory_urls: bool = True) -> str:
    """Where MkDocs writes a file of the docs (`File.dest_uri`), for callers without MkDocs."""
    if not src_uri.endswith(MARKDOWN_SUFFIXES):
        return src_uri
    parent, filename = posixpath.split(src_uri)
    stem = posixpath.splitext(filename)[0]
    stem = "index" if stem == "README" else stem
    if not use_directory_urls or stem == "index":
        return posixpath.join(parent, stem + ".html")
    return posixpath.join(parent, stem, "index.html")


def _folders(dest: str) -> Iterable[str]:
    """The folders a destination path lies in, innermost first ("a/b/c" -> "a/b", "a")."""
    folder = posixpath.dirname(dest)
    while folder:
        yield folder
        folder = posixpath.dirname(folder)


class Destinations:
    """Every file's destination, indexed to find what takes a given place in linear time."""

    def __init__(self, dests: Mapping[str, str]) -> None:
        """`dests` maps each file's source path to its destination (both relative, POSIX)."""
        self._dest: dict[str, str] = {}  # source -> destination
        self._at: dict[str, str] = {}  # destination -> source
        self._under: dict[str, str] = {}  # folder of some destination -> a source written in it
        for src, dest in dests.items():
            self.add(src, dest)

    def add(self, src: str, dest: str) -> None:
        self._dest[src] = dest
        self._at.setdefault(dest, src)
        for folder in _folders(dest):
            if folder in self._under:
                break  # its outer folders were recorded with it
            self._under[folder] = src

    def clash(self, dest: str) -> tuple[str, str] | None:
        """(source, destination) of a file written at `dest`, inside a folder named `dest`, or
        at a path that `dest` needs as a folder; None when the place is free."""
        found = self._at.get(dest) or self._under.get(dest)
        if found is None:
            found = next((self._at[folder] for folder in _folders(dest) if folder in self._at), None)
        return None if found is None else (found, self._dest[found])
