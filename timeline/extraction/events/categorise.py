"""The kind of a happening, from its predicate and its participants.

The main verb speaks first ("signed" is an agreement, "attacked" violence, "met" talks).
A general verb ("reached", "announced", "began", "extended", "held") takes the kind of
the happening named by its subject or object ("reached a ceasefire", "the talks began");
a reporting verb makes a statement unless its object names a report. Only the words of
the happening's own clause count, never a keyword elsewhere in the sentence; *other* when
nothing fits. Cues are the lexicon's (lemmas), so every language with a lexicon file is
categorised the same way.
"""

from __future__ import annotations

from timeline.categories import OTHER

from .clauses import Token
from .lexicon import Lexicon

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
# Verbs whose kind depends on what they act on.
_NEEDS_OBJECT = {
    "prisoner release": "prisoner release",  # "released a report" is no prisoner release
}
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


def _noun_categories(words: list[Token], lex: Lexicon) -> list[str]:
    text = " " + " ".join(t.lower for t in words) + " "
    found = []
    for cues in lex.categories:
        for noun in cues.nouns:
            if " " in noun:
                if f" {noun} " in text:
                    found.append(cues.value)
                    break
            elif any(t.lemma == noun or t.lower == noun for t in words) or (
                lex.compounds
                and any(lex.names(t.lemma, t.lower, frozenset((noun,))) for t in words)
            ):
                found.append(cues.value)
                break
    return sorted(set(found), key=lambda c: _NOUN_PRIORITY.index(c) if c in _NOUN_PRIORITY else 99)


def _verb_category(head: Token, following: list[Token], lex: Lexicon) -> str:
    phrase = f"{head.lemma} {following[0].lower}" if following else head.lemma
    for cues in lex.categories:
        if cues.value == _STATEMENT:
            continue
        if head.lemma in cues.verbs or head.lower in cues.verbs or phrase in cues.verbs:
            return cues.value
    return ""


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
    after = clause[clause.index(head) + 1 :] if head in clause else []
    if head.lemma in lex.cancelled:
        # "called off the talks": the kind of what was called off.
        return nouns[0] if nouns else OTHER
    by_verb = _verb_category(head, after, lex)
    if by_verb in _NEEDS_OBJECT and _NEEDS_OBJECT[by_verb] not in nouns:
        by_verb = ""
    if by_verb == "talks suspended" and nouns and nouns[0] in ("ceasefire", "agreement"):
        return nouns[0]  # a ceasefire that collapsed is news about the ceasefire
    if by_verb:
        return by_verb
    statement = lex.cues_of(_STATEMENT)
    if statement and (head.lemma in statement.verbs or head.lower in statement.verbs):
        if "report" in nouns:
            return "report"
        # "announced a ceasefire", "declared a truce": the kind of what was announced,
        # unless a clause of its own says what was said.
        specific = [n for n in nouns if n not in (_STATEMENT, "report")]
        if specific and not content:
            return specific[0]
        return _STATEMENT
    if (head.lemma in lex.general_verbs or head.lower in lex.auxiliaries) and nouns:
        return nouns[0]
    # Any other verb: its clause's nouns speak only when they name a kind that is hardly
    # ever a mere topic ("a subi des bombardements", "a missile hit the building"), not
    # the deals and talks that verbs of discussing take as objects.
    telling = [n for n in nouns if n in _TELLING_NOUNS]
    if telling:
        return telling[0]
    if content:
        return categorise(head=None, clause=content, lex=lex)
    return OTHER
