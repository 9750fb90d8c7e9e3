"""What the rendered pages need from the site they join: the plugin's stylesheets and script,
and the Markdown extensions the portable output is written for.

Core, not glue: the plugin adds the assets to a build, the `render` command lists them (and the
extensions) for the generator that builds its output.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

ASSETS_DIR = Path(__file__).parent / "assets"
CSS_URI = "assets/mkdocs-compare/compare.css"
# The look Material gives admonitions and content tabs, for themes that have none of it
# (mkdocs, readthedocs and others): added only when the theme is not Material.
BASIC_CSS_URI = "assets/mkdocs-compare/compare-basic.css"
JS_URI = "assets/mkdocs-compare/compare.js"

# URI in the built site -> the packaged file. The basic stylesheet sits in a folder of its own:
# the `render` command copies the top folder's files for any generator (Material-like ones too).
ASSET_FILES = {
    CSS_URI: ASSETS_DIR / "compare.css",
    BASIC_CSS_URI: ASSETS_DIR / "basic" / "compare-basic.css",
    JS_URI: ASSETS_DIR / "compare.js",
}

# Themes that style admonitions and content tabs themselves.
MATERIAL_THEMES = frozenset({"material"})


def stylesheets(theme_name: str | None) -> list[str]:
    """The plugin's stylesheets for a site of this theme, in the order they are linked."""
    if theme_name in MATERIAL_THEMES:
        return [CSS_URI]
    return [CSS_URI, BASIC_CSS_URI]


# What the portable Markdown (`Renderer.render_page`, the `render` command's pages) needs:
# extension name -> the settings it gets. Its code tabs are `=== "..."` blocks with fences
# inside; its feature grid, hero and lists are raw HTML (admonition classes need no extension).
# The plugin's own pages need none of these: it writes the tabs and highlights the code itself.
REQUIRED_EXTENSIONS: dict[str, dict[str, Any]] = {
    "admonition": {},
    "attr_list": {},
    "md_in_html": {},
    "pymdownx.highlight": {},
    "pymdownx.superfences": {},
    "pymdownx.tabbed": {"alternate_style": True},
}
