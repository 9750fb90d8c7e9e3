"""The example site in a real browser (Playwright driving Debian's Chromium on 127.0.0.1).

Checks what readers see: layout at desktop and phone widths, visible icons and notes, WCAG
contrast computed from the rendered styles in light and dark schemes, code tabs, the summary's
filter and sort, keyboard access to the summary's notes, no console errors, other themes.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REPO
from mkdocs.commands.build import build
from mkdocs.config import load_config

CHROMIUM = Path("/usr/bin/chromium")
sync_api = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed")

LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PAGE = "compare/lattice-vs-stackhouse/"

# Relative luminance and contrast per WCAG 2.x; the background is found by compositing every
# translucent ancestor background over the page's (white when nothing is opaque).
CONTRAST_JS = """
(el) => {
  const parse = (c) => { const m = c.match(/[\\d.]+/g) || [0,0,0,0];
    return [+m[0], +m[1], +m[2], m.length > 3 ? +m[3] : 1]; };
  const layers = [];
  for (let n = el; n; n = n.parentElement) {
    const bg = parse(getComputedStyle(n).backgroundColor);
    if (bg[3] > 0) layers.push(bg);
    if (bg[3] >= 1) break;
  }
  let base = [255, 255, 255];
  for (const [r, g, b, a] of layers.reverse()) base = [r*a + base[0]*(1-a), g*a + base[1]*(1-a), b*a + base[2]*(1-a)];
  const fg = parse(getComputedStyle(el).color);
  const color = [0,1,2].map(i => fg[i]*fg[3] + base[i]*(1-fg[3]));
  const lum = (c) => { const v = c.map(x => { x /= 255; return x <= 0.03928 ? x/12.92 : Math.pow((x+0.055)/1.055, 2.4); });
    return 0.2126*v[0] + 0.7152*v[1] + 0.0722*v[2]; };
  const [l1, l2] = [lum(color), lum(base)].sort((a, b) => b - a);
  return (l1 + 0.05) / (l2 + 0.05);
}
"""


def _build_example(target: Path, theme: str | None) -> Path:
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = str(REPO / "example_site" / "docs")
    config["site_dir"] = str(target / "site")
    if theme is not None:
        # These themes fetch highlight.js from a CDN, which cannot load here; the plugin's code
        # blocks are highlighted by Pygments at build time anyway.
        config["theme"] = {"name": theme, "highlightjs": False}
    config_file = target / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config), encoding="utf-8")
    build(load_config(str(config_file)))
    return target / "site"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@functools.cache
def _serve(site: Path) -> str:
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="module", params=["material", "mkdocs", "readthedocs"])
def site(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, str]]:
    theme = request.param
    folder = tmp_path_factory.mktemp(f"browser-{theme}")
    base = _serve(_build_example(folder, None if theme == "material" else theme))
    yield theme, base
    shutil.rmtree(folder, ignore_errors=True)


class Visit:
    """A page opened with external requests blocked (none can load here) and errors collected."""

    def __init__(self, browser: Any, url: str, width: int = 1280, scheme: str = "light") -> None:
        self.context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        # Example icons on lattice.example.org cannot load without a network: abort them quietly.
        self.page.route(
            "**/*",
            lambda route: (
                route.continue_() if route.request.url.startswith("http://127.0.0.1") else route.abort()
            ),
        )
        self.page.goto(url, wait_until="load")

    def _console(self, message: Any) -> None:
        # Requests to other hosts are aborted above, and Chromium logs each as an error located
        # at that host's URL: those are this sandbox's missing network, not the page's errors.
        if message.type == "error" and message.location.get("url", "").startswith("http://127.0.0.1"):
            self.errors.append(message.text)

    def close(self) -> None:
        self.context.close()


def _boxes(page: Any) -> list[list[dict[str, float]]]:
    return page.eval_on_selector_all(
        ".compare-grid__row",
        "rows => rows.map(r => [...r.querySelectorAll('.admonition')].map(a => a.getBoundingClientRect().toJSON()))",
    )


def test_verdicts_side_by_side_on_desktop_and_stacked_on_phones(browser: Any, site: tuple[str, str]) -> None:
    theme, base = site
    desktop = Visit(browser, base + PAGE, width=1280)
    rows = _boxes(desktop.page)
    assert len(rows) >= 7
    for first, second in rows:
        assert abs(first["top"] - second["top"]) < 2 and second["left"] >= first["right"] - 1
    assert desktop.page.evaluate("document.documentElement.scrollWidth") <= 1280
    desktop.close()
    phone = Visit(browser, base + PAGE, width=390)
    for first, second in _boxes(phone.page):
        assert second["top"] >= first["bottom"] - 1
        assert first["right"] <= 390 and second["right"] <= 390
    assert phone.page.evaluate("document.documentElement.scrollWidth") <= 390, theme
    phone.close()


def test_icons_and_notes_are_visible(browser: Any, site: tuple[str, str]) -> None:
    _, base = site
    visit = Visit(browser, base + PAGE)
    titles = visit.page.query_selector_all(".compare-verdict .admonition-title")
    assert titles
    for title in titles:
        icon = visit.page.evaluate(
            "t => { const s = getComputedStyle(t, '::before'); return [s.width, s.content, s.backgroundColor]; }",
            title,
        )
        width, content, colour = icon
        # Material draws a masked icon (sized, coloured); the fallback writes a ✓/✗/? glyph.
        assert (width not in ("0px", "auto") and colour != "rgba(0, 0, 0, 0)") or content not in (
            "none",
            "normal",
        )
    notes = visit.page.query_selector_all(".compare-verdict > p:not(.admonition-title)")
    assert notes and all(note.is_visible() for note in notes)
    visit.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_contrast(browser: Any, site: tuple[str, str], scheme: str) -> None:
    theme, base = site
    if scheme == "dark" and theme != "material":
        pytest.skip("only Material has a dark scheme")
    visit = Visit(browser, base + PAGE, scheme=scheme)
    if theme == "material":
        expected = "slate" if scheme == "dark" else "default"
        assert visit.page.get_attribute("body", "data-md-color-scheme") == expected
    selectors = [
        ".compare-grid__feature",
        ".compare-verdict .admonition-title",
        ".compare-verdict > p:not(.admonition-title)",
        ".compare-hero__body",
    ]
    for selector in selectors:
        for element in visit.page.query_selector_all(selector):
            ratio = visit.page.evaluate(CONTRAST_JS, element)
            assert ratio >= 4.5, (
                f"{theme}/{scheme}: {selector} {element.inner_text()[:40]!r} has {ratio:.2f}:1"
            )
    visit.close()


def test_code_tabs_switch(browser: Any, site: tuple[str, str]) -> None:
    _, base = site
    visit = Visit(browser, base + PAGE)
    labels = visit.page.query_selector_all(".tabbed-labels > label")
    blocks = visit.page.query_selector_all(".tabbed-content > .tabbed-block")
    assert len(labels) == 2 and len(blocks) == 2
    assert blocks[0].is_visible() and not blocks[1].is_visible()
    labels[1].click()
    assert blocks[1].is_visible() and not blocks[0].is_visible()
    visit.close()


def test_no_console_errors(browser: Any, site: tuple[str, str]) -> None:
    _, base = site
    for path in ("", "getting-started/", "compare/", PAGE, "compare/lattice-vs-pipewright/"):
        visit = Visit(browser, base + path)
        assert visit.errors == [], path
        visit.close()


def test_summary_filter_and_sort(browser: Any, site: tuple[str, str]) -> None:
    _, base = site
    visit = Visit(browser, base + "compare/")
    page = visit.page
    rows = "[data-compare-matrix] tbody tr"
    total = len(page.query_selector_all(rows))
    assert total == 6
    select = page.query_selector("select")
    assert select is not None
    option = page.eval_on_selector(
        "select", "s => [...s.options].find(o => o.textContent.trim() === 'Orchestrators').value"
    )
    select.select_option(option)
    visible = [r for r in page.query_selector_all(rows) if r.is_visible()]
    assert {r.query_selector("td").inner_text() for r in visible} == {"Orchestrators"}
    assert 0 < len(visible) < total
    select.select_option("")
    page.click("[data-compare-matrix] thead th:first-child button")
    names = [r.query_selector("th").inner_text() for r in page.query_selector_all(rows)]
    page.click("[data-compare-matrix] thead th:first-child button")
    again = [r.query_selector("th").inner_text() for r in page.query_selector_all(rows)]
    assert names == sorted(names, key=str.casefold) and again == names[::-1]
    visit.close()


def test_keyboard_focus_reaches_every_summary_note(browser: Any, site: tuple[str, str]) -> None:
    _, base = site
    visit = Visit(browser, base + "compare/")
    page = visit.page
    cells = page.query_selector_all("[data-compare-matrix] tbody td a > span")
    assert cells
    seen: set[str] = set()
    for _ in range(len(cells) + 200):
        page.keyboard.press("Tab")
        shown = page.evaluate(
            "() => { const a = document.activeElement; const s = a && a.closest('td') && a.querySelector(':scope > span');"
            " if (!s) return null; if (!a.dataset.focusId) a.dataset.focusId = String(Math.random());"
            " return [s.offsetWidth > 0 && getComputedStyle(s).visibility !== 'hidden', s.textContent, a.dataset.focusId]; }"
        )
        if shown is not None:
            assert shown[0], f"note not shown on focus: {shown[1][:60]!r}"
            seen.add(shown[2])
        if len(seen) == len(cells):
            break
    assert len(seen) == len(cells)
    visit.close()
