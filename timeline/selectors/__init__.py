"""Every read the pages, the API and the exports need, by sub-domain.

- :mod:`.reader`: conflicts, timelines, events and comparisons as readers see them;
- :mod:`.editorial`: the review queue, duplicate suggestions and history for editors.

Selectors are keyword-only, typed, named ``<entity>_<verb>``, and only read.
"""

from timeline.filters import PUBLIC_STATUSES, TimelineFilters
from timeline.selectors.editorial import (
    DuplicateSuggestion,
    HistoryEntry,
    ReviewRow,
    event_anchor,
    event_duplicates,
    event_for_review,
    event_history,
    event_last_editor,
    event_mention_history,
    events_get,
    mention_get,
    review_queue,
    review_rows,
)
from timeline.selectors.reader import (
    EVENT_PAGE_SIZE,
    Comparison,
    ConflictPage,
    ConflictSummary,
    EventRow,
    Timeline,
    conflict_actors,
    conflict_choices_all,
    conflict_compare,
    conflict_events,
    conflict_get,
    conflict_list,
    conflict_timeline,
    event_detail,
    event_detail_or_none,
    event_row,
)

__all__ = [
    "EVENT_PAGE_SIZE",
    "PUBLIC_STATUSES",
    "Comparison",
    "ConflictPage",
    "ConflictSummary",
    "DuplicateSuggestion",
    "EventRow",
    "HistoryEntry",
    "ReviewRow",
    "Timeline",
    "TimelineFilters",
    "conflict_actors",
    "conflict_choices_all",
    "conflict_compare",
    "conflict_events",
    "conflict_get",
    "conflict_list",
    "conflict_timeline",
    "event_anchor",
    "event_detail",
    "event_detail_or_none",
    "event_duplicates",
    "event_for_review",
    "event_history",
    "event_last_editor",
    "event_mention_history",
    "event_row",
    "events_get",
    "mention_get",
    "review_queue",
    "review_rows",
]
