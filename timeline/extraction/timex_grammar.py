"""The temporal grammar: each language's rules, read from its resource file and compiled.

A language file (``timeline/extraction/languages/<code>.toml``) lists its rules: a name, the
resolver that turns a match into a value (see :mod:`timeline.extraction.resolve`), a
priority and a pattern. Patterns insert named fragments with ``{name}``: the file's own
``[fragments]``, ``common.toml``'s, and those built here from the file's word lists (month
and weekday names, numbers, units, spelled-out days). Patterns share named groups so one
resolver serves every language: ``mon`` (month name), ``d`` (day of month), ``y`` (year),
``wd`` (weekday), ``rel`` (last/next/this), ``u`` (unit word), ``n`` (a count), ``mod``
(early/mid/late...), ``part`` (part of day).

Patterns are plain alternations with bounded repetition, so a scan is linear in the text;
they never call dateparser.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass

from . import languages
from .timex_lexicon import Lexicon, alternation

# {name} in a pattern; regex quantifiers ({2}, {1,3}) never start with a letter.
_PLACEHOLDER = re.compile(r"\{([A-Za-z_]\w*)\}")


@dataclass(frozen=True, slots=True)
class Rule:
    """One grammar rule: a rule id, the resolver it feeds and its compiled pattern."""

    name: str
    resolver: str
    pattern: re.Pattern[str]
    priority: int = 0


def _cased(words: list[str]) -> str:
    """Alternation matching each word Capitalised or UPPER only (for "May", "March")."""
    forms: list[str] = []
    for w in words:
        forms += [w[:1].upper() + w[1:], w.upper()]
    return "(?-i:" + alternation(forms) + ")"


def _month_names(lex: Lexicon, capitalised_only: list[str]) -> str:
    """Month names; those that are ordinary words in lower case only when capitalised."""
    if not capitalised_only:
        return lex.month_re
    lower_ok = [m for m in lex.months if m not in capitalised_only]
    return f"(?:{_cased(list(lex.months))}|{alternation(lower_ok)})"


# A fragment for an empty word class: matches nothing, so a rule built on it never fires.
NEVER = "(?!)"


def _words(words) -> str:
    """Alternation of ``words`` (spaces inside a word match any run of spaces), or NEVER."""
    pieces = sorted({w for w in words if w}, key=len, reverse=True)
    if not pieces:
        return NEVER
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in pieces)


def _word_fragments(language: languages.Language) -> dict[str, str]:
    """The fragments built from the language's word lists (see generic.toml for their use)."""
    lex = language.lexicon
    months = language.section("months")
    loc = lex.locale
    calendar_units = [w for w, u in lex.units.items() if u in ("week", "month", "year")]
    before = {w for w, n in lex.relative.items() if isinstance(n, int)} & set(loc.relative_before)
    after = {w for w, n in lex.relative.items() if isinstance(n, int)} & set(loc.relative_after)
    own = language.section("relative_order")
    own_years = language.section("years").get("words", ())
    out = {
        "mon": _month_names(lex, list(months.get("capitalised_only", ()))) if lex.months else NEVER,
        "wd": lex.weekday_re or NEVER,
        "num": lex.number_re,
        "units": lex.unit_re or NEVER,
        "mon_abbr": _words(lex.month_abbr),
        "mon_abbr_cap": _words([a[:1].upper() + a[1:] for a in lex.month_abbr]),
        "rel_phrase": _words(lex.phrases),
        "rel_before": _words(before | set(own.get("before", ()))),
        "rel_after": _words(after | set(own.get("after", ()))),
        "calendar_units": _words(calendar_units),
        "day_units": _words([w for w, u in lex.units.items() if u == "day"]),
        "month_units": _words([w for w, u in lex.units.items() if u == "month"]),
        "ago_before": _words(loc.ago_before),
        "ago_after": _words(loc.ago_after),
        "in_before": _words(loc.in_before),
        "in_after": _words(loc.in_after),
        "year_words": _words(loc.year_words | {lex_fold(w, language).lower() for w in own_years}),
        "year_abbr": _words(loc.year_abbr),
        "am": _words(loc.am),
        "pm": _words(loc.pm | lex.pm_words),
        "conn": _words(loc.connectors),
        "seasons": _words(lex.table("seasons")),
        "deictic_words": _words(lex.table("deictic")),
        "parts": _words(lex.parts_of_day),
        "modifier_words": _words(lex.modifiers),
        "decade_words": _words(lex.table("decades")),
    }
    if lex.day_words:
        spelled = sorted((w.replace(" ", r"\s+") for w in lex.day_words), key=len, reverse=True)
        out["DAYWORD"] = rf"(?P<dw>{'|'.join(spelled)})(?![\w-])"
        out["DAYWORD2"] = out["DAYWORD"].replace("?P<dw>", "?P<dw2>")
    return out


