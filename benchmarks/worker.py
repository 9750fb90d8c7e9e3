"""The benchmark's worker: one build (or one serve emulation) in a fresh process.

`bench.py --worker ...` runs this; it wraps the plugin's hooks and summary code with timers
(in this process only) and writes its figures as JSON for the driver (builds.py).
"""

from __future__ import annotations

import functools
import inspect
import os
import resource
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from highlighted import count_highlighted

# Builds are single-threaded: the CPU time of the build process is its build time, minus the
# waiting when other work shares the machine (which made wall-clock ratios swing by 20%).
CLOCK = time.process_time


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
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # MB (Linux counts KiB)
    highlighted, samples = count_highlighted(Path(config.site_dir)) if with_plugin else (0, 0)
    return {
        "seconds": seconds,
        "wall": wall,
        "peak_mb": peak,
        "highlighted": highlighted,
        "samples": samples,
        "hooks": timers.hooks,
        "summary_code": timers.summary_code,
        "summary_page": timers.summary_page,
        "summary_found": bool(timers.summary_pages),
        "summary_bytes": _summary_bytes(timers),
        "parsed": _misses(config),
        "warnings": warnings.count,
        "first_warnings": warnings.first,
    }


def worker_serve(config_file: str, edits: str) -> dict[str, Any]:
    """What `mkdocs serve` does (mkdocs.commands.serve): a build, then a rebuild after each edit.

    `edits` names the pages to edit, separated by os.pathsep: each rebuild follows the edit of
    one more page (a note changed; the earlier edits stay until the end, so each rebuild sees
    exactly one changed page). The figures are those of the median rebuild by plugin time, with
    every rebuild's plugin time beside them (one rebuild alone is at the mercy of a busy machine).
    The config is loaded again for each rebuild, as serve does; the plugin object survives it
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
    first_plugin, parsed_first = _plugin(config), _misses(config) or 0
    originals: dict[Path, str] = {}
    rebuilds: list[dict[str, Any]] = []
    try:
        for edit in edits.split(os.pathsep):
            misses_before, renders_before = _misses(config) or 0, _renders(config)
            hooks_before, detail_before = timers.hook_total(), dict(timers.hooks)
            path = Path(edit)
            text = originals.setdefault(path, path.read_text(encoding="utf-8"))
            edited = text.replace('"tooltiptext">', '"tooltiptext">Edited while serving. ', 1)
            path.write_text(edited, "utf-8")
            start = CLOCK()
            config = get_config()
            build(config, serve_url="http://127.0.0.1:8000/", dirty=False)
            rebuilds.append(
                {
                    "rebuild": CLOCK() - start,
                    "same_plugin_object": _plugin(config) is first_plugin,
                    "parsed_rebuild": (_misses(config) or 0) - misses_before,
                    "hooks_rebuild": timers.hook_total() - hooks_before,
                    "hook_detail_rebuild": {
                        name: value - detail_before.get(name, 0.0) for name, value in timers.hooks.items()
                    },
                    "rendered_rebuild": _renders(config) - renders_before,
                }
            )
    finally:
        for path, text in originals.items():
            path.write_text(text, encoding="utf-8")
    ranked = sorted(rebuilds, key=lambda figures: figures["hooks_rebuild"])
    median = ranked[len(ranked) // 2]
    return {
        "first_build": first,
        "parsed_first": parsed_first,
        **median,
        # Every rebuild must have parsed and rendered one page, in the same plugin object.
        "same_plugin_object": all(r["same_plugin_object"] for r in rebuilds),
        "parsed_rebuild": max(r["parsed_rebuild"] for r in rebuilds),
        "rendered_rebuild": max(r["rendered_rebuild"] for r in rebuilds),
        "hooks_rebuilds": [r["hooks_rebuild"] for r in rebuilds],
    }


def _renders(config: Any) -> int:
    """Pages the plugin rendered afresh so far (its serve page cache counts them)."""
    cache = getattr(getattr(_plugin(config), "served", None), "pages", None)
    return getattr(cache, "renders", 0) if cache is not None else 0
