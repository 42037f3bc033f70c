"""Absolute and calendar-level dates: ISO and numeric dates, days of months, months, years,
decades, centuries, seasons, quarters and halves.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable

from .. import timex_calendar as cal
from ..timex_calendar import Period
from ..types import DATE, TIME
from .base import (
    Context,
    Resolved,
    State,
    Story,
    _g,
    _mod,
    _month_index,
    _norm,
    _period_result,
    _quarter_default,
    _valid,
    resolver,
    story_result,
    story_year,
)
from .cues import _month_year

# Nouns after a bare number that make it a count, not a year ("1500 troops").
_COUNT_NOUNS = re.compile(
    r"(?i)^(?:people|persons?|troops|soldiers|men|women|children|kids|members|personnel|"
    r"fighters|militants|rebels|refugees|civilians|police|policemen|officers|workers|jobs|"
    r"employees|staff|dollars|euros|pounds|yen|yuan|rupees|pesos|tons|tonnes|barrels|miles|"
    r"kilometers|kilometres|km|meters|metres|feet|acres|hectares|votes|seats|cases|deaths|"
    r"casualties|dead|injured|units|shares|copies|cars|vehicles|homes|houses|families|"
    r"students|prisoners|detainees|hostages|delegates|guns|weapons|rockets|missiles|points|"
    r"hours|minutes|seconds|days|weeks|months|years|times|attacks|incidents|villages|sites|"
    r"personas|soldados|muertos|tropas|personnes|soldats|morts|habitants|voters|residents|"
    r"patients|sq|square|mg|kg|lb|lbs|calories|words|pages|bytes|mw|kw|ft|m|cc|hp)$"
)
_QUANTIFIERS = re.compile(
    r"(?i)(?:\b(?:some|about|around|nearly|almost|over|than|least|approximately|roughly|"
    r"estimated|only|just|another|additional|extra|total|all|those|these|unos|unas|"
    r"environ|quelque|plus|más|casi|près|number|no\.|nos\.|room|flight|route|"
    r"highway|page|pages|score|rank|ranked|code|model|version|at|"
    # "resolution 2100", "résolution 2100", "Ley 1448": numbered texts, not years
    r"resolutions?|résolutions?|resoluci[oó]n|resoluciones|decree|décret|decreto|"
    r"article|articles|art[ií]culo|law|loi|ley|"
    # "un total de 2000", "más de 1500": Spanish and French counts ("de 2016" is a year)
    r"(?:total|cifra|total|nombre|plus|moins|más|menos|près|cerca|alrededor)\s+de)\s*"
    r"|[$£€#№]\s*)$"
)
_TEMPORAL_PREP = re.compile(
    r"(?i)\b(?:in|since|by|until|till|from|before|after|during|of|year|fiscal|early|mid|late|"
    r"between|through|circa|c\.|en|dès|depuis|desde|hasta|año|année|and|or|to|the|"
    r"spring|summer|autumn|fall|winter)\s*$"
)
_NAME_BEFORE_MONTH = re.compile(r"(?-i:[A-Z][a-z]+|[A-Z]\.)\s+$")
# Capitalised words that open a sentence or a heading but never end a name ("On May 6").
_CAPITAL_FUNCTION_WORD = re.compile(
    r"(?-i:\b(?:On|In|By|Since|Until|Till|From|Before|After|Through|During|Around|"
    r"About|To|For|At|Of|And|But|Or|Then|Late|Early|Mid|Last|Next|This|Each|Every|"
    r"The)\s+$)"
)


def _year_from_text(y: str, pub: datetime.date) -> int:
    if len(y) == 2:
        yy = int(y)
        century = pub.year // 100 * 100
        return century + yy if century + yy <= pub.year + 10 else century - 100 + yy
    return int(y)


@resolver("iso", needs=("digit",))
def r_iso(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ISO dates (2020-11-03, with an optional time)."""
    d = datetime.date(int(m["y"]), int(m["m"]), int(m["d"]))
    res = _period_result(cal.day(d), anchor_kind="")
    if m.groupdict().get("hh"):
        res.type = TIME
        res.value = f"{d.isoformat()}T{m['hh']}:{m['mi']}"
    return res


@resolver("numeric", needs=("digit",))
def r_numeric(m: re.Match[str], ctx: Context) -> Resolved | None:
    """Numeric dates: month first in English (11/03/2020), day first in French and Spanish."""
    a, b = int(m["a"]), int(m["b"])
    y = _year_from_text(m["c"], ctx.published)
    month, dd = (a, b) if ctx.lex.feature("month_first_numeric_dates") else (b, a)
    if month > 12 and dd <= 12:
        month, dd = dd, month
    d = datetime.date(y, month, dd)
    res = _period_result(cal.day(d), anchor_kind="")
    if m.groupdict().get("hh"):
        res.type = TIME
        res.value = f"{d.isoformat()}T{int(m['hh']):02d}:{m['mi']}"
    return res


