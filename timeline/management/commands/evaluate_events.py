"""``manage.py evaluate_events DIR``: score the event layer on hand-annotated event sets.

For each set file (format: ``tests/events/GUIDELINES.md``) the command creates the conflict
and its actors, imports the articles in publication order through
``services.article_create`` (extraction run inline), reads the public events and their
mentions, and rolls everything back, so the database is left as it was (SQLite and
PostgreSQL alike). Alignment and scores live in ``timeline.evaluation.events`` (pure
Python), whose docstring states every choice: gold sentences found by exact substring,
candidates by overlapping sentence spans, preference trigger overlap > equal date text >
first in text order, one-to-one; key clusters = gold events, response clusters = system
events restricted to the aligned gold mentions, unaligned gold mentions as singletons;
a gold event's system event holds most of its aligned mentions (ties: lowest id).

The import helpers here are shared with ``evaluate_timelines``.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import IntegrityError, transaction

from timeline import services
from timeline.evaluation.events import (
    GoldArticle,
    GoldError,
    GoldSet,
    ImportedArticle,
    SetResult,
    format_report,
    gold_files,
    gold_load,
    report_to_dict,
    score_gold_set,
    summarise,
)
from timeline.evaluation.timelines import CrisisArticle
from timeline.models import Actor, Article, Conflict
from timeline.selectors.evaluation import (
    actor_find,
    conflict_name_free,
    event_list_public,
    mention_list_public,
)

PROBLEMS_SHOWN = 20


@contextmanager
def rolled_back() -> Iterator[None]:
    """A transaction that is always rolled back: whatever the evaluation writes is undone
    (a savepoint when already inside a transaction)."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def conflict_create_for_evaluation(
    *, slug: str, name: str, summary: str = "", start_date: datetime.date | None = None
) -> Conflict:
    """A new conflict for one evaluation run, renamed when the database already has one
    of that slug or name (it is rolled back with the rest)."""
    slug, name = conflict_name_free(slug=slug, name=name)
    return Conflict.objects.create(slug=slug, name=name, summary=summary, start_date=start_date)


def article_import(*, conflict: Conflict, source: GoldArticle | CrisisArticle, **fields) -> Article:
    """Store a corpus article (its title, publication date and body, with ``fields``)
    through ``services.article_create`` and extract it now.

    With ``EXTRACT_INLINE`` off the service would queue the extraction for after commit,
    which never comes in a rolled-back run, so the extraction is then run here directly.
    Raises ``IntegrityError`` (same text or URL as a stored article) or
    ``ValidationError`` (a field the model refuses).
    """
    fields |= {"title": source.title, "published": source.published, "body": source.body}
    if settings.EXTRACT_INLINE:
        return services.article_create(conflict=conflict, **fields)
    article = services.article_create(conflict=conflict, run_extraction=False, **fields)
    services.article_extract(article=article)
    return article


def _actors_attach(gold: GoldSet, conflict: Conflict) -> None:
    # Actor names are unique across conflicts: an actor the database already has takes the
    # set's kind and aliases for this run (rolled back), so the extractor sees the gold's.
    for spec in gold.actors:
        actor = actor_find(name=spec.name)
        if actor is None:
            actor = Actor(name=spec.name)
        actor.kind = spec.kind
        actor.aliases = list(spec.aliases)
        actor.save()
        actor.conflicts.add(conflict)


def _reason(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return "; ".join(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items())
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


class Command(BaseCommand):
    help = (
        "Score the event layer on hand-annotated event sets (one JSON file per conflict, "
        "tests/events/GUIDELINES.md): each set's articles are imported in publication order "
        "in a transaction that is rolled back. Prints, per set, per language of the "
        "mention's article and overall: mention detection P/R/F1 and cross-document "
        "coreference (MUC, B³, CEAF-e, CoNLL F1) over mentions; date, factuality, category "
        "macro-F1 and title ROUGE-1/ROUGE-L F of each gold event's system event, over the "
        "gold events found and over all of them. Alignment: each gold "
        "sentence is found in its stored article by exact substring; candidates are that "
        "article's system mentions whose sentence span overlaps it; one-to-one, preferring "
        "a trigger span overlapping the gold trigger, then an expression_text equal to the "
        "gold date_text, then the first in text order. Key clusters are the gold events; "
        "response clusters the system events restricted to aligned gold mentions, "
        "unaligned ones as singletons. A gold event's system event holds most of its "
        "aligned mentions (ties: lowest id). Details: timeline/evaluation/events.py."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "directory", type=Path, help="folder of event-set *.json files (or one file)"
        )
        parser.add_argument("--json", action="store_true", help="print the report as JSON")

    def handle(self, *args, **options) -> None:
        path: Path = options["directory"]
        if not path.exists():
            raise CommandError(f"{path} does not exist")
        paths = gold_files(path)
        if not paths:
            raise CommandError(f"no *.json event sets in {path}")
        try:
            sets = [gold_load(p) for p in paths]
        except GoldError as exc:
            raise CommandError(str(exc)) from None

        results = []
        for gold in sets:
            if options["verbosity"] >= 2:
                self.stderr.write(f"{gold.name}: importing {len(gold.articles)} articles")
            results.append(self._run(gold))

        per_set = [summarise([r], name=r.name) for r in results]
        overall = summarise(results, name=f"overall ({len(results)} sets)")
        if options["json"]:
            self.stdout.write(json.dumps(report_to_dict(per_set, overall), indent=2))
        else:
            self.stdout.write(format_report(per_set, overall), ending="")
        for line in overall.problems[:PROBLEMS_SHOWN]:
            self.stderr.write(line)
        if len(overall.problems) > PROBLEMS_SHOWN:
            self.stderr.write(f"... {len(overall.problems) - PROBLEMS_SHOWN} more problems")

    def _run(self, gold: GoldSet) -> SetResult:
        problems: list[str] = []
        imported: dict[str, ImportedArticle] = {}
        with rolled_back():
            conflict = conflict_create_for_evaluation(
                slug=gold.conflict.slug,
                name=gold.conflict.name,
                summary=gold.conflict.summary,
                start_date=gold.conflict.start_date,
            )
            _actors_attach(gold, conflict)
            for spec in gold.articles_in_order():
                try:
                    article = article_import(
                        conflict=conflict,
                        source=spec,
                        outlet=spec.outlet,
                        url=spec.url,
                        language=spec.language,
                    )
                except (IntegrityError, ValidationError) as exc:
                    # A gold set is scored whole or not at all.
                    hint = (
                        "; is its text already stored in this database?"
                        if isinstance(exc, IntegrityError)
                        else ""
                    )
                    raise CommandError(
                        f"{gold.name}: article {spec.id} could not be imported "
                        f"({_reason(exc)}){hint}"
                    ) from None
                if article.extraction_status == Article.ExtractionStatus.FAILED:
                    problems.append(
                        f"article {spec.id}: extraction failed: {article.extraction_error}"
                    )
                imported[spec.id] = ImportedArticle(
                    key=article.pk, body=article.body, language=article.language
                )
            events = event_list_public(conflict=conflict)
            mentions = mention_list_public(conflict=conflict)
        return score_gold_set(gold, imported, events, mentions, problems=problems)
