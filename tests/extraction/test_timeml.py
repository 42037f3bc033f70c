"""Reading and writing TimeML (timeline.extraction.timeml): offsets, text, escaping."""

from __future__ import annotations

import datetime
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from timeline.extraction.timeml import (
    TimeMLError,
    Timex,
    find_timeml_files,
    parse_timeml,
    read_timeml,
    render_timeml,
    timexes_from_expressions,
    write_timeml,
)
from timeline.extraction.types import TemporalExpression

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpora" / "te3-train"

HEAD = """<?xml version="1.0" ?>
<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">

<DOCID>TEST0001</DOCID>

<DCT><TIMEX3 tid="t0" type="DATE" value="2021-02-28">20210228</TIMEX3></DCT>

<EXTRAINFO>
Talks <EVENT eid="e90" class="OCCURRENCE">resume</EVENT> in Doha
</EXTRAINFO>

"""
BODY = (
    "<TEXT>\n"
    'Negotiators <EVENT eid="e1" class="OCCURRENCE">met</EVENT> '
    '<TIMEX3 tid="t1" type="DATE" value="2021-W07" temporalFunction="true">last week</TIMEX3>'
    " in Doha &amp; Kabul, "
    '<SIGNAL sid="s1">after</SIGNAL> '
    '<TIMEX3 tid="t2" type="DURATION" value="P18M">18 months</TIMEX3> of fighting.\n'
    "Prices rose 3 &lt; 5 percent "
    '<TIMEX3 tid="t3" type="DATE" value="2021-02" mod="START">early February</TIMEX3>.\n'
    "</TEXT>\n"
)
TAIL = """
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" aspect="NONE" polarity="POS" pos="VERB" />
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1" />
<SLINK lid="l2" relType="MODAL" eventInstanceID="ei1" subordinatedEventInstance="ei1" />

</TimeML>
"""
SNIPPET = HEAD + BODY + TAIL

PLAIN = (
    "\nNegotiators met last week in Doha & Kabul, after 18 months of fighting.\n"
    "Prices rose 3 < 5 percent early February.\n"
)


def _date_over(doc, text: str, value: str, **kwargs) -> Timex:
    """A DATE timex over the first place ``text`` stands in the document's plain text."""
    start = doc.text.index(text)
    return Timex(start, start + len(text), text, "DATE", value, **kwargs)


def test_parse_gives_plain_text_and_exact_gold_offsets():
    doc = parse_timeml(SNIPPET, name="x.tml")
    assert doc.docid == "TEST0001"
    assert doc.dct_value == "2021-02-28"
    assert doc.dct == datetime.date(2021, 2, 28)
    assert doc.text == PLAIN
    assert [(t.tid, t.text, t.type, t.value, t.mod) for t in doc.timexes] == [
        ("t1", "last week", "DATE", "2021-W07", ""),
        ("t2", "18 months", "DURATION", "P18M", ""),
        ("t3", "early February", "DATE", "2021-02", "START"),
    ]
    first = doc.timexes[0]
    assert (first.start, first.end) == (PLAIN.index("last week"), PLAIN.index("last week") + 9)
    for timex in doc.timexes:
        assert doc.text[timex.start : timex.end] == timex.text


def test_dct_with_time_and_compact_forms():
    timed = SNIPPET.replace('value="2021-02-28"', 'value="1998-02-13T15:44:00"')
    assert parse_timeml(timed).dct == datetime.date(1998, 2, 13)
    compact = SNIPPET.replace('value="2021-02-28"', 'value="19980213"')
    assert parse_timeml(compact).dct == datetime.date(1998, 2, 13)
    vague = SNIPPET.replace('value="2021-02-28"', 'value="PRESENT_REF"')
    assert parse_timeml(vague).dct is None


