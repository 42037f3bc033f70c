"""Display of dates at the precision they were given (pure functions, no ORM).

A month is shown as a month ("Sep 2020"), never as a fake first of the month; a week as
"week of 15 Feb 2021"; modifiers as "early", "mid", "late", "c.", "before", "after".
"""

from __future__ import annotations

import datetime

PRECISION_ORDER = ("day", "week", "month", "season", "quarter", "year", "decade")
PRECISION_RANK = {name: rank for rank, name in enumerate(PRECISION_ORDER)}

_SEASONS = {"SP": "Spring", "SU": "Summer", "FA": "Autumn", "AU": "Autumn", "WI": "Winter"}
_MOD_PREFIX = {
    "START": "early ",
    "MID": "mid ",
    "END": "late ",
    "APPROX": "c. ",
    "BEFORE": "before ",
    "AFTER": "after ",
}


def format_event_date(
    *,
    value: str,
    precision: str,
    start: datetime.date,
    end: datetime.date,
    mod: str = "",
) -> str:
    """The date as a reader should see it, following its precision and modifier.

    ``value`` is the TIMEX3 value (used for seasons and decades); ``start``/``end`` the
    inclusive interval. Unknown precisions fall back to the interval, never to a fake day.
    """
    core = _format_core(value=value, precision=precision, start=start, end=end)
    prefix = _MOD_PREFIX.get(mod or "", "")
    return f"{prefix}{core}"


def _format_core(*, value: str, precision: str, start: datetime.date, end: datetime.date) -> str:
    if precision == "day":
        return f"{start.day} {start:%b %Y}"
    if precision == "week":
        return f"week of {start.day} {start:%b %Y}"
    if precision == "month":
        return f"{start:%b %Y}"
    if precision == "season":
        code = value.rsplit("-", 1)[-1] if "-" in value else ""
        return f"{_SEASONS.get(code, 'Season')} {value[:4] if value[:4].isdigit() else start.year}"
    if precision == "quarter":
        quarter = (start.month - 1) // 3 + 1
        return f"Q{quarter} {start.year}"
    if precision == "year":
        return str(start.year)
    if precision == "decade":
        return f"{start.year - start.year % 10}s"
    if start == end:
        return f"{start.day} {start:%b %Y}"
    return f"{start.day} {start:%b %Y} – {end.day} {end:%b %Y}"


def format_iso_interval(start: datetime.date, end: datetime.date) -> str:
    """ "2021-02-01 – 2021-02-10", or one date when the interval is a single day."""
    if start == end:
        return start.isoformat()
    return f"{start.isoformat()} – {end.isoformat()}"
