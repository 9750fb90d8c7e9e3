"""A page's front matter read the way MkDocs reads it, within budgets, with located problems.

MkDocs (`mkdocs.utils.meta.get_data`) reads files in text mode (`\\r\\n` and `\\r` become `\\n`),
matches the block with the regular expression copied below and loads it with PyYAML's
(C) SafeLoader; a page is only a comparison page if that reading names the detect key, so
detection uses exactly that. On top, the loader here refuses what would make later work
explode (aliases that expand past a budget, self-referencing or deeply nested values) and
notes duplicate keys, which YAML resolves silently. No MkDocs import here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

try:  # the loader MkDocs uses, so both agree on what parses
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

DEFAULT_DETECT_KEY = "toolName"

# mkdocs.utils.meta.YAML_RE (MkDocs 1.6), `^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n` with
# DOTALL, applied to text with normalised newlines. Its lazy `(.*?\n)` is the fewest whole lines
# before a closing one, which is written here a line at a time: the same matches, 4x faster.
# (tests/test_front_matter.py checks the agreement with MkDocs' own reading.)
MKDOCS_FRONT_MATTER_RE = re.compile(r"-{3}[ \t]*\n((?:[^\n]*\n)+?)(?:\.{3}|-{3})[ \t]*\n")
_OPENING_RE = re.compile(r"-{3}[ \t]*\n")
# Where the body of a page whose front matter never closes starts: its first HTML or fence line
# (or a closing line glued to what follows, which MkDocs does not take as one).
_BODY_START_RE = re.compile(r"^(?:[ \t]*<[A-Za-z!/]|[ \t]{0,3}(?:```|~~~)|-{3}|\.{3})", re.M)
_BLANK_LINE_RE = re.compile(r"\n[ \t]*\n")
_SIMPLE_KEY_RE = re.compile(r"[A-Za-z0-9_-]+")
_SURROGATE_RE = re.compile("[\ud800-\udfff]")

MAX_DEPTH = 100  # nesting levels a front matter may have
ALIAS_ALLOWANCE = 10_000  # values that aliases may add beyond those written out
MAX_LISTED = 5  # names listed in one message, then "and N more"
_REFUSED = "front matter is refused"


def normalize_newlines(text: str) -> str:
    """The text as MkDocs reads the file: no BOM, `\\r\\n` and `\\r` as `\\n`."""
    text = text.removeprefix("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """(front matter text or None, body, number of lines before the body), as MkDocs splits."""
    text = normalize_newlines(text)
    match = MKDOCS_FRONT_MATTER_RE.match(text)
    if not match:
        return None, text, 0
    return match.group(1), text[match.end() :], text.count("\n", 0, match.end())


def listed(names: list[str]) -> str:
    """A few names, then how many more: messages stay short whatever the input."""
    shown = ", ".join(names[:MAX_LISTED])
    return shown + (f" and {len(names) - MAX_LISTED} more" if len(names) > MAX_LISTED else "")


@dataclass
class Note:
    """A problem found while loading, located by front-matter line (1 = the opening `---`)."""

    line: int
    message: str
    key: str | None = None


@dataclass
class Loaded:
    """A loaded YAML document: its value, where its top-level keys are, their scalars' text."""

    value: Any
    key_lines: dict[str, int] = field(default_factory=dict)
    # The source text and tag of each top-level scalar value (`slug: 0012` is the text "0012").
    scalars: dict[str, tuple[str, str]] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)


class FrontMatterError(ValueError):
    """Front matter that cannot be read (or would cost too much to): line and reason."""

    def __init__(self, line: int, reason: str, summary: str = "front matter is not valid YAML") -> None:
        super().__init__(reason)
        self.line = line
        self.reason = reason
        self.summary = summary


