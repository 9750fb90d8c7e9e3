"""The cross-tool summary: feature matching, the model, the built page, the exports, serve."""

from __future__ import annotations

import csv
import io
import json
import os
import random
import re
import shutil
import subprocess
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup, Tag
from conftest import BuildSite, BuiltSite, build_in, write_docs
from exported import LAYOUTS, Page, Row, render
from mkdocs.commands.build import build
from mkdocs.config import load_config

from mkdocs_compare import summary
from mkdocs_compare.exports import export_csv, export_data
from mkdocs_compare.features import FeatureNames, feature_key
from mkdocs_compare.model import Comparison
from mkdocs_compare.parse import parse_comparison
from mkdocs_compare.render import Renderer
from mkdocs_compare.summary import build_summary, insert_summary, render_summary
from mkdocs_compare.urls import page_url, relative_url

VERDICTS = ("yes", "no")  # all real exports show; other icons are warned about
CATEGORIES = ("orchestrators", "experiment-trackers", "model-serving", "e2e-platforms", "data-versioning")
_HEADS = (
    "Pipeline", "Model", "Data", "Artifact", "Experiment", "Feature", "Cluster", "Team", "Cost", "Audit",
    "Prompt", "Batch", "Stream",
)  # fmt: skip
_TAILS = ("Versioning", "Tracking", "Lineage", "Caching", "Scheduling", "Monitoring")
VOCABULARY = [f"{head} {tail}" for head in _HEADS for tail in _TAILS][:76]


def realistic_pages(count: int = 25, seed: int = 7) -> dict[str, Page]:
    """`count` exported pages, 7-15 features each from a 76-name vocabulary (popular names first,
    so the matrix is sparse like a real site), every layout, five categories, distinct notes."""
    rng = random.Random(seed)
    weights = [1 / (rank + 1) ** 0.7 for rank in range(len(VOCABULARY))]
    pages = {}
    for index in range(count):
        tool = f"Tool{index:02d} {rng.choice(['Flow', 'Ops', 'Hub'])}"
        names: list[str] = []
        while len(names) < rng.randint(7, 15):
            name = rng.choices(VOCABULARY, weights)[0]
            if name not in names:
                names.append(name)
        rows = [
            Row(
                name,
                rng.choice(VERDICTS),
                f'{tool}/{name}: product note {rng.randint(0, 999)} & <tags> "quoted"',
                rng.choice(VERDICTS),
                f"{tool}/{name}: tool note {rng.randint(0, 999)}",
            )
            for name in names
        ]
        page = Page(
            tool=tool,
            slug=f"lattice-vs-tool{index:02d}",
            category=CATEGORIES[index % len(CATEGORIES)],
            headline=f"{tool} does one thing; Lattice does the pipeline.",
            rows=rows,
            layout=LAYOUTS[index % len(LAYOUTS)],
        )
        pages[f"compare/lattice-vs-tool{index:02d}.md"] = page
    return pages


def comparisons(pages: dict[str, Page]) -> list[Comparison]:
    parsed = []
    for path, page in pages.items():
        comparison = parse_comparison(render(page), path).comparison
        assert comparison is not None
        parsed.append(comparison)
    return parsed


def model_for(pages: dict[str, Page], **options: Any) -> summary.SummaryModel:
    parsed = comparisons(pages)
    urls = {c.path: page_url(c.path) for c in parsed}
    return build_summary(parsed, urls, "compare/", **options)


def expected_verdict(source: str) -> str:
    return source if source in ("yes", "no") else "unknown"


# ---------------------------------------------------------------------------------------------
# Pure functions
# ---------------------------------------------------------------------------------------------
def test_feature_key_ignores_case_punctuation_spacing_and_entities() -> None:
    same = [
        "Vendor Lock-In",
        "Vendor Lock-in",
        "vendor lock in",
        "Vendor&nbsp;Lock&#8209;In",
        "VENDOR  LOCK_IN",
    ]
    assert {feature_key(name) for name in same} == {feature_key("Vendor Lock-In")}
    assert feature_key("Vendor Lock-In") != feature_key("Vendor Lock-In Risk")
    assert len({feature_key(name) for name in ("C", "C++", "C#")}) == 3
    assert feature_key("Ästhetik") == feature_key("ästhetik") != feature_key("Asthetik")


