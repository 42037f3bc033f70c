"""Reader selectors and the event layer, against the database: what happened, background
and the core span, key events, the home page's spans and the comparison's clock."""

from __future__ import annotations

import datetime

import pytest

from tests.factories import ActorFactory, ConflictFactory, EventFactory
from timeline import charts, selectors
from timeline.models import Event
from timeline.selectors import TimelineFilters

pytestmark = pytest.mark.django_db
D = datetime.date


def day_event(conflict, day, **kwargs):
    kwargs.setdefault("source_count", 1)
    return EventFactory(
        conflict=conflict, date_value=day.isoformat(), date_start=day, date_end=day, **kwargs
    )


def year_event(conflict, year, **kwargs):
    return EventFactory(
        conflict=conflict,
        date_value=str(year),
        date_precision=Event.Precision.YEAR,
        date_start=D(year, 1, 1),
        date_end=D(year, 12, 31),
        **kwargs,
    )


def timeline(conflict, **filters):
    return selectors.conflict_timeline(conflict=conflict, filters=TimelineFilters(**filters))


def pks(result):
    return [row.pk for row in result.rows]


def figure_pks(figure):
    return sorted(row[0] for trace in figure["data"] for row in trace["customdata"])


@pytest.fixture
def conflict():
    return ConflictFactory(slug="afghanistan")


# --- What happened ------------------------------------------------------------------------


def test_only_what_happened_hides_plans_deadlines_expectations_and_what_did_not(conflict):
    signed = day_event(conflict, D(2020, 2, 29))
    others = {
        f: day_event(conflict, D(2020, 3, 1) + datetime.timedelta(days=i), factuality=f)
        for i, f in enumerate(["planned", "deadline", "expected", "not_happened"])
    }
    everything = timeline(conflict)
    assert pks(everything) == [signed.pk, *(e.pk for e in others.values())]
    words = {row.pk: row.factuality_word for row in everything.rows}
    assert words == {
        signed.pk: "",
        others["planned"].pk: "planned",
        others["deadline"].pk: "deadline",
        others["expected"].pk: "expected",
        others["not_happened"].pk: "did not happen",
    }
    facts = timeline(conflict, facts=True)
    assert pks(facts) == [signed.pk] and facts.total == 1
    assert figure_pks(facts.figure) == [signed.pk]


def test_rows_carry_the_event_layer_fields(conflict):
    event = day_event(
        conflict,
        D(2020, 2, 29),
        factuality="planned",
        scope="background",
        importance=0.72,
        is_key=True,
        source_count=4,
    )
    (row,) = timeline(conflict).rows
    assert (row.pk, row.factuality, row.scope, row.importance, row.is_key, row.n_sources) == (
        event.pk,
        "planned",
        "background",
        0.72,
        True,
        4,
    )
    assert row.is_background and row.factuality_word == "planned"
    assert selectors.event_row(pk=event.pk).n_sources == 4


def test_the_chart_draws_non_facts_hollow(conflict):
    day_event(conflict, D(2020, 2, 29))
    planned = day_event(conflict, D(2021, 5, 1), factuality="planned")
    figure = timeline(conflict).figure
    hollow = [t for t in figure["data"] if t["marker"].get("symbol") == "circle-open"]
    assert [row[0] for t in hollow for row in t["customdata"]] == [planned.pk]
    assert hollow[0]["customdata"][0][2] == "1 May 2021 · planned"


# --- Background and the core span ---------------------------------------------------------


def test_without_a_window_the_chart_opens_on_the_core_span_and_the_list_keeps_background(
    conflict,
):
    history = year_event(conflict, 1996, scope="background", title="Taliban rule")
    first = day_event(conflict, D(2018, 9, 4))
    last = day_event(conflict, D(2021, 8, 15))
    result = timeline(conflict)
    assert pks(result) == [history.pk, first.pk, last.pk]
    assert (result.first, result.last) == (D(1996, 1, 1), D(2021, 8, 15))
    assert (result.core_first, result.core_last) == (D(2018, 9, 4), D(2021, 8, 15))
    assert result.background_outside == 1 and result.widened
    lo, hi = result.figure["layout"]["xaxis"]["range"]
    assert "2018-07" < lo < "2018-09-04" and "2021-08-16" < hi < "2021-11"
    # The link widens the window to the whole span, background included.
    assert result.whole_span_url == "/conflicts/afghanistan/?from=1996-01-01&to=2021-08-15"
    # Background stays searchable.
    assert pks(timeline(conflict, q="taliban")) == [history.pk]


