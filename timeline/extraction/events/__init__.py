"""Event candidates: one per happening a sentence reports, dated by the expression that
dates *that* happening.

For each sentence (:mod:`.clauses`): the clause structure and verb groups are read, each
dating expression is given to the predicate it dates (or to the noun phrase it sits in:
"the February 2020 deal"), expressions of one predicate that name the same period merge
(a clock time refines its day), and each predicate with a date becomes a candidate; the
sentence's main predicate, reported in the present or present perfect with no date of its
own ("is reviewing", "has said"), becomes one dated by the article. The other dates of the
sentence are kept as the candidate's context. Each candidate gets its factuality
(:mod:`.factuality`), a headline title (:mod:`.headlines`, pronouns resolved through
:mod:`.antecedents`), a category from its predicate and participants (:mod:`.categorise`),
the actors and places of its clause, its paragraph (0 is the lead) and a confidence.
"""

from __future__ import annotations

import datetime
import re
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from timeline.categories import OTHER

from ..places import find_places
from ..types import DATE, EventCandidate, ExtractionError, TemporalExpression
from . import factuality as fact
from .antecedents import Salience
from .categorise import categorise
from .clauses import Analysis, VerbGroup, analyse, forward_looking, is_np_internal
from .headlines import HeadlineBuilder, finish
from .lexicon import Lexicon, lexicon

ARTICLE_DATE_RULE = "article date"

# Lines that only describe the article itself ("Published 28 February 2021", "Updated:
# ...") carry the publication date, not an event.
_ARTICLE_METADATA = re.compile(
    r"\s*(?:first\s+)?(?:published|updated|last\s+updated|posted|modified|copyright|©"
    r"|publié|mis\s+à\s+jour|modifié|publicado|actualizado|modificado|fecha)\b",
    re.IGNORECASE,
)
_METADATA_MAX_CHARS = 100
_RUNNING_WORD = re.compile(r"[^\W\d_]+")
_WORD = re.compile(r"[^\W\d_]+")
_PARAGRAPH = re.compile(r"\n[^\S\n]*\n")

# Confidence signals (added to BASE, then clamped to 0.05..0.95).
BASE = 0.45
PRECISION_BONUS = {
    "day": 0.2,
    "week": 0.12,
    "month": 0.1,
    "season": 0.05,
    "quarter": 0.05,
    "year": 0.0,
    "decade": -0.1,
}
ANCHOR_BONUS = {"": 0.1, "published": 0.0, "previous": -0.1}
APPROX_PENALTY = 0.05
KIND_BONUS = 0.15  # the predicate names a kind of happening (category is not "other")
NO_KIND_PENALTY = 0.1
STATEMENT_PENALTY = 0.1  # only someone saying something: weaker evidence of an event
REFERENCE_PENALTY = 0.1  # a noun phrase recalling a happening, not a report of it
ARTICLE_DATE_PENALTY = 0.1  # dated by the article, not by the text
SHORT_SENTENCE_PENALTY = 0.1


@dataclass(slots=True)
class _Happening:
    """One predicate (or noun) of a sentence and the expressions that date it."""

    kind: str  # "verb", "noun", "sentence"
    segment: int
    group: VerbGroup | None
    noun: int | None
    expressions: list[TemporalExpression]
    token_spans: list[tuple[int, int]]


@dataclass(frozen=True, slots=True)
class _Article:
    """What every sentence of one article is read with."""

    lex: Lexicon
    actor_pattern: tuple[re.Pattern[str] | None, dict[str, str]]
    salience: Salience
    published: datetime.date | None


