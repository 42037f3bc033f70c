"""Scoring the event layer on hand-annotated event sets (``tests/events/GUIDELINES.md``).

Pure Python, no Django: the command imports a set's articles, reads the public events and
their mentions through ``timeline.selectors.evaluation`` and hands them here as plain rows.

**Alignment.** Every gold mention is paired with at most one system mention, and a system
mention with at most one gold mention:

1. the gold sentence (in Unicode NFC, as ``services.text.text_clean`` stores bodies) is
   found in the stored article body by exact substring search (first occurrence; a
   sentence that is not there is reported and stays unaligned);
2. the gold trigger's occurrence in that sentence is its first whole-word, case-sensitive
   match (else case-insensitive, else any substring);
3. the candidates are the system mentions of that article whose sentence span overlaps
   the gold sentence's span;
4. preferences are applied in three passes over all gold mentions of the set (in file
   order), so that a weaker match never takes a system mention a stronger one needs:
   first a candidate whose trigger span overlaps the gold trigger's, then one whose
   ``expression_text`` equals the gold ``date_text``, then the first remaining candidate
   in text order.

**Coreference.** Key clusters are the gold events (their mentions). Response clusters
are the system events restricted to the aligned gold mentions (the gold mentions aligned
to an event's mentions form its cluster); an unaligned gold mention is a response
singleton. Key and response therefore cover the same mentions, and MUC, B³, CEAF-e and
CoNLL F1 (:mod:`timeline.evaluation.coref`) score only how the aligned mentions are
grouped; mention detection is scored beside them: precision = aligned system mentions /
all system mentions of the set's articles, recall = aligned gold mentions / all gold
mentions. Per language, both are restricted to the mentions of articles in that language
(so coreference there is within one language).

**Events.** A gold event's system event is the one holding most of its aligned mentions
(ties: the lowest id); a gold event is *found* when it has at least one aligned mention.
Date accuracy compares ``date_value`` and ``date_mod`` with the gold ``value`` and
``mod`` (and ``date_value`` alone); factuality accuracy compares the event factualities,
and at mention level each aligned system mention's factuality with its gold mention's.
Category macro-F1 averages the per-category F1 over the categories present in the gold.
Title scores are ROUGE-1 and ROUGE-L F (:mod:`timeline.evaluation.rouge`) of the system
title against the best of the gold event's reference titles. Each is given over the gold
events found and over all gold events (an event not found counts as wrong, or 0).
Everything is micro-averaged: the overall figures pool the mentions and events of all sets.
"""

from __future__ import annotations

import datetime
import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from timeline import categories
from timeline.dates import MODS
from timeline.evaluation.coref import CorefScores, Score, coref_scores
from timeline.evaluation.reports import fields_dict
from timeline.evaluation.rouge import rouge_1, rouge_best_f, rouge_l
from timeline.extraction import timex_calendar as cal
from timeline.extraction.events import factuality as fact

__all__ = [
    "GOLD_ACTOR_KINDS",
    "GOLD_FACTUALITIES",
    "Accuracy",
    "Alignment",
    "EventScores",
    "GoldError",
    "GoldSet",
    "ImportedArticle",
    "ScopeScores",
    "SetResult",
    "Summary",
    "SystemEvent",
    "SystemMention",
    "align_mentions",
    "format_report",
    "gold_files",
    "gold_load",
    "macro_f1",
    "report_to_dict",
    "score_gold_set",
    "summarise",
]

# The vocabularies of the gold format (GUIDELINES.md); tests check that they equal the
# model's choices. The factualities are the extractor's own.
GOLD_FACTUALITIES = fact.VALUES
GOLD_ACTOR_KINDS = (
    "state",
    "armed_group",
    "government",
    "mediator",
    "international_body",
    "person",
)
ALL = "all"


class GoldError(ValueError):
    """An event-set file that does not follow the format."""


# --- The gold ------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldConflict:
    slug: str
    name: str
    start_date: datetime.date | None = None
    summary: str = ""


@dataclass(frozen=True)
class GoldActor:
    name: str
    kind: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class GoldArticle:
    id: str
    title: str
    published: datetime.date
    body: str
    language: str = "en"
    outlet: str = ""
    url: str = ""


