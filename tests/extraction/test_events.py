"""Event candidates from hand-built expressions (no tagger): dates, titles, actors, places."""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.extraction.events import build_events, confidence
from timeline.extraction.sentences import split_sentences
from timeline.extraction.titles import MAX_TITLE_CHARS, make_title
from timeline.extraction.types import DATE, DURATION, SET, TemporalExpression

DATA = json.loads((Path(__file__).parent / "data" / "events_cases.json").read_text("utf-8"))
ACTORS = DATA["actors"]
SOME_DAY = (datetime.date(2021, 2, 28), datetime.date(2021, 2, 28))


def expression(text: str, spec: dict) -> TemporalExpression:
    """Build the expression ``spec`` describes at its (n-th) occurrence in ``text``."""
    start = -1
    for _ in range(spec.get("occurrence", 1)):
        start = text.index(spec["text"], start + 1)
    kind = spec.get("type", DATE)
    dating = kind in (DATE, "TIME") and spec.get("interval", True) is not None
    return TemporalExpression(
        text=spec["text"],
        start=start,
        end=start + len(spec["text"]),
        type=kind,
        value=spec["value"],
        mod=spec.get("mod", ""),
        precision=spec.get("precision") if dating else None,
        interval_start=SOME_DAY[0] if dating else None,
        interval_end=SOME_DAY[1] if dating else None,
        anchor_kind=spec.get("anchor_kind", ""),
    )


def run(case: dict):
    text = case["text"]
    language = case.get("language", "en")
    expressions = [expression(text, spec) for spec in case["expressions"]]
    sentences = split_sentences(text, language=language)
    return build_events(text, expressions, sentences, actors=ACTORS, language=language)


CASES = [pytest.param(case, id=case["id"]) for case in DATA["cases"]]


@pytest.mark.parametrize("case", CASES)
def test_candidates_and_their_dates(case):
    events = run(case)
    assert [e.date.text for e in events] == [exp["date"] for exp in case["events"]]
    for event, expected in zip(events, case["events"], strict=True):
        assert event.sentence == case["text"][event.sentence_start : event.sentence_end]
        assert event.date in event.expressions
        if "n_expressions" in expected:
            assert len(event.expressions) == expected["n_expressions"]


@pytest.mark.parametrize("case", CASES)
def test_properties(case):
    events = run(case)
    for event, expected in zip(events, case["events"], strict=False):
        if "category" in expected:
            assert event.category == expected["category"], event.title
        if "actors" in expected:
            assert list(event.actors) == expected["actors"]
        if "places" in expected:
            assert list(event.places) == expected["places"]
        if "title" in expected:
            assert event.title == expected["title"]
        for part in expected.get("title_contains", []):
            assert part in event.title
        for part in expected.get("title_excludes", []):
            assert part not in event.title


@pytest.mark.parametrize("case", CASES)
def test_title_shape(case):
    for event in run(case):
        title = event.title
        assert 0 < len(title) <= MAX_TITLE_CHARS
        assert title[0].isupper() or not title[0].isalpha()
        assert title[-1] not in ".,;:!?\"”’' "
        assert not re.search(r",\s*(?:he|she|they|officials?)\s+said$", title)
        assert 0.0 <= event.confidence <= 1.0


def test_events_are_in_text_order_across_sentences():
    text = "Talks opened on 12 September 2020. The deal was signed on 29 February 2020."
    specs = [
        {"text": "on 29 February 2020", "value": "2020-02-29", "precision": "day"},
        {"text": "on 12 September 2020", "value": "2020-09-12", "precision": "day"},
    ]
    events = build_events(
        text,
        [expression(text, s) for s in specs],
        split_sentences(text),
        actors={},
        language="en",
    )
    assert [e.date.value for e in events] == ["2020-09-12", "2020-02-29"]
    assert [e.category for e in events] == ["talks", "agreement"]
    assert events[0].sentence == "Talks opened on 12 September 2020."


def test_expression_outside_every_sentence_is_ignored():
    text = "First sentence here.   \n\n   Second one on Monday."
    stray = TemporalExpression("  ", 20, 22, DATE, "2021-03-01", "", "day", *SOME_DAY)
    monday = expression(text, {"text": "on Monday", "value": "2021-03-01", "precision": "day"})
    events = build_events(text, [stray, monday], split_sentences(text), actors={}, language="en")
    assert [e.date for e in events] == [monday]


def test_no_actors_mapping_means_no_actors():
    text = "The Taliban met US officials in Doha on 12 September 2020."
    date = expression(text, {"text": "on 12 September 2020", "value": "2020-09-12"})
    (event,) = build_events(text, [date], split_sentences(text), actors={}, language="en")
    assert event.actors == ()
    assert event.places == ("United States", "Doha")


def test_short_upper_case_aliases_match_as_written_only():
    text = "Let us meet the US envoy and the UN team on 1 March 2021."
    date = expression(text, {"text": "on 1 March 2021", "value": "2021-03-01"})
    actors = {"United States": ["US"], "United Nations": ["UN"], "Nobody": ["let"]}
    (event,) = build_events(text, [date], split_sentences(text), actors=actors, language="en")
    assert event.actors == ("Nobody", "United States", "United Nations")


def test_actor_aliases_given_as_a_string_or_none():
    text = "Insurgents and the UN met on 1 March 2021."
    date = expression(text, {"text": "on 1 March 2021", "value": "2021-03-01"})
    actors = {"Taliban": "insurgents", "United Nations": None, "UN": []}
    (event,) = build_events(text, [date], split_sentences(text), actors=actors, language="en")
    assert event.actors == ("Taliban", "UN")


