"""Every write goes through here: article entry, extraction, and (later) editorial actions.

Services are keyword-only, typed, named ``<entity>_<verb>``. Views, admin, commands and
tasks call them; they call the pure extractor in ``timeline.extraction``.
"""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from timeline.extraction import EXTRACTOR_VERSION, ExtractionError, extract
from timeline.extraction.types import EventCandidate, TemporalExpression
from timeline.models import Actor, Article, Conflict, Event, Mention

logger = logging.getLogger(__name__)

SYSTEM_EXTRACTOR_USERNAME = "system:extractor"

# C0/C1 control characters except tab and newline, plus NUL. PostgreSQL refuses NUL in
# text, SQLite stores it: stripping in Python keeps both databases identical.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_WS = re.compile(r"\s+")


def text_clean(text: str) -> str:
    """Normalise pasted text: Unicode NFC, ``\\n`` line ends, no control characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    # Lone surrogates (from broken copy-paste) cannot be encoded as UTF-8 by either database.
    text = text.encode("utf-8", "replace").decode("utf-8")
    return unicodedata.normalize("NFC", text)


def line_clean(text: str) -> str:
    """A one-line field (title, outlet): cleaned, with runs of white space folded."""
    return _WS.sub(" ", text_clean(text)).strip()


def article_content_hash(*, body: str) -> str:
    """Hash of the body that ignores case and white-space differences (the duplicate guard)."""
    normalised = _WS.sub(" ", text_clean(body)).strip().casefold()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def system_user():
    """The account machine writes are attributed to in history (``system:extractor``)."""
    user_model = get_user_model()
    user, created = user_model.objects.get_or_create(
        username=SYSTEM_EXTRACTOR_USERNAME, defaults={"is_active": False}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


@transaction.atomic
def article_create(
    *,
    conflict: Conflict,
    title: str,
    published: date,
    body: str,
    outlet: str = "",
    url: str = "",
    language: str = Article.Language.ENGLISH,
    created_by=None,
    run_extraction: bool = True,
) -> Article:
    """Store a new article (text cleaned, content hashed) and extract its events.

    Validation (empty text, future date, duplicates) belongs to ``ArticleForm``; this
    function trusts its input apart from the database constraints. Extraction runs inline
    when ``settings.EXTRACT_INLINE`` is on, otherwise it is queued for the task worker
    once the article is committed.
    """
    body = text_clean(body).strip()
    article = Article(
        conflict=conflict,
        title=line_clean(title)[:500],
        outlet=line_clean(outlet)[:200],
        url=url.strip(),
        published=published,
        language=language,
        body=body,
        content_hash=article_content_hash(body=body),
        created_by=created_by,
    )
    article.full_clean(exclude=["content_hash"])
    article.save()
    if run_extraction:
        if settings.EXTRACT_INLINE:
            article_extract(article=article)
        else:
            from timeline.tasks import extract_article

            transaction.on_commit(lambda: extract_article.enqueue(article_id=article.pk))
    return article


@dataclass
class ExtractionReport:
    """What one run of the extractor did to an article's events."""

    status: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    kept: int = 0
    error: str = ""
    events: list[int] = field(default_factory=list)

    def __str__(self) -> str:
        if self.status == Article.ExtractionStatus.FAILED:
            return f"failed: {self.error}"
        return (
            f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.removed} removed"
        )


def article_extract(*, article: Article) -> ExtractionReport:
    """Run the extractor on an article and store its events and mentions atomically.

    Re-running on an unchanged article finds every mention again by its expression span and
    creates nothing new; fields an editor has set (``Event.editor_fields``) are never
    overwritten. A failure leaves the article marked failed with the reason and no partial
    events.
    """
    conflict_actors = list(Actor.objects.filter(conflicts=article.conflict_id))
    aliases = {actor.name: actor.alias_list for actor in conflict_actors}
    try:
        result = extract(
            article.body, published=article.published, language=article.language, actors=aliases
        )
    except ExtractionError as exc:
        return _article_mark_failed(article=article, reason=str(exc))
    except Exception as exc:  # a bug in the extractor must not leave the article pending
        logger.exception("extractor crashed on article %s", article.pk)
        return _article_mark_failed(article=article, reason=f"{type(exc).__name__}: {exc}")

    try:
        with transaction.atomic():
            report = _store_candidates(
                article=article,
                candidates=result.events,
                actors_by_name={a.name: a for a in conflict_actors},
                version=result.version,
            )
            article.extraction_status = Article.ExtractionStatus.DONE
            article.extraction_error = ""
            article.extractor_version = result.version
            article.extracted_at = timezone.now()
            article.save(
                update_fields=[
                    "extraction_status",
                    "extraction_error",
                    "extractor_version",
                    "extracted_at",
                    "updated_at",
                ]
            )
    except Exception as exc:  # stored nothing: the atomic block rolled back
        logger.exception("storing extraction results for article %s failed", article.pk)
        return _article_mark_failed(article=article, reason=f"{type(exc).__name__}: {exc}")
    return report


