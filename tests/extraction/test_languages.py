"""The language registry: every dateparser language, resource files on top, one list."""

from __future__ import annotations

import datetime

import pytest

from timeline.extraction import extract, languages
from timeline.extraction.timex_lexicon import lexicon

FULL = {"ar", "de", "en", "es", "fr", "it", "pt", "ru"}
PUBLISHED = datetime.date(2021, 2, 28)


def test_codes_and_names_come_from_dateparser_and_the_resource_files():
    from dateparser.data.languages_info import language_order

    assert set(languages.codes()) >= set(language_order) | FULL
    assert list(languages.codes()) == sorted(languages.codes())
    assert languages.names()["fr"] == "French"
    assert languages.names()["uk"] == "Ukrainian"
    assert languages.names()["zh-Hant"] == "Chinese (Traditional)"
    assert set(languages.names()) == set(languages.codes())
    assert len(set(languages.names().values())) == len(languages.codes())


def test_full_resources_are_flagged():
    assert set(languages.full_codes()) == FULL
    assert languages.get("de").full and languages.get("de").own
    assert not languages.get("uk").full and not languages.get("uk").own
    assert languages.get("uk").generic and not languages.get("en").generic


@pytest.mark.parametrize(
    ("tag", "code"),
    [
        ("fr-CA", "fr"),
        ("FR", "fr"),
        ("pt_BR", "pt"),
        ("zh-hant-TW", "zh-Hant"),
        ("sr-Latn", "sr-Latn"),
    ],
)
def test_tags_resolve_to_their_longest_supported_prefix(tag, code):
    assert languages.resolve(tag) == code
    assert languages.get(tag).code == code


@pytest.mark.parametrize("code", ["xx", "", "zz-ZZ", "und"])
def test_get_raises_for_a_code_nobody_knows(code):
    with pytest.raises(languages.UnknownLanguage):
        languages.get(code)


def test_fallback_is_the_neutral_language_never_english():
    assert languages.fallback("xx") is languages.neutral()
    assert languages.fallback("xx").code == languages.NEUTRAL
    assert languages.fallback(None).code == languages.DEFAULT
    assert languages.fallback("fr-CA") is languages.get("fr")
    assert languages.fallback("uk") is languages.get("uk")


def test_an_unknown_code_reads_digits_only_and_says_so():
    result = extract(
        "On 17 February 2011, yesterday, talks began (2011-02-16).",
        published=PUBLISHED,
        language="xx",
    )
    assert result.language == languages.NEUTRAL
    assert result.warnings and "not supported" in result.warnings[0]
    assert [e.value for e in result.expressions] == ["2011", "2011-02-16"]


# Dates in other languages, as of PUBLISHED: whole phrases, which extract() finds in a text
# and normalise_phrase() reads as an editor types them...
PHRASES = [
    ("ar", "في 17 فبراير 2011", "2011-02-17"),
    ("ru", "17 февраля 2011 года", "2011-02-17"),
    ("ar", "السبت 3 أكتوبر 2020", "2020-10-03"),
    ("fa", "۱۷ فوریه ۲۰۱۱", "2011-02-17"),
    ("uk", "17 лютого 2011 року", "2011-02-17"),
    ("pl", "17 lutego 2011", "2011-02-17"),
    ("am", "ዛሬ", "2021-02-28"),
    ("ru", "в прошлом году", "2020"),
    ("de", "am 17. Februar 2011", "2011-02-17"),
    ("it", "la settimana scorsa", "2021-W07"),
    ("tr", "geçen hafta", "2021-W07"),
]
# ... and dates with words around them, for extract() only.
IN_TEXT = [
    ("it", "Il 17 febbraio 2011 migliaia di persone", "2011-02-17"),
    ("tr", "17 Şubat 2011 tarihinde", "2011-02-17"),
]


@pytest.mark.parametrize(("language", "text", "value"), [*IN_TEXT, *PHRASES])
def test_other_languages_give_the_day_not_the_bare_year(language, text, value):
    result = extract(text, published=PUBLISHED, language=language)
    assert result.language == language and not result.warnings
    assert [e.value for e in result.expressions] == [value]


@pytest.mark.parametrize("code", languages.resource_codes())
def test_every_resource_file_gives_a_usable_language(code):
    language = languages.get(code)
    assert language.section("language")["code"] == code
    lex = language.lexicon
    assert sorted(set(lex.months.values())) == list(range(1, 13))
    assert sorted(set(lex.weekdays.values())) == list(range(1, 8))
    assert lex.numbers and lex.units
    assert language.rules
    words = language.sentence_words
    assert words.titles and words.before_number


@pytest.mark.parametrize("code", languages.codes())
def test_every_dateparser_language_compiles_its_generic_grammar(code):
    language = languages.get(code)
    assert language.rules
    assert language.lexicon is lexicon(code)


def test_lexicon_reads_the_registry():
    assert lexicon("fr") is languages.get("fr").lexicon
    assert lexicon("xx") is languages.neutral().lexicon


def test_folds_map_one_character_to_one():
    fa = languages.get("fa")
    assert "۱۷".translate(fa.fold) == "17"
    assert "ی".translate(fa.fold) == "ي"
    assert "١٧".translate(languages.get("en").fold) == "17"


@pytest.mark.parametrize(("language", "phrase", "value"), PHRASES)
def test_editors_type_dates_in_any_language(language, phrase, value):
    from timeline.extraction.tagger import normalise_phrase

    found = normalise_phrase(phrase, anchor=PUBLISHED, language=language)
    assert found is not None and found.value == value
