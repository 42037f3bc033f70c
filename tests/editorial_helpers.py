"""Shared set-up for the editorial tests: users in the real groups, a small conflict."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Group

from tests.factories import (
    ActorFactory,
    ArticleFactory,
    ConflictFactory,
    EventFactory,
    MentionFactory,
    UserFactory,
)
from timeline.signals import ADMIN_GROUP, EDITOR_GROUP


def user_in(group: str | None, username: str, **extra):
    user = UserFactory(username=username, **extra)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor(db):
    return user_in(EDITOR_GROUP, "editor_a")


@pytest.fixture
def editor_b(db):
    return user_in(EDITOR_GROUP, "editor_b")


@pytest.fixture
def admin_user(db):
    return user_in(ADMIN_GROUP, "admin_a", is_staff=True)


@pytest.fixture
def reader(db):
    return user_in(None, "reader_a")


def mentioned_event(*, conflict=None, article=None, sentence=None, expression="on Sunday", **kw):
    """An event with one mention whose sentence contains ``expression``."""
    conflict = conflict or (article.conflict if article else ConflictFactory())
    # One mention, one independent source (what joining stores on the event).
    kw.setdefault("source_count", 1)
    event = EventFactory(conflict=conflict, **kw)
    sentence = sentence or f"Talks resumed in Doha {expression}."
    start = sentence.index(expression)
    MentionFactory(
        event=event,
        article=article or ArticleFactory(conflict=conflict),
        sentence=sentence,
        sentence_start=0,
        sentence_end=len(sentence),
        expression_text=expression,
        expression_start=start,
        expression_end=start + len(expression),
        resolved_value=event.date_value,
        resolved_mod=event.date_mod,
        resolved_precision=event.date_precision,
        resolved_start=event.date_start,
        resolved_end=event.date_end,
        explanation=f"'{expression}' + published 2021-02-28 → {event.date_value}",
    )
    return event


@pytest.fixture
def doha(db):
    """Two articles of one conflict reporting the Doha agreement, plus an unrelated event."""
    conflict = ConflictFactory(name="Afghan peace process", slug="afghan")
    taliban = ActorFactory(name="Taliban")
    usa = ActorFactory(name="United States", kind="state")
    taliban.conflicts.add(conflict)
    usa.conflicts.add(conflict)
    a1 = ArticleFactory(conflict=conflict, title="First report", published=dt.date(2021, 2, 28))
    a2 = ArticleFactory(conflict=conflict, title="Second report", published=dt.date(2021, 3, 2))
    month = {
        "date_value": "2020-02",
        "date_precision": "month",
        "date_start": dt.date(2020, 2, 1),
        "date_end": dt.date(2020, 2, 29),
    }
    first = mentioned_event(
        conflict=conflict,
        article=a1,
        title="The US and the Taliban signed the Doha agreement",
        sentence="The US and the Taliban signed the Doha agreement in February 2020.",
        expression="February 2020",
        category="agreement",
        **month,
    )
    first.actors.set([taliban])
    second = mentioned_event(
        conflict=conflict,
        article=a2,
        title="Doha agreement signed between the Taliban and Washington",
        sentence=(
            "The Doha agreement between the Taliban and Washington was signed on 29 February 2020."
        ),
        expression="29 February 2020",
        category="agreement",
        date_value="2020-02-29",
        date_precision="day",
        date_start=dt.date(2020, 2, 29),
        date_end=dt.date(2020, 2, 29),
    )
    second.actors.set([usa])
    other = mentioned_event(
        conflict=conflict,
        article=a1,
        title="Prisoner exchange completed",
        sentence="A prisoner exchange was completed in September last year.",
        expression="September last year",
        category="prisoner release",
        date_value="2020-09",
        date_precision="month",
        date_start=dt.date(2020, 9, 1),
        date_end=dt.date(2020, 9, 30),
    )
    return {
        "conflict": conflict,
        "first": first,
        "second": second,
        "other": other,
        "articles": (a1, a2),
        "actors": (taliban, usa),
    }
