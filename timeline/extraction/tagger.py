"""The temporal tagger: TIMEX3 expressions with their extent, type, value and interval.

How it works, in three passes over the text:

1. **Find.** Every rule of the language's grammar (:mod:`.timex_grammar`, regexes over words)
   is run over the text; each match is handed to its resolver (:mod:`.resolve`), which
   either rejects it (a troop count, a surname) or resolves it. Resolution that only needs
   the publication date and the sentence (direction of "by May", "met in May") happens here.
2. **Choose.** Overlapping candidates are settled longest first, so "September last year"
   beats "September" and "the past three years" beats "three years".
3. **Anchor.** In text order, expressions that continue the story ("two days later", "that
   day", "the following month") are resolved against the previous date in the text, and
   dates without a year take the year of the story being told where the text has moved
   away from the publication date ("In 1939 Germany invaded Poland. By early October..."
   is 1939-10; see :class:`_Narrative`).

dateparser is never run over whole texts. It is used for its language data (month and
weekday names) and, in :func:`normalise_phrase`, as a fallback parser for short phrases the
grammar does not cover.
"""

from __future__ import annotations

import bisect
import datetime
import functools
import re
import time
from dataclasses import replace

from . import languages
from . import timex_calendar as cal
from .resolvers import (
    NEEDS,
    RESOLVERS,
    TRIGGER_CLASSES,
    Context,
    OutOfRange,
    Resolved,
    State,
    Story,
    story_of,
)
from .resolvers.base import _WORD
from .timex_grammar import rules_for, trigger_for
from .timex_lexicon import lexicon
from .types import DATE, TIME, ExtractionError, Fault, TemporalExpression

__all__ = ["normalise_phrase", "tag"]

# Checking the clock costs little, but not nothing: look at it every few matches.
_CHECK_EVERY = 64
# Phrases longer than this are not dates an editor typed; they are never sent to dateparser.
_MAX_PHRASE = 80


_BEFORE = 60
_AFTER = 80


def _scan(pattern: re.Pattern[str], text: str, windows: list[tuple[int, int]]):
    for ws, we in windows:
        yield from pattern.finditer(text, ws, we)


class _Cand:
    __slots__ = ("end", "name", "prio", "res", "start")

    def __init__(self, start: int, end: int, name: str, prio: int, res: Resolved) -> None:
        self.start, self.end, self.name, self.prio, self.res = start, end, name, prio, res


def _check(deadline: float) -> None:
    if time.monotonic() > deadline:
        raise ExtractionError("temporal tagging ran over its time budget")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding spaces and a trailing comma/period the grammar may have taken."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


def _windows(text: str, language: str, deadline: float) -> dict[str, list[tuple[int, int]]]:
    """Stretches of text around trigger words, merged, per trigger class.

    A rule's match always holds a trigger of its classes (a month, a unit, a digit...) no
    more than ``_BEFORE`` characters after its start or ``_AFTER`` before its end, so nothing
    is lost; prose without triggers costs one cheap scan instead of one scan per rule.
    """
    hits: dict[str, list[tuple[int, int]]] = {k: [] for k in TRIGGER_CLASSES}
    n = len(text)
    for i, m in enumerate(trigger_for(language).finditer(text)):
        if i % 1024 == 0:
            _check(deadline)
        out = hits[m.lastgroup or "other"]
        ws = max(0, m.start() - _BEFORE)
        we = min(n, m.end() + _AFTER)
        if out and ws <= out[-1][1]:
            # Inside the window before: it grows, and its start stays.
            out[-1] = (out[-1][0], max(we, out[-1][1]))
            continue
        # Start at a space, so a window never begins inside a word.
        while ws > 0 and not text[ws - 1].isspace() and m.start() - ws < 2 * _BEFORE:
            ws -= 1
        if out and ws <= out[-1][1]:
            out[-1] = (out[-1][0], max(we, out[-1][1]))
        else:
            out.append((ws, we))
    return hits


def _merge(parts: list[list[tuple[int, int]]]) -> list[tuple[int, int]]:
    spans = sorted(s for part in parts for s in part)
    out: list[tuple[int, int]] = []
    for ws, we in spans:
        if out and ws <= out[-1][1]:
            out[-1] = (out[-1][0], max(we, out[-1][1]))
        else:
            out.append((ws, we))
    return out


# A resolver's way of saying "no such date" ("February 30", a year outside 1000-2200):
# the match is simply not a date. Any other exception is a fault in the rule.
_NOT_A_DATE = (OutOfRange, ValueError, OverflowError)