class _Loader(_BaseLoader):
    """MkDocs' loader, noting the duplicate keys that YAML resolves in silence."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.duplicates: list[tuple[int, str]] = []

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Any, Any]:
        keys = [key for key, _ in node.value]
        if len({(key.tag, key.value) for key in keys if isinstance(key, ScalarNode)}) < len(keys):
            self.duplicates.extend(_duplicate_keys(node))  # before merges are flattened in
        return super().construct_mapping(node, deep=deep)


def load_yaml(source: str, first_line: int = 2) -> Loaded:
    """Load one YAML document with MkDocs' loader, after checking its node graph.

    `first_line` is the file line of the source's first line. Raises `FrontMatterError`.
    """
    notes: list[Note] = []
    if _SURROGATE_RE.search(source):  # only from callers' strings: decoded files hold none
        notes.append(Note(first_line, "lone surrogate characters replaced by U+FFFD"))
        source = _SURROGATE_RE.sub("\ufffd", source)
    loader = _Loader(source)
    loaded = Loaded(None, notes=notes)
    try:
        try:
            node = loader.get_single_node()
        except yaml.MarkedYAMLError as error:
            raise _error(error, first_line) from None
        except Exception as error:  # e.g. a reader error on an unprintable character
            raise FrontMatterError(first_line, _reason(error)) from None
        if node is None:
            return loaded
        # Only anchors and aliases (`&`, `*`) share nodes; the walk also bounds the nesting
        # for the surrogate check, which only escapes (`\`) make necessary.
        if "&" in source or "*" in source or "\\" in source:
            _check_graph(node, first_line)
        _note_top_level(node, first_line, loaded)
        try:
            value = loader.construct_document(node)
        except yaml.MarkedYAMLError as error:
            raise _error(error, first_line) from None
        except Exception as error:  # ValueError from a timestamp out of range, deep nesting …
            raise FrontMatterError(first_line, _reason(error)) from None
    finally:
        loader.dispose()
    _note_duplicates(loader.duplicates, first_line, loaded.notes)
    if "\\" in source:  # lone surrogates come only from escapes
        value = _without_surrogates(value, loaded.notes, first_line)
    loaded.value = value
    return loaded


def _error(error: yaml.MarkedYAMLError, first_line: int) -> FrontMatterError:
    mark = error.problem_mark or error.context_mark
    line = first_line + mark.line if mark is not None else first_line
    return FrontMatterError(line, error.problem or error.context or _reason(error))


def _reason(error: Exception) -> str:
    text = (str(error).splitlines() or [type(error).__name__])[0]
    return text[:200]


def _check_graph(root: Node, first_line: int) -> None:
    """Refuse alias bombs, cycles and deep nesting, in time linear in the nodes.

    Each node's expanded size (what constructing and walking the value costs) is summed
    once per node, aliases included, so a 1 KB document cannot stand for billions of values.
    """
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()
    stack: list[tuple[Node, int, bool]] = [(root, 1, False)]
    while stack:
        node, depth, done = stack.pop()
        ident = id(node)
        if done:
            open_nodes.discard(ident)
            sizes[ident] = 1 + sum(sizes[id(child)] for child in _children(node))
            continue
        if ident in sizes:
            continue
        line = first_line + node.start_mark.line
        if ident in open_nodes:
            raise FrontMatterError(line, "a value refers to itself through an alias", _REFUSED)
        if depth > MAX_DEPTH:
            raise FrontMatterError(line, f"values are nested more than {MAX_DEPTH} levels deep", _REFUSED)
        if isinstance(node, ScalarNode):
            sizes[ident] = 1
            continue
        open_nodes.add(ident)
        stack.append((node, depth, True))
        stack.extend((child, depth + 1, False) for child in _children(node))
    written = len(sizes)
    if sizes[id(root)] > written + ALIAS_ALLOWANCE:
        raise FrontMatterError(
            first_line + root.start_mark.line,
            f"aliases expand to {sizes[id(root)]:,} values (from {written:,} written); "
            "aliases are refused beyond a budget",
            _REFUSED,
        )


def _note_duplicates(duplicates: list[tuple[int, str]], first_line: int, notes: list[Note]) -> None:
    for line, key in duplicates[:MAX_LISTED]:
        notes.append(Note(first_line + line, f"duplicate key {key!r}: YAML keeps only the last value", key))
    if len(duplicates) > MAX_LISTED:
        line = first_line + duplicates[MAX_LISTED][0]
        notes.append(Note(line, f"and {len(duplicates) - MAX_LISTED} more duplicate keys"))


def _children(node: Node) -> list[Node]:
    if isinstance(node, MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, SequenceNode):
        return list(node.value)
    return []


def _duplicate_keys(node: MappingNode) -> list[tuple[int, str]]:
    """(line in the source, key) of each key seen before in the mapping."""
    seen: set[tuple[str, str]] = set()
    found = []
    for key, _value in node.value:
        if not isinstance(key, ScalarNode) or key.tag == "tag:yaml.org,2002:merge":
            continue
        marker = (key.tag, key.value)
        if marker in seen:
            found.append((key.start_mark.line, key.value[:80]))
        seen.add(marker)
    return found


def _note_top_level(root: Node, first_line: int, loaded: Loaded) -> None:
    """Lines of the top-level keys and of their own keys (`toolIcon.url`); the text of the
    top-level scalars. The last of duplicate keys wins, as its value does."""
    if not isinstance(root, MappingNode):
        return
    lines, scalars = loaded.key_lines, loaded.scalars
    for key, value in root.value:
        if not isinstance(key, ScalarNode):
            continue
        lines[key.value] = first_line + key.start_mark.line
        if isinstance(value, ScalarNode):
            scalars[key.value] = (value.value, value.tag)
        elif isinstance(value, MappingNode):
            for inner, _ in value.value:
                if isinstance(inner, ScalarNode):
                    lines[f"{key.value}.{inner.value}"] = first_line + inner.start_mark.line


def _without_surrogates(value: Any, notes: list[Note], first_line: int) -> Any:
    """Lone surrogates (`"\\ud800"`, which the pure-Python loader accepts) cannot be written
    as UTF-8 and would abort the build; they become U+FFFD, with a note."""
    found: list[str] = []

    def clean(item: Any, path: str) -> Any:
        if isinstance(item, str):
            if _SURROGATE_RE.search(item) is None:
                return item
            found.append(path)
            return _SURROGATE_RE.sub("\ufffd", item)
        if isinstance(item, list):
            return [clean(part, path) for part in item]
        if isinstance(item, dict):
            cleaned = {}
            for key, part in item.items():
                name = _SURROGATE_RE.sub("\ufffd", key) if isinstance(key, str) else key
                where = f"{path}.{name}" if path else str(name)
                if name != key:
                    found.append(f"the key {where}")  # named as it now reads: never a surrogate
                cleaned[name] = clean(part, where)
            return cleaned
        return item

    cleaned = clean(value, "")
    if found:
        # A top-level list or text has no name of its own: "the front matter".
        named = [place or "the front matter" for place in found]
        key = next((place for place in found if place and not place.startswith("the key ")), None)
        notes.append(Note(first_line, f"lone surrogate escapes replaced by U+FFFD in {listed(named)}", key))
    return cleaned


@dataclass
class FrontMatter:
    """What a page's front matter gives, and whether MkDocs reads any metadata from it."""

    source: str  # the front matter text ("" when there is none)
    body: str
    body_offset: int  # lines before the body
    meta: dict[str, Any] | None  # the mapping MkDocs reads; None when it reads none
    loaded: Loaded | None = None
    error: FrontMatterError | None = None
    first_line: int = 2  # the file line of the front matter's first line
    opened: bool = True  # whether the page starts with a `---` line


