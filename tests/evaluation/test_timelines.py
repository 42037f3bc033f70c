"""Crisis-corpus reading, day selection, baselines and timeline scores (no database)."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from timeline.evaluation.timelines import (
    CorpusError,
    TimelineEvent,
    corpus_topics,
    date_selection,
    evaluate_topic,
    format_report,
    key_events_order,
    mention_vote_days,
    publication_days,
    reference_read,
    reference_recall,
    report_to_dict,
    select_days,
    titles_rouge,
    topic_read,
)

CRISIS = Path(__file__).parent / "data" / "crisis"
D = datetime.date


def _event(id, day, *, precision="day", end=None, key=False, importance=0.0, sources=0, title=""):
    return TimelineEvent(
        id=id,
        title=title or f"event {id}",
        precision=precision,
        start=day,
        end=end or day,
        is_key=key,
        importance=importance,
        source_count=sources,
    )


def test_topics_are_the_folders_with_a_reference_timeline():
    assert corpus_topics(CRISIS, "fr") == ["exemple"]
    with pytest.raises(CorpusError, match="is not a directory"):
        corpus_topics(CRISIS, "es")


def test_topic_read_takes_the_first_line_as_title_and_skips_files_without_text():
    topic = topic_read(CRISIS, "fr", "exemple")
    assert [(a.published, a.path.name) for a in topic.articles] == [
        (D(2021, 3, 1), "a.txt"),
        (D(2021, 3, 5), "b.txt"),
        (D(2021, 3, 5), "c.txt"),
        (D(2021, 3, 8), "e.txt"),
    ]
    first = topic.articles[0]
    assert first.title == "Les négociations s'ouvrent à Genève"
    assert first.body.startswith("Les délégations ont ouvert")
    assert "s'ouvrent" not in first.body
    assert sorted(Path(s.split(":")[0]).name for s in topic.skipped) == ["d.txt", "f.txt"]
    assert any(s.endswith("empty file") for s in topic.skipped)
    assert any(s.endswith("no text after the title line") for s in topic.skipped)


def test_reference_read_joins_a_days_lines(tmp_path):
    reference = reference_read(CRISIS / "fr" / "reference" / "exemple.txt")
    assert list(reference) == [D(2021, 3, 1), D(2021, 3, 5), D(2021, 3, 6)]
    assert reference[D(2021, 3, 5)] == (
        "les deux camps signent un accord de paix à Genève .",
        "Les médiateurs saluent l' accord .",
    )
    path = tmp_path / "r.txt"
    path.write_text("2021-01-02\nb\n-----\n2021-01-01\na\n-----\n2021-01-02\nc\n", "utf-8")
    assert reference_read(path) == {D(2021, 1, 1): ("a",), D(2021, 1, 2): ("b", "c")}
    path.write_text("before any date\n", "utf-8")
    with pytest.raises(CorpusError, match="outside a dated block"):
        reference_read(path)


def test_key_order_is_flag_importance_sources_then_date():
    events = [
        _event(1, D(2021, 1, 5), importance=0.9),
        _event(2, D(2021, 1, 1), importance=0.2, key=True),
        _event(3, D(2021, 1, 3), importance=0.9, sources=4),
        _event(4, D(2021, 1, 2), importance=0.9, sources=4),
    ]
    assert [e.id for e in key_events_order(events)] == [2, 4, 3, 1]


def test_select_days_walks_down_until_k_distinct_days_of_day_precision():
    events = [
        _event(1, D(2021, 1, 1), importance=0.9),
        _event(2, D(2021, 1, 4), importance=0.8, precision="month", end=D(2021, 1, 31)),
        _event(3, D(2021, 1, 1), importance=0.7),
        _event(4, D(2021, 1, 9), importance=0.6),
        _event(5, D(2021, 1, 1), importance=0.5),  # after the k-th day: not met
        _event(6, D(2021, 1, 12), importance=0.4),
    ]
    chosen = select_days(events, 2)
    assert list(chosen) == [D(2021, 1, 1), D(2021, 1, 9)]
    assert [e.id for e in chosen[D(2021, 1, 1)]] == [1, 3]
    assert select_days(events, 0) == {}
    assert len(select_days(events, 10)) == 3  # only three days exist


def test_reference_recall_strict_and_relaxed():
    days = [D(2021, 1, 1), D(2021, 1, 6), D(2021, 2, 10), D(2021, 3, 1)]
    events = [
        _event(1, D(2021, 1, 1)),
        _event(2, D(2021, 1, 4), precision="week", end=D(2021, 1, 10)),
        _event(3, D(2021, 2, 1), precision="month", end=D(2021, 2, 28)),
    ]
    strict, relaxed = reference_recall(events, days)
    assert strict == pytest.approx(1 / 4)
    assert relaxed == pytest.approx(2 / 4)  # the month does not count


def test_date_selection_precision_and_recall():
    score = date_selection(
        [D(2021, 1, 1), D(2021, 1, 2)], [D(2021, 1, 1), D(2021, 1, 3), D(2021, 1, 4)]
    )
    assert score.precision == pytest.approx(1 / 2)
    assert score.recall == pytest.approx(1 / 3)
    assert date_selection([], [D(2021, 1, 1)]).f1 == 0.0


def test_baselines_count_one_vote_per_article_and_break_ties_by_date():
    a, b, c = D(2021, 1, 1), D(2021, 1, 2), D(2021, 1, 3)
    # The first article names day c three times: still one vote.
    votes = mention_vote_days([[c, c, c], [b, a], [b]], 2)
    assert votes == [b, a]
    assert publication_days([c, a, c, b], 2) == [c, a]


def test_titles_rouge_on_correct_days_only():
    reference = {D(2021, 1, 1): ("rebels sign a truce", "mediators welcome it")}
    chosen = {
        D(2021, 1, 1): [_event(1, D(2021, 1, 1), title="Rebels sign truce")],
        D(2021, 1, 2): [_event(2, D(2021, 1, 2), title="Unrelated")],
    }
    mean, days = titles_rouge(chosen, reference)
    # 3 shared unigrams; candidate 3 tokens, reference 7: P 1, R 3/7.
    assert days == 1
    assert mean == pytest.approx(2 * (3 / 7) / (1 + 3 / 7))
    assert titles_rouge({}, reference) == (None, 0)


def test_evaluate_topic_and_its_report():
    reference = {D(2021, 3, 1): ("talks open",), D(2021, 3, 5): ("deal signed",)}
    events = [
        _event(1, D(2021, 3, 5), importance=0.9, title="Deal signed in Geneva"),
        _event(2, D(2021, 3, 4), importance=0.5, title="Envoy arrives"),
        _event(3, D(2021, 3, 1), importance=0.1, title="Talks open"),
    ]
    report = evaluate_topic(
        topic="t",
        reference=reference,
        events=events,
        article_days=[{D(2021, 3, 1)}, {D(2021, 3, 1), D(2021, 3, 5)}],
        published=[D(2021, 3, 1), D(2021, 3, 6)],
        skipped=["x.txt: empty file"],
    )
    assert report.selected == [D(2021, 3, 4), D(2021, 3, 5)]
    assert report.ours.f1 == pytest.approx(0.5)
    assert report.recall_strict == 1.0
    assert report.baselines["mention-date votes"].f1 == 1.0
    assert report.baselines["publication days"].f1 == pytest.approx(0.5)
    assert report.rouge_1 == pytest.approx(2 * (2 / 4) / (1 + 2 / 4))
    text = format_report([report])
    assert "reference: published best date-selection F1@k 0.295" in text
    assert "baseline: publication days" in text
    data = report_to_dict([report, report])
    assert data["mean"]["date_selection_f1"]["ours"] == pytest.approx(0.5)
    assert data["topics"][0]["selected_days"] == ["2021-03-04", "2021-03-05"]
