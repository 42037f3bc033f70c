"""timeline.charts and what is not a fact: hollow markers, outlined bars, the word in the
hover; the core span as the default range. Pure functions, no database."""

from __future__ import annotations

import datetime
import json

import plotly.graph_objects as go

from timeline import charts
from timeline.dates import EventDate

D = datetime.date
LABELS = {"talks": "Talks", "agreement": "Agreement", "withdrawal": "Withdrawal"}


def event(pk, *, category="talks", word="", precision="day", start=None, end=None, value=None):
    start = start or D(2021, 2, 28)
    end = end or start
    return charts.ChartEvent(
        pk=pk,
        title=f"Event {pk}",
        category=category,
        date=EventDate(value or start.isoformat(), precision, start, end, ""),
        n_sources=1,
        lanes=(category,),
        url=f"/events/{pk}/",
        factuality_word=word,
    )


def month(pk, *, word="", category="talks", year=2021, m=5):
    start = D(year, m, 1)
    end = (start + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)
    return event(
        pk,
        category=category,
        word=word,
        precision="month",
        start=start,
        end=end,
        value=f"{year}-{m:02d}",
    )


def lanes(*keys):
    return [charts.Lane(key=k, label=LABELS[k]) for k in keys]


def figure_of(events, *keys, **kwargs):
    figure = charts.timeline_figure(
        events=events, lanes=lanes(*keys), category_labels=LABELS, **kwargs
    )
    # The whole figure passes plotly's own validation, arrays included.
    go.Figure(data=figure["data"], layout=figure["layout"])
    json.dumps(figure)
    return figure


def pks_of(trace):
    return [row[0] for row in trace["customdata"]]


def test_a_planned_day_event_is_a_hollow_marker_apart_from_the_facts():
    figure = figure_of([event(1), event(2, word="planned")], "talks")
    filled, hollow = figure["data"]
    assert (filled["type"], hollow["type"]) == ("scatter", "scatter")
    assert pks_of(filled) == [1] and pks_of(hollow) == [2]
    assert filled["marker"].get("symbol") in (None, "circle")
    assert hollow["marker"]["symbol"] == "circle-open"
    assert hollow["marker"]["line"]["width"] >= 2
    assert hollow["marker"]["color"] == filled["marker"]["color"]
    # One legend entry for the category: the hollow markers share it.
    assert hollow["legendgroup"] == filled["legendgroup"] == "talks"
    assert hollow["showlegend"] is False and filled.get("showlegend", True) is True


def test_a_category_with_only_plans_still_has_its_legend_entry():
    figure = figure_of([event(1, word="deadline", category="withdrawal")], "withdrawal")
    (trace,) = figure["data"]
    assert trace["marker"]["symbol"] == "circle-open"
    assert trace["showlegend"] is True and trace["name"] == "Withdrawal"


def test_coarse_non_facts_are_outlined_lighter_bars():
    figure = figure_of([month(1), month(2, word="expected")], "talks")
    solid, outlined = figure["data"]
    assert (solid["type"], outlined["type"]) == ("bar", "bar")
    assert pks_of(solid) == [1] and pks_of(outlined) == [2]
    assert solid["marker"]["line"]["width"] == 0
    assert outlined["marker"]["line"]["width"] > 0
    assert outlined["marker"]["line"]["color"] == charts.category_colour("talks")
    # A light fill: the category's colour at low alpha, lighter than the facts' bars.
    fill = outlined["marker"]["color"]
    assert fill.startswith("rgba(") and float(fill.rstrip(")").split(",")[-1]) < 0.45
    assert outlined["showlegend"] is False and solid["showlegend"] is True


def test_the_factuality_word_is_in_the_hover_of_non_facts_only():
    figure = figure_of(
        [event(1), event(2, word="did not happen"), month(3, word="planned")], "talks"
    )
    dates = {row[0]: row[2] for trace in figure["data"] for row in trace["customdata"]}
    assert dates[1] == "28 Feb 2021"
    assert dates[2] == "28 Feb 2021 · did not happen"
    assert dates[3] == "May 2021 (month) · planned"