def build_events(
    text: str,
    expressions: list[TemporalExpression],
    sentences: list[tuple[int, int]],
    *,
    actors: Mapping[str, Sequence[str]],
    language: str,
    published: datetime.date | None = None,
    actor_kinds: Mapping[str, str] | None = None,
    deadline: float | None = None,
) -> list[EventCandidate]:
    """Event candidates for ``text``, in text order.

    ``expressions`` are the tagger's (any order), ``sentences`` the splitter's spans,
    ``actors`` maps a canonical actor name to its aliases (``actor_kinds`` to its kind:
    person, armed_group, ...). ``published`` dates present-tense reports that have no
    date of their own; without it they give no candidate. Sentences that only state the
    article's own metadata ("Published 28 Feb 2021") give none.
    """
    lang = (language or "en").split("-")[0].lower()
    lex = lexicon(lang)
    actor_pattern = _actor_pattern(_actor_key(actors))
    salience = Salience(dict(actor_kinds or {}))
    article = _Article(lex=lex, actor_pattern=actor_pattern, salience=salience, published=published)
    paragraph_starts = [0] + [m.end() for m in _PARAGRAPH.finditer(text)]
    ordered = sorted(expressions, key=lambda e: (e.start, e.end))
    events: list[EventCandidate] = []
    i = 0
    for index, (s_start, s_end) in enumerate(sorted(sentences)):
        if deadline is not None and index % 16 == 0 and time.monotonic() > deadline:
            raise ExtractionError("extraction took longer than its time budget (event layer)")
        while i < len(ordered) and ordered[i].start < s_start:
            i += 1
        inside: list[TemporalExpression] = []
        while i < len(ordered) and ordered[i].start < s_end:
            inside.append(ordered[i])
            i += 1
        sentence = text[s_start:s_end]
        sentence_actors = _find_actors(sentence, actor_pattern)
        salience.observe(index=index, sentence=sentence, actors=sentence_actors)
        if _is_article_metadata(sentence, inside, s_start):
            continue
        dating = [e for e in inside if e.is_dating]
        dateline = _dateline(sentence, dating, s_start, lex) if index < 2 else None
        if dateline is not None and len(dating) > 1:
            # The sentence dates its happening itself: the dateline is only context.
            dating.remove(dateline)
        if not dating and (published is None or not lex.reports_present):
            continue
        events.extend(
            _sentence_events(
                article,
                sentence=sentence,
                span=(s_start, s_end),
                inside=inside,
                dating=dating,
                index=index,
                paragraph=_paragraph_of(s_start, paragraph_starts),
            )
        )
    return events


def _paragraph_of(offset: int, starts: list[int]) -> int:
    n = 0
    for k, start in enumerate(starts):
        if start <= offset:
            n = k
        else:
            break
    return n


def _sentence_events(
    article: _Article,
    *,
    sentence: str,
    span: tuple[int, int],
    inside: list[TemporalExpression],
    dating: list[TemporalExpression],
    index: int,
    paragraph: int,
) -> list[EventCandidate]:
    s_start, s_end = span
    lex, published = article.lex, article.published
    analysis = analyse(sentence, lex)
    spans = {id(e): _token_span(analysis, e, s_start) for e in dating}
    happenings = _happenings(analysis, dating, spans, lex)
    governed = {id(h.group) for h in happenings if h.group is not None}
    if published is not None:
        undated = _undated_main(analysis, governed, lex, dating)
        if undated is not None:
            seg, group = undated
            expr = _article_date(published, s_start + analysis.tokens[group.head].start)
            happenings.append(_Happening("verb", seg, group, None, [expr], []))
    builder = HeadlineBuilder(
        analysis, lex, resolve=lambda kind: article.salience.resolve(kind=kind, index=index)
    )
    out = []
    places = find_places(sentence) if happenings else ()
    for h in happenings:
        builder.dating(h.token_spans)
        for cand in _candidates(
            h, analysis, builder, lex, sentence, s_start, s_end, inside, published
        ):
            clause = _clause_text(analysis, h, sentence, lex)
            actors = _find_actors(clause, article.actor_pattern)
            out.append(
                replace(
                    cand,
                    actors=actors,
                    places=places,
                    paragraph=paragraph,
                    confidence=confidence(cand.date, sentence, cand.category, h.kind),
                )
            )
    out.sort(
        key=lambda c: (c.trigger_start if c.trigger_start >= 0 else c.date.start, c.date.start)
    )
    return out


def _token_span(analysis: Analysis, expr: TemporalExpression, s_start: int) -> tuple[int, int]:
    first = analysis.token_at(expr.start - s_start)
    last = first
    for k in range(first, len(analysis.tokens)):
        if analysis.tokens[k].start < expr.end - s_start:
            last = k
        else:
            break
    return first, last


