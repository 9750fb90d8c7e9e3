"""Where the summary page and its exports go: decided once, for the plugin and the commands alike."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Mapping
from functools import partial

from ..collection import Collection
from ..exports import CSV_NAME, JSON_NAME, write_csv, write_json
from ..model import Location, Problem, Severity
from ..summary_parts import SummaryParts, reuse_whole
from .collisions import Destinations, dest_uri
from .model import SummaryExport, SummaryPlan

_OPTION = "set `summary_page` to another path"


def plan_summary(
    collection: Collection,
    summary_page: str | None,
    existing_paths: Iterable[str],
    *,
    title: str,
    json_export: bool = True,
    csv_export: bool = True,
    dests: Mapping[str, str] | None = None,
    use_directory_urls: bool = True,
    parts: SummaryParts | None = None,
) -> SummaryPlan | None:
    """Decide the summary page's path and the exports from the options; None without pages.

    `summary_page` is the option as configured (None: `index.md` of the pages' folder; "":
    none); `existing_paths` holds every file of the docs (drafts left out), so a maintainer's
    page is merged into and a maintainer's export file is left alone (with a problem).
    `dests` maps those files to where they are written (MkDocs' `File.dest_uri`; by default
    computed with `use_directory_urls`): a file of the docs written where a generated file
    would go keeps its place, and the generated file is left out, with a problem. `parts`
    (under `mkdocs serve`) hands out the last build's plan while its inputs are the same.
    """
    existing = tuple(existing_paths)
    options = (summary_page, title, json_export, csv_export, use_directory_urls)
    key = (tuple(collection.pages), existing, None if dests is None else dict(dests), options)
    make = partial(
        _plan, collection, summary_page, existing, title, json_export, csv_export, dests, use_directory_urls
    )
    return reuse_whole(parts, "plan", "", key, make)


def _plan(
    collection: Collection,
    summary_page: str | None,
    existing_paths: Iterable[str],
    title: str,
    json_export: bool,
    csv_export: bool,
    dests: Mapping[str, str] | None,
    use_directory_urls: bool,
) -> SummaryPlan | None:
    if not collection.pages:
        return None
    existing = set(existing_paths)
    taken = Destinations(
        dests if dests is not None else {path: dest_uri(path, use_directory_urls) for path in existing}
    )
    problems: list[Problem] = []
    if summary_page and outside_docs(summary_page):  # nothing may be written outside the docs
        where = Location("mkdocs.yml", field="summary_page")
        message = f"{summary_page!r} lies outside docs_dir: no summary page or exports are written"
        problems.append(Problem(where, message, Severity.ERROR))
        return SummaryPlan(page="", folder="", merge=False, title=None, exports=[], problems=problems)
    page = _summary_path(collection, summary_page, problems, home=taken.clash("index.html") is not None)
    merge = bool(page) and page in existing
    if page and not merge:
        page = _claim_page(page, dest_uri(page, use_directory_urls), taken, problems)
    folder = posixpath.dirname(page) if page else collection.folder()
    exports = []
    for name, write, wanted in ((JSON_NAME, write_json, json_export), (CSV_NAME, write_csv, csv_export)):
        path = posixpath.join(folder, name)
        if wanted and _export_is_free(path, existing, taken, problems):
            exports.append(SummaryExport(name, path, write))
    return SummaryPlan(
        page=page,
        folder=folder,
        merge=merge,
        title=title if page and not merge else None,
        exports=exports,
        problems=problems,
    )


def outside_docs(path: str) -> bool:
    """A docs-relative path that climbs out of docs_dir (`../x.md`): nothing may go there."""
    normal = posixpath.normpath(path).lstrip("/")  # as the summary's path is read
    return normal == ".." or normal.startswith("../")


def _claim_page(page: str, page_dest: str, taken: Destinations, problems: list[Problem]) -> str:
    """The generated page's path if its destination is free (then taken), else "" (a problem)."""
    clash = taken.clash(page_dest)
    if clash is None:
        taken.add(page, page_dest)
        return page
    problems.append(
        Problem(
            Location(clash[0], 1),
            f"written to {clash[1]}, which the generated summary page {page!r} would take "
            f"(as {page_dest}): the summary page is left out and this file kept ({_OPTION})",
        )
    )
    return ""


def _export_is_free(path: str, existing: set[str], taken: Destinations, problems: list[Problem]) -> bool:
    """Whether an export may be written at `path`: no file of the docs there or in its way."""
    if path in existing:
        problems.append(Problem(Location(path), "exists in the docs: the plugin's export is not written"))
        return False
    clash = taken.clash(path)
    if clash is not None:
        problems.append(
            Problem(
                Location(clash[0], 1),
                f"written to {clash[1]}, which the plugin's export {path} would take: the export is "
                "left out and this file kept (rename the file, or turn the export off with "
                "`json_export`/`csv_export`)",
            )
        )
        return False
    return True


def _summary_path(
    collection: Collection, summary_page: str | None, problems: list[Problem], *, home: bool
) -> str:
    """The summary page's source path from the option, or "" (none, or refused: see problems).

    By default `index.md` of the pages' folder; but pages dropped into the docs root beside a
    home page of the maintainer's (`home`) get `compare/index.md`: the site's home page is not
    the plugin's to fill (a maintainer who wants it there says `summary_page: index.md`)."""
    page = summary_page
    if page is None:
        page = posixpath.join(collection.folder() or ("compare" if home else ""), "index.md")
    page = posixpath.normpath(page).lstrip("/") if page else ""
    if page and not page.endswith(".md"):
        where = Location("mkdocs.yml", field="summary_page")
        problems.append(Problem(where, f"{page!r} is not a Markdown (.md) path: no summary page"))
        return ""
    if page in collection.pages:
        default = " (by default `index.md` of the comparison pages' folder)" if summary_page is None else ""
        problems.append(
            Problem(
                Location(page, 1),
                f"{page!r} is a comparison page, and the path of the summary page (option "
                f"`summary_page`{default}): no summary page ({_OPTION})",
            )
        )
        return ""
    return page
