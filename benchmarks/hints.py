"""Near-duplicate hint search time against the number of distinct feature names.

    python benchmarks/hints.py                 # 10,000 and 60,000 names
    python benchmarks/hints.py --sizes 1000,5000

Two corpora per size: random words (few names share one) and a 60-word vocabulary (every word
shared by thousands of names, the worst case for grouping by words). The work must grow
linearly: tests/test_features.py counts the comparisons; this script gives the seconds.
"""

from __future__ import annotations

import argparse
import random
import string
import sys
import time

from mkdocs_compare.features import feature_key, near_duplicate_hints


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(4, 10))).capitalize()


def names(count: int, vocabulary: int | None, seed: int = 0) -> dict[str, str]:
    rng = random.Random(seed)
    words = [_word(rng) for _ in range(vocabulary)] if vocabulary else None
    found: dict[str, str] = {}
    while len(found) < count:
        name = " ".join(rng.choice(words) if words else _word(rng) for _ in range(rng.randint(1, 4)))
        found.setdefault(feature_key(name), name)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,60000", help="comma-separated name counts")
    args = parser.parse_args(argv)
    print("| distinct names | words | seconds (CPU) | hints |")
    print("| ---: | --- | ---: | ---: |")
    for count in (int(value) for value in args.sizes.split(",") if value.strip()):
        for vocabulary, label in ((None, "random"), (60, "60-word vocabulary")):
            corpus = names(count, vocabulary)
            first_seen = {key: (name, "compare/x.md") for key, name in corpus.items()}
            start = time.process_time()
            hints = near_duplicate_hints(corpus, first_seen)
            print(f"| {count:,} | {label} | {time.process_time() - start:.2f} | {len(hints)} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