def test_facts_are_drawn_before_plans_so_nothing_hollow_hides_a_fact():
    figure = figure_of(
        [event(1, word="planned"), event(2), month(3), month(4, word="planned")], "talks"
    )
    kinds = [
        (t["type"], t["marker"].get("symbol", ""), t["marker"]["line"]["width"] > 0)
        for t in figure["data"]
    ]
    assert kinds == [
        ("bar", "", False),
        ("bar", "", True),
        ("scatter", "", True),
        ("scatter", "circle-open", True),
    ]


def test_without_a_window_the_chart_opens_on_the_span_it_is_given():
    history = event(1, start=D(1996, 9, 27))
    recent = [event(2, start=D(2020, 2, 29)), event(3, start=D(2021, 8, 15))]
    core = (D(2020, 2, 29), D(2021, 8, 15))
    figure = figure_of([history, *recent], "talks", span=core)
    lo, hi = figure["layout"]["xaxis"]["range"]
    assert "2019-12" < lo < "2020-02-29" and "2021-08-16" < hi < "2021-10"
    assert figure["layout"]["xaxis"]["autorange"] is False
    # The background event is still in the figure: one pan or zoom-out away.
    assert 1 in [pk for trace in figure["data"] for pk in pks_of(trace)]
    # Without a span the range covers every event, as before.
    whole = figure_of([history, *recent], "talks")["layout"]["xaxis"]["range"]
    assert whole[0] < "1996-09-27"


def test_a_window_wins_over_the_span():
    figure = figure_of(
        [event(1)],
        "talks",
        window=(D(2021, 1, 1), D(2021, 3, 31)),
        span=(D(2020, 1, 1), D(2022, 1, 1)),
    )
    assert figure["layout"]["xaxis"]["range"] == ["2021-01-01", "2021-04-01"]


def test_aggregate_overview_opens_on_the_span_too():
    counts = [
        charts.LaneCount(lane="talks", period=D(1996, 1, 1), count=3),
        charts.LaneCount(lane="talks", period=D(2020, 1, 1), count=40),
    ]
    figure = charts.aggregate_figure(
        counts=counts,
        lanes=lanes("talks"),
        period="month",
        total=43,
        span=(D(2020, 1, 1), D(2020, 1, 31)),
    )
    lo, hi = figure["layout"]["xaxis"]["range"]
    assert "2019-12" < lo < "2020-01-01" and "2020-02-01" < hi < "2020-03"
    # Both periods are still counted, the old one one pan away.
    assert len(figure["data"][0]["meta"]["columns"]) == 2


def test_comparisons_draw_plans_hollow_and_open_on_the_core_span_on_the_calendar():
    series = [
        charts.CompareSeries(label="A", events=[event(1), event(2, word="planned")]),
        charts.CompareSeries(label="B", events=[event(3, start=D(1990, 1, 1))]),
    ]
    span = (D(2021, 1, 1), D(2021, 3, 31))
    figure = charts.compare_figure(series=series, category_labels=LABELS, span=span)
    go.Figure(data=figure["data"], layout=figure["layout"])
    symbols = {pk: t["marker"].get("symbol", "") for t in figure["data"] for pk in pks_of(t)}
    assert symbols == {1: "", 2: "circle-open", 3: ""}
    lo, hi = figure["layout"]["xaxis"]["range"]
    assert "2020-12" < lo < "2021-01-01" and "2021-04-01" < hi < "2021-05"
    # Aligned, the axis counts months: no calendar range.
    aligned = charts.compare_figure(
        series=[charts.CompareSeries(label="A", events=[event(1)], origin=D(2021, 2, 28))],
        category_labels=LABELS,
        aligned_on="first talks",
        span=span,
    )
    assert "range" not in aligned["layout"]["xaxis"]


def test_large_comparisons_open_on_the_core_span_on_the_calendar():
    figure = charts.compare_counts_figure(
        series=[charts.CompareCounts(label="A", months={D(1990, 1, 1): 2, D(2020, 5, 1): 9})],
        span=(D(2020, 5, 1), D(2020, 5, 31)),
    )
    lo, hi = figure["layout"]["xaxis"]["range"]
    assert "2020-04" < lo < "2020-05-01" and "2020-06-01" < hi < "2020-07"
