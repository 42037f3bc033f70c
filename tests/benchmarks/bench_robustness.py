"""How long the extractor takes on inputs known to be slow or to fail somewhere.

Usage: ``python tests/benchmarks/bench_robustness.py [--repeat N]``. For each pathological
input (``tests/extraction/pathological.py``) and language (every full resource, the
generic path for Ukrainian, Persian, Turkish, Chinese and Hebrew, the neutral grammar),
prints the seconds the tagger,
``normalise_phrase`` and the sentence splitter take, the budget each has, and the worst
ratio. The test suite checks only what these inputs give; the figures live here.
"""

from __future__ import annotations

import argparse
import datetime
import time

import _common  # noqa: F401 - before tests and timeline: puts the repository root on sys.path

from tests.extraction.pathological import (
    KNOWN_BAD,
    KNOWN_BAD_PHRASES,
    MEGABYTE_TEXTS,
)
from timeline.extraction.languages import full_codes
from timeline.extraction.sentences import split_sentences
from timeline.extraction.tagger import normalise_phrase, tag
from timeline.extraction.types import ExtractionError

PUBLISHED = datetime.date(2021, 2, 28)
TAG_BUDGET = 20.0
PHRASE_BUDGET = 5.0
SPLIT_BUDGET = 10.0


def _best(function, repeat: int) -> tuple[float, str]:
    """Best wall-clock seconds of ``repeat`` runs, and what the call gave."""
    best = float("inf")
    outcome = ""
    for _ in range(repeat):
        started = time.perf_counter()
        try:
            result = function()
            outcome = f"{len(result)} found" if isinstance(result, list) else str(result)[:30]
        except ExtractionError as exc:
            outcome = f"ExtractionError: {exc}"
        best = min(best, time.perf_counter() - started)
    return best, outcome


def _tag(text: str, language: str):
    return lambda: tag(
        text,
        published=PUBLISHED,
        language=language,
        sentences=[(0, len(text))] if text else [],
        deadline=time.monotonic() + TAG_BUDGET,
    )


def main(argv: list[str] | None = None) -> int:
    """Time every pathological input and print one line each; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="runs per input (best kept)")
    args = parser.parse_args(argv)
    rows: list[tuple[str, str, float, float, str]] = []
    # Every full resource, the languages checked through the generic path, a right-to-left
    # and a CJK one on the generic path, and the neutral grammar of unknown codes.
    for language in sorted({*full_codes(), "uk", "fa", "tr", "zh", "he", "xx"}):
        for i, text in enumerate(KNOWN_BAD):
            seconds, outcome = _best(_tag(text, language), args.repeat)
            rows.append(("tag", f"{language} #{i}", seconds, TAG_BUDGET, outcome))
    for i, phrase in enumerate(KNOWN_BAD_PHRASES):
        seconds, outcome = _best(
            lambda p=phrase: normalise_phrase(p, anchor=PUBLISHED), args.repeat
        )
        rows.append(("normalise_phrase", f"#{i}", seconds, PHRASE_BUDGET, outcome))
    for name, text in sorted(MEGABYTE_TEXTS.items()):
        seconds, outcome = _best(lambda t=text: split_sentences(t), args.repeat)
        rows.append(("split_sentences", name, seconds, SPLIT_BUDGET, outcome))
    print(f"{'stage':<17} {'input':<12} {'seconds':>8} {'budget':>7}  outcome")
    for stage, name, seconds, budget, outcome in rows:
        print(f"{stage:<17} {name:<12} {seconds:>8.3f} {budget:>7.1f}  {outcome}")
    worst = max(rows, key=lambda r: r[2] / r[3])
    print(
        f"worst: {worst[0]} {worst[1]} at {worst[2]:.3f} s, "
        f"{100 * worst[2] / worst[3]:.1f}% of its budget"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
