"""Expressions that continue the story, resolved in text order against the previous date:
"two days later", "the following month", "that day", "the previous Friday".
"""

from __future__ import annotations

import datetime
import re

from .. import timex_calendar as cal
from ..timex_calendar import Period
from ..types import DATE, TIME
from .base import (
    Context,
    Resolved,
    State,
    _anaphoric,
    _coarser,
    _g,
    _mod,
    _month_index,
    _norm,
    _period_result,
    _shift_from,
    _unit_and_count,
    _unit_of,
    _valid,
    duration_value,
    resolver,
)


@resolver("month_anaphoric_year", needs=("month",))
def r_month_anaphoric_year(m: re.Match[str], ctx: Context) -> Resolved | None:
    """Nov. 24 that year, March the following year: the year of the previous date."""
    month = _month_index(ctx.lex, m["mon"])
    if month is None:
        return None
    dd = int(re.sub(r"\D", "", m["d"])) if m.groupdict().get("d") else None
    rel = _norm(m["rel"])
    steps = {"the following": 1, "the next": 1, "the previous": -1, "the preceding": -1}
    story = ctx.lex.relative.get(rel)  # "seguinte": prev+1, "anterior": prev-1
    step = steps.get(rel, -1 if rel == "the prior" else 0)
    if isinstance(story, str):
        step = 1 if story.endswith("+1") else -1
    pub = ctx.published

    def later(state: State) -> Resolved | None:
        if state.prev is not None:
            base, kind = state.prev.interval()[0].year, "previous"
        else:
            base, kind = pub.year, "published"
        y = base + step
        if dd is not None:
            if not _valid(y, month, dd):
                return None
            return _period_result(cal.day(datetime.date(y, month, dd)), anchor_kind=kind)
        return _period_result(cal.month(y, month), anchor_kind=kind)

    return Resolved(DATE, later=later, rule="month-anaphoric-year")


def _offset_clause(
    m: re.Match[str], ctx: Context, unit: str, n: float, backward: bool
) -> Resolved | None:
    """ "comes a year after X signed": X lies that far before the clause's time, which is
    the publication date when the clause is not in the past tense."""
    if ctx.direction(m.start(), m.end(), left_only=True) == "past":
        return None
    pub = ctx.published
    sign = 1 if backward else -1
    res = _shift_from(pub, unit, sign * n, "published")
    if res is None or res.period is None:
        return None
    if unit in ("year", "decade", "century") and res.period.grain == "year":
        target = cal.shift(pub, "year", int(sign * n))
        res = _period_result(cal.month(target.year, target.month))
    res.mod = "APPROX"
    res.rule = "offset-clause"
    res.offset = duration_value(unit, n)
    return res


def _counted_from(base: Period, unit: str, n: float, span: str) -> Resolved | None:
    """``n`` units (signed) from the previous date, at the coarser of the two grains."""
    res = _shift_from(base.interval()[0], unit, n, "previous")
    if res is None or res.period is None:
        return res
    res.offset = span
    grain = res.period.grain
    if base.grain in ("quarter", "season", "half") and unit == "year":
        # "a year earlier" after a quarter means the same quarter a year before.
        grain = base.grain
    elif base.grain != "day":
        grain = _coarser(grain, base.grain)
    if grain != res.period.grain:
        moved = (
            cal.shift(base.interval()[0], "year", int(n))
            if unit == "year"
            else res.period.interval()[0]
        )
        res = _period_result(cal.containing(grain, moved), anchor_kind="previous")
        res.offset = span
    return res


@resolver("offset", needs=("unit",), approximate=True)
def r_offset(m: re.Match[str], ctx: Context) -> Resolved | None:
    """N units later/earlier against the previous date; 'a year after X' against now."""
    if (counted := _unit_and_count(m, ctx)) is None:
        return None
    unit, n = counted
    kind = ctx.lex.table("offset_words").get(_norm(m["dir"]), "forward")
    backward = kind.startswith("back")
    prepositional = kind.endswith("-prep") and bool(re.match(r"\s+[^\W\d_]", ctx.after(m.end(), 5)))
    if prepositional and (unit not in ("month", "year", "decade") or backward):
        # "wait 30 days before closing": a stretch of time measured from an event we
        # cannot date, left to the duration rule ("30 days"); only "comes a year after X"
        # is read as a date.
        return None
    if prepositional:
        return _offset_clause(m, ctx, unit, n, backward)
    sign = -1 if backward else 1
    span = duration_value(unit, n)
    pub = ctx.published

    def later(state: State) -> Resolved | None:
        if state.prev is None:
            res = _shift_from(pub, unit, sign * n, "published")
            if res is not None:
                res.offset = span
            return res
        return _counted_from(state.prev, unit, sign * n, span)

    # Comparisons ("a year earlier") leave the story's time alone; "two days later" moves it.
    return Resolved(DATE, later=later, sets_prev=not (backward and unit == "year"))


