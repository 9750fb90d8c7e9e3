"""Build-speed benchmark: how much slower does mkdocs-compare make a Material build?

    python benchmarks/bench.py                  # N = 100 and 1,000 (about 17 minutes on 2 cores)
    python benchmarks/bench.py --quick          # N = 100 only, 3 runs each (about 1 minute)
    python benchmarks/bench.py --update-readme  # also rewrite the table in README.md

For each N it generates N realistic exported pages (benchmarks/corpus.py), then builds the same
site with and without the plugin (same Material theme, same Markdown extensions; `search` in
both), in rotated order, each build in a fresh Python process, and prints the median CPU times
and their ratio. At the smallest N two more variants (summary page and exports off; `guess_language`
on) show where the time goes. It also reports the plugin's own time (time
inside its hooks, measured by wrapping them in the worker process), the summary page's
generation time and size at the largest N, a `mkdocs serve` rebuild after editing one page and
how many pages that rebuild parsed again, and HTML parser backends compared on the same pages.
"""

from __future__ import annotations

import argparse
import functools
import inspect
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
README = REPO / "README.md"
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402

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

# Builds are single-threaded: the CPU time of the build process is its build time, minus the
# waiting when other work shares the machine (which made wall-clock ratios swing by 20%).
CLOCK = time.process_time
TARGET_RATIO = 1.15
TARGET_MS_PER_PAGE = 1.0
TARGET_SUMMARY_SECONDS = 1.0
TARGET_SUMMARY_BYTES = 2_000_000
README_START = "<!-- bench:start -->"
README_END = "<!-- bench:end -->"


# ---------------------------------------------------------------------------------------------
# The worker: one build (or one serve emulation) in a fresh process, results as JSON on disk.
# ---------------------------------------------------------------------------------------------
@dataclass
class Timers:
    """Seconds spent in the plugin's hooks, in its summary code, and on the summary page."""

    hooks: dict[str, float] = field(default_factory=dict)
    summary_code: float = 0.0
    summary_page: float = 0.0
    summary_pages: list[Any] = field(default_factory=list)
    _summary_depth: int = 0
    _in_summary_page: bool = False

    def hook_total(self) -> float:
        return sum(self.hooks.values())


def _install_timers() -> Timers:
    """Wrap the plugin's hooks (and summary code, if any) with timers, in this process only."""
    from mkdocs.commands import build as build_module

    from mkdocs_compare import plugin as plugin_module

    timers = Timers()
    plugin_class = plugin_module.ComparePlugin
    hook_names = {
        name
        for klass in plugin_class.__mro__
        if klass.__module__.startswith("mkdocs_compare")
        for name, value in vars(klass).items()
        if name.startswith("on_") and callable(value)
    }
    for name in hook_names:
        original = getattr(plugin_class, name)

        def timed_hook(self: Any, *args: Any, _original: Any = original, _name: str = name, **kw: Any) -> Any:
            start = CLOCK()
            try:
                return _original(self, *args, **kw)
            finally:
                timers.hooks[_name] = timers.hooks.get(_name, 0.0) + CLOCK() - start

        functools.update_wrapper(timed_hook, original)  # keeps `mkdocs_priority`
        setattr(plugin_class, name, timed_hook)

    # Summary code called from the plugin module: outermost calls only, so nesting is not counted
    # twice, and not while MkDocs is already being timed on the summary page itself.
    for name, value in list(vars(plugin_module).items()):
        if callable(value) and getattr(value, "__module__", "").startswith("mkdocs_compare.summary"):
            if isinstance(value, type):
                for method_name, method in list(vars(value).items()):
                    if inspect.isfunction(method) and not method_name.startswith("__"):
                        setattr(value, method_name, _timed_summary(method, timers))
            else:
                setattr(plugin_module, name, _timed_summary(value, timers))

    # The summary page through MkDocs (Markdown -> HTML, theme template, write).
    for function_name in ("_populate_page", "_build_page"):
        original_step = getattr(build_module, function_name)

        def timed_step(page: Any, *args: Any, _original: Any = original_step, **kw: Any) -> Any:
            if not _is_summary_page(page):
                return _original(page, *args, **kw)
            if page not in timers.summary_pages:
                timers.summary_pages.append(page)
            start = CLOCK()
            timers._in_summary_page = True
            try:
                return _original(page, *args, **kw)
            finally:
                timers._in_summary_page = False
                timers.summary_page += CLOCK() - start

        setattr(build_module, function_name, timed_step)
    return timers


