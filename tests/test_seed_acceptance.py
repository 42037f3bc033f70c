"""Acceptance: the reference article imported with import_articles yields the gold dates."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from tests.conftest import require_shared
from tests.factories import ConflictFactory
from timeline.models import Article, Event, Mention

pytestmark = pytest.mark.django_db


@pytest.fixture
def seed():
    gold_path = require_shared("acceptance", "seed_gold.json")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    article_path = (gold_path.parent / gold["article"]).resolve()
    ConflictFactory(slug="afghanistan", name=gold["conflict"])
    out = StringIO()
    call_command(
        "import_articles",
        "--conflict",
        "afghanistan",
        "--published",
        gold["publication_date"],
        str(article_path),
        stdout=out,
    )
    article = Article.objects.get()
    assert article.extraction_status == Article.ExtractionStatus.DONE, article.extraction_error
    return gold, article


def _mention_for(article, text):
    """The stored mention whose expression lies inside the gold span (TimeML extents may be
    narrower than the gold text, e.g. '2001' inside 'in 2001')."""
    at = article.body.find(text)
    assert at >= 0, f"{text!r} not in the article"
    for mention in Mention.objects.filter(article=article).select_related("event"):
        if mention.expression_start < at + len(text) and at < mention.expression_end:
            return mention
    return None


def test_every_required_expression_dates_an_event_exactly(seed):
    gold, article = seed
    results = []
    for item in gold["required"]:
        mention = _mention_for(article, item["text"])
        got = None
        if mention:
            event = mention.event
            got = (
                event.date_value,
                event.date_mod,
                event.date_precision,
                event.date_start.isoformat(),
                event.date_end.isoformat(),
            )
        want = (
            item["value"],
            item.get("mod", ""),
            item["precision"],
            item["start"],
            item["end"],
        )
        results.append((item["text"], got == want, got, want))
    failures = [r for r in results if not r[1]]
    assert not failures, f"{len(results) - len(failures)}/{len(results)} right; wrong: {failures}"


def test_no_event_is_dated_from_a_must_not_date_span(seed):
    gold, article = seed
    for item in gold["must_not_date"]:
        at = article.body.find(item["text"])
        assert at >= 0
        hits = Mention.objects.filter(
            article=article, expression_start__lt=at + len(item["text"]), expression_end__gt=at
        )
        assert not hits.exists(), f"{item['text']!r} dated an event: {list(hits)}"


def test_seed_events_keep_their_sentences_and_trails(seed):
    _, article = seed
    for mention in Mention.objects.filter(article=article):
        assert article.body[mention.sentence_start : mention.sentence_end] == mention.sentence
        expr = article.body[mention.expression_start : mention.expression_end]
        assert expr == mention.expression_text
        assert mention.explanation
    assert Event.objects.filter(date_precision="month").exists()
