/*
 * Timeline charts: draws every `[data-figure]` element from the JSON the server put in a
 * `json_script` block, and keeps the address bar a permalink of what the reader sees.
 *
 * - Zooming or panning the chart writes the window into the filter form's from/to fields
 *   and submits it through htmx, which swaps the timeline panel; the server answers with
 *   the canonical permalink (HX-Push-Url), so this file knows no URL rules of its own.
 * - "Show the whole span" (data-set-window, with the dates the server put in data-from
 *   and data-to) and "Clear the dates" (data-clear-window) go through the form the same way.
 * - Clicking an event loads the URL the server gave it into the event panel: the
 *   timeline's figure sends the address once (layout.meta.event_url, followed by the
 *   event's key, customdata[0]); other figures put it in the point (customdata[4]).
 *   Clicking a cell of the overview zooms to the span the server gave its column
 *   (trace.meta.columns: label, first day, number of days): no calendar here either.
 * - Editors' saves answer with `HX-Trigger: timeline-changed`; a hidden element of the
 *   timeline panel listens for it (hx-trigger="timeline-changed from:body") and reloads the
 *   panel with the same filters and page; the chart is redrawn here after the swap.
 *
 * No inline scripts anywhere (CSP): this file and plotly.min.js are the only scripts.
 */
