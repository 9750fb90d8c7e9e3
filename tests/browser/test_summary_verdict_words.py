"""Verdict labels that hold " / " or ": " read whole in the summary's script: the note layer of
a large site's verdicts-only cells and the "compare two" view take each verdict's words from the
cell's verdict codes, never by splitting the cell's text (which once cut "Yes / built in" in two)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import write_docs
from exported import Page, Row, render
from mkdocs.commands.build import build
from mkdocs.config import load_config

from mkdocs_compare.summary import build as summary_build

from .helpers import Visit, serve

# Written by hand: labels a maintainer may choose, with the separators the script once split on.
OPTION = {
    "yes": {"label": "Yes / built in"},
    "partial": {"label": "Partly: via plugin", "type": "warning"},
    "no": {"label": "No."},
}
TOOLS = {"Anvil": "partial", "Bellows": "no"}
MATRIX = "table[data-compare-matrix]"


def _site(root: Path, monkeypatch: pytest.MonkeyPatch, verdicts_only: bool) -> str:
    pages = {
        f"compare/{tool.lower()}.md": render(
            Page(tool=tool, rows=[Row("Caching", "yes", "Ours.", verdict, "Theirs.")])
        )
        for tool, verdict in TOOLS.items()
    }
    write_docs(root / "docs", {"index.md": "# Home\n", **pages})
    config = {"site_name": "x", "theme": {"name": "material"}, "plugins": [{"compare": {"verdicts": OPTION}}]}
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    if verdicts_only:  # what a site of a thousand tools gets: no notes in the cells
        monkeypatch.setattr(summary_build, "NOTE_BUDGET", 0)
    build(load_config(str(root / "mkdocs.yml")))
    return str(root / "site")


@pytest.fixture(params=["verdicts-only", "with-notes"])
def summary_site(request: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, bool]]:
    verdicts_only = request.param == "verdicts-only"
    server, base = serve(Path(_site(tmp_path, monkeypatch, verdicts_only)))
    yield base, verdicts_only
    server.shutdown()
    server.server_close()


def test_labels_with_separators_read_whole(browser: Any, summary_site: tuple[str, bool]) -> None:
    base, verdicts_only = summary_site
    visit = Visit(browser, base, 1280, 900, "light")
    try:
        page = visit.goto("compare/")
        page.wait_for_selector(f"{MATRIX}[data-compare-ready]")
        notes_in_cells = page.eval_on_selector(MATRIX, "t => t.classList.contains('cmp-matrix--notes')")
        assert notes_in_cells is not verdicts_only
        cell = page.locator(f"{MATRIX} tbody tr[data-slug='lattice-vs-anvil'] td[class^='t-']").first
        cell.hover()
        page.wait_for_function("() => document.getElementById('cmp-note-layer').matches(':popover-open')")
        text = page.inner_text("#cmp-note-layer")
        if verdicts_only:
            assert "Anvil: Partly: via plugin." in text and "Lattice: Yes / built in." in text
        else:
            assert "Theirs." in text and "Ours." in text

        page = visit.goto("compare/?vs=lattice-vs-bellows")
        words = page.eval_on_selector_all(
            ".cmp-vs td.cmp-vs__verdict > strong", "ns => ns.map(n => n.textContent)"
        )
        assert words == ["Yes / built in", "No."]  # Lattice first, then Bellows
        page = visit.goto("compare/?vs=lattice-vs-anvil,lattice-vs-bellows")
        words = page.eval_on_selector_all(
            ".cmp-vs td.cmp-vs__verdict > strong", "ns => ns.map(n => n.textContent)"
        )
        assert words == ["Partly: via plugin", "No."]
    finally:
        visit.close()
    assert visit.errors == []
