"""Cross-article joining: each dated happening an article reports either joins the event
another article already gave it or starts one (timeline.services.joining). These tests go
through the real extractor (``article_create`` extracts inline under tests) with short
texts, and check what readers and editors see: how many events, which mentions each
holds, the sources they count, their date and factuality, and why each mention joined.
"""

from __future__ import annotations

import datetime
import io
import random

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories as f
from timeline import services
from timeline.extraction.events import ARTICLE_DATE_RULE
from timeline.models import Actor, Article, Event, Mention, StoryFamily
from timeline.services import joining
from timeline.services.joining import (
    JOIN_THRESHOLD,
    KEYWORDS_KEPT,
    REFRESH_WINDOW,
    event_refresh,
)

pytestmark = pytest.mark.django_db

D = datetime.date

SIGNED = "The US and the Taliban signed an agreement in Doha on 29 February 2020."
RECALLED = "The Taliban said the deal signed in February 2020 with the US would hold."
SIGNED_FR = "Les États-Unis et les talibans ont signé un accord à Doha le 29 février 2020."
SIGNED_ES = "Estados Unidos y los talibanes firmaron un acuerdo en Doha el 29 de febrero de 2020."
PLANNED = "Talks are due to open in Doha on 12 September 2020."
OPENED = "Talks opened in Doha on 12 September 2020."


@pytest.fixture
def conflict():
    conflict = f.ConflictFactory(name="Afghan peace process", slug="afghanistan")
    conflict.actors.add(
        f.ActorFactory(name="Taliban", aliases=["the Taliban", "talibans", "talibanes"]),
        f.ActorFactory(
            name="United States",
            kind=Actor.Kind.STATE,
            aliases=["the US", "US", "États-Unis", "Estados Unidos"],
        ),
        f.ActorFactory(
            name="Afghan government",
            kind=Actor.Kind.GOVERNMENT,
            aliases=["the Afghan government", "gobierno afgano"],
        ),
    )
    return conflict


@pytest.fixture
def editor():
    return f.UserFactory(username="editor")


def publish(conflict, body: str, published: D, *, language: str = "en", **extra) -> Article:
    article = services.article_create(
        conflict=conflict,
        title=extra.pop("title", body[:60]),
        published=published,
        body=body,
        language=language,
        **extra,
    )
    assert article.extraction_status == Article.ExtractionStatus.DONE, article.extraction_error
    return article


def event_of(article: Article, category: str | None = None) -> Event:
    """The one event the article has a mention in (of ``category`` when given)."""
    mentions = Mention.objects.filter(article=article).select_related("event")
    events = {m.event for m in mentions if category is None or m.event.category == category}
    assert len(events) == 1, [(e.pk, e.title, e.category) for e in events]
    return events.pop()


def mention_of(article: Article, event: Event) -> Mention:
    return Mention.objects.get(article=article, event=event)


def reextract(*args: str) -> None:
    call_command("reextract", *args, stdout=io.StringIO())


def partition(conflict) -> list[list[tuple[int, str]]]:
    """The conflict's mentions grouped by event, without the event ids."""
    groups: dict[int, set] = {}
    for event_id, article_id, key in Mention.objects.filter(event__conflict=conflict).values_list(
        "event_id", "article_id", "key"
    ):
        groups.setdefault(event_id, set()).add((article_id, key))
    return sorted(sorted(g) for g in groups.values())


# --- 1. Another article reporting the same happening -----------------------------------


