"""No input makes parsing superlinear: hostile bodies four times larger take at most about four
times as long (a quadratic step would take sixteen). Timed against the input's own smaller copy,
so the bound holds on a slow or busy machine; each time is the best of three runs."""

from __future__ import annotations

import time

from exported import Page, front_matter
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_compare.parse import parse_comparison

HEAD = front_matter(Page())
SIZE = 40_000  # characters of the smaller body; the larger is four times that

OPENERS = [
    "<table", "<table>", "<pre", "<pre>", "<pre><code>", "<tr", "<tr>", "<td>", "<th", "<!--", "<!-- >",
    "-->",
    "<span class=", '<span class="', "<td class='", '<a b="', "</", "</td", "<![", "<![CDATA[", "<?", "<!x",
    "<ul", "<ul><li", "<li", "```\n", "````\n", "~~~\n", "&#", "&#x", "&amp", "<br", "<script>", "<", ">",
    '"', "'", "=", " ", "\n", "x",
]  # fmt: skip
CONTEXTS = ["", "<table><tr><td>", '<table><tr><td class="tooltip"><span class="tooltiptext">', "<ul><li>"]


def best_time(text: str) -> float:
    times = []
    for _ in range(3):
        start = time.process_time()
        parse_comparison(text, "compare/hostile.md")
        times.append(time.process_time() - start)
    return min(times)


def assert_linear(make: object) -> None:
    small, large = make(SIZE), make(4 * SIZE)  # type: ignore[operator]
    t_small, t_large = best_time(HEAD + small), best_time(HEAD + large)
    assert t_large <= 8 * t_small + 0.05, (t_small, t_large, small[:80])


HOSTILE = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@HOSTILE
@given(st.lists(st.sampled_from(OPENERS), min_size=1, max_size=4), st.sampled_from(CONTEXTS))
def test_repeated_openers_parse_in_linear_time(pieces: list[str], context: str) -> None:
    unit = "".join(pieces)
    assert_linear(lambda n: context + unit * (n // len(unit)))


@HOSTILE
@given(st.sampled_from(['<span class="', "<td title='", "<table summary=", "<!-- ", "<pre><code>", "```"]))
def test_one_huge_unclosed_construct_parses_in_linear_time(opener: str) -> None:
    assert_linear(lambda n: "<table><tr><td>" + opener + "a <b " * (n // 5))


def test_a_huge_well_formed_table_parses_in_linear_time() -> None:
    cell = '<td class="tooltip"><span class="icon yes"></span><span class="tooltiptext">n</span></td>'
    row = f"<tr><td>F</td>{cell}{cell}</tr>"
    assert_linear(lambda n: "<table>" + row * (n // len(row)) + "</table>")
