"""`mkdocs-compare render` writes only inside its output folder and empties only its own output.

Every case plants a file of the user's beside (or inside) what the command is pointed at, and
asserts that it survives, that the command says why it refused (exit status 2, one line), and
that it refused before writing anything.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import write_docs
from exported import Page, render

from mkdocs_compare.cli import main

MARKER = ".mkdocs-compare-render"
USER_FILE = "notes.txt"
USER_TEXT = "the user's own file\n"


def _project(root: Path, config: str = "site_name: x\nplugins: [compare]\n") -> Path:
    """A project folder: mkdocs.yml, docs/ with two comparison pages and a file of the user's."""
    write_docs(
        root / "docs",
        {"compare/conveyor.md": render(Page()), "compare/hopper.md": render(Page(tool="Hopper"))},
    )
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    (root / USER_FILE).write_text(USER_TEXT, encoding="utf-8")
    (root / "docs" / USER_FILE).write_text(USER_TEXT, encoding="utf-8")
    return root


def _render(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str]:
    status = main(["render", *map(str, args)])
    return status, capsys.readouterr().err


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _refused(status: int, err: str, *words: str) -> None:
    assert status == 2, err
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("mkdocs-compare render: "), err
    assert all(word in lines[0] for word in words), err


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = _project(tmp_path / "proj")
    monkeypatch.chdir(root)
    return root


