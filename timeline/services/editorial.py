"""Editors' writes: correct, confirm, reject, restore, revert.

Every write claims the event's next version (``common.event_claim``) and saves through
``Model.save`` so django-simple-history records who did it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.db.models import TextChoices

from timeline.models import Event
from timeline.services.common import (
    EventStateError,
    event_claim,
    history_save,
)
from timeline.services.events import FIELD_GROUP, event_status_before_rejection


def event_update(*, event: Event, expected_version: int, changes: dict, user) -> Event:
    """Apply an editor's changes if nobody saved the event since ``expected_version``.

    Every edited field group is added to ``editor_fields`` so re-extraction leaves it
    alone; only a real change marks a field as the editor's, so re-saving an untouched
    form does not freeze the extractor's values. Raises ``EventConflictError`` with the
    current event on a stale version.
    """
    unknown = set(changes) - set(FIELD_GROUP)
    if unknown:
        raise ValueError(f"not editable: {', '.join(sorted(unknown))}")
    changes = dict(changes)
    actors = changes.pop("actors", None)
    with transaction.atomic():
        fresh = event_claim(event_id=event.pk, expected_version=expected_version)
        groups = _assign_changed(fresh, changes.items())
        if actors is not None:
            if {a.pk for a in actors} != set(fresh.actors.values_list("pk", flat=True)):
                groups.add("actors")
            else:
                actors = None
        fresh.editor_fields = sorted(set(fresh.editor_fields) | groups)
        fresh.full_clean(exclude=["conflict"])
        history_save(obj=fresh, user=user, reason="edited: " + ", ".join(sorted(groups)))
        if actors is not None:
            fresh.actors.set(actors)
    return fresh


def _assign_changed(event: Event, values: Iterable[tuple[str, object]]) -> set[str]:
    """Set on ``event`` each field whose value differs; the field groups that changed."""
    groups = set()
    for name, value in values:
        if getattr(event, name) != value:
            setattr(event, name, value)
            if FIELD_GROUP[name]:
                groups.add(FIELD_GROUP[name])
    return groups


@dataclass(frozen=True)
class ConflictRow:
    """One field where the saved event and an editor's stale form disagree."""

    label: str
    theirs: str
    mine: str


def event_conflict_rows(*, current: Event, changes: dict) -> list[ConflictRow]:
    """What a second editor's save would change in the version saved meanwhile.

    ``changes`` are the values the editor's form holds (``EventEditForm.cleaned_values``);
    only fields whose values differ from ``current`` are listed, with both renderings.
    """
    date = changes.get("date")
    pairs = [
        ("Title", current.title, changes.get("title", current.title)),
        ("Summary", current.summary, changes.get("summary", current.summary)),
        _choice_pair("Category", current, changes, "category", Event.Category),
        (
            "Actors",
            ", ".join(sorted(a.name for a in current.actors.all())),
            ", ".join(sorted(a.name for a in changes.get("actors", current.actors.all()))),
        ),
        ("Places", ", ".join(current.places), ", ".join(changes.get("places", current.places))),
        ("Date", current.display_date, date.display if date else current.display_date),
        _choice_pair("What the sources say", current, changes, "factuality", Event.Factuality),
        _choice_pair("Scope", current, changes, "scope", Event.Scope),
        (
            "Key event",
            _yes_no(current.is_key),
            _yes_no(changes.get("is_key", current.is_key)),
        ),
    ]
    return [ConflictRow(label, theirs, mine) for label, theirs, mine in pairs if theirs != mine]


def _choice_pair(
    label: str, current: Event, changes: dict, name: str, choices: type[TextChoices]
) -> tuple[str, str, str]:
    """A choice field's row: the saved value's label, and the form's (the saved one when
    the form leaves the field empty or out)."""
    theirs = getattr(current, f"get_{name}_display")()
    mine = choices(changes[name]).label if changes.get(name) else theirs
    return label, theirs, mine


def _yes_no(value: bool) -> str:
    return "yes" if value else "no"


def _event_set_status(
    event: Event, status: str, user: AbstractBaseUser, expected_version: int | None
) -> Event:
    """Set the status through the version claim; the history entry's reason is the status
    ("confirmed", "rejected")."""
    with transaction.atomic():
        fresh = event_claim(event_id=event.pk, expected_version=expected_version)
        fresh.status = status
        history_save(obj=fresh, user=user, reason=str(status))
    return fresh


def event_confirm(
    *, event: Event, user: AbstractBaseUser, expected_version: int | None = None
) -> Event:
    """Mark an event as confirmed by an editor.

    With ``expected_version`` the action fails with ``EventConflictError`` if someone
    saved the event since the editor loaded it; without it (bulk confirmation) it applies to
    the current version. Confirmed events are never rewritten by re-extraction.
    """
    return _event_set_status(event, Event.Status.CONFIRMED, user, expected_version)


def event_reject(
    *, event: Event, user: AbstractBaseUser, expected_version: int | None = None
) -> Event:
    """Hide an event from readers while keeping it, its mentions and its history.

    A rejected event stays in the database and can be brought back with
    :func:`event_restore`; re-extraction leaves it alone, so the extractor cannot resurrect
    it. Raises ``EventConflictError`` on a stale ``expected_version``.
    """
    return _event_set_status(event, Event.Status.REJECTED, user, expected_version)


def event_restore(
    *, event: Event, user: AbstractBaseUser, expected_version: int | None = None
) -> Event:
    """Bring a rejected event back with the status it had before it was rejected.

    The previous status is read from the event's history (proposed when there is none).
    Raises ``EventStateError`` if the event is not rejected and ``EventConflictError`` on
    a stale ``expected_version``.
    """
    with transaction.atomic():
        fresh = event_claim(event_id=event.pk, expected_version=expected_version)
        if fresh.status != Event.Status.REJECTED:
            raise EventStateError("only a rejected event can be restored")
        fresh.status = event_status_before_rejection(event=fresh)
        history_save(obj=fresh, user=user, reason="restored")
    return fresh


def event_revert(
    *, event: Event, history_id: int, user: AbstractBaseUser, expected_version: int
) -> Event:
    """Put an event back to the values of one of its history rows, as a new version.

    Title, summary, category, places, date, status and actors are copied from the chosen
    history row; the version keeps counting up and the revert is itself a history row, so
    it can be reverted too. Reverted field groups count as editor-set. Raises
    ``EventConflictError`` on a stale ``expected_version``.
    """
    record = event.history.get(history_id=history_id)
    old_actors = {row.actor_id for row in record.actors.all()}
    with transaction.atomic():
        fresh = event_claim(event_id=event.pk, expected_version=expected_version)
        groups = set(fresh.editor_fields) | _assign_changed(
            fresh, ((name, getattr(record, name)) for name in Event.REVERTIBLE_FIELDS)
        )
        new_actors = old_actors != set(fresh.actors.values_list("pk", flat=True))
        if new_actors:
            groups.add("actors")
        fresh.editor_fields = sorted(groups)
        fresh.full_clean(exclude=["conflict"])
        history_save(
            obj=fresh,
            user=user,
            reason=f"reverted to version {record.version} of {record.history_date:%Y-%m-%d %H:%M}",
        )
        if new_actors:
            fresh.actors.set(sorted(old_actors))
    return fresh
