"""`mkdocs-compare check`: the plugin's own checks on a docs folder, without building it.

Content teams gate their CI on this: it reads the pages exactly as the plugin does
(collection.scan_pages: decoding, parse cache, duplicate tools and slugs; summary.plan_summary:
the summary page and export paths), so it reports the same problems, each with file and line.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..collection import ParseCache, ParseOptions, scan_pages
from ..model import Problem, Severity
from ..site import (
    CONFIG_FILE,
    MARKDOWN_SUFFIXES,
    SiteError,
    default_docs_dir,
    exclude_docs,
    load_plugin_config,
    source_files,
)
from ..summary import plan_summary

if TYPE_CHECKING:
    from ..config import CompareConfig


@dataclass(frozen=True)
class Finding:
    """A problem as `check` prints it: the path as the user would open it, a 1-based line."""

    path: str
    line: int
    problem: Problem

    @property
    def failing(self) -> bool:
        """Warnings and errors fail `mkdocs build --strict`, so they fail `check` too."""
        return self.problem.severity is not Severity.INFO

    def text(self) -> str:
        """`path:line: severity: [row N: ][field 'x': ]message` (the compiler-style line editors read)."""
        location = self.problem.location
        where = ""
        if location.row is not None:
            where += f"row {location.row}: "
        if location.field:
            where += f"field {location.field!r}: "
        return f"{self.path}:{self.line}: {self.problem.severity.value}: {where}{self.problem.message}"

    def as_json(self) -> dict[str, Any]:
        location = self.problem.location
        return {
            "path": self.path,
            "line": self.line,
            "row": location.row,
            "field": location.field,
            "severity": self.problem.severity.value,
            "message": self.problem.message,
        }


def check_directory(
    docs_dir: Path, config: CompareConfig | None = None, config_file: Path | None = None
) -> list[Finding]:
    """Every problem the plugin would log for `docs_dir`, in the plugin's order.

    `config` holds the compare plugin's options (defaults without it); `config_file` is only
    used to name and locate problems in the configuration (summary page, export paths).
    """
    config = config or load_plugin_config(None)
    if not docs_dir.is_dir():
        raise SiteError(f"{docs_dir} is not a folder")
    if not config.enabled:
        return []
    files = source_files(docs_dir, exclude_docs(config_file))
    pages = [path for path in files if path.lower().endswith(MARKDOWN_SUFFIXES)]
    sources: dict[str, bytes] = {}

    def read(path: str) -> bytes:
        sources[path] = (docs_dir / path).read_bytes()
        return sources[path]

    options = ParseOptions(
        product=config.product, detect_key=config.detect_key, max_features=config.max_features
    )
    scan = scan_pages(pages, read, ParseCache(), options, patterns=config.paths, include_drafts=config.drafts)
    findings = [
        _finding(problem, str(docs_dir / problem.location.path), sources.get(problem.location.path))
        for problem in scan.problems
    ]
    existing = set(files) - set(scan.collection.drafts)
    plan = plan_summary(
        scan.collection,
        config.summary_page,
        existing,
        title=config.summary_title,
        json_export=config.json_export,
        csv_export=config.csv_export,
    )
    for problem in plan.problems if plan is not None else []:
        if problem.location.path in existing:  # an export file the docs already hold
            path = str(docs_dir / problem.location.path)
            findings.append(_finding(problem, path, _read_bytes(docs_dir / problem.location.path)))
        else:  # an option of the configuration
            config_path = config_file or CONFIG_FILE
            findings.append(_finding(problem, str(config_path), _read_bytes(config_path)))
    return findings


def _finding(problem: Problem, path: str, source: bytes | None) -> Finding:
    """Give a located line to problems that only name a field (duplicates, options)."""
    line = problem.location.line
    if not line and problem.location.field:
        line = _field_line(source, problem.location.field)
    return Finding(path, line or 1, problem)


def _field_line(data: bytes | None, name: str) -> int:
    if not data:
        return 1
    text = data.decode("utf-8", errors="replace")
    match = re.search(rf"^[ \t]*[\"']?{re.escape(name)}[\"']?[ \t]*:", text, re.M)
    return text.count("\n", 0, match.start()) + 1 if match else 1


def _read_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def run_check(args: argparse.Namespace) -> int:
    """The `check` subcommand: 0 when clean (hints only), 1 on warnings or errors, 2 on misuse."""
    try:
        config_file = CONFIG_FILE if CONFIG_FILE.is_file() else None
        config = load_plugin_config(config_file)
        docs_dir = Path(args.docs_dir) if args.docs_dir else default_docs_dir(config_file)
        findings = check_directory(docs_dir, config, config_file)
    except SiteError as error:
        print(f"mkdocs-compare check: {error}", file=sys.stderr)
        return 2
    if args.format == "json":
        json.dump([finding.as_json() for finding in findings], sys.stdout, indent=1, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        for finding in findings:
            print(finding.text())
        failing = sum(finding.failing for finding in findings)
        summary = f"{failing} problem(s) that fail `mkdocs build --strict`" if failing else "no problems"
        print(f"mkdocs-compare check: {docs_dir}: {summary}", file=sys.stderr)
    return 1 if any(finding.failing for finding in findings) else 0