def test_clean_refuses_the_docs_folder_itself(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = _tree(project)
    _refused(*_render(capsys, "docs", "docs", "--clean"), "must be outside")
    assert _tree(project) == before


def test_clean_refuses_a_folder_that_holds_the_docs(
    tmp_path: Path, project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    before = _tree(tmp_path)
    _refused(
        *_render(capsys, "proj/docs", "proj", "--clean", "--config", "proj/mkdocs.yml"), "must be outside"
    )
    assert _tree(tmp_path) == before


def test_output_inside_the_docs_is_refused(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = _tree(project)
    _refused(*_render(capsys, "docs", "docs/build"), "must be outside")
    assert _tree(project) == before and not (project / "docs" / "build").exists()


# Never point the command at a real folder outside tmp_path (such as `/`): run against code
# without the guard, the test itself would empty it. `/` is covered by protected_folders below.
@pytest.mark.parametrize("which", ["current folder", "config folder", "home"])
def test_clean_refuses_a_folder_that_holds_the_project_or_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], which: str
) -> None:
    docs = _project(tmp_path / "proj") / "docs"
    config = tmp_path / "conf" / "mkdocs.yml"
    home, here = tmp_path / "home", tmp_path / "elsewhere" / "here"
    for folder in (config.parent, home, here):
        folder.mkdir(parents=True)
        (folder / USER_FILE).write_text(USER_TEXT, encoding="utf-8")
    config.write_text("site_name: x\nplugins: [compare]\n", encoding="utf-8")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(here)
    out = {"current folder": here.parent, "config folder": config.parent, "home": home}[which]
    (out / MARKER).write_text("planted\n", encoding="utf-8")  # even a marker does not make it safe
    before = _tree(tmp_path)
    status, err = _render(capsys, docs, out, "--clean", "--config", config)
    _refused(status, err, "refusing to write into")
    assert _tree(tmp_path) == before


def test_the_file_system_root_is_protected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mkdocs_compare.commands.output import OutputError, check_output, protected_folders

    monkeypatch.chdir(tmp_path)
    assert Path("/") in protected_folders(None)
    docs, out = tmp_path / "a" / "docs", tmp_path / "b"
    docs.mkdir(parents=True)
    with pytest.raises(OutputError, match="refusing to write into"):
        check_output(docs, out, clean=True, protected=[out / "c"])


def test_clean_refuses_a_folder_render_did_not_write(
    tmp_path: Path, project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "build"
    out.mkdir()
    (out / USER_FILE).write_text(USER_TEXT, encoding="utf-8")
    _refused(*_render(capsys, "docs", out, "--clean"), "refusing to empty", MARKER)
    assert _tree(out) == {USER_FILE: USER_TEXT.encode()}


def test_clean_empties_an_earlier_output(
    tmp_path: Path, project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "build"
    status, err = _render(capsys, "docs", out)
    assert status == 0, err
    assert (out / MARKER).is_file() and (out / "compare" / "conveyor.md").is_file()
    _refused(*_render(capsys, "docs", out), "not empty", "--clean")
    (out / "stale.md").write_text("left by an old run\n", encoding="utf-8")
    (project / "docs" / "compare" / "hopper.md").unlink()
    status, err = _render(capsys, "docs", out, "--clean")
    assert status == 0, err
    assert not (out / "stale.md").exists() and not (out / "compare" / "hopper.md").exists()
    assert (out / MARKER).is_file() and (out / "compare" / "conveyor.md").is_file()
    assert (tmp_path / "proj" / USER_FILE).read_text(encoding="utf-8") == USER_TEXT


def test_an_output_that_links_to_the_docs_is_refused(
    tmp_path: Path, project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "link").symlink_to(project / "docs", target_is_directory=True)
    before = _tree(project)
    _refused(*_render(capsys, "docs", tmp_path / "link", "--clean"), "must be outside")
    assert _tree(project) == before


def test_a_summary_page_path_cannot_leave_the_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    config = "site_name: x\nplugins:\n  - compare:\n      summary_page: ../../outside.md\n"
    project = _project(tmp_path / "a" / "proj", config)
    monkeypatch.chdir(project)
    before = _tree(tmp_path)
    status, err = _render(capsys, "docs", "build/out")
    _refused(status, err, "summary_page", "outside")
    assert _tree(tmp_path) == before and not (project / "build").exists()
    # check reports the same option as an error, at its line of mkdocs.yml.
    assert main(["check"]) == 1
    assert "mkdocs.yml:4: error: field 'summary_page': " in capsys.readouterr().out


def test_an_output_that_is_a_file_is_refused(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _refused(*_render(capsys, "docs", USER_FILE), USER_FILE, "not a folder")
    assert (project / USER_FILE).read_text(encoding="utf-8") == USER_TEXT


def test_a_snippet_that_cannot_be_written_is_refused_before_the_output(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _refused(*_render(capsys, "docs", "out", "--snippet", "/nonexistent/x.yml"), "/nonexistent")
    assert not (project / "out").exists()
    _refused(*_render(capsys, "docs", "out", "--snippet", USER_FILE), USER_FILE, "overwrite")
    assert (project / USER_FILE).read_text(encoding="utf-8") == USER_TEXT and not (project / "out").exists()
    _refused(*_render(capsys, "docs", "out", "--snippet", "docs/snippet.yml"), "docs folder")
    # A snippet an earlier render wrote is replaced.
    assert _render(capsys, "docs", "out", "--snippet", "snippet.yml")[0] == 0
    assert _render(capsys, "docs", "out", "--clean", "--snippet", "snippet.yml")[0] == 0
    assert "markdown_extensions" in (project / "snippet.yml").read_text(encoding="utf-8")


def test_an_unreadable_source_stops_before_anything_is_written(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The tests may run as root, for whom no file is unreadable: the OS refusal is simulated.
    real_read, real_open = Path.read_bytes, Path.open
    locked = {os.path.abspath("docs/compare/hopper.md"), os.path.abspath("docs/logo.png")}

    def read_bytes(self: Path) -> bytes:
        if os.path.abspath(self) in locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real_read(self)

    def open_(self: Path, *args: object, **kwargs: object) -> object:
        if os.path.abspath(self) in locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    (project / "docs" / "logo.png").write_bytes(b"\x89PNG")
    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    monkeypatch.setattr(Path, "open", open_)
    _refused(*_render(capsys, "docs", "out"), "cannot read", "Permission denied")
    assert not (project / "out").exists()
    status, out, err = main(["check"]), *capsys.readouterr()
    assert status == 2 and not out and "cannot read" in err and "hopper.md" in err
    (project / "docs" / "compare" / "hopper.md").unlink()
    _refused(*_render(capsys, "docs", "out"), "cannot read", "logo.png")
    assert not (project / "out").exists()


def test_the_marker_is_never_copied_from_the_docs(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # exclude_docs can bring hidden files back into the build; the output's marker stays render's.
    (project / "mkdocs.yml").write_text(
        f"site_name: x\nexclude_docs: |\n  !/{MARKER}\nplugins: [compare]\n", encoding="utf-8"
    )
    (project / "docs" / MARKER).write_text("the docs' own\n", encoding="utf-8")
    status, err = _render(capsys, "docs", "out")
    assert status == 0, err
    assert "the docs' own" not in (project / "out" / MARKER).read_text(encoding="utf-8")