def read_front_matter(text: str) -> FrontMatter:
    """Split and load a page's front matter (text already normalised)."""
    match = MKDOCS_FRONT_MATTER_RE.match(text)
    if match is None:
        opened = _OPENING_RE.match(text) is not None
        source, body_start = _unread_head(text)
        offset = text.count("\n", 0, body_start)
        return FrontMatter(source, text[body_start:], offset, None, first_line=1 + opened, opened=opened)
    source, body = match.group(1), text[match.end() :]
    offset = text.count("\n", 0, match.end())
    try:
        loaded = load_yaml(source)
    except FrontMatterError as error:
        return FrontMatter(source, body, offset, None, error=error)
    if not isinstance(loaded.value, dict):
        kind = "nothing" if loaded.value is None else f"a {type(loaded.value).__name__}"
        not_fields = FrontMatterError(2, f"it holds {kind}, not fields", "front matter is not a mapping")
        return FrontMatter(source, body, offset, None, error=not_fields)
    meta = {key if isinstance(key, str) else str(key): value for key, value in loaded.value.items()}
    return FrontMatter(source, body, offset, meta, loaded)


def _unread_head(text: str) -> tuple[str, int]:
    """The lines that hold fields when MkDocs sees no YAML block: after an opening `---` that
    never closes, up to the first HTML or fence line; else the leading lines up to a blank one."""
    opening = _OPENING_RE.match(text)
    if opening is not None:
        start = _BODY_START_RE.search(text, opening.end())
        end = start.start() if start else len(text)
        return text[opening.end() : end], end
    blank = _BLANK_LINE_RE.search(text)
    end = blank.start() + 1 if blank else len(text)
    start = _BODY_START_RE.search(text, 0, end)
    end = start.start() if start else end
    return text[:end], end


def may_name_key(text: str, key: str = DEFAULT_DETECT_KEY) -> bool:
    """A cheap test that is true for every page whose front matter could name `key`.

    YAML can spell a key with escapes (`"tool\\u004eame"`, an escaped line break) and a
    broken front matter is matched ignoring case, so this looks for the key's letters in any
    case, or for a backslash in the front matter; keys with other characters always pass.
    """
    if _SIMPLE_KEY_RE.fullmatch(key) is None:
        return True
    text = normalize_newlines(text)
    match = MKDOCS_FRONT_MATTER_RE.match(text)
    if match is not None:
        region = match.group(1)
        return _key_pattern(key).search(region) is not None or "\\" in region
    return _key_pattern(key).search(_unread_head(text)[0]) is not None


def carries_key(source: str, key: str) -> bool:
    """Whether unreadable front matter still names `key` (in any case)."""
    return _key_pattern(key).search(source) is not None


_KEY_PATTERNS: dict[str, re.Pattern[str]] = {}


def _key_pattern(key: str) -> re.Pattern[str]:
    pattern = _KEY_PATTERNS.get(key)
    if pattern is None:
        pattern = _KEY_PATTERNS[key] = re.compile(re.escape(key), re.I)
    return pattern


def key_line_pattern(key: str) -> re.Pattern[str]:
    """A pattern finding `key:` at the start of a front-matter line (quoted or not)."""
    quoted = re.escape(key)
    return re.compile(rf"^[\"']?{quoted}[\"']?[ \t]*:", re.M)
