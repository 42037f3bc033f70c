"""Event candidates: one per distinct dating expression in a sentence.

:func:`build_events` pairs the tagger's expressions with the sentence splitter's spans and,
for each dated sentence, proposes one :class:`EventCandidate` per distinct date (same
``value`` and ``mod`` counts once). Only expressions that place something in time date an
event (``is_dating``: a DATE or TIME with an interval); durations and sets never do.

Each candidate gets an extractive title (:mod:`.titles`), the actors named in the sentence
(through the caller's aliases), the countries and cities named in it (:mod:`.places`), a
category (:mod:`.categories`) and a confidence built from visible signals (see
:func:`confidence`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache

from ..categories import categorise
from ..places import find_places
from ..titles import make_title
from ..types import EventCandidate, TemporalExpression

# Lines that only describe the article itself ("Published 28 February 2021", "Updated:
# ...") carry the publication date, not an event.
_ARTICLE_METADATA = re.compile(
    r"\s*(?:first\s+)?(?:published|updated|last\s+updated|posted|modified|copyright|©"
    r"|publié|mis\s+à\s+jour|modifié|publicado|actualizado|modificado|fecha)\b",
    re.IGNORECASE,
)
_METADATA_MAX_CHARS = 100
_RUNNING_WORD = re.compile(r"[^\W\d_]+")
_WORD = re.compile(r"[^\W\d_]+")

# Confidence signals (added to BASE, then clamped to 0.05..0.95). Precision: a day-exact
# date is much more useful on a timeline than a year. Anchoring: absolute dates cannot be
# misresolved; dates resolved from the previous date in the text are the most fragile.
BASE = 0.45
PRECISION_BONUS = {
    "day": 0.2,
    "week": 0.12,
    "month": 0.1,
    "season": 0.05,
    "quarter": 0.05,
    "year": 0.0,
    "decade": -0.1,
}
ANCHOR_BONUS = {"": 0.1, "published": 0.0, "previous": -0.1}
APPROX_PENALTY = 0.05
KEYWORD_BONUS = 0.15  # the sentence names a kind of happening (category is not "other")
NO_KEYWORD_PENALTY = 0.1
STATEMENT_PENALTY = 0.1  # only someone saying something: weaker evidence of an event
SHORT_SENTENCE_PENALTY = 0.1  # fewer than 5 words besides the date: headline, caption


def build_events(
    text: str,
    expressions: list[TemporalExpression],
    sentences: list[tuple[int, int]],
    *,
    actors: Mapping[str, Sequence[str]],
    language: str,
) -> list[EventCandidate]:
    """Event candidates for ``text``, in text order.

    ``expressions`` are the tagger's expressions (any order), ``sentences`` the splitter's
    spans, ``actors`` maps a canonical actor name to its aliases. A sentence yields one
    candidate per distinct dating expression (by TIMEX3 value and mod), each carrying all
    of the sentence's expressions; sentences that only state the article's own metadata
    ("Published 28 Feb 2021") yield none.
    """
    lang = (language or "en").split("-")[0].lower()
    actor_pattern = _actor_pattern(_actor_key(actors))
    ordered = sorted(expressions, key=lambda e: (e.start, e.end))
    spans = sorted(sentences)
    events: list[EventCandidate] = []
    i = 0
    for s_start, s_end in spans:
        # Expressions that start before this sentence belong to none (between sentences).
        while i < len(ordered) and ordered[i].start < s_start:
            i += 1
        inside: list[TemporalExpression] = []
        while i < len(ordered) and ordered[i].start < s_end:
            inside.append(ordered[i])
            i += 1
        dating = [e for e in inside if e.is_dating]
        if not dating:
            continue
        sentence = text[s_start:s_end]
        if _is_article_metadata(sentence, inside, s_start):
            continue
        found_actors = _find_actors(sentence, actor_pattern)
        places = find_places(sentence)
        seen: set[tuple[str, str]] = set()
        for expr in dating:
            key = (expr.value, expr.mod)
            if key in seen:
                continue
            seen.add(key)
            others = [
                (o.start - s_start, o.end - s_start)
                for o in dating
                if (o.value, o.mod) != key and not (o.start < expr.end and expr.start < o.end)
            ]
            title = make_title(
                sentence,
                expr.start - s_start,
                expr.end - s_start,
                language=lang,
                others=others,
            )
            category = categorise(title, sentence, lang)
            events.append(
                EventCandidate(
                    sentence=sentence,
                    sentence_start=s_start,
                    sentence_end=s_end,
                    date=expr,
                    expressions=tuple(inside),
                    title=title,
                    category=category,
                    actors=found_actors,
                    places=places,
                    confidence=confidence(expr, sentence, category),
                )
            )
    return events


def confidence(expr: TemporalExpression, sentence: str, category: str) -> float:
    """How much to trust a candidate, 0..1, from the signals listed at module level.

    Precise, absolute dates in sentences that name a happening score high; a year resolved
    from the previous date in a sentence that only reports a statement scores low.
    """
    score = BASE
    score += PRECISION_BONUS.get(expr.precision or "", -0.1)
    score += ANCHOR_BONUS.get(expr.anchor_kind, 0.0)
    if expr.mod == "APPROX":
        score -= APPROX_PENALTY
    if category == "other":
        score -= NO_KEYWORD_PENALTY
    else:
        score += KEYWORD_BONUS
        if category == "statement":
            score -= STATEMENT_PENALTY
    words = len(_WORD.findall(sentence)) - len(_WORD.findall(expr.text))
    if words < 5:
        score -= SHORT_SENTENCE_PENALTY
    return round(min(0.95, max(0.05, score)), 2)


def _is_article_metadata(sentence: str, expressions: list[TemporalExpression], offset: int) -> bool:
    """A byline or dateline: "Published 28 Feb 2021", "WASHINGTON, August 13 (Xinhua) --".

    Datelines are recognised by having no running text at all: once the dates are taken
    out, no word starts with a lower-case letter.
    """
    if len(sentence) > _METADATA_MAX_CHARS:
        return False
    if _ARTICLE_METADATA.match(sentence):
        return True
    rest = list(sentence)
    for expr in expressions:
        for i in range(max(0, expr.start - offset), min(len(rest), expr.end - offset)):
            rest[i] = " "
    return not any(w[0].islower() and len(w) >= 3 for w in _RUNNING_WORD.findall("".join(rest)))


def _actor_key(actors: Mapping[str, Sequence[str]]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    # A bare string is one alias, not a sequence of one-letter aliases.
    return tuple(
        (name, (aliases,) if isinstance(aliases, str) else tuple(aliases or ()))
        for name, aliases in actors.items()
    )


@lru_cache(maxsize=64)
def _actor_pattern(
    key: tuple[tuple[str, tuple[str, ...]], ...],
) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """One alternation over every name and alias, longest first, and a form -> name map.

    Matching is case-insensitive, except for short all-capital forms ("US", "UN", "IS"),
    which must match as written so that "us" and "is" do not tag actors.
    """
    forms: dict[str, str] = {}
    exact: dict[str, str] = {}
    for name, aliases in key:
        for form in (name, *aliases):
            form = " ".join(str(form).split())
            if not form:
                continue
            if len(form) <= 3 and form.isupper():
                exact.setdefault(form, name)
            else:
                forms.setdefault(form.lower(), name)
    if not forms and not exact:
        return None, {}
    parts = [(form, re.escape(form).replace(r"\ ", r"\s+"), False) for form in forms] + [
        (form, re.escape(form), True) for form in exact
    ]
    parts.sort(key=lambda p: -len(p[0]))
    alternation = "|".join(f"(?-i:{rx})" if is_exact else rx for _f, rx, is_exact in parts)
    pattern = re.compile(r"(?<!\w)(?:" + alternation + r")(?!\w)", re.IGNORECASE)
    lookup = {**{f: n for f, n in forms.items()}, **{f"={f}": n for f, n in exact.items()}}
    return pattern, lookup


def _find_actors(
    sentence: str, compiled: tuple[re.Pattern[str] | None, dict[str, str]]
) -> tuple[str, ...]:
    pattern, lookup = compiled
    if pattern is None:
        return ()
    found: list[str] = []
    for m in pattern.finditer(sentence):
        surface = " ".join(m.group().split())
        name = lookup.get(f"={surface}") or lookup.get(surface.lower())
        if name and name not in found:
            found.append(name)
    return tuple(found)
