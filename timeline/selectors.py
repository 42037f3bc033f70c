"""Every read the views need. Keyword-only, typed, named ``<entity>_<verb>``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Max, Min, Prefetch, Q, QuerySet
from django.http import Http404

from timeline.models import Actor, Conflict, Event, Mention

# Readers see proposed and confirmed events; rejected ones stay for editors only.
PUBLIC_STATUSES = (Event.Status.PROPOSED, Event.Status.CONFIRMED)


@dataclass(frozen=True)
class ConflictSummary:
    conflict: Conflict
    event_count: int
    first: date | None
    last: date | None


def conflict_list(*, search: str = "") -> list[ConflictSummary]:
    """Conflicts with their public event counts and date span, for the home page."""
    public = Q(events__status__in=PUBLIC_STATUSES)
    qs = Conflict.objects.annotate(
        n_events=Count("events", filter=public),
        first=Min("events__date_start", filter=public),
        last=Max("events__date_end", filter=public),
    ).order_by("name")
    if search:
        qs = qs.filter(Q(name__icontains=search) | Q(summary__icontains=search))
    return [ConflictSummary(c, c.n_events, c.first, c.last) for c in qs]


def conflict_get(*, slug: str) -> Conflict:
    """The conflict with this slug, or 404."""
    try:
        return Conflict.objects.get(slug=slug)
    except Conflict.DoesNotExist:
        raise Http404("No such conflict") from None


def conflict_events(*, conflict: Conflict) -> QuerySet[Event]:
    """Public events of a conflict in timeline order, with actors and source counts."""
    return (
        Event.objects.filter(conflict=conflict, status__in=PUBLIC_STATUSES)
        .annotate(n_sources=Count("mentions", distinct=True))
        .prefetch_related(Prefetch("actors", queryset=Actor.objects.order_by("name")))
        .order_by("date_start", "precision_rank", "id")
    )


def event_detail(*, pk: int, include_rejected: bool = False) -> Event:
    """One event with its conflict, actors and mentions (with their articles), or 404."""
    qs = Event.objects.select_related("conflict").prefetch_related(
        "actors",
        Prefetch(
            "mentions",
            queryset=Mention.objects.select_related("article").order_by(
                "article__published", "expression_start"
            ),
        ),
    )
    if not include_rejected:
        qs = qs.filter(status__in=PUBLIC_STATUSES)
    try:
        return qs.get(pk=pk)
    except Event.DoesNotExist:
        raise Http404("No such event") from None
