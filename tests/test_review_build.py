"""Review dates in real builds: shown on the page, warned when too old or unreadable."""

from __future__ import annotations

import datetime as dt

from conftest import BuildSite
from exported import Page, render


def _page(tool: str, updated: str | None = None, reviewed: str | None = None) -> str:
    text = render(Page(tool=tool, extra_front_matter=f"reviewed: {reviewed}" if reviewed else ""))
    if updated is not None:
        text = text.replace('  source: "live"\n', f'  source: "live"\n  lastUpdated: "{updated}"\n', 1)
    return text


def _lines_of(text: str, needle: str) -> int:
    return text.splitlines().index(next(line for line in text.splitlines() if needle in line)) + 1


def test_the_page_says_when_it_was_last_reviewed(build_site: BuildSite) -> None:
    site = build_site(
        {
            "compare/conveyor.md": _page("Conveyor", updated="2024-08-21T09:40:43.219Z"),
            "compare/sluice.md": _page("Sluice", updated="2024-08-21T09:40:43.219Z", reviewed="2026-01-05"),
            "compare/quarry.md": _page("Quarry"),
        },
        {"labels": {"reviewed": "Checked on"}},
    )
    conveyor = site.html("compare/conveyor/").find(class_="compare-reviewed")
    assert conveyor is not None
    assert conveyor.get_text(" ", strip=True) == "Checked on 21 August 2024"
    assert conveyor.find("time")["datetime"] == "2024-08-21"
    sluice = site.html("compare/sluice/").find(class_="compare-reviewed")
    assert sluice is not None and sluice.find("time")["datetime"] == "2026-01-05"
    assert site.html("compare/quarry/").find(class_="compare-reviewed") is None
    assert site.warnings() == []


def test_max_age_warns_for_each_old_page_and_fails_strict(build_site: BuildSite) -> None:
    today = dt.date.today()
    old = (today - dt.timedelta(days=400)).isoformat()
    fresh = (today - dt.timedelta(days=30)).isoformat()
    pages = {
        "compare/conveyor.md": _page("Conveyor", updated=f"{old}T08:00:00Z"),
        "compare/sluice.md": _page("Sluice", updated=f"{old}T08:00:00Z", reviewed=fresh),
    }
    site = build_site(pages, {"max_age": 365})
    stale = [message.removeprefix("compare: ") for message in site.warnings() if "last reviewed" in message]
    assert len(stale) == 1
    line = _lines_of(pages["compare/conveyor.md"], "lastUpdated:")
    assert stale[0].startswith(f"compare/conveyor.md:{line} ")
    assert f"last reviewed {old}" in stale[0]


def test_an_unreadable_date_is_a_warning_with_its_line(build_site: BuildSite) -> None:
    text = _page("Conveyor", reviewed="next spring")
    site = build_site({"compare/conveyor.md": text})
    warnings = [message.removeprefix("compare: ") for message in site.warnings() if "reviewed" in message]
    assert warnings == [
        f"compare/conveyor.md:{_lines_of(text, 'reviewed:')} (field 'reviewed'): "
        "reviewed should be a date written YYYY-MM-DD, got 'next spring'"
    ]
    assert site.html("compare/conveyor/").find(class_="compare-reviewed") is None


def test_check_max_age_names_exactly_the_pages_older_than_that(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from mkdocs_compare.cli import main

    today = dt.date.today()
    ages = {"conveyor": 400, "sluice": 366, "quarry": 364, "ledger": 10}
    docs = tmp_path / "docs" / "compare"
    docs.mkdir(parents=True)
    for tool, age in ages.items():
        date = (today - dt.timedelta(days=age)).isoformat()
        (docs / f"{tool}.md").write_text(_page(tool.title(), updated=f"{date}T12:00:00Z"), encoding="utf-8")
    (docs / "undated.md").write_text(_page("Undated"), encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: t\nplugins:\n  - compare\n", encoding="utf-8")
    status = main(["check", "--config", str(tmp_path / "mkdocs.yml"), "--max-age", "365"])
    lines = [line for line in capsys.readouterr().out.splitlines() if "last reviewed" in line]
    assert status == 1
    assert sorted(line.split(":", 1)[0].rsplit("/", 1)[-1] for line in lines) == ["conveyor.md", "sluice.md"]
    assert main(["check", "--config", str(tmp_path / "mkdocs.yml")]) == 0
