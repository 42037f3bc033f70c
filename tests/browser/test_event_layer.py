"""The event layer in a real browser: key events mode, plans drawn as hollow markers, the
whole span one click away, and no page logging an error."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import screenshot
from tests.factories import ConflictFactory
from tests.reader_helpers import D, day_event, year_event

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DRAWN = "#timeline-chart[data-drawn=true]"


@pytest.fixture
def story():
    conflict = ConflictFactory(slug="afghanistan", name="Afghan peace process")

    def day(title, when, **kwargs):
        return day_event(conflict, when, title=title, **kwargs)

    events = {
        "deal": day(
            "US and Taliban sign agreement in Doha",
            D(2020, 2, 29),
            category="agreement",
            importance=0.95,
            source_count=6,
            summary="The United States and the Taliban signed an agreement in Doha.",
        ),
        "planned": day(
            "All US troops to leave by 1 May",
            D(2021, 5, 1),
            category="withdrawal",
            factuality="planned",
            importance=0.6,
        ),
        "talks": day("Intra-Afghan talks open", D(2020, 9, 12), importance=0.7, source_count=3),
        "kabul": day("Taliban take Kabul", D(2021, 8, 15), category="violence", importance=0.8),
        "history": year_event(
            conflict,
            1996,
            title="Taliban rule Afghanistan",
            category="government",
            scope="background",
            importance=0.3,
        ),
    }
    for i in range(8):
        events[f"minor{i}"] = day(f"Minor statement {i}", D(2020, 4, 1 + i), category="statement")
    return events


# The computed style of the SVG point Plotly drew for event ``pk`` (each scatter trace's
# group carries its trace, whose customdata rows start with the event's key).
POINT_STYLE = """pk => {
  for (const group of document.querySelectorAll('#timeline-chart .scatterlayer .trace')) {
    const trace = group.__data__ && group.__data__[0] && group.__data__[0].trace;
    const i = trace ? trace.customdata.findIndex(row => row[0] === pk) : -1;
    if (i < 0) continue;
    const style = getComputedStyle(group.querySelectorAll('.point')[i]);
    return {fill: style.fill, fillOpacity: style.fillOpacity, stroke: style.stroke,
            strokeWidth: parseFloat(style.strokeWidth)};
  }
  return null;
}"""


def open_timeline(page, live_server, query: str = ""):
    page.goto(f"{live_server.url}/conflicts/afghanistan/{query}")
    page.wait_for_selector(DRAWN)


def drawn_pks(page) -> list[int]:
    return sorted(
        page.evaluate(
            "document.getElementById('timeline-chart').data"
            ".flatMap(t => (t.customdata || []).map(c => c[0]))"
        )
    )


def test_key_events_mode_from_the_form_then_by_importance_then_off(page, live_server, story):
    open_timeline(page, live_server)
    assert len(drawn_pks(page)) == 13
    page.select_option("#filter-key", "10")
    page.wait_for_url(re.compile(r"[?&]key=10$"))
    page.wait_for_selector(".story-list")
    page.wait_for_selector(DRAWN)
    titles = page.locator(".story-title a").all_inner_texts()
    # The ten most important of thirteen, in date order (the background event is one).
    assert len(titles) == 10
    assert titles[:2] == ["Taliban rule Afghanistan", "US and Taliban sign agreement in Doha"]
    assert sum(t.startswith("Minor statement") for t in titles) == 5
    assert len(drawn_pks(page)) == 10
    planned = page.locator(f"#story-{story['planned'].pk}")
    assert planned.locator(".fact").inner_text() == "planned"
    assert "6 sources" in page.locator(f"#story-{story['deal'].pk} .story-meta").inner_text()
    screenshot(page, "key-events")

    page.get_by_role("link", name="by importance").click()
    page.wait_for_url(re.compile(r"key=10&sort=importance$"))
    page.wait_for_selector(".story-list.ranked")
    ranked = page.locator(".story-title a").all_inner_texts()
    assert ranked[:4] == [
        "US and Taliban sign agreement in Doha",
        "Taliban take Kabul",
        "Intra-Afghan talks open",
        "All US troops to leave by 1 May",
    ]
    # The order survives a filter change made in the form.
    page.locator("#filter-facts").check()
    page.wait_for_url(re.compile(r"facts=1&key=10&sort=importance$"))
    page.wait_for_selector(DRAWN)
    assert "All US troops to leave by 1 May" not in page.locator(".story-title a").all_inner_texts()

    # A story opens its event in the panel, and the permalink keeps the mode.
    page.locator(".story-title a").first.click()
    page.wait_for_selector("article#event-panel")
    page.wait_for_url(re.compile(rf"sort=importance&event={story['deal'].pk}$"))

    page.select_option("#filter-key", "")
    page.wait_for_url(lambda u: "key=" not in u and "sort=" not in u)
    page.wait_for_selector("table.event-list")
    assert page.locator(".story-list").count() == 0
    assert page.errors == []


def test_a_planned_event_is_a_hollow_marker_and_says_so_on_hover(page, live_server, story):
    open_timeline(page, live_server)
    pk = story["planned"].pk
    trace = page.evaluate(
        """pk => {
          const gd = document.getElementById('timeline-chart');
          const t = gd.data.find(t => (t.customdata || []).some(c => c[0] === pk));
          return {symbol: t.marker.symbol, pks: t.customdata.map(c => c[0]), x: t.x[0], y: t.y[0]};
        }""",
        pk,
    )
    assert trace["symbol"] == "circle-open" and trace["pks"] == [pk]
    # What the browser drew: a ring, stroked in the category's colour, not filled; a fact
    # is a filled disc.
    drawn = page.evaluate(POINT_STYLE, pk)
    assert drawn is not None
    assert drawn["fill"] in ("none", "transparent") or drawn["fillOpacity"] == "0"
    assert drawn["stroke"] not in ("none", "rgb(255, 255, 255)") and drawn["strokeWidth"] >= 2
    fact = page.evaluate(POINT_STYLE, story["deal"].pk)["fill"]
    assert fact not in ("none", "transparent")

    box = page.locator("#timeline-chart").bounding_box()
    x, y = page.evaluate(
        """([x, y]) => {
          const layout = document.getElementById('timeline-chart')._fullLayout;
          return [layout.xaxis._offset + layout.xaxis.d2p(x),
                  layout.yaxis._offset + layout.yaxis.d2p(y)];
        }""",
        [trace["x"], trace["y"]],
    )
    page.mouse.move(box["x"] + x, box["y"] + y)
    page.wait_for_selector("#timeline-chart .hoverlayer .hovertext")
    hover = page.locator("#timeline-chart .hoverlayer").text_content()
    assert "All US troops to leave by 1 May" in hover and "1 May 2021 · planned" in hover
    screenshot(page, "timeline-planned-hover")
    assert page.errors == []


def test_the_whole_span_is_one_click_away_and_stays_in_the_form(page, live_server, story):
    open_timeline(page, live_server)
    shown = page.evaluate("document.getElementById('timeline-chart').layout.xaxis.range")
    assert shown[0][:4] == "2020"
    note = page.locator("#span-note")
    assert "core span, Feb 2020 – Aug 2021" in note.inner_text()
    note.get_by_role("link").click()
    page.wait_for_url(re.compile(r"from=1996-01-01&to=2021-08-15$"))
    # The panel is swapped by htmx: the old chart still matches DRAWN until the swap, so
    # wait for the new chart's own range rather than for the attribute.
    page.wait_for_function(
        "() => String(document.getElementById('timeline-chart')?.layout?.xaxis?.range?.[0])"
        ".startsWith('1996')"
    )
    assert page.input_value("#filter-from") == "1996-01-01"
    # A later filter change keeps the wide window.
    page.fill("#filter-q", "taliban")
    page.wait_for_url(re.compile(r"q=taliban&from=1996-01-01&to=2021-08-15$"))
    assert page.errors == []


@pytest.mark.parametrize("width", [390, 1440])
def test_pages_log_no_errors_and_never_scroll_sideways(browser, live_server, story, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    pages = [
        ("/", None),
        ("/conflicts/afghanistan/", DRAWN),
        ("/conflicts/afghanistan/?key=10", DRAWN),
        ("/conflicts/afghanistan/?facts=1&key=20&sort=importance", DRAWN),
        (f"/conflicts/afghanistan/?key=10&event={story['deal'].pk}", DRAWN),
        (f"/events/{story['planned'].pk}/", None),
        ("/compare/?c=afghanistan&align=agreement", "#compare-chart[data-drawn=true]"),
    ]
    for path, ready in pages:
        page.goto(live_server.url + path)
        if ready:
            page.wait_for_selector(ready)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, (path, overflow)
    assert errors == []
    context.close()
