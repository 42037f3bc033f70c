/*
 * Timeline charts: draws every `[data-figure]` element from the JSON the server put in a
 * `json_script` block, and keeps the address bar a permalink of what the reader sees.
 *
 * - Zooming or panning the chart writes the window into the filter form's from/to fields
 *   and submits it through htmx, which swaps the timeline panel and pushes the URL.
 * - Clicking an event opens its panel through htmx; the open event is kept in the URL
 *   (?event=<pk>) too. Clicking a cell of the overview zooms to its period.
 * - Editors' saves answer with `HX-Trigger: timeline-changed`; a hidden element of the
 *   timeline panel listens for it (hx-trigger="timeline-changed from:body") and reloads the
 *   panel with the same filters and page; the chart is redrawn here after the swap.
 *
 * No inline scripts anywhere (CSP): this file and plotly.min.js are the only scripts.
 */
(function () {
  "use strict";

  var DAY = 86400000;

  function filterForm() {
    return document.getElementById("timeline-filters");
  }

  function figureOf(chart) {
    var source = document.getElementById(chart.dataset.figure);
    if (!source) return null;
    try {
      return JSON.parse(source.textContent);
    } catch (err) {
      console.error("timeline: unreadable figure data", err);
      return null;
    }
  }

  function draw(chart) {
    var figure = figureOf(chart);
    if (!figure || !window.Plotly) return;
    chart.dataset.drawn = "";
    window.Plotly.react(chart, figure.data, figure.layout, figure.config).then(function () {
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

  function periodOf(centre, period) {
    var day = new Date(Date.parse(isoDay(centre) + "T00:00:00Z"));
    var y = day.getUTCFullYear();
    var m = day.getUTCMonth();
    if (period === "year") return [y + "-01-01", y + "-12-31"];
    if (period === "month") {
      var first = new Date(Date.UTC(y, m, 1));
      var last = new Date(Date.UTC(y, m + 1, 0));
      return [first.toISOString().slice(0, 10), last.toISOString().slice(0, 10)];
    }
    if (period === "week") {
      var monday = new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY);
      return [monday.toISOString().slice(0, 10), new Date(monday.getTime() + 6 * DAY).toISOString().slice(0, 10)];
    }
    return [isoDay(centre), isoDay(centre)];
  }

  function openEvent(chart, pk) {
    var url = chart.dataset.eventUrl.replace(/0\/$/, encodeURIComponent(pk) + "/");
    window.htmx.ajax("GET", url, { target: "#event-panel", swap: "outerHTML" });
  }

  function onClick(chart, event) {
    var point = event && event.points && event.points[0];
    if (!point) return;
    if (point.data.type === "heatmap") {
      var meta = (chart.layout && chart.layout.meta) || {};
      if (filterForm() && meta.period) {
        var span = periodOf(point.x, meta.period);
        setWindow(span[0], span[1]);
      }
      return;
    }
    var pk = point.customdata && point.customdata[0];
    if (pk) openEvent(chart, pk);
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
    if (!found) selections = chart.data.map(function () { return null; });
    window.Plotly.restyle(chart, { selectedpoints: selections });
  }

  // The open event travels in the permalink (?event=<pk>) and in the form, so that a
  // filter change keeps it open.
  function syncOpenEvent() {
    var form = filterForm();
    if (!form) return;
    var panel = document.getElementById("event-panel");
    var pk = panel && panel.dataset.eventPk ? panel.dataset.eventPk : "";
    if (form.elements.event) form.elements.event.value = pk;
    var url = new URL(window.location.href);
    if ((url.searchParams.get("event") || "") === pk) return;
    if (pk) url.searchParams.set("event", pk);
    else url.searchParams.delete("event");
    window.history.replaceState(window.history.state, "", url.toString());
  }

  var placeholder = null;

  function closePanel(event) {
    var panel = document.getElementById("event-panel");
    if (!panel) return;
    event.preventDefault();
    var empty = document.createElement("div");
    empty.id = "event-panel";
    empty.className = "event-panel placeholder";
    if (placeholder) {
      empty.innerHTML = placeholder;
    } else {
      var p = document.createElement("p");
      p.className = "muted";
      p.textContent = "Click an event on the chart or in the list to see where it comes from.";
      empty.appendChild(p);
    }
    panel.replaceWith(empty);
    syncOpenEvent();
    markOpenEvent();
  }

  document.addEventListener("click", function (event) {
    var target = event.target.closest("[data-clear-window], [data-close-panel]");
    if (!target) return;
    if (target.hasAttribute("data-close-panel")) {
      closePanel(event);
    } else if (filterForm()) {
      event.preventDefault();
      setWindow("", "");
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    var panel = document.getElementById("event-panel");
    if (panel && panel.classList.contains("placeholder")) placeholder = panel.innerHTML;
    drawAll(document);
  });

  document.body.addEventListener("htmx:afterSettle", function (event) {
    drawAll(document);
    syncOpenEvent();
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

  // Permalinks carry only what differs from the defaults: "?category=talks", not every
  // empty field of the form.
  var DEFAULTS = { min_sources: "1", lanes: "category" };
  document.body.addEventListener("htmx:configRequest", function (event) {
    if (!event.detail.elt || event.detail.elt.id !== "timeline-filters") return;
    var params = event.detail.parameters;
    var form = event.detail.elt;
    ["q", "from", "to", "event", "min_sources", "lanes"].forEach(function (name) {
      var value = params[name];
      if (value === "" || value === undefined || value === DEFAULTS[name]) delete params[name];
    });
    var statuses = form.querySelectorAll("input[name=status]");
    var ticked = form.querySelectorAll("input[name=status]:checked");
    if (ticked.length === statuses.length) delete params.status;
  });
})();
