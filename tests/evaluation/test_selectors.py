"""The evaluation selectors: what they read from stored events, and only public ones."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from tests.factories import ArticleFactory, ConflictFactory, EventFactory, MentionFactory
from timeline.evaluation.events import (
    ImportedArticle,
    SystemEvent,
    gold_load,
    score_gold_set,
    summarise,
)
from timeline.evaluation.timelines import TimelineEvent
from timeline.models import Event
from timeline.selectors.evaluation import (
    actor_find,
    article_list_mention_days,
    article_list_published,
    conflict_name_free,
    event_list_public,
    event_list_timeline,
    mention_list_public,
)

pytestmark = pytest.mark.django_db
D = datetime.date


def test_conflict_name_free_numbers_taken_slugs_and_names():
    assert conflict_name_free(slug="libya", name="Libya") == ("libya", "Libya")
    ConflictFactory(slug="libya", name="Other")
    assert conflict_name_free(slug="libya", name="Libya") == ("libya-2", "Libya (2)")
    ConflictFactory(slug="x", name="Libya (2)")
    assert conflict_name_free(slug="libya", name="Libya") == ("libya-3", "Libya (3)")


def test_actor_find(django_user_model):
    from tests.factories import ActorFactory

    actor = ActorFactory(name="United Nations")
    assert actor_find(name="United Nations") == actor
    assert actor_find(name="United") is None


def test_public_events_and_mentions_leave_rejected_ones_out():
    conflict = ConflictFactory()
    kept = EventFactory(conflict=conflict, title="Kept", is_key=True, importance=0.7)
    confirmed = EventFactory(conflict=conflict, status=Event.Status.CONFIRMED)
    rejected = EventFactory(conflict=conflict, status=Event.Status.REJECTED)
    EventFactory()  # another conflict
    article = ArticleFactory(conflict=conflict)
    m1 = MentionFactory(event=kept, article=article, trigger="resumed", trigger_start=6,
                        trigger_end=13, factuality="planned")  # fmt: skip
    MentionFactory(event=rejected, article=article, expression_start=0, expression_end=5)

    assert [e.id for e in event_list_public(conflict=conflict)] == [kept.pk, confirmed.pk]
    assert event_list_public(conflict=conflict)[0] == SystemEvent(
        kept.pk, "2021-02-28", "", "happened", "talks", "Kept"
    )
    (row,) = mention_list_public(conflict=conflict)
    assert (row.id, row.event_id, row.article_id) == (m1.pk, kept.pk, article.pk)
    assert (row.sentence_start, row.sentence_end, row.trigger_start, row.trigger_end) == (
        0,
        32,
        6,
        13,
    )
    assert (row.expression_text, row.expression_start, row.factuality) == (
        "on Sunday",
        22,
        "planned",
    )
    timeline_rows = event_list_timeline(conflict=conflict)
    assert timeline_rows[0] == TimelineEvent(
        kept.pk, "Kept", "day", D(2021, 2, 28), D(2021, 2, 28), True, 0.7, 0
    )
    assert len(timeline_rows) == 2


def test_article_days_and_publication_dates():
    conflict = ConflictFactory()
    first = ArticleFactory(conflict=conflict, published=D(2021, 3, 1))
    ArticleFactory(conflict=conflict, published=D(2021, 3, 2))  # no mentions
    event = EventFactory(conflict=conflict)
    MentionFactory(event=event, article=first)
    MentionFactory(event=event, article=first, expression_start=1, expression_end=2,
                   resolved_value="2021-02", resolved_precision="month",
                   resolved_start=D(2021, 2, 1), resolved_end=D(2021, 2, 28))  # fmt: skip
    assert article_list_mention_days(conflict=conflict) == [{D(2021, 2, 28)}, set()]
    assert article_list_published(conflict=conflict) == [D(2021, 3, 1), D(2021, 3, 2)]


def test_stored_mentions_read_back_align_with_the_gold():
    gold = gold_load(Path(__file__).parent / "data" / "eventset" / "geneva.json")
    conflict = ConflictFactory()
    stored = {
        spec.id: ArticleFactory(conflict=conflict, body=spec.body, language=spec.language)
        for spec in gold.articles
    }
    articles = {
        gid: ImportedArticle(key=a.pk, body=a.body, language=a.language)
        for gid, a in stored.items()
    }
    event = EventFactory(conflict=conflict, date_value="2020-10-23", category="ceasefire")
    for m in gold.events[0].mentions:
        body = articles[m.article].body
        start = body.index(m.sentence)
        trigger = body.index(m.trigger, start)
        MentionFactory(
            event=event,
            article=stored[m.article],
            sentence=m.sentence,
            sentence_start=start,
            sentence_end=start + len(m.sentence),
            trigger=m.trigger,
            trigger_start=trigger,
            trigger_end=trigger + len(m.trigger),
            expression_text=m.date_text,
            expression_start=body.index(m.date_text, start),
            expression_end=body.index(m.date_text, start) + len(m.date_text),
        )
    result = score_gold_set(
        gold,
        articles,
        event_list_public(conflict=conflict),
        mention_list_public(conflict=conflict),
    )
    summary = summarise([result], name="geneva")
    assert summary.scopes["all"].aligned == 3
    assert summary.events.found == 1
    assert summary.events.date.correct == 1
    assert summary.scopes["all"].detection.precision == 1.0
