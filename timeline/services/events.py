"""Machine and editor writes that shape events: storing the extractor's candidates,
merging, splitting and creating events."""

from __future__ import annotations

import re

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction

from timeline.dates import EventDate
from timeline.extraction.types import EventCandidate
from timeline.models import Actor, Article, Event, Mention
from timeline.services.common import (
    EventStateError,
    event_claim,
    history_save,
    model_update,
    system_user,
)

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
}


def _mention_fields(cand: EventCandidate, version: str) -> dict:
    expr = cand.date
    resolved = EventDate.from_expression(expr)
    return {
        "key": f"x{expr.start}-{expr.end}",
        "sentence": cand.sentence,
        "sentence_start": cand.sentence_start,
        "sentence_end": cand.sentence_end,
        "expression_text": expr.text[:300],
        "expression_start": expr.start,
        "expression_end": expr.end,
        "expression_type": expr.type,
        **resolved.as_fields("resolved_"),
        "anchor_date": expr.anchor,
        "anchor_kind": expr.anchor_kind[:16],
        "rule": expr.rule[:100],
        "explanation": expr.explanation[:500],
        "extractor_version": version,
    }


def _machine_event_fields(cand: EventCandidate) -> dict[str, dict]:
    """Event values as the extractor proposes them, keyed by editable field group."""
    category = cand.category if cand.category in Event.Category.values else "other"
    title = (cand.title or cand.sentence).strip()[:300] or cand.date.text
    return {
        "title": {"title": title},
        "summary": {"summary": cand.sentence[:2000]},
        "category": {"category": category},
        "places": {"places": list(cand.places)},
        "date": EventDate.from_expression(cand.date).as_fields("date_"),
    }


def event_candidates_store(
    *,
    article: Article,
    candidates: tuple[EventCandidate, ...],
    actors_by_name: dict[str, Actor],
    version: str,
    report,
) -> None:
    """Store the extractor's candidates for one article as events with their mentions.

    Re-running on an unchanged article finds every mention again by its expression span
    and creates nothing new; an event that gathers several mentions or that an editor has
    handled is theirs, and only its evidence is refreshed. Mentions whose expression is no
    longer found go with their events when nobody touched those. ``report`` (an
    ``ExtractionReport``) counts what happened.
    """
    extractor = system_user()
    existing = {
        (m.expression_start, m.expression_end): m
        for m in Mention.objects.filter(article=article).select_related("event")
    }
    seen: set[tuple[int, int]] = set()
    for cand in candidates:
        key = (cand.date.start, cand.date.end)
        if not cand.date.is_dating or key in seen:
            continue
        seen.add(key)
        actors = [actors_by_name[n] for n in cand.actors if n in actors_by_name]
        mention = existing.get(key)
        if mention is None:
            event = _event_create_from_candidate(
                article=article, cand=cand, actors=actors, version=version, user=extractor
            )
            report.created += 1
            report.events.append(event.pk)
            continue
        changed = _mention_refresh(
            mention=mention, cand=cand, actors=actors, version=version, user=extractor
        )
        report.events.append(mention.event_id)
        if changed:
            report.updated += 1
        else:
            report.unchanged += 1

    for key, mention in existing.items():
        if key in seen:
            continue
        event = mention.event
        untouched = (
            event.status == Event.Status.PROPOSED
            and not event.editor_fields
            and event.mentions.count() == 1
        )
        if untouched:
            event._history_user = extractor
            event.delete()
            report.removed += 1
        else:
            report.kept += 1


def _event_create_from_candidate(
    *, article: Article, cand: EventCandidate, actors: list[Actor], version: str, user
) -> Event:
    event = Event(conflict_id=article.conflict_id, confidence=_unit(cand.confidence))
    for values in _machine_event_fields(cand).values():
        model_update(instance=event, data=values)
    history_save(obj=event, user=user)
    event.actors.set(actors)
    mention = Mention(event=event, article=article, **_mention_fields(cand, version))
    history_save(obj=mention, user=user)
    return event


def _mention_refresh(
    *, mention: Mention, cand: EventCandidate, actors: list[Actor], version: str, user
) -> bool:
    """Refresh a found mention and, when the machine still owns it, its event."""
    changed_mention = bool(model_update(instance=mention, data=_mention_fields(cand, version)))
    if changed_mention:
        history_save(obj=mention, user=user)
    event = mention.event
    # An event that gathers several mentions (a merge) or that editors have handled is
    # theirs: the extractor only refreshes the evidence.
    if event.status != Event.Status.PROPOSED or event.mentions.count() != 1:
        return changed_mention
    wanted = {
        name: value
        for group, values in _machine_event_fields(cand).items()
        if group not in event.editor_fields
        for name, value in values.items()
    }
    changed_fields = [name for name, value in wanted.items() if getattr(event, name) != value]
    new_actors = "actors" not in event.editor_fields and set(
        event.actors.values_list("pk", flat=True)
    ) != {a.pk for a in actors}
    if not changed_fields and not new_actors:
        return changed_mention
    with transaction.atomic():
        # Machine writes claim the version too, so an editor's concurrent save wins or
        # fails visibly instead of being overwritten.
        fresh = event_claim(event_id=event.pk, expected_version=None)
        if fresh.status != Event.Status.PROPOSED or set(fresh.editor_fields) != set(
            event.editor_fields
        ):
            return changed_mention
        model_update(instance=fresh, data=wanted)
        history_save(obj=fresh, user=user, reason="re-extracted")
        if new_actors:
            fresh.actors.set(actors)
    return True


def _unit(x: float) -> float:
    return max(0.0, min(1.0, float(x)))


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
        history_save(obj=mention, user=user, reason=reason)
        history_save(obj=source, user=user, reason=f"mention split to event {target.pk}")
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
