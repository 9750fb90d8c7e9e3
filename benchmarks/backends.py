"""Parser backends on the same generated pages: the measurement behind the table readers' choice."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from typing import Any

from worker import CLOCK

Rows = list[tuple[str, str, str, str, str]]


def _norm(text: str) -> str:
    return " ".join(text.split())


def _table_fragment(body: str) -> str:
    start = body.find("<table")
    end = body.find("</table>", start)
    return body[start : end + len("</table>")]


def _rows_bs4(fragment: str, features: str) -> Rows:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(fragment, features)
    rows: Rows = []
    for tr in soup.find_all("tr"):
        cells = tr.find_all(["td", "th"], recursive=False)
        if len(cells) < 3:
            continue
        found: list[str] = [_norm(cells[0].get_text(" "))]
        for cell in cells[1:3]:
            icon = cell.find("span", class_="icon")
            note = cell.find("span", class_="tooltiptext")
            verdicts = [c for c in (icon.get("class") or []) if c != "icon"] if icon else []
            found += [verdicts[0] if verdicts else "", _norm(note.get_text(" ")) if note else ""]
        rows.append((found[0], found[1], found[2], found[3], found[4]))
    return rows


def _rows_stdlib(fragment: str) -> Rows:
    from html.parser import HTMLParser

    class Extract(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.rows: list[list[str]] = []
            self.cells: list[list[str]] = []
            self.in_note = False

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            classes = (dict(attrs).get("class") or "").split()
            if tag == "tr":
                self.cells = []
                self.rows.append([])
            elif tag == "td":
                self.cells.append(["", "", ""])  # text, verdict, note
            elif tag == "span" and self.cells:
                if "tooltiptext" in classes:
                    self.in_note = True
                elif "icon" in classes:
                    self.cells[-1][1] = next((c for c in classes if c != "icon"), "")

        def handle_endtag(self, tag: str) -> None:
            if tag == "span":
                self.in_note = False
            elif tag == "tr" and self.rows:
                self.rows[-1] = [part for cell in self.cells for part in cell]

        def handle_data(self, data: str) -> None:
            if self.cells:
                self.cells[-1][2 if self.in_note else 0] += data

    parser = Extract()
    parser.feed(fragment)
    parser.close()
    return [(_norm(r[0]), r[4], _norm(r[5]), r[7], _norm(r[8])) for r in parser.rows if len(r) >= 9]


def _rows_ours(text: str) -> Rows:
    from mkdocs_compare.parse import parse_comparison

    result = parse_comparison(text, "page.md")
    assert result.comparison is not None
    return [
        (f.name, f.product.verdict, f.product.note, f.tool.verdict, f.tool.note)
        for f in result.comparison.features
    ]


def _rows_table_reader(fragment: str) -> Rows:
    from mkdocs_compare.table import read_table

    table = read_table(fragment, 1, lambda *args, **kwargs: None)
    return [(f.name, f.product.verdict, f.product.note, f.tool.verdict, f.tool.note) for f in table.features]


def compare_backends(pages: list[str], repeat: int = 3) -> list[dict[str, Any]]:
    """Per-page time of each way of reading the feature table, and whether it agrees with ours."""
    from mkdocs_compare.parse import split_front_matter
    from mkdocs_compare.render import Renderer

    bodies = [split_front_matter(text)[1] for text in pages]
    fragments = [_table_fragment(body) for body in bodies]
    expected = [_rows_ours(text) for text in pages]
    renderer = Renderer()
    from mkdocs_compare.parse import parse_comparison

    comparisons = [parse_comparison(text, "page.md").comparison for text in pages]
    candidates: list[tuple[str, Callable[[int], Any], bool]] = [
        (
            "mkdocs-compare: whole page (front matter, table, code, list)",
            lambda i: _rows_ours(pages[i]),
            True,
        ),
        (
            "mkdocs-compare: table fragment alone (expat; html.parser if not well-formed)",
            lambda i: _rows_table_reader(fragments[i]),
            True,
        ),
        ("stdlib html.parser, table fragment", lambda i: _rows_stdlib(fragments[i]), True),
        (
            "BeautifulSoup + html.parser, table fragment",
            lambda i: _rows_bs4(fragments[i], "html.parser"),
            True,
        ),
        ("BeautifulSoup + lxml, table fragment", lambda i: _rows_bs4(fragments[i], "lxml"), True),
        ("BeautifulSoup + html.parser, whole body", lambda i: _rows_bs4(bodies[i], "html.parser"), True),
        (
            "mkdocs-compare: render one page to Markdown (for scale)",
            lambda i: renderer.render_page(comparisons[i]),  # type: ignore[arg-type]
            False,
        ),
    ]
    results = []
    for label, function, check in candidates:
        missing = [name for name in ("bs4", "lxml") if name in label.lower().replace("beautifulsoup", "bs4")]
        if absent := [name for name in missing if importlib.util.find_spec(name) is None]:
            results.append(
                {"backend": label, "ms": None, "agrees": None, "missing": absent[0], "pages": len(pages)}
            )
            continue
        try:
            outputs = [function(i) for i in range(len(pages))]
        except Exception as error:  # a missing backend (lxml, bs4) is reported, not fatal
            results.append(
                {"backend": label, "ms": None, "agrees": None, "error": str(error)[:80], "pages": len(pages)}
            )
            continue
        timings = []
        for _ in range(repeat):
            start = CLOCK()
            for i in range(len(pages)):
                function(i)
            timings.append((CLOCK() - start) / len(pages) * 1000)
        agrees = all(
            [tuple(_norm(x) for x in row) for row in out] == [tuple(_norm(x) for x in row) for row in want]
            for out, want in zip(outputs, expected, strict=True)
        )
        results.append(
            {"backend": label, "ms": min(timings), "agrees": agrees if check else None, "pages": len(pages)}
        )
    return results
