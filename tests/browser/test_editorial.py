"""The editorial workflow in a real browser: confirm, inline edit, the 409 path, errors.

Drives Debian's ``chromium`` through Playwright against pytest-django's live server. Set
``SCREENSHOTS=1`` to save a picture of each step in ``screenshots/``.
"""
# ruff: noqa: F811 - pytest fixtures imported from tests.editorial_helpers

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.editorial_helpers import client_for, doha, editor, editor_b  # noqa: F401
from timeline import services
from timeline.models import Event

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(__file__).resolve().parents[2] / "screenshots"


@pytest.fixture
def editor_page(page, live_server, editor):
    """The shared ``page`` fixture (tests/browser/conftest.py), logged in as editor_a
    with the session cookie of a logged-in test client."""
    client = client_for(editor)
    host = live_server.url.split("//", 1)[1].split(":")[0]
    cookie = {"name": "sessionid", "value": client.cookies["sessionid"].value}
    page.context.add_cookies([{**cookie, "domain": host, "path": "/"}])
    return page


def js_errors(page) -> list[str]:
    """Script errors, CSP violations included; failed HTTP statuses are expected here."""
    return [e for e in page.errors if "Failed to load resource" not in e]


def open_edit_form(page, live_server, event):
    """Open the review queue and the inline edit form in ``event``'s row; the form."""
    page.goto(f"{live_server.url}/review/")
    page.locator(f"#review-row-{event.pk}").get_by_role("link", name="Edit").click()
    form = page.locator(f"#review-row-{event.pk} form.edit-form")
    form.wait_for()
    return form


def shot(page, name: str) -> None:
    if os.environ.get("SCREENSHOTS"):
        SHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SHOTS / f"editorial-{name}.png"), full_page=True)


def test_confirm_a_proposed_event_from_the_queue(editor_page, live_server, doha):
    page = editor_page
    event = doha["first"]
    page.goto(f"{live_server.url}/review/")
    shot(page, "queue")
    row = page.locator(f"#review-row-{event.pk}")
    row.get_by_role("button", name="Confirm").click()
    row.locator(".badge.status-confirmed").wait_for()
    assert "Confirmed." in row.inner_text()
    assert Event.objects.get(pk=event.pk).status == "confirmed"
    assert js_errors(page) == []


def test_bulk_confirm_with_ticked_rows(editor_page, live_server, doha):
    page = editor_page
    page.goto(f"{live_server.url}/review/")
    for key in ("first", "other"):
        page.locator(f"#pick-{doha[key].pk}").check()
    page.locator("#review-bulk").get_by_role("button", name="Confirm").click()
    page.get_by_text("Confirmed 2 events.").wait_for()
    statuses = dict(Event.objects.values_list("pk", "status"))
    assert statuses[doha["first"].pk] == statuses[doha["other"].pk] == "confirmed"
    assert statuses[doha["second"].pk] == "proposed"


def test_inline_edit_reparses_a_typed_date(editor_page, live_server, doha):
    page = editor_page
    event = doha["other"]
    form = open_edit_form(page, live_server, event)
    form.get_by_label("Date", exact=True).fill("banana")
    form.get_by_role("button", name="Save").click()
    page.locator(f"#review-row-{event.pk} .field-error").wait_for()
    shot(page, "edit-invalid")
    form = page.locator(f"#review-row-{event.pk} form.edit-form")
    form.get_by_label("Date", exact=True).fill("early March 2020")
    form.get_by_label("Title").fill("Prisoner exchange agreed")
    shot(page, "edit-form")
    form.get_by_role("button", name="Save").click()
    page.locator(f"#review-row-{event.pk} .notice").wait_for()
    shot(page, "edit-saved")
    assert "early Mar 2020" in page.locator(f"#review-row-{event.pk}").inner_text()
    event.refresh_from_db()
    assert (event.title, event.date_value, event.date_mod) == (
        "Prisoner exchange agreed",
        "2020-03",
        "START",
    )
    assert js_errors(page) == []


