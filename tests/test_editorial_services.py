"""Editorial services: every write is attributed, versioned, reversible and never lost."""
# ruff: noqa: F811 - pytest fixtures imported from tests.editorial_helpers

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission
from django.db.models import QuerySet

from tests.editorial_helpers import (  # noqa: F401 - fixtures
    admin_user,
    doha,
    editor,
    editor_b,
    mentioned_event,
    month_dates,
    user_in,
)
from tests.factories import ActorFactory, ConflictFactory
from timeline import services
from timeline.models import Article, Event, Mention
from timeline.signals import ADMIN_GROUP, EDITOR_GROUP, groups_ensure

pytestmark = pytest.mark.django_db

REPO = Path(__file__).resolve().parent.parent
TRACKED = {"Event", "Mention"}


def _history_count(event: Event) -> int:
    return Event.history.filter(id=event.pk).count()


# --- groups ------------------------------------------------------------------------------


def test_groups_exist_after_migrate_with_their_permissions():
    editor = set(
        Group.objects.get(name=EDITOR_GROUP).permissions.values_list("codename", flat=True)
    )
    assert {"view_event", "change_event", "view_mention", "change_mention"} <= editor
    assert {"view_article", "view_conflict", "view_actor"} <= editor
    assert not {"change_article", "add_article", "change_conflict", "delete_event"} & editor
    admin = Group.objects.get(name=ADMIN_GROUP).permissions
    every = Permission.objects.filter(content_type__app_label="timeline")
    assert set(admin.values_list("pk", flat=True)) == set(every.values_list("pk", flat=True))


def test_groups_handler_is_idempotent_and_repairs_permissions():
    group = Group.objects.get(name=EDITOR_GROUP)
    group.permissions.add(Permission.objects.get(codename="delete_article"))
    groups_ensure()
    groups_ensure()
    assert Group.objects.filter(name=EDITOR_GROUP).count() == 1
    assert not group.permissions.filter(codename="delete_article").exists()


# --- confirm / reject / restore ----------------------------------------------------------


def test_confirm_records_who_and_bumps_the_version(editor):
    event = mentioned_event()
    before = _history_count(event)
    done = services.event_confirm(event=event, user=editor, expected_version=1)
    assert done.status == Event.Status.CONFIRMED
    assert done.version == 2
    last = done.history.latest()
    assert last.history_user == editor
    assert last.history_change_reason == "confirmed"
    assert _history_count(event) == before + 1


def test_confirm_from_a_stale_version_changes_nothing(editor):
    event = mentioned_event()
    services.event_reject(event=event, user=editor, expected_version=1)
    with pytest.raises(services.EventConflictError) as info:
        services.event_confirm(event=event, user=editor, expected_version=1)
    assert info.value.current.version == 2
    event.refresh_from_db()
    assert event.status == Event.Status.REJECTED


def test_reject_keeps_the_event_and_restore_brings_back_its_previous_status(editor):
    event = mentioned_event()
    services.event_confirm(event=event, user=editor)
    services.event_reject(event=event, user=editor)
    assert Event.objects.filter(pk=event.pk, status=Event.Status.REJECTED).exists()
    assert event.mentions.count() == 1
    restored = services.event_restore(event=event, user=editor)
    assert restored.status == Event.Status.CONFIRMED
    assert [h.history_change_reason for h in restored.history.order_by("history_id")][-3:] == [
        "confirmed",
        "rejected",
        "restored",
    ]


def test_restore_refuses_an_event_that_is_not_rejected(editor):
    event = mentioned_event()
    with pytest.raises(services.EventStateError):
        services.event_restore(event=event, user=editor)
    event.refresh_from_db()
    assert event.version == 1  # the refused claim was rolled back


# --- edit --------------------------------------------------------------------------------


def test_update_marks_edited_groups_and_is_attributed(editor):
    event = mentioned_event()
    done = services.event_update(
        event=event,
        expected_version=1,
        changes={
            "title": "Talks in Doha",
            "date_value": "2021-02",
            "date_precision": "month",
            "date_start": dt.date(2021, 2, 1),
            "date_end": dt.date(2021, 2, 28),
        },
        user=editor,
    )
    assert done.version == 2
    assert set(done.editor_fields) == {"title", "date"}
    assert done.history.latest().history_user == editor


