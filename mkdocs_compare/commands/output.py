"""The output folder of `render`: what may be written there, and what `--clean` may empty.

A command must never delete or overwrite what it did not create, nor write outside the folder
it was given, whatever the command line or a path in the config says. So every check runs
before anything is written or deleted: the output may not be, hold or lie inside the docs
folder, nor be or hold the config's folder, the current folder, home or `/`; `--clean` empties
only a folder that is empty or holds the marker an earlier `render` left there; and each file
is written through `target`, which refuses a path that climbs out of the output.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path

# Left in every output folder, so `--clean` knows the folder is `render`'s own; never copied
# from the docs (it is a hidden file, which MkDocs does not build either).
MARKER = ".mkdocs-compare-render"
MARKER_TEXT = "Written by `mkdocs-compare render`: `render --clean` may empty this folder.\n"
# The first line of a snippet file `render` wrote, so an existing one may be replaced.
SNIPPET_HEADER = "# Settings the pages written by `mkdocs-compare render` need"


class OutputError(Exception):
    """The output cannot be written safely: the command stops before writing (exit status 2)."""


def protected_folders(config_file: Path | None) -> list[Path]:
    """Folders an output may neither be nor hold: the config's, the current one, home and `/`."""
    folders = [Path.cwd(), Path.home(), Path(Path.cwd().anchor or "/")]
    if config_file is not None:
        folders.append(config_file.resolve().parent)
    return [folder.resolve() for folder in folders]


def check_output(docs_dir: Path, out_dir: Path, *, clean: bool, protected: Iterable[Path] = ()) -> None:
    """Refuse an output folder that writing (or `--clean`) would harm; both paths resolved."""
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(f"{out_dir} is not a folder")
    if out_dir == docs_dir or out_dir.is_relative_to(docs_dir) or docs_dir.is_relative_to(out_dir):
        raise OutputError(f"the output folder {out_dir} must be outside {docs_dir} (and not hold it)")
    for folder in protected:
        if folder.is_relative_to(out_dir):
            raise OutputError(f"refusing to write into {out_dir}: it holds {folder}")
    if not out_dir.exists() or not any(out_dir.iterdir()):
        return
    if not clean:
        raise OutputError(f"{out_dir} is not empty (use --clean to empty it first)")
    if not (out_dir / MARKER).is_file():
        raise OutputError(
            f"refusing to empty {out_dir}: it holds no {MARKER}, so an earlier `mkdocs-compare render` "
            "did not write it (empty it yourself, or choose another folder)"
        )


def check_snippet(snippet: Path, docs_dir: Path, out_dir: Path) -> None:
    """Refuse a `--snippet` file that cannot be written, or whose writing would harm."""
    resolved = snippet.resolve()
    if not resolved.parent.is_dir():
        raise OutputError(f"--snippet {snippet}: {snippet.parent} is not a folder")
    if resolved.is_relative_to(docs_dir):
        raise OutputError(f"--snippet {snippet}: refusing to write into the docs folder {docs_dir}")
    if resolved == out_dir / MARKER:
        raise OutputError(f"--snippet {snippet}: that is the output folder's marker")
    if resolved.is_dir():
        raise OutputError(f"--snippet {snippet} is a folder")
    if resolved.exists() and not _starts_with(resolved, SNIPPET_HEADER):
        raise OutputError(
            f"--snippet {snippet}: refusing to overwrite a file `mkdocs-compare render` did not write"
        )


def prepare_output(out_dir: Path, *, clean: bool) -> None:
    """Empty the output (after check_output allowed it), create it, and leave the marker."""
    if clean and out_dir.is_dir():
        for child in out_dir.iterdir():
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / MARKER).write_text(MARKER_TEXT, encoding="utf-8")


def target(out_dir: Path, path: str) -> Path:
    """Where `path` (POSIX, relative to the output) is written; never outside `out_dir`."""
    place = out_dir / path
    if path.startswith("/") or not place.resolve().is_relative_to(out_dir):
        raise OutputError(f"refusing to write {path!r}: it lies outside {out_dir}")
    if place.resolve() == out_dir / MARKER:
        raise OutputError(f"refusing to write {path!r}: it is the output folder's marker")
    place.parent.mkdir(parents=True, exist_ok=True)
    return place


def _starts_with(path: Path, header: str) -> bool:
    try:
        with path.open(encoding="utf-8", errors="replace") as file:
            return file.read(len(header)) == header
    except OSError:
        return False
