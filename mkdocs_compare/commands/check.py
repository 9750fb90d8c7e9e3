"""`mkdocs-compare check`: the build's verdict on a docs folder, without building it.

Content teams gate their CI on this, so it must say what `mkdocs build --strict` would: it reads
the same config file, validates the compare plugin's options with the plugin's own schema, reads
the same files (site.Site), and runs the plugin's own code on them (collection.scan_pages:
decoding, parse cache, duplicate tools and slugs; summary.plan_summary and build_summary: the
summary page, export paths and near-duplicate feature names), each problem with file and line.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..cms_entries import Entries
from ..collection import ParseCache, scan_pages
from ..model import Location, Problem, Severity
from ..printable import one_line
from ..site import (
    MARKDOWN_SUFFIXES,
    Site,
    SiteError,
    config_file_from,
    load_site,
    page_entry_problems,
    parse_options,
    plugin_options,
    site_entries,
    summary_plan,
)
from ..summary import build_summary
from ..urls import page_url
from .findings import Finding, locate

if TYPE_CHECKING:
    from ..config import CompareConfig


def check_site(
    site: Site,
    config: CompareConfig,
    option_problems: list[Problem] | None = None,
    max_age: int | None = None,
) -> list[Finding]:
    """Every problem the build would log for `site`: the options' first, in the build's order,
    then each file's together, files by path and a file's by line (the summary's problems of
    a page beside the page's own, where a maintainer fixing that file reads them).

    `max_age` (days) overrides the config's: pages last reviewed longer ago are warned about."""
    problems = list(option_problems or [])
    files = site.files()
    sources: dict[str, bytes] = {}
    if config.enabled:
        entries = site_entries(config)  # read once: its files' problems, then the pages'
        problems += entries.problems  # what the plugin logs in on_config
        problems += _page_problems(
            site, files, config, sources, entries, config.max_age if max_age is None else max_age
        )
    found = set(files)
    return _by_file(locate(problems, site.docs_dir, site.config_file, found, sources), found)


def _by_file(findings: list[Finding], files: set[str]) -> list[Finding]:
    """The configuration's findings first as they came, then the docs' by path and line."""

    def key(finding: Finding) -> tuple[bool, str, int]:
        if finding.problem.location.path not in files:
            return (False, "", 0)  # the sort is stable: the build's order
        return (True, finding.path, finding.line)

    return sorted(findings, key=key)


def _page_problems(
    site: Site,
    files: list[str],
    config: CompareConfig,
    sources: dict[str, bytes],
    entries: Entries,
    max_age: int | None,
) -> list[Problem]:
    """What the plugin logs in on_files: the pages', the drafts', the summary's and its hints."""

    def read(path: str) -> bytes:
        try:
            sources[path] = (site.docs_dir / path).read_bytes()
        except OSError as error:
            raise SiteError(f"cannot read {site.docs_dir / path}: {error.strerror or error}") from None
        return sources[path]

    pages = [path for path in files if path.lower().endswith(MARKDOWN_SUFFIXES)]
    options = parse_options(config)
    verdicts = options.verdicts
    scan = scan_pages(
        pages,
        read,
        ParseCache(),
        options,
        patterns=config.paths,
        include_drafts=config.drafts,
        max_age=max_age,
    )
    problems = list(scan.problems)
    problems += page_entry_problems(config, scan.collection.sorted_pages(), entries)
    problems += [
        Problem(Location(path), "draft page left out of the build", Severity.INFO)
        for path in scan.collection.drafts
    ]
    collection = scan.collection
    plan = summary_plan(config, collection, files, site.use_directory_urls)
    if plan is None:
        return problems
    problems += plan.problems
    urls = {path: page_url(path, site.use_directory_urls) for path in collection.pages}
    summary_url = page_url(plan.page, site.use_directory_urls) if plan.page else plan.folder_url
    model = build_summary(
        collection.pages.values(),
        urls,
        summary_url,
        product=config.product,
        aliases=config.feature_aliases,
        max_features=config.summary_max_features,
        labels=config.labels,
        verdicts=verdicts,
    )
    return problems + model.hints


def run_check(args: argparse.Namespace) -> int:
    """The `check` subcommand: 0 when clean (hints only), 1 on warnings or errors, 2 when it cannot run."""
    try:
        config_file = config_file_from(args.config)
        site = load_site(config_file, Path(args.docs_dir) if args.docs_dir else None)
        config, option_problems = plugin_options(config_file)
        findings = check_site(site, config, option_problems, args.max_age)
    except SiteError as error:
        print(one_line(f"mkdocs-compare check: {error}", 1000), file=sys.stderr)
        return 2
    if args.format == "json":
        json.dump([finding.as_json() for finding in findings], sys.stdout, indent=1)
        sys.stdout.write("\n")
    else:
        for finding in findings:
            print(finding.text())
        failing = sum(finding.failing for finding in findings)
        summary = f"{failing} problem(s) that fail `mkdocs build --strict`" if failing else "no problems"
        print(one_line(f"mkdocs-compare check: {site.docs_dir}: {summary}"), file=sys.stderr)
    return 1 if any(finding.failing for finding in findings) else 0
