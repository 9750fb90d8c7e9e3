"""The two fill steps never change the blocks they are given (a kept rendering hands the same
blocks to every rebuild), and a kept step is handed out only for the same HTML and blocks."""

from __future__ import annotations

from mkdocs_compare.held import HeldBlock
from mkdocs_compare.page_fill import FilledPages

GRID, LINKS = "<!-- mkdocs-compare:n:0 -->", "<!-- mkdocs-compare:n:1 -->"
HTML = f"<h1>T</h1>\n{GRID}\n<p>text</p>\n{LINKS}\n"


def _blocks() -> dict[str, HeldBlock]:
    return {GRID: HeldBlock('<div class="grid">g</div>', True), LINKS: HeldBlock("<ul>l</ul>", False)}


def _never(message: str) -> None:
    raise AssertionError(message)


def test_the_steps_fill_copies_and_leave_the_given_blocks_alone() -> None:
    fills, blocks = FilledPages(), _blocks()
    searchable, left = fills.searchable("p.md", HTML, blocks, "n", _never)
    assert searchable == f'<h1>T</h1>\n<div class="grid">g</div>\n<p>text</p>\n{LINKS}\n'
    assert list(left) == [LINKS]
    assert blocks == _blocks()  # unchanged
    filled = fills.filled("p.md", searchable, left, _never)
    assert filled == '<h1>T</h1>\n<div class="grid">g</div>\n<p>text</p>\n<ul>l</ul>\n'
    assert list(left) == [LINKS]


def test_a_kept_step_is_handed_out_for_the_same_inputs_only() -> None:
    fills, blocks = FilledPages(), _blocks()
    first, left = fills.searchable("p.md", HTML, blocks, "n", _never)
    again, left_again = fills.searchable("p.md", "".join(HTML), blocks, "n", _never)  # an equal copy
    assert again is first and left_again is left
    other, _ = fills.searchable("p.md", HTML.replace("text", "edited"), blocks, "n", _never)
    assert "edited" in other and other is not first
    changed = {**blocks, GRID: HeldBlock('<div class="grid">new</div>', True)}
    remade, _ = fills.searchable("p.md", HTML, changed, "n", _never)
    assert '<div class="grid">new</div>' in remade


def test_a_lost_place_warns_on_every_call() -> None:
    fills, warnings = FilledPages(), []
    blocks = _blocks()
    for _ in range(2):
        html, _left = fills.searchable("p.md", "<p>no placeholders</p>", blocks, "n", warnings.append)
        assert html.endswith('<div class="grid">g</div>')
    assert len(warnings) == 2 and all(w.startswith("p.md: ") for w in warnings)
