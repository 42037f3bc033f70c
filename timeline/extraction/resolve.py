"""Resolution rules: from a grammar match and its context to a TIMEX3 value.

Every resolver takes the regex match and a :class:`Context` (the text, publication date,
lexicon, the sentence around the match) and returns a :class:`Resolved`, or ``None`` when
the match is not a temporal expression after all (a count such as "2,500 troops", a name
such as "Theresa May"). Expressions that continue the story ("two days later", "that day")
return a ``Resolved`` whose ``later`` callback is run in text order with the previous date.
"""

from __future__ import annotations

import bisect
import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from . import timex_calendar as cal
from .timex_calendar import OutOfRange, Period
from .timex_lexicon import Lexicon
from .types import DATE, DURATION, SET, TIME

_UNIT_CODE = {
    "second": ("T", "S"),
    "minute": ("T", "M"),
    "hour": ("T", "H"),
    "day": ("", "D"),
    "week": ("", "W"),
    "fortnight": ("", "W"),
    "month": ("", "M"),
    "quarter": ("", "Q"),
    "year": ("", "Y"),
    "decade": ("", "DE"),
    "century": ("", "CE"),
}
# Calendar grain used when a unit moves a date ("three weeks ago" lands in a week).
_UNIT_GRAIN = {
    "day": "day",
    "week": "week",
    "fortnight": "week",
    "month": "month",
    "quarter": "quarter",
    "year": "year",
    "decade": "year",
    "century": "year",
}
_ADVERB_SET = {
    "daily": "P1D",
    "nightly": "XXXX-XX-XXTNI",
    "weekly": "P1W",
    "biweekly": "P2W",
    "monthly": "P1M",
    "quarterly": "P3M",
    "annually": "P1Y",
    "yearly": "P1Y",
    "hourly": "PT1H",
    "quotidiennement": "P1D",
    "hebdomadairement": "P1W",
    "mensuellement": "P1M",
    "annuellement": "P1Y",
    "diariamente": "P1D",
    "cotidianamente": "P1D",
    "semanalmente": "P1W",
    "mensualmente": "P1M",
    "anualmente": "P1Y",
}
_SEASON_CODES = {
    "spring": "SP",
    "summer": "SU",
    "autumn": "FA",
    "fall": "FA",
    "winter": "WI",
    "printemps": "SP",
    "été": "SU",
    "automne": "FA",
    "hiver": "WI",
    "primavera": "SP",
    "verano": "SU",
    "otoño": "FA",
    "invierno": "WI",
}
_ORDINALS = {
    "premier": 1,
    "1er": 1,
    "deuxième": 2,
    "2e": 2,
    "troisième": 3,
    "3e": 3,
    "quatrième": 4,
    "4e": 4,
    "dernier": 4,
    "primer": 1,
    "segundo": 2,
    "tercer": 3,
    "cuarto": 4,
    "último": 4,
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
    "last": 4,
    "final": 4,
}
_REF_WORDS = {
    "now": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "presently": "PRESENT_REF",
    "these days": "PRESENT_REF",
    "maintenant": "PRESENT_REF",
    "actuellement": "PRESENT_REF",
    "à présent": "PRESENT_REF",
    "ahora": "PRESENT_REF",
    "actualmente": "PRESENT_REF",
    "en la actualidad": "PRESENT_REF",
    "recently": "PAST_REF",
    "lately": "PAST_REF",
    "previously": "PAST_REF",
    "formerly": "PAST_REF",
    "the past": "PAST_REF",
    "récemment": "PAST_REF",
    "recientemente": "PAST_REF",
}
_DEICTIC = {
    "today": 0,
    "tonight": 0,
    "yesterday": -1,
    "tomorrow": 1,
    "the day before yesterday": -2,
    "the day after tomorrow": 2,
    "aujourd'hui": 0,
    "hier": -1,
    "demain": 1,
    "avant-hier": -2,
    "après-demain": 2,
    "hoy": 0,
    "ayer": -1,
    "mañana": 1,
    "anteayer": -2,
    "antier": -2,
    "pasado mañana": 2,
}
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
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d+")
_NAME_BEFORE_MONTH = re.compile(r"(?-i:[A-Z][a-z]+|[A-Z]\.)\s+$")
# Capitalised words that open a sentence or a heading but never end a name ("On May 6").
_CAPITAL_FUNCTION_WORD = re.compile(
    r"(?-i:\b(?:On|In|By|Since|Until|Till|From|Before|After|Through|During|Around|"
    r"About|To|For|At|Of|And|But|Or|Then|Late|Early|Mid|Last|Next|This|Each|Every|"
    r"The)\s+$)"
)
_MONEY_BEFORE = re.compile(
    r"(?i)(?:\d|\b(?:million|billion|trillion|thousand|percent|dollars|euros|pounds|cents))"
    r"[\s%]*$|%\s*$"
)


# Words before a past participle that make it a plan ("to be completed", "will be held").
_FUTURE_PASSIVE = frozenset({"be", "being", "will", "would", "to", "shall"})


@dataclass(slots=True)
class State:
    """What the text-order pass knows: the previous date and the previous quarter."""

    prev: Period | None = None
    prev_quarter: Period | None = None
    prev_pos: int = -1
    prev_end: int = -1
    # The last day-precise date, for "that day" after a coarser date ("in 2005 ... on
    # Sept. 15 ... that year ... the same day").
    prev_day: Period | None = None


@dataclass(slots=True)
class Resolved:
    """A resolved (or deferred) expression before it becomes a TemporalExpression."""

    type: str
    value: str = ""
    mod: str = ""
    period: Period | None = None
    anchor_kind: str = ""
    rule: str = ""
    interval: tuple[datetime.date, datetime.date] | None = None
    # The span counted from the anchor ("three days later": P3D), as an ISO 8601 duration.
    offset: str = ""
    later: Callable[[State], Resolved | None] | None = field(default=None, repr=False)
    # Whether later expressions may anchor on this one. Comparisons ("a year earlier",
    # "the year-ago quarter") point back from the story's time; they do not move it.
    sets_prev: bool = True


