"""Coreference scores on plain Python clusters: MUC, B³, CEAF-e and the CoNLL average.

Pure Python, no Django. A *clustering* is a sequence of clusters, each an iterable of
hashable mention ids; a mention is in at most one cluster of a clustering. The key is the
gold clustering, the response the system's. Written from the definitions in:

* MUC: Vilain et al. (1995), "A model-theoretic coreference scoring scheme". Recall is
  ``sum(|K| - |p(K)|) / sum(|K| - 1)`` over key clusters K, where ``p(K)`` is the partition
  of K by the response (a mention of K in no response cluster is a part of its own);
  precision is the same with key and response swapped.
* B³: Bagga & Baldwin (1998), "Algorithms for scoring coreference chains". Recall is the
  mean over key mentions of ``|K ∩ R| / |K|`` (R the response cluster holding the mention,
  0 when none does); precision the mean over response mentions of ``|K ∩ R| / |R|``.
* CEAF-e: Luo (2005), "On coreference resolution performance metrics", entity-based
  similarity ``φ4(K, R) = 2|K ∩ R| / (|K| + |R|)``; the one-to-one alignment of key and
  response clusters that maximises the total φ4 is found with the Hungarian method
  (SciPy's ``linear_sum_assignment``);
  recall = total / number of key clusters, precision = total / number of response clusters.
* CoNLL F1: the unweighted mean of the MUC, B³ and CEAF-e F1 (Pradhan et al. 2011/2014).

A ratio whose denominator is zero (MUC over singletons only, an empty clustering) counts
as 0, as the CoNLL reference scorer does; F1 is 0 when precision and recall are both 0.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass

__all__ = [
    "CorefScores",
    "Score",
    "b_cubed",
    "ceaf_e",
    "clusters_normalise",
    "coref_scores",
    "max_weight_assignment",
    "muc",
]

Cluster = frozenset[Hashable]


@dataclass(frozen=True, slots=True)
class Score:
    """Precision, recall and their harmonic mean (F1)."""

    precision: float
    recall: float

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @classmethod
    def of(cls, p_num: float, p_den: float, r_num: float, r_den: float) -> Score:
        """A score from the numerators and denominators of precision and recall."""
        return cls(p_num / p_den if p_den else 0.0, r_num / r_den if r_den else 0.0)

    def as_dict(self) -> dict[str, float]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1}


@dataclass(frozen=True, slots=True)
class CorefScores:
    """The three coreference metrics and their CoNLL average."""

    muc: Score
    b_cubed: Score
    ceaf_e: Score

    @property
    def conll_f1(self) -> float:
        return (self.muc.f1 + self.b_cubed.f1 + self.ceaf_e.f1) / 3

    def as_dict(self) -> dict[str, object]:
        return {
            "muc": self.muc.as_dict(),
            "b_cubed": self.b_cubed.as_dict(),
            "ceaf_e": self.ceaf_e.as_dict(),
            "conll_f1": self.conll_f1,
        }


def clusters_normalise(clusters: Iterable[Iterable[Hashable]]) -> list[Cluster]:
    """The clusters as frozensets, empty ones dropped; raises ``ValueError`` when a mention
    is in two clusters (a clustering is a partition of its mentions)."""
    out: list[Cluster] = []
    seen: set[Hashable] = set()
    for cluster in clusters:
        members = frozenset(cluster)
        if not members:
            continue
        twice = members & seen
        if twice:
            raise ValueError(f"mention(s) in more than one cluster: {sorted(map(str, twice))}")
        seen |= members
        out.append(members)
    return out


def _owner(clusters: Sequence[Cluster]) -> dict[Hashable, int]:
    return {m: i for i, cluster in enumerate(clusters) for m in cluster}


def _muc_side(a: Sequence[Cluster], b: Sequence[Cluster]) -> tuple[int, int]:
    """Numerator and denominator of MUC recall of ``a`` (the key) against ``b``."""
    owner = _owner(b)
    num = den = 0
    for cluster in a:
        parts = {owner.get(m, ("alone", m)) for m in cluster}
        num += len(cluster) - len(parts)
        den += len(cluster) - 1
    return num, den


def muc(key: Iterable[Iterable[Hashable]], response: Iterable[Iterable[Hashable]]) -> Score:
    """MUC link-based precision and recall (Vilain et al. 1995)."""
    return _both_ways(_muc_side, key, response)


def _b_cubed_side(a: Sequence[Cluster], b: Sequence[Cluster]) -> tuple[float, int]:
    owner = _owner(b)
    total = 0.0
    mentions = 0
    for cluster in a:
        overlaps: dict[int, int] = defaultdict(int)
        for m in cluster:
            if m in owner:
                overlaps[owner[m]] += 1
        # Each of the n mentions shared with a cluster of b scores n / |cluster|.
        total += sum(n * n for n in overlaps.values()) / len(cluster)
        mentions += len(cluster)
    return total, mentions


def b_cubed(key: Iterable[Iterable[Hashable]], response: Iterable[Iterable[Hashable]]) -> Score:
    """B³ mention-based precision and recall (Bagga & Baldwin 1998)."""
    return _both_ways(_b_cubed_side, key, response)


def _both_ways(
    side: Callable[[Sequence[Cluster], Sequence[Cluster]], tuple[float, float]],
    key: Iterable[Iterable[Hashable]],
    response: Iterable[Iterable[Hashable]],
) -> Score:
    """Recall is ``side(key, response)``; precision is the same with the roles swapped."""
    k, r = clusters_normalise(key), clusters_normalise(response)
    r_num, r_den = side(k, r)
    p_num, p_den = side(r, k)
    return Score.of(p_num, p_den, r_num, r_den)


def max_weight_assignment(weights: Sequence[Sequence[float]]) -> float:
    """The largest total weight of a one-to-one assignment of rows to columns (SciPy's
    ``linear_sum_assignment``, the Hungarian method); a rectangular matrix leaves the
    surplus rows or columns unassigned. Weights may be any real numbers."""
    from scipy.optimize import linear_sum_assignment

    rows = [list(row) for row in weights]
    if not rows or not rows[0]:
        return 0.0
    picked_rows, picked_cols = linear_sum_assignment(rows, maximize=True)
    return float(sum(rows[i][j] for i, j in zip(picked_rows, picked_cols, strict=True)))


def _components(key: Sequence[Cluster], response: Sequence[Cluster]) -> list[tuple[list, list]]:
    """Groups of key and response clusters linked by shared mentions. Clusters in
    different groups have φ4 = 0, so the best alignment is the union of each group's."""
    owner = _owner(response)
    parent = list(range(len(key) + len(response)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, cluster in enumerate(key):
        for m in cluster:
            if m in owner:
                a, b = find(i), find(len(key) + owner[m])
                if a != b:
                    parent[a] = b
    groups: dict[int, tuple[list, list]] = defaultdict(lambda: ([], []))
    for i, cluster in enumerate(key):
        groups[find(i)][0].append(cluster)
    for j, cluster in enumerate(response):
        groups[find(len(key) + j)][1].append(cluster)
    return [g for g in groups.values() if g[0] and g[1]]


def _phi4(a: Cluster, b: Cluster) -> float:
    return 2 * len(a & b) / (len(a) + len(b))


def ceaf_e(key: Iterable[Iterable[Hashable]], response: Iterable[Iterable[Hashable]]) -> Score:
    """CEAF-e: entity-based CEAF with φ4 and the optimal one-to-one alignment (Luo 2005)."""
    k, r = clusters_normalise(key), clusters_normalise(response)
    total = 0.0
    for ks, rs in _components(k, r):
        total += max_weight_assignment([[_phi4(a, b) for b in rs] for a in ks])
    return Score.of(total, len(r), total, len(k))


def coref_scores(
    key: Iterable[Iterable[Hashable]], response: Iterable[Iterable[Hashable]]
) -> CorefScores:
    """MUC, B³ and CEAF-e of a response clustering against the key, with the CoNLL F1."""
    k, r = clusters_normalise(key), clusters_normalise(response)
    return CorefScores(muc=muc(k, r), b_cubed=b_cubed(k, r), ceaf_e=ceaf_e(k, r))
