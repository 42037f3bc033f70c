"""Per-language test data, found by walking ``tests/extraction/spec/<language>/``.

A new language adds files there (``resolution.json``, ``sentences.json``,
``normalise_phrase.json``, ``regression/<set>/*.tml`` with its ``floors.json``), not test
code. Held-out sets (``heldout/<set>/``) are scored once, by hand, and never by the suite.
"""

from __future__ import annotations

import json
from pathlib import Path

SPEC = Path(__file__).parent / "spec"


def languages() -> list[str]:
    """Language codes that have a spec folder."""
    return sorted(p.name for p in SPEC.iterdir() if p.is_dir())


def load(language: str, name: str):
    """The JSON file ``spec/<language>/<name>``, or None when that language has none."""
    path = SPEC / language / name
    if not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def per_language(name: str) -> list[tuple[str, object]]:
    """(language, parsed JSON) for every language that has ``name``."""
    found = [(lang, load(lang, name)) for lang in languages()]
    return [(lang, doc) for lang, doc in found if doc is not None]


def regression_sets() -> list[tuple[str, str, Path]]:
    """(language, set name, folder) for every regression set, in a stable order."""
    return sorted(
        (p.parent.parent.name, p.name, p)
        for p in SPEC.glob("*/regression/*")
        if p.is_dir() and (p / "floors.json").is_file()
    )
