"""Which language an article is read in: given, detected when left blank (admin, command,
service), or kept with a warning when the extractor cannot read it; right-to-left text
marked up with dir and lang wherever it is shown."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.factories import ConflictFactory
from timeline import services
from timeline.forms import ArticleForm
from timeline.models import Article, Event

pytestmark = pytest.mark.django_db

ITALIAN = (
    "Il 17 febbraio 2011 migliaia di persone sono scese in piazza a Bengasi contro il regime. "
    "Martedì scorso i delegati delle due parti si sono incontrati a Ginevra per un nuovo "
    "ciclo di colloqui, che riprenderanno a marzo."
)
ARABIC = (
    "وقّع الطرفان اتفاقا لوقف إطلاق النار في الدوحة يوم السبت 3 أكتوبر 2020. "
    "وقال الوسطاء إن جولة جديدة من المحادثات ستعقد في شهر نوفمبر."
)
RUSSIAN = (
    "17 февраля 2011 года тысячи людей вышли на улицы Бенгази против режима. "
    "В прошлый вторник делегации двух сторон встретились в Женеве на новый раунд переговоров."
)
LATIN = (
    "Pacem in terris, in qua omnes homines vivant, semper optaverunt populi et reges "
    "antiqui, sed bella multa gesserunt."
)


def _admin_add(admin_client, conflict, body, title, published="2020-10-06", language=""):
    return admin_client.post(
        reverse("admin:timeline_article_add"),
        {
            "conflict": conflict.pk,
            "title": title,
            "outlet": "",
            "url": "",
            "published": published,
            "language": language,
            "body": body,
        },
        follow=True,
    )


@pytest.fixture
def conflict():
    return ConflictFactory(name="Libya", slug="libya")


@pytest.mark.parametrize(
    ("body", "published", "code", "expected"),
    [
        # (date value, precision) pairs the events must include
        (ITALIAN, "2020-10-08", "it", {("2011-02-17", "day"), ("2020-10-06", "day")}),
        (ARABIC, "2020-10-06", "ar", {("2020-10-03", "day"), ("2020-11", "month")}),
        (RUSSIAN, "2020-10-08", "ru", {("2011-02-17", "day"), ("2020-10-06", "day")}),
    ],
    ids=["it", "ar", "ru"],
)
def test_pasted_in_the_admin_with_no_language_it_is_detected_and_dated(
    admin_client, conflict, body, published, code, expected
):
    response = _admin_add(admin_client, conflict, body, f"Article {code}", published)
    assert response.status_code == 200
    article = Article.objects.get()
    assert (article.language, article.language_detected, article.language_warning) == (
        code,
        True,
        "",
    )
    assert "Language detected:" in response.content.decode()
    got = set(
        Event.objects.filter(mentions__article=article).values_list("date_value", "date_precision")
    )
    assert expected <= got, got


def test_arabic_sentences_and_titles_read_right_to_left(admin_client, client, conflict):
    _admin_add(admin_client, conflict, ARABIC, "اتفاق في الدوحة")
    event = Event.objects.get(date_value="2020-10-03")
    assert event.language == "ar"
    html = client.get(reverse("event_detail", args=[event.pk])).content.decode()
    assert '<blockquote dir="auto" lang="ar">' in html
    assert f'<h1 id="event-title-{event.pk}" dir="auto" lang="ar">' in html
    timeline = client.get(reverse("conflict_detail", args=["libya"])).content.decode()
    assert 'dir="auto" lang="ar"' in timeline
    admin_page = admin_client.get(
        reverse("admin:timeline_article_change", args=[event.mentions.first().article_id])
    ).content.decode()
    assert '<span dir="auto" lang="ar">' in admin_page


def test_a_language_the_extractor_cannot_read_is_kept_with_a_warning(admin_client, conflict):
    response = _admin_add(admin_client, conflict, LATIN + " Anno 2011 pax facta est.", "Latin")
    article = Article.objects.get()
    assert article.language == "und" and article.language_detected
    assert "Detected Latin" in article.language_warning
    assert "Detected Latin" in response.content.decode()
    # Read for what is written in digits, never as English.
    assert set(Event.objects.values_list("date_value", flat=True)) <= {"2011"}


def test_a_given_language_wins_over_detection_and_tags_resolve(conflict):
    article = services.article_create(
        conflict=conflict,
        title="Given",
        published=dt.date(2020, 10, 6),
        body="Le 3 octobre 2020, les deux camps ont signé un accord à Doha.",
        language="pt-BR",
    )
    assert (article.language, article.language_detected) == ("pt", False)


def test_too_little_text_is_undetermined_not_english(conflict):
    article = services.article_create(
        conflict=conflict, title="Short", published=dt.date(2020, 10, 6), body="2020-10-03."
    )
    assert article.language == "und" and article.language_detected
    assert "could not be detected" in article.language_warning


def test_clearing_the_language_in_the_admin_detects_it_again(admin_client, conflict):
    article = services.article_create(
        conflict=conflict,
        title="Mislabelled",
        published=dt.date(2020, 10, 8),
        body=ITALIAN,
        language="en",
    )
    assert article.language == "en"
    services.article_update(article=article, changes={"language": ""})
    article.refresh_from_db()
    assert (article.language, article.language_detected) == ("it", True)
    assert Event.objects.filter(mentions__article=article, date_value="2020-10-06").exists()


def test_the_entry_form_offers_detection_first_and_every_language():
    form = ArticleForm()
    choices = form.fields["language"].choices
    assert choices[0] == ("", "Detect it from the text")
    codes = {code for code, _ in choices}
    assert {"it", "ar", "ru", "de", "pt", "uk", "fa", "tr", "am", "ps", "und"} <= codes
    assert form.initial["language"] == ""


def test_the_admin_shows_expressions_the_extractor_could_not_read(admin_client, conflict):
    article = services.article_create(
        conflict=conflict, title="Faulty", published=dt.date(2020, 10, 6), body=ITALIAN
    )
    Article.objects.filter(pk=article.pk).update(
        extraction_faults=[
            {
                "rule": "r_month",
                "text": "a marzo",
                "start": 10,
                "error": "AttributeError",
                "message": "boom",
            }
        ]
    )
    html = admin_client.get(
        reverse("admin:timeline_article_change", args=[article.pk])
    ).content.decode()
    assert "rule r_month raised AttributeError (boom)" in html
    assert '<q dir="auto" lang="it">a marzo</q>' in html


def _import_articles(stdout, *args):
    """``import_articles`` into the Libya conflict, its report written to ``stdout``."""
    call_command(
        "import_articles", "--conflict", "libya", *args, stdout=stdout, stderr=io.StringIO()
    )


def test_import_articles_detects_each_file_and_accepts_every_language(tmp_path, conflict):
    italian, arabic = tmp_path / "it.txt", tmp_path / "ar.txt"
    italian.write_text("Colloqui a Ginevra\n\n" + ITALIAN, encoding="utf-8")
    arabic.write_text("اتفاق في الدوحة\n\n" + ARABIC, encoding="utf-8")
    out = io.StringIO()
    _import_articles(out, "--published", "2020-10-08", str(italian))
    assert "(Italian, detected)" in out.getvalue()
    _import_articles(out, "--published", "2020-10-06", "--language", "ar", str(arabic))
    assert "(Arabic)" in out.getvalue()
    assert Article.objects.get(title="اتفاق في الدوحة").language == "ar"
