"""timeline.charts: pure functions, no database."""

from __future__ import annotations

import datetime
import json

import plotly.graph_objects as go
import pytest

from timeline import charts
from timeline.dates import EventDate

D = datetime.date
LABELS = {"talks": "Talks", "agreement": "Agreement", "violence": "Violence"}
XSS = ["<img src=x onerror=alert(1)>", '<a href="javascript:alert(1)">x</a>']


def event(
    pk=1,
    *,
    title="Talks resume",
    category="talks",
    precision="day",
    mod="",
    start=None,
    end=None,
    value=None,
    lanes=None,
    n_sources=1,
):
    start = start or D(2021, 2, 28)
    end = end or start
    return charts.ChartEvent(
        pk=pk,
        title=title,
        category=category,
        date=EventDate(value or start.isoformat(), precision, start, end, mod),
        n_sources=n_sources,
        lanes=lanes or (category,),
        url=f"/events/{pk}/",
    )


def lanes(*keys):
    return [charts.Lane(key=k, label=LABELS.get(k, k)) for k in keys]


def validate(figure: dict) -> None:
    """The whole figure passes plotly's own validation, arrays included."""
    go.Figure(data=figure["data"], layout=figure["layout"])
    json.dumps(figure)


def test_day_events_are_markers_and_coarse_events_bars_spanning_their_interval():
    figure = charts.timeline_figure(
        events=[
            event(1),
            event(2, precision="month", value="2020-09", start=D(2020, 9, 1), end=D(2020, 9, 30)),
        ],
        lanes=lanes("talks"),
        category_labels=LABELS,
    )
    validate(figure)
    bar = next(t for t in figure["data"] if t["type"] == "bar")
    marker = next(t for t in figure["data"] if t["type"] == "scatter")
    assert marker["x"] == ["2021-02-28"]
    assert bar["base"] == ["2020-09-01"]
    # Thirty whole days: the month is drawn as a month, not as its first day.
    assert bar["x"] == [30 * charts.DAY_MS]
    assert bar["marker"]["opacity"] < 1
    assert bar["customdata"][0][0] == 2
    assert "Sep 2020 (month)" in bar["customdata"][0][2]


def test_mod_shows_in_the_hover_and_uncertain_bars_are_hatched():
    early = event(
        1, precision="month", mod="START", start=D(2021, 2, 1), end=D(2021, 2, 10), value="2021-02"
    )
    approx = event(
        2, precision="month", mod="APPROX", start=D(2020, 2, 1), end=D(2020, 2, 29), value="2020-02"
    )
    figure = charts.timeline_figure(
        events=[early, approx], lanes=lanes("talks"), category_labels=LABELS
    )
    validate(figure)
    bar = figure["data"][0]
    dates = [c[2] for c in bar["customdata"]]
    assert dates == ["early Feb 2021 (month)", "c. Feb 2020 (month)"]
    assert bar["marker"]["pattern"]["shape"] == ["", "/"]


@pytest.mark.parametrize("title", XSS)
def test_titles_and_lane_names_are_escaped_for_plotly(title):
    figure = charts.timeline_figure(
        events=[event(1, title=title, lanes=("a1",))],
        lanes=[charts.Lane(key="a1", label=title)],
        category_labels=LABELS,
    )
    validate(figure)
    text = json.dumps(figure)
    assert "<img" not in text and "<a href" not in text
    assert charts.plotly_text(title) in {
        "&lt;img src=x onerror=alert(1)&gt;",
        '&lt;a href="javascript:alert(1)"&gt;x&lt;/a&gt;',
    }
    assert figure["layout"]["yaxis"]["ticktext"] == [charts.plotly_text(title, limit=40)]


def test_plotly_text_truncates_before_escaping():
    text = charts.plotly_text("&" * 50, limit=10)
    assert text == "&amp;" * 9 + "…"


def test_many_markers_switch_to_webgl():
    n = charts.WEBGL_THRESHOLD + 1
    many = [event(i, start=D(2020, 1, 1) + datetime.timedelta(days=i)) for i in range(n)]
    figure = charts.timeline_figure(events=many, lanes=lanes("talks"), category_labels=LABELS)
    assert {t["type"] for t in figure["data"]} == {"scattergl"}
    few = charts.timeline_figure(events=many[:10], lanes=lanes("talks"), category_labels=LABELS)
    assert {t["type"] for t in few["data"]} == {"scatter"}


def test_bars_do_not_count_towards_webgl():
    months = [
        event(i, precision="month", start=D(2020, 1, 1), end=D(2020, 1, 31), value="2020-01")
        for i in range(charts.WEBGL_THRESHOLD)
    ]
    figure = charts.timeline_figure(
        events=[*months, event(0)], lanes=lanes("talks"), category_labels=LABELS
    )
    assert {t["type"] for t in figure["data"]} == {"bar", "scatter"}