def test_aliases_follow_chains_and_stop_on_loops() -> None:
    names = FeatureNames(
        {"Auto Retraining Triggers": "Auto-Retraining", "Retrain": "Auto retraining triggers"}
    )
    assert names.key("auto-retraining triggers") == names.key("Auto Retraining") == names.key("RETRAIN")
    looping = FeatureNames({"A": "B", "B": "A"})
    assert looping.key("A") in (feature_key("A"), feature_key("B"))  # terminates


def test_urls_follow_mkdocs_rules() -> None:
    assert page_url("compare/acme.md") == "compare/acme/"
    assert page_url("compare/index.md") == "compare/"
    assert page_url("index.md") == ""
    assert page_url("compare/acme.md", use_directory_urls=False) == "compare/acme.html"
    assert relative_url("compare/acme/", "compare/") == "acme/"
    assert relative_url("compare/acme.html", "compare/index.html") == "acme.html"
    assert relative_url("other/b/", "compare/") == "../other/b/"
    assert relative_url("compare/", "compare/") == "./"
    assert relative_url("", "compare/") == "../"


def test_names_differing_only_in_case_or_punctuation_merge_and_aliases_merge_more() -> None:
    rows_a = [Row("Vendor Lock-In"), Row("Auto Retraining Triggers"), Row("Caching")]
    rows_b = [Row("Vendor Lock-in"), Row("Auto-Retraining"), Row("Tracing")]
    pages = {"compare/a.md": Page(tool="Alpha", rows=rows_a), "compare/b.md": Page(tool="Beta", rows=rows_b)}

    plain = model_for(pages)
    counts = {column.name: column.count for column in plain.features}
    assert counts["Vendor Lock-In"] == 2 or counts["Vendor Lock-in"] == 2
    assert feature_key("Auto-Retraining") in {c.key for c in plain.features}
    hints = " ".join(problem.message for problem in plain.hints)
    assert "Auto Retraining Triggers" in hints and "Auto-Retraining" in hints
    assert "Vendor" not in hints  # merged, so nothing to hint

    aliased = model_for(pages, aliases={"Auto Retraining Triggers": "Auto-Retraining", "Nothing Here": "X"})
    merged = [c for c in aliased.features if c.key == feature_key("Auto-Retraining")]
    assert merged and merged[0].count == 2 and merged[0].name == "Auto-Retraining"
    assert not any("Auto" in p.message for p in aliased.hints if "look" in p.message)
    assert any("'Nothing Here'" in p.message for p in aliased.hints)  # unused alias hinted
    keys = {f["name"]: f["key"] for c in export_data(aliased)["comparisons"] for f in c["features"]}
    assert keys["Auto Retraining Triggers"] == keys["Auto-Retraining"]


def test_columns_are_ranked_by_mentions_limited_and_the_rest_kept_per_tool() -> None:
    pages = {
        "compare/a.md": Page(tool="A", rows=[Row("Common"), Row("Second"), Row("OnlyA")]),
        "compare/b.md": Page(tool="B", rows=[Row("Common"), Row("Second"), Row("Third")]),
        "compare/c.md": Page(tool="C", rows=[Row("Common"), Row("Third")]),
    }
    model = model_for(pages, max_features=2)
    assert [c.name for c in model.columns] == ["Common", "Second"]
    assert [(c.name, c.count) for c in model.features][2:] == [("Third", 2), ("OnlyA", 1)]
    assert model.left_out == 2
    others = {row.page.tool_name: [cell.feature.name for cell in row.others] for row in model.rows}
    assert others == {"A": ["OnlyA"], "B": ["Third"], "C": ["Third"]}
    wide = model_for(pages, max_features=10)
    assert "OnlyA" not in [c.name for c in wide.columns]  # one page only: kept per tool instead


def test_insert_summary_at_marker_or_after_the_text() -> None:
    page = "---\ntitle: Ours\n---\n# Ours\n\nBefore.\n\n<!-- compare-summary -->\n\nAfter.\n"
    merged = insert_summary(page, "SUMMARY")
    assert merged.index("Before.") < merged.index("SUMMARY") < merged.index("After.")
    assert "<!-- compare-summary -->" not in merged
    assert insert_summary("# Ours\n\nText.\n", "SUMMARY").endswith("Text.\n\nSUMMARY")


