"""Short extractive event titles: the clause of a sentence around its date.

The title is cut from the sentence, never written: deterministic, traceable to the
evidence, and in the article's own language. The steps, in order:

1. Split the sentence into segments at strong separators (``;``, ``:``, spaced dashes,
   ``|``) and keep the one holding the date expression.
2. Split that segment into chunks at commas (never inside the date: "September 11, 2001")
   and pick the clause:

   * the date in a trailing attribution ("..., officials said Monday"): the title is what
     was said, everything before the attribution;
   * the date in an introductory phrase without a verb ("In a report to Congress in early
     February, ..."): the title is the first following chunk with a verb;
   * the date in a predicate without its subject ("Albright, the envoy, fled in 1948"):
     the title reaches back to the start of the segment;
   * otherwise the date's own chunk, with short verbless items listed before it
     ("Poland, Hungary and the Czech Republic joined ...") and proper names listed after
     it ("... admit Poland, Hungary and the Czech Republic").

3. Leading conjunctions ("but", "while") are removed. A relative pronoun ("which",
   "who") reaches back to the noun it describes; when the pronoun is the subject, it
   gives way to that noun ("talks, which began in May" -> "talks began in May"), and when
   the noun is the sentence's own subject, the predicate after the relative clause
   completes it ("The round, which began in May, was the first ...").
   A leading reporting frame ("X said (that)") is removed too, unless the date is
   attached to it ("Officials said on Tuesday that ...", or "On Sunday, X said ...": the
   statement is the event), its verb has an object ("warned officials that ..."), or the
   clause opens with a pronoun the frame explains ("The Taliban said they would ...").
4. English clause repairs: of two reported clauses ("said A and that B") only the one
   with the date stays; a reported condition waits for its main clause ("said that if A,
   B would ..."); a long title first loses the asides between its subject and predicate
   ("X, known as Y, and Z, leader of W, signed" -> "X and Z signed").
5. If still too long, start after the last clause opener before the date that is
   followed by a subject (or after a reporting frame), and end at a clause or phrase
   boundary after it. A date that does not fit that way stays out of the title: a
   title that starts mid-clause would have no subject.
6. English titles that still read as fragments (see :func:`_is_fragment`: "In messages
   posted on Saturday", "began late last month", "challenging a key element of ...") are
   repaired, in order: a participle frame goes ("adding that X" -> "X"); a predicate
   takes back the subject that asides or dashes separated it from; an adverbial
   subordinator goes ("Since the decision was announced" -> "The decision was
   announced"); a predicate yields to the last noun phrase that a verb follows ("the
   agreement signed in Doha a day earlier"); failing all that, the title is the main
   clause of the sentence (its first clause that opens with a subject).
7. Trailing punctuation, trailing function words, a conjunction left with a lone verb
   and unbalanced quotes go; the first letter is capitalised.

When the sentence dates other events too, a comma-bounded relative clause ("which",
"qui", "que") that holds another event's date is that event's: it is deleted from this
title, and the event it dates gets the antecedent with the clause, without its pronoun
("The talks, which began in May, were suspended on Friday" → "The talks began in May" and
"The talks were suspended on Friday").

Edits only ever delete words (an aside, a relative pronoun), never add or reorder them.

Verbs are recognised by cheap surface cues (auxiliaries, "-ed" forms, a list of common
irregular pasts; French and Spanish auxiliaries and endings): enough to tell an
introductory phrase from a clause without a tagger. Every step is a bounded regular
expression or a scan over the sentence's words, so the cost is linear in its length.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

MAX_TITLE_CHARS = 120

_SEGMENT_BREAK = re.compile(r";\s|:\s|\s[—–-]\s|\s--\s|\s\|\s|[—–](?=\s)|\)\s*_\s")
_COMMA = re.compile(r",(?:''|[\"”’»])?\s")
_WORDS = re.compile(r"[^\W_][\w'’.-]*")

_REPORTING = (
    r"said|says|say|told|tells|added|adds|noted|notes|stated|explained|indicated|insisted"
    r"|stressed|warned|warns|argued|claimed|confirmed|acknowledged|wrote|tweeted|reported"
    r"|announced|announces"
    r"|a déclaré|a dit|a affirmé|a indiqué|a ajouté|a expliqué|a souligné|a précisé"
    r"|a estimé|déclare|affirme|indique|estime|ont déclaré|ont affirmé|ont indiqué"
    r"|a annoncé|ont annoncé|a confirmé|a rapporté|a fait savoir"
    r"|informó|informaron|anunció|anunciaron|precisó|confirmó|indicaron|señalaron"
    r"|dijo|afirmó|declaró|señaló|indicó|explicó|agregó|añadió|aseguró|dijeron|afirmaron"
    r"|declararon|dice|afirma|asegura"
)
# A chunk that only attributes what surrounds it: "he said", "the Afghan Study Group
# said", "Austin told reporters ...", "adding that ...", "according to officials".
_ATTRIBUTION_CHUNK = re.compile(
    r"[\"“”']?\s*(?:"
    r"(?:[\w'’.-]+\s+){0,7}?(?:has\s+|have\s+|had\s+)?(?:" + _REPORTING + r")\b"
    r"|(?P<participle>adding|saying|noting|stressing|explaining|warning|according to|selon|según"
    r"|ajoutant|affirmant|añadiendo|agregando|afirmando)\b)",
    re.IGNORECASE,
)
# A reporting frame that opens a clause: "the US State Department said (on Sunday) (that)".
_LEADING_FRAME = re.compile(
    r"(?:[\w'’.-]+\s+){0,8}?(?:has\s+|have\s+|had\s+|also\s+)?"
    r"(?:(?:told|tells)\s+(?:the\s+)?[\w'’-]+|" + _REPORTING + r")\s+(?:that\s+|que\s+)?",
    re.IGNORECASE,
)
_TRAILING_FRAME = re.compile(
    r"[\"”’]\s*,?\s*(?:he|she|they|it|we|I|il|elle|ils|[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"
    r"|the\s+\w+(?:\s+\w+){0,2})\s+(?:" + _REPORTING + r")[.!?]?\s*$"
)

_LEADING_CONNECTIVES = re.compile(
    r"(?:but|and|or|yet|so|while|whereas|although|though|as|which|who|whom|whose|where"
    r"|when|then|also|however|mais|et|ou|alors que|tandis que|qui|dont|pero|y|o|mientras"
    r"|aunque|que|quien|donde|cuando)(?:\s*,\s*|\s+)",
    re.IGNORECASE,
)


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that open a subordinate clause or a coordinated one: a long title may start after
# the last of them before the date.
_CLAUSE_OPENERS = _wordset(
    """
    that whether which who while because although though and but as when where after before
    since until unless if que qui dont lorsque quand et mais car donde cuando porque aunque
    y pero mientras
    """
)
# First words of introductory phrases, never part of a clause's subject.
_INTRO_WORDS = _wordset(
    """
    also however meanwhile today yesterday tomorrow earlier later then now still yet
    in on at as of by for from since after before during under over with without
    according selon según aujourd'hui hier demain hoy ayer mañana puis ensuite luego
    around near about moreover furthermore separately elsewhere nevertheless instead
    overall thus hence besides otherwise
    """
)
# A long title may end before one of these (the phrase boundary), never after one.
_PHRASE_BREAKS = _wordset(
    """
    to in with as which who that while after before because and but from for on at by of
    amid despite over under into including whether since until during against between than
    through without de la le les des du en et à au aux pour par avec dans sur que qui el los
    las del y con por para en sobre tras desde entre sin según
    """
)
# English prepositions: a chunk that opens with one is a phrase, not a clause, whatever
# participles it holds ("In messages posted on Saturday").
_PREPOSITIONS = _wordset(
    """
    in on at by for from after before during under over with without since until amid
    despite following throughout within across against among between into through toward
    towards via upon beyond behind inside outside near of to about around like unlike
    """
)
# Conjunctions that can open a title only when a clause follows them.
_SUBORDINATORS = _wordset(
    """
    that whether which who whom whose if unless once when whenever although though because
    while whereas as and but or nor so yet than where
    """
)
# Subordinators of time, cause and condition: what follows them is a whole clause.
_ADVERBIAL_SUBORDINATORS = _wordset(
    "since after before until because although though when whenever while once"
)
# "Seven months after ...", "A day before ...": a measure of time, then a subordinator.
_MEASURED_SUBORDINATOR = re.compile(
    r"(?:[\w-]+\s+){0,2}(?:minutes?|hours?|days?|weeks?|months?|years?|decades?)"
    r"\s+(?P<sub>after|before|since|until)\s",
    re.IGNORECASE,
)
# Participles that introduce reported speech or a side remark, never a subject.
_LEADING_PARTICIPLE_FRAME = re.compile(
    r"(?:adding|saying|noting|stressing|explaining|warning|insisting|arguing|claiming"
    r"|announcing|declaring|confirming)\s+(?:that\s+)?",
    re.IGNORECASE,
)
# Words that start a noun phrase able to stand as a title's subject.
_NP_STARTS = _wordset("the a an its his her their this these those our")

_TRAILING_STOPWORDS = (
    _PHRASE_BREAKS
    | _PREPOSITIONS
    | _wordset(
        """
    a an the its his her their our my this these those le la les un une el la los las
    how what why where when if than so such not also very hasta durante desde hacia ante
    contra pendant depuis contre vers après avant sans sous entre
    """
    )
)
# "... on Wednesday and committed": a conjunction left with a lone verb ends nothing.
_DANGLING_CONJUNCT = re.compile(
    r"\s(?:and|or|but)\s+(?:(?:later|then|also|still|[a-z]+ly)\s+)?[a-z][\w'’-]*$"
)

# Common words that end like a participle ("taken", "driven") but are none.
_NOT_PARTICIPLES = (
    r"between|often|seven|eleven|women|children|citizen|kitchen|garden|sudden|golden"
    r"|wooden|screen|queen|green|heaven|token|burden|warden|oxygen|even|listen"
)
_VERB_CUES = {
    "en": r"is|are|was|were|be|been|being|has|have|had|will|would|can|could|may|might"
    r"|must|shall|should|do|does|did|won't|can't|said|says|began|begins|met|meets|took"
    r"|takes|went|goes|came|comes|left|leaves|held|holds|made|makes|gave|gives|sent|fell"
    r"|won|lost|saw|led|fled|struck|broke|spoke|told|thought|brought|bought|built|caught"
    r"|chose|drew|drove|ate|fought|found|flew|forgot|got|grew|hid|hit|kept|knew|laid|lay"
    r"|meant|paid|put|ran|rose|run|sat|set|shot|shut|sold|sought|stood|stole|swore"
    r"|taught|threw|understood|woke|wore|wrote|remain|remains|sign|signs|agree|agrees"
    r"|withdraw|withdraws|visit|visits|attack|attacks|resume|resumes|begin|end|ends"
    r"|became|become|becomes|seems|seemed|appears|wants|needs|plans|hopes|expects|faces"
    r"|tore|blew|sank|shook|spent|spread|swept|hung|bore|bit|dug|fed|felt|slid|split|wept"
    # Regular past forms, in lower case only ("United" is no verb).
    r"|(?-i:[a-z]\w+ed)|(?-i:(?!(?:" + _NOT_PARTICIPLES + r")\b)[a-z]\w{2,}en)",
    "fr": r"est|sont|était|étaient|sera|seront|fut|furent|a|ont|avait|avaient|aura|auront"
    r"|va|vont|doit|doivent|peut|peuvent|dit|fait|font|reste|restent|annonce|signe"
    r"|\w{2,}(?:ait|aient|èrent|ra|ront)",
    "es": r"es|son|era|eran|será|serán|fue|fueron|ha|han|había|habían|está|están|estaba"
    r"|va|van|debe|deben|puede|pueden|dijo|hizo|\w{2,}(?:ó|aron|ieron|aba|aban|ará|arán)",
}
_VERBS = {
    lang: re.compile(r"(?<!\w)(?:" + cues + r")(?!\w)", re.IGNORECASE)
    for lang, cues in _VERB_CUES.items()
}


def has_verb(text: str, language: str = "en") -> bool:
    """True when ``text`` shows a surface cue of a finite verb (see the module docstring)."""
    return _VERBS.get(language, _VERBS["en"]).search(text) is not None


def is_attribution(text: str, language: str = "en") -> bool:
    """True when ``text`` (a comma-delimited chunk) only attributes: "he said", "adding ...".

    A reporting frame followed by a clause of its own ("officials said the talks would
    resume") is not attribution only.
    """
    m = _ATTRIBUTION_CHUNK.match(text.strip())
    if m is None:
        return False
    if m.group("participle"):
        return True
    rest = text.strip()[m.end() :]
    rest_words = _WORDS.findall(rest)
    if len(rest_words) <= 3:
        return True
    if m.group().lower().rstrip().endswith(("announced", "announces")):
        return False  # "announced an agreement to ...": an object, the event itself
    if not has_verb(rest, language):
        return True
    # "the group said in a statement issued on Saturday": the verb is a participle inside
    # the prepositional phrase, not a clause of what was said.
    return (
        language == "en"
        and rest_words[0].lower() in _PREPOSITIONS
        and not {"that", "whether"} & {w.lower() for w in rest_words}
    )


def make_title(
    sentence: str,
    date_start: int,
    date_end: int,
    *,
    language: str = "en",
    max_chars: int = MAX_TITLE_CHARS,
    others: Sequence[tuple[int, int]] = (),
) -> str:
    """A short extractive title for the event dated by ``sentence[date_start:date_end]``.

    Offsets are relative to ``sentence``. The result is a clause of the sentence (see the
    module docstring for the steps), at most ``max_chars`` characters, without trailing
    punctuation, quotes or attribution, with a capital first letter; "" only for a
    sentence without words. ``others`` are the spans of the sentence's other dates, each
    dating its own event: a relative clause holding one of them is that event's, not
    this one's ("The talks, which began in May, were suspended on Friday" gives "The
    talks began in May" and "The talks were suspended on Friday").
    """
    date_start = max(0, min(date_start, len(sentence)))
    date_end = max(date_start, min(date_end, len(sentence)))
    lang = language if language in _VERBS else "en"
    if others:
        own = _own_relative(sentence, date_start, date_end, others, lang)
        if own is not None:
            return _tidy(own)
        sentence, date_start, date_end = _drop_dated_relatives(
            sentence, date_start, date_end, others, lang
        )
    text, start, end = _span(sentence, date_start, date_end, lang, max_chars)
    if lang == "en" and _is_fragment(text[start:end]):
        # Without its subject the clause around the date reads as a torn-out piece:
        # prefer a noun phrase inside it that a verb follows, else the main clause.
        repaired = _repair(sentence, date_start, date_end, text[start:end], max_chars)
        if repaired is not None:
            text, start, end = repaired
    return _tidy(text[start:end])


# ", which began in May," / ", who arrived on Monday,": a comma-bounded relative clause
# (French "qui", Spanish "que" / "quien" / "el cual").
_RELATIVE_CLAUSE = {
    "en": re.compile(r",\s+(?:which|who)\s+[^,;:]{3,160}?,\s"),
    "fr": re.compile(r",\s+(?:qui|lequel|laquelle)\s+[^,;:]{3,160}?,\s"),
    "es": re.compile(r",\s+(?:que|quien|quienes|el\s+cual|la\s+cual)\s+[^,;:]{3,160}?,\s"),
}


def _inside(spans: Sequence[tuple[int, int]], a: int, b: int) -> bool:
    return any(a <= s and e <= b for s, e in spans)


def _own_relative(
    sentence: str,
    date_start: int,
    date_end: int,
    others: Sequence[tuple[int, int]],
    lang: str = "en",
) -> str | None:
    """ "The talks, which began in May, were suspended on Friday", dated by May: the
    antecedent and its relative clause, without the pronoun ("The talks began in May").

    Only when another date of the sentence lies outside the clause; else None.
    """
    pattern = _RELATIVE_CLAUSE.get(lang)
    if pattern is None:
        return None
    for m in pattern.finditer(sentence):
        if not (m.start() < date_start and date_end <= m.end()):
            continue
        outside = [(s, e) for s, e in others if e <= m.start() or s >= m.end()]
        if not outside:
            return None
        head = _antecedent_start(sentence, m.start())
        if head is None:
            # "Aid deliveries, which ...": the sentence's subject, when no verb precedes.
            first = _WORDS.search(sentence)
            if first is None or has_verb(sentence[: m.start()], lang):
                return None
            head = first.start()
        pronoun = re.match(r",\s+(?:el\s+|la\s+)?\w+", sentence[m.start() :])
        pronoun_end = m.start() + pronoun.end()  # type: ignore[union-attr]
        return sentence[head : m.start()] + sentence[pronoun_end : m.end()]
    return None


def _drop_dated_relatives(
    sentence: str,
    date_start: int,
    date_end: int,
    others: Sequence[tuple[int, int]],
    lang: str = "en",
) -> tuple[str, int, int]:
    """The sentence without the relative clauses that hold another event's date."""
    pattern = _RELATIVE_CLAUSE.get(lang)
    if pattern is None:
        return sentence, date_start, date_end
    for m in reversed(list(pattern.finditer(sentence))):
        if m.start() < date_start < m.end() or not _inside(others, m.start(), m.end()):
            continue
        sentence, (date_start, date_end) = _delete(
            sentence, m.start(), m.end(), date_start, date_end
        )
    return sentence, date_start, date_end


def _span(
    sentence: str, date_start: int, date_end: int, lang: str, max_chars: int
) -> tuple[str, int, int]:
    """The title's span, in ``sentence`` or in a copy with asides deleted from it."""
    seg_start, seg_end = _segment(sentence, date_start, date_end)
    start, end = _clause(sentence, seg_start, seg_end, date_start, date_end, lang)
    start, cut = _strip_leading(sentence, start, end, date_start, lang, seg_start)
    if cut is not None:
        sentence, (end, date_start, date_end, seg_end) = _delete(
            sentence, *cut, end, date_start, date_end, seg_end
        )
    end = _strip_trailing_frame(sentence, start, end, date_end)
    if lang == "en":
        start, end = _one_conjunct(sentence, start, end, date_start, date_end)
        end = _complete_condition(sentence, start, end, seg_end, lang)
        sentence, start, end, date_start, date_end = _subject_with_relative(
            sentence, start, end, seg_start, seg_end, date_start, date_end, lang, max_chars
        )
        if end - start > max_chars:
            sentence, end, date_start, date_end = _drop_asides(
                sentence, start, end, date_start, date_end, lang
            )
    if end - start > max_chars:
        if date_start < start or date_end > end:
            # The date lay in a dropped introduction or attribution: keep the clause's
            # beginning when shortening.
            date_start = date_end = start
        start, end = _shorten(sentence, start, end, date_start, date_end, max_chars, lang)
    return sentence, start, end


def _delete(sentence: str, a: int, b: int, *positions: int) -> tuple[str, tuple[int, ...]]:
    """``sentence`` without ``[a, b)`` (one space instead), and ``positions`` mapped into it.

    Titles only ever lose words this way, never gain them: they stay extractive.
    """
    shift = (b - a) - 1
    mapped = tuple(p if p <= a else (a if p < b else p - shift) for p in positions)
    return sentence[:a] + " " + sentence[b:], mapped


_COORDINATED_CLAUSE = re.compile(r",?\s+(?:and|but|or)\s+(?:that|whether|if)\s", re.IGNORECASE)


def _one_conjunct(
    sentence: str, start: int, end: int, date_start: int, date_end: int
) -> tuple[int, int]:
    """Keep the conjunct that holds the date: "X said A on Sunday and that B"."""
    for m in _COORDINATED_CLAUSE.finditer(sentence, start, end):
        if m.start() >= date_end:
            return start, m.start()
        if m.end() <= date_start:
            start = m.end()
    return start, end


_DANGLING_CONDITION = re.compile(
    r"\b(?:that\s+)?(?:if|unless|once|when|although|though|because|while)\s[^,;]*$",
    re.IGNORECASE,
)


def _complete_condition(sentence: str, start: int, end: int, seg_end: int, lang: str) -> int:
    """A reported condition waits for its main clause: "X said that if A, B would ..."."""
    stop = end
    while stop > start and sentence[stop - 1] in ", ":
        stop -= 1
    m = _DANGLING_CONDITION.search(sentence, start, stop)
    if m is None or not (m.group().lower().startswith("that") or m.start() == start):
        return end
    nxt = _COMMA.match(sentence, end - 1) or _COMMA.match(sentence, end)
    if nxt is None:
        return end
    follow = _COMMA.search(sentence, nxt.end(), seg_end)
    follow_end = follow.start() if follow else seg_end
    if has_verb(sentence[nxt.end() : follow_end], lang):
        return follow_end
    return end


_SUBJECT_RELATIVE = re.compile(r",\s+(?:which|who)\s")


def _subject_with_relative(
    sentence: str,
    start: int,
    end: int,
    seg_start: int,
    seg_end: int,
    date_start: int,
    date_end: int,
    lang: str,
    max_chars: int,
) -> tuple[str, int, int, int, int]:
    """ "The round, which began in May, was the first ...": the subject keeps its predicate.

    When the span is the sentence's subject and a relative clause, the predicate after the
    clause makes it a sentence; if the whole is too long, the relative clause goes instead
    (the main clause wins).
    """
    m = _SUBJECT_RELATIVE.search(sentence, start, end)
    if (
        m is None
        or _WORDS.search(sentence, seg_start, start)
        or has_verb(sentence[start : m.start()], lang)
    ):
        return sentence, start, end, date_start, date_end
    close = _COMMA.search(sentence, m.end(), seg_end)
    if close is None or close.start() + 1 < end - 1:
        return sentence, start, end, date_start, date_end
    follow = _COMMA.search(sentence, close.end(), seg_end)
    pred_end = follow.start() if follow else seg_end
    predicate = sentence[close.end() : pred_end]
    if not _is_predicate(predicate, lang):
        return sentence, start, end, date_start, date_end
    if pred_end - start <= max_chars:
        return sentence, start, pred_end, date_start, date_end
    sentence, (pred_end, date_start, date_end) = _delete(
        sentence, m.start(), close.end(), pred_end, date_start, date_end
    )
    return sentence, start, pred_end, date_start, date_end


def _drop_asides(
    sentence: str, start: int, end: int, date_start: int, date_end: int, lang: str
) -> tuple[str, int, int, int]:
    """ "X, known as Y, shook hands ...": a long title loses the asides around its subject.

    Conjuncts stay ("X, head of A, and Y, leader of B, signed" -> "X and Y signed").
    """
    chunks = _chunks(sentence, start, end, date_start, date_end)
    if len(chunks) < 3 or has_verb(sentence[chunks[0][0] : chunks[0][1]], lang):
        return sentence, end, date_start, date_end
    # The last chunk that starts with a verb is the predicate; participles before it
    # ("freed last year") describe a subject.
    predicates = [
        i
        for i in range(2, len(chunks))
        if _is_predicate(sentence[chunks[i][0] : chunks[i][1]], lang)
    ]
    if predicates:
        i = predicates[-1]
        asides = []
        for j in range(1, i):
            lead = _WORDS.match(sentence, chunks[j][0])
            if lead is None or lead.group().lower() not in ("and", "or"):
                # From the comma that opens the aside to the next chunk.
                asides.append((chunks[j - 1][1] - 1, chunks[j][1]))
        for a, b in reversed(asides):
            sentence, (end, date_start, date_end) = _delete(
                sentence, a, b, end, date_start, date_end
            )
    return sentence, end, date_start, date_end


def _is_fragment(text: str) -> bool:
    """True when an English title would read as a piece torn out of its sentence.

    It opens with a preposition or a subordinating word and no clause follows ("In
    messages posted on Saturday", "Since the decision was announced"), or it opens with a
    lower-case verb or participle, i.e. a predicate without its subject ("began late last
    month", "challenging a key element").
    """
    stripped = text.lstrip(" \t\n,;:\"“”'‘’«»`(")
    words = _WORDS.findall(stripped)
    if len(words) < 2:
        return False
    first = words[0]
    low = first.lower()
    if low == "that" and first[0].isupper():
        return False  # "That deal was signed ...": a determiner
    if _MEASURED_SUBORDINATOR.match(stripped):
        return True
    if low in _PREPOSITIONS or low in _SUBORDINATORS:
        if words[1][0].isdigit() or words[1].lower() == "to":
            return False  # "About 2,500 guests ...", "Up to 300 people ...": a quantity
        return not _clause_follows(words)
    if first[0].isupper() or not first[0].isalpha():
        return False
    return low.endswith("ing") or has_verb(first)


def _clause_follows(words: list[str]) -> bool:
    """True when, after an opening phrase, a subject and its verb follow."""
    blocked = _PREPOSITIONS | _NP_STARTS | _SUBORDINATORS | {"'s"}
    for k in range(1, len(words)):
        w = words[k]
        if words[k - 1].lower() in blocked or has_verb(w):
            continue
        if w.lower() in _NP_STARTS or w.lower() in _PRONOUNS or w[0].isupper():
            nxt = words[k + 1 : k + 6]
            if nxt and has_verb(" ".join(nxt)):
                return True
    return False


def _repair(
    sentence: str, date_start: int, date_end: int, fragment: str, max_chars: int
) -> tuple[str, int, int] | None:
    """A subject for a fragment (see :func:`_is_fragment`), or None to keep it."""
    pos = sentence.find(fragment)
    lead = fragment.lstrip(" \t\n,;:\"“”'‘’«»`(")
    if pos >= 0:
        pos += len(fragment) - len(lead)
        m = _LEADING_PARTICIPLE_FRAME.match(sentence, pos)
        if m and not _is_fragment(sentence[m.end() : pos + len(lead)]):
            # "..., adding that the envoy would return": what was added.
            return sentence, m.end(), pos + len(lead)
        first = _WORDS.match(lead)
        subject = None
        if first and has_verb(first.group()) and not first.group().endswith("ing"):
            subject = _subject_before(sentence, pos)
        if subject is not None:
            # "Sun Microsystems, snapping back to profit, said it earned ...": the
            # predicate takes the subject it was separated from, without the asides if
            # the whole is too long.
            span_end = pos + len(lead)
            subj_start, subj_end = subject
            text, start, end, ds, de = sentence, subj_start, span_end, date_start, date_end
            if end - start > max_chars:
                text, (end, ds, de) = _delete(text, subj_end, pos, end, ds, de)
            if end - start > max_chars:
                if ds < start or de > end:
                    ds = de = start
                start, end = _shorten(text, start, end, ds, de, max_chars, "en")
            return text, start, end
        measured = _MEASURED_SUBORDINATOR.match(lead)
        if measured:
            first = _WORDS.match(lead, measured.start("sub"))
        if first and first.group().lower() in _ADVERBIAL_SUBORDINATORS:
            # "Since the decision was announced Wednesday": the clause itself, minus the
            # word that made it subordinate, is the event.
            rest = pos + first.end()
            nxt = _WORDS.match(sentence, rest + 1) or _WORDS.search(sentence, rest)
            span_end = pos + len(lead)
            if (
                nxt
                and nxt.group().lower() not in _PREPOSITIONS | _SUBORDINATORS
                and not has_verb(nxt.group())
                and has_verb(sentence[nxt.end() : span_end], "en")
                and not _is_fragment(sentence[nxt.start() : span_end])
            ):
                return sentence, nxt.start(), span_end
        if first and first.group().lower() not in _PREPOSITIONS | _SUBORDINATORS:
            # "challenging a key element of the agreement signed in Doha a day earlier":
            # the last noun phrase that a verb follows before the date is the event.
            for w in reversed(list(_WORDS.finditer(sentence, pos + 1, date_start))):
                if w.group().lower() in _NP_STARTS and has_verb(
                    sentence[w.end() : date_start], "en"
                ):
                    span_end = pos + len(lead)
                    if span_end - w.start() <= max_chars and not _is_fragment(
                        sentence[w.start() : span_end]
                    ):
                        return sentence, w.start(), span_end
                    break
    main = _main_clause(sentence, date_start, date_end, max_chars)
    if main is not None and not _is_fragment(main[0][main[1] : main[2]]):
        return main
    return None


_PIECE_BREAK = re.compile(r",(?:''|[\"”’»])?\s|\s--\s|\s[—–]\s|[—–]")


def _subject_before(sentence: str, pos: int) -> tuple[int, int] | None:
    """The subject a predicate at ``pos`` was separated from by asides, or None.

    It is the first comma- or dash-delimited piece before ``pos`` that is not an
    introduction and has no verb ("Sun Microsystems Inc."), or a reporting frame whose
    object has none ("Anheuser said its new strategy"). A relative pronoun right before
    ``pos`` means the predicate belongs to its noun instead.
    """
    before = _WORDS.findall(sentence[max(0, pos - 20) : pos])
    if before and before[-1].lower() in _RELATIVES | {"that"}:
        return None
    piece_start = 0
    bounds = [m for m in _PIECE_BREAK.finditer(sentence, 0, pos)]
    for end_m in [*bounds, None]:
        piece_end = end_m.start() if end_m else pos
        piece = sentence[piece_start:piece_end]
        words = _WORDS.findall(piece)
        if words:
            low = words[0].lower()
            intro = (
                low in _PREPOSITIONS
                or low in _INTRO_WORDS
                or low in _SUBORDINATORS
                or low.endswith("ing")
                or low.endswith("ly")
            )
            if not intro:
                frame = _LEADING_FRAME.match(piece.lstrip())
                if not has_verb(piece) or (frame and not has_verb(piece.lstrip()[frame.end() :])):
                    start = piece_start + len(piece) - len(piece.lstrip())
                    end = piece_end
                    while end > start and sentence[end - 1] in " \t\n,;:-–—":
                        end -= 1  # keep the period of "Inc."
                    if end == pos or end_m is None:
                        return None  # nothing separates it: not this case
                    return start, end
                return None  # a clause of its own comes first
        if end_m is None:
            break
        piece_start = end_m.end()
    return None


def _main_clause(
    sentence: str, date_start: int, date_end: int, max_chars: int
) -> tuple[str, int, int] | None:
    """The span of the first clause of the date's segment that opens with a subject."""
    seg_start, seg_end = _segment(sentence, date_start, date_end)
    for cs, ce in _chunks(sentence, seg_start, seg_end, -1, -1):
        piece = sentence[cs:ce]
        words = _WORDS.findall(piece)
        if not words or (is_attribution(piece, "en") and len(words) <= 4):
            continue  # "he said": the clause is elsewhere
        low = words[0].lower()
        if low in _PREPOSITIONS or low in _SUBORDINATORS or low.endswith("ing"):
            continue
        verb = _VERBS["en"].search(sentence, cs, ce)
        if verb is None:
            continue
        return _span(sentence, verb.start(), verb.start(), "en", max_chars)
    return None


def _segment(sentence: str, date_start: int, date_end: int) -> tuple[int, int]:
    start, end = 0, len(sentence)
    for m in _SEGMENT_BREAK.finditer(sentence):
        if m.end() <= date_start:
            # A segment must keep some words besides the date to be worth a title.
            start = m.end()
        elif m.start() >= date_end:
            end = m.start()
            break
    if not _has_words_besides(sentence, start, end, date_start, date_end):
        return 0, len(sentence)
    return start, end


def _has_words_besides(sentence: str, start: int, end: int, ds: int, de: int) -> bool:
    rest = sentence[start:ds] + " " + sentence[de:end]
    return len(_WORDS.findall(rest)) >= 2


def _clause(
    sentence: str, seg_start: int, seg_end: int, date_start: int, date_end: int, lang: str
) -> tuple[int, int]:
    """The comma chunk(s) of the segment that make the date's clause."""
    chunks = _chunks(sentence, seg_start, seg_end, date_start, date_end)
    start, end = _pick_clause(sentence, chunks, date_start, lang)
    # Proper names listed after the clause ("accept Poland, Hungary and the Czech
    # Republic") complete it.
    for cs, ce in chunks:
        if cs < end:
            continue
        piece = sentence[cs:ce]
        words = _WORDS.findall(piece)
        if (
            not words
            or not words[0][0].isupper()
            or len(words) > 6
            or has_verb(piece, lang)
            or is_attribution(piece, lang)
            or ce - start > MAX_TITLE_CHARS
        ):
            break
        end = ce
    return start, end


def _chunks(
    sentence: str, seg_start: int, seg_end: int, date_start: int, date_end: int
) -> list[tuple[int, int]]:
    chunks: list[tuple[int, int]] = []
    pos = seg_start
    for m in _COMMA.finditer(sentence, seg_start, seg_end):
        if date_start < m.end() and m.start() < date_end:
            continue  # a comma inside the date expression
        # The comma (and a closing quote after it) stay with the chunk; _tidy drops them.
        chunks.append((pos, m.start() + len(m.group().rstrip())))
        pos = m.end()
    chunks.append((pos, seg_end))
    return chunks


def _pick_clause(
    sentence: str, chunks: list[tuple[int, int]], date_start: int, lang: str
) -> tuple[int, int]:
    idx = len(chunks) - 1
    for i, (_s, e) in enumerate(chunks):
        if date_start < e:
            idx = i
            break

    def usable(i: int) -> bool:
        s, e = chunks[i]
        return not is_attribution(sentence[s:e], lang) and bool(_WORDS.search(sentence[s:e]))

    s, e = chunks[idx]
    text = sentence[s:e]
    if (
        idx > 0
        and len(_WORDS.findall(text)) <= 12
        and is_attribution(text, lang)
        and usable(idx - 1)
        and has_verb(sentence[chunks[0][0] : chunks[idx - 1][1]], lang)
    ):
        # "..., officials said Monday": the date dates the saying; the title is what was
        # said, i.e. everything before the attribution.
        return chunks[0][0], chunks[idx - 1][1]
    if idx > 0 and _is_predicate(text, lang):
        # "Albright, the secretary of state, was born in Prague in 1937": the chunk is
        # a predicate whose subject sits in the chunks before it.
        return chunks[0][0], e
    if has_verb(text, lang) and len(_WORDS.findall(text)) >= 3:
        # Items of a list before it ("Poland, Hungary and the Czech Republic joined")
        # belong to the clause's subject.
        first_chunk = idx
        while first_chunk > 0:
            ps, pe = chunks[first_chunk - 1]
            before = sentence[ps:pe]
            lead = _WORDS.search(before)
            if (
                lead is None
                or len(_WORDS.findall(before)) > 3
                or has_verb(before, lang)
                or lead.group().lower() in _INTRO_WORDS
                or lead.group().lower().endswith("ly")  # "Additionally, ..."
                or is_attribution(before, lang)
            ):
                break
            first_chunk -= 1
        return chunks[first_chunk][0], e
    if idx == 0:
        # An introductory phrase: the title is the clause it introduces (the first
        # chunk after it with a verb; "In July 1997, at a summit in Madrid, Spain, the
        # alliance announced ..."). Without one, the verb cues missed a verb: keep it.
        for j in range(1, len(chunks)):
            piece = sentence[chunks[j][0] : chunks[j][1]]
            if usable(j) and has_verb(piece, lang):
                # "On April 4, 1949, on behalf of the United States, Dean Acheson,
                # signed the treaty": a predicate takes the chunks after the intro.
                first = 1 if j > 1 and _is_predicate(piece, lang) else j
                return chunks[first][0], chunks[j][1]
        return s, e
    # A verbless (or tiny) chunk inside the sentence: join the clause before it (back to
    # the nearest chunk with a verb: "the bombings killed 224 people, including 12
    # Americans, on Aug. 7") or, failing that, its neighbours.
    first = idx
    while first > 0 and usable(first - 1):
        first -= 1
        if has_verb(sentence[chunks[first][0] : chunks[first][1]], lang):
            return chunks[first][0], e
    first = idx - 1 if usable(idx - 1) else idx
    last = idx + 1 if idx + 1 < len(chunks) and usable(idx + 1) else idx
    return chunks[first][0], chunks[last][1]


_PRONOUNS = _wordset(
    "he she it they we i you his her its their il elle ils elles on nous él ella ellos ellas"
)
_RELATIVES = frozenset({"which", "who", "whom", "whose", "qui", "que", "quien", "quienes"})
_DETERMINERS = _wordset(
    "the a an his her its their this that these those le la les un une el los las una"
)


def _antecedent_start(sentence: str, pos: int) -> int | None:
    """Start of the noun phrase right before ``pos``: "Iran" in "trouble with Iran, which"."""
    window_start = max(0, pos - 90)
    words = list(_WORDS.finditer(sentence, window_start, pos))
    if window_start > 0 and words:
        words = words[1:]  # the first may be cut
    if not words:
        return None
    if words[-1].group()[0].isupper():
        first = len(words) - 1
        while first > 0 and first > len(words) - 4 and words[first - 1].group()[0].isupper():
            first -= 1
        return words[first].start()
    previous = None
    for w in reversed(words[-8:]):
        low = w.group().lower()
        if low in _DETERMINERS:
            return w.start()
        if low in _PREPOSITIONS and low != "of" and previous is not None:
            # "sold the shares to client investors, who": the noun phrase starts after
            # the preposition ("of" stays inside one: "the round of talks").
            return previous.start()
        previous = w
    return None


def _is_predicate(text: str, lang: str) -> bool:
    """True when ``text`` starts with a verb (or an adverb and a verb): no subject."""
    words = _WORDS.findall(text)[:2]
    if not words or not words[0][0].islower() or _LEADING_FRAME.match(text.lstrip()):
        return False
    if has_verb(words[0], lang):
        return True
    return len(words) == 2 and words[0].endswith("ly") and has_verb(words[1], lang)


def _strip_leading(
    sentence: str, start: int, end: int, date_start: int, lang: str, seg_start: int = 0
) -> tuple[int, tuple[int, int] | None]:
    """The title's start past connectives and reporting frames, and a span to delete.

    The span is a subject relative pronoun ("talks, which began ..."): the noun it
    describes becomes the clause's subject ("talks began ...").
    """
    for _ in range(3):
        moved = False
        while start < end and (sentence[start].isspace() or sentence[start] in ",;:-–—"):
            start += 1
        # A date before ``start`` lay in an introductory phrase that is already gone.
        m = _LEADING_CONNECTIVES.match(sentence, start, end)
        if m and (m.end() <= date_start or date_start < start):
            word = m.group().strip(" ,").lower()
            following = _WORDS.match(sentence, m.end())
            if word in _RELATIVES and following:
                # "..., which had condemned ...": without its pronoun the clause has
                # no subject (or reads as a fragment: "which it accused of"); reach
                # back to the noun it describes instead.
                antecedent = _antecedent_start(sentence, start)
                first = _WORDS.search(sentence, seg_start, start)
                if lang == "en" and first and not has_verb(sentence[first.start() : start], lang):
                    # "Aid deliveries to Tigray, which resumed in April, are ...": the
                    # clause describes the sentence's subject, whichever noun it names.
                    return first.start(), None
                if antecedent is not None:
                    if (
                        lang == "en"
                        and word in ("which", "who")
                        and _is_predicate(sentence[m.end() : end], lang)
                    ):
                        np_end = start
                        while np_end > antecedent and not sentence[np_end - 1].isalnum():
                            np_end -= 1
                        return antecedent, (np_end, m.end())
                    return antecedent, None
            start = m.end()
            moved = True
        m = _LEADING_FRAME.match(sentence, start, end)
        # "Officials said on Tuesday that ...": the date dates the saying; keep the frame.
        # So does a date in an introduction already dropped ("On Sunday, X said ...").
        if m and m.end() + 1 < date_start:
            rest = sentence[m.end() : end]
            rest_words = [w.lower() for w in _WORDS.findall(rest)]
            # "warned U.S. officials Wednesday that ...": the verb had an object.
            has_object = "that" in rest_words[:6] or "que" in rest_words[:6]
            # "The Taliban said they would ...": the frame names who "they" are.
            pronoun = bool(rest_words) and rest_words[0] in _PRONOUNS
            # "X said in a message posted on Sunday that ...": the date dates the saying.
            dated_saying = (
                lang == "en"
                and bool(rest_words)
                and rest_words[0] in _PREPOSITIONS
                and "that" in rest_words
                and date_start < m.end() + rest.lower().find("that")
            )
            if (
                len(rest_words) >= 4
                and has_verb(rest, lang)
                and not (has_object or pronoun or dated_saying)
            ):
                start = m.end()
                moved = True
        if not moved:
            break
    return start, None


def _strip_trailing_frame(sentence: str, start: int, end: int, date_end: int) -> int:
    m = _TRAILING_FRAME.search(sentence, start, end)
    if m and m.start() >= date_end:
        return m.start() + 1  # keep the closing quote; _tidy drops it if unbalanced
    return end


def _shorten(
    sentence: str,
    start: int,
    end: int,
    date_start: int,
    date_end: int,
    max_chars: int,
    lang: str,
) -> tuple[int, int]:
    words = [(m.start(), m.end(), m.group().lower()) for m in _WORDS.finditer(sentence, start, end)]
    # Start after the last clause opener before the date, if what follows has a verb
    # and the date then fits comfortably.
    for ws, we, w in reversed(words):
        if we > date_start:
            continue
        if w in _CLAUSE_OPENERS and w not in _RELATIVES and we + 1 < date_start + 1:
            candidate = we + 1
            following = _WORDS.match(sentence, candidate)
            if following and (
                has_verb(following.group(), lang) or _is_predicate(sentence[candidate:end], lang)
            ):
                continue  # "that (finally) took place": a relative clause without its subject
            if following and following.group().lower() in _INTRO_WORDS | _PHRASE_BREAKS:
                continue  # "officials in and around Miami": not a clause
            if not has_verb(sentence[start:ws], lang):
                # "The United States and the Taliban signed", "The first talks since
                # the war began opened ...": the opener sits inside the subject.
                continue
            piece = sentence[candidate:end]
            if (
                has_verb(sentence[candidate:date_end] or piece, lang)
                and len(_WORDS.findall(sentence[candidate:date_start])) >= 2
            ):
                start = candidate
                break
    frame = _LEADING_FRAME.match(sentence, start, end)
    # What was said, with its own subject, is a clause too ("X said the talks ...").
    if (
        date_end - start > max_chars
        and frame
        and frame.end() < date_start
        and not (lang == "en" and _is_fragment(sentence[frame.end() : end]))
    ):
        start = frame.end()
    if date_end - start > max_chars:
        # The date is too far in to fit: a title starting mid-clause would lose its
        # subject, so the clause keeps its beginning and the date stays out.
        date_start = date_end = start
    if end - start <= max_chars:
        return start, end
    hard = start + max_chars
    floor = start + max_chars * 0.4
    # End before the last clause that fits after the date ("..., who ...", "while ..."),
    # else at the last phrase boundary that fits.
    best = None
    for ws, _we, w in words:
        if date_end <= ws <= hard and ws >= floor and _ends_clause_before(sentence, ws, w):
            best = ws
    for m in _COMMA.finditer(sentence, max(int(floor), date_end), hard):
        # A comma after the date closes a phrase as well: "..., with the House" is not one.
        if best is None or m.start() > best:
            best = m.start()
    if best is not None and lang == "en" and _DANGLING_CONDITION.search(sentence, start, best):
        best = None  # "said that if the truce held": the condition needs what follows
    if best is None:
        breaks = [
            ws
            for ws, _we, w in words
            if start < ws <= hard and ws >= date_end and w in _PHRASE_BREAKS and ws >= floor
        ]
        # The last clause of a title keeps its verb: "..., Washington" ends nothing.
        with_verb = [ws for ws in breaks if _last_piece_has_verb(sentence, start, ws, lang)]
        best = with_verb[-1] if with_verb else None
    if best is None:
        best = max((ws for ws, _we, _w in words if start < ws <= hard), default=hard)
        if best < date_end:
            best = min(end, max(hard, date_end))
    return start, best


def _last_piece_has_verb(sentence: str, start: int, end: int, lang: str) -> bool:
    comma = sentence.rfind(", ", start, end)
    return comma < 0 or has_verb(sentence[comma:end], lang)


# Words before which a clause may end: subordinators, and "and"/"but" after a comma.
_CLAUSE_ENDS = _wordset(
    """
    which who whom while whereas because although though after before since until unless
    when where qui dont lorsque quand car alors tandis donde cuando porque aunque mientras
    """
)


def _ends_clause_before(sentence: str, pos: int, word: str) -> bool:
    if word in _CLAUSE_ENDS:
        return True
    conjunction = word in ("and", "but", "et", "mais", "y", "pero")
    return conjunction and sentence[:pos].rstrip().endswith(",")


_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,;])")
_TRAILING_JUNK = ".,;:!?…-–—|/( \t\n\"“”‘’'«»"


