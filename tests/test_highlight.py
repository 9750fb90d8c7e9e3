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
