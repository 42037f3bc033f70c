"""Holidays: fixed days, days counted from Easter, nth weekdays of a month.

The holidays are data: each language file's ``[[holidays]]`` names them and says which
kind of day each is (see en.toml).
"""

from __future__ import annotations

import datetime
import re

from .. import timex_calendar as cal
from .base import Context, Resolved, Story, _g, _norm, _period_result, _weekend, resolver


def _easter(y: int) -> datetime.date:
    # Anonymous Gregorian computus.
    a, b, c = y % 19, y // 100, y % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return datetime.date(y, month, day + 1)


def _holiday_spec(name: str, ctx: Context) -> dict | None:
    """The language's [[holidays]] entry naming ``name``, or None."""
    key = _norm(name)
    for spec in ctx.lex.holidays:
        if key in spec["names"]:
            return spec
    return None


def _holiday_date(spec: dict, y: int) -> datetime.date:
    """The holiday's day in year ``y``: fixed, counted from Easter, or nth weekday."""
    if "date" in spec:
        return datetime.date(y, *spec["date"])
    if "easter" in spec:
        return _easter(y) + datetime.timedelta(days=int(spec["easter"]))
    month, weekday, nth = spec["weekday"]
    if nth > 0:
        first = datetime.date(y, month, 1)
        return first + datetime.timedelta(days=(weekday - 1 - first.weekday()) % 7 + 7 * (nth - 1))
    last = datetime.date(y, month, cal.last_day(y, month))
    return last - datetime.timedelta(days=(last.weekday() - (weekday - 1)) % 7 + 7 * (-nth - 1))


@resolver("holiday", needs=("other", "wd"))
def r_holiday(m: re.Match[str], ctx: Context) -> Resolved | None:
    """Holidays (Christmas Day, Thanksgiving, Easter)."""
    name = _g(m, "hol", "hol2") or ""
    weekend = _g(m, "wkend", "wkend2")
    if weekend and weekend.strip().lower() == "holiday":
        weekend = None  # "the Thanksgiving holiday": the day itself
    spec = _holiday_spec(name, ctx)
    if spec is None:
        return None
    if weekend and not spec.get("weekend"):
        return None  # only some have a (long) weekend of their own
    if m.groupdict().get("y"):
        d = _holiday_date(spec, int(m["y"]))
        return _holiday_result(d, weekend, "")
    # A bare "Christmas" is often the holiday season or a name; "Christmas Day" is a date.
    words = ctx.lex.table("holiday_words").get("before", ())
    alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) or "(?!)"
    prep = rf"(?i)\b(?:{alternation})\s+$"
    if " " not in _norm(name) and not weekend and not re.search(prep, ctx.before(m.start(), 12)):
        return None
    if re.match(r"\s+(?-i:[A-Z][a-z]+)", ctx.after(m.end(), 20)):
        return None  # "the Easter Offensive", "the Christmas Truce": a name
    pub = ctx.published
    direction = ctx.direction(m.start(), m.end())
    if re.search(
        r"(?i)\b(?:until|till|by|before|ahead\s+of|jusqu['’]à|avant|hasta|antes\s+de)\s+$",
        ctx.before(m.start(), 14),
    ):
        direction = "future"  # "could drag on until Christmas"
    this_year = _holiday_date(spec, pub.year)
    if direction == "future":
        d = this_year if this_year >= pub else _holiday_date(spec, pub.year + 1)
    elif direction == "past":
        d = this_year if this_year <= pub else _holiday_date(spec, pub.year - 1)
    else:
        d = this_year
    res = _holiday_result(d, weekend, "published")
    if abs((d - pub).days) <= 31:
        return res  # the holiday of the publication's days ("pasaron la Nochebuena")

    def story(st: Story) -> Resolved | None:
        if not cal.MIN_YEAR <= st.year <= cal.MAX_YEAR:
            return None
        told = _holiday_result(_holiday_date(spec, st.year), weekend, "story")
        told.rule = "holiday-story"
        return told

    res.story = story
    return res


def _holiday_result(d: datetime.date, weekend: str | None, kind: str) -> Resolved:
    """The holiday's day, or for "the Easter weekend" the weekend holding it."""
    if not weekend:
        return _period_result(cal.day(d), anchor_kind=kind)
    # A Monday holiday's long weekend is the Saturday and Sunday before it.
    res = _weekend(d - datetime.timedelta(days=1) if d.weekday() == 0 else d, 0)
    res.anchor_kind = kind
    return res
