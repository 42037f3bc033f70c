"""The readers' and editors' side of the event layer, each view in its full and partial
rendering: what happened, background and the core span, key events, why a sentence joined
its event, and the editors' factuality, scope and key-event flag."""
# ruff: noqa: F811 - pytest fixtures imported from tests.editorial_helpers

from __future__ import annotations

import re
from urllib.parse import urlencode

import pytest
from django.urls import reverse

from tests.editorial_helpers import (  # noqa: F401
    client_for,
    edit_data,
    editor,
    editor_b,
    hx,
    mention_in,
)
from tests.factories import ActorFactory, ArticleFactory, ConflictFactory, EventFactory
from tests.reader_helpers import D, colombia_talks, day_event, figure_of, year_event
from timeline.models import Event

pytestmark = pytest.mark.django_db


def url(**params) -> str:
    base = reverse("conflict_detail", kwargs={"slug": "afghanistan"})
    return f"{base}?{urlencode(params, doseq=True)}" if params else base


@pytest.fixture
def story():
    """The Doha agreement told by two articles (the second joined the first's event, one
    of its sentences dated by its article), a planned withdrawal, talks that did not
    happen, and the Taliban's first rule as background."""
    conflict = ConflictFactory(slug="afghanistan", name="Afghan peace process")
    taliban, usa = ActorFactory(name="Taliban"), ActorFactory(name="United States")
    conflict.actors.add(taliban, usa)
    first = ArticleFactory(
        conflict=conflict, title="Deal signed in Doha", published=D(2020, 2, 29), body="a"
    )
    second = ArticleFactory(
        conflict=conflict, title="What the deal says", published=D(2020, 3, 1), body="b"
    )
    deal = day_event(
        conflict,
        D(2020, 2, 29),
        title="US and Taliban sign agreement in Doha",
        summary="The United States and the Taliban signed an agreement in Doha on Saturday.",
        category="agreement",
        importance=0.95,
        source_count=2,
    )
    deal.actors.add(taliban, usa)
    mention_in(
        deal,
        first,
        "The United States and the Taliban signed an agreement in Doha on Saturday.",
        "on Saturday",
        key="first",
    )
    mention_in(
        deal,
        second,
        "The deal signed on 29 February sets a withdrawal by 10 October.",
        "29 February",
        join_score=0.82,
        join_reasons=["same day", "agreement", "Taliban + United States"],
        context=[
            {
                "text": "10 October",
                "start": 52,
                "end": 62,
                "value": "2020-10-10",
                "display": "10 Oct 2020",
            }
        ],
        key="second",
    )
    # Reported in the present: no expression, dated by its article.
    mention_in(
        deal,
        second,
        "Both sides call the deal a first step.",
        "",
        at=100,
        rule="article date",
        anchor_kind="published",
        explanation="reported in the present with no date of its own: dated by its article",
        factuality="expected",
        join_score=0.77,
        join_reasons=["same day", "words: deal"],
        key="present",
    )
    withdrawal = day_event(
        conflict,
        D(2021, 5, 1),
        title="All US troops to leave by May",
        category="withdrawal",
        factuality="planned",
        importance=0.6,
    )
    called_off = day_event(
        conflict,
        D(2019, 9, 8),
        title="Camp David talks",
        category="talks",
        factuality="not_happened",
        importance=0.4,
    )
    history = year_event(
        conflict,
        1996,
        title="Taliban rule Afghanistan",
        category="government",
        scope="background",
        importance=0.2,
    )
    return {
        "conflict": conflict,
        "deal": deal,
        "withdrawal": withdrawal,
        "called_off": called_off,
        "history": history,
    }


# --- The timeline ---------------------------------------------------------------------------


def test_the_list_names_every_non_fact_and_marks_background(client, story):
    html = client.get(url()).content.decode()
    row = re.search(rf'<tr id="event-row-{story["withdrawal"].pk}".*?</tr>', html, re.S).group(0)
    assert '<span class="fact fact-planned"' in row and ">planned</span>" in row
    row = re.search(rf'<tr id="event-row-{story["called_off"].pk}".*?</tr>', html, re.S).group(0)
    assert ">did not happen</span>" in row
    row = re.search(rf'<tr id="event-row-{story["deal"].pk}".*?</tr>', html, re.S).group(0)
    assert 'class="fact' not in row and '<td class="num">2</td>' in row
    row = re.search(rf'<tr id="event-row-{story["history"].pk}".*?</tr>', html, re.S).group(0)
    assert ">background</span>" in row
    # The chart key explains the rings and outlined bars.
    assert 'class="key-ring"' in html and 'class="key-bar outlined"' in html
    assert "not a fact: planned, a deadline, expected or did not happen" in html


