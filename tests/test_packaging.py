"""The package as users get it: `python -m build`, `twine check`, a wheel installed into a fresh
virtual environment, and a site built with that install alone.

Slow (a build, a venv and an install, once per session): deselect with `-m "not packaging"`.
The venv's pip installs the wheel's dependencies from the configured index.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import REPO
from exported import Page, Row, render

pytestmark = pytest.mark.packaging

PACKAGE = REPO / "mkdocs_compare"
ROWS = [
    Row("Workflow Orchestration", "yes", "Runs DAGs anywhere.", "no", "One scheduler only."),
    Row("Caching", "no", "Planned.", "yes", "Content-addressed."),
]


def _run(command: list[str], cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run outside this checkout's environment: no PYTHONPATH, no activated venv."""
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, f"{' '.join(command)}\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}"
    return done


@pytest.fixture(scope="session")
def dist(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A wheel and an sdist built from this checkout, as `python -m build` makes them."""
    out = tmp_path_factory.mktemp("dist")
    _run([sys.executable, "-m", "build", "--outdir", str(out), str(REPO)])
    (wheel,) = out.glob("*.whl")
    (sdist,) = out.glob("*.tar.gz")
    return {"wheel": wheel, "sdist": sdist}


@pytest.fixture(scope="session")
def venv(dist: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with the wheel (and its dependencies) installed."""
    root = tmp_path_factory.mktemp("venv")
    _run([sys.executable, "-m", "venv", str(root)])
    _run([str(root / "bin" / "python"), "-m", "pip", "install", "-q", str(dist["wheel"])])
    return root


def _package_files() -> set[str]:
    """The files of the package in this checkout (sources and data), as wheel paths."""
    return {
        path.relative_to(REPO).as_posix()
        for path in PACKAGE.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }


def test_wheel_and_sdist_pass_twine_check(dist: dict[str, Path]) -> None:
    pytest.importorskip("twine", reason="twine is not installed (pip install twine)")
    done = _run([sys.executable, "-m", "twine", "check", "--strict", str(dist["wheel"]), str(dist["sdist"])])
    assert done.stdout.count("PASSED") == 2, done.stdout


def test_wheel_holds_every_module_template_and_asset(dist: dict[str, Path]) -> None:
    with zipfile.ZipFile(dist["wheel"]) as wheel:
        names = set(wheel.namelist())
        (entry_points,) = [name for name in names if name.endswith(".dist-info/entry_points.txt")]
        entry_text = wheel.read(entry_points).decode("utf-8")
    expected = _package_files()
    assert {"mkdocs_compare/py.typed", "mkdocs_compare/templates/summary.md"} <= expected
    assert any(name.startswith("mkdocs_compare/assets/") for name in expected)
    assert expected <= names, sorted(expected - names)
    assert "compare = mkdocs_compare.plugin:ComparePlugin" in entry_text
    assert "mkdocs-compare = mkdocs_compare.cli:main" in entry_text


def test_sdist_holds_the_sources(dist: dict[str, Path]) -> None:
    with tarfile.open(dist["sdist"]) as sdist:
        names = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    assert {"pyproject.toml", "README.md"} <= names
    assert _package_files() <= names, sorted(_package_files() - names)


def test_installed_wheel_builds_a_site_of_exported_pages(venv: Path, tmp_path: Path) -> None:
    docs = tmp_path / "docs" / "compare"
    docs.mkdir(parents=True)
    (docs / "conveyor.md").write_text(render(Page(rows=ROWS)), encoding="utf-8")
    (docs / "hopper.md").write_text(render(Page(tool="Hopper", slug="lattice-vs-hopper")), encoding="utf-8")
    (tmp_path / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    config = {"site_name": "Installed", "theme": {"name": "material"}, "plugins": ["search", "compare"]}
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    python = str(venv / "bin" / "python")
    where = _run([python, "-c", "import mkdocs_compare; print(mkdocs_compare.__file__)"], cwd=tmp_path)
    location = Path(where.stdout.strip())
    assert location.is_relative_to(venv) and not location.is_relative_to(PACKAGE)  # the install
    _run([str(venv / "bin" / "mkdocs"), "build", "--strict", "-q"], cwd=tmp_path)

    soup = BeautifulSoup((tmp_path / "site/compare/conveyor/index.html").read_text("utf-8"), "html.parser")
    rows = soup.select(".compare-grid__row")
    assert [row.select_one(".compare-grid__feature").get_text() for row in rows] == [r.name for r in ROWS]
    for row, source in zip(rows, ROWS, strict=True):
        titles = [title.get_text() for title in row.select(".admonition-title")]
        assert titles == [
            f"Lattice: {source.product_verdict.capitalize()}",
            f"Conveyor: {source.tool_verdict.capitalize()}",
        ]
    css = tmp_path / "site/assets/mkdocs-compare/compare.css"
    assert css.read_bytes() == (PACKAGE / "assets/compare.css").read_bytes()  # package data shipped
    summary = BeautifulSoup((tmp_path / "site/compare/index.html").read_text("utf-8"), "html.parser")
    assert summary.select(".cmp-matrix") and (tmp_path / "site/compare/comparisons.json").is_file()
    _run([str(venv / "bin" / "mkdocs-compare"), "check", "docs"], cwd=tmp_path)
