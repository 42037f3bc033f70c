"""Plotly figures for the timelines. Pure: event rows in, a Plotly figure dict out.

No ORM, no request: selectors hand over plain rows, these functions return the dict that
``json_script`` ships to the browser, where ``static/timeline/js/timeline.js`` draws it.

Trace and layout *shells* are built with ``plotly.graph_objects`` so every property name and
value is checked by the plotly package; the long data arrays (x, y, customdata) are attached
to the resulting dicts afterwards, because plotly's validators cost tens of microseconds per
point and the shells alone catch every mistake a typo could make.

Every string that comes from an article, an editor or an admin (titles, actor names) goes
through :func:`plotly_text` before it reaches the figure: Plotly renders a subset of HTML
(``<a href>``, ``<b>``, ``<br>``...) in hover labels, tick labels and legends, and decodes
``&lt;``-style entities back into plain characters, so escaped text shows as typed.
"""

from __future__ import annotations

import datetime
import functools
import html
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

import plotly.graph_objects as go

from timeline import categories
from timeline.dates import EventDate
from timeline.extraction import timex_calendar as cal

# Above this many markers (day-precision events; bars are always SVG), markers are drawn
# with WebGL (scattergl): SVG slows to a crawl with thousands of nodes, WebGL does not. Below
# it SVG draws well (a 1,900-event view, 1,170 markers, in under a second in Chromium
# without a GPU), and works where WebGL does not: without a GPU, Chromium has no WebGL and
# Plotly shows a notice instead of the chart.
WEBGL_THRESHOLD = 1500
# Above this many events in the current view the selector sends counts per lane per period
# instead of events (see timeline.selectors); the chart says so and zooming in brings the
# events back.
EVENT_LIMIT = 2000

TITLE_MAX = 140
# Sub-rows inside a lane for interval bars, so overlapping months do not hide each other.
BAR_ROWS = 3

# Lanes by actor: the busiest actors get their own lane, the rest share one.
ACTOR_LANES = 12
OTHER_ACTORS = "__other__"
NO_ACTOR = "__none__"
FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'
DAY_MS = 86_400_000

# Uncertain dates get hatched bars; early/mid/late already narrow the interval itself.
_UNCERTAIN_MODS = {"APPROX", "BEFORE", "AFTER"}


@dataclass(frozen=True, slots=True)
class ChartEvent:
    """One event as the chart needs it; ``lanes`` are the lane keys it is drawn in and
    ``url`` the address of its detail panel. ``factuality_word`` is empty for what
    happened, else the word a reader is told ("planned", "did not happen"): such events
    are drawn hollow (days) or outlined (coarser dates), never as facts."""

    pk: int
    title: str
    category: str
    date: EventDate
    n_sources: int
    lanes: tuple[str, ...]
    url: str = ""
    factuality_word: str = ""

    @property
    def happened(self) -> bool:
        return not self.factuality_word

    @property
    def start(self) -> datetime.date:
        return self.date.start

    @property
    def end(self) -> datetime.date:
        return self.date.end

    @property
    def precision(self) -> str:
        return self.date.precision

    @property
    def mod(self) -> str:
        return self.date.mod


@dataclass(frozen=True, slots=True)
class Lane:
    key: str
    label: str


@dataclass(frozen=True, slots=True)
class LaneCount:
    """How many events of one lane start in one period (aggregate view)."""

    lane: str
    period: datetime.date
    count: int


@dataclass(frozen=True, slots=True)
class CompareSeries:
    """One conflict of a comparison: its events, and the day its clock starts at when
    the conflicts are aligned on a reference event (``None`` on the calendar)."""

    label: str
    events: Sequence[ChartEvent]
    origin: datetime.date | None = None


def plotly_text(text: str, *, limit: int | None = None) -> str:
    """Text from a user or an article, made safe for Plotly's HTML subset.

    Truncates first (on the raw text, so an entity is never cut in half), then escapes
    ``& < >``: with no ``<`` left no tag can form, and Plotly turns these three entities
    back into characters when it draws, so the reader sees exactly what was typed. Quotes
    stay as they are because Plotly does not decode ``&quot;`` (it would show literally).
    """
    text = " ".join(str(text).split())
    if limit is not None and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return html.escape(text, quote=False)


def category_colour(category: str) -> str:
    """The colour of a category, shared by the chart, its legend and the page's swatches."""
    return categories.colour(category)


def event_date_label(event: ChartEvent) -> str:
    """The date as the precision allows, with the precision named for coarse dates, and
    the factuality word for what is not a fact ("May 2021 (month) · planned")."""
    label = event.date.display
    if event.precision != "day":
        label = f"{label} ({event.precision})"
    if event.factuality_word:
        label = f"{label} · {event.factuality_word}"
    return label