def test_a_later_article_recalling_the_signing_joins_its_event(conflict):
    first = publish(conflict, SIGNED, D(2020, 2, 29))
    second = publish(conflict, RECALLED, D(2020, 3, 5))

    event = event_of(first)
    assert event_of(second) == event
    assert Event.objects.filter(conflict=conflict).count() == 1
    assert set(event.mentions.values_list("article_id", flat=True)) == {first.pk, second.pk}
    assert event.mentions.count() == 2
    assert event.source_count == 2
    assert (event.date_value, event.date_precision) == ("2020-02-29", "day")

    started, joined = mention_of(first, event), mention_of(second, event)
    assert started.join_score is None and started.join_reasons == []
    assert joined.join_score >= JOIN_THRESHOLD
    assert joined.join_reasons[0] == "within Feb 2020"
    assert "agreement" in joined.join_reasons
    assert "Taliban + United States" in joined.join_reasons
    assert joined.join_text.startswith("joined: within Feb 2020 · agreement")


# --- 2. Dates -------------------------------------------------------------------------


def test_the_event_keeps_the_most_precise_date_its_mentions_agree_on(conflict):
    # The month-precision report comes first; the day arrives later and must win.
    first = publish(conflict, RECALLED, D(2020, 3, 5))
    assert event_of(first).date_precision == "month"
    second = publish(conflict, SIGNED, D(2020, 3, 6))

    event = event_of(second)
    assert event_of(first) == event
    assert (event.date_value, event.date_precision) == ("2020-02-29", "day")
    assert (event.date_start, event.date_end) == (D(2020, 2, 29), D(2020, 2, 29))
    assert mention_of(first, event).resolved_value == "2020-02"


@pytest.mark.parametrize(
    ("date", "published"),
    [("on 15 May 2020", D(2020, 5, 15)), ("in April 2020", D(2020, 5, 1))],
)
def test_the_same_words_on_dates_that_do_not_overlap_never_join(conflict, date, published):
    first = publish(conflict, SIGNED, D(2020, 2, 29))
    later = publish(
        conflict, f"The US and the Taliban signed an agreement in Doha {date}.", published
    )

    assert event_of(first) != event_of(later)
    assert event_of(first).mentions.count() == 1
    assert event_of(later).mentions.get().join_score is None


# --- 3. Different happenings on one day --------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "A car bomb killed twelve people in Kandahar on 29 February 2020.",
        # A shared participant alone does not make an attack the signing.
        "The Taliban attacked a checkpoint in Kunduz on 29 February 2020, killing four soldiers.",
    ],
)
def test_different_kinds_of_happening_on_one_day_stay_apart(conflict, body):
    signing = publish(conflict, SIGNED, D(2020, 2, 29))
    attack = publish(conflict, body, D(2020, 3, 1))

    assert event_of(signing) != event_of(attack)
    assert event_of(signing).category == "agreement"
    assert event_of(attack).category == "violence"
    assert event_of(signing).mentions.count() == 1
    assert Event.objects.filter(conflict=conflict).count() == 2


# --- 4. One article, one happening, two sentences -------------------------------------------


def test_one_article_reporting_a_signing_twice_gives_one_event(conflict):
    article = publish(
        conflict,
        f"{SIGNED} The Taliban and the US signed the agreement on 29 February after "
        "months of talks in Doha.",
        D(2020, 3, 1),
    )

    event = event_of(article, "agreement")
    assert event.mentions.filter(article=article).count() == 2
    assert event.source_count == 1
    assert Event.objects.filter(conflict=conflict, category="agreement").count() == 1


# --- 5. Plans and facts --------------------------------------------------------------------


@pytest.mark.parametrize("plan_first", [True, False], ids=["plan-first", "report-first"])
def test_a_plan_reported_as_happened_afterwards_is_one_event_that_happened(conflict, plan_first):
    sources = [(PLANNED, D(2020, 9, 1)), (OPENED, D(2020, 9, 13))]
    made = {body: publish(conflict, body, day) for body, day in sources[:: 1 if plan_first else -1]}
    plan, report = made[PLANNED], made[OPENED]
    if plan_first:
        assert Mention.objects.get(article=plan).factuality == "planned"

    event = event_of(plan)
    assert event_of(report) == event
    assert event.mentions.count() == 2
    assert event.factuality == "happened"
    # The title tells it as it stands: from the report that the talks opened, whichever
    # source came first (the plan's article has the clearer headline date otherwise).
    assert event.title == mention_of(report, event).title
    assert event.summary == OPENED
    joined = Mention.objects.filter(event=event).exclude(join_score=None).get()
    assert joined.join_score >= JOIN_THRESHOLD
    assert joined.join_reasons[:2] == ["same day", "talks"]


