"""`mkdocs serve` rebuilds after each kind of edit come out as a fresh build of the edited files:
the scan keeps what unchanged files gave, the summary keeps its columns and each category's
cards and matrix rows whole, the exports their encoded lines; an edit of any of their inputs
must show."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from exported import Row, render
from mkdocs.commands.build import build
from mkdocs.plugins import BasePlugin
from test_serve import SERVE_URL, Serve, _page, _source

import mkdocs_compare.summary.build
from mkdocs_compare.spool import Encoded
from mkdocs_compare.summary_parts import SummaryParts


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Serve]:
    serve = Serve(tmp_path)
    config = serve.config(tmp_path / "site")
    config.plugins.on_startup(command="serve", dirty=False)
    yield serve
    config.plugins.on_shutdown()


def _built(site: Path) -> list[Path]:
    return sorted(
        path.relative_to(site) for path in site.rglob("*") if path.suffix in (".html", ".json", ".csv")
    )


def _same_as_fresh(served: Serve, site: Path) -> None:
    fresh = served.fresh()
    assert _built(site) == _built(fresh)
    for relative in _built(fresh):
        assert (site / relative).read_bytes() == (fresh / relative).read_bytes(), relative


def _replace(served: Serve, tool: str, **changes: Any) -> None:
    served.edit(tool, dataclasses.replace(_page(tool), **changes))


def _move(served: Serve, tool: str, source: str) -> None:
    """The same page under another file name: another URL."""
    (served.root / "docs" / _source(tool)).rename(served.root / "docs" / source)


# The notes of the five pages are 5 x 61 characters: 65 more (the long note) take them past this.
BUDGET = 340

EDITS: dict[str, Callable[[Serve], None]] = {
    # Only Birch's row changes: the columns and the other categories stay.
    "a tool's verdict": lambda s: _replace(
        s, "Birch", rows=[Row("Caching", tool_verdict="yes"), *_page("B").rows[1:]]
    ),
    # Birch leaves the orchestrators' cards and rows for the trackers'.
    "a category": lambda s: _replace(s, "Birch", category="trackers"),
    # Scheduling loses a mention, a new feature appears: other columns and counts.
    "a feature name": lambda s: _replace(s, "Birch", rows=[Row("Caching"), Row("Job scheduling")]),
    "a page added": lambda s: (s.root / "docs" / _source("Fir")).write_text(render(_page("Fir")), "utf-8"),
    "a page removed": lambda s: (s.root / "docs" / _source("Cedar")).unlink(),
    "a page's URL": lambda s: _move(s, "Birch", "compare/birch-again.md"),
    "the product's name on most pages": lambda s: [
        _replace(s, tool, product="Mosaic") for tool in ("Alder", "Birch", "Cedar")
    ],
    "a note past the budget of inlined notes": lambda s: _replace(
        s, "Birch", rows=[Row("Caching", tool_note="A much longer note. " * 4), *_page("B").rows[1:]]
    ),
}


@pytest.mark.parametrize("edit", list(EDITS))
def test_each_kind_of_edit_rebuilds_to_the_site_a_fresh_build_makes(
    served: Serve, edit: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(mkdocs_compare.summary.build, "NOTE_BUDGET", BUDGET)
    site = served.rebuild()
    served.rebuild()  # the kept pieces are the second build's, made from the first's
    before = (site / "compare/index.html").read_bytes()
    EDITS[edit](served)
    site = served.rebuild()
    assert (site / "compare/index.html").read_bytes() != before  # the edit shows in the summary
    _same_as_fresh(served, site)


def test_the_budget_edit_turns_the_inlined_notes_off(served: Serve, monkeypatch: pytest.MonkeyPatch) -> None:
    """(What the last edit above is for: the notes' length is kept out of the columns' key.)"""
    monkeypatch.setattr(mkdocs_compare.summary.build, "NOTE_BUDGET", BUDGET)
    site = served.rebuild()
    matrix = BeautifulSoup((site / "compare/index.html").read_text("utf-8"), "html.parser").table
    assert matrix is not None and "cmp-matrix--notes" in matrix["class"]
    EDITS["a note past the budget of inlined notes"](served)
    site = served.rebuild()
    matrix = BeautifulSoup((site / "compare/index.html").read_text("utf-8"), "html.parser").table
    assert matrix is not None and "cmp-matrix--notes" not in matrix["class"]
    assert "A much longer note." not in matrix.get_text()


class _Setter(BasePlugin):  # type: ignore[type-arg]
    """Another plugin that sets a page's content in memory (as generators and i18n plugins do)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def on_files(self, files: Any, *, config: Any) -> Any:
        file = files.get_file_from_path(_source("Birch"))
        file.content_string = self.text
        return files