_RANGE_YEAR_AFTER = re.compile(
    r"(?i)\s*(?:to|-|–|until|through|and|y|et|al|au|a|hasta)\s+(?:el\s+|le\s+)?"
    r"(?:[a-z]{3,9}\.?\s+)?\d{1,2}(?:st|nd|rd|th|er)?(?:\s+(?:de\s+)?[a-zéû]{3,10})?,?\s+"
    r"(?:de\s+)?((?:1[0-9]|20)\d\d)\b"
)


def _day_of(m: re.Match[str], ctx: Context) -> int | None:
    """The day of the month a match names (digits, "1er", or a spelled-out day)."""
    groups = m.groupdict()
    word = _g(m, "dw", "dw2")
    if word is not None:
        dd = ctx.lex.day_words[" ".join(word.lower().split())]
        if dd <= 2 and not groups.get("dw2") and not m["y"]:
            return None  # "May first", "March second": too often not a date
        return dd
    if (groups.get("d") or "").lower() == "1er":
        return 1
    return int(re.sub(r"\D", "", groups.get("d") or ""))


def _day_after_word(
    m: re.Match[str], ctx: Context, month: int, dd: int, last: int
) -> Resolved | None:
    """ "le 6 mai dernier", "6 شباط الماضي": the last 6 May before publication; "le 13 avril
    prochain", "10 تموز المقبل": the next one after it."""
    step = ctx.lex.relative.get(_norm(_g(m, "ydir", "reldir") or ""))
    if not isinstance(step, int) or not step:
        return None
    pub = ctx.published
    here, now = (month, dd), (pub.month, pub.day)
    y = pub.year
    if step < 0 and here > now:
        y -= 1
    elif step > 0 and here < now:
        y += 1
    d = datetime.date(y, month, dd)
    res = _period_result(cal.day(d))
    res.interval = (d, d.replace(day=last))
    res.rule = "day-month-relative"
    return _with_part(res, m, ctx)


def _dated(m: re.Match[str], ctx: Context, y: int, month: int, dd: int, last: int) -> Resolved:
    """The day (or days, ``dd``..``last``) of a month in year ``y``, its part of day kept."""
    d = datetime.date(y, month, dd)
    res = _period_result(cal.day(d), anchor_kind="")
    res.interval = (d, d.replace(day=last))
    return _with_part(res, m, ctx)


def _yearless_day(m: re.Match[str], ctx: Context, month: int, dd: int, last: int) -> Resolved:
    """A day and month without a year: a weekday alongside, or the sentence, names it."""
    pub = ctx.published
    groups = m.groupdict()
    wd = ctx.lex.weekdays.get(_norm(groups["wd"])) if groups.get("wd") else None
    fits = [
        y
        for y in (pub.year, pub.year - 1, pub.year + 1)
        if wd is not None
        and _valid(y, month, dd)
        and datetime.date(y, month, dd).isoweekday() == wd
    ]
    # "Monday, Oct. 26": the weekday names the year.
    y = fits[0] if fits else _month_year(ctx, m.start(), m.end(), month, dd)
    if not _valid(y, month, dd):
        # "February 29" in a common year: the nearest leap year before it (a story may
        # still place it, below)
        y = next((c for c in range(y - 1, y - 4, -1) if _valid(c, month, dd)), y)
    d = datetime.date(y, month, dd)
    res = _period_result(cal.day(d))
    res.interval = (d, d.replace(day=last))
    res.rule = "day-month-ahead" if d > pub else "day-month-back"

    def story(st: Story) -> Resolved | None:
        y = story_year(st, month, dd)
        if wd is not None:
            for c in (y, y - 1, y + 1):
                if _valid(c, month, dd) and datetime.date(c, month, dd).isoweekday() == wd:
                    y = c
                    break
        told = story_result(st, "day", y, month, dd)
        if told is None:
            return None
        if told.interval is not None:
            told.interval = (told.interval[0], told.interval[0].replace(day=last))
        told.rule = "day-month-story"
        return _with_part(told, m, ctx)

    res.story = story
    return _with_part(res, m, ctx)


