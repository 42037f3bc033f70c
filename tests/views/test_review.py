"""Editorial views: the queue, inline edits (full and partial), conflicts, merge, history."""
# ruff: noqa: F811 - pytest fixtures imported from tests.editorial_helpers

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.test import Client
from django.urls import reverse

from tests.editorial_helpers import (  # noqa: F401
    client_for,
    doha,
    edit_data,
    editor,
    editor_b,
    hx,
    mentioned_event,
)
from timeline import services
from timeline.models import Conflict, Event, Mention

pytestmark = pytest.mark.django_db

HX = {"HTTP_HX_REQUEST": "true"}


def row(event: Event) -> dict:
    return hx(f"review-row-{event.pk}")


# --- queue -------------------------------------------------------------------------------


def test_queue_lists_proposed_events_with_highlight_trail_and_duplicates(doha, editor):
    response = client_for(editor).get(reverse("review"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<mark>February 2020</mark>" in html
    assert "&#x27;February 2020&#x27; + published 2021-02-28" in html  # the resolution trail
    assert "Possibly the same happening as" in html
    # Newest article first: the second report (2 Mar) is listed before the first (28 Feb).
    assert html.index(f'id="review-row-{doha["second"].pk}"') < html.index(
        f'id="review-row-{doha["first"].pk}"'
    )
    assert "<html" in html


def test_queue_partial_and_filters(doha, editor):
    client = client_for(editor)
    response = client.get(reverse("review"), {"category": "prisoner release"}, **hx("review-list"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert html.lstrip().startswith('<div id="review-list"')
    assert f"review-row-{doha['other'].pk}" in html
    assert f"review-row-{doha['first'].pk}" not in html
    response = client.get(reverse("review"), {"conflict": "no-such-conflict"}, **hx("review-list"))
    assert "Nothing left to review" in response.content.decode()


def test_confirmed_and_rejected_events_leave_the_queue(doha, editor):
    services.event_confirm(event=doha["first"], user=editor)
    services.event_reject(event=doha["other"], user=editor)
    html = client_for(editor).get(reverse("review")).content.decode()
    assert f"review-row-{doha['first'].pk}" not in html
    assert f"review-row-{doha['other'].pk}" not in html
    assert f"review-row-{doha['second'].pk}" in html


def test_bulk_confirm_and_reject(doha, editor):
    client = client_for(editor)
    ids = [doha["first"].pk, doha["second"].pk]
    response = client.post(reverse("review_bulk"), {"action": "confirm", "event": ids}, **HX)
    assert response.status_code == 200
    assert response["HX-Trigger"] == "timeline-changed"
    assert "Confirmed 2 events" in response.content.decode()
    assert set(Event.objects.filter(pk__in=ids).values_list("status", flat=True)) == {"confirmed"}
    response = client.post(
        reverse("review_bulk"), {"action": "reject", "event": [doha["other"].pk]}
    )
    assert response.status_code == 302  # the no-JavaScript form
    assert Event.objects.get(pk=doha["other"].pk).status == "rejected"


def test_bulk_merge_keeps_every_mention(doha, editor):
    ids = [doha["first"].pk, doha["second"].pk]
    response = client_for(editor).post(
        reverse("review_bulk"), {"action": "merge", "event": ids}, **HX
    )
    assert response.status_code == 200
    kept = Event.objects.get(pk=doha["first"].pk)
    assert kept.mentions.count() == 2
    assert Event.objects.get(pk=doha["second"].pk).status == "rejected"


def test_merge_from_a_duplicate_suggestion(doha, editor):
    first, second = doha["first"], doha["second"]
    response = client_for(editor).post(
        reverse("event_merge"),
        {"event": [first.pk, second.pk], "target": second.pk},
        **hx("review-list"),
    )
    assert response.status_code == 200
    assert response["HX-Trigger"] == "timeline-changed"
    assert Event.objects.get(pk=second.pk).mentions.count() == 2


def test_split_view_returns_the_mention_to_its_own_event(doha, editor):
    first, second = doha["first"], doha["second"]
    services.event_merge(events=[first, second], target=first, user=editor)
    mention = Mention.objects.get(event=first, article=doha["articles"][1])
    response = client_for(editor).post(
        reverse("mention_split", args=[mention.pk]), **hx("review-list")
    )
    assert response.status_code == 200
    mention.refresh_from_db()
    assert mention.event_id == second.pk


# --- inline edit -------------------------------------------------------------------------


def test_edit_form_full_page_and_partial(doha, editor):
    client = client_for(editor)
    event = doha["first"]
    full = client.get(reverse("event_edit", args=[event.pk]))
    assert full.status_code == 200
    assert "<html" in full.content.decode()
    partial = client.get(reverse("event_edit", args=[event.pk]), **row(event))
    html = partial.content.decode()
    assert html.lstrip().startswith(f'<tr id="review-row-{event.pk}"')
    assert f'name="version" value="{event.version}"' in html


def test_edit_saves_reparses_the_date_and_triggers_the_timeline(doha, editor):
    event = doha["first"]
    response = client_for(editor).post(
        reverse("event_edit", args=[event.pk]),
        edit_data(event, title="Doha agreement signed", date_text="29 Feb 2020"),
        **row(event),
    )
    assert response.status_code == 200
    assert response["HX-Trigger"] == "timeline-changed"
    assert f'id="review-row-{event.pk}"' in response.content.decode()
    event.refresh_from_db()
    assert (event.title, event.date_value, event.date_precision) == (
        "Doha agreement signed",
        "2020-02-29",
        "day",
    )
    assert set(event.editor_fields) == {"title", "date"}
    assert event.history.latest().history_user == editor


def test_relative_date_is_read_against_the_article_publication_date(doha, editor):
    event = doha["other"]  # its article was published on 2021-02-28
    client_for(editor).post(
        reverse("event_edit", args=[event.pk]),
        edit_data(event, date_text="last week"),
        **row(event),
    )
    event.refresh_from_db()
    assert (event.date_value, event.date_start) == ("2021-W07", dt.date(2021, 2, 15))


def test_precision_and_mod_overrides(doha, editor):
    event = doha["second"]  # 29 Feb 2020
    client_for(editor).post(
        reverse("event_edit", args=[event.pk]),
        edit_data(event, precision="month", mod="START"),
        **row(event),
    )
    event.refresh_from_db()
    assert (event.date_value, event.date_precision, event.date_mod) == ("2020-02", "month", "START")
    assert (event.date_start, event.date_end) == (dt.date(2020, 2, 1), dt.date(2020, 2, 10))
    assert event.display_date == "early Feb 2020"


def test_unchanged_fields_are_not_marked_as_edited(doha, editor):
    event = doha["first"]
    client_for(editor).post(
        reverse("event_edit", args=[event.pk]),
        edit_data(event, summary="Signed in Doha."),
        **row(event),
    )
    event.refresh_from_db()
    assert event.editor_fields == ["summary"]


@pytest.mark.parametrize("bad", ["banana", "18 months", ""])
def test_invalid_date_rerenders_the_form_with_200_and_changes_nothing(doha, editor, bad):
    event = doha["first"]
    response = client_for(editor).post(
        reverse("event_edit", args=[event.pk]),
        edit_data(event, title="Typed title", date_text=bad),
        **row(event),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "field-error" in html
    assert 'value="Typed title"' in html
    assert "HX-Trigger" not in response
    event.refresh_from_db()
    assert event.version == 1 and event.title != "Typed title"


def test_stale_form_gets_409_with_both_values_and_keeps_the_input(doha, editor, editor_b):
    event = doha["first"]
    stale = edit_data(event, title="B's title")
    client_for(editor).post(
        reverse("event_edit", args=[event.pk]), edit_data(event, title="A's title"), **row(event)
    )
    response = client_for(editor_b).post(
        reverse("event_edit", args=[event.pk]), stale, **row(event)
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "editor_a saved this event" in html
    assert re.search(r'class="theirs">A&#x27;s title<', html)
    assert re.search(r'class="mine">B&#x27;s title<', html)
    assert 'value="B&#x27;s title"' in html  # B's input stays in the form
    assert 'name="version" value="2"' in html  # a second save is a deliberate overwrite
    event.refresh_from_db()
    assert (event.title, event.version) == ("A's title", 2)


def test_saving_again_after_the_conflict_overwrites_deliberately(doha, editor, editor_b):
    event = doha["first"]
    client_for(editor).post(
        reverse("event_edit", args=[event.pk]), edit_data(event, title="A"), **row(event)
    )
    event.refresh_from_db()
    response = client_for(editor_b).post(
        reverse("event_edit", args=[event.pk]), edit_data(event, title="B"), **row(event)
    )
    assert response.status_code == 200
    event.refresh_from_db()
    assert (event.title, event.version) == ("B", 3)


def test_actions_answer_with_the_fragment_their_target_names(doha, editor):
    event = doha["first"]
    client = client_for(editor)
    # A timeline list row: the row rendered from the same EventRow the list uses.
    response = client.post(
        reverse("event_confirm", args=[event.pk]),
        {"version": event.version},
        **hx(f"event-row-{event.pk}"),
    )
    html = response.content.decode()
    assert html.lstrip().startswith(f'<tr id="event-row-{event.pk}"')
    assert "Confirmed." in html and 'class="num">1<' in html
    event.refresh_from_db()
    # The event panel: editing happens there for timeline rows too.
    form = client.get(reverse("event_edit", args=[event.pk]), **hx("event-panel"))
    assert form.content.decode().lstrip().startswith('<article id="event-panel"')
    response = client.post(
        reverse("event_edit", args=[event.pk]),
        edit_data(event, title="Y"),
        **hx("event-panel"),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith('<article id="event-panel"') and "Saved." in html


def test_edit_without_javascript_redirects(doha, editor):
    event = doha["first"]
    data = edit_data(event, title="Plain form")
    response = client_for(editor).post(reverse("event_edit", args=[event.pk]), data)
    assert response.status_code == 302


# --- confirm / reject / restore from a row -----------------------------------------------


def test_row_confirm_and_stale_confirm(doha, editor, editor_b):
    event = doha["first"]
    url = reverse("event_confirm", args=[event.pk])
    response = client_for(editor).post(url, {"version": 1}, **row(event))
    assert response.status_code == 200
    assert response["HX-Trigger"] == "timeline-changed"
    assert "Confirmed" in response.content.decode()
    response = client_for(editor_b).post(
        reverse("event_reject", args=[event.pk]), {"version": 1}, **row(event)
    )
    assert response.status_code == 409
    assert "editor_a changed this event" in response.content.decode()
    assert Event.objects.get(pk=event.pk).status == "confirmed"


def test_rejected_events_are_hidden_from_readers_and_restorable(doha, editor):
    event = doha["first"]
    client = client_for(editor)
    client.post(reverse("event_reject", args=[event.pk]), **hx(f"event-row-{event.pk}"))
    reader = Client()
    assert reader.get(reverse("event_detail", args=[event.pk])).status_code == 404
    listing = reader.get(reverse("conflict_detail", args=[doha["conflict"].slug]))
    assert f"event-row-{event.pk}" not in listing.content.decode()
    response = client.post(reverse("event_restore", args=[event.pk]), **hx(f"event-row-{event.pk}"))
    assert response.status_code == 200
    assert reader.get(reverse("event_detail", args=[event.pk])).status_code == 200


def test_restoring_an_event_that_is_not_rejected_says_so(doha, editor):
    event = doha["first"]
    response = client_for(editor).post(reverse("event_restore", args=[event.pk]), **row(event))
    assert response.status_code == 422
    assert "only a rejected event can be restored" in response.content.decode()


# --- history -----------------------------------------------------------------------------


def test_history_page_shows_who_what_when_and_reverts(doha, editor):
    event = doha["first"]
    client = client_for(editor)
    client.post(
        reverse("event_edit", args=[event.pk]), edit_data(event, title="Wrong"), **row(event)
    )
    page = client.get(reverse("event_history", args=[event.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert "editor_a" in html and "Wrong" in html
    first = event.history.earliest()
    response = client.post(
        reverse("event_revert", args=[event.pk]),
        {"history_id": first.history_id, "version": 2},
        **hx("history-panel"),
    )
    assert response.status_code == 200
    assert response["HX-Trigger"] == "timeline-changed"
    event.refresh_from_db()
    assert event.title == "The US and the Taliban signed the Doha agreement"
    assert event.version == 3
    stale = client.post(
        reverse("event_revert", args=[event.pk]),
        {"history_id": first.history_id, "version": 2},
        **hx("history-panel"),
    )
    assert stale.status_code == 409


def test_history_names_the_extractor_for_machine_writes(editor):
    conflict = Conflict.objects.create(name="C", slug="c")
    article = services.article_create(
        conflict=conflict,
        title="T",
        published=dt.date(2021, 2, 28),
        body="Talks resumed in Doha on Sunday, officials said.",
    )
    event = Event.objects.get(mentions__article=article)
    html = client_for(editor).get(reverse("event_history", args=[event.pk])).content.decode()
    assert "system:extractor" in html


# --- CSRF --------------------------------------------------------------------------------


def test_post_without_csrf_token_is_refused_and_changes_nothing(doha, editor):
    event = doha["first"]
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    for url, data in [
        (reverse("event_edit", args=[event.pk]), edit_data(event, title="Forged")),
        (reverse("event_confirm", args=[event.pk]), {"version": 1}),
        (reverse("review_bulk"), {"action": "reject", "event": [event.pk]}),
        (reverse("event_merge"), {"event": [event.pk, doha["second"].pk], "target": event.pk}),
    ]:
        assert client.post(url, data, **HX).status_code == 403
    event.refresh_from_db()
    assert (event.title, event.status, event.version) != ("Forged", "rejected", 2)
    assert event.version == 1 and event.status == "proposed"
    assert doha["second"].mentions.count() == 1


def test_post_with_the_csrf_header_from_body_hx_headers_is_accepted(doha, editor):
    event = doha["first"]
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    page = client.get(reverse("review")).content.decode()
    token = re.search(r"hx-headers='\{\"x-csrftoken\": \"([^\"]+)\"\}'", page).group(1)
    response = client.post(
        reverse("event_confirm", args=[event.pk]),
        {"version": 1},
        HTTP_X_CSRFTOKEN=token,
        **row(event),
    )
    assert response.status_code == 200


def test_plain_form_posts_get_redirects_or_whole_pages_never_fragments(doha, editor):
    event = doha["first"]
    client = client_for(editor)
    response = client.post(reverse("event_confirm", args=[event.pk]))
    assert response.status_code == 302
    bad = edit_data(event, date_text="banana")  # no HX-Request, so no fragment
    response = client.post(reverse("event_edit", args=[event.pk]), bad)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" in html and 'id="review-row-' not in html