def test_csv_keeps_every_row_and_defuses_formulas() -> None:
    pages = {"compare/a.md": Page(tool="=HYPERLINK(1)", rows=[Row("Caching", "yes", "+1 more", "no", "@x")])}
    text = export_csv(model_for(pages))
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 1
    assert rows[0]["tool"] == "'=HYPERLINK(1)" and rows[0]["product_note"] == "'+1 more"
    assert rows[0]["tool_note"] == "'@x" and rows[0]["tool_verdict"] == "no"


def test_notes_above_the_budget_leave_verdicts_and_page_links() -> None:
    pages = realistic_pages(6)
    env = Renderer().env
    full = render_summary(model_for(pages), env, {}).inline()
    compact_model = model_for(pages, note_budget=10)
    compact = render_summary(compact_model, env, {}).inline()
    note = pages["compare/lattice-vs-tool00.md"].rows[0].tool_note
    assert note in full and note not in compact
    soup = BeautifulSoup(compact, "html.parser")
    cells = soup.select("table.cmp-matrix td[class^=t-]")
    assert len(cells) == sum(len(row.cells) for row in compact_model.rows)
    assert all(cell.get_text() in ("Yes / No", "No / Yes", "Yes / Yes", "No / No") or "Not stated" in
               cell.get_text() for cell in cells)  # fmt: skip
    assert len(compact) < len(full)


def test_summary_of_1000_tools_stays_small() -> None:
    """Its size; its time is the benchmark's (benchmarks/bench.py: under 1 s)."""
    pages = realistic_pages(1000, seed=3)
    parsed = comparisons(pages)
    urls = {c.path: page_url(c.path) for c in parsed}
    model = build_summary(parsed, urls, "compare/")
    document = render_summary(model, Renderer().env, {})
    size = len(document.inline().encode("utf-8"))
    assert not model.inline_notes
    assert size < 1_500_000, size  # the page's chrome (a 1,000-page nav) comes on top
    soup = BeautifulSoup(document.inline(), "html.parser")
    assert len(soup.select("table.cmp-matrix tbody tr[data-slug]")) == 1000
    assert len(soup.select("a.cmp-card")) == 1000


# ---------------------------------------------------------------------------------------------
# Built sites
# ---------------------------------------------------------------------------------------------
def _site_of(pages: dict[str, Page], build_site: BuildSite, **kwargs: Any) -> BuiltSite:
    return build_site({path: render(page) for path, page in pages.items()}, **kwargs)


def _page_of_href(site: BuiltSite, base_url: str, href: str) -> tuple[Path, str]:
    """The built file a relative link from `base_url` goes to, and its fragment."""
    path, _, fragment = href.partition("#")
    target = (Path("/") / base_url / path).resolve() if path else (Path("/") / base_url).resolve()
    file = site.site_dir / str(target).lstrip("/")
    if file.is_dir() or href.endswith("/") or not path:
        file = file / "index.html"
    return file, fragment


def _cells(soup: BeautifulSoup) -> dict[tuple[str, str], Tag]:
    """(tool, feature name) -> the element holding its verdict classes and tip."""
    table = soup.select_one("table.cmp-matrix")
    assert table is not None
    headers = [th.get_text(" ", strip=True) for th in table.select("thead th")]
    found: dict[tuple[str, str], Tag] = {}
    for row in table.select("tbody tr"):
        tool = row.select_one("th").get_text(strip=True)
        for index, cell in enumerate(row.find_all(["th", "td"])):
            if cell.get("class") and cell["class"][0].startswith("t-"):
                found[(tool, headers[index])] = cell
        for entry in row.select("td.cmp-others > span"):
            link = entry.select_one("a")
            name = "".join(link.find_all(string=True, recursive=False)).strip()
            found[(tool, name)] = entry
    return found


