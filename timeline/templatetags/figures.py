"""The figure of a chart in its page: ``{{ figure|figure_json:"timeline-figure" }}``."""

from __future__ import annotations

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

# What Django's json_script escapes, so the JSON can never close its <script> element.
_ESCAPES = (("&", "\\u0026"), ("<", "\\u003C"), (">", "\\u003E"))


@register.filter(is_safe=True)
def figure_json(value: object, element_id: str) -> SafeString:
    """The same ``<script type="application/json">`` element as Django's ``json_script``,
    written compactly: no spaces after separators and text as UTF-8 instead of ``\\u``
    escapes, with the same three characters escaped. A figure of a thousand events is
    tens of kilobytes smaller, and ``str.replace`` escapes it several times faster than
    the ``str.translate`` json_script uses."""
    text = json.dumps(value, cls=DjangoJSONEncoder, separators=(",", ":"), ensure_ascii=False)
    for char, escape in _ESCAPES:
        text = text.replace(char, escape)
    return format_html(
        '<script id="{}" type="application/json">{}</script>', element_id, mark_safe(text)
    )