def test_sources_published_before_the_date_never_make_it_a_fact(conflict):
    # Past tense about a day after publication: written before it, so a plan.
    early = publish(conflict, OPENED, D(2020, 9, 1))
    event = event_of(early)
    assert event.factuality == "planned"

    publish(conflict, "Negotiators said talks opened in Doha on 12 September 2020.", D(2020, 9, 5))
    event.refresh_from_db()
    assert event.mentions.count() == 2
    assert event.factuality != "happened"


# --- 6. Sources ---------------------------------------------------------------------------

WIRE = (
    "The United States and the Taliban signed an agreement in Doha on 29 February 2020, "
    "setting out a withdrawal of foreign troops within fourteen months. The Taliban "
    "committed to prevent any group from using Afghan soil to threaten the security of "
    "the United States and its allies. Negotiations between the Taliban and the Afghan "
    "government were expected to follow, though no date was set for them. Officials from "
    "dozens of countries attended the ceremony in a hotel ballroom in the Qatari capital."
)


def test_a_wire_copy_in_two_outlets_counts_once_and_another_story_counts(conflict):
    wire = publish(conflict, WIRE, D(2020, 2, 29), outlet="Agence One")
    copy = publish(conflict, "DOHA (Wire) - " + WIRE, D(2020, 2, 29), outlet="Daily Two")
    wire.refresh_from_db()
    copy.refresh_from_db()
    assert wire.family_id is not None and wire.family_id == copy.family_id

    event = event_of(wire, "agreement")
    assert event_of(copy, "agreement") == event
    assert event.mentions.values("article").distinct().count() == 2
    assert event.source_count == 1

    other = publish(conflict, SIGNED_FR, D(2020, 3, 1), language="fr")
    other.refresh_from_db()
    assert other.family_id is None
    event.refresh_from_db()
    assert event_of(other) == event
    assert event.source_count == 2


# --- 7. Editors' work ---------------------------------------------------------------------

HEADLINED = "The Taliban and the US signed the Doha agreement on 29 February 2020, officials said."


def test_a_source_naming_the_happening_in_its_headline_retitles_an_unedited_event(conflict):
    # The control for the next test: left alone, this join changes the title.
    first = publish(conflict, SIGNED, D(2020, 2, 29), title="Afghanistan briefing")
    event = event_of(first)
    assert event.title == "US and Taliban sign agreement in Doha"

    publish(conflict, HEADLINED, D(2020, 3, 1), title="Taliban and US sign Doha agreement")
    event.refresh_from_db()
    assert event.mentions.count() == 2
    assert event.title == "Taliban and US sign Doha agreement"


def test_a_join_never_rewrites_the_title_an_editor_gave(conflict, editor):
    first = publish(conflict, SIGNED, D(2020, 2, 29), title="Afghanistan briefing")
    event = event_of(first)
    services.event_update(
        event=event, expected_version=event.version, changes={"title": "Doha deal"}, user=editor
    )

    second = publish(conflict, HEADLINED, D(2020, 3, 1), title="Taliban and US sign Doha agreement")
    reextract()

    event.refresh_from_db()
    assert event_of(second) == event
    assert event.mentions.count() == 2
    assert event.editor_fields == ["title"]
    assert event.title == "Doha deal"