def test_summary_of_25_pages_links_every_page_and_holds_every_verdict_and_note(
    build_site: BuildSite,
) -> None:
    pages = realistic_pages(25)
    site = _site_of(pages, build_site, strict=True)
    assert not site.warnings()
    assert not (site.root / "docs/compare/index.md").exists()  # virtual: nothing in docs_dir
    soup = site.html("compare/")
    assert soup.select_one("h1").get_text() == "Comparisons at a glance"

    page_files = {site.site_dir / "compare" / Path(path).stem / "index.html" for path in pages}
    carded = {_page_of_href(site, "compare/", a["href"])[0] for a in soup.select("a.cmp-card")}
    rowed = {_page_of_href(site, "compare/", a["href"])[0] for a in soup.select("tbody th a")}
    assert carded == rowed == page_files and all(f.exists() for f in page_files)

    cells = _cells(soup)
    expected = {(page.tool, row.name): row for page in pages.values() for row in page.rows}
    assert set(cells) == set(expected)
    for (tool, name), cell in cells.items():
        row = expected[(tool, name)]
        classes = cell["class"]
        assert f"t-{expected_verdict(row.tool_verdict)[0]}" in classes, (tool, name)
        assert f"p-{expected_verdict(row.product_verdict)[0]}" in classes, (tool, name)
        tip = cell.select_one("a > span")
        assert tip.find_all("b")[0].get_text().startswith(f"{tool}: ")
        assert tip.find_all("b")[1].get_text().startswith("Lattice: ")
        texts = [t.strip() for t in tip.find_all(string=True, recursive=False)]
        assert texts == [row.tool_note, row.product_note]
        # The link goes to the feature's row on the tool's page.
        file, fragment = _page_of_href(site, "compare/", cell.select_one("a")["href"])
        target = BeautifulSoup(file.read_text("utf-8"), "html.parser").find(id=fragment)
        assert target is not None and target.select_one(".compare-grid__feature").get_text() == name

    totals = {
        row.select_one("th").get_text(strip=True): [td.get_text() for td in row.select("td")[0:2]]
        for row in soup.select("table.cmp-matrix tbody tr[data-slug]")
    }
    for page in pages.values():
        tool_yes = sum(r.tool_verdict == "yes" for r in page.rows)
        product_yes = sum(r.product_verdict == "yes" for r in page.rows)
        assert totals[page.tool] == [f"{tool_yes}/{len(page.rows)}", f"{product_yes}/{len(page.rows)}"]

    data = json.loads(site.text("compare/comparisons.json"))
    assert data["version"] == 1 and data["product"] == "Lattice"
    by_tool = {c["tool"]: c for c in data["comparisons"]}
    assert set(by_tool) == {page.tool for page in pages.values()}
    for path, page in pages.items():
        entry = by_tool[page.tool]
        assert entry["url"] == f"compare/{Path(path).stem}/" and entry["category"] == page.category
        assert entry["slug"] == page.slug and entry["title"] == f"Lattice vs {page.tool}"
        assert [
            (f["name"], f["tool"]["verdict"], f["tool"]["note"], f["product"]["verdict"],
             f["product"]["note"])
            for f in entry["features"]
        ] == [
            (r.name, expected_verdict(r.tool_verdict), r.tool_note, expected_verdict(r.product_verdict),
             r.product_note)
            for r in page.rows
        ]  # fmt: skip
        assert all(f["key"] == feature_key(f["name"]) for f in entry["features"])
    rows = list(csv.DictReader(io.StringIO(site.text("compare/comparisons.csv"))))
    assert len(rows) == sum(len(page.rows) for page in pages.values())
    # The downloads are linked from the page.
    assert {a["href"] for a in soup.select("article a") if "comparisons." in a["href"]} == {
        "comparisons.json",
        "comparisons.csv",
    }


def _related_links(soup: BeautifulSoup) -> list[str]:
    heading = soup.find(id="related-comparisons")
    if heading is None:
        return []
    listing = heading.find_next_sibling("ul")
    return [a["href"] for a in listing.select("a")]


