"""Import UTF-8 text files as articles of one conflict, extracting their events."""

from __future__ import annotations

import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.html import strip_tags

from timeline import services
from timeline.extraction import languages
from timeline.forms import ArticleForm
from timeline.models import Article, Conflict


class Command(BaseCommand):
    help = (
        "Import article text files into a conflict. Each file becomes one article "
        "(title: --title, else the file's first line) and is run through the extractor."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
        parser.add_argument("--conflict", required=True, help="slug of the conflict")
        parser.add_argument(
            "--published", required=True, help="publication date YYYY-MM-DD (anchors dates)"
        )
        parser.add_argument("--title", default="", help="title (default: first line of file)")
        parser.add_argument("--outlet", default="")
        parser.add_argument("--url", default="", help="source URL (only with a single FILE)")
        parser.add_argument(
            "--language",
            default="",
            choices=[*languages.codes(), languages.NEUTRAL],
            metavar="CODE",
            help="the articles' language, any of the extractor's (it, ar, ru, zh-Hant, ...); "
            "left out, each article's is detected from its text",
        )

    def handle(self, *args, files: list[Path], **opts) -> None:
        try:
            conflict = Conflict.objects.get(slug=opts["conflict"])
        except Conflict.DoesNotExist:
            raise CommandError(f"No conflict with slug {opts['conflict']!r}.") from None
        try:
            published = datetime.date.fromisoformat(opts["published"])
        except ValueError:
            raise CommandError(
                f"--published must be YYYY-MM-DD, not {opts['published']!r}."
            ) from None
        if opts["url"] and len(files) > 1:
            raise CommandError("--url names one article; give a single FILE with it.")

        failures = 0
        for path in files:
            ok = self._import_one(path, conflict=conflict, published=published, opts=opts)
            failures += not ok
        if failures:
            raise CommandError(f"{failures} of {len(files)} file(s) not imported.")

    def _import_one(self, path: Path, *, conflict, published, opts) -> bool:
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            self.stderr.write(f"{path}: not imported: no such file")
            return False
        except UnicodeDecodeError as exc:
            self.stderr.write(f"{path}: not imported: not UTF-8 text ({exc.reason})")
            return False
        except OSError as exc:
            self.stderr.write(f"{path}: not imported: {exc.strerror}")
            return False
        title = opts["title"] or next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
        form = ArticleForm(
            data={
                "conflict": conflict.pk,
                "title": title[:500] or path.stem,
                "outlet": opts["outlet"],
                "url": opts["url"],
                "published": published.isoformat(),
                "language": opts["language"],
                "body": text,
            }
        )
        if not form.is_valid():
            reasons = "; ".join(
                strip_tags(str(err)) for errors in form.errors.values() for err in errors
            )
            self.stderr.write(f"{path}: not imported: {reasons}")
            return False
        data = {name: form.cleaned_data[name] for name in ArticleForm.Meta.fields}
        article = services.article_create(**data)
        if article.extraction_status == Article.ExtractionStatus.FAILED:
            self.stderr.write(
                f"{path}: stored as article {article.pk}, but extraction failed: "
                f"{article.extraction_error}"
            )
            return False
        events = article.mentions.values("event").distinct().count()
        language = article.get_language_display()
        self.stdout.write(
            f"{path}: created article {article.pk} “{article.title}” "
            f"({language}{', detected' if article.language_detected else ''}), "
            f"{article.extraction_status}, {events} event(s)"
        )
        if article.language_warning:
            self.stderr.write(f"{path}: warning: {article.language_warning}")
        return True
