"""The plugin's reading of MkDocs' `File` objects, without making MkDocs work things out early.

`File.url` and `File.abs_src_path` are computed on first use (a path normalised, a URL quoted:
several microseconds a file); MkDocs asks for them itself later, while building the pages. Under
`mkdocs serve` a rebuild's files are new objects for the same paths, so the plugin's scan
asks for neither when it already knows the answer: an unchanged destination has the URL it had.
"""

from __future__ import annotations

import os

from mkdocs.structure.files import File


def on_disk(file: File) -> str | None:
    """The file MkDocs reads a page from (not content a plugin set, nor a subclass's), or None."""
    own = vars(file)
    if type(file) is not File or own.get("_content") is not None:
        return None
    path = own.get("abs_src_path")  # set by whoever made the file, or already worked out
    if path is None and file.src_dir is not None:
        return os.path.join(file.src_dir, file.src_uri)  # the same file as `abs_src_path`'s
    return path if isinstance(path, str) else None


class KnownUrls:
    """Each page's URL by its destination, from the last rebuild: `File.url` is a function of
    `dest_uri` and `use_directory_urls` alone for a plain `File` whose URL nobody set."""

    def __init__(self) -> None:
        self._last: dict[tuple[str, bool], str] = {}
        self._now: dict[tuple[str, bool], str] = {}

    def begin(self) -> KnownUrls:
        """A new rebuild: the URLs it does not ask for go."""
        self._last, self._now = self._now, {}
        return self

    def url(self, file: File) -> str:
        if type(file) is not File or "url" in vars(file):
            return file.url
        key = (file.dest_uri, file.use_directory_urls)
        url = self._last.get(key)
        if url is None:
            url = file.url
        self._now[key] = url
        return url
