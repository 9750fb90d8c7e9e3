"""A comparison page's held-back blocks put into its HTML, before and after the search index.

Markdown sees placeholders only (see `held`): the searchable blocks join the page's HTML before
the search plugins read it, the others (related links, highlighted code) after. Under `mkdocs
serve` each step hands out its last result for the same HTML and blocks: a rebuild after one
edit fills one page, and an unchanged page costs a dictionary lookup, one comparison of its
HTML and one of its few blocks (the same objects as last time). Pure.
"""

from __future__ import annotations

from collections.abc import Callable, Container
from dataclasses import dataclass

from .held import HeldBlock, fill_blocks, hold_code_from_search

Blocks = dict[str, HeldBlock]  # placeholder -> block


def fill(html: str, blocks: Blocks, searchable: bool, path: str, warn: Callable[[str], None]) -> str:
    """`fill_blocks`, with a block whose place is lost appended (and a warning about `path`)."""
    html, missing = fill_blocks(html, blocks, searchable)
    if missing:
        warn(lost_block(path))
        html += "\n" + "\n".join(missing)
    return html


def lost_block(path: str) -> str:
    """The warning for a page whose generated block lost its place (it is appended)."""
    return (
        f"{path}: the place of a generated HTML block (the feature grid, the related links or "
        "the code samples) was lost: a custom template put `html_block` where Markdown does "
        "not pass HTML through, or another plugin changed the page. The block is added at "
        "the end of the page"
    )


@dataclass
class _Step:
    """One step's last result for a page, and its inputs (never changed: each step fills a copy)."""

    html: str
    blocks: Blocks
    result: str
    left: Blocks  # the blocks still held after the step


class FilledPages:
    """Both steps for every comparison page; `remember` (under `mkdocs serve`) keeps each
    page's last results. A step whose block was lost is not kept: it warns every time. The
    steps never change the blocks they are given, so a page's kept rendering hands the same
    blocks to every rebuild and a kept step knows them by identity."""

    def __init__(self, remember: bool = True) -> None:
        self.remember = remember
        self._searchable: dict[str, _Step] = {}
        self._filled: dict[str, _Step] = {}

    def searchable(
        self, path: str, html: str, blocks: Blocks, nonce: str, warn: Callable[[str], None]
    ) -> tuple[str, Blocks]:
        """The page's HTML for the search index: the searchable blocks in place, highlighted
        code held back as plain text (`hold_code_from_search`); and the blocks still held."""
        if (step := _kept(self._searchable, path, html, blocks)) is not None:
            return step.result, step.left
        left = dict(blocks)
        complete = self.remember and all(p in html for p, block in blocks.items() if block.searchable)
        result = hold_code_from_search(fill(html, left, True, path, warn), nonce, left)
        if complete:
            self._searchable[path] = _Step(html, blocks, result, left)
        return result, left

    def filled(self, path: str, html: str, blocks: Blocks, warn: Callable[[str], None]) -> str:
        """The page's HTML (as the search index read it) with every remaining block in place."""
        if (step := _kept(self._filled, path, html, blocks)) is not None:
            return step.result
        complete = self.remember and all(p in html for p, block in blocks.items() if not block.searchable)
        result = fill(html, dict(blocks), False, path, warn)
        if complete:
            self._filled[path] = _Step(html, blocks, result, {})
        return result

    def forget_missing(self, paths: Container[str]) -> None:
        """Drop the pages no longer in the build."""
        for steps in (self._searchable, self._filled):
            for path in [path for path in steps if path not in paths]:
                del steps[path]


def _kept(steps: dict[str, _Step], path: str, html: str, blocks: Blocks) -> _Step | None:
    """The page's last step, if made for this HTML and these blocks (by identity when kept)."""
    step = steps.get(path)
    if step is None or not (step.blocks is blocks or step.blocks == blocks) or step.html != html:
        return None
    return step