@resolver("abs_day", needs=("month",))
@resolver("dateline_day", needs=("digit",))
def r_abs_day(m: re.Match[str], ctx: Context) -> Resolved | None:
    """A day and month, with or without year; a weekday alongside names the year."""
    month = _month_index(ctx.lex, _g(m, "mon", "mon2") or "")
    if month is None:
        return None
    dd = _day_of(m, ctx)
    if dd is None:
        return None
    last = int(_g(m, "d2", "d3") or dd)
    if last <= dd:
        last = dd  # "March 14-12" is no range
    rel = _g(m, "rel", "rel2", "rel3")
    if rel is not None:
        # "7 de agosto del año pasado", "le 3 mai de l'an dernier"
        offset = ctx.lex.relative.get(_norm(rel))
        if not isinstance(offset, int):
            return None
        d = datetime.date(ctx.published.year + offset, month, dd)
        return _period_result(cal.day(d))
    written = m["y"] or m.groupdict().get("yy")
    if written:
        # "27 mai 1998"; "le 10 novembre 93": a year of two digits, in its century
        return _dated(m, ctx, _year_from_text(written, ctx.published), month, dd, last)
    if _g(m, "ydir", "reldir") and (found := _day_after_word(m, ctx, month, dd, last)):
        return found
    before = ctx.before(m.start(), 20)
    if (
        (_g(m, "mon", "mon2") or "").lower() == "may"
        and _NAME_BEFORE_MONTH.search(before)
        and not _CAPITAL_FUNCTION_WORD.search(before)
    ):
        return None  # "Theresa May 6 ..." is a name; "On May 6" is a date
    closing = _RANGE_YEAR_AFTER.match(ctx.after(m.end(), 40))
    if closing:
        # "from February 9 to February 28, 2011": the range's year is written once, last
        return _dated(m, ctx, int(closing.group(1)), month, dd, last)
    return _yearless_day(m, ctx, month, dd, last)


def _with_part(res: Resolved, m: re.Match[str], ctx: Context) -> Resolved:
    """ "la noche del 7 de septiembre": the day's part, as a TIME."""
    part = m.groupdict().get("part")
    if part and res.period is not None and res.period.grain == "day":
        res.type = TIME
        res.value = f"{res.value}T{ctx.lex.parts_of_day[_norm(part)]}"
    return res


_NTH_WEEK = {"first": 1, "second": 8, "third": 15, "fourth": 22}


@resolver("week_of_month", needs=("month",))
def r_week_of_month(m: re.Match[str], ctx: Context) -> Resolved | None:
    """the first week of March: its seven days, as the ISO week holding most of them."""
    month = _month_index(ctx.lex, m["mon"])
    if month is None:
        return None
    nth = _norm(m["nth"])

    def week(y: int, kind: str) -> Resolved:
        end_day = cal.last_day(y, month)
        first = _NTH_WEEK.get(nth, end_day - 6)
        start = datetime.date(y, month, first)
        stop = datetime.date(y, month, min(first + 6, end_day))
        res = _period_result(cal.week_of(start + datetime.timedelta(days=3)), anchor_kind=kind)
        res.interval = (start, stop)
        res.rule = "week-of-month"
        return res

    if m["y"]:
        return week(int(m["y"]), "")
    res = week(_month_year(ctx, m.start(), m.end(), month, None), "published")
    res.story = lambda st: _in_story(week, st, month)
    return res


def _in_story(
    build: Callable[[int, str], Resolved], st: Story, month: int, day: int = 0
) -> Resolved | None:
    """``build`` (a year, an anchor kind) run for the story's year, when the calendar
    holds it."""
    y = story_year(st, month, day)
    if not cal.MIN_YEAR <= y <= cal.MAX_YEAR:
        return None
    return build(y, "story")


