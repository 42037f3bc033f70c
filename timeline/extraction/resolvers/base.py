"""What every resolver shares: the match context (text, publication date, lexicon, sentences),
the resolved value, the text-order state, small helpers, and the registry of resolvers.
"""

from __future__ import annotations

import bisect
import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .. import timex_calendar as cal
from ..timex_calendar import Period
from ..timex_lexicon import Lexicon
from ..types import DATE, DURATION, TIME

# Trigger classes (see timex_grammar.trigger_for): a resolver's matches always hold a word
# of one of its classes, so rules feeding it only run near such words.
TRIGGER_CLASSES = ("digit", "month", "wd", "unit", "other", "era")

Resolver = Callable[[re.Match[str], "Context"], "Resolved | None"]
# name -> resolver, and name -> the trigger classes its matches contain. Filled by the
# @resolver decorator as the modules of this package are imported; read-only afterwards.
RESOLVERS: dict[str, Resolver] = {}
NEEDS: dict[str, tuple[str, ...]] = {}


def resolver(name: str, *, needs: tuple[str, ...] | None = None, approximate: bool = False):
    """Register the decorated function as the resolver ``name`` of the grammar's rules.

    ``needs`` are the trigger classes its matches always contain (all classes when None);
    ``approximate`` gives a leading "about", "nearly", "more than"... its TIMEX3 mod. A
    language file's rule names the resolver; registering it here is the one other place a
    new kind of expression touches. The function is returned unchanged.
    """
    for cls in needs or ():
        if cls not in TRIGGER_CLASSES:
            raise ValueError(f"resolver {name!r}: unknown trigger class {cls!r}")

    def register(fn: Resolver) -> Resolver:
        if name in RESOLVERS:
            raise ValueError(f"resolver {name!r} registered twice")
        RESOLVERS[name] = _approximated(fn) if approximate else fn
        NEEDS[name] = tuple(needs) if needs else TRIGGER_CLASSES
        return fn

    return register


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
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d+")


# Words before a past participle that make it a plan ("to be completed", "will be held").
_FUTURE_PASSIVE = frozenset({"be", "being", "will", "would", "to", "shall"})


@dataclass(frozen=True, slots=True)
class Story:
    """The time of the story being told: the year (month, day) of the last explicit date.

    ``year`` is astronomical (480 BC is -479), so that BC stories count like any other;
    ``month`` and ``day`` are 0 when the date did not name them; ``pos`` is where the date
    was written. ``back`` is set for a date read in a past perfect ("who had spent the
    spring organizing"): it lies before the story's time, not after.
    """

    year: int
    month: int = 0
    day: int = 0
    pos: int = -1
    back: bool = False

    @property
    def written_year(self) -> str:
        """The year as a reader writes it: "1916", "480 BC"."""
        return str(self.year) if self.year > 0 else f"{1 - self.year} BC"


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
    # The story's own time (see :func:`story_time`): the last explicit date, moved on by the
    # year-less dates read against it, while the text tells a story away from the
    # publication date.
    story: Story | None = None


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
    # For a date without a year ("on 27 August", "by early October"): the same expression
    # read against the story's time instead of the publication date (see :class:`Story`);
    # the text-order pass calls it where the text tells a story away from that date.
    story: Callable[[Story], Resolved | None] | None = field(default=None, repr=False)


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
        words = [m for m in _WORD.finditer(self.text, s, e) if not start <= m.start() < end]
        split = bisect.bisect_left([m.start() for m in words], start)
        best: tuple[float, str, bool] | None = None
        for i in range(len(words)):
            dist = float(split - i) if i < split else i - split + 1.5
            if best is not None and dist >= best[0]:
                continue
            found = self._word_cue(words, i, split, dist, reporting_is_past, scheduled)
            if found is not None and (best is None or found[0] < best[0]):
                best = found
        return (best[1], best[0], best[2]) if best else None

    def _word_cue(
        self,
        words: list[re.Match[str]],
        i: int,
        split: int,
        dist: float,
        reporting_is_past: bool,
        scheduled: bool,
    ) -> tuple[float, str, bool] | None:
        """What word ``i`` says about tense: (distance, direction, listed), or None."""
        lex = self.lex
        w = words[i].group()
        lw = w.lower()
        nxt = words[i + 1].group().lower() if i + 1 < len(words) else ""
        # (the word before the first one after the date is the date itself)
        prev = words[i - 1].group().lower() if 0 < i != split else ""
        if lw in lex.reporting or (lw in lex.auxiliaries and nxt in lex.reporting):
            # "a annoncé", "ha dicho": the auxiliary of a reporting verb reports too.
            return (dist, "past", True) if reporting_is_past else None
        if lex.future.match(w) or (lw == "to" and prev in ("is", "are")):
            return dist, "future", True  # "will", "plans" ...; "is to vote": a plan
        if (
            scheduled
            and lex.present_plan is not None
            and i < split
            and dist <= 4
            and (lex.present_plan.match(w) or (lw == "effect" and prev in ("take", "takes")))
        ):
            return dist, "future", True  # "tallies begin Wednesday", "takes effect at 6 a.m."
        if lex.past.match(w) and prev not in _FUTURE_PASSIVE:
            return dist, "past", True  # (not "will be brought", "to be held")
        # Letters of scripts without case count as lower case: no cue assumes capitals.
        lower = w[:1].islower() or (w[:1].isalpha() and not w[:1].isupper())
        participle = lex.participle is not None and prev in lex.auxiliaries and lower
        if participle and lex.participle.search(w):  # type: ignore[union-attr]
            # "se sont rencontrés", "ha firmado": a compound past; "aura été auditionné",
            # a future perfect, looks ahead
            before_aux = words[i - 2].group() if i >= 2 and i - 1 != split else ""
            ahead = before_aux and lex.future.match(before_aux)
            return dist, "future" if ahead else "past", True
        if not ((lower or (lex.inflected_tense and i == 0)) and len(w) > 4):
            return None
        if prev in lex.determiners:
            return None
        return self._suffix_cue(words, i, w, dist)

    def _suffix_cue(
        self, words: list[re.Match[str]], i: int, w: str, dist: float
    ) -> tuple[float, str, bool] | None:
        """A tense guessed from a word's ending ("reprendront", "-ed")."""
        lex = self.lex
        if lex.future_suffix is not None and lex.future_suffix.search(w):
            if lex.inflected_tense:
                return dist, "future", True  # "reprendront", "comenzará"
            return 2 * dist + 2, "future", False
        if (
            lex.past_suffix is not None
            and lex.past_suffix.search(w)
            and not (i > 0 and words[i - 1].group().lower() in _FUTURE_PASSIVE)
        ):
            # "to be completed by May" is a plan, not a past event.
            if lex.inflected_tense:
                return dist, "past", True  # "viajaban", "firmaron"
            return 3 * dist + 2, "past", False
        return None

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