(function () {
  "use strict";

  function filterForm() {
    return document.getElementById("timeline-filters");
  }

  function figureOf(chart) {
    var source = document.getElementById(chart.dataset.figure);
    if (!source) return null;
    try {
      return unpack(JSON.parse(source.textContent));
    } catch (err) {
      console.error("timeline: unreadable figure data", err);
      return null;
    }
  }

  var DAY_MS = 86400000;

  function addDays(iso, days) {
    return new Date(Date.parse(iso + "T00:00:00Z") + days * DAY_MS).toISOString().slice(0, 10);
  }

  // What the server sends once, given back to every point: each event's panel address
  // (customdata[4]) and each heatmap cell's period. A column comes as [label, first day,
  // days]; its cells get [label, first day, last day] (the hover shows the label, a
  // click zooms to the days) and it stands at its period's middle day, where the server
  // used to put it. The rows are shared by the lanes, never copied.
  function unpack(figure) {
    var meta = (figure.layout && figure.layout.meta) || {};
    (figure.data || []).forEach(function (trace) {
      if (trace.type === "heatmap" && trace.meta && trace.meta.columns && trace.z) {
        var columns = trace.meta.columns.map(function (c) {
          return [c[0], c[1], addDays(c[1], c[2] - 1)];
        });
        trace.x = trace.meta.columns.map(function (c) {
          return addDays(c[1], Math.floor((c[2] - 1) / 2));
        });
        trace.customdata = trace.z.map(function () { return columns; });
      } else if (meta.event_url && trace.customdata) {
        trace.customdata.forEach(function (row) {
          row[4] = meta.event_url + row[0];
        });
      }
    });
    return figure;
  }

  // Below this width the lane labels leave the plot so little room that a legend would
  // put every entry on a line of its own, above a chart squeezed out of sight; the lanes,
  // the hover and the list name the categories there.
  var NARROW = 560;

  function draw(chart) {
    var figure = figureOf(chart);
    if (!figure || !window.Plotly) return;
    chart.dataset.drawn = "";
    var layout = figure.layout;
    if (chart.clientWidth && chart.clientWidth < NARROW) {
      layout = Object.assign({}, layout, { showlegend: false });
    }
    window.Plotly.react(chart, figure.data, layout, figure.config).then(function () {
      bind(chart);
      markOpenEvent(chart);
      chart.dataset.drawn = "true";
      if (window.performance && performance.mark) performance.mark("timeline-drawn");
    });
  }

  function drawAll(root) {
    (root || document).querySelectorAll("[data-figure]").forEach(function (chart) {
      if (chart.dataset.drawn !== "true") draw(chart);
    });
  }

  function isoDay(value) {
    // Plotly gives ranges as "2020-03-14 05:33:12.5" or as milliseconds.
    var ms = typeof value === "number" ? value : Date.parse(String(value).replace(" ", "T") + (String(value).length > 10 ? "Z" : ""));
    if (isNaN(ms)) return "";
    return new Date(ms).toISOString().slice(0, 10);
  }

  function dayBefore(value) {
    var ms = typeof value === "number" ? value : Date.parse(String(value).replace(" ", "T") + (String(value).length > 10 ? "Z" : "T00:00:00Z"));
    if (isNaN(ms)) return "";
    return new Date(ms - 1).toISOString().slice(0, 10);
  }

  function setWindow(from, to) {
    var form = filterForm();
    if (!form) return;
    form.elements.from.value = from;
    form.elements.to.value = to;
    window.htmx.trigger(form, "submit");
  }

  function onRelayout(event) {
    if (!event) return;
    if (event["xaxis.autorange"]) {
      setWindow("", "");
      return;
    }
    var lo = event["xaxis.range[0]"];
    var hi = event["xaxis.range[1]"];
    if (lo === undefined && Array.isArray(event["xaxis.range"])) {
      lo = event["xaxis.range"][0];
      hi = event["xaxis.range"][1];
    }
    if (lo === undefined || hi === undefined) return;
    // The axis end is exclusive (the server draws the last day whole), the form's is not.
    setWindow(isoDay(lo), dayBefore(hi));
  }

  function openEvent(url) {
    window.htmx.ajax("GET", url, { target: "#event-panel", swap: "outerHTML" });
  }

  function onClick(chart, event) {
    var point = event && event.points && event.points[0];
    if (!point || !point.customdata) return;
    if (point.data.type === "heatmap") {
      if (filterForm()) setWindow(point.customdata[1], point.customdata[2]);
      return;
    }
    var url = point.customdata[4];
    if (url) openEvent(url);
  }

  function bind(chart) {
    if (chart.dataset.bound === "true") return;
    chart.dataset.bound = "true";
    chart.on("plotly_click", function (event) {
      onClick(chart, event);
    });
    if (chart.id === "timeline-chart") chart.on("plotly_relayout", onRelayout);
  }

  // The open event stands out on the chart: the other points are dimmed.
  function markOpenEvent(chart) {
    chart = chart || document.getElementById("timeline-chart");
    if (!chart || !chart.data || !window.Plotly) return;
    var panel = document.getElementById("event-panel");
    var pk = panel && panel.dataset.eventPk ? Number(panel.dataset.eventPk) : null;
    var found = false;
    var selections = chart.data.map(function (trace) {
      if (pk === null || trace.type === "heatmap" || !trace.customdata) return null;
      var hits = [];
      trace.customdata.forEach(function (row, i) {
        if (row[0] === pk) hits.push(i);
      });
      found = found || hits.length > 0;
      return hits;
    });
    if (!found) {
      // Nothing to mark and nothing marked (a chart just drawn): a restyle would only
      // draw the whole chart a second time.
      var marked = chart.data.some(function (trace) {
        return trace.selectedpoints && trace.selectedpoints.length;
      });
      if (!marked) return;
      selections = chart.data.map(function () { return null; });
    }
    window.Plotly.restyle(chart, { selectedpoints: selections });
  }

  // "Clear the dates" and "Show the whole span" set the window in the form too (the
  // server gave the dates), so the next filter change keeps what the reader chose.
  document.addEventListener("click", function (event) {
    var target = event.target.closest("[data-clear-window], [data-set-window]");
    if (!target || !filterForm()) return;
    event.preventDefault();
    if (target.hasAttribute("data-set-window")) {
      setWindow(target.dataset.from || "", target.dataset.to || "");
    } else {
      setWindow("", "");
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    drawAll(document);
  });

  document.body.addEventListener("htmx:afterSettle", function (event) {
    drawAll(document);
    if (event.detail.elt && event.detail.elt.id === "event-panel") markOpenEvent();
  });

  // htmx snapshots the page for the back button; a snapshot of Plotly's DOM cannot be
  // brought back to life, so charts are emptied before the snapshot and redrawn after.
  document.body.addEventListener("htmx:beforeHistorySave", function () {
    document.querySelectorAll("[data-figure]").forEach(function (chart) {
      if (window.Plotly) window.Plotly.purge(chart);
      chart.dataset.drawn = "";
      chart.dataset.bound = "";
    });
  });
  document.body.addEventListener("htmx:historyRestore", function () {
    drawAll(document);
  });

})();
