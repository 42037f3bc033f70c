"""Scoring whole timelines against journalists' reference timelines (the Crisis corpus).

Pure Python, no Django: the command imports a topic's articles, reads the public events
through ``timeline.selectors.evaluation`` and hands them here as plain rows.

**Corpus.** ``<corpus>/<language>/<topic>/<YYYY-MM-DD>/<name>.txt`` holds one article per
file, published on the day its folder names; its first non-blank line is the title and
the rest the body (files with no body are skipped). ``<corpus>/<language>/reference/
<topic>.txt`` is the reference timeline: a line ``YYYY-MM-DD``, the lines saying what
happened that day, a line of dashes; a day given twice has its lines joined.

**Measures**, with k = the number of reference days:

* *recall of reference dates*: a reference day is found when some public event has day
  precision and that date (strict), or, relaxed, when some public event of day or week
  precision has an interval containing the day. The modifier is not looked at.
* *date selection F1@k*: the key events are the public events ordered by ``is_key``
  (first), ``importance`` (highest first), ``source_count`` (highest first), then
  ``date_start`` and id; walking down that list, the distinct days of its day-precision
  events are collected until there are k. Precision = correct days / days selected,
  recall = correct days / k (as in Ghalandari & Ifrim, ACL 2020).
* *title ROUGE-1 F*: on each correctly selected day, the titles of the events selected
  for it (those met in the walk, in walk order) against that day's reference lines, both
  taken as one text; averaged over those days (undefined when there are none).
  Tokenisation is :func:`timeline.evaluation.rouge.tokens`.
* two baselines on the same import: *mention-date votes*, each article giving one vote to
  each day-precision date its mentions resolve to, the k days with most votes; and
  *publication days*, the k days on which most articles were published. Ties go to the
  earlier day.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from timeline.evaluation.coref import Score
from timeline.evaluation.rouge import rouge_1

__all__ = [
    "PUBLISHED_BEST",
    "CrisisArticle",
    "TimelineEvent",
    "TopicCorpus",
    "TopicReport",
    "corpus_topics",
    "date_selection",
    "evaluate_topic",
    "format_report",
    "key_events_order",
    "mention_vote_days",
    "publication_days",
    "reference_read",
    "reference_recall",
    "report_to_dict",
    "select_days",
    "titles_rouge",
    "topic_read",
]

# The best published date-selection F1 on the (English) Crisis set: Datewise, Ghalandari
# & Ifrim, "Examining the state-of-the-art in news timeline summarization", ACL 2020.
PUBLISHED_BEST = ("Datewise, ACL 2020, on the English Crisis set", 0.295)
REFERENCE_DIR = "reference"
VOTES = "mention-date votes"
PUBLICATION = "publication days"

_DATE_LINE = re.compile(r"\d{4}-\d{2}-\d{2}")
_RULE_LINE = re.compile(r"-{3,}")


class CorpusError(ValueError):
    """A corpus folder or reference file that does not follow the layout."""


# --- Reading the corpus ----------------------------------------------------------------


@dataclass(frozen=True)
class CrisisArticle:
    path: Path
    published: datetime.date
    title: str
    body: str


@dataclass(frozen=True)
class TopicCorpus:
    topic: str
    articles: tuple[CrisisArticle, ...]  # in publication order, then by file name
    skipped: tuple[str, ...]  # "<path>: <why>" for files not taken
    reference: Mapping[datetime.date, tuple[str, ...]]


def corpus_topics(corpus: Path, language: str) -> list[str]:
    """The topics of a corpus language: its folders that have a reference timeline."""
    root = corpus / language
    if not root.is_dir():
        raise CorpusError(f"{root} is not a directory")
    return sorted(
        p.name
        for p in root.iterdir()
        if p.is_dir()
        and p.name != REFERENCE_DIR
        and (root / REFERENCE_DIR / f"{p.name}.txt").is_file()
    )


def reference_read(path: Path) -> dict[datetime.date, tuple[str, ...]]:
    """A reference timeline: each day and its lines (format in the module docstring)."""
    days: dict[datetime.date, list[str]] = {}
    current: list[str] | None = None
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if _DATE_LINE.fullmatch(line):
            try:
                day = datetime.date.fromisoformat(line)
            except ValueError:
                raise CorpusError(f"{path}:{number}: {line!r} is not a date") from None
            current = days.setdefault(day, [])
        elif _RULE_LINE.fullmatch(line):
            current = None
        elif current is None:
            raise CorpusError(f"{path}:{number}: text outside a dated block")
        else:
            current.append(line)
    return {day: tuple(lines) for day, lines in sorted(days.items())}


def _article_read(path: Path, published: datetime.date) -> CrisisArticle | str:
    """The article in a file, or why it is skipped."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return "not UTF-8 text"
    lines = text.splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return "empty file"
    body = "\n".join(lines[first + 1 :]).strip()
    if not body:
        return "no text after the title line"
    return CrisisArticle(path=path, published=published, title=lines[first].strip(), body=body)


