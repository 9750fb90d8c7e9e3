"""What a reader sees on a comparison page under users' setups (tests/setups.py): each verdict
title's icon and text side by side, the verdict word readable, the code tab highlighted where the
site highlights code, and no console error."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from setups import SETUPS, build_setup

from .helpers import CONTRAST_JS, Visit, serve

# (setup, colour scheme the browser asks for)
VIEWS = [
    ("material", "light"),
    ("material-palette", "light"),
    ("material-toggle", "light"),
    ("material-toggle", "dark"),
    ("material-custom", "light"),
    ("mkdocs", "light"),
    ("readthedocs", "light"),
    ("codehilite", "light"),
    ("explicit-nav", "light"),
    ("no-directory-urls", "light"),
    ("site-subpath", "light"),
    ("snippets-critic", "light"),
]
GLYPHS = {"yes": '"\u2713"', "no": '"\u2717"', "unknown": '"?"'}

# Per verdict title, scrolled into view: the box of its text (a Range over its contents: the
# ::before icon is not in it), the icon's box when the theme positions it absolutely (Material:
# offsets from the title's padding box), and whether the text is what the reader sees there.
TITLES_JS = """
() => [...document.querySelectorAll('.compare-grid .compare-verdict > .admonition-title')].map(title => {
  title.scrollIntoView({block: 'center'});
  const range = document.createRange();
  range.selectNodeContents(title);
  const text = range.getBoundingClientRect().toJSON();
  const box = title.getBoundingClientRect();
  const icon = getComputedStyle(title, '::before');
  let iconBox = null;
  if (icon.content !== 'none' && icon.position === 'absolute') {
    const left = box.left + title.clientLeft + parseFloat(icon.left);
    const top = box.top + title.clientTop + parseFloat(icon.top);
    iconBox = {left, top, right: left + parseFloat(icon.width), bottom: top + parseFloat(icon.height)};
  }
  const hit = document.elementFromPoint((text.left + text.right) / 2, (text.top + text.bottom) / 2);
  const verdict = [...title.parentElement.classList].find(c => c.startsWith('compare-verdict--'));
  return {word: title.textContent, verdict: verdict.slice(17), text, iconBox, content: icon.content,
          position: icon.position, shown: !!hit && (hit === title || title.contains(hit)),
          contentLeft: box.left + title.clientLeft + parseFloat(getComputedStyle(title).paddingLeft)};
})
"""

# The colours of the token spans in the code block of the tab that is shown.
CODE_COLOURS_JS = """
() => {
  const blocks = [...document.querySelectorAll('.tabbed-set .tabbed-block')]
    .filter(b => b.checkVisibility({visibilityProperty: true}));
  if (blocks.length !== 1) return {shown: blocks.length, colours: []};
  const spans = [...blocks[0].querySelectorAll('pre code span[class]')];
  return {shown: 1, text: blocks[0].innerText, colours: [...new Set(spans.map(s => getComputedStyle(s).color))]};
}
"""


class SetupSites:
    """Each setup's site, built with the plugin and served on first use."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.servers: list[Any] = []
        self.bases: dict[str, str] = {}

    def base(self, setup: str) -> str:
        if setup not in self.bases:
            site = build_setup(setup, self.folder / setup, plugin=True)
            server, base = serve(site.site_dir)
            self.servers.append(server)
            self.bases[setup] = base
        return self.bases[setup]

    def close(self) -> None:
        for server in self.servers:
            server.shutdown()
            server.server_close()


@pytest.fixture(scope="module")
def setup_sites(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[SetupSites]:
    sites = SetupSites(tmp_path_factory.mktemp("setup-sites"))
    yield sites
    sites.close()


def _overlap(a: dict[str, float], b: dict[str, float]) -> bool:
    return (
        a["left"] < b["right"]
        and b["left"] < a["right"]
        and a["top"] < b["bottom"]
        and b["top"] < a["bottom"]
    )


@pytest.mark.parametrize(("setup", "scheme"), VIEWS, ids=[f"{s}-{c}" for s, c in VIEWS])
def test_verdicts_and_code_read_right(browser: Any, setup_sites: SetupSites, setup: str, scheme: str) -> None:
    visit = Visit(browser, setup_sites.base(setup), 1280, 900, scheme)
    try:
        directory_urls = SETUPS[setup][0].get("use_directory_urls", True)
        page = visit.goto("compare/lattice-vs-conveyor" + ("/" if directory_urls else ".html"))
        assert page.query_selector(".compare-grid"), page.url
        material = SETUPS[setup][0]["theme"]["name"] == "material"
        titles = page.evaluate(TITLES_JS)
        assert len(titles) == 6  # three features, two verdicts each
        for title in titles:
            where = f"{setup} {scheme}: {title['word']!r}"
            assert title["word"].split(": ")[1] in ("Yes", "No", "Not stated"), where
            assert title["text"]["width"] > 0 and title["shown"], f"{where}: text hidden or covered"
            if material:  # Material's own masked icon, left of the text, and no glyph of ours
                assert title["iconBox"] is not None, where
                assert not _overlap(title["iconBox"], title["text"]), f"{where}: icon over text {title}"
                assert title["iconBox"]["right"] <= title["text"]["left"], where
                assert title["content"] == '""', f"{where}: a glyph besides Material's icon"
            else:  # the basic stylesheet's glyph, laid out before the text
                assert title["content"] == GLYPHS[title["verdict"]] and title["position"] == "static", where
                assert title["text"]["left"] > title["contentLeft"], where
        handles = page.query_selector_all(".compare-grid .compare-verdict > .admonition-title")
        for handle in handles:
            ratio = page.evaluate(CONTRAST_JS, [handle, None])
            assert ratio >= 4.5, f"{setup} {scheme}: {handle.text_content()!r} contrast {ratio:.2f}"

        code = page.evaluate(CODE_COLOURS_JS)
        assert code["shown"] == 1, code
        assert "--8<--" in code["text"] and "{++added++}" in code["text"]
        if material and SETUPS[setup][1] is not None:  # the site highlights: so do the tabs
            assert len(code["colours"]) >= 3, code["colours"]
        page.click(".tabbed-labels > label:nth-child(2)")
        other = page.evaluate(CODE_COLOURS_JS)
        assert other["shown"] == 1 and "conveyor.run" in other["text"], other
    finally:
        visit.close()
    assert not visit.errors, visit.errors
