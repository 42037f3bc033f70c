"""Load the demo conflicts, actors and articles (idempotent: safe to run on every start)."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from timeline import services
from timeline.models import Actor, Article, Conflict

DEMO_FILE = Path(__file__).resolve().parents[2] / "demo_data" / "demo.json"


class Command(BaseCommand):
    help = "Create the demo peace processes and their articles; existing ones are left alone."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--file", type=Path, default=DEMO_FILE)

    def handle(self, *args, file: Path, **opts) -> None:
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise CommandError(f"Cannot read demo data {file}: {exc}") from exc
        created_articles = skipped = 0
        for spec in data["conflicts"]:
            with transaction.atomic():
                conflict = self._conflict(spec)
            for art in spec["articles"]:
                body = services.text_clean(art["body"]).strip()
                digest = services.article_content_hash(body=body)
                if Article.objects.filter(content_hash=digest).exists() or (
                    art.get("url") and Article.objects.filter(url=art["url"]).exists()
                ):
                    skipped += 1
                    continue
                services.article_create(
                    conflict=conflict,
                    title=art["title"],
                    outlet=art.get("outlet", ""),
                    url=art.get("url", ""),
                    published=datetime.date.fromisoformat(art["published"]),
                    language=art.get("language", "en"),
                    body=body,
                )
                created_articles += 1
        self.stdout.write(
            f"Demo data: {len(data['conflicts'])} conflicts, {created_articles} articles "
            f"created, {skipped} already present."
        )

    def _conflict(self, spec: dict) -> Conflict:
        conflict, _ = Conflict.objects.get_or_create(
            slug=spec["slug"],
            defaults={
                "name": spec["name"],
                "summary": spec.get("summary", ""),
                "start_date": (
                    datetime.date.fromisoformat(spec["start_date"])
                    if spec.get("start_date")
                    else None
                ),
            },
        )
        for a in spec.get("actors", []):
            actor, created = Actor.objects.get_or_create(
                name=a["name"], defaults={"kind": a["kind"], "aliases": a.get("aliases", [])}
            )
            if not created:
                merged = list(dict.fromkeys(actor.alias_list + a.get("aliases", [])))
                if merged != actor.alias_list:
                    actor.aliases = merged
                    actor.save(update_fields=["aliases"])
            actor.conflicts.add(conflict)
        return conflict
