"""Read TimeML documents (TempEval-3 format) and write system output in the same format.

Pure Python, no Django: used by the ``evaluate_extraction`` command, the benchmark script and
the tests. Reading turns the ``<TEXT>`` element into plain text plus the gold TIMEX3
annotations as character spans into that text; every other tag inside ``<TEXT>`` (EVENT,
SIGNAL, ...) is dropped and its text kept. Writing reproduces the input file outside
``<TEXT>`` (DOCID, DCT, ... as they were) minus the link and MAKEINSTANCE tags, and replaces
the content of ``<TEXT>`` with the plain text carrying our TIMEX3 tags, which is what the
official TempEval-3 scorer reads as system output.
"""

from __future__ import annotations

import datetime
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

__all__ = [
    "TimeMLDocument",
    "TimeMLError",
    "Timex",
    "find_timeml_files",
    "parse_timeml",
    "read_timeml",
    "render_timeml",
    "timexes_from_expressions",
    "write_timeml",
]

# The TEXT element is located in the raw file so that everything around it can be written
# back byte for byte; ElementTree would normalise quoting, whitespace and the declaration.
_TEXT_RE = re.compile(r"<TEXT(?:\s[^>]*)?>(.*?)</TEXT\s*>", re.DOTALL)
# Link and MAKEINSTANCE tags go entirely: they refer to gold EVENT/TIMEX3 ids that no longer
# exist in the output, and the scorer would otherwise read them as system links. The whole
# line goes when the tag was alone on it, so the file does not fill with blank lines.
_LINK_TAGS = "TLINK|SLINK|ALINK|MAKEINSTANCE"
_LINK_RE = re.compile(
    rf"(?:^[ \t]*)?<(?:{_LINK_TAGS})\b[^>]*?(?:/>|>.*?</(?:{_LINK_TAGS})\s*>)(?:[ \t]*\r?\n)?",
    re.DOTALL | re.MULTILINE,
)
# Gold EVENT/SIGNAL/TIMEX3 tags also turn up outside TEXT (EVENTs in some EXTRAINFO
# headers); their tags go and their text stays. The DCT is the exception: its TIMEX3 is the
# creation time the scorer anchors on.
_MARKUP_RE = re.compile(r"</?(?:EVENT|SIGNAL|TIMEX3)\b[^>]*>")
_DCT_RE = re.compile(r"<DCT\b.*?</DCT\s*>", re.DOTALL)
_TID_NUM_RE = re.compile(r"""\btid\s*=\s*["']t(\d+)["']""")


class TimeMLError(ValueError):
    """Raised when a file is not a TimeML document this module can read."""


