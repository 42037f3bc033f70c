"""Every write goes through here, by sub-domain.

- :mod:`.articles`: article entry, update and extraction;
- :mod:`.events`: storing the extractor's candidates, merging, splitting, adding events;
- :mod:`.editorial`: editors' corrections, confirmations, rejections and reverts;
- :mod:`.text`: cleaning of pasted and typed text.

Services are keyword-only, typed, named ``<entity>_<verb>``. Views, admin, commands and
tasks call them; they call the pure extractor in ``timeline.extraction``.
"""

from timeline.services.articles import (
    ExtractionReport,
    article_content_hash,
    article_create,
    article_extract,
    article_update,
)
from timeline.services.common import (
    SYSTEM_EXTRACTOR_USERNAME,
    EventConflictError,
    EventStateError,
    model_update,
    system_user,
)
from timeline.services.editorial import (
    ConflictRow,
    event_confirm,
    event_conflict_rows,
    event_reject,
    event_restore,
    event_revert,
    event_update,
)
from timeline.services.events import (
    event_create,
    event_merge,
    event_merge_target,
    event_split,
)
from timeline.services.text import line_clean, text_clean

__all__ = [
    "SYSTEM_EXTRACTOR_USERNAME",
    "ConflictRow",
    "EventConflictError",
    "EventStateError",
    "ExtractionReport",
    "article_content_hash",
    "article_create",
    "article_extract",
    "article_update",
    "event_confirm",
    "event_conflict_rows",
    "event_create",
    "event_merge",
    "event_merge_target",
    "event_reject",
    "event_restore",
    "event_revert",
    "event_split",
    "event_update",
    "line_clean",
    "model_update",
    "system_user",
    "text_clean",
]
