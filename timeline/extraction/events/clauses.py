"""Clauses, verb groups and which predicate each date expression dates.

Without a parser, a sentence is cut into *segments* at the places where a new clause
starts (strong punctuation; a comma followed by a relative pronoun, a subordinator, a
coordinator or a reporting participle; a bare relative or subordinator), and each
segment's *verb groups* are found from surface cues the language's lexicon gives
(auxiliaries, modals, known verb lemmas, inflections). A date expression then dates the
verb group nearest to it inside its segment (to its left first: "signed an agreement in
Doha on Saturday"), a preposed verbless segment dates the next clause's verb ("On Sunday,
the State Department said ..."), an expression that ends in "after"/"before" dates the
clause that follows it ("a year after the US and the Taliban signed"), and an expression
inside a noun phrase ("the February 2020 deal", "the September 11, 2001 attacks") names
a happening of its own: the noun's.

Everything here is linear in the sentence's length.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache

from .lexicon import Lexicon

# Numbers keep their separators ("10,000", "2.5"); words their inner apostrophes and
# hyphens ("Trump's", "intra-Afghan").
_TOKEN = re.compile(r"\d+(?:[.,:]\d+)*|[^\W_]+(?:['’][^\W\d_]+|-[^\W_]+)*|[^\w\s]", re.UNICODE)
_STRONG_BREAKS = {";", ":", "—", "–", "(", ")", "|", "«", "»"}
# Punctuation of other scripts read as its Latin counterpart (Arabic comma, semicolon and
# question mark): the rules below compare a token's text with ",", ";" and "?".
_PUNCTUATION = {"،": ",", "؛": ";", "؟": "?"}


class Token:
    """One word or punctuation mark of a sentence, with its offsets and reading.

    A plain class with slots rather than a frozen dataclass: a sentence makes dozens of
    them and every article hundreds of sentences, and the frozen dataclass's guarded
    ``__init__`` was a tenth of the event layer's time. Treat it as immutable (use
    :meth:`with_reading`). Tokens compare by identity: each stands at its own place
    in its own sentence."""

    __slots__ = ("end", "lemma", "lower", "prefix", "start", "text")

    def __init__(
        self, text: str, lower: str, lemma: str, start: int, end: int, prefix: str = ""
    ) -> None:
        self.text = text
        self.lower = lower
        self.lemma = lemma
        self.start = start
        self.end = end
        # Proclitics taken off the word before it was read ("و" of "وقال"): ``lower`` and
        # ``lemma`` are those of the rest. Only languages whose lexicon lists clitics have
        # them.
        self.prefix = prefix

    def __repr__(self) -> str:
        return f"Token({self.text!r}, lemma={self.lemma!r}, {self.start}-{self.end})"

    def with_reading(self, lower: str, lemma: str, prefix: str) -> Token:
        return Token(self.text, lower, lemma, self.start, self.end, prefix)

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def is_capitalised(self) -> bool:
        return self.text[0].isupper()

    @property
    def is_lower(self) -> bool:
        """No capital letter: true of every word of a script without case (Arabic)."""
        return not any(c.isupper() for c in self.text)


@dataclass(frozen=True, slots=True)
class VerbGroup:
    """A verb with its auxiliaries, modals, negation and adverbs: tokens [first, last]."""

    first: int
    last: int
    head: int  # index of the main verb (the last verb-like token)

    def tokens(self, tokens: list[Token]) -> list[Token]:
        return tokens[self.first : self.last + 1]


@dataclass(slots=True)
class Segment:
    """A stretch of the sentence between two clause breaks, tokens [first, last]."""

    first: int
    last: int
    opener: str = ""  # the word that opened it: "which", "after", "and", "saying", ...
    groups: list[VerbGroup] = field(default_factory=list)


@dataclass(slots=True)
class Analysis:
    tokens: list[Token]
    segments: list[Segment]

    def segment_of(self, token_index: int) -> int:
        for i, seg in enumerate(self.segments):
            if seg.first <= token_index <= seg.last:
                return i
        return len(self.segments) - 1

    def token_at(self, offset: int) -> int:
        """Index of the first token that ends after ``offset`` (sentence offsets)."""
        for i, tok in enumerate(self.tokens):
            if tok.end > offset:
                return i
        return len(self.tokens) - 1


@cache
def _lemmatizer(language: str):
    try:
        import simplemma
    except ImportError:  # pragma: no cover - simplemma is a pinned dependency
        return None
    try:
        simplemma.lemmatize("test", lang=language)
    except ValueError:
        return None
    return simplemma


def lemma(word: str, language: str) -> str:
    """The dictionary form of ``word`` (lower case), or the word itself."""
    return _lemma(word.lower(), language)


# Bounded: a worker that extracts for months meets every word of every language once.
@lru_cache(maxsize=200_000)
def _lemma(lower: str, language: str) -> str:
    engine = _lemmatizer(language)
    if engine is None or not lower[:1].isalpha():
        return lower
    try:
        return engine.lemmatize(lower, lang=language).lower()
    except Exception:  # a lemmatizer failure must cost one word, never the sentence
        return lower


def tokenize(sentence: str, language: str) -> list[Token]:
    """Words and punctuation of ``sentence`` with offsets and lemmas.

    Combining marks (Arabic vowel signs and shadda, Hebrew points, a decomposed accent)
    belong to the word they sit on: they are matched as part of it, and the word is read
    (``lower``, ``lemma``) without them, as the lexicons write it ("وقّعت" is "وقعت").
    """
    scan = _scannable(sentence)
    out = []
    for m in _TOKEN.finditer(scan):
        raw = sentence[m.start() : m.end()]
        text = _PUNCTUATION.get(raw, raw)
        bare = (
            "".join(c for c in text if unicodedata.category(c) != "Mn")
            if scan is not sentence
            else text
        )
        out.append(Token(text, bare.lower(), lemma(bare, language), m.start(), m.end()))
    return out


# A quick test for combining marks before the exact one (unicodedata) runs.
_MARK = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0900-\u0903\u093a-\u094f]"
)


def analyse(sentence: str, lex: Lexicon) -> Analysis:
    """Tokens, segments and verb groups of one sentence."""
    tokens, words = _read_tokens(sentence, lex)
    # What the word alone settles is taken as it is; the rest reads the words around it.
    verbish = [
        kind if final else _verb_kind(tokens, i, lex, kind) for i, (final, kind) in enumerate(words)
    ]
    segments = _segments(tokens, verbish, lex)
    for seg in segments:
        seg.groups = _groups(tokens, verbish, seg, lex)
        if lex.bracket:
            seg.groups = _close_brackets(tokens, verbish, seg, lex)
    return Analysis(tokens, segments)


def _read_tokens(sentence: str, lex: Lexicon) -> tuple[list[Token], list[tuple[bool, str | None]]]:
    """The sentence's tokens as ``lex`` reads them (``tokenize``, then clitics taken off
    and misspelt verb forms given their lemma), and what each word alone says of its verb
    kind (:func:`_word_kind`). How a word reads does not depend on where it stands, so
    each distinct word is read once per lexicon (``lex.readings``) and then only placed:
    the same reading as reading it afresh, at a fraction of the cost."""
    readings = lex.readings
    scan = _scannable(sentence)
    out = []
    kinds = []
    for m in _TOKEN.finditer(scan):
        start, end = m.span()
        raw = sentence[start:end]
        text = _PUNCTUATION.get(raw, raw)
        reading = readings.get(text)
        if reading is None:
            reading = _reading(text, lex)
            if len(readings) < _READINGS_KEPT:
                readings[text] = reading
        out.append(Token(text, reading[0], reading[1], start, end, reading[2]))
        kinds.append(reading[3])
    return out, kinds


# Bounded: a worker that extracts for months meets every word of every language once.
_READINGS_KEPT = 200_000


def _reading(text: str, lex: Lexicon) -> tuple:
    """(lower, lemma, prefix, word kind) of one token's text, as ``analyse`` reads it."""
    bare = "".join(c for c in text if unicodedata.category(c) != "Mn")
    tok = Token(text, bare.lower(), lemma(bare, lex.language), 0, 0)
    if lex.clitics or lex.stem_suffixes or lex.stem_prefixes:
        tok = _declitic(tok, lex)
    tok = _repair_lemmas([tok], lex)[0]
    return tok.lower, tok.lemma, tok.prefix, _word_kind(tok, lex)