def _fault(rule: str, text: str, start: int, end: int, exc: Exception) -> Fault:
    return Fault(rule, text[start:end], start, end, type(exc).__name__, str(exc))


def _find(
    text: str, ctx: Context, language: str, deadline: float, faults: list[Fault]
) -> list[_Cand]:
    found: list[_Cand] = []
    seen = 0
    hits = _windows(text, language, deadline)
    merged: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    for rule in rules_for(language):
        needs = NEEDS[rule.resolver]
        if needs not in merged:
            merged[needs] = _merge([hits[k] for k in needs])
        windows = merged[needs]
        resolver = RESOLVERS[rule.resolver]
        for m in _scan(rule.pattern, text, windows):
            seen += 1
            if seen % _CHECK_EVERY == 0:
                _check(deadline)
            start, end = _trim(text, m.start(), m.end())
            if end <= start:
                continue
            try:
                res = resolver(m, ctx)
            except _NOT_A_DATE:
                continue
            except Exception as exc:  # one failing rule costs one expression, not the text
                faults.append(_fault(rule.name, text, start, end, exc))
                continue
            if res is None:
                continue
            found.append(_Cand(start, end, rule.name, rule.priority, res))
        _check(deadline)
    return found


def _choose(cands: list[_Cand]) -> list[_Cand]:
    """Non-overlapping candidates, longest (then highest priority, then first) wins."""
    ranked = sorted(cands, key=lambda c: (-(c.end - c.start), -c.prio, c.start))
    starts: list[int] = []  # taken spans, sorted and disjoint
    ends: list[int] = []
    chosen: list[_Cand] = []
    for c in ranked:
        i = bisect.bisect_right(starts, c.start)
        if i > 0 and ends[i - 1] > c.start:
            continue
        if i < len(starts) and starts[i] < c.end:
            continue
        starts.insert(i, c.start)
        ends.insert(i, c.end)
        chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return chosen


_DAY_BEFORE = re.compile(r"(?i)(?:the\s+)?day\s+(before|after)")


def _compose(text: str, chosen: list[_Cand]) -> list[_Cand]:
    """Join "the day before" to the date right after it: "the day before last Tuesday".

    The phrase then counts from that date, not from the previous date in the text.
    """
    out: list[_Cand] = []
    i = 0
    while i < len(chosen):
        c = chosen[i]
        nxt = chosen[i + 1] if i + 1 < len(chosen) else None
        m = _DAY_BEFORE.fullmatch(text, c.start, c.end)
        if (
            m is not None
            and nxt is not None
            and nxt.res.later is None
            and nxt.res.period is not None
            and nxt.res.period.grain == "day"
            and not text[c.end : nxt.start].strip()
        ):
            step = -1 if m.group(1).lower() == "before" else 1
            d = cal.shift(nxt.res.period.interval()[0], "day", step)
            res = Resolved(
                DATE,
                anchor_kind=nxt.res.anchor_kind,
                rule="day-before-date",
                period=cal.day(d),
                interval=(d, d),
            )
            res.value = res.period.value  # type: ignore[union-attr]
            out.append(_Cand(c.start, nxt.end, "day-before-date", c.prio, res))
            i += 2
            continue
        out.append(c)
        i += 1
    return out


def _finish(
    text: str, c: _Cand, res: Resolved, published: datetime.date, story: Story | None = None
) -> TemporalExpression:
    interval = res.interval
    precision = None
    if res.period is not None and res.type in (DATE, TIME):
        precision = res.period.precision
        if interval is None:
            interval = res.period.interval()
    anchor = None
    if res.anchor_kind == "published":
        anchor = published
    elif res.anchor_kind == "story" and story is not None:
        anchor = _story_date(story)
    elif res.anchor_kind == "previous" and res.period is not None:
        anchor = None  # filled by the caller, which knows the previous expression
    return TemporalExpression(
        text=text[c.start : c.end],
        start=c.start,
        end=c.end,
        type=res.type,
        value=res.value,
        mod=res.mod,
        precision=precision if interval is not None else None,
        interval_start=interval[0] if interval else None,
        interval_end=interval[1] if interval else None,
        rule=res.rule or c.name,
        anchor=anchor,
        anchor_kind=res.anchor_kind
        if (anchor is not None or res.anchor_kind in ("previous", "story"))
        else "",
        offset=res.offset,
    )


def _story_date(story: Story) -> datetime.date | None:
    """The first day of the story's time, as the anchor shown to readers (None for years
    the calendar does not hold, such as 480 BC)."""
    if not cal.MIN_YEAR <= story.year <= cal.MAX_YEAR:
        return None
    return datetime.date(story.year, story.month or 1, story.day or 1)


