"""TIMEX3 scoring the TempEval-3 way, and the bare-dateparser baseline scored beside us.

Pure Python, no Django. Written from the evaluation description in UzZaman et al. (2013),
"SemEval-2013 Task 1: TempEval-3", section on temporal expression evaluation:

* extraction is scored with **strict** match (identical extent) and **relaxed** match (the
  extents overlap); precision = matched / |system|, recall = matched / |gold|, F1 their
  harmonic mean;
* an attribute (``value``, ``type``) is scored over the relaxed matches: attribute precision
  = |relaxed matches whose attribute is equal| / |system|, attribute recall = the same count
  / |gold|. That F1 equals relaxed F1 × attribute accuracy over the matched pairs, which is
  how the paper also states it;
* everything is micro-averaged: counts are summed over the corpus before dividing.

Matching is one-to-one: identical extents are paired first, then the remaining overlapping
pairs greedily by overlap length, so one long system expression cannot collect credit for
two gold expressions. Only the TIMEX3 inside ``<TEXT>`` are scored (the DCT is given, not
found). This is our own scorer; the official TempEval-3 scorer reads the files written with
``--write-tml`` and is the reference when the two disagree.
"""

from __future__ import annotations

import contextlib
import datetime
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .timeml import TimeMLDocument, TimeMLError, Timex, read_timeml, write_timeml
from .types import Fault

__all__ = [
    "BASELINE",
    "DEFAULT_TIME_LIMIT",
    "OURS",
    "CorpusReport",
    "Counts",
    "SystemOutput",
    "SystemReport",
    "TimeLimitExceeded",
    "dateparser_timexes",
    "evaluate_corpus",
    "extractor_output",
    "extractor_timexes",
    "format_table",
    "limit_time",
    "match_timexes",
    "report_to_dict",
    "score_document",
]

OURS = "ours"
BASELINE = "dateparser"

# A system is a function from a document to its TIMEX3 annotations; it raises to say "no
# output for this document" (the error is recorded, the document is still scored).
System = Callable[[TimeMLDocument], "list[Timex] | SystemOutput"]


@dataclass(frozen=True)
class SystemOutput:
    """A system's annotations of one document with the faults it recorded on the way.

    Systems may return a plain list of :class:`Timex` instead (no faults to report).
    """

    timexes: list[Timex]
    faults: tuple[Fault, ...] = ()


# Per-document wall-clock ceiling. search_dates has inputs it takes minutes on; a document
# that hits the ceiling is scored as "no output" and reported, not waited for.
DEFAULT_TIME_LIMIT = 60.0


def _overlap(a: Timex, b: Timex) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def match_timexes(gold: Sequence[Timex], system: Sequence[Timex]) -> list[tuple[Timex, Timex]]:
    """Pair gold and system annotations one-to-one by relaxed (overlap) match.

    Pairs with identical extents are made first, so every strict match is also the relaxed
    pair its attributes are judged on; the remaining overlapping pairs are taken greedily,
    largest overlap first (ties: leftmost). Returns (gold, system) pairs in gold text order.
    """
    pairs: list[tuple[int, int]] = []
    used_gold: set[int] = set()
    used_system: set[int] = set()

    by_span: dict[tuple[int, int], list[int]] = {}
    for j, s in enumerate(system):
        by_span.setdefault((s.start, s.end), []).append(j)
    for i, g in enumerate(gold):
        candidates = by_span.get((g.start, g.end))
        if candidates:
            j = candidates.pop(0)
            pairs.append((i, j))
            used_gold.add(i)
            used_system.add(j)

    overlapping = [
        (_overlap(g, s), g.start, i, j)
        for i, g in enumerate(gold)
        if i not in used_gold
        for j, s in enumerate(system)
        if j not in used_system and _overlap(g, s) > 0
    ]
    for _, _, i, j in sorted(overlapping, key=lambda c: (-c[0], c[1], c[2], c[3])):
        if i in used_gold or j in used_system:
            continue
        pairs.append((i, j))
        used_gold.add(i)
        used_system.add(j)

    pairs.sort()
    return [(gold[i], system[j]) for i, j in pairs]


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


