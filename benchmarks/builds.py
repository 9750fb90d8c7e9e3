"""The benchmark's builds: the site variants, the fresh-process runs, the figures of one N."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import corpus

HERE = Path(__file__).resolve().parent
BENCH = HERE / "bench.py"  # the command line the workers run under

# The Markdown extensions the plugin needs, listed in both configurations so that the only
# difference between the two builds is the plugin itself.
MARKDOWN_EXTENSIONS: list[Any] = [
    "admonition",
    "attr_list",
    "md_in_html",
    "pymdownx.highlight",
    "pymdownx.superfences",
    {"pymdownx.tabbed": {"alternate_style": True}},
]

# The builds compared. "without" and "with" differ only in the plugins line; the other two
# (attribution, at the smallest N) switch off parts of the plugin's output to show what costs.
NO_SUMMARY = {"summary_page": "", "json_export": False, "csv_export": False}
VARIANTS: dict[str, tuple[str, list[Any]]] = {
    "without": ("without the plugin", ["search"]),
    "with": ("with the plugin", ["search", "compare"]),
    "no-summary": (
        "with the plugin, summary page and exports off",
        ["search", {"compare": NO_SUMMARY}],
    ),
    "guess-off": (
        "with the plugin and `guess_language: false` (samples without a language left plain)",
        ["search", {"compare": {"guess_language": False}}],
    ),
}


def write_site(root: Path, count: int, seed: int) -> dict[str, str]:
    """docs/ with `count` pages, and one mkdocs-<variant>.yml per variant (same theme, extensions)."""
    import shutil

    import yaml

    if root.exists():
        shutil.rmtree(root)
    pages = corpus.write(root / "docs", count, seed)
    for name, (_label, plugins) in VARIANTS.items():
        config = {
            "site_name": f"Benchmark ({count} pages)",
            "site_url": "https://example.org/",
            "docs_dir": "docs",
            "site_dir": f"site-{name}",
            "theme": {"name": "material"},
            "markdown_extensions": MARKDOWN_EXTENSIONS,
            "plugins": plugins,
        }
        (root / f"mkdocs-{name}.yml").write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
    return pages


def worker_environment(workdir: Path) -> dict[str, str]:
    """Workers import compiled modules, as an installed package does (pip compiles on install).

    From a source checkout with PYTHONDONTWRITEBYTECODE set, every fresh process would compile
    the plugin's modules again (about 60 ms, 3% of a 100-page build) and count it as build time.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(workdir / "pycache")
    return env


def compile_plugin(workdir: Path) -> None:
    """Compile the plugin's modules once, before any build is timed."""
    command = [sys.executable, "-c", "import mkdocs_compare.plugin, mkdocs_compare.commands.check"]
    subprocess.run(command, env=worker_environment(workdir), check=True)


def run_worker(workdir: Path, *args: str) -> dict[str, Any]:
    out = Path(args[-1])
    command = [sys.executable, str(BENCH), "--worker", *args]
    env = worker_environment(workdir)
    result = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
    if result.returncode != 0 or not out.exists():
        raise SystemExit(f"benchmark worker failed: {' '.join(command)}\n{result.stderr[-3000:]}")
    data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    out.unlink()
    return data


@dataclass
class SizeResult:
    """The builds of one N: CPU and wall seconds per variant, the plugin's hooks, the summary."""

    count: int
    runs: int
    mean_page_bytes: float
    seconds: dict[str, list[float]]
    wall: dict[str, list[float]]
    hook_seconds: list[float]
    hooks: dict[str, float]
    summary: dict[str, Any] | None
    warnings: int
    first_warnings: list[str]
    # Per run: the hooks' time less the summary's code (the pages' own parsing and rendering).
    page_hook_seconds: list[float] = field(default_factory=list)
    peak_mb: dict[str, list[float]] = field(default_factory=dict)  # peak RSS per variant, per run
    highlighted: tuple[int, int] = (0, 0)  # (highlighted samples, samples) in the built pages

    def memory_ratio_of(self, variant: str) -> float:
        """The median of the rounds' peak-memory ratios, paired as the CPU ratios are."""
        pairs = zip(self.peak_mb[variant], self.peak_mb["without"], strict=True)
        return statistics.median(with_ / without for with_, without in pairs)

    @property
    def memory_ratio(self) -> float:
        return self.memory_ratio_of("with")

    def median(self, variant: str) -> float:
        return statistics.median(self.seconds[variant])

    def ratio_of(self, variant: str) -> float:
        """The median of the rounds' ratios: each round builds every variant back to back, so
        pairing a round's builds cancels the machine's slow drifts (seen: ±20% between rounds)."""
        pairs = zip(self.seconds[variant], self.seconds["without"], strict=True)
        return statistics.median(with_ / without for with_, without in pairs)

    @property
    def ratio(self) -> float:
        return self.ratio_of("with")

    @property
    def fastest_ratio(self) -> float:
        """Fastest run against fastest run: other load on the machine only ever slows a run."""
        return min(self.seconds["with"]) / min(self.seconds["without"])

    @property
    def ms_per_page(self) -> float:
        return statistics.median(self.hook_seconds) / self.count * 1000

    @property
    def ms_per_page_without_summary(self) -> float:
        """The hooks' time less the summary's code: parsing and rendering the pages themselves."""
        summary = self.summary["code_seconds"] if self.summary else 0.0
        return (statistics.median(self.hook_seconds) - summary) / self.count * 1000

    @property
    def fastest_ms_per_page(self) -> float:
        """The pages' own time in the fastest run: what the code costs, as `timeit` reports it
        (on a shared machine other work only ever adds to a run, so the minimum is the figure)."""
        return min(self.page_hook_seconds) / self.count * 1000


