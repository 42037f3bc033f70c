"""Article entry and extraction: create, update, extract."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from timeline.extraction import EXTRACTOR_VERSION, ExtractionError, extract
from timeline.extraction.detection import language_choose
from timeline.models import Actor, Article, Conflict
from timeline.services.common import model_update
from timeline.services.families import article_family_assign
from timeline.services.text import content_hash, line_clean, text_clean

logger = logging.getLogger(__name__)

# A change to one of these re-runs the extractor: they decide what the dates mean.
_EXTRACTION_INPUTS = ("body", "published", "language")
_EXTRACTION_FIELDS = [
    "extraction_status",
    "extraction_error",
    "extractor_version",
    "extracted_at",
    "updated_at",
]


def article_content_hash(*, body: str) -> str:
    """Hash of the body that ignores case and white-space differences (the duplicate guard)."""
    return content_hash(body)


@transaction.atomic
def article_create(
    *,
    conflict: Conflict,
    title: str,
    published: date,
    body: str,
    outlet: str = "",
    url: str = "",
    language: str | None = None,
    created_by=None,
    run_extraction: bool = True,
) -> Article:
    """Store a new article (text cleaned, content hashed) and extract its events.

    ``language`` is any supported code or tag ("it", "pt-BR"); left out or blank, it is
    detected from the text (see :func:`timeline.extraction.detection.language_choose`:
    a language the extractor cannot read is stored as ``und`` with a warning, never
    guessed as English). Validation (empty text, future date, duplicates) belongs to
    ``ArticleForm``; this function trusts its input apart from the database constraints.
    Extraction runs inline when ``settings.EXTRACT_INLINE`` is on, otherwise it is queued
    for the task worker once the article is committed.
    """
    body = text_clean(body).strip()
    choice = language_choose(body, language)
    article = Article(
        conflict=conflict,
        title=line_clean(title)[:500],
        outlet=line_clean(outlet)[:200],
        url=url.strip(),
        published=published,
        language=choice.code,
        language_detected=choice.detected,
        language_warning=choice.warning[:300],
        body=body,
        content_hash=article_content_hash(body=body),
        created_by=created_by,
    )
    article.full_clean(exclude=["content_hash"])
    article.save()
    article_family_assign(article=article)
    if run_extraction:
        article_extract_schedule(article=article)
    return article


def article_extract_schedule(*, article: Article) -> None:
    """Extract now (``settings.EXTRACT_INLINE``) or queue it for the worker on commit."""
    if settings.EXTRACT_INLINE:
        article_extract(article=article)
        return
    from timeline.tasks import extract_article

    transaction.on_commit(lambda: extract_article.enqueue(article_id=article.pk))


def article_update(*, article: Article, changes: dict, user=None) -> Article:
    """Save admin edits to an article; a changed text, date or language re-runs extraction."""
    changes = dict(changes)
    if "body" in changes:
        changes["body"] = text_clean(changes["body"]).strip()
        changes["content_hash"] = article_content_hash(body=changes["body"])
    if "language" in changes or ("body" in changes and article.language_detected):
        # A language given now, or a detected one whose text changed: choose again.
        given = changes.get("language", "" if article.language_detected else article.language)
        choice = language_choose(changes.get("body", article.body), given)
        changes["language"] = choice.code
        changes["language_detected"] = choice.detected
        changes["language_warning"] = choice.warning[:300]
    for name in ("title", "outlet"):
        if name in changes:
            changes[name] = line_clean(changes[name])
    changed = model_update(instance=article, data=changes)
    with transaction.atomic():
        article.full_clean()
        article.save()
        if "body" in changed:
            article_family_assign(article=article)
    if set(changed) & set(_EXTRACTION_INPUTS):
        article_extract(article=article)
    return article


@dataclass
class ExtractionReport:
    """What one run of the extractor did to an article's events."""

    status: str
    # Events this run proposed, existing events a mention of this article joined, and
    # the ids of the events it touched that still stand.
    created: int = 0
    joined: int = 0
    events: list[int] = field(default_factory=list)
    # The article's earlier machine events: changed, left as they were, gone, or kept
    # because an editor handled them.
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    kept: int = 0
    error: str = ""

    def __str__(self) -> str:
        if self.status == Article.ExtractionStatus.FAILED:
            return f"failed: {self.error}"
        return (
            f"{self.created} new events, {self.joined} mentions joined existing events, "
            f"{self.updated} updated, {self.unchanged} unchanged, {self.removed} removed"
        )


def article_extract(*, article: Article) -> ExtractionReport:
    """Run the extractor on an article and store its events and mentions atomically.

    Re-running on an unchanged article finds every mention again and creates nothing new;
    fields an editor has set (``Event.editor_fields``) are never overwritten. A failure
    leaves the article marked failed with the reason and no partial events.
    """
    from timeline.services.joining import event_candidates_store

    conflict_actors = list(Actor.objects.filter(conflicts=article.conflict_id))
    aliases = {actor.name: actor.alias_list for actor in conflict_actors}
    try:
        result = extract(
            article.body,
            published=article.published,
            language=article.language,
            actors=aliases,
            actor_kinds={actor.name: actor.kind for actor in conflict_actors},
        )
    except ExtractionError as exc:
        return _article_mark_failed(article=article, reason=str(exc))
    except Exception as exc:  # a bug in the extractor must not leave the article pending
        logger.exception("extractor crashed on article %s", article.pk)
        return _article_mark_failed(article=article, reason=f"{type(exc).__name__}: {exc}")

    try:
        with transaction.atomic():
            report = ExtractionReport(status=Article.ExtractionStatus.DONE)
            event_candidates_store(
                article=article,
                candidates=result.events,
                actors_by_name={a.name: a for a in conflict_actors},
                version=result.version,
                report=report,
            )
            _article_mark(article=article, status=Article.ExtractionStatus.DONE, reason="")
            article.extractor_version = result.version
            article.extraction_faults = [
                {
                    "rule": f.rule,
                    "text": f.text[:200],
                    "start": f.start,
                    "error": f.error,
                    "message": f.message[:300],
                }
                for f in result.faults
            ]
            article.save(update_fields=[*_EXTRACTION_FIELDS, "extraction_faults"])
    except Exception as exc:  # stored nothing: the atomic block rolled back
        logger.exception("storing extraction results for article %s failed", article.pk)
        return _article_mark_failed(article=article, reason=f"{type(exc).__name__}: {exc}")
    return report


def _article_mark(*, article: Article, status: str, reason: str) -> None:
    article.extraction_status = status
    article.extraction_error = reason[:2000]
    article.extractor_version = EXTRACTOR_VERSION
    article.extracted_at = timezone.now()


def _article_mark_failed(*, article: Article, reason: str) -> ExtractionReport:
    _article_mark(article=article, status=Article.ExtractionStatus.FAILED, reason=reason)
    article.save(update_fields=_EXTRACTION_FIELDS)
    return ExtractionReport(status=Article.ExtractionStatus.FAILED, error=article.extraction_error)
