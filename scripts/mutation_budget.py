"""pytest plugin for scripts/mutation.py only: a time budget per mutant, and a record of it.

A mutant no test kills runs every test that reaches its function, and the site-building tests
reach nearly every function: minutes per survivor. With a budget of B seconds, no new test is
started once a mutant's tests have used B seconds (fastest tests first, so the unit tests have
all run). Seconds of CPU time, not of the clock: the machine is shared, and the same tests
must run for a mutant however busy it is. The mutant then counts as *survived*, never as
killed, and is recorded in MKDOCS_COMPARE_BUDGET_DIR with how many of its tests were left, so
the report can say so. The budget can only lower the score: it never turns a surviving mutant
into a killed one.

Loaded with `-p mutation_budget` by scripts/mutation.py; inert unless a mutant is under test.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

# mutmut's own phases (stats, the clean run, the forced failure), which are never cut short.
_NOT_A_MUTANT = {"", "stats", "fail", "list_all_tests", "mutant_generation"}


class _Budget:
    def __init__(self, seconds: float, folder: Path, mutant: str) -> None:
        self.seconds = seconds
        self.folder = folder
        self.mutant = mutant
        self.left = 0

    @pytest.hookimpl(trylast=True)
    def pytest_collection_modifyitems(self, items: list[pytest.Item]) -> None:
        self.left = len(items)

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_protocol(self, item: pytest.Item) -> None:
        # CPU time of this process, which mutmut forked for the mutant: all its tests so far.
        spent = time.process_time()
        if spent > self.seconds:
            self.folder.mkdir(parents=True, exist_ok=True)
            note = f"cut after {spent:.0f} s of CPU, none failed; {self.left} tests not run\n"
            (self.folder / self.mutant).write_text(note, encoding="utf-8")
            # Exit status 0, as when every test passed: mutmut records the mutant as survived.
            pytest.exit(f"mutation budget of {self.seconds:g} s of CPU spent", returncode=0)
        self.left -= 1


def pytest_configure(config: pytest.Config) -> None:
    mutant = os.environ.get("MUTANT_UNDER_TEST", "")
    seconds = float(os.environ.get("MKDOCS_COMPARE_BUDGET") or 0)
    folder = os.environ.get("MKDOCS_COMPARE_BUDGET_DIR")
    if mutant in _NOT_A_MUTANT or seconds <= 0 or not folder:
        return
    config.pluginmanager.register(_Budget(seconds, Path(folder), mutant), "mutation-budget")