@dataclass(frozen=True, slots=True)
class Timex:
    """One TIMEX3 annotation as a character span into the document's plain text.

    ``text`` equals ``plain_text[start:end]``. ``mod`` is ``""`` when the tag has none.
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str = ""
    tid: str = ""


@dataclass(frozen=True, slots=True)
class TimeMLDocument:
    """A parsed TimeML file: identity, creation time, plain text and gold TIMEX3 spans.

    ``raw`` is the file's text as read; ``text_span`` is the (start, end) of the content of
    ``<TEXT>`` inside ``raw``, which :func:`render_timeml` replaces. ``dct_value`` is the
    DCT's TIMEX3 value as written and ``dct`` its calendar date (``None`` when the value has
    no full date).
    """

    name: str
    docid: str
    dct_value: str
    dct: datetime.date | None
    text: str
    timexes: tuple[Timex, ...]
    raw: str = field(repr=False)
    text_span: tuple[int, int] = (0, 0)
    encoding: str = "utf-8"


def _dct_date(value: str) -> datetime.date | None:
    match = re.match(r"(\d{4})-?(\d{2})-?(\d{2})", value or "")
    if not match:
        return None
    try:
        return datetime.date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


def _walk(
    element: ET.Element, parts: list[str], spans: list[tuple[int, int, ET.Element]], offset: int
) -> int:
    """Append the element's character data to ``parts`` and return the offset after it.

    Every TIMEX3 met on the way is recorded in ``spans`` as (start, end, element).
    """
    start = offset
    if element.text:
        parts.append(element.text)
        offset += len(element.text)
    for child in element:
        offset = _walk(child, parts, spans, offset)
        if child.tail:
            parts.append(child.tail)
            offset += len(child.tail)
    if element.tag == "TIMEX3":
        spans.append((start, offset, element))
    return offset


def parse_timeml(raw: str, name: str = "") -> TimeMLDocument:
    """Parse the text of a TimeML file into a :class:`TimeMLDocument`.

    The plain text is the concatenated character data of ``<TEXT>`` (entities decoded),
    and each gold TIMEX3 inside it becomes a :class:`Timex` whose offsets index that text.
    Raises :class:`TimeMLError` when the file is not well-formed XML or has no ``<TEXT>``.
    """
    match = _TEXT_RE.search(raw)
    if match is None:
        raise TimeMLError(f"{name or 'document'}: no <TEXT> element")
    try:
        root = ET.fromstring(raw)
    except ET.ParseError as exc:
        raise TimeMLError(f"{name or 'document'}: not well-formed XML: {exc}") from exc
    text_element = root.find(".//TEXT")
    if text_element is None:  # pragma: no cover - the regex found it, so the tree has it
        raise TimeMLError(f"{name or 'document'}: no <TEXT> element")

    parts: list[str] = []
    spans: list[tuple[int, int, ET.Element]] = []
    _walk(text_element, parts, spans, 0)
    plain = "".join(parts)
    timexes = sorted(
        (
            Timex(
                start=start,
                end=end,
                text=plain[start:end],
                type=element.get("type", ""),
                value=element.get("value", ""),
                mod=element.get("mod", ""),
                tid=element.get("tid", ""),
            )
            for start, end, element in spans
        ),
        key=lambda t: (t.start, -t.end),
    )

    docid = (root.findtext(".//DOCID") or "").strip()
    dct_timex = root.find(".//DCT/TIMEX3")
    dct_value = dct_timex.get("value", "") if dct_timex is not None else ""
    return TimeMLDocument(
        name=name,
        docid=docid,
        dct_value=dct_value,
        dct=_dct_date(dct_value),
        text=plain,
        timexes=tuple(timexes),
        raw=raw,
        text_span=(match.start(1), match.end(1)),
    )


def read_timeml(path: str | Path) -> TimeMLDocument:
    """Read and parse one TimeML file (UTF-8); see :func:`parse_timeml`."""
    path = Path(path)
    data = path.read_bytes()
    declared = re.match(rb"""<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""", data)
    encoding = declared.group(1).decode("ascii") if declared else "utf-8"
    try:
        # Decoding bytes ourselves keeps \r\n as written, so the rewritten file matches.
        raw = data.decode(encoding)
    except (LookupError, UnicodeDecodeError) as exc:
        raise TimeMLError(f"{path.name}: cannot decode as {encoding}: {exc}") from exc
    return replace(parse_timeml(raw, name=path.name), encoding=encoding)


def find_timeml_files(directory: str | Path) -> list[Path]:
    """All ``*.tml`` files under ``directory``, recursively, in a stable (sorted) order."""
    return sorted(p for p in Path(directory).rglob("*.tml") if p.is_file())


# The word that turns a counted span into a date: "three days later", "a month after".
_SIGNAL = re.compile(
    r"(?i)\s+(?:later|earlier|after|before|afterwards|previously|prior|plus\s+tard|plus\s+tôt|"
    r"après|auparavant|avant|después|más\s+tarde|antes)$"
)
# Comparisons of whole years ("a year earlier", "two years earlier") are dates in TimeBank.
_YEAR_COMPARISON = re.compile(r"(?i)\byears?[\s-]+earlier$")


def timex_view(e: Any) -> Timex:
    """The TIMEX3 annotation of one extractor expression, as TimeML writes it.

    An expression dated by counting from an anchor ("three days later", "a year after the
    deal", with ``offset`` set) is, in TimeML, a DURATION ("three days", P3D) plus a signal
    word and a link to its anchor. The extractor keeps the date it worked out, for the
    timeline; TimeML output gets the DURATION over the counted span, without the signal.
    Whole-year comparisons ("a year earlier") stay dates, as TimeBank annotates them.
    """
    text, start, end = e.text, e.start, e.end
    article = getattr(e, "determiner", "") or ""
    if article:
        # "le 30 juin": the French and Spanish TimeBanks count the article in the extent
        text, start = article + text, start - len(article)
    offset = getattr(e, "offset", "") or ""
    if offset and not _YEAR_COMPARISON.search(text):
        signal = _SIGNAL.search(text)
        cut = signal.start() if signal else len(text)
        return Timex(start=start, end=start + cut, text=text[:cut], type="DURATION", value=offset)
    return Timex(
        start=start,
        end=end,
        text=text,
        type=e.type,
        value=getattr(e, "value", "") or "",
        mod=getattr(e, "mod", "") or "",
    )


# "March 3-4", "Jan. 23 to 24, 2017", "du 20 au 26 décembre": one expression for the
# timeline, two TIMEX3 in TimeML.
_DAY_RANGE = re.compile(
    r"(\d{1,2})(?:st|nd|rd|th|er)?\s*(?:-|–|to|through|and|au|al|et|y)\s*(\d{1,2})\b"
)


# "1861-1863", "1915-17": a span of years, two TIMEX3.
_YEAR_RANGE = re.compile(r"(\d{4})\s*[-–]\s*(\d{2,4})")


def _range_views(e: Any) -> list[Timex] | None:
    """The two TIMEX3 of a day range ("March 3-4": "March 3" and "4") or of a span of years
    ("1861-1863": "1861" and "1863"; "1915-17": "1915" and "17", valued 1917), or None."""
    first, last = getattr(e, "interval_start", None), getattr(e, "interval_end", None)
    if first is None or last is None or last <= first:
        return None
    # The first half carries the article TimeML counts in the extent ("le 20" of "le 20 au
    # 26 décembre").
    article = getattr(e, "determiner", "") or ""
    lead = e.start - len(article)
    if getattr(e, "precision", None) == "year" and last.year > first.year:
        y = _YEAR_RANGE.fullmatch(e.text)
        if y is None:
            return None
        return [
            Timex(lead, e.start + y.end(1), article + y.group(1), e.type, e.value, e.mod),
            Timex(e.start + y.start(2), e.end, y.group(2), e.type, f"{last.year:04d}"),
        ]
    if getattr(e, "precision", None) != "day":
        return None
    m = _DAY_RANGE.search(e.text)
    if m is None or int(m.group(2)) != last.day:
        return None
    head_end = m.end(1)
    tail_start = m.start(2)
    return [
        Timex(lead, e.start + head_end, article + e.text[:head_end], e.type, e.value),
        Timex(
            e.start + tail_start,
            e.end,
            e.text[tail_start:],
            e.type,
            last.isoformat(),
        ),
    ]


def timexes_from_expressions(
    expressions: Iterable[object], *, offsets_as_durations: bool = True
) -> list[Timex]:
    """Turn extractor output (objects with text/start/end/type/value/mod) into :class:`Timex`.

    Works on :class:`timeline.extraction.types.TemporalExpression` without importing it, so
    this module stays usable on its own (see :func:`timex_view`). A day range is written
    as TimeML writes it, two TIMEX3 ("March 3" and "4"). Tids are assigned later, when
    writing. ``offsets_as_durations`` (TimeBank's convention, kept by the English, French
    and Spanish sets) writes a date counted from its anchor as the DURATION counted; off,
    it is the DATE worked out ("tre giorni dopo" = 2011-02-20), as the guidelines of the
    other languages' sets ask (tests/extraction/spec/TIMEML_GUIDELINES.md).
    """
    out: list[Timex] = []
    for e in expressions:
        if not offsets_as_durations and getattr(e, "offset", ""):
            out.append(_plain_view(e))
            continue
        out.extend(_range_views(e) or [timex_view(e)])
    return out


def _plain_view(e: Any) -> Timex:
    return Timex(
        start=e.start,
        end=e.end,
        text=e.text,
        type=e.type,
        value=getattr(e, "value", "") or "",
        mod=getattr(e, "mod", "") or "",
    )


def _timex_tag(timex: Timex, tid: str, text: str) -> str:
    attributes = f"tid={quoteattr(tid)} type={quoteattr(timex.type)} value={quoteattr(timex.value)}"
    if timex.mod:
        attributes += f" mod={quoteattr(timex.mod)}"
    return f"<TIMEX3 {attributes}>{escape(text)}</TIMEX3>"


def _strip_outside(raw: str) -> str:
    """Remove gold annotation from text outside TEXT, leaving the DCT element as it is."""
    pieces: list[str] = []
    cursor = 0
    for dct in _DCT_RE.finditer(raw):
        pieces.append(_MARKUP_RE.sub("", _LINK_RE.sub("", raw[cursor : dct.start()])))
        pieces.append(dct.group(0))
        cursor = dct.end()
    pieces.append(_MARKUP_RE.sub("", _LINK_RE.sub("", raw[cursor:])))
    return "".join(pieces)


def _first_free_tid(outside: str) -> int:
    """First tid number above every tid used outside TEXT (the DCT is usually t0)."""
    used = [int(n) for n in _TID_NUM_RE.findall(outside)]
    return max(used) + 1 if used else 1


def render_timeml(document: TimeMLDocument, timexes: Sequence[Timex]) -> tuple[str, list[str]]:
    """Write ``document`` back as TimeML carrying ``timexes`` instead of the gold annotation.

    Outside ``<TEXT>`` the file is kept as read except that TLINK, SLINK, ALINK and
    MAKEINSTANCE tags are removed, as are EVENT, SIGNAL and TIMEX3 tags outside the DCT
    (their text stays); the content of ``<TEXT>`` becomes the plain text,
    XML-escaped, with one ``<TIMEX3 tid type value [mod]>`` per annotation. Annotations that
    fall outside the text or overlap an earlier one cannot be written as nested tags and are
    skipped. Returns the file text and a list of warnings about skipped annotations.
    """
    text = document.text
    warnings: list[str] = []
    begin, end = document.text_span
    before = _strip_outside(document.raw[:begin])
    after = _strip_outside(document.raw[end:])
    next_tid = _first_free_tid(before + after)

    out: list[str] = []
    cursor = 0
    for timex in sorted(timexes, key=lambda t: (t.start, -t.end)):
        if not (0 <= timex.start < timex.end <= len(text)):
            warnings.append(f"skipped {timex.text!r}: span {timex.start}-{timex.end} is invalid")
            continue
        if timex.start < cursor:
            warnings.append(
                f"skipped {timex.text!r} at {timex.start}: overlaps the previous expression"
            )
            continue
        out.append(escape(text[cursor : timex.start]))
        out.append(_timex_tag(timex, f"t{next_tid}", text[timex.start : timex.end]))
        next_tid += 1
        cursor = timex.end
    out.append(escape(text[cursor:]))
    return before + "".join(out) + after, warnings


def write_timeml(path: str | Path, document: TimeMLDocument, timexes: Sequence[Timex]) -> list[str]:
    """Render ``document`` with ``timexes`` (see :func:`render_timeml`) and write it to ``path``.

    The file is written in the encoding it was read in (characters that encoding cannot hold
    become character references); returns the rendering warnings.
    """
    text, warnings = render_timeml(document, timexes)
    Path(path).write_bytes(text.encode(document.encoding, errors="xmlcharrefreplace"))
    return warnings
