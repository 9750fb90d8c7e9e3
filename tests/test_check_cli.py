"""`mkdocs-compare check`: the plugin's problems, with file and line, without a build."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from exported import Page, render
from test_bad_input import build_bad_site, copy_bad_site, plugin_warnings

from mkdocs_compare.cli import main

LINE_RE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+): (?P<severity>error|warning|info): (?P<message>.+)$")
# The plugin's form: "compare/x.md:12 (row 3) (field 'slug'): message" (line, row, field optional).
PLUGIN_RE = re.compile(
    r"^(?P<path>[^:( ]+)(?::(?P<line>\d+))?(?: \(row (?P<row>\d+)\))?(?: \(field '(?P<field>[^']+)'\))?: "
    r"(?P<message>.+)$"
)


def run_check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str], str]:
    status = main(["check", *args])
    out, err = capsys.readouterr()
    return status, out.splitlines(), err


def test_reports_every_bad_page_with_path_line_and_exit_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    copy_bad_site(tmp_path, huge=True)
    monkeypatch.chdir(tmp_path)
    status, lines, err = run_check(capsys)  # DOCS_DIR from ./mkdocs.yml (docs)
    assert status == 1
    assert lines and all(LINE_RE.match(line) for line in lines), lines
    paths = {LINE_RE.match(line)["path"] for line in lines}
    for page in sorted((tmp_path / "docs" / "compare").iterdir()):
        # A duplicate is reported on one page of the pair, naming the other.
        assert f"docs/compare/{page.name}" in paths or f"compare/{page.name}" in "\n".join(lines), page.name
    assert "docs/compare/bad-rows.md:20: warning: row 3: row has 4 cells" in "\n".join(lines)
    assert (
        "docs/compare/broken-yaml.md:6: error: field 'headline': front matter is not valid YAML"
        in "\n".join(lines)
    )
    # Duplicates name the field and point at its line in the front matter.
    duplicate = next(line for line in lines if "duplicate slug" in line)
    number = int(LINE_RE.match(duplicate)["line"])
    page = tmp_path / LINE_RE.match(duplicate)["path"]
    assert page.read_text(encoding="utf-8").splitlines()[number - 1].startswith("slug:")
    assert "fail `mkdocs build --strict`" in err
    # Each file's problems together, files by path and a file's by line (the config's first).
    located = [(m["path"], int(m["line"])) for m in map(LINE_RE.match, lines)]
    docs = [where for where in located if where[0].startswith("docs/")]
    assert located[len(located) - len(docs) :] == docs
    assert docs == sorted(docs)


def test_check_reports_what_the_plugin_logs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    site = build_bad_site(tmp_path / "built", huge=True)
    logged = set()
    for warning in plugin_warnings(site):
        match = PLUGIN_RE.match(warning)
        assert match, warning
        logged.add((match["path"], match["line"], match["row"], match["field"], match["message"]))
    monkeypatch.chdir(tmp_path / "built")
    status, lines, _ = run_check(capsys, "docs", "--format", "json")
    assert status == 1
    findings = json.loads("\n".join(lines))
    assert {"path", "line", "row", "field", "severity", "message"} == set(findings[0])
    checked = set()
    for finding in findings:
        if finding["severity"] == "info":
            continue
        path = finding["path"].removeprefix("docs/")
        line = (
            str(finding["line"]) if (path, str(finding["line"])) in {(p, n) for p, n, *_ in logged} else None
        )
        row = None if finding["row"] is None else str(finding["row"])
        checked.add((path, line, row, finding["field"], finding["message"]))
    assert checked == logged
    assert len(logged) >= 15


def test_clean_site_exits_0_and_hints_do_not_fail(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = tmp_path / "site-src"
    (docs / "compare").mkdir(parents=True)
    (docs / "compare" / "a.md").write_text(render(Page()), encoding="utf-8")
    (docs / "compare" / "b.md").write_text(render(Page(tool="Sluice")), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert run_check(capsys, "site-src") == (0, [], "mkdocs-compare check: site-src: no problems\n")
    # Text outside the table, code and list is only a hint (INFO): listed, but not failing.
    (docs / "compare" / "b.md").write_text(render(Page(tool="Sluice")) + "\n\nA stray paragraph.\n")
    status, lines, _ = run_check(capsys, "site-src")
    assert status == 0
    assert len(lines) == 1 and re.match(r"site-src/compare/b\.md:\d+: info: text outside", lines[0])


def test_docs_dir_comes_from_mkdocs_yml(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "content" / "vs").mkdir(parents=True)
    table = '<table><tr><td>F</td><td><span class="icon yes"></span></td></tr></table>\n'
    (tmp_path / "content" / "vs" / "t.md").write_text("---\ntoolName: x\ntitle: [\n---\n" + table)
    (tmp_path / "mkdocs.yml").write_text("site_name: x\ndocs_dir: content\nplugins: [compare]\n")
    monkeypatch.chdir(tmp_path)
    status, lines, _ = run_check(capsys, "--format", "json")
    assert status == 1
    [finding] = [f for f in json.loads("\n".join(lines)) if f["severity"] == "error"]
    assert finding["path"] == "content/vs/t.md" and finding["line"] == 3


def test_missing_folder_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    status, lines, err = run_check(capsys, "nowhere")
    assert status == 2 and not lines and "nowhere is not a folder" in err


def test_console_script_and_help(tmp_path: Path) -> None:
    # The script of the Python running the tests first: a PATH from another environment (a
    # pyenv shim, a venv not activated) may hold another install, or none.
    beside = Path(sys.executable).parent / "mkdocs-compare"
    script = str(beside) if beside.is_file() else shutil.which("mkdocs-compare") or str(beside)
    copy_bad_site(tmp_path)
    done = subprocess.run([script, "check"], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert done.returncode == 1 and "docs/compare/no-table.md:17: warning:" in done.stdout
    usage = subprocess.run([script, "check", "--help"], capture_output=True, text=True, check=True).stdout
    assert "--format" in usage and "Exit status" in usage and "--strict" in usage
