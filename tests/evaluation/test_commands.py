"""``evaluate_events`` and ``evaluate_timelines`` end to end on small synthetic data.

The scores themselves depend on the extractor and are pinned by the pure tests; here the
commands must import, extract, read back, roll back and report.
"""

from __future__ import annotations

import json
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tests.factories import ArticleFactory
from timeline.models import Actor, Article, Conflict, Event, Mention

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data"
EVENTSET = DATA / "eventset"
CRISIS = DATA / "crisis"


def _run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def _rows() -> tuple[int, ...]:
    return tuple(m.objects.count() for m in (Conflict, Actor, Article, Event, Mention))


def _json_report(command: str, path: Path) -> tuple[dict, str]:
    """The ``--json`` report of ``command`` on ``path``, and what it wrote to stderr,
    checking that the command left the database with the rows it had."""
    before = _rows()
    out, err = _run(command, str(path), "--json")
    assert _rows() == before
    return json.loads(out), err


# --- evaluate_events -------------------------------------------------------------------


def test_evaluate_events_scores_the_set_and_leaves_the_database_as_it_was():
    report, _err = _json_report("evaluate_events", EVENTSET)
    (geneva,) = report["sets"]
    assert geneva["name"] == "geneva"
    assert geneva["articles"] == 3
    every = geneva["scopes"]["all"]
    assert every["gold_mentions"] == 7
    assert set(geneva["scopes"]) == {"all", "en", "fr"}
    # The extractor finds at least "signed a permanent ceasefire in Geneva on Friday".
    assert every["system_mentions"] > 0
    assert every["aligned"] > 0
    assert geneva["events"]["found"] > 0
    for name in ("muc", "b_cubed", "ceaf_e"):
        for value in every["coreference"][name].values():
            assert 0.0 <= value <= 1.0
    assert report["overall"]["scopes"]["all"]["gold_mentions"] == 7


def test_evaluate_events_prints_a_table():
    out, _err = _run("evaluate_events", str(EVENTSET / "geneva.json"))
    assert out.startswith("== geneva: 3 articles, 3 gold events (7 mentions)")
    assert "CEAF-e" in out and "CoNLL" in out
    assert "date accuracy (value + mod)" in out
    assert "mention factuality accuracy (fr)" in out


def test_evaluate_events_is_the_same_when_extraction_would_be_queued(settings):
    inline, _ = _run("evaluate_events", str(EVENTSET), "--json")
    settings.EXTRACT_INLINE = False
    queued, _ = _run("evaluate_events", str(EVENTSET), "--json")
    assert json.loads(queued) == json.loads(inline)


def test_evaluate_events_works_beside_a_conflict_and_actor_of_the_same_names():
    Conflict.objects.create(slug="geneva-test", name="Test: Geneva ceasefire and Tunis talks")
    Actor.objects.create(name="United Nations", kind="mediator", aliases=["Blue helmets"])
    report, _err = _json_report("evaluate_events", EVENTSET)
    actor = Actor.objects.get(name="United Nations")
    assert (actor.kind, actor.aliases) == ("mediator", ["Blue helmets"])
    assert report["sets"][0]["scopes"]["all"]["gold_mentions"] == 7


def test_evaluate_events_refuses_a_set_whose_text_is_already_stored():
    gold = json.loads((EVENTSET / "geneva.json").read_text(encoding="utf-8"))
    ArticleFactory(body=gold["articles"][1]["body"])
    with pytest.raises(CommandError, match=r"article geneva-02 could not be imported.*already"):
        _run("evaluate_events", str(EVENTSET))
    assert Conflict.objects.count() == 1  # the factory's; the run left nothing


def test_evaluate_events_reports_bad_input(tmp_path):
    with pytest.raises(CommandError, match="does not exist"):
        _run("evaluate_events", str(tmp_path / "missing"))
    with pytest.raises(CommandError, match=r"no \*\.json event sets"):
        _run("evaluate_events", str(tmp_path))
    (tmp_path / "bad.json").write_text('{"conflict": {"slug": "x"}}', encoding="utf-8")
    with pytest.raises(CommandError, match="'name' is missing"):
        _run("evaluate_events", str(tmp_path))


