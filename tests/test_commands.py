import datetime
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.factories import ConflictFactory
from timeline.models import Actor, Article, Conflict, Event

pytestmark = pytest.mark.django_db


def _run(*args):
    out, err = StringIO(), StringIO()
    try:
        call_command(*args, stdout=out, stderr=err)
        error = None
    except CommandError as exc:
        error = exc
    return out.getvalue(), err.getvalue(), error


def test_import_articles_reports_each_file(tmp_path):
    ConflictFactory(slug="afghanistan")
    good = tmp_path / "good.txt"
    good.write_text("Envoy visits Kabul\n\nTalks resumed in Doha last week.", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Acuerdo firmado en La Habana el año pasado".encode("latin-1"))
    missing = tmp_path / "missing.txt"

    out, err, error = _run(
        "import_articles",
        "--conflict",
        "afghanistan",
        "--published",
        "2021-02-28",
        str(good),
        str(empty),
        str(latin),
        str(missing),
    )
    assert "good.txt: created article" in out
    assert "“Envoy visits Kabul”" in out
    assert "empty.txt: not imported: The article text is empty." in err
    assert "latin1.txt: not imported: not UTF-8 text" in err
    assert "missing.txt: not imported: no such file" in err
    assert "3 of 4 file(s) not imported" in str(error)
    article = Article.objects.get()
    assert Event.objects.filter(mentions__article=article, date_value="2021-W07").exists()


def test_import_articles_refuses_the_same_file_twice(tmp_path):
    ConflictFactory(slug="c")
    path = tmp_path / "a.txt"
    path.write_text("Talks resumed on Sunday.", encoding="utf-8")
    _run("import_articles", "--conflict", "c", "--published", "2021-02-28", str(path))
    _out, err, error = _run(
        "import_articles", "--conflict", "c", "--published", "2021-02-28", str(path)
    )
    assert "already stored" in err
    assert error is not None
    assert Article.objects.count() == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--conflict", "nope", "--published", "2021-02-28"], "No conflict with slug 'nope'"),
        (["--conflict", "c", "--published", "28/02/2021"], "--published must be YYYY-MM-DD"),
        (["--conflict", "c", "--published", "2999-01-01"], "in the future"),
    ],
)
def test_import_articles_bad_arguments(tmp_path, args, message):
    ConflictFactory(slug="c")
    path = tmp_path / "a.txt"
    path.write_text("Talks resumed on Sunday.", encoding="utf-8")
    _out, err, error = _run("import_articles", *args, str(path))
    assert message in str(error) + err
    assert not Article.objects.exists()


def test_load_demo_is_idempotent_and_complete():
    out, _, error = _run("load_demo")
    assert error is None, error
    counts = (Conflict.objects.count(), Article.objects.count(), Event.objects.count())
    assert counts[0] >= 3
    for conflict in Conflict.objects.all():
        assert conflict.articles.count() >= 10, conflict
        assert conflict.actors.exists()
    assert Article.objects.filter(extraction_status="done").count() == counts[1]
    assert counts[2] > 0

    out, _, error = _run("load_demo")
    assert error is None
    assert (Conflict.objects.count(), Article.objects.count(), Event.objects.count()) == counts
    assert "0 articles created" in out


def test_demo_data_is_well_formed():
    from timeline.management.commands.load_demo import DEMO_FILE

    data = json.loads(DEMO_FILE.read_text(encoding="utf-8"))
    urls = [a["url"] for c in data["conflicts"] for a in c["articles"]]
    assert len(urls) == len(set(urls))
    kinds = {a["kind"] for c in data["conflicts"] for a in c["actors"]}
    assert kinds <= set(Actor.Kind.values)


def test_ensure_superuser_is_idempotent(monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_USERNAME", "boss")
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a long pass phrase")
    out1, _, _ = _run("ensure_superuser")
    out2, _, _ = _run("ensure_superuser")
    assert "Created superuser 'boss'" in out1
    assert "already exists" in out2


def test_reextract_rebuilds_machine_events_without_duplicates_and_keeps_editor_work():
    from io import StringIO

    from django.core.management import call_command

    from tests.factories import ConflictFactory, UserFactory
    from timeline import services
    from timeline.models import Event, Mention

    conflict = ConflictFactory(slug="c1")
    for i, body in enumerate(
        [
            "The rebels and the government signed a ceasefire in Geneva on Friday.",
            "A ceasefire signed in Geneva on Friday by the government and the rebels held.",
        ]
    ):
        services.article_create(
            conflict=conflict,
            title=f"A{i}",
            published=datetime.date(2020, 10, 24 + i),
            body=body,
        )
    events = Event.objects.filter(conflict=conflict)
    before = (events.count(), Mention.objects.count())
    assert before == (1, 2)  # two reports of one signing: one event, two sources
    edited = events.order_by("pk").first()
    services.event_update(
        event=edited,
        expected_version=edited.version,
        changes={"title": "Geneva ceasefire"},
        user=UserFactory(),
    )
    out = StringIO()
    call_command("reextract", "--conflict", "c1", stdout=out)
    assert "Re-extracted 2 article(s)" in out.getvalue()
    assert (events.count(), Mention.objects.count()) == before
    edited.refresh_from_db()
    assert edited.title == "Geneva ceasefire"


def test_reextract_refuses_unknown_conflicts_and_articles(db):
    from django.core.management import call_command
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="No conflict"):
        call_command("reextract", "--conflict", "nope")
    with pytest.raises(CommandError, match="No article with id 999"):
        call_command("reextract", "--article", "999")
