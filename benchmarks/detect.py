"""Detection cost per page: what deciding "is this a comparison page?" costs a site.

    python benchmarks/detect.py

Detection reads front matter the way MkDocs does (full YAML), which would be a cost on every
page of a large site; the pre-filter (`looks_like_comparison`) keeps the YAML of pages that
cannot name the detect key from being read. This prints, per page and in CPU microseconds
(best of 7 passes), the parse cache's time for non-comparison pages with and without front
matter, the same pages with every front matter loaded (what detection would cost without the
pre-filter), and comparison pages (a full parse, for scale).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import corpus  # noqa: E402

from mkdocs_compare.collection import ParseCache, ParseOptions  # noqa: E402
from mkdocs_compare.front_matter import load_yaml, normalize_newlines, split_front_matter  # noqa: E402

GUIDE_FRONT = (
    "---\ntitle: Guide {n}\ndescription: How to set up part {n}, step by step.\n"
    "tags: [setup, guide]\nhide: [toc]\nauthors: [team]\n---\n"
)
GUIDE_BODY = "# A guide\n\n" + "Some words about setting things up, with `code` and *emphasis*.\n\n" * 60


def best(run: Callable[[], object], passes: int = 7) -> float:
    times = []
    for _ in range(passes):
        start = time.process_time()
        run()
        times.append(time.process_time() - start)
    return min(times)


def scan(pages: list[str]) -> None:
    cache, options = ParseCache(), ParseOptions()
    for number, text in enumerate(pages):
        cache.parse(f"page{number}.md", text, options)


def load_all(pages: list[str]) -> None:
    for text in pages:
        front, _, _ = split_front_matter(normalize_newlines(text))
        if front is not None:
            load_yaml(front)


def main() -> None:
    guides = [GUIDE_FRONT.format(n=n) + GUIDE_BODY for n in range(1000)]
    plain = [GUIDE_BODY for _ in range(1000)]
    comparisons = list(corpus.generate(200).values())
    rows = [
        ("non-comparison page with front matter (pre-filtered)", best(lambda: scan(guides)), len(guides)),
        ("non-comparison page with front matter, YAML loaded", best(lambda: load_all(guides)), len(guides)),
        ("page without front matter", best(lambda: scan(plain)), len(plain)),
        ("comparison page (full parse)", best(lambda: scan(comparisons)), len(comparisons)),
    ]
    for label, seconds, count in rows:
        print(f"{label:<56} {seconds / count * 1e6:8.1f} us")


if __name__ == "__main__":
    main()