def topic_read(corpus: Path, language: str, topic: str) -> TopicCorpus:
    """A topic's articles (publication order) and reference timeline, files skipped noted."""
    root = corpus / language / topic
    reference_path = corpus / language / REFERENCE_DIR / f"{topic}.txt"
    if not root.is_dir():
        raise CorpusError(f"{root} is not a directory")
    if not reference_path.is_file():
        raise CorpusError(f"{reference_path} is missing")
    articles: list[CrisisArticle] = []
    skipped: list[str] = []
    for day_dir in sorted(p for p in root.iterdir() if p.is_dir()):
        try:
            published = datetime.date.fromisoformat(day_dir.name)
        except ValueError:
            skipped.append(f"{day_dir}: folder name is not a YYYY-MM-DD date")
            continue
        for path in sorted(day_dir.glob("*.txt")):
            read = _article_read(path, published)
            if isinstance(read, str):
                skipped.append(f"{path}: {read}")
            else:
                articles.append(read)
    return TopicCorpus(topic, tuple(articles), tuple(skipped), reference_read(reference_path))


# --- Selecting days ----------------------------------------------------------------


@dataclass(frozen=True)
class TimelineEvent:
    id: int
    title: str
    precision: str
    start: datetime.date
    end: datetime.date
    is_key: bool = False
    importance: float = 0.0
    source_count: int = 0


def key_events_order(events: Iterable[TimelineEvent]) -> list[TimelineEvent]:
    """Events as the key-events list ranks them: key flag, importance, sources, date, id."""
    return sorted(
        events, key=lambda e: (not e.is_key, -e.importance, -e.source_count, e.start, e.id)
    )


def select_days(
    events: Iterable[TimelineEvent], k: int
) -> dict[datetime.date, list[TimelineEvent]]:
    """The first k distinct days of day-precision key events, each with its events met
    on the way (walk order); the walk stops at the k-th day."""
    selected: dict[datetime.date, list[TimelineEvent]] = {}
    if k <= 0:
        return selected
    for event in key_events_order(events):
        if event.precision != "day":
            continue
        if event.start not in selected:
            selected[event.start] = []
        selected[event.start].append(event)
        if len(selected) >= k:
            break
    return selected


def reference_recall(
    events: Iterable[TimelineEvent], days: Iterable[datetime.date]
) -> tuple[float, float]:
    """The share of reference days found among the events: (strict, relaxed)."""
    events = list(events)
    days = set(days)
    if not days:
        return 0.0, 0.0
    exact = {e.start for e in events if e.precision == "day"}
    near = [e for e in events if e.precision in ("day", "week")]
    strict = sum(1 for d in days if d in exact)
    relaxed = sum(1 for d in days if any(e.start <= d <= e.end for e in near))
    return strict / len(days), relaxed / len(days)


def date_selection(selected: Iterable[datetime.date], reference: Iterable[datetime.date]) -> Score:
    """Date-selection precision and recall: correct days over selected, over reference."""
    chosen, gold = set(selected), set(reference)
    hit = len(chosen & gold)
    return Score.of(hit, len(chosen), hit, len(gold))


def _top_days(counts: Counter[datetime.date], k: int) -> list[datetime.date]:
    return sorted(counts, key=lambda d: (-counts[d], d))[: max(k, 0)]


def mention_vote_days(
    article_days: Iterable[Iterable[datetime.date]], k: int
) -> list[datetime.date]:
    """Baseline: each article votes once for each day its mentions resolve to; top k."""
    votes: Counter[datetime.date] = Counter()
    for days in article_days:
        votes.update(set(days))
    return _top_days(votes, k)


def publication_days(published: Iterable[datetime.date], k: int) -> list[datetime.date]:
    """Baseline: the k days on which most articles were published."""
    return _top_days(Counter(published), k)


def titles_rouge(
    selected: Mapping[datetime.date, Sequence[TimelineEvent]],
    reference: Mapping[datetime.date, Sequence[str]],
) -> tuple[float | None, int]:
    """Mean ROUGE-1 F of each correctly selected day's titles against its reference
    lines, and the number of such days (the mean is None when there are none)."""
    scores = [
        rouge_1(" ".join(e.title for e in events), " ".join(reference[day])).f1
        for day, events in selected.items()
        if day in reference
    ]
    return (sum(scores) / len(scores) if scores else None), len(scores)


# --- One topic ---------------------------------------------------------------------


@dataclass
class TopicReport:
    topic: str
    articles: int
    skipped: list[str]
    reference_days: int
    public_events: int
    day_events: int
    recall_strict: float
    recall_relaxed: float
    selected: list[datetime.date]
    ours: Score
    baselines: dict[str, Score]
    rouge_1: float | None
    rouge_days: int
    # "<path>: <reason>" for articles stored whose extraction failed (they add no events).
    failed: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "topic": self.topic,
            "articles": self.articles,
            "skipped": self.skipped,
            "extraction_failed": self.failed,
            "reference_days": self.reference_days,
            "public_events": self.public_events,
            "day_precision_events": self.day_events,
            "reference_date_recall": {"strict": self.recall_strict, "relaxed": self.recall_relaxed},
            "selected_days": [d.isoformat() for d in self.selected],
            "date_selection": {
                "ours": self.ours.as_dict(),
                **{name: s.as_dict() for name, s in self.baselines.items()},
            },
            "title_rouge_1_f": self.rouge_1,
            "title_rouge_days": self.rouge_days,
        }