@dataclass(frozen=True)
class GoldMention:
    id: str  # "<event id>#<n>", n counting the event's mentions from 1
    event_id: str
    article: str
    sentence: str
    trigger: str
    date_text: str
    factuality: str


@dataclass(frozen=True)
class GoldEvent:
    id: str
    value: str
    mod: str
    factuality: str
    category: str
    importance: int | None
    titles: Mapping[str, str]
    mentions: tuple[GoldMention, ...]


@dataclass(frozen=True)
class GoldSet:
    name: str
    conflict: GoldConflict
    actors: tuple[GoldActor, ...]
    articles: tuple[GoldArticle, ...]
    events: tuple[GoldEvent, ...]

    @property
    def mentions(self) -> list[GoldMention]:
        return [m for event in self.events for m in event.mentions]

    def articles_in_order(self) -> list[GoldArticle]:
        """The articles by publication date (file order among those of the same day)."""
        return sorted(self.articles, key=lambda a: a.published)


def gold_files(path: Path) -> list[Path]:
    """The event-set files to score: ``path`` itself, or the ``*.json`` files in it, sorted."""
    if path.is_file():
        return [path]
    return sorted(p for p in path.glob("*.json") if p.is_file())


def _need(obj: Mapping, name: str, kind: type | tuple[type, ...], where: str):
    if name not in obj:
        raise GoldError(f"{where}: {name!r} is missing")
    value = obj[name]
    if not isinstance(value, kind) or (isinstance(value, str) and not value.strip()):
        raise GoldError(f"{where}: {name!r} must be a non-empty {_kind_name(kind)}")
    return value


def _opt(obj: Mapping, name: str, kind: type, where: str, default):
    value = obj.get(name, default)
    if value is None:
        return default
    if not isinstance(value, kind):
        raise GoldError(f"{where}: {name!r} must be a {_kind_name(kind)}")
    return value


def _kind_name(kind: type | tuple[type, ...]) -> str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(
        {str: "string", list: "list", dict: "object", int: "integer"}.get(k, k.__name__)
        for k in kinds
    )