def _rebuild_with_setter(served: Serve, text: str) -> Path:
    config = served.config(served.root / "site")
    config.plugins["setter"] = _Setter(text)
    build(config, serve_url=SERVE_URL, dirty=False)
    return served.root / "site"


def _summary_text(site: Path) -> str:
    return BeautifulSoup((site / "compare/index.html").read_text("utf-8"), "html.parser").get_text()


def test_a_page_whose_content_another_plugin_sets_is_scanned_again(served: Serve) -> None:
    site = _rebuild_with_setter(served, render(_page("Birch", note="Set by a plugin.")))
    assert "Set by a plugin." in _summary_text(site)
    # The file on disk is unchanged; the content the plugin sets is not.
    site = _rebuild_with_setter(served, render(_page("Birch", note="Set again, otherwise.")))
    assert "Set again, otherwise." in _summary_text(site)
    assert "Set by a plugin." not in _summary_text(site)
    site = served.rebuild()  # no plugin: the file's own text again
    assert "Needs a plugin." in _summary_text(site) and "Set again" not in _summary_text(site)


def test_a_page_not_in_utf8_keeps_its_text_and_its_warning_on_every_rebuild(
    served: Serve, caplog: pytest.LogCaptureFixture
) -> None:
    page = render(_page("Birch", note="Caf\u00e9 included."))
    (served.root / "docs" / _source("Birch")).write_bytes(page.encode("cp1252"))
    for _ in range(2):  # read, then kept
        caplog.clear()
        with caplog.at_level(logging.WARNING):
            site = served.rebuild()
        warnings = [
            record.getMessage() for record in caplog.records if "not valid UTF-8" in record.getMessage()
        ]
        assert len(warnings) == 1 and _source("Birch") in warnings[0]
        assert "Caf\u00e9 included." in _summary_text(site)
        page_html = site / "compare/lattice-vs-birch/index.html"
        assert "Caf\u00e9 included." in BeautifulSoup(page_html.read_text("utf-8"), "html.parser").get_text()


def test_a_whole_piece_is_kept_for_equal_inputs_and_goes_when_a_build_leaves_it_unused() -> None:
    parts = SummaryParts()
    parts.begin("settings", ["a.md"])
    assert parts.whole("cards", "orchestrators", (1, 2), lambda: "first") == "first"
    assert parts.whole("cards", "trackers", (3,), lambda: "T") == "T"
    parts.begin("settings", ["a.md"])
    assert parts.whole("cards", "orchestrators", (1, 2), lambda: "again") == "first"  # kept
    assert parts.whole("cards", "orchestrators", (1, 3), lambda: "other") == "other"  # other rows
    parts.begin("settings", ["a.md"])  # the trackers went unused in the last build
    assert parts.whole("cards", "trackers", (3,), lambda: "T again") == "T again"
    assert parts.whole("cards", "orchestrators", (1, 3), lambda: "x") == "other"
    parts.begin("other settings", ["a.md"])
    assert parts.whole("cards", "orchestrators", (1, 3), lambda: "fresh") == "fresh"


def test_encoded_texts_are_the_pieces_in_utf8_whatever_was_kept() -> None:
    encoded = Encoded()
    first, second = "caf\u00e9\n", "plain\n"
    assert encoded.join([first, second, first]) == "caf\u00e9\nplain\ncaf\u00e9\n".encode()
    assert encoded.join([second, "\u00fcber\n"]) == "plain\n\u00fcber\n".encode()
    assert encoded.join([]) == b""
    assert encoded.join([first]) == "caf\u00e9\n".encode()
