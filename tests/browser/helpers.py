"""What the browser tests share: building and serving the example site, opening pages, and the
JavaScript that measures what the reader sees (boxes, colours, contrast)."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build
from mkdocs.config import load_config

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# Theme variants the example site is built with: the root mkdocs.yml as it is (Material, light and
# slate chosen by prefers-color-scheme), then MkDocs' two built-in themes with the same plugins.
# MkDocs' own theme follows the reader's colour scheme with color_mode "auto", so it is checked
# dark too. Its highlight.js stays on because its dark-mode script assumes highlight.js's
# stylesheets exist (with highlightjs off it throws on every page); see OFFLINE_ERRORS.
THEMES: dict[str, dict[str, Any] | None] = {
    "material": None,
    "mkdocs": {"name": "mkdocs", "color_mode": "auto"},
    "readthedocs": {"name": "readthedocs", "highlightjs": False},
}
DARK_THEMES = ("material", "mkdocs")

# Errors that only mean "no network here", matched exactly: MkDocs' theme loads highlight.js from
# cdnjs, and its inline `hljs.highlightAll()` then throws. (The plugin's code blocks are
# highlighted by Pygments at build time and do not need it.)
OFFLINE_ERRORS = ("uncaught: ReferenceError: hljs is not defined",)


def build_example(site_dir: Path, theme: dict[str, Any] | None) -> Path:
    """Build the root mkdocs.yml (docs in example_site/docs) into site_dir, theme overridden."""
    overrides: dict[str, Any] = {"site_dir": str(site_dir)}
    if theme is not None:
        overrides["theme"] = theme
    build(load_config(str(REPO / "mkdocs.yml"), **overrides))
    return site_dir


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        # The browser drops connections it no longer needs (a page left mid-load): not an error.
        pass


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve a folder on 127.0.0.1 and a free port, from a daemon thread; returns its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = _QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def comparison_paths(site_dir: Path) -> list[str]:
    """URL paths of the built comparison pages (every page holding a feature grid)."""
    return sorted(
        f"{page.parent.relative_to(site_dir).as_posix()}/"
        for page in site_dir.glob("**/index.html")
        if 'class="compare-grid"' in page.read_text(encoding="utf-8")
    )


class Visit:
    """A browser context of one size and colour scheme with one tab, on one site: requests to
    other hosts are aborted, and console errors and uncaught exceptions from the site's own
    origin are collected in `errors`, with the page they happened on."""

    def __init__(self, browser: Any, base: str, width: int, height: int, scheme: str) -> None:
        self.base = base
        self.context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("console", self._console)
        self.page.on("pageerror", self._uncaught)
        # There is no network here: Material's web fonts, the built-in themes' CDN assets and the
        # example's https://lattice.example.org icons cannot load. Abort every request to another
        # host so none of them waits for a timeout.
        self.page.route(
            "**/*",
            lambda route: route.continue_() if route.request.url.startswith(self.base) else route.abort(),
        )

    def goto(self, path: str) -> Any:
        self.page.goto(self.base + path, wait_until="load")
        return self.page

    def _console(self, message: Any) -> None:
        # Chromium logs every failed request as a console error located at the request's URL. The
        # aborted requests to other hosts (above) are this sandbox's missing network, not the
        # site's faults, so only errors located on the site's own origin count (a 404 for one of
        # its own files, a script error). Uncaught exceptions come through "pageerror".
        if message.type == "error" and message.location.get("url", "").startswith(self.base):
            self.errors.append(f"{self.page.url}: console: {message.text} ({message.location.get('url')})")

    def _uncaught(self, error: Any) -> None:
        text = f"uncaught: {error.name}: {error.message}"
        if text not in OFFLINE_ERRORS:
            self.errors.append(f"{self.page.url}: {text}")

    def close(self) -> None:
        self.context.close()


# WCAG 2.x contrast of an element's text (or of its ::before/::after glyph) against what is behind
# it: every translucent background from the element up to the first opaque one is composited over
# the one below (white if none is opaque), and the text colour's alpha times the opacity of the
# element and its ancestors is composited over that.
_CONTRAST_FN = """
(el, pseudo) => {
  const parse = (c) => { const m = c.match(/[\\d.]+/g) || [0, 0, 0, 0];
    return [+m[0], +m[1], +m[2], m.length > 3 ? +m[3] : 1]; };
  const layers = [];
  let opacity = 1, opaque = false;
  for (let n = el; n; n = n.parentElement) {
    const style = getComputedStyle(n);
    opacity *= +style.opacity;
    const bg = parse(style.backgroundColor);
    if (!opaque && bg[3] > 0) layers.push(bg);
    opaque = opaque || bg[3] >= 1;
  }
  let base = [255, 255, 255];
  for (const [r, g, b, a] of layers.reverse()) base = [r*a + base[0]*(1-a), g*a + base[1]*(1-a), b*a + base[2]*(1-a)];
  if (pseudo) opacity *= +getComputedStyle(el, pseudo).opacity;
  const fg = parse(getComputedStyle(el, pseudo).color);
  const alpha = fg[3] * opacity;
  const color = [0, 1, 2].map(i => fg[i]*alpha + base[i]*(1-alpha));
  const lum = (c) => { const v = c.map(x => { x /= 255; return x <= 0.04045 ? x/12.92 : Math.pow((x+0.055)/1.055, 2.4); });
    return 0.2126*v[0] + 0.7152*v[1] + 0.0722*v[2]; };
  const [l1, l2] = [lum(color), lum(base)].sort((a, b) => b - a);
  return (l1 + 0.05) / (l2 + 0.05);
}
"""
CONTRAST_JS = f"([el, pseudo]) => ({_CONTRAST_FN})(el, pseudo)"

# For each selector (a trailing ::before or ::after measures that glyph), every rendered element
# under the minimum contrast; a selector that matches nothing rendered is reported too, so a
# renamed class cannot make the check pass by checking nothing.
LOW_CONTRAST_JS = f"""
([selectors, minimum]) => {{
  const ratio = {_CONTRAST_FN};
  const failures = [];
  for (const spec of selectors) {{
    const [selector, pseudo] = spec.split(/(?=::)/);
    const shown = [...document.querySelectorAll(selector)].filter(el => el.checkVisibility({{visibilityProperty: true}}));
    if (!shown.length) failures.push(`nothing rendered matches ${{spec}}`);
    for (const el of shown) {{
      const r = ratio(el, pseudo || null);
      if (r < minimum) failures.push(`${{spec}} "${{el.textContent.trim().slice(0, 40)}}": ${{r.toFixed(2)}}:1`);
    }}
  }}
  return failures;
}}
"""

# The feature grid's rows as boxes: [[first verdict, second verdict], ...].
GRID_BOXES_JS = """
() => [...document.querySelectorAll('.compare-grid__row')].map(row =>
  [...row.querySelectorAll(':scope > .compare-verdict')].map(a => a.getBoundingClientRect().toJSON()))
"""


def contrast(page: Any, element: Any, pseudo: str | None = None) -> float:
    """Contrast ratio (1 to 21) of an element's text, or of its pseudo-element's, as rendered."""
    return float(page.evaluate(CONTRAST_JS, [element, pseudo]))


def low_contrast(page: Any, selectors: list[str], minimum: float = 4.5) -> list[str]:
    """Every rendered element matching the selectors whose text contrast is under the minimum."""
    return list(page.evaluate(LOW_CONTRAST_JS, [selectors, minimum]))