@dataclass(slots=True)
class Context:
    """The text around a match, shared by every resolver."""

    text: str
    published: datetime.date
    lex: Lexicon
    sentences: list[tuple[int, int]]
    _starts: list[int] = field(default_factory=list)
    # Per-document facts worked out once ("is May a person here?").
    memo: dict[str, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._starts = [s for s, _ in self.sentences]

    def sentence(self, pos: int) -> tuple[int, int]:
        """The sentence span holding ``pos`` (the whole text when sentences are missing)."""
        i = bisect.bisect_right(self._starts, pos) - 1
        if 0 <= i < len(self.sentences) and self.sentences[i][0] <= pos <= self.sentences[i][1]:
            return self.sentences[i]
        return max(0, pos - 300), min(len(self.text), pos + 300)

    def before(self, pos: int, n: int = 40) -> str:
        """Up to ``n`` characters of text before ``pos``."""
        return self.text[max(0, pos - n) : pos]

    def after(self, pos: int, n: int = 40) -> str:
        """Up to ``n`` characters of text after ``pos``."""
        return self.text[pos : pos + n]

    def cue(
        self,
        start: int,
        end: int,
        *,
        left_only: bool = False,
        reporting_is_past: bool = False,
        scheduled: bool = False,
    ) -> tuple[str, float, bool] | None:
        """The nearest tense or plan cue around ``start:end``: (direction, distance, listed).

        ``listed`` is False when the cue is only a suffix guess.

        "will withdraw by May" and "as planned" point forward; "met", "said", "was" point
        back. English suffix guesses (-ed) count for less than listed words: a past guess's
        distance (in words) is tripled and increased by two, since many -ed words are
        adjectives ("preferred shares", "armed groups") and a modal further left ("will
        redeem ... preferred shares on Oct. 31") still governs the date. In French and
        Spanish, where tense is an inflection, tense endings (reprendront, comenzará,
        viajaban, firmaron) count as listed words, unless a determiner makes the word a
        noun; an auxiliary before a past participle ("se sont rencontrés", "ha firmado") is
        a past, and the auxiliary of a reporting verb ("a annoncé") reports.
        """
        s, e = self.sentence(start)
        s = max(s, start - 200)
        e = start if left_only else min(e, end + 200)
        lex = self.lex
        words = [m for m in _WORD.finditer(self.text, s, e) if not start <= m.start() < end]
        split = bisect.bisect_left([m.start() for m in words], start)
        best: tuple[float, str, bool] | None = None
        for i, m in enumerate(words):
            dist = float(split - i) if i < split else i - split + 1.5
            if best is not None and dist >= best[0]:
                continue
            w = m.group()
            lw = w.lower()
            kind = None
            listed = True
            nxt = words[i + 1].group().lower() if i + 1 < len(words) else ""
            # (the word before the first one after the date is the date itself)
            prev = words[i - 1].group().lower() if 0 < i != split else ""
            if lw in lex.reporting or (lw in lex.auxiliaries and nxt in lex.reporting):
                # "a annoncé", "ha dicho": the auxiliary of a reporting verb reports too.
                if not reporting_is_past:
                    continue
                kind = "past"
            elif lex.future.match(w) or (lw == "to" and prev in ("is", "are")):
                kind = "future"  # "will", "plans" ...; "is to vote": a plan
            elif (
                scheduled
                and lex.present_plan is not None
                and i < split
                and dist <= 4
                and (lex.present_plan.match(w) or (lw == "effect" and prev in ("take", "takes")))
            ):
                kind = "future"  # "tallies begin Wednesday", "takes effect at 6 a.m. Monday"
            elif lex.past.match(w) and prev not in _FUTURE_PASSIVE:
                kind = "past"  # (not "will be brought", "to be held")
            elif (
                lex.participle is not None
                and prev in lex.auxiliaries
                and w[:1].islower()
                and lex.participle.search(w)
            ):
                kind = "past"  # "se sont rencontrés", "ha firmado": a compound past
            elif (
                (w[:1].islower() or (lex.inflected_tense and i == 0))
                and len(w) > 4
                and prev not in lex.determiners
            ):
                listed = False
                if lex.future_suffix is not None and lex.future_suffix.search(w):
                    if lex.inflected_tense:
                        kind, listed = "future", True  # "reprendront", "comenzará"
                    else:
                        kind, dist = "future", 2 * dist + 2
                elif (
                    lex.past_suffix is not None
                    and lex.past_suffix.search(w)
                    and not (i > 0 and words[i - 1].group().lower() in _FUTURE_PASSIVE)
                ):
                    # "to be completed by May" is a plan, not a past event.
                    if lex.inflected_tense:
                        kind, listed = "past", True  # "viajaban", "firmaron"
                    else:
                        kind, dist = "past", 3 * dist + 2
            if kind and (best is None or dist < best[0]):
                best = (dist, kind, listed)
        return (best[1], best[0], best[2]) if best else None

    def direction(self, start: int, end: int, *, left_only: bool = False) -> str | None:
        """Whether the sentence places an underspecified date in the future or the past."""
        found = self.cue(start, end, left_only=left_only)
        return found[0] if found else None


def _g(m: re.Match[str], *names: str) -> str | None:
    """The first of the named groups that matched (patterns number duplicates: s, s2)."""
    groups = m.groupdict()
    for name in names:
        v = groups.get(name)
        if v is not None:
            return v
    return None


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.strip().lower()).replace("’", "'")


def _mod(m: re.Match[str], ctx: Context) -> str:
    raw = _g(m, "mod")
    if not raw:
        return ""
    raw = _norm(raw)
    for key in ("first half", "second half"):
        if key in raw:
            return ctx.lex.modifiers[key]
    for word in re.findall(r"[^\W\d_]+", raw):
        if word in ctx.lex.modifiers:
            return ctx.lex.modifiers[word]
    return ""


def _month_index(lex: Lexicon, word: str) -> int | None:
    w = word.lower().rstrip(".")
    found = lex.months.get(w) or lex.month_abbr.get(w)
    if found is None:
        found = lex.dateline_month_abbr.get(w)  # only the dateline rule lets these through
    return found


def _month_direction(ctx: Context, start: int, end: int) -> str | None:
    """Direction for a year-less month: only a close listed cue counts."""
    found = ctx.cue(start, end)
    if found is None or found[1] > 8 or not found[2]:
        return None
    return found[0]


_DEADLINE_BEFORE = re.compile(
    r"(?i)\b(?:by|until|till|through|before|effective|(?:extended|postponed|delayed|moved)\s+"
    r"(?:\w+\s+)?to)\s+(?:the\s+end\s+of\s+)?$"
)


_DATE_PREPOSITIONS = frozenset({"in", "on", "en", "le", "el", "au", "début", "fin"})


def _reported_at(ctx: Context, start: int) -> bool:
    """True when a past reporting verb governs the date right before it ("said in June",
    "a déclaré en juin", "dijo el 3 de mayo"): the date is when it was said."""
    if re.match(r"(?i)(?:the|la|le|les|el|los|las)\s", ctx.text[start : start + 5]):
        return False  # "said the first week of March would ...": what was said
    words = _WORD.findall(ctx.before(start, 40))
    while words and words[-1].lower() in _DATE_PREPOSITIONS:
        words.pop()
    if not words:
        return False
    last = words[-1].lower()
    lex = ctx.lex
    if last not in lex.reporting or last in ("say", "says", "tell", "tells", "according"):
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
    deadline = _DEADLINE_BEFORE.search(ctx.before(start, 16)) is not None
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


def _valid(y: int, month: int, day: int) -> bool:
    try:
        datetime.date(y, month, day)
    except ValueError:
        return False
    return True


def _period_result(
    period: Period, mod: str = "", anchor_kind: str = "published", type_: str = DATE
) -> Resolved:
    interval = cal.part_interval(period, mod) if mod else period.interval()
    return Resolved(type_, period.value, mod, period, anchor_kind, interval=interval)


def _year_from_text(y: str, pub: datetime.date) -> int:
    if len(y) == 2:
        yy = int(y)
        century = pub.year // 100 * 100
        return century + yy if century + yy <= pub.year + 10 else century - 100 + yy
    return int(y)


# --- absolute and month/year-level dates ---------------------------------------------


def r_iso(m: re.Match[str], ctx: Context) -> Resolved | None:
    """ISO dates (2020-11-03, with an optional time)."""
    d = datetime.date(int(m["y"]), int(m["m"]), int(m["d"]))
    res = _period_result(cal.day(d), anchor_kind="")
    if m.groupdict().get("hh"):
        res.type = TIME
        res.value = f"{d.isoformat()}T{m['hh']}:{m['mi']}"
    return res


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


def r_abs_day(m: re.Match[str], ctx: Context) -> Resolved | None:
    """A day and month, with or without year; a weekday alongside names the year."""
    groups = m.groupdict()
    month = _month_index(ctx.lex, _g(m, "mon", "mon2") or "")
    if month is None:
        return None
    word = _g(m, "dw", "dw2")
    if word is not None:
        dd = ctx.lex.day_words[" ".join(word.lower().split())]
        if dd <= 2 and not groups.get("dw2") and not m["y"]:
            return None  # "May first", "March second": too often not a date
    elif (groups.get("d") or "").lower() == "1er":
        dd = 1
    else:
        dd = int(re.sub(r"\D", "", groups.get("d") or ""))
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
    if m["y"]:
        d = datetime.date(int(m["y"]), month, dd)
        res = _period_result(cal.day(d), anchor_kind="")
        res.interval = (d, d.replace(day=last))
        return _with_part(res, m, ctx)
    before = ctx.before(m.start(), 20)
    if (
        (_g(m, "mon", "mon2") or "").lower() == "may"
        and _NAME_BEFORE_MONTH.search(before)
        and not _CAPITAL_FUNCTION_WORD.search(before)
    ):
        return None  # "Theresa May 6 ..." is a name; "On May 6" is a date
    pub = ctx.published
    closing = _RANGE_YEAR_AFTER.match(ctx.after(m.end(), 40))
    if closing:
        # "from February 9 to February 28, 2011": the range's year is written once, last
        d = datetime.date(int(closing.group(1)), month, dd)
        res = _period_result(cal.day(d), anchor_kind="")
        res.interval = (d, d.replace(day=last))
        return _with_part(res, m, ctx)
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
    d = datetime.date(y, month, dd)
    res = _period_result(cal.day(d))
    res.interval = (d, d.replace(day=last))
    res.rule = "day-month-ahead" if d > pub else "day-month-back"
    return _with_part(res, m, ctx)


