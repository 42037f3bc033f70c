"""The event layer on hand-built expressions (no tagger): order, actors, places, confidence,
and properties that hold for any input."""

from __future__ import annotations

import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import categories
from timeline.extraction.events import build_events, confidence, keywords
from timeline.extraction.events.headlines import HARD_MAX
from timeline.extraction.sentences import split_sentences
from timeline.extraction.types import DATE, DURATION, SET, TemporalExpression

from .strategies import word_salad

SOME_DAY = (datetime.date(2021, 2, 28), datetime.date(2021, 2, 28))


def expression(text: str, spec: dict) -> TemporalExpression:
    start = text.index(spec["text"])
    return TemporalExpression(
        text=spec["text"],
        start=start,
        end=start + len(spec["text"]),
        type=spec.get("type", DATE),
        value=spec["value"],
        precision=spec.get("precision", "day"),
        interval_start=SOME_DAY[0],
        interval_end=SOME_DAY[1],
    )


def test_events_are_in_text_order_across_sentences():
    text = "Talks opened on 12 September 2020. The deal was signed on 29 February 2020."
    specs = [
        {"text": "29 February 2020", "value": "2020-02-29"},
        {"text": "12 September 2020", "value": "2020-09-12"},
    ]
    events = build_events(
        text, [expression(text, s) for s in specs], split_sentences(text), actors={}, language="en"
    )
    assert [e.date.value for e in events] == ["2020-09-12", "2020-02-29"]
    assert [e.category for e in events] == ["talks", "agreement"]
    assert events[0].sentence == "Talks opened on 12 September 2020."


def test_expression_outside_every_sentence_is_ignored():
    text = "First sentence here.   \n\n   Second one on Monday."
    stray = TemporalExpression("  ", 20, 22, DATE, "2021-03-01", "", "day", *SOME_DAY)
    monday = expression(text, {"text": "Monday", "value": "2021-03-01"})
    events = build_events(text, [stray, monday], split_sentences(text), actors={}, language="en")
    assert [e.date for e in events] == [monday]


def test_no_actors_mapping_means_no_actors():
    text = "The Taliban met US officials in Doha on 12 September 2020."
    date = expression(text, {"text": "12 September 2020", "value": "2020-09-12"})
    (event,) = build_events(text, [date], split_sentences(text), actors={}, language="en")
    assert event.actors == ()
    assert event.places == ("United States", "Doha")


def test_short_upper_case_aliases_match_as_written_only():
    text = "Let us meet the US envoy and the UN team on 1 March 2021."
    date = expression(text, {"text": "1 March 2021", "value": "2021-03-01"})
    actors = {"United States": ["US"], "United Nations": ["UN"], "Nobody": ["let"]}
    (event,) = build_events(text, [date], split_sentences(text), actors=actors, language="en")
    assert event.actors == ("Nobody", "United States", "United Nations")


def test_actor_aliases_given_as_a_string_or_none():
    text = "Insurgents and the UN met on 1 March 2021."
    date = expression(text, {"text": "1 March 2021", "value": "2021-03-01"})
    actors = {"Taliban": "insurgents", "United Nations": None, "UN": []}
    (event,) = build_events(text, [date], split_sentences(text), actors=actors, language="en")
    assert event.actors == ("Taliban", "UN")


def test_a_happenings_actors_are_those_of_its_own_clause():
    text = "Biden is reviewing the deal that the Taliban signed in February 2020."
    date = expression(text, {"text": "February 2020", "value": "2020-02", "precision": "month"})
    events = build_events(
        text,
        [date],
        split_sentences(text),
        actors={"Taliban": [], "Joe Biden": ["Biden"]},
        language="en",
        published=datetime.date(2021, 2, 28),
    )
    signing = next(e for e in events if e.date is date)
    assert signing.actors == ("Taliban",)
    review = next(e for e in events if e.date is not date)
    assert review.date.value == "2021-02-28" and review.actors == ("Joe Biden",)


