"""The permalink of a timeline view: facts, key events and their order, read and written."""

from __future__ import annotations

import pytest
from django.http import QueryDict

from timeline.filters import TimelineFilterForm, TimelineFilters


def read(query: str) -> TimelineFilters:
    return TimelineFilterForm(QueryDict(query), actors=[]).filters()


def test_only_what_happened_is_one_parameter_in_its_place():
    assert TimelineFilters(facts=True).to_query() == "facts=1"
    query = TimelineFilters(q="doha", min_sources=2, facts=True, lanes="actor").to_query()
    assert query == "q=doha&min_sources=2&facts=1&lanes=actor"
    assert TimelineFilters(facts=False).to_query() == ""


@pytest.mark.parametrize(
    ("query", "facts"), [("facts=1", True), ("facts=", False), ("facts=yes", False), ("", False)]
)
def test_facts_reads_only_its_own_value(query, facts):
    assert read(query).facts is facts


def test_key_events_and_their_order_are_part_of_the_permalink():
    assert TimelineFilters(key=20).to_query() == "key=20"
    assert TimelineFilters(key=20, sort="importance").to_query() == "key=20&sort=importance"
    # The order only means something for the key-event list: without it, no parameter.
    assert TimelineFilters(sort="importance").to_query() == ""
    assert TimelineFilters(key=10, sort="date").to_query() == "key=10"
    full = TimelineFilters(facts=True, key=10, sort="importance", event=7)
    assert full.to_query() == "facts=1&key=10&sort=importance&event=7"


@pytest.mark.parametrize(
    ("query", "key"),
    [
        ("key=10", 10),
        ("key=50", 50),
        ("key=3", 5),
        ("key=500", 100),
        ("key=0", None),
        ("key=ten", None),
        ("key=", None),
    ],
)
def test_key_is_brought_into_its_range_or_off(query, key):
    assert read(query).key == key


def test_a_hand_edited_order_falls_back_to_date():
    assert read("key=10&sort=loudest").sort == "date"
    assert read("key=10&sort=importance").sort == "importance"


def test_reading_a_permalink_and_writing_it_again_gives_the_same_address():
    query = "q=talks&facts=1&key=20&sort=importance&lanes=actor"
    assert read(query).to_query() == query


def test_the_key_control_offers_the_defaults_and_the_permalinks_own_number():
    assert TimelineFilters().key_options == (10, 20, 50)
    assert TimelineFilters(key=15).key_options == (10, 15, 20, 50)
    assert TimelineFilters(key=20).key_options == (10, 20, 50)


@pytest.mark.parametrize("query", ["", "q=talks&facts=1&key=20&lanes=actor", "page=3&event=9"])
def test_the_event_address_prefix_is_the_permalink_with_the_event_open(query):
    filters = read(query)
    prefix = filters.event_url_prefix("/conflicts/x/")
    for pk in (1, 42, 123456):
        assert f"{prefix}{pk}" == filters.url("/conflicts/x/", event=pk)
