"""``manage.py evaluate_extraction DIR``: score the extractor on TimeML files, TempEval-3 style.

A thin wrapper: reading, writing and scoring live in ``timeline.extraction.timeml`` and
``timeline.extraction.evaluation`` (pure Python), so the benchmark and tests use them too.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from timeline.extraction import languages
from timeline.extraction.evaluation import (
    BASELINE,
    DEFAULT_TIME_LIMIT,
    OURS,
    dateparser_timexes,
    evaluate_corpus,
    extractor_output,
    format_table,
    report_to_dict,
)
from timeline.extraction.timeml import find_timeml_files


class Command(BaseCommand):
    help = (
        "Score timeline.extraction.extract on TimeML files (TIMEX3 strict/relaxed P/R/F1, "
        "value F1, type F1, seconds per document), beside bare dateparser.search_dates."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", help="directory searched recursively for *.tml")
        parser.add_argument("--json", action="store_true", help="print the report as JSON")
        parser.add_argument(
            "--write-tml",
            metavar="OUTDIR",
            help="write our output as TimeML to OUTDIR/<input file name>",
        )
        parser.add_argument("--limit", type=int, help="score only the first N files")
        parser.add_argument(
            "--language",
            choices=languages.codes(),
            default="en",
            help="language of the documents, for both systems (default en)",
        )
        parser.add_argument(
            "--no-baseline", action="store_true", help="do not run dateparser.search_dates"
        )
        parser.add_argument(
            "--time-limit",
            type=float,
            default=DEFAULT_TIME_LIMIT,
            help="seconds a system may spend on one document before it counts as no output "
            f"(default {DEFAULT_TIME_LIMIT:g}; 0 disables)",
        )

    def handle(self, *args, **options):
        directory = Path(options["directory"])
        if not directory.is_dir():
            raise CommandError(f"{directory} is not a directory")
        paths = find_timeml_files(directory)
        if options["limit"] is not None:
            if options["limit"] < 0:
                raise CommandError("--limit must be zero or more")
            paths = paths[: options["limit"]]
        if not paths:
            raise CommandError(f"no *.tml files under {directory}")

        language = options["language"]
        systems = {OURS: lambda doc: extractor_output(doc.text, doc.dct, language=language)}
        if not options["no_baseline"]:
            systems[BASELINE] = lambda doc: dateparser_timexes(doc.text, doc.dct, language)
        write_dir = Path(options["write_tml"]) if options["write_tml"] else None

        verbose = options["verbosity"] >= 2 and not options["json"]

        def progress(index, path):
            if verbose:
                self.stderr.write(f"[{index + 1}/{len(paths)}] {path.name}")

        report = evaluate_corpus(
            paths,
            systems,
            write_dir=write_dir,
            time_limit=options["time_limit"] or None,
            progress=progress,
        )
        if options["json"]:
            self.stdout.write(json.dumps(report_to_dict(report), indent=2))
            return
        self.stdout.write(format_table(report))
        for name, system in report.systems.items():
            for line in system.errors[:10]:
                self.stderr.write(f"{name}: {line}")
            if len(system.errors) > 10:
                self.stderr.write(f"{name}: ... {len(system.errors) - 10} more errors")
            for line in system.faults[:10]:
                self.stderr.write(f"{name}: fault: {line}")
            if len(system.faults) > 10:
                self.stderr.write(f"{name}: ... {len(system.faults) - 10} more faults")
        for line in report.skipped:
            self.stderr.write(f"skipped {line}")
        if write_dir is not None:
            self.stdout.write(f"wrote {report.written} TimeML files to {write_dir}")