# How far the story's time reaches beyond its paragraph: this many sentence starts after
# the date that set it (or moved it), across at most this many blank lines (headings and
# paragraphs of news). Within its paragraph, any distance.
_STORY_SENTENCES = 16
_STORY_BLANK_LINES = 2
# A story in the year before publication needs this many steps forward: a lone mention of
# last year ("suspended in 2023 before resuming in January") leaves its dates to the
# publication date's own rules, which place them well.
_STORY_STEPS_LAST_YEAR = 2
# A plan or future word this close (in words) to the date speaks from the publication date.
_STORY_FUTURE_CUE = 8
# A past perfect's auxiliary this many words before a date or closer makes it look back.
_PLUPERFECT_WORDS = 5
# A date within this many words of its sentence's start opens it ("In 1940, ...", "On
# June 22, 1941, ...").
_OPENING_WORDS = 3
# ... and after news of the day, a date heading its sentence (a preposition at most before
# it: "Nel 2011", "Am 24. März 1999") sets the scene again.
_SCENE_WORDS = 1
# An until word this many words before a date or closer makes it the end of a span.
_UNTIL_WORDS = 6
_CLAUSE_BREAK = re.compile(r"[,;:()]")
# Between the halves of a range ("1998 to 2000", "entre 2002 y 2004"): one step, not two.
_RANGE_GAP = re.compile(r"(?i)\s*(?:-|–|—|/|to|through|until|and|or|à|au|et|a|al|y|hasta)\s*")


def _after(a: Story, b: Story) -> bool:
    """True when ``a`` begins after ``b`` ends ("September 17, 1939" after "September 1,
    1939"; "September 11, 2001" is not after "2001")."""
    if not b.month:
        return a.year > b.year
    if not b.day:
        return (a.year, a.month) > (b.year, b.month)
    return (a.year, a.month, a.day) > (b.year, b.month, b.day)


