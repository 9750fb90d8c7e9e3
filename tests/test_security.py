"""Page text is untrusted: hostile strings in every slot must come out as inert, literal text."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import BuildSite
from exported import Page, Row, render
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_compare.escape import (
    code_fence,
    escape_html,
    escape_markdown,
    html_safe_meta,
    inert_code,
    safe_url,
)

# Markup, template and Markdown syntax that would do something if it reached the output unescaped.
LITERALS = (
    "**bold**",
    "[link](https://evil.example/)",
    "!!! note",
    "<!-- hidden -->",
    "{{ 7*7 }}",
    "{% raw %}",
    "==marked==",
    "^^inserted^^",
    "~~deleted~~",
    ":smile:",
    "$x^2$",
    "++ctrl+alt++",
    "{: onclick=alert(4) }",
    "[^1]",
)
ACTIVE = (
    "<script>alert(1)</script>",
    '<img src="x" onerror="alert(2)">',
    "<x-evil>boo</x-evil>",
    '<iframe src="javascript:alert(3)"></iframe>',
    '<a href="javascript:alert(5)" onmouseover="alert(6)">click</a>',
)


def hostile(slot: str) -> str:
    """A payload naming its slot, so a failure says where the text came from."""
    return f"{slot.upper()} " + " ".join(LITERALS) + " " + " ".join(ACTIVE)


def hostile_page(**overrides: object) -> Page:
    page = Page(
        product="Lattice " + hostile("product"),
        tool="Conveyor " + hostile("tool"),
        slug="conveyor",
        category=hostile("category"),
        headline=hostile("headline"),
        hero_text=hostile("hero") + "\n\n!!! note\n    indented admonition body\n\n--8<-- 'secret.txt'",
        cta_headline=hostile("cta"),
        learn_more_url="javascript:alert(7)",
        icon_url=" JaVaScRiPt:alert(8)",
        rows=[
            Row(hostile("name"), "yes", hostile("note-p"), "no", hostile("note-t")),
            Row("Plain row", "no", "<b>bold</b> **not bold**", "yes", "{{ config.site_name }}"),
        ],
        code=(
            "print('{{ 7*7 }}')  # <script>alert(9)</script> **x**\n```\n</code></pre><x-evil>",
            "conveyor.run('{% raw %}')\n~~~\n<!-- c -->\n--8<-- 'secret.txt'",
        ),
        learn_more=(hostile("item"), "Second <x-evil>item</x-evil>"),
        code_form="pre",
    )
    for name, value in overrides.items():
        setattr(page, name, value)
    return page


PYMDOWNX = [
    "abbr",
    "footnotes",
    "def_list",
    "attr_list",
    "md_in_html",
    {"toc": {"permalink": True}},
    "pymdownx.betterem",
    "pymdownx.mark",
    "pymdownx.caret",
    "pymdownx.tilde",
    "pymdownx.keys",
    "pymdownx.critic",
    "pymdownx.smartsymbols",
    "pymdownx.magiclink",
    "pymdownx.emoji",
    {"pymdownx.arithmatex": {"generic": True}},
    "pymdownx.superfences",
    {"pymdownx.tabbed": {"alternate_style": True}},
    "admonition",
    "pymdownx.details",
]


def _assert_inert(soup: BeautifulSoup, article_text: str) -> None:
    for script in soup.find_all("script"):
        if script.get("type") == "application/ld+json":  # data, never run: it must stay data
            raw = script.decode_contents()
            assert "<" not in raw and ">" not in raw, raw
            json.loads(raw)
            continue
        assert "alert" not in script.get_text(), script
        assert not script.get("src") or "alert" not in script["src"]
    for element in soup.find_all(True):
        for attribute, value in element.attrs.items():
            assert not attribute.lower().startswith("on"), (element.name, attribute)
            text = " ".join(value) if isinstance(value, list) else str(value)
            squeezed = re.sub(r"[\x00-\x20]", "", text).lower()
            if attribute in ("href", "src", "action", "formaction", "xlink:href", "data"):
                assert not squeezed.startswith(("javascript:", "data:", "vbscript:")), (element.name, text)
    for name in ("x-evil", "iframe"):
        assert soup.find(name) is None, name
    assert soup.find("img", src="x") is None
    assert "49" not in article_text  # no template ran over the page


@pytest.mark.parametrize("extensions", [None, PYMDOWNX], ids=["default", "pymdownx"])
def test_hostile_text_in_every_slot_stays_literal(build_site: BuildSite, tmp_path: Path, extensions) -> None:
    (tmp_path / "secret.txt").write_text("TOP-SECRET-CONTENT\n", encoding="utf-8")
    if extensions:  # snippets would paste this file in place of a `--8<--` line of page text
        extensions = [*extensions, {"pymdownx.snippets": {"base_path": [str(tmp_path)]}}]
    extra = {"markdown_extensions": extensions} if extensions else None
    site = build_site(
        {"compare/conveyor.md": render(hostile_page()), "compare/other.md": render(Page(tool="Sluice"))},
        extra=extra,
    )
    soup = site.html("compare/conveyor/")
    article = soup.select_one("article")
    assert article is not None
    text = article.get_text()
    _assert_inert(soup, text)
    assert "TOP-SECRET-CONTENT" not in soup.decode()
    assert text.count("--8<-- 'secret.txt'") == 2  # in the hero text and in a code sample, as text
    # Every slot's payload is in the page, as text, with its syntax intact.
    # (The call to action is left out with its unsafe URL; test_safe_urls_are_kept covers it.)
    slots = ("product", "tool", "headline", "hero", "name", "note-p", "note-t", "item")
    for slot in slots:
        assert f"{slot.upper()} " in text, slot
    for literal in LITERALS:
        assert text.count(literal) >= len(slots), literal
    for active in ACTIVE:
        assert text.count(active) >= len(slots), active
    assert "<b>bold</b> **not bold**" in text and "{{ config.site_name }}" in text
    assert "print('{{ 7*7 }}')  # <script>alert(9)</script> **x**" in text
    assert "</code></pre><x-evil>" in text and "conveyor.run('{% raw %}')" in text
    # Nothing Markdown or an extension would make of the payload exists in the article.
    made = article.find_all(["strong", "em", "b", "i", "mark", "ins", "del", "kbd", "sup", "sub", "abbr"])
    assert not [tag for tag in made if tag.get_text() in ("bold", "marked", "inserted", "deleted", "smile")]
    assert not article.select(".arithmatex, .twemoji, .emojione, .footnote, .critic, .keys")
    assert not article.select(".admonition.note"), "an admonition was made from page text"
    assert not article.select("a[href^='https://evil.example']")
    # Hostile URLs are dropped, not used: no icon, no call-to-action link.
    assert not article.select("img.compare-hero__icon")
    assert not article.select(".compare-hero__cta a")
    # The summary page lists the same strings inertly too.
    summary = site.html("compare/")
    _assert_inert(summary, summary.get_text())
    assert "TOOL " + LITERALS[0] in summary.get_text()


def test_data_and_protocol_relative_urls_are_dropped(build_site: BuildSite) -> None:
    page = hostile_page(
        learn_more_url="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        icon_url="//evil.example/icon.svg",
    )
    soup = build_site({"compare/conveyor.md": render(page)}).html("compare/conveyor/")
    article = soup.select_one("article")
    _assert_inert(soup, article.get_text())
    assert "evil.example" not in str(article.find_all(["img", "a"]))
    assert not article.select("img.compare-hero__icon") and not article.select(".compare-hero__cta a")
    # The page is still there, its texts shown as written: only the URLs were dropped.
    assert hostile("headline") in article.get_text() and hostile("hero") in article.get_text()


def test_safe_urls_are_kept(build_site: BuildSite) -> None:
    page = hostile_page(learn_more_url="https://lattice.example.org/start?a=1&b=2", icon_url="../icons/c.svg")
    soup = build_site({"compare/conveyor.md": render(page)}).html("compare/conveyor/")
    article = soup.select_one("article")
    _assert_inert(soup, article.get_text())
    assert article.select_one(".compare-hero__cta a")["href"] == "https://lattice.example.org/start?a=1&b=2"
    assert article.get_text().count(hostile("cta")) == 2  # hero button and next steps
    assert article.select_one("img.compare-hero__icon")["src"].endswith("icons/c.svg")


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "JAVASCRIPT:alert(1)",
        "\x01javascript:alert(1)",
        "data:text/html,x",
        "vbscript:x",
        "//evil.example/",
        "\\\\evil.example\\x",
        "file:///etc/passwd",
        "java script:alert(1)",
        # Browsers read a backslash as a slash: these are `//evil.example/x`, another host.
        "/\\evil.example/x",
        "\\/evil.example/x",
        "/\t\\evil.example/x",
        # Not a scheme (one cannot hold "_"), and not a relative path either: a relative URL's
        # first segment holds no ":" (RFC 3986, 4.2).
        "ja_va:alert(1)",
        "1http://evil.example/",
    ],
)
def test_safe_url_refuses_other_schemes(url: str) -> None:
    assert safe_url(url) == ""


@pytest.mark.parametrize(
    "url",
    [
        "https://a.example/x",
        "http://a.example",
        "../x.svg",
        "/img/x.png",
        "x#y",
        # Schemes are case-insensitive: an export's uppercase scheme is still http(s).
        "HTTPS://A.EXAMPLE/x",
        "Http://a.example/",
        "hTTp://a.example/y?z=1",
        # A ":" after the first "/" is part of a path.
        "icons/a:b.svg",
        "../x/y:z.png#p:q",
        "a/b:c/d.svg",
    ],
)
def test_safe_url_keeps_http_and_relative(url: str) -> None:
    assert safe_url(url) == url


@pytest.mark.parametrize("value", [None, 3, ["https://a.example/"], {"url": "https://a.example/"}])
def test_safe_url_of_what_is_not_text_is_empty(value: object) -> None:
    assert safe_url(value) == ""


# Text that an escape which forgot a character would change: entities already written out
# (`&lt;b&gt;` must show as those eight characters, not as `<b>`), and every special character.
TRICKY = (
    "&lt;b&gt; &amp; &#123; &copy <a href='x'>&{{ }}{% %}**[x](y)** `c` "
    "#h !!! ==m== ^^i^^ ~~d~~ :e: $m$ |t| @u +k+"
)


def test_escape_html_leaves_no_special_character_and_keeps_the_text() -> None:
    escaped = escape_html(TRICKY)
    assert not re.search(r"[<>\"{}]", escaped)
    assert not re.search(r"&(?!amp;|lt;|gt;|quot;|#123;|#125;)", escaped)  # every & starts an escape
    assert html.unescape(escaped) == TRICKY  # what a browser shows is the source text


def test_escape_markdown_leaves_no_special_character_and_keeps_the_text() -> None:
    escaped = escape_markdown(TRICKY + "\n  second   line ")
    assert not re.search(r"[<>\"{}*\[\]`#!=^~:$|@+'\n]", escaped.replace("&#", ""))
    assert not re.search(r"&(?!amp;|lt;|gt;|quot;|#\d+;)", escaped)
    assert html.unescape(escaped) == TRICKY + " second line"  # one line, as a heading is


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_escapes_are_undone_by_an_html_reader(text: str) -> None:
    assert html.unescape(escape_html(text)) == text
    assert html.unescape(escape_markdown(text)) == " ".join(text.split())


def test_an_escaped_entity_in_a_note_shows_as_written(build_site: BuildSite) -> None:
    note = "Write &lt;b&gt; for bold, & &amp; for an ampersand."
    page = Page(rows=[Row("Entities &lt;b&gt;", "yes", note, "no", "<b>not bold</b>")], learn_more=(note,))
    soup = build_site({"compare/conveyor.md": render(page)}).html("compare/conveyor/")
    row = soup.select_one(".compare-grid__row")
    assert row is not None and row.select_one(".compare-grid__feature").get_text() == "Entities &lt;b&gt;"
    notes = [p.get_text() for p in row.select(".admonition p:not(.admonition-title)")]
    assert notes == [note, "<b>not bold</b>"]
    assert not row.find("b", string="not bold")
    assert note in [li.get_text() for li in soup.select("article li")]


@pytest.mark.parametrize(
    ("code", "char", "fence"),
    [
        ("print(1)", "`", "```"),  # the usual fence when the code holds no backticks
        ("a `b` c", "`", "```"),
        ("x = '''\n```\n'''", "`", "````"),  # longer than the longest run inside, so it cannot close early
        ("`````", "`", "``````"),
        ("~~~ and ```", "~", "~~~~"),
    ],
)
def test_code_fence_is_longer_than_any_run_inside(code: str, char: str, fence: str) -> None:
    assert code_fence(code, char) == fence


@pytest.mark.parametrize(
    ("code", "inert"),
    [
        ("--8<-- 'secret.txt'", "--8<-- 'secret.txt' "),  # a trailing space: snippets skips the line
        ('a\n  --8<-- "x.md"\nb', 'a\n  --8<-- "x.md" \nb'),
        ("--8<--\nsecret.txt\n--8<--", "--8<-- \nsecret.txt\n--8<-- "),
        ("x = '--8<--'  # in a string", "x = '--8<--'  # in a string"),  # not a snippet line
        ("print(1)\n", "print(1)\n"),
    ],
)
def test_inert_code_only_adds_a_space_to_snippet_lines(code: str, inert: str) -> None:
    assert inert_code(code) == inert


def test_html_safe_meta_escapes_strings_and_keeps_other_values() -> None:
    meta = {"title": 'A <b>"vs"</b> & {{ x }}', "draft": False, "order": 3}
    assert html_safe_meta(meta) == {
        "title": "A &lt;b&gt;&quot;vs&quot;&lt;/b&gt; &amp; &#123;&#123; x &#125;&#125;",
        "draft": False,
        "order": 3,
    }


def test_html_safe_meta_escapes_at_any_depth() -> None:
    meta = {
        "seo": {"title": "<i>x</i>", "og": {"image": 'a"b'}},
        "tags": ["<t>", ("&", 1)],
        "none": None,
    }
    assert html_safe_meta(meta) == {
        "seo": {"title": "&lt;i&gt;x&lt;/i&gt;", "og": {"image": "a&quot;b"}},
        "tags": ["&lt;t&gt;", ["&amp;", 1]],
        "none": None,
    }
