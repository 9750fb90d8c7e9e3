"""The fields of a comparison page whose front matter MkDocs cannot read, one key at a time.

Passing such a page through would put its raw HTML (notes and all) into the site, so it is
rendered from its body and from every top-level field that parses on its own. Each field is
loaded once, with the same budgets as a whole front matter: the work is linear in its size.
"""

from __future__ import annotations

import re
from typing import Any

from .front_matter import FrontMatter, FrontMatterError, Loaded, Note, listed, load_yaml
from .model import Location, Problem, Severity
from .text import clean

_TOP_LEVEL_KEY_RE = re.compile(r"^[\"']?([A-Za-z_][\w-]*)[\"']?[ \t]*:", re.M)
_HEADING_RE = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(\S[^\n]*?)[ \t#]*$", re.M)


def salvage_fields(front: FrontMatter) -> tuple[dict[str, Any], Loaded, list[str]]:
    """Each top-level `key:` with its indented lines, loaded alone: (fields, lines, keys lost)."""
    source = front.source
    starts = [match.start() for match in _TOP_LEVEL_KEY_RE.finditer(source)]
    meta: dict[str, Any] = {}
    loaded = Loaded(meta)
    lost: list[str] = []
    line = front.first_line + source.count("\n", 0, starts[0]) if starts else front.first_line
    for start, end in zip(starts, [*starts[1:], len(source)][: len(starts)], strict=True):
        chunk = source[start:end]
        name_match = _TOP_LEVEL_KEY_RE.match(chunk)
        name = name_match.group(1) if name_match else chunk[:40]
        try:
            part = load_yaml(chunk, line)
        except FrontMatterError:
            part = None
        if part is not None and isinstance(part.value, dict) and len(part.value) == 1:
            key, value = next(iter(part.value.items()))
            key = str(key)
            if key in meta:
                part.notes.append(_duplicate(line, key))
            meta[key] = value
            loaded.key_lines.setdefault(key, line)
            loaded.scalars.update(part.scalars)
            loaded.notes.extend(part.notes)
        else:
            lost.append(name)
            loaded.key_lines.setdefault(name, line)
        line += chunk.count("\n")
    return meta, loaded, lost


def _duplicate(line: int, key: str) -> Note:
    return Note(line, f"duplicate key {key!r}: YAML keeps only the last value", key)


def salvage(front: FrontMatter, path: str) -> tuple[dict[str, Any], Loaded, Problem]:
    """The fields that can be read and one error saying why the rest could not.

    The title falls back to the body's first heading, then to the file name.
    """
    meta, loaded, lost = salvage_fields(front)
    error = front.error
    if error is not None:
        message, line = f"{error.summary}: {error.reason}", error.line
    elif front.opened:
        message = "front matter is not closed (no '---' line after it), so MkDocs reads no fields from it"
        line = 1
    else:
        message = "the page has no front matter block ('---' lines), so MkDocs reads no fields from it"
        line = front.first_line
    field_name = None
    if lost:  # point at the first field that does not parse, which is where the fix goes
        message += f"; fields lost: {listed(lost)}"
        field_name = lost[0]
        line = loaded.key_lines.get(field_name, line)
    message += "; the page is rendered from what could be read"
    if not isinstance(meta.get("title"), str) or not meta["title"].strip():
        heading = _HEADING_RE.search(front.body)
        stem = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        meta["title"] = clean(heading.group(1)) if heading else " ".join(stem.replace("-", " ").split())
        loaded.scalars.pop("title", None)
    return meta, loaded, Problem(Location(path, line, field=field_name), message, Severity.ERROR)
