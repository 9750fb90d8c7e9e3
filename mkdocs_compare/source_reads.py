"""Pages' scans kept between `mkdocs serve` rebuilds, made again only when their file changed.

A rebuild after one edit would read, decode and compare every page of the docs folder again
(a thousand opens, reads and text comparisons: most of the plugin's scan) to find the one that
changed. A file whose identity, size, modification and change times are those of the last scan
keeps what that scan made of it (its parse result) without being read: the change time is set
by the system on every write and cannot be set back, so an edit that restores the size and
modification time (`touch -r`, `cp -p`) is still seen. Pure, and used only under `mkdocs serve`:
a plain build reads each page once and keeps nothing.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Container
from typing import Any, TypeVar

Stamp = tuple[int, int, int, int, int]
T = TypeVar("T")


def file_stamp(path: str) -> Stamp | None:
    """What changes whenever the file's bytes can have changed; None if it cannot be read."""
    try:
        info = os.stat(path)
    except OSError:
        return None  # reading it says why
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


class KeptSources:
    """The last scan of each page (by source path), with the file and stamp it was made from."""

    def __init__(self) -> None:
        self._kept: dict[str, tuple[str, Stamp, Any]] = {}
        self._settings: object = None
        self.reads = 0  # pages scanned afresh since this was made (for the tests and the benchmark)

    def begin(self, settings: object) -> KeptSources:
        """A new build: every scan goes when what else a scan depends on (`settings`) changed."""
        if settings != self._settings:
            self._settings = settings
            self._kept.clear()
        return self

    def scan(self, path: str, file_path: str | None, make: Callable[[], T]) -> T:
        """The page's last scan if its file (`file_path`) is unchanged, else `make()` (kept).
        Without a file (content set in memory by a plugin) it is always `make()`."""
        stamp = file_stamp(file_path) if file_path else None
        kept = self._kept.get(path)
        if stamp is not None and kept is not None and kept[1] == stamp and kept[0] == file_path:
            return kept[2]  # type: ignore[no-any-return]
        self.reads += 1
        made = make()  # after the stamp: a write in between makes the next stamp differ
        if stamp is not None and file_path:
            self._kept[path] = (file_path, stamp, made)
        else:
            self._kept.pop(path, None)
        return made

    def forget_missing(self, paths: Container[str]) -> None:
        """Drop the pages no longer in the build, so what is kept does not grow across rebuilds."""
        for path in [path for path in self._kept if path not in paths]:
            del self._kept[path]
