"""The one calendar: periods, their intervals, shifts, modifiers and labels.

A :class:`Period` is a calendar unit placed in time (a day, an ISO week, a month, a season,
a quarter, a half-year, a year, a decade). It knows its TIMEX3 value, its precision, the
inclusive interval it covers and how a reader sees it (:func:`label`). Everything here is
pure date arithmetic, no parsing. The extractor, the event date value
(``timeline.dates.EventDate``), the selectors' binning and the charts all use it.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass

MIN_YEAR = 1000
MAX_YEAR = 2200

SEASONS = ("SP", "SU", "FA", "WI")
# Meteorological seasons: the first month of each. Winter of year Y starts in December Y.
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

# Order of granularities, finest first; used to compare a unit with an anchor's precision.
GRAIN_ORDER = ("day", "week", "month", "season", "quarter", "half", "year", "decade")
# The precisions an event date is stored with, finest first (half-years count as quarters).
PRECISIONS = ("day", "week", "month", "season", "quarter", "year", "decade")
PRECISION_RANK = {name: rank for rank, name in enumerate(PRECISIONS)}
SEASON_NAMES = {"SP": "Spring", "SU": "Summer", "FA": "Autumn", "WI": "Winter"}
# How each grain writes its TIMEX3 value (a day is its ISO date) and its label for readers
# (``sy`` is the year of the period's first day: a week's ISO year may differ).
_VALUE_FORMAT = {
    "week": "{y:04d}-W{i:02d}",
    "month": "{y:04d}-{i:02d}",
    "season": "{y:04d}-{season}",
    "quarter": "{y:04d}-Q{i}",
    "half": "{y:04d}-H{i}",
    "year": "{y:04d}",
    "decade": "{decade:03d}",
}
_LABEL_FORMAT = {
    "day": "{d} {mon} {sy}",
    "week": "week of {d} {mon} {sy}",
    "month": "{mon} {sy}",
    "season": "{season} {y}",
    "quarter": "Q{i} {y}",
    "half": "H{i} {y}",
    "year": "{y}",
    "decade": "{decade}s",
}


class OutOfRange(ValueError):
    """A computed date falls outside the years the product accepts (1000-2200)."""


def check_year(year: int) -> int:
    """Return ``year`` if it lies in the accepted range, else raise :class:`OutOfRange`."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise OutOfRange(year)
    return year


def last_day(year: int, month: int) -> int:
    """Number of days in ``month`` of ``year``."""
    return calendar.monthrange(year, month)[1]


@dataclass(frozen=True, slots=True)
class Period:
    """A calendar unit placed in time.

    ``grain`` is one of :data:`GRAIN_ORDER`; ``year`` is always set (the ISO year for
    weeks, the first year for decades); ``index`` is the month (1-12), ISO week (1-53),
    quarter (1-4), half (1-2) or season position (0-3); ``day`` is a ``datetime.date``
    for day periods.
    """

    grain: str
    year: int
    index: int = 0
    day: datetime.date | None = None

    @property
    def precision(self) -> str:
        """Product precision (half-years have none of their own and report "quarter")."""
        return "quarter" if self.grain == "half" else self.grain

    @property
    def value(self) -> str:
        """TIMEX3 value string."""
        if self.grain == "day":
            assert self.day is not None
            return self.day.isoformat()
        season = SEASONS[self.index] if self.grain == "season" else ""
        return _VALUE_FORMAT[self.grain].format(
            y=self.year, i=self.index, season=season, decade=self.year // 10
        )

    def interval(self) -> tuple[datetime.date, datetime.date]:
        """Inclusive first and last calendar day of the period."""
        g, y, i = self.grain, self.year, self.index
        if g == "day":
            assert self.day is not None
            return self.day, self.day
        if g == "week":
            monday = datetime.date.fromisocalendar(y, i, 1)
            return monday, monday + datetime.timedelta(days=6)
        if g == "month":
            return datetime.date(y, i, 1), datetime.date(y, i, last_day(y, i))
        if g == "season":
            first = _SEASON_START[SEASONS[i]]
            start = datetime.date(y, first, 1)
            end_month = first + 2
            end_year = y + (end_month - 1) // 12
            end_month = (end_month - 1) % 12 + 1
            return start, datetime.date(end_year, end_month, last_day(end_year, end_month))
        if g == "quarter":
            first = 3 * (i - 1) + 1
            return datetime.date(y, first, 1), datetime.date(y, first + 2, last_day(y, first + 2))
        if g == "half":
            first = 6 * (i - 1) + 1
            return datetime.date(y, first, 1), datetime.date(y, first + 5, last_day(y, first + 5))
        if g == "year":
            return datetime.date(y, 1, 1), datetime.date(y, 12, 31)
        start_year = y - y % 10
        return datetime.date(start_year, 1, 1), datetime.date(start_year + 9, 12, 31)


