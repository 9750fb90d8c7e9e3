"""Build-speed benchmark: how much slower does mkdocs-compare make a Material build?

    python benchmarks/bench.py                  # N = 100 and 1,000 (about 17 minutes on 2 cores)
    python benchmarks/bench.py --quick          # N = 100 only, 3 runs each (about 1 minute)
    python benchmarks/bench.py --update-readme  # also rewrite the table in README.md

For each N it generates N realistic exported pages (benchmarks/corpus.py), then builds the same
site with and without the plugin (same Material theme, same Markdown extensions; `search` in
both), in rotated order, each build in a fresh Python process, and prints the median CPU times
and their ratio, and the peak memory of each. At the smallest N two more variants (summary page and
exports off; `guess_language: false`) show where the time goes. It also reports the plugin's own time (time
inside its hooks, measured by wrapping them in the worker process), the summary page's
generation time and size at the largest N, a `mkdocs serve` rebuild after editing one page and
how many pages that rebuild parsed again, and HTML parser backends compared on the same pages.

This file is the command line; the pages come from corpus.py, the builds from builds.py (each
run by worker.py in a fresh process), the parser comparison from backends.py, the tables from
report.py.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402
from backends import compare_backends  # noqa: E402
from builds import compile_plugin, measure_serve, measure_size  # noqa: E402
from guess import guess_accuracy  # noqa: E402
from report import README, machine, report, update_readme  # noqa: E402
from worker import worker_build, worker_serve  # noqa: E402


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
    guess = guess_accuracy(counts[-1], args.seed)
    table = report(results, serve, backends, args.quick, guess)
    print(table)
    if args.json:
        sizes = [vars(r) | {"ratio": r.ratio, "ms_per_page": r.ms_per_page} for r in results]
        figures = {"machine": machine(), "sizes": sizes, "serve": serve, "backends": backends, "guess": guess}
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    if args.update_readme:
        update_readme(table, args.readme)
        say(f"updated {args.readme}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