def _article_mark_failed(*, article: Article, reason: str) -> ExtractionReport:
    article.extraction_status = Article.ExtractionStatus.FAILED
    article.extraction_error = reason[:2000]
    article.extractor_version = EXTRACTOR_VERSION
    article.extracted_at = timezone.now()
    article.save(
        update_fields=[
            "extraction_status",
            "extraction_error",
            "extractor_version",
            "extracted_at",
            "updated_at",
        ]
    )
    return ExtractionReport(status=Article.ExtractionStatus.FAILED, error=article.extraction_error)


def _date_fields(expr: TemporalExpression) -> dict:
    precision = expr.precision if expr.precision in Event.Precision.values else "day"
    mod = expr.mod if expr.mod in Event.Mod.values else ""
    return {
        "date_value": expr.value[:32],
        "date_mod": mod,
        "date_precision": precision,
        "date_start": expr.interval_start,
        "date_end": expr.interval_end,
    }


def _mention_fields(cand: EventCandidate, version: str) -> dict:
    expr = cand.date
    date = _date_fields(expr)
    return {
        "sentence": cand.sentence,
        "sentence_start": cand.sentence_start,
        "sentence_end": cand.sentence_end,
        "expression_text": expr.text[:300],
        "expression_start": expr.start,
        "expression_end": expr.end,
        "expression_type": expr.type,
        "resolved_value": date["date_value"],
        "resolved_mod": date["date_mod"],
        "resolved_precision": date["date_precision"],
        "resolved_start": date["date_start"],
        "resolved_end": date["date_end"],
        "anchor_date": expr.anchor,
        "anchor_kind": expr.anchor_kind[:16],
        "rule": expr.rule[:100],
        "explanation": expr.explanation[:500],
        "extractor_version": version,
    }


def _machine_event_fields(cand: EventCandidate) -> dict:
    """Event values as the extractor proposes them, keyed by editable field group."""
    category = cand.category if cand.category in Event.Category.values else "other"
    title = (cand.title or cand.sentence).strip()[:300] or cand.date.text
    return {
        "title": {"title": title},
        "summary": {"summary": cand.sentence[:2000]},
        "category": {"category": category},
        "places": {"places": list(cand.places)},
        "date": _date_fields(cand.date),
    }


def _store_candidates(
    *,
    article: Article,
    candidates: tuple[EventCandidate, ...],
    actors_by_name: dict[str, Actor],
    version: str,
) -> ExtractionReport:
    report = ExtractionReport(status=Article.ExtractionStatus.DONE)
    extractor = system_user()
    existing = {
        (m.expression_start, m.expression_end): m
        for m in Mention.objects.filter(article=article).select_related("event")
    }
    seen: set[tuple[int, int]] = set()
    for cand in candidates:
        if not cand.date.is_dating:
            continue
        key = (cand.date.start, cand.date.end)
        if key in seen:
            continue
        seen.add(key)
        mention_fields = _mention_fields(cand, version)
        machine = _machine_event_fields(cand)
        actors = [actors_by_name[n] for n in cand.actors if n in actors_by_name]
        mention = existing.get(key)
        if mention is None:
            event = Event(conflict_id=article.conflict_id, confidence=_unit(cand.confidence))
            for values in machine.values():
                for name, value in values.items():
                    setattr(event, name, value)
            event._history_user = extractor
            event.save()
            event.actors.set(actors)
            mention = Mention(event=event, article=article, **mention_fields)
            mention._history_user = extractor
            mention.save()
            report.created += 1
            report.events.append(event.pk)
            continue

        changed_mention = _assign(mention, mention_fields)
        if changed_mention:
            mention._history_user = extractor
            mention.save()
        event = mention.event
        changed_event = False
        # An event that gathers several mentions (a merge) or that editors have handled
        # is theirs: the extractor only refreshes the evidence.
        if event.status == Event.Status.PROPOSED and event.mentions.count() == 1:
            for group, values in machine.items():
                if group not in event.editor_fields:
                    changed_event |= _assign(event, values)
            if "actors" not in event.editor_fields:
                current = set(event.actors.values_list("pk", flat=True))
                if current != {a.pk for a in actors}:
                    event.actors.set(actors)
                    changed_event = True
        if changed_event:
            event.version += 1
            event._history_user = extractor
            event.save()
        report.events.append(event.pk)
        if changed_event or changed_mention:
            report.updated += 1
        else:
            report.unchanged += 1

    for key, mention in existing.items():
        if key in seen:
            continue
        event = mention.event
        untouched = (
            event.status == Event.Status.PROPOSED
            and not event.editor_fields
            and event.mentions.count() == 1
        )
        if untouched:
            event._history_user = extractor
            event.delete()
            report.removed += 1
        else:
            report.kept += 1
    return report


