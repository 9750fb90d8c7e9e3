"""Every comparison page of the example site, as laid out in each theme: verdicts side by side on
a desktop and stacked on a phone, icons and notes visible, nothing wider than the screen."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import ExampleSites, OpenPage
from .helpers import GRID_BOXES_JS

DESKTOP, PHONE = 1280, 390

# Per verdict box: its title's ::before (Material's masked icon, or the fallback's glyph), and its
# note's box, for the checks below.
ICONS_AND_NOTES_JS = """
() => [...document.querySelectorAll('.compare-grid__row > .compare-verdict')].map(box => {
  const title = box.querySelector(':scope > .admonition-title');
  const icon = getComputedStyle(title, '::before');
  const note = box.querySelector(':scope > p:not(.admonition-title)');
  const rect = note && note.getBoundingClientRect();
  return {
    verdict: [...box.classList].find(c => c.startsWith('compare-verdict--')).slice(17),
    title: title.textContent,
    icon: {width: parseFloat(icon.width) || 0, height: parseFloat(icon.height) || 0, content: icon.content,
           background: icon.backgroundColor, mask: icon.maskImage || icon.webkitMaskImage,
           display: icon.display, visibility: icon.visibility},
    note: note && {text: note.textContent, left: rect.left, right: rect.right, width: rect.width,
                   height: rect.height, visible: note.checkVisibility({opacityProperty: true, visibilityProperty: true})},
  };
})
"""
GLYPHS = {"yes": '"\u2713"', "no": '"\u2717"', "unknown": '"?"'}


def _comparison_pages(sites: ExampleSites, theme: str) -> list[str]:
    pages = sites.comparison_pages(theme)
    assert len(pages) >= 6, pages  # the example site's six published comparisons
    return pages


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_comparison_pages_layout_icons_and_notes(
    open_page: OpenPage, sites: ExampleSites, theme: str, width: int
) -> None:
    for path in _comparison_pages(sites, theme):
        page = open_page(theme, path, width=width)
        _check_grid(page.evaluate(GRID_BOXES_JS), path, width)
        _check_icons_and_notes(page.evaluate(ICONS_AND_NOTES_JS), path, width, theme)
        overflow = page.evaluate("document.documentElement.scrollWidth")
        assert overflow <= width, f"{theme} {path} at {width}px scrolls sideways ({overflow}px)"


def _check_grid(rows: list[list[dict[str, float]]], path: str, width: int) -> None:
    """Side by side on a desktop: equal tops, the second to the right; on a phone: stacked."""
    assert len(rows) >= 5, path
    for first, second in rows:
        assert first["width"] > 0 and second["width"] > 0, path
        if width == DESKTOP:
            assert abs(first["top"] - second["top"]) < 2, f"{path}: verdicts not on one line"
            assert second["left"] >= first["right"] - 1, f"{path}: verdicts overlap"
        else:
            assert second["top"] >= first["bottom"] - 1, f"{path}: verdicts not stacked"
            # Stacked boxes use the column's full width, not a squeezed half of it.
            assert first["width"] > width * 0.6, f"{path}: verdict {first['width']}px wide"
        assert first["left"] >= 0 and second["right"] <= width, f"{path}: verdict off screen"


def _check_icons_and_notes(boxes: list[dict[str, Any]], path: str, width: int, theme: str) -> None:
    assert boxes, path
    for box in boxes:
        icon, note = box["icon"], box["note"]
        assert icon["display"] != "none" and icon["visibility"] == "visible", box["title"]
        if theme == "material":
            # Material paints the admonition type's icon: a coloured box masked by an SVG.
            assert icon["width"] > 0 and icon["height"] > 0, box["title"]
            assert icon["background"] not in ("rgba(0, 0, 0, 0)", "transparent"), box["title"]
            assert icon["mask"].startswith("url("), box["title"]
        else:
            # Other themes get the stylesheet's fallback: the verdict's glyph as text.
            assert icon["content"] == GLYPHS[box["verdict"]], box["title"]
        if note is not None:
            assert note["visible"] and note["width"] > 0 and note["height"] > 0, note["text"][:40]
            assert note["left"] >= 0 and note["right"] <= width, f"{path}: note off screen at {width}px"
    with_notes = [box for box in boxes if box["note"]]
    assert len(with_notes) >= len(boxes) // 2, f"{path}: most verdicts of the example carry a note"
