"""The tagger never crashes and never hangs, whatever the input."""

from __future__ import annotations

import base64
import datetime
import re
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.extraction import languages
from timeline.extraction.tagger import normalise_phrase, tag
from timeline.extraction.types import ExtractionError

from .pathological import KNOWN_BAD, KNOWN_BAD_PHRASES
from .strategies import word_salad

PUBLISHED = datetime.date(2021, 2, 28)
YEAR = re.compile(r"^(\d{4})")


def _run(text: str, language: str = "en", budget: float = 20.0):
    return tag(
        text,
        published=PUBLISHED,
        language=language,
        sentences=[(0, len(text))] if text else [],
        deadline=time.monotonic() + budget,
    )


def _assert_sane(text: str, found) -> None:
    last_end = 0
    for e in found:
        assert text[e.start : e.end] == e.text
        assert e.start >= last_end
        last_end = e.end
        m = YEAR.match(e.value)
        if m and e.type in ("DATE", "TIME"):
            assert 1000 <= int(m.group(1)) <= 2200, e
        if e.interval_start is not None:
            assert 1000 <= e.interval_start.year <= 2200
            assert e.interval_start <= e.interval_end


# Every full resource, the languages checked through the generic path, a right-to-left
# and a CJK one, and the neutral grammar of unknown codes.
FUZZED = sorted({*languages.full_codes(), "uk", "fa", "tr", "zh", "he", "xx"})


@pytest.mark.parametrize("text", KNOWN_BAD, ids=range(len(KNOWN_BAD)))
@pytest.mark.parametrize("language", FUZZED)
def test_known_bad_inputs_come_out_sane_within_their_budget(text: str, language: str) -> None:
    # Over the 20 s budget, tag raises ExtractionError and this fails; how long each input
    # takes is measured by tests/benchmarks/bench_robustness.py, not asserted here.
    _assert_sane(text, _run(text, language))


def test_deadline_in_the_past_raises_extraction_error() -> None:
    with pytest.raises(ExtractionError):
        tag(
            "September last year",
            published=PUBLISHED,
            language="en",
            sentences=[(0, 19)],
            deadline=time.monotonic() - 1,
        )


def test_tight_deadline_on_long_text_raises_instead_of_hanging() -> None:
    text = "On Sunday, talks began in September last year. " * 20000
    with pytest.raises(ExtractionError):
        _run(text, budget=0.01)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400), st.sampled_from([*languages.codes(), "", "xx"]))
def test_arbitrary_unicode(text: str, language: str) -> None:
    _assert_sane(text, _run(text, language))


_SALAD = (
    "May March September last next this year week month ago later early mid late the of "
    "in on by 2001 1999 2,500 10,000 12 31 0 3 p.m. a.m. Sunday morning every daily two "
    "three 18 months years days 1990s '90s quarter third spring , . ; mars dernier semana "
    "pasada hace hier il y a 20/05/20 : - / 123456789 hour \x00 \n"
)


@settings(max_examples=80, deadline=None)
@given(word_salad(_SALAD.split(" "), max_size=60), st.sampled_from(["en", "fr", "es"]))
def test_temporal_word_salad(text: str, language: str) -> None:
    _assert_sane(text, _run(text, language))


def _words_of(code: str) -> list[str]:
    """The date words of a language (names, units, numbers, phrases) and some digits."""
    lex = languages.fallback(code).lexicon
    words = [*lex.months, *lex.month_abbr, *lex.weekdays, *lex.units, *lex.numbers]
    words += [*lex.phrases, *lex.relative, *lex.modifiers, *lex.parts_of_day]
    return [*sorted(words), "2011", "17", "3", "1990", "15:30", ",", ".", "-", "'", "٣", "۱۷"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), st.sampled_from(FUZZED))
def test_each_languages_word_salad(data, language: str) -> None:
    text = data.draw(word_salad(_words_of(language), max_size=60))
    _assert_sane(text, _run(text, language))


@settings(max_examples=20, deadline=None)
@given(st.binary(min_size=0, max_size=3000))
def test_base64_blobs(blob: bytes) -> None:
    text = "Attachment: " + base64.b64encode(blob).decode() * 3
    _assert_sane(text, _run(text))


@settings(max_examples=5, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=20))
def test_very_long_lines(chunk: str) -> None:
    text = (chunk + " 2001 ") * 1000
    _assert_sane(text, _run(text))


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=120), st.sampled_from(["en", "fr", "es"]))
def test_normalise_phrase_never_raises(phrase: str, language: str) -> None:
    result = normalise_phrase(phrase, anchor=PUBLISHED, language=language)
    assert result is None or result.is_dating


@pytest.mark.parametrize("phrase", KNOWN_BAD_PHRASES, ids=range(len(KNOWN_BAD_PHRASES)))
def test_normalise_phrase_known_bad_is_no_date(phrase: str) -> None:
    assert normalise_phrase(phrase, anchor=PUBLISHED) is None
