"""Sentence splitting for news text (English, French, Spanish), in linear time.

The splitter never runs a regular expression that can backtrack over its input: one
scanner finds candidate boundaries (a run of ``.!?…`` plus any closing quotes or brackets,
or a line break), and each candidate is judged by a few constant-time look-ups at the
token before it and the word after it. That keeps a 1 MB article to a few tens of
milliseconds and makes pathological inputs ("." * 10**6, one endless line) harmless.

A full stop ends a sentence when whitespace and an upper-case letter, a digit or an opening
quote follow it, unless the token before it is an abbreviation:

* titles ("Mr.", "Dr.", "Gen.", "Sr.", French "M.") never end a sentence before a name;
* month and reference abbreviations ("Sept. 11", "No. 5") do not before a number;
* acronyms and initials ("U.S.", "U.N.", "EE.UU.", "J. Smith", "Inc.") are ambiguous: they
  end a sentence only when the next word is a typical sentence opener ("The", "He", "But").

Blank lines always separate sentences (paragraphs, headlines). A single line break
separates them too, unless the document is hard-wrapped (many lines continue in lower
case, as in newswire text) or the next line starts in lower case.
"""

from __future__ import annotations

import re

# Candidate boundaries. Both alternatives start on a fixed character and consume runs that
# cannot be re-entered, so the scan is linear however the input is shaped.
_CANDIDATE = re.compile(r"[.!?…]+[\"”’'»)\]]*|\n(?:[^\S\n]*\n)*")
_SPACE = re.compile(r"\s*")
_NON_SPACE = re.compile(r"\S")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")

_OPENERS = "\"“‘'([«¿¡`"

