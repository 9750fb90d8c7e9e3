"""Write pages in the CMS's exported format, in each layout seen in real exports.

Used by the tests (fixtures, property tests) and by the benchmark. Texts are parameters, so a
test can put anything (including hostile text) into any slot and check where it ends up.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass, field
from html.entities import codepoint2name

LAYOUTS = ("one-line", "indented", "bare")
CODE_FORMS = ("fenced", "fenced-nolang", "pre")
# How non-ASCII text is written in the HTML parts: as is, as named or as numeric references.
ENTITY_STYLES = ("none", "named", "numeric")
NO_ICON = ""  # a verdict of "" writes a cell with a note but no icon span at all


@dataclass
class Row:
    name: str
    product_verdict: str = "yes"
    product_note: str = "Handles it natively."
    tool_verdict: str = "no"
    tool_note: str = "Needs a plugin."


@dataclass
class Page:
    product: str = "Lattice"
    tool: str = "Conveyor"
    slug: str = ""
    category: str = "orchestrators"
    draft: bool = False
    headline: str = "Pipelines that move with you."
    hero_text: str = "Conveyor schedules jobs. Lattice runs whole ML workflows anywhere."
    cta_headline: str | None = "Ready to try Lattice?"
    learn_more_url: str = "https://lattice.example.org/docs/"
    seo_description: str = "Lattice compared with Conveyor."
    icon_url: str = "https://lattice.example.org/icons/conveyor.svg"
    rows: Sequence[Row] = field(
        default_factory=lambda: [
            Row("Caching"),
            Row("Scheduling", "yes", "Cron and events.", "yes", "Cron only."),
        ]
    )
    code: Sequence[str] = (
        "from lattice import flow\n\n@flow\ndef train():\n    return 1",
        "import conveyor\nconveyor.run('train')",
    )
    learn_more: Sequence[str] = ("Read the migration guide.", "Try the quick start.")
    layout: str = "one-line"
    code_form: str = "fenced"
    extra_front_matter: str = ""
    entities: str = "none"  # one of ENTITY_STYLES
    glued: bool = False  # fenced code starts on the line right after the table
    list_ids: bool = False  # `<ul id="">` with `<li id="">`, as some exports have


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def front_matter(page: Page) -> str:
    slug = page.slug or f"{page.product}-vs-{page.tool}".lower().replace(" ", "-")
    lines = [
        "---",
        f"title: {_quote(f'{page.product} vs {page.tool}')}",
        f"slug: {_quote(slug)}",
        f"draft: {'true' if page.draft else 'false'}",
        "webflow:",
        '  siteId: "5f0c1d2e3a4b5c6d7e8f9012"',
        '  itemId: "6a1b2c3d4e5f60718293a4b5"',
        '  exportedAt: "2026-03-01T09:00:00.000Z"',
        '  source: "live"',
        f"toolName: {_quote(page.tool)}",
        "toolIcon:",
        f"  url: {_quote(page.icon_url)}",
        f"category: {_quote(page.category)}",
        'integrationType: "orchestrator"',
        "advantages:",
        '  - "portable-pipelines"',
        f"headline: {_quote(page.headline)}",
        f"heroText: {_quote(page.hero_text)}",
    ]
    if page.cta_headline is not None:
        lines.append(f"ctaHeadline: {_quote(page.cta_headline)}")
    lines += [
        f"learnMoreUrl: {_quote(page.learn_more_url)}",
        f"seoDescription: {_quote(page.seo_description)}",
        "openGraphImage:",
        '  url: "https://lattice.example.org/og/conveyor.png"',
    ]
    if page.extra_front_matter:
        lines.append(page.extra_front_matter.rstrip("\n"))
    lines.append("---")
    return "\n".join(lines) + "\n"


def text_html(text: str, entities: str = "none") -> str:
    """Text as the CMS writes it into HTML: `&`, `<`, `>` escaped, non-ASCII as asked."""
    escaped = html.escape(text, quote=False)
    if entities == "none":
        return escaped
    out = []
    for char in escaped:
        if ord(char) < 128:
            out.append(char)
        elif entities == "named":  # as a CMS writes them: a name where HTML has one
            out.append(f"&{codepoint2name[ord(char)]};" if ord(char) in codepoint2name else char)
        else:
            out.append(f"&#{ord(char)};")
    return "".join(out)


def _cell(verdict: str, note: str, layout: str, entities: str = "none") -> str:
    icon = f'<span class="icon {verdict}"></span>' if verdict != NO_ICON else ""
    tip = f'<span class="tooltiptext">{text_html(note, entities)}</span>'
    if layout == "indented":
        return f'    <td class="tooltip">\n      {icon}\n      {tip}\n    </td>\n'
    if layout == "bare":
        return f'<td class="tooltip">{icon} {tip}</td>'
    return f'<td class="tooltip">{icon}{tip}</td>'


def table(rows: Sequence[Row], layout: str, entities: str = "none") -> str:
    parts = []
    for row in rows:
        name = text_html(row.name, entities)
        product = _cell(row.product_verdict, row.product_note, layout, entities)
        tool = _cell(row.tool_verdict, row.tool_note, layout, entities)
        if layout == "indented":
            parts.append(f"  <tr>\n    <td>{name}</td>\n{product}{tool}  </tr>\n")
        else:
            parts.append(f"<tr><td>{name}</td>{product}{tool}</tr>")
    inner = "".join(parts)
    if layout == "indented":
        return f'<div data-rt-embed-type="true"><table>\n  <tbody>{inner.lstrip()}</tbody></table></div>'
    if layout == "bare":
        return f"<table><tbody>{inner} </tbody></table>"
    return f'<div data-rt-embed-type="true"><table><tbody>{inner}</tbody></table></div>'


def code_blocks(code: Sequence[str], form: str) -> str:
    if form == "pre":
        return "".join(
            f'<div data-rt-embed-type="true"><pre><code fs-codehighlight-element="code">'
            f"{html.escape(sample, quote=False)}</code></pre></div>"
            for sample in code
        )
    language = "python" if form == "fenced" else ""
    return "\n\n".join(f"```{language}\n{sample}\n```" for sample in code)


def learn_more_list(items: Sequence[str], entities: str = "none", ids: bool = False) -> str:
    ul, li = ('<ul id="">', '<li id="">') if ids else ("<ul>", "<li>")
    return ul + "".join(f"{li}{text_html(item, entities)}</li>" for item in items) + "</ul>"


def render(page: Page) -> str:
    """The whole exported page."""
    body = table(page.rows, page.layout, page.entities)
    code = code_blocks(page.code, page.code_form)
    joiner = "" if page.code_form == "pre" else "\n" if page.glued else "\n\n"
    items = learn_more_list(page.learn_more, page.entities, page.list_ids)
    return f"{front_matter(page)}\n{body}{joiner}{code}\n\n{items}"
