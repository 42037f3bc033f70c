"""Which language an article is written in, detected offline (lingua).

Used when an article arrives without a language. Only the first few thousand characters
are read: that is plenty for lingua, and keeps detection fast on long texts.
"""

from __future__ import annotations

from functools import cache

SAMPLE_CHARS = 4000
# Below this confidence the text is too short or too mixed to say.
MIN_CONFIDENCE = 0.5


@cache
def _detector():
    from lingua import LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_all_languages().with_minimum_relative_distance(0.05).build()


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of ``text``'s language ("it", "ar"), or None when lingua cannot
    tell with confidence (a few words, mixed scripts, no letters)."""
    sample = (text or "")[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < 20:
        return None
    detector = _detector()
    found = detector.detect_language_of(sample)
    if found is None:
        return None
    confidence = detector.compute_language_confidence(sample, found)
    if confidence < MIN_CONFIDENCE:
        return None
    return found.iso_code_639_1.name.lower()
