"""ROUGE-1 and ROUGE-L (Lin 2004) with one simple, language-neutral tokeniser.

Pure Python, no Django. Written here rather than taken from a package: the common ones
either drop every non-ASCII character by default (``rouge-score``'s tokeniser, which would
score French titles on their accents' leftovers) or stem and remove English stop words.

Tokens: the text is put in Unicode NFC, case-folded, and split into maximal runs of
Unicode letters and digits (``[^\\W_]+``); everything else (punctuation, apostrophes,
hyphens, spaces) separates tokens, so "l’armée" is "l", "armée" and "cease-fire" is
"cease", "fire". No stemming, no stop-word removal.

ROUGE-1 counts the unigrams candidate and reference share, clipped to the smaller count;
ROUGE-L uses the longest common subsequence of the two token lists. Precision divides by
the candidate's length, recall by the reference's, F is their harmonic mean (β = 1). An
empty candidate or reference scores 0.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence

from timeline.evaluation.coref import Score

__all__ = ["rouge_1", "rouge_best_f", "rouge_l", "tokens"]

_TOKEN = re.compile(r"[^\W_]+")


def tokens(text: str) -> list[str]:
    """The ROUGE tokens of a text: NFC, case-folded, runs of Unicode letters and digits."""
    return _TOKEN.findall(unicodedata.normalize("NFC", text).casefold())


def _as_tokens(text: str | Sequence[str]) -> list[str]:
    return tokens(text) if isinstance(text, str) else list(text)


def rouge_1(candidate: str | Sequence[str], reference: str | Sequence[str]) -> Score:
    """ROUGE-1 of a candidate against one reference (texts, or token lists already made)."""
    cand, ref = Counter(_as_tokens(candidate)), Counter(_as_tokens(reference))
    overlap = sum((cand & ref).values())
    return Score.of(overlap, cand.total(), overlap, ref.total())


def _lcs_length(a: Sequence[str], b: Sequence[str]) -> int:
    if len(a) < len(b):
        a, b = b, a
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b, start=1):
            current.append(previous[j - 1] + 1 if x == y else max(previous[j], current[j - 1]))
        previous = current
    return previous[-1]


def rouge_l(candidate: str | Sequence[str], reference: str | Sequence[str]) -> Score:
    """ROUGE-L (longest common subsequence) of a candidate against one reference."""
    cand, ref = _as_tokens(candidate), _as_tokens(reference)
    lcs = _lcs_length(cand, ref)
    return Score.of(lcs, len(cand), lcs, len(ref))


def rouge_best_f(candidate: str, references: Iterable[str], *, metric=rouge_1) -> float:
    """The best F of a candidate over several references (0 when there are none)."""
    return max((metric(candidate, ref).f1 for ref in references), default=0.0)
