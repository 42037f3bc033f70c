"""The comparison page: conflicts one above the other, on the calendar or aligned."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from tests.factories import ConflictFactory
from tests.reader_helpers import (
    XSS_TITLES,
    colombia_talks,
    figure_of,
    many_events,
    reader_conflict,
)

pytestmark = pytest.mark.django_db

HX = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "compare-panel"}


@pytest.fixture
def two():
    return reader_conflict(), colombia_talks()


def test_full_page_on_the_calendar(client, two):
    response = client.get(reverse("compare"), {"c": ["afghanistan", "colombia"]})
    html = response.content.decode()
    assert response.status_code == 200 and "<html" in html
    assert 'id="compare-form"' in html and 'id="compare-panel"' in html
    figure = figure_of(html, "compare-figure")
    assert figure["layout"]["yaxis"]["ticktext"] == ["Afghan peace process", "Colombia"]
    assert figure["layout"]["xaxis"]["type"] == "date"


def test_partial_aligned_on_first_talks(client, two):
    response = client.get(
        reverse("compare"), {"c": ["afghanistan", "colombia"], "align": "talks"}, **HX
    )
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="compare-panel"')
    assert "<html" not in html
    assert "first talks Aug 2012" in html and "first talks Feb 2021" in html
    figure = figure_of(html, "compare-figure")
    assert figure["layout"]["xaxis"]["type"] == "linear"
    assert "months since first talks" in figure["layout"]["xaxis"]["title"]["text"]


def test_unknown_slugs_are_reported_and_nothing_selected_invites_a_choice(client, two):
    html = client.get(reverse("compare"), {"c": ["nope"]}).content.decode()
    assert "Unknown conflict: nope" in html
    html = client.get(reverse("compare")).content.decode()
    assert "Tick two or more conflicts" in html


def test_hostile_titles_are_escaped_in_the_figure(client, two):
    html = client.get(reverse("compare"), {"c": ["afghanistan"]}).content.decode()
    for title in XSS_TITLES:
        assert title not in html
    text = json.dumps(figure_of(html, "compare-figure"))
    assert "<img" not in text and 'javascript:alert(1)\\">' not in text


@pytest.mark.parametrize("headers", [{}, HX], ids=["page", "partial"])
@pytest.mark.parametrize("n_events", [3, 60])
def test_query_count_is_bounded(client, db, headers, n_events, django_assert_max_num_queries):
    slugs = []
    for _ in range(3):
        conflict = ConflictFactory()
        many_events(conflict, n_events)
        slugs.append(conflict.slug)
    with django_assert_max_num_queries(6):
        response = client.get(reverse("compare"), {"c": slugs, "align": "other"}, **headers)
    assert response.status_code == 200
