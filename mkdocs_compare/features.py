"""Feature names across pages: their matching keys, the maintainer's aliases, near-duplicate hints.

Names are matched on a key that ignores case, punctuation, spacing and HTML entities, after the
maintainer's `feature_aliases`; names that still look alike are reported as hints, never merged
silently.
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from collections import defaultdict
from collections.abc import Mapping
from difflib import SequenceMatcher

from .model import Location, Problem, Severity

# Near-duplicate hints: names this alike (difflib ratio on the keys) are reported.
SIMILARITY = 0.85
MAX_HINTS = 30
_MAX_PAIRS = 50_000


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


def near_duplicate_hints(
    names: Mapping[str, str], first_seen: Mapping[str, tuple[str, str]]
) -> list[Problem]:
    """Feature names kept apart that may mean the same thing: a hint to add an alias.

    `names` maps each key to its display name, most mentioned first; `first_seen` each key to
    (name, page path) where it first appears. Two names are alike when one's words (two or
    more) are all in the other's ("Auto Retraining" and "Auto Retraining Triggers"), or their
    keys differ by a typo or a plural. Only names sharing a word are compared, which keeps this
    fast on thousands of names.
    """
    words = {key: _words(name) for key, name in names.items()}
    by_word: dict[str, list[str]] = defaultdict(list)
    for key in names:
        for word in words[key]:
            if len(word) >= 3:
                by_word[word].append(key)
    pairs: set[tuple[str, str]] = set()
    for keys in by_word.values():
        for i, first in enumerate(keys):
            for second in keys[i + 1 :]:
                pairs.add((first, second) if first < second else (second, first))
                if len(pairs) > _MAX_PAIRS:
                    break
    found = []
    for first, second in sorted(pairs):
        small, large = sorted((words[first], words[second]), key=len)
        alike = len(small) >= 2 and small < large
        if not alike:
            matcher = SequenceMatcher(None, first, second, autojunk=False)
            alike = (
                matcher.real_quick_ratio() >= SIMILARITY
                and matcher.quick_ratio() >= SIMILARITY
                and matcher.ratio() >= SIMILARITY
            )
        if alike:
            found.append((first, second))
    hints = []
    for first, second in found[:MAX_HINTS]:
        (name_a, path_a), (name_b, path_b) = first_seen[first], first_seen[second]
        hints.append(
            Problem(
                Location(path_a),
                f"feature name {name_a!r} looks like {name_b!r} (in {path_b}) but the summary keeps "
                "them apart; map one to the other in `feature_aliases` if they mean the same",
                Severity.INFO,
            )
        )
    if len(found) > MAX_HINTS:
        hints.append(
            Problem(
                Location("mkdocs.yml", field="feature_aliases"),
                f"{len(found) - MAX_HINTS} more pairs of alike feature names not listed",
                Severity.INFO,
            )
        )
    return hints
