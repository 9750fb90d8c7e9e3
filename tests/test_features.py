"""Near-duplicate feature-name hints: they find the real ones, with work linear in the names.

The comparisons are counted by wrapping the pair test (`features._alike`), so the count is
the test's own, not a figure the code reports about itself. Timing is in benchmarks/hints.py.
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable

import pytest

from mkdocs_compare import features
from mkdocs_compare.features import feature_key, near_duplicate_hints

PLANTED = ["Auto Retraining", "Auto Retraining Triggers", "Experiment Tracking", "Experiment Trackng"]
MERGED = ["Vendor Lock-In", "Vendor Lock-in"]  # one key: merged, so never a hint


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(4, 10))).capitalize()


def corpus(count: int, seed: int, vocabulary: int | None = None) -> dict[str, str]:
    """`count` distinct names (key -> name) of 1-4 words, plus the planted ones.

    Without `vocabulary` the words are random, so few names share one; with it, every name is
    drawn from that many words, so each word is shared by thousands of names (the worst case
    for grouping by words).
    """
    rng = random.Random(seed)
    words = [_word(rng) for _ in range(vocabulary)] if vocabulary else None
    names: dict[str, str] = {}
    while len(names) < count:
        parts = [rng.choice(words) if words else _word(rng) for _ in range(rng.randint(1, 4))]
        name = " ".join(parts)
        names.setdefault(feature_key(name), name)
    for name in [*PLANTED, *MERGED]:
        names.setdefault(feature_key(name), name)
    return names


def counted(monkeypatch: pytest.MonkeyPatch) -> Callable[[dict[str, str]], tuple[str, int, int]]:
    """Run the hints on names; give the hints' text, the pairs picked for comparison and the
    pairs actually compared (the search stops at the hint limit)."""
    calls: list[int] = []
    picked: list[int] = []
    compare, candidates = features._alike, features._candidates

    def counting(*args: object) -> bool:
        calls.append(1)
        return compare(*args)  # type: ignore[arg-type]

    def picking(*args: object) -> set[tuple[str, str]]:
        pairs = candidates(*args)  # type: ignore[arg-type]
        picked.append(len(pairs))
        return pairs

    monkeypatch.setattr(features, "_alike", counting)
    monkeypatch.setattr(features, "_candidates", picking)

    def run(names: dict[str, str]) -> tuple[str, int, int]:
        calls.clear()
        picked.clear()
        hints = near_duplicate_hints(names, {key: (name, "compare/x.md") for key, name in names.items()})
        return "\n".join(hint.message for hint in hints), sum(picked), len(calls)

    return run


def test_real_near_duplicates_are_found_among_ten_thousand_names(monkeypatch: pytest.MonkeyPatch) -> None:
    names = corpus(10_000, seed=3)
    assert len(names) >= 10_000
    text, picked, compared = counted(monkeypatch)(names)
    assert "'Auto Retraining' looks like 'Auto Retraining Triggers'" in text
    assert "'Experiment Trackng' looks like 'Experiment Tracking'" in text or (
        "'Experiment Tracking' looks like 'Experiment Trackng'" in text
    )
    assert "Vendor Lock" not in text
    assert compared <= picked <= 12 * len(names)  # a handful per name, not one per pair of names


@pytest.mark.parametrize("vocabulary", [None, 40])
def test_comparisons_grow_linearly_with_the_names(
    monkeypatch: pytest.MonkeyPatch, vocabulary: int | None
) -> None:
    run = counted(monkeypatch)
    small, large = corpus(4_000, seed=5, vocabulary=vocabulary), corpus(16_000, seed=5, vocabulary=vocabulary)
    _, picked_small, _ = run(small)
    _, picked_large, compared_large = run(large)
    assert compared_large <= picked_large <= 12 * len(large)
    # Four times the names, about four times the pairs (all pairs would be sixteen times).
    assert picked_large <= 4.6 * max(picked_small, len(small))


def test_hints_stop_at_the_limit_and_say_so(monkeypatch: pytest.MonkeyPatch) -> None:
    """With a small vocabulary thousands of pairs are alike: the first MAX_HINTS are listed."""
    names = corpus(5_000, seed=9, vocabulary=30)
    hints = near_duplicate_hints(names, {key: (name, "compare/x.md") for key, name in names.items()})
    assert len(hints) == features.MAX_HINTS + 1
    assert f"only the first {features.MAX_HINTS}" in hints[-1].message
    assert all(hint.severity.value == "info" for hint in hints)
