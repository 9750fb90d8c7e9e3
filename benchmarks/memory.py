"""Where a build's memory goes: tracemalloc snapshots at the plugin's stages of one build.

    python benchmarks/memory.py --pages 1000 --workdir /tmp/somewhere-of-yours
    python benchmarks/memory.py --site /tmp/x/n1000 --variant without   # an existing bench site

Builds one generated site (benchmarks/corpus.py, the configurations of builds.py) in this
process with tracemalloc on, and prints, at each stage, the memory Python holds (traced), its
peak since the last stage, the process's peak resident set, and the lines holding the most (by
file and line; `--top`). Stages: after the pages are parsed (on_files' scan), after the summary
is composed, at the end of on_files, when every page is converted (the first template
rendered: MkDocs converts every page before it writes any; `--until-converted` stops there)
and at on_post_build. Without the plugin only the last two exist. `--dump DIR` keeps each
snapshot, to diff two builds with `--compare A B`. Tracing makes the build about three times
slower; peak RSS here includes tracemalloc's own bookkeeping, so take RSS ratios from
bench.py, not from this.
"""

from __future__ import annotations

import argparse
import contextlib
import linecache
import resource
import sys
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

MB = 1024 * 1024


def _rss() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # MB (Linux counts KiB)


class Stages:
    """Snapshots by stage name, each with the traced memory, its peak and the peak RSS."""

    def __init__(self, top: int, dump: Path | None) -> None:
        self.top, self.dump = top, dump
        self.seen: set[str] = set()

    def take(self, name: str) -> None:
        if name in self.seen:
            return
        self.seen.add(name)
        current, peak = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        snapshot = tracemalloc.take_snapshot().filter_traces(
            [tracemalloc.Filter(False, tracemalloc.__file__), tracemalloc.Filter(False, "<frozen *>")]
        )
        print(f"\n== {name}: traced {current / MB:.1f} MB, peak since last stage {peak / MB:.1f} MB, "
              f"peak RSS {_rss():.0f} MB")  # fmt: skip
        by_file: dict[str, int] = {}
        for stat in snapshot.statistics("filename"):
            by_file[_package(stat.traceback[0].filename)] = (
                by_file.get(_package(stat.traceback[0].filename), 0) + stat.size
            )
        print("   by package: " + ", ".join(
            f"{name} {size / MB:.1f}" for name, size in sorted(by_file.items(), key=lambda i: -i[1])[:8]
        ))  # fmt: skip
        for stat in snapshot.statistics("lineno")[: self.top]:
            frame = stat.traceback[0]
            line = linecache.getline(frame.filename, frame.lineno).strip()[:70]
            print(
                f"   {stat.size / MB:6.2f} MB {stat.count:8d}  {_short(frame.filename)}:{frame.lineno}"
                f"  {line}"
            )
        if self.dump is not None:
            self.dump.mkdir(parents=True, exist_ok=True)
            snapshot.dump(str(self.dump / f"{name}.snapshot"))


def _package(filename: str) -> str:
    for name in (
        "mkdocs_compare",
        "mkdocs",
        "material",
        "markdown",
        "pymdownx",
        "pygments",
        "jinja2",
        "yaml",
    ):
        if f"/{name}/" in filename:
            return name
    return "other"


def _short(filename: str) -> str:
    parts = Path(filename).parts
    return "/".join(parts[-2:])


def _after(owner: Any, name: str, hook: Callable[[], None], before: Callable[[], None] | None = None) -> None:
    original = getattr(owner, name)

    def wrapped(*args: Any, **kw: Any) -> Any:
        if before is not None:
            before()
        result = original(*args, **kw)
        hook()
        return result

    wrapped.__dict__.update(original.__dict__)  # keeps `mkdocs_priority`
    setattr(owner, name, wrapped)


class _Converted(Exception):
    """Raised to end the build once every page is converted (`--until-converted`)."""


def measure(config_file: Path, with_plugin: bool, stages: Stages, until_converted: bool = False) -> None:
    from mkdocs.commands import build as build_module
    from mkdocs.config import load_config

    if with_plugin:
        from mkdocs_compare import plugin as plugin_module

        _after(plugin_module, "scan_pages", lambda: stages.take("parsed"))
        _after(plugin_module, "compose_summary", lambda: stages.take("summary composed"))
        _after(plugin_module.ComparePlugin, "on_files", lambda: stages.take("end of on_files"))
        _after(
            plugin_module.ComparePlugin, "on_post_build", lambda: None, lambda: stages.take("on_post_build")
        )

    def converted() -> None:
        stages.take("every page converted")
        if until_converted:
            raise _Converted

    _after(build_module, "_build_page", lambda: None, converted)
    tracemalloc.start(1)
    config = load_config(str(config_file))
    with contextlib.suppress(_Converted):
        build_module.build(config)
    if not with_plugin and not until_converted:
        stages.take("on_post_build")
    current, _ = tracemalloc.get_traced_memory()
    print(f"\nend: traced {current / MB:.1f} MB, peak RSS {_rss():.0f} MB")


def compare(first: Path, second: Path, top: int) -> None:
    """The lines whose memory differs most between two dumped snapshots (second minus first)."""
    a, b = tracemalloc.Snapshot.load(str(first)), tracemalloc.Snapshot.load(str(second))
    stats = b.compare_to(a, "lineno")
    total = sum(stat.size_diff for stat in stats)
    print(f"{second} minus {first}: {total / MB:+.1f} MB")
    for stat in stats[:top]:
        frame = stat.traceback[0]
        line = linecache.getline(frame.filename, frame.lineno).strip()[:70]
        print(
            f"   {stat.size_diff / MB:+6.2f} MB {stat.count_diff:+8d}  {_short(frame.filename)}"
            f":{frame.lineno}  {line}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pages", type=int, default=1000, help="pages to generate (default 1000)")
    parser.add_argument("--workdir", type=Path, help="where to generate the site (a folder of yours)")
    parser.add_argument("--site", type=Path, help="an existing site of builds.write_site instead")
    parser.add_argument("--variant", default="with", help="the configuration (with, without, ...)")
    parser.add_argument("--top", type=int, default=15, help="lines shown per stage (default 15)")
    parser.add_argument(
        "--until-converted", action="store_true", help="stop once every page is converted (half the time)"
    )
    parser.add_argument("--dump", type=Path, help="keep each stage's snapshot in this folder")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("A", "B"), help="diff two dumps")
    args = parser.parse_args(argv)
    if args.compare:
        compare(*args.compare, args.top)
        return 0
    site = args.site
    if site is None:
        if args.workdir is None:
            parser.error("give --workdir (the site is generated there) or --site")
        from builds import write_site

        site = args.workdir / f"n{args.pages}"
        write_site(site, args.pages, 0)
    stages = Stages(args.top, args.dump)
    measure(site / f"mkdocs-{args.variant}.yml", args.variant != "without", stages, args.until_converted)
    return 0


if __name__ == "__main__":
    sys.exit(main())