def test_lost_update_is_refused_and_the_first_save_is_intact(editor, editor_b):
    event = mentioned_event()
    services.event_update(event=event, expected_version=1, changes={"title": "A"}, user=editor)
    with pytest.raises(services.EventConflictError) as info:
        services.event_update(
            event=event, expected_version=1, changes={"title": "B"}, user=editor_b
        )
    assert info.value.current.title == "A"
    event.refresh_from_db()
    assert (event.title, event.version) == ("A", 2)


# --- merge and split ---------------------------------------------------------------------


def test_merge_keeps_every_mention_and_rejects_the_emptied_events(doha, editor):
    first, second = doha["first"], doha["second"]
    mention_ids = set(
        Mention.objects.filter(event__in=[first, second]).values_list("pk", flat=True)
    )
    merged = services.event_merge(events=[first, second], target=first, user=editor)
    assert set(merged.mentions.values_list("pk", flat=True)) == mention_ids
    assert set(merged.actors.values_list("name", flat=True)) == {"Taliban", "United States"}
    second.refresh_from_db()
    assert second.status == Event.Status.REJECTED
    assert second.history.latest().history_change_reason == f"merged into event {first.pk}"
    moved = Mention.history.filter(event_id=first.pk, history_user=editor)
    assert moved.count() == 1
    assert merged.history.latest().history_user == editor


def test_merge_refuses_events_of_different_conflicts(doha, editor):
    elsewhere = mentioned_event(conflict=ConflictFactory())
    with pytest.raises(services.EventStateError):
        services.event_merge(events=[doha["first"], elsewhere], target=doha["first"], user=editor)
    assert elsewhere.mentions.count() == 1
    doha["first"].refresh_from_db()
    assert doha["first"].version == 1


def test_split_after_a_wrong_merge_brings_back_the_original_event(doha, editor):
    first, second = doha["first"], doha["second"]
    services.event_update(event=second, expected_version=1, changes={"title": "Kept"}, user=editor)
    services.event_merge(events=[first, second], target=first, user=editor)
    mention = Mention.objects.get(article=doha["articles"][1], event=first)
    back = services.event_split(mention=mention, user=editor)
    assert back.pk == second.pk
    assert back.title == "Kept"
    assert back.status == Event.Status.PROPOSED
    assert list(back.mentions.all()) == [mention]
    assert first.mentions.count() == 1


def test_split_of_a_mention_that_was_never_merged_makes_a_new_event(doha, editor):
    first = doha["first"]
    extra = mentioned_event(
        conflict=doha["conflict"],
        sentence="Fighting broke out in Kunduz in February 2020.",
        expression="February 2020",
        **month_dates(2020, 2),
    )
    mention = extra.mentions.get()
    # Put the mention into the first event without a merge history to fall back on.
    mention.event = first
    mention.save()
    extra.delete()
    new = services.event_split(mention=mention, user=editor)
    assert new.pk not in (first.pk, extra.pk)
    assert (new.date_value, new.date_precision) == ("2020-02", "month")
    assert new.title.startswith("Fighting broke out")
    assert new.history.latest().history_user == editor


def test_the_only_mention_cannot_be_split_off(editor):
    event = mentioned_event()
    with pytest.raises(services.EventStateError):
        services.event_split(mention=event.mentions.get(), user=editor)


# --- revert ------------------------------------------------------------------------------


def test_revert_to_any_version_is_a_new_version(doha, editor, editor_b):
    event = doha["first"]
    taliban, usa = doha["actors"]
    original = event.history.earliest()
    services.event_update(
        event=event,
        expected_version=1,
        changes={"title": "Wrong title", "actors": [usa]},
        user=editor,
    )
    services.event_update(
        event=event, expected_version=2, changes={"category": "talks"}, user=editor
    )
    reverted = services.event_revert(
        event=event, history_id=original.history_id, user=editor_b, expected_version=3
    )
    assert reverted.version == 4
    assert reverted.title == "The US and the Taliban signed the Doha agreement"
    assert reverted.category == "agreement"
    # The factory's first row predates its actors; a later row has Taliban only.
    with_taliban = next(
        r
        for r in event.history.order_by("history_id")
        if [a.actor_id for a in r.actors.all()] == [taliban.pk]
    )
    again = services.event_revert(
        event=event, history_id=with_taliban.history_id, user=editor_b, expected_version=4
    )
    assert list(again.actors.all()) == [taliban]
    assert again.history.latest().history_user == editor_b
    assert (
        "reverted to version"
        in again.history.filter(history_change_reason__startswith="reverted")
        .latest()
        .history_change_reason
    )