class _Narrative:
    """Where the text tells a story away from the publication date.

    An explicit date sets the story's time when it is more recent than the previous
    explicit anchor (an explicit date, or a date spoken from the publication date), or when
    it opens its sentence and nothing before tied the text to the publication date ("In
    1939 Germany invaded Poland."). A date in the past after the text has spoken from the
    publication date ("Negotiations began in 2018", "talks that began in 2012") is a glance
    back: it leaves the story's time where it was. A date without a year then takes the
    story's year (see :class:`Story`) when

    - nothing has spoken from the publication date since the story's date ("on Tuesday",
      "last week", "two years ago"): news leads and reports of the day keep resolving
      against the publication date;
    - the story's date is in the same paragraph, or a few sentences back;
    - the story lies before the publication's year (in the year just before only when a
      chronology is being told: two steps forward), and no word of what is to come,
      spoken from now, governs the date ("will announce his cabinet at the end of
      January"; the [story] ahead words of the language file).

    A date counted back from the story ("the previous year", "a decade earlier") is a
    glance back too: it does not move the story's time. A date that opens its sentence sets
    the scene even after news of the day ("Nel 2011 la rivolta scoppiò ..."), for its own
    paragraph; a glance back still dates the rest of its own sentence when that is told in
    the past ("began on 24 November 2023, before fighting resumed on 1 December"); and a
    span since a year-less date ("Since June, forces have been fighting") reaches to now.
    In a story told, a speaker's words (a quotation, or after a reporting verb) do not
    speak from the publication date, a new paragraph's first date sets its own scene, and
    after the text has spoken from the publication date a date of the story's year, not
    before where the story was, takes it up again.
    """

    __slots__ = (
        "anchor",
        "anchor_end",
        "ctx",
        "glance",
        "interrupted",
        "moving",
        "pub_pos",
        "published",
        "starts",
        "steps",
        "text",
        "until",
    )

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.text = ctx.text
        self.published = ctx.published
        self.starts = [s for s, _ in ctx.sentences]
        self.pub_pos = -1
        # The previous explicit anchor (an explicit date, or a date spoken from the
        # publication date) and whether the explicit dates since have moved forward.
        self.anchor: Story | None = None
        self.anchor_end = -1
        self.moving = False
        # Steps forward the explicit dates have taken since the text last spoke from the
        # publication date.
        self.steps = 0
        # Where the story's time ends when a scene set after news of the day holds only for
        # its paragraph (-1: no such end).
        self.until = -1
        # The last glance back (an older explicit date inside a clause), for the year-less
        # dates of its own sentence.
        self.glance: Story | None = None
        # The story's time when the text last spoke from the publication date: a date of
        # that story's year, told on from it, takes the story up again.
        self.interrupted: Story | None = None

    def explicit(self, told: Story, start: int, end: int) -> bool:
        """An explicit date: it sets the story's time when it is more recent than the
        previous explicit anchor, or when nothing before it tied the text to the publication
        date. An older one is a glance back ("talks that began in 2012"); it leaves the
        story's time where it was. Returns whether it sets it."""
        prev, prev_end = self.anchor, self.anchor_end
        self.anchor, self.anchor_end = told, end
        if prev is None:
            # Nothing tied the text to the publication date before: a date that opens its
            # sentence sets the scene ("In 1939 Germany invaded Poland").
            self.moving = self._opens_sentence(start)
            self.until = -1
            return self.moving
        if prev_end >= 0 and _RANGE_GAP.fullmatch(self.text, prev_end, start):
            return self.moving  # the second half of a range ("1998 to 2000") is no step
        if _after(told, prev) or self._resumes(told):
            self.until = -1
            self.moving = True
            self.steps += 1
            return True
        # Going back, a date that opens its sentence ("In 1940, ...") sets the scene; one
        # inside a clause ("talks that began in 2012") is a glance back. After news of the
        # day, only a date heading its sentence does ("Nel 2011 la rivolta scoppiò", not
        # "Talks began in 2018"), and only for its own paragraph (the next one may be news
        # again: "Le gouvernement envisage ... avant la fin du mois").
        opens = self._opens_sentence(start, _OPENING_WORDS if self.moving else _SCENE_WORDS)
        if not opens and not (self.moving and self._first_of_paragraph(prev_end, start)):
            self.glance = replace(told, pos=start)
            return False
        if not self.moving:
            end_of_paragraph = self.text.find("\n", start)
            self.until = len(self.text) if end_of_paragraph < 0 else end_of_paragraph
        self.moving = True
        return True

    def _resumes(self, told: Story) -> bool:
        """True when ``told`` takes up the story the text left to speak from the publication
        date: the same year, not before where it was ("... he said two years ago. It began
        early in the morning of 29 April 1975")."""
        story = self.interrupted
        return (
            story is not None
            and told.year == story.year
            and told.year < self.published.year
            and not _after(story, told)
        )

    def spoken_from_publication(
        self, told: Story | None, start: int, story: Story | None = None
    ) -> None:
        """A date spoken from the publication date ("on Tuesday", "last week"), where the
        story was at ``story``."""
        if self.moving and story is not None:
            self.interrupted = story
        self.pub_pos = start
        self.moving = False
        self.steps = 0
        if told is not None:
            self.anchor, self.anchor_end = told, -1

    def sets_story(self, expr: TemporalExpression) -> bool:
        """Whether an explicit date is a time the story is told at: not the start of a span
        reaching to now ("frozen since 2011"), a year naming a thing ("the 2002 ruling",
        "1965's Man of the Year") or a plan ("a planned campaign in 1976")."""
        lex = self.ctx.lex
        before = self.text[max(0, expr.start - 30) : expr.start]
        if lex.story_since is not None and lex.story_since.search(before):
            return False
        if lex.story_plans and any(
            w.lower() in lex.story_plans
            for w in _WORD.findall(self.text, max(0, expr.start - 30), expr.start)[-4:]
        ):
            return False  # "a planned campaign in 1976": an intention, not the story's time
        if self._ends_span(expr.start):
            return False  # "lasted until ... February 1945": told ahead, not reached
        if expr.text.isdigit():
            words = before.split()
            if words and words[-1].lower() in lex.story_modifiers:
                return False
            if self.text.startswith(("'s", "’s"), expr.end):
                return False
        return True

    def _ends_span(self, start: int) -> bool:
        """True when a [story] until word stands within a few words before ``start``, in
        its clause (no comma between), and the date is not the second half of a range
        ("from 1998 until 2000"): the date ends a span told ahead of the story."""
        until = self.ctx.lex.story_until
        if not until:
            return False
        if self.anchor_end >= 0 and _RANGE_GAP.fullmatch(self.text, self.anchor_end, start):
            return False
        s, _ = self.ctx.sentence(start)
        words = list(_WORD.finditer(self.text, max(s, start - 60), start))[-_UNTIL_WORDS:]
        hit = next((w for w in reversed(words) if w.group().lower() in until), None)
        return hit is not None and not _CLAUSE_BREAK.search(self.text, hit.end(), start)

    def looks_back(self, start: int) -> bool:
        """True when a past perfect's auxiliary stands in the few words before ``start``
        in its sentence ("who had spent the spring"): the date lies before the story's
        time."""
        lex = self.ctx.lex
        if not lex.story_pluperfect:
            return False
        s, _ = self.ctx.sentence(start)
        words = _WORD.findall(self.text, max(s, start - 60), start)[-_PLUPERFECT_WORDS:]
        if words and words[-1].lower() in lex.story_reached:
            return False  # "had been repulsed by January": the date is the time reached
        return any(w.lower() in lex.story_pluperfect for w in words)

    def reaches_now(self, start: int) -> bool:
        """True when a [story] since word stands right before ``start`` and no past perfect
        is in its sentence ("Since June, forces have been fighting"): the span reaches to
        the writer's now, so its date is read from the publication date ("had been
        fighting since June" is the story's)."""
        lex = self.ctx.lex
        if lex.story_since is None:
            return False
        if not lex.story_since.search(self.text[max(0, start - 30) : start]):
            return False
        s, e = self.ctx.sentence(start)
        return not any(w.lower() in lex.story_pluperfect for w in _WORD.findall(self.text, s, e))

    def speaker_time(self, start: int) -> bool:
        """True when ``start`` is in someone's words: inside a quotation, or after a
        reporting verb of its sentence ("he suggested Kissinger had tricked him ... two
        years ago"). In a story told, such words speak from the speaker's time, not the
        publication date."""
        if _in_quotation(self.text, start):
            return True
        reporting = self.ctx.lex.reporting
        s, _ = self.ctx.sentence(start)
        return any(w.lower() in reporting for w in _WORD.findall(self.text, s, start))

    def _first_of_paragraph(self, prev_end: int, start: int) -> bool:
        """True when ``start`` is the first explicit date of a new paragraph, after
        ``prev_end``: in a story told, a new paragraph sets its own scene ("On Germany's
        eastern front, ... launched their summer offensive in June 1942"), unless its
        sentence looks back in the past perfect ("El proceso había arrancado en enero de
        2020")."""
        if prev_end < 0 or "\n\n" not in self.text[prev_end:start]:
            return False
        s, _ = self.ctx.sentence(start)
        pluperfect = self.ctx.lex.story_pluperfect
        return not any(w.lower() in pluperfect for w in _WORD.findall(self.text, s, start))

    def _opens_sentence(self, start: int, words: int = _OPENING_WORDS) -> bool:
        s, _ = self.ctx.sentence(start)
        return len(self.text[s:start].split()) <= words

    def _speaks_ahead(self, start: int, end: int) -> bool:
        """True when a word of what is to come, spoken from now ("will", "anunciará"),
        stands within a few words of ``start:end`` in its sentence."""
        lex = self.ctx.lex
        if not lex.story_ahead and lex.story_ahead_suffix is None:
            return False
        s, e = self.ctx.sentence(start)
        words = list(_WORD.finditer(self.text, max(s, start - 120), min(e, end + 120)))
        before = [w for w in words if w.end() <= start][-_STORY_FUTURE_CUE:]
        after = [w for w in words if w.start() >= end][:_STORY_FUTURE_CUE]
        prev = ""
        for w in before + after:
            word = w.group()
            lw = word.lower()
            if lw in lex.story_ahead:
                return True
            if (
                lex.story_ahead_suffix is not None
                and word[:1].islower()
                and len(word) > 4
                and prev not in lex.determiners
                and lex.story_ahead_suffix.search(lw)
            ):
                return True
            prev = lw
        return False

    def _sentences_between(self, a: int, b: int) -> int:
        return bisect.bisect_right(self.starts, b) - bisect.bisect_right(self.starts, a)

    def reading(self, story: Story | None, start: int, end: int) -> Story | None:
        """The story time a year-less date at ``start:end`` is read in: the story's (see
        :meth:`applies`), else that of a glance back earlier in its sentence when the date
        is told in the past ("La prima era cominciata il 24 novembre 2023 ... prima che il
        1° dicembre i combattimenti riprendessero"), else None (the publication date's)."""
        if self.applies(story, start, end) and not self.reaches_now(start):
            return story
        glance = self.glance
        if glance is None or not glance.month or glance.year >= self.published.year:
            return None
        if self.ctx.sentence(glance.pos) != self.ctx.sentence(start) or glance.pos > start:
            return None
        found = self.ctx.cue(start, end)
        if found is None or found[0] != "past" or not (found[2] or found[1] <= 4):
            return None  # a listed past tense, or a guessed one right by the date
        return None if self._speaks_ahead(start, end) else glance

    def applies(self, story: Story | None, start: int, end: int = -1) -> bool:
        """Whether the expression at ``start:end`` is read in the story's time (``end``
        -1: only the position counts, as for a date counted from one of the story's)."""
        if story is None or not self.moving or story.pos <= self.pub_pos:
            return False
        if 0 <= self.until < start:
            return False
        if story.year >= self.published.year:
            return False
        if story.year == self.published.year - 1 and self.steps < _STORY_STEPS_LAST_YEAR:
            # the year before publication: the publication date's own rules place its
            # dates well ("met in March"), unless a chronology is being told
            return False
        if end >= 0 and self._speaks_ahead(start, end):
            return False
        if self.text.find("\n", story.pos, start) < 0:
            return True  # the same paragraph
        if self.text.count("\n\n", story.pos, start) > _STORY_BLANK_LINES:
            return False
        return self._sentences_between(story.pos, start) <= _STORY_SENTENCES