@pytest.mark.parametrize("headers", [{}, hx("timeline-panel")], ids=["page", "partial"])
def test_only_what_happened(client, story, headers):
    response = client.get(url(facts="1"), **headers)
    html = response.content.decode()
    assert "US and Taliban sign agreement in Doha" in html
    assert "All US troops to leave by May" not in html and "Camp David talks" not in html
    assert ", only what happened" in html
    if headers:
        assert response["HX-Push-Url"] == url(facts=1)
    else:
        assert 'name="facts" value="1" checked' in html


@pytest.mark.parametrize("headers", [{}, hx("timeline-panel")], ids=["page", "partial"])
def test_the_chart_opens_on_the_core_span_and_offers_the_whole_span(client, story, headers):
    html = client.get(url(), **headers).content.decode()
    note = re.search(r'<p class="span-note".*?</p>', html, re.S).group(0)
    assert "The chart opens on the core span, Sep 2019 – May 2021" in note
    assert "1 background event (history the articles recall) lies outside it" in note
    assert 'href="/conflicts/afghanistan/?from=1996-01-01&amp;to=2021-05-01"' in note
    assert 'data-set-window data-from="1996-01-01" data-to="2021-05-01"' in note
    lo, hi = figure_of(html)["layout"]["xaxis"]["range"]
    assert "2019-08" < lo < "2019-09-08" and "2021-05-02" < hi < "2021-07"
    # The background event stays in the list.
    assert f'id="event-row-{story["history"].pk}"' in html
    # Widened to the whole span, the note goes and the window is in the permalink.
    wide = client.get(url(**{"from": "1996-01-01", "to": "2021-05-01"}), **headers)
    assert 'class="span-note"' not in wide.content.decode()
    assert "Clear the dates" in wide.content.decode()


def test_key_events_full_page_is_a_story_list_with_a_control_in_the_form(client, story):
    html = client.get(url(key=10)).content.decode()
    assert '<select id="filter-key" name="key">' in html
    assert '<option value="10" selected>the 10 most important</option>' in html
    assert '<section class="key-events"' in html and '<table class="event-list">' not in html
    assert "All <strong>4</strong> events, as key events" in html
    stories = re.findall(r'<li class="story[^"]*" id="story-(\d+)">(.*?)</li>', html, re.S)
    # In date order by default.
    assert [int(pk) for pk, _ in stories] == [
        story["history"].pk,
        story["called_off"].pk,
        story["deal"].pk,
        story["withdrawal"].pk,
    ]
    deal = dict((int(pk), body) for pk, body in stories)[story["deal"].pk]
    assert '<span class="date precision-day">29 Feb 2020</span>' in deal
    assert "swatch cat-agreement" in deal and "2 sources" in deal
    assert "signed an agreement in Doha on Saturday." in deal
    panel = f"/conflicts/afghanistan/?key=10&amp;event={story['deal'].pk}"
    assert f'href="{panel}" hx-get="{panel}"' in deal
    withdrawal = dict((int(pk), body) for pk, body in stories)[story["withdrawal"].pk]
    assert ">planned</span>" in withdrawal
    assert '<a href="/conflicts/afghanistan/?key=10&amp;sort=importance"' in html


def test_key_events_partial_sorted_by_importance_and_capped(client, story):
    response = client.get(
        url(key=5, sort="importance", category=["agreement", "withdrawal", "talks"]),
        **hx("timeline-panel"),
    )
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="timeline-panel"')
    assert response["HX-Push-Url"] == url(
        category=["talks", "agreement", "withdrawal"], key=5, sort="importance"
    )
    order = [int(pk) for pk in re.findall(r'id="story-(\d+)"', html)]
    assert order == [story["deal"].pk, story["withdrawal"].pk, story["called_off"].pk]
    assert '<ol class="story-list ranked"' in html
    # The order travels with the filter form.
    assert '<input type="hidden" name="sort" value="importance" form="timeline-filters">' in html
    # Only the key events are drawn.
    drawn = sorted(r[0] for t in figure_of(html)["data"] for r in t["customdata"])
    assert drawn == sorted(order)


