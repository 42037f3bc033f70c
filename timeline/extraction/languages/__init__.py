"""The supported languages: every language dateparser has locale data for, plus resource files.

A language is read from up to three layers, each adding what the one below lacks:

1. ``generic.toml``: a grammar every language shares (absolute dates with and without a
   year, month-year, years, weekdays, yesterday/today/tomorrow, "N units ago", "in N
   units", last/this/next week/month/year, clock times, durations), written over word
   classes, not words;
2. dateparser's locale data for the language, which fills those word classes: month and
   weekday names and abbreviations, unit words, "ago"/"in" words, relative phrases
   ("settimana scorsa", "позавчера"), numerals where it has them, am/pm;
3. ``<code>.toml``, a hand-written resource file, when there is one: more words and
   fragments, more rules, switches. A file with ``full = true`` is a full resource (its
   grammar was written and measured for that language); one with ``generic = false``
   replaces the generic grammar instead of adding to it (English, French and Spanish,
   whose grammars predate it).

``common.toml`` holds what every language shares (newswire abbreviations, regex fragments,
character folds, the English names of the languages). This registry is the one list of
supported languages the rest of the app offers::

    from timeline.extraction import languages
    languages.codes()          # every supported code, sorted ("af", "am", "ar", ...)
    languages.full_codes()     # those with a full resource file ("ar", "de", "en", ...)
    languages.names()          # {"af": "Afrikaans", ...}
    languages.get("it")        # Language; raises UnknownLanguage for a code nobody knows
    languages.fallback("xx")   # the neutral language "und" (digits only), never English

Unknown codes: :func:`resolve` maps a tag to the longest supported prefix ("fr-CA" -> "fr",
"zh-Hant-TW" -> "zh-Hant", "pt_BR" -> "pt"); a code with no supported prefix is read by
:func:`fallback` with the neutral grammar (ISO and numeric dates, years, clock times:
what is written in digits), and ``extract`` says so in its result's warnings. It is never
read as English.

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
    "NEUTRAL",
    "Language",
    "UnknownLanguage",
    "codes",
    "common",
    "fallback",
    "full_codes",
    "get",
    "names",
    "neutral",
    "normalise_code",
    "resolve",
    "resource_codes",
]

_HERE = Path(__file__).parent
_COMMON = "common"
_GENERIC = "generic"
_NOT_LANGUAGES = frozenset({_COMMON, _GENERIC})
# The language of extract()'s default argument and of an empty code.
DEFAULT = "en"
# ISO 639-2 "undetermined": the grammar unknown codes are read with (digits only).
NEUTRAL = "und"


class UnknownLanguage(LookupError):
    """Raised by :func:`get` for a code that is neither a dateparser language nor a file."""


@dataclass(frozen=True, eq=False)
class Language:
    """One language, read: its code, name, merged resource data and where it came from.

    ``data`` is the generic template merged with the language's own file (or the file
    alone when it says ``generic = false``); ``locale`` is the dateparser locale code its
    words come from (None for the neutral language); ``full`` says a full, hand-written
    resource file exists; ``own`` that any hand-written file exists. The engine reads
    the data through the views built from it (``lexicon``, ``sentence_words``, ``rules``).
    """

    code: str
    name: str
    data: Mapping[str, Any]
    locale: str | None = None
    full: bool = False
    own: bool = False

    def section(self, name: str) -> Mapping[str, Any]:
        """A top-level table of the merged data ({} when there is none)."""
        return self.data.get(name, {})

    @property
    def generic(self) -> bool:
        """True when the generic grammar and dateparser's words are part of this language."""
        return self.section("language").get("generic", True) is not False

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

    @functools.cached_property
    def fold(self) -> dict[int, int]:
        """One-to-one character folds for matching (digits, letter variants); see common.toml.

        Every fold maps one character to one character, so offsets in the folded text are
        offsets in the original: Arabic-Indic and Persian digits read as digits, Persian
        yeh and keheh as Arabic ones, hamza-carrying alefs as bare alef. A fold applies
        when the language's words are written in its script.
        """
        from ..timex_locale import folds_for

        return folds_for(self)


def _read(path: Path) -> dict[str, Any]:
    with path.open("rb") as f:
        return tomllib.load(f)


@functools.cache
def _files() -> dict[str, dict[str, Any]]:
    """The hand-written resource files, by the code each declares."""
    found: dict[str, dict[str, Any]] = {}
    for path in sorted(_HERE.glob("*.toml")):
        if path.stem in _NOT_LANGUAGES:
            continue
        data = _read(path)
        code = data.get("language", {}).get("code", path.stem)
        if code != path.stem:
            raise ValueError(f"{path.name} declares language code {code!r}")
        found[code] = data
    return found


