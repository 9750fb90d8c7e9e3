"""The summary in Chromium with a third and fourth verdict (`verdicts`) and review dates: the new
verdicts' glyphs drawn in their colours, sorting by a feature in the vocabulary's order, and
sorting by review date (undated pages last both ways), with and without the script."""

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

from .helpers import Visit, serve

OPTION = {
    "yes": {},
    "partial": {"label": "Partly", "type": "warning"},
    "plugin": {"label": "Via plugin", "type": "info"},
    "no": {},
}
# tool -> (its verdict on Caching, its review date or None), written by hand.
TOOLS = {
    "Anvil": ("no", "2025-05-01"),
    "Bellows": ("partial", None),
    "Conveyor": ("yes", "2024-08-21"),
    "Dredge": ("plugin", "2026-01-10"),
    "Easel": ("maybe", "2023-12-31"),  # unmapped: not stated
    "Forge": ("partial", "2024-08-20"),
}
# The option's order (yes, partial, plugin, no), unknown last: best first when sorted.
BEST_FIRST = ["Conveyor", "Bellows", "Forge", "Dredge", "Anvil", "Easel"]
MATRIX = "table[data-compare-matrix]"
ROWS = f"{MATRIX} tbody tr[data-slug]"


def _pages() -> dict[str, str]:
    pages = {}
    for tool, (verdict, date) in TOOLS.items():
        rows = [
            Row("Caching", "yes", "Ours.", verdict, f"{tool}'s note."),
            Row("Retries", "yes", "a", "no", "b"),
        ]
        extra = f"reviewed: {date}" if date else ""
        pages[f"compare/{tool.lower()}.md"] = render(Page(tool=tool, rows=rows, extra_front_matter=extra))
    return pages


