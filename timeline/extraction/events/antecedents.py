"""Who "he", "they", "the group" and "the talks" are: the names a headline puts instead.

An article is read in order; each sentence leaves behind the people, groups, talks and
agreements it names (from the caller's actors, or from capitalised names after a title
word such as "President" or "envoy"). A pronoun or generic noun phrase in a subject is
replaced by the most recent name of the kind it needs, if one was named in the last three
sentences; otherwise it stays as written. Nothing here guesses beyond that.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass

# Kinds of the caller's actors (timeline.models.ActorKind values) that "he"/"she" refer to.
_PERSON_KINDS = {"person", "mediator"}
_GROUP_KINDS = {"armed_group", "government", "state", "international_body"}
# Title words after which capitalised words are a person's name.
_TITLE_WORDS = frozenset(
    [
        "president",
        "secretary",
        "minister",
        "envoy",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "general",
        "leader",
        "commander",
        "chief",
        "ambassador",
        "mediator",
        "representative",
        "senator",
        "governor",
        "mr",
        "mrs",
        "ms",
        "dr",
        "président",
        "ministre",
        "envoyé",
        "porte-parole",
        "général",
        "chef",
        "ambassadeur",
        "médiateur",
        "presidente",
        "ministro",
        "enviado",
        "portavoz",
        "general",
        "jefe",
        "embajador",
        "mediador",
    ]
)
_NAME = re.compile(r"(?:[A-ZÀ-Ý][\w'’.-]+)(?:\s+(?:al-|el-|de\s|da\s)?[A-ZÀ-Ý][\w'’.-]+){0,3}")
_MODIFIER = r"(?!(?:The|These|This|Those|Their|Its|His|Her|A|An)\b)(?:[A-Z][\w-]+|[a-z]+-[A-Za-z]+)"
_TALKS_NP = re.compile(
    rf"\b((?:{_MODIFIER}\s+)?(?:(?:peace|direct|indirect|formal|fresh|new|proximity)\s+)?"
    r"(?:talks|negotiations)(?:\s+(?:with|between)\s+(?:the\s+)?[A-Z][\w-]+"
    r"(?:\s+[A-Z][\w-]+)?(?:\s+government)?)?)"
)
_AGREEMENT_NP = re.compile(r"\b((?:[A-Z][\w-]+\s+){1,3}(?:agreement|accord|deal|declaration))\b")
# Any title word anywhere in a sentence (lower case): a cheap test before _NAME runs.
_ANY_TITLE = re.compile("|".join(sorted(map(re.escape, _TITLE_WORDS), key=len, reverse=True)))
_NOUN_PHRASES = (
    (_TALKS_NP, "talks", ("talks", "negotiations")),
    (_AGREEMENT_NP, "agreement", ("agreement", "accord", "deal", "declaration")),
)
_WINDOW = 3


@dataclass(frozen=True, slots=True)
class Antecedent:
    name: str
    kind: str  # person, group, talks, agreement
    sentence: int


class Salience:
    """The names an article has mentioned lately, by kind."""

    def __init__(self, actor_kinds: dict[str, str] | None = None) -> None:
        self.kinds = {k: v for k, v in (actor_kinds or {}).items()}
        self.recent: deque[Antecedent] = deque(maxlen=24)

    def observe(self, *, index: int, sentence: str, actors: tuple[str, ...]) -> None:
        """Remember what sentence ``index`` names."""
        for name in actors:
            kind = self.kinds.get(name, "")
            if kind in _PERSON_KINDS or (not kind and _looks_like_person(name)):
                self.recent.append(Antecedent(name, "person", index))
            else:
                self.recent.append(Antecedent(name, "group", index))
        # Each pattern runs only where the words it needs are in the sentence at all.
        lowered = sentence.lower()
        if _ANY_TITLE.search(lowered):
            for m in _NAME.finditer(sentence):
                before = sentence[max(0, m.start() - 25) : m.start()].lower().split()
                if before and before[-1].strip(",.") in _TITLE_WORDS and " " in m.group():
                    self.recent.append(Antecedent(m.group(), "person", index))
        for pattern, kind, heads in _NOUN_PHRASES:
            if any(head in sentence for head in heads):
                for m in pattern.finditer(sentence):
                    self.recent.append(Antecedent(m.group(1), kind, index))

    def resolve(self, *, kind: str, index: int) -> str | None:
        """The most recent name of ``kind`` within the last sentences, if exactly one name
        of that kind is that recent (an ambiguous reference stays as written)."""
        # A talks or agreement phrase of the sentence itself is the reference, not its
        # antecedent.
        same_ok = kind in ("person", "group")
        candidates = [
            a
            for a in reversed(self.recent)
            if a.kind == kind
            and index - a.sentence <= _WINDOW
            and (same_ok or a.sentence < index)
            and (same_ok or len(a.name.split()) > 1)
        ]
        if not candidates:
            return None
        latest = candidates[0]
        rivals = {a.name for a in candidates if a.sentence == latest.sentence}
        if len(rivals) > 1 and kind in ("person",):
            return None
        return latest.name


def _looks_like_person(name: str) -> bool:
    words = name.split()
    org = {
        "government",
        "front",
        "movement",
        "council",
        "union",
        "nations",
        "forces",
        "army",
        "party",
        "department",
        "ministry",
        "states",
        "group",
        "alliance",
        "league",
        "court",
    }
    return (
        2 <= len(words) <= 4
        and all(w[:1].isupper() for w in words)
        and not ({w.lower() for w in words} & org)
    )