def test_a_window_is_the_readers_choice_and_nothing_is_widened(conflict):
    year_event(conflict, 1996, scope="background")
    day_event(conflict, D(2018, 9, 4))
    result = timeline(conflict, start=D(1990, 1, 1), end=D(2022, 1, 1))
    assert not result.widened
    assert result.figure["layout"]["xaxis"]["range"] == ["1990-01-01", "2022-01-02"]


def test_without_background_the_range_is_the_span_of_the_events(conflict):
    day_event(conflict, D(2018, 9, 4))
    day_event(conflict, D(2021, 8, 15))
    result = timeline(conflict)
    assert result.background_outside == 0 and not result.widened
    assert (result.core_first, result.core_last) == (result.first, result.last)


def test_a_view_of_background_only_opens_on_what_it_holds(conflict):
    history = year_event(conflict, 1996, scope="background", title="Taliban rule")
    day_event(conflict, D(2018, 9, 4))
    result = timeline(conflict, q="taliban")
    assert pks(result) == [history.pk]
    assert result.core_first is None and not result.widened
    lo, hi = result.figure["layout"]["xaxis"]["range"]
    assert lo < "1996-01-01" and hi > "1996-12-31"


def test_large_views_open_on_the_core_span_from_their_counts(conflict, monkeypatch):
    monkeypatch.setattr(charts, "EVENT_LIMIT", 5)
    for year in (1979, 1989):
        year_event(conflict, year, scope="background")
    for m in range(1, 13):
        day_event(conflict, D(2020, m, 10))
    result = timeline(conflict)
    assert result.aggregated and result.total == 14
    assert (result.core_first, result.core_last) == (D(2020, 1, 1), D(2020, 12, 31))
    assert (result.first, result.last) == (D(1979, 1, 1), D(2020, 12, 31))
    assert result.background_outside == 2 and result.widened
    # Counted by the week the core span calls for, not by the decades of history.
    assert result.period == "week"
    lo, hi = result.figure["layout"]["xaxis"]["range"]
    assert "2019-11" < lo < "2020-01-01" and "2021-01-01" < hi < "2021-03"
    (heatmap,) = result.figure["data"]
    assert sum(n for row in heatmap["z"] for n in row if n) == 14


# --- Key events -----------------------------------------------------------------------------


def test_key_events_are_the_most_important_editors_key_events_first(conflict):
    low = day_event(conflict, D(2020, 1, 1), importance=0.1)
    editors = day_event(conflict, D(2020, 1, 2), importance=0.05, is_key=True)
    top = day_event(conflict, D(2020, 1, 3), importance=0.9)
    # Tied on importance: more independent sources first, then the earlier date, then id.
    tie_more_sources = day_event(conflict, D(2020, 1, 9), importance=0.5, source_count=3)
    tie_early = day_event(conflict, D(2020, 1, 4), importance=0.5)
    tie_late = day_event(conflict, D(2020, 1, 8), importance=0.5)
    ranked = timeline(conflict, key=5, sort="importance")
    assert pks(ranked) == [editors.pk, top.pk, tie_more_sources.pk, tie_early.pk, tie_late.pk]
    assert low.pk not in pks(ranked)
    assert ranked.total == 6 and ranked.key_mode and ranked.pages == 1
    # Only those events are drawn.
    assert figure_pks(ranked.figure) == sorted(pks(ranked))
    # By date (the default) the same five, in date order, with their summaries.
    by_date = timeline(conflict, key=5)
    assert pks(by_date) == [editors.pk, top.pk, tie_early.pk, tie_late.pk, tie_more_sources.pk]


def test_key_events_come_from_the_filtered_view(conflict):
    talks = day_event(conflict, D(2020, 1, 1), importance=0.2, category="talks")
    day_event(conflict, D(2020, 1, 2), importance=0.9, category="agreement")
    day_event(conflict, D(2020, 1, 3), importance=0.8, category="talks", factuality="planned")
    day_event(conflict, D(2020, 1, 4), importance=0.99, status=Event.Status.REJECTED)
    result = timeline(conflict, key=5, categories=("talks",), facts=True)
    assert pks(result) == [talks.pk] and result.total == 1


def test_key_rows_carry_the_summary_sentence(conflict):
    event = day_event(
        conflict, D(2020, 2, 29), title="Deal signed", summary="The deal was signed in Doha."
    )
    (row,) = timeline(conflict, key=10).rows
    assert (row.pk, row.summary) == (event.pk, "The deal was signed in Doha.")
    # The ordinary list does not fetch summaries.
    assert timeline(conflict).rows[0].summary == ""


def test_key_events_page_parameter_is_dropped(conflict):
    day_event(conflict, D(2020, 1, 1))
    result = timeline(conflict, key=10, page=4)
    assert result.page == 1 and result.url == "/conflicts/afghanistan/?key=10"