def test_stale_save_shows_both_versions_and_keeps_the_input(
    editor_page, live_server, doha, editor_b
):
    page = editor_page
    event = doha["first"]
    form = open_edit_form(page, live_server, event)
    form.get_by_label("Title").fill("My title")
    # Meanwhile another editor saves the same event.
    services.event_update(
        event=event, expected_version=1, changes={"title": "Their title"}, user=editor_b
    )
    form.get_by_role("button", name="Save").click()
    box = page.locator(f"#review-row-{event.pk} .conflict-box")
    box.wait_for()
    shot(page, "conflict-409")
    assert "editor_b saved this event" in box.inner_text()
    assert box.locator("td.theirs").first.inner_text() == "Their title"
    assert box.locator("td.mine").first.inner_text() == "My title"
    form = page.locator(f"#review-row-{event.pk} form.edit-form")
    assert form.get_by_label("Title").input_value() == "My title"
    assert Event.objects.get(pk=event.pk).title == "Their title"
    # Saving again is a deliberate overwrite of the version now shown.
    form.get_by_role("button", name="Save").click()
    page.locator(f"#review-row-{event.pk} .notice").wait_for()
    assert Event.objects.get(pk=event.pk).title == "My title"


def test_expired_session_never_swaps_the_login_page_into_the_row(editor_page, live_server, doha):
    page = editor_page
    event = doha["first"]
    form = open_edit_form(page, live_server, event)
    form.get_by_label("Title").fill("Typed before the session ended")
    page.context.clear_cookies(name="sessionid")
    form.get_by_role("button", name="Save").click()
    alert = page.locator(f"#review-row-{event.pk} .hx-error")
    alert.wait_for()
    shot(page, "session-expired")
    assert "session has expired" in alert.inner_text()
    assert page.locator(f"#review-row-{event.pk} input[name=password]").count() == 0
    assert form.get_by_label("Title").input_value() == "Typed before the session ended"
    assert Event.objects.get(pk=event.pk).version == 1


def test_server_and_network_errors_show_a_message_in_place(editor_page, live_server, doha):
    page = editor_page
    event = doha["first"]
    page.goto(f"{live_server.url}/review/")
    row = page.locator(f"#review-row-{event.pk}")
    page.route("**/confirm/", lambda route: route.fulfill(status=500, body="boom"))
    row.get_by_role("button", name="Confirm").click()
    row.locator(".hx-error").wait_for()
    assert "server failed" in row.locator(".hx-error").inner_text()
    page.unroute("**/confirm/")
    page.route("**/confirm/", lambda route: route.abort())
    row.get_by_role("button", name="Confirm").click()
    # A locator assertion, not wait_for_function: a string predicate is evaluated with
    # eval, which the page's Content Security Policy rightly refuses.
    expect(row.locator(".hx-error")).to_contain_text("network")
    page.unroute("**/confirm/")
    page.route("**/confirm/", lambda route: route.fulfill(status=403, body="no"))
    row.get_by_role("button", name="Confirm").click()
    expect(row.locator(".hx-error")).to_contain_text("not allowed")
    shot(page, "error-message")
    assert Event.objects.get(pk=event.pk).status == "proposed"


def test_merge_the_doha_mentions_from_a_suggestion(editor_page, live_server, doha):
    page = editor_page
    first, second = doha["first"], doha["second"]
    page.goto(f"{live_server.url}/review/")
    suggestion = page.locator(f"#review-row-{second.pk} .duplicates form").filter(
        has=page.locator(f"input[name=target][value='{first.pk}']")
    )
    suggestion.get_by_role("button", name="Merge into that one").click()
    page.locator("#review-list > .message").wait_for()
    shot(page, "merged")
    assert "Merged into" in page.locator("#review-list > .message").inner_text()
    assert page.locator(f"#review-row-{second.pk}").count() == 0
    assert page.locator(f"#review-row-{first.pk} .evidence > li").count() == 2
    assert Event.objects.get(pk=first.pk).mentions.count() == 2
    assert js_errors(page) == []


def test_edit_in_the_event_list_refreshes_the_timeline(editor_page, live_server, doha):
    page = editor_page
    event = doha["other"]
    page.goto(f"{live_server.url}/conflicts/{doha['conflict'].slug}/")
    row = page.locator(f"#event-row-{event.pk}")
    row.get_by_role("link", name="Edit").click()
    # A list row is too narrow for the form: it opens in the event panel beside the list.
    form = page.locator("#event-panel form.edit-form")
    form.wait_for()
    form.get_by_label("Title").fill("Prisoners exchanged")
    form.get_by_label("Date", exact=True).fill("2019")
    with page.expect_response(lambda r: f"/conflicts/{doha['conflict'].slug}/" in r.url):
        form.get_by_role("button", name="Save").click()  # HX-Trigger makes the panel reload
    page.locator(f"#event-row-{event.pk}").get_by_text("Prisoners exchanged").wait_for()
    page.locator("#event-panel .notice").get_by_text("Saved.").wait_for()
    shot(page, "list-edit-saved")
    assert "2019" in page.locator(f"#event-row-{event.pk}").inner_text()
    assert js_errors(page) == []
