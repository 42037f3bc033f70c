"""Sentence splitting: expected splits from data files, invariants, and linear time."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.extraction.sentences import MAX_SENTENCE_CHARS, split_sentences

DATA = Path(__file__).parent / "data"


def _cases(name: str) -> list:
    cases = json.loads((DATA / name).read_text(encoding="utf-8"))
    return [pytest.param(case, id=case["id"]) for case in cases]


@pytest.mark.parametrize("case", _cases("sentences_en.json") + _cases("sentences_fr_es.json"))
def test_expected_split(case):
    text = case["text"]
    spans = split_sentences(text, language=case.get("language", "en"))
    assert [text[a:b] for a, b in spans] == case["sentences"]


def _check_invariants(text: str, spans: list[tuple[int, int]]) -> None:
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        assert end - start <= MAX_SENTENCE_CHARS
        # Nothing but whitespace is left between sentences.
        assert not text[previous_end:start].strip()
        previous_end = end
    assert not text[previous_end:].strip()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aB .!?…\"”“'()\n\t1U.S"))))
def test_invariants_on_punctuation_soup(text):
    _check_invariants(text, split_sentences(text))


@settings(max_examples=200, deadline=None)
@given(st.text(), st.sampled_from(["en", "fr", "es", "de", "", "fr-CA"]))
def test_invariants_on_arbitrary_unicode(text, language):
    _check_invariants(text, split_sentences(text, language=language))


def test_overlong_sentence_is_cut_at_spaces():
    text = "word " * 2000 + "end."
    spans = split_sentences(text)
    _check_invariants(text, spans)
    assert len(spans) > 1
    assert all(text[a:b].split()[-1] in ("word", "end.") for a, b in spans)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The U.S. envoy met Dr. J. Smith on Sept. 11 in Kabul. " * 20_000, id="news"),
        pytest.param("." * 1_000_000, id="dots"),
        pytest.param(" " * 1_000_000, id="spaces"),
        pytest.param("\n \n" * 300_000, id="blank-lines"),
        pytest.param("U.S. " * 200_000, id="acronyms"),
        pytest.param("x" * 1_000_000, id="one-token"),
        pytest.param("a." * 500_000, id="no-spaces"),
    ],
)
def test_megabyte_inputs_split_in_linear_time(text):
    # Generous bound: the scanner does ~1 s on the worst of these on a slow machine;
    # quadratic behaviour would take minutes.
    started = time.perf_counter()
    spans = split_sentences(text)
    assert time.perf_counter() - started < 10
    _check_invariants(text, spans)
