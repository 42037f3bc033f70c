"""The reader dashboard in a real browser: the chart is drawn, filters and zooms become
permalinks, clicking an event opens its panel, hostile titles stay text, and nothing
logs an error."""

from __future__ import annotations

import datetime
import re

import pytest

from tests.browser.conftest import screenshot
from tests.factories import ConflictFactory, EventFactory
from tests.reader_helpers import XSS_TITLES, D, reader_conflict
from timeline.models import Event

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DRAWN = "#timeline-chart[data-drawn=true]"


@pytest.fixture
def data():
    return reader_conflict()


def open_timeline(page, live_server, query: str = ""):
    page.goto(f"{live_server.url}/conflicts/afghanistan/{query}")
    page.wait_for_selector(DRAWN)


def listed(page) -> list[str]:
    return page.locator("#timeline-panel tbody td:nth-child(2) a").all_inner_texts()


def test_chart_is_drawn_and_a_filter_change_is_a_permalink(page, live_server, data):
    open_timeline(page, live_server)
    assert page.locator("#timeline-chart .main-svg").count() >= 1
    assert page.locator("#timeline-chart .scatterlayer .point").count() >= 3
    screenshot(page, "timeline")

    page.locator("summary", has_text="Categories").click()
    page.get_by_label("Statement").check()
    page.wait_for_url(re.compile(r"category=statement"))
    page.wait_for_selector(DRAWN)
    assert listed(page) == ["Talks stalled"]
    bars = page.evaluate("document.getElementById('timeline-chart').data.map(t => t.type)")
    assert bars == ["bar"]

    # The permalink opened afresh shows the same view.
    url = page.url
    page.goto(url)
    page.wait_for_selector(DRAWN)
    assert listed(page) == ["Talks stalled"]
    assert page.get_by_label("Statement").is_checked()
    assert page.errors == [] and page.dialogs == []


def test_the_back_button_brings_back_the_previous_view_drawn(page, live_server, data):
    open_timeline(page, live_server)
    everything = listed(page)
    page.fill("#filter-q", "stalled")
    page.wait_for_url(re.compile(r"q=stalled"))
    page.wait_for_selector(DRAWN)
    assert listed(page) == ["Talks stalled"]
    page.go_back()
    page.wait_for_url(lambda url: "q=" not in url)
    page.wait_for_selector(DRAWN)
    assert listed(page) == everything
    assert page.locator("#timeline-chart .scatterlayer .point").count() >= 3
    assert page.errors == []


def test_zooming_puts_the_window_in_the_url_and_reloading_keeps_it(page, live_server, data):
    open_timeline(page, live_server)
    page.evaluate(
        "Plotly.relayout(document.getElementById('timeline-chart'),"
        " {'xaxis.range': ['2021-01-01', '2021-03-01']})"
    )
    page.wait_for_url(re.compile(r"from=2021-01-01&to=2021-02-28"))
    page.wait_for_selector(DRAWN)
    assert "Talks stalled" not in listed(page)
    screenshot(page, "timeline-zoomed")

    page.goto(page.url)
    page.wait_for_selector(DRAWN)
    shown = page.evaluate("document.getElementById('timeline-chart').layout.xaxis.range")
    assert [s[:10] for s in shown] == ["2021-01-01", "2021-03-01"]
    assert page.input_value("#filter-from") == "2021-01-01"

    page.get_by_text("Clear the dates").click()
    page.wait_for_url(lambda url: "from=" not in url)
    page.wait_for_selector(DRAWN)
    assert "Talks stalled" in listed(page)
    assert page.errors == []


def test_clicking_an_event_opens_its_panel_with_the_highlighted_sentence(page, live_server, data):
    open_timeline(page, live_server)
    # The talks marker: the only point in the first lane.
    point = page.locator("#timeline-chart .scatterlayer .trace").first.locator(".point").first
    box = point.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_selector("article#event-panel mark")
    assert page.locator("article#event-panel h2").inner_text() == "Talks resumed in Doha"
    assert page.locator("article#event-panel mark").inner_text() == "on Sunday"
    page.wait_for_url(re.compile(rf"event={data['talks'].pk}"))
    # The open event stands out on the chart.
    selected = page.evaluate(
        "document.getElementById('timeline-chart').data"
        ".filter(t => t.selectedpoints && t.selectedpoints.length)"
        ".map(t => t.customdata[t.selectedpoints[0]][0])"
    )
    assert selected == [data["talks"].pk]
    screenshot(page, "timeline-event-panel")

    # From the list too, and the open event survives a filter change and a reload.
    page.get_by_role("link", name="Talks stalled").click()
    page.wait_for_url(re.compile(rf"event={data['stalled'].pk}"))
    assert page.locator("article#event-panel mark").inner_text() == "September last year"
    assert "→ Sep 2020" in page.locator("article#event-panel .trail").inner_text()
    page.fill("#filter-q", "talks")
    page.wait_for_url(re.compile(r"q=talks"))
    assert f"event={data['stalled'].pk}" in page.url
    page.goto(page.url)
    assert page.locator("article#event-panel h2").inner_text() == "Talks stalled"
    assert page.errors == []


