"""The benchmark's report: the Markdown tables, their targets, and the README's copy of them."""

from __future__ import annotations

import os
import platform
import re
import statistics
from datetime import date
from pathlib import Path
from typing import Any

from builds import VARIANTS, SizeResult

README = Path(__file__).resolve().parent.parent / "README.md"
TARGET_RATIO = 1.05  # CPU time with the plugin against without, default options
TARGET_MEMORY = 1.15  # peak memory (RSS) with the plugin against without
TARGET_SERVE_MS = 100.0  # the plugin's time in a `mkdocs serve` rebuild after one edit
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
    sizes: list[SizeResult],
    serve: dict[str, Any] | None,
    backends: list[dict[str, Any]],
    quick: bool,
    guess: dict[str, Any] | None = None,
) -> str:
    """The Markdown results (printed, and placed in the README by --update-readme)."""
    runs = ", ".join(f"{s.runs} at N={s.count:,}" for s in sizes)
    lines = [
        f"Measured {date.today().isoformat()} on {machine()}; "
        f"`python benchmarks/bench.py{' --quick' if quick else ''}`, default options. Build times are "
        "CPU seconds of the build process and peak memory its largest resident set (medians of runs in "
        f"rotated order, each in a fresh process: {runs}); each ratio is the median of each round's "
        "ratio (a round builds every variant back to back), the CPU one with the fastest run against "
        "the fastest run beside it. *Highlighted*: code samples of the built pages with Pygments "
        "token spans. The plugin's own time is the time inside its hooks for the pages (parsing, "
        "rendering, highlighting): in the fastest run, then the median of the runs and, in brackets, "
        "the median with the summary page's code added.",
        "",
        f"| N | page size (mean) | build without plugin | build with plugin | CPU ratio (target ≤ "
        f"{TARGET_RATIO}; fastest runs) | peak memory without, with (ratio, target ≤ {TARGET_MEMORY}) "
        "| samples highlighted (target: all) | plugin's own time per page (fastest run; median; with "
        "the summary) | result |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for s in sizes:
        done, samples = s.highlighted
        ok = s.ratio <= TARGET_RATIO and s.memory_ratio <= TARGET_MEMORY and done == samples > 0
        without, with_ = statistics.median(s.peak_mb["without"]), statistics.median(s.peak_mb["with"])
        memory = f"{without:.0f} MB, {with_:.0f} MB ({s.memory_ratio:.2f})"
        lines.append(
            f"| {s.count:,} | {s.mean_page_bytes / 1000:.1f} KB | {_seconds(s.median('without'))} "
            f"| {_seconds(s.median('with'))} | {s.ratio:.2f} ({s.fastest_ratio:.2f}) | {memory} "
            f"| {done:,} of {samples:,} | {s.fastest_ms_per_page:.2f} ms; "
            f"{s.ms_per_page_without_summary:.2f} ms ({s.ms_per_page:.2f} ms) | {_verdict(ok)} |"
        )
    attributed = [s for s in sizes if len(s.seconds) > 2]
    for s in attributed:
        lines += [
            "",
            f"Where the time goes at N={s.count:,} (same runs):",
            "",
            "| build | CPU time | ratio to the build without the plugin | peak memory (ratio) |",
            "| --- | ---: | ---: | ---: |",
        ]
        for name, (label, _plugins) in VARIANTS.items():
            peak = statistics.median(s.peak_mb[name])
            lines.append(
                f"| {label} | {_seconds(s.median(name))} | {s.ratio_of(name):.2f} "
                f"| {peak:.0f} MB ({s.memory_ratio_of(name):.2f}) |"
            )
    lines += _figures(sizes[-1], serve, guess)
    if backends:
        lines += _backend_table(backends)
    return "\n".join(lines)


def _figures(largest: SizeResult, serve: dict[str, Any] | None, guess: dict[str, Any] | None) -> list[str]:
    """The summary page's, the serve rebuild's and the language guess's figures."""
    lines = ["", "| figure | value | target | result |", "| --- | ---: | --- | --- |"]
    if guess is not None:
        wrong = ", ".join(f"{kind}: {count}" for kind, count in sorted(guess["wrong"].items())) or "none"
        lines.append(
            f"| language guess on the pages' samples (each guessed without any language named; "
            f"{', '.join(guess['languages'])}; wrong: {wrong}) | {guess['right']:,} of {guess['samples']:,} "
            f"({guess['right'] / guess['samples']:.1%}) | - | - |"
        )
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
        rendered = serve.get("rendered_rebuild", 0)
        lines.append(
            f"| `mkdocs serve` rebuild after editing a note of 1 of {largest.count:,} pages: pages "
            f"rendered again | {rendered} | 1 (its related links do not change) | {_verdict(rendered == 1)} |"
        )
        plugin_ms = serve["hooks_rebuild"] * 1000
        detail = ", ".join(
            f"{hook} {value * 1000:.0f} ms"
            for hook, value in sorted(serve.get("hook_detail_rebuild", {}).items(), key=lambda kv: -kv[1])
            if value * 1000 >= 1
        )
        lines.append(
            f"| `mkdocs serve` rebuild after editing 1 of {largest.count:,} pages: the plugin's time, "
            f"median of {_rebuilds(serve)} ({detail}; the whole rebuild {_seconds(serve['rebuild'])}, "
            f"first build "
            f"{_seconds(serve['first_build'])}) | {plugin_ms:.0f} ms | ≤ {TARGET_SERVE_MS:.0f} ms "
            f"| {_verdict(plugin_ms <= TARGET_SERVE_MS)} |"
        )
    return lines


def _rebuilds(serve: dict[str, Any]) -> str:
    """ "3 rebuilds, each after one more edit: 80, 95, 120 ms" (older figures: "1 rebuild")."""
    times = serve.get("hooks_rebuilds") or [serve["hooks_rebuild"]]
    if len(times) == 1:
        return "1 rebuild"
    each = ", ".join(f"{value * 1000:.0f}" for value in times)
    return f"{len(times)} rebuilds, each after one more edit: {each} ms"


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
        if b.get("missing"):
            ms = f"not measured: {b['missing']} is not installed (`pip install {b['missing']}`)"
        else:
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
