"""Event-set loading, mention alignment and scores, on plain rows (no database)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from timeline.evaluation.events import (
    GOLD_ACTOR_KINDS,
    GOLD_FACTUALITIES,
    GoldError,
    GoldSet,
    ImportedArticle,
    SystemEvent,
    SystemMention,
    align_mentions,
    format_report,
    gold_files,
    gold_load,
    macro_f1,
    report_to_dict,
    score_gold_set,
    summarise,
)

DATA = Path(__file__).parent / "data" / "eventset"
GENEVA = DATA / "geneva.json"


@pytest.fixture
def gold() -> GoldSet:
    return gold_load(GENEVA)


def _articles(gold: GoldSet) -> dict[str, ImportedArticle]:
    return {
        a.id: ImportedArticle(key=n, body=a.body, language=a.language)
        for n, a in enumerate(gold.articles, start=1)
    }


def _mention(
    articles: dict[str, ImportedArticle],
    *,
    id: int,
    event: int,
    article: str,
    sentence: str,
    trigger: str | None,
    expression: str,
    factuality: str = "happened",
) -> SystemMention:
    """A system mention located by its texts in the article body, as the store would."""
    body = articles[article].body
    start = body.index(sentence)
    trigger_start = body.index(trigger, start) if trigger else None
    expression_start = body.index(expression, start) if expression else start
    return SystemMention(
        id=id,
        event_id=event,
        article_id=articles[article].key,
        sentence_start=start,
        sentence_end=start + len(sentence),
        trigger_start=trigger_start,
        trigger_end=trigger_start + len(trigger) if trigger else None,
        expression_text=expression,
        expression_start=expression_start,
        factuality=factuality,
    )


def _system(gold: GoldSet):
    """A hand-made system output for geneva.json, scored by hand in the tests below."""
    arts = _articles(gold)
    s = {m.id: m.sentence for m in gold.mentions}
    m = _mention
    mentions = [
        m(arts, id=100, event=10, article="geneva-01", sentence=s["geneva-E1#1"],
          trigger="signed", expression="on Friday"),
        m(arts, id=101, event=11, article="geneva-01", sentence=s["geneva-E2#1"],
          trigger="resume", expression="on 9 November", factuality="planned"),
        m(arts, id=102, event=10, article="geneva-02", sentence=s["geneva-E1#2"],
          trigger="signed", expression="yesterday"),
        m(arts, id=103, event=11, article="geneva-02", sentence=s["geneva-E2#2"],
          trigger="open", expression="on 9 November", factuality="planned"),
        m(arts, id=104, event=12, article="geneva-03", sentence=s["geneva-E2#3"],
          trigger="ouvert", expression="lundi"),
        m(arts, id=105, event=10, article="geneva-03", sentence=s["geneva-E1#3"],
          trigger="signé", expression="le 23 octobre"),
        # Trigger "agreed" misses the gold "exchange": aligned by its date text.
        m(arts, id=106, event=13, article="geneva-02", sentence=s["geneva-E3#1"],
          trigger="agreed", expression="by the end of the year", factuality="expected"),
        # Not a gold mention at all.
        m(arts, id=107, event=14, article="geneva-01",
          sentence="Observers said the agreement was fragile.", trigger="said", expression=""),
    ]  # fmt: skip
    events = [
        SystemEvent(10, "2020-10-23", "", "happened", "ceasefire",
                    "Rival forces sign permanent ceasefire in Geneva"),
        SystemEvent(11, "2020-11-09", "", "planned", "talks", "Talks to resume in Tunis"),
        SystemEvent(12, "2020-11-09", "", "happened", "talks", "Les délégations ouvrent le forum"),
        SystemEvent(13, "2020-12-31", "", "deadline", "agreement",
                    "Sides agree to exchange prisoners"),
        SystemEvent(14, "2020-10-23", "", "happened", "statement", "Observers call deal fragile"),
    ]  # fmt: skip
    return arts, events, mentions


# --- Loading ---------------------------------------------------------------------------


def test_gold_load_reads_the_fixture(gold):
    assert gold.name == "geneva"
    assert gold.conflict.slug == "geneva-test"
    assert [a.id for a in gold.articles_in_order()] == ["geneva-01", "geneva-02", "geneva-03"]
    assert [e.id for e in gold.events] == ["geneva-E1", "geneva-E2", "geneva-E3"]
    assert [m.id for m in gold.events[1].mentions] == ["geneva-E2#1", "geneva-E2#2", "geneva-E2#3"]
    assert gold.events[2].mod == "END"
    assert gold.actors[0].aliases == ("UN", "ONU")
    assert gold_files(DATA) == [GENEVA]
    assert gold_files(GENEVA) == [GENEVA]


def _broken(tmp_path: Path, change) -> Path:
    data = json.loads(GENEVA.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["events"][0].update(factuality="done"), "'done' is not one of"),
        (lambda d: d["events"][0].update(category="war"), "category: 'war' is not one of"),
        (lambda d: d["events"][0]["date"].update(value="23/10/2020"), "not a TIMEX3"),
        (lambda d: d["events"][0]["date"].update(mod="EARLY"), "mod: 'EARLY'"),
        (lambda d: d["events"][0]["mentions"][0].update(article="nope"), "no article 'nope'"),
        (lambda d: d["articles"][1].update(id="geneva-01"), "used twice"),
        (lambda d: d["articles"][0].update(published="23 October"), "not a YYYY-MM-DD"),
        (lambda d: d["actors"][0].update(kind="army"), "kind: 'army'"),
        (lambda d: d.pop("events"), "'events' is missing"),
    ],
)
def test_gold_load_says_what_is_wrong(tmp_path, change, message):
    with pytest.raises(GoldError, match=message):
        gold_load(_broken(tmp_path, change))


def test_gold_vocabularies_match_the_models():
    from timeline.models import ActorKind, EventFactuality

    assert set(GOLD_FACTUALITIES) == set(EventFactuality.values)
    assert set(GOLD_ACTOR_KINDS) == set(ActorKind.values)


# --- Alignment -------------------------------------------------------------------------


def test_every_gold_mention_of_the_hand_made_output_is_aligned(gold):
    arts, _events, mentions = _system(gold)
    alignment = align_mentions(gold, arts, mentions)
    assert alignment.problems == ()
    assert alignment.pairs == {
        "geneva-E1#1": 100,
        "geneva-E2#1": 101,
        "geneva-E1#2": 102,
        "geneva-E2#2": 103,
        "geneva-E2#3": 104,
        "geneva-E1#3": 105,
        "geneva-E3#1": 106,
    }


def _two_event_sentence_set(tmp_path: Path) -> GoldSet:
    body = "The truce, agreed on 10 October, collapsed within hours on 11 October."
    sentence = body
    data = {
        "conflict": {"slug": "x", "name": "X"},
        "articles": [{"id": "a", "title": "T", "published": "2020-10-12", "body": body}],
        "events": [
            # Listed first, but its trigger is the second system mention's.
            {"id": "collapse", "date": {"value": "2020-10-11"}, "factuality": "happened",
             "category": "ceasefire", "titles": {},
             "mentions": [{"article": "a", "sentence": sentence, "trigger": "collapsed",
                           "date_text": "on 11 October", "factuality": "happened"}]},
            {"id": "agree", "date": {"value": "2020-10-10"}, "factuality": "happened",
             "category": "ceasefire", "titles": {},
             "mentions": [{"article": "a", "sentence": sentence, "trigger": "agreed",
                           "date_text": "on 10 October", "factuality": "happened"}]},
        ],
    }  # fmt: skip
    path = tmp_path / "two.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return gold_load(path)


def test_trigger_overlap_wins_over_text_order_and_pairs_are_one_to_one(tmp_path):
    gold = _two_event_sentence_set(tmp_path)
    arts = {"a": ImportedArticle(key=7, body=gold.articles[0].body, language="en")}
    sentence = gold.articles[0].body
    agreed = _mention(arts, id=1, event=1, article="a", sentence=sentence, trigger="agreed",
                      expression="on 10 October")  # fmt: skip
    collapsed = _mention(arts, id=2, event=2, article="a", sentence=sentence,
                         trigger="collapsed", expression="on 11 October")  # fmt: skip
    alignment = align_mentions(gold, arts, [agreed, collapsed])
    assert alignment.pairs == {"collapse#1": 2, "agree#1": 1}


def test_date_text_decides_when_no_trigger_overlaps(tmp_path):
    gold = _two_event_sentence_set(tmp_path)
    arts = {"a": ImportedArticle(key=7, body=gold.articles[0].body, language="en")}
    sentence = gold.articles[0].body
    first = _mention(arts, id=1, event=1, article="a", sentence=sentence, trigger=None,
                     expression="on 10 October")  # fmt: skip
    second = _mention(arts, id=2, event=2, article="a", sentence=sentence, trigger=None,
                      expression="on 11 October")  # fmt: skip
    assert align_mentions(gold, arts, [first, second]).pairs == {
        "collapse#1": 2,
        "agree#1": 1,
    }


def test_a_weaker_match_never_takes_what_a_stronger_one_needs(tmp_path):
    gold = _two_event_sentence_set(tmp_path)
    arts = {"a": ImportedArticle(key=7, body=gold.articles[0].body, language="en")}
    sentence = gold.articles[0].body
    # One system mention only, on "agreed": the first gold mention ("collapse") would take
    # it as "first candidate" if it were served first; the trigger pass gives it to "agree".
    only = _mention(arts, id=1, event=1, article="a", sentence=sentence, trigger="agreed",
                    expression="")  # fmt: skip
    assert align_mentions(gold, arts, [only]).pairs == {"agree#1": 1}


def test_candidates_must_overlap_the_sentence_in_the_same_article(gold):
    arts = _articles(gold)
    other_article = _mention(arts, id=1, event=1, article="geneva-02",
                             sentence="Political talks are due to open in Tunis on 9 November.",
                             trigger="open", expression="on 9 November")  # fmt: skip
    other_sentence = _mention(arts, id=2, event=1, article="geneva-01",
                              sentence="Observers said the agreement was fragile.",
                              trigger="said", expression="")  # fmt: skip
    alignment = align_mentions(gold, arts, [other_article, other_sentence])
    # Only the mention in the other article's own sentence is taken, by its own gold.
    assert alignment.pairs == {"geneva-E2#2": 1}


def test_a_sentence_missing_from_the_stored_body_is_reported(gold):
    arts = _articles(gold)
    arts["geneva-01"] = ImportedArticle(key=1, body="Something else entirely.", language="en")
    alignment = align_mentions(gold, arts, [])
    assert "geneva-E1#1: sentence not found in article geneva-01" in alignment.problems
    missing = {k: v for k, v in arts.items() if k != "geneva-03"}
    problems = align_mentions(gold, missing, []).problems
    assert "geneva-E2#3: article geneva-03 was not imported" in problems


def test_gold_sentence_is_matched_in_nfc_like_the_stored_body(tmp_path):
    body = "Le cessez-le-feu sign\u00e9 le 23 octobre."
    decomposed = body.replace("\u00e9", "e\u0301")
    mention = {
        "article": "a",
        "sentence": decomposed,
        "trigger": "signe\u0301",
        "date_text": "le 23 octobre",
        "factuality": "happened",
    }
    data = {
        "conflict": {"slug": "x", "name": "X"},
        "articles": [
            {"id": "a", "title": "T", "published": "2020-10-24", "language": "fr", "body": body}
        ],
        "events": [
            {
                "id": "e",
                "date": {"value": "2020-10-23"},
                "factuality": "happened",
                "category": "ceasefire",
                "mentions": [mention],
            }
        ],
    }
    path = tmp_path / "nfc.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    gold = gold_load(path)
    arts = {"a": ImportedArticle(key=1, body=body, language="fr")}
    sm = _mention(arts, id=5, event=1, article="a", sentence=body, trigger="sign\u00e9",
                  expression="le 23 octobre")  # fmt: skip
    alignment = align_mentions(gold, arts, [sm])
    assert alignment.pairs == {"e#1": 5}
    assert alignment.problems == ()


# --- Scores ----------------------------------------------------------------------------


def test_macro_f1_over_gold_labels_present():
    pairs = [("talks", "talks"), ("talks", "visit"), ("visit", "visit"), ("court", None)]
    # talks: tp 1, fn 1 -> 2/3; visit: tp 1, fp 1 -> 2/3; court: 0. "visit" counts once.
    assert macro_f1(pairs) == pytest.approx((2 / 3 + 2 / 3 + 0) / 3)
    assert macro_f1([]) == 0.0


def test_scores_of_the_hand_made_output(gold):
    arts, events, mentions = _system(gold)
    summary = summarise([score_gold_set(gold, arts, events, mentions)], name="geneva")
    every = summary.scopes["all"]
    assert (every.gold_mentions, every.system_mentions, every.aligned) == (7, 8, 7)
    assert every.detection.precision == pytest.approx(7 / 8)
    assert every.detection.recall == 1.0
    # Key {E1×3} {E2×3} {E3}; response {E1×3} (event 10), {E2#1 E2#2} (11), {E2#3} (12),
    # {E3} (13).
    assert every.coref.muc.recall == pytest.approx(3 / 4)
    assert every.coref.muc.precision == 1.0
    assert every.coref.b_cubed.recall == pytest.approx(17 / 21)
    assert every.coref.b_cubed.precision == 1.0
    assert every.coref.ceaf_e.recall == pytest.approx(2.8 / 3)
    assert every.coref.ceaf_e.precision == pytest.approx(2.8 / 4)
    # E3#1: gold deadline, system mention expected.
    assert (every.factuality.correct, every.factuality.found) == (6, 7)

    en, fr = summary.scopes["en"], summary.scopes["fr"]
    assert (en.gold_mentions, en.system_mentions, fr.gold_mentions, fr.system_mentions) == (
        5,
        6,
        2,
        2,
    )
    assert en.detection.precision == pytest.approx(5 / 6)
    assert fr.coref.b_cubed.f1 == 1.0  # {E1#3} and {E2#3} apart, as in the key
    assert fr.coref.muc.f1 == 0.0  # no link among French mentions

    ev = summary.events
    assert (ev.total, ev.found) == (3, 3)
    # E2 goes to event 11 (two of its mentions), planned: wrong factuality; E3's date is
    # 2020-12-31 against 2020 END, its category agreement against prisoner release.
    assert (ev.date.correct, ev.date_value.correct, ev.factuality.correct) == (2, 2, 2)
    assert ev.category_f1_found == pytest.approx(2 / 3)
    assert ev.title_rouge_1.over_found == pytest.approx((1 + 0.6 + 8 / 15) / 3)
    assert ev.title_rouge_l.over_found == pytest.approx((1 + 0.6 + 8 / 15) / 3)


def test_events_not_found_count_against_the_all_figures(gold):
    arts, events, mentions = _system(gold)
    # Drop the E3 mention: E3 is not found.
    kept = [m for m in mentions if m.id != 106]
    summary = summarise([score_gold_set(gold, arts, events, kept)], name="geneva")
    ev = summary.events
    assert (ev.found, ev.total) == (2, 3)
    assert ev.date.over_found == pytest.approx(1.0)
    assert ev.date.over_all == pytest.approx(2 / 3)
    assert ev.factuality.over_found == pytest.approx(1 / 2)
    assert ev.category_f1_all == pytest.approx(2 / 3)
    assert ev.title_rouge_1.over_all == pytest.approx((1 + 0.6) / 3)
    every = summary.scopes["all"]
    assert every.detection.recall == pytest.approx(6 / 7)
    assert every.factuality.over_all == pytest.approx(6 / 7)


def test_the_system_event_is_the_one_with_most_mentions_ties_to_the_lowest_id(gold):
    arts, events, mentions = _system(gold)
    # E2's mentions now go to events 12, 11 and 12 -> 12; E1's to 10, 14, 11 -> a tie of
    # one each: the lowest id, 10.
    moved = {101: 12, 102: 14, 105: 11}
    mentions = [replace(m, event_id=moved.get(m.id, m.event_id)) for m in mentions]
    result = score_gold_set(gold, arts, events, mentions)
    chosen = {o.gold.id: o.system.id for o in result.events}
    assert chosen == {"geneva-E1": 10, "geneva-E2": 12, "geneva-E3": 13}


def test_sets_pool_into_the_overall_figures(gold):
    arts, events, mentions = _system(gold)
    one = score_gold_set(gold, arts, events, mentions)
    copy = replace(gold, name="copy")
    two = score_gold_set(copy, arts, events, [m for m in mentions if m.id != 106])
    overall = summarise([one, two], name="overall")
    assert overall.scopes["all"].gold_mentions == 14
    assert overall.scopes["all"].aligned == 13
    assert overall.events.found == 5
    text = format_report([summarise([one], name="a"), summarise([two], name="b")], overall)
    assert "== overall" in text
    assert "CEAF-e" in text and "title ROUGE-L F" in text
    data = report_to_dict([summarise([one], name="a")], overall)
    assert data["overall"]["scopes"]["all"]["aligned"] == 13
    assert data["sets"][0]["events"]["found_share"] == 1.0
