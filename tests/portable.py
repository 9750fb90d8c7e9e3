"""Helpers for the tests that build converted docs without the plugin (MkDocs, Zensical, properdocs).

A docs folder generated in the exported format, the verdicts a page (or the summary's matrix)
*should* show (read from the source by tests/source_oracle.py: BeautifulSoup and a verdict table
written by hand, never the package's parser or maps), and the verdicts a built page *does* show.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import yaml
from bs4 import BeautifulSoup
from conftest import REPO, write_docs
from exported import Page, Row, render
from source_oracle import grid_verdicts, matrix_cells, read_source

EXAMPLE_CONFIG = REPO / "mkdocs.yml"

Verdict = tuple[str, str, str]  # (admonition type, title text, note text)
MatrixCell = tuple[str, str]  # the summary's (tool's verdict, product's verdict): "y", "n" or "u"
SUMMARY_PATH = "compare/index.md"  # where the summary of pages in compare/ goes by default
EXPORTS = ("compare/comparisons.json", "compare/comparisons.csv")

HOSTILE_NOTE = "<script>alert(1)</script> {{ config }} *not bold* [x](javascript:alert(1))"

GENERATED_PAGES: dict[str, str | bytes] = {
    "index.md": "# Home\n\nSee [Conveyor](compare/conveyor.md) and [the guide](guide/setup.md).\n",
    "guide/setup.md": "# Setup\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n![logo](../img/logo.svg)\n",
    "img/logo.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>\n',
    "compare/conveyor.md": render(
        Page(
            rows=[
                Row("Caching"),
                Row("Scheduling", "no", "Cron only.", "yes", "Cron and events."),
                Row("Odd & Ends", "maybe", "Depends.", "no", HOSTILE_NOTE),
            ]
        )
    ),
    "compare/hopper.md": render(Page(tool="Hopper", layout="indented", code_form="pre")),
    "compare/sluice.md": render(
        Page(tool="Sluice", category="model-serving", layout="bare", code_form="fenced-nolang")
    ),
    "compare/drafty.md": render(Page(tool="Drafty", draft=True)),
    # Not valid UTF-8 (a Windows-1252 dash): the plugin decodes it with a warning, so must render.
    "compare/tappet.md": render(Page(tool="Tappet", hero_text="Fast - slow"))
    .encode("utf-8")
    .replace(b"Fast - slow", b"Fast \x96 slow"),
}


def write_generated_docs(docs: Path) -> dict[str, str | bytes]:
    write_docs(docs, GENERATED_PAGES)
    return GENERATED_PAGES


def expected_verdicts(source: str | bytes, path: str = "page.md") -> list[Verdict]:
    """What the feature grid must show: the source's table read by BeautifulSoup, each icon
    mapped by the test's own table (yes: success, no: failure, anything else: question)."""
    verdicts = grid_verdicts(source)
    assert verdicts, f"{path} has no feature table"
    return verdicts


def built_verdicts(html_file: Path) -> list[Verdict]:
    """The verdict admonitions of a built page, as a reader sees them."""
    soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
    found = []
    for box in soup.select(".compare-grid .admonition"):
        kind = next(c for c in box["class"] if c in ("success", "failure", "question"))
        title = box.select_one(".admonition-title")
        assert title is not None
        note = " ".join(p.get_text() for p in box.find_all("p") if p is not title)
        found.append((kind, title.get_text(), note))
    return found


def expected_matrix(sources: Mapping[str, str | bytes]) -> dict[tuple[str, str], MatrixCell]:
    """What the summary's matrix must show for these comparison pages, read from their sources
    independently of the package (tests/source_oracle.py)."""
    expected: dict[tuple[str, str], MatrixCell] = {}
    for path, source in sources.items():
        cells = matrix_cells(source)
        assert cells, f"{path} has no feature table"
        expected.update(cells)
    return expected


def feature_key(name: str, aliases: Mapping[str, str] | None = None) -> str:
    """The README's rule for one feature across pages, written out here: aliases first, then
    case, punctuation, spacing and HTML entities ignored ("Vendor Lock-In" is "Vendor Lock-in")."""

    def bare(text: str) -> str:
        return re.sub(r"[\W_]+", "", html.unescape(text).casefold())

    canonical = {bare(alias): target for alias, target in (aliases or {}).items()}
    return bare(canonical.get(bare(name), name))


def by_feature_key(
    cells: Mapping[tuple[str, str], MatrixCell], aliases: Mapping[str, str] | None = None
) -> dict[tuple[str, str], MatrixCell]:
    """Matrix cells keyed on (tool, feature key), so column titles spelled another way match."""
    return {(tool, feature_key(name, aliases)): value for (tool, name), value in cells.items()}


def expected_export_verdicts(sources: Mapping[str, str | bytes]) -> dict[tuple[str, str], tuple[str, str]]:
    """(tool, feature) -> (product's, tool's) verdict word the exports must hold, from the sources."""
    expected = {}
    for source in sources.values():
        page = read_source(source)
        for row in page.rows:
            expected[(page.tool, row.name)] = (row.product.word, row.tool.word)
    return expected


