"""When a comparison page was last reviewed, and which pages are older than a maintainer allows.

Claims about a competitor go stale; the export says when its item was last updated
(`webflow.lastUpdated`), and a maintainer can state a review date of their own (`reviewed`).
Pure: dates in, dates and problems out.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from .model import Comparison, Location, Problem, Severity

REVIEWED_KEY = "reviewed"
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
# ISO 8601 as the CMS writes it ("2026-02-19T09:40:43.219Z"); the time part is optional.
_TIMESTAMP_RE = re.compile(
    r"(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
)


def review_date(page: Comparison) -> tuple[dt.date | None, Problem | None]:
    """The page's review date: its `reviewed` key, else `webflow.lastUpdated`; None when it has
    neither. A value that is not a date is a problem naming the field (and no date)."""
    own = page.meta.get(REVIEWED_KEY)
    if own is not None and own != "":
        return _date(own, page, REVIEWED_KEY, _DATE_RE, "a date written YYYY-MM-DD")
    updated = page.webflow.get("lastUpdated")
    if updated is None or updated == "":
        return None, None
    return _date(updated, page, "webflow.lastUpdated", _TIMESTAMP_RE, "an ISO 8601 date")


def _date(
    value: object, page: Comparison, field: str, pattern: re.Pattern[str], expected: str
) -> tuple[dt.date | None, Problem | None]:
    if isinstance(value, dt.datetime):  # YAML reads unquoted timestamps itself
        return value.date(), None
    if isinstance(value, dt.date):
        return value, None
    if isinstance(value, str) and pattern.fullmatch(value.strip()):
        try:
            return dt.date.fromisoformat(value.strip()[:10]), None
        except ValueError:
            pass  # 2024-02-30 and the like
    shown = repr(value) if isinstance(value, str) else f"a {type(value).__name__}"
    location = Location(page.path, _line(page, field), field=field)
    return None, Problem(location, f"{field} should be {expected}, got {shown[:60]}", Severity.WARNING)


def _line(page: Comparison, field: str) -> int:
    """The field's line when the parser recorded it (nested keys by their dotted name)."""
    lines = page.field_lines
    return lines.get(field) or lines.get(field.split(".", 1)[0], 0)


def format_date(date: dt.date) -> str:
    """'21 August 2024': the same in every locale, since the build machine's may differ."""
    return f"{date.day} {_MONTHS[date.month - 1]} {date.year}"


def stale_pages(
    pages: Iterable[Comparison], max_age_days: int, today: dt.date | None = None
) -> list[Problem]:
    """A warning for each page last reviewed more than `max_age_days` days before `today`."""
    today = today or dt.date.today()
    problems = []
    for page in pages:
        date, _ = review_date(page)
        if date is None:
            continue
        age = (today - date).days
        if age > max_age_days:
            field = REVIEWED_KEY if page.meta.get(REVIEWED_KEY) else "webflow.lastUpdated"
            location = Location(page.path, _line(page, field), field=field)
            problems.append(
                Problem(
                    location,
                    f"last reviewed {date.isoformat()}, {age} days ago (max_age is {max_age_days}): "
                    "check its claims and set `reviewed: YYYY-MM-DD`",
                    Severity.WARNING,
                )
            )
    return problems


def review_problems(
    pages: Iterable[Comparison], max_age_days: int | None, today: dt.date | None = None
) -> list[Problem]:
    """Dates that do not parse, then (with `max_age_days`) the pages reviewed too long ago."""
    pages = list(pages)
    problems = [problem for page in pages if (problem := review_date(page)[1]) is not None]
    if max_age_days is not None:
        problems += stale_pages(pages, max_age_days, today)
    return problems