def _happenings(
    analysis: Analysis,
    dating: list[TemporalExpression],
    spans: dict[int, tuple[int, int]],
    lex: Lexicon,
) -> list[_Happening]:
    """Group the sentence's dating expressions by the predicate (or noun) they date."""
    by_key: dict[tuple, _Happening] = {}
    for expr in dating:
        first, last = spans[id(expr)]
        noun = is_np_internal(analysis, first, last, lex) if lex.known else None
        if noun is not None:
            key = ("noun", noun)
            h = by_key.setdefault(
                key, _Happening("noun", analysis.segment_of(noun), None, noun, [], [])
            )
        else:
            seg_i, group = _governor(analysis, first, last, expr, lex)
            key = ("verb", id(group)) if group is not None else ("sentence", seg_i)
            h = by_key.setdefault(
                key, _Happening("verb" if group else "sentence", seg_i, group, None, [], [])
            )
        h.expressions.append(expr)
        h.token_spans.append((first, last))
    return list(by_key.values())


def _governor(
    analysis: Analysis, first: int, last: int, expr: TemporalExpression, lex: Lexicon
) -> tuple[int, VerbGroup | None]:
    """The clause and verb group an expression at tokens [first, last] dates."""
    segments = analysis.segments
    seg_i = analysis.segment_of(first)
    if forward_looking(expr.text, lex):
        for k in range(seg_i, len(segments)):
            after = [g for g in segments[k].groups if g.first > last]
            if after:
                return k, after[0]
    seg = segments[seg_i]
    left = [g for g in seg.groups if g.last < first]
    right = [g for g in seg.groups if g.first > last]
    if left:
        g = left[-1]
        # "The meeting planned for Sunday was called off": a lone participle of plan is an
        # adjective of the noun; the clause's verb, after the date, is the predicate.
        lone = g.first == g.last and analysis.tokens[g.head].lower in lex.plan_participles
        if not (lone and right):
            return seg_i, g
    if right:
        return seg_i, right[0]
    # A verbless segment: a preposed phrase ("On Sunday, ...", "In a report in early
    # February, ...") dates the next clause; a trailing one the clause before it.
    for k in range(seg_i + 1, len(segments)):
        if segments[k].groups:
            return k, segments[k].groups[0]
    for k in range(seg_i - 1, -1, -1):
        if segments[k].groups:
            return k, segments[k].groups[-1]
    return seg_i, None


def _undated_main(
    analysis: Analysis, governed: set[int], lex: Lexicon, dating: list[TemporalExpression]
) -> tuple[int, VerbGroup] | None:
    """The sentence's main predicate when it reports the present with no date of its own."""
    for seg_i, seg in enumerate(analysis.segments):
        if not seg.groups:
            continue
        if seg.opener and (lex.opens_relative(seg.opener) or seg.opener in lex.subordinators):
            return None
        group = seg.groups[0]
        if id(group) in governed:
            return None
        words = {t.lower for t in group.tokens(analysis.tokens)}
        head = analysis.tokens[group.head]
        if head.lemma in lex.stative or head.lower in lex.modals or words & lex.modals:
            return None
        present = bool(words & lex.present_markers) or (
            lex.headline_grammar == "english"
            and head.lower != head.lemma
            and head.lower.endswith("s")
            and not head.lower.endswith("ss")
        )
        if not present and not _present_form(analysis, group, lex):
            return None
        if dating and any(id(g) in governed for g in seg.groups):
            return None
        return seg_i, group
    return None


def _present_form(analysis: Analysis, group: VerbGroup, lex: Lexicon) -> bool:
    """The group's verb has a present-tense ending or prefix of the lexicon (Russian
    "-ет", Arabic "يـ"), and nothing in the group makes it a plan ("подпишут")."""
    head = analysis.tokens[group.head]
    low = head.lower
    if low == head.lemma or not (lex.present_suffixes or lex.present_prefixes):
        return False
    text = " ".join(t.lower for t in group.tokens(analysis.tokens))
    if fact.has_cue(text, lex.planned):
        return False
    if head.prefix and any(f in head.prefix for f in lex.future_prefixes):
        return False
    if low.endswith(lex.present_suffixes) and lex.present_suffixes:
        return True
    # An imperfect prefix before the lemma's letters ("يجتمع", lemma "اجتمع"); a perfect
    # starts with its lemma ("توصلت", lemma "توصل").
    return low.startswith(lex.present_prefixes) and not low.startswith(head.lemma)