def _anchor_pass(
    text: str,
    chosen: list[_Cand],
    published: datetime.date,
    deadline: float,
    faults: list[Fault],
    ctx: Context,
) -> list[TemporalExpression]:
    state = State()
    narrative = _Narrative(ctx)
    out: list[TemporalExpression] = []
    for i, c in enumerate(chosen):
        if i % _CHECK_EVERY == 0:
            _check(deadline)
        res = c.res
        previous = state.prev
        story = state.story
        glance = False
        if res.later is not None:
            resolved = _guarded(res.later, state, c, text, faults)
            if resolved is None:
                continue
            if not resolved.rule:
                resolved.rule = res.rule
            res = resolved
        elif res.story is not None and (at := narrative.reading(story, c.start, c.end)):
            glance = at is not story  # a glance back's sentence: the story stays where it was
            story = _range_start_story(text, chosen, i, at) or at
            if narrative.looks_back(c.start):
                story = replace(story, back=True)
                glance = True
            told = _guarded(res.story, story, c, text, faults)
            if told is not None:
                told.sets_prev = res.sets_prev
                res = told
        expr = _finish(text, c, res, published, story)
        if expr.anchor_kind == "previous" and res.period is None:
            pass  # counted on a calendar before the timeline's ("the following year" in BC)
        elif expr.anchor_kind == "previous" and previous is not None:
            expr = _replace_anchor(expr, previous.interval()[0])
        elif expr.anchor_kind == "previous":
            expr = _replace_anchor(expr, published, "published")
        if ctx.lex.extent_article is not None:
            expr = _with_article(text, expr, ctx.lex.extent_article)
        out.append(expr)
        if not glance:  # a past perfect's date looks back: the story stays where it was
            _follow_story(state, narrative, expr, c)
        _remember(state, c, res, expr)
    return _appositions(text, out)


