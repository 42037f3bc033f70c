"""Throughput of ``timeline.extraction.extract`` against bare ``dateparser.search_dates``.

Usage: ``python tests/benchmarks/bench_extract.py [DIR] [--language CODE] [--limit N]`` (DIR
defaults to ../shared/corpora/te3-train beside the repository, CODE to en). Both run over the
same documents, in that language, in one process; the script prints documents/second and
characters/second for each and the ratio ours / dateparser. ``make bench-extract`` runs it
once per language that has documents (TimeBank for English, the French TimeBank, and the
hand-annotated sets under tests/extraction/spec/<language>/). No Django needed: the
extraction package is pure Python.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from _common import REPO  # before timeline: puts the repository root on sys.path

from timeline.extraction.evaluation import (
    DEFAULT_TIME_LIMIT,
    TimeLimitExceeded,
    dateparser_timexes,
    extractor_timexes,
    limit_time,
)
from timeline.extraction.timeml import TimeMLError, find_timeml_files, read_timeml

DEFAULT_DIR = REPO.parent / "shared" / "corpora" / "te3-train"


def _timed(functions, documents, seconds_limit, language):
    """Wall-clock seconds and failure count per function, over the same documents.

    The functions take turns on each document rather than each running over the whole set,
    so that a change in machine load during the run weighs on both alike.
    """
    totals = dict.fromkeys(functions, 0.0)
    failures = dict.fromkeys(functions, 0)
    for document in documents:
        for name, function in functions.items():
            started = time.perf_counter()
            try:
                with limit_time(seconds_limit):
                    function(document.text, document.dct, language)
            except (Exception, TimeLimitExceeded):
                # A failure or time-out still cost the time spent; it is counted, not hidden.
                failures[name] += 1
            totals[name] += time.perf_counter() - started
    return {name: (totals[name], failures[name]) for name in functions}


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the figures; return the process exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", default=str(DEFAULT_DIR))
    parser.add_argument("--limit", type=int, help="use only the first N documents")
    parser.add_argument("--language", default="en", help="language of the documents (en)")
    parser.add_argument(
        "--time-limit",
        type=float,
        default=DEFAULT_TIME_LIMIT,
        help="seconds one call may take before it counts as failed (0 disables)",
    )
    args = parser.parse_args(argv)

    directory = Path(args.directory)
    if not directory.is_dir():
        print(f"{directory} is not a directory", file=sys.stderr)
        return 2
    documents = []
    for path in find_timeml_files(directory)[: args.limit]:
        try:
            document = read_timeml(path)
        except (OSError, TimeMLError) as exc:
            print(f"skipped {path.name}: {exc}", file=sys.stderr)
            continue
        if document.dct is not None:
            documents.append(document)
    if not documents:
        print(f"no usable *.tml documents under {directory}", file=sys.stderr)
        return 2
    characters = sum(len(d.text) for d in documents)

    # Warm both up (imports, dateparser's language data, compiled patterns, and what the
    # event layer loads on first use: the place gazetteer, the lemmatizer's dictionary)
    # on a few whole documents, so the timing measures steady-state work, not one-off
    # loading that a server or worker pays once.
    for warm in documents[:3]:
        for function in (extractor_timexes, dateparser_timexes):
            try:
                function(warm.text, warm.dct, args.language)
            except Exception as exc:
                print(f"warm-up of {function.__name__} failed: {exc}", file=sys.stderr)

    limit = args.time_limit or None
    results = _timed(
        {"ours (extract)": extractor_timexes, "dateparser.search_dates": dateparser_timexes},
        documents,
        limit,
        args.language,
    )

    print(
        f"{len(documents)} documents, {characters:,} characters from {directory} "
        f"(language {args.language})"
    )
    width = max(len(name) for name in results)
    print(f"{'':<{width}}  {'docs/s':>10}  {'chars/s':>12}  {'seconds':>9}  failed")
    rates = {}
    for name, (seconds, failures) in results.items():
        rates[name] = len(documents) / seconds if seconds else float("inf")
        chars_rate = characters / seconds if seconds else float("inf")
        print(
            f"{name:<{width}}  {rates[name]:>10.2f}  {chars_rate:>12,.0f}  {seconds:>9.2f}  "
            f"{failures}"
        )
    ours, theirs = rates.values()
    print(f"ratio ours / dateparser: {ours / theirs:.2f}x")
    if any(failures for _, failures in results.values()):
        # A failed call is usually a fast one, so failures flatter the rate they belong to.
        print("warning: some calls failed or timed out; the rates above include them")
    return 0


if __name__ == "__main__":
    sys.exit(main())
