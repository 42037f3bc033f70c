"""The language registry: one resource file per language, read into the engine's views."""

from __future__ import annotations

import pytest

from timeline.extraction import languages
from timeline.extraction.timex_lexicon import lexicon


def test_codes_and_names_come_from_the_resource_files():
    assert set(languages.codes()) >= {"en", "fr", "es"}
    assert list(languages.codes()) == sorted(languages.codes())
    assert languages.names()["fr"] == "French"
    assert set(languages.names()) == set(languages.codes())


@pytest.mark.parametrize("code", ["xx", "", "zz-ZZ"])
def test_get_raises_for_a_language_without_a_file(code):
    with pytest.raises(languages.UnknownLanguage):
        languages.get(code)


def test_fallback_is_explicit_and_documented():
    assert languages.fallback("xx") is languages.get(languages.DEFAULT)
    assert languages.fallback(None).code == languages.DEFAULT
    assert languages.fallback("fr-CA") is languages.get("fr")


@pytest.mark.parametrize("code", languages.codes())
def test_every_file_gives_a_usable_language(code):
    language = languages.get(code)
    assert language.section("language")["code"] == code
    lex = language.lexicon
    assert sorted(set(lex.months.values())) == list(range(1, 13))
    assert sorted(set(lex.weekdays.values())) == list(range(1, 8))
    assert lex.numbers and lex.units
    assert language.rules
    words = language.sentence_words
    assert words.titles and words.before_number and words.openers


def test_lexicon_reads_the_registry():
    assert lexicon("fr") is languages.get("fr").lexicon
    assert lexicon("xx") is languages.fallback("xx").lexicon
