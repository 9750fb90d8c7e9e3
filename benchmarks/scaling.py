"""Time limits that unit tests must not hold: a huge table, and how build time grows with it.

    python benchmarks/scaling.py            # 1,500 and 3,000 rows (about 15 s on 2 cores)
    python benchmarks/scaling.py --rows 3000

A unit test asserting a wall-clock limit fails on a busy machine and passes on a fast one
whatever the code does; here the time is measured and judged on its own. Targets: a page of
3,000 rows builds in under 30 s (about 3 s on an idle 2-core machine), and doubling the rows at
most about doubles the build's time (a quadratic step would show as 4x).
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from exported import Page, Row, render
from mkdocs.commands.build import build
from mkdocs.config import load_config

LIMIT_SECONDS = 30.0
MOST_GROWTH = 2.6  # time(2N) / time(N); linear work gives about 2


def huge_page(rows: int) -> str:
    return render(
        Page(
            tool="Torrent",
            slug="lattice-vs-torrent",
            rows=[
                Row(f"Capability {n}", "yes", f"Ours handles case {n}.", "no", f"Theirs skips {n}.")
                for n in range(rows)
            ],
        )
    )


def build_seconds(rows: int) -> float:
    """CPU seconds of one build of a site holding one page of `rows` rows (best of 2 runs)."""
    best = float("inf")
    for _ in range(2):
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            (root / "docs" / "compare").mkdir(parents=True)
            (root / "docs" / "compare" / "huge.md").write_text(huge_page(rows), encoding="utf-8")
            (root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
            config = {"site_name": "Huge", "theme": {"name": "material"}, "plugins": ["search", "compare"]}
            (root / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
            logging.getLogger("mkdocs").setLevel(logging.ERROR)
            started = time.process_time()
            build(load_config(str(root / "mkdocs.yml")))
            best = min(best, time.process_time() - started)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=3000, help="rows of the large page (default 3000)")
    rows = parser.parse_args(argv).rows
    half = build_seconds(rows // 2)
    full = build_seconds(rows)
    growth = full / half if half else float("inf")
    ok_limit, ok_growth = full < LIMIT_SECONDS, growth <= MOST_GROWTH
    print(f"{rows // 2} rows: {half:.2f} s; {rows} rows: {full:.2f} s (CPU time, best of 2)")
    print(f"build of {rows} rows under {LIMIT_SECONDS:.0f} s: {'meets' if ok_limit else 'misses'}")
    verdict = "meets" if ok_growth else "misses"
    print(f"growth when the rows double: {growth:.2f} (at most {MOST_GROWTH}): {verdict}")
    return 0 if ok_limit and ok_growth else 1


if __name__ == "__main__":
    sys.exit(main())
