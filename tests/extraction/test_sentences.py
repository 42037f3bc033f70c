"""Sentence splitting: expected splits from data files and invariants."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.extraction.sentences import MAX_SENTENCE_CHARS, split_sentences

from .pathological import MEGABYTE_TEXTS
from .spec_data import per_language


def _cases() -> list:
    return [
        pytest.param(language, case, id=f"{language}-{case['id']}")
        for language, cases in per_language("sentences.json")
        for case in cases
    ]


@pytest.mark.parametrize(("language", "case"), _cases())
def test_expected_split(language, case):
    text = case["text"]
    spans = split_sentences(text, language=case.get("language", language))
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


@pytest.mark.parametrize("name", sorted(MEGABYTE_TEXTS))
def test_megabyte_inputs_split_into_sane_sentences(name):
    # How long these take is measured by tests/benchmarks/bench_robustness.py.
    text = MEGABYTE_TEXTS[name]
    _check_invariants(text, split_sentences(text))