def _timed_summary(function: Any, timers: Timers) -> Any:
    @functools.wraps(function)
    def timed(*args: Any, **kw: Any) -> Any:
        if timers._summary_depth or timers._in_summary_page:
            return function(*args, **kw)
        timers._summary_depth += 1
        start = CLOCK()
        try:
            return function(*args, **kw)
        finally:
            timers._summary_depth -= 1
            timers.summary_code += CLOCK() - start

    return timed


def _is_summary_page(page: Any) -> bool:
    """The summary is the page the compare plugin generated (File.generated records who)."""
    file = getattr(page, "file", None)
    return bool(file is not None and getattr(file, "generated_by", None) == "compare")


def _summary_bytes(timers: Timers) -> int:
    total = 0
    for page in timers.summary_pages:
        path = Path(page.file.abs_dest_path)
        if path.exists():
            total += path.stat().st_size
    return total


def _plugin(config: Any) -> Any:
    return config.plugins.get("compare") if "compare" in config.plugins else None


def _misses(config: Any) -> int | None:
    plugin = _plugin(config)
    cache = getattr(plugin, "cache", None)
    return getattr(cache, "misses", None)


class _CountWarnings:
    """Counts WARNING records of the build, as a sanity check (generated pages are clean)."""

    def __init__(self) -> None:
        import logging

        self.count = 0
        self.first: list[str] = []
        counter = self

        class Handler(logging.Handler):
            def emit(self, record: logging.LogRecord) -> None:
                counter.count += 1
                if len(counter.first) < 3:
                    counter.first.append(record.getMessage())

        handler = Handler(logging.WARNING)
        logging.getLogger("mkdocs").addHandler(handler)


def worker_build(config_file: str, with_plugin: bool) -> dict[str, Any]:
    """One `mkdocs build` through the Python API; time from plugin import to the end."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    warnings = _CountWarnings()
    start, wall_start = CLOCK(), time.perf_counter()
    timers = _install_timers() if with_plugin else Timers()
    config = load_config(config_file)
    build(config)
    seconds, wall = CLOCK() - start, time.perf_counter() - wall_start
    return {
        "seconds": seconds,
        "wall": wall,
        "hooks": timers.hooks,
        "summary_code": timers.summary_code,
        "summary_page": timers.summary_page,
        "summary_found": bool(timers.summary_pages),
        "summary_bytes": _summary_bytes(timers),
        "parsed": _misses(config),
        "warnings": warnings.count,
        "first_warnings": warnings.first,
    }


def worker_serve(config_file: str, edit: str) -> dict[str, Any]:
    """What `mkdocs serve` does (mkdocs.commands.serve): a build, then a rebuild after an edit.

    The config is loaded again for the rebuild, as serve does; the plugin object survives it
    through MkDocs' plugin cache (the plugin defines on_startup), and with it the parse cache.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    timers = _install_timers()
    site_dir = str(Path(config_file).parent / "site-serve")

    def get_config() -> Any:
        config = load_config(config_file, site_dir=site_dir)
        config.site_url = "http://127.0.0.1:8000/"
        return config

    config = get_config()
    config.plugins.on_startup(command="serve", dirty=False)
    start = CLOCK()
    build(config, serve_url="http://127.0.0.1:8000/", dirty=False)
    first = CLOCK() - start
    plugin_before, misses_before = _plugin(config), _misses(config) or 0
    hooks_before = timers.hook_total()

    path = Path(edit)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"tooltiptext">', '"tooltiptext">Edited while serving. ', 1), "utf-8")
    try:
        start = CLOCK()
        config = get_config()
        build(config, serve_url="http://127.0.0.1:8000/", dirty=False)
        rebuild = CLOCK() - start
    finally:
        path.write_text(text, encoding="utf-8")
    return {
        "first_build": first,
        "rebuild": rebuild,
        "same_plugin_object": _plugin(config) is plugin_before,
        "parsed_first": misses_before,
        "parsed_rebuild": (_misses(config) or 0) - misses_before,
        "hooks_rebuild": timers.hook_total() - hooks_before,
    }