def test_round_trip_with_gold_annotation_keeps_text_and_spans():
    doc = parse_timeml(SNIPPET)
    out, warnings = render_timeml(doc, doc.timexes)
    assert warnings == []
    again = parse_timeml(out)
    assert again.text == doc.text
    assert [(t.start, t.end, t.type, t.value, t.mod) for t in again.timexes] == [
        (t.start, t.end, t.type, t.value, t.mod) for t in doc.timexes
    ]


def test_written_file_keeps_the_outside_and_drops_gold_markup():
    doc = parse_timeml(SNIPPET)
    out, _ = render_timeml(doc, [_date_over(doc, "last week", "2021-W07")])
    root = ET.fromstring(out)  # well-formed
    # Outside TEXT: everything as read, minus link/MAKEINSTANCE lines and EVENT tags.
    assert out.startswith(
        HEAD.replace('<EVENT eid="e90" class="OCCURRENCE">resume</EVENT>', "resume")
    )
    assert out.endswith("\n\n</TimeML>\n")
    for tag in ("MAKEINSTANCE", "TLINK", "SLINK", "<EVENT", "<SIGNAL"):
        assert tag not in out
    # The DCT's TIMEX3 stays, ours follow it with fresh tids.
    timexes = root.findall(".//TIMEX3")
    assert [t.get("tid") for t in timexes] == ["t0", "t1"]
    assert ET.tostring(root.find(".//TEXT/TIMEX3"), encoding="unicode").startswith(
        '<TIMEX3 tid="t1" type="DATE" value="2021-W07">last week</TIMEX3>'
    )
    assert "".join(root.find(".//TEXT").itertext()) == PLAIN


def test_writer_escapes_text_and_attributes_and_writes_mod():
    doc = parse_timeml(SNIPPET)
    system = [
        _date_over(doc, "3 < 5", 'odd "value" & <more>', mod="APPROX"),
        _date_over(doc, "early February", "2021-02", mod="START"),
    ]
    out, warnings = render_timeml(doc, system)
    assert warnings == []
    assert "Doha &amp; Kabul" in out
    assert "3 &lt; 5</TIMEX3>" in out
    assert 'mod="START">early February</TIMEX3>' in out
    again = parse_timeml(out)
    assert again.text == PLAIN
    assert [(t.text, t.value, t.mod) for t in again.timexes] == [
        ("3 < 5", 'odd "value" & <more>', "APPROX"),
        ("early February", "2021-02", "START"),
    ]


def test_overlapping_and_out_of_range_annotations_are_skipped_with_warnings():
    doc = parse_timeml(SNIPPET)
    at = doc.text.index("last week")
    system = [
        Timex(at, at + 9, "last week", "DATE", "2021-W07"),
        Timex(at + 5, at + 9, "week", "DURATION", "P1W"),
        Timex(len(doc.text) - 1, len(doc.text) + 10, "?", "DATE", "X"),
        Timex(4, 4, "", "DATE", "X"),
    ]
    out, warnings = render_timeml(doc, system)
    assert len(warnings) == 3
    assert [t.text for t in parse_timeml(out).timexes] == ["last week"]


def test_crlf_and_tids_above_the_dct():
    crlf = SNIPPET.replace("\n", "\r\n").replace('tid="t0"', 'tid="t7"')
    doc = parse_timeml(crlf)
    # XML parsers normalise line ends in character data; offsets index that text.
    assert doc.text == PLAIN
    out, _ = render_timeml(doc, [Timex(0, 1, "\n", "DATE", "X")])
    assert out.startswith(crlf[: crlf.index("<EXTRAINFO>")])
    assert '<TIMEX3 tid="t8"' in out


