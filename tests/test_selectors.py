"""Reader selectors against the database: filters, lanes, pagination, aggregates, compare."""

from __future__ import annotations

import datetime

import pytest
from django.http import Http404

from tests.factories import ActorFactory, ConflictFactory, EventFactory, MentionFactory
from tests.reader_helpers import day_event
from timeline import charts, selectors
from timeline.models import Event
from timeline.selectors import TimelineFilters, reader

pytestmark = pytest.mark.django_db
D = datetime.date


def month_event(conflict, year, month, **kwargs):
    start = D(year, month, 1)
    end = (start + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)
    return EventFactory(
        conflict=conflict,
        date_value=f"{year}-{month:02d}",
        date_precision=Event.Precision.MONTH,
        date_start=start,
        date_end=end,
        **kwargs,
    )


def pks(timeline):
    return [row.pk for row in timeline.rows]


@pytest.fixture
def conflict():
    return ConflictFactory()


def test_readers_never_see_rejected_events(conflict):
    kept = day_event(conflict, D(2021, 1, 1), status=Event.Status.CONFIRMED)
    proposed = day_event(conflict, D(2021, 1, 2))
    day_event(conflict, D(2021, 1, 3), status=Event.Status.REJECTED)
    timeline = selectors.conflict_timeline(conflict=conflict, filters=TimelineFilters())
    assert pks(timeline) == [kept.pk, proposed.pk]
    asked = TimelineFilters(statuses=("rejected",))
    assert pks(selectors.conflict_timeline(conflict=conflict, filters=asked)) == pks(timeline)
    only = TimelineFilters(statuses=("confirmed",))
    assert pks(selectors.conflict_timeline(conflict=conflict, filters=only)) == [kept.pk]


def test_date_window_keeps_events_whose_interval_overlaps_it(conflict):
    month = month_event(conflict, 2020, 9)
    inside = day_event(conflict, D(2020, 9, 20))
    day_event(conflict, D(2020, 11, 1))
    filters = TimelineFilters(start=D(2020, 9, 15), end=D(2020, 10, 15))
    timeline = selectors.conflict_timeline(conflict=conflict, filters=filters)
    # The month began before the window but overlaps it: it stays, finer dates first.
    assert pks(timeline) == [month.pk, inside.pk]
    assert timeline.figure["layout"]["xaxis"]["range"] == ["2020-09-15", "2020-10-16"]


def test_filters_by_category_actor_text_and_sources(conflict):
    taliban = ActorFactory(name="Taliban")
    # Two articles of one story family (a wire copy): one independent source.
    talks = day_event(
        conflict, D(2021, 1, 1), title="Talks in Doha", category="talks", source_count=1
    )
    talks.actors.add(taliban)
    MentionFactory(event=talks)
    MentionFactory(event=talks, article__body="The same wire story, reprinted.")
    violence = day_event(
        conflict, D(2021, 1, 2), title="Attack in Kabul", category="violence", source_count=2
    )
    MentionFactory(event=violence)
    MentionFactory(
        event=violence,
        expression_start=0,
        expression_end=5,
        article__body="A different article about the attack.",
    )

    def run(**kwargs):
        return pks(
            selectors.conflict_timeline(conflict=conflict, filters=TimelineFilters(**kwargs))
        )

    assert run(categories=("violence",)) == [violence.pk]
    assert run(actors=(taliban.pk,)) == [talks.pk]
    assert run(q="doha") == [talks.pk]
    assert run(q="attack kabul") == [violence.pk]
    assert run(q="attack doha") == []
    # Independent sources as stored on the event, not articles counted per request.
    assert run(min_sources=2) == [violence.pk]
    assert run(min_sources=3) == []
    rows = selectors.conflict_timeline(conflict=conflict, filters=TimelineFilters()).rows
    assert [r.n_sources for r in rows] == [1, 2]
    assert rows[0].actor_names == ("Taliban",)


def test_lanes_by_actor_put_an_event_in_each_of_its_actors_lanes(conflict):
    a, b = ActorFactory(name="Alpha"), ActorFactory(name="Beta")
    both = day_event(conflict, D(2021, 1, 1))
    both.actors.add(a, b)
    day_event(conflict, D(2021, 1, 2))
    timeline = selectors.conflict_timeline(
        conflict=conflict, filters=TimelineFilters(lanes="actor")
    )
    assert timeline.figure["layout"]["yaxis"]["ticktext"] == ["Alpha", "Beta", "No actor named"]
    (trace,) = timeline.figure["data"]
    assert [c[0] for c in trace["customdata"]].count(both.pk) == 2


