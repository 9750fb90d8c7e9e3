"""How often the language guess is right on the benchmark's pages.

The corpus generator knows every sample's language, including those of the samples it writes as
`<pre><code>` (which lose it, as real exports do). Each sample is guessed as the plugin would
guess it had the page named no language at all (the other sample gives no hint), the hardest case.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import corpus

from mkdocs_compare.language import guess_language


def guess_accuracy(count: int, seed: int = 0) -> dict[str, Any]:
    """Samples guessed right, of all samples of `count` pages; and the wrong guesses by kind."""
    right = total = 0
    wrong: Counter[str] = Counter()
    categories = max(1, count // 12)
    for index, tool in enumerate(corpus.tool_names(count)):
        page, languages = corpus.page(index, tool, categories, seed)
        for code, language in zip(page.code, languages, strict=True):
            guessed = guess_language(code)
            total += 1
            right += guessed == language
            if guessed != language:
                wrong[f"{language} as {guessed}"] += 1
    return {
        "right": right,
        "samples": total,
        "languages": sorted(set(corpus.LANGUAGES)),
        "wrong": dict(wrong),
    }
