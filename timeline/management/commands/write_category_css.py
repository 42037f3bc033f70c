"""Write static/timeline/css/categories.css from the category registry."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from timeline import categories

CSS_FILE = Path(settings.BASE_DIR) / "static" / "timeline" / "css" / "categories.css"


class Command(BaseCommand):
    help = "Regenerate the category swatch colours from timeline/categories.py."

    def handle(self, *args, **opts) -> None:
        CSS_FILE.write_text(categories.stylesheet(), encoding="utf-8")
        self.stdout.write(f"Wrote {CSS_FILE.relative_to(settings.BASE_DIR)}.")
