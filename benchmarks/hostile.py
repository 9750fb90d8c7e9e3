"""Parse time of hostile page bodies at growing sizes: each doubling should about double it.

    python benchmarks/hostile.py               # 50, 100 and 200 KB bodies
    python benchmarks/hostile.py --sizes 5000,10000,20000

Prints, per body, the CPU time of `parse_comparison` (best of three) at each size and the
ratio of the last two: about 2 is linear, about 4 quadratic. tests/test_linear.py asserts the
same bound on generated bodies; this is the table to read when changing the parser.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from exported import Page, front_matter

from mkdocs_compare.parse import parse_comparison

CELL = '<td class="tooltip"><span class="icon yes"></span><span class="tooltiptext">n</span></td>'
BODIES = {
    "<table repeated": lambda n: "<table" * (n // 6),
    "<pre repeated": lambda n: "<pre" * (n // 4),
    "<!-- > repeated": lambda n: "<!-- >" * (n // 6),
    "</ repeated": lambda n: "</" * (n // 2),
    "<![ repeated": lambda n: "<![" * (n // 3),
    "<tr repeated in a table": lambda n: "<table>" + "<tr" * (n // 3),
    "<span class= in a cell": lambda n: "<table><tr><td>" + "<span class=" * (n // 12),
    "unclosed quotes in a cell": lambda n: "<table><tr><td>" + "<td class='x>" * (n // 13),
    "<!-- > in a cell": lambda n: "<table><tr><td>" + "<!-- x >" * (n // 8) + "</td></tr></table>",
    "one huge attribute": lambda n: '<table><tr><td><span class="' + "a <b " * (n // 5),
    "``` fences": lambda n: "```\n````\n" * (n // 9),
    "<ul><li repeated": lambda n: "<ul>" + "<li" * (n // 3),
    "well-formed rows": lambda n: "<table>" + f"<tr><td>F</td>{CELL}{CELL}</tr>" * (n // 210) + "</table>",
}


def best_time(text: str) -> float:
    times = []
    for _ in range(3):
        start = time.process_time()
        parse_comparison(text, "hostile.md")
        times.append(time.process_time() - start)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="50000,100000,200000", help="comma-separated body sizes")
    sizes = [int(size) for size in parser.parse_args(argv).sizes.split(",")]
    head = front_matter(Page())
    print("| body | " + " | ".join(f"{size // 1000} KB" for size in sizes) + " | last ratio |")
    print("| --- |" + " ---: |" * (len(sizes) + 1))
    for name, make in BODIES.items():
        times = [best_time(head + make(size)) for size in sizes]
        ratio = times[-1] / times[-2] if len(times) > 1 and times[-2] > 0 else float("nan")
        cells = " | ".join(f"{t * 1000:.1f} ms" for t in times)
        print(f"| {name} | {cells} | {ratio:.2f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
