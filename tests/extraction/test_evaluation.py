"""The TempEval-3 style scorer and the dateparser baseline (timeline.extraction.evaluation).

Expected figures are worked out by hand in the comments next to them.
"""

from __future__ import annotations

import datetime
import json
import time
import xml.etree.ElementTree as ET

import pytest

from timeline.extraction.evaluation import (
    BASELINE,
    OURS,
    Counts,
    TimeLimitExceeded,
    dateparser_timexes,
    evaluate_corpus,
    format_table,
    limit_time,
    match_timexes,
    report_to_dict,
    score_document,
)
from timeline.extraction.timeml import Timex, parse_timeml


def tx(start, end, type_="DATE", value="", mod=""):
    return Timex(start, end, f"<{start}-{end}>", type_, value, mod)


GOLD = [
    tx(0, 10, "DATE", "2020-01-01"),
    tx(20, 30, "DURATION", "P1W"),
    tx(40, 50, "DATE", "2020-02"),
    tx(60, 70, "TIME", "2020-01-01T10:00"),
]
SYSTEM = [
    tx(0, 10, "DATE", "2020-01-01"),  # strict; value and type right
    tx(22, 30, "DATE", "P1W"),  # relaxed only; value right, type wrong
    tx(40, 50, "TIME", "2020-03"),  # strict; value and type wrong
    tx(55, 58, "DATE", "2020-01-01"),  # touches nothing: false positive
    tx(80, 90, "DATE", "2020-01-01"),  # false positive
]


def test_hand_computed_scores():
    counts = score_document(GOLD, SYSTEM)
    assert (counts.gold, counts.system) == (4, 5)
    assert (counts.strict, counts.relaxed, counts.value, counts.type) == (2, 3, 2, 1)
    s = counts.scores()
    # strict: P = 2/5, R = 2/4, F1 = 2·.4·.5/.9 = 4/9
    assert s["strict_precision"] == pytest.approx(0.4)
    assert s["strict_recall"] == pytest.approx(0.5)
    assert s["strict_f1"] == pytest.approx(4 / 9)
    # relaxed: P = 3/5, R = 3/4, F1 = 2·.6·.75/1.35 = 2/3
    assert s["relaxed_precision"] == pytest.approx(0.6)
    assert s["relaxed_recall"] == pytest.approx(0.75)
    assert s["relaxed_f1"] == pytest.approx(2 / 3)
    # value: 2 right among the relaxed matches → P = 2/5, R = 2/4, F1 = 4/9
    assert s["value_f1"] == pytest.approx(4 / 9)
    # type: 1 right → P = 1/5, R = 1/4, F1 = 2·.2·.25/.45 = 2/9
    assert s["type_f1"] == pytest.approx(2 / 9)
    assert s["value_accuracy"] == pytest.approx(2 / 3)
    assert s["type_accuracy"] == pytest.approx(1 / 3)


def test_attribute_f1_is_relaxed_f1_times_attribute_accuracy():
    # The two ways the TempEval-3 paper states attribute F1 must agree.
    s = score_document(GOLD, SYSTEM).scores()
    assert s["value_f1"] == pytest.approx(s["relaxed_f1"] * s["value_accuracy"])
    assert s["type_f1"] == pytest.approx(s["relaxed_f1"] * s["type_accuracy"])


def test_recall_breakdown_by_gold_type():
    counts = score_document(GOLD, SYSTEM)
    # [gold, strict, relaxed, value right] per gold type
    assert counts.by_type == {
        "DATE": [2, 2, 2, 1],
        "DURATION": [1, 0, 1, 1],
        "TIME": [1, 0, 0, 0],
    }


def test_matching_is_one_to_one():
    gold = [tx(0, 5, value="A"), tx(6, 10, value="B")]
    # One long system expression covers both gold ones: one relaxed match, not two.
    counts = score_document(gold, [tx(0, 10, value="B")])
    assert (counts.strict, counts.relaxed) == (0, 1)
    s = counts.scores()
    assert s["relaxed_precision"] == 1.0
    assert s["relaxed_recall"] == 0.5
    # The pair kept is the larger overlap (0-5 overlaps 5 chars, 6-10 only 4): its value A
    # differs from B, so the value is wrong even though B exists in the gold.
    assert counts.value == 0