def test_every_page_of_a_category_links_its_siblings(build_site: BuildSite) -> None:
    pages = realistic_pages(12)
    site = _site_of(pages, build_site)
    by_category: dict[str, set[str]] = defaultdict(set)
    for path, page in pages.items():
        by_category[page.category].add(Path(path).stem)
    for path, page in pages.items():
        stem = Path(path).stem
        soup = site.html(f"compare/{stem}/")
        linked = set()
        for href in _related_links(soup):
            file, _ = _page_of_href(site, f"compare/{stem}/", href)
            assert file.exists(), href
            linked.add(file.parent.name)
        assert linked == by_category[page.category] - {stem}, stem


def test_related_limit_links_the_next_pages_and_spreads_the_links(build_site: BuildSite) -> None:
    tools = ["Anvil", "Beacon", "Crate", "Dynamo", "Ember"]
    pages = {f"compare/{tool.lower()}.md": Page(tool=tool, category="orchestrators") for tool in tools}
    site = build_site({path: render(page) for path, page in pages.items()}, {"related_limit": 2})
    linked_from: dict[str, int] = defaultdict(int)
    for index, tool in enumerate(tools):
        stem = tool.lower()
        hrefs = _related_links(site.html(f"compare/{stem}/"))
        targets = [_page_of_href(site, f"compare/{stem}/", href)[0] for href in hrefs]
        assert all(target.exists() for target in targets)
        names = [target.parent.name for target in targets]
        assert names == [tools[(index + 1) % 5].lower(), tools[(index + 2) % 5].lower()]
        for name in names:
            linked_from[name] += 1
    assert dict(linked_from) == {tool.lower(): 2 for tool in tools}


def test_summary_merges_into_the_maintainers_page_at_the_marker(build_site: BuildSite) -> None:
    pages = realistic_pages(3)
    own = "# Our comparisons\n\nIntro by the maintainer.\n\n<!-- compare-summary -->\n\nClosing words.\n"
    site = build_site({"compare/index.md": own, **{p: render(page) for p, page in pages.items()}})
    article = site.html("compare/").select_one("article")
    text = article.get_text()
    assert article.select_one("h1").get_text() == "Our comparisons"  # its title, not ours
    assert "Comparisons at a glance" not in text
    assert text.index("Intro by the maintainer.") < text.index("Tool00") < text.index("Closing words.")
    assert article.select_one("table.cmp-matrix") is not None
    assert (site.root / "docs/compare/index.md").read_text("utf-8") == own  # source untouched


def test_summary_goes_after_the_maintainers_text_without_marker(build_site: BuildSite) -> None:
    pages = realistic_pages(2)
    own = "# Tools\n\nOur words.\n"
    site = build_site({"compare/index.md": own, **{p: render(page) for p, page in pages.items()}})
    article = site.html("compare/").select_one("article")
    assert article.get_text().index("Our words.") < article.get_text().index("Feature matrix")


def test_pages_dropped_into_the_docs_root_leave_the_home_page_alone(build_site: BuildSite) -> None:
    """Exports copied straight into docs/ beside the site's own index.md: the home page keeps
    only its own text; the summary and its exports are generated under compare/."""
    home = "# Welcome\n\nOur own home page.\n"
    site = build_site(
        {
            "index.md": home,
            "conveyor.md": render(Page(tool="Conveyor")),
            "hopper.md": render(Page(tool="Hopper")),
        },
        strict=True,
    )
    article = site.html("").select_one("article")
    assert article.select_one("h1").get_text() == "Welcome"
    assert article.select_one("table.cmp-matrix") is None and "Conveyor" not in article.get_text()
    summary = site.html("compare/").select_one("article")
    assert summary.select_one("h1").get_text() == "Comparisons at a glance"
    rows = summary.select("table.cmp-matrix tbody tr[data-slug] th a")
    assert sorted(a.get_text(strip=True) for a in rows) == ["Conveyor", "Hopper"]
    tools = [item["tool"] for item in json.loads(site.text("compare/comparisons.json"))["comparisons"]]
    assert sorted(tools) == ["Conveyor", "Hopper"]
    assert not (site.site_dir / "comparisons.json").exists()
    assert (site.root / "docs/index.md").read_text("utf-8") == home


