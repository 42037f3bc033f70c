"""Every read the views need. Keyword-only, typed, named ``<entity>_<verb>``.

Reader pages run a fixed number of queries whatever the size of a conflict: the timeline
asks the database for counts per lane and month first, and only fetches event rows when
the current view holds few enough of them to draw one by one (``charts.EVENT_LIMIT``).
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date

from django.core.paginator import Page, Paginator
from django.db.models import CharField, Count, Func, Min, Prefetch, Q, QuerySet
from django.http import Http404
from django.urls import reverse

from timeline import categories, charts
from timeline.dates import PRECISION_RANK, EventDate
from timeline.extraction import timex_calendar as cal
from timeline.filters import PUBLIC_STATUSES, TimelineFilters
from timeline.models import Actor, Conflict, Event, EventWording, Mention, factuality_word

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
    paginator's count, and the public events per conflict, month and scope, read from an
    index. The count holds every public event; the span (by month of each event's start)
    and each card's activity strip (``strip``, an SVG path in a 0..100 by 0..20 box) come
    from its core events only, so the history its articles recall does not stretch the
    card over decades (a conflict with background events only shows those).
    """
    qs = Conflict.objects.order_by("name")
    if search:
        qs = qs.filter(Q(name__icontains=search) | Q(summary__icontains=search))
    paginator = Paginator(qs, CONFLICT_PAGE_SIZE)
    current = paginator.get_page(page)
    conflicts = list(current.object_list)
    monthly: dict[int, dict[str, dict[str, int]]] = defaultdict(lambda: defaultdict(dict))
    if conflicts:
        rows = (
            Event.objects.filter(conflict__in=[c.pk for c in conflicts])
            .exclude(status=Event.Status.REJECTED)
            .annotate(month=_month_of("date_start"))
            .values("conflict_id", "scope", "month")
            .annotate(n=Count("id"))
            .order_by()
        )
        for row in rows:
            monthly[row["conflict_id"]][row["scope"]][row["month"]] = row["n"]
    items = []
    for c in conflicts:
        by_scope = monthly.get(c.pk, {})
        total = sum(n for months in by_scope.values() for n in months.values())
        months = by_scope.get(Event.Scope.CORE) or by_scope.get(Event.Scope.BACKGROUND) or {}
        strip, peak = charts.activity_strip(months, columns=STRIP_COLUMNS)
        first = _month_span(min(months))[0] if months else None
        last = _month_span(max(months))[1] if months else None
        items.append(ConflictSummary(c, total, first, last, strip, peak))
    return ConflictPage(items=items, page=current)


def conflict_get(*, slug: str) -> Conflict:
    """The conflict with this slug, or 404."""
    try:
        return Conflict.objects.get(slug=slug)
    except Conflict.DoesNotExist:
        raise Http404("No such conflict") from None