def _range_start_story(text: str, chosen: list[_Cand], i: int, story: Story) -> Story | None:
    """The story time the first half of a year-less range is read in ("from October to
    March" after "March 1945": October 1944): looking back from where its second half falls
    in the story. None when ``chosen[i]`` does not open such a range."""
    if i + 1 >= len(chosen):
        return None
    c, nxt = chosen[i], chosen[i + 1]
    if nxt.res.story is None or nxt.res.later is not None or not nxt.start > c.end:
        return None
    if not _RANGE_GAP.fullmatch(text, c.end, nxt.start):
        return None
    try:
        second = nxt.res.story(story)
    except Exception:  # the second half is read again in its turn; its fault is noted then
        return None
    told = story_of(second.value, nxt.start) if second is not None else None
    if told is None or not told.month:
        return None
    return replace(told, pos=story.pos, back=True)


# Between a date counted from the previous one and a date that restates it ("Two days
# later, on March 3", "Menos de una semana antes, el viernes 1 de abril"): a comma or a
# dash, and perhaps a preposition.
_APPOSITION = re.compile(r"\s*[,(–—]\s*(?:[^\W\d_]{1,3}\s+)?")


def _appositions(text: str, out: list[TemporalExpression]) -> list[TemporalExpression]:
    """A date counted from the previous one and restated right after it, in apposition:
    the restated date says when (the count may have started from a date in a glance back).
    The count itself (``offset``) stays, for TimeML."""
    for i in range(len(out) - 1):
        e, nxt = out[i], out[i + 1]
        if not (e.anchor_kind == "previous" and e.offset and e.is_dating and nxt.is_dating):
            continue
        if nxt.anchor_kind == "previous" or nxt.precision != "day":
            continue
        if not _APPOSITION.fullmatch(text, e.end, nxt.start - len(nxt.determiner)):
            continue
        out[i] = replace(
            e,
            value=nxt.value.split("T", 1)[0],
            precision=nxt.precision,
            interval_start=nxt.interval_start,
            interval_end=nxt.interval_end,
            mod="",
            anchor=nxt.anchor,
            anchor_kind=nxt.anchor_kind,
            rule=f"{e.rule}-apposition",
        )
    return out


