"""Putting the summary into a page of the maintainer's at the summary's path."""

from __future__ import annotations

SUMMARY_MARKER = "<!-- compare-summary -->"


def insert_summary(page_text: str, summary: str) -> str:
    """Put the summary into a maintainer's page: at the marker comment, else after its text."""
    if SUMMARY_MARKER in page_text:
        before, after = page_text.split(SUMMARY_MARKER, 1)
        return f"{before}\n\n{summary}\n\n{after}"
    return page_text.rstrip("\n") + "\n\n" + summary