def _scannable(sentence: str) -> str:
    """``sentence`` with each combining mark replaced by a letter-like character, one for
    one so that offsets hold: a mark is matched as part of the word it sits on."""
    if not _MARK.search(sentence):
        return sentence
    return "".join("ـ" if unicodedata.category(c) == "Mn" else c for c in sentence)


def _declitic(tok: Token, lex: Lexicon) -> Token:
    """The word without its proclitics ("وسيلتقي" -> "يلتقي", prefix "وس") and with the
    lemma a known stem gives ("انسحبت" -> "انسحب"), when what remains is a word the lexicon
    or the lemmatizer knows; the word as it is otherwise. Data: the lexicon's [clitics]."""
    vocab = lex.vocabulary
    if not tok.is_word:
        return tok
    low, prefix = tok.lower, ""
    for _ in range(2):  # "و" + "س" + verb, "و" + "ب" + noun
        if low in vocab:
            break
        for clitic, leaves in lex.clitics:
            rest = leaves + low[len(clitic) :]
            if not low.startswith(clitic) or len(rest) < 2:
                continue
            agreed = tok.lemma != tok.lower and lemma(rest, lex.language) == tok.lemma
            if rest in vocab or agreed or (len(rest) > 2 and _stem(rest, lex) in vocab):
                low, prefix = rest, prefix + clitic
                break
        else:
            break
    found = _stem(low, lex)
    for article in lex.noun_prefixes:  # "المظاهرات" -> "مظاهرات": the article stays in lower
        if found not in vocab and low.startswith(article) and len(low) > len(article) + 2:
            found = _stem(low[len(article) :], lex)
    if found not in vocab:
        found = low if low in vocab else lemma(low, lex.language) if prefix else tok.lemma
    return Token(tok.text, low, found, tok.start, tok.end, prefix)


