"""Every read the views need. Keyword-only, typed, named ``<entity>_<verb>``.

Reader pages run a fixed number of queries whatever the size of a conflict: the timeline
asks the database for counts per lane and month first, and only fetches event rows when
the current view holds few enough of them to draw one by one (``charts.EVENT_LIMIT``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date

from django.core.paginator import Page, Paginator
from django.db.models import CharField, Count, Func, Min, Prefetch, Q, QuerySet
from django.http import Http404
from django.urls import reverse

from timeline import categories, charts
from timeline.dates import EventDate
from timeline.extraction import timex_calendar as cal
from timeline.filters import PUBLIC_STATUSES, TimelineFilters
from timeline.models import Actor, Conflict, Event, Mention

CONFLICT_PAGE_SIZE = 24
EVENT_PAGE_SIZE = 50
# Columns of the activity strip on the home page.
STRIP_COLUMNS = 96

_EventActor = Event.actors.through


@dataclass(frozen=True)
class ConflictSummary:
    conflict: Conflict
    event_count: int
    first: date | None
    last: date | None
    # SVG path of the events-per-month strip (empty without events), and its peak month.
    strip: str = ""
    peak: int = 0


@dataclass(frozen=True)
class ConflictPage:
    items: list[ConflictSummary]
    page: Page


def conflict_list(*, search: str = "", page: int = 1) -> ConflictPage:
    """One page of conflicts, by name, with public event counts, date span and activity.

    Three queries whatever the number of conflicts or events: the page of conflicts, the
    paginator's count, and the public events per conflict per month, read from an index,
    from which the count, the span (by month of each event's start) and each card's
    activity strip come (``strip`` is an SVG path in a 0..100 by 0..20 box).
    """
    qs = Conflict.objects.order_by("name")
    if search:
        qs = qs.filter(Q(name__icontains=search) | Q(summary__icontains=search))
    paginator = Paginator(qs, CONFLICT_PAGE_SIZE)
    current = paginator.get_page(page)
    conflicts = list(current.object_list)
    monthly: dict[int, dict[str, int]] = defaultdict(dict)
    if conflicts:
        rows = (
            Event.objects.filter(conflict__in=[c.pk for c in conflicts])
            .exclude(status=Event.Status.REJECTED)
            .annotate(month=_month_of("date_start"))
            .values("conflict_id", "month")
            .annotate(n=Count("id"))
            .order_by()
        )
        for row in rows:
            monthly[row["conflict_id"]][row["month"]] = row["n"]
    items = []
    for c in conflicts:
        months = monthly.get(c.pk, {})
        strip, peak = charts.activity_strip(months, columns=STRIP_COLUMNS)
        first = _month_span(min(months))[0] if months else None
        last = _month_span(max(months))[1] if months else None
        items.append(ConflictSummary(c, sum(months.values()), first, last, strip, peak))
    return ConflictPage(items=items, page=current)


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
        event = qs.get(pk=pk)
    except Event.DoesNotExist:
        raise Http404("No such event") from None
    return event


def event_detail_or_none(*, pk: int, conflict: Conflict) -> Event | None:
    """The public event ``pk`` of this conflict for the panel beside its timeline, or
    ``None`` when a permalink names an event that is gone, rejected or elsewhere."""
    try:
        event = event_detail(pk=pk)
    except Http404:
        return None
    return event if event.conflict_id == conflict.pk else None


# --- The timeline of one conflict ---------------------------------------------------------


@dataclass(frozen=True)
class EventRow:
    """One line of the event list under the chart, for readers and editors alike."""

    pk: int
    # The event's own page, and the timeline view with its panel open.
    url: str
    panel_url: str
    title: str
    category: str
    category_label: str
    date: EventDate
    status: str
    actor_names: tuple[str, ...]
    n_sources: int
    # For the editors' optimistic locking, when their actions are shown in the row.
    version: int = 1

    @property
    def display_date(self) -> str:
        return self.date.display

    @property
    def date_precision(self) -> str:
        return self.date.precision

    @property
    def category_class(self) -> str:
        return categories.get(self.category).css_class

    @property
    def dom_id(self) -> str:
        """The id of this row in a timeline's list (the target of its actions)."""
        return f"event-row-{self.pk}"


@dataclass
class Timeline:
    conflict: Conflict
    filters: TimelineFilters
    total: int
    rows: list[EventRow]
    page: int
    pages: int
    figure: dict
    # True when the chart shows counts per lane per period instead of events.
    aggregated: bool
    period: str
    first: date | None
    last: date | None
    actors: list[Actor] = field(default_factory=list)

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def first_index(self) -> int:
        return (self.page - 1) * EVENT_PAGE_SIZE + 1 if self.total else 0

    @property
    def last_index(self) -> int:
        return min(self.page * EVENT_PAGE_SIZE, self.total)

    # Links of this view, each the canonical permalink (``TimelineFilters.url``).

    @property
    def path(self) -> str:
        return self.conflict.get_absolute_url()

    @property
    def url(self) -> str:
        return self.filters.url(self.path, page=self.page)

    @property
    def previous_url(self) -> str:
        return self.filters.url(self.path, page=self.page - 1)

    @property
    def next_url(self) -> str:
        return self.filters.url(self.path, page=self.page + 1)

    @property
    def whole_url(self) -> str:
        """The same view without its date window."""
        return self.filters.url(self.path, start=None, end=None, page=1)


def conflict_actors(*, conflict: Conflict) -> list[Actor]:
    """The actors linked to a conflict, by name (the choices of the actor filter)."""
    return list(Actor.objects.filter(conflicts=conflict).order_by("name"))


def conflict_timeline(
    *, conflict: Conflict, filters: TimelineFilters, actors: list[Actor] | None = None
) -> Timeline:
    """The filtered timeline of a conflict: its figure, and one page of the event list.

    Readers only ever see proposed and confirmed events, whatever ``filters.statuses``
    says. The first query counts the matching events per category and month; when the view
    holds at most ``charts.EVENT_LIMIT`` events their rows are fetched (with actors and
    source counts, one query each) and drawn one by one, otherwise the chart shows counts
    per lane per period and only the listed page of events is fetched. Either way the page
    costs a handful of queries, whatever the number of events.
    """
    qs = _timeline_queryset(conflict=conflict, filters=filters)
    monthly = list(
        qs.annotate(month=_month_of("date_start"))
        .values("category", "month")
        .annotate(n=Count("id"))
        .order_by()
    )
    total = sum(row["n"] for row in monthly)
    pages = max(1, -(-total // EVENT_PAGE_SIZE))
    page = min(max(filters.page, 1), pages)
    offset = (page - 1) * EVENT_PAGE_SIZE
    labels = categories.labels()
    filename = f"{conflict.slug}-timeline"
    ordered = qs.order_by("date_start", "precision_rank", "id")
    base = Timeline(
        conflict=conflict,
        filters=filters,
        total=total,
        rows=[],
        page=page,
        pages=pages,
        figure={},
        aggregated=False,
        period="",
        first=None,
        last=None,
        actors=actors if actors is not None else [],
    )

    path = conflict.get_absolute_url()
    # Opening an event keeps the rest of the view: its panel is part of the permalink.
    filters = replace(filters, page=page)
    base.filters = filters

    def panel_url(pk: int) -> str:
        return filters.url(path, event=pk)

    if total <= charts.EVENT_LIMIT:
        values = list(ordered.values(*_ROW_FIELDS))
        pks = qs.values("pk")
        links = _actor_links(event_filter=Q(event__in=pks))
        sources = _source_counts(event_filter=Q(event__in=pks))
        chart_events = [
            _chart_event(v, links, sources, filters.lanes, url=panel_url(v["pk"])) for v in values
        ]
        names = {str(a): n for pairs in links.values() for a, n in pairs}
        lanes = charts.event_lanes(
            events=chart_events, by=filters.lanes, category_labels=labels, names=names
        )
        base.figure = charts.timeline_figure(
            events=charts.fold_lanes(chart_events, lanes),
            lanes=lanes,
            category_labels=labels,
            window=filters.window,
            filename=filename,
        )
        listed = values[offset : offset + EVENT_PAGE_SIZE]
        base.rows = [_event_row(v, links, sources, labels, panel_url(v["pk"])) for v in listed]
        base.first = min((v["date_start"] for v in values), default=None)
        base.last = max((v["date_end"] for v in values), default=None)
        return base

    values = list(ordered[offset : offset + EVENT_PAGE_SIZE].values(*_ROW_FIELDS))
    page_pks = [v["pk"] for v in values]
    links = _actor_links(event_filter=Q(event_id__in=page_pks))
    sources = _source_counts(event_filter=Q(event_id__in=page_pks))
    base.rows = [_event_row(v, links, sources, labels, panel_url(v["pk"])) for v in values]

    months = sorted({row["month"] for row in monthly})
    base.first = _month_span(months[0])[0]
    base.last = _month_span(months[-1])[1]
    lo, hi = filters.window or (filters.start or base.first, filters.end or base.last)
    period = charts.period_for((hi - lo).days)
    counts = _lane_counts(qs=qs, filters=filters, period=period, monthly=monthly)
    lanes = charts.count_lanes(
        counts=counts, by=filters.lanes, category_labels=labels, names=_actor_names(counts)
    )
    base.figure = charts.aggregate_figure(
        counts=charts.fold_counts(counts, lanes, period=period, since=lo),
        lanes=lanes,
        period=period,
        total=total,
        window=filters.window,
        filename=filename,
    )
    base.aggregated = True
    base.period = period
    return base


def event_row(*, pk: int) -> EventRow:
    """The event-list row of one event of any status (after an editor's action), or 404."""
    values = Event.objects.filter(pk=pk).values(*_ROW_FIELDS).first()
    if values is None:
        raise Http404("No such event")
    links = _actor_links(event_filter=Q(event_id=pk))
    sources = _source_counts(event_filter=Q(event_id=pk))
    return _event_row(values, links, sources, categories.labels(), _event_url(pk))


_ROW_FIELDS = (
    "pk",
    "title",
    "category",
    "date_value",
    "date_mod",
    "date_precision",
    "date_start",
    "date_end",
    "status",
    "version",
)


def _timeline_queryset(*, conflict: Conflict, filters: TimelineFilters) -> QuerySet[Event]:
    statuses = {s for s in filters.statuses if s in PUBLIC_STATUSES} or set(PUBLIC_STATUSES)
    qs = Event.objects.filter(conflict=conflict)
    if statuses == set(PUBLIC_STATUSES):
        # The same rows as status IN (proposed, confirmed) under the status check
        # constraint, but one index range instead of two, which spares a merge on SQLite.
        qs = qs.exclude(status=Event.Status.REJECTED)
    else:
        qs = qs.filter(status__in=sorted(statuses))
    # An event belongs to a window when its interval overlaps it: "2020" is in Mar 2020.
    if filters.start:
        qs = qs.filter(date_end__gte=filters.start)
    if filters.end:
        qs = qs.filter(date_start__lte=filters.end)
    if filters.categories:
        qs = qs.filter(category__in=filters.categories)
    if filters.actors:
        qs = qs.filter(
            pk__in=_EventActor.objects.filter(actor_id__in=filters.actors).values("event_id")
        )
    for term in filters.q.split()[:8]:
        qs = qs.filter(Q(title__icontains=term) | Q(summary__icontains=term))
    if filters.min_sources > 1:
        qs = qs.filter(
            pk__in=Mention.objects.values("event_id")
            .annotate(n=Count("article_id", distinct=True))
            .filter(n__gte=filters.min_sources)
            .values("event_id")
        )
    return qs


class _YearMonth(Func):
    """ "YYYY-MM" of a date column in each database's own SQL. Django's TruncMonth calls a
    Python function per row on SQLite, far too slow for 100,000 events; SQLite stores
    dates as ISO text, PostgreSQL formats them with to_char (independent of DateStyle)."""

    output_field = CharField()

    def as_sql(self, compiler, connection, **extra):
        return super().as_sql(
            compiler, connection, template="SUBSTR(CAST(%(expressions)s AS CHAR(10)), 1, 7)"
        )

    def as_sqlite(self, compiler, connection, **extra):
        return super().as_sql(compiler, connection, template="SUBSTR(%(expressions)s, 1, 7)")

    def as_postgresql(self, compiler, connection, **extra):
        return super().as_sql(compiler, connection, template="TO_CHAR(%(expressions)s, 'YYYY-MM')")


def _month_of(field_name: str) -> _YearMonth:
    return _YearMonth(field_name)


def _month_span(month: str) -> tuple[date, date]:
    """Inclusive first and last day of a "YYYY-MM" month."""
    return cal.month(int(month[:4]), int(month[5:7])).interval()


def _actor_links(*, event_filter: Q) -> dict[int, list[tuple[int, str]]]:
    links: dict[int, list[tuple[int, str]]] = defaultdict(list)
    rows = (
        _EventActor.objects.filter(event_filter)
        .values_list("event_id", "actor_id", "actor__name")
        .order_by("actor__name")
    )
    for event_id, actor_id, name in rows:
        links[event_id].append((actor_id, name))
    return links


def _source_counts(*, event_filter: Q) -> dict[int, int]:
    rows = (
        Mention.objects.filter(event_filter)
        .values("event_id")
        .annotate(n=Count("article_id", distinct=True))
        .order_by()
    )
    return {row["event_id"]: row["n"] for row in rows}


def _date_of(v: dict) -> EventDate:
    return EventDate(
        v["date_value"], v["date_precision"], v["date_start"], v["date_end"], v["date_mod"]
    )


def _event_url(pk: int) -> str:
    return reverse("event_detail", args=[pk])


def _chart_event(v: dict, links: dict, sources: dict, lanes: str, *, url: str) -> charts.ChartEvent:
    if lanes == "actor":
        lane_keys = tuple(str(actor_id) for actor_id, _ in links.get(v["pk"], ())) or (
            charts.NO_ACTOR,
        )
    else:
        lane_keys = (v["category"],)
    return charts.ChartEvent(
        pk=v["pk"],
        title=v["title"],
        category=v["category"],
        date=_date_of(v),
        n_sources=sources.get(v["pk"], 0),
        lanes=lane_keys,
        url=url,
    )


def _event_row(v: dict, links: dict, sources: dict, labels: dict, panel_url: str) -> EventRow:
    return EventRow(
        pk=v["pk"],
        url=_event_url(v["pk"]),
        panel_url=panel_url,
        title=v["title"],
        category=v["category"],
        category_label=labels.get(v["category"], v["category"]),
        date=_date_of(v),
        status=v["status"],
        actor_names=tuple(name for _, name in links.get(v["pk"], ())),
        n_sources=sources.get(v["pk"], 0),
        version=v["version"],
    )


def _lane_counts(
    *, qs: QuerySet[Event], filters: TimelineFilters, period: str, monthly: list[dict]
) -> list[charts.LaneCount]:
    """Counts per lane key and day (or month's first day), from at most two queries."""
    by_day = period in ("day", "week")
    if filters.lanes != "actor":
        if not by_day:
            return [_count(r["category"], _month_span(r["month"])[0], r["n"]) for r in monthly]
        rows = qs.values("category", "date_start").annotate(n=Count("id")).order_by()
        return [_count(r["category"], r["date_start"], r["n"]) for r in rows]

    day_field = "event__date_start"
    linked = _EventActor.objects.filter(event__in=qs.values("pk"))
    unlinked = qs.exclude(pk__in=_EventActor.objects.values("event_id"))
    if by_day:
        linked_rows = linked.values("actor_id", day_field).annotate(n=Count("id")).order_by()
        unlinked_rows = unlinked.values("date_start").annotate(n=Count("id")).order_by()
        out = [_count(str(r["actor_id"]), r[day_field], r["n"]) for r in linked_rows]
        out += [_count(charts.NO_ACTOR, r["date_start"], r["n"]) for r in unlinked_rows]
        return out
    linked_rows = (
        linked.annotate(month=_month_of(day_field))
        .values("actor_id", "month")
        .annotate(n=Count("id"))
        .order_by()
    )
    unlinked_rows = (
        unlinked.annotate(month=_month_of("date_start"))
        .values("month")
        .annotate(n=Count("id"))
        .order_by()
    )
    out = [_count(str(r["actor_id"]), _month_span(r["month"])[0], r["n"]) for r in linked_rows]
    out += [_count(charts.NO_ACTOR, _month_span(r["month"])[0], r["n"]) for r in unlinked_rows]
    return out


def _count(lane: str, day: date, n: int) -> charts.LaneCount:
    return charts.LaneCount(lane=lane, period=day, count=n)


def _actor_names(counts: list[charts.LaneCount]) -> dict[str, str]:
    ids = {int(c.lane) for c in counts if c.lane.isdigit()}
    return {
        str(pk): name for pk, name in Actor.objects.filter(pk__in=ids).values_list("pk", "name")
    }


# --- Comparison -----------------------------------------------------------------------------


COMPARE_MAX = 4


@dataclass(frozen=True)
class CompareItem:
    conflict: Conflict
    count: int
    origin: date | None


@dataclass
class Comparison:
    items: list[CompareItem]
    conflicts: list[Conflict]
    missing: list[str]
    align: str
    align_label: str
    counts: dict[int, int]
    figure: dict
    aggregated: bool


def conflict_compare(*, slugs: Iterable[str], align: str = "") -> Comparison:
    """Up to ``COMPARE_MAX`` conflicts one above the other, on the calendar or aligned.

    ``align`` is a category value: each conflict's clock then starts at its first public
    event of that category dated at least to the month ("months since first talks").
    Conflicts are drawn event by event when together they hold at most
    ``charts.EVENT_LIMIT`` events, otherwise as counts per month; five queries at most,
    whatever their size. Unknown slugs come back in ``missing``.
    """
    wanted = list(dict.fromkeys(s for s in slugs if s))[:COMPARE_MAX]
    found = {c.slug: c for c in Conflict.objects.filter(slug__in=wanted)}
    conflicts = [found[s] for s in wanted if s in found]
    missing = [s for s in wanted if s not in found]
    labels = categories.labels()
    align = align if align in labels else ""
    align_label = f"first {labels[align].lower()}" if align else ""
    public = Event.objects.filter(conflict__in=conflicts, status__in=PUBLIC_STATUSES)
    counts = {
        r["conflict_id"]: r["n"]
        for r in public.values("conflict_id").annotate(n=Count("id")).order_by()
    }
    origins: dict[int, date] = {}
    if align and conflicts:
        origins = {
            r["conflict_id"]: r["origin"]
            # Dated at least to the month: a year-only "talks in 2002" would pin the
            # clock to a 1 January nobody reported.
            for r in public.filter(category=align, precision_rank__lte=2)
            .values("conflict_id")
            .annotate(origin=Min("date_start"))
            .order_by()
        }
    total = sum(counts.values())
    aggregated = total > charts.EVENT_LIMIT
    if aggregated:
        rows = (
            public.annotate(month=_month_of("date_start"))
            .values("conflict_id", "month")
            .annotate(n=Count("id"))
            .order_by()
        )
        monthly: dict[int, dict[date, int]] = defaultdict(dict)
        for r in rows:
            monthly[r["conflict_id"]][_month_span(r["month"])[0]] = r["n"]
        figure = charts.compare_counts_figure(
            series=[
                charts.CompareCounts(
                    label=c.name, months=monthly.get(c.pk, {}), origin=origins.get(c.pk)
                )
                for c in conflicts
            ],
            aligned_on=align_label,
        )
    else:
        values = list(
            public.order_by("date_start", "precision_rank", "id").values(
                "conflict_id", *_ROW_FIELDS
            )
        )
        sources = _source_counts(event_filter=Q(event__in=public.values("pk")))
        per_conflict: dict[int, list[charts.ChartEvent]] = defaultdict(list)
        for v in values:
            per_conflict[v["conflict_id"]].append(
                _chart_event(v, {}, sources, "category", url=_event_url(v["pk"]))
            )
        figure = charts.compare_figure(
            series=[
                charts.CompareSeries(
                    label=c.name, events=per_conflict.get(c.pk, []), origin=origins.get(c.pk)
                )
                for c in conflicts
            ],
            category_labels=labels,
            aligned_on=align_label,
        )
    return Comparison(
        items=[CompareItem(c, counts.get(c.pk, 0), origins.get(c.pk)) for c in conflicts],
        conflicts=conflicts,
        missing=missing,
        align=align,
        align_label=align_label,
        counts=counts,
        figure=figure,
        aggregated=aggregated,
    )


def conflict_choices_all() -> list[Conflict]:
    """Every conflict by name, for the comparison picker."""
    return list(Conflict.objects.order_by("name").only("pk", "name", "slug"))
