"""The kind of a happening, from its predicate and its participants.

The main verb speaks first ("signed" is an agreement, "attacked" violence, "met" talks).
A general verb ("reached", "announced", "began", "extended", "held") takes the kind of
the happening named by its subject or object ("reached a ceasefire", "the talks began");
a reporting verb makes a statement unless its object names a report or a happening it
announces; a request ("called for a ceasefire", "urged an end to the fighting") is a
statement whatever it asks for. Only the words of the happening's own clause count, never
a keyword elsewhere in the sentence; *other* when nothing fits. Cues are the lexicon's
(lemmas), so every language with an event lexicon is categorised the same way.

Besides its verbs and nouns, a category table ([events.categories.<kind>]) may list:

- ``weak``: verbs that name the kind only when the clause names it too, by a noun or a
  participant ("released prisoners", not "released a report"; "quit the talks", not
  "quit the town");
- ``participants``: nouns of who or what takes part in such a happening (missiles,
  troops, a prime minister). They never make a happening of their own; they tell a weak
  verb's kind ("troops left the town", "chose him as prime minister") and, for violence,
  protests and displacement, the kind of a subject's verb that has none ("missiles fell
  on the city");
- ``requests`` (statement): verbs of asking.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from timeline.categories import OTHER

from .clauses import Token
from .lexicon import Lexicon, events_data

# When several nouns of a clause name happenings, the more specific outcome wins: a
# ceasefire agreement is a ceasefire, talks on a prisoner exchange are an exchange.
_NOUN_PRIORITY = (
    "ceasefire",
    "prisoner release",
    "sanctions",
    "talks suspended",
    "withdrawal",
    "agreement",
    "election",
    "violence",
    "court",
    "humanitarian",
    "displacement",
    "protest",
    "talks",
    "mediation",
    "government",
    "visit",
    "report",
    "statement",
)
_STATEMENT = "statement"
_TELLING_NOUNS = {
    "violence",
    "ceasefire",
    "prisoner release",
    "election",
    "protest",
    "humanitarian",
    "displacement",
    "court",
    "sanctions",
    "withdrawal",
}
# Kinds a mediator's verb ("brokered", "mediated") gives way to when its clause names the
# outcome: "an exchange of prisoners mediated by Russia" is the exchange.
_OUTCOMES = _TELLING_NOUNS | {"agreement"}
# Participants that name the kind of a verb that has none, as its subject ("missiles fell",
# "protesters gathered"); the others (troops, a prime minister) take part in too many kinds
# of happening and only tell a weak verb's ("troops left", "chose him as prime minister").
_TELLING_PARTICIPANTS = {"violence", "protest", "displacement"}
_REFLEXIVE = ("s'", "se ")


@dataclass(frozen=True)
class _Extra:
    """The cue lists of the language's category tables beyond verbs and nouns."""

    weak: dict[str, frozenset[str]]
    participants: dict[str, frozenset[str]]
    requests: frozenset[str]


@cache
def _extra(language: str) -> _Extra:
    data = events_data(language).get("categories", {})
    tables = {k: v for k, v in data.items() if isinstance(v, dict)}

    def words(key: str) -> dict[str, frozenset[str]]:
        return {
            value: frozenset(str(w).lower() for w in table.get(key, ()))
            for value, table in tables.items()
            if table.get(key)
        }

    requests = words("requests").get(_STATEMENT, frozenset())
    return _Extra(weak=words("weak"), participants=words("participants"), requests=requests)


def _matches(tok: Token, cues: frozenset[str]) -> bool:
    return tok.lemma in cues or tok.lower in cues


def _noun_categories(words: list[Token], lex: Lexicon) -> list[str]:
    text = " " + " ".join(t.lower for t in words) + " "
    single, phrases = lex.noun_index
    found = {value for phrase, value in phrases if f" {phrase} " in text}
    for k, t in enumerate(words):
        named = single.get(t.lemma, ()) + single.get(t.lower, ())
        # A lone capitalised word is a name ("in March"), except in a language that writes
        # every noun so and builds compounds (German).
        if named and (lex.compounds or _common(words, k)):
            found.update(named)
    if lex.compounds:
        for cues in lex.categories:
            if cues.value not in found and any(
                lex.names(t.lemma, t.lower, cues.nouns) for t in words
            ):
                found.add(cues.value)
    return _ranked(found)


def _ranked(found) -> list[str]:
    return sorted(set(found), key=lambda c: _NOUN_PRIORITY.index(c) if c in _NOUN_PRIORITY else 99)


def _common(words: list[Token], k: int) -> bool:
    """Token ``k`` is a common noun, or part of a name of several words ("Stockholm
    Agreement"), not a lone capitalised word inside the sentence ("in March")."""
    tok = words[k]
    if not tok.is_capitalised or tok.start == 0:
        return True
    return any(0 <= j < len(words) and words[j].is_capitalised for j in (k - 1, k + 1))


def _participants(words: list[Token], lex: Lexicon) -> list[str]:
    extra = _extra(lex.language)
    text = " " + " ".join(t.lower for t in words) + " "
    read = {t.lemma for t in words} | {t.lower for t in words}
    found = []
    for value, cues in extra.participants.items():
        for cue in cues:
            if cue in read if " " not in cue else f" {cue} " in text:
                found.append(value)
                break
    return _ranked(found)


@cache
def _verb_cues(cues: frozenset[str]) -> frozenset[str]:
    """Verb cues with their reflexive forms also bare ("s'emparer" -> "emparer"): the
    tokenizer reads the pronoun apart, or as part of the auxiliary ("s'étaient")."""
    out = set(cues)
    for cue in cues:
        for prefix in _REFLEXIVE:
            if cue.startswith(prefix) and " " not in cue[len(prefix) :]:
                out.add(cue[len(prefix) :])
        if cue.endswith("se") and " " not in cue and len(cue) > 5:
            out.add(cue[:-2])  # "reunirse" -> "reunir"
    return frozenset(out)