def _stem(word: str, lex: Lexicon) -> str:
    """The lemma of ``word`` when the lexicon knows it; else the word, or the word without
    an inflection affix of the lexicon, that the lexicon names as a verb (else as any word);
    ``word``'s own lemma otherwise."""
    vocab = lex.vocabulary
    own = lemma(word, lex.language)
    if own in vocab and own != word:
        return own  # the lemmatizer's own reading ("الحكومة" -> "حكومة", not "حكم")
    # The word, then the word with an inflection prefix replaced ("تنسحب" -> "انسحب").
    bases = [word] + [
        leaves + word[len(p) :]
        for p, options in lex.stem_prefixes
        if word.startswith(p) and len(word) - len(p) > 2
        for leaves in options
    ]
    candidates = [own]
    for base in bases:
        ends = [base] + [base[: -len(x)] for x in lex.stem_suffixes if base.endswith(x)]
        for stem in ends:
            if len(stem) > 2:
                candidates += [stem, lemma(stem, lex.language)]
    for wanted in (lex.verbs, vocab):
        found = next((c for c in candidates if c in wanted), None)
        if found is not None:
            return found
    return own


def _verb_kind(tokens: list[Token], i: int, lex: Lexicon, kind: str | None) -> str:
    """ "aux", "modal", "verb" or "" for token ``i``, from surface cues only, when the
    word alone did not settle it (``kind``: what it says, see :func:`_word_kind`)."""
    tok = tokens[i]
    if tok.is_capitalised and (i > 0 or _name_follows(tokens, i)):
        return ""  # a name ("United States", "Estados Unidos"), whatever its lemma
    if kind is not None:
        return kind
    low = tok.lower
    prev = tokens[i - 1].lower if i else ""
    if prev in lex.determiners:
        return ""  # "the planned meeting", "an armed group"
    # The nearest word before that is not an adverb or negation ("would not attend").
    k = i - 1
    while k > 0 and (tokens[k].lower in lex.negations or tokens[k].lower in lex.adverbs):
        k -= 1
    core = tokens[k].lower if i else ""
    after_aux = core in lex.auxiliaries or core in lex.modals or prev in lex.negations
    if core in lex.modals and low not in lex.function_words and low.isalpha():
        return "verb"  # "will undertake", "would not attend": what follows a modal
    if low.endswith(lex.progressive_suffixes) and len(low) > 5:
        return "verb" if after_aux or prev in lex.report_participles else ""
    if low.endswith(lex.past_suffixes) and len(low) > 4 and not tok.is_capitalised:
        return "verb"
    inflected = tok.lemma != low
    if tok.lemma in lex.verbs and (inflected or after_aux or prev in lex.infinitive_markers):
        return "verb"
    if inflected and tok.lemma.endswith(lex.verb_lemma_endings) and len(tok.lemma) > 3:
        return "verb"
    if after_aux and low.endswith(lex.participle_endings) and len(low) > 3:
        return "verb"  # "a été annulée": a participle the lemmatizer does not know
    return ""