def test_a_mention_an_editor_split_off_is_never_joined_again(conflict, editor):
    first = publish(conflict, SIGNED, D(2020, 2, 29))
    second = publish(conflict, RECALLED, D(2020, 3, 5))
    event = event_of(first)
    split = services.event_split(
        mention=mention_of(second, event), user=editor, expected_version=event.version
    )
    assert split != event

    reextract()
    services.article_extract(article=second)
    third = publish(conflict, SIGNED_ES, D(2020, 3, 2), language="es")

    moved = Mention.objects.get(article=second)
    assert moved.pinned
    assert moved.event_id == split.pk
    assert Mention.objects.get(article=first).event_id == event.pk
    assert Mention.objects.get(article=third).event_id in {event.pk, split.pk}
    assert Event.objects.get(pk=split.pk).mentions.filter(article=second).exists()


def test_a_split_off_mention_no_longer_explains_a_join_to_its_old_event(conflict, editor):
    first = publish(conflict, SIGNED, D(2020, 2, 29))
    second = publish(conflict, RECALLED, D(2020, 3, 5))
    event = event_of(first)
    services.event_split(mention=mention_of(second, event), user=editor)

    moved = Mention.objects.get(article=second)
    assert (moved.join_score, moved.join_reasons) == (None, [])
    assert moved.join_text == "placed by an editor"


def test_events_an_editor_merged_stay_merged_through_re_extraction(conflict, editor):
    first = publish(conflict, SIGNED, D(2020, 2, 29))
    second = publish(
        conflict,
        "The US and the Taliban signed an agreement in Doha on 15 May 2020.",
        D(2020, 5, 15),
    )
    kept, gone = event_of(first), event_of(second)
    services.event_merge(events=[kept, gone], target=kept, user=editor)

    reextract()

    assert event_of(first) == kept and event_of(second) == kept
    gone.refresh_from_db()
    assert gone.status == Event.Status.REJECTED
    assert not gone.mentions.exists()
    assert Event.objects.filter(conflict=conflict).count() == 2


def test_re_extraction_does_not_bring_back_what_an_editor_rejected(conflict, editor):
    article = publish(conflict, SIGNED, D(2020, 2, 29))
    event = event_of(article)
    services.event_reject(event=event, user=editor)

    reextract()

    assert event_of(article) == event
    assert Event.objects.filter(conflict=conflict).count() == 1
    event.refresh_from_db()
    assert event.status == Event.Status.REJECTED


# --- 8. Re-extraction ---------------------------------------------------------------------


def _state(conflict) -> tuple:
    rows = Mention.objects.filter(event__conflict=conflict).values_list(
        "pk", "article_id", "key", "event_id", "join_score"
    )
    events = Event.objects.filter(conflict=conflict).values_list(
        "pk", "date_value", "factuality", "source_count"
    )
    return sorted(rows), sorted(events)


def test_re_extracting_twice_changes_nothing_and_keeps_the_joins(conflict):
    first = publish(
        conflict, f"{SIGNED} Talks are due to open in Doha on 10 March 2020.", D(2020, 2, 29)
    )
    second = publish(conflict, RECALLED, D(2020, 3, 5))
    third = publish(conflict, SIGNED_FR, D(2020, 3, 1), language="fr")
    before = _state(conflict)
    assert len(before[0]) == 4 and len(before[1]) == 2

    report = services.article_extract(article=second)
    assert (report.created, report.joined, report.removed, report.unchanged) == (0, 0, 0, 1)
    reextract()
    reextract("--conflict", conflict.slug)

    assert _state(conflict) == before
    deal = event_of(first, "agreement")
    assert event_of(second) == deal and event_of(third) == deal
    assert deal.source_count == 3


