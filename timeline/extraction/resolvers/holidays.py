"""Holidays: fixed days, days counted from Easter, nth weekdays of a month."""

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


# French and Spanish holiday names, as the English names the rules below know.
_ROMANCE_HOLIDAYS = {
    "toussaint": "all saints' day",
    "la veille de noël": "christmas eve",
    "noël": "christmas day",
    "navidad": "christmas day",
    "nochebuena": "christmas eve",
    "saint-sylvestre": "new year's eve",
    "nochevieja": "new year's eve",
    "jour de l'an": "new year's day",
    "año nuevo": "new year's day",
    "pâques": "easter",
    "pascua": "easter",
    "vendredi saint": "good friday",
    "viernes santo": "good friday",
    "domingo de ramos": "palm sunday",
}


def _holiday_date(name: str, y: int) -> datetime.date:
    n = _ROMANCE_HOLIDAYS.get(_norm(name), _norm(name))
    if n.startswith("christmas"):
        return datetime.date(y, 12, 24 if n.endswith("eve") else 25)
    if n.startswith("new year's"):
        return datetime.date(y, 12, 31) if n.endswith("eve") else datetime.date(y, 1, 1)
    if n.startswith("thanksgiving"):
        first = datetime.date(y, 11, 1)
        return first + datetime.timedelta(days=(3 - first.weekday()) % 7 + 21)
    if n in ("easter", "easter sunday", "easter monday"):
        return _easter(y) + datetime.timedelta(days=1 if n.endswith("monday") else 0)
    if n == "good friday":
        return _easter(y) - datetime.timedelta(days=2)
    if n == "palm sunday":
        return _easter(y) - datetime.timedelta(days=7)
    if n == "easter saturday":
        return _easter(y) - datetime.timedelta(days=1)
    if n in ("pentecost", "pentecost sunday", "whit sunday", "whitsun"):
        return _easter(y) + datetime.timedelta(days=49)
    if n == "whit monday":
        return _easter(y) + datetime.timedelta(days=50)
    if n == "all saints' day":
        return datetime.date(y, 11, 1)
    if n in ("presidents day", "presidents' day", "president's day"):  # third Monday of Feb
        first = datetime.date(y, 2, 1)
        return first + datetime.timedelta(days=(0 - first.weekday()) % 7 + 14)
    if n.startswith("martin luther king"):  # third Monday of January
        first = datetime.date(y, 1, 1)
        return first + datetime.timedelta(days=(0 - first.weekday()) % 7 + 14)
    if n == "columbus day":  # second Monday of October
        first = datetime.date(y, 10, 1)
        return first + datetime.timedelta(days=(0 - first.weekday()) % 7 + 7)
    if n == "australia day":
        return datetime.date(y, 1, 26)
    if n == "canada day":
        return datetime.date(y, 7, 1)
    if n.startswith("valentine"):
        return datetime.date(y, 2, 14)
    if n in ("labor day", "labour day"):  # the US and Canadian first Monday of September
        first = datetime.date(y, 9, 1)
        return first + datetime.timedelta(days=(0 - first.weekday()) % 7)
    if n == "memorial day":  # the last Monday of May
        last = datetime.date(y, 5, 31)
        return last - datetime.timedelta(days=last.weekday())
    fixed = {"boxing day": (12, 26), "bastille day": (7, 14), "armistice day": (11, 11)}
    fixed["veterans day"] = (11, 11)
    if n in fixed:
        return datetime.date(y, *fixed[n])
    return datetime.date(y, 10, 31)  # Halloween


@resolver("holiday", needs=("other", "wd"))
def r_holiday(m: re.Match[str], ctx: Context) -> Resolved | None:
    """Holidays (Christmas Day, Thanksgiving, Easter)."""
    name = _g(m, "hol", "hol2") or ""
    weekend = _g(m, "wkend", "wkend2")
    if weekend and weekend.strip().lower() == "holiday":
        weekend = None  # "the Thanksgiving holiday": the day itself
    if weekend and not re.search(r"(?i)easter|pentecost|whitsun|labou?r|memorial", name):
        return None  # only these have a (long) weekend of their own here
    if m.groupdict().get("y"):
        d = _holiday_date(name, int(m["y"]))
        return _holiday_result(d, weekend, "")
    # A bare "Christmas" is often the holiday season or a name; "Christmas Day" is a date.
    prep = (
        r"(?i)\b(?:on|before|after|by|until|since|over|this|last|next|of|during|around|"
        r"de|à|avant|après|pour|"
        r"depuis|la|el|en|para|antes\s+de|después\s+de|desde|hasta)\s+$"
    )
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
    this_year = _holiday_date(name, pub.year)
    if direction == "future":
        d = this_year if this_year >= pub else _holiday_date(name, pub.year + 1)
    elif direction == "past":
        d = this_year if this_year <= pub else _holiday_date(name, pub.year - 1)
    else:
        d = this_year
    res = _holiday_result(d, weekend, "published")
    if abs((d - pub).days) <= 31:
        return res  # the holiday of the publication's days ("pasaron la Nochebuena")

    def story(st: Story) -> Resolved | None:
        if not cal.MIN_YEAR <= st.year <= cal.MAX_YEAR:
            return None
        told = _holiday_result(_holiday_date(name, st.year), weekend, "story")
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