def _word_kind(tok: Token, lex: Lexicon) -> tuple[bool, str | None]:
    """What ``_verb_kind`` can tell from the word alone (the same wherever it stands):
    (True, kind) when that settles it; (False, kind) when only a name's capital can
    overrule ``kind``; (False, None) when the words around it decide."""
    if not lex.known or not tok.is_word or tok.text[0].isdigit():
        return True, ""
    low = tok.lower
    if low in lex.modals:
        # Capitalised inside a sentence, "May" and "Will" are a month or a name: the
        # context decides (see _verb_kind).
        return not tok.is_capitalised, "modal"
    if low in lex.auxiliaries:
        return True, "aux"
    if low in lex.not_verbs:
        return True, ""
    if low in lex.forms:
        return False, "verb"
    if lex.clitics or lex.bare_verbs or lex.noun_prefixes:
        return False, _uncased_kind(tok, lex)
    return False, None


def _name_follows(tokens: list[Token], i: int) -> bool:
    """The next token is a capitalised word too: token ``i`` starts a name."""
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    return nxt is not None and nxt.is_word and nxt.is_capitalised


def _uncased_kind(tok: Token, lex: Lexicon) -> str | None:
    """Verb cues of languages whose lexicon names clitics, noun prefixes or bare verbs: a
    word with the article is a noun ("الاتفاق", "l'inviato"); one with a future clitic a
    verb ("سيلتقي"); a word whose lemma is a verb of the lexicon a verb, inflected or not
    (German verbs are lower case, nouns capitalised; an Arabic perfect is its own lemma).
    None: the usual rules decide."""
    low = tok.lower
    if lex.bare_verbs and low in lex.function_words:
        return ""  # "seine" (lemma "sein") is no verb
    for article in lex.noun_prefixes:
        rest = low[len(article) :]
        if low.startswith(article) and (tok.lemma != low or rest in lex.vocabulary):
            return ""
    if tok.prefix and any(f in tok.prefix for f in lex.future_prefixes):
        return "verb"
    if lex.bare_verbs and tok.lemma in lex.verbs and tok.is_lower:
        return "verb"
    return None


def _repaired_lemma(tok: Token) -> str:
    """The lemma of a misspelt regular form ("mentionned" -> "mention")."""
    low = tok.lower
    if low.endswith("ed") and len(low) > 5 and low[-3] == low[-4]:
        return low[:-3]
    return tok.lemma


def _repair_lemmas(tokens: list[Token], lex: Lexicon) -> list[Token]:
    """Give misspelt forms of known verbs their lemma, so the rest reads them as verbs."""
    verbs = lex.verbs
    out = []
    for tok in tokens:
        if tok.lower in lex.irregular:
            out.append(tok.with_reading(tok.lower, lex.irregular[tok.lower], tok.prefix))
            continue
        if tok.lemma not in verbs:
            repaired = _repaired_lemma(tok) if tok.lemma == tok.lower else tok.lemma
            for ending, infinitive in lex.participle_lemmas.items():
                if repaired not in verbs and repaired.endswith(ending):
                    repaired = repaired[: -len(ending)] + infinitive  # "annulé" -> "annuler"
            if repaired in verbs:
                tok = tok.with_reading(tok.lower, repaired, tok.prefix)
        out.append(tok)
    return out


def _segments(tokens: list[Token], verbish: list[str], lex: Lexicon) -> list[Segment]:
    segments: list[Segment] = []
    start, opener = 0, ""
    n = len(tokens)
    i = 0
    while i < n:
        tok = tokens[i]
        low = tok.lower
        nxt = tokens[i + 1].lower if i + 1 < n else ""
        cut_before, cut_after, new_opener = False, False, ""
        if tok.text in _STRONG_BREAKS or (tok.text == "-" and _spaced(tokens, i)):
            cut_after = True  # a spaced hyphen is a dash ("KABUL, 5 May 2020 - The ...")
        elif tok.text == "," and (
            nxt in lex.relatives
            or nxt in lex.comma_relatives
            or nxt in lex.subordinators
            or nxt in lex.coordinators
            or nxt in lex.report_participles
        ):
            cut_after, new_opener = True, nxt
        elif i > start and _opens_clause(tokens, verbish, i, start, lex):
            cut_before, new_opener = True, low
        if cut_before and i > start:
            segments.append(Segment(start, i - 1, opener))
            start, opener = i, new_opener
        elif cut_after:
            segments.append(Segment(start, i, opener))
            start, opener = i + 1, new_opener
        i += 1
    if start < n:
        segments.append(Segment(start, n - 1, opener))
    return [s for s in segments if s.first <= s.last] or [Segment(0, max(n - 1, 0))]


