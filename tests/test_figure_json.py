"""The figure_json filter: the element json_script writes, compact and as safe."""

from __future__ import annotations

import json
import re

import pytest
from django.template import Context, Template
from django.utils.html import json_script

from timeline.templatetags.figures import figure_json

VALUES = [
    {"data": [{"customdata": [[1, "Talks · Doha", "28 Feb 2021"]]}], "layout": {}},
    {"t": "</script><script>alert(1)</script>", "a": "&amp; <b>", "u": "\u2028 كابل"},
    [1.5, None, True, "2021-02-28"],
]


def body(html: str) -> str:
    match = re.fullmatch(r'<script id="f" type="application/json">(.*)</script>', html, re.S)
    assert match, html
    return match.group(1)


@pytest.mark.parametrize("value", VALUES)
def test_it_reads_back_as_json_script_does_and_cannot_close_its_element(value):
    compact = body(figure_json(value, "f"))
    assert json.loads(compact) == json.loads(body(json_script(value, "f"))) == value
    assert "<" not in compact and ">" not in compact and "&" not in compact
    assert len(compact) <= len(body(json_script(value, "f")))


def test_it_has_no_spaces_between_items_and_keeps_text_as_utf8():
    out = body(figure_json({"a": [1, 2], "b": "Talks · Doha"}, "f"))
    assert out == '{"a":[1,2],"b":"Talks · Doha"}'


def test_the_template_filter():
    html = Template('{% load figures %}{{ v|figure_json:"f" }}').render(Context({"v": [1]}))
    assert html == '<script id="f" type="application/json">[1]</script>'