def test_exact_extent_is_paired_before_a_larger_overlap():
    gold = [tx(0, 10, value="A"), tx(10, 12, value="B")]
    system = [tx(2, 12, value="B"), tx(0, 10, value="A")]
    pairs = match_timexes(gold, system)
    assert [(g.value, (s.start, s.end)) for g, s in pairs] == [("A", (0, 10)), ("B", (2, 12))]
    counts = score_document(gold, system)
    assert (counts.strict, counts.relaxed, counts.value) == (1, 2, 2)


def test_duplicate_system_spans_count_once():
    counts = score_document([tx(0, 4)], [tx(0, 4), tx(0, 4)])
    assert (counts.strict, counts.relaxed, counts.system) == (1, 1, 2)
    assert counts.scores()["strict_precision"] == 0.5


def test_values_compare_exactly_after_trimming():
    counts = score_document([tx(0, 4, value="2020-01")], [tx(0, 4, value=" 2020-01 ")])
    assert counts.value == 1
    counts = score_document([tx(0, 4, value="2020-01")], [tx(0, 4, value="2020-01-01")])
    assert counts.value == 0


def test_empty_sets_score_zero_without_dividing_by_zero():
    assert set(Counts().scores().values()) == {0.0}
    assert score_document([], [tx(0, 1)]).scores()["strict_precision"] == 0.0
    assert score_document([tx(0, 1)], []).scores()["strict_recall"] == 0.0


def test_corpus_scores_are_micro_averaged():
    # Document A: gold 1, system 1, strict match. Document B: gold 3, system 1, no match.
    total = Counts()
    total += score_document([tx(0, 2)], [tx(0, 2)])
    total += score_document([tx(0, 2), tx(3, 4), tx(5, 6)], [tx(8, 9)])
    assert (total.gold, total.system, total.strict) == (4, 2, 1)
    s = total.scores()
    # Micro: P = 1/2, R = 1/4 (macro would average recalls 1 and 0 to 0.5).
    assert s["strict_precision"] == pytest.approx(0.5)
    assert s["strict_recall"] == pytest.approx(0.25)
    assert s["strict_f1"] == pytest.approx(1 / 3)


def test_dateparser_baseline_offsets_point_at_what_it_returned():
    text = "The ceasefire began on 5 January 2021 and talks resume on Monday."
    found = dateparser_timexes(text, datetime.date(2021, 2, 28))
    assert found, "search_dates finds at least the absolute date"
    for timex in found:
        assert text[timex.start : timex.end] == timex.text
        assert timex.type == "DATE"
        datetime.date.fromisoformat(timex.value)
    # Whatever extent search_dates picks ("on 5 January 2021 and" in 1.5.0), it is kept.
    assert any("5 January 2021" in t.text and t.value == "2021-01-05" for t in found)
    assert [t.start for t in found] == sorted(t.start for t in found)
    assert dateparser_timexes("", datetime.date(2021, 2, 28)) == []


def test_dateparser_baseline_locates_repeats_in_order_and_drops_unlocatable(monkeypatch):
    import dateparser.search

    seen = {}

    def fake_search_dates(text, settings=None):
        seen.update(settings)
        moment = datetime.datetime(2020, 5, 1, 13, 30)
        return [("May", moment), ("nowhere", moment), ("May", moment), ("", moment)]

    monkeypatch.setattr(dateparser.search, "search_dates", fake_search_dates)
    found = dateparser_timexes("In May, and again in May.", datetime.date(2021, 2, 28))
    assert seen == {"RELATIVE_BASE": datetime.datetime(2021, 2, 28)}
    assert [(t.start, t.end, t.value) for t in found] == [
        (3, 6, "2020-05-01"),
        (21, 24, "2020-05-01"),
    ]
    monkeypatch.setattr(dateparser.search, "search_dates", lambda text, settings=None: None)
    assert dateparser_timexes("nothing", datetime.date(2021, 2, 28)) == []


