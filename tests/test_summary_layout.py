"""The summary's layout in the built HTML: category titles and order, rows grouped under header
rows, the product's verdict drawn only where it says something, one-line "Other features" cells,
the generated page's front matter (Material's sidebars hidden) and `?vs=` slugs."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import BuildSite, write_docs
from exported import Page, Row, render
from portable import run_render
from summary_corpus import sparse_corpus

from mkdocs_compare.summary import category_title


@pytest.mark.parametrize(
    ("slug", "title"),
    [
        ("e2e-platforms", "E2E platforms"),
        ("genai-frameworks", "GenAI frameworks"),
        ("llm-observability", "LLM observability"),
        ("ml-orchestrators", "ML orchestrators"),
        ("ai-api-gateways", "AI API gateways"),
        ("ci-cd", "CI/CD"),
        ("ci-cd-tools", "CI/CD tools"),
        ("sdk_generators", "SDK generators"),
        ("mlops", "MLOps"),
        ("data-model-versioning", "Data model versioning"),
        ("orchestrators", "Orchestrators"),
        ("GitHub-apps", "GitHub apps"),
        ("VECTOR-DATABASES", "Vector databases"),
        ("  experiment   trackers ", "Experiment trackers"),
        ("cicd", "CI/CD"),
    ],
)
def test_category_titles_keep_acronyms(slug: str, title: str) -> None:
    assert category_title(slug) == title


def _pages() -> dict[str, str]:
    pages = {
        "compare/a.md": Page(tool="Anvil", slug="lattice-vs-anvil", category="llm-observability"),
        "compare/b.md": Page(tool="Beacon", slug="lattice-vs-beacon", category="e2e-platforms"),
        "compare/c.md": Page(tool="Crate", slug="", category="genai-frameworks"),
        "compare/d.md": Page(tool="Dynamo", slug="lattice-vs-dynamo", category="ml-orchestrators"),
        "compare/e.md": Page(tool="Ember", slug="lattice-vs-ember", category=""),
    }
    return {path: render(page) for path, page in pages.items()}


def _groups(soup: BeautifulSoup) -> list[tuple[str, str, list[str]]]:
    """(slug, heading, tools) of each group of the matrix, in order."""
    groups: list[tuple[str, str, list[str]]] = []
    for row in soup.select("table.cmp-matrix tbody tr"):
        if "cmp-group" in (row.get("class") or []):
            groups.append((str(row["data-category"]), row.get_text(strip=True), []))
        else:
            assert row["data-category"] == groups[-1][0]
            groups[-1][2].append(row.select_one("th").get_text(strip=True))
    return groups


def test_rows_are_grouped_under_acronym_aware_headings(build_site: BuildSite) -> None:
    site = build_site(_pages(), strict=True)
    soup = site.html("compare/")
    assert _groups(soup) == [
        ("e2e-platforms", "E2E platforms", ["Beacon"]),
        ("genai-frameworks", "GenAI frameworks", ["Crate"]),
        ("llm-observability", "LLM observability", ["Anvil"]),
        ("ml-orchestrators", "ML orchestrators", ["Dynamo"]),
        ("", "Other tools", ["Ember"]),
    ]
    headers = [th.get_text(strip=True) for th in soup.select("table.cmp-matrix thead th")]
    assert "Category" not in headers
    # The same titles on the cards' headings (and so in the table of contents) and the cards.
    headings = [h.get_text(strip=True) for h in soup.select("article h3")]
    assert headings == [
        "E2E platforms",
        "GenAI frameworks",
        "LLM observability",
        "ML orchestrators",
        "Other tools",
    ]
    cards = {c.select_one(".cmp-card__name").get_text(): c.select_one(".cmp-card__category").get_text()
             for c in soup.select("a.cmp-card")}  # fmt: skip
    assert cards["Beacon"] == "E2E platforms" and cards["Crate"] == "GenAI frameworks"
    # Each row names its page for ?vs= by its slug.
    slugs = {
        row.select_one("th").get_text(strip=True): row["data-slug"] for row in soup.select("tr[data-slug]")
    }
    assert slugs == {
        "Anvil": "lattice-vs-anvil",
        "Beacon": "lattice-vs-beacon",
        "Crate": "lattice-vs-crate",  # the exporter writes one when the CMS has none
        "Dynamo": "lattice-vs-dynamo",
        "Ember": "lattice-vs-ember",
    }


def test_a_skip_link_before_the_cards_leads_the_keyboard_to_the_matrix(build_site: BuildSite) -> None:
    site = build_site(_pages(), {"labels": {"summary_skip": "Past <the> cards"}}, strict=True)
    article = site.html("compare/").select_one("article")
    links = [a for a in article.find_all("a") if a.get("href")]
    skip = next(a for a in links if a.get_text() == "Past <the> cards")  # escaped text, read back
    first_card = next(a for a in links if "cmp-card" in a.get("class", []))
    assert links.index(skip) < links.index(first_card)
    target = article.find(id=skip["href"].removeprefix("#"))
    assert target is not None and target.find("table", class_="cmp-matrix") is not None
    assert target.get("tabindex") == "0"  # the focus lands on the matrix, not only the view


def test_categories_option_names_and_orders_them(build_site: BuildSite) -> None:
    categories = {"ml-orchestrators": "Orchestration (ML)", "llm-observability": "Watching LLMs"}
    site = build_site(_pages(), {"categories": categories}, strict=True)
    soup = site.html("compare/")
    assert [(slug, title) for slug, title, _ in _groups(soup)] == [
        ("ml-orchestrators", "Orchestration (ML)"),
        ("llm-observability", "Watching LLMs"),
        ("e2e-platforms", "E2E platforms"),
        ("genai-frameworks", "GenAI frameworks"),
        ("", "Other tools"),
    ]
    headings = [h.get_text(strip=True) for h in soup.select("article h3")]
    assert headings[:2] == ["Orchestration (ML)", "Watching LLMs"]


def test_generated_page_hides_materials_sidebars_and_a_maintainers_page_keeps_its_own(
    build_site: BuildSite, tmp_path: Path
) -> None:
    site = build_site(_pages())
    soup = site.html("compare/")
    assert soup.select_one(".md-sidebar--primary").has_attr("hidden")
    assert soup.select_one(".md-sidebar--secondary").has_attr("hidden")
    assert "hide:" not in soup.select_one("article").get_text()

    pages = _pages()
    pages["compare/index.md"] = (
        "---\ntitle: Our overview\n---\n\n# Overview\n\nText.\n\n<!-- compare-summary -->\n"
    )
    soup = build_site(pages).html("compare/")
    assert not soup.select_one(".md-sidebar--primary").has_attr("hidden")
    assert soup.select_one("title").get_text().startswith("Our overview")
    assert soup.select_one("table.cmp-matrix") is not None and "hide:" not in soup.get_text()


def test_product_verdict_is_drawn_only_where_it_is_not_yes_or_pages_disagree(build_site: BuildSite) -> None:
    corpus = sparse_corpus(25)
    site = build_site({path: render(page) for path, page in corpus.pages.items()}, strict=True)
    soup = site.html("compare/")
    verdicts: dict[str, set[str]] = {}
    for page in corpus.pages.values():
        for row in page.rows:
            verdicts.setdefault(row.name, set()).add(row.product_verdict)
    table = soup.select_one("table.cmp-matrix")
    names = [th.get_text(strip=True) for th in table.select("thead th")]
    checked = 0
    for tr in table.select("tbody tr[data-slug]"):
        page = corpus.by_slug(str(tr["data-slug"]))
        for index, cell in enumerate(tr.find_all(["th", "td"])):
            classes = cell.get("class") or []
            if not classes or not classes[0].startswith("t-"):
                continue
            row = next(r for r in page.rows if r.name == names[index])
            quiet = row.product_verdict == "yes" and verdicts[row.name] == {"yes"}
            assert ("pq" in classes) == quiet, (page.tool, row.name)
            assert f"p-{row.product_verdict[0]}" in classes  # the verdict stays, for sorting and compare
            checked += 1
    assert checked > 100
    disputed = {th.get_text(strip=True) for th in table.select("thead th.cmp-disputed")}
    assert disputed == {name for name in names if len(verdicts.get(name, set())) > 1}
    assert "disagree" in soup.select_one(".cmp-legend").get_text()


def test_other_features_are_a_count_that_holds_the_list(build_site: BuildSite) -> None:
    rows = [Row(f"Feature {n}") for n in range(6)]
    pages = {
        "compare/a.md": Page(tool="Anvil", rows=rows[:4]),
        "compare/b.md": Page(tool="Beacon", rows=rows[:2] + rows[4:]),
    }
    site = build_site({path: render(page) for path, page in pages.items()}, strict=True)
    soup = site.html("compare/")
    others = {
        tr.select_one("th").get_text(strip=True): tr.select_one("td.cmp-others")
        for tr in soup.select("table.cmp-matrix tbody tr[data-slug]")
    }
    assert others["Anvil"].select_one("a.cmp-more").get_text() == "+2"
    assert others["Beacon"].select_one("a.cmp-more").get_text() == "+2"
    listed = [
        span.select_one("a").find(string=True).strip() for span in others["Anvil"].select(":scope > span")
    ]
    assert listed == ["Feature 2", "Feature 3"]


def test_render_command_follows_the_categories_option(tmp_path: Path) -> None:
    write_docs(tmp_path / "docs", _pages())
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\nplugins:\n  - compare:\n      categories: {ml-orchestrators: Orchestration}\n",
        encoding="utf-8",
    )
    done = run_render("docs", "out", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    text = (tmp_path / "out/compare/index.md").read_text(encoding="utf-8")
    assert text.startswith("---\n")
    assert yaml.safe_load(text.split("---\n")[1]) == {"hide": ["navigation", "toc"]}
    soup = BeautifulSoup(text, "html.parser")
    assert [title for _, title, _ in _groups(soup)] == [
        "Orchestration",
        "E2E platforms",
        "GenAI frameworks",
        "LLM observability",
        "Other tools",
    ]
