import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from tests.factories import ArticleFactory, ConflictFactory, EventFactory, MentionFactory
from tests.reader_helpers import day_event, year_event
from timeline.models import Actor, Event

pytestmark = pytest.mark.django_db

# An event known to the month: September 2020.
SEPTEMBER_2020 = {
    "date_value": "2020-09",
    "date_precision": "month",
    "date_start": dt.date(2020, 9, 1),
    "date_end": dt.date(2020, 9, 30),
}


def _violates(factory, **kwargs):
    with pytest.raises(IntegrityError), transaction.atomic():
        factory(**kwargs)


def test_event_end_cannot_precede_start():
    _violates(EventFactory, date_start=dt.date(2021, 3, 1), date_end=dt.date(2021, 2, 1))


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("date_precision", "minute"),
        ("status", "maybe"),
        ("category", "party"),
        ("date_mod", "SOONISH"),
        ("version", 0),
        ("confidence", 1.5),
        ("date_value", ""),
    ],
)
def test_event_field_rules_are_database_constraints(field, value):
    event = EventFactory()
    setattr(event, field, value)
    if field == "date_precision":
        # save() derives the rank from the precision; bypass it to reach the database rule
        with pytest.raises(IntegrityError), transaction.atomic():
            Event.objects.filter(pk=event.pk).update(date_precision=value)
        return
    with pytest.raises(IntegrityError), transaction.atomic():
        event.save()


def test_article_url_unique_only_when_given():
    conflict = ConflictFactory()
    ArticleFactory(conflict=conflict, url="")
    ArticleFactory(conflict=conflict, url="")  # two articles without URL are fine
    ArticleFactory(conflict=conflict, url="https://example.org/a")
    _violates(ArticleFactory, conflict=conflict, url="https://example.org/a")


def test_article_content_hash_is_unique():
    first = ArticleFactory()
    _violates(ArticleFactory, body="other text", content_hash=first.content_hash)


def test_article_body_cannot_be_empty():
    _violates(ArticleFactory, body="")


def test_actor_kind_must_be_known():
    _violates(Actor.objects.create, name="X", kind="alien")


def test_mention_is_unique_per_expression_span_of_an_article():
    mention = MentionFactory()
    _violates(
        MentionFactory,
        event=mention.event,
        article=mention.article,
        expression_start=mention.expression_start,
        expression_end=mention.expression_end,
    )


def test_mention_spans_must_be_ordered():
    _violates(MentionFactory, expression_start=10, expression_end=9)
    _violates(MentionFactory, sentence_start=10, sentence_end=5)


def test_a_report_dated_by_its_article_has_an_empty_expression_span():
    mention = MentionFactory(expression_text="", expression_start=4, expression_end=4)
    assert mention.sentence_parts == (mention.sentence, "", "")


def test_one_mention_per_happening_of_an_article():
    first = MentionFactory(key="12:20")
    _violates(MentionFactory, article=first.article, event=first.event, key="12:20")


def test_events_sort_by_start_then_finer_precision_first():
    conflict = ConflictFactory()
    month = EventFactory(conflict=conflict, **SEPTEMBER_2020)
    day = day_event(conflict, dt.date(2020, 9, 1))
    year = year_event(conflict, 2020)
    assert list(Event.objects.filter(conflict=conflict)) == [year, day, month]


def test_event_display_date_uses_precision():
    event = EventFactory(**SEPTEMBER_2020)
    assert event.display_date == "Sep 2020"
    assert str(event).startswith("Sep 2020: ")


def test_mention_sentence_parts_highlight_the_expression():
    mention = MentionFactory()
    assert mention.sentence_parts == ("Talks resumed in Doha ", "on Sunday", ".")


def test_event_changes_are_recorded_in_history():
    event = EventFactory()
    event.title = "Renamed"
    event.save()
    assert [h.title for h in event.history.order_by("history_id")][-1] == "Renamed"
    assert event.history.count() == 2


@pytest.mark.django_db
def test_joining_the_admin_group_makes_a_user_staff_from_either_side():
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from timeline.signals import ADMIN_GROUP, EDITOR_GROUP

    users = get_user_model().objects
    alice = users.create_user("alice", password="x")
    bob = users.create_user("bob", password="x")
    carol = users.create_user("carol", password="x")
    alice.groups.add(Group.objects.get(name=ADMIN_GROUP))
    Group.objects.get(name=ADMIN_GROUP).user_set.add(bob)
    carol.groups.add(Group.objects.get(name=EDITOR_GROUP))
    assert alice.is_staff
    assert users.get(pk=alice.pk).is_staff
    assert users.get(pk=bob.pk).is_staff
    assert not users.get(pk=carol.pk).is_staff
    # Leaving the group does not silently revoke staff status.
    alice.groups.clear()
    assert users.get(pk=alice.pk).is_staff
