"""Re-run the extractor on stored articles and rebuild the machine's events and joins."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser

from timeline import services
from timeline.models import Article, Conflict

BAR = 30


class Command(BaseCommand):
    help = (
        "Re-extract every article (or a conflict's, or some articles), in publication order, "
        "rebuilding the machine's events and joins without duplicates. What editors did is "
        "kept: fields they set, events they confirmed or rejected, mentions they moved."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--conflict", help="slug of one conflict")
        parser.add_argument("--article", type=int, action="append", default=[], metavar="ID")

    def handle(self, *args, conflict: str | None, article: list[int], **opts) -> None:
        articles = Article.objects.order_by("published", "pk")
        if conflict:
            if not Conflict.objects.filter(slug=conflict).exists():
                raise CommandError(f"No conflict with slug {conflict!r}.")
            articles = articles.filter(conflict__slug=conflict)
        if article:
            articles = articles.filter(pk__in=article)
            missing = set(article) - set(articles.values_list("pk", flat=True))
            if missing:
                raise CommandError(f"No article with id {', '.join(map(str, sorted(missing)))}.")
        total = articles.count()
        counts = {"created": 0, "joined": 0, "removed": 0, "failed": 0}
        for done, item in enumerate(articles.iterator(chunk_size=200), start=1):
            report = services.article_extract(article=item)
            if report.status == Article.ExtractionStatus.FAILED:
                counts["failed"] += 1
                self.stderr.write(f"\n{item.pk} {item.title[:60]}: {report.error}")
            else:
                counts["created"] += report.created
                counts["joined"] += report.joined
                counts["removed"] += report.removed
            self._progress(done, total, counts)
        self.stdout.write(
            f"\nRe-extracted {total} article(s): {counts['created']} new events, "
            f"{counts['joined']} mentions joined existing events, {counts['removed']} mentions "
            f"removed, {counts['failed']} failed."
        )
        if counts["failed"]:
            raise CommandError(f"{counts['failed']} article(s) failed; see above.")

    def _progress(self, done: int, total: int, counts: dict) -> None:
        filled = BAR * done // max(total, 1)
        line = f"[{'#' * filled}{'.' * (BAR - filled)}] {done}/{total} articles"
        if self.stdout.isatty():
            self.stdout.write(f"\r{line}", ending="")
        elif done == total or done % max(1, total // 10) == 0:
            self.stdout.write(line)
