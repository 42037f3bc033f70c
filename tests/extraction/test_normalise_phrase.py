"""Editors' free-text dates: normalise_phrase reads one whole phrase against an anchor."""

from __future__ import annotations

import datetime

import pytest

from timeline.extraction.tagger import normalise_phrase

from .spec_data import per_language

CASES = [
    pytest.param(language, case, id=f"{language}-{case['phrase'] or 'empty'}")
    for language, doc in per_language("normalise_phrase.json")
    for case in doc["cases"]
]
ANCHOR = datetime.date(2021, 2, 28)


@pytest.mark.parametrize(("language", "case"), CASES)
def test_normalise_phrase(language: str, case: dict) -> None:
    anchor = datetime.date.fromisoformat(case.get("anchor", ANCHOR.isoformat()))
    result = normalise_phrase(case["phrase"], anchor=anchor, language=language)
    if "expect" in case and case["expect"] is None:
        assert result is None, result
        return
    assert result is not None
    assert result.value == case["value"]
    assert result.mod == case.get("mod", "")
    if "precision" in case:
        assert result.precision == case["precision"]
    if "interval" in case:
        got = [result.interval_start.isoformat(), result.interval_end.isoformat()]
        assert got == case["interval"]
    assert case["phrase"][result.start : result.end] == result.text


def test_dateparser_fallback_sets_precision_from_its_period() -> None:
    # A format the grammar does not know: dateparser reads it, day precision.
    result = normalise_phrase("01.02.2021", anchor=ANCHOR)
    assert result is not None
    assert result.precision == "day"
    assert result.rule == "dateparser"
