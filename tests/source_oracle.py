"""An independent reading of an exported page, for the tests' expected values.

The tests must not ask the package what a page says and then check that the package says it:
a bug in the parser or in its verdict map would then be in the expected value too. So the
expected verdicts, notes and texts come from here: YAML read with PyYAML, the feature table
read with BeautifulSoup, and the verdicts mapped by tables written out below, by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml
from bs4 import BeautifulSoup, Tag

# What each icon class must become, written from the README (not imported from the package).
ADMONITION = {"yes": "success", "no": "failure"}  # any other icon, or none: "question"
LABEL = {"yes": "Yes", "no": "No"}  # any other: "Not stated"
WORD = {"yes": "yes", "no": "no"}  # the exports' verdict field: any other is "unknown"
GLYPH = {"yes": "y", "no": "n"}  # the summary matrix's cell classes: any other is "u"


@dataclass(frozen=True)
class SourceCell:
    icon: str  # the icon's class as written ("yes", "No", "maybe"), "" when there is no icon
    note: str

    @property
    def word(self) -> str:
        return WORD.get(self.icon.lower(), "unknown")


@dataclass(frozen=True)
class SourceRow:
    name: str
    product: SourceCell
    tool: SourceCell


@dataclass
class SourcePage:
    meta: dict[str, Any]
    rows: list[SourceRow] = field(default_factory=list)
    learn_more: list[str] = field(default_factory=list)
    code: list[str] = field(default_factory=list)  # the samples' text, in page order

    @property
    def title(self) -> str:
        return str(self.meta.get("title", ""))

    @property
    def tool(self) -> str:
        return str(self.meta.get("toolName", ""))

    @property
    def product(self) -> str:
        """The product's name, as the README says it is found: the part of the title before " vs "."""
        return self.title.split(" vs ")[0].strip()


def squeeze(text: str) -> str:
    return " ".join(text.split())


def decode(source: str | bytes) -> str:
    """Pages are UTF-8; a page saved as Windows-1252 is read as such (as the plugin promises)."""
    if isinstance(source, str):
        return source
    try:
        return source.decode("utf-8")
    except UnicodeDecodeError:
        return source.decode("cp1252", errors="replace")


def _split(text: str) -> tuple[dict[str, Any], str]:
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").split("\n")
    if lines[0].strip() != "---":
        return {}, text
    end = next(index for index in range(1, len(lines)) if lines[index].strip() in ("---", "..."))
    meta = yaml.safe_load("\n".join(lines[1:end])) or {}
    return meta, "\n".join(lines[end + 1 :])


def _cell(td: Tag) -> SourceCell:
    icon = td.find("span", class_="icon")
    icon_class = ""
    if isinstance(icon, Tag):
        icon_class = " ".join(c for c in icon.get("class") or [] if c != "icon")
    tip = td.find("span", class_="tooltiptext")
    return SourceCell(icon_class, squeeze(tip.get_text()) if isinstance(tip, Tag) else "")


def read_source(source: str | bytes) -> SourcePage:
    """The front matter, the feature table's rows and the learn-more items of an exported page."""
    meta, body = _split(decode(source))
    soup = BeautifulSoup(body, "html.parser")
    page = SourcePage(meta)
    table = soup.find("table")
    if isinstance(table, Tag):
        for tr in table.find_all("tr"):
            cells = tr.find_all("td", recursive=False)
            if len(cells) < 3:
                continue
            page.rows.append(SourceRow(squeeze(cells[0].get_text()), _cell(cells[1]), _cell(cells[2])))
    for item in soup.select("ul > li"):
        page.learn_more.append(squeeze(item.get_text()))
    page.code = [code.get_text() for code in soup.select("pre > code")] or _fenced(body)
    return page


def _fenced(body: str) -> list[str]:
    """The text of each ``` fenced block of a body (the exports' other code form)."""
    samples, current = [], None
    for line in body.split("\n"):
        if line.lstrip().startswith("```"):
            if current is None:
                current = []
            else:
                samples.append("\n".join(current))
                current = None
        elif current is not None:
            current.append(line)
    return samples


def grid_verdicts(source: str | bytes, product: str | None = None) -> list[tuple[str, str, str]]:
    """What a page's feature grid must show: (admonition type, title, note), product first."""
    page = read_source(source)
    who = (product or page.product, page.tool)
    verdicts = []
    for row in page.rows:
        for name, cell in zip(who, (row.product, row.tool), strict=True):
            icon = cell.icon.lower()
            label = LABEL.get(icon, "Not stated")
            verdicts.append((ADMONITION.get(icon, "question"), f"{name}: {label}", cell.note))
    return verdicts


def matrix_cells(source: str | bytes) -> dict[tuple[str, str], tuple[str, str]]:
    """What the summary's matrix must show for a page: (tool, feature) -> (tool's, product's) glyph."""
    page = read_source(source)
    return {
        (page.tool, row.name): (
            GLYPH.get(row.tool.icon.lower(), "u"),
            GLYPH.get(row.product.icon.lower(), "u"),
        )
        for row in page.rows
    }