def _iso(value: str, where: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise GoldError(f"{where}: {value!r} is not a YYYY-MM-DD date") from None


def _choice(value: str, allowed: Sequence[str], where: str) -> str:
    if value not in allowed:
        raise GoldError(f"{where}: {value!r} is not one of {', '.join(map(repr, allowed))}")
    return value


def _identified(data: dict, key: str, name: str):
    """(where, object, id) for each object of the list ``data[key]``: each must be an
    object with an "id" no other of the list has."""
    seen: set[str] = set()
    for i, obj in enumerate(_need(data, key, list, name)):
        where = f"{name} {key}[{i}]"
        if not isinstance(obj, dict):
            raise GoldError(f"{where}: must be an object")
        ident = _need(obj, "id", str, where)
        if ident in seen:
            raise GoldError(f"{where}: {key[:-1]} id {ident!r} is used twice")
        seen.add(ident)
        yield where, obj, ident


def gold_load(path: Path) -> GoldSet:
    """Read and check one event-set file; raises :class:`GoldError` saying where it is wrong.

    Checks the shape and vocabularies of GUIDELINES.md (dates, TIMEX3 values and mods,
    factualities, categories, actor kinds, unique ids, mentions naming an article of the
    file). Whether each sentence occurs in its article is checked at alignment, against the
    body as stored.
    """
    name = path.stem
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GoldError(f"{path}: cannot be read as JSON ({exc})") from None
    if not isinstance(data, dict):
        raise GoldError(f"{path}: the top level must be an object")

    c = _need(data, "conflict", dict, name)
    start = _opt(c, "start_date", str, f"{name} conflict", "")
    conflict = GoldConflict(
        slug=_need(c, "slug", str, f"{name} conflict"),
        name=_need(c, "name", str, f"{name} conflict"),
        start_date=_iso(start, f"{name} conflict start_date") if start else None,
        summary=_opt(c, "summary", str, f"{name} conflict", ""),
    )

    actors = []
    for i, a in enumerate(_opt(data, "actors", list, name, [])):
        where = f"{name} actors[{i}]"
        if not isinstance(a, dict):
            raise GoldError(f"{where}: must be an object")
        aliases = _opt(a, "aliases", list, where, [])
        if not all(isinstance(x, str) for x in aliases):
            raise GoldError(f"{where}: 'aliases' must be a list of strings")
        actors.append(
            GoldActor(
                name=_need(a, "name", str, where),
                kind=_choice(_need(a, "kind", str, where), GOLD_ACTOR_KINDS, f"{where} kind"),
                aliases=tuple(aliases),
            )
        )

    articles: dict[str, GoldArticle] = {}
    for where, a, article_id in _identified(data, "articles", name):
        articles[article_id] = GoldArticle(
            id=article_id,
            title=_need(a, "title", str, where),
            published=_iso(_need(a, "published", str, where), f"{where} published"),
            body=_need(a, "body", str, where),
            language=_opt(a, "language", str, where, "en"),
            outlet=_opt(a, "outlet", str, where, ""),
            url=_opt(a, "url", str, where, ""),
        )

    category_values = [cat.value for cat in categories.CATEGORIES]
    events: list[GoldEvent] = []
    for _, e, event_id in _identified(data, "events", name):
        where = f"{name} {event_id}"
        date = _need(e, "date", dict, where)
        value = _need(date, "value", str, f"{where} date")
        if cal.from_value(value) is None:
            raise GoldError(f"{where} date: {value!r} is not a TIMEX3 calendar value")
        titles = _opt(e, "titles", dict, where, {})
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in titles.items()):
            raise GoldError(f"{where}: 'titles' must map language codes to strings")
        importance = e.get("importance")
        if importance is not None and (not isinstance(importance, int) or importance < 1):
            raise GoldError(f"{where}: 'importance' must be 1, 2 or 3")
        mentions = []
        for j, m in enumerate(_need(e, "mentions", list, where), start=1):
            mwhere = f"{where} mentions[{j - 1}]"
            if not isinstance(m, dict):
                raise GoldError(f"{mwhere}: must be an object")
            article = _need(m, "article", str, mwhere)
            if article not in articles:
                raise GoldError(f"{mwhere}: no article {article!r} in this file")
            mentions.append(
                GoldMention(
                    id=f"{event_id}#{j}",
                    event_id=event_id,
                    article=article,
                    sentence=_need(m, "sentence", str, mwhere),
                    trigger=_opt(m, "trigger", str, mwhere, ""),
                    date_text=_opt(m, "date_text", str, mwhere, ""),
                    factuality=_choice(
                        _need(m, "factuality", str, mwhere), GOLD_FACTUALITIES, f"{mwhere}"
                    ),
                )
            )
        events.append(
            GoldEvent(
                id=event_id,
                value=value,
                mod=_choice(_opt(date, "mod", str, f"{where} date", ""), MODS, f"{where} mod"),
                factuality=_choice(
                    _need(e, "factuality", str, where), GOLD_FACTUALITIES, f"{where} factuality"
                ),
                category=_choice(
                    _need(e, "category", str, where), category_values, f"{where} category"
                ),
                importance=importance,
                titles=dict(titles),
                mentions=tuple(mentions),
            )
        )
    return GoldSet(
        name=name,
        conflict=conflict,
        actors=tuple(actors),
        articles=tuple(articles.values()),
        events=tuple(events),
    )


# --- The system, as plain rows ---------------------------------------------------------


@dataclass(frozen=True)
class ImportedArticle:
    """A gold article as stored: its database id, stored body and language."""

    key: int
    body: str
    language: str


@dataclass(frozen=True)
class SystemEvent:
    """A stored event, as the scorer reads it."""

    id: int
    # Its date as TimeML writes it.
    date_value: str
    date_mod: str
    factuality: str
    category: str
    title: str


@dataclass(frozen=True)
class SystemMention:
    id: int
    event_id: int
    article_id: int
    sentence_start: int
    sentence_end: int
    trigger_start: int | None
    trigger_end: int | None
    expression_text: str
    expression_start: int
    factuality: str


