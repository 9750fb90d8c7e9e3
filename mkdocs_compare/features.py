"""Feature names across pages: their matching keys, the maintainer's aliases, near-duplicate hints.

Names are matched on a key that ignores case, punctuation, spacing and HTML entities, after the
maintainer's `feature_aliases`; names that still look alike are reported as hints, never merged
silently.
"""

from __future__ import annotations

import bisect
import functools
import html
import itertools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator, Mapping
from difflib import SequenceMatcher

from .model import Location, Problem, Severity

# Near-duplicate hints: names this alike (difflib ratio on the keys) are reported.
SIMILARITY = 0.85
MAX_HINTS = 30
# Bounds on the search for alike names (see _candidates): each name is compared with its
# next key in key order and in reversed-key order, and with at most _CANDIDATES names of the
# groups it shares words with; only its first _MAX_WORDS words form groups.
_CANDIDATES = 8
_MAX_WORDS = 6


@functools.lru_cache(maxsize=8192)  # a site repeats a few hundred names thousands of times
def feature_key(name: str) -> str:
    """The matching key of a feature name: no case, punctuation, spacing or HTML entities.

    "Vendor Lock-In", "vendor lock in" and "Vendor&nbsp;Lock&#8209;in" share "vendorlockin".
    Symbols such as "+" and "#" are kept, so "C++" and "C#" stay apart from "C".
    """
    text = unicodedata.normalize("NFKC", html.unescape(html.unescape(name))).casefold()
    key = "".join(char for char in text if char == "#" or unicodedata.category(char)[0] not in "PZC")
    return key or " ".join(text.split())


def _words(name: str) -> frozenset[str]:
    return frozenset(re.findall(r"\w+", unicodedata.normalize("NFKC", html.unescape(name)).casefold()))


class FeatureNames:
    """Resolves a feature name to its key, following `feature_aliases` (alias -> canonical)."""

    def __init__(self, aliases: Mapping[str, str] | None = None) -> None:
        self._alias: dict[str, str] = {}
        self.canonical: dict[str, str] = {}  # key -> the name the maintainer chose
        self.alias_names: dict[str, str] = {}  # alias key -> alias as written
        for alias, canonical in (aliases or {}).items():
            source, target = feature_key(alias), feature_key(canonical)
            if source != target:
                self._alias[source] = target
                self.alias_names[source] = alias
            self.canonical.setdefault(target, canonical)
        self.used: set[str] = set()

    def key(self, name: str) -> str:
        key = feature_key(name)
        seen = {key}
        while key in self._alias:  # chains (a -> b -> c) end at c; loops stop where they close
            self.used.add(key)
            key = self._alias[key]
            if key in seen:
                break
            seen.add(key)
        return key

    def unused_aliases(self) -> list[str]:
        return [self.alias_names[key] for key in self._alias if key not in self.used]

    def unused_alias_problems(self) -> list[Problem]:
        """A hint per alias that matched no feature name (a typo in `feature_aliases`, say)."""
        return [
            Problem(
                Location("mkdocs.yml", field="feature_aliases"),
                f"feature alias {alias!r} matches no feature name on any comparison page",
                Severity.INFO,
            )
            for alias in self.unused_aliases()
        ]


def _nearest(group: list[str], position: int) -> Iterator[str]:
    """The other members of a key-sorted group, nearest to `position` first (after, before, ...)."""
    for step in range(1, len(group)):
        if position + step < len(group):
            yield group[position + step]
        if position - step >= 0:
            yield group[position - step]


Label = str | tuple[str, str]  # a word, or a pair of words


