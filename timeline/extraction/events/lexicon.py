"""The words the event layer reads, per language: the ``[events.*]`` tables of the
language's resource file (``timeline/extraction/languages/<code>.toml``), beside its date
words, so that one file is all a language needs.

A language whose file has no ``[events]`` tables (or that has no file) gets an empty
lexicon: its sentences still give one happening per dating expression, with plain titles
and the category *other*, never English rules. Words are lemmas where the file says so
(simplemma's lemmas); phrases of several words are matched on the lower-cased text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, cached_property

from timeline import categories as registry

from .. import languages as registry_of_languages


def _words(values) -> frozenset[str]:
    return frozenset(str(v).lower() for v in values or ())


@dataclass(frozen=True)
class CategoryCues:
    value: str
    verbs: frozenset[str]
    nouns: frozenset[str]


# A set of single words, and a tuple of words or phrases tried in order.
Words = frozenset[str]
Cues = tuple[str, ...]


@dataclass(frozen=True)
class Lexicon:
    """One language's words for the event layer, read from its resource file's [events]
    tables (``timeline/extraction/languages/<code>.toml``)."""

    language: str
    # Where clauses start: relative pronouns, subordinators, coordinators.
    relatives: frozenset[str] = frozenset()
    subordinators: frozenset[str] = frozenset()
    coordinators: frozenset[str] = frozenset()
    # Words that are never the verb of a clause.
    pronouns: frozenset[str] = frozenset()
    determiners: frozenset[str] = frozenset()
    prepositions: frozenset[str] = frozenset()
    # Reported speech and what a date expression can be the complement of.
    report_participles: frozenset[str] = frozenset()
    bare_subordinators: frozenset[str] = frozenset()
    complementizers: frozenset[str] = frozenset()
    forward: frozenset[str] = frozenset()
    np_links: frozenset[str] = frozenset()
    time_subjects: frozenset[str] = frozenset()
    # Verb groups: auxiliaries, modals, negation and adverbs inside them, known forms.
    auxiliaries: frozenset[str] = frozenset()
    modals: frozenset[str] = frozenset()
    negations: frozenset[str] = frozenset()
    adverbs: frozenset[str] = frozenset()
    not_verbs: frozenset[str] = frozenset()
    forms: frozenset[str] = frozenset()
    stative: frozenset[str] = frozenset()
    # Inflection: how a past, a progressive or a participle ends, and irregular forms.
    past_suffixes: tuple[str, ...] = ()
    progressive_suffixes: tuple[str, ...] = ()
    verb_lemma_endings: tuple[str, ...] = ()
    participle_endings: tuple[str, ...] = ()
    participle_lemmas: dict[str, str] = field(default_factory=dict)
    irregular: dict[str, str] = field(default_factory=dict)
    past_only: frozenset[str] = frozenset()
    # Tense and factuality: past markers, plans, expectations, deadlines, cancellation
    # (``Cues`` are words or phrases, each matched as whole words).
    past_markers: Words = frozenset()
    infinitive_markers: Words = frozenset()
    control_words: Words = frozenset()
    planned: Cues = ()
    expected: Cues = ()
    deadline: Cues = ()
    negation_cues: Cues = ()
    cancelled: Words = frozenset()
    plan_participles: Words = frozenset()
    future_suffixes: tuple[str, ...] = ()
    # Kinds of happening and headline words.
    categories: tuple[CategoryCues, ...] = ()
    general_verbs: frozenset[str] = frozenset()
    antecedents: dict[str, str] = field(default_factory=dict)
    future_marker: str = ""
    headline_grammar: str = ""
    present_markers: frozenset[str] = frozenset()
    drop_words: frozenset[str] = frozenset()
    # Optional morphology, for languages unlike English, French and Spanish (see the
    # [events.clitics] table and the keys of [events.verbs] and [events.headlines] in de.toml,
    # ru.toml, ar.toml).
    clitics: tuple[tuple[str, str], ...] = ()
    stem_suffixes: tuple[str, ...] = ()
    stem_prefixes: tuple[tuple[str, tuple[str, ...]], ...] = ()
    noun_prefixes: tuple[str, ...] = ()
    future_prefixes: tuple[str, ...] = ()
    bare_verbs: bool = False
    bracket: bool = False
    separable_particles: frozenset[str] = frozenset()
    present_suffixes: tuple[str, ...] = ()
    present_prefixes: tuple[str, ...] = ()
    infinitive_endings: tuple[str, ...] = ()
    compounds: bool = False
    comma_relatives: frozenset[str] = frozenset()
    subject_after_verb: bool = False
    reflexives: frozenset[str] = frozenset()
    trailing: frozenset[str] = frozenset()

    @property
    def known(self) -> bool:
        """True when the language has an event lexicon (its rules are more than defaults)."""
        return bool(self.auxiliaries or self.categories)

    @cached_property
    def readings(self) -> dict[str, tuple]:
        """How the clause reader reads each word it has met in this language ((lower,
        lemma, prefix, word kind) by the token's text): filled by ``clauses``, so a word
        is read once."""
        return {}

    @cached_property
    def title_trailing(self) -> frozenset[str]:
        """Words a headline title never ends on (prepositions, articles, conjunctions...),
        except a separable verb particle, which closes its clause."""
        words = self.trailing | self.prepositions | self.determiners | self.coordinators
        return (words | self.complementizers | self.relatives) - self.separable_particles

    @cached_property
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

    @cached_property
    def verbs(self) -> frozenset[str]:
        """Every verb lemma the lexicon names: a token with one of them as lemma can be a
        verb even when its form is not inflected in a way the engine recognises."""
        out: set[str] = set(self.stative) | set(self.cancelled) | set(self.general_verbs)
        for cues in self.categories:
            out |= {v for v in cues.verbs if " " not in v}
        return frozenset(out)

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        """Every single word the lexicon names: what a word stripped of its clitics must be
        (or have as lemma) for the stripping to count."""
        out: set[str] = set(self.function_words | self.verbs | self.forms | self.modals)
        out |= self.auxiliaries | self.time_subjects | self.control_words
        out |= self.infinitive_markers | self.complementizers | set(self.cancelled)
        for cues in self.categories:
            out |= {n for n in cues.nouns if " " not in n}
        for phrase in (*self.planned, *self.expected, *self.deadline, *self.negation_cues):
            out |= set(phrase.split())
        return frozenset(out)

    @property
    def reports_present(self) -> bool:
        """The lexicon can tell a verb group in the present (dated by the article)."""
        return bool(self.present_markers or self.present_suffixes or self.present_prefixes)

    def names(self, lemma: str, lower: str, nouns: frozenset[str]) -> bool:
        """A word (its lemma or form) is one of ``nouns``, or with the lexicon key
        ``compounds`` a compound ending in one ("Friedensabkommen" ends in "abkommen")."""
        if lemma in nouns or lower in nouns:
            return True
        return self.compounds and any(
            len(n) >= 4 and " " not in n and (lower.endswith(n) or lemma.endswith(n)) for n in nouns
        )

    def opens_relative(self, word: str) -> bool:
        """``word`` opens a relative clause: a relative pronoun, or (after a comma) one of
        the lexicon's ``comma_relatives``, the German articles "der", "die", "das"."""
        return word in self.relatives or word in self.comma_relatives

    def cues_of(self, value: str) -> CategoryCues | None:
        return next((c for c in self.categories if c.value == value), None)

    @cached_property
    def noun_index(self) -> tuple[dict[str, tuple[str, ...]], tuple[tuple[str, str], ...]]:
        """The categories' nouns for lookup: one word -> the categories naming it, and the
        (phrase, category) pairs of nouns of several words."""
        single: dict[str, list[str]] = {}
        phrases: list[tuple[str, str]] = []
        for cues in self.categories:
            for noun in cues.nouns:
                if " " in noun:
                    phrases.append((noun, cues.value))
                else:
                    single.setdefault(noun, []).append(cues.value)
        return {k: tuple(v) for k, v in single.items()}, tuple(phrases)


@cache
def lexicon(language: str) -> Lexicon:
    """The lexicon of ``language`` ("en", "fr", ...); an empty one for other languages."""
    data = events_data(language)
    if not data:
        return Lexicon(language=language)
    where = f"{language}.toml [events]"
    clauses, verbs, fact = (
        data.get("clauses", {}),
        data.get("verbs", {}),
        data.get("factuality", {}),
    )
    heads = data.get("headlines", {})
    cats = []
    cat_data = dict(data.get("categories", {}))
    general = _words(cat_data.pop("general", ()))
    cat_data.pop("compounds", None)
    for value, cues in cat_data.items():
        if value not in registry.BY_VALUE:
            raise ValueError(f"{where}: unknown category {value!r}")
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
        past_only=_words(verbs.get("past_only")),
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
        **_morphology(data),
    )


