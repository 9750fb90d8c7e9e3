"""A bug in the parser never reaches a user as a traceback, nor lets the page's raw HTML out."""

from __future__ import annotations

import pytest
from conftest import BuildSite
from exported import Page, Row, render

import mkdocs_compare.collection


def test_a_page_the_parser_fails_on_is_an_error_and_shows_no_raw_html(
    build_site: BuildSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(mkdocs_compare.collection, "parse_comparison", broken)
    hostile = Row("Caching", product_note="<img src=x onerror=alert(1)>")
    site = build_site({"compare/conveyor.md": render(Page(rows=[hostile]))})
    errors = [message for message in site.warnings() if "could not read this page" in message]
    assert len(errors) == 1 and "compare/conveyor.md:1" in errors[0] and "RuntimeError: boom" in errors[0]
    page = site.html("compare/conveyor/")
    assert page.find("img", attrs={"onerror": True}) is None
    assert page.find(class_="tooltiptext") is None
    assert page.find("h1").get_text() == "conveyor"