def _assign(obj, values: dict) -> bool:
    changed = False
    for name, value in values.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed = True
    return changed


def _unit(x: float) -> float:
    return max(0.0, min(1.0, float(x)))


class EventConflictError(Exception):
    """Raised when an event changed since the editor loaded it (optimistic lock failed)."""

    def __init__(self, current: Event) -> None:
        super().__init__(f"event {current.pk} is at version {current.version}")
        self.current = current


# Which editable group each model field belongs to (Event.EDITABLE_FIELDS).
_FIELD_GROUP = {
    "title": "title",
    "summary": "summary",
    "category": "category",
    "places": "places",
    "actors": "actors",
    "status": None,
    "date_value": "date",
    "date_mod": "date",
    "date_precision": "date",
    "date_start": "date",
    "date_end": "date",
}


def event_update(*, event: Event, expected_version: int, changes: dict, user) -> Event:
    """Apply an editor's changes if nobody saved the event since ``expected_version``.

    The version is claimed with one conditional UPDATE (the only ``QuerySet.update`` on a
    tracked model), then the changes are saved through ``Model.save`` so history records
    who did what. Every edited field group is added to ``editor_fields`` so re-extraction
    leaves it alone. Raises :class:`EventConflictError` with the current event on a stale
    version.
    """
    unknown = set(changes) - set(_FIELD_GROUP)
    if unknown:
        raise ValueError(f"not editable: {', '.join(sorted(unknown))}")
    changes = dict(changes)
    with transaction.atomic():
        fresh = _event_claim(event_id=event.pk, expected_version=expected_version)
        changes = dict(changes)
        actors = changes.pop("actors", None)
        groups = set()
        for name, value in changes.items():
            # Only a real change marks a field as the editor's: re-saving an untouched
            # form must not freeze the extractor's values.
            if getattr(fresh, name) != value:
                setattr(fresh, name, value)
                if _FIELD_GROUP[name]:
                    groups.add(_FIELD_GROUP[name])
        if actors is not None:
            wanted = {a.pk for a in actors}
            if wanted != set(fresh.actors.values_list("pk", flat=True)):
                groups.add("actors")
            else:
                actors = None
        fresh.editor_fields = sorted(set(fresh.editor_fields) | groups)
        fresh.full_clean(exclude=["conflict"])
        fresh._history_user = user
        fresh._change_reason = "edited: " + ", ".join(sorted(groups))
        fresh.save()
        if actors is not None:
            fresh.actors.set(actors)
    return fresh


def article_update(*, article: Article, changes: dict, user=None) -> Article:
    """Save admin edits to an article; a changed text, date or language re-runs extraction."""
    reextract = False
    for name, value in changes.items():
        if name == "body":
            value = text_clean(value).strip()
            article.content_hash = article_content_hash(body=value)
        if getattr(article, name) != value:
            reextract |= name in ("body", "published", "language")
            setattr(article, name, value)
    with transaction.atomic():
        article.full_clean()
        article.save()
    if reextract:
        article_extract(article=article)
    return article


# --- Editorial ---------------------------------------------------------------------------
# Every editorial write claims the event's next version with the conditional UPDATE in
# ``_event_claim`` and then saves through ``Model.save`` so django-simple-history records who
# did it. Nothing else calls ``QuerySet.update`` on a tracked model.


class EventStateError(ValueError):
    """Raised when an editorial action does not apply to the event as it stands."""


def _event_claim(*, event_id: int, expected_version: int | None) -> Event:
    """Take the event's next version inside the caller's transaction, or raise a conflict.

    ``expected_version=None`` means "whatever is current" (bulk actions): the row is
    locked first so the claim cannot fail between the read and the UPDATE.
    """
    if expected_version is None:
        expected_version = (
            Event.objects.select_for_update().values_list("version", flat=True).get(pk=event_id)
        )
    claimed = Event.objects.filter(pk=event_id, version=expected_version).update(
        version=expected_version + 1
    )
    if not claimed:
        raise EventConflictError(Event.objects.get(pk=event_id))
    return Event.objects.get(pk=event_id)


