"""The supported languages: one resource file each (``<code>.toml`` beside this module).

Each file holds every date-related word and pattern of its language (month and weekday
forms beyond dateparser's, numerals, units, relative and deictic words, modifiers, tense
and plan cues, sentence-splitting abbreviations, the grammar's rules); ``common.toml``
holds what every language shares. This registry is the one list of supported languages
the rest of the app offers::

    from timeline.extraction import languages
    languages.codes()          # ("en", "es", "fr")
    languages.names()          # {"en": "English", ...}
    languages.get("fr")        # Language; raises UnknownLanguage for a code it lacks
    languages.fallback("de")   # the documented fallback: English until phase 2

Adding a language is adding a file; the engine never branches on a language code.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = [
    "DEFAULT",
    "Language",
    "UnknownLanguage",
    "codes",
    "common",
    "fallback",
    "get",
    "names",
    "normalise_code",
]

_HERE = Path(__file__).parent
_COMMON = "common"
# The language unknown codes are read as by :func:`fallback` (ISO dates, digits and years
# still come out right in any language).
DEFAULT = "en"


class UnknownLanguage(LookupError):
    """Raised by :func:`get` for a language code that has no resource file."""


@dataclass(frozen=True, eq=False)
class Language:
    """One language's resource file, read: its code, name and raw sections.

    The engine reads the sections through the views built from them (``lexicon``,
    ``sentence_words``, ``rules``); ``data`` is the file as ``tomllib`` parsed it.
    """

    code: str
    name: str
    data: Mapping[str, Any]

    def section(self, name: str) -> Mapping[str, Any]:
        """A top-level table of the file ({} when the file has none)."""
        return self.data.get(name, {})

    @functools.cached_property
    def lexicon(self):
        """The closed word classes, ready for the grammar (see :mod:`..timex_lexicon`)."""
        from ..timex_lexicon import build_lexicon

        return build_lexicon(self)

    @functools.cached_property
    def sentence_words(self):
        """Abbreviations and openers for the sentence splitter (see :mod:`..sentences`)."""
        from ..sentences import SentenceWords

        return SentenceWords.build(common().get("sentences", {}), self.section("sentences"))

    @functools.cached_property
    def rules(self):
        """The compiled grammar rules of this language (see :mod:`..timex_grammar`)."""
        from ..timex_grammar import build_rules

        return build_rules(self)


def _read(path: Path) -> dict[str, Any]:
    with path.open("rb") as f:
        return tomllib.load(f)


@functools.cache
def _registry() -> dict[str, Language]:
    found: dict[str, Language] = {}
    for path in sorted(_HERE.glob("*.toml")):
        if path.stem == _COMMON:
            continue
        data = _read(path)
        head = data.get("language", {})
        code = head.get("code", path.stem)
        if code != path.stem:
            raise ValueError(f"{path.name} declares language code {code!r}")
        found[code] = Language(code, head.get("name", code), data)
    return found


@functools.cache
def common() -> dict[str, Any]:
    """``common.toml``: what every language shares (read before each language's file)."""
    return _read(_HERE / f"{_COMMON}.toml")


def normalise_code(code: str | None) -> str:
    """ "fr-CA", "FR", None -> "fr", "fr", "" (the primary subtag, lower case)."""
    return (code or "").split("-")[0].split("_")[0].strip().lower()


def codes() -> tuple[str, ...]:
    """The codes of every supported language, sorted."""
    return tuple(sorted(_registry()))


def names() -> dict[str, str]:
    """Code -> English name of every supported language, sorted by code."""
    return {code: _registry()[code].name for code in codes()}


def get(code: str) -> Language:
    """The language for ``code`` ("fr", "fr-CA"); raises :class:`UnknownLanguage`."""
    found = _registry().get(normalise_code(code))
    if found is None:
        raise UnknownLanguage(f"no resource file for language {code!r}")
    return found


def fallback(code: str | None) -> Language:
    """The language for ``code``, or the :data:`DEFAULT` one when it has no file.

    For callers that must process any text (``extract(..., language="xx")`` reads it with
    the default language's grammar today); code that offers a choice of languages uses
    :func:`codes` and :func:`get` instead.
    """
    return _registry().get(normalise_code(code)) or _registry()[DEFAULT]
