"""Serve plotly.js from the installed plotly package, so the chart library has one pinned
version (requirements.txt) and never comes from a CDN."""

from __future__ import annotations

from pathlib import Path

import plotly
from django.contrib.staticfiles.finders import BaseFinder
from django.core.files.storage import FileSystemStorage

STATIC_PATH = "vendor/plotly/plotly.min.js"
_SOURCE = Path(plotly.__file__).resolve().parent / "package_data" / "plotly.min.js"


class PlotlyFinder(BaseFinder):
    """Finds exactly one file: ``vendor/plotly/plotly.min.js``."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.storage = FileSystemStorage(location=str(_SOURCE.parent))
        self.storage.prefix = "vendor/plotly"

    def check(self, **kwargs):
        from django.core import checks

        if not _SOURCE.is_file():
            return [checks.Error(f"plotly.min.js not found at {_SOURCE}", id="timeline.E001")]
        return []

    def find(self, path: str, find_all: bool = False, **kwargs):
        if path == STATIC_PATH:
            match = str(_SOURCE)
            return [match] if find_all else match
        return [] if find_all else None

    def list(self, ignore_patterns):
        yield "plotly.min.js", self.storage