def test_busiest_actors_get_lanes_and_the_rest_share_one(conflict, monkeypatch):
    monkeypatch.setattr(charts, "ACTOR_LANES", 2)
    actors = [ActorFactory(name=f"Actor {i}") for i in range(4)]
    for i, actor in enumerate(actors):
        for j in range(4 - i):
            day_event(conflict, D(2021, 1, 1 + j)).actors.add(actor)
    timeline = selectors.conflict_timeline(
        conflict=conflict, filters=TimelineFilters(lanes="actor")
    )
    assert timeline.figure["layout"]["yaxis"]["ticktext"] == ["Actor 0", "Actor 1", "Other actors"]


def test_the_list_is_paginated_and_out_of_range_pages_clamp(conflict, monkeypatch):
    monkeypatch.setattr(reader, "EVENT_PAGE_SIZE", 3)
    events = [day_event(conflict, D(2021, 1, d)) for d in range(1, 8)]
    second = selectors.conflict_timeline(conflict=conflict, filters=TimelineFilters(page=2))
    assert pks(second) == [e.pk for e in events[3:6]]
    assert (second.pages, second.first_index, second.last_index) == (3, 4, 6)
    last = selectors.conflict_timeline(conflict=conflict, filters=TimelineFilters(page=99))
    assert last.page == 3 and pks(last) == [events[6].pk]


def test_above_the_event_limit_the_chart_shows_counts_per_period(conflict, monkeypatch):
    monkeypatch.setattr(charts, "EVENT_LIMIT", 5)
    for m in range(1, 13):
        day_event(conflict, D(2019, m, 10), category="talks")
    month_event(conflict, 2019, 6, category="violence")
    timeline = selectors.conflict_timeline(conflict=conflict, filters=TimelineFilters())
    assert timeline.aggregated and timeline.total == 13
    assert timeline.period == "week"
    (heatmap,) = timeline.figure["data"]
    assert heatmap["type"] == "heatmap"
    assert heatmap["y"] == ["Talks", "Violence"]
    assert sum(n for row in heatmap["z"] for n in row if n) == 13
    # The list still shows the events themselves.
    assert len(timeline.rows) == 13

    by_actor = selectors.conflict_timeline(
        conflict=conflict, filters=TimelineFilters(lanes="actor")
    )
    assert by_actor.figure["data"][0]["y"] == ["No actor named"]


def test_aggregate_counts_inside_a_window_start_at_the_window(conflict, monkeypatch):
    monkeypatch.setattr(charts, "EVENT_LIMIT", 1)
    EventFactory(
        conflict=conflict,
        date_value="2019",
        date_precision="year",
        date_start=D(2019, 1, 1),
        date_end=D(2019, 12, 31),
    )
    day_event(conflict, D(2019, 6, 5))
    filters = TimelineFilters(start=D(2019, 6, 1), end=D(2019, 6, 30))
    timeline = selectors.conflict_timeline(conflict=conflict, filters=filters)
    assert timeline.period == "day"
    columns = timeline.figure["data"][0]["meta"]["columns"]
    assert [column[0] for column in columns] == ["1 Jun 2019", "5 Jun 2019"]


@pytest.mark.parametrize("n_events", [3, 60])
def test_timeline_query_count_does_not_grow_with_events(
    conflict, n_events, django_assert_max_num_queries
):
    actor = ActorFactory()
    for i in range(n_events):
        event = day_event(conflict, D(2020, 1, 1) + datetime.timedelta(days=i))
        event.actors.add(actor)
        MentionFactory(event=event, expression_start=i * 40, expression_end=i * 40 + 9)
    for lanes in ("category", "actor"):
        with django_assert_max_num_queries(4):
            selectors.conflict_timeline(conflict=conflict, filters=TimelineFilters(lanes=lanes))


def test_conflict_list_counts_public_events_and_draws_activity():
    busy, quiet = ConflictFactory(name="Busy"), ConflictFactory(name="Quiet")
    for m in (1, 1, 5):
        day_event(busy, D(2020, m, 3))
    day_event(busy, D(2020, 9, 9), status=Event.Status.REJECTED)
    result = selectors.conflict_list()
    by_name = {item.conflict.name: item for item in result.items}
    assert by_name["Busy"].event_count == 3
    assert (by_name["Busy"].first, by_name["Busy"].last) == (D(2020, 1, 1), D(2020, 5, 31))
    assert by_name["Busy"].peak == 2 and by_name["Busy"].strip.startswith("M")
    assert by_name["Quiet"].event_count == 0 and by_name["Quiet"].strip == ""
    assert [i.conflict.name for i in selectors.conflict_list(search="quie").items] == ["Quiet"]
    assert quiet.pk