def _verb_category(head: Token, clause: list[Token], lex: Lexicon) -> str:
    """The kind the verb names itself, if any: a weak verb's only when its clause names
    that kind too ("released prisoners")."""
    after = clause[clause.index(head) + 1 :] if head in clause else []
    phrase = f"{head.lemma} {after[0].lower}" if after else head.lemma
    extra = _extra(lex.language)
    for cues in lex.categories:
        if cues.value == _STATEMENT:
            continue
        verbs = _verb_cues(cues.verbs)
        if not (_matches(head, verbs) or phrase in verbs):
            continue
        weak = extra.weak.get(cues.value, frozenset())
        if _matches(head, weak) or phrase in weak:
            named = set(_noun_categories(clause, lex)) | set(_participants(clause, lex))
            needed = {cues.value}
            if cues.value == "talks suspended":
                needed |= {"talks", "agreement", "ceasefire"}
            if not named & needed:
                continue
        return cues.value
    return ""


def _real_head(head: Token, clause: list[Token], lex: Lexicon) -> Token:
    """An English plural noun read as the verb after a past one ("struck ships"): the
    past verb is the head."""
    if lex.headline_grammar != "english" or head not in clause:
        return head
    k = clause.index(head)
    low = head.lower
    if k == 0 or not (low.endswith("s") and not low.endswith("ss") and head.lemma != low):
        return head
    prev = clause[k - 1]
    past = (
        prev.text.islower()
        and prev.lemma != prev.lower
        and not prev.lower.endswith("s")
        and prev.lower not in lex.auxiliaries
        and prev.lower not in lex.modals
        and (prev.lower.endswith("ed") or prev.lower in lex.forms or prev.lower in lex.irregular)
    )
    return prev if past else head


def categorise(
    *,
    head: Token | None,
    clause: list[Token],
    lex: Lexicon,
    content: list[Token] | None = None,
) -> str:
    """The category of the happening whose main verb is ``head`` in ``clause`` (its words,
    subject and object); ``head`` is None for a happening a noun names. ``content`` is the
    clause a reporting verb introduces, when the statement is the event."""
    nouns = _noun_categories(clause, lex)
    if head is None:
        return nouns[0] if nouns else OTHER
    head = _real_head(head, clause, lex)
    at = clause.index(head) if head in clause else len(clause)
    subject, after = clause[:at], clause[at + 1 :]
    if head.lemma in lex.cancelled:
        # "called off the talks": the kind of what was called off.
        return nouns[0] if nouns else OTHER
    by_verb = _verb_category(head, clause, lex)
    if by_verb:
        return _verb_kind(by_verb, nouns, subject, lex)
    if _matches(head, _extra(lex.language).requests):
        return _STATEMENT  # "urged an end to the fighting": the call is the news
    statement = lex.cues_of(_STATEMENT)
    if statement and _matches(head, _verb_cues(statement.verbs)):
        return _reported(nouns, _noun_categories(after, lex), content)
    return _by_participants(head, nouns, subject, content, lex)


def _verb_kind(by_verb: str, nouns: list[str], subject: list[Token], lex: Lexicon) -> str:
    """The kind of a verb that names one, adjusted by what its clause names."""
    if by_verb == "talks suspended" and nouns and nouns[0] in ("ceasefire", "agreement"):
        return nouns[0]  # a ceasefire that collapsed is news about the ceasefire
    if by_verb == "agreement" and "ceasefire" in nouns:
        return "ceasefire"  # "signed a ceasefire", "the truce agreed on Friday"
    if by_verb == "mediation":
        outcome = [n for n in nouns if n in _OUTCOMES]
        if outcome:
            return outcome[0]  # "an exchange of prisoners mediated by Russia"
    if by_verb == "violence" and "protest" in _noun_categories(subject, lex):
        return "protest"  # "protesters stormed parliament"
    return by_verb


def _reported(nouns: list[str], object_nouns: list[str], content: list[Token] | None) -> str:
    """A reporting verb: a report, the happening its object names ("announced a
    ceasefire"), or a statement."""
    if "report" in nouns:
        return "report"
    # "announced a ceasefire", "declared a truce": the kind of what was announced, unless a
    # clause of its own says what was said; what names the speaker ("the government said")
    # does not count.
    specific = [n for n in object_nouns if n not in (_STATEMENT, "report")]
    if specific and not content:
        return specific[0]
    return _STATEMENT


def _by_participants(
    head: Token,
    nouns: list[str],
    subject: list[Token],
    content: list[Token] | None,
    lex: Lexicon,
) -> str:
    """A verb with no kind of its own: the kind of what its clause names."""
    general = head.lemma in lex.general_verbs or head.lower in lex.auxiliaries
    if general and nouns:
        return nouns[0]
    # Any other verb: its clause's nouns speak only when they name a kind that is hardly
    # ever a mere topic ("a subi des bombardements"), not the deals and talks that verbs of
    # discussing take as objects.
    telling = [n for n in nouns if n in _TELLING_NOUNS]
    if telling:
        return telling[0]
    # Who takes part: "missiles fell on Ganja", "chose him as interim prime minister".
    parts = [p for p in _participants(subject, lex) if p in _TELLING_PARTICIPANTS]
    if parts:
        return parts[0]
    if content:
        return categorise(head=None, clause=content, lex=lex)
    return OTHER
