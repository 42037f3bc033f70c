"""Pages and their htmx partials. Views call selectors and services, never the ORM."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from timeline import selectors


@require_GET
@vary_on_headers("HX-Request")
def home(request: HttpRequest) -> HttpResponse:
    search = request.GET.get("q", "").strip()[:200]
    context = {"conflicts": selectors.conflict_list(search=search), "q": search}
    template = "timeline/home.html#conflict-list" if request.htmx else "timeline/home.html"
    return render(request, template, context)


@require_GET
@vary_on_headers("HX-Request")
def conflict_detail(request: HttpRequest, slug: str) -> HttpResponse:
    conflict = selectors.conflict_get(slug=slug)
    events = selectors.conflict_events(conflict=conflict)
    context = {"conflict": conflict, "events": events}
    template = (
        "timeline/conflict_detail.html#timeline-panel"
        if request.htmx
        else "timeline/conflict_detail.html"
    )
    return render(request, template, context)


@require_GET
@vary_on_headers("HX-Request")
def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.event_detail(pk=pk)
    template = (
        "timeline/event_detail.html#event-panel" if request.htmx else "timeline/event_detail.html"
    )
    return render(request, template, {"event": event})
