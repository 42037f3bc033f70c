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


def _word_fragments(language: languages.Language) -> dict[str, str]:
    """The fragments built from the language's word lists."""
    lex = language.lexicon
    months = language.section("months")
    out = {
        "mon": _month_names(lex, list(months.get("capitalised_only", ()))),
        "wd": lex.weekday_re,
        "num": lex.number_re,
        "units": lex.unit_re,
    }
    if lex.month_abbr:
        out["mon_abbr"] = alternation(lex.month_abbr)
        out["mon_abbr_cap"] = alternation([a[:1].upper() + a[1:] for a in lex.month_abbr])
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
    expand = _expander(fragments, {"b": r"\b", **_word_fragments(language)})
    out = []
    for spec in language.data.get("rules", ()):
        if spec["resolver"] not in RESOLVERS:
            raise ValueError(f"{language.code}: rule {spec['name']!r} names no resolver")
        # Matches start at a word start; saying so lets the engine skip mid-word positions.
        compiled = re.compile(r"(?<!\w)(?:" + expand(_text(spec["pattern"])) + ")", re.IGNORECASE)
        out.append(Rule(spec["name"], spec["resolver"], compiled, int(spec.get("priority", 0))))
    return tuple(out)


@functools.cache
def trigger_for(language: str) -> re.Pattern[str]:
    """A cheap pattern for the words rules are built around, one named group per class.

    Classes: ``digit``, ``month``, ``wd`` (weekday), ``unit``, ``other`` (deictic and
    reference words, seasons, holidays) and ``era`` (the words of dates before the common
    era: "BC", "av. J.-C."). Each resolver only runs near its classes' hits.
    """
    lang = languages.fallback(language)
    lex = lang.lexicon
    month = alternation(sorted({*lex.months, *lex.month_abbr}))
    triggers = lang.section("triggers")
    other = alternation(sorted(set(triggers.get("other", ()))))
    eras = sorted(set(triggers.get("era", ())))
    era = f"|(?P<era>{alternation(eras)})" if eras else ""
    return re.compile(
        rf"(?P<digit>\d)|\b(?:(?P<month>{month})|(?P<wd>{alternation(lex.weekdays)})|"
        rf"(?P<unit>{alternation(lex.units)})|(?P<other>{other}){era})\b",
        re.IGNORECASE,
    )


def rules_for(language: str) -> tuple[Rule, ...]:
    """The compiled rules for ``language`` (read as :func:`.languages.fallback` says)."""
    return languages.fallback(language).rules