def _article_date(published: datetime.date, offset: int) -> TemporalExpression:
    return TemporalExpression(
        text="",
        start=offset,
        end=offset,
        type=DATE,
        value=published.isoformat(),
        precision="day",
        interval_start=published,
        interval_end=published,
        rule=ARTICLE_DATE_RULE,
        anchor=published,
        anchor_kind="published",
    )


# Resolution rules that chose a direction (the next or the last such month or weekday) from
# cues near the expression; the predicate that the expression dates may say otherwise.
_FORWARD_RULES = {"month-ahead": "year", "day-month-ahead": "year", "weekday-future": "week"}
_BACKWARD_RULES = {"month-back": "year", "day-month-back": "year", "weekday-past": "week"}


def _redirected(expr: TemporalExpression, factuality: str, past: bool) -> TemporalExpression:
    """An underspecified month or weekday turned the other way when the predicate it dates
    is plainly a plan ("due to expire on 19 November") or plainly past ("left in May")
    while the tagger, reading only nearby words, chose the other direction."""
    if expr.anchor_kind != "published" or expr.anchor is None or expr.interval_start is None:
        return expr
    planned = factuality in (fact.PLANNED, fact.DEADLINE, fact.EXPECTED)
    if planned and expr.rule in _BACKWARD_RULES and expr.interval_end < expr.anchor:
        step = 1
    elif (
        past
        and factuality != fact.NOT_HAPPENED
        and expr.rule in _FORWARD_RULES
        and expr.interval_start > expr.anchor
    ):
        step = -1
    else:
        return expr
    unit = (_BACKWARD_RULES if step > 0 else _FORWARD_RULES)[expr.rule]
    moved = _moved(expr, unit, step)
    return moved if moved is not None else expr


def _moved(expr: TemporalExpression, unit: str, step: int) -> TemporalExpression | None:
    from ..timex_calendar import OutOfRange, shift

    try:
        start = shift(expr.interval_start, unit, step)
        end = shift(expr.interval_end, unit, step)
    except (OutOfRange, ValueError):
        return None
    if unit == "year":
        year = start.year
        value = f"{year:04d}{expr.value[4:]}"
    else:
        value = start.isoformat() if expr.precision == "day" else expr.value
    return replace(
        expr,
        value=value,
        interval_start=start,
        interval_end=end,
        rule=f"{expr.rule}, turned by the sentence's tense",
    )


def _primary(exprs: list[TemporalExpression]) -> list[TemporalExpression]:
    """The expressions of one predicate that date distinct happenings: of those naming
    overlapping periods, the finest (a date before a clock time of its day)."""
    ranked = sorted(
        exprs,
        key=lambda e: (
            e.type != DATE,
            _RANK.get(e.precision or "", 9),
            e.start,
        ),
    )
    kept: list[TemporalExpression] = []
    for e in ranked:
        if any(_overlaps(e, k) for k in kept):
            continue
        kept.append(e)
    return sorted(kept, key=lambda e: e.start)


_RANK = {"day": 0, "week": 1, "month": 2, "season": 3, "quarter": 4, "year": 5, "decade": 6}


def _overlaps(a: TemporalExpression, b: TemporalExpression) -> bool:
    return (
        a.interval_start is not None
        and b.interval_start is not None
        and a.interval_start <= b.interval_end
        and b.interval_start <= a.interval_end
    )


