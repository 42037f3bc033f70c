"""Data for the reader-side tests: a small conflict with every kind of date, and the two
hostile titles every page must show as text."""

from __future__ import annotations

import datetime

from tests.factories import (
    ActorFactory,
    ArticleFactory,
    ConflictFactory,
    EventFactory,
    MentionFactory,
)
from timeline.models import Event

D = datetime.date
XSS_TITLES = ("<img src=x onerror=alert(1)>", '<a href="javascript:alert(1)">x</a>')


def reader_conflict(*, slug: str = "afghanistan", name: str = "Afghan peace process") -> dict:
    """A conflict with a day event, a month event ("September last year"), an early-month
    event, a rejected event, the two XSS titles and two actors; returns them by name."""
    conflict = ConflictFactory(
        slug=slug, name=name, summary="Talks between the US and the Taliban."
    )
    taliban = ActorFactory(name="Taliban")
    usa = ActorFactory(name="United States")
    conflict.actors.add(taliban, usa)
    article = ArticleFactory(
        conflict=conflict,
        title="Doha talks resume",
        outlet="Test Wire",
        url="https://example.org/doha",
        published=D(2021, 2, 28),
        body="Talks resumed in Doha on Sunday. They had stalled in September last year.",
    )
    talks = EventFactory(
        conflict=conflict,
        title="Talks resumed in Doha",
        category=Event.Category.TALKS,
        status=Event.Status.CONFIRMED,
        source_count=1,
    )
    talks.actors.add(taliban, usa)
    MentionFactory(event=talks, article=article)
    stalled = EventFactory(
        conflict=conflict,
        title="Talks stalled",
        category=Event.Category.STATEMENT,
        date_value="2020-09",
        date_precision=Event.Precision.MONTH,
        date_start=D(2020, 9, 1),
        date_end=D(2020, 9, 30),
        source_count=1,
    )
    stalled.actors.add(taliban)
    MentionFactory(
        event=stalled,
        article=article,
        sentence="They had stalled in September last year.",
        sentence_start=33,
        sentence_end=73,
        expression_text="September last year",
        expression_start=53,
        expression_end=72,
        resolved_value="2020-09",
        resolved_precision="month",
        resolved_start=D(2020, 9, 1),
        resolved_end=D(2020, 9, 30),
        rule="month-last-year",
        explanation="'September last year' + published 2021-02-28 → 2020-09",
    )
    early = EventFactory(
        conflict=conflict,
        title="Prisoner releases agreed",
        category=Event.Category.PRISONER_RELEASE,
        date_value="2021-02",
        date_mod="START",
        date_precision=Event.Precision.MONTH,
        date_start=D(2021, 2, 1),
        date_end=D(2021, 2, 10),
    )
    rejected = EventFactory(
        conflict=conflict,
        title="A wrongly extracted event",
        status=Event.Status.REJECTED,
        date_start=D(2021, 1, 5),
        date_end=D(2021, 1, 5),
        date_value="2021-01-05",
    )
    xss = [
        EventFactory(
            conflict=conflict,
            title=title,
            category=Event.Category.VIOLENCE,
            date_value=f"2021-01-1{i}",
            date_start=D(2021, 1, 10 + i),
            date_end=D(2021, 1, 10 + i),
        )
        for i, title in enumerate(XSS_TITLES)
    ]
    return {
        "conflict": conflict,
        "taliban": taliban,
        "usa": usa,
        "talks": talks,
        "stalled": stalled,
        "early": early,
        "rejected": rejected,
        "xss": xss,
        "article": article,
    }


def many_events(conflict, n: int) -> None:
    """n day events with an actor and a source each, spread over n days."""
    actor = ActorFactory()
    for i in range(n):
        day = D(2015, 1, 1) + datetime.timedelta(days=i * 3)
        event = EventFactory(
            conflict=conflict,
            date_value=day.isoformat(),
            date_start=day,
            date_end=day,
            source_count=1,
        )
        event.actors.add(actor)
        MentionFactory(event=event, expression_start=40 * i, expression_end=40 * i + 9)
