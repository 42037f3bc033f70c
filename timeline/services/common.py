"""What every service shares: the machine's account, field updates, version claims."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import models

from timeline.models import Event

SYSTEM_EXTRACTOR_USERNAME = "system:extractor"


class EventConflictError(Exception):
    """Raised when an event changed since the editor loaded it (optimistic lock failed)."""

    def __init__(self, current: Event) -> None:
        super().__init__(f"event {current.pk} is at version {current.version}")
        self.current = current


class EventStateError(ValueError):
    """Raised when an editorial action does not apply to the event as it stands."""


def system_user() -> AbstractBaseUser:
    """The account machine writes are attributed to in history (``system:extractor``)."""
    user_model = get_user_model()
    user, created = user_model.objects.get_or_create(
        username=SYSTEM_EXTRACTOR_USERNAME, defaults={"is_active": False}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def model_update(
    *, instance: models.Model, data: Mapping[str, object], fields: Iterable[str] | None = None
) -> list[str]:
    """Set the attributes of ``instance`` that differ from ``data``; return their names.

    Only ``fields`` are considered when given (others in ``data`` are ignored). Nothing is
    saved: the caller saves, so that history records who made the change and why.
    """
    names = list(data) if fields is None else [f for f in fields if f in data]
    changed = []
    for name in names:
        value = data[name]
        if getattr(instance, name) != value:
            setattr(instance, name, value)
            changed.append(name)
    return changed


def event_claim(*, event_id: int, expected_version: int | None) -> Event:
    """Take the event's next version inside the caller's transaction, or raise a conflict.

    Every write to an event, the machine's included, claims its version with this one
    conditional UPDATE (the only ``QuerySet.update`` on a tracked model) and then saves
    through ``Model.save`` so django-simple-history records who did it.
    ``expected_version=None`` means "whatever is current" (bulk and machine writes): the
    row is locked first so the claim cannot fail between the read and the UPDATE.
    """
    if expected_version is None:
        expected_version = (
            Event.objects.select_for_update().values_list("version", flat=True).get(pk=event_id)
        )
    claimed = Event.objects.filter(pk=event_id, version=expected_version).update(
        version=expected_version + 1
    )
    if not claimed:
        raise EventConflictError(Event.objects.get(pk=event_id))
    return Event.objects.get(pk=event_id)


def history_save(*, obj: models.Model, user: AbstractBaseUser | None, reason: str = "") -> None:
    """Save a tracked model with the user and reason its history row records."""
    obj._history_user = user
    if reason:
        obj._change_reason = reason[:100]
    obj.save()
