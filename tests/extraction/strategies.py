"""Hypothesis strategies shared by the property tests of the extraction package."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import strategies as st


def word_salad(words: Sequence[str], *, min_size: int = 0, max_size: int) -> st.SearchStrategy[str]:
    """Texts of ``min_size`` to ``max_size`` words drawn from ``words``, joined by single spaces."""
    return st.lists(st.sampled_from(words), min_size=min_size, max_size=max_size).map(" ".join)