def _guarded(fn, arg, c: _Cand, text: str, faults: list[Fault]) -> Resolved | None:
    """``fn(arg)`` (a later or story reading), None when it is no date or it fails: one
    failing rule costs one expression, not the text (the fault is noted)."""
    try:
        return fn(arg)
    except _NOT_A_DATE:
        return None
    except Exception as exc:
        faults.append(_fault(c.name, text, c.start, c.end, exc))
        return None


def _remember(state: State, c: _Cand, res: Resolved, expr: TemporalExpression) -> None:
    """Keep the expression as the previous date for the anaphors that follow."""
    p = res.period
    if p is None or not (res.sets_prev and c.res.sets_prev) or not expr.is_dating:
        return
    if p.grain == "day":
        state.prev_day = p
    if p.grain in ("day", "month", "quarter", "year"):
        state.prev, state.prev_pos, state.prev_end = p, c.start, c.end
        if p.grain == "quarter" and c.res.later is None:
            # Only quarters the text names, not ones worked out from "year-ago".
            state.prev_quarter = p
    elif p.grain in ("week", "season", "half"):
        state.prev, state.prev_pos, state.prev_end = p, c.start, c.end


def _follow_story(state: State, narrative: _Narrative, expr: TemporalExpression, c: _Cand) -> None:
    """Move the story's time on: an explicit date sets it, a date read against it (or
    counted from a date of the story) moves it; a date spoken from the publication date
    ends it."""
    kind = expr.anchor_kind
    if expr.type not in (DATE, TIME):
        return
    if kind == "" and not narrative.sets_story(expr):
        return
    if kind == "story" and not c.res.sets_prev:
        return  # read loosely in the story ("the onset of winter"): it does not move it
    if (
        kind == ""
        or kind == "story"
        or (kind == "previous" and narrative.applies(state.story, c.start))
    ):
        told = story_of(expr.value, c.start)
        if told is None:
            return
        if kind == "previous" and state.story is not None and not _after(told, state.story):
            return  # counted back ("the previous year", "a decade earlier"): a glance back
        if kind != "" or narrative.explicit(told, c.start, c.end):
            state.story = told
    elif kind == "published" and c.res.story is None and expr.is_dating:
        if narrative.applies(state.story, c.start) and narrative.speaker_time(c.start):
            return  # a speaker's words in a story told ("... two years ago," he said)
        narrative.spoken_from_publication(story_of(expr.value, c.start), c.start, state.story)


_OPENING_QUOTES = "“«„"
_CLOSING_QUOTES = "”»"


def _in_quotation(text: str, pos: int) -> bool:
    """True when ``pos`` lies inside a quotation opened earlier in its paragraph: an
    opening mark not yet closed, or an odd number of straight double quotes."""
    start = text.rfind("\n", 0, pos) + 1
    before = text[start:pos]
    opened = sum(before.count(q) for q in _OPENING_QUOTES)
    closed = sum(before.count(q) for q in _CLOSING_QUOTES)
    return opened > closed or before.count('"') % 2 == 1


def _with_article(
    text: str, expr: TemporalExpression, article: re.Pattern[str]
) -> TemporalExpression:
    """Note the article right before ``expr`` that the language's TimeML counts in the
    extent ("le 30 juin", "el 12 de octubre"; not "du 30 juin")."""
    found = article.search(text, max(0, expr.start - 8), expr.start)
    if found is None:
        return expr
    from dataclasses import replace

    return replace(expr, determiner=found.group(0))


def _replace_anchor(
    expr: TemporalExpression, anchor: datetime.date, kind: str = "previous"
) -> TemporalExpression:
    from dataclasses import replace

    return replace(expr, anchor=anchor, anchor_kind=kind)


def tag(
    text: str,
    *,
    published: datetime.date,
    language: str,
    sentences: list[tuple[int, int]],
    deadline: float,
    faults: list[Fault] | None = None,
) -> list[TemporalExpression]:
    """Find and normalise the temporal expressions of ``text``, in text order.

    Relative expressions resolve against ``published``, or against the previous date in the
    text for those that continue the story; underspecified months and weekdays take their
    direction from tense and plan words in their sentence (``sentences`` are the spans from
    :func:`timeline.extraction.sentences.split_sentences`). The result is non-overlapping,
    each with ``text[e.start:e.end] == e.text``. Raises :class:`ExtractionError` once
    ``time.monotonic()`` passes ``deadline``; the language is read as
    :func:`.languages.fallback` says (a code nobody knows gets the neutral grammar: dates
    written in digits). A rule that raises on a match drops that expression only; the
    fault is appended to ``faults`` when given.
    """
    if isinstance(published, datetime.datetime):
        published = published.date()
    language_ = languages.fallback(language)
    lang = language_.code
    _check(deadline)
    if not text:
        return []
    # Rules run over the folded text (digits and letter variants, one character for one,
    # so offsets hold); expressions keep the original text.
    scan = text if text.isascii() or not language_.fold else text.translate(language_.fold)
    ctx = Context(scan, published, lexicon(lang), sorted(sentences or []))
    if faults is None:
        faults = []
    cands = _find(scan, ctx, lang, deadline, faults)
    chosen = _compose(scan, _choose(cands))
    return _anchor_pass(text, chosen, published, deadline, faults, ctx)


