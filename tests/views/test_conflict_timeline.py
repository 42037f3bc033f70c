"""The timeline page: full page and htmx partial, filters as permalinks, escaping, queries."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tests.factories import ConflictFactory
from tests.reader_helpers import XSS_TITLES, figure_of, many_events, reader_conflict
from timeline import charts

pytestmark = pytest.mark.django_db

HX = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "timeline-panel"}


@pytest.fixture
def data():
    return reader_conflict()


def url(**params) -> str:
    base = reverse("conflict_detail", kwargs={"slug": "afghanistan"})
    if not params:
        return base
    from urllib.parse import urlencode

    return f"{base}?{urlencode(params, doseq=True)}"


def listed_titles(html: str) -> list[str]:
    return re.findall(r'<tr id="event-row-\d+".*?data-event-pk="\d+"[^>]*>(.*?)</a>', html, re.S)


def test_full_page_has_form_chart_list_and_scripts(client, data):
    response = client.get(url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" in html
    assert 'id="timeline-filters"' in html and 'method="get"' in html
    # The server pushes the canonical permalink (HX-Push-Url), not the form's raw URL.
    assert "hx-push-url" not in html and 'hx-target="#timeline-panel"' in html
    assert 'id="timeline-panel"' in html and 'id="event-panel"' in html
    assert "vendor/plotly/plotly.min.js" in html and "timeline/js/timeline.js" in html
    # No inline script: only src= scripts and the JSON data block.
    for tag in re.findall(r"<script[^>]*>", html):
        assert "src=" in tag or 'type="application/json"' in tag, tag
    assert "HX-Request" in response["Vary"] and "HX-Target" in response["Vary"]
    figure = figure_of(html)
    assert figure["layout"]["yaxis"]["ticktext"] == [
        "Talks",
        "Violence",
        "Prisoner release",
        "Statement",
    ]


def test_partial_is_the_panel_alone(client, data):
    response = client.get(url(), **HX)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<section id="timeline-panel"')
    assert "<html" not in html and 'id="timeline-filters"' not in html
    assert figure_of(html)["data"]
    assert response["HX-Push-Url"] == url()


def test_the_pushed_address_is_the_canonical_permalink(client, data):
    # However the request spelled the view (empty fields, default values, any order), the
    # address bar gets one canonical form of it.
    raw = url(q="", min_sources="1", lanes="category", category=["violence", "talks"], event="")
    response = client.get(raw, **HX)
    assert response["HX-Push-Url"] == url(category=["talks", "violence"])


def test_an_htmx_request_without_a_known_target_gets_the_whole_page(client, data):
    response = client.get(url(), HTTP_HX_REQUEST="true", HTTP_HX_TARGET="somewhere-else")
    assert "<html" in response.content.decode()


def test_panel_reloads_itself_when_an_editor_saves(client, data, monkeypatch):
    from timeline.selectors import reader

    monkeypatch.setattr(reader, "EVENT_PAGE_SIZE", 2)
    html = client.get(url(q="a", page=2), **HX).content.decode()
    assert 'hx-trigger="timeline-changed from:body"' in html
    assert 'hx-get="/conflicts/afghanistan/?q=a&amp;page=2"' in html
    # The reload replaces the history entry instead of adding one.
    refresh = client.get(url(q="a", page=2), **HX, HTTP_HX_TRIGGER="timeline-refresh")
    assert refresh["HX-Replace-Url"] == url(q="a", page=2) and "HX-Push-Url" not in refresh


def test_history_restore_gets_the_whole_page(client, data):
    response = client.get(url(), HTTP_HX_REQUEST="true", HTTP_HX_HISTORY_RESTORE_REQUEST="true")
    assert "<html" in response.content.decode()


def test_list_shows_dates_at_their_precision_and_hides_rejected(client, data):
    html = client.get(url()).content.decode()
    assert ">28 Feb 2021<" in html
    assert ">Sep 2020<" in html and "1 Sep 2020" not in html
    assert ">early Feb 2021<" in html
    assert "A wrongly extracted event" not in html
    assert f'id="event-row-{data["talks"].pk}"' in html


def test_filters_come_back_filled_in_and_filter_the_list(client, data):
    html = client.get(
        url(category="statement", actor=data["taliban"].pk, q="stalled", lanes="actor")
    ).content.decode()
    assert listed_titles(html) == ["Talks stalled"]
    assert 'value="statement" checked' in html
    assert f'value="{data["taliban"].pk}" checked' in html
    assert 'value="stalled"' in html
    assert 'value="actor" checked' in html
    assert figure_of(html)["layout"]["yaxis"]["ticktext"] == ["Taliban"]


def test_zoom_window_is_part_of_the_permalink(client, data):
    html = client.get(url(**{"from": "2021-01-01", "to": "2021-03-31"})).content.decode()
    assert "Talks stalled" not in listed_titles(html)
    assert 'name="from" value="2021-01-01"' in html and 'name="to" value="2021-03-31"' in html
    assert figure_of(html)["layout"]["xaxis"]["range"] == ["2021-01-01", "2021-04-01"]
    assert "Clear the dates" in html


@pytest.mark.parametrize(
    "params",
    [
        {"from": "not-a-date", "to": "2021-13-45"},
        {"category": "bogus", "actor": "x", "status": "rejected", "min_sources": "-3"},
        {"page": "999999", "lanes": "nonsense"},
    ],
)
def test_hand_edited_permalinks_still_open(client, data, params):
    response = client.get(url(**params))
    assert response.status_code == 200
    assert "A wrongly extracted event" not in response.content.decode()


def test_reversed_window_is_swapped(client, data):
    html = client.get(url(**{"from": "2021-03-31", "to": "2021-01-01"})).content.decode()
    assert 'name="from" value="2021-01-01"' in html


def test_open_event_in_the_permalink_renders_its_panel(client, data):
    html = client.get(url(event=data["stalled"].pk)).content.decode()
    assert '<article id="event-panel"' in html
    assert "<mark>September last year</mark>" in html
    assert f'name="event" value="{data["stalled"].pk}"' in html
    # A rejected or foreign event in the link just leaves the panel empty.
    html = client.get(url(event=data["rejected"].pk)).content.decode()
    assert '<article id="event-panel"' not in html and 'id="event-panel"' in html


def test_pagination_links_keep_the_filters(client, data, monkeypatch):
    from timeline.selectors import reader

    monkeypatch.setattr(reader, "EVENT_PAGE_SIZE", 2)
    html = client.get(url(q="a", page=2)).content.decode()
    # The first page is the view without a page number: one address per view.
    assert 'href="/conflicts/afghanistan/?q=a"' in html and "?q=a&amp;page=3" in html
    assert 'hx-target="#timeline-panel"' in html


def test_opening_an_event_swaps_the_panel_and_pushes_its_permalink(client, data):
    pk = data["stalled"].pk
    html = client.get(url()).content.decode()
    # Each row's link is the view with that event open (works without JavaScript too).
    assert f'href="/conflicts/afghanistan/?event={pk}"' in html
    figure = figure_of(html)
    # The chart gets the same address once, as the prefix of every event's key.
    prefix = figure["layout"]["meta"]["event_url"]
    assert pk in {row[0] for trace in figure["data"] for row in trace["customdata"]}
    assert f"{prefix}{pk}" == f"/conflicts/afghanistan/?event={pk}"
    html = client.get(url(category="statement", lanes="actor")).content.decode()
    prefix = figure_of(html)["layout"]["meta"]["event_url"]
    assert f"{prefix}{pk}" == url(category="statement", lanes="actor", event=pk)
    response = client.get(
        url(category="statement", event=pk), HTTP_HX_REQUEST="true", HTTP_HX_TARGET="event-panel"
    )
    body = response.content.decode()
    assert body.lstrip().startswith('<article id="event-panel"')
    assert 'id="filter-event" form="timeline-filters" hx-swap-oob="true"' in body
    assert response["HX-Push-Url"] == url(category="statement", event=pk)
    # Its close button asks for the same view without the event.
    assert 'hx-get="/conflicts/afghanistan/?category=statement"' in body
    closed = client.get(
        url(category="statement"), HTTP_HX_REQUEST="true", HTTP_HX_TARGET="event-panel"
    )
    assert 'class="event-panel placeholder"' in closed.content.decode()
    assert closed["HX-Push-Url"] == url(category="statement")


@pytest.mark.parametrize("title", XSS_TITLES)
def test_hostile_titles_are_text_in_the_list_and_the_figure(client, data, title):
    html = client.get(url()).content.decode()
    assert title not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    figure = figure_of(html)
    hover_titles = [c[1] for trace in figure["data"] for c in trace["customdata"]]
    assert charts.plotly_text(title) in hover_titles
    assert title not in hover_titles


def test_unknown_conflict_is_404(client, db):
    assert client.get(reverse("conflict_detail", kwargs={"slug": "nope"})).status_code == 404


def test_only_get(client, data):
    assert client.post(url()).status_code == 405


@pytest.mark.parametrize("n_events", [5, 80])
@pytest.mark.parametrize("headers", [{}, HX], ids=["page", "partial"])
def test_query_count_is_bounded_whatever_the_number_of_events(
    client, n_events, headers, django_assert_max_num_queries
):
    conflict = ConflictFactory(slug="afghanistan")
    many_events(conflict, n_events)
    with django_assert_max_num_queries(8):
        assert client.get(url(lanes="actor"), **headers).status_code == 200


def test_large_views_send_counts_and_stay_small(client, monkeypatch, django_assert_max_num_queries):
    monkeypatch.setattr(charts, "EVENT_LIMIT", 20)
    conflict = ConflictFactory(slug="afghanistan")
    many_events(conflict, 60)
    with django_assert_max_num_queries(8):
        html = client.get(url()).content.decode()
    figure = figure_of(html)
    assert figure["data"][0]["type"] == "heatmap"
    assert "zoom in for events" in html
    assert len(html) < 100_000