def test_window_fixes_the_range_and_draws_its_last_day_whole():
    figure = charts.timeline_figure(
        events=[event(1)],
        lanes=lanes("talks"),
        category_labels=LABELS,
        window=(D(2021, 1, 1), D(2021, 3, 31)),
    )
    assert figure["layout"]["xaxis"]["range"] == ["2021-01-01", "2021-04-01"]


def test_an_event_in_two_actor_lanes_is_drawn_in_both():
    figure = charts.timeline_figure(
        events=[event(1, lanes=("1", "2"))],
        lanes=[charts.Lane("1", "Taliban"), charts.Lane("2", "United States")],
        category_labels=LABELS,
    )
    validate(figure)
    (trace,) = figure["data"]
    assert len(trace["x"]) == 2
    assert sorted(round(y) for y in trace["y"]) == [0, 1]
    assert "Taliban · Talks · 1 source" in trace["customdata"][0][3]


def test_lanes_by_category_name_the_category_once_per_trace_not_per_point():
    figure = charts.timeline_figure(
        events=[event(1, n_sources=2), event(2, start=D(2021, 3, 1))],
        lanes=lanes("talks"),
        category_labels=LABELS,
        event_url="/conflicts/afghanistan/?event=",
    )
    validate(figure)
    (trace,) = figure["data"]
    assert trace["name"] == "Talks"
    assert [row[3] for row in trace["customdata"]] == ["2 sources", "1 source"]
    assert "%{data.name} · %{customdata[3]}" in trace["hovertemplate"]
    # The panel's address travels once; the points carry their key only.
    assert figure["layout"]["meta"] == {"event_url": "/conflicts/afghanistan/?event="}
    assert [len(row) for row in trace["customdata"]] == [4, 4]


def test_what_every_trace_of_a_type_shares_is_sent_once_in_the_template():
    month = {"precision": "month", "start": D(2020, 9, 1), "end": D(2020, 9, 30)}
    events = [
        event(1),
        event(2, category="violence"),
        event(3, value="2020-09", **month),
        event(4, category="violence", value="2020-09", **month),
    ]
    figure = charts.timeline_figure(
        events=events, lanes=lanes("talks", "violence"), category_labels=LABELS
    )
    validate(figure)
    template = figure["layout"]["template"]["data"]
    assert set(template) == {"scatter", "bar"}
    for kind, (shared,) in template.items():
        assert "%{data.name}" in shared["hovertemplate"] and "unselected" in shared
        traces = [t for t in figure["data"] if t["type"] == kind]
        assert len(traces) == 2
        assert not any("hovertemplate" in t or "unselected" in t for t in traces)
        # What differs stays with each trace.
        assert {t["name"] for t in traces} == {"Talks", "Violence"}


def test_without_an_address_prefix_each_point_carries_its_own():
    figure = charts.timeline_figure(events=[event(7)], lanes=lanes("talks"), category_labels=LABELS)
    (trace,) = figure["data"]
    assert trace["customdata"][0][4] == "/events/7/"
    assert "meta" not in figure["layout"]


def test_empty_timeline_says_so():
    figure = charts.timeline_figure(events=[], lanes=[], category_labels=LABELS)
    validate(figure)
    assert figure["data"] == []
    assert "No events" in figure["layout"]["annotations"][0]["text"]


def test_aggregate_figure_size_depends_on_periods_not_events():
    counts = [charts.LaneCount("talks", D(2020, m, 1), 10_000) for m in range(1, 13)] + [
        charts.LaneCount("violence", D(2020, 5, 1), 3)
    ]
    figure = charts.aggregate_figure(
        counts=counts, lanes=lanes("talks", "violence"), period="month", total=120_003
    )
    validate(figure)
    (heatmap,) = figure["data"]
    assert heatmap["type"] == "heatmap"
    assert len(heatmap["meta"]["columns"]) == 12
    assert heatmap["z"][0][0] == 10_000
    assert heatmap["z"][1][0] is None and heatmap["z"][1][4] == 3
    # Every column carries its period's label, first day and days, once for all lanes
    # (the page script places the column and gives each cell its span): the page zooms
    # to it with no calendar of its own.
    assert "customdata" not in heatmap and "x" not in heatmap
    columns = heatmap["meta"]["columns"]
    assert columns[0] == ["Jan 2020", "2020-01-01", 31]
    assert columns[1] == ["Feb 2020", "2020-02-01", 29]
    assert columns[11] == ["Dec 2020", "2020-12-01", 31]
    assert "120,003 events" in figure["layout"]["annotations"][0]["text"]
    assert len(json.dumps(figure)) < 10_000