def _longest_first(values) -> tuple[str, ...]:
    return tuple(sorted(_words(values), key=len, reverse=True))


def _morphology(data: dict) -> dict:
    """The optional keys: clitics, stems, the verbal bracket, present-tense endings."""
    clitics, verbs, heads = (
        data.get("clitics", {}),
        data.get("verbs", {}),
        data.get("headlines", {}),
    )
    prefixes = clitics.get("prefixes", {})
    return {
        "clitics": tuple(
            sorted(
                ((k.lower(), v.lower()) for k, v in prefixes.items()), key=lambda kv: -len(kv[0])
            )
        ),
        "stem_suffixes": _longest_first(clitics.get("suffixes")),
        "stem_prefixes": tuple(
            sorted(
                (
                    (k.lower(), tuple(str(x).lower() for x in v))
                    for k, v in clitics.get("stems", {}).items()
                ),
                key=lambda kv: -len(kv[0]),
            )
        ),
        "noun_prefixes": _longest_first(clitics.get("noun_prefixes")),
        "future_prefixes": _longest_first(clitics.get("future_prefixes")),
        "bare_verbs": bool(verbs.get("bare_verbs", False)),
        "bracket": bool(verbs.get("bracket", False)),
        "separable_particles": _words(verbs.get("separable_particles")),
        "present_suffixes": _longest_first(verbs.get("present_suffixes")),
        "present_prefixes": _longest_first(verbs.get("present_prefixes")),
        "infinitive_endings": _longest_first(verbs.get("infinitive_endings")),
        "compounds": bool(data.get("categories", {}).get("compounds", False)),
        "comma_relatives": _words(data.get("clauses", {}).get("comma_relatives")),
        "subject_after_verb": bool(heads.get("subject_after_verb", False)),
        "reflexives": _words(heads.get("reflexives")),
        "trailing": _words(heads.get("trailing")),
    }


def events_data(language: str) -> dict:
    """The ``[events]`` tables of ``language``'s resource file ({} when it has none)."""
    code = registry_of_languages.resolve(language)
    if code is None or code not in registry_of_languages.resource_codes():
        return {}
    return dict(registry_of_languages.get(code).section("events"))


def languages() -> tuple[str, ...]:
    """The languages whose resource file has an event lexicon."""
    return tuple(c for c in registry_of_languages.resource_codes() if events_data(c))