def test_conflict_list_pages(monkeypatch):
    monkeypatch.setattr(reader, "CONFLICT_PAGE_SIZE", 2)
    for i in range(5):
        ConflictFactory(name=f"Conflict {i}")
    result = selectors.conflict_list(page=3)
    assert [i.conflict.name for i in result.items] == ["Conflict 4"]
    assert result.page.paginator.num_pages == 3


def test_event_detail_hides_rejected_and_explains_dates(conflict):
    mention = MentionFactory(
        event=month_event(conflict, 2020, 9),
        resolved_value="2020-09",
        resolved_precision="month",
        resolved_start=D(2020, 9, 1),
        resolved_end=D(2020, 9, 30),
    )
    event = selectors.event_detail(pk=mention.event.pk)
    assert event.mentions.all()[0].resolved.display == "Sep 2020"
    rejected = day_event(conflict, D(2020, 1, 1), status=Event.Status.REJECTED)
    with pytest.raises(Http404):
        selectors.event_detail(pk=rejected.pk)
    assert selectors.event_detail(pk=rejected.pk, include_rejected=True).pk == rejected.pk
    assert selectors.event_detail_or_none(pk=rejected.pk, conflict=conflict) is None
    assert selectors.event_detail_or_none(pk=event.pk, conflict=ConflictFactory()) is None


def test_compare_aligns_each_conflict_on_its_first_event_of_a_category():
    a, b, c = ConflictFactory(slug="a"), ConflictFactory(slug="b"), ConflictFactory(slug="c")
    day_event(a, D(2018, 9, 4), category="talks")
    day_event(a, D(2019, 9, 4), category="agreement")
    day_event(b, D(2012, 8, 27), category="talks")
    # Known only to the year: never the origin, which would be a made-up 1 January.
    EventFactory(
        conflict=b,
        category="talks",
        date_value="2002",
        date_precision="year",
        date_start=D(2002, 1, 1),
        date_end=D(2002, 12, 31),
    )
    day_event(c, D(2020, 1, 1), category="violence")
    comparison = selectors.conflict_compare(slugs=["a", "b", "c", "nope"], align="talks")
    assert [i.conflict.slug for i in comparison.items] == ["a", "b", "c"]
    assert comparison.missing == ["nope"]
    assert [i.origin for i in comparison.items] == [D(2018, 9, 4), D(2012, 8, 27), None]
    assert comparison.align_label == "first talks"
    xs = sorted(x for trace in comparison.figure["data"] for x in trace.get("base", trace["x"]))
    assert xs == [pytest.approx(-127.8, abs=0.1), 0, 0, pytest.approx(11.99, abs=0.01)]
    calendar = selectors.conflict_compare(slugs=["a", "b"], align="bogus")
    assert calendar.align == "" and calendar.figure["layout"]["xaxis"]["type"] == "date"


def test_large_comparisons_are_counted_per_month(monkeypatch):
    monkeypatch.setattr(charts, "EVENT_LIMIT", 2)
    a = ConflictFactory(slug="a")
    for m in (1, 1, 2):
        day_event(a, D(2020, m, 5), category="talks")
    comparison = selectors.conflict_compare(slugs=["a"], align="talks")
    assert comparison.aggregated
    assert comparison.figure["data"][0]["z"] == [[2, 1]]


def test_filter_form_keeps_valid_parameters_and_drops_the_rest():
    from django.http import QueryDict

    from timeline.filters import TimelineFilterForm

    actor = ActorFactory()
    params = QueryDict(
        f"q=+doha+&from=2021-03-01&to=2021-01-01&category=talks&category=bogus"
        f"&actor={actor.pk}&status=rejected&min_sources=0&lanes=actor&page=x",
    )
    filters = TimelineFilterForm(params, actors=[actor]).filters()
    assert filters.q == "doha"
    assert (filters.start, filters.end) == (D(2021, 1, 1), D(2021, 3, 1))
    assert filters.categories == ("talks",)
    assert filters.actors == (actor.pk,)
    assert set(filters.statuses) == set(selectors.PUBLIC_STATUSES)
    assert (filters.min_sources, filters.lanes, filters.page) == (1, "actor", 1)
