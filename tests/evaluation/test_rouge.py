"""ROUGE-1 and ROUGE-L on hand-counted examples, and the tokeniser they share."""

from __future__ import annotations

import pytest

from timeline.evaluation.rouge import rouge_1, rouge_best_f, rouge_l, tokens


def test_tokens_casefold_keep_accents_and_digits_and_split_on_punctuation():
    assert tokens("L’armée a signé le cessez-le-feu, 23 Octobre 2020!") == [
        "l",
        "armée",
        "a",
        "signé",
        "le",
        "cessez",
        "le",
        "feu",
        "23",
        "octobre",
        "2020",
    ]
    # A decomposed accent (e + combining acute) is the same token as the composed one.
    assert tokens("Signe\u0301") == tokens("Signé") == ["signé"]
    assert tokens("STRASSE Straße") == ["strasse", "strasse"]
    assert tokens("snake_case") == ["snake", "case"]


def test_rouge_1_clips_repeated_words():
    # Candidate "the the the cat", reference "the cat sat": overlap the×1 + cat×1 = 2.
    score = rouge_1("the the the cat", "the cat sat")
    assert score.precision == pytest.approx(2 / 4)
    assert score.recall == pytest.approx(2 / 3)
    assert score.f1 == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))


def test_rouge_l_counts_the_longest_common_subsequence_not_bags():
    # "police killed the gunman" / "the gunman killed police" (Lin 2004): LCS 2, while
    # ROUGE-1 sees all four words.
    cand, ref = "police killed the gunman", "the gunman killed police"
    assert rouge_1(cand, ref).f1 == pytest.approx(1.0)
    assert rouge_l(cand, ref).f1 == pytest.approx(0.5)
    # "police kill the gunman" against "police killed the gunman": LCS 3 of 4.
    assert rouge_l("police kill the gunman", "police killed the gunman").f1 == pytest.approx(0.75)


def test_empty_texts_score_zero_and_best_f_takes_the_best_reference():
    assert rouge_1("", "anything").f1 == 0.0
    assert rouge_l("words", "").f1 == 0.0
    refs = ["Rebels sign truce in Geneva", "Les rebelles signent une trêve à Genève"]
    assert rouge_best_f("Rebels sign truce", refs) == pytest.approx(2 * 1 * 0.6 / 1.6)
    assert rouge_best_f("Rebels sign truce", [], metric=rouge_l) == 0.0
