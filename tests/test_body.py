"""The page body in real MkDocs builds: the table found past comments and code examples, every
row kept, second tables warned about (so `--strict` fails), invisible characters not text."""

from __future__ import annotations

import logging

import pytest
from conftest import BuildSite, BuiltSite
from exported import Page, front_matter
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.exceptions import Abort

from mkdocs_compare.parse import parse_comparison

PAGE = "compare/conveyor.md"
FIRST_BODY_LINE = front_matter(Page()).count("\n") + 1


def cell(verdict: str, note: str, tag: str = "td") -> str:
    icon = f'<span class="icon {verdict}"></span>'
    return f'<{tag} class="tooltip">{icon}<span class="tooltiptext">{note}</span></{tag}>'


def row(name: str, tag: str = "td") -> str:
    cells = cell("yes", f"{name}: ours.", tag) + cell("no", f"{name}: theirs.", tag)
    return f"<tr><{tag}>{name}</{tag}>{cells}</tr>"


SAMPLES = "```python\nfrom lattice import flow\n```\n{gap}```python\nimport conveyor\n```\n{gap}"
CODE = "\n\n" + SAMPLES.format(gap="\n") + "<ul><li>Read the guide.</li></ul>"


def page(table_part: str, code: str = CODE) -> str:
    return front_matter(Page()) + table_part + code


def features(site: BuiltSite) -> list[str]:
    article = site.html("compare/conveyor/").select_one("article")
    assert article is not None
    return [node.get_text() for node in article.select(".compare-grid__row .compare-grid__feature")]


def plugin_warnings(site: BuiltSite) -> list[str]:
    return [
        r.getMessage()
        for r in site.records
        if r.name == "mkdocs.plugins.compare" and r.levelno >= logging.WARNING
    ]


def test_rows_of_th_cells_reach_the_page(build_site: BuildSite) -> None:
    table = f"<table><tbody>{row('Caching', 'th')}{row('Retries', 'th')}{row('Secrets')}</tbody></table>"
    site = build_site({PAGE: page(table)}, strict=True)
    assert features(site) == ["Caching", "Retries", "Secrets"]
    assert "Retries: theirs." in site.html("compare/conveyor/").select_one("article").get_text()


def test_rows_after_a_nested_table_reach_the_page(build_site: BuildSite) -> None:
    nested = (
        '<tr><td>Regions</td><td class="tooltip"><span class="icon yes"></span>'
        '<span class="tooltiptext">Both:</span><table><tr><td>EU</td><td>US</td></tr></table></td>'
        f"{cell('no', 'One.')}</tr>"
    )
    site = build_site({PAGE: page(f"<table>{nested}{row('Caching')}{row('Retries')}</table>")}, strict=True)
    assert features(site) == ["Regions", "Caching", "Retries"]
    assert "Both: EU US" in site.html("compare/conveyor/").select_one("article").get_text()


def test_a_second_table_is_kept_and_fails_strict(
    build_site: BuildSite, tmp_path_factory: pytest.TempPathFactory
) -> None:
    tables = f"<table>{row('Caching')}</table>\n\n<table>{row('Retries')}</table>"
    site = build_site({PAGE: page(tables)})
    assert features(site) == ["Caching", "Retries"]
    (warning,) = [w for w in plugin_warnings(site) if "another table" in w]
    assert f"compare/conveyor.md:{FIRST_BODY_LINE + 2}" in warning
    with pytest.raises(Abort):
        build_site({PAGE: page(tables)}, strict=True)


def test_the_real_table_after_a_commented_out_one(build_site: BuildSite) -> None:
    table = (
        f"<!--\n<table>{row('Retired feature')}</table>\n-->\n<table>{row('Caching')}{row('Retries')}</table>"
    )
    site = build_site({PAGE: page(table)}, strict=True)
    assert features(site) == ["Caching", "Retries"]
    assert "Retired feature" not in site.text("compare/conveyor/index.html")


def test_the_real_table_after_a_fenced_html_example(build_site: BuildSite) -> None:
    example = f"```html\n<table>{row('Example only')}</table>\n```\n\n"
    site = build_site({PAGE: page(example + f"<table>{row('Caching')}{row('Retries')}</table>")})
    assert features(site) == ["Caching", "Retries"]
    blocks = [b.get_text() for b in site.html("compare/conveyor/").select(".tabbed-block pre")]
    assert len(blocks) == 3 and "Example only" in blocks[0]  # the example is kept, as code
    assert any("found 3" in w for w in plugin_warnings(site))


@pytest.mark.parametrize("invisible", ["\u200d", "\u200b", "\ufeff", "&nbsp;", "&zwj;", "\u200d\n\u2060"])
def test_an_invisible_character_is_not_a_more_details_section(build_site: BuildSite, invisible: str) -> None:
    code = "\n\n" + SAMPLES.format(gap=f"{invisible}\n")
    site = build_site({PAGE: page(f"<table>{row('Caching')}</table>", code)}, strict=True)
    soup = site.html("compare/conveyor/")
    assert soup.select(".compare-more") == []
    headings = [h.get_text() for h in soup.select("article h2")]
    assert "More details" not in headings
    assert not [a for a in soup.select(".md-nav--secondary a") if "More details" in a.get_text()]


# -- code containing extension syntax stays one literal sample ---------------------------------------

EXTENSION_SYNTAX = [
    '--8<-- "secrets.txt"',
    "{++added++}",
    "!!! note",
    "{{ page.title }}",
    "{% raw %}",
    ":smile:",
]
code_lines = st.lists(
    st.one_of(
        st.sampled_from(EXTENSION_SYNTAX),
        st.text(st.sampled_from("abc <>&\"'=():#{}%!+-~"), max_size=20),
    ),
    min_size=1,
    max_size=8,
)


@settings(max_examples=100, deadline=None)
@given(code_lines, code_lines, st.sampled_from(["fenced", "pre"]))
def test_every_code_line_with_extension_syntax_is_kept(
    first: list[str], second: list[str], form: str
) -> None:
    samples = ["\n".join(first).strip("\n"), "\n".join(second).strip("\n")]
    if form == "pre":
        import html

        code = "".join(f"<pre><code>{html.escape(s, quote=False)}</code></pre>" for s in samples)
    else:
        samples = [s.replace("`", "'").replace("~~~", "~") for s in samples]
        code = "\n\n" + "\n\n".join(f"```python\n{s}\n```" for s in samples)
    result = parse_comparison(page(f"<table>{row('Caching')}</table>", code + "\n"), PAGE)
    assert result.comparison is not None
    assert [s.code for s in result.comparison.code_samples] == samples