def test_read_and_write_files(tmp_path):
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    (nested / "doc.tml").write_text(SNIPPET, encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not TimeML", encoding="utf-8")
    paths = find_timeml_files(tmp_path)
    assert paths == [nested / "doc.tml"]
    doc = read_timeml(paths[0])
    assert doc.name == "doc.tml"
    assert doc.text == PLAIN
    target = tmp_path / "out.tml"
    assert write_timeml(target, doc, doc.timexes) == []
    assert read_timeml(target).timexes == tuple(
        Timex(t.start, t.end, t.text, t.type, t.value, t.mod, f"t{i}")
        for i, t in enumerate(doc.timexes, start=1)
    )


def test_not_timeml_raises():
    with pytest.raises(TimeMLError):
        parse_timeml("<TimeML><DOCID>x</DOCID></TimeML>")
    with pytest.raises(TimeMLError):
        parse_timeml("<TimeML><TEXT>a <b>broken</TEXT></TimeML>")


def test_timexes_from_expressions():
    expression = TemporalExpression(
        text="early February", start=3, end=17, type="DATE", value="2021-02", mod="START"
    )
    assert timexes_from_expressions([expression]) == [
        Timex(3, 17, "early February", "DATE", "2021-02", "START")
    ]


def _counted(text: str) -> Timex:
    """The TimeML view of the one expression the extractor finds in ``text``."""
    from timeline.extraction import extract

    found = extract(text, published=datetime.date(2020, 3, 10)).expressions
    counted = [e for e in found if e.offset]
    assert len(counted) == 1, found
    return timexes_from_expressions(counted)[0]


def test_counted_dates_keep_their_date_and_are_written_as_timeml_durations():
    from timeline.extraction import extract

    text = "The envoys met on March 3, 2020. Three days later, the talks collapsed."
    later = [e for e in extract(text, published=datetime.date(2020, 3, 10)).expressions][-1]
    # The timeline gets the date...
    assert (later.text, later.type, later.value, later.offset) == (
        "Three days later",
        "DATE",
        "2020-03-06",
        "P3D",
    )
    assert later.is_dating
    # ...TimeML gets a DURATION over the counted span, without the signal word.
    view = _counted(text)
    assert (view.text, view.type, view.value, view.mod) == ("Three days", "DURATION", "P3D", "")
    assert text[view.start : view.end] == "Three days"


def test_whole_year_comparisons_stay_timeml_dates():
    view = _counted(
        "The bank earned $5 million in the third quarter of 2019, up from $4 million "
        "a year earlier."
    )
    assert (view.text, view.type) == ("a year earlier", "DATE")


def test_a_day_range_is_two_timexes_in_timeml():
    from timeline.extraction import extract

    text = "Launch managers are targeting a window of March 3-4."
    found = extract(text, published=datetime.date(2008, 2, 20)).expressions
    assert [(e.text, e.interval_start, e.interval_end) for e in found] == [
        ("March 3-4", datetime.date(2008, 3, 3), datetime.date(2008, 3, 4))
    ]
    views = timexes_from_expressions(found)
    assert [(v.text, v.value) for v in views] == [("March 3", "2008-03-03"), ("4", "2008-03-04")]
    assert all(text[v.start : v.end] == v.text for v in views)


def test_expressions_without_offset_are_written_as_they_are():
    plain = TemporalExpression(text="Three days", start=0, end=10, type="DURATION", value="P3D")
    assert timexes_from_expressions([plain]) == [Timex(0, 10, "Three days", "DURATION", "P3D")]


def test_real_te3_file_text_equals_the_text_element():
    files = find_timeml_files(CORPUS) if CORPUS.is_dir() else []
    if not files:
        if os.environ.get("CI") == "true":
            pytest.fail(f"TE3 corpus missing at {CORPUS}")
        pytest.skip(f"TE3 corpus not found at {CORPUS}")
    path = files[0]
    doc = read_timeml(path)
    text_element = ET.parse(path).getroot().find(".//TEXT")
    assert doc.text == "".join(text_element.itertext())
    gold = text_element.findall(".//TIMEX3")
    assert [t.text for t in doc.timexes] == ["".join(g.itertext()) for g in gold]
    assert [t.tid for t in doc.timexes] == [g.get("tid") for g in gold]
    assert doc.dct is not None
    out, warnings = render_timeml(doc, doc.timexes)
    assert warnings == []
    assert parse_timeml(out).text == doc.text
