"""Mutation score of the core modules: how many small bugs the non-browser suite catches.

    python scripts/mutation.py                      # the core modules (CORE below)
    python scripts/mutation.py escape urls          # some modules (names or paths)
    python scripts/mutation.py --budget 0           # no time budget per mutant
    python scripts/mutation.py --report             # report on mutants/ (a stopped run's too)

mutmut (3.x, configured in pyproject.toml's [tool.mutmut]) copies the package into
`mutants/`, makes many one-change variants of each function of the chosen modules (a `not`
removed, a constant changed, a call dropped) and runs the tests that reach the function
against each one, fastest first, stopping at the first failure. A variant the tests fail on is
*killed*; one they pass on *survives* and is a bug the suite would let through (or an
equivalent rewrite, which the README lists with the reasons).

scripts/mutmut_run.py runs mutmut with what pyproject.toml cannot say: only the chosen modules
are mutated (every other function runs unwrapped, at full speed), and a mutant's fastest tests
run first in a session of their own. A mutant's tests stop after `--budget` seconds of CPU
(default 2: a mutant that a focused unit test kills dies in well under a second; see
scripts/mutation_budget.py): the mutant then counts as survived, never as killed, and the
report says how many of its tests were left.

The last line printed is `mutation score: K/N killed`; the survivors are listed above it, by
module, and their diffs (with the timeouts', which mutmut counts as killed) are written to
`mutants/survivors.txt`. Everything the run writes is under `mutants/` (git-ignored).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "mkdocs_compare"
WORK = REPO / "mutants"
BUDGET_DIR = WORK / "budget-spent"
# The core the score is of (issue 17): parsing, escaping, URLs, rendering, summary, exports.
CORE = {
    "parsing": ["parse.py", "front_matter.py", "table.py", "table_rows.py"],
    "escaping": ["escape.py"],
    "URLs": ["urls.py"],
    "rendering": ["render.py", "grid.py"],
    "summary": ["summary/*.py"],
    "exports": ["exports.py"],
}
# mutmut's statuses that mean the suite noticed the change.
KILLED = {"killed", "timeout", "caught by type check"}


def core_modules() -> list[Path]:
    modules = []
    for area, patterns in CORE.items():
        found = [path for pattern in patterns for path in sorted(PACKAGE.glob(pattern))]
        if not found:
            raise SystemExit(f"mutation.py: no module for {area} ({', '.join(patterns)}): update CORE")
        modules += found
    return modules


def resolve(names: list[str]) -> list[Path]:
    """Module names (`escape`, `mkdocs_compare.summary.build`) or paths, as files of the package."""
    found = []
    for name in names:
        candidates = [
            Path(name),
            REPO / name,
            PACKAGE / name,
            PACKAGE / (name.removeprefix("mkdocs_compare.").replace(".", "/") + ".py"),
        ]
        path = next((c.resolve() for c in candidates if c.is_file() and c.suffix == ".py"), None)
        if path is None or PACKAGE not in path.parents:
            raise SystemExit(f"mutation.py: no module {name!r} in {PACKAGE.relative_to(REPO)}/")
        found.append(path)
    return found


def module_of(mutant: str) -> str:
    """`mkdocs_compare.escape.x_safe_url__mutmut_3` -> `mkdocs_compare.escape`."""
    return mutant.rsplit(".", 1)[0]


def mutmut(
    modules: list[Path], budget: float, *args: str, capture: bool = False
) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PYTHONDONTWRITEBYTECODE": "1",
        # The same examples for every mutant (tests/conftest.py's derandomised profile), so a
        # mutant is never killed, or spared, by the luck of a random draw.
        "HYPOTHESIS_PROFILE": "ci",
        "MKDOCS_COMPARE_MUTATE": json.dumps([str(p.relative_to(REPO)) for p in modules]),
        "MKDOCS_COMPARE_BUDGET": str(budget),
        "MKDOCS_COMPARE_BUDGET_DIR": str(BUDGET_DIR),
        # Where `-p mutation_budget` finds the budget plugin.
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO / "scripts"), os.environ.get("PYTHONPATH")])),
    }
    return subprocess.run(
        [sys.executable, str(REPO / "scripts" / "mutmut_run.py"), *args],
        cwd=REPO,
        env=env,
        text=True,
        capture_output=capture,
        check=False,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("modules", nargs="*", help="modules to mutate (default: the core, CORE)")
    parser.add_argument("--max-children", type=int, default=os.cpu_count() or 2)
    parser.add_argument(
        "--budget", type=float, default=2.0, help="seconds of CPU for the tests of a mutant (0: no limit)"
    )
    parser.add_argument(
        "--report", action="store_true", help="only report on mutants/ as a run (finished or stopped) left it"
    )
    options = parser.parse_args(argv)

    modules = resolve(options.modules) if options.modules else core_modules()
    run = lambda *args, capture=False: mutmut(modules, options.budget, *args, capture=capture)  # noqa: E731
    print("mutating:", ", ".join(str(path.relative_to(REPO)) for path in modules), flush=True)
    started = time.monotonic()
    if not options.report:
        if WORK.exists():
            shutil.rmtree(WORK)  # mutmut keeps copies and results it does not refresh: start afresh
        done = run("run", "--max-children", str(options.max_children))
        if done.returncode != 0:
            print(f"mutmut run failed (exit status {done.returncode})", file=sys.stderr)
            return done.returncode

    listing = run("results", "--all", "true", capture=True)
    statuses: dict[str, str] = {}
    for line in listing.stdout.splitlines():
        name, sep, status = line.strip().rpartition(": ")
        if sep:
            statuses[name] = status
    # Mutants a stopped run (Ctrl-C) did not reach are left out of the score, and counted here.
    unchecked = [name for name, status in statuses.items() if status == "not checked"]
    for name in unchecked:
        del statuses[name]
    survivors = sorted(name for name, status in statuses.items() if status not in KILLED)
    timeouts = sorted(name for name, status in statuses.items() if status == "timeout")
    by_module: dict[str, list[str]] = defaultdict(list)
    for name in survivors:
        by_module[module_of(name)].append(name)
    diffs = _diffs(run("show-many", *survivors, *timeouts, capture=True).stdout)
    with (WORK / "survivors.txt").open("w", encoding="utf-8") as out:
        for module, names in sorted(by_module.items()):
            out.write(f"## {module}: {len(names)} survived\n\n")
            for name in names:
                out.write(diffs.get(name, f"# {name}\n") + _budget_note(name) + "\n")
        if timeouts:
            out.write(f"## {len(timeouts)} timeouts (counted as killed: each must be an endless loop)\n\n")
            for name in timeouts:
                out.write(diffs.get(name, f"# {name}\n") + "\n")
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for name, status in statuses.items():
        counts[module_of(name)][0] += status in KILLED
        counts[module_of(name)][1] += 1
    for _module, names in sorted(by_module.items()):
        for name in names:
            note = _budget_note(name).removeprefix("# budget spent: ").strip()
            print(f"survived: {name} ({statuses[name]}{'; ' + note if note else ''})")
    for name in timeouts:
        print(f"timeout: {name}")
    for module, (killed, total) in sorted(counts.items()):
        print(f"{module}: {killed}/{total} killed")
    killed = len(statuses) - len(survivors)
    minutes = (time.monotonic() - started) / 60
    if unchecked:
        print(f"{len(unchecked)} mutants not checked (the run was stopped before them)")
    print(f"{len(statuses)} mutants in {minutes:.1f} minutes; the survivors' diffs: mutants/survivors.txt")
    print(f"mutation score: {killed}/{len(statuses)} killed")
    return 0 if statuses else 1


def _diffs(text: str) -> dict[str, str]:
    """`show-many`'s output, by mutant: each diff starts with a line `# name: status`."""
    diffs: dict[str, str] = {}
    name = ""
    for line in text.splitlines(keepends=True):
        if line.startswith("# ") and ": " in line:
            name = line[2:].split(": ", 1)[0]
        if name:
            diffs[name] = diffs.get(name, "") + line
    return diffs


def _budget_note(name: str) -> str:
    """What the budget plugin recorded for a mutant it cut short ("" if it ran every test)."""
    note = BUDGET_DIR / name
    return f"# budget spent: {note.read_text(encoding='utf-8')}" if note.is_file() else ""


if __name__ == "__main__":
    sys.exit(main())