def exported_verdicts(json_file: Path) -> dict[tuple[str, str], tuple[str, str]]:
    """The same, as a built comparisons.json holds them."""
    data = json.loads(json_file.read_text(encoding="utf-8"))
    return {
        (item["tool"], f["name"]): (f["product"]["verdict"], f["tool"]["verdict"])
        for item in data["comparisons"]
        for f in item["features"]
    }


def built_matrix(html_file: Path) -> dict[tuple[str, str], MatrixCell]:
    """What a built summary page's matrix shows: (tool, feature) -> verdicts, read from the
    cells' classes (`t-y p-n`), in the feature columns and under "Other features" alike."""
    soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
    table = soup.select_one("table.cmp-matrix")
    assert table is not None, f"{html_file} has no summary matrix"
    headers = [th.get_text(" ", strip=True) for th in table.select("thead th")]
    found: dict[tuple[str, str], MatrixCell] = {}

    def verdicts(classes: list[str]) -> MatrixCell:
        tool = next(c for c in classes if c.startswith("t-"))
        product = next(c for c in classes if c.startswith("p-"))
        return tool[2:], product[2:]

    for row in table.select("tbody tr"):
        tool_cell = row.select_one("th[scope=row]")
        if tool_cell is None:
            continue  # a heading row (a category's), not a tool's
        tool = tool_cell.get_text(strip=True)
        for index, cell in enumerate(row.find_all(["th", "td"])):
            if any(c.startswith("t-") for c in cell.get("class") or []):
                found[(tool, headers[index])] = verdicts(cell["class"])
        for entry in row.select("td.cmp-others > span"):
            link = entry.select_one("a")
            assert link is not None
            name = "".join(link.find_all(string=True, recursive=False)).strip()
            found[(tool, name)] = verdicts(entry["class"])
    return found


def broken_summary_links(site_dir: Path, html_file: Path | None = None) -> list[str]:
    """The card and matrix links of a built summary page (default: the one of compare/) whose
    page or feature row is missing from the site."""
    html_file = html_file or page_html(site_dir, SUMMARY_PATH)
    soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
    links = soup.select("a.cmp-card, table.cmp-matrix a")
    assert links, f"{html_file} has no summary links"
    base = html_file.parent.relative_to(site_dir).as_posix()
    broken = []
    pages: dict[Path, BeautifulSoup] = {}
    for link in links:
        path, _, fragment = link["href"].partition("#")
        target = site_dir / posixpath.normpath(posixpath.join(base, path))
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file():
            broken.append(link["href"])
            continue
        if target not in pages:
            pages[target] = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
        if fragment and pages[target].find(id=fragment) is None:
            broken.append(link["href"])
    return broken


def missing_images(site_dir: Path, html_file: Path) -> list[str]:
    """The relative `<img src>` of a built page's article that point at no file of the site."""
    soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
    base = html_file.parent.relative_to(site_dir).as_posix()
    missing = []
    for image in soup.select("article img[src]"):
        src = image["src"]
        if "://" in src or src.startswith(("/", "data:")):
            continue
        if not (site_dir / posixpath.normpath(posixpath.join(base, src))).is_file():
            missing.append(src)
    return missing


def page_html(site_dir: Path, src_path: str) -> Path:
    """The built HTML file of a source page, with MkDocs' (and Zensical's) directory URLs."""
    stem = src_path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return site_dir / (stem.removesuffix("index") + "index.html")
    return site_dir / stem / "index.html"


def run_render(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the installed `mkdocs-compare render` command as a user would."""
    script = Path(sys.executable).with_name("mkdocs-compare")
    program = [str(script)] if script.exists() else [sys.executable, "-m", "mkdocs_compare.cli"]
    command = [*program, "render", *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd, check=False, timeout=300)


def example_docs() -> tuple[Path, dict[str, object]]:
    """The example site's docs folder and its mkdocs.yml (tags read leniently)."""
    config = yaml.load(EXAMPLE_CONFIG.read_text(encoding="utf-8"), Loader=_Lenient)
    return REPO / config.get("docs_dir", "docs"), config


class _Lenient(yaml.SafeLoader):
    pass


_Lenient.add_multi_constructor("!", lambda loader, suffix, node: None)
_Lenient.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def without_plugin(config: dict[str, object], snippet: dict[str, object], docs_dir: str) -> dict[str, object]:
    """A site config for the rendered folder: the compare plugin dropped, the snippet merged in."""
    merged = dict(config)
    merged["docs_dir"] = docs_dir
    plugins = merged.get("plugins") or []
    assert isinstance(plugins, list)
    merged["plugins"] = [
        p for p in plugins if p != "compare" and not (isinstance(p, dict) and "compare" in p)
    ]
    extensions = list(merged.get("markdown_extensions") or [])  # type: ignore[call-overload]
    names = {e if isinstance(e, str) else next(iter(e)) for e in extensions}
    for extension in snippet["markdown_extensions"]:  # type: ignore[attr-defined]
        if (extension if isinstance(extension, str) else next(iter(extension))) not in names:
            extensions.append(extension)
    merged["markdown_extensions"] = extensions
    for key in ("extra_css", "extra_javascript"):
        if snippet.get(key):
            merged[key] = [*(merged.get(key) or []), *snippet[key]]  # type: ignore[misc]
    return merged
