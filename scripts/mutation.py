"""Mutation score of the core modules: how many small bugs the non-browser suite catches.

    python scripts/mutation.py                      # every core module
    python scripts/mutation.py escape urls          # some of them (names or paths)
    python scripts/mutation.py --max-children 2 escape

mutmut (3.x, configured in pyproject.toml's [tool.mutmut]) copies the package into
`mutants/`, makes many one-change variants of each function (a `&` dropped from a table, a
`not` removed, a constant changed) and runs the tests that reach the function against each
one. A variant the tests fail on is *killed*; one they pass on *survives* and is a bug the
suite would let through (or an equivalent rewrite, which the README lists with the reasons).

The core is found anew on every run (`mkdocs_compare/*.py` minus the front ends), so modules
that are split, moved or renamed are picked up. The last line printed is
`mutation score: K/N killed`; the survivors are listed above it, and their diffs are written
to `mutants/survivors.txt`. Everything the run writes is under `mutants/` (git-ignored).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "mkdocs_compare"
WORK = REPO / "mutants"
# The front ends (and the package marker): glue over the core, exercised by the build tests
# but not what a mutation score of the core should count.
GLUE = {"__init__.py", "plugin.py", "config.py", "cli.py"}
_FRONT_END_RE = re.compile(r"^\s*(?:from|import)\s+(?:mkdocs|markdown)\b|^def makeExtension\b", re.M)
# mutmut's statuses that mean the suite noticed the change.
KILLED = {"killed", "timeout", "caught by type check"}


def core_modules() -> list[Path]:
    """The package's core modules: every module but the front ends (which import MkDocs or
    Python-Markdown, or are the Markdown extension's entry point)."""
    modules = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name in GLUE or _FRONT_END_RE.search(path.read_text(encoding="utf-8")):
            continue
        modules.append(path)
    return modules


def resolve(names: list[str]) -> list[Path]:
    """Module names (`escape`, `mkdocs_compare.escape`) or paths, as files of the package."""
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


def mutant_prefix(path: Path) -> str:
    """mutmut names a mutant `package.module.x_function__mutmut_3` (`x_Class_method` for methods)."""
    return ".".join(path.relative_to(REPO).with_suffix("").parts) + "."


def mutmut(*args: str, capture: bool = False) -> subprocess.CompletedProcess[str]:
    # The same examples for every mutant (tests/conftest.py's derandomised profile), so a
    # mutant is never killed, or spared, by the luck of a random draw.
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "HYPOTHESIS_PROFILE": "ci"}
    return subprocess.run(
        [sys.executable, "-m", "mutmut", *args],
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
    parser.add_argument("modules", nargs="*", help="modules to mutate (default: every core module)")
    parser.add_argument("--max-children", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--keep", action="store_true", help="reuse mutants/ from the last run")
    options = parser.parse_args(argv)

    modules = resolve(options.modules) if options.modules else core_modules()
    prefixes = [mutant_prefix(path) for path in modules]
    print("mutating:", ", ".join(str(path.relative_to(REPO)) for path in modules), flush=True)
    started = time.monotonic()
    if WORK.exists() and not options.keep:
        shutil.rmtree(WORK)  # mutmut keeps copies it does not refresh: start from the sources
    done = mutmut("run", "--max-children", str(options.max_children), *(p + "*" for p in prefixes))
    if done.returncode != 0:
        print(f"mutmut run failed (exit status {done.returncode})", file=sys.stderr)
        return done.returncode

    listing = mutmut("results", "--all", "true", capture=True)
    statuses: dict[str, str] = {}
    for line in listing.stdout.splitlines():
        name, sep, status = line.strip().rpartition(": ")
        if sep and name.startswith(tuple(prefixes)):
            statuses[name] = status
    survivors = sorted(name for name, status in statuses.items() if status not in KILLED)
    killed = len(statuses) - len(survivors)
    with (WORK / "survivors.txt").open("w", encoding="utf-8") as out:
        for name in survivors:
            out.write(mutmut("show", name, capture=True).stdout + "\n")
    for name in survivors:
        print(f"survived: {name} ({statuses[name]})")
    minutes = (time.monotonic() - started) / 60
    print(f"{len(statuses)} mutants in {minutes:.1f} minutes; the survivors' diffs: mutants/survivors.txt")
    print(f"mutation score: {killed}/{len(statuses)} killed")
    return 0 if statuses else 1


if __name__ == "__main__":
    sys.exit(main())