def test_present_reports_need_the_publication_date_to_be_dated():
    text = "The United Nations is reviewing the ceasefire."
    assert build_events(text, [], split_sentences(text), actors={}, language="en") == []


def _expr(precision: str, anchor_kind: str = "", mod: str = "") -> TemporalExpression:
    return TemporalExpression(
        "x", 0, 1, DATE, "v", mod, precision, *SOME_DAY, anchor_kind=anchor_kind
    )


def test_confidence_rewards_precise_absolute_dates_and_kinds_of_happening():
    sentence = "The two sides signed a peace agreement in the capital that day."
    day = confidence(_expr("day"), sentence, "agreement")
    month = confidence(_expr("month"), sentence, "agreement")
    year = confidence(_expr("year"), sentence, "agreement")
    relative = confidence(_expr("day", "published"), sentence, "agreement")
    chained = confidence(_expr("day", "previous"), sentence, "agreement")
    approx = confidence(_expr("day", mod="APPROX"), sentence, "agreement")
    statement = confidence(_expr("day"), sentence, "statement")
    other = confidence(_expr("day"), sentence, "other")
    recalled = confidence(_expr("day"), sentence, "agreement", "noun")
    assert day > month > year
    assert day > relative > chained
    assert day > approx
    assert day > statement > other
    assert day > recalled
    assert all(0.05 <= c <= 0.95 for c in (day, month, year, chained, statement, other))


def test_keywords_are_content_lemmas():
    words = keywords("The United States and the Taliban signed agreements in Doha", "en")
    assert {"sign", "agreement", "doha", "taliban"} <= words
    assert not {"the", "and", "in"} & words


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
        published=SOME_DAY[0],
    )
    for event in events:
        assert event.date.is_dating
        assert len(event.title) <= HARD_MAX
        assert event.category in categories.VALUES
        assert event.factuality in ("happened", "planned", "deadline", "expected", "not_happened")
        assert 0 <= event.confidence <= 1
    starts = [e.sentence_start for e in events]
    assert starts == sorted(starts)
    assert len({e.key for e in events}) == len(events)


_SOUP = (
    "The Taliban said on Sunday that talks , which began in May , would resume “ soon ” ; "
    "but officials , he said : — Kabul and Doha signed a deal in 2020 . U.S. forces "
    "withdrew who had been attacked according to adding that y el gobierno firmó "
    "is reviewing has said will not the group they it"
)


@settings(max_examples=300, deadline=None)
@given(word_salad(_SOUP.split(" "), min_size=1, max_size=80), st.data())
def test_headlines_of_news_like_word_soup(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start + 1, max(start + 1, min(len(text), start + 30))))
    expr = TemporalExpression(text[start:end], start, end, DATE, "2020", "", "year", *SOME_DAY)
    events = build_events(
        text,
        [expr],
        split_sentences(text),
        actors={"Taliban": []},
        language="en",
        published=SOME_DAY[0],
    )
    for event in events:
        assert event.title == event.title.strip()
        assert 0 < len(event.title) <= HARD_MAX


def test_an_event_is_a_fact_only_when_a_source_from_on_or_after_its_day_says_so():
    from timeline.extraction.events.factuality import event_factuality

    day = datetime.date(2020, 9, 12)
    before, after = datetime.date(2020, 9, 1), datetime.date(2020, 9, 13)
    # A "happened" written before the day cannot have seen it.
    assert event_factuality([("happened", before)], start=day) == "planned"
    assert event_factuality([("planned", before), ("happened", before)], start=day) == "planned"
    assert event_factuality([("planned", before), ("happened", after)], start=day) == "happened"
    assert event_factuality([("happened", day)], start=day) == "happened"
    # Otherwise the latest source speaks: a plan called off did not happen.
    latest = [("planned", before), ("not_happened", after)]
    assert event_factuality(latest, start=day) == "not_happened"
    assert event_factuality([("happened", before)]) == "happened"  # no day known