def test_key_events_show_the_n_most_important_of_many(client, story):
    for i in range(12):
        day = D(2020, 6, 1 + i)
        EventFactory(
            conflict=story["conflict"],
            date_value=day.isoformat(),
            date_start=day,
            date_end=day,
            importance=0.01 * i,
        )
    html = client.get(url(key=5), **hx("timeline-panel")).content.decode()
    assert "The <strong>5</strong> most important of 16 events" in html
    assert len(re.findall(r'id="story-\d+"', html)) == 5
    assert sum(len(t["customdata"]) for t in figure_of(html)["data"]) == 5


@pytest.mark.parametrize("headers", [{}, hx("timeline-panel")], ids=["page", "partial"])
@pytest.mark.parametrize("query", [{"key": 10}, {"key": 50, "sort": "importance", "facts": 1}])
def test_key_events_query_count_is_bounded(client, headers, query, django_assert_max_num_queries):
    conflict = ConflictFactory(slug="afghanistan")
    actor = ActorFactory()
    for i in range(60):
        day = D(2020, 1, 1)
        event = EventFactory(
            conflict=conflict,
            date_value=day.isoformat(),
            date_start=day,
            date_end=day,
            importance=i / 60,
        )
        event.actors.add(actor)
    with django_assert_max_num_queries(6):
        assert client.get(url(lanes="actor", **query), **headers).status_code == 200


# --- The event panel and page ---------------------------------------------------------------


@pytest.mark.parametrize("headers", [{}, hx("event-panel")], ids=["page", "partial"])
def test_event_shows_sources_sentences_and_why_each_sentence_joined(client, story, headers):
    response = client.get(reverse("event_detail", args=[story["deal"].pk]), **headers)
    html = response.content.decode()
    assert ("<html" in html) is not bool(headers)
    assert "<strong>2</strong> independent sources" in html and "3 sentences" in html
    joins = re.findall(r'<p class="join"[^>]*>(.*?)</p>', html)
    assert joins == [
        "first report",
        "joined: same day · agreement · Taliban + United States · 0.82",
        "joined: same day · words: deal · 0.77",
    ]
    assert "Also in this sentence: 10 October (10 Oct 2020)" in html
    # The sentence dated by its article: a trail that says so, no empty highlight.
    assert "<mark></mark>" not in html and "<q></q>" not in html
    present = "Both sides call the deal a first step."
    assert f'<blockquote dir="auto" lang="en">{present}</blockquote>' in html
    assert "Dated by its article:" in html and "publication date, 1 Mar 2020" in html
    # What that sentence says differs from the event: said, once.
    facts = re.findall(r'<p class="mention-fact">(.*?)</p>', html, re.S)
    assert len(facts) == 1 and ">expected</span>" in facts[0]


def test_a_non_fact_events_panel_says_so(client, story):
    html = client.get(
        reverse("event_detail", args=[story["withdrawal"].pk]), **hx("event-panel")
    ).content.decode()
    assert '<p class="panel-flags"><span class="fact fact-planned">planned</span>' in html


# --- The review queue -----------------------------------------------------------------------


@pytest.mark.parametrize("headers", [{}, hx("review-list")], ids=["page", "partial"])
def test_review_queue_shows_join_reasons_and_factuality(story, editor, headers):
    html = client_for(editor).get(reverse("review"), **headers).content.decode()
    assert ("<html" in html) is not bool(headers)
    assert "joined: same day · agreement · Taliban + United States · 0.82" in html
    assert "first report" in html
    assert '<span class="fact fact-planned">planned</span>' in html
    assert '<span class="fact fact-not_happened">did not happen</span>' in html
    assert "2 independent sources" in html
    assert "Dated by its article (reported in the present, no date of its own)" in html
    assert "<mark></mark>" not in html


# --- Editors: factuality, scope, key event ------------------------------------------------


@pytest.mark.parametrize("headers", [{}, hx("event-panel")], ids=["page", "partial"])
def test_edit_form_has_factuality_scope_and_key_event(story, editor, headers):
    event = story["withdrawal"]
    html = (
        client_for(editor).get(reverse("event_edit", args=[event.pk]), **headers).content.decode()
    )
    assert ('<article id="event-panel"' in html) is bool(headers)
    assert re.search(r'<select name="factuality"[^>]*>', html)
    assert '<option value="planned" selected>Planned</option>' in html
    assert '<option value="core" selected>Core</option>' in html
    assert re.search(r'<input type="checkbox" name="is_key"[^>]*>', html)
    assert "checked" not in re.search(r'<input type="checkbox" name="is_key"[^>]*>', html).group(0)