def test_custom_path_title_and_explicit_nav(build_site: BuildSite) -> None:
    pages = realistic_pages(2)
    site = _site_of(
        pages,
        build_site,
        plugin_config={"summary_page": "overview.md", "summary_title": "All the tools"},
        extra={"nav": ["index.md", "overview.md", {"Pages": [p for p in pages]}]},
        strict=True,
    )
    soup = site.html("overview/")
    assert soup.select_one("article h1").get_text() == "All the tools"
    assert sorted(a["href"] for a in soup.select("a.cmp-card")) == [
        "../compare/lattice-vs-tool00/",
        "../compare/lattice-vs-tool01/",
    ]
    nav_links = {a.get_text(strip=True) for a in soup.select("nav.md-nav--primary a.md-nav__link")}
    assert "All the tools" in nav_links
    assert (site.site_dir / "comparisons.json").exists()


def test_summary_is_in_the_automatic_nav_and_can_be_turned_off(build_site: BuildSite) -> None:
    pages = realistic_pages(2)
    site = _site_of(pages, build_site)
    links = {a.get_text(strip=True) for a in site.html("").select("nav.md-nav--primary a.md-nav__link")}
    assert "Comparisons at a glance" in links


def test_summary_off_and_exports_off(build_site: BuildSite) -> None:
    pages = realistic_pages(2)
    site = _site_of(pages, build_site, plugin_config={"summary_page": "", "json_export": False})
    assert not (site.site_dir / "compare/index.html").exists()
    assert not (site.site_dir / "compare/comparisons.json").exists()
    assert (site.site_dir / "compare/comparisons.csv").exists()


def test_hostile_page_text_stays_text_in_the_summary(build_site: BuildSite) -> None:
    evil = "<script>alert(1)</script> {{ config }} [x](javascript:alert(1))"
    page = Page(
        tool=evil,
        category="<b>cat</b>",
        headline=evil,
        icon_url="javascript:alert(1)",
        rows=[Row(evil, "yes", evil, "no", "<img src=x onerror=alert(1)>")],
    )
    site = build_site({"compare/evil.md": render(page), "compare/ok.md": render(Page(tool="Fine"))})
    soup = site.html("compare/")
    article = soup.select_one("article")
    assert not article.select("script, img[onerror], b:not(.cmp-matrix b)")
    urls = [a.get("href") or a.get("src") for a in article.select("a[href], img[src]")]
    assert urls and not [url for url in urls if url.strip().lower().startswith("javascript")]
    assert evil in article.get_text()
    assert "{{ config }}" in article.get_text()


def test_near_duplicate_hint_is_info_and_does_not_fail_strict(build_site: BuildSite) -> None:
    pages = {
        "compare/a.md": Page(tool="Alpha", rows=[Row("Auto Retraining Triggers")]),
        "compare/b.md": Page(tool="Beta", rows=[Row("Auto-Retraining")]),
    }
    site = _site_of(pages, build_site, strict=True)
    assert any(
        "Auto Retraining Triggers" in message and "feature_aliases" in message for message in site.infos()
    )
    aliased = _site_of(
        pages, build_site, plugin_config={"feature_aliases": {"Auto Retraining Triggers": "Auto-Retraining"}}
    )
    assert not any("look" in message for message in aliased.infos())
    headers = [th.get_text(strip=True) for th in aliased.html("compare/").select("th.cmp-matrix__feature")]
    assert headers == ["Auto-Retraining"]


