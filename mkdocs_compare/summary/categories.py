"""Category headings from slugs, and the order categories are shown in.

Slugs come from a CMS ("e2e-platforms", "llm-observability"): capitalising only the first letter
loses the acronyms readers know ("E2e platforms"), so known acronyms keep their spelling. The
`categories` option names and orders them when the rules are not enough.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

# Lower-case word -> how it is written. Words of categories seen in comparison sites.
ACRONYMS: dict[str, str] = {
    "ai": "AI",
    "aiops": "AIOps",
    "api": "API",
    "apis": "APIs",
    "bi": "BI",
    "cd": "CD",
    "cdn": "CDN",
    "ci": "CI",
    "cicd": "CI/CD",
    "cli": "CLI",
    "cms": "CMS",
    "cpu": "CPU",
    "crm": "CRM",
    "dataops": "DataOps",
    "devops": "DevOps",
    "e2e": "E2E",
    "elt": "ELT",
    "etl": "ETL",
    "genai": "GenAI",
    "gpu": "GPU",
    "gpus": "GPUs",
    "iac": "IaC",
    "ide": "IDE",
    "ides": "IDEs",
    "iot": "IoT",
    "llm": "LLM",
    "llmops": "LLMOps",
    "llms": "LLMs",
    "ml": "ML",
    "mlops": "MLOps",
    "nlp": "NLP",
    "ocr": "OCR",
    "olap": "OLAP",
    "rag": "RAG",
    "saas": "SaaS",
    "sdk": "SDK",
    "sdks": "SDKs",
    "sql": "SQL",
    "sso": "SSO",
    "ui": "UI",
    "ux": "UX",
}


def category_title(slug: str) -> str:
    """A slug as a heading: "e2e-platforms" -> "E2E platforms", "ci-cd" -> "CI/CD"."""
    words = [word for word in re.split(r"[-_\s]+", slug.strip()) if word]
    joined: list[str] = []
    for word in words:  # "ci" followed by "cd" is one idea
        if joined and joined[-1].casefold() == "ci" and word.casefold() == "cd":
            joined[-1] = "cicd"
        else:
            joined.append(word)
    out = []
    for index, word in enumerate(joined):
        known = ACRONYMS.get(word.casefold())
        if known:
            out.append(known)
        elif word.islower() or word.isupper():
            out.append(word.capitalize() if index == 0 else word.lower())
        else:
            out.append(word[:1].upper() + word[1:] if index == 0 else word)  # kept: "GitHub"
    return " ".join(out)


def category_name(
    slug: str, labels: Mapping[str, str] | None = None, titles: Mapping[str, str] | None = None
) -> str:
    """A category's heading: the `categories` option's title, a `category:<slug>` label, or the rule."""
    return (titles or {}).get(slug) or (labels or {}).get(f"category:{slug}") or category_title(slug)


def category_order(
    slugs: Iterable[str], titles: Mapping[str, str] | None, names: Mapping[str, str]
) -> list[str]:
    """The `categories` option's slugs in its order, then the others by heading (A to Z)."""
    present = set(slugs)
    listed = [slug for slug in (titles or {}) if slug in present]
    rest = sorted(present - set(listed), key=lambda slug: (names[slug].casefold(), slug))
    return listed + rest