@pytest.mark.parametrize("reverse", [False, True], ids=["in-order", "reversed"])
def test_the_events_do_not_depend_on_the_order_articles_arrive_in(conflict, reverse):
    sources = [
        (SIGNED, D(2020, 2, 29), "en"),
        (SIGNED_FR, D(2020, 3, 1), "fr"),
        ("A car bomb killed twelve people in Kandahar on 29 February 2020.", D(2020, 3, 1), "en"),
        ("The US and the Taliban signed an agreement in Doha last week.", D(2020, 3, 4), "en"),
        (RECALLED, D(2020, 3, 5), "en"),
        (PLANNED, D(2020, 9, 1), "en"),
        (OPENED, D(2020, 9, 13), "en"),
    ]
    made = {
        body: publish(conflict, body, day, language=language).pk
        for body, day, language in (reversed(sources) if reverse else sources)
    }
    deal, bomb, talks = (
        [SIGNED, SIGNED_FR, sources[3][0], RECALLED],
        [sources[2][0]],
        [PLANNED, OPENED],
    )
    expected = sorted(sorted(made[body] for body in group) for group in (deal, bomb, talks))

    groups = partition(conflict)
    assert [sorted(article for article, _ in group) for group in groups] == expected
    reextract()
    assert partition(conflict) == groups


# --- 9. Bounded joining ---------------------------------------------------------------


def test_an_event_of_another_conflict_never_receives_the_mention(conflict):
    elsewhere = f.ConflictFactory(name="Another process", slug="another")
    elsewhere.actors.add(*conflict.actors.all())
    theirs = publish(elsewhere, SIGNED, D(2020, 2, 29))
    # The same story: article texts are unique across conflicts, so one more sentence.
    ours = publish(conflict, SIGNED + " Officials confirmed it.", D(2020, 2, 29))

    assert event_of(theirs).conflict == elsewhere
    assert event_of(ours).conflict == conflict
    assert event_of(theirs).mentions.count() == 1
    assert event_of(ours).mentions.get().join_score is None


def test_candidates_come_from_the_conflict_and_date_index(conflict):
    publish(conflict, SIGNED, D(2020, 2, 29))
    with CaptureQueriesContext(connection) as queries:
        publish(conflict, RECALLED, D(2020, 3, 5))

    # Every read of a conflict's events while joining is bounded by dates (the
    # event_join_idx index on conflict, date_end, date_start): never a scan of the conflict.
    wheres = [
        q["sql"].split(" WHERE ", 1)[1]
        for q in queries.captured_queries
        if q["sql"].startswith("SELECT")
        and ' FROM "timeline_event" ' in q["sql"]
        and " WHERE " in q["sql"]
    ]
    pools = [w for w in wheres if '"timeline_event"."conflict_id" =' in w]
    assert pools
    for where in pools:
        assert '"timeline_event"."date_start" <=' in where
        assert '"timeline_event"."date_end" >=' in where


# --- 10. Across languages -------------------------------------------------------------


@pytest.mark.parametrize(("language", "body"), [("fr", SIGNED_FR), ("es", SIGNED_ES)])
def test_a_report_in_another_language_joins_the_english_event(conflict, language, body):
    english = publish(conflict, SIGNED, D(2020, 2, 29))
    other = publish(conflict, body, D(2020, 3, 1), language=language)

    event = event_of(english)
    assert event_of(other) == event
    assert event.source_count == 2
    joined = mention_of(other, event)
    assert joined.join_reasons[:2] == ["same day", "agreement"]
    assert joined.join_score >= JOIN_THRESHOLD


@pytest.mark.parametrize(
    ("language", "body"),
    [
        ("fr", SIGNED_FR),
        ("es", SIGNED_ES),
    ],
)
def test_a_join_across_languages_names_both_participants(conflict, language, body):
    english = publish(conflict, SIGNED, D(2020, 2, 29))
    other = publish(conflict, body, D(2020, 3, 1), language=language)

    joined = mention_of(other, event_of(english))
    assert sorted(joined.actor_names) == ["Taliban", "United States"]
    assert "Taliban + United States" in joined.join_reasons


