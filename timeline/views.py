"""Pages and their htmx partials. Views call selectors and services, never the ORM.

One URL serves the whole page and, for htmx, only the fragment the request targets: the
partial's name is the DOM id it replaces (``request.htmx.target``), so the element that
asked decides what comes back, and the same view serves the timeline list, the review
queue and the event panel.
"""

from __future__ import annotations

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

from timeline import categories, forms, selectors, services
from timeline.filters import PUBLIC_STATUSES, TimelineFilterForm
from timeline.models import Event

TIMELINE_CHANGED = "timeline-changed"
# The hidden element of the timeline panel that reloads it after an editor's save.
TIMELINE_REFRESH = "timeline-refresh"


def _target(request: HttpRequest) -> str:
    """The id of the element an htmx request will swap; "" for a whole page.

    A history-restore request wants the whole page back, even though htmx sends it.
    """
    if not request.htmx or request.htmx.history_restore_request:
        return ""
    return request.htmx.target or ""


def _int(raw: str, default: int = 1) -> int:
    return int(raw) if raw.isdigit() and len(raw) < 7 else default


@require_GET
@vary_on_headers("HX-Request", "HX-Target")
def home(request: HttpRequest) -> HttpResponse:
    search = request.GET.get("q", "").strip()[:200]
    conflicts = selectors.conflict_list(search=search, page=_int(request.GET.get("page", "")))
    context = {"conflicts": conflicts.items, "page_obj": conflicts.page, "q": search}
    if _target(request) == "conflict-list":
        return render(request, "timeline/home.html#conflict-list", context)
    return render(request, "timeline/home.html", context)


@require_GET
@vary_on_headers("HX-Request", "HX-Target")
def conflict_detail(request: HttpRequest, slug: str) -> HttpResponse:
    conflict = selectors.conflict_get(slug=slug)
    actors = selectors.conflict_actors(conflict=conflict)
    filters = TimelineFilterForm(request.GET, actors=actors).filters()
    path = conflict.get_absolute_url()
    target = _target(request)
    context = {"conflict": conflict, "filters": filters, "close_url": filters.url(path, event=None)}
    if target == "event-panel":
        context["open_event"] = (
            selectors.event_detail_or_none(pk=filters.event, conflict=conflict)
            if filters.event
            else None
        )
        response = render(request, "timeline/conflict_detail.html#event-side", context)
        return _push(request, response, filters.url(path))
    context |= {
        "timeline": selectors.conflict_timeline(conflict=conflict, filters=filters, actors=actors),
        "categories": categories.CATEGORIES,
        "statuses": [(s, Event.Status(s).label) for s in PUBLIC_STATUSES],
    }
    if target == "timeline-panel":
        response = render(request, "timeline/conflict_detail.html#timeline-panel", context)
        return _push(request, response, filters.url(path))
    if filters.event:
        context["open_event"] = selectors.event_detail_or_none(pk=filters.event, conflict=conflict)
    return render(request, "timeline/conflict_detail.html", context)


def _push(request: HttpRequest, response: HttpResponse, url: str) -> HttpResponse:
    """Give the address bar the canonical permalink of what the fragment shows; a refresh
    after an editor's save replaces the entry instead of adding one."""
    header = "HX-Replace-Url" if request.htmx.trigger == TIMELINE_REFRESH else "HX-Push-Url"
    response[header] = url
    return response


@require_GET
@vary_on_headers("HX-Request", "HX-Target")
def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.event_detail(pk=pk)
    if _target(request) == "event-panel":
        return render(request, "timeline/event_detail.html#event-panel", {"event": event})
    return render(request, "timeline/event_detail.html", {"event": event})


@require_GET
@vary_on_headers("HX-Request", "HX-Target")
def compare(request: HttpRequest) -> HttpResponse:
    slugs = [s[:100] for s in request.GET.getlist("c")]
    comparison = selectors.conflict_compare(slugs=slugs, align=request.GET.get("align", ""))
    context = {
        "comparison": comparison,
        "all_conflicts": selectors.conflict_choices_all(),
        "selected": [c.slug for c in comparison.conflicts],
        "categories": categories.choices(),
    }
    if _target(request) == "compare-panel":
        return render(request, "timeline/compare.html#compare-panel", context)
    return render(request, "timeline/compare.html", context)


# --- Editorial ---------------------------------------------------------------------------
# Review queue, inline edits, merge/split, history. Every view checks permissions itself;
# templates only hide buttons. Writes go through services; success responses carry
# ``HX-Trigger: timeline-changed`` so the timeline panel and chart refresh themselves.


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
        "category": category if category in categories.VALUES else "",
        "page": source.get("page", "1")[:6],
    }


def _review_list_context(request: HttpRequest, *, notice: str = "") -> dict:
    filters = _review_filters(request)
    page = selectors.review_queue(**filters)
    return {
        "page_obj": page,
        "rows": selectors.review_rows(events=list(page.object_list)),
        "filters": filters,
        "conflicts": selectors.conflict_choices_all(),
        "categories": categories.choices(),
        "notice": notice,
    }