@dataclass
class Counts:
    """Match counts for one document or, summed with ``+=``, a whole corpus (micro average).

    ``by_type`` holds, per gold TIMEX3 type, [gold, strict, relaxed, value-correct] counts:
    a recall breakdown that shows which kind of expression is missed or misnormalised.
    """

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0
    by_type: dict[str, list[int]] = field(default_factory=dict)

    def __iadd__(self, other: Counts) -> Counts:
        self.gold += other.gold
        self.system += other.system
        self.strict += other.strict
        self.relaxed += other.relaxed
        self.value += other.value
        self.type += other.type
        for kind, row in other.by_type.items():
            mine = self.by_type.setdefault(kind, [0, 0, 0, 0])
            for k, n in enumerate(row):
                mine[k] += n
        return self

    def precision(self, matched: int) -> float:
        """``matched`` over the number of system annotations."""
        return _ratio(matched, self.system)

    def recall(self, matched: int) -> float:
        """``matched`` over the number of gold annotations."""
        return _ratio(matched, self.gold)

    def f1(self, matched: int) -> float:
        """Harmonic mean of :meth:`precision` and :meth:`recall` for ``matched``."""
        return _f1(self.precision(matched), self.recall(matched))

    def scores(self) -> dict[str, float]:
        """The TempEval-3 TIMEX3 figures as fractions in [0, 1]."""
        return {
            "strict_precision": self.precision(self.strict),
            "strict_recall": self.recall(self.strict),
            "strict_f1": self.f1(self.strict),
            "relaxed_precision": self.precision(self.relaxed),
            "relaxed_recall": self.recall(self.relaxed),
            "relaxed_f1": self.f1(self.relaxed),
            "value_f1": self.f1(self.value),
            "type_f1": self.f1(self.type),
            "value_accuracy": _ratio(self.value, self.relaxed),
            "type_accuracy": _ratio(self.type, self.relaxed),
        }


def _same(a: str, b: str) -> bool:
    return (a or "").strip() == (b or "").strip()


def score_document(gold: Sequence[Timex], system: Sequence[Timex]) -> Counts:
    """Count strict, relaxed and attribute matches of ``system`` against ``gold``."""
    pairs = match_timexes(gold, system)
    counts = Counts(gold=len(gold), system=len(system), relaxed=len(pairs))
    for g in gold:
        counts.by_type.setdefault(g.type, [0, 0, 0, 0])[0] += 1
    for g, s in pairs:
        row = counts.by_type[g.type]
        row[2] += 1
        if (g.start, g.end) == (s.start, s.end):
            counts.strict += 1
            row[1] += 1
        if _same(g.value, s.value):
            counts.value += 1
            row[3] += 1
        if _same(g.type, s.type):
            counts.type += 1
    return counts


class TimeLimitExceeded(BaseException):
    """Raised inside a :func:`limit_time` block when its time is up.

    A BaseException, so that a system's own ``except Exception`` cannot swallow the alarm.
    """