def _groups(keys: list[str], words: Mapping[str, frozenset[str]]) -> dict[Label, list[str]]:
    """The names (keys, sorted) that share a word of 3+ letters, or a pair of common words.

    A pair of words is a group only when both words are in more names than a name is
    compared with: names sharing a rarer word are found through that word's group.
    """
    groups: dict[Label, list[str]] = defaultdict(list)
    for key in keys:  # in key order, so every group is sorted by key
        for word in words[key]:
            if len(word) >= 3:
                groups[word].append(key)
    common = {word for word, group in groups.items() if isinstance(word, str) and len(group) > _CANDIDATES}
    if common:
        for key in keys:
            shared = sorted(common.intersection(words[key]))[:_MAX_WORDS]
            for pair in itertools.combinations(shared, 2):
                groups[pair].append(key)
    return groups


def _candidates(names: Mapping[str, str], words: Mapping[str, frozenset[str]]) -> set[tuple[str, str]]:
    """Pairs of keys worth comparing: at most 2 + _CANDIDATES per name.

    Typos and plurals sort next to each other by key, or by reversed key when the first
    letters differ; names that share words share a group (a word, or a pair of words). Each
    name is paired with its neighbours in both orders, then with the nearest members of its
    smallest groups: a word that thousands of names share cannot make the work quadratic.
    """
    keys = sorted(names)
    member_of: dict[str, list[list[str]]] = defaultdict(list)  # key -> its groups of two or more
    for group in _groups(keys, words).values():
        if len(group) > 1:
            for key in group:
                member_of[key].append(group)
    pairs = set(itertools.pairwise(keys))
    backwards = sorted(keys, key=lambda key: key[::-1])
    pairs.update((a, b) if a < b else (b, a) for a, b in itertools.pairwise(backwards))
    for key, shared in member_of.items():
        shared.sort(key=len)
        budget = _CANDIDATES
        for group in shared:
            for other in itertools.islice(_nearest(group, bisect.bisect_left(group, key)), budget):
                pairs.add((key, other) if key < other else (other, key))
                budget -= 1
            if not budget:
                break
    return pairs


def _alike(first: str, second: str, words: Mapping[str, frozenset[str]]) -> bool:
    """One name's words (two or more) all in the other's, or keys apart by a typo or a plural."""
    small, large = sorted((words[first], words[second]), key=len)
    if len(small) >= 2 and small < large:
        return True
    if 2 * min(len(first), len(second)) < SIMILARITY * (len(first) + len(second)):
        return False  # the lengths alone put the ratio below SIMILARITY
    matcher = SequenceMatcher(None, first, second, autojunk=False)
    return (
        matcher.real_quick_ratio() >= SIMILARITY
        and matcher.quick_ratio() >= SIMILARITY
        and matcher.ratio() >= SIMILARITY
    )


def near_duplicate_hints(
    names: Mapping[str, str], first_seen: Mapping[str, tuple[str, str]]
) -> list[Problem]:
    """Feature names kept apart that may mean the same thing: a hint to add an alias.

    `names` maps each key to its display name; `first_seen` each key to (name, page path)
    where it first appears. Two names are alike when one's words (two or more) are all in the
    other's ("Auto Retraining" and "Auto Retraining Triggers"), or their keys differ by a typo
    or a plural. Only likely pairs are compared (`_candidates`): linear in the names.
    """
    words = {key: _words(name) for key, name in names.items()}
    found: list[tuple[str, str]] = []
    more = False
    for pair in sorted(_candidates(names, words)):
        if _alike(*pair, words):
            if len(found) == MAX_HINTS:
                more = True  # the limit is reached: the rest are not looked for
                break
            found.append(pair)
    hints = []
    for first, second in found:
        (name_a, path_a), (name_b, path_b) = first_seen[first], first_seen[second]
        hints.append(
            Problem(
                Location(path_a),
                f"feature name {name_a!r} looks like {name_b!r} (in {path_b}) but the summary keeps "
                "them apart; map one to the other in `feature_aliases` if they mean the same",
                Severity.INFO,
            )
        )
    if more:
        hints.append(
            Problem(
                Location("mkdocs.yml", field="feature_aliases"),
                f"more pairs of alike feature names are not listed (only the first {MAX_HINTS})",
                Severity.INFO,
            )
        )
    return hints
