"""Tense and plan cues: which way an underspecified month or weekday points ("will withdraw
by May", "met in May", "said in June"), and the year such a month falls in.

The cue words and patterns (deadlines, "by Tuesday", past perfects, plans that fell
through, reporting verbs) are the ``[tense]`` and ``[cues]`` of each language file.
"""

from __future__ import annotations

import datetime
import re

from .base import _WORD, Context, _month_index, _norm, _valid


def _month_direction(ctx: Context, start: int, end: int) -> str | None:
    """Direction for a year-less month: only a close listed cue counts."""
    found = ctx.cue(start, end)
    if found is None or found[1] > 8 or not found[2]:
        return None
    return found[0]


def _reported_at(ctx: Context, start: int) -> bool:
    """True when a past reporting verb governs the date right before it ("said in June",
    "a déclaré en juin", "dijo el 3 de mayo"): the date is when it was said."""
    if re.match(r"(?i)(?:the|la|le|les|el|los|las)\s", ctx.text[start : start + 5]):
        return False  # "said the first week of March would ...": what was said
    words = _WORD.findall(ctx.before(start, 40))
    while words and words[-1].lower() in ctx.lex.cue_words("date_prepositions"):
        words.pop()
    if not words:
        return False
    last = words[-1].lower()
    lex = ctx.lex
    if last not in lex.reporting or last in lex.cue_words("reporting_now"):
        return False
    # "dice", "déclare": a present tense reports now, not then.
    return not last.endswith(ctx.lex.present_reporting_endings)


def _month_year(ctx: Context, start: int, end: int, month: int, day: int | None) -> int:
    """Year of a year-less month (and day) mentioned at ``start:end``.

    Dates up to three months ahead are usually announcements of what comes next: only a
    past-tense word right next to them ("met in May") sends them back a year. Other dates
    are in the past unless a plan or future word is close by ("will withdraw by May").
    """
    pub = ctx.published
    here = (month, day or 0)
    now = (pub.month, pub.day if day else 0)
    found = ctx.cue(start, end)
    listed = found is not None and found[2]
    if here == now:
        return pub.year  # "in February" in a February article: this one
    next_year = pub.year if here > now else pub.year + 1
    last_year = pub.year if here <= now else pub.year - 1
    if _reported_at(ctx, start):
        return last_year  # "said in June that ...": the saying is done
    ahead = (next_year * 12 + month) - (pub.year * 12 + pub.month)  # months to the next one
    # "by May", "until January": deadlines lie ahead.
    found_deadline = ctx.lex.cue_re("deadline_before")
    deadline = (
        found_deadline is not None and found_deadline.search(ctx.before(start, 16)) is not None
    )
    if deadline and ahead <= 8:
        return next_year
    if ahead <= 3:
        # "met in May", "talks resumed in May": a past-tense verb right before sends it back
        # (a suffix guess counts double, so it must be within three words).
        if found is not None and found[0] == "past" and found[1] <= (6 if listed else 8):
            return last_year
        return next_year
    # A future word only reaches a date less than nine months ahead: "decided on Feb. 11
    # that a war would start" (written on Feb. 25) is not next year's February.
    if listed and found[0] == "future" and found[1] <= 6 and ahead <= 9:  # type: ignore[index]
        return next_year
    return last_year


def _year_for_month(month: int, day: int | None, pub: datetime.date, direction: str | None) -> int:
    """Year of an underspecified month (and day).

    A close tense or plan cue decides; without one, news reports the past, except for
    dates in the next three months, which are usually announcements of what comes next.
    """
    here = (month, day or 0)
    now = (pub.month, pub.day if day else 0)
    if direction == "past":
        return pub.year if here <= now else pub.year - 1
    if direction == "future":
        return pub.year if here >= now else pub.year + 1
    if here <= now:
        return pub.year
    ahead = (month - pub.month) % 12
    return pub.year if ahead <= 3 else pub.year - 1


def _reporting_left(ctx: Context, start: int) -> bool:
    """True when a reporting verb stands in the few words before ``start`` ("anunció que
    el lunes ...", "a annoncé que mardi ...")."""
    words = [w.lower() for w in _WORD.findall(ctx.before(start, 40))][-4:]
    return any(w in ctx.lex.reporting for w in words)


_BRACKET_DATE = re.compile(r"\s*\(\s*([A-Za-z]{3,9})\.?\s+(\d{1,2})\s*\)")


def _bracket_dated(wd: int, ctx: Context, end: int) -> datetime.date | None:
    """ "on Sunday (Sept 16)": the date in brackets after the weekday, when it fits."""
    bracket = _BRACKET_DATE.match(ctx.after(end, 24))
    if not bracket:
        return None
    pub = ctx.published
    month = _month_index(ctx.lex, bracket.group(1))
    day = int(bracket.group(2))
    for y in (pub.year, pub.year - 1, pub.year + 1):
        if month and _valid(y, month, day):
            d = datetime.date(y, month, day)
            if d.isoweekday() == wd:
                return d
    return None


