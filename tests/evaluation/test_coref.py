"""Coreference metrics against examples worked by hand from the literature."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.evaluation.coref import (
    b_cubed,
    ceaf_e,
    clusters_normalise,
    coref_scores,
    max_weight_assignment,
    muc,
)

# Bagga & Baldwin (1998), figures 2-4: the key has three entities; response 1 wrongly
# joins the second and third, response 2 the first and third.
BB_KEY = [{1, 2, 3, 4, 5}, {6, 7}, {8, 9, "A", "B", "C"}]
BB_RESPONSE_1 = [{1, 2, 3, 4, 5}, {6, 7, 8, 9, "A", "B", "C"}]
BB_RESPONSE_2 = [{1, 2, 3, 4, 5, 8, 9, "A", "B", "C"}, {6, 7}]

# Pradhan et al. (2014), the worked example with twinless mentions: key {a b c} {d e f g},
# response {a b} {c d} {f g h i}.
P_KEY = [{"a", "b", "c"}, {"d", "e", "f", "g"}]
P_RESPONSE = [{"a", "b"}, {"c", "d"}, {"f", "g", "h", "i"}]


def test_muc_vilain_example_one_split_costs_one_link():
    # Key A-B-C-D (3 links), response A-B, C-D: 2 of 3 links recalled, none wrong.
    score = muc([{"A", "B", "C", "D"}], [{"A", "B"}, {"C", "D"}])
    assert score.recall == pytest.approx(2 / 3)
    assert score.precision == 1.0
    assert score.f1 == pytest.approx(0.8)


def test_muc_cannot_tell_the_two_bagga_baldwin_responses_apart():
    # Each response gets 9 of 9 key links and 9 of its 10 links right: 0.9 precision.
    for response in (BB_RESPONSE_1, BB_RESPONSE_2):
        score = muc(BB_KEY, response)
        assert score.recall == 1.0
        assert score.precision == pytest.approx(0.9)


def test_b_cubed_tells_them_apart_as_bagga_and_baldwin_show():
    first = b_cubed(BB_KEY, BB_RESPONSE_1)
    second = b_cubed(BB_KEY, BB_RESPONSE_2)
    assert first.recall == second.recall == 1.0
    # (5·1 + 2·2/7 + 5·5/7) / 12 = 64/84 ≈ 0.76 and (5·5/10 + 2·1 + 5·5/10) / 12 = 7/12.
    assert first.precision == pytest.approx(64 / 84)
    assert second.precision == pytest.approx(7 / 12)


def test_pradhan_example_muc_b_cubed_ceaf_e_and_conll():
    scores = coref_scores(P_KEY, P_RESPONSE)
    # MUC: key links recalled (3-2) + (4-3) = 2 of 5; response links right 1 + 0 + 1 of 5.
    assert scores.muc.recall == pytest.approx(0.4)
    assert scores.muc.precision == pytest.approx(0.4)
    # B³ recall (4/3 + 1/3 + 1/4 + 4/4) / 7 = 35/84; precision (2 + 1 + 1) / 8.
    assert scores.b_cubed.recall == pytest.approx(35 / 84)
    assert scores.b_cubed.precision == pytest.approx(0.5)
    # CEAF-e: φ4({abc},{ab}) = 4/5 and φ4({defg},{fghi}) = 4/8 is the best alignment: 1.3.
    assert scores.ceaf_e.recall == pytest.approx(1.3 / 2)
    assert scores.ceaf_e.precision == pytest.approx(1.3 / 3)
    muc_f = 0.4
    b3_f = 2 * (35 / 84) * 0.5 / (35 / 84 + 0.5)
    ceaf_f = 2 * 0.65 * (1.3 / 3) / (0.65 + 1.3 / 3)
    assert scores.conll_f1 == pytest.approx((muc_f + b3_f + ceaf_f) / 3)


def test_ceaf_e_takes_the_best_alignment_not_the_greedy_one():
    key = [{1, 2, 3, 4}, {5}]
    response = [{1, 2, 3, 5}, {4}]
    # φ4(K1,R1) = 6/8 is the largest single pair, but K1-R2 (2/5) + K2-R1 (2/5) = 0.8 beats
    # it (K2-R2 = 0): a greedy alignment would score 0.75.
    score = ceaf_e(key, response)
    assert score.recall == pytest.approx(0.8 / 2)
    assert score.precision == pytest.approx(0.8 / 2)


def test_perfect_response_scores_one_and_singletons_give_muc_zero():
    key = [{1, 2}, {3}, {4, 5, 6}]
    scores = coref_scores(key, [{2, 1}, {3}, {6, 5, 4}])
    assert scores.conll_f1 == pytest.approx(1.0)
    only_singletons = coref_scores([{1}, {2}], [{1}, {2}])
    assert only_singletons.muc.f1 == 0.0  # no links to find: 0/0 counts as 0
    assert only_singletons.b_cubed.f1 == 1.0
    assert only_singletons.ceaf_e.f1 == 1.0


def test_empty_clusters_are_dropped_and_a_mention_twice_is_refused():
    assert clusters_normalise([set(), {1}]) == [frozenset({1})]
    with pytest.raises(ValueError, match="more than one cluster"):
        clusters_normalise([{1, 2}, {2}])


def test_max_weight_assignment_on_a_rectangular_matrix():
    weights = [[1.0, 5.0, 2.0], [4.0, 6.0, 0.0]]
    # Row 0 -> column 1 (5) and row 1 -> column 0 (4) beat row 1 -> column 1 (6) + 2.
    assert max_weight_assignment(weights) == pytest.approx(9.0)
    assert max_weight_assignment([[w] for w in (3.0, 7.0, 1.0)]) == pytest.approx(7.0)
    assert max_weight_assignment([]) == 0.0


@settings(max_examples=60, deadline=None)
@given(
    st.integers(1, 4).flatmap(
        lambda n: st.lists(
            st.lists(st.floats(0, 10, allow_nan=False), min_size=n, max_size=n),
            min_size=1,
            max_size=4,
        )
    )
)
def test_max_weight_assignment_equals_brute_force(weights):
    rows, cols = len(weights), len(weights[0])
    best = 0.0
    if rows <= cols:
        for perm in itertools.permutations(range(cols), rows):
            best = max(best, sum(weights[i][j] for i, j in enumerate(perm)))
    else:
        for perm in itertools.permutations(range(rows), cols):
            best = max(best, sum(weights[i][j] for j, i in enumerate(perm)))
    assert max_weight_assignment(weights) == pytest.approx(best)