def _candidates(
    h: _Happening,
    analysis: Analysis,
    builder: HeadlineBuilder,
    lex: Lexicon,
    sentence: str,
    s_start: int,
    s_end: int,
    inside: list[TemporalExpression],
    published: datetime.date | None = None,
) -> list[EventCandidate]:
    tokens = analysis.tokens
    seg = analysis.segments[h.segment]
    clause = tokens[seg.first : seg.last + 1]
    if lex.opens_relative(seg.opener) or seg.opener in lex.complementizers:
        # "the fighting that broke out on Sunday": the relative's noun is its subject.
        prev = analysis.segments[h.segment - 1] if h.segment else None
        if prev is not None:
            clause = tokens[max(prev.first, prev.last - 3) : prev.last + 1] + clause
    content = _content_group(analysis, h, lex)
    if h.group is not None and _time_subject(analysis, h.segment, h.group, lex):
        return []  # "as its first anniversary arrives this weekend": no happening
    if h.kind == "noun":
        head_tok = tokens[h.noun]
        trigger = (head_tok.text, s_start + head_tok.start, s_start + head_tok.end)
        category = categorise(head=None, clause=tokens[max(0, h.noun - 2) : h.noun + 3], lex=lex)
        title = builder.noun_title(h.noun, h.token_spans[0])
    elif h.group is not None:
        head_tok = tokens[h.group.head]
        trigger = (head_tok.text, s_start + head_tok.start, s_start + head_tok.end)
        content_tokens = (
            tokens[content.first : analysis.segments[analysis.segment_of(content.first)].last + 1]
            if content
            else None
        )
        category = categorise(head=head_tok, clause=clause, lex=lex, content=content_tokens)
        if content is not None:
            title = builder.statement_title(h.segment, h.group, content)
        else:
            title = builder.clause_title(h.segment, h.group)
    else:
        trigger = ("", -1, -1)
        category = OTHER
        title = finish(sentence.split())
    out = []
    for expr in _primary(h.expressions):
        before = _words_before(sentence, expr.start - s_start)
        factuality = fact.factuality(analysis, h.group, lex, before_date=before)
        if content is not None and h.group is not None:
            factuality = fact.HAPPENED  # the statement was made, whatever it announced
        expr = _redirected(expr, factuality, fact.past_marked(analysis, h.group, lex))
        if (
            factuality == fact.HAPPENED
            and published is not None
            and expr.interval_start is not None
            and expr.interval_start > published
        ):
            # No one reports as done what has not come yet: "the deal sets the withdrawal
            # for May next year" is a plan, whatever the tense of its verb.
            factuality = fact.PLANNED
        context = tuple(
            e for e in inside if e.is_dating and e is not expr and not _overlaps(e, expr)
        )
        out.append(
            EventCandidate(
                sentence=sentence,
                sentence_start=s_start,
                sentence_end=s_end,
                date=expr,
                expressions=tuple(inside),
                title=title or finish(sentence.split()) or _raw_title(sentence),
                category=category,
                factuality=factuality,
                trigger=trigger[0][:100],
                trigger_start=trigger[1],
                trigger_end=trigger[2],
                context=context,
                reference=h.kind == "noun",
                key=f"{s_start}:{max(trigger[1], -1)}:{expr.start}",
            )
        )
    return out


def _words_before(sentence: str, offset: int, reach: int = 24) -> str:
    """The whole words within ``reach`` characters before ``offset``: the window never
    starts inside a word, whose tail could read as a cue ("Спецпосланник" -> "к")."""
    lo = max(0, offset - reach)
    while 0 < lo < offset and sentence[lo - 1].isalnum() and sentence[lo].isalnum():
        lo += 1
    return sentence[lo : max(0, offset)]


def _time_subject(analysis: Analysis, seg_i: int, group: VerbGroup, lex: Lexicon) -> bool:
    """The clause's subject is a time itself (an anniversary, a deadline, the weekend)."""
    seg = analysis.segments[seg_i]
    words = [t for t in analysis.tokens[seg.first : group.first] if t.is_word]
    return bool(words) and words[-1].lemma in lex.time_subjects


def _raw_title(sentence: str) -> str:
    text = " ".join(sentence.split())[:90].strip() or "(untitled)"
    return text[0].upper() + text[1:]


def _content_group(analysis: Analysis, h: _Happening, lex: Lexicon) -> VerbGroup | None:
    """When ``h`` is a reporting verb ("said", "announced") that dates the statement, the
    verb group of what was said, if it has one in the same or the next clause."""
    if h.group is None:
        return None
    head = analysis.tokens[h.group.head]
    statement = lex.cues_of("statement")
    if statement is None or head.lemma not in statement.verbs:
        return None
    after = h.group.last + 1
    particle = analysis.tokens[after].lower if after < len(analysis.tokens) else ""
    if f"{head.lemma} {particle}" in lex.cancelled:
        return None  # "was called off": no statement
    seg = analysis.segments[h.segment]
    later = [g for g in seg.groups if g.first > h.group.last]
    if later:
        return later[0]
    nxt = h.segment + 1
    if nxt < len(analysis.segments):
        following = analysis.segments[nxt]
        if following.groups and following.opener in ("", *lex.complementizers):
            return following.groups[0]
        if any(s.groups for s in analysis.segments[nxt:]):
            return None
    # A closing attribution ("Khalilzad is to be named envoy, US officials said on
    # Tuesday"): what was said is the clause before it.
    earlier = [g for g in seg.groups if g.last < h.group.first]
    if earlier:
        return _main_of(analysis, earlier, lex)
    for k in range(h.segment - 1, -1, -1):
        prev = analysis.segments[k]
        if prev.groups and prev.opener not in lex.relatives:
            return _main_of(analysis, prev.groups, lex)
    return None