def _tidy(title: str) -> str:
    title = _SPACE_BEFORE_PUNCT.sub(r"\1", " ".join(title.split()))
    for _ in range(8):
        title = title.rstrip(_TRAILING_JUNK)
        dangling = _DANGLING_CONJUNCT.search(title)
        if dangling and has_verb(dangling.group().split()[-1]):
            title = title[: dangling.start()]
            continue
        words = title.rsplit(" ", 1)
        if len(words) == 2 and words[1].lower() in _TRAILING_STOPWORDS:
            title = words[0]
        else:
            break
    title = title.lstrip(".,;:!?…-–—|/) ")
    title = _balance_quotes(title.rstrip(_TRAILING_JUNK))
    # Quotes stay: the closing one of a balanced pair belongs to the title.
    title = title.strip(" ,;:").rstrip(".,;:!?…-–—|/( ")
    if title and title[0].islower():
        title = title[0].upper() + title[1:]
    elif title and title[0] in "“\"‘'«" and len(title) > 1 and title[1].islower():
        title = title[0] + title[1].upper() + title[2:]
    return title


def _balance_quotes(title: str) -> str:
    """Remove quote marks left without their partner by the cut."""
    depth = 0
    unmatched_close: list[int] = []
    opens: list[int] = []
    for i, ch in enumerate(title):
        if ch in "“«":
            opens.append(i)
            depth += 1
        elif ch in "”»":
            if opens:
                opens.pop()
            else:
                unmatched_close.append(i)
    drop = set(opens) | set(unmatched_close)
    straight = [i for i, ch in enumerate(title) if ch == '"']
    if len(straight) % 2:
        drop.add(straight[-1] if straight[-1] > 0 else straight[0])
    if not drop:
        return title
    return " ".join("".join(ch for i, ch in enumerate(title) if i not in drop).split())
