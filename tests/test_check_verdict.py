"""`mkdocs-compare check` gives the verdict of a real `mkdocs build --strict`.

Each test builds the same folder with MkDocs and reads what the build logged (the records of
the plugin's `mkdocs.plugins.compare` logger, and MkDocs' own for the options) with patterns
written here, never with check's code, then compares that with what `check` printed.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
import logging
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import write_docs
from exported import Page, Row, render
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from test_bad_input import copy_bad_site

from mkdocs_compare.cli import main

# How the plugin logs a problem: "compare: compare/x.md:12 (row 3) (field 'slug'): message".
RECORD_RE = re.compile(
    r"^compare: (?P<path>[^:( ]+)(?::(?P<line>\d+))?(?: \(row (?P<row>\d+)\))?"
    r"(?: \(field (?P<field>'[^']*')\))?: (?P<message>.+)$",
    re.S,
)
# How MkDocs logs a plugin option it refuses (mkdocs.config.config_options.Plugins).
OPTION_RE = re.compile(r"^Config value 'plugins': Plugin 'compare' option '(?P<name>\w+)': (?P<message>.+)$")
LINE_RE = re.compile(r"^(?P<path>.+?):(?P<line>\d+): (?P<severity>error|warning|info): (?P<message>.+)$")
TWO_PAGES = {"compare/conveyor.md": render(Page()), "compare/sluice.md": render(Page(tool="Sluice"))}


def strict_build(root: Path, caplog: pytest.LogCaptureFixture) -> tuple[bool, list[logging.LogRecord]]:
    """Build `root/mkdocs.yml` as `mkdocs build --strict` does: (did it fail, what it logged)."""
    caplog.clear()
    caplog.set_level(logging.DEBUG, logger="mkdocs")
    try:
        build(load_config(str(root / "mkdocs.yml"), strict=True))
        failed = False
    except Abort:
        failed = True
    return failed, [r for r in caplog.records if r.name.startswith("mkdocs")]


def run_check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["check", *args])
    out, err = capsys.readouterr()
    return status, out, err


def site(root: Path, pages: dict[str, str], config: str = "site_name: x\nplugins:\n  - compare\n") -> Path:
    write_docs(root / "docs", {"index.md": "# Home\n", **pages})
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return root


def _field_line(source: Path, field: str) -> int:
    """The line of `field:` in a page (where check points a problem that only names a field)."""
    lines = source.read_text(encoding="utf-8", errors="replace").splitlines()
    return next((number for number, text in enumerate(lines, 1) if text.startswith(f"{field}:")), 1)


def test_check_reports_the_problems_the_strict_build_logs(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    root = copy_bad_site(tmp_path)  # tests/fixtures/bad_site, plus a Windows-1252 page
    failed, records = strict_build(root, caplog)
    built = set()
    for record in records:
        if record.name != "mkdocs.plugins.compare":
            continue
        match = RECORD_RE.match(record.getMessage())
        assert match, record.getMessage()
        path, field = match["path"], match["field"] and match["field"][1:-1]
        line = int(match["line"]) if match["line"] else 1
        if not match["line"] and field:
            line = _field_line(root / "docs" / path, field)
        failing = record.levelno >= logging.WARNING
        built.add((path, line, match["row"] and int(match["row"]), field, failing, match["message"]))
    monkeypatch.chdir(root)
    status, out, _ = run_check(capsys, "--format", "json")
    checked = {
        (
            finding["path"].removeprefix("docs/"),
            finding["line"],
            finding["row"],
            finding["field"],
            finding["severity"] != "info",
            finding["message"],
        )
        for finding in json.loads(out)
    }
    assert failed and status == 1
    assert checked == built
    # Every broken page of the fixture is in it, each with a located line.
    pages = {path for path, *_ in built}
    # (A duplicate is reported on one page of the pair, naming the other.)
    assert {f"compare/{page.name}" for page in (root / "docs" / "compare").iterdir()} - pages <= {
        "compare/conveyor-copy.md"
    }
    assert any("compare/conveyor-copy.md" in message for *_, message in built)
    assert len(built) >= 12


# Each case: the compare plugin's options (line 4 on of mkdocs.yml), the failing option and
# check's severity for it (None: a clean configuration).
OPTION_CASES = {
    "valid": ("related_limit: 3\n      product: Lattice", None, None),
    "unknown": ("related_limit: 3\n      relatd: true", "relatd", "warning"),
    "wrong type": ("max_features: many", "max_features", "error"),
    "missing folder": ("custom_templates: no-such-folder", "custom_templates", "error"),
}


@pytest.mark.parametrize("case", OPTION_CASES)
def test_check_fails_on_the_options_that_fail_the_strict_build(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    case: str,
) -> None:
    options, bad, severity = OPTION_CASES[case]
    root = site(tmp_path, TWO_PAGES, f"site_name: x\nplugins:\n  - compare:\n      {options}\n")
    failed, records = strict_build(root, caplog)
    refused = [m for m in (OPTION_RE.match(r.getMessage()) for r in records) if m]
    monkeypatch.chdir(root)
    status, out, _ = run_check(capsys)
    assert failed is (bad is not None) and status == (0 if bad is None else 1), (out, refused)
    if bad is None:
        assert not refused and out == ""
        return
    [match] = refused
    assert match["name"] == bad
    line = 4 + options.split("\n").index(next(o for o in options.split("\n") if o.strip().startswith(bad)))
    assert out.splitlines() == [
        f"mkdocs.yml:{line}: {severity}: field '{bad}': compare plugin option '{bad}': {match['message']}"
    ]


def test_check_reads_the_config_given_with_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "project"
    pages = {"compare/conveyor.md": "---\ntoolName: Conveyor\ntitle: [\n---\n<table></table>\n"}
    write_docs(project / "content", pages)
    write_docs(project / "docs", TWO_PAGES)  # the default docs_dir, which the config does not use
    (project / "site.yml").write_text(
        "site_name: x\ndocs_dir: content\nplugins:\n  - compare:\n      relatd: true\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    status, out, err = run_check(capsys, "--config", "project/site.yml")
    lines = out.splitlines()
    assert status == 1, (out, err)
    assert lines[0] == (
        "project/site.yml:5: warning: field 'relatd': compare plugin option 'relatd': "
        "Unrecognised configuration name: relatd"
    )
    assert lines[1:] and all(line.startswith("project/content/compare/conveyor.md:") for line in lines[1:])
    assert "project/content" in err
    # A config file that is not there: the check cannot run (exit 2), one line.
    status, out, err = run_check(capsys, "--config", "project/mkdocs.yml")
    assert (status, out) == (2, "")
    assert err == "mkdocs-compare check: project/mkdocs.yml: no such config file\n"


PROPERDOCS_SITE = "site_name: x\ndocs_dir: content\ntheme: material\n"


def properdocs_strict_build(root: Path) -> subprocess.CompletedProcess[str]:
    """`properdocs build --strict` in `root`, in a child process (properdocs takes over `mkdocs`)."""
    command = [sys.executable, "-m", "properdocs", "build", "--strict", "-d", str(root / "site")]
    return subprocess.run(command, cwd=root, capture_output=True, text=True, timeout=300, check=False)


@pytest.mark.skipif(importlib.util.find_spec("properdocs") is None, reason="properdocs is not installed")
def test_check_reads_properdocs_yml_as_properdocs_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_docs(tmp_path / "content", {"index.md": "# Home\n", **TWO_PAGES})
    config = tmp_path / "properdocs.yml"
    config.write_text(f"{PROPERDOCS_SITE}plugins:\n  - compare\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    built = properdocs_strict_build(tmp_path)
    assert built.returncode == 0, built.stderr
    assert run_check(capsys) == (0, "", "mkdocs-compare check: content: no problems\n")
    config.write_text(
        f"{PROPERDOCS_SITE}plugins:\n  - compare:\n      max_features: 10\n      sumary_page: all.md\n",
        encoding="utf-8",
    )
    built = properdocs_strict_build(tmp_path)
    assert built.returncode != 0 and "sumary_page" in built.stderr
    status, out, _ = run_check(capsys)
    assert status == 1 and out.startswith("properdocs.yml:7: warning: field 'sumary_page': "), out


def test_file_names_cannot_forge_or_colour_lines(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    name = "evil\ndocs/compare/ok.md:1: info: all fine \x1b[31mred.md"
    # A feature table (an icon span): a page naming toolName without one is not a comparison page.
    table = '<table><tr><td>Caching</td><td><span class="icon yes"></span></td></tr></table>\n'
    broken = "---\ntoolName: Sluice\ntitle: [\n---\n" + table
    root = site(tmp_path, {**TWO_PAGES, f"compare/{name}": broken})
    failed, records = strict_build(root, caplog)
    logged = [r.getMessage() for r in records if r.name == "mkdocs.plugins.compare"]
    shown = "compare/evil\\ndocs/compare/ok.md:1: info: all fine \\x1b[31mred.md"
    assert failed and len(logged) >= 2, logged
    # Each problem of the page is one line naming it, escaped (a duplicate tool name names it too).
    own = [message for message in logged if message.startswith(f"compare: {shown}:")]
    assert len(own) >= 2 and all(shown in message and message.isprintable() for message in logged), logged
    monkeypatch.chdir(root)
    status, out, err = run_check(capsys)
    lines = out.splitlines()
    assert status == 1 and len(lines) == len(logged) == out.count("\n")
    assert all(shown in line and line.isprintable() for line in lines), lines
    assert len([line for line in lines if line.startswith(f"docs/{shown}:")]) == len(own)
    assert "\x1b" not in out + err
    # JSON carries the real name (JSON escapes it itself).
    status, out, _ = run_check(capsys, "--format", "json")
    assert status == 1 and f"docs/compare/{name}" in {finding["path"] for finding in json.loads(out)}
    # render prints the same lines on stderr.
    status = main(["render", "docs", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert status == 1 and "\x1b" not in err
    assert sorted(line for line in err.splitlines() if line.startswith("docs/")) == sorted(lines)


def test_a_huge_broken_front_matter_gives_short_lines(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    # A 5,000-character key that breaks the YAML, among 10,000 others (the 100,000 cut
    # the same way; the pure-Python YAML parser takes a minute over them on a busy machine).
    keys = "".join(f"feature_{number}: yes\n" for number in range(10_000))
    long_key = "k" * 5_000
    page = f"---\ntoolName: Sluice\ntitle: Lattice vs Sluice\n{long_key}: [\n{keys}---\n<table></table>\n"
    root = site(tmp_path, {"compare/big.md": page})
    failed, records = strict_build(root, caplog)
    logged = [r.getMessage() for r in records if r.name == "mkdocs.plugins.compare"]
    assert failed and logged
    assert all(len(message) <= 400 and message.startswith("compare: compare/big.md:") for message in logged)
    monkeypatch.chdir(root)
    status, out, err = run_check(capsys)
    lines = out.splitlines()
    assert status == 1 and lines
    for line in lines:
        assert len(line) <= 400 and re.match(r"docs/compare/big\.md:\d+: (error|warning|info): ", line), line
    assert any("more characters" in line for line in lines)  # cut, and saying so
    assert all(len(line) <= 400 for line in err.splitlines())


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out == f"mkdocs-compare {importlib.metadata.version('mkdocs-compare')}\n"


def test_near_duplicate_feature_names_are_hints_as_in_the_build(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    pages = {
        "compare/conveyor.md": render(Page(rows=[Row("Auto Retraining"), Row("Scheduling")])),
        "compare/sluice.md": render(Page(tool="Sluice", rows=[Row("Auto Retraining Triggers")])),
    }
    root = site(tmp_path, pages)
    failed, records = strict_build(root, caplog)
    hints = [
        r.getMessage() for r in records if r.name == "mkdocs.plugins.compare" and r.levelno == logging.INFO
    ]
    assert not failed and len(hints) == 1 and "Auto Retraining" in hints[0]
    hint = RECORD_RE.match(hints[0])
    assert hint and not hint["line"]
    monkeypatch.chdir(root)
    status, out, err = run_check(capsys)
    assert status == 0 and err.endswith("no problems\n")
    assert out == f"docs/{hint['path']}:1: info: {hint['message']}\n"
