"""Shared set-up for the editorial tests: users in the real groups, a small conflict."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.test import Client

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


def client_for(user) -> Client:
    """A test client logged in as ``user``."""
    client = Client()
    client.force_login(user)
    return client


def hx(target: str) -> dict:
    """Headers of an htmx request that swaps the element with id ``target``."""
    return {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": target}


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


def edit_data(event, **overrides) -> dict:
    """What the edit form posts for ``event`` left as it is (the key-event box ticked when
    it is a key event), with ``overrides``."""
    data = {
        "version": event.version,
        "title": event.title,
        "summary": event.summary,
        "category": event.category,
        "actors": [a.pk for a in event.actors.all()],
        "places": ", ".join(event.places),
        "date_text": event.display_date,
        "precision": "",
        "mod": "auto",
        "factuality": event.factuality,
        "scope": event.scope,
    }
    if event.is_key:
        data["is_key"] = "on"
    data.update(overrides)
    return data


def month_dates(year: int, month: int) -> dict:
    """The date fields of an event known to the month ``month`` of ``year``."""
    return {
        "date_value": f"{year}-{month:02d}",
        "date_precision": "month",
        "date_start": dt.date(year, month, 1),
        "date_end": dt.date(year, month, calendar.monthrange(year, month)[1]),
    }


def day_dates(day: dt.date) -> dict:
    """The date fields of an event known to the day ``day``."""
    return {
        "date_value": day.isoformat(),
        "date_precision": "day",
        "date_start": day,
        "date_end": day,
    }


def mention_in(event, article, sentence: str, expression: str, *, at: int = 0, **kw):
    """A mention of ``event`` in ``article``: ``sentence``, starting at character ``at`` of
    the article, with ``expression`` where it first occurs in it."""
    start = at + sentence.index(expression)
    return MentionFactory(
        event=event,
        article=article,
        sentence=sentence,
        sentence_start=at,
        sentence_end=at + len(sentence),
        expression_text=expression,
        expression_start=start,
        expression_end=start + len(expression),
        **kw,
    )


def mentioned_event(*, conflict=None, article=None, sentence=None, expression="on Sunday", **kw):
    """An event with one mention whose sentence contains ``expression``."""
    conflict = conflict or (article.conflict if article else ConflictFactory())
    # One mention, one independent source (what joining stores on the event).
    kw.setdefault("source_count", 1)
    event = EventFactory(conflict=conflict, **kw)
    mention_in(
        event,
        article or ArticleFactory(conflict=conflict),
        sentence or f"Talks resumed in Doha {expression}.",
        expression,
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
    first = mentioned_event(
        article=a1,
        title="The US and the Taliban signed the Doha agreement",
        sentence="The US and the Taliban signed the Doha agreement in February 2020.",
        expression="February 2020",
        category="agreement",
        **month_dates(2020, 2),
    )
    first.actors.set([taliban])
    second = mentioned_event(
        article=a2,
        title="Doha agreement signed between the Taliban and Washington",
        sentence=(
            "The Doha agreement between the Taliban and Washington was signed on 29 February 2020."
        ),
        expression="29 February 2020",
        category="agreement",
        **day_dates(dt.date(2020, 2, 29)),
    )
    second.actors.set([usa])
    other = mentioned_event(
        article=a1,
        title="Prisoner exchange completed",
        sentence="A prisoner exchange was completed in September last year.",
        expression="September last year",
        category="prisoner release",
        **month_dates(2020, 9),
    )
    return {
        "conflict": conflict,
        "first": first,
        "second": second,
        "other": other,
        "articles": (a1, a2),
        "actors": (taliban, usa),
    }
