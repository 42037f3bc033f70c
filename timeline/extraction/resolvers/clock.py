"""Clock times: "9 a.m. EST Tuesday", "à 15 heures", "a las 11 de la mañana", "noon"."""

from __future__ import annotations

import datetime
import re

from .. import timex_calendar as cal
from ..types import TIME
from .base import (
    Context,
    Resolved,
    State,
    _g,
    _month_index,
    _norm,
    _period_result,
    _valid,
    resolver,
)
from .cues import _weekday_date, _year_for_month


def _day_at(ctx: Context, start: int) -> re.Match[str] | None:
    """ "tomorrow at" right before ``start`` (the language's [clock] days and at words)."""
    table = ctx.lex.table("clock")
    days, at = table.get("days", ()), table.get("at", ())
    if not days or not at:
        return None
    words = "|".join(re.escape(d).replace("'", "['’]") for d in days)
    pattern = rf"(?i)\b({words})\s+(?:{'|'.join(map(re.escape, at))})\s+$"
    return re.search(pattern, ctx.before(start, 24))


def _words_before(ctx: Context, start: int, words, width: int = 16) -> bool:
    """Whether one of ``words`` stands right before ``start``."""
    if not words:
        return False
    alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.search(rf"(?i)\b(?:{alternation})\s+$", ctx.before(start, width)) is not None


def _clock_hour(m: re.Match[str], ctx: Context) -> tuple[int, int] | None:
    """The hour and minute a clock match names (24-hour), or None ("high noon")."""
    groups = m.groupdict()
    table = ctx.lex.table("clock")
    if groups.get("nm"):
        if re.search(r"(?i)\bhigh\s+$", ctx.before(m.start(), 6)):
            return None  # "high noon": a showdown, not midday
        if m["nm"].lower() not in table.get("midnight", ()):
            return 12, 0
        # "midnight Thursday" ends Thursday: ISO 8601 writes it T24:00, as TimeML does;
        # "since midnight", "depuis minuit" start the day: T00:00.
        return (0 if _words_before(ctx, m.start(), table.get("opens", ())) else 24), 0
    if not (groups.get("h") or groups.get("h2")):
        return int(m["hh"]), int(_g(m, "mi", "mi2") or 0)
    hh, mi = int(_g(m, "h", "h2") or 0), int(_g(m, "mi", "mi3") or 0)
    # "4 in the morning", "8 in the evening", "las 8 de la noche": the part of day says
    # a.m. or p.m.; else the a.m./p.m. word does.
    morning = table.get("morning", ())
    if groups.get("pd") and morning:
        pm = not any(w in _norm(m["pd"]) for w in morning)
    elif groups.get("pd"):
        pm = not re.search(r"(?i)morning|mañana|madrugada|matin", m["pd"])
    elif ctx.lex.pm_words:
        pm = _norm(m["ap"]).replace(".", "") in ctx.lex.pm_words
    else:
        pm = m["ap"].lower().startswith("p")
    if pm and hh != 12:
        hh += 12
    if not pm and hh == 12:
        hh = 0
    return hh, mi


class _NoDay(Exception):
    """The day a clock match names does not exist: the match is not a date."""


def _clock_day(m: re.Match[str], ctx: Context) -> datetime.date | None:
    """The day a clock time is on when the text says it (a weekday, "tomorrow", a date
    beside it), else None: the story's day decides (see :func:`r_clock`)."""
    groups = m.groupdict()
    pub = ctx.published
    deictic = ctx.lex.table("deictic")
    if groups.get("wd"):
        wd = ctx.lex.weekdays.get(_norm(m["wd"]))
        if wd is None:
            raise _NoDay
        return _weekday_date(wd, None, ctx, m.start(), m.end())[0]
    if groups.get("dd"):
        return cal.shift(pub, "day", deictic[_norm(m["dd"])])
    if groups.get("cmon"):
        # "5 p.m. EST, Nov. 6": the clock time on that day
        month = _month_index(ctx.lex, m["cmon"])
        dd = int(m["cd"])
        if month is None:
            raise _NoDay
        y = int(groups["cy"]) if groups.get("cy") else _year_for_month(month, dd, pub, None)
        if not _valid(y, month, dd):
            raise _NoDay
        return datetime.date(y, month, dd)
    if lead := _day_at(ctx, m.start()):
        # "mañana a las 9", "demain à 9 heures", "tomorrow at 9 a.m."
        return cal.shift(pub, "day", deictic[_norm(lead.group(1))])
    # "10:35 a.m. (0735 GMT) Friday": the day may follow a short aside; "vers 0 h 40,
    # jeudi", "vers 15 h 30, hier": or a comma.
    days = [re.escape(d).replace("'", "['’]") for d in ctx.lex.table("clock").get("days", ())]
    words = "|".join(w for w in (ctx.lex.weekday_re, *days) if w)
    if not words:
        return None
    near = re.match(
        rf"\s*(?:\([^()]{{0,24}}\)\s*)?,?\s*\(?(?:on\s+)?({words})\b",
        ctx.after(m.end(), 48),
        re.IGNORECASE,
    )
    if near is None:
        return None
    word = _norm(near.group(1))
    if word in deictic:
        return cal.shift(pub, "day", deictic[word])
    return _weekday_date(ctx.lex.weekdays[word], None, ctx, m.start(), m.end() + near.end())[0]


def _nearest_year(day: datetime.date, base: datetime.date) -> datetime.date:
    """``day``'s month and day in the year that puts it nearest to ``base``."""
    options = []
    for year in (base.year - 1, base.year, base.year + 1):
        if _valid(year, day.month, day.day):
            options.append(datetime.date(year, day.month, day.day))
    return min(options, key=lambda d: abs((d - base).days)) if options else day


@resolver("clock", needs=("digit", "other"), approximate=True)
def r_clock(m: re.Match[str], ctx: Context) -> Resolved | None:
    """Clock times, anchored on a weekday next to them or the day in the sentence."""
    hour = _clock_hour(m, ctx)
    if hour is None:
        return None
    hh, mi = hour
    try:
        fixed = _clock_day(m, ctx)
    except _NoDay:
        return None
    pub = ctx.published
    start, end = m.start(), m.end()
    groups = m.groupdict()
    yearless = fixed is not None and groups.get("cmon") and not groups.get("cy")

    def later(state: State) -> Resolved | None:
        base = state.prev
        d = pub
        kind = "published"
        if yearless and base is not None and base.grain == "day":
            # "March 20, 2003 (9:34 p.m., March 19 EST)": the year of the day beside it
            d, kind = _nearest_year(fixed, base.interval()[0]), "previous"
        elif fixed is not None:
            d = fixed
        elif (
            base is not None
            and base.grain == "day"
            and not (base.interval()[0] > pub and ctx.direction(start, end) == "past")
            and (
                abs((base.interval()[0] - pub).days) <= 7
                or "\n\n" not in ctx.text[max(state.prev_pos, 0) : start]
            )
        ):
            # "The ceremony began at 11 a.m.": the clock time of the story's day (but
            # "told a briefing at noon" after talk of next week is today's noon).
            d, kind = base.interval()[0], "previous"
        res = _period_result(cal.day(d), anchor_kind=kind, type_=TIME)
        res.value = f"{d.isoformat()}T{hh:02d}:{mi:02d}"
        return res

    return Resolved(TIME, later=later)
