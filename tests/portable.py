"""Helpers for the tests that build converted docs without the plugin (MkDocs, Zensical, properdocs).

A docs folder generated in the exported format, the verdicts a page *should* show (from the
parser, not from any build), and the verdicts a built page *does* show.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml
from bs4 import BeautifulSoup
from conftest import REPO, write_docs
from exported import Page, Row, render

from mkdocs_compare.parse import parse_comparison
from mkdocs_compare.render import DEFAULT_LABELS, VERDICT_ADMONITION

EXAMPLE_CONFIG = REPO / "mkdocs.yml"

Verdict = tuple[str, str, str]  # (admonition type, title text, note text)

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
    """What the feature grid must show, derived from the parser's reading of the source."""
    text = source if isinstance(source, str) else source.decode("utf-8", errors="replace")
    comparison = parse_comparison(text, path).comparison
    assert comparison is not None, f"{path} is not a comparison page"
    return [
        (VERDICT_ADMONITION[a.verdict], f"{who}: {DEFAULT_LABELS[a.verdict.value]}", a.note)
        for f in comparison.features
        for who, a in ((comparison.product_name, f.product), (comparison.tool_name, f.tool))
    ]


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
