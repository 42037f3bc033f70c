"""Dated events from news text (pure Python: no Django import anywhere in this package).

Dashboard-facing API (kept stable; later work extends it)::

    from timeline.extraction import extract
    result = extract(text, published=datetime.date(2021, 2, 28), language="en",
                     actors={"Taliban": ["the Taliban", "insurgents"]})
    result.expressions  # TemporalExpression, in text order
    result.events       # EventCandidate, in text order

Every ``TemporalExpression`` has ``.text .start .end`` (character offsets), ``.type``
(DATE/TIME/DURATION/SET), the TIMEX3 ``.value`` and ``.mod``, ``.precision`` and the
inclusive ``.interval_start``/``.interval_end`` (``datetime.date``) for points and periods,
``.rule`` (the resolution rule) with ``.anchor``/``.anchor_kind`` (what a relative
expression was resolved against: "published", "previous", or "story" for a date without a
year read in the year of the story being told) and ``.explanation``, the trail shown to
readers: "'September last year' + published 2021-02-28 → 2020-09 (month)", "'27 August' +
story year 1916 → 1916-08-27 (day)". Dates before the common era ("480 BC") have their
TimeML value (BC0480) and no interval: they are not dating. A date worked out by
counting from its anchor ("three days later") also has ``.offset``, the span counted as an
ISO 8601 duration (P3D); the timeline uses the date, and TimeML output
(:func:`timeline.extraction.timeml.timex_view`) writes the DURATION, as TimeML annotates it.

Every ``EventCandidate`` has ``.sentence .sentence_start .sentence_end``, ``.date`` (the
expression dating it), ``.expressions`` (all in the sentence), ``.title``, ``.category``,
``.actors``, ``.places`` and ``.confidence``.

Bad input raises :class:`ExtractionError`; nothing else escapes. A rule that fails on one
expression drops that expression only; ``result.faults`` records it (:class:`Fault`).
"""

from __future__ import annotations

import datetime
import functools
import time
from collections.abc import Mapping, Sequence

from .types import (
    DATE,
    DURATION,
    SET,
    TIME,
    EventCandidate,
    ExtractionError,
    ExtractionResult,
    Fault,
    TemporalExpression,
)

EXTRACTOR_VERSION = "0.2.0"

# Inputs above this are refused outright (the admin form caps articles at 1 MB too).
MAX_CHARS = 1_000_000

__all__ = [
    "DATE",
    "DURATION",
    "EXTRACTOR_VERSION",
    "SET",
    "TIME",
    "EventCandidate",
    "ExtractionError",
    "ExtractionResult",
    "Fault",
    "TemporalExpression",
    "extract",
]


def time_budget(text: str) -> float:
    """Seconds an input of this length may take: a floor plus a per-character allowance."""
    return 5.0 + len(text) / 2000.0


@functools.cache
def _prepare(language: str) -> None:
    """Load what reading ``language`` needs once per process (its compiled grammar and
    trigger pattern, word tables, event lexicon, lemmatizer dictionary, the gazetteer)
    before an article's time budget starts: the first article of a language on a fresh
    worker must not run out of time while the worker loads its resources."""
    from . import places
    from .events.clauses import lemma
    from .events.lexicon import lexicon as event_lexicon
    from .timex_grammar import rules_for, trigger_for

    rules_for(language)
    trigger_for(language)
    event_lexicon(language)
    lemma("test", language)
    places.gazetteer()


def extract(
    text: str,
    *,
    published: datetime.date,
    language: str = "en",
    actors: Mapping[str, Sequence[str]] | None = None,
    budget: float | None = None,
    actor_kinds: Mapping[str, str] | None = None,
) -> ExtractionResult:
    """Find temporal expressions and dated event candidates in ``text``.

    Relative expressions resolve against ``published`` (or the previous date in the text for
    expressions that continue the story). ``actors`` maps a canonical actor name to the
    aliases that tag it, ``actor_kinds`` (optional) to its kind ("person", "armed_group",
    ...), which tells headlines who "he" and "the group" are. Raises
    :class:`ExtractionError` for input that is not text, too long, or that cannot be
    processed within ``budget`` seconds (default: proportional to its length).

    ``language`` is any code the registry knows (:func:`.languages.codes`: every language
    dateparser has locale data for, read with the generic grammar, and those with a
    resource file) or a tag it resolves ("pt-BR" -> "pt"); the result's ``language`` says
    which was used. A code nobody knows is read with the neutral grammar (what is written
    in digits: ISO and numeric dates, years, clock times), never as English, and the
    result's ``warnings`` say so.
    """
    from .events import build_events
    from .sentences import split_sentences
    from .tagger import tag

    if not isinstance(text, str):
        raise ExtractionError("text must be a string")
    if not isinstance(published, datetime.date):
        raise ExtractionError("published must be a date")
    if isinstance(published, datetime.datetime):
        published = published.date()
    if len(text) > MAX_CHARS:
        raise ExtractionError(f"text is {len(text):,} characters; the limit is {MAX_CHARS:,}")
    from . import languages

    used = languages.fallback(language)
    warnings: tuple[str, ...] = ()
    if used.code == languages.NEUTRAL:
        warnings = (
            f"language {language!r} is not supported: only dates written in digits were read",
        )
    language = used.code
    _prepare(language)
    deadline = time.monotonic() + (budget if budget is not None else time_budget(text))
    faults: list[Fault] = []
    try:
        sentences = split_sentences(text, language=language)
        expressions = tag(
            text,
            published=published,
            language=language,
            sentences=sentences,
            deadline=deadline,
            faults=faults,
        )
        events = build_events(
            text,
            expressions,
            sentences,
            actors=actors or {},
            language=language,
            published=published,
            actor_kinds=actor_kinds,
            deadline=deadline,
        )
    except ExtractionError:
        raise
    except Exception as exc:  # the promise: nothing but ExtractionError escapes
        raise ExtractionError(f"extraction failed: {type(exc).__name__}: {exc}") from exc
    return ExtractionResult(
        expressions=tuple(expressions),
        events=tuple(events),
        published=published,
        language=language,
        version=EXTRACTOR_VERSION,
        warnings=warnings,
        faults=tuple(faults),
    )
