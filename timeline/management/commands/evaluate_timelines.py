"""``manage.py evaluate_timelines CORPUS``: score whole timelines on the Crisis corpus.

For each topic the command imports its articles as one conflict, in publication order,
through ``services.article_create`` (extraction run inline) inside a transaction that is
rolled back, then scores the public events against the reference timeline: recall of the
reference dates, date-selection F1@k of the key events, ROUGE-1 of the selected days'
titles, beside two baselines computed on the same import. Reading and scoring live in
``timeline.evaluation.timelines`` (pure Python), whose docstring states every choice.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import IntegrityError
from django.utils.text import slugify

from timeline.evaluation.timelines import (
    CorpusError,
    TopicCorpus,
    TopicReport,
    corpus_topics,
    evaluate_topic,
    format_report,
    report_to_dict,
    topic_read,
)
from timeline.management.commands.evaluate_events import (
    article_import,
    conflict_create_for_evaluation,
    rolled_back,
)
from timeline.models import Article
from timeline.selectors.evaluation import (
    article_list_mention_days,
    article_list_published,
    event_list_timeline,
)


class Command(BaseCommand):
    help = (
        "Score timelines on a Crisis-style corpus (CORPUS/<language>/<topic>/<YYYY-MM-DD>/"
        "*.txt, first line the title; CORPUS/<language>/reference/<topic>.txt). Each topic "
        "is imported as one conflict in a rolled-back transaction; prints the recall of "
        "reference dates (strict: a day-precision event on the day; relaxed: a day- or "
        "week-precision event whose interval holds it), the date-selection P/R/F1 of the "
        "top-k key events (k = reference dates; key order: is_key, importance, "
        "source_count, date), the ROUGE-1 F of the selected days' titles against the "
        "reference lines, two baselines (mention-date votes per article; days with most "
        "articles) and the published best F1@k for orientation."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("corpus", type=Path, help="the corpus folder (holds <language>/)")
        parser.add_argument(
            "--topic",
            action="append",
            dest="topics",
            metavar="T",
            help="score only this topic (repeatable; default: every topic with a reference)",
        )
        parser.add_argument(
            "--language",
            default="fr",
            choices=[c.value for c in Article.Language],
            help="the corpus language folder, also the articles' language (default fr)",
        )
        parser.add_argument("--json", action="store_true", help="print the report as JSON")

    def handle(self, *args, **options) -> None:
        corpus: Path = options["corpus"]
        language: str = options["language"]
        try:
            available = corpus_topics(corpus, language)
            topics = options["topics"] or available
            unknown = sorted(set(topics) - set(available))
            if unknown:
                raise CommandError(
                    f"no topic {', '.join(unknown)} with a reference timeline in "
                    f"{corpus / language} (topics: {', '.join(available) or 'none'})"
                )
            if not topics:
                raise CommandError(f"no topics with a reference timeline in {corpus / language}")
            corpora = [topic_read(corpus, language, t) for t in topics]
        except CorpusError as exc:
            raise CommandError(str(exc)) from None

        reports = [self._run(c, language=language, verbosity=options["verbosity"]) for c in corpora]
        if options["json"]:
            self.stdout.write(json.dumps(report_to_dict(reports), indent=2))
        else:
            self.stdout.write(format_report(reports), ending="")

    def _run(self, corpus: TopicCorpus, *, language: str, verbosity: int) -> TopicReport:
        if verbosity >= 1:
            self.stderr.write(f"{corpus.topic}: importing {len(corpus.articles)} articles")
        skipped = list(corpus.skipped)
        failed: list[str] = []
        with rolled_back():
            conflict = conflict_create_for_evaluation(
                slug=f"evaluation-{slugify(corpus.topic)}"[:100],
                name=f"Evaluation: {corpus.topic} ({language})",
            )
            for index, item in enumerate(corpus.articles, start=1):
                try:
                    article = article_import(conflict=conflict, source=item, language=language)
                except IntegrityError:
                    skipped.append(f"{item.path}: same text as an article already stored")
                    continue
                except ValidationError as exc:
                    skipped.append(f"{item.path}: {'; '.join(exc.messages)}")
                    continue
                if article.extraction_status == Article.ExtractionStatus.FAILED:
                    failed.append(f"{item.path}: {article.extraction_error}")
                if verbosity >= 2:
                    self.stderr.write(f"  [{index}/{len(corpus.articles)}] {item.path.name}")
            events = event_list_timeline(conflict=conflict)
            article_days = article_list_mention_days(conflict=conflict)
            published = article_list_published(conflict=conflict)
        if verbosity >= 1:
            for line in skipped:
                self.stderr.write(f"skipped {line}")
            for line in failed:
                self.stderr.write(f"extraction failed: {line}")
        return evaluate_topic(
            topic=corpus.topic,
            reference=corpus.reference,
            events=events,
            article_days=article_days,
            published=published,
            skipped=skipped,
            failed=failed,
        )
