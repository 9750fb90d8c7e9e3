"""Users' setups: the site configurations the plugin must be right under, and one small docs tree
(comparison pages beside ordinary guides) built with each, with and without the plugin.

Shared by tests/test_setups.py (HTML of the other pages unchanged, code literal) and
tests/browser/test_browser_setups.py (what a reader sees).
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from conftest import BuiltSite, build_in, dedent, write_docs
from exported import Page, Row, render

# Code samples with text that Markdown preprocessors would rewrite if they saw it: a snippet
# include of a file that exists (snippets would paste it), critic markup, a macro, and an HTML
# tag. They must come out exactly as written, whatever the site's extensions.
PRODUCT_CODE = dedent(
    """
    # --8<-- "included.txt"
    --8<-- "included.txt"
    value = "{++added++}" + "{--gone--}"
    print("{{ macro }}", "<b>not bold</b>")
    """
).rstrip("\n")
TOOL_CODE = "import conveyor\nconveyor.run('train')  # {~~old~>new~~}"
SNIPPET_TEXT = "SNIPPET-FILE-CONTENT"

COMPARISONS = {
    "compare/lattice-vs-conveyor.md": Page(
        rows=[
            Row("Caching", "yes", "Content-addressed.", "no", "Not built in."),
            Row("Scheduling", "no", "Bring your own.", "yes", "Cron and sensors."),
            Row("Lineage", "unknown", "", "yes", "Per run."),
        ],
        code=(PRODUCT_CODE, TOOL_CODE),
    ),
    "compare/lattice-vs-strata.md": Page(tool="Strata", seo_description="Lattice compared with Strata."),
}

# Ordinary pages: tables, front matter,
# fences with and without a language, and text that the site's extensions give meaning to.
GUIDES = {
    "index.md": dedent(
        """
        ---
        title: Home
        description: The home page.
        ---

        # Home

        | Option | Default |
        | --- | --- |
        | `enabled` | `true` |

        ```
        a fence without a language
        ```

        !!! note "A note"
            An admonition, where the site enables them.
        """
    ),
    "guides/setup.md": dedent(
        """
        ---
        title: Setting up
        tags: [setup]
        ---

        # Setting up

        <table><tr><td>a raw HTML table</td><td><span class="icon yes"></span></td></tr></table>

        ```python
        import lattice
        lattice.run()
        ```

        A critic mark {++added++} and a snippet line:

        --8<-- "included.txt"

        === "One"
            Tab one.

        === "Two"
            Tab two.
        """
    ),
    # The same code as the second comparison's first sample: its tab must hold the same HTML.
    "guides/code.md": "# Code\n\n```python\n" + Page().code[0] + "\n```\n",
    "guides/tool-notes.md": dedent(
        """
        ---
        tool: Helm
        owner: platform team
        ---

        # Notes on Helm

        | Chart | Version |
        | --- | --- |
        | lattice | 1.2 |

            an indented code block
        """
    ),
}

MATERIAL_PYMDOWNX = [
    "admonition",
    "attr_list",
    "md_in_html",
    "pymdownx.highlight",
    "pymdownx.superfences",
    {"pymdownx.tabbed": {"alternate_style": True}},
]

# name -> (mkdocs.yml settings, how the site highlights code: "pymdownx", "codehilite" or None)
SETUPS: dict[str, tuple[dict[str, Any], str | None]] = {
    "material": ({"theme": {"name": "material"}}, None),
    "material-palette": (
        {"theme": {"name": "material", "palette": {"scheme": "default", "primary": "teal"}}},
        "pymdownx",
    ),
    "material-toggle": (
        {
            "theme": {
                "name": "material",
                "palette": [
                    {
                        "media": "(prefers-color-scheme: light)",
                        "scheme": "default",
                        "toggle": {"icon": "material/weather-night", "name": "Dark"},
                    },
                    {
                        "media": "(prefers-color-scheme: dark)",
                        "scheme": "slate",
                        "toggle": {"icon": "material/weather-sunny", "name": "Light"},
                    },
                ],
            }
        },
        "pymdownx",
    ),
    "material-custom": (
        {
            "theme": {"name": "material", "palette": {"primary": "custom", "accent": "custom"}},
            "extra_css": ["brand.css"],
        },
        "pymdownx",
    ),
    "mkdocs": ({"theme": {"name": "mkdocs", "highlightjs": False}}, "pymdownx"),
    "readthedocs": ({"theme": {"name": "readthedocs", "highlightjs": False}}, "pymdownx"),
    # Like the httpx docs: Material with codehilite and no pymdownx at all.
    "codehilite": (
        {
            "theme": {"name": "material"},
            "markdown_extensions": [
                "admonition",
                {"codehilite": {"css_class": "highlight"}},  # as httpx has it, so Material colours it
                {"toc": {"permalink": True}},
            ],
        },
        "codehilite",
    ),
    "explicit-nav": (
        {
            "theme": {"name": "material"},
            "nav": [
                {"Home": "index.md"},
                {"Guides": ["guides/setup.md", "guides/tool-notes.md"]},
                {"Compare": ["compare/lattice-vs-conveyor.md", "compare/lattice-vs-strata.md"]},
            ],
        },
        None,
    ),
    "no-directory-urls": ({"theme": {"name": "material"}, "use_directory_urls": False}, None),
    "site-subpath": ({"theme": {"name": "material"}, "site_url": "https://example.org/docs/lattice/"}, None),
    "snippets-critic": ({"theme": {"name": "material"}}, "pymdownx"),
}
_WITH_PYMDOWNX = ("material-palette", "material-toggle", "material-custom", "mkdocs", "readthedocs")
for _name in _WITH_PYMDOWNX:
    SETUPS[_name][0]["markdown_extensions"] = copy.deepcopy(MATERIAL_PYMDOWNX)

MATERIAL_SETUPS = [name for name, (config, _) in SETUPS.items() if config["theme"]["name"] == "material"]


def setup_config(name: str, root: Path, plugin: bool) -> dict[str, Any]:
    """The mkdocs.yml of a setup, with `search` and (if `plugin`) `compare`."""
    config: dict[str, Any] = {"site_name": f"Setup {name}", "site_url": "https://example.org/"}
    config.update(copy.deepcopy(SETUPS[name][0]))
    if name == "snippets-critic":
        config["markdown_extensions"] = [
            *copy.deepcopy(MATERIAL_PYMDOWNX),
            {"pymdownx.snippets": {"base_path": [str(root / "docs")], "check_paths": True}},
            "pymdownx.critic",
        ]
    config["plugins"] = ["search", "compare"] if plugin else ["search"]
    return config


def docs_pages() -> dict[str, str]:
    pages = dict(GUIDES)
    pages.update({path: render(page) for path, page in COMPARISONS.items()})
    pages["included.txt"] = SNIPPET_TEXT + "\n"
    pages["brand.css"] = ":root { --md-primary-fg-color: #7b1fa2; --md-accent-fg-color: #ff6f00; }\n"
    return pages


def build_setup(name: str, root: Path, plugin: bool) -> BuiltSite:
    """Build the setup's site in `root` (a fresh folder)."""
    write_docs(root / "docs", docs_pages())
    return build_in(root, setup_config(name, root, plugin))


def content_html(site: BuiltSite, page_file: Path) -> str:
    """The page's main content as the theme lays it out (Material's article, the built-in
    themes' role=main column)."""
    soup = site.html(page_file.relative_to(site.site_dir).as_posix())
    main = soup.select_one("article.md-content__inner") or soup.select_one("[role=main]")
    assert main is not None, page_file
    return str(main)


def comparison_files(site: BuiltSite) -> set[str]:
    """Built HTML files (relative to the site) that come from comparison pages or the summary."""
    return {
        path.relative_to(site.site_dir).as_posix()
        for path in site.site_dir.rglob("*.html")
        if path.relative_to(site.site_dir).as_posix().startswith("compare/")
    }


def html_pages(site: BuiltSite) -> dict[str, Path]:
    return {
        path.relative_to(site.site_dir).as_posix(): path
        for path in site.site_dir.rglob("*.html")
        if path.name != "404.html"
    }
