"""The summary's per-tool pieces, kept between `mkdocs serve` rebuilds.

After one edit, a rebuild would compose the summary and the exports anew from every page's
model: at 1,000 tools most of a rebuild's plugin time, to change one card, one matrix row and a
few export lines. Each piece (a tool's row, card, matrix row, JSON and CSV lines) is kept with
the inputs it was made from and handed out again only for equal inputs; the unchanged pages'
models are the very objects of the last build (the parse cache's), so comparing is cheap. Pure,
and used only under `mkdocs serve`: a plain build makes every piece once and keeps none.
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

    def begin(self, stamp: object, paths: Iterable[str]) -> SummaryParts:
        """A new build: every piece goes when the settings (`stamp`) changed, else those of
        pages no longer in the build, so the parts do not grow across rebuilds."""
        if stamp != self._stamp:
            self._stamp = stamp
            self._kept.clear()
            self._shared.clear()
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
        if entry is not None and entry[0] == key:
            return entry[1]  # type: ignore[no-any-return]
        value = make()
        self._kept[(kind, path)] = (key, value)
        return value


def reuse(parts: SummaryParts | None, kind: str, path: str, key: object, make: Callable[[], T]) -> T:
    """`parts.get(...)`, or `make()` when nothing is kept (a plain build, the commands)."""
    return make() if parts is None else parts.get(kind, path, key, make)
