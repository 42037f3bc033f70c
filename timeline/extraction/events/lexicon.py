"""The words the event layer reads, per language, from ``lexicon/<language>.toml``.

A language without a file gets an empty lexicon: its sentences still give one happening
per dating expression, with plain titles and the category *other*, never English rules.
Words are lemmas where the file says so (simplemma's lemmas); phrases of several words
are matched on the lower-cased text.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from timeline import categories as registry

_DIR = Path(__file__).with_name("lexicon")


def _words(values) -> frozenset[str]:
    return frozenset(str(v).lower() for v in values or ())


@dataclass(frozen=True)
class CategoryCues:
    value: str
    verbs: frozenset[str]
    nouns: frozenset[str]


@dataclass(frozen=True)
class Lexicon:
    language: str
    relatives: frozenset[str] = frozenset()
    subordinators: frozenset[str] = frozenset()
    coordinators: frozenset[str] = frozenset()
    pronouns: frozenset[str] = frozenset()
    determiners: frozenset[str] = frozenset()
    prepositions: frozenset[str] = frozenset()
    report_participles: frozenset[str] = frozenset()
    auxiliaries: frozenset[str] = frozenset()
    modals: frozenset[str] = frozenset()
    negations: frozenset[str] = frozenset()
    adverbs: frozenset[str] = frozenset()
    not_verbs: frozenset[str] = frozenset()
    forms: frozenset[str] = frozenset()
    stative: frozenset[str] = frozenset()
    planned: tuple[str, ...] = ()
    expected: tuple[str, ...] = ()
    deadline: tuple[str, ...] = ()
    negation_cues: tuple[str, ...] = ()
    cancelled: frozenset[str] = frozenset()
    categories: tuple[CategoryCues, ...] = ()
    antecedents: dict[str, str] = field(default_factory=dict)
    future_marker: str = ""
    drop_words: frozenset[str] = frozenset()

    @property
    def known(self) -> bool:
        """True when the language has a lexicon file (its rules are more than defaults)."""
        return bool(self.auxiliaries or self.categories)

    @property
    def verbs(self) -> frozenset[str]:
        """Every verb lemma the lexicon names: a token with one of them as lemma can be a
        verb even when its form is not inflected in a way the engine recognises."""
        out: set[str] = set(self.stative) | set(self.cancelled)
        for cues in self.categories:
            out |= {v for v in cues.verbs if " " not in v}
        return frozenset(out)

    def cues_of(self, value: str) -> CategoryCues | None:
        return next((c for c in self.categories if c.value == value), None)


@cache
def lexicon(language: str) -> Lexicon:
    """The lexicon of ``language`` ("en", "fr", ...); an empty one for other languages."""
    path = _DIR / f"{language}.toml"
    if not path.exists():
        return Lexicon(language=language)
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    clauses, verbs, fact = (
        data.get("clauses", {}),
        data.get("verbs", {}),
        data.get("factuality", {}),
    )
    heads = data.get("headlines", {})
    cats = []
    for value, cues in data.get("categories", {}).items():
        if value not in registry.BY_VALUE:
            raise ValueError(f"{path.name}: unknown category {value!r}")
        cats.append(CategoryCues(value, _words(cues.get("verbs")), _words(cues.get("nouns"))))
    return Lexicon(
        language=language,
        relatives=_words(clauses.get("relatives")),
        subordinators=_words(clauses.get("subordinators")),
        coordinators=_words(clauses.get("coordinators")),
        pronouns=_words(clauses.get("pronouns")),
        determiners=_words(clauses.get("determiners")),
        prepositions=_words(clauses.get("prepositions")),
        report_participles=_words(clauses.get("report_participles")),
        auxiliaries=_words(verbs.get("auxiliaries")),
        modals=_words(verbs.get("modals")),
        negations=_words(verbs.get("negations")),
        adverbs=_words(verbs.get("adverbs")),
        not_verbs=_words(verbs.get("not_verbs")),
        forms=_words(verbs.get("forms")),
        stative=_words(verbs.get("stative")),
        planned=tuple(sorted(_words(fact.get("planned")), key=len, reverse=True)),
        expected=tuple(sorted(_words(fact.get("expected")), key=len, reverse=True)),
        deadline=tuple(sorted(_words(fact.get("deadline")), key=len, reverse=True)),
        negation_cues=tuple(sorted(_words(fact.get("negations")), key=len, reverse=True)),
        cancelled=_words(fact.get("cancelled")),
        categories=tuple(cats),
        antecedents={k.lower(): v for k, v in heads.get("antecedents", {}).items()},
        future_marker=heads.get("future_marker", ""),
        drop_words=_words(heads.get("drop_words")),
    )


def languages() -> tuple[str, ...]:
    """The languages with a lexicon file."""
    return tuple(sorted(p.stem for p in _DIR.glob("*.toml")))