def test_hostile_titles_show_as_text_in_list_hover_and_panel(page, live_server, data):
    # Zoomed on their two days so that each can be hovered on its own.
    open_timeline(page, live_server, "?from=2021-01-08&to=2021-01-13")
    for title in XSS_TITLES:
        assert page.get_by_role("link", name=title).count() == 1
    # Hover each violence marker: Plotly shows the title as typed, runs nothing.
    chart = page.locator("#timeline-chart")
    points = page.evaluate(
        """() => {
          const gd = document.getElementById('timeline-chart');
          const t = gd.data.findIndex(d => d.name === 'Violence');
          return gd.data[t].customdata.map((c, i) => i).map(i => {
            const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
            return [xa._offset + xa.d2p(gd.data[t].x[i]), ya._offset + ya.d2p(gd.data[t].y[i])];
          });
        }"""
    )
    box = chart.bounding_box()
    hovers = []
    for x, y in points:
        page.mouse.move(5, 5)
        page.wait_for_selector("#timeline-chart .hoverlayer .hovertext", state="detached")
        page.mouse.move(box["x"] + x, box["y"] + y)
        page.wait_for_selector("#timeline-chart .hoverlayer .hovertext")
        hovers.append(page.locator("#timeline-chart .hoverlayer").text_content())
    assert any(XSS_TITLES[0] in h for h in hovers), hovers
    assert any(XSS_TITLES[1] in h for h in hovers), hovers
    screenshot(page, "timeline-xss-hover")

    page.get_by_role("link", name=XSS_TITLES[1]).click()
    page.wait_for_selector("article#event-panel")
    assert page.locator("article#event-panel h2").inner_text() == XSS_TITLES[1]
    assert page.locator("#event-panel img").count() == 0
    assert page.dialogs == [] and page.errors == []


def test_an_editors_save_refreshes_the_timeline(page, live_server, data):
    open_timeline(page, live_server)
    Event.objects.filter(pk=data["talks"].pk).update(title="Talks resumed in Doha (corrected)")
    page.evaluate("htmx.trigger(document.body, 'timeline-changed')")
    page.wait_for_selector("text=Talks resumed in Doha (corrected)")
    page.wait_for_selector(DRAWN)
    assert page.errors == []


def test_large_views_show_counts_until_zoomed_in(page, live_server, monkeypatch):
    from timeline import charts

    monkeypatch.setattr(charts, "EVENT_LIMIT", 30)
    conflict = ConflictFactory(slug="afghanistan", name="Busy conflict")
    for i in range(40):
        day = D(2019, 1, 1) + datetime.timedelta(days=9 * i)
        EventFactory(conflict=conflict, date_value=day.isoformat(), date_start=day, date_end=day)
    open_timeline(page, live_server)
    assert page.evaluate("document.getElementById('timeline-chart').data[0].type") == "heatmap"
    screenshot(page, "timeline-aggregated")
    # The server sends each week once; the page script places it at its middle day and
    # gives every cell of it its label and span.
    first = page.evaluate(
        "(() => { const t = document.getElementById('timeline-chart').data[0];"
        " return [t.x[0], t.customdata[0][0], t.customdata.length]; })()"
    )
    assert first == ["2019-01-03", ["week of 31 Dec 2018", "2018-12-31", "2019-01-06"], 1]
    page.evaluate(
        "Plotly.relayout(document.getElementById('timeline-chart'),"
        " {'xaxis.range': ['2019-01-01', '2019-06-30']})"
    )
    page.wait_for_url(re.compile(r"from=2019-01-01"))
    page.wait_for_selector(DRAWN)
    assert page.evaluate("document.getElementById('timeline-chart').data[0].type") == "scatter"
    assert page.errors == []


def test_home_event_page_and_comparison(page, live_server, data):
    colombia = ConflictFactory(name="Colombia: government and FARC", slug="colombia")
    EventFactory(
        conflict=colombia,
        date_value="2012-08-27",
        date_start=D(2012, 8, 27),
        date_end=D(2012, 8, 27),
    )
    page.goto(live_server.url + "/")
    assert page.locator(".conflict-card svg path").count() >= 1
    screenshot(page, "home")

    page.locator(".compare-pick input[value=afghanistan]").check()
    page.locator(".compare-pick input[value=colombia]").check()
    page.get_by_role("button", name="Compare the ticked conflicts").click()
    page.wait_for_selector("#compare-chart[data-drawn=true]")
    page.select_option("#compare-align", "talks")
    page.wait_for_url(re.compile(r"align=talks"))
    page.wait_for_selector("#compare-chart[data-drawn=true]")
    title = page.evaluate("document.getElementById('compare-chart').layout.xaxis.title.text")
    assert title == "months since first talks"
    screenshot(page, "compare")

    page.goto(f"{live_server.url}/events/{data['stalled'].pk}/")
    assert page.locator("mark").inner_text() == "September last year"
    screenshot(page, "event-page")
    assert page.errors == [] and page.dialogs == []


def test_without_javascript_the_form_and_the_list_still_work(browser, live_server, data):
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1400, "height": 900}
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/conflicts/afghanistan/")
    assert "Talks stalled" in listed(page)
    page.locator("summary", has_text="Categories").click()
    page.get_by_label("Talks", exact=True).check()
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url(re.compile(r"category=talks"))
    assert listed(page) == ["Talks resumed in Doha"]
    page.get_by_role("link", name="Talks resumed in Doha").click()
    # The link is the same view with the event's panel open: the filters stay.
    page.wait_for_url(re.compile(rf"category=talks&event={data['talks'].pk}$"))
    assert page.locator("#event-panel mark").inner_text() == "on Sunday"
    screenshot(page, "event-page-no-js")
    context.close()