# --- The story's time -------------------------------------------------------------------
#
# A date without a year ("on 27 August", "by early October") in a passage that tells a story
# away from the publication date ("In 1939 Germany invaded Poland. By early October...")
# takes its year from the story: the last explicit date. The resolvers give such dates a
# ``story`` reading (see :class:`Resolved`); the text-order pass decides where it applies.

_SEASON_FIRST_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_STORY_VALUE = re.compile(
    r"(?P<bc>BC)?(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?|-(?P<s>SP|SU|FA|WI)|-Q(?P<q>[1-4])"
    r"|-H(?P<h>[12])|-W\d{2}(?:-WE)?)?(?:T.*)?"
)


def story_of(value: str, pos: int) -> Story | None:
    """The story time a date's TIMEX3 value sets ("1939", "BC0480-09", "1941-12-07T..."),
    or None for values coarser than a year (decades, centuries) and non-dates."""
    m = _STORY_VALUE.fullmatch(value or "")
    if m is None:
        return None
    y = int(m["y"])
    year = 1 - y if m["bc"] else y
    if m["m"]:
        return Story(year, int(m["m"]), int(m["d"] or 0), pos)
    if m["s"]:
        return Story(year, _SEASON_FIRST_MONTH[m["s"]], 0, pos)
    if m["q"] or m["h"]:
        first = 3 * (int(m["q"]) - 1) + 1 if m["q"] else 6 * (int(m["h"]) - 1) + 1
        return Story(year, first, 0, pos)
    return Story(year, 0, 0, pos)


def _year_text(year: int) -> str:
    """An astronomical year as TIMEX3 writes it: 1916 is "1916", -479 is "BC0480"."""
    return f"{year:04d}" if year > 0 else f"BC{1 - year:04d}"


# Going back in a story costs more than going on: stories are told forward, so "in January"
# after "December 1941" is January 1942, while "in November" stays in 1941.
_STORY_BACK_COST = 2.0


def story_year(story: Story, month: int, day: int = 0) -> int:
    """Year (astronomical) of a year-less month (and day) in a story set at ``story``.

    A story known to the year gives that year. Known to the month, it gives the nearest such
    date, going back counting double ("in January" after "December 1941" is 1942; "in May"
    after "June 1944" stays in 1944).
    """
    if not story.month:
        return story.year
    here = story.year * 372 + (story.month - 1) * 31 + story.day
    best_year, best_cost = story.year, float("inf")
    for y in (story.year - 1, story.year, story.year + 1):
        gap = y * 372 + (month - 1) * 31 + day - here
        if story.back:
            cost = -gap if gap <= 0 else float("inf")  # a past perfect looks back
        else:
            cost = gap if gap >= 0 else -gap * _STORY_BACK_COST
        if cost < best_cost:
            best_year, best_cost = y, cost
    return best_year


