"""The theme's own template writes a comparison page's head tags, under `mkdocs serve`.

Putting the tags into a built page copies the page (300 KB at 1,000 pages: the navigation),
the largest cost of an unchanged page in a rebuild. The theme's template that closes the
`<head>` gets one expression before its `</head>`, that writes `mkdocs_compare_head` if the
page's context has it: only a comparison page's does, when its head, last rebuild, took tags
there (and nothing else: a replaced canonical, tags another plugin writes after the template
or a head that closes elsewhere leave the plugin to edit the page as before). What the theme
wrote is checked against the remembered head, so the page is as a fresh build writes it.
Pure (Jinja only); a plain build never installs it.
"""

from __future__ import annotations

from collections.abc import Callable

import jinja2
from jinja2 import nodes

HEAD_VARIABLE = "mkdocs_compare_head"
# The page's context has a list of the tags (as `Markup`: written as they are, even where a
# theme escapes): the first call takes them out, so a head rendered twice cannot repeat them.
_EXPRESSION = "{{ mkdocs_compare_head.pop() if mkdocs_compare_head else '' }}"  # HEAD_VARIABLE


def marked_source(environment: jinja2.Environment, source: str) -> str:
    """`source` with the expression before its `</head>`: only if it has one `</head>`, and
    the expression is read as an expression there (not in a comment, `raw` block or string)."""
    if source.count("</head>") != 1:
        return source
    marked = source.replace("</head>", _EXPRESSION + "</head>", 1)
    try:
        tree = environment.parse(marked)
    except jinja2.TemplateSyntaxError:
        return source
    names = [node for node in tree.find_all(nodes.Name) if node.name == HEAD_VARIABLE]
    return marked if len(names) == 2 else source


class HeadLoader(jinja2.BaseLoader):
    """The theme's loader, with `marked_source` applied to what it loads; each template's marked
    source is kept for its source text (a rebuild makes a new environment and loads it again)."""

    def __init__(self, inner: jinja2.BaseLoader, kept: dict[str, tuple[str, str]]) -> None:
        self.inner = inner
        self.kept = kept  # template name -> (source, marked source)

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        source, filename, uptodate = self.inner.get_source(environment, template)
        kept = self.kept.get(template)
        if kept is None or kept[0] != source:
            kept = self.kept[template] = (source, marked_source(environment, source))
        return kept[1], filename, uptodate

    def list_templates(self) -> list[str]:
        return self.inner.list_templates()
