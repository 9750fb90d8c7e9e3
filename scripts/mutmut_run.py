"""mutmut with the settings of scripts/mutation.py (which runs it: not meant to be run by hand).

    python scripts/mutmut_run.py run --max-children 2

Set here, in mutmut's own process, because pyproject.toml cannot say them:
- only the modules in MKDOCS_COMPARE_MUTATE (a JSON list) are mutated (`only_mutate`);
- the budget plugin (scripts/mutation_budget.py) is loaded into every test run;
- a mutant's tests run in two pytest sessions: the fastest few first (the focused unit tests,
  a small collection), the rest only if those all pass. The same tests run, fastest first and
  stopping at the first failure, as mutmut runs them in one session; a kill by a unit test
  then costs no collection of the site-building tests;
- the "clean" run of every test before the mutants is skipped: mutmut's stats run has just
  run the same tests on the same unmutated code and stops when any fails;
- the time a mutant may take before it counts as an endless loop (a *timeout*, which mutmut
  counts as killed) is five times what its tests took in the stats run (plus 5 s for pytest's
  start), its tests being cut at the budget: an endless loop costs minutes, not an hour.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any

from mutmut import configuration
from mutmut.runners import harness
from mutmut.state import state
from mutmut.workers import isolation

# The first session: the fastest tests, up to this many and this many seconds (stats timings).
FIRST_TESTS = 40
FIRST_SECONDS = 1.0

cfg = configuration.config()
cfg.only_mutate = json.loads(os.environ["MKDOCS_COMPARE_MUTATE"])
cfg.pytest_add_cli_args = [*cfg.pytest_add_cli_args, "-p", "mutation_budget"]
cfg.timeout_multiplier = 5.0
cfg.timeout_constant = 5.0
BUDGET = float(os.environ.get("MKDOCS_COMPARE_BUDGET") or 0)

_run_tests = harness.PytestRunner.run_tests


def _run_tests_fast_first(self: harness.PytestRunner, *, mutant_name: str | None, tests: Any) -> int:
    tests = list(tests)
    if not mutant_name or len(tests) <= 1:
        return _run_tests(self, mutant_name=mutant_name, tests=tests)
    durations = state().duration_by_test
    tests.sort(key=lambda test: durations.get(test, 0.0))
    first, spent, most = 0, 0.0, min(FIRST_TESTS, len(tests) - 1)
    while first < most and spent + durations.get(tests[first], 0.0) <= FIRST_SECONDS:
        spent += durations.get(tests[first], 0.0)
        first += 1
    if first:
        exit_code = _run_tests(self, mutant_name=mutant_name, tests=tests[:first])
        if exit_code != 0:
            return exit_code
    return _run_tests(self, mutant_name=mutant_name, tests=tests[first:])


harness.PytestRunner.run_tests = _run_tests_fast_first  # type: ignore[method-assign]
isolation.ForkRunner.run_clean_tests = lambda self, tests: 0  # type: ignore[method-assign]
_submit = isolation.ForkRunner.submit


def _submit_bounded(
    self: isolation.ForkRunner, mutant_name: str, tests: list[str], cpu: int, estimated: float
) -> None:
    """With a budget, a mutant's tests run at most the budget plus its slowest test."""
    if BUDGET > 0 and tests:
        slowest = max(state().duration_by_test.get(test, 0.0) for test in tests)
        estimated = min(estimated, BUDGET + slowest)
    _submit(self, mutant_name, tests, cpu, estimated)


isolation.ForkRunner.submit = _submit_bounded  # type: ignore[method-assign]

from mutmut.__main__ import cli  # noqa: E402  (after the settings: it reads them at import)


def show_many(names: list[str]) -> None:
    """`mutmut show` for many mutants in one process (one process each takes a second)."""
    from mutmut.mutation.diff_apply import find_mutant, get_diff_for_mutant
    from mutmut.stats import status_by_exit_code

    for name in names:
        found = find_mutant(name)
        print(f"# {name}: {status_by_exit_code[found.exit_code_by_key[name]]}")
        print(get_diff_for_mutant(name, path=found.path))


if __name__ == "__main__":
    if sys.argv[1:2] == ["show-many"]:
        show_many(sys.argv[2:])
    else:
        cli(sys.argv[1:])
