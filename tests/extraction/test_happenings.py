"""The event layer on real sentences: one candidate per happening, dated by the expression
that dates it, with its factuality, category, headline and actors.

Cases live in ``tests/extraction/spec/<language>/events.json`` and are discovered from the
folders: a new language adds a file, not test code.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from timeline.extraction import extract

SPEC = Path(__file__).parent / "spec"


def _cases():
    for path in sorted(SPEC.glob("*/events.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            yield pytest.param(
                path.parent.name, data["actors"], case, id=f"{path.parent.name}-{case['id']}"
            )


def _run(language: str, actors: dict, case: dict):
    return extract(
        case["text"],
        published=datetime.date.fromisoformat(case["published"]),
        language=language,
        actors={name: spec["aliases"] for name, spec in actors.items()},
        actor_kinds={name: spec["kind"] for name, spec in actors.items()},
    ).events


@pytest.mark.parametrize(("language", "actors", "case"), list(_cases()))
def test_happenings(language, actors, case):
    events = [e for e in _run(language, actors, case) if e.date.is_dating]
    got = [e.date.value for e in events]
    want = [x["date"] for x in case["expect"]]
    if case.get("exactly", True):
        assert got == want, [(e.date.value, e.title) for e in events]
    else:
        assert all(w in got for w in want), got
    for expected in case["expect"]:
        event = next(e for e in events if e.date.value == expected["date"])
        where = f"{event.title!r} ({event.category}, {event.factuality})"
        if "factuality" in expected:
            assert event.factuality == expected["factuality"], where
        if "category" in expected:
            assert event.category == expected["category"], where
        for part in expected.get("title_contains", []):
            assert part in event.title, where
        for part in expected.get("title_not_contains", []):
            assert part not in event.title, where
        if "actors" in expected:
            assert sorted(event.actors) == sorted(expected["actors"]), where
        assert len(event.title) <= expected.get("max_title", 120), where


def test_candidates_carry_their_trigger_key_paragraph_and_context():
    text = (
        "Talks resumed in Doha on Sunday.\n\nThe truce, agreed on 10 October, collapsed on Tuesday."
    )
    events = extract(text, published=datetime.date(2020, 10, 14)).events
    resumed = events[0]
    assert (resumed.trigger, text[resumed.trigger_start : resumed.trigger_end]) == ("resumed",) * 2
    assert resumed.paragraph == 0 and events[-1].paragraph == 1
    collapsed = events[-1]
    assert [c.text for c in collapsed.context] == ["10 October"]
    assert len({e.key for e in events}) == len(events)
    again = extract(text, published=datetime.date(2020, 10, 14)).events
    assert [e.key for e in again] == [e.key for e in events]
