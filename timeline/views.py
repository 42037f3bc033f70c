"""Pages and their htmx partials. Views call selectors and services, never the ORM."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from timeline import editorial, forms, selectors, services
from timeline.dates import format_event_date
from timeline.filters import TimelineFilterForm
from timeline.models import Event


def _partial(request: HttpRequest) -> bool:
    # A history-restore request wants the whole page back, even though htmx sends it.
    return bool(request.htmx) and not request.htmx.history_restore_request


def _int(raw: str, default: int = 1) -> int:
    return int(raw) if raw.isdigit() and len(raw) < 7 else default


@require_GET
@vary_on_headers("HX-Request")
def home(request: HttpRequest) -> HttpResponse:
    search = request.GET.get("q", "").strip()[:200]
    conflicts = selectors.conflict_list(search=search, page=_int(request.GET.get("page", "")))
    context = {"conflicts": conflicts.items, "page_obj": conflicts.page, "q": search}
    template = "timeline/home.html#conflict-list" if _partial(request) else "timeline/home.html"
    return render(request, template, context)


@require_GET
@vary_on_headers("HX-Request")
def conflict_detail(request: HttpRequest, slug: str) -> HttpResponse:
    conflict = selectors.conflict_get(slug=slug)
    actors = selectors.conflict_actors(conflict=conflict)
    form = TimelineFilterForm(request.GET, actors=actors)
    filters = form.filters()
    timeline = selectors.conflict_timeline(conflict=conflict, filters=filters, actors=actors)
    # The open event travels in the permalink too (?event=<pk>), beside the filters.
    event_pk = _int(request.GET.get("event", ""), default=0)
    context = {
        "conflict": conflict,
        "timeline": timeline,
        "filters": filters,
        "categories": Event.Category.choices,
        "statuses": [(s.value, s.label) for s in selectors.PUBLIC_STATUSES],
        "query": _timeline_query(filters),
        "query_without_window": _timeline_query(replace(filters, start=None, end=None)),
        "open_event": None,
    }
    if _partial(request):
        return render(request, "timeline/conflict_detail.html#timeline-panel", context)
    if event_pk:
        context["open_event"] = selectors.event_detail_or_none(pk=event_pk, conflict=conflict)
    return render(request, "timeline/conflict_detail.html", context)


def _timeline_query(filters: selectors.TimelineFilters) -> str:
    """The filters as a query string (no page), for pagination links and the chart."""
    params: list[tuple[str, str]] = []
    if filters.q:
        params.append(("q", filters.q))
    if filters.start:
        params.append(("from", filters.start.isoformat()))
    if filters.end:
        params.append(("to", filters.end.isoformat()))
    params += [("category", c) for c in filters.categories]
    params += [("actor", str(a)) for a in filters.actors]
    if set(filters.statuses) != set(selectors.PUBLIC_STATUSES):
        params += [("status", s) for s in filters.statuses]
    if filters.min_sources > 1:
        params.append(("min_sources", str(filters.min_sources)))
    if filters.lanes != "category":
        params.append(("lanes", filters.lanes))
    return urlencode(params)


@require_GET
@vary_on_headers("HX-Request")
def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.event_detail(pk=pk)
    template = (
        "timeline/event_detail.html#event-panel"
        if _partial(request)
        else "timeline/event_detail.html"
    )
    return render(request, template, {"event": event})


@require_GET
@vary_on_headers("HX-Request")
def compare(request: HttpRequest) -> HttpResponse:
    slugs = [s[:100] for s in request.GET.getlist("c")]
    comparison = selectors.conflict_compare(slugs=slugs, align=request.GET.get("align", ""))
    context = {
        "comparison": comparison,
        "all_conflicts": selectors.conflict_choices_all(),
        "selected": [c.slug for c in comparison.conflicts],
        "categories": Event.Category.choices,
    }
    template = (
        "timeline/compare.html#compare-panel" if _partial(request) else "timeline/compare.html"
    )
    return render(request, template, context)


# --- Editorial ---------------------------------------------------------------------------
# Review queue, inline edits, merge/split, history. Every view checks permissions itself;
# templates only hide buttons. Writes go through services; success responses carry
# ``HX-Trigger: timeline-changed`` so the timeline panel and chart refresh themselves.

# Where an edit or action was started from; decides which fragment comes back.
EDIT_PLACES = ("queue", "list", "panel", "page")
TIMELINE_CHANGED = "timeline-changed"


def _where(request: HttpRequest) -> str:
    where = request.POST.get("in") or request.GET.get("in") or "page"
    return where if where in EDIT_PLACES else "page"


def _version(request: HttpRequest) -> int | None:
    raw = request.POST.get("version", "")
    return int(raw) if raw.isdigit() else None


def _changed(response: HttpResponse) -> HttpResponse:
    response["HX-Trigger"] = TIMELINE_CHANGED
    return response


def _safe_next(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def _review_filters(request: HttpRequest) -> dict:
    source = request.POST if request.method == "POST" else request.GET
    category = source.get("category", "")
    return {
        "conflict": source.get("conflict", "")[:100],
        "category": category if category in Event.Category.values else "",
        "page": source.get("page", "1")[:6],
    }


def _review_list_context(request: HttpRequest, *, notice: str = "") -> dict:
    filters = _review_filters(request)
    page = editorial.review_queue(**filters)
    return {
        "page_obj": page,
        "rows": editorial.review_rows(events=list(page.object_list)),
        "filters": filters,
        "conflicts": editorial.conflict_choices(),
        "categories": Event.Category.choices,
        "notice": notice,
    }


def _event_display(
    request: HttpRequest, *, pk: int, where: str, notice: str = "", status: int = 200
) -> HttpResponse:
    """The read-only rendering of an event for the place the editor works in.

    Without htmx (a plain form post) the browser gets a redirect back, never a fragment.
    """
    if not request.htmx or where == "page":
        if notice:
            messages.info(request, notice)
        return redirect(_safe_next(request, reverse("review")))
    if where == "queue":
        event = editorial.event_for_review(pk=pk)
        row = editorial.review_rows(events=[event])[0]
        context = {"row": row, "row_notice": notice, "filters": _review_filters(request)}
        return render(request, "timeline/review.html#review-row", context, status=status)
    event = selectors.event_detail(pk=pk, include_rejected=True)
    if where == "list":
        context = {"event": event, "notice": notice}
        return render(request, "timeline/_event_row.html", context, status=status)
    context = {"event": event, "notice": notice}
    return render(request, "timeline/event_detail.html#event-panel", context, status=status)


@require_GET
@vary_on_headers("HX-Request")
@login_required
@permission_required("timeline.change_event", raise_exception=True)
def review(request: HttpRequest) -> HttpResponse:
    context = _review_list_context(request)
    template = "timeline/review.html#review-list" if request.htmx else "timeline/review.html"
    return render(request, template, context)


@require_POST
@login_required
@permission_required("timeline.change_event", raise_exception=True)
def review_bulk(request: HttpRequest) -> HttpResponse:
    action = request.POST.get("action", "")
    pks = [int(v) for v in request.POST.getlist("event") if v.isdigit()]
    events = editorial.events_get(pks=pks)
    done: list[int] = []
    failed: list[str] = []
    if not events:
        notice = "Tick at least one event first."
    elif action in ("confirm", "reject"):
        service = services.event_confirm if action == "confirm" else services.event_reject
        for event in events:
            try:
                service(event=event, user=request.user)
                done.append(event.pk)
            except services.EventConflictError:  # pragma: no cover - no version is sent
                failed.append(str(event.pk))
        verb = "Confirmed" if action == "confirm" else "Rejected"
        notice = f"{verb} {len(done)} event{'s' if len(done) != 1 else ''}."
    elif action == "merge":
        target = min(events, key=lambda e: (e.status != Event.Status.CONFIRMED, e.pk))
        try:
            services.event_merge(events=events, target=target, user=request.user)
            done = [e.pk for e in events]
            notice = f"Merged {len(events)} events into “{target.title}”."
        except services.EventStateError as exc:
            notice = f"Not merged: {exc}."
    else:
        notice = "Choose confirm, reject or merge."
    if failed:
        notice += f" Not changed (edited meanwhile): {', '.join(failed)}."
    if not request.htmx:
        messages.info(request, notice)
        query = {k: v for k, v in _review_filters(request).items() if v and v != "1"}
        return redirect(f"{reverse('review')}?{urlencode(query)}" if query else reverse("review"))
    response = render(
        request, "timeline/review.html#review-list", _review_list_context(request, notice=notice)
    )
    return _changed(response) if done else response


def _edit_form(request: HttpRequest, *, event: Event, data=None) -> forms.EventEditForm:
    anchor, language = editorial.event_anchor(event=event)
    # Ids carry the event id: several rows can be in edit mode on one page.
    return forms.EventEditForm(
        data=data, event=event, anchor=anchor, language=language, auto_id=f"e{event.pk}-%s"
    )


def _edit_render(
    request: HttpRequest,
    *,
    event: Event,
    form: forms.EventEditForm,
    where: str,
    conflict: dict | None = None,
    status: int = 200,
) -> HttpResponse:
    # A plain (no-JavaScript) request gets the whole page, never a table-row fragment.
    where = where if request.htmx else "page"
    context = {"event": event, "form": form, "where": where, "conflict": conflict}
    context["next"] = _safe_next(request, "")
    template = (
        "timeline/review_edit.html#edit-form" if where != "page" else "timeline/review_edit.html"
    )
    return render(request, template, context, status=status)


def _conflict_rows(*, current: Event, form: forms.EventEditForm) -> list[tuple[str, str, str]]:
    """(field, their saved value, your value) for every field where the two differ."""
    data = form.cleaned_data
    date = data.get("date")
    theirs_actors = ", ".join(sorted(a.name for a in current.actors.all()))
    mine_actors = ", ".join(sorted(a.name for a in data.get("actors", [])))
    pairs = [
        ("Title", current.title, data.get("title", "")),
        ("Summary", current.summary, data.get("summary", "")),
        (
            "Category",
            current.get_category_display(),
            Event.Category(data["category"]).label if data.get("category") else "",
        ),
        ("Actors", theirs_actors, mine_actors),
        ("Places", ", ".join(current.places), ", ".join(data.get("places", []))),
        (
            "Date",
            current.display_date,
            format_event_date(
                value=date["date_value"],
                precision=date["date_precision"],
                start=date["date_start"],
                end=date["date_end"],
                mod=date["date_mod"],
            )
            if date
            else data.get("date_text", ""),
        ),
    ]
    return [(label, theirs, mine) for label, theirs, mine in pairs if theirs != mine]


@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
@login_required
@permission_required("timeline.change_event", raise_exception=True)
def event_edit(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.event_detail(pk=pk, include_rejected=True)
    where = _where(request)
    if request.method == "GET":
        return _edit_render(
            request, event=event, form=_edit_form(request, event=event), where=where
        )
    form = _edit_form(request, event=event, data=request.POST)
    if not form.is_valid():
        # 200, not 4xx: htmx swaps it and the editor sees the errors beside the fields.
        return _edit_render(request, event=event, form=form, where=where)
    try:
        services.event_update(
            event=event,
            expected_version=form.cleaned_data["version"],
            changes=form.changes(current=event),
            user=request.user,
        )
    except services.EventConflictError:
        current = selectors.event_detail(pk=pk, include_rejected=True)
        rows = _conflict_rows(current=current, form=form)
        data = request.POST.copy()
        # Saving again from this form is a deliberate overwrite of the version shown.
        data["version"] = str(current.version)
        kept = _edit_form(request, event=current, data=data)
        conflict = {
            "who": editorial.event_last_editor(event=current),
            "version": current.version,
            "rows": rows,
        }
        return _edit_render(
            request, event=current, form=kept, where=where, conflict=conflict, status=409
        )
    return _changed(_event_display(request, pk=pk, where=where, notice="Saved."))


@require_GET
@login_required
@permission_required("timeline.change_event", raise_exception=True)
def event_display(request: HttpRequest, pk: int) -> HttpResponse:
    """The read-only fragment again, for "cancel" on an inline edit."""
    return _event_display(request, pk=pk, where=_where(request))


_STATUS_ACTIONS = {
    "confirm": (services.event_confirm, "Confirmed."),
    "reject": (services.event_reject, "Rejected: hidden from readers, kept here."),
    "restore": (services.event_restore, "Restored."),
}


@require_POST
@login_required
@permission_required("timeline.change_event", raise_exception=True)
def event_status(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    service, notice = _STATUS_ACTIONS[action]
    event = selectors.event_detail(pk=pk, include_rejected=True)
    where = _where(request)
    try:
        service(event=event, user=request.user, expected_version=_version(request))
    except services.EventConflictError as exc:
        who = editorial.event_last_editor(event=exc.current)
        notice = (
            f"Not done: {who} changed this event meanwhile (now version "
            f"{exc.current.version}). Here it is as it stands; try again."
        )
        return _event_display(request, pk=pk, where=where, notice=notice, status=409)
    except services.EventStateError as exc:
        return _event_display(request, pk=pk, where=where, notice=f"Not done: {exc}.", status=422)
    return _changed(_event_display(request, pk=pk, where=where, notice=notice))


@require_POST
@login_required
# Merging and splitting move mentions between events: both permissions are needed.
@permission_required(("timeline.change_event", "timeline.change_mention"), raise_exception=True)
def event_merge(request: HttpRequest) -> HttpResponse:
    pks = [int(v) for v in request.POST.getlist("event") if v.isdigit()]
    target_raw = request.POST.get("target", "")
    events = editorial.events_get(pks=pks)
    target = next((e for e in events if str(e.pk) == target_raw), None)
    where = _where(request)
    if target is None or len(events) < 2:
        notice, ok, status = "Not merged: choose the events and the one to keep.", False, 422
    else:
        try:
            services.event_merge(events=events, target=target, user=request.user)
            notice, ok, status = f"Merged into “{target.title}”.", True, 200
        except services.EventStateError as exc:
            notice, ok, status = f"Not merged: {exc}.", False, 422
    if where == "queue" and request.htmx:
        context = _review_list_context(request, notice=notice)
        response = render(request, "timeline/review.html#review-list", context, status=status)
    elif where == "panel" and target is not None:
        response = _event_display(request, pk=target.pk, where=where, notice=notice, status=status)
    else:
        messages.info(request, notice)
        response = redirect(_safe_next(request, reverse("review")))
    return _changed(response) if ok else response


@require_POST
@login_required
# Merging and splitting move mentions between events: both permissions are needed.
@permission_required(("timeline.change_event", "timeline.change_mention"), raise_exception=True)
def mention_split(request: HttpRequest, pk: int) -> HttpResponse:
    mention = editorial.mention_get(pk=pk)
    source_pk = mention.event_id
    where = _where(request)
    try:
        new = services.event_split(
            mention=mention, user=request.user, expected_version=_version(request)
        )
        notice, ok, status = f"Split off as “{new.title[:80]}”.", True, 200
    except services.EventConflictError as exc:
        who = editorial.event_last_editor(event=exc.current)
        notice, ok, status = f"Not split: {who} changed this event meanwhile.", False, 409
    except services.EventStateError as exc:
        notice, ok, status = f"Not split: {exc}.", False, 422
    if where == "queue" and request.htmx:
        context = _review_list_context(request, notice=notice)
        response = render(request, "timeline/review.html#review-list", context, status=status)
    else:
        response = _event_display(request, pk=source_pk, where=where, notice=notice, status=status)
    return _changed(response) if ok else response


@require_GET
@vary_on_headers("HX-Request")
@login_required
@permission_required("timeline.view_event", raise_exception=True)
def event_history(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.event_detail(pk=pk, include_rejected=True)
    context = {
        "event": event,
        "entries": editorial.event_history(event=event),
        "mention_entries": editorial.event_mention_history(event=event),
    }
    template = "timeline/history.html#history-panel" if request.htmx else "timeline/history.html"
    return render(request, template, context)


@require_POST
@login_required
@permission_required("timeline.change_event", raise_exception=True)
def event_revert(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.event_detail(pk=pk, include_rejected=True)
    raw = request.POST.get("history_id", "")
    version = _version(request)
    status = 200
    if not raw.isdigit() or version is None:
        notice, status = "Not reverted: choose a version.", 422
    else:
        try:
            services.event_revert(
                event=event, history_id=int(raw), user=request.user, expected_version=version
            )
            notice = "Reverted. The revert is itself a version you can undo."
        except services.EventConflictError as exc:
            who = editorial.event_last_editor(event=exc.current)
            notice, status = (
                f"Not reverted: {who} saved a new version meanwhile; check the list again.",
                409,
            )
        except ObjectDoesNotExist:
            notice, status = "Not reverted: no such version of this event.", 422
        except ValidationError as exc:
            notice, status = f"Not reverted: {'; '.join(exc.messages)}", 422
    if not request.htmx:
        messages.info(request, notice)
        return redirect("event_history", pk=pk)
    event = selectors.event_detail(pk=pk, include_rejected=True)
    context = {
        "event": event,
        "entries": editorial.event_history(event=event),
        "mention_entries": editorial.event_mention_history(event=event),
        "notice": notice,
    }
    response = render(request, "timeline/history.html#history-panel", context, status=status)
    return _changed(response) if status == 200 else response
