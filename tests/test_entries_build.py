"""Advantages and testimonials in real builds: shown from the configured files, escaped; a
missing slug is a warning naming the page; without the files nothing is shown or warned."""

from __future__ import annotations

from pathlib import Path

from conftest import BuildSite
from exported import Page, render

HOSTILE = "<img src=x onerror=alert(1)>"


def _write_files(root: Path) -> None:
    (root / "advantages.yml").write_text(
        "portable-pipelines:\n"
        "  title: Portable pipelines\n"
        f'  text: "Same code on every cloud. {HOSTILE}"\n'
        "  image: https://lattice.example.org/adv/portable.svg\n",
        encoding="utf-8",
    )
    (root / "quotes.yml").write_text(
        'ana-ruiz:\n  text: "We moved in a week."\n  author: Ana Ruiz\n  role: ML lead\n', encoding="utf-8"
    )


def test_listed_advantages_and_the_quote_are_shown(build_site: BuildSite, tmp_path: Path) -> None:
    _write_files(tmp_path)
    conveyor = render(Page(tool="Conveyor", extra_front_matter='quote: "ana-ruiz"'))
    sluice = render(Page(tool="Sluice", extra_front_matter='quote: "nobody"'))
    site = build_site(
        {"compare/conveyor.md": conveyor, "compare/sluice.md": sluice},
        {"advantages_file": "advantages.yml", "quotes_file": "quotes.yml"},
    )
    page = site.html("compare/conveyor/")
    cards = page.find_all(class_="compare-advantage")
    assert [card.find(class_="compare-advantage__title").get_text() for card in cards] == [
        "Portable pipelines"
    ]
    assert (
        cards[0].find(class_="compare-advantage__text").get_text() == f"Same code on every cloud. {HOSTILE}"
    )
    assert page.find("img", attrs={"onerror": True}) is None
    quote = page.find(class_="compare-testimonial")
    assert quote.blockquote.get_text(strip=True) == "We moved in a week."
    assert " ".join(quote.figcaption.get_text().split()) == "Ana Ruiz, ML lead"
    warnings = [message.removeprefix("compare: ") for message in site.warnings()]
    quote_line = sluice.splitlines().index('quote: "nobody"') + 1
    assert warnings == [
        f"compare/sluice.md:{quote_line} (field 'quote'): quote 'nobody' has no entry in quotes_file"
    ]
    assert site.html("compare/sluice/").find(class_="compare-testimonial") is None


def test_without_the_files_nothing_is_shown_or_warned(build_site: BuildSite) -> None:
    site = build_site({"compare/conveyor.md": render(Page(tool="Conveyor", extra_front_matter='quote: "x"'))})
    page = site.html("compare/conveyor/")
    assert page.find(class_="compare-advantages") is None
    assert page.find(class_="compare-testimonial") is None
    assert site.warnings() == []


def test_check_reports_a_missing_slug_as_the_build_does(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from mkdocs_compare.cli import main

    _write_files(tmp_path)
    docs = tmp_path / "docs" / "compare"
    docs.mkdir(parents=True)
    text = render(Page(tool="Sluice", extra_front_matter='quote: "nobody"'))
    (docs / "sluice.md").write_text(text, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: t\nplugins:\n  - compare:\n"
        "      advantages_file: advantages.yml\n      quotes_file: quotes.yml\n",
        encoding="utf-8",
    )
    assert main(["check", "--config", str(tmp_path / "mkdocs.yml")]) == 1
    line = text.splitlines().index('quote: "nobody"') + 1
    out = capsys.readouterr().out.splitlines()
    assert [entry for entry in out if "quotes_file" in entry] == [
        f"{docs / 'sluice.md'}:{line}: warning: field 'quote': quote 'nobody' has no entry in quotes_file"
    ]