# ---------------------------------------------------------------------------------------------
# mkdocs serve
# ---------------------------------------------------------------------------------------------
def test_serve_rebuilds_update_the_summary_and_the_export(tmp_path: Path) -> None:
    """What `mkdocs serve` does (mkdocs/commands/serve.py): load the config again for every
    rebuild; the plugin object survives in `Plugins.plugin_cache` because it has on_startup."""
    pages = realistic_pages(4)
    write_docs(tmp_path / "docs", {path: render(page) for path, page in pages.items()})
    (tmp_path / "docs/index.md").write_text("# Home\n", encoding="utf-8")
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(
        yaml.safe_dump(
            {"site_name": "Serve", "theme": {"name": "material"}, "plugins": ["search", "compare"]}
        ),
        encoding="utf-8",
    )

    def get_config() -> Any:
        config = load_config(str(config_file))
        config.site_url = "http://127.0.0.1:8000/"
        return config

    def rebuild() -> tuple[Any, BeautifulSoup, dict[str, Any]]:
        config = get_config()
        build(config, serve_url="http://127.0.0.1:8000/", dirty=False)
        site = Path(config.site_dir)
        soup = BeautifulSoup((site / "compare/index.html").read_text("utf-8"), "html.parser")
        return config, soup, json.loads((site / "compare/comparisons.json").read_text("utf-8"))

    config = get_config()
    config.plugins.on_startup(command="serve", dirty=False)
    first_plugin = config.plugins["compare"]
    _, soup, data = rebuild()
    first = pages["compare/lattice-vs-tool00.md"]
    old_note = first.rows[0].tool_note
    assert old_note in soup.get_text()

    # Edit a note and a verdict.
    first.rows[0].tool_note = "Changed while serving."
    first.rows[0].tool_verdict = "yes" if first.rows[0].tool_verdict == "no" else "no"
    (tmp_path / "docs/compare/lattice-vs-tool00.md").write_text(render(first), "utf-8")
    config, soup, data = rebuild()
    assert config.plugins["compare"] is first_plugin  # the same object, as under serve
    assert "Changed while serving." in soup.get_text() and old_note not in soup.get_text()
    cell = _cells(soup)[(first.tool, first.rows[0].name)]
    assert f"t-{first.rows[0].tool_verdict[0]}" in cell["class"]
    entry = next(c for c in data["comparisons"] if c["tool"] == first.tool)
    assert entry["features"][0]["tool"] == {
        "verdict": first.rows[0].tool_verdict,
        "note": "Changed while serving.",
    }

    # Delete a page, add another.
    (tmp_path / "docs/compare/lattice-vs-tool01.md").unlink()
    added = Page(tool="Newcomer", category=CATEGORIES[0], rows=[Row("Brand New Feature")])
    (tmp_path / "docs/compare/newcomer.md").write_text(render(added), "utf-8")
    config, soup, data = rebuild()
    tools = {c["tool"] for c in data["comparisons"]}
    assert pages["compare/lattice-vs-tool01.md"].tool not in tools and "Newcomer" in tools
    cards = {a.select_one(".cmp-card__name").get_text() for a in soup.select("a.cmp-card")}
    assert cards == tools
    assert "Brand New Feature" in soup.get_text()
    # The sibling pages' related blocks follow too.
    sibling = BeautifulSoup(
        (Path(config.site_dir) / "compare/lattice-vs-tool00/index.html").read_text("utf-8"), "html.parser"
    )
    assert "../newcomer/" in _related_links(sibling) and "../lattice-vs-tool01/" not in _related_links(
        sibling
    )
    config.plugins.on_shutdown()