@contextlib.contextmanager
def limit_time(seconds: float | None) -> Iterator[None]:
    """Raise :class:`TimeLimitExceeded` in the block after ``seconds`` of wall-clock time.

    Uses SIGALRM, so it only acts on the main thread of a Unix process; elsewhere, or with
    ``seconds`` falsy, the block simply runs to the end.
    """
    usable = (
        seconds
        and seconds > 0
        and hasattr(signal, "SIGALRM")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def on_alarm(signum, frame):
        raise TimeLimitExceeded

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _locate(text: str, found: Iterable[tuple[str, object]]) -> Iterator[tuple[int, str, object]]:
    """Yield (offset, substring, payload), finding each substring after the previous one."""
    cursor = 0
    for substring, payload in found:
        if not substring:
            continue
        at = text.find(substring, cursor)
        if at < 0:
            # search_dates occasionally reports matches out of text order.
            at = text.find(substring)
        if at < 0:
            continue
        yield at, substring, payload
        cursor = at + len(substring)


def dateparser_timexes(text: str, dct: datetime.date, language: str = "en") -> list[Timex]:
    """The baseline: bare ``dateparser.search_dates`` turned into TIMEX3 annotations.

    Every returned (substring, datetime) becomes a DATE whose value is the datetime's
    YYYY-MM-DD, anchored where the substring occurs next in the text. This is what a caller
    gets without a tagger, so no filtering or typing is attempted. Exceptions propagate.
    """
    from dateparser.search import search_dates

    base = datetime.datetime.combine(dct, datetime.time())
    # English as it always was (no language given: dateparser detects it); French and
    # Spanish documents are named, so detection cannot fail them.
    settings = {"RELATIVE_BASE": base}
    if language == "en":
        found = search_dates(text, settings=settings) or []
    else:
        found = search_dates(text, languages=[language], settings=settings) or []
    return [
        Timex(
            start=at,
            end=at + len(substring),
            text=substring,
            type="DATE",
            value=moment.date().isoformat(),
        )
        for at, substring, moment in _locate(text, found)
    ]


def extractor_timexes(text: str, dct: datetime.date, language: str = "en") -> list[Timex]:
    """Our extractor's TIMEX3 annotations for ``text`` published on ``dct``."""
    return extractor_output(text, dct, language).timexes


def extractor_output(text: str, dct: datetime.date, language: str = "en") -> SystemOutput:
    """Our extractor's TIMEX3 annotations for ``text`` with the faults it recorded."""
    from . import extract
    from .timeml import timexes_from_expressions
    from .timex_lexicon import lexicon

    result = extract(text, published=dct, language=language)
    durations = lexicon(result.language).feature("timeml_offsets_as_durations")
    timexes = timexes_from_expressions(result.expressions, offsets_as_durations=durations)
    return SystemOutput(timexes, result.faults)


@dataclass
class SystemReport:
    """Corpus totals for one system: counts, time spent, and documents it failed on."""

    name: str
    counts: Counts = field(default_factory=Counts)
    seconds: float = 0.0
    documents: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # Expressions dropped because a rule raised on them (the document was still scored).
    faults: list[str] = field(default_factory=list)

    @property
    def seconds_per_document(self) -> float:
        """Mean wall-clock seconds per document (errors and time-outs included)."""
        return self.seconds / self.documents if self.documents else 0.0


@dataclass
class CorpusReport:
    """What :func:`evaluate_corpus` returns: one :class:`SystemReport` per system."""

    documents: int = 0
    systems: dict[str, SystemReport] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    written: int = 0


def evaluate_corpus(
    paths: Iterable[Path],
    systems: Mapping[str, System],
    *,
    write_dir: Path | None = None,
    write_system: str = OURS,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
    progress: Callable[[int, Path], None] | None = None,
) -> CorpusReport:
    """Run every system on every TimeML file in ``paths`` and score it against the gold.

    Files that cannot be read, or whose DCT has no calendar date to anchor on, are skipped
    for all systems (listed in ``skipped``) so every system is scored on the same gold. A
    system that raises or exceeds ``time_limit`` seconds on a document produces no output
    for it (scored as such, listed in its ``errors``). With ``write_dir``, the output of
    ``write_system`` is written there as TimeML under each input's file name.
    """
    report = CorpusReport(systems={name: SystemReport(name) for name in systems})
    if write_dir is not None:
        write_dir.mkdir(parents=True, exist_ok=True)
    for index, path in enumerate(paths):
        if progress is not None:
            progress(index, path)
        try:
            document = read_timeml(path)
        except (OSError, TimeMLError) as exc:
            report.skipped.append(f"{path.name}: {exc}")
            continue
        if document.dct is None:
            report.skipped.append(f"{path.name}: DCT {document.dct_value!r} has no date")
            continue
        report.documents += 1
        for name, system in systems.items():
            result = report.systems[name]
            started = time.perf_counter()
            try:
                with limit_time(time_limit):
                    output = system(document)
            except TimeLimitExceeded:
                output = []
                result.errors.append(f"{path.name}: no result within {time_limit:g} s")
            except Exception as exc:  # a failing document must not end the evaluation
                output = []
                result.errors.append(f"{path.name}: {type(exc).__name__}: {exc}")
            result.seconds += time.perf_counter() - started
            if isinstance(output, SystemOutput):
                result.faults.extend(
                    f"{path.name}: {f.rule} on {f.text!r} at {f.start}-{f.end}: "
                    f"{f.error}: {f.message}"
                    for f in output.faults
                )
                output = output.timexes
            result.documents += 1
            result.counts += score_document(document.timexes, output)
            if write_dir is not None and name == write_system:
                for warning in write_timeml(write_dir / path.name, document, output):
                    result.warnings.append(f"{path.name}: {warning}")
                report.written += 1
    return report


_COLUMNS = (
    ("strict_precision", "strict_recall", "strict_f1"),
    ("relaxed_precision", "relaxed_recall", "relaxed_f1"),
    ("value_f1",),
    ("type_f1",),
)


def format_table(report: CorpusReport) -> str:
    """The report as a fixed-width text table (figures in percent), plus a footer of totals."""
    name_width = max([len("system"), *(len(n) for n in report.systems)])
    header = (
        f"{'system':<{name_width}} | {'strict P':>8} {'R':>5} {'F1':>5} "
        f"| {'relaxed P':>9} {'R':>5} {'F1':>5} | {'value F1':>8} | {'type F1':>7} | {'s/doc':>7}"
    )
    lines = [header, "-" * len(header)]
    for name, system in report.systems.items():
        s = {k: 100 * v for k, v in system.counts.scores().items()}
        lines.append(
            f"{name:<{name_width}} | {s['strict_precision']:>8.1f} {s['strict_recall']:>5.1f} "
            f"{s['strict_f1']:>5.1f} | {s['relaxed_precision']:>9.1f} "
            f"{s['relaxed_recall']:>5.1f} {s['relaxed_f1']:>5.1f} | {s['value_f1']:>8.1f} "
            f"| {s['type_f1']:>7.1f} | {system.seconds_per_document:>7.3f}"
        )
    gold = next(iter(report.systems.values())).counts.gold if report.systems else 0
    lines.append("")
    lines.append(f"{report.documents} documents, {gold} gold TIMEX3")
    for name, system in report.systems.items():
        lines.append(
            f"{name}: {system.counts.system} TIMEX3 output, {len(system.errors)} documents "
            f"without output (errors/time-outs), {len(system.warnings)} warnings, "
            f"{len(system.faults)} faults"
        )
    if report.skipped:
        lines.append(f"skipped files: {len(report.skipped)}")
    return "\n".join(lines)


def report_to_dict(report: CorpusReport) -> dict[str, object]:
    """The report as JSON-ready data: fractions in [0, 1], raw counts and error lists."""
    return {
        "documents": report.documents,
        "skipped": list(report.skipped),
        "written": report.written,
        "systems": {
            name: {
                **system.counts.scores(),
                "seconds_per_document": system.seconds_per_document,
                "seconds": system.seconds,
                "counts": {
                    "gold": system.counts.gold,
                    "system": system.counts.system,
                    "strict": system.counts.strict,
                    "relaxed": system.counts.relaxed,
                    "value": system.counts.value,
                    "type": system.counts.type,
                },
                "recall_by_gold_type": {
                    kind: dict(zip(("gold", "strict", "relaxed", "value"), row, strict=True))
                    for kind, row in sorted(system.counts.by_type.items())
                },
                "errors": list(system.errors),
                "warnings": list(system.warnings),
                "faults": list(system.faults),
            }
            for name, system in report.systems.items()
        },
    }
