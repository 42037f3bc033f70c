"""Template helpers for the editorial fragments."""

from __future__ import annotations

from django import template

register = template.Library()

# The DOM id each editing place swaps (partial names equal the ids they replace).
_TARGET_IDS = {"queue": "review-row-{pk}", "list": "event-row-{pk}", "panel": "event-panel"}


@register.filter
def edit_target(pk: int, where: str) -> str:
    """The id of the element an action on event ``pk`` replaces, from ``where`` it started."""
    return _TARGET_IDS.get(where or "panel", "event-panel").format(pk=pk)
