"""Services against the database: article entry, extraction storage, editor protection."""

import datetime as dt

import pytest

from tests.factories import ActorFactory, ConflictFactory, UserFactory
from timeline import services
from timeline.extraction import ExtractionError
from timeline.extraction.types import EventCandidate, ExtractionResult, TemporalExpression
from timeline.models import Article, Event, Mention
from timeline.services import articles as articles_service

pytestmark = pytest.mark.django_db

BODY = "Talks resumed in Doha on Sunday. The deal was signed in February 2020."


def _expr(body, text, value, precision, lo, hi=None, mod=""):
    """The expression ``text`` where it stands in ``body``, its interval ``lo`` to ``hi``
    (``lo`` alone when it is one day)."""
    start = body.index(text)
    return TemporalExpression(
        text=text,
        start=start,
        end=start + len(text),
        type="DATE",
        value=value,
        mod=mod,
        precision=precision,
        interval_start=lo,
        interval_end=hi or lo,
        rule="test",
        anchor=dt.date(2021, 2, 28),
        anchor_kind="published",
    )


def _fake_result(body=BODY, *, title_suffix=""):
    sunday = _expr(body, "on Sunday", "2021-02-28", "day", dt.date(2021, 2, 28))
    feb = _expr(
        body, "February 2020", "2020-02", "month", dt.date(2020, 2, 1), dt.date(2020, 2, 29)
    )
    s1_end = body.index(".") + 1
    events = (
        EventCandidate(
            sentence=body[:s1_end],
            sentence_start=0,
            sentence_end=s1_end,
            date=sunday,
            expressions=(sunday,),
            title="Talks resumed in Doha" + title_suffix,
            category="talks",
            actors=("Taliban",),
            places=("Doha",),
            confidence=0.9,
        ),
        EventCandidate(
            sentence=body[s1_end + 1 :],
            sentence_start=s1_end + 1,
            sentence_end=len(body),
            date=feb,
            expressions=(feb,),
            title="The deal was signed",
            category="agreement",
            confidence=0.8,
        ),
    )
    return ExtractionResult(
        expressions=(sunday, feb),
        events=events,
        published=dt.date(2021, 2, 28),
        language="en",
        version="test-1",
    )


@pytest.fixture
def fake_extractor(monkeypatch):
    state = {"result": _fake_result()}

    def fake(text, **kwargs):
        result = state["result"]
        if isinstance(result, Exception):
            raise result
        return result

    monkeypatch.setattr(articles_service, "extract", fake)
    return state


@pytest.fixture
def conflict():
    conflict = ConflictFactory()
    ActorFactory(name="Taliban", aliases=["the Taliban"]).conflicts.add(conflict)
    return conflict


def _create(conflict, body=BODY, **kw):
    return services.article_create(
        conflict=conflict, title="  A   title ", published=dt.date(2021, 2, 28), body=body, **kw
    )


def test_text_clean_strips_nul_and_control_characters_but_keeps_lines():
    assert services.text_clean("a\x00b\x07c\r\nd\te\x1b") == "abc\nd\te"


def test_article_create_stores_cleaned_text_and_hash(conflict, fake_extractor):
    article = _create(conflict, body="Peace\x00 talks on Sunday.\r\n")
    assert article.body == "Peace talks on Sunday."
    assert article.title == "A title"
    assert article.content_hash == services.article_content_hash(body="peace TALKS  on Sunday.")


def test_extraction_stores_events_with_mentions_and_trail(conflict, fake_extractor):
    article = _create(conflict)
    assert article.extraction_status == Article.ExtractionStatus.DONE
    assert article.extractor_version == "test-1"
    events = list(Event.objects.filter(conflict=conflict).order_by("date_start"))
    assert [(e.date_value, e.date_precision, e.category) for e in events] == [
        ("2020-02", "month", "agreement"),
        ("2021-02-28", "day", "talks"),
    ]
    talks = events[1]
    assert [a.name for a in talks.actors.all()] == ["Taliban"]
    assert talks.places == ["Doha"]
    mention = talks.mentions.get()
    assert mention.expression_text == "on Sunday"
    assert mention.sentence_parts[1] == "on Sunday"
    assert mention.explanation.startswith("'on Sunday' + published 2021-02-28")
    assert talks.history.first().history_user.username == services.SYSTEM_EXTRACTOR_USERNAME


def test_reextracting_an_unchanged_article_creates_no_duplicates(conflict, fake_extractor):
    article = _create(conflict)
    before = set(Event.objects.values_list("pk", flat=True))
    report = services.article_extract(article=article)
    report2 = services.article_extract(article=article)
    assert set(Event.objects.values_list("pk", flat=True)) == before
    assert Mention.objects.count() == 2
    assert (report.created, report.unchanged) == (0, 2)
    assert (report2.created, report2.unchanged) == (0, 2)


def test_reextraction_refreshes_machine_fields_but_never_editor_fields(conflict, fake_extractor):
    article = _create(conflict)
    talks = Event.objects.get(date_value="2021-02-28")
    editor = UserFactory()
    services.event_update(
        event=talks,
        expected_version=talks.version,
        changes={"title": "Envoy meets Taliban in Doha"},
        user=editor,
    )
    fake_extractor["result"] = _fake_result(title_suffix=" again")
    services.article_extract(article=article)
    services.article_extract(article=article)
    talks.refresh_from_db()
    assert talks.title == "Envoy meets Taliban in Doha"
    assert "title" in talks.editor_fields
    deal = Event.objects.get(date_value="2020-02")
    assert deal.title == "The deal was signed"
    assert Event.objects.count() == 2


def test_extractor_error_marks_article_failed_with_reason(conflict, fake_extractor):
    fake_extractor["result"] = ExtractionError("over its time budget")
    article = _create(conflict)
    assert article.extraction_status == Article.ExtractionStatus.FAILED
    assert "time budget" in article.extraction_error
    assert not Event.objects.exists()


def test_failure_while_storing_leaves_no_partial_events(conflict, fake_extractor, monkeypatch):
    calls = {"n": 0}
    real_save = Mention.save

    def save_then_fail(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:  # the first event and mention are already written
            raise RuntimeError("disk full")
        return real_save(self, *args, **kwargs)

    monkeypatch.setattr(Mention, "save", save_then_fail)
    article = _create(conflict)
    article.refresh_from_db()
    assert article.extraction_status == Article.ExtractionStatus.FAILED
    assert "disk full" in article.extraction_error
    assert Event.objects.count() == 0
    assert Mention.objects.count() == 0


def test_event_update_refuses_a_stale_version(conflict, fake_extractor):
    _create(conflict)
    event = Event.objects.first()
    user = UserFactory()
    services.event_update(event=event, expected_version=1, changes={"title": "A"}, user=user)
    with pytest.raises(services.EventConflictError) as excinfo:
        services.event_update(event=event, expected_version=1, changes={"title": "B"}, user=user)
    assert excinfo.value.current.title == "A"
    event.refresh_from_db()
    assert (event.title, event.version) == ("A", 2)


def test_changing_publication_date_reextracts(conflict, fake_extractor):
    article = _create(conflict)
    calls = []
    monkey_result = fake_extractor["result"]

    def spy(text, **kwargs):
        calls.append(kwargs["published"])
        return monkey_result

    articles_service.extract = spy  # restored by monkeypatch in fake_extractor
    services.article_update(article=article, changes={"published": dt.date(2021, 3, 1)})
    assert calls == [dt.date(2021, 3, 1)]
