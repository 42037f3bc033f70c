"""Event detail: its own page, and the panel htmx loads beside the chart."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.reader_helpers import reader_conflict

pytestmark = pytest.mark.django_db

HX = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "event-panel"}


@pytest.fixture
def data():
    return reader_conflict()


def test_page_shows_sentence_with_highlighted_expression_and_trail(client, data):
    response = client.get(reverse("event_detail", kwargs={"pk": data["stalled"].pk}))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" in html
    assert "They had stalled in <mark>September last year</mark>" in html
    # The resolution trail: expression + anchor -> date at its precision.
    assert "<q>September last year</q>" in html
    assert "+ published 28 Feb 2021" in html
    assert "<strong>Sep 2020</strong>" in html
    assert 'href="https://example.org/doha"' in html and "Test Wire" in html
    assert "known to the month: 1 Sep 2020 – 30 Sep 2020" in html
    assert "Taliban" in html


def test_partial_is_the_panel_with_its_editor_slot(client, data):
    response = client.get(reverse("event_detail", kwargs={"pk": data["talks"].pk}), **HX)
    html = response.content.decode()
    assert html.lstrip().startswith('<article id="event-panel"')
    assert "<html" not in html
    assert f'data-event-pk="{data["talks"].pk}"' in html
    assert "<mark>on Sunday</mark>" in html
    assert "data-close-panel" in html


def test_rejected_and_missing_events_are_404(client, data):
    assert (
        client.get(reverse("event_detail", kwargs={"pk": data["rejected"].pk})).status_code == 404
    )
    assert client.get(reverse("event_detail", kwargs={"pk": 999999})).status_code == 404


def test_hostile_title_is_text(client, data):
    for event in data["xss"]:
        html = client.get(reverse("event_detail", kwargs={"pk": event.pk})).content.decode()
        assert event.title not in html
        assert "&lt;" in html


def test_query_count(client, data, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        client.get(reverse("event_detail", kwargs={"pk": data["stalled"].pk}), **HX)