def _review_list(request: HttpRequest, *, notice: str = "", status: int = 200) -> HttpResponse:
    context = _review_list_context(request, notice=notice)
    return render(request, "timeline/review.html#review-list", context, status=status)


def _event_fragment(
    request: HttpRequest, *, pk: int, notice: str = "", status: int = 200
) -> HttpResponse:
    """The read-only rendering of an event for the element the request targets.

    ``review-row-<pk>`` is a row of the review queue, ``event-row-<pk>`` a row of a
    timeline's list, ``event-panel`` the event panel. Without htmx (a plain form post) the
    browser gets a redirect back, never a fragment.
    """
    target = _target(request)
    if target == f"review-row-{pk}":
        event = selectors.event_for_review(pk=pk)
        row = selectors.review_rows(events=[event])[0]
        context = {"row": row, "row_notice": notice, "filters": _review_filters(request)}
        return render(request, "timeline/review.html#review-row", context, status=status)
    if target == f"event-row-{pk}":
        context = {"event": selectors.event_row(pk=pk), "row_notice": notice}
        return render(request, "timeline/conflict_detail.html#event-row", context, status=status)
    if target == "event-panel":
        context = {"event": selectors.event_detail(pk=pk, include_rejected=True), "notice": notice}
        return render(request, "timeline/event_detail.html#event-panel", context, status=status)
    if notice:
        messages.info(request, notice)
    return redirect(_safe_next(request, reverse("review")))


@require_GET
@vary_on_headers("HX-Request", "HX-Target")
@login_required
@permission_required("timeline.change_event", raise_exception=True)
def review(request: HttpRequest) -> HttpResponse:
    if _target(request) == "review-list":
        return _review_list(request)
    return render(request, "timeline/review.html", _review_list_context(request))


@require_POST
@login_required
@permission_required("timeline.change_event", raise_exception=True)
def review_bulk(request: HttpRequest) -> HttpResponse:
    action = request.POST.get("action", "")
    pks = [int(v) for v in request.POST.getlist("event") if v.isdigit()]
    events = selectors.events_get(pks=pks)
    done = False
    if not events:
        notice = "Tick at least one event first."
    elif action in ("confirm", "reject"):
        service = services.event_confirm if action == "confirm" else services.event_reject
        for event in events:
            service(event=event, user=request.user)
        verb = "Confirmed" if action == "confirm" else "Rejected"
        notice = f"{verb} {len(events)} event{'s' if len(events) != 1 else ''}."
        done = True
    elif action == "merge":
        try:
            target = services.event_merge_target(events=events)
            services.event_merge(events=events, target=target, user=request.user)
            notice = f"Merged {len(events)} events into “{target.title}”."
            done = True
        except services.EventStateError as exc:
            notice = f"Not merged: {exc}."
    else:
        notice = "Choose confirm, reject or merge."
    if not request.htmx:
        messages.info(request, notice)
        query = {k: v for k, v in _review_filters(request).items() if v and v != "1"}
        return redirect(f"{reverse('review')}?{urlencode(query)}" if query else reverse("review"))
    response = _review_list(request, notice=notice)
    return _changed(response) if done else response


def _edit_form(request: HttpRequest, *, event: Event, data=None) -> forms.EventEditForm:
    anchor, language = selectors.event_anchor(event=event)
    # Ids carry the event id: several rows can be in edit mode on one page.
    return forms.EventEditForm(
        data=data, event=event, anchor=anchor, language=language, auto_id=f"e{event.pk}-%s"
    )


def _edit_render(
    request: HttpRequest,
    *,
    event: Event,
    form: forms.EventEditForm,
    conflict: dict | None = None,
    status: int = 200,
) -> HttpResponse:
    target = _target(request)
    context = {
        "event": event,
        "form": form,
        "conflict": conflict,
        "next": _safe_next(request, ""),
        # The edit form takes the place of the element it was opened from: a queue row or
        # the event panel; anything else (no JavaScript) gets the whole page.
        "target": target if target in (f"review-row-{event.pk}", "event-panel") else "",
    }
    if context["target"]:
        return render(request, "timeline/review_edit.html#edit-form", context, status=status)
    return render(request, "timeline/review_edit.html", context, status=status)