def test_the_title_is_in_the_language_most_sources_are_written_in(conflict):
    english = publish(conflict, SIGNED, D(2020, 2, 29), title="Afghanistan briefing")
    event = event_of(english)
    assert (event.title, event.language) == ("US and Taliban sign agreement in Doha", "en")

    # One source in another language, even one naming the signing in its headline, does
    # not turn the title of an event its first source titled in English.
    publish(conflict, SIGNED_FR, D(2020, 3, 1), language="fr", title="Accord de Doha signé")
    event.refresh_from_db()
    assert event.source_count == 2
    assert event.language == "en" and event.title == "US and Taliban sign agreement in Doha"

    # When most of its sources are French, the event reads in French.
    publish(
        conflict,
        "Les talibans et les États-Unis ont signé l'accord de Doha le 29 février 2020.",
        D(2020, 3, 2),
        language="fr",
        title="Les talibans et Washington signent à Doha",
    )
    event.refresh_from_db()
    assert event.source_count == 3
    assert event.language == "fr" and event.title != "US and Taliban sign agreement in Doha"


# --- 11. Events of many sources -------------------------------------------------------


def test_an_event_of_more_mentions_than_the_refresh_window_counts_them_all(conflict):
    """Past REFRESH_WINDOW mentions an event is still put together from all of them: here
    every mention that decides its sources, date, factuality, title and confidence comes
    after the first REFRESH_WINDOW, so reading only those would get each of them wrong."""
    early, late = REFRESH_WINDOW + 10, 60
    wire = StoryFamily.objects.create()
    articles = Article.objects.bulk_create(
        f.ArticleFactory.build(
            conflict=conflict,
            published=D(2021, 1, 15) if i < early else D(2021, 3, 1),
            # The first 30 late articles are copies of one wire story: one source.
            family=wire if early <= i < early + 30 else None,
        )
        for i in range(early + late)
    )
    event = f.EventFactory(conflict=conflict, category="talks", title="Talks")
    plan = {
        "factuality": "planned",
        "title": "Talks planned in Doha",
        "paragraph": 3,
        "actor_names": ["Taliban"],
        "places": ["Doha"],
        "resolved_value": "2021-02",
        "resolved_precision": "month",
        "resolved_start": D(2021, 2, 1),
        "resolved_end": D(2021, 2, 28),
    }
    report = {
        "factuality": "happened",
        "title": "Talks opened in Doha",
        "in_headline": True,
        "paragraph": 0,
        "actor_names": ["Taliban", "United States"],
        "places": ["Kabul", "Doha"],
        "resolved_value": "2021-02-26",
        "resolved_precision": "day",
        "resolved_start": D(2021, 2, 26),
        "resolved_end": D(2021, 2, 26),
    }
    Mention.objects.bulk_create(
        f.MentionFactory.build(
            event=event,
            article=article,
            category="talks",
            confidence=0.9 if i == early + late - 1 else 0.5,
            **(plan if i < early else report),
        )
        for i, article in enumerate(articles)
    )

    assert event_refresh(event_id=event.pk)

    event.refresh_from_db()
    assert event.source_count == early + 1 + (late - 30)
    # The facts agree on the day; the plans before it never make it one.
    assert (event.date_value, event.date_precision) == ("2021-02-26", "day")
    assert event.factuality == "happened"
    assert event.title == "Talks opened in Doha"
    assert event.confidence == 0.9
    assert set(event.actors.values_list("name", flat=True)) == {"Taliban", "United States"}
    assert event.places == ["Doha", "Kabul"]
    assert event.scope == Event.Scope.CORE
    assert 0 < len(event.keywords) <= KEYWORDS_KEPT


