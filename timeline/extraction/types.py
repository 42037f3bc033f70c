"""Value types shared by every stage of the extractor (pure Python, no Django)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

# TIMEX3 types.
DATE = "DATE"
TIME = "TIME"
DURATION = "DURATION"
SET = "SET"
TIMEX_TYPES = (DATE, TIME, DURATION, SET)

# Precisions, coarsest last. Only DATE and TIME expressions carry one.
PRECISIONS = ("day", "week", "month", "season", "quarter", "year", "decade")

# TIMEX3 modifiers used by the product ("" is none).
MODS = ("", "START", "MID", "END", "APPROX", "BEFORE", "AFTER")


class ExtractionError(Exception):
    """Raised when an input cannot be processed (too large, over its time budget, ...)."""


@dataclass(frozen=True, slots=True)
class TemporalExpression:
    """One temporal expression found in the text, with its TIMEX3 normalisation.

    ``start``/``end`` are character offsets into the input text (``text[start:end] ==
    self.text``). For DATE and TIME expressions that denote a point or period,
    ``precision`` and the inclusive ``interval_start``/``interval_end`` are set; durations
    and sets leave them ``None``. ``rule`` names the resolution rule; ``anchor`` is the date
    a relative expression was resolved against and ``anchor_kind`` says which one
    ("published", "previous" for the previous date in the text, or "" when absolute).
    ``offset`` is the span counted from the anchor, as an ISO 8601 duration, when the date
    was worked out by counting ("three days later" → P3D; "" otherwise). TimeML writes such
    an expression as that DURATION (see :func:`timeline.extraction.timeml.timex_view`).
    ``determiner`` is the article written right before the expression, with the space
    after it ("le " in "le 30 juin"), in languages whose TimeML counts it in the extent
    (see the [extent] table of the language files); "" elsewhere. The timeline shows the
    expression without it; TimeML output writes it inside the TIMEX3.
    """

    text: str
    start: int
    end: int
    type: str
    value: str
    mod: str = ""
    precision: str | None = None
    interval_start: datetime.date | None = None
    interval_end: datetime.date | None = None
    rule: str = ""
    anchor: datetime.date | None = None
    anchor_kind: str = ""
    offset: str = ""
    determiner: str = ""

    @property
    def is_dating(self) -> bool:
        """True when the expression places something in time (a point or a period)."""
        return (
            self.type in (DATE, TIME)
            and self.interval_start is not None
            and self.interval_end is not None
        )

    @property
    def explanation(self) -> str:
        """The resolution trail shown to readers.

        For example "'last week' + published 2021-02-28 → 2021-W07 (week)".
        """
        head = f"'{self.text}'"
        if self.anchor_kind == "story":
            # "'27 August' + story year 1916 → 1916-08-27"
            year = str(self.anchor.year) if self.anchor is not None else _written_year(self.value)
            head += f" + story year {year}" if year else " + story time"
        elif self.anchor is not None and self.anchor_kind:
            label = "published" if self.anchor_kind == "published" else "previous date"
            head += f" + {label} {self.anchor.isoformat()}"
        tail = self.value
        if self.mod:
            tail += f" [{self.mod}]"
        if self.precision:
            tail += f" ({self.precision})"
        return f"{head} → {tail}"


def _written_year(value: str) -> str:
    """The year of a TIMEX3 value as a reader writes it: "BC0480-09" is "480 BC"."""
    if value.startswith("BC") and value[2:6].isdigit():
        return f"{int(value[2:6])} BC"
    return str(int(value[:4])) if value[:4].isdigit() else ""


@dataclass(frozen=True, slots=True)
class EventCandidate:
    """A proposed event: one happening reported by one sentence.

    ``date`` is the expression that dates this happening (an empty one, rule "article
    date", when a present-tense report is dated by its article); ``expressions`` holds all
    of the sentence's, ``context`` the other dates it gives. ``trigger`` is the word that
    names the happening (offsets into the text, -1 when unknown), ``factuality`` what the
    sentence says of it (happened, planned, deadline, expected, not_happened), and
    ``reference`` marks a happening a noun phrase recalls ("the February 2020 deal")
    rather than one the sentence reports. ``key`` identifies the happening within its
    text, stably across runs on the same text; ``paragraph`` is 0 for the lead.
    """

    sentence: str
    sentence_start: int
    sentence_end: int
    date: TemporalExpression
    expressions: tuple[TemporalExpression, ...] = ()
    title: str = ""
    category: str = "other"
    actors: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    confidence: float = 0.5
    factuality: str = "happened"
    trigger: str = ""
    trigger_start: int = -1
    trigger_end: int = -1
    context: tuple[TemporalExpression, ...] = ()
    reference: bool = False
    key: str = ""
    paragraph: int = 0


@dataclass(frozen=True, slots=True)
class Fault:
    """A rule that failed on one expression: the expression was dropped, the article kept.

    ``rule`` names the grammar rule (or stage) that raised, ``text``/``start``/``end`` the
    expression it was working on, ``error`` the exception type and ``message`` its text.
    """

    rule: str
    text: str
    start: int
    end: int
    error: str
    message: str


@dataclass(frozen=True, slots=True)
class ExtractionResult:
    """What :func:`timeline.extraction.extract` returns.

    ``faults`` lists the expressions dropped because a rule raised on them (see
    :class:`Fault`); the rest of the text is extracted all the same.
    """

    expressions: tuple[TemporalExpression, ...]
    events: tuple[EventCandidate, ...]
    published: datetime.date
    language: str
    version: str
    warnings: tuple[str, ...] = field(default=())
    faults: tuple[Fault, ...] = field(default=())