def measure_size(
    workdir: Path, count: int, runs: int, seed: int, say: Callable[[str], None], attribution: bool = False
) -> SizeResult:
    root = workdir / f"n{count}"
    pages = write_site(root, count, seed)
    mean_bytes = statistics.mean(len(text.encode("utf-8")) for text in pages.values())
    variants = list(VARIANTS) if attribution else ["without", "with"]
    say(f"N={count}: {count} pages, mean {mean_bytes / 1000:.1f} KB; {runs} runs of each of {variants}")
    seconds: dict[str, list[float]] = {name: [] for name in variants}
    wall: dict[str, list[float]] = {name: [] for name in variants}
    hook_seconds: list[float] = []
    page_hook_seconds: list[float] = []
    hooks: dict[str, list[float]] = {}
    summaries: list[dict[str, Any]] = []
    warnings, first_warnings = 0, []
    peak_mb: dict[str, list[float]] = {name: [] for name in variants}
    highlighted = (0, 0)
    for run in range(runs):
        # Rotate the order: no variant always runs first (page cache, CPU frequency, neighbours).
        order = variants[run % len(variants) :] + variants[: run % len(variants)]
        for name in order:
            plugin = "0" if name == "without" else "1"
            data = run_worker(
                workdir, "build", str(root / f"mkdocs-{name}.yml"), plugin, str(root / "out.json")
            )
            seconds[name].append(data["seconds"])
            wall[name].append(data["wall"])
            peak_mb[name].append(data["peak_mb"])
            detail = ""
            if name == "with":
                hook_seconds.append(sum(data["hooks"].values()))
                page_hook_seconds.append(sum(data["hooks"].values()) - data["summary_code"])
                for hook, value in data["hooks"].items():
                    hooks.setdefault(hook, []).append(value)
                if data["summary_found"]:
                    summaries.append(data)
                highlighted = (data["highlighted"], data["samples"])
                warnings += data["warnings"]
                first_warnings = first_warnings or data["first_warnings"]
                detail = "; hooks " + ", ".join(
                    f"{hook} {value * 1000:.0f} ms" for hook, value in sorted(data["hooks"].items())
                )
            cpu, elapsed = data["seconds"], data["wall"]
            peak = data["peak_mb"]
            say(f"  run {run + 1}: {name:<21} {cpu:6.2f} s CPU (wall {elapsed:.2f} s, {peak:.0f} MB{detail})")
    summary = None
    if summaries:
        summary = {
            "seconds": statistics.median(d["summary_code"] + d["summary_page"] for d in summaries),
            "code_seconds": statistics.median(d["summary_code"] for d in summaries),
            "page_seconds": statistics.median(d["summary_page"] for d in summaries),
            "bytes": summaries[-1]["summary_bytes"],
        }
    return SizeResult(
        count,
        runs,
        mean_bytes,
        seconds,
        wall,
        hook_seconds,
        {hook: statistics.median(values) for hook, values in hooks.items()},
        summary,
        warnings,
        first_warnings,
        page_hook_seconds,
        peak_mb,
        highlighted,
    )


SERVE_REBUILDS = 3  # edit-and-rebuild rounds of the serve measurement (its median is reported)


def measure_serve(workdir: Path, count: int, rebuilds: int = SERVE_REBUILDS) -> dict[str, Any]:
    """A serve build, then `rebuilds` rebuilds, each after editing one more page (spread out)."""
    root = workdir / f"n{count}"
    pages = sorted((root / "docs" / "compare").glob("*.md"))
    edited = [str(pages[(index + 1) * len(pages) // (rebuilds + 1)]) for index in range(rebuilds)]
    config, out = str(root / "mkdocs-with.yml"), str(root / "out.json")
    return run_worker(workdir, "serve", config, os.pathsep.join(edited), out)
