"""Machine writes of the event layer: each happening the extractor reads either joins an
existing event of its conflict or starts one; events are then put together from their
mentions (date, factuality, title, category, actors, sources, importance, scope).

Joining looks only at events whose interval overlaps the new mention's (an index on
conflict and dates, never a scan of the conflict), and scores each on four kinds of
evidence: compatible dates, the same kind of happening, shared participants and shared
words. The best event above ``JOIN_THRESHOLD`` gets the mention; the score and its reasons
are stored on the mention ("same day · agreement · Taliban + United States · 0.82"), so a
join can be explained and undone. An editor's work is never touched: fields an editor set
stay, mentions an editor placed (merge, split) stay where they are, and events an editor
handled keep every mention the machine gave them.
"""

from __future__ import annotations

import dataclasses
import datetime
import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import NamedTuple

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.db.models import (
    Case,
    Count,
    DateField,
    ExpressionWrapper,
    F,
    IntegerField,
    Max,
    Min,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Length

from timeline import categories
from timeline.dates import PRECISION_RANK, EventDate
from timeline.extraction.events import ARTICLE_DATE_RULE, keywords
from timeline.extraction.events.factuality import event_factuality
from timeline.extraction.types import EventCandidate
from timeline.models import Actor, Article, Event, Mention
from timeline.services.common import event_claim, history_save, system_user

JOIN_THRESHOLD = 0.5
CANDIDATE_LIMIT = 200
KEYWORDS_KEPT = 60
# A mention dated more than this many years before its article is history the article
# recalls; an event only ever recalled so is background.
BACKGROUND_YEARS = 3
# Before a conflict's start date, this much lead-up still counts as its core.
LEAD_UP = datetime.timedelta(days=180)
# Kinds that report the same happening from two sides ("talks" and "talks suspended" may be
# one round; "agreement" and "ceasefire" one signing).
_RELATED = {
    frozenset({"talks", "talks suspended"}),
    frozenset({"agreement", "ceasefire"}),
    frozenset({"agreement", "withdrawal"}),
    frozenset({"talks", "mediation"}),
    frozenset({"talks", "visit"}),
    frozenset({"election", "government"}),
    frozenset({"violence", "ceasefire"}),
}
_GENERIC = {categories.OTHER, "statement"}
_FACTUALITY_WEIGHT = {
    "happened": 1.0,
    "not_happened": 0.6,
    "planned": 0.7,
    "deadline": 0.7,
    "expected": 0.5,
}


# --- Storing an article's candidates ------------------------------------------------------


def _mention_fields(
    cand: EventCandidate, *, key: str, version: str, article: Article, headline: frozenset[str]
) -> dict:
    expr = cand.date
    resolved = EventDate.from_expression(expr)
    words = keywords(f"{cand.title} {cand.trigger}", article.language)
    if expr.rule == ARTICLE_DATE_RULE:
        explanation = (
            f"reported in the present with no date of its own: dated by its article, "
            f"published {article.published.isoformat()}"
        )
    else:
        explanation = expr.explanation
    return {
        "key": key,
        "sentence": cand.sentence,
        "sentence_start": cand.sentence_start,
        "sentence_end": cand.sentence_end,
        "paragraph": cand.paragraph,
        "trigger": cand.trigger[:100],
        "trigger_start": cand.trigger_start if cand.trigger_start >= 0 else None,
        "trigger_end": cand.trigger_end if cand.trigger_end >= 0 else None,
        "factuality": cand.factuality,
        "title": (cand.title or cand.sentence).strip()[:300],
        "category": cand.category if cand.category in categories.BY_VALUE else categories.OTHER,
        "context": [
            {
                "text": e.text,
                "start": e.start,
                "end": e.end,
                "value": e.value,
                "display": EventDate.from_expression(e).display,
            }
            for e in cand.context
        ],
        "actor_names": list(cand.actors),
        "places": list(cand.places),
        "confidence": max(0.0, min(1.0, float(cand.confidence))),
        "reference": cand.reference,
        "in_headline": bool(headline and len(words & headline) >= 2),
        "expression_text": expr.text[:300],
        "expression_start": expr.start,
        "expression_end": expr.end,
        "expression_type": expr.type,
        **resolved.as_fields("resolved_"),
        "anchor_date": expr.anchor,
        "anchor_kind": expr.anchor_kind[:16],
        "rule": expr.rule[:100],
        "explanation": explanation[:500],
        "extractor_version": version,
    }


def event_candidates_store(
    *,
    article: Article,
    candidates: tuple[EventCandidate, ...],
    actors_by_name: dict[str, Actor],
    version: str,
    report,
) -> None:
    """Store one article's candidates: refresh the mentions found again, join the new
    ones to events (or start events), drop the machine's mentions no longer found, and
    put every touched event together again. ``report`` counts what happened."""
    extractor = system_user()
    headline = keywords(article.title, article.language)
    existing = {m.key: m for m in Mention.objects.filter(article=article).select_related("event")}
    seen: set[str] = set()
    touched: set[int] = set()
    for cand in candidates:
        if not cand.date.is_dating:
            continue
        key = (cand.key or f"x{cand.date.start}-{cand.date.end}")[:64]
        if key in seen:
            continue
        seen.add(key)
        fields = _mention_fields(cand, key=key, version=version, article=article, headline=headline)
        mention = existing.get(key)
        if mention is not None:
            changed = [n for n, v in fields.items() if getattr(mention, n) != v]
            for name in changed:
                setattr(mention, name, fields[name])
            if mention.pinned or _editor_owned(mention.event) or _fits(mention, mention.event):
                if changed:
                    history_save(obj=mention, user=extractor, reason="re-extracted")
                    report.updated += 1
                else:
                    report.unchanged += 1
                touched.add(mention.event_id)
                continue
            touched.add(mention.event_id)  # its old event loses it
        else:
            mention = Mention(article=article, **fields)
        event, score, reasons = _join(article=article, mention=mention)
        if event is None:
            event = _event_start(article=article, mention=mention, user=extractor)
            mention.join_score, mention.join_reasons = None, []
            report.created += 1
        else:
            mention.join_score, mention.join_reasons = score, reasons
            report.joined += 1
        mention.event = event
        history_save(obj=mention, user=extractor, reason=_join_reason(event, score, reasons))
        touched.add(event.pk)
        # Later mentions of this article are matched against what this one brought.
        _keywords_add(event=event, words=_mention_words(mention, article.language))

    for key, mention in existing.items():
        if key in seen:
            continue
        if mention.pinned or _editor_owned(mention.event):
            report.kept += 1
            continue
        touched.add(mention.event_id)
        mention._history_user = extractor
        mention.delete()
        report.removed += 1
    for pk in sorted(touched):
        if event_refresh(event_id=pk, user=extractor):
            report.events.append(pk)
    for pk in list(report.events):
        absorbed = _consolidate(event_id=pk, user=extractor)
        if absorbed is not None and absorbed in report.events:
            report.events.remove(absorbed)


def _join_reason(event: Event, score: float | None, reasons: list[str]) -> str:
    if score is None:
        return "started an event"
    return f"joined event {event.pk}: {', '.join(reasons)}, {score:.2f}"


def _editor_owned(event: Event) -> bool:
    """Events an editor confirmed or corrected keep the mentions they have."""
    return event.status != Event.Status.PROPOSED or bool(event.editor_fields)


def _fits(mention: Mention, event: Event) -> bool:
    """A refreshed mention may stay in its event while their dates still overlap."""
    return mention.resolved.overlaps(event.date) or event.mentions.count() == 1


def _mention_words(mention: Mention | _Row, language: str) -> frozenset[str]:
    return _words(*(getattr(mention, c) for c in _WORD_COLUMNS), language)


# The mention columns its match words come from, in ``_words``'s order.
_WORD_COLUMNS = ("title", "trigger", "places", "sentence", "expression_text", "context")


def _words(
    title: str,
    trigger: str,
    places: list[str],
    sentence: str,
    expression_text: str,
    context: list[dict],
    language: str,
) -> frozenset[str]:
    # Actors are compared as actors; places and the title's words here.
    words = keywords(f"{title} {trigger} {' '.join(places)}", language)
    # Dates are compared as dates: their words and numbers are no names.
    for text in [expression_text, *(c.get("text", "") for c in context)]:
        if text:
            sentence = sentence.replace(text, " ")
    return words | _anchors(sentence)


_NAME = re.compile(r"(?<=[^\s.!?\"“«(]\s)[A-ZÀ-ÝА-ЯЁ][\w'’-]{2,}|\b\d[\d,.]*\d\b|\b\d{2,}\b")


def _anchors(sentence: str) -> frozenset[str]:
    """Names and numbers of the sentence ("@hodeidah", "=1,056"): the same in every
    language the happening is reported in, so strong evidence across languages."""
    out = set()
    for m in _NAME.finditer(sentence):
        token = m.group()
        if token[0].isdigit():
            number = token.replace(",", "").replace(".", "")
            if number.isdigit() and (int(number) <= 31 or 1800 <= int(number) <= 2100):
                continue  # a day or a year left outside an expression
            out.add("=" + token)
        else:
            out.add("@" + token.casefold())
    return frozenset(out)


def _keywords_add(*, event: Event, words: frozenset[str]) -> None:
    merged = list(dict.fromkeys([*event.keywords, *sorted(words)]))[:KEYWORDS_KEPT]
    if merged != event.keywords:
        event.keywords = merged
        _event_bookkeep(event_id=event.pk, values={"keywords": merged})


# Columns the machine derives from an event's mentions (counts, scores, match words):
# not what anyone wrote, so they are kept out of history and written without claiming a
# version, by this one function; every other write to an event claims its version.
BOOKKEEPING_FIELDS = ("keywords", "importance", "source_count", "confidence")


def _event_bookkeep(*, event_id: int, values: dict) -> None:
    unknown = set(values) - set(BOOKKEEPING_FIELDS)
    if unknown:
        raise ValueError(f"not bookkeeping: {', '.join(sorted(unknown))}")
    Event.objects.filter(pk=event_id).update(**values)


# --- Joining ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Evidence:
    score: float
    reasons: list[str]


def _join(*, article: Article, mention: Mention) -> tuple[Event | None, float | None, list[str]]:
    """The event this mention reports, with the score and reasons, or (None, None, [])."""
    date = mention.resolved
    slack = datetime.timedelta(days=1 if date.precision == "day" else 0)
    pool = list(
        Event.objects.filter(
            conflict_id=article.conflict_id,
            date_start__lte=date.end + slack,
            date_end__gte=date.start - slack,
        )
        .exclude(status=Event.Status.REJECTED)
        .only("pk", "category", "keywords", *Event.DATE_COLUMNS, "status", "editor_fields")
        .order_by("-date_start")[:CANDIDATE_LIMIT]
    )
    if not pool:
        return None, None, []
    # The same sentence never reports one happening twice.
    same_sentence = set(
        Mention.objects.filter(
            article=article,
            sentence_start=mention.sentence_start,
            event_id__in=[e.pk for e in pool],
        ).values_list("event_id", flat=True)
    )
    actors_of = _actor_names([e.pk for e in pool])
    words = _mention_words(mention, article.language)
    best: tuple[Event, _Evidence] | None = None
    for event in pool:
        if event.pk in same_sentence:
            continue
        evidence = join_evidence(
            date=date,
            category=mention.category,
            actors=set(mention.actor_names),
            words=words,
            event_date=event.date,
            event_category=event.category,
            event_actors=actors_of.get(event.pk, set()),
            event_words=set(event.keywords),
            undated=mention.rule == ARTICLE_DATE_RULE,
        )
        if evidence.score >= JOIN_THRESHOLD and (best is None or evidence.score > best[1].score):
            best = (event, evidence)
    if best is None:
        return None, None, []
    return best[0], round(best[1].score, 2), best[1].reasons


def join_evidence(
    *,
    date: EventDate,
    category: str,
    actors: set[str],
    words: frozenset[str] | set[str],
    event_date: EventDate,
    event_category: str,
    event_actors: set[str],
    event_words: set[str],
    undated: bool = False,
) -> _Evidence:
    """How strongly a mention and an event report the same happening, 0..1, and why.

    Dates weigh 0.3 (the same value 1, the same interval 0.9, one within the other 0.7,
    overlapping 0.4, a day apart 0.25, else no join at all), the kind of happening 0.25
    (the same 1, related kinds 0.5, a generic kind on one side 0.4, else 0), participants
    0.15 (Jaccard; 0.3 when one side names none) and words 0.3 (overlap coefficient),
    plus up to 0.15 for names and numbers both sentences hold. A join needs words,
    participants or names in common besides the date; a mention dated only by its article
    (``undated``) gets half the date's weight.
    """
    reasons: list[str] = []
    if date.value == event_date.value and date.mod == event_date.mod:
        d = 1.0
        reasons.append(f"same {'day' if date.precision == 'day' else date.precision}")
    elif (date.start, date.end) == (event_date.start, event_date.end):
        d = 0.9
        reasons.append("same dates")
    elif date.within(event_date) or event_date.within(date):
        d = 0.7
        reasons.append(f"within {(event_date if date.within(event_date) else date).display}")
    elif date.overlaps(event_date):
        d = 0.4
        reasons.append("overlapping dates")
    elif (
        abs((date.start - event_date.end).days) <= 1 or abs((event_date.start - date.end).days) <= 1
    ):
        d = 0.25
        reasons.append("a day apart")
    else:
        return _Evidence(0.0, [])
    if undated:
        # A present-tense report borrows its article's day: that is no evidence of when.
        d *= 0.5
    if category == event_category:
        c = 1.0
        if category not in _GENERIC:
            reasons.append(categories.get(category).label.lower())
    elif frozenset({category, event_category}) in _RELATED:
        c = 0.5
    elif category in _GENERIC or event_category in _GENERIC:
        c = 0.4
    else:
        c = 0.0
    shared_actors = actors & event_actors
    a = len(shared_actors) / len(actors | event_actors) if actors and event_actors else 0.3
    if shared_actors:
        reasons.append(" + ".join(sorted(shared_actors)))
    plain = {x for x in words if x[0] not in "@="}
    event_plain = {x for x in event_words if x[0] not in "@="}
    shared_words = plain & event_plain
    smaller = min(len(plain), len(event_plain))
    w = len(shared_words) / smaller if smaller else 0.0
    if shared_words:
        reasons.append("words: " + ", ".join(sorted(shared_words)[:4]))
    # Names and numbers the two share (not already counted as actors): up to 0.15.
    shared_anchors = {x for x in set(words) & event_words if x[0] in "@="}
    shared_anchors -= {"@" + part.casefold() for n in actors | event_actors for part in n.split()}
    n = min(0.15, 0.05 * len(shared_anchors))
    if shared_anchors:
        reasons.append("names: " + ", ".join(sorted(x[1:] for x in shared_anchors)[:3]))
    if not shared_words and not shared_actors and not shared_anchors:
        return _Evidence(0.0, [])
    return _Evidence(min(1.0, 0.3 * d + 0.25 * c + 0.15 * a + 0.3 * w + n), reasons)


def _consolidate(*, event_id: int, user: AbstractBaseUser) -> int | None:
    """When putting an event together made it the twin of another machine event (a week
    that became the day another source gave), fold the smaller into the larger; returns
    the id of the event that went, if any. Events an editor handled, and mentions an
    editor placed, are never moved."""
    event = Event.objects.filter(pk=event_id).first()
    if event is None or _editor_owned(event):
        return None
    pool = (
        Event.objects.filter(
            conflict_id=event.conflict_id,
            status=Event.Status.PROPOSED,
            editor_fields=[],
            date_start__lte=event.date_end,
            date_end__gte=event.date_start,
        )
        .exclude(pk=event.pk)
        .order_by("-source_count", "pk")[:CANDIDATE_LIMIT]
    )
    pool = list(pool)
    profiles = _event_profiles(event, pool)
    mine = profiles[event.pk]
    for other in pool:
        theirs = profiles[other.pk]
        if theirs["shares_sentence"] or mine["pinned"] or theirs["pinned"]:
            continue
        evidence = join_evidence(
            date=event.date,
            category=event.category,
            actors=mine["actors"],
            words=set(event.keywords),
            event_date=other.date,
            event_category=other.category,
            event_actors=theirs["actors"],
            event_words=set(other.keywords),
        )
        if evidence.score < CONSOLIDATE_THRESHOLD:
            continue
        keep, drop = (other, event) if other.source_count >= event.source_count else (event, other)
        with transaction.atomic():
            reason = f"joined event {keep.pk}: {', '.join(evidence.reasons)}, {evidence.score:.2f}"
            for mention in Mention.objects.filter(event=drop):
                mention.event = keep
                mention.join_score = round(evidence.score, 2)
                mention.join_reasons = evidence.reasons
                history_save(obj=mention, user=user, reason=reason[:100])
            drop._history_user = user
            drop.delete()
        event_refresh(event_id=keep.pk, user=user)
        return drop.pk
    return None


CONSOLIDATE_THRESHOLD = 0.7


def _event_profiles(event: Event, pool: list[Event]) -> dict[int, dict]:
    """For the event and each of its candidate twins: whether they share a sentence (the
    same sentence never reports one happening twice), whether an editor pinned any of
    its mentions, and its actors' names. Three queries for the whole pool, each answered
    by the database, never by loading every mention of events of many sources."""
    ids = [event.pk, *(e.pk for e in pool)]
    profiles = {pk: {"shares_sentence": False, "pinned": False, "actors": set()} for pk in ids}
    shared = (
        Mention.objects.filter(
            event_id__in=ids[1:],
            article__mentions__event_id=event.pk,
            article__mentions__sentence_start=F("sentence_start"),
        )
        .order_by()
        .values_list("event_id", flat=True)
        .distinct()
    )
    for event_id in shared:
        profiles[event_id]["shares_sentence"] = True
    pinned = (
        Mention.objects.filter(event_id__in=ids, pinned=True)
        .order_by()
        .values_list("event_id", flat=True)
        .distinct()
    )
    for event_id in pinned:
        profiles[event_id]["pinned"] = True
    for event_id, names in _actor_names(ids).items():
        profiles[event_id]["actors"] = names
    return profiles


def _actor_names(event_ids: list[int]) -> dict[int, set[str]]:
    """The actors' names of each of ``event_ids`` that has any, in one query."""
    out: dict[int, set[str]] = {}
    rows = Event.actors.through.objects.filter(event_id__in=event_ids).values_list(
        "event_id", "actor__name"
    )
    for event_id, name in rows:
        out.setdefault(event_id, set()).add(name)
    return out


def _event_start(*, article: Article, mention: Mention, user: AbstractBaseUser) -> Event:
    """A new proposed event for a mention that joined none (refreshed from it next)."""
    event = Event(
        conflict_id=article.conflict_id,
        title=mention.title[:300] or mention.sentence[:300],
        summary=mention.sentence[:2000],
        language=article.language,
        category=mention.category,
        factuality=mention.factuality,
        confidence=mention.confidence,
        places=list(mention.places),
    )
    event.date = mention.resolved
    history_save(obj=event, user=user, reason="proposed by the extractor")
    return event


# --- Putting an event together from its mentions ------------------------------------------
#
# An event of one source and an event of a thousand cost about the same to put together:
# past REFRESH_WINDOW mentions, counts, votes, dates and the clearest mention come from
# aggregates and orderings in the database, so joining one more mention never reloads
# all the others.

REFRESH_WINDOW = 200
"""How many of an event's mentions a refresh reads into Python. An event of up to
``REFRESH_WINDOW`` mentions (every ordinary event) is put together from all of them, read
in one query. A larger one is put together by the database: its sources, leads, date,
factuality, category, clearest mention, confidence and scope from aggregates and
orderings over all its mentions, its actors and places from its first ``REFRESH_WINDOW``
distinct actor and place lists (sources mostly repeat the same few), its match words from
its first ``REFRESH_WINDOW`` mentions (oldest first, as for any event). Without the bound,
an event of hundreds of sources was loaded whole each time one more joined it, and an
import became quadratic. With it, what goes unread is a late source's new actor or place
past the first ``REFRESH_WINDOW`` distinct lists, and match words past the first
``REFRESH_WINDOW`` mentions (an event has its ``KEYWORDS_KEPT`` long before)."""


def agreed_date(dates: list[EventDate] | Counter) -> EventDate:
    """The most precise date the mentions agree on.

    Each date is scored by how many of the others overlap it less how many do not; the
    best score wins, then the finer precision, then a date stated outright over an
    approximate one ("c. Feb 2020"), then the earlier date. "29 Feb 2020", "February 2020"
    and "2020" give 29 Feb 2020; a lone stray day loses to the majority. ``dates`` is the
    mentions' dates, or a Counter of each distinct date and how many mentions give it (in
    the order they first appear).
    """

    # Sources mostly repeat a few dates: weigh each distinct one by how often it is given.
    counts = dates if isinstance(dates, Counter) else Counter(dates)
    total = sum(counts.values())

    def score(d: EventDate) -> tuple:
        support = sum(n for o, n in counts.items() if o.overlaps(d))
        return (2 * support - total, -d.rank, d.mod != "APPROX", -d.start.toordinal())

    return max(counts, key=score)


class _Row(NamedTuple):
    """What putting an event together reads of one mention and its article (never the
    article's body): a plain row, not a model instance."""

    pk: int
    article_id: int
    family_id: int | None
    language: str
    published: datetime.date
    factuality: str
    resolved_value: str
    resolved_precision: str
    resolved_start: datetime.date
    resolved_end: datetime.date
    resolved_mod: str
    reference: bool
    rule: str
    category: str
    in_headline: bool
    paragraph: int
    title: str
    sentence: str
    trigger: str
    places: list
    expression_text: str
    context: list
    actor_names: list
    confidence: float

    @property
    def resolved(self) -> EventDate:
        return EventDate.of_fields(self, "resolved_")


# The row's columns as the query names them: three come from the article.
_ROW_COLUMNS = tuple(
    {
        "family_id": "article__family_id",
        "language": "article__language",
        "published": "article__published",
    }.get(f, f)
    for f in _Row._fields
)
# The mention's date columns.
_DATE_COLUMNS = tuple(f"resolved_{f.name}" for f in dataclasses.fields(EventDate))


def _rows(mentions: QuerySet) -> list[_Row]:
    return [_Row(*values) for values in mentions.values_list(*_ROW_COLUMNS)]


def _clear_rank(m: _Row, wanted: set[str], factuality: str) -> tuple:
    """How well a mention stands for its event, higher first (see ``_clearest``); the
    database ranks an event of many mentions by ``_CLEAR_ORDER``, the same criteria."""
    return (
        not m.reference,
        m.rule != ARTICLE_DATE_RULE,
        m.factuality == factuality,
        m.language in wanted,
        m.category not in _GENERIC,
        m.in_headline,
        m.paragraph == 0,
        -PRECISION_RANK.get(m.resolved_precision, 9),
        5 <= len(m.title) <= 90,
        -m.published.toordinal(),
        -m.pk,
    )


def _flag(condition: Q) -> Case:
    """1 where ``condition`` holds, else 0: for orderings that put a kind of row first."""
    return Case(When(condition, then=Value(1)), default=Value(0), output_field=IntegerField())


def _clear_order(wanted: set[str], factuality: str) -> list:
    """``_clear_rank`` as a database ordering, best first."""
    precision = Case(
        *(When(resolved_precision=p, then=Value(r)) for p, r in PRECISION_RANK.items()),
        default=Value(9),
        output_field=IntegerField(),
    )
    return [
        _flag(Q(reference=False)).desc(),
        _flag(~Q(rule=ARTICLE_DATE_RULE)).desc(),
        _flag(Q(factuality=factuality)).desc(),
        _flag(Q(article__language__in=wanted)).desc(),
        _flag(~Q(category__in=_GENERIC)).desc(),
        _flag(Q(in_headline=True)).desc(),
        _flag(Q(paragraph=0)).desc(),
        precision.asc(),
        _flag(Q(title_length__gte=5, title_length__lte=90)).desc(),
        "article__published",
        "pk",
    ]


class _FewMentions:
    """An event of at most ``REFRESH_WINDOW`` mentions, all read: put together in Python."""

    def __init__(self, rows: list[_Row]):
        self.rows = rows

    def totals(self) -> tuple[int, int, float]:
        """(sources, sources naming it in their headline or lead, highest confidence):
        one source is one story family (wire copies count once), or one article."""
        families = {m.family_id or -m.article_id for m in self.rows}
        leads = {
            m.family_id or -m.article_id for m in self.rows if m.paragraph == 0 or m.in_headline
        }
        return len(families), len(leads), max(m.confidence for m in self.rows)

    def dates(self) -> tuple[Counter, Counter]:
        """How many mentions give each date, and how many facts do."""
        facts = Counter(m.resolved for m in self.rows if m.factuality == "happened")
        return Counter(m.resolved for m in self.rows), facts

    def factuality(self, start: datetime.date) -> str:
        return event_factuality([(m.factuality, m.published) for m in self.rows], start=start)

    def languages(self) -> Counter:
        """How many sources (articles) are written in each language."""
        return Counter(lang for _, lang in {(m.article_id, m.language) for m in self.rows})

    def clearest(self, wanted: set[str], factuality: str) -> _Row:
        return max(self.rows, key=lambda m: _clear_rank(m, wanted, factuality))

    def votes(self) -> list[tuple[str, bool, int]]:
        """(category, recalled only, how many mentions) for each kind they give."""
        counts = Counter((m.category, m.reference) for m in self.rows)
        return [(c, r, n) for (c, r), n in counts.items()]

    def lists(self, field: str) -> list[tuple[list, int]]:
        """Each distinct actor or place list with how many mentions give it, in the order
        they first appear."""
        counts = Counter(tuple(getattr(m, field)) for m in self.rows)
        return [(list(names), n) for names, n in counts.items()]

    def all_history(self, limit: datetime.timedelta) -> bool:
        """Every mention is dated more than ``limit`` before its article."""
        return all(m.resolved_end < m.published - limit for m in self.rows)

    def first(self) -> list[_Row]:
        return self.rows


class _ManyMentions(_FewMentions):
    """An event of more than ``REFRESH_WINDOW`` mentions: put together by the database,
    the same answers as ``_FewMentions`` would give, reading a bounded number of rows.

    Each answer is its own query: should another worker delete the event's mentions
    between the first read and one of them (an article re-extracted meanwhile), that
    answer comes from the rows already read, never from nothing."""

    def __init__(self, mentions: QuerySet, first: list[_Row]):
        self.mentions = mentions.order_by()
        self.rows = first

    def totals(self) -> tuple[int, int, float]:
        solo = Q(article__family_id__isnull=True)
        lead = Q(paragraph=0) | Q(in_headline=True)
        t = self.mentions.aggregate(
            families=Count("article__family_id", distinct=True),
            solos=Count("article_id", distinct=True, filter=solo),
            family_leads=Count("article__family_id", distinct=True, filter=lead),
            solo_leads=Count("article_id", distinct=True, filter=lead & solo),
            confidence=Max("confidence"),
        )
        if t["confidence"] is None:
            return super().totals()
        return t["families"] + t["solos"], t["family_leads"] + t["solo_leads"], t["confidence"]

    def dates(self) -> tuple[Counter, Counter]:
        rows = (
            self.mentions.values(*_DATE_COLUMNS)
            .annotate(
                n=Count("pk"),
                facts=Count("pk", filter=Q(factuality="happened")),
                first=Min("pk"),
            )
            .order_by("first")
        )
        every, facts = Counter(), Counter()
        for row in rows:
            date = EventDate.of_fields(row, "resolved_")
            every[date] = row["n"]
            if row["facts"]:
                facts[date] = row["facts"]
        return (every, facts) if every else super().dates()

    def factuality(self, start: datetime.date) -> str:
        # The one row that decides: a fact published on or after ``start`` if there is
        # one, else the latest source (the earliest stored on a tie).
        row = (
            self.mentions.order_by(
                _flag(Q(factuality="happened", article__published__gte=start)).desc(),
                "-article__published",
                "pk",
            )
            .values_list("factuality", "article__published")
            .first()
        )
        return event_factuality([row], start=start) if row else super().factuality(start)

    def languages(self) -> Counter:
        rows = self.mentions.values("article__language").annotate(
            n=Count("article_id", distinct=True)
        )
        found = Counter({row["article__language"]: row["n"] for row in rows})
        return found or super().languages()

    def clearest(self, wanted: set[str], factuality: str) -> _Row:
        ranked = self.mentions.annotate(title_length=Length("title"))
        found = _rows(ranked.order_by(*_clear_order(wanted, factuality))[:1])
        return found[0] if found else super().clearest(wanted, factuality)

    def votes(self) -> list[tuple[str, bool, int]]:
        rows = self.mentions.values("category", "reference").annotate(n=Count("pk"))
        return [(row["category"], row["reference"], row["n"]) for row in rows]

    def lists(self, field: str) -> list[tuple[list, int]]:
        rows = (
            self.mentions.values(field)
            .annotate(n=Count("pk"), first=Min("pk"))
            .order_by("first")[:REFRESH_WINDOW]
        )
        return [(row[field] or [], row["n"]) for row in rows]

    def all_history(self, limit: datetime.timedelta) -> bool:
        recent = ExpressionWrapper(F("article__published") - limit, output_field=DateField())
        return not self.mentions.filter(resolved_end__gte=recent).exists()


def _clearest(reader: _FewMentions, language: str = "", factuality: str = "") -> _Row:
    """The mention whose title stands for the event: a report (not a recollection, not a
    date borrowed from the article) that tells it as the event stands (a talk that
    happened is not titled from the plan to hold it), in the language most of its sources
    are written in
    (on a tie, the language its title is in already, so that one source in another
    language does not turn the title), in a lead paragraph, precisely dated, by a source
    that names it in its headline; the earliest such source on a tie."""
    by_language = reader.languages()
    top = max(by_language.values())
    wanted = {lang for lang, n in by_language.items() if n == top}
    if language in wanted:
        wanted = {language}
    return reader.clearest(wanted, factuality)


def _vote_category(votes: list[tuple[str, bool, int]], fallback: str) -> str:
    tally = Counter()
    for category, reference, n in votes:
        if category == categories.OTHER:
            continue
        tally[category] += (0.5 if category == "statement" or reference else 1.0) * n
    if not tally:
        return fallback
    top = max(tally.values())
    tied = [c for c, n in tally.items() if n == top]
    return fallback if fallback in tied else sorted(tied, key=categories.VALUES.index)[0]


def _background(event_date: EventDate, reader: _FewMentions, start: datetime.date | None) -> bool:
    if start is not None:
        return event_date.end < start - LEAD_UP
    return reader.all_history(datetime.timedelta(days=365 * BACKGROUND_YEARS))


def importance(
    *,
    sources: int,
    leads: int,
    category: str,
    precision: str,
    factuality: str,
    background: bool,
) -> float:
    """What a reader trusts, 0..1: independent sources (saturating), sources that put the
    happening in their headline or lead, the kind of happening (the registry's weight),
    how precisely it is dated; plans count less than facts, background less than core."""
    score = (
        0.45 * (1 - math.exp(-sources / 3))
        + 0.2 * min(1.0, leads / 2)
        + 0.25 * categories.get(category).weight
        + 0.1 * {"day": 1.0, "week": 0.8, "month": 0.6}.get(precision, 0.3)
    )
    score *= _FACTUALITY_WEIGHT.get(factuality, 1.0)
    if background:
        score *= 0.5
    return round(score, 4)


def _event_keywords(mentions: list[_Row]) -> list[str]:
    """The first KEYWORDS_KEPT match words of the event's mentions, oldest first: read
    only as far as needed, so refreshing an event of a thousand sources stays cheap."""
    kept: dict[str, None] = {}
    for m in mentions:
        for w in sorted(_mention_words(m, m.language)):
            kept.setdefault(w)
        if len(kept) >= KEYWORDS_KEPT:
            break
    return list(kept)[:KEYWORDS_KEPT]


def event_refresh(*, event_id: int, user: AbstractBaseUser | None = None) -> bool:
    """Put an event together again from its mentions; True when it still exists.

    An event left without mentions goes, unless an editor handled it. Fields an editor
    set are left as they are; the machine's values are written through the version
    claim, so an editor's concurrent save wins or fails visibly, never silently. What it
    reads does not grow with the number of mentions (``REFRESH_WINDOW``).
    """
    user = user or system_user()
    event = Event.objects.select_related("conflict").filter(pk=event_id).first()
    if event is None:
        return False
    mentions = Mention.objects.filter(event_id=event.pk)
    first = _rows(mentions.order_by("pk")[: REFRESH_WINDOW + 1])
    if not first:
        if _editor_owned(event) or event.status == Event.Status.REJECTED:
            return True
        event._history_user = user
        event.delete()
        return False
    if len(first) <= REFRESH_WINDOW:
        reader = _FewMentions(first)
    else:
        reader = _ManyMentions(mentions, first[:REFRESH_WINDOW])
    every, facts = reader.dates()
    date = agreed_date(facts or every)
    factuality = reader.factuality(date.start)
    best = _clearest(reader, event.language, factuality)
    category = _vote_category(reader.votes(), best.category)
    actor_names = list(dict.fromkeys(n for names, _ in reader.lists("actor_names") for n in names))
    place_counts = Counter()
    for names, n in reader.lists("places"):
        for p in names:
            place_counts[p] += n
    places = [p for p, _ in place_counts.most_common()]
    background = _background(date, reader, event.conflict.start_date)
    machine = {
        "title": {
            "title": best.title[:300] or best.sentence[:300],
            "language": best.language,
        },
        "summary": {"summary": best.sentence[:2000]},
        "category": {"category": category},
        "places": {"places": places},
        "date": date.as_fields("date_"),
        "factuality": {"factuality": factuality},
        "scope": {"scope": Event.Scope.BACKGROUND if background else Event.Scope.CORE},
    }
    wanted = {
        name: value
        for group, values in machine.items()
        if group not in event.editor_fields
        for name, value in values.items()
    }
    actors = (
        list(Actor.objects.filter(name__in=actor_names))
        if "actors" not in event.editor_fields
        else None
    )
    changed = [n for n, v in wanted.items() if getattr(event, n) != v]
    new_actors = actors is not None and {a.pk for a in actors} != set(
        event.actors.values_list("pk", flat=True)
    )
    if changed or new_actors:
        with transaction.atomic():
            fresh = event_claim(event_id=event.pk, expected_version=None)
            if set(fresh.editor_fields) == set(event.editor_fields):
                for name in changed:
                    setattr(fresh, name, wanted[name])
                history_save(obj=fresh, user=user, reason="put together from its sources")
                if new_actors:
                    fresh.actors.set(actors)
                event = fresh
    sources, leads, confidence = reader.totals()
    bookkeeping = {
        "source_count": sources,
        "importance": importance(
            sources=sources,
            leads=leads,
            category=event.category,
            precision=event.date_precision,
            factuality=event.factuality,
            background=event.scope == Event.Scope.BACKGROUND,
        ),
        "confidence": confidence,
        "keywords": _event_keywords(reader.first()),
    }
    if any(getattr(event, n) != v for n, v in bookkeeping.items()):
        _event_bookkeep(event_id=event.pk, values=bookkeeping)
    return True