def _main_of(analysis: Analysis, groups: list[VerbGroup], lex: Lexicon) -> VerbGroup | None:
    """The first group that is not itself a reporting verb, of ``groups``."""
    statement = lex.cues_of("statement")
    for g in groups:
        if statement is None or analysis.tokens[g.head].lemma not in statement.verbs:
            return g
    return None


def _clause_text(analysis: Analysis, h: _Happening, sentence: str, lex: Lexicon) -> str:
    """The words whose actors are the happening's: its clause (with what a statement says),
    or for a happening a noun phrase names, that phrase."""
    if h.noun is not None:
        first = max(0, h.token_spans[0][0] - 3)
        return sentence[analysis.tokens[first].start : analysis.tokens[h.noun].end]
    seg = analysis.segments[h.segment]
    lo = analysis.tokens[seg.first].start if analysis.tokens else 0
    hi = analysis.tokens[seg.last].end if analysis.tokens else len(sentence)
    if h.group is not None:
        # A statement's actors include what it is about.
        content = _content_group(analysis, h, lex)
        if content is not None:
            cseg = analysis.segments[analysis.segment_of(content.first)]
            hi = max(hi, analysis.tokens[cseg.last].end)
    return sentence[lo:hi]


def confidence(expr: TemporalExpression, sentence: str, category: str, kind: str = "verb") -> float:
    """How much to trust a candidate, 0..1, from the signals listed at module level."""
    score = BASE
    score += PRECISION_BONUS.get(expr.precision or "", -0.1)
    score += ANCHOR_BONUS.get(expr.anchor_kind, 0.0)
    if expr.mod == "APPROX":
        score -= APPROX_PENALTY
    if category == OTHER:
        score -= NO_KIND_PENALTY
    else:
        score += KIND_BONUS
        if category == "statement":
            score -= STATEMENT_PENALTY
    if kind == "noun":
        score -= REFERENCE_PENALTY
    if expr.rule == ARTICLE_DATE_RULE:
        score -= ARTICLE_DATE_PENALTY
    words = len(_WORD.findall(sentence)) - len(_WORD.findall(expr.text))
    if words < 5:
        score -= SHORT_SENTENCE_PENALTY
    return round(min(0.95, max(0.05, score)), 2)


# A dateline opening the story: "TOBRUK, 16 March —", "ISTANBUL, Oct 31 (Reuters) -",
# "ESTAMBUL, 2 de agosto —", "القاهرة، 3 أكتوبر -". Only a place (a few words, no verb) may
# come before its date, and a dash after it (or an agency in brackets, then a dash).
_DATELINE_BEFORE = re.compile(r"\s*(?:[^\W\d_][^\W\d_.'’-]*[ .'’-]*){0,4}[,،]?\s*$")
_DATELINE_AFTER = re.compile(r"\s*(?:\([^()\n]{1,40}\)\s*)?(?:—|–|--|-|:)\s")


def _dateline(
    sentence: str, inside: list[TemporalExpression], offset: int, lex: Lexicon
) -> TemporalExpression | None:
    """The expression of the sentence that is the story's dateline, if it opens with one:
    it is the day the story was filed, context of the sentence, not the date of what the
    sentence reports ("TOBRUK, 16 March — ... was sworn in on Monday")."""
    for expr in inside:
        if expr.start - offset > 48:
            return None
        before = sentence[: max(0, expr.start - offset)]
        after = sentence[max(0, expr.end - offset) :]
        running = any(
            w[0].islower() or w.casefold() in lex.function_words
            for w in _RUNNING_WORD.findall(before)
        )
        if not running and _DATELINE_BEFORE.fullmatch(before) and _DATELINE_AFTER.match(after):
            return expr
    return None


