"""Dates relative to the publication date: last/next/this units and months, yesterday/today/
tomorrow, weekdays, parts of the day, "N units ago", present/past/future references.
"""

from __future__ import annotations

import datetime
import re

from .. import timex_calendar as cal
from ..timex_calendar import Period
from ..types import DATE, DURATION, TIME
from .base import (
    Context,
    Resolved,
    State,
    _anaphoric,
    _count,
    _g,
    _is_title,
    _mod,
    _norm,
    _period_result,
    _quarter_default,
    _shift_from,
    _unit_and_count,
    _unit_of,
    _weekend,
    duration_value,
    resolver,
    story_result,
)
from .cues import _weekday_date


@resolver("same_period", needs=("unit", "other"))
def r_same_period(m: re.Match[str], ctx: Context) -> Resolved | None:
    """the same month last year: the story's month (quarter, week...) one year earlier."""
    unit = _norm(m["u"])
    pub = ctx.published

    def later(state: State) -> Resolved | None:
        base = state.prev_quarter if unit == "quarter" and state.prev_quarter else state.prev
        kind = "previous"
        if base is None:
            base, kind = cal.day(pub), "published"
        grain = {"period": base.grain, "season": "season"}.get(unit, unit)
        if grain not in ("day", "week", "month", "quarter", "season", "year", "half"):
            return None
        moved = cal.shift(base.interval()[0], "year", -1)
        if grain == base.grain and grain in ("quarter", "half", "season"):
            period = Period(base.grain, base.year - 1, base.index)
        else:
            period = cal.containing(grain, moved)
        res = _period_result(period, anchor_kind=kind)
        res.rule = "same-period-last-year"
        return res

    return Resolved(DATE, later=later, sets_prev=False)


@resolver("quarter_ref", needs=("unit", "other"))
def r_quarter_ref(m: re.Match[str], ctx: Context) -> Resolved | None:
    """the quarter / the latest quarter / the year-ago quarter."""
    adj = _norm(m["adj"] or "")
    pub = ctx.published
    current = cal.containing("quarter", pub)
    if adj in ("current", "same"):
        return _period_result(current)
    if adj in ("next", "coming"):
        return _period_result(cal.shifted("quarter", pub, 1))
    if adj in ("latest", "past", "last", "most recent", "previous", "prior"):
        return _period_result(cal.shifted("quarter", pub, -1))

    def later(state: State) -> Resolved | None:
        # "the quarter" in business news is the one just reported: the last complete one,
        # unless the text named a quarter explicitly.
        base = state.prev_quarter
        kind = "previous"
        if base is None:
            base, kind = cal.shifted("quarter", pub, -1), "published"
        if adj in ("year-earlier", "year-ago"):
            base = cal.quarter(base.year - 1, base.index)
        return _period_result(base, anchor_kind=kind)

    return Resolved(DATE, later=later)


@resolver("period_ref", needs=("other",))
def r_period_ref(m: re.Match[str], ctx: Context) -> Resolved | None:
    """the latest period: the quarter a results report is about, once one has been named."""

    def later(state: State) -> Resolved | None:
        if state.prev_quarter is None:
            return None
        return _period_result(state.prev_quarter, anchor_kind="previous")

    return Resolved(DATE, later=later)


@resolver("year_ago", needs=("unit", "other"))
def r_year_ago(m: re.Match[str], ctx: Context) -> Resolved | None:
    """year-earlier / year-ago comparisons."""
    pub = ctx.published

    what = (_g(m, "what", "what2", "what3") or "").lower()
    if m["months"]:
        # "the year-earlier nine months": a stretch, as TimeBank reads it.
        return Resolved(DURATION, duration_value("month", float(ctx.lex.number(m["months"]) or 0)))
    if m["q"]:
        q_index = int(ctx.lex.table("ordinals")[m["q"].lower()])
        year_before = _quarter_default(q_index, pub, None) - 1
        res = _period_result(cal.quarter(year_before, q_index))
        res.sets_prev = False
        return res

    def later(state: State) -> Resolved | None:
        if what or state.prev_quarter is not None:
            q = state.prev_quarter or cal.shifted("quarter", pub, -1)
            kind = "previous" if state.prev_quarter else "published"
            return _period_result(cal.quarter(q.year - 1, q.index), anchor_kind=kind)
        return _period_result(cal.year(pub.year - 1))

    return Resolved(DATE, later=later, sets_prev=False)


def _relative_period(unit: str, offset: int, pub: datetime.date, mod: str) -> Resolved | None:
    if unit == "weekend":
        return _weekend(pub, offset)
    if unit == "decade":
        return _period_result(cal.decade(pub.year + 10 * offset), mod)
    if unit == "century":
        return Resolved(DATE, f"{(pub.year // 100) + offset:02d}")
    grain = {"week": "week", "month": "month", "year": "year", "quarter": "quarter"}.get(unit)
    if grain is None:
        return None
    return _period_result(cal.shifted(grain, pub, offset), mod)


