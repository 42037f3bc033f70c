"""Category keyword rules (English, French, Spanish) and their priorities."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from timeline.extraction.categories import CATEGORIES, RULES, categorise, matching_categories

CASES = json.loads((Path(__file__).parent / "data" / "events_categories.json").read_text("utf-8"))


@pytest.mark.parametrize("case", [pytest.param(c, id=c["id"]) for c in CASES])
def test_category(case):
    language = case.get("language", "en")
    assert categorise(case["title"], case.get("sentence", ""), language) == case["category"]


def test_categories_are_registered_and_other_comes_last():
    from timeline import categories

    assert set(CATEGORIES) <= set(categories.VALUES)
    assert CATEGORIES[-1] == categories.OTHER


def test_every_rule_has_keywords_in_each_language():
    for _name, stems in RULES:
        assert set(stems) == {"en", "fr", "es"}


def test_priority_order_is_the_table_order():
    found = matching_categories("They signed a ceasefire deal after talks, officials said.")
    assert found == ["ceasefire", "agreement", "talks", "statement"]


def test_unknown_language_uses_english():
    assert categorise("Insurgents attacked a convoy", "", "de") == "violence"


def test_keywords_are_language_specific():
    # French "retir" (withdraw) must not fire on English "retired".
    assert categorise("A retired general spoke", "", "en") == "other"
    assert categorise("Les troupes se sont retirées", "", "fr") == "withdrawal"