# --- Alignment -------------------------------------------------------------------------


@dataclass(frozen=True)
class Alignment:
    """Gold mention id -> system mention id, one-to-one; and what could not be located."""

    pairs: Mapping[str, int]
    problems: tuple[str, ...] = ()


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def _trigger_offset(sentence: str, trigger: str) -> int:
    """Where the trigger first occurs in the sentence (-1 when it does not)."""
    if not trigger:
        return -1
    word = re.compile(rf"(?<!\w){re.escape(trigger)}(?!\w)")
    for pattern in (word, re.compile(word.pattern, re.IGNORECASE)):
        found = pattern.search(sentence)
        if found:
            return found.start()
    return sentence.find(trigger)


def align_mentions(
    gold: GoldSet,
    articles: Mapping[str, ImportedArticle],
    system: Sequence[SystemMention],
) -> Alignment:
    """Pair gold mentions with system mentions one-to-one (rules in the module docstring).

    ``articles`` maps gold article ids to the stored articles; a gold article missing from
    it (not imported) leaves its mentions unaligned.
    """
    by_article: dict[int, list[SystemMention]] = defaultdict(list)
    for sm in system:
        by_article[sm.article_id].append(sm)
    for mentions in by_article.values():
        mentions.sort(
            key=lambda m: (
                m.sentence_start,
                m.trigger_start if m.trigger_start is not None else m.expression_start,
                m.id,
            )
        )

    problems: list[str] = []
    located: list[tuple[GoldMention, list[SystemMention], tuple[int, int] | None]] = []
    for gm in gold.mentions:
        article = articles.get(gm.article)
        if article is None:
            problems.append(f"{gm.id}: article {gm.article} was not imported")
            continue
        sentence = _nfc(gm.sentence).strip()
        start = article.body.find(sentence)
        if start < 0:
            problems.append(f"{gm.id}: sentence not found in article {gm.article}")
            continue
        end = start + len(sentence)
        offset = _trigger_offset(sentence, _nfc(gm.trigger).strip())
        trigger_span = None
        if offset >= 0:
            trigger_span = (start + offset, start + offset + len(_nfc(gm.trigger).strip()))
        elif gm.trigger:
            problems.append(f"{gm.id}: trigger {gm.trigger!r} not found in its sentence")
        candidates = [
            sm
            for sm in by_article.get(article.key, [])
            if _overlaps(sm.sentence_start, sm.sentence_end, start, end)
        ]
        located.append((gm, candidates, trigger_span))

    def by_trigger(gm: GoldMention, sm: SystemMention, span: tuple[int, int] | None) -> bool:
        return (
            span is not None
            and sm.trigger_start is not None
            and sm.trigger_end is not None
            and _overlaps(sm.trigger_start, sm.trigger_end, *span)
        )

    def by_date_text(gm: GoldMention, sm: SystemMention, span: tuple[int, int] | None) -> bool:
        return _nfc(sm.expression_text).strip() == _nfc(gm.date_text).strip()

    def anything(gm: GoldMention, sm: SystemMention, span: tuple[int, int] | None) -> bool:
        return True

    pairs: dict[str, int] = {}
    used: set[int] = set()
    for accept in (by_trigger, by_date_text, anything):
        for gm, candidates, span in located:
            if gm.id in pairs:
                continue
            for sm in candidates:
                if sm.id not in used and accept(gm, sm, span):
                    pairs[gm.id] = sm.id
                    used.add(sm.id)
                    break
    return Alignment(pairs=pairs, problems=tuple(problems))


# --- Scores of one set ---------------------------------------------------------------

MentionRef = tuple[str, str]  # (set name, gold mention id): unique across sets


@dataclass(frozen=True)
class MentionOutcome:
    ref: MentionRef
    language: str
    factuality: str
    system_factuality: str | None  # None: not aligned


@dataclass(frozen=True)
class EventOutcome:
    gold: GoldEvent
    system: SystemEvent | None  # None: not found


