"""The benchmark's report: the Markdown tables, their targets, and the README's copy of them."""

from __future__ import annotations

import os
import platform
import re
from datetime import date
from pathlib import Path
from typing import Any

from builds import VARIANTS, SizeResult

README = Path(__file__).resolve().parent.parent / "README.md"
TARGET_RATIO = 1.15
TARGET_MS_PER_PAGE = 1.0
TARGET_SUMMARY_SECONDS = 1.0
TARGET_SUMMARY_BYTES = 2_000_000
README_START = "<!-- bench:start -->"
README_END = "<!-- bench:end -->"


def machine() -> str:
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    from importlib.metadata import version

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (
        f"{model}, {cores} cores, Python {platform.python_version()}, MkDocs {version('mkdocs')}, "
        f"Material {version('mkdocs-material')}"
    )


def _verdict(ok: bool) -> str:
    return "meets" if ok else "**misses**"


def _seconds(value: float) -> str:
    return f"{value:.2f} s"


def report(
    sizes: list[SizeResult], serve: dict[str, Any] | None, backends: list[dict[str, Any]], quick: bool
) -> str:
    """The Markdown results (printed, and placed in the README by --update-readme)."""
    runs = ", ".join(f"{s.runs} at N={s.count:,}" for s in sizes)
    lines = [
        f"Measured {date.today().isoformat()} on {machine()}; "
        f"`python benchmarks/bench.py{' --quick' if quick else ''}`. Build times are CPU seconds of the "
        f"build process (medians of runs in rotated order, each in a fresh process: {runs}); the "
        "ratio is the median of each round's ratio (a round builds every variant back to back), "
        "with the fastest run against the fastest run beside it. The plugin's own time is the time "
        "inside its hooks for the pages (parsing, rendering): in the fastest run, which is what the "
        "code costs (other work on the machine only adds to a run), then the median of the runs and, "
        "in brackets, the median with the summary page's code added.",
        "",
        "| N | page size (mean) | build without plugin | build with plugin | ratio (target ≤ 1.15; "
        "fastest runs) | plugin's own time per page (target ≤ 1 ms: fastest run; median; with the "
        "summary) | result |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for s in sizes:
        ok = s.ratio <= TARGET_RATIO and s.fastest_ms_per_page <= TARGET_MS_PER_PAGE
        lines.append(
            f"| {s.count:,} | {s.mean_page_bytes / 1000:.1f} KB | {_seconds(s.median('without'))} "
            f"| {_seconds(s.median('with'))} | {s.ratio:.2f} ({s.fastest_ratio:.2f}) "
            f"| {s.fastest_ms_per_page:.2f} ms; {s.ms_per_page_without_summary:.2f} ms "
            f"({s.ms_per_page:.2f} ms) | {_verdict(ok)} |"
        )
    attributed = [s for s in sizes if len(s.seconds) > 2]
    for s in attributed:
        lines += [
            "",
            f"Where the time goes at N={s.count:,} (same runs):",
            "",
            "| build | CPU time | ratio to the build without the plugin |",
            "| --- | ---: | ---: |",
        ]
        for name, (label, _plugins) in VARIANTS.items():
            lines.append(f"| {label} | {_seconds(s.median(name))} | {s.ratio_of(name):.2f} |")
    lines += _figures(sizes[-1], serve)
    if backends:
        lines += _backend_table(backends)
    return "\n".join(lines)


def _figures(largest: SizeResult, serve: dict[str, Any] | None) -> list[str]:
    """The summary page's and the serve rebuild's figures against their targets."""
    lines = ["", "| figure | value | target | result |", "| --- | ---: | --- | --- |"]
    if largest.summary is None:
        lines.append(
            f"| summary page for {largest.count:,} tools | summary: not available | < 1 s, < 2 MB | - |"
        )
    else:
        summary = largest.summary
        code_ms, page_ms, total = (
            summary["code_seconds"] * 1000,
            summary["page_seconds"] * 1000,
            summary["seconds"],
        )
        lines.append(
            f"| summary page for {largest.count:,} tools: generation time (plugin {code_ms:.0f} ms + "
            f"MkDocs, page {page_ms:.0f} ms) | {total:.2f} s | < 1 s "
            f"| {_verdict(total < TARGET_SUMMARY_SECONDS)} |"
        )
        lines.append(
            f"| summary page for {largest.count:,} tools: HTML size | {summary['bytes'] / 1e6:.2f} MB "
            f"| < 2 MB | {_verdict(0 < summary['bytes'] < TARGET_SUMMARY_BYTES)} |"
        )
    if serve is not None:
        ok = serve["parsed_rebuild"] == 1 and serve["same_plugin_object"]
        lines.append(
            f"| `mkdocs serve` rebuild after editing 1 of {largest.count:,} pages: pages parsed again "
            f"| {serve['parsed_rebuild']} (first build: {serve['parsed_first']}) | 1 | {_verdict(ok)} |"
        )
        lines.append(
            f"| `mkdocs serve` rebuild after editing 1 of {largest.count:,} pages: time (in the plugin) "
            f"| {_seconds(serve['rebuild'])} ({serve['hooks_rebuild'] * 1000:.0f} ms; first build "
            f"{_seconds(serve['first_build'])}) | - | - |"
        )
    return lines


def _backend_table(backends: list[dict[str, Any]]) -> list[str]:
    """The parser backends' times per page, and whether each read what ours read."""
    lines = [
        "",
        f"Reading the feature table, per page (best of 3 passes over {backends[0]['pages']} generated "
        "pages, CPU time; *agrees*: same rows, verdicts and notes as mkdocs-compare's parser):",
        "",
        "| backend | ms per page | agrees |",
        "| --- | ---: | --- |",
    ]
    for b in backends:
        ms = "error: " + b.get("error", "") if b["ms"] is None else f"{b['ms']:.3f}"
        agrees = "-" if b["agrees"] is None else ("yes" if b["agrees"] else "**no**")
        lines.append(f"| {b['backend']} | {ms} | {agrees} |")
    return lines


def update_readme(table: str, readme: Path = README) -> None:
    text = readme.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(README_START) + r".*?" + re.escape(README_END), re.S)
    if not pattern.search(text):
        raise SystemExit(f"{readme}: markers {README_START} … {README_END} not found")
    replacement = f"{README_START}\n{table}\n{README_END}"
    readme.write_text(pattern.sub(lambda _: replacement, text, count=1), encoding="utf-8")