def _with_part(res: Resolved, m: re.Match[str], ctx: Context) -> Resolved:
    """ "la noche del 7 de septiembre": the day's part, as a TIME."""
    part = m.groupdict().get("part")
    if part and res.period is not None and res.period.grain == "day":
        res.type = TIME
        res.value = f"{res.value}T{ctx.lex.parts_of_day[_norm(part)]}"
    return res


def r_month_anaphoric_year(m: re.Match[str], ctx: Context) -> Resolved | None:
    """Nov. 24 that year, March the following year: the year of the previous date."""
    month = _month_index(ctx.lex, m["mon"])
    if month is None:
        return None
    dd = int(re.sub(r"\D", "", m["d"])) if m.groupdict().get("d") else None
    rel = _norm(m["rel"])
    steps = {"the following": 1, "the next": 1, "the previous": -1, "the preceding": -1}
    step = steps.get(rel, -1 if rel == "the prior" else 0)
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


_NTH_WEEK = {"first": 1, "second": 8, "third": 15, "fourth": 22}


def r_week_of_month(m: re.Match[str], ctx: Context) -> Resolved | None:
    """the first week of March: its seven days, as the ISO week holding most of them."""
    month = _month_index(ctx.lex, m["mon"])
    if month is None:
        return None
    y = int(m["y"]) if m["y"] else _month_year(ctx, m.start(), m.end(), month, None)
    nth = _norm(m["nth"])
    end_day = cal.last_day(y, month)
    first = _NTH_WEEK.get(nth, end_day - 6)
    start = datetime.date(y, month, first)
    stop = datetime.date(y, month, min(first + 6, end_day))
    res = _period_result(cal.week_of(start + datetime.timedelta(days=3)), anchor_kind="")
    if not m["y"]:
        res.anchor_kind = "published"
    res.interval = (start, stop)
    res.rule = "week-of-month"
    return res


def r_month_year(m: re.Match[str], ctx: Context) -> Resolved | None:
    """A month and year (February 2020), with early/mid/late."""
    month = _month_index(ctx.lex, m["mon"])
    if month is None:
        return None
    return _period_result(cal.month(int(m["y"]), month), _mod(m, ctx), anchor_kind="")


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


_MONTH_PAIR = re.compile(
    r"(?i)\b(?:between|from)\s+(january|february|march|april|may|june|july|august|september|"
    r"october|november|december)\s+(?:and|to|until|through)\s+$"
)


def r_month(m: re.Match[str], ctx: Context) -> Resolved | None:
    """A month alone: its year from the sentence's cues, else closeness."""
    month = _month_index(ctx.lex, m["mon"])
    if month is None:
        return None
    word = m["mon"].lower()
    before = ctx.before(m.start(), 30)
    if (
        ctx.lex.feature("months_lower_case")
        and m["mon"][:1].isupper()
        and not _mod(m, ctx)
        and re.search(r"[\w,;]\s+$", before)
    ):
        return None  # months are lower case in French and Spanish: "Plaza de Mayo" is a name
    if word in ctx.lex.name_months:
        # "Theresa May", "Sen. March": a capitalised word right before is a name.
        if (
            _NAME_BEFORE_MONTH.search(before)
            and not re.search(r"(?:^|[.!?]\s+)[A-Z][a-z]*\s+$", before)
            and not _CAPITAL_FUNCTION_WORD.search(before)
        ):
            return None
        if re.match(r"\s+(?:for|of)\s+(?:the\s+)?[A-Z]", ctx.after(m.end(), 20)):
            return None  # "the March for Life", "the March of the Mothers": a name
        if word == "may" and re.match(
            r"\s+(?:be|have|not|also|well|never|I|we|you)\b", ctx.after(m.end())
        ):
            return None
        if (
            word == "may"
            and _may_is_a_person(ctx)
            and (not _DATE_LEAD.search(before) or re.match(r"['’]s\b", ctx.after(m.end(), 3)))
            and not _mod(m, ctx)
        ):
            return None  # "May invited the party leaders": Theresa May, named earlier
    y = _month_year(ctx, m.start(), m.end(), month, None)
    pair = _MONTH_PAIR.search(before)
    if pair is not None:
        first = _month_index(ctx.lex, pair.group(1))
        start_first = m.start() - len(before) + pair.start(1)
        if first is not None and first < month:
            # "between April and September": the same year as the first month
            y = _month_year(ctx, start_first, start_first + len(pair.group(1)), first, None)
    res = _period_result(cal.month(y, month), _mod(m, ctx))
    pub = ctx.published
    res.rule = (
        "month-this"
        if y == pub.year and month == pub.month
        else ("month-ahead" if (y, month) > (pub.year, pub.month) else "month-back")
    )
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


def r_year(m: re.Match[str], ctx: Context) -> Resolved | None:
    """A four-digit year, unless it reads as a count (2,500 troops, 1500 people)."""
    if not _g(m, "mod") and not _g(m, "fy") and not _looks_like_year(m, ctx):
        return None
    return _period_result(cal.year(int(m["y"])), _mod(m, ctx), anchor_kind="")


_DECADE_WORDS = {
    **{w: 10 * i for i, w in enumerate(("twenties", "thirties", "forties", "fifties"), 2)},
    **{w: 10 * i for i, w in enumerate(("sixties", "seventies", "eighties", "nineties"), 6)},
    **{w: 10 * i for i, w in enumerate(("vingt", "trente", "quarante", "cinquante"), 2)},
    "soixante": 60, "soixante-dix": 70, "quatre-vingt": 80, "quatre-vingts": 80,
    "quatre-vingt-dix": 90,
    **{w: 10 * i for i, w in enumerate(("veinte", "treinta", "cuarenta", "cincuenta"), 2)},
    **{w: 10 * i for i, w in enumerate(("sesenta", "setenta", "ochenta", "noventa"), 6)},
}  # fmt: skip


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
        d = int(yy) * 10 if yy is not None else _DECADE_WORDS[_norm(_g(m, "dw", "dw2") or "")]
        century = ctx.published.year // 100 * 100
        first = century + d if century + d <= ctx.published.year else century - 100 + d
    return _period_result(cal.decade(first), _mod(m, ctx), anchor_kind="")


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


def r_season(m: re.Match[str], ctx: Context) -> Resolved | None:
    """Seasons, with a year or relative word (last spring, the summer of 2020)."""
    word = _norm(_g(m, "s", "s2", "s3", "s4", "s5") or "")
    code = _SEASON_CODES.get(word)
    if code is None:
        return None
    pub = ctx.published
    rel = _g(m, "rel", "rel2")
    mod = _mod(m, ctx)
    if m.groupdict().get("y"):
        return _period_result(cal.season(int(m["y"]), code), mod, anchor_kind="")
    the = _g(m, "the", "the2", "the0")
    if rel is None and m.groupdict().get("rel2") is None:
        if word in ("fall", "spring") and not (the or mod):
            return None
        if not (the or mod) and ctx.lex.feature("seasons_need_a_determiner"):
            return None
    offset = ctx.lex.relative.get(_norm(rel), 0) if rel else None
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
    return res


def _start(p: Period) -> datetime.date:
    return p.interval()[0]


def _quarter_default(q: int, pub: datetime.date, direction: str | None) -> int:
    """Year of a year-less quarter: the current and the last one are this year's (they are
    what reports are about); others follow the direction, the past by default."""
    current = (pub.month - 1) // 3 + 1
    if current - 1 <= q <= current:
        return pub.year
    if direction == "future":
        return pub.year if q > current else pub.year + 1
    return pub.year if q < current else pub.year - 1