def _spaced(tokens: list[Token], i: int) -> bool:
    """Token ``i`` stands apart, with white space on both sides."""
    return (
        0 < i < len(tokens) - 1
        and tokens[i - 1].end < tokens[i].start
        and tokens[i + 1].start > tokens[i].end
    )


def _opens_clause(
    tokens: list[Token], verbish: list[str], i: int, start: int, lex: Lexicon
) -> bool:
    """Token ``i`` starts a new clause without a comma before it: a relative pronoun or a
    subordinator; a coordinator between two verbs ("... signed and withdrew ..."); or
    "that"/"que" with a verb ahead ("the deal that the Taliban signed")."""
    low = tokens[i].lower
    if low in lex.relatives or low in lex.bare_subordinators:
        return True
    if low in lex.coordinators:
        return _verb_ahead(tokens, verbish, i + 1) and any(verbish[j] for j in range(start, i))
    return low in lex.complementizers and _verb_ahead(tokens, verbish, i + 1)


def _verb_ahead(tokens: list[Token], verbish: list[str], i: int) -> bool:
    """A verb group starts within the next few words (before any comma)."""
    for j in range(i, min(i + 6, len(tokens))):
        if tokens[j].text in {",", ";", ":"}:
            return False
        if verbish[j]:
            return True
    return False


def _groups(tokens: list[Token], verbish: list[str], seg: Segment, lex: Lexicon) -> list[VerbGroup]:
    groups: list[VerbGroup] = []
    i = seg.first
    while i <= seg.last:
        if not verbish[i]:
            i += 1
            continue
        head = i
        j = i
        while True:
            k = _extend(tokens, verbish, j, seg.last, lex)
            if k is None:
                break
            j = k
            if verbish[j] == "verb" or verbish[head] != "verb":
                head = j
        groups.append(VerbGroup(i, j, head))
        i = j + 1
    return groups


_CLAUSE_ENDS = {",", ".", "!", "?", ";", ":"}


def _close_brackets(
    tokens: list[Token], verbish: list[str], seg: Segment, lex: Lexicon
) -> list[VerbGroup]:
    """The verbal bracket of a verb-second language (German, lexicon key ``bracket``): an
    auxiliary or modal whose verb closes the clause ("haben ... unterzeichnet", "soll ...
    beginnen") is one group headed by that verb; a finite verb whose separable particle
    closes it ("fanden ... statt") takes the particle into its lemma ("stattfinden")."""
    out: list[VerbGroup] = []
    groups = seg.groups
    k = 0
    while k < len(groups):
        g = groups[k]
        end = g.last
        while end + 1 <= seg.last and not _clause_end(tokens, end + 1):
            end += 1
        closing = _closing_verb(tokens, verbish, g.last, end, lex)
        if verbish[g.head] != "verb" and closing is not None:
            out.append(VerbGroup(g.first, g.last, closing))
            while k + 1 < len(groups) and groups[k + 1].first <= end:
                k += 1
        else:
            head = tokens[g.head]
            if end > g.last and tokens[end].lower in lex.separable_particles:
                tokens[g.head] = head.with_reading(
                    head.lower, tokens[end].lower + head.lemma, head.prefix
                )
            out.append(g)
        k += 1
    return out


def _clause_end(tokens: list[Token], k: int) -> bool:
    """Token ``k`` ends a clause: punctuation, but not the point of an ordinal ("15. März")."""
    if tokens[k].text not in _CLAUSE_ENDS:
        return False
    return not (tokens[k].text == "." and k > 0 and tokens[k - 1].text.isdigit())