@resolver("anaphoric", needs=("unit", "other"))
def r_anaphoric(m: re.Match[str], ctx: Context) -> Resolved | None:
    """the next day, the following month, that day: against the previous date."""
    rel = _norm(m["rel"])
    unit = _unit_of(m["u"], ctx.lex)
    part = unit if unit in ("morning", "afternoon", "evening", "night") else None
    if part:
        unit = "day"
    step = {"next": 1, "following": 1, "previous": -1, "preceding": -1, "prior": -1}.get(rel, 0)
    res = _anaphoric(unit, step, ctx, part)
    res.rule = "anaphoric-" + ("same" if step == 0 else "shift")
    mod = _mod(m, ctx)
    if mod and res.later is not None:
        # "early the next year": the start of it
        plain = res.later

        def later(state: State) -> Resolved | None:
            told = plain(state)
            if told is not None and told.period is not None and not told.mod:
                told.mod = mod
                told.interval = cal.part_interval(told.period, mod)
            return told

        res.later = later
    return res


@resolver("anaphoric_weekday", needs=("wd",))
def r_anaphoric_weekday(m: re.Match[str], ctx: Context) -> Resolved | None:
    """the previous Friday, the following Monday: counted from the story's day.

    The story's day is the previous day-precise date in the text, else the publication
    date; "previous" is the last such weekday strictly before it, "following" the first
    strictly after.
    """
    wd = ctx.lex.weekdays.get(_norm(m["wd"]))
    if wd is None:
        return None
    rel = _norm(m["rel"])
    back = rel in ("previous", "preceding", "prior") or ctx.lex.relative.get(rel) == "prev-1"
    part = _g(m, "part")
    pub = ctx.published

    def later(state: State) -> Resolved | None:
        if state.prev is not None and state.prev.grain == "day":
            base, kind = state.prev.interval()[0], "previous"
        else:
            base, kind = pub, "published"
        # Days to the weekday, 1..7: never the story's day itself.
        step = ((base.isoweekday() - wd) if back else (wd - base.isoweekday())) % 7 or 7
        d = base + datetime.timedelta(days=-step if back else step)
        res = _period_result(cal.day(d), anchor_kind=kind)
        res.interval = (d, d)
        if part:
            res.type = TIME
            res.value = f"{d.isoformat()}T{ctx.lex.parts_of_day[_norm(part)]}"
        return res

    return Resolved(DATE, later=later, rule="anaphoric-weekday")


@resolver("day_before", needs=("unit",))
def r_day_before(m: re.Match[str], ctx: Context) -> Resolved | None:
    """the day before / the day after: against the previous date.

    In apposition to a date ("on Oct. 12, the day before the crash") the phrase names that
    same day: what it is before or after is an event, not the previous date.
    """
    res = _anaphoric("day", -1 if m["dir"].lower() == "before" else 1, ctx)
    shifted = res.later
    start = m.start()

    def later(state: State) -> Resolved | None:
        if (
            state.prev is not None
            and state.prev.grain == "day"
            and 0 <= state.prev_end <= start
            and re.fullmatch(r"\s*,\s*", ctx.text[state.prev_end : start])
        ):
            same = _period_result(state.prev, anchor_kind="previous")
            same.rule = "anaphoric-apposition"
            return same
        return shifted(state) if shifted is not None else None

    res.later = later
    return res


@resolver("fixed_anaphor", needs=("unit", "other"))
def r_fixed_anaphor(m: re.Match[str], ctx: Context) -> Resolved | None:
    """le lendemain, la veille, al día siguiente: against the previous date."""
    fx = _norm(m["fx"])
    # The first word of the language's [anaphors] the phrase holds gives the step.
    steps = ctx.lex.table("anaphors")
    step = next((int(n) for word, n in steps.items() if word in fx), 0)
    return _anaphoric("day", step, ctx)
