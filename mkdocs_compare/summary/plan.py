"""Where the summary page and its exports go: decided once, for the plugin and the commands alike."""

from __future__ import annotations

import posixpath
from collections.abc import Container

from ..collection import Collection
from ..exports import CSV_NAME, JSON_NAME, export_csv, export_json
from ..model import Location, Problem
from .model import SummaryExport, SummaryPlan


def plan_summary(
    collection: Collection,
    summary_page: str | None,
    existing_paths: Container[str],
    *,
    title: str,
    json_export: bool = True,
    csv_export: bool = True,
) -> SummaryPlan | None:
    """Decide the summary page's path and the exports from the options; None without pages.

    `summary_page` is the option as configured (None: `index.md` of the pages' folder; "":
    none); `existing_paths` holds every file of the docs (drafts left out), so a maintainer's
    page is merged into and a maintainer's export file is left alone (with a problem).
    """
    if not collection.pages:
        return None
    problems: list[Problem] = []
    where = Location("mkdocs.yml", field="summary_page")
    page = summary_page if summary_page is not None else posixpath.join(collection.folder(), "index.md")
    page = posixpath.normpath(page).lstrip("/") if page else ""
    if page and not page.endswith(".md"):
        problems.append(Problem(where, f"{page!r} is not a Markdown (.md) path: no summary page"))
        page = ""
    if page in collection.pages:
        problems.append(
            Problem(where, f"{page!r} is a comparison page: no summary page (choose another path)")
        )
        page = ""
    folder = posixpath.dirname(page) if page else collection.folder()
    merge = bool(page) and page in existing_paths
    exports = []
    for name, write, wanted in ((JSON_NAME, export_json, json_export), (CSV_NAME, export_csv, csv_export)):
        path = posixpath.join(folder, name)
        if not wanted:
            continue
        if path in existing_paths:
            problems.append(Problem(Location(path), "exists in the docs: the plugin's export is not written"))
            continue
        exports.append(SummaryExport(name, path, write))
    return SummaryPlan(
        page=page,
        folder=folder,
        merge=merge,
        title=title if page and not merge else None,
        exports=exports,
        problems=problems,
    )
