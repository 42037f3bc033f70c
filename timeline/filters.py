"""The readers' timeline filters: validation only, turning query parameters into
``selectors.TimelineFilters``.

Kept apart from ``forms.py`` (article entry and editorial forms) so the reader and editor
sides can change independently. Bad values never raise: a permalink that was edited by
hand, or that names an actor since removed, still opens the page with what makes sense.
"""

from __future__ import annotations

from django import forms

from timeline.models import Event
from timeline.selectors import PUBLIC_STATUSES, TimelineFilters

LANE_CHOICES = [("category", "Category"), ("actor", "Actor")]


class TimelineFilterForm(forms.Form):
    # ``from`` is a Python keyword, so the fields carry the public names through prefixes.
    q = forms.CharField(required=False, max_length=200, label="Search")
    date_from = forms.DateField(required=False, label="From")
    date_to = forms.DateField(required=False, label="To")
    category = forms.MultipleChoiceField(
        required=False, choices=Event.Category.choices, label="Categories"
    )
    actor = forms.TypedMultipleChoiceField(required=False, coerce=int, choices=(), label="Actors")
    status = forms.MultipleChoiceField(
        required=False,
        choices=[(s.value, s.label) for s in PUBLIC_STATUSES],
        label="Status",
    )
    min_sources = forms.IntegerField(required=False, min_value=1, max_value=50, label="Sources")
    lanes = forms.ChoiceField(required=False, choices=LANE_CHOICES, label="Lanes")
    page = forms.IntegerField(required=False, min_value=1)

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
            "category": set(Event.Category.values),
            "status": {s.value for s in PUBLIC_STATUSES},
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
            lanes=data["lanes"] or "category",
            page=data["page"] or 1,
        )
