"""Regenerate the README's screenshots from a fresh build of the example site.

Usage: python scripts/screenshots.py   (needs Playwright and Debian's /usr/bin/chromium)
Writes docs-images/page-light.png, page-dark.png, page-phone.png, and the summary's
summary.png (a note open from the keyboard), summary-dark.png, summary-phone.png (a note opened
by a tap) and summary-vs.png (two tools side by side, `?vs=`).
"""

from __future__ import annotations

import functools
import http.server
import tempfile
import threading
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build
from mkdocs.config import load_config
from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "docs-images"
PAGE = "compare/lattice-vs-stackhouse/"
# file name, path, viewport width, height, colour scheme, what to show
SHOTS = [
    ("page-light.png", PAGE, 1280, 1100, "light", None),
    ("page-dark.png", PAGE, 1280, 1100, "dark", None),
    ("page-phone.png", PAGE, 390, 1400, "light", None),
    ("summary.png", "compare/", 1280, 900, "light", "matrix"),
    ("summary-dark.png", "compare/", 1280, 900, "dark", "matrix"),
    ("summary-phone.png", "compare/", 390, 844, "light", "phone"),
    ("summary-vs.png", "compare/?vs=lattice-vs-conveyor,lattice-vs-pipewright", 1280, 900, "light", None),
]


def _show_matrix(page: Any) -> None:
    """Scroll the summary to its matrix and move to a verdict with the keyboard: its note shows."""
    page.evaluate("window.scrollTo(0, document.querySelector('.cmp-legend').offsetTop - 80)")
    page.click(".cmp-legend")
    for key in ("Tab", "ArrowDown", "ArrowRight", "ArrowRight", "ArrowRight", "ArrowRight"):
        page.keyboard.press(key)


def _show_phone(page: Any) -> None:
    """Scroll to the matrix (one card per tool on a phone) and tap a verdict: its note shows."""
    page.evaluate("window.scrollTo(0, document.querySelector('.cmp-matrix-wrap').offsetTop - 60)")
    page.locator("table[data-compare-matrix] tbody td[class^='t-']").nth(1).tap()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        site_dir = Path(folder) / "site"
        build(load_config(str(REPO / "mkdocs.yml"), site_dir=str(site_dir)))
        config = {"site_dir": str(site_dir)}
        handler = functools.partial(_Quiet, directory=config["site_dir"])
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        OUT.mkdir(exist_ok=True)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu", "--no-first-run"]
            )
            for name, path, width, height, scheme, show in SHOTS:
                viewport = {"width": width, "height": height}
                touch = show == "phone"
                context = browser.new_context(viewport=viewport, color_scheme=scheme, has_touch=touch)
                page = context.new_page()
                page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(base) else r.abort())
                page.goto(base + path, wait_until="load")
                if show == "matrix":
                    _show_matrix(page)
                elif show == "phone":
                    _show_phone(page)
                page.wait_for_timeout(100)
                page.screenshot(path=str(OUT / name))
                context.close()
                print(f"wrote {OUT / name}")
            browser.close()
        server.shutdown()


if __name__ == "__main__":
    main()
