"""Which source file a page body came from, for front ends that are handed the body only.

A Python-Markdown extension sees the text after the generator has cut the front matter off,
and MkDocs (like Zensical, when its rendering context is missing) says nothing of the file it
came from. The comparison page's fields live in that front matter, so the body is matched
against the bodies of the docs folder's sources, read once: each source is indexed by its body
as MkDocs cuts it and by its whole text (what a generator passes on when it reads no front
matter), both normalised the way Python-Markdown normalises its input.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from .front_matter import normalize_newlines, split_front_matter


def body_key(text: str) -> str:
    """A digest of a body that ignores what generators change on the way to Markdown: the
    newline style, a BOM, trailing spaces, leading and trailing blank lines, tabs."""
    lines = [line.rstrip().expandtabs(4) for line in normalize_newlines(text).split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return hashlib.blake2b("\n".join(lines).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def source_keys(text: str) -> set[str]:
    """The keys a source is found under: its body as MkDocs cuts it, and its whole text."""
    _, body, _ = split_front_matter(text)
    return {body_key(body), body_key(text)}


@dataclass(frozen=True)
class Match:
    """What a body matched: one source path, several (`ambiguous`), or none (`path` is None)."""

    path: str | None
    ambiguous: tuple[str, ...] = ()


@dataclass
class SourceIndex:
    """Source paths by body key, for the pages an extension may have to find again."""

    by_key: dict[str, list[str]] = field(default_factory=dict)
    keys: dict[str, set[str]] = field(default_factory=dict)  # path -> its keys

    @classmethod
    def of(cls, texts: Mapping[str, str], paths: Iterable[str]) -> SourceIndex:
        """An index of `paths` (each a key of `texts`), in the order given."""
        index = cls()
        for path in paths:
            keys = source_keys(texts[path])
            index.keys[path] = keys
            for key in keys:
                index.by_key.setdefault(key, []).append(path)
        return index

    def find(self, body: str) -> Match:
        """The source whose body (or whole text) is `body`."""
        found = self.by_key.get(body_key(body), [])
        if not found:
            return Match(None)
        return Match(found[0], tuple(found) if len(found) > 1 else ())

    def holds(self, path: str, body: str) -> bool:
        """Whether `path` was indexed with this body (false once the file has changed)."""
        return body_key(body) in self.keys.get(path, set())

    def shared_bodies(self) -> list[list[str]]:
        """Groups of sources that cannot be told apart by their bodies."""
        groups = {tuple(paths) for paths in self.by_key.values() if len(paths) > 1}
        return [list(group) for group in sorted(groups)]
