"""Which language an article is written in, detected offline (lingua).

Used when an article arrives without a language. Only the first few thousand characters
are read: that is plenty for lingua, and keeps detection fast on long texts.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from . import languages

SAMPLE_CHARS = 4000
# lingua spreads its confidence over every language it knows: a short text in a clear
# language gets about 0.4 and the runner-up a fraction of that. Below MIN_CONFIDENCE, or
# with a runner-up closer than MIN_MARGIN times, the text is too short or mixed to say.
MIN_CONFIDENCE = 0.25
MIN_MARGIN = 2.0


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
    ranked = detector.compute_language_confidence_values(sample)
    best = next((c.value for c in ranked if c.language == found), 0.0)
    runner_up = next((c.value for c in ranked if c.language != found), 0.0)
    if best < MIN_CONFIDENCE or best < MIN_MARGIN * runner_up:
        return None
    return found.iso_code_639_1.name.lower()


@dataclass(frozen=True)
class LanguageChoice:
    """The language an article is read in: its code (a supported one, or ``und`` for
    digits only), whether it was detected rather than given, and a warning for the reader
    when the dates cannot be read in full."""

    code: str
    detected: bool = False
    warning: str = ""


def language_choose(text: str, given: str | None = None) -> LanguageChoice:
    """The language to read ``text`` in: ``given`` when it names a supported language
    (any tag: "pt-BR" is Portuguese), else the one detected from the text. A language the
    extractor does not support, or one that cannot be told, is read as ``und`` (only what
    is written in digits: ISO and numeric dates, years) with a warning, never as English.
    """
    given = (given or "").strip()
    if given:
        code = languages.resolve(given)
        if code is not None:
            return LanguageChoice(code)
        return LanguageChoice(
            languages.NEUTRAL,
            warning=f"The language {given!r} is not one the date extractor knows: only "
            "dates written in digits are read. Choose the article's language and re-extract.",
        )
    found = detect_language(text)
    if found is None:
        return LanguageChoice(
            languages.NEUTRAL,
            detected=True,
            warning="The article's language could not be detected: only dates written in "
            "digits are read. Choose the article's language and re-extract.",
        )
    code = languages.resolve(found)
    if code is None:
        return LanguageChoice(
            languages.NEUTRAL,
            detected=True,
            warning=f"Detected {_language_name(found)}, which the date extractor does not "
            "support: only dates written in digits are read.",
        )
    return LanguageChoice(code, detected=True)


def _language_name(code: str) -> str:
    from lingua import IsoCode639_1, Language

    try:
        return Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())).name.title()
    except (AttributeError, ValueError):
        return code
