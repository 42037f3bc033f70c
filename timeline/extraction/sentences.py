"""Sentence splitting for news text, in linear time (abbreviations from the language files).

The splitter never runs a regular expression that can backtrack over its input: one
scanner finds candidate boundaries (a run of ``.!?…`` plus any closing quotes or brackets,
or a line break), and each candidate is judged by a few constant-time look-ups at the
token before it and the word after it. That keeps a 1 MB article to a few tens of
milliseconds and makes pathological inputs ("." * 10**6, one endless line) harmless.

A full stop ends a sentence when whitespace and an upper-case letter (or a letter of a
script without case), a digit or an opening quote follow it, unless the token before it is
an abbreviation:

* titles ("Mr.", "Dr.", "Gen.", "Sr.", French "M.") never end a sentence before a name;
* month and reference abbreviations ("Sept. 11", "No. 5") do not before a number;
* acronyms and initials ("U.S.", "U.N.", "EE.UU.", "J. Smith", "Inc.") are ambiguous: they
  end a sentence only when the next word is a typical sentence opener ("The", "He", "But").

Blank lines always separate sentences (paragraphs, headlines). A single line break
separates them too, unless the document is hard-wrapped (many lines continue in lower
case, as in newswire text) or the next line starts in lower case.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

# Candidate boundaries. Both alternatives start on a fixed character and consume runs that
# cannot be re-entered, so the scan is linear however the input is shaped.
_CANDIDATE = re.compile(r"[.!?…]+[\"”’'»)\]]*|\n(?:[^\S\n]*\n)*")
_SPACE = re.compile(r"\s*")
_NON_SPACE = re.compile(r"\S")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")

_OPENERS = "\"“‘'([«¿¡`"


@dataclass(frozen=True)
class SentenceWords:
    """The abbreviations the splitter knows for one language, from its resource file.

    ``titles`` never end a sentence before a capitalised word (they precede a name);
    ``before_number`` do not before a number ("Sept. 11", "art. 3"); ``ambiguous`` ones
    ("U.S.", "Inc.") end a sentence only before a typical sentence opener.
    """

    titles: frozenset[str]
    before_number: frozenset[str]
    ambiguous: frozenset[str]
    openers: frozenset[str]
    # Words a number with a full stop (an ordinal) runs on to: German "am 15. März".
    after_ordinal: frozenset[str] = frozenset()

    @classmethod
    def build(cls, shared: Mapping[str, Any], own: Mapping[str, Any]) -> SentenceWords:
        """Every language's words (``shared``) with this language's added (``own``)."""

        def words(key: str) -> frozenset[str]:
            return frozenset(shared.get(key, ())) | frozenset(own.get(key, ()))

        return cls(
            words("titles") - frozenset(own.get("not_titles", ())),
            words("before_number"),
            words("ambiguous"),
            frozenset(own.get("openers", ())),
            frozenset(w.lower() for w in own.get("after_ordinal", ())),
        )


@functools.cache
def _words_for(language: str) -> tuple[SentenceWords, frozenset[str]]:
    """The language's abbreviations (the shared ones for a language without a file), and
    the sentence openers of every language: quotes and names cross languages."""
    from . import languages

    openers = frozenset().union(
        *(languages.get(c).sentence_words.openers for c in languages.resource_codes())
    )
    code = languages.resolve(language)
    if code is None:
        words = SentenceWords.build(languages.common().get("sentences", {}), {})
    else:
        words = languages.get(code).sentence_words
    return words, openers


_ACRONYM = re.compile(r"(?:[^\W\d_]{1,2}\.)+[^\W\d_]{0,2}")

# Sentences longer than this are cut (at a space) so downstream per-sentence work stays
# bounded on text without punctuation.
MAX_SENTENCE_CHARS = 2000

_LOOKBACK = 24  # an abbreviation is never longer; bounds the per-candidate work


def split_sentences(text: str, *, language: str = "en") -> list[tuple[int, int]]:
    """Return ``(start, end)`` character spans of the sentences in ``text``, in order.

    Spans exclude surrounding whitespace and never overlap; ``text[start:end]`` is the
    sentence including its final punctuation and closing quotes. ``language`` ("en", "fr",
    "es", or a tag such as "fr-CA") adds that language's abbreviations to the shared
    English ones. The work is linear in the length of ``text``.
    """
    words, openers = _words_for(language or "en")
    hard_wrapped = _is_hard_wrapped(text)

    spans: list[tuple[int, int]] = []
    pos = 0
    n = len(text)
    for m in _CANDIDATE.finditer(text):
        if text[m.start()] == "\n":
            newlines = m.group().count("\n")
            nxt = _SPACE.match(text, m.end()).end()
            if nxt >= n:
                continue
            if newlines >= 2 or (not hard_wrapped and not text[nxt].islower()):
                _append(text, pos, m.start(), spans)
                pos = m.end()
            continue
        end = m.end()
        if end >= n or not text[end].isspace():
            continue
        nxt = _SPACE.match(text, end).end()
        if nxt >= n:
            continue
        # French closing guillemet separated by a space belongs to this sentence.
        if text[nxt] == "»":
            end = nxt + 1
            nxt = _SPACE.match(text, end).end()
            if nxt >= n:
                continue
        if _is_boundary(text, m.start(), m.group(), nxt, words, openers):
            _append(text, pos, end, spans)
            pos = end
    _append(text, pos, n, spans)
    return spans


def _is_boundary(
    text: str,
    term_start: int,
    term: str,
    nxt: int,
    words: SentenceWords,
    openers: frozenset[str],
) -> bool:
    word_at = nxt
    # Skip opening quotes and brackets, newswire "``" included (at most a few).
    while word_at < len(text) and word_at - nxt < 3 and text[word_at] in _OPENERS:
        word_at += 1
    following = text[word_at] if word_at < len(text) else ""
    # A letter of a script without case (Arabic, Persian, Hebrew...) starts a sentence as
    # a capital does: no heuristic here may assume letter case.
    starts_upper = (
        following.isupper()
        or following.isdigit()
        or (following.isalpha() and not following.islower())
    )
    if not starts_upper:
        return False
    punct = term.rstrip("\"”’'»)]")
    if punct != ".":
        # "!", "?", "..." and combinations: no abbreviation can precede them.
        return True
    token = _token_before(text, term_start)
    if not token:
        return True
    key = token.lower()
    if key in words.titles:
        return False
    if following.isdigit() and key in words.before_number:
        return False
    if words.after_ordinal and token.isdigit() and len(token) <= 2:
        word = _WORD.match(text, word_at)
        if word is not None and word.group().lower().rstrip(".") in words.after_ordinal:
            return False  # "am 15. März": an ordinal date, not the end of a sentence
    acronym = _ACRONYM.fullmatch(token + ".") is not None and "." in token
    initial = len(token) == 1 and token.isalpha() and token.isupper()
    if acronym or initial or key in words.ambiguous:
        word = _WORD.match(text, word_at)
        return word is not None and word.group().lower() in openers
    return True


def _token_before(text: str, end: int) -> str:
    """The word-ish token ending at ``end`` (without opening quotes), at most a few chars."""
    start = end
    limit = max(0, end - _LOOKBACK)
    while start > limit and not text[start - 1].isspace():
        start -= 1
    if start == limit and limit > 0 and not text[limit - 1].isspace():
        return ""  # longer than any abbreviation
    return text[start:end].lstrip(_OPENERS + "—–-")


def _is_hard_wrapped(text: str) -> bool:
    """True when single line breaks look like wrapping inside paragraphs, not boundaries."""
    single = 0
    continued = 0
    for m in _CANDIDATE.finditer(text):
        if text[m.start()] != "\n" or m.group().count("\n") != 1:
            continue
        nxt = _SPACE.match(text, m.end()).end()
        if nxt >= len(text):
            continue
        single += 1
        before = text[m.start() - 1] if m.start() > 0 else ""
        if text[nxt].islower() or before in ",;":
            continued += 1
    return single >= 3 and continued * 4 >= single


def _append(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    first = _NON_SPACE.search(text, start, end)
    if first is None:
        return
    start = first.start()
    end = start + len(text[start:end].rstrip())
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS)
        if cut <= start:
            cut = start + MAX_SENTENCE_CHARS
        piece_end = start + len(text[start:cut].rstrip())
        spans.append((start, piece_end))
        nxt = _NON_SPACE.search(text, cut, end)
        if nxt is None:
            return
        start = nxt.start()
    if end > start:
        spans.append((start, end))
