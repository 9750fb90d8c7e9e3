"""Generated files kept on disk, not in memory, until the site generator copies them.

The exports of a thousand pages are megabytes of text that MkDocs would hold from `on_files`
until it copies the static files, while every page is converted: the plugin writes them to a
private temporary folder instead and hands MkDocs the paths. The folder is its own (made by
`tempfile.mkdtemp`), and `clear` removes that folder only.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TextIO, cast


class Spool:
    """A private temporary folder of generated files; `clear` deletes it and only it."""

    def __init__(self) -> None:
        self._folder: Path | None = None
        self._count = 0
        self.encoded: dict[str, Encoded] = {}  # by file name: each file's own pieces

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

    def source(self, name: str, write: Callable[[TextIO], object], *, in_memory: bool) -> dict[str, Any]:
        """A generated file's source (as `File.generated` takes it): a file of the folder, or
        under `mkdocs serve` its bytes (`in_memory`)."""
        if in_memory:
            return {"content": self.in_memory(name, write)}
        return {"abs_src_path": self.stream(name, write)}

    def in_memory(self, name: str, write: Callable[[TextIO], object]) -> bytes:
        """What `stream(name, write)` would write, as bytes (under `mkdocs serve`, which keeps
        the exports' pieces anyway: writing and deleting megabytes of files each rebuild costs more)."""
        pieces = _Pieces()
        write(cast(TextIO, pieces))
        return self.encoded.setdefault(name, Encoded()).join(pieces.items)

    def clear(self) -> None:
        """Remove the folder this spool made (nothing else), if any."""
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None


class _Pieces:
    """Stands in for a text file: keeps what is written, piece by piece."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def write(self, text: str) -> int:
        self.items.append(text)
        return len(text)


class Encoded:
    """Texts as UTF-8, each kept from one `join` to the next: the same text object (an
    unchanged tool's export lines, handed out again by the summary's parts) is found by
    identity, its hash already known, and is not encoded again."""

    def __init__(self) -> None:
        self._last: dict[str, bytes] = {}

    def join(self, pieces: Iterable[str]) -> bytes:
        last, kept, out = self._last, {}, []
        for piece in pieces:
            data = last.get(piece)
            if data is None:
                data = piece.encode("utf-8")
            kept[piece] = data
            out.append(data)
        self._last = kept
        return b"".join(out)
