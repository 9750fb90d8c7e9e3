"""The example site built by Zensical with only the Markdown extension, in Chromium: the inline
stylesheet draws the grid, and the summary's inline script runs (its filter works)."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from extension_site import example_copy, extension_config, zensical_build

from .helpers import Visit, serve

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("zensical") is None, reason="zensical is not installed"
)


@pytest.fixture(scope="module")
def visit(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Visit]:
    root: Path = tmp_path_factory.mktemp("zensical-browser")
    _, config = example_copy(root)
    zensical_build(root, extension_config(config))
    server, base = serve(root / "site")
    page = Visit(browser, base, 1280, 900, "light")
    yield page
    assert not page.errors, page.errors
    page.close()
    server.shutdown()
    server.server_close()


def test_the_grid_is_drawn_by_the_inline_stylesheet(visit: Visit) -> None:
    page = visit.goto("compare/lattice-vs-conveyor/")
    grid = page.locator(".compare-grid").first
    assert grid.evaluate("el => getComputedStyle(el).display") == "grid"
    boxes = page.locator(".compare-grid .admonition")
    assert boxes.count() >= 10
    first, second = boxes.nth(0).bounding_box(), boxes.nth(1).bounding_box()
    assert (
        first and second and abs(first["y"] - second["y"]) < 2 and second["x"] > first["x"] + 100
    )  # side by side


def test_the_summary_script_runs(visit: Visit) -> None:
    page = visit.goto("compare/")
    controls = page.locator("[data-compare-controls]")
    assert controls.is_visible()  # the script unhides its controls
    rows = page.locator("table.cmp-matrix tbody tr[data-slug]")
    total = rows.count()
    assert total >= 5
    select = controls.locator("select").first
    options = select.locator("option").all_inner_texts()
    select.select_option(index=len(options) - 1)
    page.wait_for_timeout(200)
    shown = page.evaluate(
        "() => [...document.querySelectorAll('table.cmp-matrix tbody tr[data-slug]')].filter(r => !r.hidden).length"
    )
    assert 0 < shown < total
