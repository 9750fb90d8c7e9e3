"""The CMS's other collections that pages refer to by slug: advantages and testimonials.

The source site resolves a page's `advantages` (slugs) and `quote` (a slug) against collections
the page export does not carry; the maintainer exports them to two YAML files
(`slug: {title, text, image?}` and `slug: {text, author, role?, image?}`). Reading them is
strict (every problem named with its file and line) and pure.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .escape import safe_url
from .model import Advantage, Comparison, Location, Problem, Severity, Testimonial

ADVANTAGE_FIELDS = (("title", True), ("text", True), ("image", False))
TESTIMONIAL_FIELDS = (("text", True), ("author", True), ("role", False), ("image", False))


@dataclass
class Entries:
    """The entries of both files, by slug, and what was wrong in them."""

    advantages: dict[str, Advantage] = field(default_factory=dict)
    testimonials: dict[str, Testimonial] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def _mapping_entries(
    path: Path, shown: str, problems: list[Problem]
) -> list[tuple[str, int, dict[str, object]]]:
    """(slug, line, fields) of each entry of a `slug: {...}` file; problems for the rest."""
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 0
        reason = getattr(error, "problem", None) or type(error).__name__
        problems.append(Problem(Location(shown, line), f"cannot read the file: {reason}", Severity.ERROR))
        return []
    if root is None:
        return []
    if not isinstance(root, yaml.MappingNode):
        problems.append(Problem(Location(shown, 1), "expected a mapping of slug: entry", Severity.ERROR))
        return []
    found = []
    for key, value in root.value:
        line = key.start_mark.line + 1
        slug = str(key.value) if isinstance(key, yaml.ScalarNode) else ""
        data = yaml.safe_load(yaml.serialize(value)) if isinstance(value, yaml.MappingNode) else None
        if not slug or not isinstance(data, dict):
            problems.append(Problem(Location(shown, line), f"entry {slug!r} should be a mapping of fields"))
            continue
        found.append((slug, line, {str(name): item for name, item in data.items()}))
    return found


def _fields(
    slug: str, data: dict[str, object], spec: tuple[tuple[str, bool], ...], where: Location
) -> tuple[dict[str, str], list[Problem]]:
    values: dict[str, str] = {}
    problems = []
    for name, required in spec:
        value = data.get(name)
        if value is None or value == "":
            if required:
                problems.append(Problem(where, f"entry {slug!r} has no {name!r}", Severity.WARNING))
            values[name] = ""
        elif not isinstance(value, str):
            problems.append(Problem(where, f"entry {slug!r}: {name!r} should be text", Severity.WARNING))
            values[name] = ""
        elif name == "image":
            values[name] = safe_url(value)
            if not values[name]:
                problems.append(
                    Problem(where, f"entry {slug!r}: image {value[:80]!r} dropped: http(s) or relative only")
                )
        else:
            values[name] = " ".join(value.split())
    return values, problems


def load_entries(advantages: Path | None, testimonials: Path | None, base: Path | None = None) -> Entries:
    """Both files (either may be None); `base` is what paths in messages are shown relative to."""
    entries = Entries()
    for path, spec in ((advantages, ADVANTAGE_FIELDS), (testimonials, TESTIMONIAL_FIELDS)):
        if path is None:
            continue
        shown = str(path.relative_to(base)) if base and path.is_relative_to(base) else str(path)
        for slug, line, data in _mapping_entries(path, shown, entries.problems):
            values, problems = _fields(slug, data, spec, Location(shown, line))
            entries.problems += problems
            if spec is ADVANTAGE_FIELDS:
                entries.advantages[slug] = Advantage(slug, values["title"], values["text"], values["image"])
            else:
                entries.testimonials[slug] = Testimonial(
                    slug, values["text"], values["author"], values["role"], values["image"]
                )
    return entries


def resolve(
    page: Comparison, entries: Entries, *, advantages: bool, testimonials: bool
) -> tuple[list[Advantage], Testimonial | None, list[Problem]]:
    """The page's advantages and testimonial, with a warning for each slug that has no entry.

    `advantages`/`testimonials` say whether that file is configured: without it nothing is
    resolved and nothing is warned.
    """
    problems = []
    found = []
    if advantages:
        for slug in page.advantages:
            if slug in entries.advantages:
                found.append(entries.advantages[slug])
            else:
                where = Location(page.path, page.field_lines.get("advantages", 0), field="advantages")
                problems.append(Problem(where, f"advantage {slug[:80]!r} has no entry in advantages_file"))
    quote = None
    if testimonials and page.quote:
        quote = entries.testimonials.get(page.quote)
        if quote is None:
            where = Location(page.path, page.field_lines.get("quote", 0), field="quote")
            problems.append(Problem(where, f"quote {page.quote[:80]!r} has no entry in quotes_file"))
    return found, quote, problems


def entry_problems(
    pages: Iterable[Comparison], entries: Entries, *, advantages: bool, testimonials: bool
) -> list[Problem]:
    """Every page's slugs that have no entry in the configured files."""
    return [
        problem
        for page in pages
        for problem in resolve(page, entries, advantages=advantages, testimonials=testimonials)[2]
    ]