def conflict_events(*, conflict: Conflict) -> QuerySet[Event]:
    """Public events of a conflict in timeline order, with actors (``source_count`` holds
    their independent sources)."""
    return (
        Event.objects.filter(conflict=conflict, status__in=PUBLIC_STATUSES)
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
class EventRow(EventWording):
    """One line of the event list under the chart (or of the key-event story list), for
    readers and editors alike."""

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
    # Independent sources: distinct story families (Event.source_count).
    n_sources: int
    # For the editors' optimistic locking, when their actions are shown in the row.
    version: int = 1
    factuality: str = Event.Factuality.HAPPENED.value
    scope: str = Event.Scope.CORE.value
    importance: float = 0.0
    is_key: bool = False
    # The sentence the event is told by (key-event list only; empty elsewhere).
    summary: str = ""
    # The language of title and summary ("" when unknown), for lang= in the page.
    language: str = ""

    @property
    def date_precision(self) -> str:
        return self.date.precision

    @property
    def is_background(self) -> bool:
        return self.scope == Event.Scope.BACKGROUND

    @property
    def dom_id(self) -> str:
        """The id of this row in a timeline's list (the target of its actions)."""
        return f"event-row-{self.pk}"


@dataclass
class Timeline:
    conflict: Conflict
    filters: TimelineFilters
    # Events matching the filters (in key events mode, the rows are the top ``key``).
    total: int
    rows: list[EventRow]
    page: int
    pages: int
    figure: dict
    # True when the chart shows counts per lane per period instead of events.
    aggregated: bool
    period: str
    # The span of what the view holds, background included...
    first: date | None
    last: date | None
    actors: list[Actor] = field(default_factory=list)
    # ...and of its core events alone, where the chart opens without a date window.
    core_first: date | None = None
    core_last: date | None = None
    # Background events outside the core span: off the chart until the window widens.
    background_outside: int = 0

    @property
    def key_mode(self) -> bool:
        return bool(self.filters.key)

    @property
    def widened(self) -> bool:
        """True when the chart opens on the core span and background lies outside it."""
        return (
            not self.filters.window
            and self.background_outside > 0
            and self.core_first is not None
            and self.first is not None
        )

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
        """The same view without its date window (the chart opens on the core span)."""
        return self.filters.url(self.path, start=None, end=None, page=1)

    @property
    def whole_span_url(self) -> str:
        """The same view with its window widened to the whole span, background included."""
        return self.filters.url(self.path, start=self.first, end=self.last, page=1)

    @property
    def sort_date_url(self) -> str:
        return self.filters.url(self.path, sort="date", page=1)

    @property
    def sort_importance_url(self) -> str:
        return self.filters.url(self.path, sort="importance", page=1)


def conflict_actors(*, conflict: Conflict) -> list[Actor]:
    """The actors linked to a conflict, by name (the choices of the actor filter)."""
    return list(Actor.objects.filter(conflicts=conflict).order_by("name"))


def conflict_timeline(
    *, conflict: Conflict, filters: TimelineFilters, actors: list[Actor] | None = None
) -> Timeline:
    """The filtered timeline of a conflict: its figure, and one page of the event list.

    Readers only ever see proposed and confirmed events, whatever ``filters.statuses``
    says. The first query counts the matching events per category, month and scope (from
    an index); when the view holds at most ``charts.EVENT_LIMIT`` events their rows are
    fetched (with actors, one query more) and drawn one by one, otherwise the chart shows
    counts per lane per period and only the listed page of events is fetched. Without a
    date window the chart opens on the core span (core events only); background events
    stay in the list. In key events mode (``filters.key``) only the ``key`` most important
    events are fetched, listed and drawn. Either way the page costs a handful of queries,
    whatever the number of events.
    """
    qs = _timeline_queryset(conflict=conflict, filters=filters)
    labels = categories.labels()
    filename = f"{conflict.slug}-timeline"
    base = Timeline(
        conflict=conflict,
        filters=filters,
        total=0,
        rows=[],
        page=1,
        pages=1,
        figure={},
        aggregated=False,
        period="",
        first=None,
        last=None,
        actors=actors if actors is not None else [],
    )
    path = conflict.get_absolute_url()
    if filters.key:
        return _key_timeline(base=base, qs=qs, labels=labels, path=path, filename=filename)

    monthly = list(
        qs.annotate(month=_month_of("date_start"))
        .values("category", "month", "scope")
        .annotate(n=Count("id"))
        .order_by()
    )
    total = sum(row["n"] for row in monthly)
    pages = max(1, -(-total // EVENT_PAGE_SIZE))
    page = min(max(filters.page, 1), pages)
    offset = (page - 1) * EVENT_PAGE_SIZE
    ordered = qs.order_by("date_start", "precision_rank", "id")
    # Opening an event keeps the rest of the view: its panel is part of the permalink.
    filters = replace(filters, page=page)
    base.filters, base.total, base.page, base.pages = filters, total, page, pages
    prefix = filters.event_url_prefix(path)

    def panel_url(pk: int) -> str:
        return f"{prefix}{pk}"

    if total <= charts.EVENT_LIMIT:
        values = list(ordered.values(*_ROW_FIELDS))
        pks = qs.values("pk")
        links = _actor_links(event_filter=Q(event__in=pks))
        _draw_events(base, values, links, labels, filename, prefix)
        listed = values[offset : offset + EVENT_PAGE_SIZE]
        base.rows = [_event_row(v, links, labels, panel_url(v["pk"])) for v in listed]
        return base

    values = list(ordered[offset : offset + EVENT_PAGE_SIZE].values(*_ROW_FIELDS))
    page_pks = [v["pk"] for v in values]
    links = _actor_links(event_filter=Q(event_id__in=page_pks))
    base.rows = [_event_row(v, links, labels, panel_url(v["pk"])) for v in values]

    _spans_from_months(base, monthly)
    core = _core_span(base)
    # The period suits the range the reader sees: the window, else the core span.
    lo, hi = filters.window or core or (filters.start or base.first, filters.end or base.last)
    period = charts.period_for((hi - lo).days)
    counts = _lane_counts(qs=qs, filters=filters, period=period, monthly=monthly)
    lanes = charts.count_lanes(
        counts=counts, by=filters.lanes, category_labels=labels, names=_actor_names(counts)
    )
    base.figure = charts.aggregate_figure(
        # Counts start no earlier than the window's first day; without a window every
        # period is kept, background included, one pan away from the core span.
        counts=charts.fold_counts(counts, lanes, period=period, since=filters.start or base.first),
        lanes=lanes,
        period=period,
        total=total,
        window=filters.window,
        span=core,
        filename=filename,
    )
    base.aggregated = True
    base.period = period
    return base


def _key_timeline(
    *, base: Timeline, qs: QuerySet[Event], labels: dict, path: str, filename: str
) -> Timeline:
    """Key events mode: the ``filters.key`` most important events of the view, as a story
    list and on the chart. Three queries: the count of the view, the top events (editors'
    key events first, then importance, independent sources, date), their actors."""
    filters = replace(base.filters, page=1)
    base.filters = filters
    base.total = qs.count()
    ranked = list(
        qs.order_by("-is_key", "-importance", "-source_count", "date_start", "id").values(
            *_ROW_FIELDS, "summary"
        )[: filters.key]
    )
    links = _actor_links(event_filter=Q(event_id__in=[v["pk"] for v in ranked]))
    by_date = sorted(
        ranked, key=lambda v: (v["date_start"], PRECISION_RANK[v["date_precision"]], v["pk"])
    )
    prefix = filters.event_url_prefix(path)

    def panel_url(pk: int) -> str:
        return f"{prefix}{pk}"

    _draw_events(base, by_date, links, labels, filename, prefix)
    listed = ranked if filters.sort == "importance" else by_date
    base.rows = [_event_row(v, links, labels, panel_url(v["pk"]), summary=True) for v in listed]
    return base


def _draw_events(
    base: Timeline,
    values: list[dict],
    links: dict,
    labels: dict,
    filename: str,
    event_url: str,
) -> None:
    """Draw ``values`` (event rows in date order) one by one: the spans of ``base`` from
    them, and its figure, in the lanes ``base.filters`` asks for; an event's panel opens
    at ``event_url`` followed by its key."""
    filters = base.filters
    chart_events = [_chart_event(v, links, filters.lanes, url="") for v in values]
    _spans_from_rows(base, values)
    names = {str(a): n for pairs in links.values() for a, n in pairs}
    lanes = charts.event_lanes(
        events=chart_events, by=filters.lanes, category_labels=labels, names=names
    )
    base.figure = charts.timeline_figure(
        events=charts.fold_lanes(chart_events, lanes),
        lanes=lanes,
        category_labels=labels,
        window=filters.window,
        span=_core_span(base),
        filename=filename,
        event_url=event_url,
    )


def _core_span(timeline: Timeline) -> tuple[date, date] | None:
    if timeline.core_first is None or timeline.core_last is None:
        return None
    return timeline.core_first, timeline.core_last


def _spans_from_rows(timeline: Timeline, values: list[dict]) -> None:
    """The whole span, the core span and the background outside it, from event rows."""
    timeline.first = min((v["date_start"] for v in values), default=None)
    timeline.last = max((v["date_end"] for v in values), default=None)
    core = [v for v in values if v["scope"] == Event.Scope.CORE]
    if not core:
        return
    lo = min(v["date_start"] for v in core)
    hi = max(v["date_end"] for v in core)
    timeline.core_first, timeline.core_last = lo, hi
    timeline.background_outside = sum(
        1
        for v in values
        if v["scope"] == Event.Scope.BACKGROUND and (v["date_end"] < lo or v["date_start"] > hi)
    )


def _spans_from_months(timeline: Timeline, monthly: list[dict]) -> None:
    """The same spans from counts per month of each event's start (large views)."""
    months = sorted({row["month"] for row in monthly})
    if not months:
        return
    timeline.first = _month_span(months[0])[0]
    timeline.last = _month_span(months[-1])[1]
    core = sorted({row["month"] for row in monthly if row["scope"] == Event.Scope.CORE})
    if not core:
        return
    timeline.core_first = _month_span(core[0])[0]
    timeline.core_last = _month_span(core[-1])[1]
    timeline.background_outside = sum(
        row["n"]
        for row in monthly
        if row["scope"] == Event.Scope.BACKGROUND and not core[0] <= row["month"] <= core[-1]
    )


def event_row(*, pk: int) -> EventRow:
    """The event-list row of one event of any status (after an editor's action), or 404."""
    values = Event.objects.filter(pk=pk).values(*_ROW_FIELDS).first()
    if values is None:
        raise Http404("No such event")
    links = _actor_links(event_filter=Q(event_id=pk))
    return _event_row(values, links, categories.labels(), _event_url(pk))


_ROW_FIELDS = (
    "pk",
    "title",
    "language",
    "category",
    *Event.DATE_COLUMNS,
    "status",
    "version",
    "factuality",
    "scope",
    "importance",
    "is_key",
    "source_count",
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
    if filters.facts:
        qs = qs.filter(factuality=Event.Factuality.HAPPENED)
    if filters.min_sources > 1:
        # Independent sources, as stored when the event was put together.
        qs = qs.filter(source_count__gte=filters.min_sources)
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


@functools.lru_cache(maxsize=4096)
def _month_span(month: str) -> tuple[date, date]:
    """Inclusive first and last day of a "YYYY-MM" month. Cached: a large view asks for
    the same few hundred months once per lane and scope, tens of thousands of times."""
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


def _date_of(v: dict) -> EventDate:
    return EventDate.of_fields(v, "date_")


def _event_url(pk: int) -> str:
    return reverse("event_detail", args=[pk])


def _chart_event(v: dict, links: dict, lanes: str, *, url: str) -> charts.ChartEvent:
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
        n_sources=v["source_count"],
        lanes=lane_keys,
        url=url,
        factuality_word=factuality_word(v["factuality"]),
    )


def _event_row(
    v: dict, links: dict, labels: dict, panel_url: str, *, summary: bool = False
) -> EventRow:
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
        n_sources=v["source_count"],
        version=v["version"],
        factuality=v["factuality"],
        scope=v["scope"],
        importance=v["importance"],
        is_key=v["is_key"],
        summary=v.get("summary", "") if summary else "",
        language=v.get("language", ""),
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
    return charts.LaneCount(lane, day, n)


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
    event of that category that happened (plans and deadlines do not start it) dated at
    least to the month ("months since first talks"). On the calendar the axis opens on the
    core span of the conflicts shown (core events only). Conflicts are drawn event by event
    when together they hold at most ``charts.EVENT_LIMIT`` events, otherwise as counts per
    month; four queries at most, whatever their size. Unknown slugs come back in
    ``missing``.
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
            # clock to a 1 January nobody reported; and only what happened: talks
            # planned for May are no first talks.
            for r in public.filter(
                category=align, precision_rank__lte=2, factuality=Event.Factuality.HAPPENED
            )
            .values("conflict_id")
            .annotate(origin=Min("date_start"))
            .order_by()
        }
    total = sum(counts.values())
    aggregated = total > charts.EVENT_LIMIT
    if aggregated:
        rows = (
            public.annotate(month=_month_of("date_start"))
            .values("conflict_id", "month", "scope")
            .annotate(n=Count("id"))
            .order_by()
        )
        monthly: dict[int, dict[date, int]] = defaultdict(lambda: defaultdict(int))
        core_months = set()
        for r in rows:
            monthly[r["conflict_id"]][_month_span(r["month"])[0]] += r["n"]
            if r["scope"] == Event.Scope.CORE:
                core_months.add(r["month"])
        span = None
        if core_months:
            span = (_month_span(min(core_months))[0], _month_span(max(core_months))[1])
        figure = charts.compare_counts_figure(
            series=[
                charts.CompareCounts(
                    label=c.name, months=dict(monthly.get(c.pk, {})), origin=origins.get(c.pk)
                )
                for c in conflicts
            ],
            aligned_on=align_label,
            span=span,
        )
    else:
        values = list(
            public.order_by("date_start", "precision_rank", "id").values(
                "conflict_id", *_ROW_FIELDS
            )
        )
        per_conflict: dict[int, list[charts.ChartEvent]] = defaultdict(list)
        for v in values:
            per_conflict[v["conflict_id"]].append(
                _chart_event(v, {}, "category", url=_event_url(v["pk"]))
            )
        core = [v for v in values if v["scope"] == Event.Scope.CORE]
        span = None
        if core:
            span = (min(v["date_start"] for v in core), max(v["date_end"] for v in core))
        figure = charts.compare_figure(
            series=[
                charts.CompareSeries(
                    label=c.name, events=per_conflict.get(c.pk, []), origin=origins.get(c.pk)
                )
                for c in conflicts
            ],
            category_labels=labels,
            aligned_on=align_label,
            span=span,
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
