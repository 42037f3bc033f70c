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
    bare_subordinators: frozenset[str] = frozenset()
    complementizers: frozenset[str] = frozenset()
    forward: frozenset[str] = frozenset()
    np_links: frozenset[str] = frozenset()
    time_subjects: frozenset[str] = frozenset()
    auxiliaries: frozenset[str] = frozenset()
    modals: frozenset[str] = frozenset()
    negations: frozenset[str] = frozenset()
    adverbs: frozenset[str] = frozenset()
    not_verbs: frozenset[str] = frozenset()
    forms: frozenset[str] = frozenset()
    stative: frozenset[str] = frozenset()
    past_suffixes: tuple[str, ...] = ()
    progressive_suffixes: tuple[str, ...] = ()
    verb_lemma_endings: tuple[str, ...] = ()
    participle_endings: tuple[str, ...] = ()
    participle_lemmas: dict[str, str] = field(default_factory=dict)
    irregular: dict[str, str] = field(default_factory=dict)
    past_markers: frozenset[str] = frozenset()
    infinitive_markers: frozenset[str] = frozenset()
    control_words: frozenset[str] = frozenset()
    planned: tuple[str, ...] = ()
    expected: tuple[str, ...] = ()
    deadline: tuple[str, ...] = ()
    negation_cues: tuple[str, ...] = ()
    cancelled: frozenset[str] = frozenset()
    plan_participles: frozenset[str] = frozenset()
    future_suffixes: tuple[str, ...] = ()
    categories: tuple[CategoryCues, ...] = ()
    general_verbs: frozenset[str] = frozenset()
    antecedents: dict[str, str] = field(default_factory=dict)
    future_marker: str = ""
    headline_grammar: str = ""
    present_markers: frozenset[str] = frozenset()
    drop_words: frozenset[str] = frozenset()

    @property
    def known(self) -> bool:
        """True when the language has a lexicon file (its rules are more than defaults)."""
        return bool(self.auxiliaries or self.categories)

    @property
    def function_words(self) -> frozenset[str]:
        """Determiners, prepositions, pronouns, conjunctions: never a verb."""
        return (
            self.determiners
            | self.prepositions
            | self.pronouns
            | self.relatives
            | self.subordinators
            | self.coordinators
            | self.negations
            | self.adverbs
        )

    @property
    def verbs(self) -> frozenset[str]:
        """Every verb lemma the lexicon names: a token with one of them as lemma can be a
        verb even when its form is not inflected in a way the engine recognises."""
        out: set[str] = set(self.stative) | set(self.cancelled) | set(self.general_verbs)
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
    cat_data = dict(data.get("categories", {}))
    general = _words(cat_data.pop("general", ()))
    for value, cues in cat_data.items():
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
        bare_subordinators=_words(clauses.get("bare_subordinators")),
        complementizers=_words(clauses.get("complementizers")),
        forward=_words(clauses.get("forward")),
        np_links=_words(clauses.get("np_links")),
        time_subjects=_words(clauses.get("time_subjects")),
        auxiliaries=_words(verbs.get("auxiliaries")),
        modals=_words(verbs.get("modals")),
        negations=_words(verbs.get("negations")),
        adverbs=_words(verbs.get("adverbs")),
        not_verbs=_words(verbs.get("not_verbs")),
        forms=_words(verbs.get("forms")),
        stative=_words(verbs.get("stative")),
        past_suffixes=tuple(_words(verbs.get("past_suffixes"))),
        progressive_suffixes=tuple(_words(verbs.get("progressive_suffixes"))),
        verb_lemma_endings=tuple(_words(verbs.get("verb_lemma_endings"))),
        participle_endings=tuple(_words(verbs.get("participle_endings"))),
        participle_lemmas=dict(verbs.get("participle_lemmas", {})),
        irregular={k.lower(): v.lower() for k, v in verbs.get("irregular", {}).items()},
        past_markers=_words(verbs.get("past_markers")),
        infinitive_markers=_words(verbs.get("infinitive_markers")),
        control_words=_words(verbs.get("control_words")),
        planned=tuple(sorted(_words(fact.get("planned")), key=len, reverse=True)),
        expected=tuple(sorted(_words(fact.get("expected")), key=len, reverse=True)),
        deadline=tuple(sorted(_words(fact.get("deadline")), key=len, reverse=True)),
        negation_cues=tuple(sorted(_words(fact.get("negations")), key=len, reverse=True)),
        cancelled=_words(fact.get("cancelled")),
        plan_participles=_words(fact.get("plan_participles")),
        future_suffixes=tuple(_words(fact.get("future_suffixes"))),
        categories=tuple(cats),
        general_verbs=general,
        antecedents={k.lower(): v for k, v in heads.get("antecedents", {}).items()},
        future_marker=heads.get("future_marker", ""),
        headline_grammar=heads.get("grammar", ""),
        present_markers=_words(verbs.get("present_markers")),
        drop_words=_words(heads.get("drop_words")),
    )


def languages() -> tuple[str, ...]:
    """The languages with a lexicon file."""
    return tuple(sorted(p.stem for p in _DIR.glob("*.toml")))
