"""What the rendered pages need from the site they join: the plugin's stylesheet and script,
and the Markdown extensions their output is written for.

Core, not glue: the plugin adds these to a build, the `render` command lists them for the
generator that builds its output.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

ASSETS_DIR = Path(__file__).parent / "assets"
CSS_URI = "assets/mkdocs-compare/compare.css"
JS_URI = "assets/mkdocs-compare/compare.js"

# Extension name -> the settings it gets when the plugin adds it.
REQUIRED_EXTENSIONS: dict[str, dict[str, Any]] = {
    "admonition": {},
    "attr_list": {},
    "md_in_html": {},
    "pymdownx.highlight": {},
    "pymdownx.superfences": {},
    "pymdownx.tabbed": {"alternate_style": True},
}