@resolver("rel_unit", needs=("unit", "other"))
def r_rel_unit(m: re.Match[str], ctx: Context) -> Resolved | None:
    """last/this/next + week, month, year...; previous/following continue the story."""
    unit = _unit_of(_g(m, "u", "u2") or "", ctx.lex)
    offset = ctx.lex.relative.get(_norm(_g(m, "rel", "rel2") or ""))
    if offset is None:
        return None
    if _is_title(m, ctx):
        return None  # ABC's "This Week": a programme, not a week
    if isinstance(offset, str):
        step = 1 if offset.endswith("+1") else -1
        return _anaphoric(unit, step, ctx)
    if unit in ("decade", "century") and _norm(m["rel"]) in ("past", "last"):
        # "over the past decade" is a stretch of time reaching to now, not the 2010s.
        return Resolved(DURATION, duration_value(unit, 1))
    found = ctx.cue(m.start(), m.end()) if unit == "weekend" and offset == 0 else None
    if (
        found is not None
        and found[0] == "past"
        and found[2]
        and found[1] <= 4
        and ctx.published.isoweekday() < 6
    ):
        # "se sont rendus ce week-end" written on a Tuesday: the weekend just gone
        return _weekend(ctx.published, -1)
    return _relative_period(unit, offset, ctx.published, _mod(m, ctx))


@resolver("el_unit", needs=None)
def r_el_unit(m: re.Match[str], ctx: Context) -> Resolved | None:
    """earlier/later this year or month: the year or month, interval cut at publication."""
    offset = ctx.lex.relative.get(_norm(m["rel"]), 0)
    res = _relative_period(_unit_of(m["u"], ctx.lex), int(offset), ctx.published, "")  # type: ignore[arg-type]
    if res is None or res.interval is None:
        return res
    start, end = res.interval
    pub = ctx.published
    # "earlier this year" covers the part of the year before publication, "later" the rest.
    if offset == 0 and start <= pub <= end:
        res.interval = (start, pub) if m["el"].lower() == "earlier" else (pub, end)
    return res


@resolver("past_unit", needs=("unit",))
def r_past_unit(m: re.Match[str], ctx: Context) -> Resolved | None:
    """the past year / the last month: the previous calendar unit (TimeBank's reading)."""
    # TimeML reads "the past year" as the last calendar year before publication.
    return _relative_period(_unit_of(m["u"], ctx.lex), -1, ctx.published, "")


_TODAY_GENERIC = re.compile(
    r"(?i)['’]s\s+(?:(?:young|modern|global|fast-changing|changing|personal|\w+-\w+)\s+)?"
    r"(?:world|youth|young\s+people|society|societies|generations?|children|kids|"
    r"standards|terms|dollars|money|prices|technology|technologies|culture|computers)\b"
)


@resolver("deictic", needs=("other",))
def r_deictic(m: re.Match[str], ctx: Context) -> Resolved | None:
    """yesterday, today, tomorrow, tonight (and their French and Spanish forms)."""
    word = _norm(m["dd"])
    offset = ctx.lex.table("deictic").get(word)
    if offset is None:
        return None
    if word == "today" and _TODAY_GENERIC.match(ctx.after(m.end(), 30)):
        return None  # "today's youth", "in today's dollars": the present age, not a day
    d = cal.shift(ctx.published, "day", offset)
    part = _g(m, "part")
    if word == "tonight":
        part = "night"
    res = _period_result(cal.day(d), _mod(m, ctx))
    res.interval = (d, d)
    if part:
        res.type = TIME
        res.value = f"{d.isoformat()}T{ctx.lex.parts_of_day[_norm(part)]}"
    return res


@resolver("deictic_part", needs=("other",))
def r_deictic_part(m: re.Match[str], ctx: Context) -> Resolved | None:
    """this morning, last night, ayer por la tarde: TIME with a part of day."""
    if _g(m, "an"):
        d, part = cal.shift(ctx.published, "day", -1), "NI"
    else:
        word = _norm(_g(m, "dd", "dd2") or "").split(" ")[0]
        part = ctx.lex.parts_of_day[_norm(_g(m, "part", "part2") or "")]
        # "last night", "la nuit dernière", "ayer por la tarde"
        delta = ctx.lex.table("deictic").get(word, 0)
        if word == "last" and part != "NI":
            return None
        d = cal.shift(ctx.published, "day", delta)
    res = _period_result(cal.day(d), type_=TIME)
    res.value = f"{d.isoformat()}T{part}"
    res.interval = (d, d)
    return res