def r_quarter(m: re.Match[str], ctx: Context) -> Resolved | None:
    """Quarters (the third quarter of 2020, Q3, third-quarter)."""
    q = _ORDINALS.get(m["q"].lower()) if not m["q"].isdigit() else int(m["q"])
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
    return _period_result(cal.quarter(y, q))


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
    if (first - 1) % 3 == 0 and last == first + 2:
        res = _period_result(cal.quarter(y, (first - 1) // 3 + 1), anchor_kind=kind)
    else:
        res = _period_result(cal.month(y, first), anchor_kind=kind)
        res.interval = (datetime.date(y, first, 1), datetime.date(y, last, cal.last_day(y, last)))
    res.rule = "month-range"
    return res


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


def r_half(m: re.Match[str], ctx: Context) -> Resolved | None:
    """Half-years (the first half of 2020; "in the first half": the story's year)."""
    h = 1 if m["h"].lower() in ("first", "premier", "primer") else 2  # second or last half
    if m.groupdict().get("y"):
        y, kind = int(m["y"]), ""
    elif m.groupdict().get("rel"):
        y, kind = ctx.published.year + int(ctx.lex.relative[_norm(m["rel"])]), "published"  # type: ignore[arg-type]
    else:
        y, kind = ctx.published.year, "published"
    return _period_result(Period("half", cal.check_year(y), h), anchor_kind=kind)


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


def r_period_ref(m: re.Match[str], ctx: Context) -> Resolved | None:
    """the latest period: the quarter a results report is about, once one has been named."""

    def later(state: State) -> Resolved | None:
        if state.prev_quarter is None:
            return None
        return _period_result(state.prev_quarter, anchor_kind="previous")

    return Resolved(DATE, later=later)


def r_year_ago(m: re.Match[str], ctx: Context) -> Resolved | None:
    """year-earlier / year-ago comparisons."""
    pub = ctx.published

    what = (_g(m, "what", "what2", "what3") or "").lower()
    if m["months"]:
        # "the year-earlier nine months": a stretch, as TimeBank reads it.
        return Resolved(DURATION, duration_value("month", float(ctx.lex.number(m["months"]) or 0)))
    if m["q"]:
        q_index = _ORDINALS[m["q"].lower()]
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


# --- relative to the publication date ---------------------------------------------------


def _unit_of(word: str) -> str:
    w = _norm(word)
    w = re.sub(r"^(?:la|le|l'|el)\s*", "", w)
    mapping = {
        "semaine": "week",
        "mois": "month",
        "année": "year",
        "an": "year",
        "week-end": "weekend",
        "trimestre": "quarter",
        "semana": "week",
        "mes": "month",
        "año": "year",
        "fin de semana": "weekend",
        "día": "day",
        "jour": "day",
    }
    return mapping.get(w, w)


def _weekend(pub: datetime.date, offset: int) -> Resolved:
    monday = pub - datetime.timedelta(days=pub.weekday()) + datetime.timedelta(weeks=offset)
    iso = monday.isocalendar()
    sat = monday + datetime.timedelta(days=5)
    return Resolved(
        DATE,
        f"{iso[0]:04d}-W{iso[1]:02d}-WE",
        "",
        cal.week_of(monday),
        "published",
        interval=(sat, sat + datetime.timedelta(days=1)),
    )


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


def _is_title(m: re.Match[str], ctx: Context) -> bool:
    """A title-cased phrase opening a quotation (ABC's "This Week", CBS's "60 Minutes")
    names a programme."""
    words = m.group(0).split()
    if len(words) < 2 or not all(
        w.isdigit() or (w[:1].isupper() and not w.isupper()) for w in words
    ):
        return False
    if all(w.isdigit() for w in words):
        return False
    return re.search(r"(?:[\"“‘]|``|'')\s*$", ctx.before(m.start(), 3)) is not None


def r_rel_unit(m: re.Match[str], ctx: Context) -> Resolved | None:
    """last/this/next + week, month, year...; previous/following continue the story."""
    unit = _unit_of(_g(m, "u", "u2") or "")
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
    return _relative_period(unit, offset, ctx.published, _mod(m, ctx))


def r_el_unit(m: re.Match[str], ctx: Context) -> Resolved | None:
    """earlier/later this year or month: the year or month, interval cut at publication."""
    offset = ctx.lex.relative.get(_norm(m["rel"]), 0)
    res = _relative_period(_unit_of(m["u"]), int(offset), ctx.published, "")  # type: ignore[arg-type]
    if res is None or res.interval is None:
        return res
    start, end = res.interval
    pub = ctx.published
    # "earlier this year" covers the part of the year before publication, "later" the rest.
    if offset == 0 and start <= pub <= end:
        res.interval = (start, pub) if m["el"].lower() == "earlier" else (pub, end)
    return res


def r_past_unit(m: re.Match[str], ctx: Context) -> Resolved | None:
    """the past year / the last month: the previous calendar unit (TimeBank's reading)."""
    # TimeML reads "the past year" as the last calendar year before publication.
    return _relative_period(_unit_of(m["u"]), -1, ctx.published, "")


_TODAY_GENERIC = re.compile(
    r"(?i)['’]s\s+(?:(?:young|modern|global|fast-changing|changing|personal|\w+-\w+)\s+)?"
    r"(?:world|youth|young\s+people|society|societies|generations?|children|kids|"
    r"standards|terms|dollars|money|prices|technology|technologies|culture|computers)\b"
)


def r_deictic(m: re.Match[str], ctx: Context) -> Resolved | None:
    """yesterday, today, tomorrow, tonight (and their French and Spanish forms)."""
    word = _norm(m["dd"])
    offset = _DEICTIC.get(word)
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


def r_deictic_part(m: re.Match[str], ctx: Context) -> Resolved | None:
    """this morning, last night, ayer por la tarde: TIME with a part of day."""
    if _g(m, "an"):
        d, part = cal.shift(ctx.published, "day", -1), "NI"
    else:
        word = _norm(_g(m, "dd", "dd2") or "").split(" ")[0]
        part = ctx.lex.parts_of_day[_norm(_g(m, "part", "part2") or "")]
        offset = {"last": -1, "yesterday": -1, "tomorrow": 1, "hier": -1, "demain": 1}
        offset["dernière"] = -1  # "la nuit dernière"
        offset |= {"ayer": -1, "mañana": 1}
        delta = offset.get(word, 0)
        if word == "last" and part != "NI":
            return None
        d = cal.shift(ctx.published, "day", delta)
    res = _period_result(cal.day(d), type_=TIME)
    res.value = f"{d.isoformat()}T{part}"
    res.interval = (d, d)
    return res


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
        return on_day(cal.shift(ctx.published, "day", _DEICTIC[word]), "published")

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


_PAST_PERFECT = re.compile(
    r"(?i)\bhad\s+(?:not\s+|never\s+|already\s+)?(?:been\s+)?[a-z]+(?:ed|en|wn|ne|t)\b|\bhadn't\b"
)
_SOON_BEFORE = re.compile(
    r"(?i)\b(?:as\s+(?:soon|early)\s+as|until|till|by|through|"
    r"a\s+partir\s+del|à\s+partir\s+de|à\s+compter\s+de|d['’]ici)\s+(?:on\s+|el\s+)?$"
)
# "The vote, first planned for Thursday, was postponed": a plan the sentence says fell
# through (or was carried out) lies in the past.
_PLAN_WORDS = frozenset({"planned", "scheduled", "set", "due", "expected", "slated"})
_PLAN_UNDONE = re.compile(
    r"(?i)[^.;:]{0,40}?\b(?:was|were|had\s+been)\s+(?:\w+\s+)?(?:postponed|cancell?ed|"
    r"delayed|called\s+off|moved|scrapped|put\s+off|held|brought\s+forward|suspended)\b"
)


def _reporting_left(ctx: Context, start: int) -> bool:
    """True when a reporting verb stands in the few words before ``start`` ("anunció que
    el lunes ...", "a annoncé que mardi ...")."""
    words = [w.lower() for w in _WORD.findall(ctx.before(start, 40))][-4:]
    return any(w in ctx.lex.reporting for w in words)


_BRACKET_DATE = re.compile(r"\s*\(\s*([A-Za-z]{3,9})\.?\s+(\d{1,2})\s*\)")


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
    bracket = _BRACKET_DATE.match(ctx.after(end, 24))
    if bracket and offset is None:
        month = _month_index(ctx.lex, bracket.group(1))
        day = int(bracket.group(2))
        for y in (pub.year, pub.year - 1, pub.year + 1):
            if month and _valid(y, month, day):
                d = datetime.date(y, month, day)
                if d.isoweekday() == wd:
                    return d, "weekday-dated"  # "on Sunday (Sept 16)"
    if offset == -1:
        return pub + datetime.timedelta(days=delta if delta < 0 else delta - 7), "weekday-last"
    if offset == 1:
        return pub + datetime.timedelta(days=delta if delta > 0 else delta + 7), "weekday-next"
    if offset == 0:
        if ctx.lex.feature("this_weekday_past_or_to_come"):
            # "declaró este lunes", "ce mardi": the day of this week, past or to come
            return pub + datetime.timedelta(days=delta), "weekday-this"
        return pub + datetime.timedelta(days=delta if delta >= 0 else delta + 7), "weekday-this"
    if delta == 0:
        return pub, "weekday-same-day"
    # A weekday's tense comes from the verb before it ("will meet on Thursday", "ruled
    # Wednesday that he must..."): what follows is often another clause.
    # "announced Wednesday": for a weekday the report itself is the event.
    # A past perfect around the weekday ("had been due to expire Friday", "Until Thursday,
    # they had not...") puts a plan or a limit in the past.
    s0, e0 = ctx.sentence(start)
    past_perfect = _PAST_PERFECT.search(ctx.text, max(s0, start - 60), min(e0, end + 40))
    soon = _SOON_BEFORE.search(ctx.before(start, 20))
    if soon and not past_perfect:
        # "by Tuesday", "through Wednesday" lie ahead, unless a past tense says it is
        # over ("shelters were full by Sunday night").
        left = ctx.cue(start, end, left_only=True)
        over = (
            soon.group().split()[0].lower() in ("by", "through")
            and left is not None
            and left[0] == "past"
            and left[1] <= (6 if left[2] else 8)
        )
        if not over:
            return (
                pub + datetime.timedelta(days=delta if delta > 0 else delta + 7),
                "weekday-future",
            )
    found = ctx.cue(start, end, left_only=True, reporting_is_past=True, scheduled=True)
    undone = _PLAN_UNDONE.match(ctx.text, end, e0) is not None and _PLAN_WORDS.intersection(
        _norm(ctx.before(start, 60)).split()
    )
    if (
        found is not None
        and found[0] == "future"
        and found[2]
        and found[1] <= 8
        and not (past_perfect and past_perfect.start() < start)
        and not undone
    ):
        return pub + datetime.timedelta(days=delta if delta > 0 else delta + 7), "weekday-future"
    if (
        ctx.lex.plan_clause is not None
        and not past_perfect
        and not undone
        and ctx.lex.plan_clause.search(ctx.text, max(s0, start - 120), start)
    ):
        # "is scheduled to meet Energy Department officials in Washington on Thursday":
        # a plan governs its whole clause, however long
        return pub + datetime.timedelta(days=delta if delta > 0 else delta + 7), "weekday-future"
    reported = found is not None and found[0] == "past" and _reporting_left(ctx, start)
    if ctx.lex.inflected_tense and (found is None or found[1] > 8 or reported):
        # "el martes pronunciará un discurso": in French and Spanish the verb often
        # follows the day; a tense ending right after it decides.
        near = ctx.cue(start, end, reporting_is_past=True)
        if near is not None and near[0] == "future" and near[2] and near[1] <= 2.5:
            return (
                pub + datetime.timedelta(days=delta if delta > 0 else delta + 7),
                "weekday-future",
            )
    return pub + datetime.timedelta(days=delta if delta < 0 else delta - 7), "weekday-past"


def r_weekday(m: re.Match[str], ctx: Context) -> Resolved | None:
    """A weekday: same day, last/next, or the sentence's direction."""
    wd = ctx.lex.weekdays.get(_norm(m["wd"]))
    if wd is None:
        return None
    rel = _g(m, "rel", "rel2")
    offset = ctx.lex.relative.get(_norm(rel)) if rel else None
    d, rule = _weekday_date(wd, offset, ctx, m.start(), m.end())
    res = _period_result(cal.day(d), _mod(m, ctx))
    res.interval = (d, d)
    res.rule = rule
    part = _g(m, "part")
    if part:
        res.type = TIME
        res.value = f"{d.isoformat()}T{ctx.lex.parts_of_day[_norm(part)]}"
    return res


_SPOKEN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60}
_SPOKEN_TENS |= {"seventy": 70, "eighty": 80, "ninety": 90}
_SPOKEN_ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_SPOKEN_ONES |= {"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13}
_SPOKEN_ONES |= {"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18}
_SPOKEN_ONES |= {"nineteen": 19}


def r_spoken_year(m: re.Match[str], ctx: Context) -> Resolved | None:
    # Broadcast transcripts spell years out: "nineteen ninety-six", "two thousand and one".
    if m["tt"]:
        y = 2000 + (_SPOKEN_ONES.get(_norm(m["ty"]), 0) if m["ty"] else 0)
    else:
        century = 1900 if m["sy"].lower() == "nineteen" else 1800
        rest = 0
        for word in re.split(r"[\s-]+", _norm(m["yy"])):
            rest += _SPOKEN_TENS.get(word, 0) + _SPOKEN_ONES.get(word, 0)
        y = century + rest
    if m.groupdict().get("smon"):
        month = _month_index(ctx.lex, m["smon"])
        if month is not None:
            return _period_result(cal.month(y, month), anchor_kind="")
    if m.groupdict().get("ss"):
        code = _SEASON_CODES.get(m["ss"].lower())
        if code:
            return _period_result(cal.season(y, code), anchor_kind="")
    return _period_result(cal.year(y), anchor_kind="")


def r_week_of(m: re.Match[str], ctx: Context) -> Resolved | None:
    """the week of March 9."""
    month = _month_index(ctx.lex, m["mon"])
    if month is None:
        return None
    dd = int(re.sub(r"\D", "", m["d"]))
    if m["y"]:
        return _period_result(cal.week_of(datetime.date(int(m["y"]), month, dd)), anchor_kind="")
    y = _month_year(ctx, m.start(), m.end(), month, dd)
    return _period_result(cal.week_of(datetime.date(y, month, dd)))


def r_the_period(m: re.Match[str], ctx: Context) -> Resolved | None:
    """the year / the month / the weekend: the current one."""
    unit = _unit_of(m["u"])
    mod = _mod(m, ctx)
    if unit == "week":
        # "la fin de la semaine", "finales de la semana": this week's end
        return _period_result(cal.containing("week", ctx.published), mod)
    if unit in ("month", "year"):
        if not mod and re.match(r"\s+(?:ended|ending|to\s+date)\b", ctx.after(m.end(), 12)):
            # "the year ended March 31": a twelve-month stretch, not a calendar year.
            return Resolved(DURATION, duration_value(unit, 1))
        # "the year", "the fiscal year", "by the end of the month": the current one.
        return _period_result(cal.containing(unit, ctx.published), mod)
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


def r_weekday_set(m: re.Match[str], ctx: Context) -> Resolved | None:
    """on Sundays: a recurring weekday."""
    wd = ctx.lex.weekdays.get(_norm(m["wd"]))
    return Resolved(SET, f"XXXX-WXX-{wd}") if wd else None


def _count(m: re.Match[str], ctx: Context) -> float | None:
    """The number in group ``n`` (None for vague counts: "several", "a few")."""
    raw = _g(m, "n")
    if raw is None:
        return 1.0
    raw = _norm(raw)
    half = 0.5 if raw.endswith("and a half") or (m.groupdict().get("half") or "") else 0.0
    raw = raw.replace(" and a half", "")
    if raw.endswith(("1/2", "½")):
        half += 0.5
        raw = raw.replace("1/2", "").replace("½", "").strip()
        if not raw:
            return half
    if raw in ("half", "half a", "half an", "medio", "media"):
        return 0.5
    if raw in ("a couple of", "couple of"):
        return 2.0
    value = ctx.lex.number(raw)
    return None if value is None else value + half


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


def _shift_from(base: datetime.date, unit: str, n: float, kind: str) -> Resolved | None:
    if unit in ("decade", "century") and n != int(n):
        # "hace medio siglo", "half a century ago": count it in years
        unit, n = "year", n * (10 if unit == "decade" else 100)
    if n != int(n):
        # "a year and a half ago": move in months and keep month precision.
        if unit == "year":
            return _period_result(
                cal.containing("month", cal.shift(base, "month", round(12 * n))), anchor_kind=kind
            )
        n = round(n)
    n = int(n)
    if abs(n) > 5000:
        return None
    if unit in ("second", "minute", "hour"):
        return _period_result(cal.day(base), anchor_kind=kind)
    if unit == "fortnight":
        unit, n = "week", 2 * n
    if unit == "decade":
        unit, n = "year", 10 * n
    if unit == "century":
        unit, n = "year", 100 * n
    grain = _UNIT_GRAIN[unit]
    return _period_result(cal.containing(grain, cal.shift(base, unit, n)), anchor_kind=kind)


def _coarser(a: str, b: str) -> str:
    order = cal.GRAIN_ORDER
    return a if order.index(a) >= order.index(b) else b


def r_offset(m: re.Match[str], ctx: Context) -> Resolved | None:
    """N units later/earlier against the previous date; 'a year after X' against now."""
    unit = ctx.lex.units.get(_norm(m["u"]))
    n = _count(m, ctx)
    if unit is None or n is None:
        return None
    direction = _norm(m["dir"])
    backward = direction in ("earlier", "before", "previously", "prior", "plus tôt", "auparavant")
    backward = backward or direction in ("avant", "antes")
    prepositional = direction in ("after", "before", "après", "avant", "después", "antes") and bool(
        re.match(r"\s+[^\W\d_]", ctx.after(m.end(), 5))
    )
    pub = ctx.published
    if prepositional and (
        unit not in ("month", "year", "decade") or direction not in ("after", "après", "después")
    ):
        # "wait 30 days before closing": a stretch of time measured from an event we
        # cannot date, left to the duration rule ("30 days"); only "comes a year after X"
        # is read as a date (see below).
        return None
    if prepositional:
        # "comes a year after X signed": X lies that far before the clause's time, which
        # is the publication date when the clause is not in the past tense.
        if ctx.direction(m.start(), m.end(), left_only=True) == "past":
            return None
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
    sign = -1 if backward else 1
    span = duration_value(unit, n)

    def later(state: State) -> Resolved | None:
        if state.prev is None:
            res = _shift_from(pub, unit, sign * n, "published")
            if res is not None:
                res.offset = span
            return res
        base = state.prev
        res = _shift_from(base.interval()[0], unit, sign * n, "previous")
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
                cal.shift(base.interval()[0], "year", int(sign * n))
                if unit == "year"
                else res.period.interval()[0]
            )
            res = _period_result(cal.containing(grain, moved), anchor_kind="previous")
            res.offset = span
        return res

    # Comparisons ("a year earlier") leave the story's time alone; "two days later" moves it.
    return Resolved(DATE, later=later, sets_prev=not (backward and unit == "year"))


def _anaphoric(unit: str, step: int, ctx: Context, part: str | None = None) -> Resolved:
    pub = ctx.published

    def later(state: State) -> Resolved | None:
        base = state.prev
        kind = "previous"
        if base is None:
            base, kind = cal.day(pub), "published"
        u = {"morning": "day", "afternoon": "day", "evening": "day", "night": "day"}.get(unit, unit)
        if u == "day" and base.grain != "day" and state.prev_day is not None:
            base = state.prev_day  # "the same day": the last day the story named
        if u == "weekend":
            res = _weekend(base.interval()[0], step)
            res.anchor_kind = kind
            return res
        if u not in ("day", "week", "month", "quarter", "year"):
            return None
        grain = _coarser(u, base.grain) if base.grain != "day" else u
        moved = cal.shift(base.interval()[0], u, step)
        res = _period_result(cal.containing(grain, moved), anchor_kind=kind)
        if part and grain == "day":
            res.type = TIME
            res.value = f"{res.value}T{ctx.lex.parts_of_day[part]}"
        return res

    return Resolved(DATE, later=later)


def r_anaphoric(m: re.Match[str], ctx: Context) -> Resolved | None:
    """the next day, the following month, that day: against the previous date."""
    rel = _norm(m["rel"])
    unit = _unit_of(m["u"])
    part = unit if unit in ("morning", "afternoon", "evening", "night") else None
    if part:
        unit = "day"
    step = {"next": 1, "following": 1, "previous": -1, "preceding": -1, "prior": -1}.get(rel, 0)
    res = _anaphoric(unit, step, ctx, part)
    res.rule = "anaphoric-" + ("same" if step == 0 else "shift")
    return res


def r_anaphoric_weekday(m: re.Match[str], ctx: Context) -> Resolved | None:
    """the previous Friday, the following Monday: counted from the story's day.

    The story's day is the previous day-precise date in the text, else the publication
    date; "previous" is the last such weekday strictly before it, "following" the first
    strictly after.
    """
    wd = ctx.lex.weekdays.get(_norm(m["wd"]))
    if wd is None:
        return None
    back = _norm(m["rel"]) in ("previous", "preceding", "prior")
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


def r_fixed_anaphor(m: re.Match[str], ctx: Context) -> Resolved | None:
    """le lendemain, la veille, al día siguiente: against the previous date."""
    fx = _norm(m["fx"])
    step = 0
    if "lendemain" in fx or "siguiente" in fx:
        step = 1
    elif "veille" in fx or "víspera" in fx or "anterior" in fx:
        step = -1
    return _anaphoric("day", step, ctx)


def r_ref(m: re.Match[str], ctx: Context) -> Resolved | None:
    """now, recently, the future: PRESENT_REF, PAST_REF, FUTURE_REF."""
    ref = _norm(m["ref"]).removeprefix("right ")
    if ref == "recently" and re.search(r"(?i)\bas\s+$", ctx.before(m.start(), 4)):
        return None  # "as recently as March 2022": the date that follows says when
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
    if ref in _REF_WORDS:
        value = _REF_WORDS[ref]
    elif (
        "future" in ref
        or "avenir" in ref
        or "futuro" in ref
        or ref in ("soon", "prochainement", "próximamente", "the near term", "the short term")
        or ref == "a later date"
    ):
        value = "FUTURE_REF"
    else:
        return None
    return Resolved(DATE, value, anchor_kind="published")


# --- durations, sets, times -------------------------------------------------------------


def _fmt(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


_FRACTION_UNIT = {
    "year": ("month", 12),
    "month": ("day", 30),
    "week": ("day", 7),
    "day": ("hour", 24),
    "hour": ("minute", 60),
    "minute": ("second", 60),
}


def duration_value(unit: str, n: float | None) -> str:
    """TIMEX3 duration value for ``n`` units (``n`` None gives the vague "PXY" form).

    Decades and centuries are written in years (P10Y, P100Y) as TimeBank does; a fraction
    moves into the next smaller unit ("two and a half years" is P2Y6M).
    """
    if unit == "fortnight":
        unit, n = "week", None if n is None else 2 * n
    if unit in ("decade", "century"):
        if n is None:
            return "PXE" if unit == "decade" else "PXC"
        unit, n = "year", n * (10 if unit == "decade" else 100)
    prefix, code = _UNIT_CODE[unit]
    if n is None:
        return f"P{prefix}X{code}"
    whole = int(n)
    frac = n - whole
    if frac and unit in _FRACTION_UNIT:
        small, factor = _FRACTION_UNIT[unit]
        sp, sc = _UNIT_CODE[small]
        part = round(frac * factor)
        head = f"{whole}{code}" if whole else ""
        if prefix or not sp:
            return f"P{prefix}{head}{part}{sc}"
        return f"P{head}T{part}{sc}"
    return f"P{prefix}{_fmt(n)}{code}"


_PERSON_NOUNS = (
    r"homme|femme|enfant|garçon|fille|fillette|adolescent|adolescente|jeune|combattant|"
    r"combattante|militant|militante|infirmière|infirmier|commerçant|commerçante|mère|père|"
    r"milicien|soldat|policier|agriculteur|agricultrice|paysan|paysanne|réfugié|réfugiée|"
    r"veuve|veuf|retraité|retraitée|étudiant|étudiante|habitant|habitante|chauffeur|médecin|"
    r"journaliste|otage|détenu|détenue|prisonnier|victime|dirigeant|chef|ouvrier|pêcheur|"
    r"éleveur|élève|bébé|fils|épouse|mari|frère|sœur|soeur|grand-mère|grand-père|"
    r"hombre|mujer|niño|niña|joven|anciano|anciana|campesino|campesina|viuda|viudo|madre|"
    r"padre|hijo|hija|soldado|guerrillero|guerrillera|combatiente|policía|agricultor|"
    r"agricultora|líder|dirigente|comerciante|estudiante|desplazado|desplazada|víctima|"
    r"rehén|secuestrado|secuestrada|periodista|médico|médica|maestro|maestra|indígena|"
    r"excombatiente|exguerrillero|exguerrillera|menor|adolescente|señor|señora|abuela|abuelo|"
    r"pompier|gendarme|militaire|agent|juge|prêtre|imam|pasteur|guardia|militar|agente|président|"
    r"vecino|vecina|voisin|voisine|turista|touriste|migrant|migrante|sacerdote|obispo|"
    # agent nouns: "un camionero", "une manifestante", "un chauffeur", "una periodista"
    r"\w+(?:eur|euse|ier|ière|iste|ant|ante|ero|era|dor|dora|sor|sora|tor|tora|ista|ente)"
)
# Ages in French and Spanish: "une infirmière de 42 ans", "âgé de 47 ans", "J'ai 58 ans",
# "Zapatero, de 45 años,", "tiene 52 años", "52 años de edad".
_AGE_BEFORE = re.compile(
    rf"(?i)(?:\b(?:{_PERSON_NOUNS})(?:\s+[\w-]+){{0,2}}\s+de\s+|\b(?:âgée?s?|agée?s?)\s+de\s+|"
    # "personas de entre 15 y 39 años", "de 18 à 25 ans": an age range
    r"\b(?:entre\s+)?\d{1,3}\s+(?:y|et|a|à)\s+|"
    r",\s*(?:de\s+|âgée?\s+de\s+)?)$"
)
# "La Franco-Colombienne de 46 ans": a capitalised noun (a nationality, a name) with an age.
_AGE_NAMED = re.compile(
    r"(?:\b(?:[Ll]a|[Ll]e|[Ll]['’]|[Uu]ne?|[Ee]l|[Uu]na?)\s*)[A-ZÀ-Ý][\w-]+\s+de\s+$"
)
_AGE_AFTER = re.compile(r"(?i)^\s+de\s+edad\b")


def _is_romance_age(m: re.Match[str], ctx: Context) -> bool:
    """A French or Spanish age: a person's "N ans", not a span of time."""
    if ctx.lex.age_verb is None or _g(m, "u") is None:
        return False
    if _norm(_g(m, "u") or "") not in ("ans", "años", "an", "año"):
        return False
    before = ctx.before(m.start(), 60)
    after = ctx.after(m.end(), 12)
    if _AGE_AFTER.match(after):
        return True
    if ctx.lex.age_verb.search(before):
        # "tiene 52 años" is an age; "tiene 36 años de conflicto" a span of time.
        return not re.match(r"(?i)\s+(?:de|d['’])\s*(?!ici\b|plus\b)\w", after)
    if _AGE_NAMED.search(before):
        return True
    match = _AGE_BEFORE.search(before)
    if match is None:
        return False
    if match.group().lstrip().startswith(","):
        # "Zapatero, de 45 años, pidió": an apposition closed by a comma or bracket.
        return re.match(r"\s*[,)]", after) is not None
    return True


def r_duration(m: re.Match[str], ctx: Context) -> Resolved | None:
    """Durations (18 months, the past three years, two-day); ages give nothing."""
    unit_word = _norm(_g(m, "u", "u2", "u3") or "")
    unit = ctx.lex.units.get(unit_word)
    if unit is None:
        return None
    raw_n = _g(m, "n")
    if _is_title(m, ctx) or _is_romance_age(m, ctx):
        return None
    if unit == "hour" and re.fullmatch(r"\d{1,2}[.:][0-5]\d", (raw_n or "").strip()):
        return None  # "17.20 horas": a clock time, not 17.2 hours
    if re.search(r"(?i)\b(?:early|small|wee)\s+hours$", m.group(0)):
        return None  # "in the early hours of Thursday": a part of the night, not a span
    if m.group(0).lower().endswith("-long") and _g(m, "u") and not _g(m, "n"):
        # "a day-long strike" lasts one day; "decades-long" an unknown number of decades.
        return Resolved(DURATION, duration_value(unit, None if _g(m, "pl") else 1))
    if _g(m, "u3"):
        # "a years-old slump", "decades-old feud": a vague span (ages take a number).
        return Resolved(DURATION, duration_value(unit, None))
    if raw_n is not None and _norm(raw_n) in ("several", "many", "multi") and "-" in m.group(0):
        return Resolved(DURATION, duration_value(unit, None))
    if raw_n is not None and _norm(raw_n) in ("a", "an") and unit_word != unit:
        return None  # "a decades..." is no count of decades
    if (
        unit == "quarter"
        and re.search(r"\b(?:first|last|second)\s+two\s+quarters$", m.group(0), re.I)
        and re.match(r"\s+of\s+(?:\d{4}|this|last|next|the\s+year)\b", ctx.after(m.end(), 16), re.I)
    ):
        return None  # "the first two quarters of 1990" is a half-year (see r_half)
    fraction = raw_n is not None and _norm(raw_n) in ("a", "an", "one", "three")
    if (
        fraction
        and unit == "quarter"
        and re.match(
            r"\s+of\b(?!\s+(?:the\s+)?(?:\d{4}|this|last|next|fiscal|calendar|year|each|every)\b)",
            ctx.after(m.end(), 24),
            re.I,
        )
    ):
        return None  # "a quarter of the market", "three quarters of voters": a fraction
    if raw_n is None:
        # bare plural: "for years"; a singular unit after "la última" is one of it
        n = 1.0 if _g(m, "lead") and not unit_word.endswith("s") else None
    else:
        n = _count(m, ctx)
        if n is not None and n > 100000:
            return None
    lead = _norm(m.groupdict().get("lead") or "")
    a_unit = raw_n is not None and _norm(raw_n) in ("a", "an") and not lead
    if a_unit and _MONEY_BEFORE.search(ctx.before(m.start(), 25)):
        # "$5 million a year" is a rate.
        return Resolved(SET, duration_value(unit, 1), rule="set-rate")
    if raw_n is not None and re.fullmatch(r"1\d{3}|2[0-2]\d\d", raw_n.strip()):
        return None  # "the 1988 quarter": a year, not 1,988 quarters
    after = ctx.after(m.end(), 12)
    if re.match(r"\s+old\b", after) or re.search(r"(?i)\bage\s+of\s+$", ctx.before(m.start(), 12)):
        return None  # "37 years old", "above the age of one year": an age
    a_second = unit == "second" and raw_n is not None and _norm(raw_n) in ("a", "an")
    if (
        a_second
        and re.match(r"\s+[^\W\d_]", after)
        and not re.match(r"\s+(?:or|and|to|later|ago)\b", after)
    ):
        return None  # "a second betrayal": an ordinal
    if m.groupdict().get("old"):
        # Ages ("52-year-old") describe people, not time; TimeBank leaves them untagged.
        return None
    return Resolved(DURATION, duration_value(unit, n))


def r_set(m: re.Match[str], ctx: Context) -> Resolved | None:
    """Sets (every week, weekly, twice a month, every Friday)."""
    adv = _g(m, "adv")
    if adv:
        return Resolved(SET, _ADVERB_SET[adv.lower()])
    u = _norm(_g(m, "u", "u2", "u3") or "")
    if u in _SEASON_CODES:
        return Resolved(SET, f"XXXX-{_SEASON_CODES[u]}")
    if m.groupdict().get("times"):
        unit = ctx.lex.units.get(u)
        return Resolved(SET, duration_value(unit, 1)) if unit else None
    lex = ctx.lex
    if u in lex.weekdays or u.rstrip("s") in lex.weekdays:
        return Resolved(SET, f"XXXX-WXX-{lex.weekdays.get(u) or lex.weekdays[u.rstrip('s')]}")
    month = lex.months.get(u)
    if month:
        return Resolved(SET, f"XXXX-{month:02d}")
    parts = ctx.lex.parts_of_day
    part = u if u in parts else u[:-1] if u.endswith("s") and u[:-1] in parts else None
    if part is not None:
        return Resolved(SET, f"XXXX-XX-XXT{ctx.lex.parts_of_day[part]}")
    if u in ("weekend", "week-end", "week-ends", "fin de semana"):
        return Resolved(SET, "XXXX-WXX-WE")
    unit = lex.units.get(u)
    if unit is None:
        return None
    n = _count(m, ctx) if _g(m, "n") else 1.0
    if m.groupdict().get("other"):
        n = 2.0 * (n or 1)
    return Resolved(SET, duration_value(unit, n))


def r_set_date(m: re.Match[str], ctx: Context) -> Resolved | None:
    """every March 3, cada 19 de septiembre: one day a year."""
    month = _month_index(ctx.lex, m["mon"])
    dd = 1 if m["d"].lower() == "1er" else int(m["d"])
    if month is None or not _valid(2000, month, dd):
        return None
    return Resolved(SET, f"XXXX-{month:02d}-{dd:02d}")


def r_duration_compound(m: re.Match[str], ctx: Context) -> Resolved | None:
    """six years and four months: one duration, the larger unit first."""
    first = ctx.lex.units.get(_norm(m["u"]))
    second = ctx.lex.units.get(_norm(m["u2b"]))
    n1, n2 = _count(m, ctx), ctx.lex.number(_norm(m["n2"]))
    order = ("year", "month", "week", "day", "hour", "minute", "second")
    if (
        first not in order
        or second not in order
        or n1 is None
        or n2 is None
        or order.index(second) <= order.index(first)
        or n1 != int(n1)
        or n2 != int(n2)
    ):
        return None
    a, b = duration_value(first, n1), duration_value(second, n2)
    # P6Y + P4M -> P6Y4M; a time part joins after the T: P1D + PT6H -> P1DT6H.
    if b.startswith("PT") and not a.startswith("PT"):
        value = a + b[1:]
    else:
        value = a + b[2:] if a.startswith("PT") else a + b[1:]
    return Resolved(DURATION, value)


def r_set_rate(m: re.Match[str], ctx: Context) -> Resolved | None:
    """Rates after an amount ($5 million a year)."""
    if not _MONEY_BEFORE.search(ctx.before(m.start(), 25)):
        return None
    unit = ctx.lex.units.get(_norm(m["u"]))
    return Resolved(SET, duration_value(unit, 1)) if unit else None


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
    elif groups.get("h"):
        hh, mi = int(m["h"]), int(m["mi"] or 0)
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
        near = re.match(
            rf"\s*(?:\([^()]{{0,24}}\)\s*)?\(?(?:on\s+)?({ctx.lex.weekday_re}|today|yesterday|tomorrow)\b",
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


def state_prev_in(state: State, sentence_start: int) -> bool:
    """True when the previous date was found in the sentence starting at ``sentence_start``."""
    return state.prev_pos >= sentence_start


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
    return _holiday_result(d, weekend, "published")


def _holiday_result(d: datetime.date, weekend: str | None, kind: str) -> Resolved:
    """The holiday's day, or for "the Easter weekend" the weekend holding it."""
    if not weekend:
        return _period_result(cal.day(d), anchor_kind=kind)
    # A Monday holiday's long weekend is the Saturday and Sunday before it.
    res = _weekend(d - datetime.timedelta(days=1) if d.weekday() == 0 else d, 0)
    res.anchor_kind = kind
    return res


_APPROX_MOD = {
    "some": "APPROX",
    "under": "LESS_THAN",
    "just under": "LESS_THAN",
    "over": "MORE_THAN",
    "just over": "MORE_THAN",
    "about": "APPROX",
    "around": "APPROX",
    "vers": "APPROX",
    "un peu plus de": "MORE_THAN",
    "un peu moins de": "LESS_THAN",
    "approximately": "APPROX",
    "roughly": "APPROX",
    "nearly": "LESS_THAN",
    "almost": "LESS_THAN",
    "less than": "LESS_THAN",
    "fewer than": "LESS_THAN",
    "up to": "EQUAL_OR_LESS",
    "more than": "MORE_THAN",
    "at least": "EQUAL_OR_MORE",
    "environ": "APPROX",
    "près d'": "LESS_THAN",
    "moins d'": "LESS_THAN",
    "plus d'": "MORE_THAN",
    "poco más de": "MORE_THAN",
    "poco menos de": "LESS_THAN",
    "près de": "LESS_THAN",
    "presque": "LESS_THAN",
    "moins de": "LESS_THAN",
    "plus de": "MORE_THAN",
    "au moins": "EQUAL_OR_MORE",
    "alrededor de": "APPROX",
    "unos": "APPROX",
    "unas": "APPROX",
    "cerca de": "LESS_THAN",
    "casi": "LESS_THAN",
    "menos de": "LESS_THAN",
    "más de": "MORE_THAN",
    "al menos": "EQUAL_OR_MORE",
    "por lo menos": "EQUAL_OR_MORE",
}


def _approximated(
    fn: Callable[[re.Match[str], Context], Resolved | None],
) -> Callable[[re.Match[str], Context], Resolved | None]:
    """Give an expression led by "about", "nearly", "more than"... its TIMEX3 mod.

    Durations take the exact relation (MORE_THAN, LESS_THAN...); a date such as "nearly
    two years ago" is only approximate.
    """

    def run(m: re.Match[str], ctx: Context) -> Resolved | None:
        res = fn(m, ctx)
        groups = m.groupdict()
        word = groups.get("approx") or groups.get("approx2")
        word = word or ("about" if groups.get("orso") else None)
        if res is None or not word:
            return res
        mod = _APPROX_MOD[_norm(word)]

        def mark(r: Resolved | None) -> Resolved | None:
            if r is not None and not r.mod:
                r.mod = mod if r.type == DURATION else "APPROX"
            return r

        if res.later is not None:
            inner = res.later
            res.later = lambda state: mark(inner(state))
            return res
        return mark(res)

    return run


RESOLVERS: dict[str, Callable[[re.Match[str], Context], Resolved | None]] = {
    "iso": r_iso,
    "numeric": r_numeric,
    "abs_day": r_abs_day,
    "dateline_day": r_abs_day,
    "month_year": r_month_year,
    "month_rel_year": r_month_rel_year,
    "rel_month": r_rel_month,
    "month": r_month,
    "year": r_year,
    "decade": r_decade,
    "century": r_century,
    "season": r_season,
    "quarter": r_quarter,
    "half": r_half,
    "quarter_ref": r_quarter_ref,
    "year_quarter": r_year_quarter,
    "year_ago": r_year_ago,
    "rel_unit": r_rel_unit,
    "el_unit": r_el_unit,
    "past_unit": r_past_unit,
    "anaphoric": r_anaphoric,
    "day_before": r_day_before,
    "fixed_anaphor": r_fixed_anaphor,
    "deictic": r_deictic,
    "deictic_part": r_deictic_part,
    "mid_part": r_mid_part,
    "year_end": r_year_end,
    "period_ref": r_period_ref,
    "weekday": r_weekday,
    "weekday_set": r_weekday_set,
    "anaphoric_weekday": r_anaphoric_weekday,
    "month_anaphoric_year": r_month_anaphoric_year,
    "week_of_month": r_week_of_month,
    "week_of": r_week_of,
    "spoken_year": r_spoken_year,
    "the_period": r_the_period,
    "ago": _approximated(r_ago),
    "offset": _approximated(r_offset),
    "same_period": r_same_period,
    "set_date": r_set_date,
    "duration_compound": _approximated(r_duration_compound),
    "month_range": r_month_range,
    "ref": r_ref,
    "duration": _approximated(r_duration),
    "set": r_set,
    "set_rate": r_set_rate,
    "clock": _approximated(r_clock),
    "holiday": r_holiday,
}

__all__ = ["RESOLVERS", "Context", "OutOfRange", "Resolved", "State", "duration_value"]