def _event_save(*, event: Event, user: AbstractBaseUser, reason: str) -> None:
    event._history_user = user
    event._change_reason = reason[:100]
    event.save()


def _event_set_status(
    *, event: Event, status: str, user: AbstractBaseUser, expected_version: int | None, reason: str
) -> Event:
    with transaction.atomic():
        fresh = _event_claim(event_id=event.pk, expected_version=expected_version)
        fresh.status = status
        _event_save(event=fresh, user=user, reason=reason)
    return fresh


def event_confirm(
    *, event: Event, user: AbstractBaseUser, expected_version: int | None = None
) -> Event:
    """Mark an event as confirmed by an editor.

    With ``expected_version`` the action fails with :class:`EventConflictError` if someone
    saved the event since the editor loaded it; without it (bulk confirmation) it applies to
    the current version. Confirmed events are never rewritten by re-extraction.
    """
    return _event_set_status(
        event=event,
        status=Event.Status.CONFIRMED,
        user=user,
        expected_version=expected_version,
        reason="confirmed",
    )


def event_reject(
    *, event: Event, user: AbstractBaseUser, expected_version: int | None = None
) -> Event:
    """Hide an event from readers while keeping it, its mentions and its history.

    A rejected event stays in the database and can be brought back with
    :func:`event_restore`; re-extraction leaves it alone, so the extractor cannot resurrect
    it. Raises :class:`EventConflictError` on a stale ``expected_version``.
    """
    return _event_set_status(
        event=event,
        status=Event.Status.REJECTED,
        user=user,
        expected_version=expected_version,
        reason="rejected",
    )


def event_restore(
    *, event: Event, user: AbstractBaseUser, expected_version: int | None = None
) -> Event:
    """Bring a rejected event back with the status it had before it was rejected.

    The previous status is read from the event's history (proposed when there is none).
    Raises :class:`EventStateError` if the event is not rejected and
    :class:`EventConflictError` on a stale ``expected_version``.
    """
    with transaction.atomic():
        fresh = _event_claim(event_id=event.pk, expected_version=expected_version)
        if fresh.status != Event.Status.REJECTED:
            raise EventStateError("only a rejected event can be restored")
        previous = (
            fresh.history.exclude(status=Event.Status.REJECTED)
            .order_by("-history_date", "-history_id")
            .values_list("status", flat=True)
            .first()
        )
        fresh.status = previous or Event.Status.PROPOSED
        _event_save(event=fresh, user=user, reason="restored")
    return fresh


def event_merge(
    *,
    events: list[Event],
    target: Event,
    user: AbstractBaseUser,
    expected_versions: dict[int, int] | None = None,
) -> Event:
    """Merge events that report the same happening into ``target``, keeping every mention.

    Every mention of the other events moves to ``target`` (each move is a history row of
    the mention); the target gains the union of their actors and places; the emptied events
    are rejected with the reason "merged into event N", so nothing is deleted and a wrong
    merge can be undone with :func:`event_split`. All events must belong to one conflict.
    ``expected_versions`` maps event ids to the versions the editor saw.
    """
    expected_versions = expected_versions or {}
    by_id = {e.pk: e for e in events}
    by_id.setdefault(target.pk, target)
    if len(by_id) < 2:
        raise EventStateError("choose at least two events to merge")
    others = sorted(pk for pk in by_id if pk != target.pk)
    with transaction.atomic():
        # Claim in id order so two overlapping merges cannot deadlock each other.
        claimed = {
            pk: _event_claim(event_id=pk, expected_version=expected_versions.get(pk))
            for pk in sorted(by_id)
        }
        main = claimed[target.pk]
        if any(e.conflict_id != main.conflict_id for e in claimed.values()):
            raise EventStateError("events of different conflicts cannot be merged")
        if main.status == Event.Status.REJECTED:
            raise EventStateError("the event merged into must not be rejected")
        reason = f"merged into event {main.pk}"
        actor_ids = set(main.actors.values_list("pk", flat=True))
        places = list(main.places)
        for pk in others:
            other = claimed[pk]
            for mention in Mention.objects.filter(event_id=pk).order_by("pk"):
                mention.event = main
                mention._history_user = user
                mention._change_reason = reason
                mention.save()
            actor_ids |= set(other.actors.values_list("pk", flat=True))
            places += [p for p in other.places if p not in places]
            other.status = Event.Status.REJECTED
            _event_save(event=other, user=user, reason=reason)
        groups = set(main.editor_fields)
        if places != list(main.places):
            main.places = places
            groups.add("places")
        new_actors = actor_ids != set(main.actors.values_list("pk", flat=True))
        if new_actors:
            groups.add("actors")
        main.editor_fields = sorted(groups)
        _event_save(
            event=main, user=user, reason=f"merged events {', '.join(map(str, others))}"[:100]
        )
        if new_actors:
            main.actors.set(sorted(actor_ids))
    return main


