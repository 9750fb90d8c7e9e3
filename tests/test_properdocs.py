"""properdocs (the maintained MkDocs 1.6 fork) runs the plugin unchanged.

properdocs redirects `mkdocs.*` imports to itself for the whole process, so every build runs
in a child process and never touches this test process's MkDocs.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import write_docs
from exported import Page, Row, render
from portable import EXAMPLE_CONFIG, built_verdicts, example_docs, expected_verdicts, page_html

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("properdocs") is None,
    reason="properdocs is not installed (pip install -e '.[test]' installs it)",
)


def properdocs_build(config_file: Path, site_dir: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    command = [
        sys.executable,
        "-m",
        "properdocs",
        "build",
        "-f",
        str(config_file),
        "-d",
        str(site_dir),
        *extra,
    ]
    return subprocess.run(
        command, cwd=config_file.parent, capture_output=True, text=True, timeout=300, check=False
    )


def _generator(html_file: Path) -> str:
    meta = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser").find(
        "meta", attrs={"name": "generator"}
    )
    return str(meta["content"]) if meta else ""


def test_the_example_site_builds_with_properdocs(tmp_path: Path) -> None:
    docs, _config = example_docs()
    if not docs.is_dir():
        pytest.skip(f"the example site's docs ({docs}) are not present")
    done = properdocs_build(EXAMPLE_CONFIG, tmp_path / "site")
    assert done.returncode == 0, done.stderr
    compared = 0
    for source in sorted(docs.rglob("*.md")):
        path = source.relative_to(docs).as_posix()
        built = page_html(tmp_path / "site", path)
        if not built.exists():
            continue
        assert "ProperDocs" in _generator(built)
        got = built_verdicts(built)
        if got:
            assert got == expected_verdicts(source.read_bytes(), path)
            compared += 1
    assert compared >= 2, "the example site should have comparison pages built by the plugin"


def test_plugin_warnings_and_strict_mode_work_under_properdocs(tmp_path: Path) -> None:
    page = render(Page(rows=[Row("Caching"), Row("", "no", "Unnamed.", "yes", "Still kept.")]))
    write_docs(tmp_path / "docs", {"index.md": "# Home\n", "compare/conveyor.md": page})
    config = {"site_name": "p", "theme": {"name": "material"}, "plugins": ["search", "compare"]}
    (tmp_path / "properdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")

    done = properdocs_build(tmp_path / "properdocs.yml", tmp_path / "site")
    assert done.returncode == 0, done.stderr
    built = page_html(tmp_path / "site", "compare/conveyor.md")
    assert "ProperDocs" in _generator(built)
    assert built_verdicts(built) == expected_verdicts(page, "compare/conveyor.md")
    assert "compare/conveyor.md" in done.stderr and "feature name is empty" in done.stderr

    strict = properdocs_build(tmp_path / "properdocs.yml", tmp_path / "strict-site", "--strict")
    assert strict.returncode != 0 and "feature name is empty" in strict.stderr