@functools.cache
def _dateparser_codes() -> tuple[str, ...]:
    try:
        from dateparser.data.languages_info import language_order
    except Exception:  # dateparser missing: only the resource files are languages
        return ()
    return tuple(language_order)


@functools.cache
def common() -> dict[str, Any]:
    """``common.toml``: what every language shares (read before each language's file)."""
    return _read(_HERE / f"{_COMMON}.toml")


@functools.cache
def _generic() -> dict[str, Any]:
    return _read(_HERE / f"{_GENERIC}.toml")


def _merge(base: Mapping[str, Any], own: Mapping[str, Any]) -> dict[str, Any]:
    """``own`` over ``base``: tables merge key by key, word lists add up, values replace."""
    out = dict(base)
    for key, value in own.items():
        if key in out and isinstance(out[key], Mapping) and isinstance(value, Mapping):
            out[key] = _merge(out[key], value)
        elif key in out and isinstance(out[key], list) and isinstance(value, list):
            out[key] = [*out[key], *value]
        else:
            out[key] = value
    return out


@functools.cache
def _lowered() -> dict[str, str]:
    return {c.lower(): c for c in codes()}


def normalise_code(code: str | None) -> str:
    """ "fr-CA", "FR", None -> "fr", "fr", "" (the primary subtag, lower case)."""
    return (code or "").split("-")[0].split("_")[0].strip().lower()


def resolve(code: str | None) -> str | None:
    """The supported code a language tag names: its longest supported prefix, or None.

    "fr-CA" -> "fr", "zh-hant-TW" -> "zh-Hant", "pt_BR" -> "pt", "xx" -> None.
    """
    parts = (code or "").strip().replace("_", "-").lower().split("-")
    table = _lowered()
    for i in range(len(parts), 0, -1):
        found = table.get("-".join(parts[:i]))
        if found is not None:
            return found
    return None


@functools.cache
def codes() -> tuple[str, ...]:
    """The codes of every supported language (dateparser's and the files'), sorted."""
    return tuple(sorted({*_dateparser_codes(), *_files()}))


@functools.cache
def resource_codes() -> tuple[str, ...]:
    """The codes that have a hand-written resource file, sorted."""
    return tuple(sorted(_files()))


@functools.cache
def full_codes() -> tuple[str, ...]:
    """The codes whose resource file is a full one (``full = true``), sorted."""
    return tuple(c for c in resource_codes() if _files()[c].get("language", {}).get("full"))


@functools.cache
def names() -> dict[str, str]:
    """Code -> English name of every supported language, sorted by code."""
    table = common().get("names", {})
    out = {}
    for code in codes():
        own = _files().get(code, {}).get("language", {}).get("name")
        out[code] = own or table.get(code, code)
    return out


@functools.cache
def _build(code: str) -> Language:
    own = _files().get(code)
    head = (own or {}).get("language", {})
    locale = head.get("dateparser", code if code in _dateparser_codes() else None)
    if own is not None and head.get("generic", True) is False:
        data: dict[str, Any] = dict(own)
    else:
        data = _merge(_generic(), own or {})
        # Fragments are patterns: the file's replace the template's (pieces never add up).
        data["fragments"] = {**_generic().get("fragments", {}), **(own or {}).get("fragments", {})}
    return Language(
        code,
        names().get(code, code),
        data,
        locale=locale,
        full=bool(head.get("full")),
        own=own is not None,
    )


def get(code: str | None) -> Language:
    """The language for ``code`` ("it", "it-CH", "zh-Hant"); raises :class:`UnknownLanguage`."""
    found = resolve(code)
    if found is None:
        raise UnknownLanguage(f"no dateparser locale and no resource file for {code!r}")
    return _build(found)


@functools.cache
def neutral() -> Language:
    """The neutral language (``und``): the generic grammar with no words, digits only."""
    return Language(NEUTRAL, "Undetermined", _generic(), locale=None)


def fallback(code: str | None) -> Language:
    """The language for ``code``; :data:`DEFAULT` for an empty one; :func:`neutral` else.

    For callers that must process any text: ``extract(..., language="xx")`` reads what is
    written in digits and says in its warnings that the language was not known. Code
    that offers a choice of languages uses :func:`codes` and :func:`get` instead.
    """
    if not (code or "").strip():
        return get(DEFAULT)
    found = resolve(code)
    return _build(found) if found is not None else neutral()