def story_result(
    story: Story,
    grain: str,
    year: int,
    index: int = 0,
    day: int = 0,
    mod: str = "",
    type_: str = DATE,
    kind: str = "story",
) -> Resolved | None:
    """A date of the story's time: a month, day, season, quarter, half or year of ``year``.

    Years the calendar holds give a period with its interval; others (480 BC, 490) only a
    TIMEX3 value ("BC0480-09"), which places nothing on the timeline.
    """
    if cal.MIN_YEAR <= year <= cal.MAX_YEAR:
        if grain == "day":
            if not _valid(year, index, day):
                return None
            period = cal.day(datetime.date(year, index, day))
        elif grain == "month":
            period = cal.month(year, index)
        elif grain == "season":
            period = cal.season(year, cal.SEASONS[index])
        elif grain == "quarter":
            period = cal.quarter(year, index)
        elif grain == "half":
            period = Period("half", year, index)
        else:
            period = cal.year(year)
        return _period_result(period, mod, anchor_kind=kind, type_=type_)
    head = _year_text(year)
    if grain == "day":
        value = f"{head}-{index:02d}-{day:02d}"
    elif grain == "month":
        value = f"{head}-{index:02d}"
    elif grain == "season":
        value = f"{head}-{cal.SEASONS[index]}"
    elif grain == "quarter":
        value = f"{head}-Q{index}"
    elif grain == "half":
        value = f"{head}-H{index}"
    else:
        value = head
    return Resolved(type_, value, mod, anchor_kind=kind)


def _quarter_default(q: int, pub: datetime.date, direction: str | None) -> int:
    """Year of a year-less quarter: the current and the last one are this year's (they are
    what reports are about); others follow the direction, the past by default."""
    current = (pub.month - 1) // 3 + 1
    if current - 1 <= q <= current:
        return pub.year
    if direction == "future":
        return pub.year if q > current else pub.year + 1
    return pub.year if q < current else pub.year - 1


def _unit_of(word: str, lex: Lexicon | None = None) -> str:
    w = _norm(word)
    if (
        lex is not None
        and lex.locale.units
        and lex.units.get(w) in ("week", "month", "year", "day")
    ):
        return lex.units[w]  # generic languages: "settimana", "неделе", "hafta"
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


def _unit_and_count(m: re.Match[str], ctx: Context) -> tuple[str, float] | None:
    """The unit of group ``u`` and the number of group ``n``; None when the unit is not
    one of the language's or the count is vague ("several days")."""
    unit = ctx.lex.units.get(_norm(m["u"]))
    n = _count(m, ctx)
    return None if unit is None or n is None else (unit, n)


def _count(m: re.Match[str], ctx: Context) -> float | None:
    """The number in group ``n`` (None for vague counts: "several", "a few")."""
    raw = _g(m, "n")
    if raw is None:
        # A dual unit counts two ("يومين", two days); any other bare unit one.
        return float(ctx.lex.table("duals").get(_norm(_g(m, "u") or ""), 1))
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


def _outside_calendar(told: Story, unit: str, step: int, part: str | None) -> Resolved | None:
    """A year, month or day counted from a story the calendar does not hold ("the following
    year" after "492 BC" is BC0491). A day is known only within the story's month
    ("the next day" after "17 August 480 BC"); otherwise it is a day of the era, not known
    further ("that same day" after "June 479 BC": BCXXXX-XX-XX)."""
    if unit == "year":
        return story_result(told, "year", told.year + step, type_=DATE, kind="previous")
    if unit == "month":
        if not told.month:
            return None
        y, m = divmod(told.year * 12 + told.month - 1 + step, 12)
        return story_result(told, "month", y, m + 1, kind="previous")
    if told.day and 1 <= told.day + step <= 28:
        value = f"{_year_text(told.year)}-{told.month:02d}-{told.day + step:02d}"
    else:
        value = "BCXXXX-XX-XX" if told.year <= 0 else "XXXX-XX-XX"
    if part:
        return Resolved(TIME, f"{value}T{part}", anchor_kind="previous")
    return Resolved(DATE, value, anchor_kind="previous")


def _anaphoric(unit: str, step: int, ctx: Context, part: str | None = None) -> Resolved:
    pub = ctx.published

    def later(state: State) -> Resolved | None:
        base = state.prev
        kind = "previous"
        u = {"morning": "day", "afternoon": "day", "evening": "day", "night": "day"}.get(unit, unit)
        told = state.story
        if (
            told is not None
            and not cal.MIN_YEAR <= told.year <= cal.MAX_YEAR
            and (base is None or told.pos > state.prev_pos)
            and u in ("year", "month", "day")
        ):
            # "the following year" after "492 BC": counted on the story's own calendar
            return _outside_calendar(told, u, step, ctx.lex.parts_of_day.get(part or ""))
        if base is None:
            base, kind = cal.day(pub), "published"
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
        mod = ctx.lex.table("approximations").get(_norm(word), "APPROX")

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