def test_saving_factuality_scope_and_key_marks_them_as_the_editors(story, editor):
    event = story["withdrawal"]
    response = client_for(editor).post(
        reverse("event_edit", args=[event.pk]),
        edit_data(event, factuality="not_happened", scope="background", is_key="on"),
        **hx("event-panel"),
    )
    assert response.status_code == 200 and response["HX-Trigger"] == "timeline-changed"
    event.refresh_from_db()
    assert (event.factuality, event.scope, event.is_key) == ("not_happened", "background", True)
    assert set(event.editor_fields) == {"factuality", "key", "scope"}
    # The panel it answers with shows the new values.
    html = response.content.decode()
    assert ">did not happen</span>" in html and ">key event</span>" in html


def test_unticking_key_event_is_a_change_too(story, editor):
    event = story["deal"]
    Event.objects.filter(pk=event.pk).update(is_key=True)
    event.refresh_from_db()
    data = edit_data(event)
    del data["is_key"]
    client_for(editor).post(reverse("event_edit", args=[event.pk]), data, **hx("event-panel"))
    event.refresh_from_db()
    assert event.is_key is False and event.editor_fields == ["key"]


def test_a_post_without_factuality_and_scope_keeps_them(story, editor):
    event = story["withdrawal"]
    data = edit_data(event, summary="By 1 May 2021.")
    del data["factuality"], data["scope"]
    client_for(editor).post(reverse("event_edit", args=[event.pk]), data, **hx("event-panel"))
    event.refresh_from_db()
    assert (event.factuality, event.scope, event.editor_fields) == ("planned", "core", ["summary"])


def test_conflicting_saves_list_factuality_scope_and_key(story, editor, editor_b):
    event = story["withdrawal"]
    stale = edit_data(event, factuality="deadline", is_key="on")
    client_for(editor).post(
        reverse("event_edit", args=[event.pk]),
        edit_data(event, factuality="not_happened", scope="background"),
        **hx("event-panel"),
    )
    response = client_for(editor_b).post(
        reverse("event_edit", args=[event.pk]), stale, **hx("event-panel")
    )
    assert response.status_code == 409
    rows = dict(
        (label, (theirs, mine))
        for label, theirs, mine in re.findall(
            r'<th scope="row">(.*?)</th><td class="theirs">(.*?)</td><td class="mine">(.*?)</td>',
            response.content.decode(),
        )
    )
    assert rows["What the sources say"] == ("Did not happen", "Deadline")
    assert rows["Scope"] == ("Background", "Core")
    assert rows["Key event"] == ("no", "yes")
    event.refresh_from_db()
    assert (event.factuality, event.is_key) == ("not_happened", False)


# --- Home and comparison ----------------------------------------------------------------------


@pytest.mark.parametrize("headers", [{}, hx("conflict-list")], ids=["page", "partial"])
def test_home_card_spans_the_core_only(client, story, headers):
    html = client.get(reverse("home"), **headers).content.decode()
    # Four events, background included; the span from the core events (Sep 2019 - May 2021).
    assert "<strong>4</strong> events · Sep 2019 – May 2021" in html
    assert "1996" not in html


@pytest.mark.parametrize("headers", [{}, hx("compare-panel")], ids=["page", "partial"])
def test_comparison_aligns_on_talks_that_happened(client, story, headers):
    colombia_talks()
    day_event(story["conflict"], D(2019, 10, 5), category="talks")
    response = client.get(
        reverse("compare"), {"c": ["afghanistan", "colombia"], "align": "talks"}, **headers
    )
    html = response.content.decode()
    # The Camp David talks of Sep 2019 did not happen: the clock starts in Oct 2019.
    assert "first talks Oct 2019" in html and "first talks Sep 2019" not in html
    assert "first talks Aug 2012" in html
    calendar = client.get(reverse("compare"), {"c": ["afghanistan", "colombia"]}, **headers)
    lo, hi = figure_of(calendar.content.decode(), "compare-figure")["layout"]["xaxis"]["range"]
    # From the core events only: 2012 to 2021, not back to 1996.
    assert "2012-06" < lo < "2012-08-27" and "2021-05-02" < hi < "2022"
