"""Unit tests of the event layer's categories and headline titles (beyond the spec cases in
``spec/<language>/events.json``): the extra cue lists of the lexicon files, reflexive verb
cues, headline verb forms, and titles that are never bare fragments."""

from __future__ import annotations

import datetime

import pytest

from timeline import categories
from timeline.extraction import extract
from timeline.extraction.events.categorise import _extra, _verb_cues
from timeline.extraction.events.clauses import analyse, tokenize
from timeline.extraction.events.headlines import english_verb
from timeline.extraction.events.lexicon import languages, lexicon


@pytest.mark.parametrize("language", languages())
def test_extra_cue_lists_are_sound(language):
    """Weak verbs are verbs of their category; every list names a known category."""
    lex = lexicon(language)
    extra = _extra(language)
    for value, weak in extra.weak.items():
        cues = lex.cues_of(value)
        assert cues is not None, value
        assert weak <= cues.verbs, (value, weak - cues.verbs)
    for value in extra.participants:
        assert value in categories.BY_VALUE, value
    # Participants never make a happening of their own: they are no nouns of any category.
    nouns = set().union(*(c.nouns for c in lex.categories))
    for value, words in extra.participants.items():
        assert not words & nouns, (value, words & nouns)


def test_reflexive_verb_cues_match_the_bare_lemma():
    cues = _verb_cues(frozenset({"s'emparer", "se rendre", "reunirse", "signer"}))
    assert {"emparer", "rendre", "reunir", "signer"} <= cues


def _group(text: str, language: str = "en"):
    lex = lexicon(language)
    a = analyse(text, lex)
    group = a.segments[0].groups[0]
    return group.tokens(a.tokens), a.tokens[group.head]


@pytest.mark.parametrize(
    ("text", "subject", "want"),
    [
        ("Sarraj intended to hand over power", ["Sarraj"], ["intends", "to", "hand"]),
        ("The forum is due to open in Tunis", ["forum"], ["to", "open"]),
        ("The ships were cleared to move", ["ships"], ["cleared", "to", "move"]),
        ("The deal will be signed on Friday", ["deal"], ["to", "be", "signed"]),
        ("The Houthis seized Sanaa", ["Houthis"], ["seize"]),
    ],
)
def test_english_headline_verbs(text, subject, want):
    toks = tokenize(text, "en")
    group, head = _group(text)
    assert english_verb(group, subject, head) == want, [t.text for t in toks]


FRAGMENT_SENTENCES = [
    "It brought calm after those agreed in November, March and May, but no renewal came.",
    "Grundberg hopes the parties will accept the extension when it expires on 2 June.",
    "Elections are due by the end of the year, but there is still no agreed legal basis.",
    "A second round of talks, promised for the end of January, never took place.",
]


@pytest.mark.parametrize("text", FRAGMENT_SENTENCES)
def test_titles_are_no_bare_fragments(text):
    result = extract(text, published=datetime.date(2022, 5, 20), language="en")
    for event in result.events:
        words = event.title.split()
        assert len(words) >= 2, event.title
        assert words[-1].lower() not in {"the", "of", "to", "and", "under", "with"}
        assert "may may" not in event.title.lower(), event.title


def _titles(text: str, language: str = "en") -> dict[str, str]:
    result = extract(text, published=datetime.date(2021, 8, 31), language=language)
    return {e.date.value: e.title for e in result.events}


@pytest.mark.parametrize(
    ("text", "value", "want"),
    [
        # A happening named by a noun its date follows: the noun phrase, then the date.
        (
            "The war began weeks after the attacks of 11 September 2001.",
            "2001-09-11",
            "Attacks of 11 September 2001",
        ),
        (
            "The war dragged on after the US-led invasion of October 2001.",
            "2001-10",
            "US-led invasion of October 2001",
        ),
    ],
)
def test_a_noun_dated_by_what_follows_it_is_titled_by_its_phrase(text, value, want):
    assert _titles(text)[value] == want


@pytest.mark.parametrize(
    ("text", "language", "want"),
    [
        ("The war began in October 2001, weeks after the attacks.", "en", "War begins"),
        ("The army withdrew in March 2020, a year before the deadline.", "en", "Army withdraws"),
        (
            "La guerre a commencé en octobre 2001, quelques semaines après les attentats.",
            "fr",
            "La guerre a commencé",
        ),
        # A measure the clause itself holds stays.
        ("On 3 May the truce held for two weeks.", "en", "Truce holds for two weeks"),
    ],
)
def test_a_measure_of_the_next_clause_is_not_part_of_the_title(text, language, want):
    assert want in _titles(text, language).values()


def test_the_month_may_inside_a_sentence_is_no_modal():
    titles = _titles("The talks in May lasted two weeks, officials said.")
    assert list(titles.values()) == ["Talks last two weeks"]
    inside = analyse("The talks in May lasted two weeks.", lexicon("en"))
    assert [inside.tokens[g.first].text for s in inside.segments for g in s.groups] == ["lasted"]
    # At the head of a sentence the modal stays one.
    head = analyse("May the talks succeed.", lexicon("en"))
    assert head.segments[0].groups[0].first == 0


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A passive plan word is the plan ("is expected to" -> "to"), not the subject's act.
        ("The envoy is expected to arrive in Kabul on Monday.", "Envoy to arrive in Kabul"),
        ("Talks were expected to resume on Monday.", "Talks to resume"),
        # Active, the subject's own verb stays.
        ("The Taliban expected to sign the deal on Saturday.", "Taliban expects to sign deal"),
        # A participle describing its noun, the clause's verb right after its date.
        ("The ceasefire agreed on Sunday collapsed.", "Ceasefire agreed"),
        ("Talks held on Monday ended without a deal.", "Talks held"),
        # The clause's own past tense before a closing attribution is its verb, and the
        # attribution is not part of the title.
        ("The army withdrew on Friday, officials said.", "Army withdraws"),
    ],
)
def test_voice_participles_and_attributions_in_titles(text, want):
    assert want in _titles(text).values()


def test_a_past_tense_that_is_never_a_participle_is_the_clause_s_verb():
    text = "Prime Minister Abdalla Hamdok flew into the rebel-held town of Kauda on 9 January."
    assert list(_titles(text).values()) == [
        "Prime Minister Abdalla Hamdok flies into rebel-held town of Kauda"
    ]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A plural speaker speaking of itself: the pronoun is the speaker.
        ("The rebels said on Monday they would attend.", "Rebels to attend"),
        # A person's "they" is somebody else: the frame stays.
        ("Khalilzad said on Monday they would attend.", "Khalilzad: they to attend"),
    ],
)
def test_they_after_a_plural_speaker_is_the_speaker(text, want):
    assert want in _titles(text).values()