@pytest.mark.parametrize("seed", range(6))
def test_the_database_puts_an_event_of_many_mentions_together_as_python_would(
    conflict, monkeypatch, seed
):
    """Past REFRESH_WINDOW an event is put together by database aggregates and orderings;
    on the same mentions they give what reading every mention gives (match words aside,
    which come from the first REFRESH_WINDOW mentions either way), as long as its
    distinct actor and place lists fit in the window."""
    rng = random.Random(seed)
    families = [StoryFamily.objects.create() for _ in range(3)]
    days = [D(2021, 2, 26), D(2021, 2, 27), D(2021, 3, 2)]
    articles = Article.objects.bulk_create(
        f.ArticleFactory.build(
            conflict=conflict,
            published=rng.choice([D(2021, 2, 20), D(2021, 2, 26), D(2021, 3, 1), D(2024, 6, 1)]),
            language=rng.choice(["en", "en", "fr", "es"]),
            family=rng.choice([None, None, *families]),
        )
        for _ in range(30)
    )
    event = f.EventFactory(conflict=conflict, category="talks", title="Talks")
    mentions = []
    for article in articles:
        for key in range(rng.randint(1, 2)):
            if rng.random() < 0.3:
                value, precision, start, end = "2021-02", "month", D(2021, 2, 1), D(2021, 2, 28)
            else:
                day = rng.choice(days)
                value, precision, start, end = day.isoformat(), "day", day, day
            mentions.append(
                f.MentionFactory.build(
                    event=event,
                    article=article,
                    key=f"k{key}",
                    sentence=f"Report {len(mentions)}.",  # the summary tells which won
                    factuality=rng.choice(["happened", "planned", "expected", "not_happened"]),
                    category=rng.choice(["talks", "agreement", "statement", "other"]),
                    reference=rng.random() < 0.2,
                    rule=rng.choice(["weekday-same-day", ARTICLE_DATE_RULE]),
                    in_headline=rng.random() < 0.3,
                    paragraph=rng.choice([0, 1, 4]),
                    title=rng.choice(["Talks", "Talks open in Doha", "Talks " * 20]),
                    confidence=round(rng.random(), 2),
                    actor_names=rng.sample(["Taliban", "United States", "Afghan government"], 2),
                    places=rng.sample(["Doha", "Kabul", "Oslo"], rng.randint(0, 2)),
                    resolved_value=value,
                    resolved_precision=precision,
                    resolved_start=start,
                    resolved_end=end,
                )
            )
    Mention.objects.bulk_create(mentions)
    fields = [
        "title", "summary", "language", "category", "places", "date_value", "date_precision",
        "date_start", "date_end", "factuality", "scope", "source_count", "importance",
        "confidence",
    ]  # fmt: skip

    def put_together() -> dict:
        Event.objects.filter(pk=event.pk).update(title="?", source_count=0, places=[])
        event.actors.clear()
        assert event_refresh(event_id=event.pk)
        fresh = Event.objects.get(pk=event.pk)
        return {
            **{name: getattr(fresh, name) for name in fields},
            "actors": set(fresh.actors.values_list("name", flat=True)),
        }

    read_in_python = put_together()
    # Fewer than the 30-60 mentions, more than their distinct actor and place lists.
    monkeypatch.setattr(joining, "REFRESH_WINDOW", 12)
    assert put_together() == read_in_python


def test_mentions_deleted_meanwhile_leave_the_rows_already_read(conflict):
    """Past REFRESH_WINDOW each answer is its own query: mentions another worker deletes
    between the first read and the aggregates (an article re-extracted meanwhile) leave
    the answers of the rows already read, not an error."""
    event = f.EventFactory(conflict=conflict)
    article = f.ArticleFactory(conflict=conflict, published=D(2021, 3, 1), language="fr")
    f.MentionFactory(event=event, article=article, confidence=0.7, title="Talks open in Doha")
    rows = joining._rows(Mention.objects.filter(event=event))
    gone = joining._ManyMentions(Mention.objects.none(), rows)
    read = joining._FewMentions(rows)
    assert gone.totals() == read.totals() == (1, 1, 0.7)
    assert gone.dates() == read.dates()
    assert gone.factuality(D(2021, 2, 1)) == read.factuality(D(2021, 2, 1))
    assert gone.languages() == read.languages() == {"fr": 1}
    assert gone.clearest({"fr"}, "happened") == rows[0]
