"""Sparse comparison sites at real scale, for the summary page's layout tests.

Like a real export: about 80 distinct features, a few on most pages and most on a few pages
only; the product says yes to nearly everything; category slugs with acronyms; notes one or two
sentences long; some long tool names. All texts are made up here.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from exported import LAYOUTS, Page, Row

CATEGORIES = (
    "e2e-platforms",
    "llm-observability",
    "genai-frameworks",
    "ml-orchestrators",
    "data-model-versioning",
)
_SUBJECTS = (
    "Pipeline", "Model", "Dataset", "Artifact", "Experiment", "Feature", "Cluster", "Prompt", "Secret",
    "Stack", "Metadata", "Schedule", "Trace", "Alert", "Cache", "Notebook",
)  # fmt: skip
_ASPECTS = ("Versioning", "Lineage", "Registry", "Monitoring", "Sharing")
FEATURES = [f"{subject} {aspect}" for subject in _SUBJECTS for aspect in _ASPECTS]  # 80
_PHRASES = (
    "works out of the box with the default setup",
    "needs a separate service that someone has to run and upgrade",
    "is available on the paid plan only, with limits per seat",
    "can be scripted through the command line and the Python client",
    "is documented, though the examples lag behind the current release",
    "keeps a full history that can be browsed and compared side by side",
    "is handled by a community plugin rather than the core project",
    "covers the common cases; edge cases need custom glue code",
)


@dataclass
class Corpus:
    """The pages (docs path -> page) and what the tests read as their oracle."""

    pages: dict[str, Page]

    def by_slug(self, slug: str) -> Page:
        return next(page for page in self.pages.values() if page.slug == slug)


def _note(rng: random.Random, who: str, feature: str) -> str:
    first, second = rng.sample(_PHRASES, 2)
    return f"{who}: {feature} {first}; it {second}."


def sparse_corpus(count: int = 25, seed: int = 12) -> Corpus:
    """`count` pages, 8-16 features each, drawn from 80 with a long-tailed popularity."""
    rng = random.Random(seed)
    weights = [1 / (rank + 1) ** 1.1 for rank in range(len(FEATURES))]
    pages: dict[str, Page] = {}
    for index in range(count):
        stem = f"tool{index:04d}"
        long_name = index % 9 == 4
        tool = f"Tool {index:04d} Enterprise Workflow Suite" if long_name else f"Tool {index:04d}"
        wanted = rng.randint(8, 16)
        names: list[str] = []
        # Every feature appears at least once across a 25-page site: the first pages take the tail.
        if count <= 80:
            names.append(FEATURES[-1 - index])
        while len(names) < wanted:
            name = rng.choices(FEATURES, weights)[0]
            if name not in names:
                names.append(name)
        rows = [
            Row(
                name,
                "no" if rng.random() < 0.08 else "yes",
                _note(rng, "Lattice", name),
                rng.choice(("yes", "no", "no")),
                _note(rng, tool, name),
            )
            for name in names
        ]
        pages[f"compare/{stem}.md"] = Page(
            tool=tool,
            slug=f"lattice-vs-{stem}",
            category=CATEGORIES[index % len(CATEGORIES)],
            headline=f"{tool} covers part of the workflow; Lattice covers the rest.",
            seo_description=f"Lattice compared with {tool}.",
            icon_url="",
            rows=rows,
            layout=LAYOUTS[index % len(LAYOUTS)],
        )
    return Corpus(pages)
