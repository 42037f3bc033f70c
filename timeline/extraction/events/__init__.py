"""Event candidates: the happenings a text reports, dated (being rebuilt; see legacy)."""

from .legacy import build_events, confidence

__all__ = ["build_events", "confidence"]
