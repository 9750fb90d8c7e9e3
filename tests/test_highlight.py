"""Code samples highlighted as the site's own fences are, by the site's code extensions only."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup

from mkdocs_compare.highlight import CodeHighlighter, HighlightCache, site_code

CODE = 'import os\nprint("<b>&</b>")  # --8<-- "x"'


def _site_fence(extensions: list, configs: dict, code: str, language: str) -> str:
    """The oracle: the same fence converted by Python-Markdown with the site's full list."""
    return markdown.Markdown(extensions=extensions, extension_configs=configs).convert(
        f"```{language}\n{code}\n```"
    )


@pytest.mark.parametrize(
    ("extensions", "configs"),
    [
        (["fenced_code"], {}),
        (["fenced_code", "codehilite"], {"codehilite": {"css_class": "highlight"}}),
        (["markdown.extensions.codehilite", "fenced_code"], {}),
        (["pymdownx.highlight", "pymdownx.superfences"], {"pymdownx.highlight": {"linenums": True}}),
        (["pymdownx.superfences"], {}),
    ],
)
def test_blocks_are_the_sites_own_fences(extensions: list, configs: dict) -> None:
    site = site_code(["toc", "tables", *extensions, "admonition"], configs)
    assert "toc" not in site.extensions and "admonition" not in site.extensions
    blocks = CodeHighlighter(site).blocks([(CODE, "python"), ("a < b", "text")])
    assert blocks == [
        _site_fence(extensions, configs, CODE, "python"),
        _site_fence(extensions, configs, "a < b", "text"),
    ]
    assert BeautifulSoup(blocks[0], "html.parser").get_text().rstrip("\n").endswith(CODE.split("\n")[-1])


def test_custom_fences_of_the_site_do_not_turn_samples_into_diagrams() -> None:
    configs = {
        "pymdownx.superfences": {
            "custom_fences": [
                {"name": "mermaid", "class": "mermaid", "format": lambda *a, **k: "<div>DIAGRAM</div>"}
            ]
        }
    }
    site = site_code(["pymdownx.superfences"], configs)
    [block] = CodeHighlighter(site).blocks([("graph TD; A-->B", "mermaid")])
    assert "DIAGRAM" not in block and "graph TD; A--&gt;B" in block
    assert "custom_fences" in configs["pymdownx.superfences"]  # the site's own settings untouched


def test_styles_follow_the_sites_highlighter() -> None:
    assert site_code(["toc"], {}).style == "plain"
    assert site_code(["codehilite"], {}).style == "codehilite"
    assert site_code(["pymdownx.highlight"], {}).style == "pymdownx"
    assert site_code(["codehilite", "pymdownx.superfences"], {}).style == "pymdownx"


def test_a_shared_cache_skips_pygments_for_unchanged_samples_only(monkeypatch: pytest.MonkeyPatch) -> None:
    cache = HighlightCache()
    site = site_code(["pymdownx.superfences"], {})
    first = CodeHighlighter(site, cache).blocks([(CODE, "python")])
    again = CodeHighlighter(site, cache)

    def no_conversion(*args: object, **kwargs: object) -> str:
        raise AssertionError("converted again")

    monkeypatch.setattr(again._md, "convert", no_conversion)
    assert again.blocks([(CODE, "python")]) == first
    numbered = CodeHighlighter(
        site_code(["pymdownx.highlight", "pymdownx.superfences"], {"pymdownx.highlight": {"linenums": True}}),
        cache,
    )
    assert numbered.blocks([(CODE, "python")]) != first  # other settings: highlighted afresh
    with pytest.raises(AssertionError, match="converted again"):
        again.blocks([(CODE + "\n", "python")])  # another sample: highlighted afresh


@pytest.mark.parametrize(
    "settings",
    [
        {},
        {"linenums": True, "anchor_linenums": True, "line_spans": "__span", "auto_title": True},
        {"linenums": True, "linenums_style": "pymdownx-inline"},
        {"linenums": True, "linenums_style": "table", "pygments_lang_class": True},
    ],
)
def test_reused_formatters_give_pymdownx_own_html(settings: dict[str, object]) -> None:
    import markdown
    import pymdownx.highlight

    samples = [(CODE, "python"), ("name: x\nimage: y\n", "yaml"), (CODE, "python"), ("a < b", "text")]
    extensions = ["pymdownx.highlight", "pymdownx.superfences"]
    site = site_code(extensions, {"pymdownx.highlight": settings})
    original = pymdownx.highlight.BlockHtmlFormatter
    for _ in range(2):  # the second time, every formatter is a reused one
        blocks = CodeHighlighter(site, HighlightCache(0)).blocks(samples)
        assert pymdownx.highlight.BlockHtmlFormatter is original  # the site's own is left alone
        for (code, language), block in zip(samples, blocks, strict=True):
            # pymdownx alone, a fresh Markdown per sample: what the site's own fence gives.
            alone = markdown.Markdown(
                extensions=extensions, extension_configs={"pymdownx.highlight": settings}
            )
            expected = alone.convert(f"```{language}\n{code}\n```")
            if "anchor_linenums" not in settings:  # anchors are numbered across a page's samples
                assert block == expected
            else:
                assert block.count("<span") == expected.count("<span")