def event_split(
    *, mention: Mention, user: AbstractBaseUser, expected_version: int | None = None
) -> Event:
    """Move one mention out of its event into an event of its own, and return that event.

    When the mention came into its event through a merge and the event it came from still
    exists, emptied and rejected, that event is brought back (with its corrections);
    otherwise a new proposed event is made from the mention's sentence and resolved date.
    The last mention of an event cannot be split off. Raises :class:`EventConflictError`
    when the source event changed since ``expected_version``.
    """
    with transaction.atomic():
        source = _event_claim(event_id=mention.event_id, expected_version=expected_version)
        mention = Mention.objects.select_related("article").get(pk=mention.pk)
        if source.mentions.count() < 2:
            raise EventStateError("an event's only mention cannot be split off")
        target = _event_split_origin(mention=mention, source=source)
        if target is not None:
            target = _event_claim(event_id=target.pk, expected_version=None)
            target.status = (
                target.history.exclude(status=Event.Status.REJECTED)
                .order_by("-history_date", "-history_id")
                .values_list("status", flat=True)
                .first()
            ) or Event.Status.PROPOSED
            _event_save(event=target, user=user, reason=f"split from event {source.pk}")
        else:
            target = Event(
                conflict_id=source.conflict_id,
                title=_WS.sub(" ", mention.sentence).strip()[:300] or mention.expression_text,
                summary=mention.sentence[:2000],
                category=source.category,
                places=list(source.places),
                date_value=mention.resolved_value,
                date_mod=mention.resolved_mod,
                date_precision=mention.resolved_precision,
                date_start=mention.resolved_start,
                date_end=mention.resolved_end,
                confidence=source.confidence,
            )
            target.full_clean(exclude=["conflict"])
            _event_save(event=target, user=user, reason=f"split from event {source.pk}")
            target.actors.set(list(source.actors.all()))
        mention.event = target
        mention._history_user = user
        mention._change_reason = f"split from event {source.pk}"
        mention.save()
        _event_save(event=source, user=user, reason=f"mention split to event {target.pk}")
    return target


def _event_split_origin(*, mention: Mention, source: Event) -> Event | None:
    """The emptied, rejected event this mention was merged away from, if any."""
    previous_ids = (
        mention.history.exclude(event_id=source.pk)
        .order_by("-history_date", "-history_id")
        .values_list("event_id", flat=True)
    )
    for event_id in previous_ids:
        candidate = Event.objects.filter(
            pk=event_id, status=Event.Status.REJECTED, conflict_id=source.conflict_id
        ).first()
        if candidate is not None and not candidate.mentions.exists():
            return candidate
    return None


# Fields a revert copies back from a history row; ``version`` always moves forward.
_REVERTIBLE = Event.REVERTIBLE_FIELDS


def event_revert(
    *, event: Event, history_id: int, user: AbstractBaseUser, expected_version: int
) -> Event:
    """Put an event back to the values of one of its history rows, as a new version.

    Title, summary, category, places, date, status and actors are copied from the chosen
    history row; the version keeps counting up and the revert is itself a history row, so
    it can be reverted too. Reverted field groups count as editor-set. Raises
    :class:`EventConflictError` on a stale ``expected_version``.
    """
    record = event.history.get(history_id=history_id)
    old_actors = {row.actor_id for row in record.actors.all()}
    with transaction.atomic():
        fresh = _event_claim(event_id=event.pk, expected_version=expected_version)
        groups = set(fresh.editor_fields)
        for name in _REVERTIBLE:
            value = getattr(record, name)
            if getattr(fresh, name) != value:
                setattr(fresh, name, value)
                if _FIELD_GROUP[name]:
                    groups.add(_FIELD_GROUP[name])
        new_actors = old_actors != set(fresh.actors.values_list("pk", flat=True))
        if new_actors:
            groups.add("actors")
        fresh.editor_fields = sorted(groups)
        fresh.full_clean(exclude=["conflict"])
        _event_save(
            event=fresh,
            user=user,
            reason=f"reverted to version {record.version} of {record.history_date:%Y-%m-%d %H:%M}",
        )
        if new_actors:
            fresh.actors.set(sorted(old_actors))
    return fresh