_PHRASE_PREFIX = re.compile(
    r"(?i)^(?:(?:on|in|by|at|during|since|from|until|around|about|circa|c\.|le|la|el|en|"
    r"depuis|desde|hacia|vers)\s+)+"
)


@functools.cache
def _prefix_re(language: str) -> re.Pattern[str]:
    """Leading prepositions of an editor's phrase in ``language``: dateparser's filler
    words ("в", "في") and the file's ``[editor] prefixes``."""
    lang = languages.fallback(language)
    words = {*lang.lexicon.locale.connectors, *lang.section("editor").get("prefixes", ())}
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?i)^(?:(?:{alternation or '(?!)'})\s+)+")


def normalise_phrase(
    phrase: str, *, anchor: datetime.date, language: str = "en"
) -> TemporalExpression | None:
    """Read a date an editor typed ("early March 2020", "12 Feb 2021", "last week").

    The whole phrase must be one date expression (a leading preposition such as "in" or "on"
    is allowed); it is resolved against ``anchor`` as if it were the publication date.
    Returns a DATE or TIME expression whose offsets refer to ``phrase``, or None when the
    phrase is not a point or period in time. Phrases the grammar does not know are tried
    with dateparser, which then sets the precision from the part of the date it found.
    """
    if not isinstance(phrase, str) or not phrase.strip() or len(phrase) > _MAX_PHRASE:
        return None
    if isinstance(anchor, datetime.datetime):
        anchor = anchor.date()
    lang = languages.fallback(language).code
    stripped = phrase.strip().rstrip(".,;")
    lead = phrase.index(stripped[:1]) if stripped else 0
    prefix = _PHRASE_PREFIX.match(stripped) or _prefix_re(lang).match(stripped)
    body_start = lead + (prefix.end() if prefix else 0)
    body_end = lead + len(stripped)
    deadline = time.monotonic() + 2.0
    try:
        found = tag(
            phrase,
            published=anchor,
            language=lang,
            sentences=[(0, len(phrase))],
            deadline=deadline,
        )
    except ExtractionError:
        return None
    # The editor's phrase stands alone: a capitalised "May" is the month, not a name.
    if len(found) == 1:
        e = found[0]
        if e.start <= body_start and e.end >= body_end and e.is_dating:
            return e
    if found:
        return None
    return _dateparser_phrase(phrase, body_start, body_end, anchor, lang)


_PERIOD_PRECISION = {"day": "day", "week": "week", "month": "month", "year": "year"}


def _dateparser_phrase(
    phrase: str, start: int, end: int, anchor: datetime.date, language: str
) -> TemporalExpression | None:
    """Fallback for editor phrases: dateparser on one short phrase, guarded."""
    body = phrase[start:end]
    # dateparser is slow or overflows on long digit runs ("123456789 hour").
    if not body or re.search(r"\d{5,}", body) or not re.search(r"[^\W_]", body):
        return None
    try:
        from dateparser.date import DateDataParser

        parser = DateDataParser(
            languages=[language],
            settings={
                "RELATIVE_BASE": datetime.datetime(anchor.year, anchor.month, anchor.day),
                "PREFER_DAY_OF_MONTH": "first",
                "RETURN_TIME_AS_PERIOD": True,
            },
        )
        data = parser.get_date_data(body)
    except Exception:  # dateparser raises many kinds of errors on odd input
        return None
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj.date()
    precision = _PERIOD_PRECISION.get(data.period or "day", "day")
    try:
        period = cal.containing(precision, d)
    except OutOfRange:
        return None
    first, last = period.interval()
    return TemporalExpression(
        text=body,
        start=start,
        end=end,
        type=DATE,
        value=period.value,
        precision=period.precision,
        interval_start=first,
        interval_end=last,
        rule="dateparser",
        anchor=anchor,
        anchor_kind="published",
    )
