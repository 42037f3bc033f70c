"""The temporal tagger, case by case, from data files (English, French, Spanish)."""

from __future__ import annotations

import datetime
import itertools
import time

import pytest

from timeline.extraction.sentences import split_sentences
from timeline.extraction.tagger import tag
from timeline.extraction.types import DATE, TIME, TemporalExpression

from .spec_data import per_language


def _cases() -> list:
    return [
        pytest.param(language, case, id=f"{language}-{case['id']}")
        for language, doc in per_language("resolution.json")
        for case in doc["cases"]
    ]


CASES = _cases()


def run(text: str, published: str, language: str = "en") -> list[TemporalExpression]:
    return tag(
        text,
        published=datetime.date.fromisoformat(published),
        language=language,
        sentences=split_sentences(text, language=language),
        deadline=time.monotonic() + 10,
    )


def _check(expr: TemporalExpression, want: dict) -> None:
    for key in ("type", "value", "mod", "precision", "rule", "anchor_kind", "offset"):
        if key in want:
            assert getattr(expr, key) == want[key], (key, expr)
    if "interval" in want:
        got = [expr.interval_start, expr.interval_end]
        assert [d.isoformat() if d else None for d in got] == want["interval"], expr
    if "anchor" in want:
        assert expr.anchor == datetime.date.fromisoformat(want["anchor"]), expr


@pytest.mark.parametrize(("language", "case"), CASES)
def test_expressions_resolve_as_annotated(language: str, case: dict) -> None:
    found = run(case["text"], case["published"], language)
    by_text: dict[str, list[TemporalExpression]] = {}
    for e in found:
        by_text.setdefault(e.text, []).append(e)
    for want in case["expect"]:
        candidates = by_text.get(want["text"])
        assert candidates, f"{want['text']!r} not found; got {[e.text for e in found]}"
        _check(candidates.pop(0), want)
    for span in case.get("absent", []):
        start = case["text"].find(span)
        assert start >= 0, span
        end = start + len(span)
        clash = [e for e in found if e.type in (DATE, TIME) and e.start < end and start < e.end]
        assert not clash, f"{span!r} dated as {clash}"
    for span in case.get("absent_any", []):
        start = case["text"].find(span)
        assert start >= 0, span
        end = start + len(span)
        clash = [e for e in found if e.start < end and start < e.end]
        assert not clash, f"{span!r} tagged as {clash}"


@pytest.mark.parametrize(("language", "case"), CASES)
def test_output_is_ordered_non_overlapping_and_exact(language: str, case: dict) -> None:
    text = case["text"]
    found = run(text, case["published"], language)
    for e in found:
        assert text[e.start : e.end] == e.text
        if e.interval_start is not None:
            assert e.interval_start <= e.interval_end
            assert e.precision is not None
    for a, b in itertools.pairwise(found):
        assert a.end <= b.start


def test_dating_expressions_carry_a_rule_and_an_explanation() -> None:
    found = run("These talks began in September last year.", "2021-02-28")
    (e,) = found
    assert e.rule == "month+relative-year"
    assert e.anchor == datetime.date(2021, 2, 28)
    assert e.explanation == ("'September last year' + published 2021-02-28 → 2020-09 (month)")


def test_durations_sets_and_refs_do_not_date_events() -> None:
    found = run(
        "For three years they met every week; now talks resume within 18 months.", "2021-02-28"
    )
    assert {e.text for e in found} >= {"three years", "every week", "now", "18 months"}
    assert not any(e.is_dating for e in found)


def test_unknown_language_falls_back_to_english_grammar() -> None:
    found = run("Das Abkommen vom 2020-02-29 gilt seit 2001.", "2021-02-28", "de")
    assert [e.value for e in found] == ["2020-02-29", "2001"]


def test_anchor_for_previous_date_is_reported() -> None:
    found = run(
        "Voting took place on 2 October 2016. The following week, the deal was renegotiated.",
        "2021-02-28",
    )
    follow = next(e for e in found if e.text == "The following week")
    assert follow.value == "2016-W40"
    assert follow.anchor == datetime.date(2016, 10, 2)
    assert follow.anchor_kind == "previous"
