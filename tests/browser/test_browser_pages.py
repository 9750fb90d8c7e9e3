"""Using the comparison pages: code tabs, Material's light/dark toggle, the keyboard, and a clean
console on every page of the example site."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import ExampleSites, OpenPage
from .helpers import DARK_THEMES, low_contrast

PAGE = "compare/lattice-vs-stackhouse/"

# Which notes are on screen and not covered (by a sticky header, say): the element at a note's
# centre must be the note itself, or inside it.
NOTES_ON_SCREEN_JS = """
() => [...document.querySelectorAll('.compare-verdict > p:not(.admonition-title)')].flatMap((note, i) => {
  const r = note.getBoundingClientRect();
  if (r.top < 0 || r.bottom > innerHeight || r.left < 0 || r.right > innerWidth) return [];
  const hit = document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2);
  return hit && note.contains(hit) ? [i] : [];
})
"""


def _tab_blocks(page: Any) -> list[bool]:
    return [block.is_visible() for block in page.query_selector_all(".tabbed-set .tabbed-block")]


def _settled_scroll(page: Any) -> float:
    """The scroll position once (smooth) scrolling has stopped."""
    position = page.evaluate("scrollY")
    for _ in range(40):
        page.wait_for_timeout(50)
        now = page.evaluate("scrollY")
        if now == position:
            break
        position = now
    return float(position)


def test_code_tabs_switch_by_click_and_keyboard(open_page: OpenPage, sites: ExampleSites, theme: str) -> None:
    for path in sites.comparison_pages(theme):
        page = open_page(theme, path)
        labels = page.query_selector_all(".tabbed-set .tabbed-labels > label")
        assert len(labels) == 2, path
        assert _tab_blocks(page) == [True, False], path
        labels[1].click()
        assert _tab_blocks(page) == [False, True], path
        assert page.query_selector(".tabbed-set .tabbed-block:nth-child(2) pre").inner_text().strip()
        labels[0].click()
        assert _tab_blocks(page) == [True, False], path
    # From the keyboard: Tab reaches the tab set (one stop, as a radio group), arrows switch.
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('.tabbed-set')"):
            break
    else:
        pytest.fail(f"{theme}: Tab never reaches the code tabs")
    page.keyboard.press("ArrowRight")
    assert _tab_blocks(page) == [False, True]


def test_notes_reachable_from_the_keyboard(open_page: OpenPage, sites: ExampleSites, theme: str) -> None:
    """Verdict notes are plain text, always shown: no hover or focus is needed to read them, and
    they are not in the Tab order (a Tab stop per verdict would be dozens of stops that do
    nothing). Keyboard readers scroll: paging down from the top brings every note fully on
    screen, uncovered, at some point. Tab itself must reach every link and control around them."""
    page = open_page(theme, PAGE, height=800)
    count = page.evaluate("document.querySelectorAll('.compare-verdict > p:not(.admonition-title)').length")
    assert count >= 10
    page.click("h1")  # focus the document, as a reader's first click would
    seen: set[int] = set(page.evaluate(NOTES_ON_SCREEN_JS))
    for _ in range(60):
        before = page.evaluate("scrollY")
        page.keyboard.press("PageDown")
        after = _settled_scroll(page)
        seen |= set(page.evaluate(NOTES_ON_SCREEN_JS))
        if after == before:
            break
    missing = sorted(set(range(count)) - seen)
    assert not missing, f"{theme}: notes {missing} never fully on screen while paging down"

    page = open_page(theme, PAGE)
    links = page.evaluate(
        "[...document.querySelectorAll('.compare-hero a, .compare-next-steps a, .compare-related a')].length"
    )
    reached: set[str] = set()
    for _ in range(300):
        page.keyboard.press("Tab")
        target = page.evaluate(
            "(() => { const a = document.activeElement;"
            " return a && a.closest('.compare-hero, .compare-next-steps, .compare-related') ? a.outerHTML : null; })()"
        )
        if target:
            reached.add(target)
        if len(reached) == links:
            break
    assert len(reached) == links, f"{theme}: Tab reached {len(reached)} of {links} links"


def test_material_palette_toggle_switches_to_slate_and_back(open_page: OpenPage) -> None:
    page = open_page("material", PAGE)
    assert page.get_attribute("body", "data-md-color-scheme") == "default"
    page.click("[data-md-component=palette] label:not([hidden])")
    assert page.get_attribute("body", "data-md-color-scheme") == "slate"
    selectors = [".compare-grid__feature", ".compare-verdict > .admonition-title", ".compare-verdict > p"]
    assert not low_contrast(page, selectors)
    page.reload()  # the choice is remembered
    assert page.get_attribute("body", "data-md-color-scheme") == "slate"
    page.click("[data-md-component=palette] label:not([hidden])")
    assert page.get_attribute("body", "data-md-color-scheme") == "default"


def test_no_console_errors_on_any_page(open_page: OpenPage, sites: ExampleSites, theme: str) -> None:
    # open_page fails the test on any console error or uncaught exception from the site. Every
    # page on a desktop in each scheme, and on a phone.
    pages = sites.all_pages(theme)
    assert {"", "compare/", PAGE} <= set(pages)
    views = [(1280, "light"), (390, "light")] + ([(1280, "dark")] if theme in DARK_THEMES else [])
    for width, scheme in views:
        for path in pages:
            page = open_page(theme, path, width=width, scheme=scheme)
            assert page.title(), path