def _closing_verb(
    tokens: list[Token], verbish: list[str], after: int, end: int, lex: Lexicon
) -> int | None:
    """The main verb of the lower-case verbs that end tokens (after, end]: "unterzeichnet"
    of "... unterzeichnet werden", "beginnen" of "... am Montag beginnen"."""
    found = None
    k = end
    while k > after:
        tok = tokens[k]
        infinitive = tok.lower == tok.lemma and len(tok.lower) > 5
        verb_like = (
            bool(verbish[k])
            or tok.lemma in lex.verbs
            or (infinitive and tok.lower.endswith(lex.verb_lemma_endings))
        )
        if not (tok.is_word and tok.is_lower and verb_like) or tok.lower in lex.function_words:
            break
        if verbish[k] not in ("aux", "modal"):
            found = k
        k -= 1
    return found


def _extend(tokens: list[Token], verbish: list[str], j: int, last: int, lex: Lexicon) -> int | None:
    """The index of the next verb-like token that still belongs to the group ending at
    ``j`` (past at most two adverbs or negations, an infinitive marker, or a word such as
    "due" in "is due to open"), or None."""
    k = j + 1
    skipped = 0
    while (
        k <= last
        and skipped < 2
        and (tokens[k].lower in lex.negations or tokens[k].lower in lex.adverbs)
    ):
        k += 1
        skipped += 1
    if k > last:
        return None
    if verbish[k]:
        return k
    markers = lex.infinitive_markers
    # "plans to withdraw", "had yet to demonstrate": the infinitive is the happening.
    if (
        tokens[k].lower in markers
        and k + 1 <= last
        and _infinitive(tokens[k + 1], verbish[k + 1], lex)
    ):
        return k + 1
    if (
        tokens[k].lower in lex.control_words
        and k + 2 <= last
        and tokens[k + 1].lower in markers
        and _infinitive(tokens[k + 2], verbish[k + 2], lex)
    ):
        return k + 2
    return None


def _infinitive(tok: Token, kind: str, lex: Lexicon) -> bool:
    """After a verb and "to" (or "de", "a"), a lower-case content word is its infinitive."""
    if kind in ("verb", "aux"):
        return True
    if lex.infinitive_endings and not tok.lower.endswith(lex.infinitive_endings):
        return False  # "uccisi a febbraio": a month, not an infinitive
    return tok.text.isalpha() and tok.is_lower and tok.lower not in lex.function_words


def is_np_internal(analysis: Analysis, first: int, last: int, lex: Lexicon) -> int | None:
    """When tokens [first, last] (a date expression) sit inside a noun phrase ("the
    February 2020 deal", "last year's ceasefire", "el plebiscito del domingo"), the index
    of the noun they modify."""
    tokens = analysis.tokens
    # After the noun: "the talks of 10 October", "l'accord du 10 novembre".
    k = first - 1
    while k >= 0 and tokens[k].lower in lex.determiners and tokens[k].lower not in lex.np_links:
        k -= 1
    if k >= 1 and tokens[k].lower in lex.np_links:
        noun = tokens[k - 1]
        if noun.is_word and any(lex.names(noun.lemma, noun.lower, c.nouns) for c in lex.categories):
            return k - 1
    before = tokens[first - 1] if first > 0 else None
    after = last + 1
    if after < len(tokens) and tokens[after].text in ("'s", "’s"):
        after += 1
    if after >= len(tokens):
        return None
    nxt = tokens[after]
    if not nxt.is_word or nxt.lower in lex.prepositions or nxt.lower in lex.auxiliaries:
        return None
    # A contraction of preposition and article ("na segunda-feira", "au 1er mai") makes
    # the date an adverbial, not a modifier of the noun after it.
    determined = before is not None and (
        (before.lower in lex.determiners and before.lower not in lex.prepositions)
        or before.text in ("'s", "’s")
    )
    if not determined:
        return None
    # The noun: the first word of the phrase that the lexicon knows as a happening noun,
    # within three words ("the 23 October permanent ceasefire").
    for k in range(after, min(after + 3, len(tokens))):
        tok = tokens[k]
        if not tok.is_word:
            break
        if any(lex.names(tok.lemma, tok.lower, c.nouns) for c in lex.categories):
            return k
    return None


def forward_looking(expression_text: str, lex: Lexicon) -> bool:
    """True for "a year after", "two days before": the expression dates what follows."""
    words = expression_text.lower().split()
    return bool(words) and words[-1] in lex.forward