def evaluate_topic(
    *,
    topic: str,
    reference: Mapping[datetime.date, Sequence[str]],
    events: Sequence[TimelineEvent],
    article_days: Sequence[Iterable[datetime.date]],
    published: Sequence[datetime.date],
    skipped: Sequence[str] = (),
    failed: Sequence[str] = (),
) -> TopicReport:
    """Every measure of one topic, from the import's public events and articles.

    ``article_days`` holds, per imported article, the day-precision dates its mentions
    resolve to; ``published`` the imported articles' publication dates; ``skipped`` and
    ``failed`` note the files not imported and the articles whose extraction failed.
    """
    k = len(reference)
    strict, relaxed = reference_recall(events, reference)
    chosen = select_days(events, k)
    rouge, rouge_days = titles_rouge(chosen, reference)
    return TopicReport(
        topic=topic,
        articles=len(published),
        skipped=list(skipped),
        failed=list(failed),
        reference_days=k,
        public_events=len(events),
        day_events=sum(1 for e in events if e.precision == "day"),
        recall_strict=strict,
        recall_relaxed=relaxed,
        selected=sorted(chosen),
        ours=date_selection(chosen, reference),
        baselines={
            VOTES: date_selection(mention_vote_days(article_days, k), reference),
            PUBLICATION: date_selection(publication_days(published, k), reference),
        },
        rouge_1=rouge,
        rouge_days=rouge_days,
    )


# --- Output -------------------------------------------------------------------------


def _f(x: float | None) -> str:
    return "  n/a" if x is None else f"{x:.3f}"


def _mean(values: Sequence[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return sum(present) / len(present) if present else None


def format_report(reports: Sequence[TopicReport]) -> str:
    """The report as text: each topic, the mean over topics, and the published best."""
    lines: list[str] = []
    for r in reports:
        lines += [
            f"== {r.topic}: {r.articles} articles imported ({len(r.skipped)} skipped, "
            f"{len(r.failed)} failed extraction), "
            f"{r.reference_days} reference dates, {r.public_events} public events "
            f"({r.day_events} of day precision)",
            f"  reference dates found among all events: strict {_f(r.recall_strict)}, "
            f"relaxed (day or week interval) {_f(r.recall_relaxed)}",
            f"  date selection, k = {r.reference_days}{'':<8} P      R      F1",
        ]
        rows = [("ours (key events)", r.ours)] + [
            (f"baseline: {name}", s) for name, s in r.baselines.items()
        ]
        for label, s in rows:
            lines.append(f"    {label:<28} {_f(s.precision)}  {_f(s.recall)}  {_f(s.f1)}")
        lines.append(
            f"  title ROUGE-1 F on the {r.rouge_days} correctly selected days: {_f(r.rouge_1)}"
        )
        lines.append("")
    if len(reports) > 1:
        lines.append(f"== mean over {len(reports)} topics")
        lines.append(
            f"  reference date recall: strict {_f(_mean([r.recall_strict for r in reports]))}, "
            f"relaxed {_f(_mean([r.recall_relaxed for r in reports]))}"
        )
        lines.append(f"  date selection F1@k: ours {_f(_mean([r.ours.f1 for r in reports]))}")
        for name in reports[0].baselines:
            mean = _mean([r.baselines[name].f1 for r in reports])
            lines.append(f"                       baseline {name}: {_f(mean)}")
        lines.append(f"  title ROUGE-1 F: {_f(_mean([r.rouge_1 for r in reports]))}")
        lines.append("")
    label, value = PUBLISHED_BEST
    lines.append(
        f"reference: published best date-selection F1@k {value:.3f}, {label} "
        "(other language and articles: for orientation only)"
    )
    return "\n".join(lines) + "\n"


def report_to_dict(reports: Sequence[TopicReport]) -> dict[str, object]:
    """The report as JSON-ready data, with the mean over topics and the published best."""
    label, value = PUBLISHED_BEST
    return {
        "topics": [r.as_dict() for r in reports],
        "mean": {
            "reference_date_recall_strict": _mean([r.recall_strict for r in reports]),
            "reference_date_recall_relaxed": _mean([r.recall_relaxed for r in reports]),
            "date_selection_f1": {
                "ours": _mean([r.ours.f1 for r in reports]),
                **{
                    name: _mean([r.baselines[name].f1 for r in reports])
                    for name in (reports[0].baselines if reports else {})
                },
            },
            "title_rouge_1_f": _mean([r.rouge_1 for r in reports]),
        },
        "published_best": {"system": label, "date_selection_f1": value},
    }