@dataclass
class SetResult:
    """What one set's run produced, before any ratio: pooled by :func:`summarise`."""

    name: str
    articles: int
    system_events: int
    key: list[frozenset[MentionRef]]
    response: list[frozenset[MentionRef]]
    mentions: list[MentionOutcome]
    system_mentions: Counter[str]  # per language of the mention's article
    events: list[EventOutcome]
    problems: list[str] = field(default_factory=list)


def score_gold_set(
    gold: GoldSet,
    articles: Mapping[str, ImportedArticle],
    events: Sequence[SystemEvent],
    mentions: Sequence[SystemMention],
    *,
    problems: Sequence[str] = (),
) -> SetResult:
    """Align a set's gold mentions with the system's and gather what the scores need.

    ``articles`` are the set's stored articles (by gold id), ``events`` and ``mentions``
    the public system events of its conflict and their mentions; ``problems`` are notes
    from the import (failed extractions) carried into the result.
    """
    keys = {a.key for a in articles.values()}
    language_of = {a.key: a.language for a in articles.values()}
    mentions = [m for m in mentions if m.article_id in keys]
    alignment = align_mentions(gold, articles, mentions)
    system_by_id = {m.id: m for m in mentions}
    event_by_id = {e.id: e for e in events}
    gold_language = {
        a.id: (articles[a.id].language if a.id in articles else a.language) for a in gold.articles
    }

    key: list[frozenset[MentionRef]] = []
    response: dict[object, set[MentionRef]] = defaultdict(set)
    outcomes: list[MentionOutcome] = []
    event_outcomes: list[EventOutcome] = []
    for event in gold.events:
        key.append(frozenset((gold.name, m.id) for m in event.mentions))
        votes: Counter[int] = Counter()
        for m in event.mentions:
            ref = (gold.name, m.id)
            sm = system_by_id.get(alignment.pairs.get(m.id, -1))
            if sm is None:
                response[("alone", ref)].add(ref)
            else:
                response[sm.event_id].add(ref)
                votes[sm.event_id] += 1
            outcomes.append(
                MentionOutcome(
                    ref=ref,
                    language=gold_language[m.article],
                    factuality=m.factuality,
                    system_factuality=sm.factuality if sm else None,
                )
            )
        system_event = None
        if votes:
            best = max(votes.values())
            system_event = event_by_id.get(min(e for e, n in votes.items() if n == best))
        event_outcomes.append(EventOutcome(gold=event, system=system_event))

    return SetResult(
        name=gold.name,
        articles=len(articles),
        system_events=len(events),
        key=key,
        response=[frozenset(c) for c in response.values()],
        mentions=outcomes,
        system_mentions=Counter(language_of[m.article_id] for m in mentions),
        events=event_outcomes,
        problems=[*problems, *alignment.problems],
    )


# --- Pooled scores ---------------------------------------------------------------------


@dataclass(frozen=True)
class Mean:
    """A score summed over the items found, averaged over those and over all items (an
    item not found scores 0)."""

    score: float
    found: int
    total: int

    @property
    def over_found(self) -> float:
        return self.score / self.found if self.found else 0.0

    @property
    def over_all(self) -> float:
        return self.score / self.total if self.total else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"over_found": self.over_found, "over_all": self.over_all}


class Accuracy(Mean):
    """Correct out of the items found, and out of all items: the mean of a score that is 1
    for a correct item and 0 otherwise (``score`` counts the correct items)."""

    @property
    def correct(self) -> int:
        return int(self.score)

    def as_dict(self) -> dict[str, float | int]:
        return {
            "correct": self.correct,
            "found": self.found,
            "total": self.total,
            **super().as_dict(),
        }


@dataclass(frozen=True)
class ScopeScores:
    """Mention detection, coreference and mention factuality over one scope's mentions."""

    gold_mentions: int
    system_mentions: int
    aligned: int
    detection: Score
    coref: CorefScores
    factuality: Accuracy

    def as_dict(self) -> dict[str, object]:
        return fields_dict(
            self,
            detection="mention_detection",
            coref="coreference",
            factuality="mention_factuality",
        )