@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request", "HX-Target")
@login_required
@permission_required("timeline.change_event", raise_exception=True)
def event_edit(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.event_detail(pk=pk, include_rejected=True)
    if request.method == "GET":
        return _edit_render(request, event=event, form=_edit_form(request, event=event))
    form = _edit_form(request, event=event, data=request.POST)
    if not form.is_valid():
        # 200, not 4xx: htmx swaps it and the editor sees the errors beside the fields.
        return _edit_render(request, event=event, form=form)
    try:
        services.event_update(
            event=event,
            expected_version=form.cleaned_data["version"],
            changes=form.changes(current=event),
            user=request.user,
        )
    except services.EventConflictError:
        current = selectors.event_detail(pk=pk, include_rejected=True)
        data = request.POST.copy()
        # Saving again from this form is a deliberate overwrite of the version shown.
        data["version"] = str(current.version)
        conflict = {
            "who": selectors.event_last_editor(event=current),
            "version": current.version,
            "rows": services.event_conflict_rows(current=current, changes=form.cleaned_values()),
        }
        kept = _edit_form(request, event=current, data=data)
        return _edit_render(request, event=current, form=kept, conflict=conflict, status=409)
    return _changed(_event_fragment(request, pk=pk, notice="Saved."))


@require_GET
@login_required
@permission_required("timeline.change_event", raise_exception=True)
def event_display(request: HttpRequest, pk: int) -> HttpResponse:
    """The read-only fragment again, for "cancel" on an inline edit."""
    return _event_fragment(request, pk=pk)


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
    try:
        service(event=event, user=request.user, expected_version=_version(request))
    except services.EventConflictError as exc:
        who = selectors.event_last_editor(event=exc.current)
        notice = (
            f"Not done: {who} changed this event meanwhile (now version "
            f"{exc.current.version}). Here it is as it stands; try again."
        )
        return _event_fragment(request, pk=pk, notice=notice, status=409)
    except services.EventStateError as exc:
        return _event_fragment(request, pk=pk, notice=f"Not done: {exc}.", status=422)
    return _changed(_event_fragment(request, pk=pk, notice=notice))


@require_POST
@login_required
# Merging and splitting move mentions between events: both permissions are needed.
@permission_required(("timeline.change_event", "timeline.change_mention"), raise_exception=True)
def event_merge(request: HttpRequest) -> HttpResponse:
    pks = [int(v) for v in request.POST.getlist("event") if v.isdigit()]
    target_raw = request.POST.get("target", "")
    events = selectors.events_get(pks=pks)
    target = next((e for e in events if str(e.pk) == target_raw), None)
    if target is None or len(events) < 2:
        notice, ok, status = "Not merged: choose the events and the one to keep.", False, 422
    else:
        try:
            services.event_merge(events=events, target=target, user=request.user)
            notice, ok, status = f"Merged into “{target.title}”.", True, 200
        except services.EventStateError as exc:
            notice, ok, status = f"Not merged: {exc}.", False, 422
    if _target(request) == "review-list":
        response = _review_list(request, notice=notice, status=status)
    elif _target(request) == "event-panel" and target is not None:
        response = _event_fragment(request, pk=target.pk, notice=notice, status=status)
    else:
        messages.info(request, notice)
        response = redirect(_safe_next(request, reverse("review")))
    return _changed(response) if ok else response


@require_POST
@login_required
# Merging and splitting move mentions between events: both permissions are needed.
@permission_required(("timeline.change_event", "timeline.change_mention"), raise_exception=True)
def mention_split(request: HttpRequest, pk: int) -> HttpResponse:
    mention = selectors.mention_get(pk=pk)
    source_pk = mention.event_id
    try:
        new = services.event_split(
            mention=mention, user=request.user, expected_version=_version(request)
        )
        notice, ok, status = f"Split off as “{new.title[:80]}”.", True, 200
    except services.EventConflictError as exc:
        who = selectors.event_last_editor(event=exc.current)
        notice, ok, status = f"Not split: {who} changed this event meanwhile.", False, 409
    except services.EventStateError as exc:
        notice, ok, status = f"Not split: {exc}.", False, 422
    if _target(request) == "review-list":
        response = _review_list(request, notice=notice, status=status)
    else:
        response = _event_fragment(request, pk=source_pk, notice=notice, status=status)
    return _changed(response) if ok else response


def _history_context(*, pk: int, notice: str = "") -> dict:
    event = selectors.event_detail(pk=pk, include_rejected=True)
    return {
        "event": event,
        "entries": selectors.event_history(event=event),
        "mention_entries": selectors.event_mention_history(event=event),
        "notice": notice,
    }


@require_GET
@vary_on_headers("HX-Request", "HX-Target")
@login_required
@permission_required("timeline.view_event", raise_exception=True)
def event_history(request: HttpRequest, pk: int) -> HttpResponse:
    context = _history_context(pk=pk)
    if _target(request) == "history-panel":
        return render(request, "timeline/history.html#history-panel", context)
    return render(request, "timeline/history.html", context)


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
            who = selectors.event_last_editor(event=exc.current)
            notice, status = (
                f"Not reverted: {who} saved a new version meanwhile; check the list again.",
                409,
            )
        except ObjectDoesNotExist:
            notice, status = "Not reverted: no such version of this event.", 422
        except ValidationError as exc:
            notice, status = f"Not reverted: {'; '.join(exc.messages)}", 422
    if _target(request) != "history-panel":
        messages.info(request, notice)
        return redirect("event_history", pk=pk)
    context = _history_context(pk=pk, notice=notice)
    response = render(request, "timeline/history.html#history-panel", context, status=status)
    return _changed(response) if status == 200 else response
