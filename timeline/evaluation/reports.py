"""Scores as plain data for ``--json``: a report dataclass's fields, in order."""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Mapping


def plain(value: object) -> object:
    """``value`` as JSON-ready data: objects with ``as_dict`` through it, mappings and
    sequences item by item, dates as ISO text."""
    if hasattr(value, "as_dict"):
        return value.as_dict()
    if isinstance(value, Mapping):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def fields_dict(report: object, **renamed: str) -> dict[str, object]:
    """A dataclass ``report``'s fields as plain data, under the names ``renamed`` gives
    (field name -> key), the others under their own."""
    return {
        renamed.get(f.name, f.name): plain(getattr(report, f.name))
        for f in dataclasses.fields(report)
    }
