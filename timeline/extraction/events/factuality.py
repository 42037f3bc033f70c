"""What a sentence says of its happening: it happened, is planned, has a deadline, is
expected or hoped for, or did not happen.

Read from the verb group and the few words before it (modals, "is due to", "hope to",
"failed to"), from the word before the date ("by May", "no later than") and from the
predicate itself ("postponed", "called off"). The cues are the lexicon's; a language
without them reads as *happened*.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .clauses import Analysis, VerbGroup
from .lexicon import Lexicon

HAPPENED = "happened"
PLANNED = "planned"
DEADLINE = "deadline"
EXPECTED = "expected"
NOT_HAPPENED = "not_happened"
VALUES = (HAPPENED, PLANNED, DEADLINE, EXPECTED, NOT_HAPPENED)

# How many words before the verb group still speak of it ("hope to", "the plan is to").
_REACH = 4


def has_cue(text: str, cues: tuple[str, ...]) -> bool:
    """Some cue word or phrase of ``cues`` stands in ``text`` as whole words."""
    return bool(cues) and _cue_pattern(cues).search(text) is not None


_has = has_cue


@lru_cache(maxsize=256)
def _cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for a tuple of cue words or phrases, each matched as whole words."""
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(c) for c in cues) + r")(?!\w)")


def factuality(
    analysis: Analysis,
    group: VerbGroup | None,
    lex: Lexicon,
    *,
    before_date: str = "",
) -> str:
    """The factuality of the happening ``group`` reports (None: a noun phrase's happening,
    which is reported as a fact). ``before_date`` is the text just before its date
    expression, where "by" or "no later than" make a deadline."""
    if group is None:
        return HAPPENED
    tokens = analysis.tokens
    lo = max(0, group.first - _REACH)
    # A capitalised word inside the sentence is a name or a month ("in May", "Will
    # Smith"), not a cue, except in a language that capitalises every noun (German).
    around = " ".join(
        t.lower
        for i, t in enumerate(tokens[lo : group.last + 1], lo)
        if lex.compounds or i == 0 or not t.is_capitalised
    )
    head = tokens[group.head]
    # A verbal bracket ("hat ... nicht unterzeichnet") speaks up to its closing verb.
    group_text = " ".join(t.lower for t in tokens[group.first : max(group.last, group.head) + 1])
    particle = tokens[group.last + 1].lower if group.last + 1 < len(tokens) else ""
    if (
        head.lemma in lex.cancelled
        or f"{head.lemma} {particle}" in lex.cancelled
        or _has(group_text, tuple(lex.cancelled))
    ):
        return NOT_HAPPENED
    if _has(group_text, lex.negation_cues) or _has(around, ("failed to", "fail to")):
        return NOT_HAPPENED
    before = before_date.lower()
    if _has(around, lex.expected):
        return EXPECTED
    future = head.lower != head.lemma and head.lower.endswith(lex.future_suffixes)
    future = future or bool(head.prefix and any(f in head.prefix for f in lex.future_prefixes))
    if _has(around, lex.planned) or future:
        return DEADLINE if _has(before, lex.deadline) else PLANNED
    # "whether to withdraw by May": a deadline before a verb that has not happened (an
    # infinitive or bare form, no past tense in its group).
    past = head.lower.endswith(lex.past_suffixes) and head.lower != head.lemma
    unmarked = head.lower == head.lemma and not (set(group_text.split()) & lex.auxiliaries)
    if _has(before, lex.deadline) and unmarked and not past:
        return DEADLINE
    return HAPPENED


def event_factuality(mentions: list[tuple[str, object]], start: object = None) -> str:
    """An event's factuality from its mentions' ((factuality, publication date) pairs):
    happened as soon as one source published on or after the event's ``start`` reports it
    happened (a source from before cannot have seen it); otherwise what the most recent
    source says (a plan called off later did not happen)."""
    if not mentions:
        return HAPPENED
    if any(f == HAPPENED and (start is None or pub >= start) for f, pub in mentions):
        return HAPPENED
    # A "happened" written before the day was a plan when it was written.
    latest = max(mentions, key=lambda m: m[1])
    return PLANNED if latest[0] == HAPPENED else latest[0]


def past_marked(analysis: Analysis, group: VerbGroup | None, lex: Lexicon) -> bool:
    """The verb group is plainly in a past tense: a past auxiliary ("was", "a", "había") or
    an inflected past form ("signed", "left")."""
    if group is None:
        return False
    tokens = group.tokens(analysis.tokens)
    head = analysis.tokens[group.head]
    if lex.infinitive_endings and head.lower.endswith(lex.infinitive_endings):
        return False  # "hanno deciso di riprendere": the past is the decision's
    if any(t.lower in lex.past_markers for t in tokens):
        return True
    if head.lower == head.lemma:
        return False
    if head.lower.endswith(lex.past_suffixes) or head.lower in lex.irregular:
        return True
    # A participle on its own ("la mission, créée en janvier"): done, unless it names a
    # plan ("prévue en janvier") or a modal or future form stands with it.
    alone = len(tokens) == 1 or not any(
        t.lower in lex.modals or t.lower in lex.auxiliaries for t in tokens if t is not head
    )
    return (
        alone
        and head.lower.endswith(lex.participle_endings)
        and head.lower not in lex.plan_participles
    )