@resolver("day_of_month", needs=("digit",))
def r_day_of_month(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "o dia 5": a day of the month the story is in, its direction from the sentence."""
    dd = int(re.sub(r"\D", "", m["d"]))
    pub = ctx.published
    ahead = ctx.direction(m.start(), m.end()) == "future"
    y, month = pub.year, pub.month
    if dd > pub.day and not ahead:
        y, month = (y, month - 1) if month > 1 else (y - 1, 12)
    elif dd < pub.day and ahead:
        y, month = (y, month + 1) if month < 12 else (y + 1, 1)
    if not _valid(y, month, dd):
        return None
    d = datetime.date(y, month, dd)
    res = _period_result(cal.day(d))
    res.interval = (d, d)
    res.rule = "day-of-month"
    return res


@resolver("month_year", needs=("month",))
def r_month_year(m: re.Match[str], ctx: Context) -> Resolved | None:
    """A month and year (February 2020), with early/mid/late."""
    month = _month_index(ctx.lex, _g(m, "mon", "mon2") or "")
    if month is None:
        return None
    y = _year_from_text(m["y"] or m.groupdict().get("yy") or "", ctx.published)
    return _period_result(cal.month(y, month), _mod(m, ctx), anchor_kind="")


@resolver("month_rel_year", needs=("month",))
def r_month_rel_year(m: re.Match[str], ctx: Context) -> Resolved | None:
    """A month with a relative year (September last year, septiembre del año pasado,
    8 September last year)."""
    month = _month_index(ctx.lex, m["mon"])
    offset = ctx.lex.relative.get(_norm(_g(m, "rel", "rel2", "rel3") or ""))
    if month is None or not isinstance(offset, int):
        return None
    day = _g(m, "d", "d2")
    if day:
        d = datetime.date(ctx.published.year + offset, month, int(day))
        return _period_result(cal.day(d))
    return _period_result(cal.month(ctx.published.year + offset, month), _mod(m, ctx))


@resolver("rel_month", needs=("month",))
def r_rel_month(m: re.Match[str], ctx: Context) -> Resolved | None:
    """last/next/this + month (last May, septembre dernier)."""
    month = _month_index(ctx.lex, m["mon"])
    offset = ctx.lex.relative.get(_norm(m["rel"]))
    if month is None or not isinstance(offset, int):
        return None
    pub = ctx.published
    if offset < 0:
        # "last August" written in September is a year back: the month just gone would
        # be "last month"
        gap = 1 if ctx.lex.feature("last_month_skips_the_month_just_gone") else 0
        y = pub.year if month < pub.month - gap else pub.year - 1
    elif offset > 0:
        y = pub.year if month > pub.month else pub.year + 1
    else:
        y = pub.year
    return _period_result(cal.month(y, month), _mod(m, ctx))


_MAY_PERSON = re.compile(r"(?-i:\b(?:[A-Z][a-z]+|Mrs?\.|Ms\.)\s+May\b)")
_DATE_LEAD = re.compile(
    r"(?i)(?:\b(?:in|on|by|since|until|till|from|through|during|before|after|early|late|mid|"
    r"last|next|this|of|between)\s+|\bmid-|[-–]\s*|"
    # "April and May", "March to May": another month leads it
    r"\b(?:january|february|march|april|june|july|august|september|october|november|december)"
    r"\s+(?:and|to|or|through)\s+)$"
)


def _may_is_a_person(ctx: Context) -> bool:
    """True when the text names someone May ("Theresa May", "Mrs. May"): a bare "May"
    is then that person unless a date word leads it ("in May", "since May")."""
    cached = ctx.memo.get("may_person")
    if cached is None:
        cached = False
        for found in _MAY_PERSON.finditer(ctx.text):
            before = ctx.text[max(0, found.start() - 1) : found.end() - 3]
            if not _CAPITAL_FUNCTION_WORD.search(before) and not re.match(
                r"(?:In|On|By|Since|Until|From|Early|Late|Mid|Last|Next|This|Through|During)\b",
                found.group(),
            ):
                cached = True
                break
        ctx.memo["may_person"] = cached
    return cached


_MONTH_THEN_YEAR = re.compile(
    r"(?i)\s*(?:,|and|or|to|through|-|–|/|et|ou|à|au|y|o|a|al|hasta)\s*(?:early\s+|late\s+|mid-)?"
    r"([^\W\d_]{3,})\.?\s+(?:de\s+|of\s+)?((?:1[0-9]|20)\d\d)\b"
)
_MONTH_PAIR = re.compile(
    r"(?i)\b(?:between|from)\s+(january|february|march|april|may|june|july|august|september|"
    r"october|november|december)\s+(?:and|to|until|through)\s+$"
)


def _month_is_a_name(m: re.Match[str], ctx: Context, before: str) -> bool:
    """Whether a month word is a name here ("Plaza de Mayo", "Theresa May", "the March for
    Life") or a verb ("May be"), not a month."""
    word = m["mon"].lower()
    if (
        ctx.lex.feature("months_lower_case")
        and m["mon"][:1].isupper()
        and not _mod(m, ctx)
        and re.search(r"[\w,;]\s+$", before)
    ):
        return True  # months are lower case in French and Spanish: "Plaza de Mayo" is a name
    if word in ctx.lex.name_months:
        # "Theresa May", "Sen. March": a capitalised word right before is a name.
        if (
            _NAME_BEFORE_MONTH.search(before)
            and not re.search(r"(?:^|[.!?]\s+)[A-Z][a-z]*\s+$", before)
            and not _CAPITAL_FUNCTION_WORD.search(before)
        ):
            return True
        if re.match(r"\s+(?:for|of)\s+(?:the\s+)?[A-Z]", ctx.after(m.end(), 20)):
            return True  # "the March for Life", "the March of the Mothers": a name
        if word == "may" and re.match(
            r"\s+(?:be|have|not|also|well|never|I|we|you)\b", ctx.after(m.end())
        ):
            return True
        if (
            word == "may"
            and _may_is_a_person(ctx)
            and (not _DATE_LEAD.search(before) or re.match(r"['’]s\b", ctx.after(m.end(), 3)))
            and not _mod(m, ctx)
        ):
            return True  # "May invited the party leaders": Theresa May, named earlier
    return False


@resolver("month", needs=("month",))
def r_month(m: re.Match[str], ctx: Context) -> Resolved | None:
    """A month alone: its year from the sentence's cues, else closeness."""
    month = _month_index(ctx.lex, m["mon"])
    if month is None:
        return None
    before = ctx.before(m.start(), 30)
    if _month_is_a_name(m, ctx, before):
        return None
    then = _MONTH_THEN_YEAR.match(ctx.after(m.end(), 40))
    second = _month_index(ctx.lex, then.group(1)) if then else None
    if then is not None and second is not None:
        # "in April and June 1955", "de mars à mai 2003": the year written once, last
        y = int(then.group(2)) - (1 if month > second else 0)
        return _period_result(cal.month(y, month), _mod(m, ctx), anchor_kind="")
    y = _month_year(ctx, m.start(), m.end(), month, None)
    pair = _MONTH_PAIR.search(before)
    if pair is not None:
        first = _month_index(ctx.lex, pair.group(1))
        start_first = m.start() - len(before) + pair.start(1)
        if first is not None and first < month:
            # "between April and September": the same year as the first month
            y = _month_year(ctx, start_first, start_first + len(pair.group(1)), first, None)
    mod = _mod(m, ctx)
    res = _period_result(cal.month(y, month), mod)
    pub = ctx.published
    res.rule = (
        "month-this"
        if y == pub.year and month == pub.month
        else ("month-ahead" if (y, month) > (pub.year, pub.month) else "month-back")
    )

    def story(st: Story) -> Resolved | None:
        told = story_result(st, "month", story_year(st, month), month, mod=mod)
        if told is not None:
            told.rule = "month-story"
        return told

    res.story = story
    return res


def _looks_like_year(m: re.Match[str], ctx: Context) -> bool:
    """A bare four-digit number is a year only where counts are unlikely."""
    y = int(m["y"])
    before = ctx.before(m.start("y"), 30)
    after = ctx.after(m.end("y"), 30)
    if _QUANTIFIERS.search(before):
        return False
    nxt = re.match(r"\s*([^\W\d_]+)", after)
    if nxt and _COUNT_NOUNS.match(nxt.group(1)):
        return False
    if re.match(r"\s*(?:-|to|and|or|y|et)\s*\d{1,3}\b(?!\d)", after) and not re.match(
        r"\s*-\s*\d{2}\b", after
    ):
        return False
    if re.match(r"\s*(?:%|percent|por\s+ciento|pour\s+cent)", after):
        return False
    if 1900 <= y <= 2100:
        return True
    return bool(_TEMPORAL_PREP.search(before))


@resolver("year", needs=("digit",))
def r_year(m: re.Match[str], ctx: Context) -> Resolved | None:
    """A four-digit year, unless it reads as a count (2,500 troops, 1500 people)."""
    if not _g(m, "mod") and not _g(m, "fy") and not _looks_like_year(m, ctx):
        return None
    return _period_result(cal.year(int(m["y"])), _mod(m, ctx), anchor_kind="")


@resolver("decade", needs=("digit", "other", "unit"))
def r_decade(m: re.Match[str], ctx: Context) -> Resolved | None:
    """Decades (the 1990s, the '90s, the nineties, les années 1990)."""
    dy = _g(m, "dy", "dy2")
    if dy and dy.endswith("00") and ctx.lex.feature("hundreds_are_centuries"):
        # "the 1800s", "the mid-1900s": a century, not the decade 1800-1809
        return Resolved(DATE, dy[:2], mod=_mod(m, ctx), rule="century")
    if dy:
        first = int(dy)
    else:
        yy = _g(m, "dyy", "dyy2")
        words = ctx.lex.table("decades")
        d = int(yy) * 10 if yy is not None else int(words[_norm(_g(m, "dw", "dw2") or "")])
        century = ctx.published.year // 100 * 100
        first = century + d if century + d <= ctx.published.year else century - 100 + d
    return _period_result(cal.decade(first), _mod(m, ctx), anchor_kind="")


@resolver("century", needs=("unit",))
def r_century(m: re.Match[str], ctx: Context) -> Resolved | None:
    """Centuries (the 20th century): a value only, coarser than any precision."""
    groups = m.groupdict()
    if groups.get("roman") or groups.get("crel"):
        # "el siglo XX", "le XIXe siècle", "el siglo pasado"
        if groups.get("crel"):
            n = ctx.published.year // 100  # the 20th century, written in the 21st
        else:
            n = {"xviii": 18, "xix": 19, "xx": 20, "xxi": 21}[groups["roman"].lower().rstrip("e")]
        return Resolved(DATE, f"{n - 1:02d}", mod=_mod(m, ctx), rule="century")
    if groups.get("cend"):
        word = groups["cend"].lower()
        mod = {"end": "END", "turn": "END", "middle": "MID"}.get(word, "START")
        return Resolved(DATE, f"{ctx.published.year // 100:02d}", mod=mod, rule="century")
    if groups.get("c"):
        n = int(m["c"])
    else:
        n = {"eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21}[
            m["cw"].lower()
        ]
    if not 11 <= n <= 22:
        return None
    # Centuries are coarser than any product precision: value only, no interval.
    return Resolved(DATE, f"{n - 1:02d}", mod=_mod(m, ctx), rule="century")


@resolver("season", needs=("other",))
def r_season(m: re.Match[str], ctx: Context) -> Resolved | None:
    """Seasons, with a year or relative word (last spring, the summer of 2020)."""
    word = _norm(_g(m, "s", "s2", "s3", "s4", "s5") or "")
    code = ctx.lex.table("seasons").get(word)
    if code is None:
        return None
    pub = ctx.published
    rel = _g(m, "rel", "rel2")
    mod = _mod(m, ctx)
    if m.groupdict().get("y"):
        return _period_result(cal.season(int(m["y"]), code), mod, anchor_kind="")
    the = _g(m, "the", "the2", "the0")
    if word == "fall" and re.match(r"\s+of\s+(?:the\s+|(?-i:[A-Z]))", ctx.after(m.end(), 24)):
        return None  # "the fall of Atlanta": a defeat, not a season
    bare = False
    if rel is None and m.groupdict().get("rel2") is None and not (the or mod):
        bare = _bare_season(m, ctx, word)
        if not bare and (
            word in ("fall", "spring") or ctx.lex.feature("seasons_need_a_determiner")
        ):
            return None
    offset = ctx.lex.relative.get(_norm(rel), 0) if rel else None
    if m.groupdict().get("bare") is not None and not mod:
        # "en été", "en verano" without an article: in the present tense, every summer
        found = ctx.cue(m.start(), m.end())
        if found is None or not found[2] or found[1] > 8:
            return Resolved(DATE, f"XXXX-{code}", rule="season-generic")
    if m.groupdict().get("rel2"):
        y = pub.year + int(ctx.lex.relative.get(_norm(m["rel2"]), 0))  # type: ignore[arg-type]
        return _period_result(cal.season(y, code), mod)
    current = cal.season_of(pub)
    candidates = [cal.season(y, code) for y in (pub.year - 2, pub.year - 1, pub.year, pub.year + 1)]
    if offset == -1:
        chosen = max((p for p in candidates if p.interval()[1] < current.interval()[0]), key=_start)
    elif offset == 1:
        chosen = min((p for p in candidates if p.interval()[0] > current.interval()[1]), key=_start)
    else:
        direction = None if offset == 0 else ctx.direction(m.start(), m.end())
        if direction == "past":
            chosen = max((p for p in candidates if p.interval()[0] <= pub), key=_start)
        elif direction == "future":
            chosen = min((p for p in candidates if p.interval()[1] >= pub), key=_start)
        else:
            chosen = min(candidates, key=lambda p: abs((p.interval()[0] - pub).days + 45))
        res = _period_result(chosen, mod)
        # a bare season ("the onset of winter") is read in the story but does not move it
        res.sets_prev = not bare
        if offset is None:
            index = cal.SEASONS.index(code)
            res.story = lambda st: story_result(
                st, "season", story_year(st, 3 * index + 3), index, mod=mod
            )
        return res
    res = _period_result(chosen, mod)
    return res


def _bare_season(m: re.Match[str], ctx: Context, word: str) -> bool:
    """A season without a determiner that is a date all the same: one of the language's
    [bare_seasons], in lower case, followed by what the table asks for ("winter", "spring
    offensive")."""
    after = ctx.lex.table("bare_seasons").get(word)
    if after is None or not m.group(0)[-len(word) :].islower():
        return False
    return not after or re.match(after, ctx.after(m.end(), 24)) is not None


def _start(p: Period) -> datetime.date:
    return p.interval()[0]


@resolver("quarter", needs=("digit", "unit"))
def r_quarter(m: re.Match[str], ctx: Context) -> Resolved | None:
    """Quarters (the third quarter of 2020, Q3, third-quarter)."""
    q = ctx.lex.table("ordinals").get(m["q"].lower()) if not m["q"].isdigit() else int(m["q"])
    if q is None:
        return None
    pub = ctx.published
    if m.groupdict().get("y"):
        return _period_result(cal.quarter(int(m["y"]), q), anchor_kind="")
    rel = m.groupdict().get("rel")
    the = (m.groupdict().get("the") or "").lower()
    if rel:
        y = pub.year + int(ctx.lex.relative[_norm(rel)])  # type: ignore[arg-type]
    elif the.startswith(("last year", "next year")):
        y = pub.year + (-1 if the.startswith("last") else 1)
    elif the.startswith("this year"):
        y = pub.year
    else:
        y = _quarter_default(q, pub, ctx.direction(m.start(), m.end()))
        res = _period_result(cal.quarter(y, q))
        res.story = lambda st: story_result(st, "quarter", st.year, q)
        return res
    return _period_result(cal.quarter(y, q))


@resolver("month_range", needs=("month",))
def r_month_range(m: re.Match[str], ctx: Context) -> Resolved | None:
    """the January-March period: a quarter when the months make one, else a span of months
    valued by its first month."""
    first = _month_index(ctx.lex, m["m1"])
    last = _month_index(ctx.lex, m["m2"])
    if first is None or last is None or last <= first:
        return None
    pub = ctx.published
    if m["y"]:
        y, kind = int(m["y"]), ""
    else:
        # A reporting period: the last one completed, unless a plan word is right there.
        found = ctx.cue(m.start(), m.end())
        ahead = found is not None and found[0] == "future" and found[2] and found[1] <= 4
        y = pub.year if last < pub.month or ahead else pub.year - 1
        kind = "published"

    def span(y: int, kind: str) -> Resolved:
        if (first - 1) % 3 == 0 and last == first + 2:
            res = _period_result(cal.quarter(y, (first - 1) // 3 + 1), anchor_kind=kind)
        else:
            res = _period_result(cal.month(y, first), anchor_kind=kind)
            res.interval = (
                datetime.date(y, first, 1),
                datetime.date(y, last, cal.last_day(y, last)),
            )
        res.rule = "month-range"
        return res

    res = span(y, kind)
    if kind:
        res.story = lambda st: _in_story(span, st, first)
    return res


@resolver("half", needs=("other", "unit"))
def r_half(m: re.Match[str], ctx: Context) -> Resolved | None:
    """Half-years (the first half of 2020; "in the first half": the story's year)."""
    word = m["h"].lower()
    first = word in ("first", "premier", "primer") or ctx.lex.table("ordinals").get(word) == 1
    h = 1 if first else 2  # second or last half
    if m.groupdict().get("y"):
        y, kind = int(m["y"]), ""
    elif m.groupdict().get("rel"):
        y, kind = ctx.published.year + int(ctx.lex.relative[_norm(m["rel"])]), "published"  # type: ignore[arg-type]
    else:
        res = _period_result(Period("half", cal.check_year(ctx.published.year), h))
        res.story = lambda st: story_result(st, "half", st.year, h)
        return res
    return _period_result(Period("half", cal.check_year(y), h), anchor_kind=kind)


@resolver("year_quarter", needs=("digit",))
def r_year_quarter(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ "the 1988 quarter" / "the 1988 period": the quarter under discussion, in that year."""
    y = int(m["y"])
    cal.check_year(y)
    pub = ctx.published
    what = m["what"].lower()

    def later(state: State) -> Resolved | None:
        q = state.prev_quarter
        if q is None and what == "period":
            return _period_result(cal.year(y), anchor_kind="")
        index = q.index if q is not None else cal.shifted("quarter", pub, -1).index
        kind = "previous" if q is not None else "published"
        return _period_result(cal.quarter(y, index), anchor_kind=kind)

    return Resolved(DATE, later=later, sets_prev=False)


@resolver("spoken_year", needs=("other",))
def r_spoken_year(m: re.Match[str], ctx: Context) -> Resolved | None:
    # Broadcast transcripts spell years out: "nineteen ninety-six", "two thousand and one".
    tens, ones = ctx.lex.table("spoken_tens"), ctx.lex.table("spoken_ones")
    if m["tt"]:
        y = 2000 + (ones.get(_norm(m["ty"]), 0) if m["ty"] else 0)
    else:
        century = 1900 if m["sy"].lower() == "nineteen" else 1800
        rest = 0
        for word in re.split(r"[\s-]+", _norm(m["yy"])):
            rest += tens.get(word, 0) + ones.get(word, 0)
        y = century + rest
    if m.groupdict().get("smon"):
        month = _month_index(ctx.lex, m["smon"])
        if month is not None:
            return _period_result(cal.month(y, month), anchor_kind="")
    if m.groupdict().get("ss"):
        code = ctx.lex.table("seasons").get(m["ss"].lower())
        if code:
            return _period_result(cal.season(y, code), anchor_kind="")
    return _period_result(cal.year(y), anchor_kind="")


@resolver("week_of", needs=("month",))
def r_week_of(m: re.Match[str], ctx: Context) -> Resolved | None:
    """the week of March 9."""
    month = _month_index(ctx.lex, m["mon"])
    if month is None:
        return None
    dd = int(re.sub(r"\D", "", m["d"]))
    if m["y"]:
        return _period_result(cal.week_of(datetime.date(int(m["y"]), month, dd)), anchor_kind="")
    y = _month_year(ctx, m.start(), m.end(), month, dd)
    res = _period_result(cal.week_of(datetime.date(y, month, dd)))
    res.story = lambda st: _in_story(
        lambda y, kind: _period_result(cal.week_of(datetime.date(y, month, dd)), anchor_kind=kind),
        st,
        month,
        dd,
    )
    return res


_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def _roman(numeral: str) -> int | None:
    """The value of a roman numeral ("XIX" 19, "Ve" 5), None when it is not one."""
    total, last = 0, 0
    for ch in reversed(numeral.lower().rstrip("e")):
        value = _ROMAN.get(ch)
        if value is None:
            return None
        total += -value if value < last else value
        last = max(last, value)
    return total or None


@resolver("bc_date", needs=("era",))
def r_bc_date(m: re.Match[str], ctx: Context) -> Resolved | None:
    """Dates before the common era (480 BC, September 480 BC, the 5th century BC, the 470s
    BC): TimeML writes the year BC0480 ("BC04" for the 5th century, "BC047" for the 470s).

    Python dates do not reach these years, so the expression places nothing on the
    timeline; its value is right, and it sets the story's time ("In 480 BC ... in
    September").
    """
    groups = m.groupdict()
    mod = _mod(m, ctx)
    if groups.get("approx"):
        mod = mod or "APPROX"
    if groups.get("c") or groups.get("dw") or groups.get("roman"):
        if groups.get("c"):
            n = int(m["c"])
        elif groups.get("roman"):
            n = _roman(m["roman"]) or 0
        else:
            n = ctx.lex.day_words.get(_norm(m["dw"]), 0)
        if not 1 <= n <= 99:
            return None
        return Resolved(DATE, f"BC{n - 1:02d}", mod, rule="bc-century")
    if groups.get("dy"):
        return Resolved(DATE, f"BC{int(m['dy']) // 10:03d}", mod, rule="bc-decade")
    y = int(m["y"])
    if not 1 <= y <= 9999:
        return None
    value = f"BC{y:04d}"
    month = _month_index(ctx.lex, _g(m, "mon") or "") if _g(m, "mon") else None
    season = ctx.lex.table("seasons").get(_norm(_g(m, "s") or "")) if _g(m, "s") else None
    if month is not None:
        value += f"-{month:02d}"
        day = _g(m, "d", "d2")
        if day:
            if not _valid(2000, month, int(day)):  # a leap year: any day a month can have
                return None
            value += f"-{int(day):02d}"
    elif season is not None:
        value += f"-{season}"
    return Resolved(DATE, value, mod, rule="bc-date")


@resolver("year_range", needs=("digit",))
def r_year_range(m: re.Match[str], ctx: Context) -> Resolved | None:
    """A span of years written as one ("1861-1863", "throughout 1915-17", "(1957-60)").

    The timeline gets one expression, valued by its first year, whose interval runs to the
    end of the last; TimeML output writes the two years as two TIMEX3 (see
    :func:`timeline.extraction.timeml.timexes_from_expressions`). Two years in a row are
    evidence enough that these are years, unless they count something ("1500-2000 troops").
    """
    y = int(m["y"])
    raw = m["y2"]
    last = int(raw) if len(raw) == 4 else y // 100 * 100 + int(raw)
    if not y < last <= y + 100:
        return None
    if _QUANTIFIERS.search(ctx.before(m.start(), 30)):
        return None
    after = ctx.after(m.end(), 30)
    nxt = re.match(r"\s*([^\W\d_]+)", after)
    if (nxt and _COUNT_NOUNS.match(nxt.group(1))) or re.match(
        r"\s*(?:%|percent|por\s+ciento|pour\s+cent)", after
    ):
        return None
    res = _period_result(cal.year(y), anchor_kind="")
    res.interval = (datetime.date(y, 1, 1), datetime.date(cal.check_year(last), 12, 31))
    res.rule = "year-range"
    return res


@resolver("weekday_day", needs=("wd",))
def r_weekday_day(m: re.Match[str], ctx: Context) -> Resolved | None:
    """A weekday with a day of the month but no month ("el lunes 12", "lundi 12"): the
    date nearest the publication that falls on that weekday (within two months)."""
    wd = ctx.lex.weekdays.get(_norm(m["wd"]))
    raw = (m["d"] or "").lower()
    if wd is None:
        return None
    dd = 1 if raw == "1er" else int(re.sub(r"\D", "", raw))
    pub = ctx.published
    best: datetime.date | None = None
    for k in range(-2, 3):
        y, month = divmod(pub.year * 12 + pub.month - 1 + k, 12)
        if not _valid(y, month + 1, dd):
            continue
        d = datetime.date(y, month + 1, dd)
        if d.isoweekday() == wd and (best is None or abs(d - pub) < abs(best - pub)):
            best = d
    if best is None:
        return None
    res = _period_result(cal.day(best))
    res.interval = (best, best)
    res.rule = "weekday-day"
    return res