@resolver("year_end", needs=("unit",))
def r_year_end(m: re.Match[str], ctx: Context) -> Resolved | None:
    """year-end, by year end: the end of a year.

    "year end" reads as "the end of the year" (YYYY, mod END); the compound "year-end" is
    the closing day accounts use (YYYY-12-31). The year is the one of a date earlier in
    the same sentence ("in 1988, when year-end net was..."), else the publication year,
    or the year before after "since".
    """
    start = m.start()
    hyphen = "-" in m.group(0)
    since = re.search(r"\bsince\s+$", ctx.before(start, 8), re.I) is not None

    def later(state: State) -> Resolved | None:
        base = state.prev
        s, _ = ctx.sentence(start)
        if base is not None and state_prev_in(state, s) and base.grain != "decade":
            y, kind = base.interval()[0].year, "previous"
        else:
            y, kind = ctx.published.year, "published"
        if kind == "published" and since and ctx.published < datetime.date(y, 12, 31):
            y -= 1  # "since year-end": the last one that has passed
        if hyphen:
            res = _period_result(cal.day(datetime.date(y, 12, 31)), anchor_kind=kind)
        else:
            res = _period_result(cal.year(y), "END", anchor_kind=kind)
        res.rule = "year-end"
        return res

    return Resolved(DATE, later=later)


@resolver("mid_part", needs=("other",))
def r_mid_part(m: re.Match[str], ctx: Context) -> Resolved | None:
    """mid-afternoon (yesterday), in the morning: a part of a day, TIME (mod MID for "mid").

    With yesterday/today/tomorrow the day is that one; alone it is the day the story is
    on (the previous day-level date), else the publication day.
    """
    part = ctx.lex.parts_of_day[_norm(_g(m, "part", "part2") or "")]
    word = _norm(_g(m, "dd") or "")
    mid = m.group(0).lower().startswith("mid")

    def on_day(d: datetime.date, kind: str) -> Resolved:
        res = _period_result(cal.day(d), anchor_kind=kind, type_=TIME)
        res.value = f"{d.isoformat()}T{part}"
        res.mod = "MID" if mid else _mod(m, ctx)
        res.interval = (d, d)
        res.rule = "mid-part-of-day" if mid else "part-of-day"
        return res

    if word:
        return on_day(cal.shift(ctx.published, "day", ctx.lex.table("deictic")[word]), "published")

    def later(state: State) -> Resolved | None:
        base = state.prev
        if (
            base is not None
            and base.grain == "day"
            and not (
                base.interval()[0] > ctx.published and ctx.direction(m.start(), m.end()) == "past"
            )
        ):
            return on_day(base.interval()[0], "previous")
        return on_day(ctx.published, "published")

    return Resolved(TIME, later=later)


@resolver("weekday", needs=("wd",))
def r_weekday(m: re.Match[str], ctx: Context) -> Resolved | None:
    """A weekday: same day, last/next, or the sentence's direction."""
    wd = ctx.lex.weekdays.get(_norm(m["wd"]))
    if wd is None:
        return None
    rel = _g(m, "rel", "rel2")
    if m.groupdict().get("same"):
        rel = None  # "ce même lundi": the Monday the text is about, placed by the tense
    offset = ctx.lex.relative.get(_norm(rel)) if rel else None
    d, rule = _weekday_date(wd, offset, ctx, m.start(), m.end())
    if _g(m, "eve"):
        d -= datetime.timedelta(days=1)  # "die Nacht zum Dienstag": Monday night
    res = _period_result(cal.day(d), _mod(m, ctx))
    res.interval = (d, d)
    res.rule = rule
    part = _g(m, "part")
    if part:
        res.type = TIME
        res.value = f"{d.isoformat()}T{ctx.lex.parts_of_day[_norm(part)]}"
    return res


@resolver("the_period", needs=("unit", "other", "month"))
def r_the_period(m: re.Match[str], ctx: Context) -> Resolved | None:
    """the year / the month / the weekend: the current one."""
    unit = _unit_of(m["u"], ctx.lex)
    mod = _mod(m, ctx)
    if unit == "week":
        # "la fin de la semaine", "finales de la semana": this week's end
        return _period_result(cal.containing("week", ctx.published), mod)
    if unit in ("month", "year"):
        if not mod and re.match(r"\s+(?:ended|ending|to\s+date)\b", ctx.after(m.end(), 12)):
            # "the year ended March 31": a twelve-month stretch, not a calendar year.
            return Resolved(DURATION, duration_value(unit, 1))
        # "the year", "the fiscal year", "by the end of the month": the current one; in a
        # story, the story's.
        res = _period_result(cal.containing(unit, ctx.published), mod)
        if unit == "year":
            res.story = lambda st: story_result(st, "year", st.year, mod=mod)
        else:
            res.story = lambda st: (
                story_result(st, "month", st.year, st.month, mod=mod) if st.month else None
            )
        return res
    direction = ctx.direction(m.start(), m.end())
    pub = ctx.published
    if pub.isoweekday() >= 6:
        return _weekend(pub, 0)
    # "by the weekend" lies ahead; late in the week "the weekend" is the coming one
    # unless the sentence is in the past.
    ahead = re.search(
        r"(?i)\b(?:by|until|till|before|through|ahead\s+of)\s+$", ctx.before(m.start(), 12)
    )
    if direction == "future" or ahead or (pub.isoweekday() >= 4 and direction != "past"):
        return _weekend(pub, 0)
    return _weekend(pub, -1)


