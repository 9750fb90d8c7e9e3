"""The summary's per-tool pieces, kept between `mkdocs serve` rebuilds.

After one edit, a rebuild would compose the summary and the exports anew from every page's
model: at 1,000 tools most of a rebuild's plugin time, to change one card, one matrix row and a
few export lines. Each piece (a tool's row, card, matrix row, JSON and CSV lines) is kept with
the inputs it was made from and handed out again only for equal inputs; the unchanged pages'
models are the very objects of the last build (the parse cache's), so comparing is cheap. What
many pages make together (the feature columns, a category's cards and matrix rows) is kept the
same way, whole: an unchanged category costs a comparison of its rows, not a thousand lookups.
Pure, and used only under `mkdocs serve`: a plain build makes every piece once and keeps none.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

T = TypeVar("T")


class SummaryParts:
    """The last piece of each kind for each page (by source path), with the inputs it came from."""

    def __init__(self) -> None:
        self._stamp: object = None
        self._kept: dict[tuple[str, str], tuple[object, Any]] = {}
        self._shared: dict[str, object] = {}
        self._wholes: dict[tuple[str, str], tuple[object, Any]] = {}  # this build's
        self._last_wholes: dict[tuple[str, str], tuple[object, Any]] = {}  # the last build's

    def begin(self, stamp: object, paths: Iterable[str]) -> SummaryParts:
        """A new build: every piece goes when the settings (`stamp`) changed, else those of
        pages no longer in the build, so the parts do not grow across rebuilds."""
        self._last_wholes, self._wholes = self._wholes, {}  # unused ones go after a build
        if stamp != self._stamp:
            self._stamp = stamp
            self._kept.clear()
            self._shared.clear()
            self._last_wholes.clear()
            return self
        keep = set(paths)
        for entry in [entry for entry in self._kept if entry[1] not in keep]:
            del self._kept[entry]
        return self

    def shared(self, name: str, value: T) -> T:
        """The last build's equal value if there is one, else `value`: the inputs every page's
        pieces share (columns, URLs) then compare by identity, not element by element."""
        kept = self._shared.get(name)
        if kept is not None and kept == value:
            return kept
        self._shared[name] = value
        return value

    def get(self, kind: str, path: str, key: object, make: Callable[[], T]) -> T:
        """The piece `kind` of page `path` made last for an equal `key`, else `make()` (kept)."""
        entry = self._kept.get((kind, path))
        if entry is not None and (entry[0] is key or entry[0] == key):  # a model: by identity
            return entry[1]  # type: ignore[no-any-return]
        value = make()
        self._kept[(kind, path)] = (key, value)
        return value

    def whole(self, kind: str, name: str, key: object, make: Callable[[], T]) -> T:
        """The piece `kind` named `name` (a category's, the whole summary's) made from many
        pages, the last build's for an equal `key`, else `make()`; kept while builds use it."""
        entry = self._wholes.get((kind, name)) or self._last_wholes.get((kind, name))
        if entry is None or not (entry[0] is key or entry[0] == key):
            entry = (key, make())
        self._wholes[(kind, name)] = entry
        return entry[1]


def reuse(parts: SummaryParts | None, kind: str, path: str, key: object, make: Callable[[], T]) -> T:
    """`parts.get(...)`, or `make()` when nothing is kept (a plain build, the commands)."""
    return make() if parts is None else parts.get(kind, path, key, make)


def reuse_whole(parts: SummaryParts | None, kind: str, name: str, key: object, make: Callable[[], T]) -> T:
    """`parts.whole(...)`, or `make()` when nothing is kept (a plain build, the commands)."""
    return make() if parts is None else parts.whole(kind, name, key, make)
