"""The resolvers, by concern, now live in :mod:`timeline.extraction.resolvers`.

This module re-exports the names other code imported from here.
"""

from __future__ import annotations

from .resolvers import (
    NEEDS,
    RESOLVERS,
    Context,
    OutOfRange,
    Resolved,
    State,
    duration_value,
)

__all__ = ["NEEDS", "RESOLVERS", "Context", "OutOfRange", "Resolved", "State", "duration_value"]