@dataclass(frozen=True)
class EventScores:
    """Scores over gold events: how many the system found, and how well it dated,
    classified and titled them."""

    total: int
    found: int
    # Over the gold events found: the date (value and modifier, and value alone).
    date: Accuracy
    date_value: Accuracy
    factuality: Accuracy
    category_f1_found: float
    category_f1_all: float
    title_rouge_1: Mean
    title_rouge_l: Mean

    def as_dict(self) -> dict[str, object]:
        return {
            "gold_events": self.total,
            "found": self.found,
            "found_share": self.found / self.total if self.total else 0.0,
            "date_value_and_mod": self.date.as_dict(),
            "date_value": self.date_value.as_dict(),
            "factuality": self.factuality.as_dict(),
            "category_macro_f1": {
                "over_found": self.category_f1_found,
                "over_all": self.category_f1_all,
            },
            "title_rouge_1_f": self.title_rouge_1.as_dict(),
            "title_rouge_l_f": self.title_rouge_l.as_dict(),
        }


@dataclass(frozen=True)
class Summary:
    name: str
    sets: int
    articles: int
    system_events: int
    scopes: Mapping[str, ScopeScores]  # ALL, then each language
    events: EventScores
    problems: tuple[str, ...]

    def as_dict(self) -> dict[str, object]:
        return fields_dict(self)


def macro_f1(pairs: Sequence[tuple[str, str | None]]) -> float:
    """Macro-averaged F1 over the gold labels present, from (gold, predicted) pairs.

    A predicted label of None (nothing predicted) is wrong for every class; labels only
    the system uses lower the precision of nothing but count against their gold class.
    """
    labels = sorted({g for g, _ in pairs})
    if not labels:
        return 0.0
    total = 0.0
    for label in labels:
        tp = sum(1 for g, p in pairs if g == label and p == label)
        fp = sum(1 for g, p in pairs if g != label and p == label)
        fn = sum(1 for g, p in pairs if g == label and p != label)
        total += 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return total / len(labels)


def _restrict(clusters: Sequence[frozenset[MentionRef]], keep: set[MentionRef]) -> list:
    return [c & keep for c in clusters if c & keep]


def _scope(results: Sequence[SetResult], language: str | None) -> ScopeScores:
    outcomes = [
        o for r in results for o in r.mentions if language is None or o.language == language
    ]
    keep = {o.ref for o in outcomes}
    key = [c for r in results for c in _restrict(r.key, keep)]
    response = [c for r in results for c in _restrict(r.response, keep)]
    aligned = sum(1 for o in outcomes if o.system_factuality is not None)
    system = sum(
        n for r in results for lang, n in r.system_mentions.items() if language in (None, lang)
    )
    return ScopeScores(
        gold_mentions=len(outcomes),
        system_mentions=system,
        aligned=aligned,
        detection=Score.of(aligned, system, aligned, len(outcomes)),
        coref=coref_scores(key, response),
        factuality=Accuracy(
            score=sum(1 for o in outcomes if o.system_factuality == o.factuality),
            found=aligned,
            total=len(outcomes),
        ),
    )


def _events(results: Sequence[SetResult]) -> EventScores:
    outcomes = [o for r in results for o in r.events]
    found = [o for o in outcomes if o.system is not None]

    def accuracy(same) -> Accuracy:
        return Accuracy(
            score=sum(1 for o in found if same(o.gold, o.system)),
            found=len(found),
            total=len(outcomes),
        )

    def mean(metric) -> Mean:
        score = sum(
            rouge_best_f(o.system.title, o.gold.titles.values(), metric=metric) for o in found
        )
        return Mean(score=score, found=len(found), total=len(outcomes))

    return EventScores(
        total=len(outcomes),
        found=len(found),
        date=accuracy(lambda g, s: s.date_value == g.value and s.date_mod == g.mod),
        date_value=accuracy(lambda g, s: s.date_value == g.value),
        factuality=accuracy(lambda g, s: s.factuality == g.factuality),
        category_f1_found=macro_f1([(o.gold.category, o.system.category) for o in found]),
        category_f1_all=macro_f1(
            [(o.gold.category, o.system.category if o.system else None) for o in outcomes]
        ),
        title_rouge_1=mean(rouge_1),
        title_rouge_l=mean(rouge_l),
    )


