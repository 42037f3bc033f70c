"""Acceptance: the reference article pasted into the demo's Afghanistan conflict joins the
events the demo coverage already holds, and reads as the issue asks."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.management import call_command

from tests.conftest import require_shared
from timeline import services
from timeline.models import Article, Conflict, Mention

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


@pytest.fixture
def seeded():
    call_command("load_demo", stdout=io.StringIO())
    text = require_shared("seeds", "000_38a747c9cd03c8b7.txt").read_text(encoding="utf-8")
    article = services.article_create(
        conflict=Conflict.objects.get(slug="afghanistan"),
        title=text.splitlines()[0],
        published=datetime.date(2021, 2, 28),
        body=text,
    )
    assert article.extraction_status == Article.ExtractionStatus.DONE, article.extraction_error
    return article


def _event_of(article, expression):
    mention = Mention.objects.select_related("event").get(
        article=article, expression_text=expression
    )
    return mention, mention.event


def test_the_seed_joins_the_demo_coverage_as_the_issue_asks(seeded):
    # The Doha agreement gains the seed as a source.
    mention, event = _event_of(seeded, "February 2020")
    assert event.date_value == "2020-02-29" and event.category == "agreement"
    assert event.source_count >= 5
    assert mention.join_score is not None and "agreement" in mention.join_reasons
    # Both "a year after" sentences report the same signing.
    assert {m.event_id for m in seeded.mentions.filter(expression_text="a year after")} == {
        event.pk
    }
    # Biden's review is dated by the article, not by the deal it reviews.
    review = seeded.mentions.select_related("event").get(trigger="reviewing").event
    assert review.date_value == "2021-02-28"
    assert "review" in review.title.lower() and review.category != "agreement"
    # "by May" is a planned withdrawal.
    mention, event = _event_of(seeded, "May")
    assert mention.factuality == "deadline"
    assert event.factuality in ("planned", "deadline")
    assert event.category == "withdrawal" and event.date_value.startswith("2021-05")
    # Headline titles, not clipped sentences.
    for mention in seeded.mentions.select_related("event"):
        assert 0 < len(mention.event.title) <= 90
        assert not mention.event.title.endswith((".", ","))
