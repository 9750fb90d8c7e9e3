"""Problems as the commands print them: one `path:line: severity: message` line each.

`check` and `render` share this form (the compiler-style line editors and CI annotators read),
with the path as seen from the current folder: a page's under the docs folder as given, an
option's in the config file, at the line of the field. Every text in it is untrusted (file
names, front-matter keys, page text), so it is escaped and cut short as in the plugin's log.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..model import Problem, Severity
from ..printable import FIELD_LIMIT, MESSAGE_LIMIT, cut, escape_controls, one_line
from ..site import CONFIG_FILE


@dataclass(frozen=True)
class Finding:
    """A problem as a command prints it: the path as the user would open it, a 1-based line."""

    path: str
    line: int
    problem: Problem

    @property
    def failing(self) -> bool:
        """Warnings and errors fail `mkdocs build --strict`, so they fail the commands too."""
        return self.problem.severity is not Severity.INFO

    def text(self) -> str:
        """`path:line: severity: [row N: ][field 'x': ]message`, escaped and cut short."""
        location = self.problem.location
        where = ""
        if location.row is not None:
            where += f"row {location.row}: "
        if location.field:
            where += f"field {one_line(repr(location.field), FIELD_LIMIT)}: "
        path = escape_controls(self.path)
        return f"{path}:{self.line}: {self.problem.severity.value}: {where}{one_line(self.problem.message)}"

    def as_json(self) -> dict[str, Any]:
        """The same finding for machines (JSON escapes the text itself; long texts are cut)."""
        location = self.problem.location
        return {
            "path": self.path,
            "line": self.line,
            "row": location.row,
            "field": None if location.field is None else cut(location.field, FIELD_LIMIT),
            "severity": self.problem.severity.value,
            "message": cut(self.problem.message, MESSAGE_LIMIT),
        }


def locate(
    problems: Iterable[Problem],
    docs_dir: Path,
    config_file: Path | None,
    files: Collection[str],
    sources: dict[str, bytes] | None = None,
) -> list[Finding]:
    """Findings for problems of the docs' `files` (under `docs_dir`) and of the configuration
    (any other path: the summary's options, aliases); `sources` holds pages already read."""
    sources = sources or {}
    config_path = config_file or CONFIG_FILE
    config_source: bytes | None = None
    findings = []
    for problem in problems:
        location = problem.location
        if location.path in files:
            data = sources.get(location.path)
            if data is None and location.field and not location.line:
                data = _read_bytes(docs_dir / location.path)
            findings.append(_finding(problem, str(docs_dir / location.path), data, plugin=False))
        else:
            if config_source is None:
                config_source = _read_bytes(config_path) or b""
            findings.append(_finding(problem, str(config_path), config_source, plugin=True))
    return findings


def _finding(problem: Problem, path: str, source: bytes | None, *, plugin: bool) -> Finding:
    """Give a located line to problems that only name a field (duplicates, options)."""
    line = problem.location.line
    if not line and problem.location.field:
        line = _field_line(source, problem.location.field, plugin=plugin)
    return Finding(path, line or 1, problem)


def _field_line(data: bytes | None, name: str, *, plugin: bool) -> int:
    """The line of `name:` (in a config file: after the compare plugin's entry)."""
    if not data:
        return 1
    text = data.decode("utf-8", errors="replace")
    start = 0
    if plugin:
        entry = re.search(r"^[ \t]*(?:-[ \t]*)?[\"']?compare[\"']?[ \t]*:", text, re.M)
        start = entry.end() if entry else 0
    match = re.compile(rf"^[ \t]*[\"']?{re.escape(name)}[\"']?[ \t]*:", re.M).search(text, start)
    return text.count("\n", 0, match.start()) + 1 if match else 1


def _read_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None