@resolver("ago", needs=("unit",), approximate=True)
def r_ago(m: re.Match[str], ctx: Context) -> Resolved | None:
    """N units ago (il y a, hace) against the publication date."""
    if _g(m, "bare"):
        return Resolved(DATE, "PAST_REF", rule="ago-vague")
    unit = ctx.lex.units.get(_norm(m["u"]))
    n = _count(m, ctx)
    if unit is None:
        return None
    if n is None:
        return Resolved(DATE, "PAST_REF", rule="ago-vague", anchor_kind="published")
    pub = ctx.published
    if unit == "year" and n == int(n):

        def later(state: State) -> Resolved | None:
            # In a report about a quarter, "a year ago" is that quarter a year before
            # ("ten years ago" is not a comparison of quarters).
            q = state.prev_quarter
            if q is not None and n == 1:
                res = _period_result(cal.quarter(q.year - int(n), q.index), anchor_kind="previous")
                return res
            return _shift_from(pub, unit, -n, "published")

        return Resolved(DATE, later=later, sets_prev=False)
    return _shift_from(pub, unit, -n, "published")


@resolver("ref", needs=("other",))
def r_ref(m: re.Match[str], ctx: Context) -> Resolved | None:
    """now, recently, the future: PRESENT_REF, PAST_REF, FUTURE_REF."""
    ref = _norm(m["ref"]).removeprefix("right ")
    if ref == "recently" and re.search(r"(?i)\bas\s+$", ctx.before(m.start(), 4)):
        return None  # "as recently as March 2022": the date that follows says when
    narrated = ctx.lex.table("narrated")
    if ref in narrated:
        # "The Germans soon intervened": in a past-tense clause the word tells the order of
        # the story, not a time from the writer's now (the table: how near, in words)
        found = ctx.cue(m.start(), m.end())
        # (a suffix guess, "intervened", counts its distance tripled plus two)
        reach = narrated[ref] if found is not None and found[2] else 3 * narrated[ref] + 2
        if found is not None and found[0] == "past" and found[1] <= reach:
            return None
    if ref == "current":
        # "the current talks" is now; "current account" or an electric current is not.
        if re.match(
            r"\s+(?:account|affairs|events|prices|dollars|density|flow|of)\b",
            ctx.after(m.end(), 12),
            re.I,
        ):
            return None
        return Resolved(DATE, "PRESENT_REF", anchor_kind="published")
    if ref == "recent":
        return Resolved(DATE, "PAST_REF", anchor_kind="published")
    words = ctx.lex.table("references")
    value = words.get(ref) or next(
        (v for k, v in words.items() if k.startswith("*") and k[1:] in ref), None
    )
    if value is None:
        return None
    return Resolved(DATE, value, anchor_kind="published")


@resolver("rel_phrase", needs=None)
def r_rel_phrase(m: re.Match[str], ctx: Context) -> Resolved | None:
    """A fixed relative phrase of the locale data ("позавчера", "settimana scorsa", "قبل يومين")."""
    found = ctx.lex.phrases.get(_norm(m["rp"]))
    if found is None:
        return None
    unit, n = found
    pub = ctx.published
    if unit == "day":
        d = cal.shift(pub, "day", n)
        res = _period_result(cal.day(d))
        res.interval = (d, d)
        res.rule = "deictic"
        return res
    if unit == "second" and n == 0:
        return Resolved(DATE, "PRESENT_REF", anchor_kind="published", rule="present")
    if unit in ("week", "month", "year") and abs(n) <= 1:
        return _relative_period(unit, n, pub, "")
    if unit in ("week", "month", "year", "decade"):
        return _shift_from(pub, unit, n, "published")
    return None


@resolver("ahead", needs=("unit",), approximate=True)
def r_ahead(m: re.Match[str], ctx: Context) -> Resolved | None:
    """in N units (tra tre giorni, через три дня): counted forward from the publication date."""
    counted = _unit_and_count(m, ctx)
    res = _shift_from(ctx.published, *counted, "published") if counted else None
    if res is not None:
        res.rule = "ahead"
    return res


def state_prev_in(state: State, sentence_start: int) -> bool:
    """True when the previous date was found in the sentence starting at ``sentence_start``."""
    return state.prev_pos >= sentence_start
