"""``manage.py evaluate_extraction``: the thin wrapper over timeline.extraction.evaluation.

Runs the real extractor, so it needs the tagger (timeline/extraction/tagger.py).
"""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from timeline.extraction.timeml import parse_timeml

DOC = """<?xml version="1.0" ?>
<TimeML>
<DOCID>TINY0001</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2021-02-28" functionInDocument="CREATION_TIME">\
20210228</TIMEX3></DCT>
<TEXT>
The ceasefire <EVENT eid="e1" class="OCCURRENCE">began</EVENT> on \
<TIMEX3 tid="t1" type="DATE" value="2021-01-05">January 5, 2021</TIMEX3>, \
AT&amp;T said.
</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" aspect="NONE" polarity="POS" pos="VERB" />
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1" />
</TimeML>
"""


@pytest.fixture
def corpus(tmp_path):
    source = tmp_path / "corpus" / "sub"
    source.mkdir(parents=True)
    (source / "tiny.tml").write_text(DOC, encoding="utf-8")
    return tmp_path / "corpus"


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("evaluate_extraction", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_table_has_a_row_per_system_and_write_tml_writes_parseable_timeml(corpus, tmp_path):
    outdir = tmp_path / "system"
    out, err = run(str(corpus), "--write-tml", str(outdir))
    lines = out.splitlines()
    header = lines[0]
    for column in ("system", "strict P", "relaxed P", "value F1", "type F1", "s/doc"):
        assert column in header
    rows = {line.split("|")[0].strip(): line for line in lines[2:4]}
    assert set(rows) == {"ours", "dateparser"}
    for row in rows.values():
        cells = row.split("|")
        assert len(cells) == 6
        float(cells[-1])  # seconds per document
    assert "1 documents, 1 gold TIMEX3" in out
    assert "ours: " not in err, err  # the extractor ran without error on the document

    written = outdir / "tiny.tml"
    text = written.read_text(encoding="utf-8")
    ET.fromstring(text)
    assert "<EVENT" not in text and "TLINK" not in text and "MAKEINSTANCE" not in text
    assert "<DOCID>TINY0001</DOCID>" in text
    assert "AT&amp;T said." in text
    parsed = parse_timeml(text)
    assert parsed.text == "\nThe ceasefire began on January 5, 2021, AT&T said.\n"
    assert parsed.dct_value == "2021-02-28"


def test_json_and_no_baseline(corpus):
    out, _ = run(str(corpus), "--json", "--no-baseline", "--limit", "1")
    data = json.loads(out)
    assert data["documents"] == 1
    assert list(data["systems"]) == ["ours"]
    ours = data["systems"]["ours"]
    assert ours["errors"] == []
    assert ours["counts"]["gold"] == 1
    # An absolute, fully specified date is the least any tagger must find and resolve.
    assert ours["counts"]["relaxed"] == 1
    assert ours["counts"]["value"] == 1
    for key in ("strict_f1", "relaxed_f1", "value_f1", "type_f1", "seconds_per_document"):
        assert key in ours


def test_bad_directory_is_a_command_error(tmp_path):
    with pytest.raises(CommandError):
        run(str(tmp_path / "missing"))
    with pytest.raises(CommandError):
        run(str(tmp_path))  # no .tml files