def test_dirty_rebuild_renders_only_the_edited_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A full build renders every page ahead, in one loop; `--dirty` builds (serve's
    `--dirtyreload`) read only edited pages, so only those are rendered."""
    pages = realistic_pages(4)
    write_docs(tmp_path / "docs", {path: render(page) for path, page in pages.items()})
    (tmp_path / "docs/index.md").write_text("# Home\n", encoding="utf-8")
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(
        yaml.safe_dump({"site_name": "Dirty", "theme": {"name": "material"}, "plugins": ["compare"]}),
        encoding="utf-8",
    )
    rendered: list[str] = []
    original = Renderer.render_page_held

    def counting(self: Renderer, comparison: Any, *args: Any, **kwargs: Any) -> Any:
        rendered.append(comparison.path)
        return original(self, comparison, *args, **kwargs)

    monkeypatch.setattr(Renderer, "render_page_held", counting)
    config = load_config(str(config_file))
    config.plugins.on_startup(command="build", dirty=True)
    build(config, dirty=True)
    assert sorted(rendered) == sorted(pages)

    rendered.clear()
    first = pages["compare/lattice-vs-tool00.md"]
    first.rows[0].tool_note = "Edited for a dirty build."
    source = tmp_path / "docs/compare/lattice-vs-tool00.md"
    source.write_text(render(first), "utf-8")
    os.utime(source, (time.time() + 5, time.time() + 5))  # newer than its built page
    build(config, dirty=True)
    assert rendered == ["compare/lattice-vs-tool00.md"]
    built = (Path(config.site_dir) / "compare/lattice-vs-tool00/index.html").read_text("utf-8")
    assert "Edited for a dirty build." in built


# ---------------------------------------------------------------------------------------------
# The script, in a real browser
# ---------------------------------------------------------------------------------------------
@pytest.mark.skipif(shutil.which("chromium") is None, reason="needs Chromium")
def test_script_adds_the_filter_and_sort_buttons(tmp_path: Path) -> None:
    pages = realistic_pages(5)
    write_docs(tmp_path / "docs", {path: render(page) for path, page in pages.items()})
    (tmp_path / "docs/index.md").write_text("# Home\n", encoding="utf-8")
    site = build_in(tmp_path, {"site_name": "JS", "theme": {"name": "material"}, "plugins": ["compare"]})
    # Drive the page once loaded: pick the second category, then sort by the first feature.
    page = site.site_dir / "compare/index.html"
    driver = (
        "<script>addEventListener('load', function () { setTimeout(function () {"
        "var s = document.querySelector('[data-compare-controls] select');"
        "s.selectedIndex = 2; s.dispatchEvent(new Event('change'));"
        "document.querySelector('th.cmp-matrix__feature button').click();"
        "}, 300); });</script>"
    )
    page.write_text(page.read_text("utf-8").replace("</body>", driver + "</body>"), "utf-8")
    result = subprocess.run(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         f"--user-data-dir={tmp_path / 'chromium'}", "--virtual-time-budget=3000", "--dump-dom",
         page.as_uri()],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    dom = BeautifulSoup(result.stdout, "html.parser")
    controls = dom.select_one("[data-compare-controls]")
    assert controls is not None and not controls.has_attr("hidden"), result.stderr[-2000:]
    select = controls.select_one("select")
    options = [option.get_text() for option in select.select("option")]
    assert options[0] == "All categories" and len(options) == 1 + len({p.category for p in pages.values()})
    chosen = options[2]
    rows = dom.select("table.cmp-matrix tbody tr[data-slug]")
    shown = [row for row in rows if not row.has_attr("hidden")]
    # Rows are grouped under a header row per category (hidden once sorted): the chosen one's.
    heading = {row["data-category"]: row.get_text(strip=True) for row in dom.select("tbody tr.cmp-group")}
    assert shown and all(heading[row["data-category"]] == chosen for row in shown)
    assert len(shown) < len(rows)
    cards = [group for group in dom.select(".cmp-cards") if not group.has_attr("hidden")]
    assert len(cards) == 1
    header = dom.select_one("th.cmp-matrix__feature")
    assert header.get("aria-sort") == "descending" and header.select_one("button.cmp-sort")
    # Sorted: the visible rows' cells in that column go from yes to no to empty.
    column = [th for th in dom.select("thead th")].index(header)
    rank = {"t-y": 3, "t-u": 2, "t-n": 1}
    order = [
        rank.get((row.find_all(["th", "td"])[column].get("class") or ["-"])[0], 0)
        for row in dom.select("table.cmp-matrix tbody tr[data-slug]")
    ]
    assert order == sorted(order, reverse=True)


def test_relative_url_matches_mkdocs() -> None:
    from mkdocs.utils import get_relative_url

    for target, base in [
        ("compare/a/", "compare/"),
        ("compare/a/", "overview/"),
        ("compare/a.html", "compare/index.html"),
        ("a/b/c/", "x/"),
        ("compare/", "compare/"),
    ]:
        assert relative_url(target, base) == get_relative_url(target, base), (target, base)


def test_summary_links_without_directory_urls(build_site: BuildSite) -> None:
    pages = realistic_pages(2)
    site = _site_of(pages, build_site, extra={"use_directory_urls": False})
    soup = BeautifulSoup(site.text("compare/index.html"), "html.parser")
    hrefs = sorted(a["href"] for a in soup.select("a.cmp-card"))
    assert hrefs == ["lattice-vs-tool00.html", "lattice-vs-tool01.html"]
    assert all((site.site_dir / "compare" / href).exists() for href in hrefs)
    assert re.search(r'href="lattice-vs-tool00\.html#feature-', site.text("compare/index.html"))