# Tokens after which a full stop is an abbreviation, never a sentence end before a
# capitalised word (they precede a name).
_TITLES = {
    "mr",
    "mrs",
    "ms",
    "messrs",
    "dr",
    "drs",
    "prof",
    "gen",
    "lt",
    "col",
    "maj",
    "capt",
    "cpt",
    "sgt",
    "adm",
    "cmdr",
    "cdr",
    "gov",
    "sen",
    "sens",
    "rep",
    "reps",
    "rev",
    "fr",
    "st",
    "mt",
    "hon",
    "pres",
    "amb",
    "supt",
    "insp",
    "brig",
    "atty",
    "gens",
}
_TITLES_BY_LANGUAGE = {
    "fr": {"m", "mm", "mme", "mmes", "mlle", "mlles", "mgr", "me", "pr", "dr", "st", "ste"},
    "es": {
        "sr",
        "sra",
        "srta",
        "sres",
        "dra",
        "lic",
        "ing",
        "gral",
        "excmo",
        "excma",
        "dña",
        "dn",
        "d",
        "arq",
        "mons",
        "pdte",
        "sto",
        "sta",
    },
}
# Abbreviations that precede a number ("Sept. 11", "No. 5", "art. 3").
_BEFORE_NUMBER = {
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "no",
    "nos",
    "nr",
    "art",
    "vol",
    "vols",
    "p",
    "pp",
    "fig",
    "ch",
    "sec",
    "para",
    "op",
    "approx",
    "ca",
    "c",
    "vs",
    "v",
    "cf",
    "tel",
    "ed",
}
_BEFORE_NUMBER_BY_LANGUAGE = {
    "fr": {"janv", "févr", "fév", "avr", "juil", "déc", "n", "nº", "p", "env"},
    "es": {"ene", "abr", "ago", "dic", "núm", "n", "nº", "pág", "págs", "cap", "aprox"},
}
# Abbreviations that may also end a sentence ("... in the U.S. The talks ...").
_AMBIGUOUS = {
    "inc",
    "ltd",
    "co",
    "corp",
    "bros",
    "jr",
    "sr",
    "esq",
    "etc",
    "al",
    "plc",
    "llc",
    "dept",
    "govt",
    "univ",
    "assn",
    "ave",
    "blvd",
    "rd",
    "mass",
    "calif",
    "ariz",
    "fla",
    "ga",
    "ill",
    "va",
    "wash",
    "conn",
    "penn",
    "ky",
    "tenn",
    "mich",
    "minn",
    "mo",
    "wis",
    "okla",
    "colo",
    "nev",
    "neb",
    "kan",
    "ind",
    "del",
    "md",
    "pa",
    "ore",
    "tex",
}
_AMBIGUOUS_BY_LANGUAGE = {
    "fr": {"cie", "etc", "av", "bd"},
    "es": {"cía", "etc", "avda", "uu", "ee"},
}
# Words that typically open a sentence: after an ambiguous abbreviation they tip the
# balance towards a boundary.
_OPENER_WORDS = {
    # English
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "this",
    "that",
    "these",
    "those",
    "there",
    "but",
    "and",
    "in",
    "on",
    "at",
    "as",
    "after",
    "before",
    "however",
    "meanwhile",
    "also",
    "his",
    "her",
    "its",
    "their",
    "our",
    "when",
    "while",
    "if",
    "some",
    "many",
    "most",
    "no",
    "yet",
    "so",
    "still",
    "since",
    "for",
    "from",
    "by",
    "with",
    "under",
    "officials",
    "what",
    "why",
    "how",
    "who",
    "earlier",
    "later",
    "last",
    "next",
    "one",
    "two",
    "both",
    "neither",
    "nor",
    "such",
    "thus",
    "then",
    "instead",
    "although",
    "though",
    "during",
    "despite",
    "according",
    "other",
    "another",
    "each",
    "all",
    "more",
    # French
    "le",
    "la",
    "les",
    "il",
    "elle",
    "ils",
    "elles",
    "un",
    "une",
    "des",
    "mais",
    "en",
    "dans",
    "ce",
    "cette",
    "ces",
    "selon",
    "pour",
    "depuis",
    "lors",
    "alors",
    "cependant",
    "nous",
    "au",
    "aux",
    "du",
    # Spanish
    "el",
    "los",
    "las",
    "ella",
    "ellos",
    "ellas",
    "pero",
    "sin",
    "por",
    "con",
    "según",
    "este",
    "esta",
    "estos",
    "estas",
    "desde",
    "además",
    "tras",
    "durante",
    "una",
    "unos",
    "unas",
    "se",
    "lo",
}
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
    lang = (language or "en").split("-")[0].lower()
    titles = _TITLES | _TITLES_BY_LANGUAGE.get(lang, set())
    before_number = _BEFORE_NUMBER | _BEFORE_NUMBER_BY_LANGUAGE.get(lang, set())
    ambiguous = _AMBIGUOUS | _AMBIGUOUS_BY_LANGUAGE.get(lang, set())
    if lang == "en":
        # English "Sr." follows a name ("John Smith Sr.") and may end a sentence.
        titles = titles - {"sr"}
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
        if _is_boundary(text, m.start(), m.group(), nxt, titles, before_number, ambiguous):
            _append(text, pos, end, spans)
            pos = end
    _append(text, pos, n, spans)
    return spans


def _is_boundary(
    text: str,
    term_start: int,
    term: str,
    nxt: int,
    titles: set[str],
    before_number: set[str],
    ambiguous: set[str],
) -> bool:
    word_at = nxt
    # Skip opening quotes and brackets, newswire "``" included (at most a few).
    while word_at < len(text) and word_at - nxt < 3 and text[word_at] in _OPENERS:
        word_at += 1
    following = text[word_at] if word_at < len(text) else ""
    starts_upper = following.isupper() or following.isdigit()
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
    if key in titles:
        return False
    if following.isdigit() and key in before_number:
        return False
    acronym = _ACRONYM.fullmatch(token + ".") is not None and "." in token
    initial = len(token) == 1 and token.isalpha() and token.isupper()
    if acronym or initial or key in ambiguous:
        word = _WORD.match(text, word_at)
        return word is not None and word.group().lower() in _OPENER_WORDS
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
