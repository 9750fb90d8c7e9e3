"""The suite's own set-up: reproducible Hypothesis runs in CI, nothing written into the repo."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import REPO

_PROBE = (
    "import sys; sys.path.insert(0, 'tests'); import conftest; from hypothesis import settings; "
    "from hypothesis.configuration import storage_directory; "
    "print(settings.default.derandomize, settings.default.database, storage_directory().path)"
)


def _profile(**env: str) -> list[str]:
    clean = {k: v for k, v in os.environ.items() if k not in ("CI", "HYPOTHESIS_PROFILE")}
    done = subprocess.run(
        [sys.executable, "-c", _PROBE],
        cwd=REPO,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.split()


def test_hypothesis_is_derandomised_and_keeps_no_database_in_ci() -> None:
    derandomize, database, home = _profile(CI="true")
    assert derandomize == "True" and database == "None"
    assert REPO not in Path(home).parents


def test_hypothesis_keeps_its_files_outside_the_repository() -> None:
    derandomize, *database, home = _profile()
    assert derandomize == "False"
    assert str(REPO) not in " ".join(database) and REPO not in Path(home).parents