def summarise(results: Sequence[SetResult], *, name: str) -> Summary:
    """All scores over one or more sets, their mentions and events pooled (micro-average)."""
    languages = sorted({o.language for r in results for o in r.mentions})
    scopes = {ALL: _scope(results, None)}
    for language in languages:
        scopes[language] = _scope(results, language)
    return Summary(
        name=name,
        sets=len(results),
        articles=sum(r.articles for r in results),
        system_events=sum(r.system_events for r in results),
        scopes=scopes,
        events=_events(results),
        problems=tuple(f"{r.name}: {p}" for r in results for p in r.problems),
    )


# --- Output -------------------------------------------------------------------------


def _f(x: float) -> str:
    return f"{x:.3f}"


def _summary_lines(summary: Summary) -> list[str]:
    ev = summary.events
    every = summary.scopes[ALL]
    lines = [
        f"== {summary.name}: {summary.articles} articles, {ev.total} gold events "
        f"({every.gold_mentions} mentions); system: {summary.system_events} public events "
        f"({every.system_mentions} mentions)",
        "  mentions and coreference (P / R / F1; CoNLL = mean of the three F1)",
        f"  {'scope':<6} {'gold':>5} {'sys':>5} {'align':>5}  {'detection':<17}  "
        f"{'MUC':<17}  {'B³':<17}  {'CEAF-e':<17}  {'CoNLL':>5}",
    ]
    # One language only: its row would repeat the "all" row.
    names = list(summary.scopes) if len(summary.scopes) > 2 else [ALL]
    for scope_name in names:
        s = summary.scopes[scope_name]

        def prf(score: Score) -> str:
            return f"{_f(score.precision)} {_f(score.recall)} {_f(score.f1)}"

        lines.append(
            f"  {scope_name:<6} {s.gold_mentions:>5} {s.system_mentions:>5} {s.aligned:>5}  "
            f"{prf(s.detection)}  {prf(s.coref.muc)}  {prf(s.coref.b_cubed)}  "
            f"{prf(s.coref.ceaf_e)}  {_f(s.coref.conll_f1)}"
        )
    share = ev.found / ev.total if ev.total else 0.0
    lines += [
        f"  events found (≥1 aligned mention): {ev.found}/{ev.total} = {_f(share)}",
        f"  {'':<34} {'found':>7} {'all':>7}",
    ]

    def row(label: str, a: float, b: float) -> str:
        return f"  {label:<34} {_f(a):>7} {_f(b):>7}"

    lines += [
        row("date accuracy (value + mod)", ev.date.over_found, ev.date.over_all),
        row("date accuracy (value only)", ev.date_value.over_found, ev.date_value.over_all),
        row("event factuality accuracy", ev.factuality.over_found, ev.factuality.over_all),
        row("category macro-F1", ev.category_f1_found, ev.category_f1_all),
        row("title ROUGE-1 F", ev.title_rouge_1.over_found, ev.title_rouge_1.over_all),
        row("title ROUGE-L F", ev.title_rouge_l.over_found, ev.title_rouge_l.over_all),
    ]
    for scope_name in names:
        fa = summary.scopes[scope_name].factuality
        label = "mention factuality accuracy" + ("" if scope_name == ALL else f" ({scope_name})")
        lines.append(row(label, fa.over_found, fa.over_all) + "  (found = aligned mentions)")
    return lines


def format_report(per_set: Sequence[Summary], overall: Summary | None) -> str:
    """The report as text: each set, then (with more than one set) the pooled figures."""
    lines: list[str] = []
    for summary in per_set:
        lines += [*_summary_lines(summary), ""]
    if overall is not None and len(per_set) > 1:
        lines += _summary_lines(overall)
    return "\n".join(lines).rstrip() + "\n"


def report_to_dict(per_set: Sequence[Summary], overall: Summary) -> dict[str, object]:
    """The report as JSON-ready data: ``{"sets": [...], "overall": {...}}``."""
    return {"sets": [s.as_dict() for s in per_set], "overall": overall.as_dict()}