def test_evaluate_events_notes_a_gold_sentence_missing_from_its_article(tmp_path):
    gold = json.loads((EVENTSET / "geneva.json").read_text(encoding="utf-8"))
    gold["events"][0]["mentions"][0]["sentence"] = "Not in the article."
    (tmp_path / "geneva.json").write_text(json.dumps(gold), encoding="utf-8")
    out, err = _run("evaluate_events", str(tmp_path), "--json")
    assert "geneva: geneva-E1#1: sentence not found in article geneva-01" in err
    assert json.loads(out)["sets"][0]["problems"] == [
        "geneva: geneva-E1#1: sentence not found in article geneva-01"
    ]


# --- evaluate_timelines ----------------------------------------------------------------


def test_evaluate_timelines_scores_the_topic_and_leaves_the_database_as_it_was():
    report, err = _json_report("evaluate_timelines", CRISIS)
    (topic,) = report["topics"]
    assert topic["topic"] == "exemple"
    assert topic["reference_days"] == 3
    # a, b and e; c repeats b's text, d is empty, f has a title only.
    assert topic["articles"] == 3
    skipped = sorted(Path(s.split(":")[0]).name for s in topic["skipped"])
    assert skipped == ["c.txt", "d.txt", "f.txt"]
    assert any("same text as an article already stored" in s for s in topic["skipped"])
    # One article on each of 1, 5 and 8 March: ties go to the earlier days, 2 of 3 right.
    publication = topic["date_selection"]["publication days"]
    assert publication["precision"] == pytest.approx(2 / 3)
    assert publication["recall"] == pytest.approx(2 / 3)
    assert topic["public_events"] > 0
    assert len(topic["selected_days"]) <= 3
    assert report["published_best"]["date_selection_f1"] == 0.295
    assert "skipped" in err


def test_evaluate_timelines_prints_a_table_with_the_published_best():
    out, _err = _run("evaluate_timelines", str(CRISIS), "--topic", "exemple")
    assert out.startswith(
        "== exemple: 3 articles imported (3 skipped, 0 failed extraction), 3 reference dates"
    )
    assert "baseline: mention-date votes" in out
    assert "reference: published best date-selection F1@k 0.295" in out


def test_evaluate_timelines_reports_unknown_topics_and_layouts(tmp_path):
    with pytest.raises(CommandError, match=r"no topic nope .*topics: exemple"):
        _run("evaluate_timelines", str(CRISIS), "--topic", "nope")
    with pytest.raises(CommandError, match="is not a directory"):
        _run("evaluate_timelines", str(tmp_path))
    (tmp_path / "fr").mkdir()
    with pytest.raises(CommandError, match="no topics with a reference"):
        _run("evaluate_timelines", str(tmp_path))


def test_evaluate_timelines_two_topics_print_their_mean(tmp_path):
    shutil.copytree(CRISIS / "fr", tmp_path / "fr")
    shutil.copytree(tmp_path / "fr" / "exemple", tmp_path / "fr" / "copie")
    shutil.copy(
        tmp_path / "fr" / "reference" / "exemple.txt", tmp_path / "fr" / "reference" / "copie.txt"
    )
    out, _err = _run("evaluate_timelines", str(tmp_path))
    assert "== copie:" in out and "== exemple:" in out
    assert "== mean over 2 topics" in out
    # Each topic is rolled back before the next: the copy's texts are not duplicates.
    assert "== copie: 3 articles imported (3 skipped," in out


def test_evaluate_timelines_counts_articles_whose_extraction_failed(monkeypatch):
    from timeline.extraction import ExtractionError

    def refuse(text, **kwargs):
        raise ExtractionError("refused for the test")

    monkeypatch.setattr("timeline.services.articles.extract", refuse)
    out, err = _run("evaluate_timelines", str(CRISIS), "--json")
    (topic,) = json.loads(out)["topics"]
    assert topic["articles"] == 3
    assert len(topic["extraction_failed"]) == 3
    assert topic["public_events"] == 0
    assert topic["date_selection"]["ours"]["f1"] == 0.0
    assert "extraction failed:" in err and "refused for the test" in err
