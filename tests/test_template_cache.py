"""Compiled templates are kept between builds, and never served stale."""

from __future__ import annotations

import tempfile
from pathlib import Path

import jinja2
import pytest
from exported import Page, render

from mkdocs_compare.parse import parse_comparison
from mkdocs_compare.render import Renderer, RenderSettings


def _comparison():  # type: ignore[no-untyped-def]
    comparison = parse_comparison(render(Page()), "compare/conveyor.md").comparison
    assert comparison is not None
    return comparison


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temp folder of this test's own, so the cache starts empty."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def _count_compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    compiled: list[str] = []
    original = jinja2.Environment.compile

    def compile(self, source, name=None, filename=None, raw=False, defer_init=False):  # type: ignore[no-untyped-def]
        compiled.append(name)
        return original(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(jinja2.Environment, "compile", compile)
    return compiled


def test_a_second_build_loads_compiled_templates(private_tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    compiled = _count_compiles(monkeypatch)
    first = Renderer().render_page(_comparison())
    assert "comparison.md" in compiled and "hero.html" in compiled
    assert list(private_tmp.glob("_jinja2-cache-*/mkdocs-compare-*.cache"))
    compiled.clear()
    assert Renderer().render_page(_comparison()) == first
    assert compiled == []


def test_an_edited_custom_template_is_compiled_again(private_tmp: Path, tmp_path: Path) -> None:
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    hero = overrides / "hero.html"
    hero.write_text("<p>first hero</p>\n", encoding="utf-8")
    settings = RenderSettings(custom_templates=str(overrides))
    assert "first hero" in Renderer(settings).render_page(_comparison())
    assert list(private_tmp.glob("_jinja2-cache-*/mkdocs-compare-*.cache"))  # it was cached
    hero.write_text("<p>second hero</p>\n", encoding="utf-8")
    output = Renderer(settings).render_page(_comparison())
    assert "second hero" in output and "first hero" not in output


def test_no_usable_temp_folder_means_no_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("", encoding="utf-8")
    monkeypatch.setattr(tempfile, "tempdir", str(not_a_folder))
    renderer = Renderer()
    assert renderer.env.bytecode_cache is None
    assert "compare-grid__row" in renderer.render_page(_comparison())


def test_a_damaged_cache_file_is_compiled_over(private_tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = Renderer().render_page(_comparison())
    cache_files = list(private_tmp.glob("_jinja2-cache-*/mkdocs-compare-*.cache"))
    assert cache_files, "the first render cached nothing"
    for cache_file in cache_files:
        cache_file.write_bytes(b"not bytecode")
    compiled = _count_compiles(monkeypatch)
    assert Renderer().render_page(_comparison()) == first
    assert "comparison.md" in compiled and "hero.html" in compiled
    # The damaged files were written over with good ones: the next renderer compiles nothing.
    assert all(cache_file.read_bytes() != b"not bytecode" for cache_file in cache_files)
    compiled.clear()
    assert Renderer().render_page(_comparison()) == first
    assert compiled == []


def test_the_suite_keeps_its_own_template_cache(own_template_cache: Path) -> None:
    """Compiled templates of other runs (another checkout, another version) are never read."""
    assert Path(tempfile.gettempdir()) == own_template_cache
    Renderer().render_page(_comparison())
    assert list(own_template_cache.glob("_jinja2-cache-*/mkdocs-compare-*.cache"))


def test_an_unwritable_cache_is_skipped(private_tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    renderer = Renderer()
    cache = renderer.env.bytecode_cache
    assert cache is not None
    monkeypatch.setattr(cache, "directory", str(private_tmp / "gone"))  # removed under the build
    assert "compare-grid__row" in renderer.render_page(_comparison())
    assert not (private_tmp / "gone").exists()


def test_a_filter_that_comes_to_take_the_context_gets_new_bytecode() -> None:
    # Jinja compiles a filter's `pass_context` into the bytecode: a cache keyed only on the
    # version served code compiled for the plain filter (render crashed, 'CodeSample' has no 'get').
    import jinja2

    from mkdocs_compare.render import _template_cache

    def plain(value: object) -> object:
        return value

    @jinja2.pass_context
    def with_context(context: object, value: object) -> object:
        return value

    before, after = jinja2.Environment(), jinja2.Environment()
    before.filters["fenced"], after.filters["fenced"] = plain, with_context
    old, new = _template_cache(before), _template_cache(after)
    assert old is not None and new is not None
    assert old.get_cache_key("code_tabs.md") != new.get_cache_key("code_tabs.md")
    assert _template_cache(before).get_cache_key("code_tabs.md") == old.get_cache_key("code_tabs.md")  # type: ignore[union-attr]