def _tint(colour: str, alpha: float) -> str:
    """``#rrggbb`` as ``rgba(r,g,b,alpha)``: the light fill of an outlined bar."""
    value = colour.lstrip("#")
    if len(value) != 6:
        return colour
    r, g, b = (int(value[i : i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{alpha})"


def timeline_figure(
    *,
    events: Sequence[ChartEvent],
    lanes: Sequence[Lane],
    category_labels: dict[str, str],
    window: tuple[datetime.date, datetime.date] | None = None,
    span: tuple[datetime.date, datetime.date] | None = None,
    filename: str = "timeline",
    event_url: str = "",
) -> dict:
    """The event view: one lane per category or actor, each event drawn at its precision.

    Day-precision events are markers in the upper half of their lane (WebGL above
    ``WEBGL_THRESHOLD`` markers); coarser events are lighter horizontal bars spanning their
    whole inclusive interval in the lower half, packed into a few sub-rows so overlapping
    periods stay visible, hatched when the date is approximate or open-ended. What did not
    (or not yet) happen is drawn apart: hollow markers, outlined bars with a lighter fill,
    the factuality word in the hover. ``customdata`` of every point starts with the
    event's primary key, which the page script uses to open the event panel: at
    ``event_url`` followed by the key when given (sent once, in ``layout.meta``), else at
    the event's own ``url`` (``customdata[4]``). ``window`` (inclusive dates) fixes the
    visible range; without it the range is ``span`` (the conflict's core span) when given,
    else the span of the events.

    The figure is sent with every page, so what repeats is sent once: in lanes by category
    the hover names the category from its trace (``%{data.name}``) instead of every point
    naming it, and what all traces of a type share (hover template, selection styles...)
    sits once in ``layout.template`` (see :func:`_shared_in_template`).
    """
    lane_index = {lane.key: i for i, lane in enumerate(lanes)}
    points: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    bars: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    hollow: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    outlined: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    bar_row_ends: dict[int, list[datetime.date]] = defaultdict(
        lambda: [datetime.date.min] * BAR_ROWS
    )
    same_day: dict[tuple[int, datetime.date], int] = defaultdict(int)
    multi_lane = len(lanes) > 1 and any(len(e.lanes) > 1 for e in events)
    label_of = {lane.key: plotly_text(lane.label) for lane in lanes}
    # Lanes by category: each trace's hover names its category, the points only their
    # sources. Otherwise every point names its lane and category.
    by_category = not multi_lane and all(e.lanes == (e.category,) for e in events)
    category_of = {k: plotly_text(v) for k, v in category_labels.items()}

    n_markers = 0
    for event in events:
        title = plotly_text(event.title, limit=TITLE_MAX)
        date_label = plotly_text(event_date_label(event))
        sources = f"{event.n_sources} source{'s' if event.n_sources != 1 else ''}"
        if not by_category:
            category = category_of.get(event.category) or plotly_text(event.category)
            sources = f"{category} · {sources}"
        for lane_key in event.lanes:
            i = lane_index.get(lane_key)
            if i is None:
                continue
            detail = sources
            if not by_category and (multi_lane or lane_key != event.category):
                detail = f"{label_of[lane_key]} · {detail}"
            custom = [event.pk, title, date_label, detail]
            if not event_url:
                custom.append(event.url)
            if event.precision == "day":
                n_markers += 1
                # Same-day events in one lane step down a little instead of hiding each other.
                k = same_day[(i, event.start)]
                same_day[(i, event.start)] = k + 1
                trace = (points if event.happened else hollow)[event.category]
                trace["x"].append(event.start.isoformat())
                trace["y"].append(round(i - 0.22 + 0.07 * (k % 3), 3))
                trace["customdata"].append(custom)
            else:
                row_ends = bar_row_ends[i]
                row = next(
                    (r for r in range(BAR_ROWS) if row_ends[r] < event.start),
                    min(range(BAR_ROWS), key=lambda r: row_ends[r]),
                )
                row_ends[row] = max(row_ends[row], event.end)
                days = (event.end - event.start).days + 1
                trace = (bars if event.happened else outlined)[event.category]
                trace["base"].append(event.start.isoformat())
                trace["x"].append(days * DAY_MS)
                trace["y"].append(round(i + 0.03 + 0.15 * row, 3))
                trace["customdata"].append(custom)
                trace["pattern"].append("/" if event.mod in _UNCERTAIN_MODS else "")

    hover = (
        "<b>%{customdata[1]}</b><br>%{customdata[2]}<br>"
        '<span style="color:#5b636e">%{customdata[3]}</span><extra></extra>'
    )
    marker_type = go.Scattergl if n_markers > WEBGL_THRESHOLD else go.Scatter
    data = _category_traces(
        columns={"points": points, "bars": bars, "hollow": hollow, "outlined": outlined},
        category_labels=category_labels,
        hover=hover,
        marker_type=marker_type,
        bar_width=0.13,
        # When the reader opens an event the page script selects it; the rest fade.
        selection=True,
        category_in_hover=by_category,
    )

    x_range = _x_range(window, events, span)
    layout = _lane_layout(lanes, x_range=x_range)
    layout["barmode"] = "overlay"
    if event_url:
        layout["meta"] = {"event_url": event_url}
    _shared_in_template(data, layout)
    if not events:
        layout["annotations"] = [_note("No events match these filters.")]
    return {"data": data, "layout": layout, "config": _config(filename)}


def _category_traces(
    *,
    columns: dict[str, dict[str, dict[str, list]]],
    category_labels: dict[str, str],
    hover: str,
    marker_type,
    bar_width: float,
    selection: bool = False,
    category_in_hover: bool = False,
) -> list[dict]:
    """The traces of an event figure, per category in registry order: bars, outlined bars
    (not facts), markers, hollow markers (not facts), drawn in that order.

    ``columns`` maps each of the four kinds to its columns per category. Each category has
    one legend entry, on its most telling trace; the others share its legend group, so
    clicking the entry hides all of them. With ``category_in_hover`` the hover names the
    trace's category (its legend name) before ``customdata[3]``.
    """
    bar_selection = point_selection = {}
    if selection:
        bar_selection = {
            "selected": {"marker": {"opacity": 0.9}},
            "unselected": {"marker": {"opacity": 0.15}},
        }
        point_selection = {
            "selected": {"marker": {"size": 14}},
            "unselected": {"marker": {"opacity": 0.3}},
        }
    present = set().union(*(kind.keys() for kind in columns.values()))
    data: list[dict] = []
    for category in _ordered_categories(category_labels, present):
        colour = category_colour(category)
        style = _CategoryStyle(
            name=plotly_text(category_labels.get(category, category)),
            category=category,
            colour=colour,
            hover=hover.replace("%{customdata[3]}", "%{data.name} · %{customdata[3]}")
            if category_in_hover
            else hover,
        )
        legend = next(
            kind for kind in ("points", "bars", "hollow", "outlined") if category in columns[kind]
        )
        for kind in ("bars", "outlined"):
            if category not in columns[kind]:
                continue
            cols = columns[kind][category]
            shell = _bar_trace(
                style,
                show_legend=legend == kind,
                width=bar_width,
                columns=cols,
                selection=bar_selection,
                outlined=kind == "outlined",
            )
            if any(cols.get("pattern", ())):
                shell["marker"]["pattern"] = {
                    "shape": cols["pattern"],
                    "fgcolor": colour,
                    "bgcolor": "rgba(255,255,255,0.6)",
                    "size": 6,
                }
            data.append(shell)
        for kind in ("points", "hollow"):
            if category not in columns[kind]:
                continue
            data.append(
                _marker_trace(
                    marker_type,
                    style,
                    columns=columns[kind][category],
                    selection=point_selection,
                    show_legend=legend == kind,
                    hollow=kind == "hollow",
                )
            )
    return data


def aggregate_figure(
    *,
    counts: Iterable[LaneCount],
    lanes: Sequence[Lane],
    period: str,
    total: int,
    window: tuple[datetime.date, datetime.date] | None = None,
    span: tuple[datetime.date, datetime.date] | None = None,
    filename: str = "timeline",
) -> dict:
    """The overview of a large view: how many events each lane has per period.

    Drawn as one heatmap strip per lane (``period`` is ``year``, ``month``, ``week`` or
    ``day``), with a note telling the reader to zoom in; clicking a cell zooms to its
    period. Its size depends on the number of lanes and periods, never on the number of
    events, which is what keeps a 100,000-event conflict as light as a small one. The
    visible range is ``window``, else ``span`` (the core span), else every period.
    """
    counts = list(counts)
    lane_index = {lane.key: i for i, lane in enumerate(lanes)}
    periods = sorted({c.period for c in counts})
    column = {p: j for j, p in enumerate(periods)}
    z: list[list[int | None]] = [[None] * len(periods) for _ in lanes]
    for c in counts:
        i = lane_index.get(c.lane)
        if i is not None and c.count:
            z[i][column[c.period]] = (z[i][column[c.period]] or 0) + c.count

    labels = [plotly_text(lane.label) for lane in lanes]
    # Each column carries its period's label, first day and length in days, so the page
    # script zooms to it without a calendar of its own (and d3 cannot say "week of
    # <Monday>"). They travel once, in the trace's meta: the page script places each
    # column at its period's middle (x) and gives every lane's cells the same [label,
    # first day, last day] as their customdata. Sent per cell they were most of the page.
    spans = [_period_span(p, period) for p in periods]
    columns = [
        [_period_label(p, period), lo.isoformat(), (hi - lo).days + 1]
        for p, (lo, hi) in zip(periods, spans, strict=True)
    ]
    when = "%{customdata[0]}"
    shell = _counts_heatmap(
        ygap=6,
        showscale=True,
        hovertemplate=(
            f"<b>%{{y}}</b><br>{when}: %{{z:,}} events<br>"
            '<span style="color:#5b636e">click to zoom in</span><extra></extra>'
        ),
    )
    shell.update(y=labels, z=z, meta={"columns": columns})
    data = [shell] if periods else []

    x_range = None
    if window is not None:
        x_range = (window[0], window[1] + datetime.timedelta(days=1))
    elif span is not None:
        x_range = _padded((span[0], span[1] + datetime.timedelta(days=1)))
    elif periods:
        x_range = _padded((periods[0], _period_span(periods[-1], period)[1]))
    layout = _lane_layout(lanes, x_range=x_range)
    _lanes_as_categories(layout)
    unit = {"year": "year", "month": "month", "week": "week", "day": "day"}[period]
    layout["annotations"] = [
        _note(
            f"{total:,} events: too many to draw one by one, so each cell counts the events "
            f"starting in that {unit}. Zoom in (drag across the chart) to see the events."
        )
    ]
    layout["margin"]["t"] = 44
    return {"data": data, "layout": layout, "config": _config(filename)}


def compare_figure(
    *,
    series: Sequence[CompareSeries],
    category_labels: dict[str, str],
    aligned_on: str = "",
    span: tuple[datetime.date, datetime.date] | None = None,
    filename: str = "comparison",
) -> dict:
    """Several conflicts one above the other, each in its own lane, coloured by category.

    On the calendar the x axis is dates, opening on ``span`` when given (the conflicts'
    core span: background history is drawn, one pan away). When ``aligned_on`` names the
    reference (for example "first talks") every series is shifted so its ``origin`` is
    zero and the x axis counts months since then; a series without an origin is left out
    and named in a note. Coarse events are bars, day events markers, what is not a fact
    hollow or outlined, as in :func:`timeline_figure`.
    """
    lanes = [Lane(key=str(i), label=s.label) for i, s in enumerate(series)]
    aligned = bool(aligned_on)
    columns: dict[str, dict[str, dict[str, list]]] = {
        kind: defaultdict(lambda: defaultdict(list))
        for kind in ("points", "bars", "hollow", "outlined")
    }
    skipped = []
    n_markers = 0
    for i, s in enumerate(series):
        if aligned and s.origin is None:
            skipped.append(s.label)
            continue
        for event in s.events:
            custom = [
                event.pk,
                plotly_text(event.title, limit=TITLE_MAX),
                plotly_text(event_date_label(event)),
                plotly_text(f"{s.label} · {category_labels.get(event.category, event.category)}"),
                event.url,
            ]
            if event.precision == "day":
                n_markers += 1
                trace = columns["points" if event.happened else "hollow"][event.category]
                trace["x"].append(_months(event.start, s.origin) if aligned else str(event.start))
                trace["y"].append(i - 0.15)
                trace["customdata"].append(custom)
            else:
                trace = columns["bars" if event.happened else "outlined"][event.category]
                if aligned:
                    trace["base"].append(_months(event.start, s.origin))
                    days = (event.end - event.start).days + 1
                    trace["x"].append(round(days / 30.4375, 3))
                else:
                    trace["base"].append(event.start.isoformat())
                    trace["x"].append(((event.end - event.start).days + 1) * DAY_MS)
                trace["y"].append(i + 0.18)
                trace["customdata"].append(custom)

    hover = (
        "<b>%{customdata[1]}</b><br>%{customdata[2]}<br>"
        '<span style="color:#5b636e">%{customdata[3]}</span><extra></extra>'
    )
    marker_type = go.Scattergl if n_markers > WEBGL_THRESHOLD else go.Scatter
    data = _category_traces(
        columns=columns,
        category_labels=category_labels,
        hover=hover,
        marker_type=marker_type,
        bar_width=0.16,
    )

    x_range = None
    if span is not None and not aligned:
        x_range = _padded((span[0], span[1] + datetime.timedelta(days=1)))
    layout = _lane_layout(lanes, x_range=x_range)
    layout["barmode"] = "overlay"
    layout["height"] = max(240, 110 + 90 * len(lanes))
    if aligned:
        # Below the axis title, which the default position would cover.
        layout["legend"].update(y=-78 / (layout["height"] - 76), yanchor="top")
        layout["margin"]["b"] = 90
        layout["xaxis"] = _months_since_axis(aligned_on)
    notes = []
    if skipped:
        notes.append(_not_aligned_note(aligned_on, skipped))
    if not any(s.events for s in series):
        notes.append(_note("No events to compare."))
    if notes:
        layout["annotations"] = notes
    return {"data": data, "layout": layout, "config": _config(filename)}


def _counts_heatmap(**props) -> dict:
    """The shell of a heatmap of event counts (one strip per lane), in the one colour
    scale of the aggregate timeline and the large comparison."""
    return _checked(
        go.Heatmap,
        name="Events",
        colorscale=[[0.0, "#cfe0ee"], [0.35, "#6f9fc6"], [1.0, "#173f5f"]],
        zmin=0,
        xgap=1,
        hoverongaps=False,
        colorbar={"title": {"text": "events"}, "thickness": 10, "len": 0.8},
        **props,
    )


def _lanes_as_categories(layout: dict) -> None:
    """Lanes as y-axis categories (hover shows their label); index positions still apply."""
    layout["yaxis"].update(type="category", tickmode="auto")
    layout["yaxis"].pop("tickvals", None)
    layout["yaxis"].pop("ticktext", None)


def _months_since_axis(aligned_on: str) -> dict:
    """The x axis of an aligned comparison: months since each conflict's origin."""
    return _checked(
        go.layout.XAxis,
        type="linear",
        title={"text": f"months since {plotly_text(aligned_on)}"},
        zeroline=True,
        zerolinecolor="#1f2328",
        gridcolor="#eef1f4",
    )


def _not_aligned_note(aligned_on: str, skipped: Iterable[str]) -> dict:
    """The note naming the conflicts an aligned comparison leaves out (no origin)."""
    return _note(
        f"Not shown (no {plotly_text(aligned_on)} to align on): "
        + ", ".join(plotly_text(s) for s in skipped)
    )


def _checked(cls, **props) -> dict:
    """``cls(**props)`` validated by plotly, as a plain dict. The same few shells recur on
    every page, and plotly's validation costs milliseconds each, so results are cached by
    value (a copy is returned, read back from JSON, which is several times faster than a
    deep copy: callers attach their data arrays to it)."""
    return json.loads(_checked_json(cls, json.dumps(props, sort_keys=True)))


@functools.lru_cache(maxsize=512)
def _checked_json(cls, key: str) -> str:
    return json.dumps(cls(**json.loads(key)).to_plotly_json())


@dataclass(frozen=True, slots=True)
class _CategoryStyle:
    """What every trace of one category shares: its legend entry and group, its colour and
    its hover template."""

    name: str
    category: str
    colour: str
    hover: str

    def shell(self, cls, *, show_legend: bool, selection: dict | None, **props) -> dict:
        """A validated ``cls`` trace in this style, without its data columns."""
        return _checked(
            cls,
            name=self.name,
            legendgroup=self.category,
            showlegend=show_legend,
            hovertemplate=self.hover,
            **props,
            **(selection or {}),
        )


def _bar_trace(
    style: _CategoryStyle,
    *,
    show_legend: bool,
    width: float,
    columns: dict,
    selection: dict | None = None,
    outlined: bool = False,
) -> dict:
    """One lane's coarse-precision events as light horizontal bars over their intervals;
    ``outlined`` bars (what did not or not yet happen) are a thin outline around an even
    lighter fill."""
    colour = style.colour
    if outlined:
        marker = {
            "color": _tint(colour, 0.14),
            "opacity": 1,
            "line": {"width": 1.5, "color": colour},
        }
    else:
        marker = {"color": colour, "opacity": 0.45, "line": {"width": 0}}
    shell = style.shell(
        go.Bar,
        show_legend=show_legend,
        selection=selection,
        orientation="h",
        width=width,
        marker=marker,
    )
    shell.update(
        base=columns["base"], x=columns["x"], y=columns["y"], customdata=columns["customdata"]
    )
    return shell


def _marker_trace(
    marker_type,
    style: _CategoryStyle,
    *,
    columns: dict,
    selection: dict | None = None,
    show_legend: bool = True,
    hollow: bool = False,
) -> dict:
    """One lane's day-precision events as markers (SVG or WebGL by ``marker_type``);
    ``hollow`` markers (what did not or not yet happen) are rings in the lane's colour."""
    colour = style.colour
    if hollow:
        marker = {
            "color": colour,
            "size": 10,
            "symbol": "circle-open",
            "line": {"width": 2, "color": colour},
        }
    else:
        marker = {"color": colour, "size": 10, "line": {"width": 1, "color": "#ffffff"}}
    shell = style.shell(
        marker_type, show_legend=show_legend, selection=selection, mode="markers", marker=marker
    )
    shell.update(x=columns["x"], y=columns["y"], customdata=columns["customdata"])
    return shell


# Trace properties that are often the same in every trace of a type.
_SHAREABLE = ("hovertemplate", "selected", "unselected", "mode", "orientation", "width")


def _shared_in_template(data: list[dict], layout: dict) -> None:
    """Move what every trace of a type has in common (of ``_SHAREABLE``) into
    ``layout.template.data``, which plotly.js applies to each trace of that type: sent once
    instead of once per trace, as a timeline has up to four traces per category."""
    shared: dict[str, list[dict]] = {}
    for kind in dict.fromkeys(t["type"] for t in data):
        traces = [t for t in data if t["type"] == kind]
        if len(traces) < 2:
            continue
        first = traces[0]
        common = {
            k: first[k]
            for k in _SHAREABLE
            if k in first and all(k in t and t[k] == first[k] for t in traces)
        }
        if not common:
            continue
        for trace in traces:
            for k in common:
                del trace[k]
        shared[kind] = [common]
    if shared:
        layout["template"] = {"data": shared}


def _ordered_categories(labels: dict[str, str], present: Iterable[str]) -> list[str]:
    present = set(present)
    known = [c for c in labels if c in present]
    return known + sorted(present - set(known))


def _lane_layout(
    lanes: Sequence[Lane], *, x_range: tuple[datetime.date, datetime.date] | None
) -> dict:
    n = max(len(lanes), 1)
    xaxis: dict = {
        "type": "date",
        "showgrid": True,
        "gridcolor": "#eef1f4",
        "linecolor": "#c9d0d8",
        "ticks": "outside",
        "tickcolor": "#c9d0d8",
    }
    if x_range is not None:
        xaxis["range"] = [x_range[0].isoformat(), x_range[1].isoformat()]
        xaxis["autorange"] = False
    layout = _checked(
        go.Layout,
        height=max(240, 110 + 52 * n),
        margin={"l": 10, "r": 44, "t": 36, "b": 40},
        # Upright at the right edge, clear of the legend above the plot.
        modebar={"orientation": "v", "bgcolor": "rgba(255,255,255,0.8)"},
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="#ffffff",
        font={"family": FONT, "size": 13, "color": "#1f2328"},
        hovermode="closest",
        hoverlabel={
            "bgcolor": "#ffffff",
            "bordercolor": "#c9d0d8",
            "font": {"size": 13, "color": "#1f2328"},
        },
        dragmode="zoom",
        showlegend=True,
        # Above the plot: below it, the legend collides with two-line date ticks.
        legend={"orientation": "h", "x": 0, "y": 1.0, "yanchor": "bottom", "font": {"size": 12}},
        xaxis=xaxis,
        yaxis={
            "tickmode": "array",
            "tickvals": list(range(len(lanes))),
            "ticktext": [plotly_text(lane.label, limit=40) for lane in lanes],
            "range": [n - 0.5, -0.5],
            "fixedrange": True,
            "showgrid": False,
            "zeroline": False,
            "automargin": True,
            "ticks": "",
        },
        # Hairlines between lanes, drawn under the data.
        shapes=[
            {
                "type": "line",
                "xref": "paper",
                "x0": 0,
                "x1": 1,
                "yref": "y",
                "y0": i + 0.5,
                "y1": i + 0.5,
                "line": {"color": "#e3e7ec", "width": 1},
                "layer": "below",
            }
            for i in range(n - 1)
        ],
    )
    return layout


def _note(text: str) -> dict:
    return _checked(
        go.layout.Annotation,
        text=text,
        xref="paper",
        yref="paper",
        x=0,
        y=1,
        yanchor="bottom",
        xanchor="left",
        showarrow=False,
        font={"size": 12, "color": "#5b636e"},
    )


def _config(filename: str) -> dict:
    return {
        "displaylogo": False,
        "responsive": True,
        "scrollZoom": False,
        "modeBarButtonsToRemove": ["select2d", "lasso2d", "toggleSpikelines"],
        "toImageButtonOptions": {"format": "png", "filename": filename, "scale": 2},
    }


def _x_range(
    window: tuple[datetime.date, datetime.date] | None,
    events: Sequence[ChartEvent],
    span: tuple[datetime.date, datetime.date] | None = None,
) -> tuple[datetime.date, datetime.date] | None:
    if window is not None:
        # The window is inclusive: its last day is drawn whole.
        return window[0], window[1] + datetime.timedelta(days=1)
    if span is not None:
        return _padded((span[0], span[1] + datetime.timedelta(days=1)))
    if not events:
        return None
    lo = min(e.start for e in events)
    hi = max(e.end for e in events) + datetime.timedelta(days=1)
    return _padded((lo, hi))


def _padded(span: tuple[datetime.date, datetime.date]) -> tuple[datetime.date, datetime.date]:
    lo, hi = span
    pad = datetime.timedelta(days=max(3, (hi - lo).days // 40))
    return lo - pad, hi + pad


def _months(day: datetime.date, origin: datetime.date | None) -> float:
    return round((day - (origin or day)).days / 30.4375, 3)


def _period_span(start: datetime.date, period: str) -> tuple[datetime.date, datetime.date]:
    """Inclusive first and last day of the period of ``period`` containing ``start``."""
    return cal.span(period, start)


def _period_centre(start: datetime.date, period: str) -> datetime.date:
    lo, hi = _period_span(start, period)
    return lo + (hi - lo) / 2


def _period_label(start: datetime.date, period: str) -> str:
    return cal.label(cal.containing(period, start))


# --- Lanes and binning (chart policy: which lanes a view gets, which period it counts) ----


def period_for(span_days: int) -> str:
    """The period an overview counts by, for a window of ``span_days``."""
    if span_days <= 120:
        return "day"
    if span_days <= 3 * 366:
        return "week"
    if span_days <= 40 * 366:
        return "month"
    return "year"


@functools.lru_cache(maxsize=8192)
def period_start(day: datetime.date, period: str) -> datetime.date:
    """The first day of the ``period`` (day, week, month, year) containing ``day``. Cached:
    folding the counts of a large view asks it for the same few hundred days over and
    over."""
    return cal.span(period, day)[0]


def event_lanes(
    *, events: Sequence[ChartEvent], by: str, category_labels: dict[str, str], names: dict[str, str]
) -> list[Lane]:
    """The lanes of an event view: the categories present, in registry order, or (``by ==
    "actor"``) the busiest actors, then "Other actors" and "No actor named".

    ``names`` maps actor lane keys (their ids as text) to names.
    """
    if by != "actor":
        present = {e.category for e in events}
        return [Lane(key=k, label=v) for k, v in category_labels.items() if k in present]
    per_actor: Counter = Counter(k for e in events for k in e.lanes if k != NO_ACTOR)
    return _actor_lanes(
        per_actor=per_actor, names=names, unassigned=any(e.lanes == (NO_ACTOR,) for e in events)
    )


def count_lanes(
    *, counts: Sequence[LaneCount], by: str, category_labels: dict[str, str], names: dict[str, str]
) -> list[Lane]:
    """The lanes of an overview, from its counts, as :func:`event_lanes` picks them."""
    if by != "actor":
        present = {c.lane for c in counts if c.count}
        return [Lane(key=k, label=v) for k, v in category_labels.items() if k in present]
    per_actor: Counter = Counter()
    for c in counts:
        if c.lane != NO_ACTOR:
            per_actor[c.lane] += c.count
    return _actor_lanes(
        per_actor=per_actor, names=names, unassigned=any(c.lane == NO_ACTOR for c in counts)
    )


def _actor_lanes(*, per_actor: Counter, names: dict[str, str], unassigned: bool) -> list[Lane]:
    ranked = sorted(per_actor, key=lambda k: (-per_actor[k], names.get(k, "")))
    lanes = [Lane(key=k, label=names.get(k, k)) for k in ranked[:ACTOR_LANES]]
    if len(ranked) > ACTOR_LANES:
        lanes.append(Lane(key=OTHER_ACTORS, label="Other actors"))
    if unassigned:
        lanes.append(Lane(key=NO_ACTOR, label="No actor named"))
    return lanes


def fold_lanes(events: Sequence[ChartEvent], lanes: Sequence[Lane]) -> list[ChartEvent]:
    """Send events of actors without a lane of their own to the shared "Other" lane."""
    keep = {lane.key for lane in lanes}
    if OTHER_ACTORS not in keep:
        return list(events)
    folded = []
    for event in events:
        lanes_of = tuple(dict.fromkeys(k if k in keep else OTHER_ACTORS for k in event.lanes))
        folded.append(event if lanes_of == event.lanes else replace(event, lanes=lanes_of))
    return folded


def fold_counts(
    counts: Iterable[LaneCount], lanes: Sequence[Lane], *, period: str, since: datetime.date
) -> list[LaneCount]:
    """Counts summed per lane and period: lanes without a place go to "Other actors", and
    periods start no earlier than ``since`` (the window's first day)."""
    keep = {lane.key for lane in lanes}
    # A plain loop over a dict: a 10,000-event view folds thousands of counts per request.
    folded: dict[tuple[str, datetime.date], int] = {}
    for c in counts:
        key = (
            c.lane if c.lane in keep else OTHER_ACTORS,
            period_start(c.period if c.period > since else since, period),
        )
        folded[key] = folded.get(key, 0) + c.count
    return [LaneCount(k, p, n) for (k, p), n in folded.items()]


@dataclass(frozen=True, slots=True)
class CompareCounts:
    """One conflict of a large comparison: events per month (keyed by the month's first
    day), and the day its clock starts at when aligned."""

    label: str
    months: dict[datetime.date, int]
    origin: datetime.date | None = None


def compare_counts_figure(
    *,
    series: Sequence[CompareCounts],
    aligned_on: str = "",
    span: tuple[datetime.date, datetime.date] | None = None,
) -> dict:
    """A comparison too large to draw event by event: one heatmap strip per conflict.

    On the calendar the columns are months, the axis opening on ``span`` when given (the
    core span); aligned, they are whole months since each conflict's origin (month 0 holds
    the origin), and conflicts without an origin are left out and named in a note.
    """
    aligned = bool(aligned_on)
    shown = [s for s in series if not aligned or s.origin is not None]
    skipped = [s.label for s in series if aligned and s.origin is None]
    labels = [plotly_text(s.label) for s in shown]
    if aligned:
        keyed = [
            {_month_index(m) - _month_index(s.origin): n for m, n in s.months.items()}
            for s in shown
        ]
    else:
        keyed = [
            {_period_centre(m, "month").isoformat(): n for m, n in s.months.items()} for s in shown
        ]
    columns = sorted({k for row in keyed for k in row})
    z = [[row.get(k) for k in columns] for row in keyed]
    when = "month %{x}" if aligned else "%{x|%b %Y}"
    shell = _counts_heatmap(
        ygap=8, hovertemplate=f"<b>%{{y}}</b><br>{when}: %{{z:,}} events<extra></extra>"
    )
    shell.update(x=columns, y=labels, z=z)
    lanes = [Lane(key=str(i), label=s.label) for i, s in enumerate(shown)]
    x_range = None
    if span is not None and not aligned:
        x_range = _padded((span[0], span[1] + datetime.timedelta(days=1)))
    layout = _lane_layout(lanes, x_range=x_range)
    _lanes_as_categories(layout)
    layout["height"] = max(220, 90 + 70 * len(lanes))
    layout["margin"]["t"] = 44
    if aligned:
        layout["xaxis"] = _months_since_axis(aligned_on)
    notes = [_note("Events per month: too many to draw one by one.")]
    if skipped:
        notes.append(_not_aligned_note(aligned_on, skipped))
        notes[-1]["y"] = 1.08
    layout["annotations"] = notes
    return {"data": [shell] if columns else [], "layout": layout, "config": _config("comparison")}


def activity_strip(monthly: dict[str, int], *, columns: int = 96) -> tuple[str, int]:
    """An SVG path drawing events per month as bars in a 100 × 20 box, and the peak.

    ``monthly`` maps "YYYY-MM" to counts. Long spans are folded into at most ``columns``
    equal bins of whole months so the strip stays a few hundred bytes however long the
    conflict. Returns ``("", 0)`` without events.
    """
    if not monthly:
        return "", 0
    keys = sorted(monthly)
    first = int(keys[0][:4]) * 12 + int(keys[0][5:7]) - 1
    last = int(keys[-1][:4]) * 12 + int(keys[-1][5:7]) - 1
    n_months = last - first + 1
    per_bin = max(1, -(-n_months // columns))
    bins = [0] * (-(-n_months // per_bin))
    for key, n in monthly.items():
        index = int(key[:4]) * 12 + int(key[5:7]) - 1 - first
        bins[index // per_bin] += n
    peak = max(bins)
    width = 100 / len(bins)
    parts = []
    for i, n in enumerate(bins):
        if not n:
            continue
        height = max(1.5, 20 * n / peak)
        parts.append(f"M{i * width:.2f} 20v-{height:.1f}h{max(width * 0.8, 0.4):.2f}v{height:.1f}z")
    return "".join(parts), peak


def _month_index(day: datetime.date) -> int:
    return day.year * 12 + day.month - 1
