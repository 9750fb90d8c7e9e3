"""The CMS data the export carries besides the table: review dates, head tags, structured data,
advantages and testimonials. Expected values are written by hand; HTML is read back with
BeautifulSoup, JSON-LD with json.loads."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from mkdocs_compare.cms_entries import load_entries, resolve
from mkdocs_compare.head_tags import absolute_page_url, apply_head_tags, page_head_tags
from mkdocs_compare.model import Comparison, HeadTag
from mkdocs_compare.review import format_date, review_date, stale_pages
from mkdocs_compare.structured_data import json_ld_script, page_structured_data, summary_structured_data

HOSTILE = '"></script><script>alert(1)</script><!--'


def page(**fields: object) -> Comparison:
    base: dict[str, object] = {
        "path": "compare/quarry.md",
        "title": "Acme vs Quarry",
        "tool_name": "Quarry",
        "product_name": "Acme",
    }
    return Comparison(**{**base, **fields})  # type: ignore[arg-type]


# -- review dates -------------------------------------------------------------------------------
def test_reviewed_key_wins_over_the_cms_timestamp() -> None:
    quarry = page(meta={"reviewed": dt.date(2025, 3, 9)}, webflow={"lastUpdated": "2024-08-21T10:00:00Z"})
    assert review_date(quarry) == (dt.date(2025, 3, 9), None)
    as_text = page(meta={"reviewed": "2025-03-09"})
    assert review_date(as_text) == (dt.date(2025, 3, 9), None)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-08-21T09:40:43.219Z", dt.date(2024, 8, 21)),
        ("2024-08-21T23:59:59+02:00", dt.date(2024, 8, 21)),
        ("2024-08-21", dt.date(2024, 8, 21)),
        (dt.datetime(2024, 8, 21, 9, 40), dt.date(2024, 8, 21)),
    ],
)
def test_the_cms_timestamp_gives_the_date(value: object, expected: dt.date) -> None:
    assert review_date(page(webflow={"lastUpdated": value})) == (expected, None)


@pytest.mark.parametrize("value", ["last tuesday", "2024-02-30", "21/08/2024", ["2024-08-21"], 20240821])
def test_a_date_that_does_not_parse_is_a_located_warning(value: object) -> None:
    date, problem = review_date(page(webflow={"lastUpdated": value}, field_lines={"webflow": 9}))
    assert date is None
    assert problem is not None
    assert problem.location.path == "compare/quarry.md"
    assert problem.location.line == 9
    assert problem.location.field == "webflow.lastUpdated"
    assert problem.severity.value == "warning"


def test_no_date_is_no_problem() -> None:
    assert review_date(page()) == (None, None)


def test_dates_read_the_same_in_every_locale() -> None:
    assert format_date(dt.date(2024, 8, 21)) == "21 August 2024"
    assert format_date(dt.date(2026, 1, 3)) == "3 January 2026"


def test_pages_older_than_max_age_are_named_with_their_date() -> None:
    today = dt.date(2026, 12, 1)
    old = page(path="compare/old.md", webflow={"lastUpdated": "2025-11-30T08:00:00Z"})
    edge = page(path="compare/edge.md", webflow={"lastUpdated": "2025-12-01T08:00:00Z"})  # 365 days
    fresh = page(path="compare/fresh.md", meta={"reviewed": "2026-11-01"})
    undated = page(path="compare/undated.md")
    problems = stale_pages([old, edge, fresh, undated], 365, today)
    assert [problem.location.path for problem in problems] == ["compare/old.md"]
    assert "2025-11-30" in problems[0].message
    assert "366 days" in problems[0].message


# -- head tags ------------------------------------------------------------------------------------
THEME_HEAD = (
    '<!doctype html>\n<html>\n<head>\n<meta charset="utf-8">\n'
    '<link rel="canonical" href="https://docs.example.org/compare/quarry/">\n'
    "<title>Quarry</title>\n</head>\n<body><p>page</p></body></html>\n"
)


def _head(document: str) -> BeautifulSoup:
    return BeautifulSoup(document, "html.parser").head


def test_the_exports_canonical_replaces_the_themes() -> None:
    quarry = page(
        seo={"canonical": "https://www.example.com/compare/acme-vs-quarry", "ogTitle": "Acme or Quarry?"},
        seo_description="Why teams pick Acme.",
        open_graph_image_url="https://cdn.example.com/quarry.png",
    )
    url = absolute_page_url("https://docs.example.org/", "compare/quarry/")
    document = apply_head_tags(THEME_HEAD, page_head_tags(quarry, url))
    head = _head(document)
    canonicals = head.find_all("link", rel="canonical")
    assert [link["href"] for link in canonicals] == ["https://www.example.com/compare/acme-vs-quarry"]
    meta = {tag.get("property") or tag.get("name"): tag["content"] for tag in head.find_all("meta")[1:]}
    assert meta == {
        "og:type": "article",
        "og:title": "Acme or Quarry?",
        "og:description": "Why teams pick Acme.",
        "og:image": "https://cdn.example.com/quarry.png",
        "og:url": "https://www.example.com/compare/acme-vs-quarry",
        "twitter:card": "summary_large_image",
    }
    assert "<p>page</p>" in document  # the body is untouched


def test_site_mode_keeps_the_themes_canonical_and_off_removes_it() -> None:
    quarry = page(seo={"canonical": "https://www.example.com/x"})
    kept = apply_head_tags(THEME_HEAD, page_head_tags(quarry, None, "site"), "site")
    assert [link["href"] for link in _head(kept).find_all("link", rel="canonical")] == [
        "https://docs.example.org/compare/quarry/"
    ]
    removed = apply_head_tags(THEME_HEAD, page_head_tags(quarry, None, "off"), "off")
    assert _head(removed).find_all("link", rel="canonical") == []


def test_tags_another_plugin_wrote_are_not_written_twice() -> None:
    head = THEME_HEAD.replace(
        "</head>",
        '<meta property="og:title" content="From the social plugin" />\n'
        '<meta property="twitter:card" content="summary_large_image" />\n</head>',
    )
    document = apply_head_tags(head, page_head_tags(page(seo={"ogTitle": "Ours"}), None))
    titles = [tag["content"] for tag in _head(document).find_all("meta", property="og:title")]
    assert titles == ["From the social plugin"]
    cards = _head(document).find_all("meta", attrs={"property": "twitter:card"})
    cards += _head(document).find_all("meta", attrs={"name": "twitter:card"})
    assert len(cards) == 1


def test_head_values_are_escaped_and_urls_only_http() -> None:
    quarry = page(
        title=HOSTILE,
        seo={"canonical": "javascript:alert(1)", "ogImage": "data:image/png;base64,AAAA"},
        open_graph_image_url="//evil.example/x.png",
    )
    document = apply_head_tags(THEME_HEAD, page_head_tags(quarry, None))
    head = _head(document)
    assert head.find("script") is None
    assert [tag["content"] for tag in head.find_all("meta", property="og:title")] == [HOSTILE]
    assert head.find("meta", property="og:image") is None
    assert "javascript:" not in document and "data:image" not in document
    assert [link["href"] for link in head.find_all("link", rel="canonical")] == [
        "https://docs.example.org/compare/quarry/"
    ]


def test_a_relative_image_is_made_absolute_against_the_page() -> None:
    tags = page_head_tags(
        page(open_graph_image_url="../img/q.png"), "https://docs.example.org/compare/quarry/"
    )
    assert HeadTag("og:image", "https://docs.example.org/compare/img/q.png") in tags


# -- structured data ------------------------------------------------------------------------------
def _json_ld(script: str) -> object:
    tag = BeautifulSoup(script, "html.parser").find("script", type="application/ld+json")
    assert tag is not None
    return json.loads(tag.string)


def test_page_json_ld_names_both_products_and_the_breadcrumbs() -> None:
    quarry = page(title=HOSTILE, tool_icon_url="https://cdn.example.com/q.svg", seo_description="d & <e>")
    data = page_structured_data(
        quarry,
        category_name="Orchestrators",
        page_url="https://docs.example.org/compare/quarry/",
        site=("Docs", "https://docs.example.org/"),
        summary=("Comparisons", "https://docs.example.org/compare/"),
    )
    script = json_ld_script(data)
    assert "</script" not in script[: -len("</script>")] and "<!--" not in script
    web_page, crumbs = _json_ld(script)  # type: ignore[misc]
    assert web_page["@type"] == "WebPage" and web_page["name"] == HOSTILE
    assert web_page["description"] == "d & <e>"
    assert [(app["@type"], app["name"]) for app in web_page["about"]] == [
        ("SoftwareApplication", "Acme"),
        ("SoftwareApplication", "Quarry"),
    ]
    assert web_page["about"][1] == {
        "@type": "SoftwareApplication",
        "name": "Quarry",
        "applicationCategory": "Orchestrators",
        "image": "https://cdn.example.com/q.svg",
    }
    assert crumbs["@type"] == "BreadcrumbList"
    assert [item["item"] for item in crumbs["itemListElement"]] == [
        "https://docs.example.org/",
        "https://docs.example.org/compare/",
        "https://docs.example.org/compare/quarry/",
    ]


def test_no_breadcrumbs_without_absolute_urls() -> None:
    data = page_structured_data(page(), category_name="", page_url=None, site=("Docs", None))
    assert [item["@type"] for item in data] == ["WebPage"]
    assert "url" not in data[0]


def test_summary_item_list() -> None:
    data = summary_structured_data(
        "All", [("Acme vs Quarry", "https://d.example/q/"), ("Acme vs Sluice", "s/")]
    )
    parsed = _json_ld(json_ld_script(data))
    assert parsed["@type"] == "ItemList" and parsed["numberOfItems"] == 2  # type: ignore[index]
    assert [item["url"] for item in parsed["itemListElement"]] == ["https://d.example/q/", "s/"]  # type: ignore[index]


# -- advantages and testimonials ------------------------------------------------------------------
def test_entries_are_read_and_resolved_with_located_problems(tmp_path: Path) -> None:
    advantages = tmp_path / "advantages.yml"
    advantages.write_text(
        "portable:\n  title: Runs anywhere\n  text: Same pipeline on every cloud.\n"
        "  image: javascript:alert(1)\n"
        "untitled:\n  text: No title here.\n",
        encoding="utf-8",
    )
    quotes = tmp_path / "quotes.yml"
    quotes.write_text(
        "jo-doe:\n  text: We moved in a week.\n  author: Jo Doe\n  role: Platform lead\n", encoding="utf-8"
    )
    entries = load_entries(advantages, quotes, tmp_path)
    assert entries.advantages["portable"].title == "Runs anywhere"
    assert entries.advantages["portable"].image == ""
    assert entries.testimonials["jo-doe"].author == "Jo Doe"
    where = sorted((str(problem.location), problem.message) for problem in entries.problems)
    assert where == [
        (
            "advantages.yml:1",
            "entry 'portable': image 'javascript:alert(1)' dropped: http(s) or relative only",
        ),
        ("advantages.yml:5", "entry 'untitled' has no 'title'"),
    ]
    quarry = page(advantages=["portable", "missing"], quote="jo-doe", field_lines={"advantages": 7})
    found, quote, problems = resolve(quarry, entries, advantages=True, testimonials=True)
    assert [advantage.slug for advantage in found] == ["portable"]
    assert quote is not None and quote.text == "We moved in a week."
    assert [(str(problem.location), problem.message) for problem in problems] == [
        (
            "compare/quarry.md:7 (field 'advantages')",
            "advantage 'missing' has no entry in advantages_file",
        )
    ]


def test_without_the_files_nothing_is_resolved_or_warned() -> None:
    entries = load_entries(None, None)
    quarry = page(advantages=["portable"], quote="jo-doe")
    assert resolve(quarry, entries, advantages=False, testimonials=False) == ([], None, [])


def test_a_broken_file_is_one_error_with_its_line(tmp_path: Path) -> None:
    broken = tmp_path / "advantages.yml"
    broken.write_text("portable:\n  title: [unclosed\n", encoding="utf-8")
    entries = load_entries(broken, None, tmp_path)
    assert len(entries.problems) == 1
    assert entries.problems[0].severity.value == "error"
    assert entries.problems[0].location.path == "advantages.yml"
    assert entries.problems[0].location.line >= 2


def test_exports_carry_the_review_date() -> None:
    import csv
    import io

    from mkdocs_compare.exports import export_csv, export_data
    from mkdocs_compare.model import Assessment, Feature
    from mkdocs_compare.summary import build_summary

    feature = Feature("Caching", Assessment("yes", "a"), Assessment("no", "b"))
    dated = page(
        path="compare/a.md",
        tool_name="Alpha",
        features=[feature],
        webflow={"lastUpdated": "2024-08-21T09:00:00Z"},
    )
    undated = page(path="compare/b.md", tool_name="Beta", features=[feature])
    model = build_summary(
        [dated, undated], {"compare/a.md": "compare/a/", "compare/b.md": "compare/b/"}, "compare/"
    )
    assert [item["reviewed"] for item in export_data(model)["comparisons"]] == ["2024-08-21", None]
    rows = list(csv.DictReader(io.StringIO(export_csv(model))))
    assert [(row["tool"], row["reviewed"]) for row in rows] == [("Alpha", "2024-08-21"), ("Beta", "")]