def test_aggregate_weeks_carry_their_labels():
    figure = charts.aggregate_figure(
        counts=[charts.LaneCount("talks", D(2021, 2, 15), 4)],
        lanes=lanes("talks"),
        period="week",
        total=4,
    )
    validate(figure)
    assert figure["data"][0]["meta"]["columns"] == [["week of 15 Feb 2021", "2021-02-15", 7]]


def test_compare_on_the_calendar_and_aligned():
    a = charts.CompareSeries("A", [event(1, start=D(2020, 3, 1))], origin=D(2020, 1, 1))
    b = charts.CompareSeries(
        "B <b>",
        [event(2, precision="year", value="2019", start=D(2019, 1, 1), end=D(2019, 12, 31))],
        origin=None,
    )
    calendar = charts.compare_figure(series=[a, b], category_labels=LABELS)
    validate(calendar)
    assert calendar["layout"]["xaxis"]["type"] == "date"
    assert calendar["layout"]["yaxis"]["ticktext"] == ["A", "B &lt;b&gt;"]

    aligned = charts.compare_figure(series=[a, b], category_labels=LABELS, aligned_on="first talks")
    validate(aligned)
    (marker,) = aligned["data"]
    assert marker["x"] == [pytest.approx(1.97, abs=0.01)]
    assert aligned["layout"]["xaxis"]["type"] == "linear"
    assert "B &lt;b&gt;" in aligned["layout"]["annotations"][0]["text"]


def test_compare_counts_aligned_on_month_offsets():
    figure = charts.compare_counts_figure(
        series=[
            charts.CompareCounts("A", {D(2020, 1, 1): 5, D(2020, 3, 1): 2}, origin=D(2020, 1, 20)),
            charts.CompareCounts("B", {D(2010, 6, 1): 7}, origin=D(2010, 5, 2)),
        ],
        aligned_on="first talks",
    )
    validate(figure)
    heatmap = figure["data"][0]
    assert heatmap["x"] == [0, 1, 2]
    assert heatmap["z"] == [[5, None, 2], [None, 7, None]]


def test_activity_strip_folds_long_spans_into_bounded_columns():
    monthly = {f"{y}-{m:02d}": 1 for y in range(1990, 2020) for m in range(1, 13)}
    monthly["2000-01"] = 9
    path, peak = charts.activity_strip(monthly, columns=60)
    assert path.count("M") <= 60
    assert peak == 14  # six months per column: 5 ordinary months + the busy one
    assert charts.activity_strip({}) == ("", 0)


def test_event_points_carry_the_address_of_their_panel():
    figure = charts.timeline_figure(
        events=[event(7), event(8, precision="month", start=D(2021, 2, 1), end=D(2021, 2, 28))],
        lanes=lanes("talks"),
        category_labels=LABELS,
    )
    urls = [row[4] for trace in figure["data"] for row in trace["customdata"]]
    assert sorted(urls) == ["/events/7/", "/events/8/"]


def test_busiest_actors_get_lanes_and_the_rest_share_one():
    many = [event(i, lanes=(str(i % 15),)) for i in range(60)] + [
        event(100, lanes=(charts.NO_ACTOR,))
    ]
    names = {str(i): f"Actor {i}" for i in range(15)}
    got = charts.event_lanes(events=many, by="actor", category_labels=LABELS, names=names)
    assert len(got) == charts.ACTOR_LANES + 2
    assert got[-2].key == charts.OTHER_ACTORS and got[-1].key == charts.NO_ACTOR
    folded = charts.fold_lanes(many, got)
    kept = {lane.key for lane in got}
    assert all(set(e.lanes) <= kept for e in folded)


def test_category_lanes_follow_the_registry_order():
    got = charts.event_lanes(
        events=[event(1, category="violence"), event(2, category="talks")],
        by="category",
        category_labels=LABELS,
        names={},
    )
    assert [lane.key for lane in got] == ["talks", "violence"]


@pytest.mark.parametrize(
    ("days", "period"), [(30, "day"), (120, "day"), (400, "week"), (3000, "month"), (20000, "year")]
)
def test_overview_period_grows_with_the_window(days, period):
    assert charts.period_for(days) == period


def test_counts_fold_into_periods_no_earlier_than_the_window():
    counts = [
        charts.LaneCount("talks", D(2021, 2, 17), 2),
        charts.LaneCount("talks", D(2021, 2, 18), 3),
        charts.LaneCount("talks", D(2021, 1, 1), 1),
    ]
    folded = charts.fold_counts(counts, lanes("talks"), period="week", since=D(2021, 2, 10))
    assert sorted((c.period, c.count) for c in folded) == [
        (D(2021, 2, 8), 1),
        (D(2021, 2, 15), 5),
    ]
