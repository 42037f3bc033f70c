"""Reads for the editorial pages: the review queue, duplicate suggestions, history."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.core.paginator import Page, Paginator
from django.db.models import Max, Min, Prefetch
from django.http import Http404

from timeline.models import Actor, Event, Mention

REVIEW_PAGE_SIZE = 25

# Words too common in news about peace talks to say two sentences report the same thing.
_STOPWORDS = frozenset(
    """
    a an and are as at be been but by for from had has have he her his in into is it its
    last next of on or over said says she that the their them there they this to under up
    was were which while who will with would after before during since than then week year
    month day today yesterday sunday monday tuesday wednesday thursday friday saturday
    """.split()  # noqa: SIM905 - a word list reads better as prose
)
_WORD = re.compile(r"\w+", re.UNICODE)

# Overlap coefficient above which two events are offered for merging.
DUPLICATE_THRESHOLD = 0.4


@dataclass(frozen=True)
class DuplicateSuggestion:
    event: Event
    score: float


@dataclass
class ReviewRow:
    event: Event
    duplicates: list[DuplicateSuggestion] = field(default_factory=list)

    @property
    def dom_id(self) -> str:
        """The id of this row in the review queue (the target of its actions)."""
        return f"review-row-{self.event.pk}"


def review_queue(*, conflict: str = "", category: str = "", page: int = 1) -> Page:
    """One page of proposed events, from the newest articles first, with their evidence.

    ``conflict`` is a slug and ``category`` a category value; blank means all. Within an
    article, events follow the order of their sentences.
    """
    qs = Event.objects.filter(status=Event.Status.PROPOSED)
    if conflict:
        qs = qs.filter(conflict__slug=conflict)
    if category:
        qs = qs.filter(category=category)
    qs = (
        qs.annotate(
            latest=Max("mentions__article__published"),
            latest_article=Max("mentions__article_id"),
            first_offset=Min("mentions__expression_start"),
        )
        .select_related("conflict")
        .prefetch_related(*_review_row_prefetches())
        .order_by("-latest", "-latest_article", "first_offset", "pk")
    )
    return Paginator(qs, REVIEW_PAGE_SIZE).get_page(page)


def _review_row_prefetches() -> tuple[Prefetch, Prefetch]:
    """What a queue row shows of an event: its actors by name, its mentions from the
    newest article first and, within an article, in the order of their sentences."""
    return (
        Prefetch("actors", queryset=Actor.objects.order_by("name")),
        Prefetch(
            "mentions",
            queryset=Mention.objects.select_related("article").order_by(
                "-article__published", "article_id", "expression_start"
            ),
        ),
    )


def review_rows(*, events: list[Event]) -> list[ReviewRow]:
    """Queue rows with likely duplicates of each event attached."""
    duplicates = event_duplicates(events=events)
    return [ReviewRow(event=e, duplicates=duplicates.get(e.pk, [])) for e in events]


def event_for_review(*, pk: int) -> Event:
    """One event of any status with what a queue row shows, or 404."""
    qs = (
        Event.objects.select_related("conflict")
        .prefetch_related(*_review_row_prefetches())
        .filter(pk=pk)
    )
    event = qs.first()
    if event is None:
        raise Http404("No such event")
    return event


def events_get(*, pks: list[int]) -> list[Event]:
    """The events with these ids (missing ids are skipped), in id order."""
    return list(Event.objects.filter(pk__in=pks).order_by("pk"))


def mention_get(*, pk: int) -> Mention:
    """One mention with its event and article, or 404."""
    mention = Mention.objects.select_related("event", "article").filter(pk=pk).first()
    if mention is None:
        raise Http404("No such mention")
    return mention


def event_anchor(*, event: Event) -> tuple:
    """What an editor's typed date is read against: (anchor date, language).

    The most recent publication date among the event's articles (relative phrases such as
    "last week" then mean what the newest source meant); the event's own start date when it
    has no mention.
    """
    mention = (
        Mention.objects.filter(event=event)
        .select_related("article")
        .order_by("-article__published")
        .first()
    )
    if mention is None:
        return event.date_start, "en"
    return mention.article.published, mention.article.language


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.casefold()) if w not in _STOPWORDS and len(w) > 1}


def _similarity(a: set[str], b: set[str]) -> float:
    shared = a & b
    if len(shared) < 2:
        return 0.0
    return len(shared) / min(len(a), len(b))


def event_duplicates(*, events: list[Event]) -> dict[int, list[DuplicateSuggestion]]:
    """Likely duplicates of each event: same conflict, overlapping dates, similar words.

    Candidates are events of the same conflict that are not rejected, whose date interval
    overlaps, that share no article with the event (two mentions in one article are
    usually two happenings) and whose title and sentences share at least two content words.
    The score is the words' overlap coefficient plus a bonus when both cover exactly the
    same interval (0.2 for the same day); at least ``DUPLICATE_THRESHOLD`` is suggested.
    At most three per event, best first.
    """
    if not events:
        return {}
    by_conflict: dict[int, list[Event]] = defaultdict(list)
    for e in events:
        by_conflict[e.conflict_id].append(e)
    out: dict[int, list[DuplicateSuggestion]] = {}
    for conflict_id, group in by_conflict.items():
        lo = min(e.date_start for e in group)
        hi = max(e.date_end for e in group)
        pool = list(
            Event.objects.filter(conflict_id=conflict_id, date_start__lte=hi, date_end__gte=lo)
            .exclude(status=Event.Status.REJECTED)
            .prefetch_related(
                Prefetch(
                    "mentions", queryset=Mention.objects.only("event_id", "article_id", "sentence")
                )
            )
        )
        info = {
            c.pk: (
                {m.article_id for m in c.mentions.all()},
                _words(" ".join([c.title, *(m.sentence for m in c.mentions.all())])),
            )
            for c in pool
        }
        for e in group:
            articles, words = info.get(e.pk) or (
                {m.article_id for m in e.mentions.all()},
                _words(" ".join([e.title, *(m.sentence for m in e.mentions.all())])),
            )
            found = []
            for c in pool:
                if c.pk == e.pk or c.date_start > e.date_end or c.date_end < e.date_start:
                    continue
                c_articles, c_words = info[c.pk]
                if articles & c_articles:
                    continue
                score = _similarity(words, c_words)
                if score and (c.date_start, c.date_end) == (e.date_start, e.date_end):
                    # The very same interval is strong evidence, above all for a day:
                    # long sentences about one signing share few words but one date.
                    score += 0.2 if e.date_precision == "day" else 0.1
                if score >= DUPLICATE_THRESHOLD:
                    found.append(DuplicateSuggestion(event=c, score=round(min(score, 1.0), 2)))
            found.sort(key=lambda s: (-s.score, s.event.pk))
            if found:
                out[e.pk] = found[:3]
    return out


@dataclass(frozen=True)
class HistoryEntry:
    history_id: int
    when: datetime
    who: str
    kind: str
    version: int
    reason: str
    changes: list[tuple[str, str, str]]
    record: object


_HISTORY_KIND = {"+": "created", "~": "changed", "-": "deleted"}
_HISTORY_FIELDS = (*Event.REVERTIBLE_FIELDS, "editor_fields")


def event_history(*, event: Event) -> list[HistoryEntry]:
    """Every history row of an event, newest first, each with what changed and by whom.

    Machine writes show as ``system:extractor``; rows without a user (shell, migrations)
    as "unknown". Actor changes are listed by name.
    """
    records = list(
        event.history.select_related("history_user").order_by("history_date", "history_id")
    )
    # The m2m history manager does not support prefetch_related: one query for all rows.
    actor_rows = Event.history.model.actors.model.objects.filter(
        history__in=[r.history_id for r in records]
    ).values_list("history_id", "actor_id")
    actors_of: dict[int, list[int]] = defaultdict(list)
    for history_id, actor_id in actor_rows:
        actors_of[history_id].append(actor_id)
    actor_names = dict(
        Actor.objects.filter(pk__in={a for ids in actors_of.values() for a in ids}).values_list(
            "pk", "name"
        )
    )

    def names(record) -> list[str]:
        return sorted(actor_names.get(a, f"#{a}") for a in actors_of.get(record.history_id, []))

    entries = []
    previous = None
    for record in records:
        changes: list[tuple[str, str, str]] = []
        for name in _HISTORY_FIELDS:
            new = getattr(record, name)
            old = getattr(previous, name) if previous is not None else None
            if previous is None or old != new:
                changes.append((name, "" if previous is None else _show(old), _show(new)))
        new_actors = names(record)
        old_actors = names(previous) if previous is not None else []
        if new_actors != old_actors:
            changes.append(("actors", ", ".join(old_actors), ", ".join(new_actors)))
        user = record.history_user
        entries.append(
            HistoryEntry(
                history_id=record.history_id,
                when=record.history_date,
                who=user.get_username() if user is not None else "unknown",
                kind=_HISTORY_KIND.get(record.history_type, record.history_type),
                version=record.version,
                reason=record.history_change_reason or "",
                changes=changes,
                record=record,
            )
        )
        previous = record
    entries.reverse()
    return entries


def _show(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def event_mention_history(*, event: Event) -> list:
    """History rows of every mention that is or was part of the event (merges, splits)."""
    return list(
        Mention.history.filter(event_id=event.pk)
        .select_related("history_user")
        .order_by("-history_date", "-history_id")[:200]
    )


def event_last_editor(*, event: Event) -> str:
    """Who saved the event's current version, for the conflict message."""
    record = (
        event.history.select_related("history_user")
        .order_by("-history_date", "-history_id")
        .first()
    )
    if record is None or record.history_user is None:
        return "someone else"
    return record.history_user.get_username()
