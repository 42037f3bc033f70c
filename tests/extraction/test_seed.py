"""The reference article: every required date right, no date from a must-not span."""

from __future__ import annotations

import datetime
import json
import os
import time
from pathlib import Path

import pytest

from timeline.extraction.sentences import split_sentences
from timeline.extraction.tagger import tag
from timeline.extraction.types import DATE, TIME, TemporalExpression

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
GOLD = SHARED / "acceptance" / "seed_gold.json"


@pytest.fixture(scope="module")
def seed() -> tuple[str, dict, list[TemporalExpression]]:
    if not GOLD.is_file():
        message = f"{GOLD} is missing"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    text = (GOLD.parent / gold["article"]).resolve().read_text(encoding="utf-8")
    published = datetime.date.fromisoformat(gold["publication_date"])
    found = tag(
        text,
        published=published,
        language="en",
        sentences=split_sentences(text),
        deadline=time.monotonic() + 10,
    )
    return text, gold, found


def _spans(text: str, phrase: str) -> list[tuple[int, int]]:
    out, start = [], text.find(phrase)
    while start >= 0:
        out.append((start, start + len(phrase)))
        start = text.find(phrase, start + 1)
    return out


def _matches(expr: TemporalExpression, want: dict) -> bool:
    return (
        expr.value == want["value"]
        and expr.mod == want.get("mod", "")
        and expr.precision == want["precision"]
        and expr.interval_start == datetime.date.fromisoformat(want["start"])
        and expr.interval_end == datetime.date.fromisoformat(want["end"])
    )


def _check_entry(seed: tuple, want: dict) -> None:
    text, _, found = seed
    spans = _spans(text, want["text"])
    assert spans, f"{want['text']!r} is not in the article"
    for start, end in spans:
        overlapping = [e for e in found if e.start < end and start < e.end]
        assert any(_matches(e, want) for e in overlapping), (want, overlapping)


def _entries(kind: str) -> list:
    if not GOLD.is_file():
        return [pytest.param(None, id="gold-missing")]
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    return [pytest.param(w, id=w["text"]) for w in gold[kind]]


@pytest.mark.parametrize("want", _entries("required"))
def test_required_expression_is_dated_as_gold(seed: tuple, want: dict) -> None:
    _check_entry(seed, want)


@pytest.mark.parametrize("want", _entries("optional"))
def test_optional_expression_when_found_is_right(seed: tuple, want: dict) -> None:
    text, _, found = seed
    for start, end in _spans(text, want["text"]):
        for e in found:
            if e.start < end and start < e.end and e.type in (DATE, TIME):
                assert _matches(e, want), e


@pytest.mark.parametrize("want", _entries("must_not_date"))
def test_must_not_date_spans_give_no_date(seed: tuple, want: dict) -> None:
    text, _, found = seed
    for start, end in _spans(text, want["text"]):
        clash = [e for e in found if e.type in (DATE, TIME) and e.start < end and start < e.end]
        assert not clash, clash
