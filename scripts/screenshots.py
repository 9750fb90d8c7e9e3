"""Regenerate the README's screenshots from a fresh build of the example site.

Usage: python scripts/screenshots.py   (needs Playwright and Debian's /usr/bin/chromium)
Writes docs-images/page-light.png, page-dark.png, page-phone.png and summary.png.
"""

from __future__ import annotations

import functools
import http.server
import tempfile
import threading
from pathlib import Path
from typing import Any

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "docs-images"
PAGE = "compare/lattice-vs-stackhouse/"
SHOTS = [  # file name, path, viewport width, height, colour scheme
    ("page-light.png", PAGE, 1280, 1100, "light"),
    ("page-dark.png", PAGE, 1280, 1100, "dark"),
    ("page-phone.png", PAGE, 390, 1400, "light"),
    ("summary.png", "compare/", 1280, 1500, "light"),
]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
        config["docs_dir"] = str(REPO / "example_site" / "docs")
        config["site_dir"] = str(Path(folder) / "site")
        config_file = Path(folder) / "mkdocs.yml"
        config_file.write_text(yaml.safe_dump(config), encoding="utf-8")
        build(load_config(str(config_file)))
        handler = functools.partial(_Quiet, directory=config["site_dir"])
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        OUT.mkdir(exist_ok=True)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
            )
            for name, path, width, height, scheme in SHOTS:
                viewport = {"width": width, "height": height}
                context = browser.new_context(viewport=viewport, color_scheme=scheme)
                page = context.new_page()
                page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(base) else r.abort())
                page.goto(base + path, wait_until="load")
                page.screenshot(path=str(OUT / name))
                context.close()
                print(f"wrote {OUT / name}")
            browser.close()
        server.shutdown()


if __name__ == "__main__":
    main()
