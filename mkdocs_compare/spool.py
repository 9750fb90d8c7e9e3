"""Generated files kept on disk, not in memory, until the site generator copies them.

The exports of a thousand pages are megabytes of text that MkDocs would hold from `on_files`
until it copies the static files, while every page is converted: the plugin writes them to a
private temporary folder instead and hands MkDocs the paths. The folder is its own (made by
`tempfile.mkdtemp`), and `clear` removes that folder only.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TextIO


class Spool:
    """A private temporary folder of generated files; `clear` deletes it and only it."""

    def __init__(self) -> None:
        self._folder: Path | None = None
        self._count = 0

    def write(self, name: str, text: str) -> str:
        """Write `text` (UTF-8) to a new file of the folder; its absolute path."""
        return self.stream(name, lambda out: out.write(text))

    def stream(self, name: str, write: Callable[[TextIO], object]) -> str:
        """A new file of the folder that `write` writes to (UTF-8, a piece at a time); its path."""
        if self._folder is None:
            self._folder = Path(tempfile.mkdtemp(prefix="mkdocs-compare-"))
        self._count += 1
        path = self._folder / f"{self._count}-{Path(name).name}"
        with path.open("w", encoding="utf-8", newline="") as out:
            write(out)
        return str(path)

    def clear(self) -> None:
        """Remove the folder this spool made (nothing else), if any."""
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None
