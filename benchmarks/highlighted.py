"""How many code samples of a built site are highlighted: the benchmark's "every sample" figure.

A sample counts as highlighted when its block in the code tabs holds Pygments token spans
(`<span class="...">`); a sample left as plain text has none. Only the code tabs' part of each
page is parsed (with html.parser), after the timed build.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path


class _Tabs(HTMLParser):
    """Counts the code tabs' blocks, and those with a token span inside their `<code>`."""

    def __init__(self) -> None:
        super().__init__()
        self.blocks = 0
        self.highlighted = 0
        self._depth = 0  # open <div>s inside the current tabbed-block (0: outside one)
        self._in_code = False
        self._counted = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if tag == "div" and "tabbed-block" in classes and not self._depth:
            self.blocks += 1
            self._depth, self._counted = 1, False
        elif tag == "div" and self._depth:
            self._depth += 1
        elif tag == "code" and self._depth:
            self._in_code = True
        elif tag == "span" and self._in_code and classes and not self._counted:
            self.highlighted += 1
            self._counted = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "div" and self._depth:
            self._depth -= 1
        elif tag == "code":
            self._in_code = False


def count_highlighted(site_dir: Path, folder: str = "compare") -> tuple[int, int]:
    """(highlighted samples, samples) over the built comparison pages under `folder`."""
    total = highlighted = 0
    for page in sorted((site_dir / folder).glob("*/index.html")):
        html = page.read_text("utf-8")
        start = html.find('<div class="tabbed-set')
        if start == -1:
            continue
        end = html.find('<h2 id="next-steps"', start)
        parser = _Tabs()
        parser.feed(html[start : end if end != -1 else len(html)])
        parser.close()
        total += parser.blocks
        highlighted += parser.highlighted
    return highlighted, total
