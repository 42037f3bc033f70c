"""The home page: conflicts with counts, span and activity strip; search; pagination."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import ConflictFactory
from tests.reader_helpers import XSS_TITLES, many_events, reader_conflict

pytestmark = pytest.mark.django_db

HX = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "conflict-list"}


def test_full_page_lists_conflicts_with_counts_span_and_strip(client):
    reader_conflict()
    ConflictFactory(name="Colombia: government and FARC", slug="colombia")
    response = client.get(reverse("home"))
    html = response.content.decode()
    assert response.status_code == 200 and "<html" in html
    assert "Afghan peace process" in html and "Colombia" in html
    # Five public events (the rejected one is not counted), Sep 2020 to Feb 2021.
    assert "<strong>5</strong> events · Sep 2020 – Feb 2021" in html
    assert '<svg viewBox="0 0 100 20"' in html and "<path d=" in html
    assert 'action="/compare/"' in html


def test_search_partial(client):
    reader_conflict()
    ConflictFactory(name="Colombia: government and FARC", slug="colombia")
    response = client.get(reverse("home"), {"q": "colomb"}, **HX)
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="conflict-list"')
    assert "<html" not in html
    assert "Colombia" in html and "Afghan" not in html


def test_no_match_says_so(client, db):
    html = client.get(reverse("home"), {"q": "<b>nothing</b>"}).content.decode()
    assert "No conflict matches “&lt;b&gt;nothing&lt;/b&gt;”" in html


def test_hostile_conflict_name_is_text(client, db):
    ConflictFactory(name=XSS_TITLES[0], summary=XSS_TITLES[1])
    html = client.get(reverse("home")).content.decode()
    assert XSS_TITLES[0] not in html and XSS_TITLES[1] not in html


def test_pagination(client, db, monkeypatch):
    from timeline import selectors

    monkeypatch.setattr(selectors.reader, "CONFLICT_PAGE_SIZE", 2)
    for i in range(5):
        ConflictFactory(name=f"Conflict {i}")
    html = client.get(reverse("home"), {"page": 2}).content.decode()
    assert "Conflict 2" in html and "Conflict 0" not in html
    assert "Page 2 of 3" in html


@pytest.mark.parametrize("headers", [{}, HX], ids=["page", "partial"])
def test_query_count_is_bounded(client, db, headers, django_assert_max_num_queries):
    for i in range(3):
        many_events(ConflictFactory(), 10 * (i + 1))
    with django_assert_max_num_queries(5):
        assert client.get(reverse("home"), **headers).status_code == 200
