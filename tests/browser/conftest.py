"""Fixtures for the browser tests: the example site built once per theme variant and served on
127.0.0.1, one headless Debian Chromium for the whole session, and pages that fail their test
when the site logs a console error."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from .helpers import CHROMIUM, LAUNCH_ARGS, THEMES, Visit, build_example, comparison_paths, serve


class ExampleSites:
    """The example site per theme variant, built and served on first use, then reused."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.servers: list[Any] = []
        self.built: dict[str, tuple[Path, str]] = {}

    def _get(self, theme: str) -> tuple[Path, str]:
        if theme not in self.built:
            site_dir = build_example(self.folder / theme, THEMES[theme])
            server, base = serve(site_dir)
            self.servers.append(server)
            self.built[theme] = (site_dir, base)
        return self.built[theme]

    def url(self, theme: str, path: str = "") -> str:
        return self._get(theme)[1] + path

    def comparison_pages(self, theme: str) -> list[str]:
        return comparison_paths(self._get(theme)[0])

    def all_pages(self, theme: str) -> list[str]:
        """URL paths of every built page (the site uses directory URLs)."""
        site_dir = self._get(theme)[0]
        return sorted(
            "" if page.parent == site_dir else f"{page.parent.relative_to(site_dir).as_posix()}/"
            for page in site_dir.glob("**/index.html")
        )

    def close(self) -> None:
        for server in self.servers:
            server.shutdown()
            server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"browser tests need Debian's chromium at {CHROMIUM} (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests need Playwright")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def sites(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ExampleSites]:
    # Depends on `browser` so that a machine without Chromium skips before building anything.
    example = ExampleSites(tmp_path_factory.mktemp("example-sites"))
    yield example
    example.close()


@pytest.fixture(params=list(THEMES))
def theme(request: pytest.FixtureRequest) -> str:
    return str(request.param)


OpenPage = Callable[..., Any]


@pytest.fixture
def open_page(browser: Any, sites: ExampleSites) -> Iterator[OpenPage]:
    """`open_page(theme, path, width=1280, scheme="light")` returns the loaded Playwright page.

    Within one test, pages of the same theme, size and scheme share a browser context (a tab that
    navigates, which keeps the browser cache warm); each test starts with fresh contexts. Every
    page opened this way is checked when the test ends: a console error or uncaught exception
    from the site fails the test, whatever the test itself looked at."""
    visits: dict[tuple[str, int, int, str], Visit] = {}

    def _open(theme: str, path: str = "", width: int = 1280, scheme: str = "light", height: int = 900) -> Any:
        key = (theme, width, height, scheme)
        if key not in visits:
            visits[key] = Visit(browser, sites.url(theme), width, height, scheme)
        return visits[key].goto(path)

    yield _open
    errors = [
        f"{theme} {width}px {scheme}: {error}"
        for (theme, width, _, scheme), visit in visits.items()
        for error in visit.errors
    ]
    for visit in visits.values():
        visit.close()
    assert not errors, "errors in the browser console:\n" + "\n".join(errors)