def test_revert_from_a_stale_version_is_refused(editor):
    event = mentioned_event()
    first = event.history.earliest()
    services.event_update(event=event, expected_version=1, changes={"title": "X"}, user=editor)
    with pytest.raises(services.EventConflictError):
        services.event_revert(
            event=event, history_id=first.history_id, user=editor, expected_version=1
        )


# --- every write leaves a history row; QuerySet.update only for the version claim -------


def test_every_editorial_write_leaves_a_history_row_and_update_only_claims_versions(
    doha, editor, monkeypatch
):
    calls = []
    original_update = QuerySet.update

    def spy(self, **kwargs):
        calls.append((self.model.__name__, sorted(kwargs)))
        return original_update(self, **kwargs)

    monkeypatch.setattr(QuerySet, "update", spy)
    first, second, other = doha["first"], doha["second"], doha["other"]
    steps = [
        lambda: services.event_confirm(event=other, user=editor),
        lambda: services.event_reject(event=other, user=editor),
        lambda: services.event_restore(event=other, user=editor),
        lambda: services.event_update(
            event=other, expected_version=4, changes={"title": "Exchange"}, user=editor
        ),
        lambda: services.event_merge(events=[first, second], target=first, user=editor),
        lambda: services.event_split(
            mention=Mention.objects.get(event=first, article=doha["articles"][1]), user=editor
        ),
        lambda: services.event_revert(
            event=other,
            history_id=other.history.earliest().history_id,
            user=editor,
            expected_version=5,
        ),
    ]
    for step in steps:
        before = Event.history.count() + Mention.history.count()
        step()
        assert Event.history.count() + Mention.history.count() > before
    tracked = [c for c in calls if c[0] in TRACKED]
    from timeline.services.joining import BOOKKEEPING_FIELDS

    # Only version claims, and the derived counts that history leaves out.
    assert tracked and all(
        fields == ["version"] or set(fields) <= set(BOOKKEEPING_FIELDS) for _, fields in tracked
    )
    assert any(fields == ["version"] for _, fields in tracked)


def _update_calls(tree: ast.AST):
    """(enclosing function, line) of every ``.update(...)`` chained on a queryset."""
    queryset_methods = {"filter", "exclude", "all", "objects", "select_for_update", "using"}
    found = []

    def visit(node, func_name):
        for child in ast.iter_child_nodes(node):
            name = (
                child.name
                if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
                else func_name
            )
            if (
                isinstance(child, ast.Call)
                and isinstance(child.func, ast.Attribute)
                and child.func.attr == "update"
            ):
                receiver = child.func.value
                if isinstance(receiver, ast.Call) and isinstance(receiver.func, ast.Attribute):
                    receiver = receiver.func
                if isinstance(receiver, ast.Attribute) and receiver.attr in queryset_methods:
                    found.append((func_name, child.lineno))
            visit(child, name)

    visit(tree, "<module>")
    return found


def test_no_queryset_update_on_tracked_models_outside_the_version_claim():
    allowed = {
        ("timeline/services/common.py", "event_claim"),
        # Derived counts and scores, excluded from history (BOOKKEEPING_FIELDS).
        ("timeline/services/joining.py", "_event_bookkeep"),
    }
    offenders = []
    for path in sorted((REPO / "timeline").rglob("*.py")):
        rel = path.relative_to(REPO).as_posix()
        if "/migrations/" in rel or "/extraction/" in rel:
            continue
        for func, line in _update_calls(ast.parse(path.read_text(encoding="utf-8"))):
            if (rel, func) not in allowed:
                offenders.append(f"{rel}:{line} in {func}")
    assert offenders == [], "QuerySet.update bypasses history: " + ", ".join(offenders)


def test_the_scanner_finds_a_queryset_update():
    tree = ast.parse("def f():\n    Event.objects.filter(pk=1).update(title='x')\n")
    assert _update_calls(tree) == [("f", 2)]


# --- re-extraction never overwrites a correction -----------------------------------------