def _text(value: str | list[str]) -> str:
    """A pattern or fragment as the file writes it: one string, or pieces to join."""
    return value if isinstance(value, str) else "".join(value)


def _expander(fragments: Mapping[str, str | list[str]], built: dict[str, str]):
    """A function expanding {name} placeholders, fragments first expanded themselves."""
    done: dict[str, str] = dict(built)
    active: set[str] = set()

    def expand(text: str) -> str:
        return _PLACEHOLDER.sub(lambda m: fragment(m.group(1)), text)

    def fragment(name: str) -> str:
        if name in done:
            return done[name]
        if name not in fragments or name in active:
            raise ValueError(f"grammar fragment {{{name}}} is undefined or circular")
        active.add(name)
        done[name] = expand(_text(fragments[name]))
        active.discard(name)
        return done[name]

    return expand


def build_rules(language: languages.Language) -> tuple[Rule, ...]:
    """The compiled rules of a :class:`~.languages.Language`, in file order.

    Raises ValueError for a rule that names a resolver nobody registered.
    """
    from .resolvers import RESOLVERS

    fragments = {**languages.common().get("fragments", {}), **language.section("fragments")}
    built = _word_fragments(language)
    # The file's own fragments win over the ones built from words ("mon" with a series
    # of Syriac month names, say), except where they name themselves.
    built = {k: v for k, v in built.items() if k not in fragments}
    expand = _expander(fragments, {"b": r"\b", **built})
    features = language.lexicon.features
    dropped = set(language.section("grammar").get("drop", ()))
    out = []
    for spec in language.data.get("rules", ()):
        if spec["resolver"] not in RESOLVERS:
            raise ValueError(f"{language.code}: rule {spec['name']!r} names no resolver")
        if spec["name"] in dropped or not _applies(spec.get("when"), features):
            continue
        # Matches start at a word start; saying so lets the engine skip mid-word positions.
        # Patterns are folded as the text is (letter variants, digits).
        pattern = expand(_text(spec["pattern"])).translate(language.fold)
        try:
            compiled = re.compile(r"(?<!\w)(?:" + pattern + ")", re.IGNORECASE)
        except re.error as exc:
            raise ValueError(f"{language.code}: rule {spec['name']!r}: {exc}") from exc
        out.append(Rule(spec["name"], spec["resolver"], compiled, int(spec.get("priority", 0))))
    return tuple(out)


def _applies(when: str | None, features: Mapping[str, bool]) -> bool:
    """Whether a rule's ``when`` ("feature", or "!feature") holds for the language."""
    if not when:
        return True
    if when.startswith("!"):
        return not features.get(when[1:], False)
    return bool(features.get(when, False))


@functools.cache
def trigger_for(language: str) -> re.Pattern[str]:
    """A cheap pattern for the words rules are built around, one named group per class.

    Classes: ``digit``, ``month``, ``wd`` (weekday), ``unit``, ``other`` (deictic and
    reference words, seasons, holidays) and ``era`` (the words of dates before the common
    era: "BC", "av. J.-C."). Each resolver only runs near its classes' hits.
    """
    lang = languages.fallback(language)
    lex = lang.lexicon
    month = _words({*lex.months, *lex.month_abbr})
    triggers = lang.section("triggers")
    words = {*triggers.get("other", ())}
    # Generic triggers: every word of the relative phrases and the count words.
    loc = lex.locale
    for phrase in lex.phrases:
        words.update(phrase.split())
    words.update(loc.ago_before | loc.ago_after | loc.in_before | loc.in_after)
    words.update(w for w, u in lex.relative.items() if isinstance(u, int))
    other = _words({lex_fold(w, lang) for w in words})
    eras = {lex_fold(w, lang) for w in triggers.get("era", ())}
    era = f"|(?P<era>{_words(eras)})" if eras else ""
    # Words holding a weekday inside them ("Montagabend") trigger the weekday rules too.
    compounds = triggers.get("weekday", ())
    weekdays = _words({*lex.weekdays, *(lex_fold(w, lang) for w in compounds)})
    return re.compile(
        rf"(?P<digit>\d)|\b(?:(?P<month>{month})|(?P<wd>{weekdays})|"
        rf"(?P<unit>{_words(lex.units)})|(?P<other>{other}){era})\b",
        re.IGNORECASE,
    )


def lex_fold(word: str, language: languages.Language) -> str:
    """``word`` folded the way the language's text is folded before matching."""
    return word.translate(language.fold)


def rules_for(language: str) -> tuple[Rule, ...]:
    """The compiled rules for ``language`` (read as :func:`.languages.fallback` says)."""
    return languages.fallback(language).rules
