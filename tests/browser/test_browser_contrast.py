"""Text contrast of at least 4.5:1 (WCAG AA), computed from the rendered styles, in each theme's
light scheme and in the dark ones (Material's slate, MkDocs' dark colour mode)."""

from __future__ import annotations

import pytest

from .conftest import ExampleSites, OpenPage
from .helpers import DARK_THEMES, THEMES, low_contrast

# Text the plugin writes and styles. The themes' own link colours are theirs (MkDocs' blue is
# 2.8:1 on white), so plain links are left out; the buttons the plugin styles are in.
PAGE_TEXT = [
    ".compare-hero__headline",
    ".compare-hero__body",
    ".compare-hero__cta a",
    ".compare-grid__head > span",
    ".compare-grid__feature",
    ".compare-verdict > .admonition-title",
    ".compare-verdict > p:not(.admonition-title)",
    ".compare-next-steps li",
    ".compare-next-steps__cta a",
]
# The fallback's verdict glyphs are text, so they are held to the text minimum. Material's icons
# are drawn shapes next to a title that spells the verdict out; they are checked for presence in
# test_browser_layout.
FALLBACK_GLYPHS = [
    ".compare-verdict--yes > .admonition-title::before",
    ".compare-verdict--no > .admonition-title::before",
]
SUMMARY_TEXT = [
    ".cmp-controls label",
    ".cmp-card__name",
    ".cmp-card__category",
    ".cmp-card__headline",
    ".cmp-legend",
    ".cmp-matrix thead th",
    ".cmp-matrix tbody td:nth-child(2)",
    ".cmp-matrix tbody td:nth-child(3)",
    ".cmp-matrix tbody td:nth-child(4)",
    ".cmp-matrix td.t-y::before",
    ".cmp-matrix td.t-n::before",
    ".cmp-matrix td.t-y::after",
    ".cmp-matrix td.t-n::after",
]
# A summary note shows when its cell is focused; it is measured while shown.
FOCUSED_NOTE = ".cmp-matrix tbody td[class^='t-'] a:focus > span"

SCHEMES = [(theme, "light") for theme in THEMES] + [(theme, "dark") for theme in DARK_THEMES]


def _check_scheme(page: object, theme: str, scheme: str) -> None:
    """The page really is in the scheme asked for (else a dark check would measure light)."""
    if theme == "material":
        expected = "slate" if scheme == "dark" else "default"
        assert page.get_attribute("body", "data-md-color-scheme") == expected  # type: ignore[attr-defined]
    elif theme == "mkdocs":
        assert page.get_attribute("html", "data-bs-theme") == scheme  # type: ignore[attr-defined]


@pytest.mark.parametrize(("theme", "scheme"), SCHEMES)
def test_comparison_pages_contrast(open_page: OpenPage, sites: ExampleSites, theme: str, scheme: str) -> None:
    selectors = PAGE_TEXT if theme == "material" else PAGE_TEXT + FALLBACK_GLYPHS
    failures = []
    for path in sites.comparison_pages(theme):
        page = open_page(theme, path, scheme=scheme)
        _check_scheme(page, theme, scheme)
        failures += [f"{path} {failure}" for failure in low_contrast(page, selectors)]
    assert not failures, f"{theme}/{scheme}:\n" + "\n".join(failures)


@pytest.mark.parametrize(("theme", "scheme"), SCHEMES)
def test_summary_contrast(open_page: OpenPage, theme: str, scheme: str) -> None:
    page = open_page(theme, "compare/", scheme=scheme)
    _check_scheme(page, theme, scheme)
    failures = low_contrast(page, SUMMARY_TEXT)
    cells = page.query_selector_all(".cmp-matrix tbody td[class^='t-'] a")
    assert cells
    for cell in cells[:: max(1, len(cells) // 8)]:
        cell.focus()
        failures += low_contrast(page, [FOCUSED_NOTE])
    assert not failures, f"{theme}/{scheme}:\n" + "\n".join(failures)


# The colour showing behind an element's text: its own background or, where that is transparent,
# the first opaque one of its ancestors, as [r, g, b] (translucent layers are ignored here).
BACKDROP_JS = """
(el) => {
  for (let n = el; n; n = n.parentElement) {
    const m = getComputedStyle(n).backgroundColor.match(/[\\d.]+/g);
    if (m && (m.length < 4 || +m[3] >= 1)) return m.slice(0, 3).map(Number);
  }
  return [255, 255, 255];
}
"""


@pytest.mark.parametrize(("theme", "scheme"), SCHEMES)
def test_summary_matrix_takes_the_page_background(open_page: OpenPage, theme: str, scheme: str) -> None:
    # The matrix paints its cells (its sticky headers must hide what scrolls under them): in a
    # dark scheme they must be dark too, not a white block (a theme's light striping is fine).
    page = open_page(theme, "compare/", scheme=scheme)
    _check_scheme(page, theme, scheme)
    backdrop = page.evaluate(
        f"() => ({BACKDROP_JS})(document.querySelector('.cmp-matrix-wrap').parentElement)"
    )
    cells = page.eval_on_selector_all(".cmp-matrix th, .cmp-matrix td", f"cells => cells.map({BACKDROP_JS})")
    assert cells
    for cell in cells:
        assert max(abs(a - b) for a, b in zip(cell, backdrop, strict=True)) <= 24, (cell, backdrop)
