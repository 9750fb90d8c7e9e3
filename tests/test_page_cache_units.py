"""The serve page cache's shortcut: a page is handed its last rendering by identity checks only
while no related link of the rebuild can show anything new; every other case goes to `get`."""

from __future__ import annotations

import dataclasses

import pytest

from mkdocs_compare.held import HeldBlock, RenderedPage
from mkdocs_compare.model import Comparison
from mkdocs_compare.page_cache import PageCache, RenderInputs

KEY = object()


def _pages() -> dict[str, Comparison]:
    return {
        "a.md": Comparison("a.md", "Us vs Alder", "Alder", "Us", category="ci"),
        "b.md": Comparison("b.md", "Us vs Birch", "Birch", "Us", category="ci"),
        "c.md": Comparison("c.md", "Us vs Cedar", "Cedar", "Us", category="ci"),
    }


def _urls(pages: dict[str, Comparison]) -> dict[str, str]:
    return {path: path.removesuffix(".md") + "/" for path in pages}


def _rendered(path: str) -> RenderedPage:
    return RenderedPage(f"markdown of {path}", {"<!-- p -->": HeldBlock("<div></div>", True)})


def _first_rebuild(cache: PageCache, pages: dict[str, Comparison]) -> None:
    """A rebuild that renders every page (its links: the other pages of the category)."""
    urls = _urls(pages)
    cache.begin(pages, urls)
    for path, page in pages.items():
        siblings = [other for other in pages.values() if other is not page]
        cache.put(RenderInputs(path, page, siblings, urls[path], urls, KEY), _rendered(path))


def test_an_unchanged_rebuild_hands_out_each_page_by_identity() -> None:
    cache, pages = PageCache(), _pages()
    _first_rebuild(cache, pages)
    cache.begin(pages, _urls(pages))
    kept = cache.kept("a.md", pages["a.md"], "a/", KEY)
    assert kept is not None and kept.markdown == "markdown of a.md"
    assert list(kept.blocks) == ["<!-- p -->"]
    cache.begin(pages, _urls(pages))
    again = cache.kept("a.md", pages["a.md"], "a/", KEY)
    assert again is kept  # the very blocks: the fill steps know them by identity


@pytest.mark.parametrize("field", ["title", "tool_name", "category"])
def test_another_page_showing_something_new_in_a_link_stops_the_shortcut(field: str) -> None:
    cache, pages = PageCache(), _pages()
    _first_rebuild(cache, pages)
    edited = dict(pages)
    edited["b.md"] = dataclasses.replace(pages["b.md"], **{field: "Changed"})
    cache.begin(edited, _urls(edited))
    assert cache.kept("a.md", pages["a.md"], "a/", KEY) is None


def test_an_edit_that_no_link_shows_keeps_the_shortcut_for_the_other_pages() -> None:
    cache, pages = PageCache(), _pages()
    _first_rebuild(cache, pages)
    edited = dict(pages)
    edited["b.md"] = dataclasses.replace(pages["b.md"], product_name="Other")  # not in a link
    cache.begin(edited, _urls(edited))
    assert cache.kept("a.md", pages["a.md"], "a/", KEY) is not None
    assert cache.kept("b.md", edited["b.md"], "b/", KEY) is None  # its own model is new


@pytest.mark.parametrize("change", ["page added", "page removed", "url moved"])
def test_pages_and_urls_that_change_stop_the_shortcut(change: str) -> None:
    cache, pages = PageCache(), _pages()
    _first_rebuild(cache, pages)
    edited, urls = dict(pages), _urls(pages)
    if change == "page added":
        edited["d.md"] = Comparison("d.md", "Us vs Dogwood", "Dogwood", "Us", category="ci")
        urls = _urls(edited)
    elif change == "page removed":
        del edited["c.md"]
        urls = _urls(edited)
    else:
        urls["c.md"] = "elsewhere/"
    cache.begin(edited, urls)
    assert cache.kept("a.md", pages["a.md"], "a/", KEY) is None


def test_own_url_settings_and_a_skipped_rebuild_stop_the_shortcut() -> None:
    cache, pages = PageCache(), _pages()
    _first_rebuild(cache, pages)
    cache.begin(pages, _urls(pages))
    assert cache.kept("a.md", pages["a.md"], "other/", KEY) is None
    assert cache.kept("a.md", pages["a.md"], "a/", object()) is None
    assert cache.kept("a.md", dataclasses.replace(pages["a.md"]), "a/", KEY) is None  # equal, not same
    # b.md was not handed out in this rebuild: in the next one its entry is not known current.
    cache.begin(pages, _urls(pages))
    assert cache.kept("b.md", pages["b.md"], "b/", KEY) is None


def test_without_begin_nothing_is_kept_by_the_shortcut() -> None:
    cache, pages = PageCache(), _pages()
    urls = _urls(pages)
    cache.put(RenderInputs("a.md", pages["a.md"], [], "a/", urls, KEY), _rendered("a.md"))
    assert cache.kept("a.md", pages["a.md"], "a/", KEY) is None