@pytest.fixture(scope="module")
def summary_site(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("vocabulary")
    write_docs(root / "docs", {"index.md": "# Home\n", **_pages()})
    config = {"site_name": "x", "theme": {"name": "material"}, "plugins": [{"compare": {"verdicts": OPTION}}]}
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    build(load_config(str(root / "mkdocs.yml")))
    server, base = serve(root / "site")
    yield base
    server.shutdown()
    server.server_close()


def _order(page: Any) -> list[str]:
    return [row.query_selector("th").inner_text().strip() for row in page.query_selector_all(ROWS)]


def _header(page: Any, name: str) -> Any:
    return page.locator(f"{MATRIX} thead th").filter(has_text=name)


GLYPH_JS = """
cell => { const mark = getComputedStyle(cell, '::before'); return [mark.content, mark.color]; }
"""


def test_new_verdicts_are_drawn_and_sorted_in_the_vocabulary_order(
    browser: Any, summary_site: str, tmp_path: Path
) -> None:
    visit = Visit(browser, summary_site, 1280, 900, "light")
    try:
        page = visit.goto("compare/")
        legend = page.inner_text(".cmp-legend")
        assert "(✓ Yes, ◐ Partly, + Via plugin, ✗ No, ? Not stated)" in legend
        glyphs = {}
        for row in page.query_selector_all(ROWS):
            tool = row.query_selector("th").inner_text().strip()
            glyphs[tool] = row.query_selector("td[class^='t-']").evaluate(GLYPH_JS)
        # content is '"◐" / ""' (the glyph, with empty alternative text for screen readers).
        assert glyphs["Bellows"][0].startswith('"◐"') and glyphs["Forge"] == glyphs["Bellows"]
        assert glyphs["Bellows"][1] == "rgb(161, 78, 0)"  # --cmp-warning-fg
        assert glyphs["Dredge"][0].startswith('"+"') and glyphs["Dredge"][1] == "rgb(0, 112, 125)"
        assert glyphs["Conveyor"][0].startswith('"✓"') and glyphs["Anvil"][0].startswith('"✗"')
        assert glyphs["Easel"][0].startswith('"?"')

        _header(page, "Caching").get_by_role("button").click()
        assert _order(page) == BEST_FIRST
        _header(page, "Caching").get_by_role("button").click()
        # Ascending: ties keep their order (Bellows before Forge).
        assert _order(page) == ["Easel", "Anvil", "Dredge", "Bellows", "Forge", "Conveyor"]

        reviewed = _header(page, "Reviewed")
        reviewed.get_by_role("button").click()
        assert reviewed.get_attribute("aria-sort") == "ascending"
        assert _order(page) == ["Easel", "Forge", "Conveyor", "Anvil", "Dredge", "Bellows"]
        page.locator(".cmp-matrix-wrap").screenshot(path=str(tmp_path / "by-date.png"))  # to look at
        reviewed.get_by_role("button").click()
        assert reviewed.get_attribute("aria-sort") == "descending"
        assert _order(page) == [
            "Dredge",
            "Anvil",
            "Conveyor",
            "Forge",
            "Easel",
            "Bellows",
        ]  # undated still last

        # "Compare two" draws the verdicts with the same glyphs.
        page = visit.goto("compare/?vs=lattice-vs-bellows")
        marks = page.eval_on_selector_all(
            ".cmp-vs td.cmp-vs__verdict > strong",
            "ns => ns.map(n => [n.textContent, getComputedStyle(n, '::before').content])",
        )
        assert marks[0][0] == "Yes" and marks[0][1].startswith('"✓')  # Lattice first, then Bellows
        assert marks[1] == ["Partly", '"◐ "']
    finally:
        visit.close()
    assert visit.errors == []


def test_without_the_script_the_dates_and_glyphs_show(browser: Any, summary_site: str) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.route(
            "**/*",
            lambda route: route.continue_() if route.request.url.startswith(summary_site) else route.abort(),
        )
        page.goto(summary_site + "compare/", wait_until="load")
        dates = {}
        for row in page.query_selector_all(ROWS):
            time = row.query_selector("td.cmp-reviewed time")
            tool = row.query_selector("th").inner_text().strip()
            dates[tool] = time.inner_text() if time and time.is_visible() else None
        assert dates == {tool: date for tool, (_, date) in TOOLS.items()}
        assert (
            page.locator(".cmp-card", has_text="Conveyor")
            .inner_text()
            .endswith("Last reviewed 21 August 2024")
        )
    finally:
        context.close()


TITLE_JS = """
() => [...document.querySelectorAll('.compare-verdict > .admonition-title')].map(title => {
  const mark = getComputedStyle(title, '::before');
  return [title.textContent, mark.content, mark.color, getComputedStyle(title.parentElement).borderLeftColor];
})
"""


@pytest.mark.parametrize("theme", ["mkdocs", "readthedocs"])
def test_built_in_themes_draw_a_verdict_by_its_type(browser: Any, tmp_path: Path, theme: str) -> None:
    """Themes without Material's admonitions get the basic stylesheet: glyph and colour by type."""
    option = {"partial": {"label": "Partly", "type": "warning"}, "yes": {"type": "tip"}}
    rows = [Row("Caching", "yes", "a", "partial", "b"), Row("Retries", "no", "c", "maybe", "d")]
    write_docs(tmp_path / "docs", {"index.md": "# Home\n", "compare/conveyor.md": render(Page(rows=rows))})
    config = {"site_name": "x", "theme": {"name": theme}, "plugins": [{"compare": {"verdicts": option}}]}
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    build(load_config(str(tmp_path / "mkdocs.yml")))
    server, base = serve(tmp_path / "site")
    visit = Visit(browser, base, 1280, 900, "light")
    try:
        titles = visit.goto("compare/conveyor/").evaluate(TITLE_JS)
    finally:
        visit.close()
        server.shutdown()
        server.server_close()
    assert [(text, content) for text, content, _, _ in titles] == [
        ("Lattice: Yes", '"★"'),  # yes given the tip type
        ("Conveyor: Partly", '"◐"'),
        ("Lattice: No", '"✗"'),
        ("Conveyor: Not stated", '"?"'),
    ]
    assert titles[1][2] == "rgb(161, 78, 0)" and titles[1][3] == "rgb(161, 78, 0)"  # --cmp-warning-fg
    assert titles[0][2] == "rgb(0, 118, 106)"  # --cmp-tip-fg