def _expr(precision: str, anchor_kind: str = "", mod: str = "") -> TemporalExpression:
    return TemporalExpression(
        "x", 0, 1, DATE, "v", mod, precision, *SOME_DAY, anchor_kind=anchor_kind
    )


def test_confidence_rewards_precise_absolute_dates_and_event_keywords():
    sentence = "The two sides signed a peace agreement in the capital that day."
    day = confidence(_expr("day"), sentence, "agreement")
    month = confidence(_expr("month"), sentence, "agreement")
    year = confidence(_expr("year"), sentence, "agreement")
    relative = confidence(_expr("day", "published"), sentence, "agreement")
    chained = confidence(_expr("day", "previous"), sentence, "agreement")
    approx = confidence(_expr("day", mod="APPROX"), sentence, "agreement")
    statement = confidence(_expr("day"), sentence, "statement")
    other = confidence(_expr("day"), sentence, "other")
    assert day > month > year
    assert day > relative > chained
    assert day > approx
    assert day > statement > other
    assert all(0.05 <= c <= 0.95 for c in (day, month, year, chained, statement, other))


def test_title_for_sentence_without_separators_is_the_sentence():
    sentence = "The envoy arrived in Kabul on Monday."
    start = sentence.index("on Monday")
    assert make_title(sentence, start, start + 9) == "The envoy arrived in Kabul on Monday"


def test_title_of_overlong_sentence_keeps_the_date():
    sentence = (
        "Officials from both delegations, along with observers from several regional "
        "governments and international organisations, gathered in the Qatari capital for "
        "what they described as a decisive round that finally opened on 12 September 2020 "
        "after months of delays over prisoner releases and the agenda."
    )
    start = sentence.index("on 12 September 2020")
    title = make_title(sentence, start, start + len("on 12 September 2020"))
    assert "12 September 2020" in title
    assert len(title) <= MAX_TITLE_CHARS


expression_specs = st.lists(
    st.tuples(
        st.integers(0, 300),
        st.integers(1, 40),
        st.sampled_from([DATE, DURATION, SET]),
        st.sampled_from(["2020", "2020-09", "2021-02-28", "2021-W07", "P3Y"]),
    ),
    max_size=8,
)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300), expression_specs, st.sampled_from(["en", "fr", "es", "xx"]))
def test_never_crashes_and_titles_stay_short(text, specs, language):
    expressions = []
    for start, length, kind, value in specs:
        start = min(start, len(text))
        end = min(len(text), start + length)
        dating = kind == DATE and not value.startswith("P")
        expressions.append(
            TemporalExpression(
                text[start:end],
                start,
                end,
                kind,
                value,
                "",
                "year" if dating else None,
                *(SOME_DAY if dating else (None, None)),
            )
        )
    events = build_events(
        text,
        expressions,
        split_sentences(text, language=language),
        actors={"Taliban": ["insurgents"], "X": []},
        language=language,
    )
    for event in events:
        assert event.date.is_dating
        assert len(event.title) <= MAX_TITLE_CHARS
        assert event.category in {
            "talks",
            "agreement",
            "ceasefire",
            "withdrawal",
            "violence",
            "statement",
            "prisoner release",
            "sanctions",
            "election",
            "report",
            "visit",
            "other",
        }
        assert 0 <= event.confidence <= 1
    starts = [(e.sentence_start, e.date.start) for e in events]
    assert starts == sorted(starts)


_SOUP = (
    "The Taliban said on Sunday that talks , which began in May , would resume “ soon ” ; "
    "but officials , he said : — Kabul and Doha signed a deal in 2020 . U.S. forces "
    "withdrew who had been attacked according to adding that y el gobierno firmó"
)
news_words = st.sampled_from(_SOUP.split(" "))


@settings(max_examples=300, deadline=None)
@given(st.lists(news_words, min_size=1, max_size=80), st.data())
def test_titles_of_news_like_word_soup(words, data):
    sentence = " ".join(words)
    start = data.draw(st.integers(0, len(sentence)))
    end = data.draw(st.integers(start, min(len(sentence), start + 30)))
    title = make_title(sentence, start, end)
    assert len(title) <= MAX_TITLE_CHARS
    assert title == title.strip()
    if title:
        assert title[-1] not in ".,;:!?\"”’'"
        # Extractive: every word of the title comes from the sentence.
        assert set(re.findall(r"\w+", title.lower())) <= set(re.findall(r"\w+", sentence.lower()))


TITLE_CASES = json.loads((Path(__file__).parent / "data" / "events_titles.json").read_text("utf-8"))


@pytest.mark.parametrize("case", [pytest.param(c, id=c["id"]) for c in TITLE_CASES])
def test_title_of_sentence(case):
    sentence = case["sentence"]
    start = sentence.index(case["date"])
    others = [(sentence.index(o), sentence.index(o) + len(o)) for o in case.get("others", [])]
    title = make_title(
        sentence,
        start,
        start + len(case["date"]),
        language=case.get("language", "en"),
        others=others,
    )
    assert 0 < len(title) <= MAX_TITLE_CHARS
    assert title[0].isupper()
    if "title" in case:
        assert title == case["title"]
    if "title_starts" in case:
        assert title.startswith(case["title_starts"]), title
    for part in case.get("title_contains", []):
        assert part in title, title
    for part in case.get("title_excludes_end", []):
        assert not title.endswith(part), title
    for part in case.get("title_excludes_start", []):
        assert not title.startswith(part), title
