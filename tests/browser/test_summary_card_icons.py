"""A tool's icon that cannot load (a remote URL gone, or no network) leaves no empty square on
its summary card: the script takes the image out, and the card shows the tool's initial, as a card
whose page names no icon does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from conftest import write_docs
from exported import Page, render
from mkdocs.commands.build import build
from mkdocs.config import load_config

from .helpers import Visit, serve

SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40"/></svg>'
CARD_JS = """
() => [...document.querySelectorAll('.cmp-card')].map(card => {
  const img = card.querySelector('img.cmp-card__icon');
  const letter = card.querySelector('.cmp-card__letter').getBoundingClientRect();
  const shown = letter.width > 0 ? card.querySelector('.cmp-card__letter').textContent : null;
  return [card.querySelector('.cmp-card__name').textContent, img ? img.naturalWidth : null, shown,
          Math.round(letter.width)];
})
"""


def test_a_card_whose_icon_cannot_load_reads_as_one_without(browser: Any, tmp_path: Path) -> None:
    pages = {
        # Requests to other hosts fail here (Visit aborts them): a remote icon gone.
        "compare/anvil.md": render(Page(tool="Anvil", icon_url="https://icons.example.org/anvil.svg")),
        "compare/bellows.md": render(Page(tool="Bellows", icon_url="../assets/bellows.svg")),
        "compare/crane.md": render(Page(tool="Crane", icon_url="")),
        "compare/dredge.md": render(Page(tool="Dredge", icon_url="../assets/missing.svg")),  # a 404
        "assets/bellows.svg": SVG,
    }
    write_docs(tmp_path / "docs", {"index.md": "# Home\n", **pages})
    config = {"site_name": "x", "theme": {"name": "material"}, "plugins": ["compare"]}
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    build(load_config(str(tmp_path / "mkdocs.yml")))
    server, base = serve(tmp_path / "site")
    visit = Visit(browser, base, 1280, 900, "light")
    try:
        page = visit.goto("compare/")
        page.wait_for_selector("table[data-compare-matrix][data-compare-ready]")
        page.wait_for_function("() => document.querySelectorAll('img.cmp-card__icon').length === 1")
        cards = {name: tuple(rest) for name, *rest in page.evaluate(CARD_JS)}
        assert cards["Bellows"] == (40, None, 0)  # the icon that loads stays, its letter hidden
        # The broken ones go, and their letter shows where the icon was, as without one.
        assert cards["Anvil"] == (None, "A", 40) and cards["Dredge"] == (None, "D", 40)
        assert cards["Crane"] == (None, "C", 40)
        page.locator(".cmp-cards").screenshot(path=str(tmp_path / "cards.png"))  # to look at
    finally:
        visit.close()
        server.shutdown()
        server.server_close()
    # The 404 of the missing icon is the page's own fault, reported as such; nothing else is.
    assert [error for error in visit.errors if "missing.svg" not in error] == []
