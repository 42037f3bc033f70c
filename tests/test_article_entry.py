"""Article entry through the admin: the add flow, bad input, re-extraction, event lists."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import ArticleFactory, ConflictFactory, EventFactory, MentionFactory
from timeline.models import Article, Event

pytestmark = pytest.mark.django_db

TEXT = (
    "The envoy said on Sunday that talks would resume in Doha. "
    "The agreement was signed in February 2020, and troops are to leave by May."
)


@pytest.fixture
def conflict():
    return ConflictFactory(name="Afghan peace process", slug="afghanistan")


def _post(admin_client, conflict, **overrides):
    data = {
        "conflict": conflict.pk,
        "title": "Envoy to resume talks",
        "outlet": "Test Wire",
        "url": "",
        "published": "2021-02-28",
        "language": "en",
        "body": TEXT,
    }
    data.update(overrides)
    return admin_client.post(reverse("admin:timeline_article_add"), data)


def test_adding_an_article_runs_extraction_and_shows_proposed_events(admin_client, conflict):
    response = _post(admin_client, conflict)
    assert response.status_code == 302, response.content.decode()[:2000]
    article = Article.objects.get()
    assert article.extraction_status == Article.ExtractionStatus.DONE
    assert article.created_by.is_superuser
    values = set(Event.objects.values_list("date_value", flat=True))
    assert {"2021-02-28", "2020-02", "2021-05"} <= values

    page = admin_client.get(reverse("admin:timeline_article_change", args=[article.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert "proposed events" in html.lower()
    assert "<mark>February 2020</mark>" in html
    assert "Feb 2020" in html
    assert "published 2021-02-28" in html  # the resolution trail


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"body": "   \n  "}, "body", "The article text is empty"),
        ({"published": ""}, "published", "Give the publication date"),
        ({"title": ""}, "title", "This field is required"),
        ({"url": "not a url"}, "url", "Enter a valid URL"),
    ],
)
def test_bad_input_gets_a_form_error_and_stores_nothing(
    admin_client, conflict, overrides, field, message
):
    response = _post(admin_client, conflict, **overrides)
    assert response.status_code == 200
    assert message in str(response.context["adminform"].form.errors[field])
    assert not Article.objects.exists()
    assert not Event.objects.exists()


def test_publication_date_in_the_future_is_refused(admin_client, conflict):
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    response = _post(admin_client, conflict, published=tomorrow.isoformat())
    assert "in the future" in str(response.context["adminform"].form.errors["published"])
    assert not Article.objects.exists()


def test_text_over_one_megabyte_is_refused(admin_client, conflict):
    response = _post(admin_client, conflict, body="peace " * 200_000)
    assert "limit is 1,000,000" in str(response.context["adminform"].form.errors["body"])
    assert not Article.objects.exists()


def test_duplicate_url_error_links_the_existing_article(admin_client, conflict):
    existing = ArticleFactory(conflict=conflict, url="https://example.org/a", title="First")
    response = _post(admin_client, conflict, url="https://example.org/a")
    errors = str(response.context["adminform"].form.errors["url"])
    assert "already stored" in errors
    assert reverse("admin:timeline_article_change", args=[existing.pk]) in errors
    assert Article.objects.count() == 1


def test_duplicate_content_is_refused_even_with_other_whitespace(admin_client, conflict):
    _post(admin_client, conflict)
    response = _post(admin_client, conflict, body=TEXT.replace(" ", "  ").upper())
    assert "already stored" in str(response.context["adminform"].form.errors["body"])
    assert Article.objects.count() == 1


def test_control_characters_are_stripped_on_entry(admin_client, conflict):
    _post(admin_client, conflict, body="Talks\x00 resumed\x0b on Sunday.\x1f")
    assert Article.objects.get().body == "Talks resumed on Sunday."


def test_reextract_action_reports_per_article(admin_client, conflict):
    _post(admin_client, conflict)
    article = Article.objects.get()
    count = Event.objects.count()
    response = admin_client.post(
        reverse("admin:timeline_article_changelist"),
        {"action": "reextract", "_selected_action": [article.pk]},
        follow=True,
    )
    assert response.status_code == 200
    assert "0 new events" in response.content.decode()
    assert Event.objects.count() == count


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?status__exact=proposed",
        "?category__exact=talks",
        "?date_precision__exact=day",
        "?q=Doha",
        "?date_start__year=2021",
    ],
)
def test_event_list_filters_search_and_date_hierarchy(admin_client, query):
    mention = MentionFactory(sentence="Talks resumed in Doha on Sunday.")
    response = admin_client.get(reverse("admin:timeline_event_changelist") + query)
    assert response.status_code == 200
    assert mention.event.title in response.content.decode()


def test_admin_event_edit_marks_the_field_as_editor_set(admin_client):
    event = EventFactory(title="Old")
    data = {
        "conflict": event.conflict.pk,
        "title": "New title",
        "summary": "",
        "category": event.category,
        "places": "[]",
        "date_value": event.date_value,
        "date_mod": "",
        "date_precision": event.date_precision,
        "date_start": event.date_start.isoformat(),
        "date_end": event.date_end.isoformat(),
        "status": event.status,
        "mentions-TOTAL_FORMS": "0",
        "mentions-INITIAL_FORMS": "0",
    }
    response = admin_client.post(reverse("admin:timeline_event_change", args=[event.pk]), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    event.refresh_from_db()
    assert event.title == "New title"
    assert event.editor_fields == ["title"]
    assert event.version == 2


def test_change_page_keeps_the_publication_date_in_the_date_input(admin_client):
    # A browser's <input type=date> only accepts ISO dates; a localised value shows blank
    # and the next save would lose the anchor of every relative date.
    article = ArticleFactory(published=dt.date(2021, 2, 28))
    html = admin_client.get(
        reverse("admin:timeline_article_change", args=[article.pk])
    ).content.decode()
    assert 'type="date"' in html
    assert 'value="2021-02-28"' in html


def test_an_event_added_in_the_admin_goes_through_the_service_and_is_the_admins(
    admin_client, conflict
):
    data = {
        "conflict": conflict.pk,
        "title": "Envoy appointed",
        "summary": "",
        "category": "mediation",
        "places": "[]",
        "date_value": "2018-09",
        "date_mod": "",
        "date_precision": "month",
        "date_start": "2018-09-01",
        "date_end": "2018-09-30",
        "status": "confirmed",
        "mentions-TOTAL_FORMS": "0",
        "mentions-INITIAL_FORMS": "0",
    }
    response = admin_client.post(reverse("admin:timeline_event_add"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    event = Event.objects.get()
    assert (event.title, event.display_date, event.version) == ("Envoy appointed", "Sep 2018", 1)
    # Everything the admin typed is theirs: re-extraction will never rewrite it.
    assert {"title", "category", "date"} <= set(event.editor_fields)
    record = event.history.get()
    assert record.history_user.is_superuser and record.history_change_reason == "added by hand"