def test_limit_time_interrupts_and_passes_through_except_exception():
    # Without the alarm the loop never ends: raising at all is the behaviour.
    with pytest.raises(TimeLimitExceeded), limit_time(0.2):
        try:
            while True:
                time.sleep(0.01)
        except Exception:  # a system's own guard must not swallow the alarm
            pass
    with limit_time(None):
        pass


TIMEML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>{docid}</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}">x</TIMEX3></DCT>
<TEXT>Talks ended <TIMEX3 tid="t1" type="DATE" value="2021-02-27">yesterday</TIMEX3> after \
<TIMEX3 tid="t2" type="DURATION" value="P3D">three days</TIMEX3>.</TEXT>
<TLINK lid="l1" relType="BEFORE" timeID="t1" relatedToTime="t0" />
</TimeML>
"""


def _corpus(tmp_path):
    (tmp_path / "a.tml").write_text(TIMEML.format(docid="A", dct="2021-02-28"))
    (tmp_path / "b.tml").write_text(TIMEML.format(docid="B", dct="2021-02-28"))
    (tmp_path / "broken.tml").write_text("<TimeML><TEXT>unclosed</TimeML>")
    (tmp_path / "nodate.tml").write_text(TIMEML.format(docid="C", dct="PRESENT_REF"))
    return sorted(tmp_path.glob("*.tml"))


def _perfect(doc):
    return list(doc.timexes)


def test_evaluate_corpus_scores_systems_side_by_side_and_writes_ours(tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    paths = _corpus(source)
    calls = []

    def failing(doc):
        calls.append(doc.docid)
        if doc.docid == "A":
            raise RuntimeError("boom")
        return [Timex(12, 21, "yesterday", "DATE", "2021-02-27")]

    out = tmp_path / "out"
    report = evaluate_corpus(paths, {OURS: _perfect, BASELINE: failing}, write_dir=out)
    assert report.documents == 2
    assert len(report.skipped) == 2  # broken XML, DCT without a date
    assert calls == ["A", "B"]

    ours = report.systems[OURS]
    assert (ours.counts.gold, ours.counts.system, ours.counts.strict) == (4, 4, 4)
    assert ours.errors == []
    other = report.systems[BASELINE]
    # A failed (no output), B found 1 of 2 with the right value.
    assert (other.counts.gold, other.counts.system, other.counts.value) == (4, 1, 1)
    assert other.errors == ["a.tml: RuntimeError: boom"]
    assert other.documents == 2 and other.seconds > 0
    assert other.seconds_per_document == pytest.approx(other.seconds / 2)

    assert report.written == 2
    assert sorted(p.name for p in out.iterdir()) == ["a.tml", "b.tml"]
    written = (out / "a.tml").read_text()
    ET.fromstring(written)
    assert "TLINK" not in written
    assert [t.value for t in parse_timeml(written).timexes] == ["2021-02-27", "P3D"]

    table = format_table(report)
    lines = table.splitlines()
    assert lines[0].split("|")[0].strip() == "system"
    assert "strict P" in lines[0] and "relaxed P" in lines[0] and "s/doc" in lines[0]
    assert lines[2].startswith("ours ") and "100.0" in lines[2]
    assert lines[3].startswith("dateparser ")
    assert len(lines[2].split("|")) == 6

    data = json.loads(json.dumps(report_to_dict(report)))
    assert data["systems"][OURS]["strict_f1"] == 1.0
    # dateparser stand-in: P = 1/1, R = 1/4, value F1 = 2·1·.25/1.25 = .4
    assert data["systems"][BASELINE]["value_f1"] == pytest.approx(0.4)
    assert data["systems"][BASELINE]["recall_by_gold_type"]["DURATION"]["relaxed"] == 0


def test_a_system_over_its_time_limit_counts_as_no_output(tmp_path):
    paths = _corpus(tmp_path)[:1]

    def slow(doc):
        time.sleep(5)
        return list(doc.timexes)

    report = evaluate_corpus(paths, {OURS: slow}, time_limit=0.3)
    assert report.systems[OURS].counts.system == 0
    assert report.systems[OURS].errors == ["a.tml: no result within 0.3 s"]