SEED_LIKE = (
    "The Taliban and the United States signed an agreement in Doha in February 2020. "
    "On Sunday, negotiators met again in Doha to discuss a ceasefire. "
    "Foreign troops are due to withdraw by May."
)


def test_reextraction_twice_keeps_editor_corrections_and_adds_no_duplicates(editor):
    conflict = ConflictFactory()
    for name in ("Taliban", "United States"):
        ActorFactory(name=name).conflicts.add(conflict)
    article = services.article_create(
        conflict=conflict, title="Doha", published=dt.date(2021, 2, 28), body=SEED_LIKE
    )
    assert article.extraction_status == Article.ExtractionStatus.DONE, article.extraction_error
    events = list(Event.objects.filter(conflict=conflict).order_by("date_start"))
    assert len(events) >= 2
    target = events[0]
    services.event_update(
        event=target,
        expected_version=target.version,
        changes={
            "title": "Doha agreement signed",
            "date_value": "2020-02-29",
            "date_precision": "day",
            "date_start": dt.date(2020, 2, 29),
            "date_end": dt.date(2020, 2, 29),
        },
        user=editor,
    )
    counts = (Event.objects.count(), Mention.objects.count())
    for _ in range(2):
        report = services.article_extract(article=article)
        assert report.status == Article.ExtractionStatus.DONE
        assert report.created == 0
    target.refresh_from_db()
    assert target.title == "Doha agreement signed"
    assert (target.date_value, target.date_start) == ("2020-02-29", dt.date(2020, 2, 29))
    assert (Event.objects.count(), Mention.objects.count()) == counts
    machine = Event.history.filter(id=target.pk, history_user__username="system:extractor")
    assert machine.exists()  # its creation is attributed to the extractor


# --- the editor's typed date ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "precision", "mod", "expected"),
    [
        ("12 Feb 2021", "", "auto", ("2021-02-12", "", "day", "2021-02-12", "2021-02-12")),
        ("early March 2020", "", "auto", ("2020-03", "START", "month", "2020-03-01", "2020-03-10")),
        ("September last year", "", "auto", ("2020-09", "", "month", "2020-09-01", "2020-09-30")),
        ("last week", "", "auto", ("2021-W07", "", "week", "2021-02-15", "2021-02-21")),
        ("2019", "", "END", ("2019", "END", "year", "2019-09-01", "2019-12-31")),
        ("Q3 2019", "", "auto", ("2019-Q3", "", "quarter", "2019-07-01", "2019-09-30")),
        ("the 1990s", "", "auto", ("199", "", "decade", "1990-01-01", "1999-12-31")),
        ("12 Feb 2021", "month", "auto", ("2021-02", "", "month", "2021-02-01", "2021-02-28")),
        ("12 Feb 2021", "month", "MID", ("2021-02", "MID", "month", "2021-02-11", "2021-02-20")),
        ("early March 2020", "", "", ("2020-03", "", "month", "2020-03-01", "2020-03-31")),
        ("March 2020", "", "APPROX", ("2020-03", "APPROX", "month", "2020-03-01", "2020-03-31")),
    ],
)
def test_typed_dates_resolve_against_the_anchor_with_overrides(text, precision, mod, expected):
    from timeline.dates import EventDate

    got = EventDate.from_text(
        text,
        anchor=dt.date(2021, 2, 28),
        language="en",
        precision=precision,
        mod=None if mod == "auto" else mod,
    )
    value, got_mod, got_precision, start, end = expected
    assert got.as_fields("date_") == {
        "date_value": value,
        "date_mod": got_mod,
        "date_precision": got_precision,
        "date_start": dt.date.fromisoformat(start),
        "date_end": dt.date.fromisoformat(end),
    }


@pytest.mark.parametrize("text", ["banana", "18 months", "every week", "2,500 troops"])
def test_typed_text_that_is_no_date_is_a_form_error(text):
    from timeline.forms import EventEditForm

    event = mentioned_event()
    data = {
        "version": event.version,
        "title": event.title,
        "category": event.category,
        "date_text": text,
        "precision": "",
        "mod": "auto",
    }
    form = EventEditForm(data=data, event=event, anchor=dt.date(2021, 2, 28))
    assert not form.is_valid()
    assert "Could not read a date" in " ".join(form.errors["date_text"])
