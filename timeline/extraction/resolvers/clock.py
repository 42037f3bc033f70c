"""Clock times: "9 a.m. EST Tuesday", "à 15 heures", "a las 11 de la mañana", "noon"."""

from __future__ import annotations

import datetime
import re

from .. import timex_calendar as cal
from ..types import TIME
from .base import (
    _DEICTIC,
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


@resolver("clock", needs=("digit", "other"), approximate=True)
def r_clock(m: re.Match[str], ctx: Context) -> Resolved | None:
    """Clock times, anchored on a weekday next to them or the day in the sentence."""
    groups = m.groupdict()
    if groups.get("nm") and re.search(r"(?i)\bhigh\s+$", ctx.before(m.start(), 6)):
        return None  # "high noon": a showdown, not midday
    if groups.get("nm"):
        # "midnight Thursday" ends Thursday: ISO 8601 writes it T24:00, as TimeML does.
        midnight = m["nm"].lower() in ("midnight", "minuit", "medianoche")
        # ... but "since midnight", "depuis minuit" start the day: T00:00.
        opens = re.search(
            r"(?i)\b(?:since|from|after|depuis|dès|partir\s+de|desde|después\s+de)\s+$",
            ctx.before(m.start(), 16),
        )
        hh, mi = ((0 if opens else 24), 0) if midnight else (12, 0)
    elif groups.get("h") or groups.get("h2"):
        hh, mi = int(_g(m, "h", "h2") or 0), int(_g(m, "mi", "mi3") or 0)
        # "4 in the morning", "8 in the evening", "las 8 de la noche": the part of day
        # says a.m. or p.m.
        if groups.get("pd"):
            pm = not re.search(r"(?i)morning|mañana|madrugada|matin", m["pd"])
        else:
            pm = m["ap"].lower().startswith("p")
        if pm and hh != 12:
            hh += 12
        if not pm and hh == 12:
            hh = 0
    else:
        hh, mi = int(m["hh"]), int(_g(m, "mi", "mi2") or 0)
    pub = ctx.published
    start, end = m.start(), m.end()
    fixed: datetime.date | None = None
    if groups.get("wd"):
        wd = ctx.lex.weekdays.get(_norm(m["wd"]))
        if wd is None:
            return None
        fixed = _weekday_date(wd, None, ctx, m.start(), m.end())[0]
    elif groups.get("dd"):
        fixed = cal.shift(pub, "day", _DEICTIC[_norm(m["dd"])])
    elif groups.get("cmon"):
        # "5 p.m. EST, Nov. 6": the clock time on that day
        month = _month_index(ctx.lex, m["cmon"])
        dd = int(m["cd"])
        if month is None:
            return None
        y = int(groups["cy"]) if groups.get("cy") else _year_for_month(month, dd, pub, None)
        if not _valid(y, month, dd):
            return None
        fixed = datetime.date(y, month, dd)
    elif lead := re.search(
        r"(?i)\b(hoy|mañana|ayer|aujourd['’]hui|demain|hier|today|tomorrow|yesterday)\s+(?:a|à|at)\s+$",
        ctx.before(start, 24),
    ):
        # "mañana a las 9", "demain à 9 heures", "tomorrow at 9 a.m."
        fixed = cal.shift(pub, "day", _DEICTIC[_norm(lead.group(1))])
    else:
        # "10:35 a.m. (0735 GMT) Friday": the day may follow a short aside.
        # "Vers 0 h 40, jeudi", "vers 15 h 30, hier": after a comma too.
        near = re.match(
            rf"\s*(?:\([^()]{{0,24}}\)\s*)?,?\s*\(?(?:on\s+)?({ctx.lex.weekday_re}|today|yesterday|"
            r"tomorrow|hier|aujourd['’]hui|demain|ayer|hoy)\b",
            ctx.after(m.end(), 48),
            re.IGNORECASE,
        )
        if near:
            word = _norm(near.group(1))
            if word in _DEICTIC:
                fixed = cal.shift(pub, "day", _DEICTIC[word])
            else:
                wd = ctx.lex.weekdays[word]
                fixed = _weekday_date(wd, None, ctx, m.start(), m.end() + near.end())[0]

    def later(state: State) -> Resolved | None:
        base = state.prev
        d = pub
        kind = "published"
        if fixed is not None:
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