def _is_article_metadata(sentence: str, expressions: list[TemporalExpression], offset: int) -> bool:
    """A byline or dateline: "Published 28 Feb 2021", "WASHINGTON, August 13 (Xinhua) --".

    Datelines are recognised by having no running text at all: once the dates are taken
    out, every word starts with a capital letter.
    """
    if len(sentence) > _METADATA_MAX_CHARS:
        return False
    if _ARTICLE_METADATA.match(sentence):
        return True
    rest = list(sentence)
    for expr in expressions:
        for i in range(max(0, expr.start - offset), min(len(rest), expr.end - offset)):
            rest[i] = " "
    # A word not written in capitals: lower case, or a script without case (Arabic).
    return not any(not w[0].isupper() and len(w) >= 3 for w in _RUNNING_WORD.findall("".join(rest)))


def _actor_key(actors: Mapping[str, Sequence[str]]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    # A bare string is one alias, not a sequence of one-letter aliases.
    return tuple(
        (name, (aliases,) if isinstance(aliases, str) else tuple(aliases or ()))
        for name, aliases in actors.items()
    )


@lru_cache(maxsize=64)
def _actor_pattern(
    key: tuple[tuple[str, tuple[str, ...]], ...],
) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """One alternation over every name and alias, longest first, and a form -> name map.

    Matching is case-insensitive, except for short all-capital forms ("US", "UN", "IS"),
    which must match as written so that "us" and "is" do not tag actors.
    """
    forms: dict[str, str] = {}
    exact: dict[str, str] = {}
    for name, aliases in key:
        for form in (name, *aliases):
            form = " ".join(str(form).split())
            if not form:
                continue
            if len(form) <= 3 and form.isupper():
                exact.setdefault(form, name)
            else:
                forms.setdefault(form.lower(), name)
    if not forms and not exact:
        return None, {}
    parts = [(form, re.escape(form).replace(r"\ ", r"\s+"), False) for form in forms] + [
        (form, re.escape(form), True) for form in exact
    ]
    parts.sort(key=lambda p: -len(p[0]))
    alternation = "|".join(f"(?-i:{rx})" if is_exact else rx for _f, rx, is_exact in parts)
    pattern = re.compile(r"(?<!\w)(?:" + alternation + r")(?!\w)", re.IGNORECASE)
    lookup = {**{f: n for f, n in forms.items()}, **{f"={f}": n for f, n in exact.items()}}
    return pattern, lookup


def _find_actors(
    sentence: str, compiled: tuple[re.Pattern[str] | None, dict[str, str]]
) -> tuple[str, ...]:
    pattern, lookup = compiled
    if pattern is None:
        return ()
    found: list[str] = []
    for m in pattern.finditer(sentence):
        surface = " ".join(m.group().split())
        name = lookup.get(f"={surface}") or lookup.get(surface.lower())
        if name and name not in found:
            found.append(name)
    return tuple(found)


def keywords(text: str, language: str) -> frozenset[str]:
    """The content-word lemmas of ``text`` (no function words, numbers or one-letter
    words): what two reports of one happening share beyond their dates."""
    from .clauses import tokenize

    lex = lexicon((language or "en").split("-")[0].lower())
    stop = lex.function_words | lex.auxiliaries | lex.modals | lex.stative | _REPORTING_STOP
    out: set[str] = set()
    tokens = tokenize(text, lex.language)
    for t in tokens:
        if not t.is_word or t.text[0].isdigit() or len(t.lemma) <= 2:
            continue
        if t.lemma in stop or t.lower in stop:
            continue
        # Names are compared as written ("United States" is not "unite" + "state").
        out.add(t.lower if t.is_capitalised else t.lemma)
        # A word that names a kind of happening also stands for that kind, so reports in
        # two languages ("signed a deal", "ont signé un accord") share something.
        for cues in lex.categories:
            if cues.value != "statement" and (
                t.lemma in cues.verbs or t.lemma in cues.nouns or t.lower in cues.nouns
            ):
                out.add(f"#{cues.value}")
    return frozenset(out)


# Words in almost every report: they say nothing about which happening it is.
_REPORTING_STOP = frozenset(
    {
        "say",
        "tell",
        "said",
        "says",
        "according",
        "official",
        "officials",
        "dire",
        "decir",
        "selon",
        "según",
    }
)