# ---------------------------------------------------------------------------------------------
# The driver.
# ---------------------------------------------------------------------------------------------
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
    "guess-language": (
        "with the plugin and `guess_language: true` (samples without a language highlighted)",
        ["search", {"compare": {"guess_language": True}}],
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
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", *args]
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
            detail = ""
            if name == "with":
                hook_seconds.append(sum(data["hooks"].values()))
                page_hook_seconds.append(sum(data["hooks"].values()) - data["summary_code"])
                for hook, value in data["hooks"].items():
                    hooks.setdefault(hook, []).append(value)
                if data["summary_found"]:
                    summaries.append(data)
                warnings += data["warnings"]
                first_warnings = first_warnings or data["first_warnings"]
                detail = "; hooks " + ", ".join(
                    f"{hook} {value * 1000:.0f} ms" for hook, value in sorted(data["hooks"].items())
                )
            cpu, elapsed = data["seconds"], data["wall"]
            say(f"  run {run + 1}: {name:<21} {cpu:6.2f} s CPU (wall {elapsed:.2f} s{detail})")
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
    )


def measure_serve(workdir: Path, count: int) -> dict[str, Any]:
    root = workdir / f"n{count}"
    edited = sorted((root / "docs" / "compare").glob("*.md"))[count // 2]
    return run_worker(workdir, "serve", str(root / "mkdocs-with.yml"), str(edited), str(root / "out.json"))


# ---------------------------------------------------------------------------------------------
# Parser backends on the same generated pages: the measurement behind the table readers' choice.
# ---------------------------------------------------------------------------------------------
Rows = list[tuple[str, str, str, str, str]]


def _norm(text: str) -> str:
    return " ".join(text.split())


def _table_fragment(body: str) -> str:
    start = body.find("<table")
    end = body.find("</table>", start)
    return body[start : end + len("</table>")]


def _rows_bs4(fragment: str, features: str) -> Rows:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(fragment, features)
    rows: Rows = []
    for tr in soup.find_all("tr"):
        cells = tr.find_all(["td", "th"], recursive=False)
        if len(cells) < 3:
            continue
        found: list[str] = [_norm(cells[0].get_text(" "))]
        for cell in cells[1:3]:
            icon = cell.find("span", class_="icon")
            note = cell.find("span", class_="tooltiptext")
            verdicts = [c for c in (icon.get("class") or []) if c != "icon"] if icon else []
            found += [verdicts[0] if verdicts else "", _norm(note.get_text(" ")) if note else ""]
        rows.append((found[0], found[1], found[2], found[3], found[4]))
    return rows


def _rows_stdlib(fragment: str) -> Rows:
    from html.parser import HTMLParser

    class Extract(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.rows: list[list[str]] = []
            self.cells: list[list[str]] = []
            self.in_note = False

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            classes = (dict(attrs).get("class") or "").split()
            if tag == "tr":
                self.cells = []
                self.rows.append([])
            elif tag == "td":
                self.cells.append(["", "", ""])  # text, verdict, note
            elif tag == "span" and self.cells:
                if "tooltiptext" in classes:
                    self.in_note = True
                elif "icon" in classes:
                    self.cells[-1][1] = next((c for c in classes if c != "icon"), "")

        def handle_endtag(self, tag: str) -> None:
            if tag == "span":
                self.in_note = False
            elif tag == "tr" and self.rows:
                self.rows[-1] = [part for cell in self.cells for part in cell]

        def handle_data(self, data: str) -> None:
            if self.cells:
                self.cells[-1][2 if self.in_note else 0] += data

    parser = Extract()
    parser.feed(fragment)
    parser.close()
    return [(_norm(r[0]), r[4], _norm(r[5]), r[7], _norm(r[8])) for r in parser.rows if len(r) >= 9]


def _rows_ours(text: str) -> Rows:
    from mkdocs_compare.parse import parse_comparison

    result = parse_comparison(text, "page.md")
    assert result.comparison is not None
    return [
        (f.name, f.product.verdict.value, f.product.note, f.tool.verdict.value, f.tool.note)
        for f in result.comparison.features
    ]


def _rows_table_reader(fragment: str) -> Rows:
    from mkdocs_compare.table import read_table

    table = read_table(fragment, 1, lambda *args, **kwargs: None)
    return [
        (f.name, f.product.verdict.value, f.product.note, f.tool.verdict.value, f.tool.note)
        for f in table.features
    ]


def compare_backends(pages: list[str], repeat: int = 3) -> list[dict[str, Any]]:
    """Per-page time of each way of reading the feature table, and whether it agrees with ours."""
    from mkdocs_compare.parse import split_front_matter
    from mkdocs_compare.render import Renderer

    bodies = [split_front_matter(text)[1] for text in pages]
    fragments = [_table_fragment(body) for body in bodies]
    expected = [_rows_ours(text) for text in pages]
    renderer = Renderer()
    from mkdocs_compare.parse import parse_comparison

    comparisons = [parse_comparison(text, "page.md").comparison for text in pages]
    candidates: list[tuple[str, Callable[[int], Any], bool]] = [
        (
            "mkdocs-compare: whole page (front matter, table, code, list)",
            lambda i: _rows_ours(pages[i]),
            True,
        ),
        (
            "mkdocs-compare: table fragment alone (expat; html.parser if not well-formed)",
            lambda i: _rows_table_reader(fragments[i]),
            True,
        ),
        ("stdlib html.parser, table fragment", lambda i: _rows_stdlib(fragments[i]), True),
        (
            "BeautifulSoup + html.parser, table fragment",
            lambda i: _rows_bs4(fragments[i], "html.parser"),
            True,
        ),
        ("BeautifulSoup + lxml, table fragment", lambda i: _rows_bs4(fragments[i], "lxml"), True),
        ("BeautifulSoup + html.parser, whole body", lambda i: _rows_bs4(bodies[i], "html.parser"), True),
        (
            "mkdocs-compare: render one page to Markdown (for scale)",
            lambda i: renderer.render_page(comparisons[i]),  # type: ignore[arg-type]
            False,
        ),
    ]
    results = []
    for label, function, check in candidates:
        try:
            outputs = [function(i) for i in range(len(pages))]
        except Exception as error:  # a missing backend (lxml, bs4) is reported, not fatal
            results.append(
                {"backend": label, "ms": None, "agrees": None, "error": str(error)[:80], "pages": len(pages)}
            )
            continue
        timings = []
        for _ in range(repeat):
            start = CLOCK()
            for i in range(len(pages)):
                function(i)
            timings.append((CLOCK() - start) / len(pages) * 1000)
        agrees = all(
            [tuple(_norm(x) for x in row) for row in out] == [tuple(_norm(x) for x in row) for row in want]
            for out, want in zip(outputs, expected, strict=True)
        )
        results.append(
            {"backend": label, "ms": min(timings), "agrees": agrees if check else None, "pages": len(pages)}
        )
    return results


# ---------------------------------------------------------------------------------------------
# Report.
# ---------------------------------------------------------------------------------------------
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
    largest = sizes[-1]
    lines += ["", "| figure | value | target | result |", "| --- | ---: | --- | --- |"]
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
    if backends:
        lines += [
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
    return "\n".join(lines)


def update_readme(table: str, readme: Path = README) -> None:
    text = readme.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(README_START) + r".*?" + re.escape(README_END), re.S)
    if not pattern.search(text):
        raise SystemExit(f"{readme}: markers {README_START} … {README_END} not found")
    replacement = f"{README_START}\n{table}\n{README_END}"
    readme.write_text(pattern.sub(lambda _: replacement, text, count=1), encoding="utf-8")


@contextmanager
def _stage(say: Callable[[str], None], label: str) -> Iterator[None]:
    start = time.perf_counter()
    yield
    say(f"{label}: {time.perf_counter() - start:.0f} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", help="comma-separated page counts (default 100,1000; --quick: 100)")
    parser.add_argument("--runs", type=int, help="runs of each variant at N < 1000 (default 9; --quick: 3)")
    parser.add_argument("--runs-large", type=int, help="runs of each variant at N >= 1000 (default 5)")
    parser.add_argument("--quick", action="store_true", help="N = 100 only, 3 runs of each variant")
    parser.add_argument("--no-serve", action="store_true", help="skip the serve-rebuild measurement")
    parser.add_argument("--no-backends", action="store_true", help="skip the parser backend comparison")
    parser.add_argument(
        "--no-attribution", action="store_true", help="skip the two extra variants at the smallest N"
    )
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    parser.add_argument("--workdir", type=Path, default=HERE / "results", help="where sites are built")
    parser.add_argument("--json", type=Path, help="also write the raw figures to this file")
    parser.add_argument("--update-readme", action="store_true", help="put the table into README.md")
    parser.add_argument("--readme", type=Path, default=README, help=argparse.SUPPRESS)
    parser.add_argument("--worker", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.worker:
        mode, config_file, flag, out = args.worker
        data = worker_build(config_file, flag == "1") if mode == "build" else worker_serve(config_file, flag)
        Path(out).write_text(json.dumps(data), encoding="utf-8")
        return 0

    # --quick changes the defaults only: explicit --sizes/--runs still win.
    args.sizes = args.sizes or ("100" if args.quick else "100,1000")
    args.runs = args.runs or (3 if args.quick else 9)
    args.runs_large = args.runs_large or (2 if args.quick else 5)
    counts = sorted({int(value) for value in args.sizes.split(",") if value.strip()})

    def say(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    say(f"machine: {machine()}")
    args.workdir.mkdir(parents=True, exist_ok=True)
    compile_plugin(args.workdir)
    results = []
    for count in counts:
        with _stage(say, f"N={count} builds"):
            runs = args.runs_large if count >= 1000 else args.runs
            attribution = count == counts[0] and not args.no_attribution
            results.append(measure_size(args.workdir, count, max(1, runs), args.seed, say, attribution))
    serve = None
    if not args.no_serve:
        with _stage(say, f"serve rebuild at N={counts[-1]}"):
            serve = measure_serve(args.workdir, counts[-1])
    backends: list[dict[str, Any]] = []
    if not args.no_backends:
        with _stage(say, "parser backends"):
            sample = list(corpus.generate(counts[-1], args.seed).values())[:200]
            backends = compare_backends(sample)
    for result in results:
        if result.warnings:
            count, examples = result.warnings, result.first_warnings
            say(f"note: N={result.count} builds logged {count} warnings, e.g. {examples}")
    if results[-1].summary is None:
        say("summary: not available (no page generated by the plugin in these builds)")
    table = report(results, serve, backends, args.quick)
    print(table)
    if args.json:
        sizes = [vars(r) | {"ratio": r.ratio, "ms_per_page": r.ms_per_page} for r in results]
        figures = {"machine": machine(), "sizes": sizes, "serve": serve, "backends": backends}
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    if args.update_readme:
        update_readme(table, args.readme)
        say(f"updated {args.readme}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
