"""The readers' timeline filters: what a permalink holds, read and written in one place.

:class:`TimelineFilters` is the query; :meth:`TimelineFilters.to_query` writes the canonical
permalink (only what differs from the defaults, in a fixed order) and
:class:`TimelineFilterForm` reads it back. Bad values never raise: a permalink that was
edited by hand, or that names an actor since removed, still opens the page with what
makes sense.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date
from urllib.parse import urlencode

from django import forms

from timeline import categories
from timeline.models import Event

# Readers see proposed and confirmed events; rejected ones stay for editors only.
PUBLIC_STATUSES = (Event.Status.PROPOSED.value, Event.Status.CONFIRMED.value)
LANE_CHOICES = [("category", "Category"), ("actor", "Actor")]
# Key events mode (?key=N): how many of the most important events it shows.
KEY_MIN, KEY_MAX = 5, 100
KEY_CHOICES = (10, 20, 50)
# The key-event list reads in date order, or by importance.
SORT_CHOICES = [("date", "by date"), ("importance", "by importance")]


@dataclass(frozen=True)
class TimelineFilters:
    """What the reader asked for; every field has a harmless default."""

    q: str = ""
    start: date | None = None
    end: date | None = None
    categories: tuple[str, ...] = ()
    actors: tuple[int, ...] = ()
    statuses: tuple[str, ...] = PUBLIC_STATUSES
    min_sources: int = 1
    # Only what happened: plans, deadlines, expectations and what did not happen hidden.
    facts: bool = False
    # Key events mode: the ``key`` most important events, listed by ``sort``.
    key: int | None = None
    sort: str = "date"
    lanes: str = "category"
    page: int = 1
    # The open event's panel (?event=<pk>): part of the view, not of the filtering.
    event: int | None = None

    @property
    def window(self) -> tuple[date, date] | None:
        if self.start and self.end:
            return self.start, self.end
        return None

    @property
    def key_options(self) -> tuple[int, ...]:
        """The choices of the key-events control: the defaults, and the N of a permalink
        that asked for another number."""
        return tuple(sorted({*KEY_CHOICES, *([self.key] if self.key else [])}))

    def to_query(self, **overrides) -> str:
        """The canonical query string of this view (the permalink after the ``?``).

        Defaults are left out and parameters come in a fixed order, so one view has one
        address whatever produced it (a link, the form, a zoom). ``overrides`` replace
        fields first: ``to_query(page=2)``, ``to_query(start=None, end=None)``.
        """
        f = replace(self, **overrides) if overrides else self
        params: list[tuple[str, str]] = []
        if f.q:
            params.append(("q", f.q))
        if f.start:
            params.append(("from", f.start.isoformat()))
        if f.end:
            params.append(("to", f.end.isoformat()))
        params += [("category", c) for c in categories.VALUES if c in f.categories]
        params += [("actor", str(a)) for a in sorted(set(f.actors))]
        if set(f.statuses) != set(PUBLIC_STATUSES):
            params += [("status", s) for s in PUBLIC_STATUSES if s in f.statuses]
        if f.min_sources > 1:
            params.append(("min_sources", str(f.min_sources)))
        if f.facts:
            params.append(("facts", "1"))
        if f.key:
            params.append(("key", str(f.key)))
            # The order only means something for the key-event list.
            if f.sort != "date":
                params.append(("sort", f.sort))
        if f.lanes != "category":
            params.append(("lanes", f.lanes))
        if f.page > 1:
            params.append(("page", str(f.page)))
        if f.event:
            params.append(("event", str(f.event)))
        return urlencode(params)

    def url(self, path: str, **overrides) -> str:
        """``path`` with this view's canonical query string."""
        query = self.to_query(**overrides)
        return f"{path}?{query}" if query else path

    def event_url_prefix(self, path: str) -> str:
        """The permalink of this view with an event open, up to the event's key:
        ``prefix + str(pk) == url(path, event=pk)``, since ``event`` is always the last
        parameter. Built once for a chart of thousands of events, not once per event."""
        return self.url(path, event=1).removesuffix("1")


FILTER_FIELDS = tuple(f.name for f in fields(TimelineFilters))


class TimelineFilterForm(forms.Form):
    # ``from`` is a Python keyword, so the fields carry the public names through prefixes.
    q = forms.CharField(required=False, max_length=200, label="Search")
    date_from = forms.DateField(required=False, label="From")
    date_to = forms.DateField(required=False, label="To")
    category = forms.MultipleChoiceField(
        required=False, choices=categories.choices(), label="Categories"
    )
    actor = forms.TypedMultipleChoiceField(required=False, coerce=int, choices=(), label="Actors")
    status = forms.MultipleChoiceField(
        required=False,
        choices=[(s, Event.Status(s).label) for s in PUBLIC_STATUSES],
        label="Status",
    )
    min_sources = forms.IntegerField(required=False, min_value=1, max_value=50, label="Sources")
    facts = forms.ChoiceField(required=False, choices=[("", "all"), ("1", "only what happened")])
    # Out of range is brought into it (key=500 shows 100); 0 or nothing is off.
    key = forms.IntegerField(required=False, min_value=0, max_value=999_999, label="Key events")
    sort = forms.ChoiceField(required=False, choices=SORT_CHOICES)
    lanes = forms.ChoiceField(required=False, choices=LANE_CHOICES, label="Lanes")
    page = forms.IntegerField(required=False, min_value=1, max_value=999_999)
    event = forms.IntegerField(required=False, min_value=1, max_value=2**53)

    # Query parameter names differ from field names where Python forbids the public name.
    PARAM_NAMES = {"date_from": "from", "date_to": "to"}

    def __init__(self, params, *, actors=(), **kwargs) -> None:
        data = params.copy()
        for field, param in self.PARAM_NAMES.items():
            if param in data:
                data.setlist(field, data.getlist(param))
        # A stale or mistyped value among several ("category=talks&category=tlaks") drops
        # itself, not the whole field.
        known = {
            "category": set(categories.VALUES),
            "status": set(PUBLIC_STATUSES),
            "actor": {str(a.pk) for a in actors},
        }
        for name, valid in known.items():
            data.setlist(name, [v for v in data.getlist(name) if v in valid])
        super().__init__(data, **kwargs)
        self.fields["actor"].choices = [(a.pk, a.name) for a in actors]

    def filters(self) -> TimelineFilters:
        """The valid part of the query: invalid fields fall back to their defaults."""
        self.is_valid()
        data = {name: self.cleaned_data.get(name) for name in self.fields}
        start, end = data["date_from"], data["date_to"]
        if start and end and start > end:
            start, end = end, start
        return TimelineFilters(
            q=(data["q"] or "").strip(),
            start=start,
            end=end,
            categories=tuple(data["category"] or ()),
            actors=tuple(data["actor"] or ()),
            statuses=tuple(data["status"] or ()) or PUBLIC_STATUSES,
            min_sources=data["min_sources"] or 1,
            facts=data["facts"] == "1",
            key=min(max(data["key"], KEY_MIN), KEY_MAX) if data["key"] else None,
            sort=data["sort"] or "date",
            lanes=data["lanes"] or "category",
            page=data["page"] or 1,
            event=data["event"] or None,
        )