def test_key_events_open_on_the_core_span_of_what_they_show(conflict):
    history = year_event(conflict, 2001, scope="background", importance=0.9)
    day_event(conflict, D(2020, 2, 29), importance=0.8)
    day_event(conflict, D(2021, 8, 15), importance=0.7)
    result = timeline(conflict, key=10)
    assert history.pk in pks(result)
    assert (result.core_first, result.core_last) == (D(2020, 2, 29), D(2021, 8, 15))
    assert result.widened and result.background_outside == 1


@pytest.mark.parametrize("lanes", ["category", "actor"])
def test_key_events_cost_three_queries_whatever_the_number_of_events(
    conflict, lanes, django_assert_max_num_queries
):
    actor = ActorFactory()
    for i in range(40):
        day_event(conflict, D(2020, 1, 1) + datetime.timedelta(days=i)).actors.add(actor)
    with django_assert_max_num_queries(3):
        result = timeline(conflict, key=10, lanes=lanes)
    assert len(result.rows) == 10


@pytest.mark.parametrize("lanes", ["category", "actor"])
def test_the_event_view_costs_three_queries(conflict, lanes, django_assert_max_num_queries):
    actor = ActorFactory()
    for i in range(30):
        day_event(conflict, D(2020, 1, 1) + datetime.timedelta(days=i)).actors.add(actor)
    with django_assert_max_num_queries(3):
        timeline(conflict, lanes=lanes, facts=True, min_sources=1)


# --- Home page and comparison ---------------------------------------------------------------


def test_home_cards_count_every_event_and_span_the_core_only():
    conflict = ConflictFactory(name="Afghan peace process")
    year_event(conflict, 1996, scope="background")
    day_event(conflict, D(2018, 9, 4))
    day_event(conflict, D(2021, 8, 15))
    only_history = ConflictFactory(name="Only history")
    year_event(only_history, 1979, scope="background")
    by_name = {item.conflict.name: item for item in selectors.conflict_list().items}
    card = by_name["Afghan peace process"]
    assert card.event_count == 3
    assert (card.first, card.last) == (D(2018, 9, 1), D(2021, 8, 31))
    # The strip starts at the core's first month, not in 1996: its first bar is at 0.
    assert card.strip.startswith("M0.00 20") and card.peak == 1
    # A conflict with background events only still gets a span (by the month each event
    # starts in) and a strip.
    history = by_name["Only history"]
    assert (history.event_count, history.first, history.last) == (1, D(1979, 1, 1), D(1979, 1, 31))
    assert history.strip


def test_comparison_aligns_on_the_first_talks_that_happened():
    a = ConflictFactory(slug="a")
    day_event(a, D(2018, 1, 10), category="talks", factuality="planned")
    day_event(a, D(2018, 5, 1), category="talks", factuality="not_happened")
    day_event(a, D(2018, 9, 4), category="talks")
    comparison = selectors.conflict_compare(slugs=["a"], align="talks")
    assert [item.origin for item in comparison.items] == [D(2018, 9, 4)]


def test_comparison_calendar_opens_on_the_core_span():
    a, b = ConflictFactory(slug="a"), ConflictFactory(slug="b")
    year_event(a, 1979, scope="background")
    day_event(a, D(2018, 9, 4))
    day_event(b, D(2021, 8, 15))
    comparison = selectors.conflict_compare(slugs=["a", "b"])
    lo, hi = comparison.figure["layout"]["xaxis"]["range"]
    assert "2018-06" < lo < "2018-09-04" and "2021-08-16" < hi < "2021-12"
    assert comparison.counts == {a.pk: 2, b.pk: 1}


def test_large_comparison_calendar_opens_on_the_core_months(monkeypatch):
    monkeypatch.setattr(charts, "EVENT_LIMIT", 2)
    a = ConflictFactory(slug="a")
    year_event(a, 1979, scope="background")
    for m in (3, 4, 5):
        day_event(a, D(2020, m, 5))
    comparison = selectors.conflict_compare(slugs=["a"])
    assert comparison.aggregated
    lo, hi = comparison.figure["layout"]["xaxis"]["range"]
    assert "2020-02" < lo < "2020-03-01" and "2020-06-01" < hi < "2020-08"


@pytest.mark.parametrize("align", ["", "talks"])
def test_comparison_costs_four_queries(align, django_assert_max_num_queries):
    slugs = []
    for _ in range(3):
        conflict = ConflictFactory()
        for j in range(10):
            day_event(conflict, D(2020, 1, 1) + datetime.timedelta(days=j), category="talks")
        slugs.append(conflict.slug)
    with django_assert_max_num_queries(4):
        selectors.conflict_compare(slugs=slugs, align=align)
