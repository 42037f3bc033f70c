"""Resolution rules: from a grammar match and its context to a TIMEX3 value, by concern.

Every resolver takes the regex match and a :class:`Context` (the text, publication date,
lexicon, the sentence around the match) and returns a :class:`Resolved`, or ``None`` when
the match is not a temporal expression after all (a count such as "2,500 troops", a name
such as "Theresa May"). Expressions that continue the story ("two days later", "that day")
return a ``Resolved`` whose ``later`` callback is run in text order with the previous date.

Resolvers register themselves with :func:`resolver` (name and trigger classes); the
language files' rules name them. Modules: :mod:`.base` (context, values, registry),
:mod:`.cues` (tense and plan direction), :mod:`.absolute`, :mod:`.relative`,
:mod:`.anaphoric`, :mod:`.durations` (and sets), :mod:`.clock`, :mod:`.holidays`.
"""

from __future__ import annotations

from ..timex_calendar import OutOfRange
from . import absolute, anaphoric, clock, durations, holidays, relative  # noqa: F401 - register
from .base import (
    NEEDS,
    RESOLVERS,
    TRIGGER_CLASSES,
    Context,
    Resolved,
    State,
    Story,
    duration_value,
    resolver,
    story_of,
)

__all__ = [
    "NEEDS",
    "RESOLVERS",
    "TRIGGER_CLASSES",
    "Context",
    "OutOfRange",
    "Resolved",
    "State",
    "Story",
    "duration_value",
    "resolver",
    "story_of",
]
