"""The reads ``evaluate_events`` and ``evaluate_timelines`` need, as plain rows.

Keyword-only, typed, named ``<entity>_<verb>``, and only read. They hand the scorers in
``timeline.evaluation`` (pure Python) the public events (proposed or confirmed) and their
mentions as frozen dataclasses, relying only on the stored fields of ``Event`` and
``Mention``, never on how the event layer computed them.
"""

from __future__ import annotations

import datetime
from dataclasses import fields

from django.db.models import QuerySet

from timeline.evaluation.events import SystemEvent, SystemMention
from timeline.evaluation.timelines import TimelineEvent
from timeline.filters import PUBLIC_STATUSES
from timeline.models import Actor, Article, Conflict, Event, Mention


def conflict_name_free(*, slug: str, name: str) -> tuple[str, str]:
    """A slug and a name like the given ones that no conflict uses yet.

    The evaluation creates its conflict beside whatever the database holds (and rolls it
    back); a conflict already called so gets ``-2``, ``-3`` ... and " (2)", " (3)" ...
    """
    candidate_slug, candidate_name, n = slug, name, 1
    while (
        Conflict.objects.filter(slug=candidate_slug).exists()
        or Conflict.objects.filter(name=candidate_name).exists()
    ):
        n += 1
        suffix = f"-{n}"
        candidate_slug = slug[: 100 - len(suffix)] + suffix
        candidate_name = f"{name[:190]} ({n})"
    return candidate_slug, candidate_name


def actor_find(*, name: str) -> Actor | None:
    """The actor of that exact name (names are unique), or None."""
    return Actor.objects.filter(name=name).first()


def _rows[R](queryset: QuerySet, row: type[R], **columns: str) -> list[R]:
    """The queryset's rows, by id, as ``row`` dataclasses: each field read from the column
    of its name, or from the one ``columns`` names for it."""
    names = [columns.get(f.name, f.name) for f in fields(row)]
    return [row(*values) for values in queryset.order_by("id").values_list(*names)]


def event_list_public(*, conflict: Conflict) -> list[SystemEvent]:
    """The conflict's public events (proposed or confirmed), by id."""
    return _rows(Event.objects.filter(conflict=conflict, status__in=PUBLIC_STATUSES), SystemEvent)


def mention_list_public(*, conflict: Conflict) -> list[SystemMention]:
    """The mentions of the conflict's articles that belong to a public event, by id."""
    return _rows(
        Mention.objects.filter(article__conflict=conflict, event__status__in=PUBLIC_STATUSES),
        SystemMention,
    )


def event_list_timeline(*, conflict: Conflict) -> list[TimelineEvent]:
    """The conflict's public events with what the key-events ranking reads, by id."""
    return _rows(
        Event.objects.filter(conflict=conflict, status__in=PUBLIC_STATUSES),
        TimelineEvent,
        precision="date_precision",
        start="date_start",
        end="date_end",
    )


def article_list_mention_days(*, conflict: Conflict) -> list[set[datetime.date]]:
    """Per article of the conflict (by id), the days its mentions resolve to at day
    precision, whatever their events' status (the date-vote baseline reads the dates)."""
    days: dict[int, set[datetime.date]] = {
        pk: set()
        for pk in Article.objects.filter(conflict=conflict)
        .order_by("id")
        .values_list("id", flat=True)
    }
    rows = Mention.objects.filter(article__conflict=conflict, resolved_precision="day")
    for article_id, day in rows.values_list("article_id", "resolved_start"):
        days[article_id].add(day)
    return list(days.values())


def article_list_published(*, conflict: Conflict) -> list[datetime.date]:
    """The publication dates of the conflict's articles (by id)."""
    return list(
        Article.objects.filter(conflict=conflict).order_by("id").values_list("published", flat=True)
    )