def _named_weekday(delta: int, offset: int | str, ctx: Context) -> tuple[datetime.date, str]:
    """last/next/this weekday ("mardi dernier", "next Monday", "este lunes")."""
    pub = ctx.published
    if offset == -1:
        return pub + datetime.timedelta(days=delta if delta < 0 else delta - 7), "weekday-last"
    if offset == 1:
        return pub + datetime.timedelta(days=delta if delta > 0 else delta + 7), "weekday-next"
    if ctx.lex.feature("this_weekday_past_or_to_come"):
        # "declaró este lunes", "ce mardi": the day of this week, past or to come
        return pub + datetime.timedelta(days=delta), "weekday-this"
    return pub + datetime.timedelta(days=delta if delta >= 0 else delta + 7), "weekday-this"


def _soon_ahead(ctx: Context, start: int, end: int) -> bool:
    """ "by Tuesday", "through Wednesday" lie ahead, unless a past tense says it is over
    ("shelters were full by Sunday night")."""
    pattern = ctx.lex.cue_re("soon_before")
    soon = pattern.search(ctx.before(start, 20)) if pattern is not None else None
    if not soon:
        return False
    left = ctx.cue(start, end, left_only=True)
    over = (
        soon.group().split()[0].lower() in ctx.lex.cue_words("soon_unless_past")
        and left is not None
        and left[0] == "past"
        and left[1] <= (6 if left[2] else 8)
    )
    return not over


def _weekday_ahead(ctx: Context, start: int, end: int) -> bool:
    """Whether the sentence puts a bare weekday in the coming week.

    A weekday's tense comes from the verb before it ("will meet on Thursday", "ruled
    Wednesday that he must..."): what follows is often another clause; "announced
    Wednesday": for a weekday the report itself is the event. A past perfect around the
    weekday ("had been due to expire Friday", "Until Thursday, they had not...") puts a
    plan or a limit in the past.
    """
    s0, e0 = ctx.sentence(start)
    perfect = ctx.lex.cue_re("past_perfect")
    past_perfect = (
        perfect.search(ctx.text, max(s0, start - 60), min(e0, end + 40)) if perfect else None
    )
    if not past_perfect and _soon_ahead(ctx, start, end):
        return True
    found = ctx.cue(start, end, left_only=True, reporting_is_past=True, scheduled=True)
    plan_undone = ctx.lex.cue_re("plan_undone")
    undone = (
        plan_undone is not None
        and plan_undone.match(ctx.text, end, e0) is not None
        and ctx.lex.cue_words("plan_words").intersection(_norm(ctx.before(start, 60)).split())
    )
    if (
        found is not None
        and found[0] == "future"
        and found[2]
        and found[1] <= 8
        and not (past_perfect and past_perfect.start() < start)
        and not undone
    ):
        return True
    if (
        ctx.lex.plan_clause is not None
        and not past_perfect
        and not undone
        and ctx.lex.plan_clause.search(ctx.text, max(s0, start - 120), start)
    ):
        # "is scheduled to meet Energy Department officials in Washington on Thursday":
        # a plan governs its whole clause, however long
        return True
    reported = found is not None and found[0] == "past" and _reporting_left(ctx, start)
    if ctx.lex.inflected_tense and (found is None or found[1] > 8 or reported):
        # "el martes pronunciará un discurso": in French and Spanish the verb often
        # follows the day; a tense ending right after it decides.
        near = ctx.cue(start, end, reporting_is_past=True)
        return near is not None and near[0] == "future" and near[2] and near[1] <= 2.5
    return False


def _weekday_date(
    wd: int, offset: int | str | None, ctx: Context, start: int, end: int
) -> tuple[datetime.date, str]:
    """Date of a weekday mention and the rule that chose it.

    The publication day itself when it is that weekday ("On Sunday" in a Sunday paper);
    otherwise last/next/this when given, else the sentence's direction (the past by
    default: news reports what happened).
    """
    pub = ctx.published
    delta = wd - pub.isoweekday()
    if offset is None and (dated := _bracket_dated(wd, ctx, end)) is not None:
        return dated, "weekday-dated"  # "on Sunday (Sept 16)"
    if offset is not None and offset in (-1, 0, 1):
        return _named_weekday(delta, offset, ctx)
    if delta == 0:
        return pub, "weekday-same-day"
    if _weekday_ahead(ctx, start, end):
        return pub + datetime.timedelta(days=delta if delta > 0 else delta + 7), "weekday-future"
    return pub + datetime.timedelta(days=delta if delta < 0 else delta - 7), "weekday-past"
