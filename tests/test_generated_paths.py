"""Generated files (the summary page, the exports) never take the place of a file of the docs.

MkDocs writes by destination: `compare.md` and a generated `compare/index.md` are both
`compare/index.html`, and a page `compare/comparisons.json.md` is the folder where the JSON
export would be a file. The docs' own file keeps its place, the build says what it left out.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import BuildSite, write_docs
from exported import Page, render
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File
from portable import run_render

from mkdocs_compare.cli import main
from mkdocs_compare.collection import Collection
from mkdocs_compare.parse import parse_comparison
from mkdocs_compare.summary import plan_summary
from mkdocs_compare.summary.collisions import Destinations, dest_uri

OVERVIEW = "# Our overview\n\nWritten by hand, not generated.\n"
PAGES = {
    "compare/conveyor.md": render(Page()),
    "compare/hopper.md": render(Page(tool="Hopper", slug="lattice-vs-hopper")),
}


def _warnings_about(warnings: list[str], path: str) -> list[str]:
    """The warnings located at line 1 of `path` (the plugin's logger prefixes "compare: ")."""
    return [w for w in warnings if w.removeprefix("compare: ").startswith(f"{path}:1: ")]


def test_a_page_written_where_the_summary_goes_is_kept_with_a_warning(build_site: BuildSite) -> None:
    site = build_site({**PAGES, "compare.md": OVERVIEW})
    soup = site.html("compare/")
    assert "Written by hand, not generated." in soup.get_text()
    assert soup.select(".cmp-matrix") == []  # the summary did not replace it
    (warning,) = _warnings_about(site.warnings(), "compare.md")
    assert "compare/index.html" in warning and "'compare/index.md'" in warning and "summary_page" in warning
    # The exports still go to the pages' folder, and hold every page.
    data = json.loads(site.text("compare/comparisons.json"))
    assert sorted(item["tool"] for item in data["comparisons"]) == ["Conveyor", "Hopper"]


def test_the_clash_fails_a_strict_build(build_site: BuildSite) -> None:
    with pytest.raises(Abort):
        build_site({**PAGES, "compare.md": OVERVIEW}, strict=True)


def test_a_page_where_an_export_goes_builds_and_the_export_is_left_out(build_site: BuildSite) -> None:
    site = build_site({**PAGES, "compare/comparisons.json.md": "# Not JSON\n\nA page of ours.\n"})
    assert "A page of ours." in site.html("compare/comparisons.json/").get_text()
    (warning,) = _warnings_about(site.warnings(), "compare/comparisons.json.md")
    assert "compare/comparisons.json/index.html" in warning and "export compare/comparisons.json" in warning
    assert site.text("compare/comparisons.csv").startswith("tool,category,url,feature")
    summary = site.html("compare/")
    assert summary.select(".cmp-matrix")
    links = [a["href"] for a in summary.find_all("a", href=True)]
    assert "comparisons.csv" in links and "comparisons.json" not in links  # no link to what is not there


def test_a_static_file_at_the_summary_place_is_kept(build_site: BuildSite) -> None:
    own = "<!doctype html><title>ours</title><p>Hand-made index.</p>"
    site = build_site({**PAGES, "compare/index.html": own})
    assert site.text("compare/index.html") == own
    assert _warnings_about(site.warnings(), "compare/index.html")


def test_without_directory_urls_the_same_names_do_not_clash(build_site: BuildSite) -> None:
    site = build_site(
        {**PAGES, "compare.md": OVERVIEW, "compare/comparisons.json.md": "# Not JSON\n"},
        extra={"use_directory_urls": False},
    )
    assert not [w for w in site.warnings() if "would take" in w], site.warnings()
    assert "Written by hand" in site.text("compare.html")
    assert site.html("compare/index.html").select(".cmp-matrix")
    assert json.loads(site.text("compare/comparisons.json"))["version"] == 1
    assert "Not JSON" in site.text("compare/comparisons.json.html")


def _check(root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> list[dict]:
    """`mkdocs-compare check docs --format json` run in `root`, as a user would."""
    monkeypatch.chdir(root)
    main(["check", "docs", "--format", "json"])
    findings: list[dict] = json.loads(capsys.readouterr().out)
    return findings


def test_check_reports_the_clash_at_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_docs(tmp_path / "docs", {**PAGES, "compare.md": OVERVIEW, "compare/comparisons.json.md": "# x\n"})
    findings = _check(tmp_path, monkeypatch, capsys)
    located = {(f["path"], f["line"]) for f in findings if f["severity"] != "info"}
    assert ("docs/compare.md", 1) in located
    assert ("docs/compare/comparisons.json.md", 1) in located
    # The summary page is refused, so the exports go to the pages' folder: json clashes, csv not.
    assert not any("comparisons.csv" in f["message"] for f in findings)


def test_check_and_render_follow_the_sites_url_style(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """With `use_directory_urls: false` nothing clashes, as in the build above: no false warning."""
    write_docs(tmp_path / "docs", {**PAGES, "compare.md": OVERVIEW, "compare/comparisons.json.md": "# x\n"})
    (tmp_path / "mkdocs.yml").write_text("site_name: t\nuse_directory_urls: false\nplugins: [compare]\n")
    findings = _check(tmp_path, monkeypatch, capsys)
    assert [f for f in findings if "would take" in f["message"] or f["severity"] != "info"] == []
    out = tmp_path / "out"
    assert main(["render", "docs", str(out), "--config", "mkdocs.yml"]) == 0
    capsys.readouterr()
    assert "Written by hand" in (out / "compare.md").read_text()
    assert (out / "compare" / "index.md").is_file() and (out / "compare" / "comparisons.json").is_file()


def test_a_comparison_page_at_the_summary_path_is_named_as_itself(
    build_site: BuildSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pages = {**PAGES, "compare/index.md": render(Page(tool="Sluice", slug="lattice-vs-sluice"))}
    site = build_site(pages)
    (warning,) = _warnings_about(site.warnings(), "compare/index.md")
    assert "is a comparison page" in warning and "summary_page" in warning
    assert not [w for w in site.warnings() if "mkdocs.yml" in w]
    assert site.html("compare/").select(".cmp-hero, .admonition")  # the page itself is built
    findings = [f for f in _check(tmp_path, monkeypatch, capsys) if "is a comparison page" in f["message"]]
    assert [(f["path"], f["line"]) for f in findings] == [("docs/compare/index.md", 1)]


@pytest.mark.parametrize("use_directory_urls", [True, False])
@pytest.mark.parametrize(
    "src",
    ["index.md", "compare.md", "compare/index.md", "compare/README.md", "a/b.markdown", "x.json", "a.b.md"],
)
def test_dest_uri_is_mkdocs_dest_uri(tmp_path: Path, src: str, use_directory_urls: bool) -> None:
    mkdocs_file = File(src, str(tmp_path / "docs"), str(tmp_path / "site"), use_directory_urls)
    assert dest_uri(src, use_directory_urls) == mkdocs_file.dest_uri


def test_destinations_find_same_place_folder_and_parent_clashes() -> None:
    taken = Destinations({"a.md": "a/index.html", "b.json.md": "b.json/index.html", "c": "c"})
    assert taken.clash("a/index.html") == ("a.md", "a/index.html")  # the same place
    assert taken.clash("b.json") == ("b.json.md", "b.json/index.html")  # a folder of a file there
    assert taken.clash("c/index.html") == ("c", "c")  # a file where a folder is needed
    assert taken.clash("a/other.html") is None and taken.clash("b.jso") is None


def test_plan_summary_reports_clashes_from_source_paths_alone() -> None:
    """`check` and `render` know only source paths: the plan computes where they are written."""
    pages = {path: parse_comparison(text, path).comparison for path, text in PAGES.items()}
    collection = Collection({path: page for path, page in pages.items() if page is not None})
    existing = [*PAGES, "compare/README.md"]
    plan = plan_summary(collection, None, existing, title="All")
    assert plan is not None and plan.page == ""
    assert [str(problem.location) for problem in plan.problems] == ["compare/README.md:1"]
    flat = plan_summary(collection, None, existing, title="All", use_directory_urls=False)
    assert flat is not None and flat.page == ""  # README.md is index.html either way
    elsewhere = plan_summary(collection, "overview.md", existing, title="All")
    assert elsewhere is not None and elsewhere.page == "overview.md" and not elsewhere.problems


def test_render_keeps_the_page_and_writes_no_summary_over_it(tmp_path: Path) -> None:
    write_docs(tmp_path / "docs", {**PAGES, "compare.md": OVERVIEW})
    done = run_render("docs", "out", cwd=tmp_path)
    assert "compare.md:1: " in done.stderr and "summary_page" in done.stderr, done.stderr
    assert (tmp_path / "out/compare.md").read_text(encoding="utf-8") == OVERVIEW
    assert not (tmp_path / "out/compare/index.md").exists()  # MkDocs would build it over compare.md
    assert (tmp_path / "out/compare/comparisons.json").is_file()


def test_a_summary_page_outside_the_docs_is_an_error_and_nothing_is_written(
    build_site: BuildSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    site = build_site(PAGES, {"summary_page": "../outside.md"})
    errors = [w for w in site.warnings() if "lies outside docs_dir" in w]
    assert len(errors) == 1 and "summary_page" in errors[0]
    written = {path.relative_to(tmp_path).as_posix() for path in tmp_path.rglob("*") if path.is_file()}
    generated = ("outside.md", "outside/index.html", "comparisons.json", "comparisons.csv")
    assert not [path for path in written if path.endswith(generated)], written
    with pytest.raises(Abort):
        build_site(PAGES, {"summary_page": "../outside.md"}, strict=True)
    findings = _check(tmp_path, monkeypatch, capsys)
    assert [f["severity"] for f in findings if "lies outside docs_dir" in f["message"]] == ["error"]
