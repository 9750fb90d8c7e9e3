"""Head tags and structured data in real builds: one of each tag, the export's canonical, JSON-LD
naming both products, an ItemList on the summary. Expected values are the fixture's own texts."""

from __future__ import annotations

import json
from typing import Any

from bs4 import BeautifulSoup
from conftest import BuildSite
from exported import Page, render

CANONICAL = "https://www.lattice.example.com/compare/lattice-vs-conveyor"
SEO = f"""seo:
  title: "Lattice vs Conveyor, side by side"
  description: "How Lattice and Conveyor differ."
  canonical: "{CANONICAL}"
  ogImage: "https://cdn.lattice.example.com/og/conveyor.png"
  ogTitle: "Lattice or Conveyor? </script><script>alert(1)</script>"
"""


def _pages() -> dict[str, str]:
    return {
        "compare/conveyor.md": render(Page(tool="Conveyor", extra_front_matter=SEO)),
        "compare/sluice.md": render(Page(tool="Sluice", category="model-serving")),
    }


def _head_keys(soup: BeautifulSoup) -> list[str]:
    head = soup.head
    keys = [str(link.get("rel")) for link in head.find_all("link", rel="canonical")]
    for meta in head.find_all("meta"):
        key = meta.get("property") or meta.get("name") or ""
        if key.startswith(("og:", "twitter:")):
            keys.append(key)
    return keys


def _json_ld(soup: BeautifulSoup) -> list[Any]:
    found = []
    for script in soup.find_all("script", type="application/ld+json"):
        data = json.loads(script.string)
        found += data if isinstance(data, list) else [data]
    return found


def test_each_tag_once_with_the_exports_canonical(build_site: BuildSite) -> None:
    site = build_site(_pages(), extra={"site_url": "https://docs.lattice.example.com/guide/"})
    soup = site.html("compare/conveyor/")
    keys = _head_keys(soup)
    assert sorted(keys) == sorted(
        ["['canonical']", "og:type", "og:title", "og:description", "og:image", "og:url", "twitter:card"]
    )
    assert soup.head.find("link", rel="canonical")["href"] == CANONICAL
    assert soup.head.find("meta", property="og:title")["content"] == (
        "Lattice or Conveyor? </script><script>alert(1)</script>"
    )
    assert [script for script in soup.find_all("script") if (script.string or "").strip() == "alert(1)"] == []
    # a page without seo.canonical keeps the one MkDocs writes (site_url with its sub-path)
    other = site.html("compare/sluice/")
    assert (
        other.head.find("link", rel="canonical")["href"]
        == "https://docs.lattice.example.com/guide/compare/sluice/"
    )
    assert other.head.find("meta", property="og:url")["content"] == (
        "https://docs.lattice.example.com/guide/compare/sluice/"
    )
    assert len(other.head.find_all("link", rel="canonical")) == 1


def test_json_ld_names_both_products_and_the_summary_lists_every_page(build_site: BuildSite) -> None:
    site = build_site(_pages(), extra={"site_url": "https://docs.lattice.example.com/"})
    web_page, crumbs = _json_ld(site.html("compare/conveyor/"))
    assert web_page["@type"] == "WebPage"
    assert [app["name"] for app in web_page["about"]] == ["Lattice", "Conveyor"]
    assert web_page["about"][1]["applicationCategory"] == "Orchestrators"
    assert [item["item"] for item in crumbs["itemListElement"]] == [
        "https://docs.lattice.example.com/",
        "https://docs.lattice.example.com/compare/",
        "https://docs.lattice.example.com/compare/conveyor/",
    ]
    (item_list,) = _json_ld(site.html("compare/"))
    assert item_list["@type"] == "ItemList"
    assert [(item["name"], item["url"]) for item in item_list["itemListElement"]] == [
        ("Lattice vs Conveyor", "https://docs.lattice.example.com/compare/conveyor/"),
        ("Lattice vs Sluice", "https://docs.lattice.example.com/compare/sluice/"),
    ]
    assert _json_ld(site.html("")) == []  # other pages get nothing


def test_structured_data_and_export_canonical_can_be_turned_off(build_site: BuildSite) -> None:
    site = build_site(_pages(), {"structured_data": False, "canonical": "site"})
    soup = site.html("compare/conveyor/")
    assert _json_ld(soup) == []
    assert [link["href"] for link in soup.head.find_all("link", rel="canonical")] == [
        "https://example.org/compare/conveyor/"
    ]
    assert _json_ld(site.html("compare/")) == []


def test_tags_another_plugin_wrote_are_kept(build_site: BuildSite, tmp_path: Any) -> None:
    hook = tmp_path / "social_hook.py"
    hook.write_text(
        "from mkdocs.plugins import event_priority\n"
        "@event_priority(50)\n"
        "def on_post_page(output, page, config):\n"
        '    tags = \'<meta property="og:title" content="Social card" />\''
        ' \'<meta property="twitter:card" content="summary_large_image" />\'\n'
        "    return output.replace('</head>', tags + '</head>', 1)\n",
        encoding="utf-8",
    )
    site = build_site(_pages(), extra={"hooks": [str(hook)]})
    soup = site.html("compare/conveyor/")
    assert [meta["content"] for meta in soup.head.find_all("meta", property="og:title")] == ["Social card"]
    cards = soup.head.find_all("meta", attrs={"property": "twitter:card"})
    cards += soup.head.find_all("meta", attrs={"name": "twitter:card"})
    assert len(cards) == 1
    assert soup.head.find("meta", property="og:description") is not None  # ours, where it wrote none