def day(d: datetime.date) -> Period:
    """The day period for ``d``."""
    check_year(d.year)
    return Period("day", d.year, 0, d)


def week_of(d: datetime.date) -> Period:
    """The ISO week containing ``d``."""
    iso = d.isocalendar()
    return Period("week", check_year(iso[0]), iso[1])


def month(year: int, m: int) -> Period:
    """The month ``m`` of ``year``."""
    return Period("month", check_year(year), m)


def quarter(year: int, q: int) -> Period:
    """Quarter ``q`` (1-4) of ``year``."""
    return Period("quarter", check_year(year), q)


def season(year: int, code: str) -> Period:
    """Season ``code`` (SP/SU/FA/WI) of ``year``."""
    return Period("season", check_year(year), SEASONS.index(code))


def season_of(d: datetime.date) -> Period:
    """The season containing ``d`` (January and February belong to the previous winter)."""
    if d.month in (1, 2):
        return season(d.year - 1, "WI")
    code = {3: "SP", 6: "SU", 9: "FA", 12: "WI"}[(d.month // 3) * 3]
    return season(d.year, code)


def year(y: int) -> Period:
    """The calendar year ``y``."""
    return Period("year", check_year(y))


def decade(first_year: int) -> Period:
    """The decade starting with ``first_year`` (1990 for the 1990s)."""
    return Period("decade", check_year(first_year - first_year % 10))


def containing(grain: str, d: datetime.date) -> Period:
    """The period of ``grain`` that contains ``d``."""
    if grain == "day":
        return day(d)
    if grain == "week":
        return week_of(d)
    if grain == "month":
        return month(d.year, d.month)
    if grain == "season":
        return season_of(d)
    if grain == "quarter":
        return quarter(d.year, (d.month - 1) // 3 + 1)
    if grain == "half":
        return Period("half", check_year(d.year), 1 if d.month <= 6 else 2)
    if grain == "year":
        return year(d.year)
    return decade(d.year)


def add_months(d: datetime.date, n: int) -> datetime.date:
    """``d`` moved by ``n`` months, the day clipped to the target month's length."""
    total = d.year * 12 + (d.month - 1) + n
    y, m = divmod(total, 12)
    check_year(y)
    return datetime.date(y, m + 1, min(d.day, last_day(y, m + 1)))


def shift(d: datetime.date, unit: str, n: int) -> datetime.date:
    """``d`` moved by ``n`` units (day, week, month, season, quarter, half, year, decade)."""
    try:
        if unit == "day":
            out = d + datetime.timedelta(days=n)
        elif unit == "week":
            out = d + datetime.timedelta(weeks=n)
        elif unit == "month":
            out = add_months(d, n)
        elif unit == "season" or unit == "quarter":
            out = add_months(d, 3 * n)
        elif unit == "half":
            out = add_months(d, 6 * n)
        elif unit == "year":
            out = add_months(d, 12 * n)
        elif unit == "decade":
            out = add_months(d, 120 * n)
        else:
            raise ValueError(unit)
    except OverflowError as exc:
        raise OutOfRange(str(exc)) from exc
    check_year(out.year)
    return out


def shifted(grain: str, d: datetime.date, n: int) -> Period:
    """The period of ``grain`` that is ``n`` units away from the one containing ``d``."""
    return containing(grain, shift(d, grain, n))


def part_interval(period: Period, mod: str) -> tuple[datetime.date, datetime.date]:
    """Inclusive interval of the START/MID/END part of ``period`` (whole period otherwise).

    Months split at days 10 and 20 (early = 1-10, mid = 11-20, late = 21-end); years into
    January-April, May-August and September-December; decades into years 0-3, 4-6, 7-9;
    any other period into thirds of its days.
    """
    start, end = period.interval()
    if mod not in ("START", "MID", "END"):
        return start, end
    if period.grain == "month":
        y, m = start.year, start.month
        if mod == "START":
            return start, datetime.date(y, m, 10)
        if mod == "MID":
            return datetime.date(y, m, 11), datetime.date(y, m, 20)
        return datetime.date(y, m, 21), end
    if period.grain == "year":
        y = start.year
        if mod == "START":
            return start, datetime.date(y, 4, 30)
        if mod == "MID":
            return datetime.date(y, 5, 1), datetime.date(y, 8, 31)
        return datetime.date(y, 9, 1), end
    if period.grain == "decade":
        y = start.year
        if mod == "START":
            return start, datetime.date(y + 3, 12, 31)
        if mod == "MID":
            return datetime.date(y + 4, 1, 1), datetime.date(y + 6, 12, 31)
        return datetime.date(y + 7, 1, 1), end
    total = (end - start).days + 1
    third = max(total // 3, 1)
    if mod == "START":
        return start, start + datetime.timedelta(days=third - 1)
    if mod == "MID":
        return start + datetime.timedelta(days=third), end - datetime.timedelta(days=third)
    return end - datetime.timedelta(days=third - 1), end


def span(grain: str, d: datetime.date) -> tuple[datetime.date, datetime.date]:
    """Inclusive first and last day of the period of ``grain`` containing ``d``."""
    return containing(grain, d).interval()


def label(period: Period) -> str:
    """The period as readers see it: "28 Feb 2021", "week of 15 Feb 2021", "Feb 2021",
    "Summer 2020", "Q3 2020", "H1 2020", "2001", "1990s"."""
    start, _end = period.interval()
    season = SEASON_NAMES[SEASONS[period.index]] if period.grain == "season" else ""
    return _LABEL_FORMAT[period.grain].format(
        d=start.day,
        mon=f"{start:%b}",
        sy=start.year,
        y=period.year,
        i=period.index,
        season=season,
        decade=period.year - period.year % 10,
    )


def from_value(value: str) -> Period | None:
    """The period a TIMEX3 value names ("2020-09", "2021-W07", "2020-SU", "199"), or None
    for values that are not a calendar period (durations, PRESENT_REF, times)."""
    m = _VALUE.fullmatch(value or "")
    if m is None:
        return None
    try:
        y = int(m["year"]) if m["year"] else None
        if m["decade"]:
            return decade(int(m["decade"]) * 10)
        assert y is not None
        if m["month"] and m["day"]:
            return day(datetime.date(y, int(m["month"]), int(m["day"])))
        if m["month"]:
            return month(y, int(m["month"]))
        if m["week"]:
            return Period("week", check_year(y), int(m["week"]))
        if m["season"]:
            return season(y, m["season"])
        if m["quarter"]:
            return quarter(y, int(m["quarter"]))
        if m["half"]:
            return Period("half", check_year(y), int(m["half"]))
        return year(y)
    except (ValueError, OutOfRange):
        return None


_VALUE = re.compile(
    r"(?P<decade>\d{3})|(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?"
    r"|-W(?P<week>\d{2})|-(?P<season>SP|SU|FA|WI)|-Q(?P<quarter>[1-4])|-H(?P<half>[12]))?"
)
