"""Editors' writes that shape events: merging, splitting and adding events. (The
machine's side, joining mentions into events, is :mod:`timeline.services.joining`.)

A mention an editor moves (merge, split) is pinned: re-extraction and joining never move
it again. Events keep the values an editor set (``Event.editor_fields``); the rest is put
together again from their mentions after every move.
"""

from __future__ import annotations

import re

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction

from timeline.models import Actor, Event, Mention
from timeline.services.common import EventStateError, event_claim, history_save

_WS = re.compile(r"\s+")

# Which editable group each model field belongs to (Event.EDITABLE_FIELDS); status is
# nobody's group: it is an editorial decision, not a value re-extraction refreshes.
FIELD_GROUP = {
    "title": "title",
    "summary": "summary",
    "category": "category",
    "places": "places",
    "actors": "actors",
    "status": None,
    "date_value": "date",
    "date_mod": "date",
    "date_precision": "date",
    "date_start": "date",
    "date_end": "date",
    "factuality": "factuality",
    "is_key": "key",
    "scope": "scope",
}


def event_merge_target(*, events: list[Event]) -> Event:
    """The event a merge keeps when the editor did not choose: a confirmed one if any,
    else the oldest."""
    if not events:
        raise EventStateError("choose at least two events to merge")
    return min(events, key=lambda e: (e.status != Event.Status.CONFIRMED, e.pk))


def event_merge(
    *,
    events: list[Event],
    target: Event,
    user: AbstractBaseUser,
    expected_versions: dict[int, int] | None = None,
) -> Event:
    """Merge events that report the same happening into ``target``, keeping every mention.

    Every mention of the other events moves to ``target`` (each move is a history row of
    the mention); the target gains the union of their actors and places; the emptied events
    are rejected with the reason "merged into event N", so nothing is deleted and a wrong
    merge can be undone with :func:`event_split`. All events must belong to one conflict.
    ``expected_versions`` maps event ids to the versions the editor saw.
    """
    expected_versions = expected_versions or {}
    by_id = {e.pk: e for e in events}
    by_id.setdefault(target.pk, target)
    if len(by_id) < 2:
        raise EventStateError("choose at least two events to merge")
    others = sorted(pk for pk in by_id if pk != target.pk)
    with transaction.atomic():
        # Claim in id order so two overlapping merges cannot deadlock each other.
        claimed = {
            pk: event_claim(event_id=pk, expected_version=expected_versions.get(pk))
            for pk in sorted(by_id)
        }
        main = claimed[target.pk]
        if any(e.conflict_id != main.conflict_id for e in claimed.values()):
            raise EventStateError("events of different conflicts cannot be merged")
        if main.status == Event.Status.REJECTED:
            raise EventStateError("the event merged into must not be rejected")
        reason = f"merged into event {main.pk}"
        actor_ids = set(main.actors.values_list("pk", flat=True))
        places = list(main.places)
        for pk in others:
            other = claimed[pk]
            for mention in Mention.objects.filter(event_id=pk).order_by("pk"):
                mention.event = main
                mention.pinned = True
                history_save(obj=mention, user=user, reason=reason)
            actor_ids |= set(other.actors.values_list("pk", flat=True))
            places += [p for p in other.places if p not in places]
            other.status = Event.Status.REJECTED
            history_save(obj=other, user=user, reason=reason)
        groups = set(main.editor_fields)
        if places != list(main.places):
            main.places = places
            groups.add("places")
        new_actors = actor_ids != set(main.actors.values_list("pk", flat=True))
        if new_actors:
            groups.add("actors")
        main.editor_fields = sorted(groups)
        history_save(obj=main, user=user, reason=f"merged events {', '.join(map(str, others))}")
        if new_actors:
            main.actors.set(sorted(actor_ids))
    from timeline.services.joining import event_refresh

    event_refresh(event_id=main.pk, user=user)
    main.refresh_from_db()
    return main


def event_split(
    *, mention: Mention, user: AbstractBaseUser, expected_version: int | None = None
) -> Event:
    """Move one mention out of its event into an event of its own, and return that event.

    When the mention came into its event through a merge and the event it came from still
    exists, emptied and rejected, that event is brought back (with its corrections);
    otherwise a new proposed event is made from the mention's sentence and resolved date.
    The last mention of an event cannot be split off. Raises ``EventConflictError`` when
    the source event changed since ``expected_version``.
    """
    with transaction.atomic():
        source = event_claim(event_id=mention.event_id, expected_version=expected_version)
        mention = Mention.objects.select_related("article").get(pk=mention.pk)
        if source.mentions.count() < 2:
            raise EventStateError("an event's only mention cannot be split off")
        reason = f"split from event {source.pk}"
        target = _event_split_origin(mention=mention, source=source)
        if target is not None:
            target = event_claim(event_id=target.pk, expected_version=None)
            target.status = event_status_before_rejection(event=target)
            history_save(obj=target, user=user, reason=reason)
        else:
            target = Event(
                conflict_id=source.conflict_id,
                title=_WS.sub(" ", mention.sentence).strip()[:300] or mention.expression_text,
                summary=mention.sentence[:2000],
                category=source.category,
                places=list(source.places),
                confidence=source.confidence,
            )
            target.date = mention.resolved
            target.full_clean(exclude=["conflict"])
            history_save(obj=target, user=user, reason=reason)
            target.actors.set(list(source.actors.all()))
        mention.event = target
        mention.pinned = True
        # An editor placed it: the machine's reasons for its old event no longer apply.
        mention.join_score = None
        mention.join_reasons = []
        history_save(obj=mention, user=user, reason=reason)
        history_save(obj=source, user=user, reason=f"mention split to event {target.pk}")
    from timeline.services.joining import event_refresh

    event_refresh(event_id=source.pk, user=user)
    event_refresh(event_id=target.pk, user=user)
    target.refresh_from_db()
    return target


def event_status_before_rejection(*, event: Event) -> str:
    """The status an event had before it was last rejected (proposed when unknown)."""
    previous = (
        event.history.exclude(status=Event.Status.REJECTED)
        .order_by("-history_date", "-history_id")
        .values_list("status", flat=True)
        .first()
    )
    return previous or Event.Status.PROPOSED


def _event_split_origin(*, mention: Mention, source: Event) -> Event | None:
    """The emptied, rejected event this mention was merged away from, if any."""
    previous_ids = (
        mention.history.exclude(event_id=source.pk)
        .order_by("-history_date", "-history_id")
        .values_list("event_id", flat=True)
    )
    for event_id in previous_ids:
        candidate = Event.objects.filter(
            pk=event_id, status=Event.Status.REJECTED, conflict_id=source.conflict_id
        ).first()
        if candidate is not None and not candidate.mentions.exists():
            return candidate
    return None


def event_create(*, values: dict, actors: list[Actor], user: AbstractBaseUser) -> Event:
    """An event an editor or admin adds by hand; every field it sets is theirs.

    ``values`` holds model field values (conflict, title, date fields, ...). The event
    starts at version 1 with ``editor_fields`` naming every group given, so re-extraction
    never rewrites it.
    """
    event = Event(**values)
    groups = {FIELD_GROUP[name] for name in values if FIELD_GROUP.get(name)}
    if actors:
        groups.add("actors")
    event.editor_fields = sorted(groups)
    event.full_clean(exclude=["conflict"])
    with transaction.atomic():
        history_save(obj=event, user=user, reason="added by hand")
        event.actors.set(actors)
    return event
