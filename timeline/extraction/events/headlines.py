"""Headline titles: who did what, in the article's language, in about 90 characters.

A title is built from the happening's own clause: its subject (a pronoun or "the group"
replaced by the name it refers to when that is clear), its verb group and what follows it
up to the next clause, without the date expressions (the timeline shows the date) and
without asides. English titles take headline grammar: the present tense ("US and Taliban
sign agreement in Doha"), "to" for plans ("Khalilzad to visit Kabul and Doha"), the bare
participle for the passive, no articles. When the statement is the event, its speaker
leads ("Austin: withdrawal hinges on progress in talks"). Other languages keep their verb
forms and articles; only dates and asides go.
"""

from __future__ import annotations

import datetime
import time
from collections.abc import Callable

from .clauses import Analysis, Segment, Token, VerbGroup
from .lexicon import Lexicon

MAX_CHARS = 90
HARD_MAX = 120
_ARTICLES_EN = {"a", "an", "the"}
_POSSESSIVES = {
    "his",
    "her",
    "its",
    "their",
    "our",
    "my",
    "son",
    "sa",
    "ses",
    "leur",
    "leurs",
    "su",
    "sus",
}
_CONTROL = {
    "plan",
    "hope",
    "expect",
    "aim",
    "intend",
    "agree",
    "decide",
    "vow",
    "pledge",
    "promise",
    "threaten",
    "seek",
    "try",
    "want",
    "fail",
    "refuse",
    "prepare",
}
# Words that introduce the agent of a passive participle ("brokered by Turkey").
_AGENT = {"by", "par", "por"}
# Words between "is" and "to" that make a plan ("is due to open", "are set to meet").
_PLAN_WORDS = {"due", "set", "expected", "scheduled", "about", "going", "poised", "likely"}
_FUTURE = {"will", "shall", "'ll", "would", "wo"}
_KEEP_MODALS = {"could", "may", "might", "should", "must", "can", "cannot"}
_PLURAL_PRONOUNS = {"they", "ils", "elles", "ellos", "ellas"}
_BE = {"is", "are", "was", "were", "be", "been", "being", "am", "'s", "'re"}
_HAVE = {"has", "have", "had", "having", "'ve"}
_DO = {"do", "does", "did"}
_IRREGULAR_3SG = {"be": "is", "have": "has", "do": "does", "go": "goes"}
_TRAILING = _ARTICLES_EN | {
    "of",
    "to",
    "in",
    "on",
    "at",
    "by",
    "for",
    "with",
    "and",
    "or",
    "but",
    "from",
    "as",
    "that",
    "which",
    "who",
    "le",
    "la",
    "les",
    "de",
    "du",
    "des",
    "et",
    "à",
    "el",
    "los",
    "las",
    "y",
    "del",
    "en",
    "que",
    "un",
    "une",
    "una",
    "au",
    "aux",
    "al",
    "','",
}


def _third_person(lemma: str) -> str:
    if lemma in _IRREGULAR_3SG:
        return _IRREGULAR_3SG[lemma]
    if lemma.endswith(("s", "x", "z", "ch", "sh", "o")):
        return lemma + "es"
    if len(lemma) > 2 and lemma.endswith("y") and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ies"
    return lemma + "s"


def _plural(subject: list[str]) -> bool:
    words = [w.lower() for w in subject]
    if not words:
        return False
    if "and" in words or words[-1] in ("they", "we", "both"):
        return True
    # The head noun comes before any "of"/"with" complement: "negotiations with X".
    for k, w in enumerate(words):
        if k and w in ("of", "with", "between", "in", "on", "for", "from", "to", "by"):
            subject, words = subject[:k], words[:k]
            break
    while len(words) > 1 and words[-1].endswith("ed"):
        subject, words = subject[:-1], words[:-1]  # "ships loaded (with grain)"
    if subject[-1][:1].isupper():
        # A name ("United States", "Taliban", "Hamas"), unless a lone plural one ("Houthis",
        # "Ships" opening the sentence).
        last = words[-1]
        return (
            len(words) == 1
            and last.endswith("s")
            and not last.endswith(("ss", "us", "as", "os"))
            and (not last.endswith("is") or len(last) > 6)
        )
    last = words[-1]
    return last.endswith("s") and not last.endswith(("ss", "us", "is")) and len(last) > 3


def english_verb(group: list[Token], subject: list[str], head: Token) -> list[str]:
    """The verb group in headline grammar ("signed" -> "sign(s)", "will visit" -> "to
    visit", "was killed" -> "killed", "is reviewing" -> "reviews")."""
    words = [t.lower for t in group]
    negated = any(w in ("not", "n't", "never") for w in words)
    neg = ["not"] if negated else []
    plural = _plural(subject)
    to = words.index("to") if "to" in words else -1
    head_at = next(k for k, t in enumerate(group) if t is head) if head in group else len(group)
    if 0 <= to < len(group) - 1 and head_at < to:
        # "intended to hand over", "is due to open": the infinitive is the happening.
        infinitive = group[to + 1]
        if words[0] in _FUTURE or (words[0] in _BE and words[1] in _PLAN_WORDS | {"to"}):
            return [*neg, "to", infinitive.lemma]  # "is due to open", "will seek to"
        if words[0] in _BE:
            return [*neg, head.lower, "to", infinitive.lemma]  # "were cleared to move"
        if "yet" not in words and head.lower not in _HAVE:
            verb = head.lemma if plural else _third_person(head.lemma)
            return [verb, *neg, "to", infinitive.lemma]
        head = infinitive
    lemma = head.lemma
    present = lemma if plural else _third_person(lemma)
    if "yet" in words and "to" in words:
        return ["yet", "to", lemma]  # "had yet to demonstrate"
    control = next((t for t in group if t.lemma in _CONTROL and t is not head), None)
    if control is not None:
        at = next(k for k, t in enumerate(group) if t is control)
        if at and words[at - 1] in _BE:
            # Passive: "is expected to arrive" -> "to arrive"; "were asked to leave" ->
            # "asked to leave".
            if control.lower in _PLAN_WORDS:
                return [*neg, "to", lemma]
            return [*neg, control.lower, "to", lemma]
        verb = control.lemma if plural else _third_person(control.lemma)
        return [verb, *neg, "to", lemma]
    passive = (
        any(w in _BE for w in words) and head.lower != lemma and not head.lower.endswith("ing")
    )
    if any(w in _FUTURE for w in words) or (words[:1] and words[0] in _BE and "to" in words):
        return [*neg, "to", "be", head.lower] if passive else [*neg, "to", lemma]
    if words[:1] == ["to"]:
        return [*neg, "to", "be", head.lower] if passive else [*neg, "to", lemma]
    modal = next((w for w in words if w in _KEEP_MODALS), None)
    if modal:
        return [modal, *neg, lemma]
    has_be = any(w in _BE for w in words)
    if has_be and head.lower.endswith("ing"):
        return ["does" if not plural else "do", "not", lemma] if negated else [present]
    if has_be and head.lower != head.lemma and not head.lower.endswith("ing"):
        return [*neg, head.lower]  # passive: "three soldiers killed"
    if negated:
        return ["do" if plural else "does", "not", lemma]
    if head.lemma in ("be",):
        return [present]
    return [present]


class HeadlineBuilder:
    """Builds the titles of one sentence's happenings."""

    def __init__(
        self,
        analysis: Analysis,
        lex: Lexicon,
        *,
        resolve: Callable[[str], str | None],
    ) -> None:
        self.a = analysis
        self.lex = lex
        self.english = lex.headline_grammar == "english"
        # Token indices that never reach this title: its dates and the words introducing
        # them (set by :meth:`dating`; other dates of the sentence may stay in it).
        self.dropped: set[int] = set()
        self.resolve = resolve

    def dating(self, spans: list[tuple[int, int]]) -> HeadlineBuilder:
        """Leave the expressions at token ``spans`` (and their prepositions) out of titles."""
        self.dropped = set()
        for first, last in spans:
            lo = first
            while lo > 0 and (
                self.a.tokens[lo - 1].lower in self.lex.prepositions
                or self.a.tokens[lo - 1].lower in self.lex.determiners
            ):
                lo -= 1
            self.dropped.update(range(lo, last + 1))
        return self

    # --- pieces -------------------------------------------------------------------------

    def subject(self, seg_index: int, group: VerbGroup, *, borrow: bool = True) -> list[str]:
        """The words before the verb group in its clause, cleaned for a headline; when the
        clause has none of its own ("... and renewed it in March"), those of the clause
        before it."""
        seg = self.a.segments[seg_index]
        toks, after_verb = self._subject_tokens(seg, group)
        words = self._clean_subject(
            toks, noun_phrase=self.lone_participle(group), after_verb=after_verb
        )
        relative = self.lex.opens_relative(seg.opener) or (
            seg.opener in self.lex.complementizers and not self._after_verb(seg)
        )
        if not words and seg_index > 0 and relative:
            # "the talks, which began in May": the noun the relative describes.
            prev = self.a.segments[seg_index - 1]
            words = self._clean_subject(
                [
                    t
                    for i, t in enumerate(self.a.tokens[prev.first : prev.last + 1], prev.first)
                    if i not in self.dropped and t.text != ","
                ],
                tail=True,
            )[-4:]
        elif not words and borrow and not relative:
            words = self._borrowed_subject(seg_index, group)
        return self._replace_reference(words)

    def _subject_tokens(self, seg: Segment, group: VerbGroup) -> tuple[list[Token], bool]:
        """The tokens before ``group`` in its clause, and whether they follow another verb
        of the clause (then what comes before a comma among them is that verb's)."""
        # After any verb group before this one in the clause ("officials said the talks"),
        # except the participles that only describe a noun ("ships loaded with grain").
        earlier = [
            g
            for g in self.groups(seg)
            if g.last < group.first
            and not (g.first == g.last and self.a.tokens[g.head].lower in self.lex.plan_participles)
            and not self.reduced(g, seg)
        ]
        lo = max([seg.first] + [g.last + 1 for g in earlier])
        hi = group.first
        lex = self.lex
        while hi > lo and (
            self.a.tokens[hi - 1].lower in lex.infinitive_markers
            or self.a.tokens[hi - 1].lower in lex.negations
            or self.a.tokens[hi - 1].lower in lex.adverbs
        ):
            hi -= 1  # "also to be signed": the verb's own words
        toks = [t for i, t in enumerate(self.a.tokens[lo:hi], lo) if i not in self.dropped]
        return toks, lo > seg.first

    def passive(self, seg_index: int, group: VerbGroup) -> bool:
        """``group`` is a participle describing a noun ("the truce agreed last month", "the
        agreement signed in Geneva"): a headline keeps it as it is."""
        seg = self.a.segments[seg_index]
        if self.reduced(group, seg):
            return True
        if not self.lone_participle(group):
            return False
        lex = self.lex
        head = self.a.tokens[group.head]
        if self.english and head.lower.endswith(("en", "wn", "rn", "ne")):
            return True  # "sworn", "chosen", "shown": never a past tense
        toks = self._strip_openers(self._subject_tokens(seg, group)[0])
        if not toks and seg.opener in lex.coordinators and seg_index > 0:
            # "was announced on 18 December and sworn in on 26 December"
            prev = self.a.segments[seg_index - 1].groups
            be = prev and any(t.lower in _BE for t in prev[-1].tokens(self.a.tokens))
            return bool(be) and head.lower.endswith("ed")
        # "ended with the agreement signed in ...": a participle after a phrase.
        return (
            bool(toks)
            and toks[0].lower in lex.prepositions
            and toks[0].lower not in lex.determiners
            and all(t.text != "," for t in toks)
        )

    def _borrowed_subject(self, seg_index: int, group: VerbGroup) -> list[str]:
        """The subject of the nearest clause before ``group`` that has one ("The truce was
        announced on 1 April and took effect the next day"), or, for a participle opening
        the sentence ("Signed in July, the deal ..."), that of the clause it describes."""
        earlier = [
            (k, g)
            for k in range(seg_index, -1, -1)
            for g in reversed(self.groups(self.a.segments[k]))
            if g.last < group.first
        ]
        for k, g in earlier:
            seg = self.a.segments[k]
            if seg.opener in self.lex.relatives or seg.opener in self.lex.subordinators:
                continue
            words = self.subject(k, g, borrow=False)
            if words:
                return words
        opening = self._verbless_before(seg_index)
        if opening:
            return opening
        if not earlier and self.lone_participle(group):
            later = [g for g in self.groups(self.a.segments[seg_index]) if g.first > group.last]
            words = self.subject(seg_index, later[0], borrow=False) if later else []
            if len(words) <= 4:
                return words  # "Signed in July, the deal had been ..."
        return []

    def _verbless_before(self, seg_index: int) -> list[str]:
        """The noun phrase a sentence opens with when only asides (a relative clause, a
        bracket) separate it from the verb: "Sarraj, who heads the GNA, signed"."""
        lex, segs = self.lex, self.a.segments
        toks: list[Token] = []
        for k in range(seg_index - 1, -1, -1):
            seg = segs[k]
            if seg.opener in lex.relatives or (
                seg.first and self.a.tokens[seg.first - 1].text == "("
            ):
                if toks:
                    break
                continue
            if seg.groups:
                return []
            if self.a.tokens[seg.last].text in _HEADING_ENDS:
                break  # a dateline or a heading ("KABUL, 5 May -"), not the subject
            toks = [
                t
                for i, t in enumerate(self.a.tokens[seg.first : seg.last + 1], seg.first)
                if i not in self.dropped and t.is_word
            ] + toks
        return self._clean_subject(toks) if toks else []

    def _after_verb(self, seg) -> bool:
        """The clause opens right after a verb ("said that ..."), not after a noun."""
        first = seg.first
        if first == 0:
            return False
        prev = self.a.segment_of(first - 1)
        return any(g.last >= first - 2 for g in self.a.segments[prev].groups)

    # --- verb groups a headline reads differently from the clause reader ----------------

    def groups(self, seg: Segment) -> list[VerbGroup]:
        """The clause's verb groups, without the plural nouns read as verbs ("of political
        talks") and with a noun after a past verb taken out of its group ("struck ships")."""
        return [self.effective(g) for g in seg.groups if not self._nominal(g)]

    def effective(self, group: VerbGroup) -> VerbGroup:
        """``group`` without the plural nouns read as part of it: one after its verb
        ("struck ships", "to ease exports"), one opening the sentence ("Ships loaded")."""
        if not self.english or group.last == group.first:
            return group
        toks, lex = self.a.tokens, self.lex
        first, last, head = group.first, group.last, group.head
        if _plural_form(toks[first], initial=first == 0) and not self._in_clause_start(first):
            first += 1  # "Ships loaded ...", "although talks resumed": the subject
        before = toks[last - 1]
        if (
            last > first
            and _plural_form(toks[last])
            and before.text.islower()
            and not (
                before.lower in lex.auxiliaries
                or before.lower in lex.modals
                or before.lower in lex.negations
                or before.lower in lex.adverbs
                or before.lower in lex.infinitive_markers
            )
        ):
            last = head = last - 1
        if (first, last) == (group.first, group.last):
            return group
        return VerbGroup(first, last, min(head, last))

    def _in_clause_start(self, i: int) -> bool:
        """Token ``i`` follows an infinitive marker or a modal: a verb, not a subject."""
        prev = self.a.tokens[i - 1].lower if i else ""
        return prev in self.lex.infinitive_markers or prev in self.lex.modals

    def _nominal(self, group: VerbGroup) -> bool:
        """A lone plural noun read as a verb ("a round of political talks")."""
        if not self.english or group.first != group.last:
            return False
        toks, lex = self.a.tokens, self.lex
        if not _plural_form(toks[group.head]):
            return False
        k = group.first - 1
        while k >= 0 and toks[k].is_word and toks[k].text.islower() and k >= group.first - 2:
            low = toks[k].lower
            if low in lex.determiners or low in lex.prepositions or low.isdigit():
                return True
            if low in lex.auxiliaries or low in lex.modals or low in lex.pronouns:
                return False
            k -= 1
        return k >= 0 and (toks[k].text.isdigit() or toks[k].text in ("'s", "’s"))

    def lone_participle(self, group: VerbGroup) -> bool:
        """A group of one past participle with no auxiliary ("agreed", "signé", "firmado")."""
        if group.first != group.last:
            return False
        tok, lex = self.a.tokens[group.head], self.lex
        low = tok.lower
        if low in lex.auxiliaries or low in lex.modals or low in lex.report_participles:
            return False
        if low in lex.past_only:
            return False  # "flew", "withdrew": a past tense, never a participle
        if self.english:
            return _past_form(tok, lex)
        return bool(lex.participle_endings) and low.endswith(tuple(lex.participle_endings))

    def reduced(self, group: VerbGroup, seg: Segment) -> bool:
        """A lone participle that describes the noun before it rather than being its
        clause's verb: "the truce agreed last month had failed", "ships loaded with grain
        left port", "the initiative, brokered by Turkey, was extended"."""
        if not self.lone_participle(group) or group.first <= seg.first:
            return False
        toks, lex = self.a.tokens, self.lex
        prev = toks[group.first - 1]
        nxt_i = next((i for i in range(group.last + 1, len(toks)) if i not in self.dropped), None)
        nxt = toks[nxt_i] if nxt_i is not None else None
        if nxt is not None and nxt.text == "," and self._attribution_after(nxt_i, seg):
            return False  # "the army withdrew on Friday, officials said": the clause's verb
        if nxt is not None and nxt.lower in _AGENT:
            return True
        if prev.lower in lex.function_words or prev.lower in lex.auxiliaries:
            return False
        # A verb of the clause follows: finite, or a second past form ("the truce agreed on
        # Sunday collapsed": the second is the clause's verb, the first describes the noun).
        if not any(
            self._finite(g) or self.lone_participle(g) for g in seg.groups if g.first > group.last
        ):
            return False
        if prev.text == ",":
            return True
        statement = lex.cues_of("statement")
        if statement is not None and toks[group.head].lemma in statement.verbs:
            return False  # "officials said on Monday the talks ...": a frame
        # What follows (its date aside) is a phrase, the end, or the clause's verb itself
        # ("the truce agreed [on Sunday] collapsed").
        verb_next = nxt is not None and any(
            toks[g.first] is nxt for g in seg.groups if g.first > group.last
        )
        return prev.is_word and (
            nxt is None or nxt.text == "," or nxt.lower in lex.prepositions or verb_next
        )

    def _finite(self, group: VerbGroup) -> bool:
        toks, lex = self.a.tokens, self.lex
        if self._nominal(group):
            return False
        first = toks[group.first]
        if first.lower in lex.auxiliaries or first.lower in lex.modals:
            return True
        if group.first > 0 and toks[group.first - 1].lower in lex.infinitive_markers:
            return False
        # A lone "-ing" form is a participle ("ships heading to ports"), not a clause's verb.
        return not (
            group.first == group.last and first.lower.endswith(lex.progressive_suffixes or ("\0",))
        )

    def _clean_subject(
        self,
        toks: list[Token],
        *,
        noun_phrase: bool = False,
        after_verb: bool = False,
        tail: bool = False,
    ) -> list[str]:
        """The subject words of ``toks``; ``tail``: only the noun phrase they end with."""
        lex = self.lex
        toks = self._strip_openers(toks)
        if "," in [t.text for t in toks]:
            if after_verb:
                # "took effect the next day, then was extended": before the comma is the
                # earlier verb's; the clause's subject, if any, is after it.
                cut = max(i for i, t in enumerate(toks) if t.text == ",")
                toks = self._strip_openers(toks[cut + 1 :])
            else:
                toks = self._subject_part(toks)
        if noun_phrase:
            # A participle describes a noun even inside a phrase ("ended with the agreement
            # signed in ..."): the noun, without its preposition.
            while (
                toks and toks[0].lower in lex.prepositions and toks[0].lower not in lex.determiners
            ):
                toks = toks[1:]
        if toks and toks[0].lower in lex.prepositions and toks[0].lower not in lex.determiners:
            return []  # a phrase ("In a report to Congress"), not a subject
        words = [t.text for t in toks if t.is_word or t.text in ("'s", "’s")]
        if self.english:
            words = _english_noun_phrase(words)
        lowered = [w.lower() for w in words]
        if len(words) > 3 and "of" in lowered:
            i = lowered.index("of")
            after = words[i + 1 :]
            if after and after[-1][:1].isupper() and len(words) > 5:
                words = [after[-1], *words[max(0, i - 1) : i]]  # "Biden administration"
            elif after and not after[0][:1].isupper() and not _names_happening(after, lex):
                words = words[:i]  # "panel of experts" -> "panel"
        if len(words) > 9 and not tail:
            # The head of a long subject comes first ("El grupo de trabajo de ... de los
            # tres países"): keep its beginning.
            words = words[:12]
            while len(words) > 1 and self._trailing(words[-1]):
                words.pop()
        return words

    def _strip_openers(self, toks: list[Token]) -> list[Token]:
        """Leading connectives, adverbials and quotes ("And", "Meanwhile", "But ...")."""
        lex = self.lex
        while toks and (
            toks[0].lower in lex.coordinators
            or toks[0].lower in lex.relatives
            or toks[0].lower in lex.subordinators
            or toks[0].lower in lex.bare_subordinators
            or toks[0].lower in lex.complementizers
            or toks[0].lower in lex.drop_words
            or toks[0].text in (",", "“", "”", '"', "'")
        ):
            toks = toks[1:]
        return toks

    def _subject_part(self, toks: list[Token]) -> list[Token]:
        """Of a subject cut by commas, the part that names the subject: after an opening
        phrase ("In one declaration on Sunday, the State Department"), before an aside
        that closes just before the verb ("The initiative, brokered by Turkey, was"), the
        name an apposition gives ("the Azerbaijani president, Ilham Aliyev, announced")."""
        parts: list[list[Token]] = [[]]
        for t in toks:
            if t.text == ",":
                parts.append([])
            else:
                parts[-1].append(t)
        closed = not parts[-1]  # the verb follows a comma: an aside closed before it
        parts = [self._strip_openers(p) for p in parts]
        parts = [p for p in parts if p]
        if not parts:
            return []
        if not closed or len(parts) == 1:
            return parts[-1]
        last = parts[-1]
        if self._names(last):
            return last  # an apposition that names the subject
        # An aside runs from its participle to the verb ("backed by the UAE, Egypt and
        # Russian mercenaries,"): the subject is before it.
        aside = next((k for k, p in enumerate(parts) if self._aside(p)), len(parts) - 1)
        lex = self.lex
        for part in reversed(parts[:aside]):
            if not (part[0].lower in lex.prepositions and part[0].lower not in lex.determiners):
                return part
        return [] if aside < len(parts) - 1 or self._aside(last) else last

    def _names(self, toks: list[Token]) -> bool:
        """``toks`` are a name ("Ilham Aliyev", "the Razoni", "la Iniciativa de Granos")."""
        lex = self.lex
        words = [t for t in toks if t.is_word and t.lower not in lex.determiners]
        content = [t for t in words if t.lower not in lex.prepositions]
        return 0 < len(words) <= 6 and all(t.is_capitalised for t in content)

    def _aside(self, toks: list[Token]) -> bool:
        """``toks`` open with a participle: an aside about a noun ("brokered by Turkey")."""
        if not toks:
            return False
        start = toks[0].start
        return any(
            self.a.tokens[g.first].start == start and self.lone_participle(g)
            for seg in self.a.segments
            for g in seg.groups
        )

    def _replace_reference(self, words: list[str]) -> list[str]:
        phrase = " ".join(words).lower()
        for form in (phrase, " ".join(["the", *words]).lower()):
            kind = self.lex.antecedents.get(form)
            if kind:
                name = self.resolve(kind)
                if name:
                    return self._np(name.split())
        if len(words) >= 2 and words[0].lower() in (
            "these",
            "this",
            "those",
            "ces",
            "estas",
            "estos",
        ):
            kind = self.lex.antecedents.get(" ".join(["the", *words[1:]]).lower())
            name = self.resolve(kind) if kind else None
            if name:
                return self._np(name.split())
            return words[1:]
        return words

    def _np(self, words: list[str]) -> list[str]:
        return _english_noun_phrase(words) if self.english else words

    def rest(self, seg_index: int, group: VerbGroup, limit: int = 12) -> list[str]:
        """What follows the verb group in its clause, without dates and asides."""
        seg = self.a.segments[seg_index]
        lex = self.lex
        out: list[str] = []
        # The clause's next verb group starts another predicate ("that broke out on Sunday
        # has killed"): what follows it is not this one's.
        stop = min([g.first for g in self.groups(seg) if g.first > group.last] + [seg.last + 1])
        while stop - 1 > group.last and (
            self.a.tokens[stop - 1].lower in lex.negations
            or self.a.tokens[stop - 1].lower in lex.adverbs
            or self.a.tokens[stop - 1].lower in lex.infinitive_markers
        ):
            stop -= 1  # "never took place": the next verb's own words
        for i in range(group.last + 1, stop):
            tok = self.a.tokens[i]
            if i in self.dropped:
                continue
            if tok.text == "," and (len(out) >= 2 or self._attribution_after(i, seg)):
                break  # "..., officials said": the frame is not the clause's
            if tok.lower in lex.relatives:
                break
            if tok.lower in lex.report_participles and (
                not out or self.a.tokens[i - 1].text == "," or self._in_group(i - 1)
            ):
                break  # "..., saying that": not "a similar warning"
            if out and (tok.lower in lex.subordinators or tok.lower in lex.bare_subordinators):
                _drop_measure(out, lex.language)  # "weeks after", "two days before"
                break
            if tok.lower in ("that", "que", "qu'") and (out or i == group.last + 1):
                if out:
                    break
                continue
            if not tok.is_word and tok.text not in ("'s", "’s", "%"):
                continue
            out.append(tok.text)
            if len(out) >= limit:
                break
        else:
            nxt = self.a.tokens[stop].lower if stop < len(self.a.tokens) else ""
            if nxt in lex.subordinators or nxt in lex.bare_subordinators:
                _drop_measure(out, lex.language)  # the clause ends at "weeks | after"
        if self.english:
            out = _english_noun_phrase(out, subject=False)
        while out and self._trailing(out[-1]):
            out.pop()
        return out

    def _finish(self, words: list[str]) -> str:
        """:func:`finish` with the words this language's titles never end on."""
        return finish(words, self.lex.title_trailing)

    def _in_group(self, i: int) -> bool:
        return any(g.first <= i <= g.last for seg in self.a.segments for g in seg.groups)

    def _trailing(self, word: str) -> bool:
        """A word a title cannot end on: a preposition, article or conjunction."""
        low = word.lower()
        lex = self.lex
        if low in lex.separable_particles:
            return False  # "tauschten ... aus": the verb's own particle closes the clause
        return (
            low in _TRAILING
            or low in lex.trailing
            or low in lex.prepositions
            or low in lex.determiners
            or low in lex.coordinators
            or low in lex.complementizers
            or low in lex.relatives
        )

    def _attribution_after(self, i: int, seg) -> bool:
        """What follows token ``i`` in the clause is a reporting frame ("..., X said")."""
        statement = self.lex.cues_of("statement")
        if statement is None:
            return False
        return any(
            g.first > i and self.a.tokens[g.head].lemma in statement.verbs for g in seg.groups
        )

    def verb(self, group: VerbGroup, subject: list[str], *, passive: bool = False) -> list[str]:
        toks = group.tokens(self.a.tokens)
        if self.english:
            if passive:
                return [self.a.tokens[group.head].lower]  # "truce agreed last month"
            if group.first and self.a.tokens[group.first - 1].lower in self.lex.infinitive_markers:
                toks = [self.a.tokens[group.first - 1], *toks]  # "also to be signed"
            return english_verb(toks, subject, self.a.tokens[group.head])
        kept = [t for t in toks if t.lower not in self.lex.drop_words] or toks
        words = [t.text for t in kept]
        if not subject and kept[0].prefix and kept[0].prefix[0] in self.lex.coordinators:
            # "وانسحبت القوات": a title does not open with the conjunction "و".
            words[0] = words[0][1:]
        return words

    # --- titles -------------------------------------------------------------------------

    def clause_title(self, seg_index: int, group: VerbGroup) -> str:
        group = self._main_group(self.a.segments[seg_index], group)
        if not self._has_verb(group):
            return self.fallback_title(seg_index)
        inverts = self.lex.subject_after_verb
        subject = self.subject(seg_index, group, borrow=not inverts)
        verb = self.verb(group, subject, passive=self.passive(seg_index, group))
        rest = self.rest(seg_index, group)
        if not subject and inverts:
            # "Am Montag unterzeichneten die Parteien ein Abkommen": the subject after the
            # verb leads the title ("Die Parteien unterzeichneten ein Abkommen"); only
            # without one does the clause borrow the subject before it.
            subject, rest = self._inverted(rest)
            if not subject:
                subject = self.subject(seg_index, group)
        words = [*self._compact(subject), *verb, *rest]
        if not subject and len(words) < 3:
            return self.fallback_title(seg_index)  # never a bare "Expire" or "Renews again"
        return self._finish(words)

    def _inverted(self, rest: list[str]) -> tuple[list[str], list[str]]:
        """The subject that follows a verb-second verb, and the words left after it."""
        lex = self.lex
        s = 1 if rest and rest[0].lower() in lex.reflexives else 0
        if s < len(rest) and rest[s].lower() in lex.pronouns:
            return [rest[s]], rest[:s] + rest[s + 1 :]
        k = s
        while k < len(rest) and k - s < 3 and rest[k][:1].islower():
            if k > s and rest[k].lower() in lex.prepositions:
                return [], rest
            k += 1  # "die", "beiden", "verfeindeten"
        if (
            k == len(rest)
            or not rest[k][:1].isupper()
            or (k > s and rest[s].lower() not in lex.determiners)
        ):
            return [], rest
        while k < len(rest) and rest[k][:1].isupper():
            k += 1  # "Parteien", "Wladimir Putin"
        if k + 1 < len(rest) and rest[k].lower() in lex.determiners and rest[k + 1][:1].isupper():
            k += 2  # a genitive: "die Delegationen beider Länder"
        if k + 1 < len(rest) and rest[k].lower() in lex.coordinators and rest[k + 1][:1].isupper():
            k += 2  # "Putin und Erdoğan"
            while k < len(rest) and rest[k][:1].isupper():
                k += 1
        return rest[s:k], rest[:s] + rest[k:]

    def _compact(self, subject: list[str]) -> list[str]:
        """A long coordinated subject of people by their surnames: "Prime Minister Nikol
        Pashinyan and President Ilham Aliyev" -> "Pashinyan and Aliyev", so the title has
        room for what they did. Parts that do not end on a name stay as they are."""
        if len(subject) <= COMPACT_OVER:
            return subject
        parts: list[list[str]] = [[]]
        joins: list[str] = []
        for word in subject:
            if word.lower() in self.lex.coordinators or word == ",":
                parts.append([])
                joins.append(word)
            else:
                parts[-1].append(word)
        if len(parts) < 2 or not all(p and p[-1][:1].isupper() for p in parts):
            return subject
        out = [parts[0][-1]]
        for join, part in zip(joins, parts[1:], strict=True):
            out.extend([join, part[-1]] if join != "," else [part[-1]])
        return out

    def _main_group(self, seg: Segment, group: VerbGroup) -> VerbGroup:
        """The verb group a title is built on: ``group``, or, when it is a plural noun read
        as a verb ("held their first talks"), the verb before it."""
        if self._nominal(group):
            before = [g for g in self.groups(seg) if g.last < group.first]
            return before[-1] if before else group
        return self.effective(group)

    def _has_verb(self, group: VerbGroup) -> bool:
        """The group has a verb of its own: not a name ("May") or a lone modal."""
        head = self.a.tokens[group.head]
        if head.is_capitalised and head.start > 0:
            return False
        return not (group.first == group.last and head.lower in self.lex.modals)

    def fallback_title(self, seg_index: int) -> str:
        """The sentence up to the end of the happening's clause, without its dates and its
        opening connectives: a plain clause when no headline can be built."""
        last = self.a.segments[seg_index].last
        toks = [t for i, t in enumerate(self.a.tokens[: last + 1]) if i not in self.dropped]
        words = []
        for t in self._strip_openers(toks):
            keep = t.is_word or t.text in (",", "'s", "’s", "%")
            if keep and not (t.text == "," and (not words or words[-1] == ",")):
                words.append(t.text)
        return self._finish(words)

    def statement_title(self, seg_index: int, frame: VerbGroup, content: VerbGroup) -> str:
        speaker = self.subject(seg_index, frame)
        if len(speaker) >= 2 and all(w[:1].isupper() for w in speaker[-2:]) and not _org(speaker):
            speaker = speaker[-1:]  # "Lloyd Austin" -> "Austin"
        seg = self.a.segments[seg_index]
        content_seg = self.a.segment_of(content.first)
        content = self._main_group(self.a.segments[content_seg], content)
        between = [
            t
            for i, t in enumerate(self.a.tokens[frame.last + 1 : content.first], frame.last + 1)
            if i not in self.dropped and i >= seg.first
        ]
        that = [k for k, t in enumerate(between) if t.lower in self.lex.complementizers]
        if not speaker and that and that[0] > 0:
            # Verb first ("قال المتحدث ... إن المفاوضات ..."): the speaker follows the verb.
            speaker = self._clean_subject(between[: that[0]])
            between = between[that[0] :]
        subject_toks = [t for t in between if t.lower not in self.lex.complementizers]
        if content.first < frame.first:
            # A closing attribution ("X is to be named envoy, officials said"): what was
            # said comes first, with its own subject; an inverted one ("..., a déclaré un
            # porte-parole") names its speaker after the verb.
            raw = self.subject(content_seg, content, borrow=False)
            speaker = self._own_words(speaker, seg_index, frame)
        else:
            raw = self._clean_subject(subject_toks)
        subject = self._replace_reference(raw)
        if len(subject) >= 2 and all(w[:1].isupper() for w in subject) and not _org(subject):
            subject = subject[-1:]
        # "X announced that he would ...": the pronoun is the speaker.
        kind = self.lex.antecedents.get(raw[0].lower()) if len(raw) == 1 else None
        pronoun = speaker[-1:] != [] and (
            # "Sarraj announced that he would step down": the person spoke of himself.
            (kind == "person" and speaker[-1][:1].isupper() and not _org(speaker))
            # "The rebels said they would attend": a plural speaker of itself.
            or (kind == "group" and raw[0].lower() in _PLURAL_PRONOUNS and _plural(speaker))
        )
        if speaker and subject and (pronoun or _same_name(speaker, subject)):
            # "Sarraj announced that he would step down": "Sarraj to step down".
            subject, speaker = speaker, []
        body = [*subject, *self.verb(content, subject), *self.rest(content_seg, content)]
        if not speaker:
            return self._finish(body)
        return self._finish([*speaker, ":", *body])

    def _own_words(self, speaker: list[str], seg_index: int, frame: VerbGroup) -> list[str]:
        """The speaker of a closing attribution: the words before its verb, when they are
        not the statement's own ("..., officials said"), else those after it."""
        before = self.a.tokens[frame.first - 1] if frame.first else None
        if speaker and before is not None and before.text != ",":
            return speaker
        after = [
            t
            for i, t in enumerate(self.a.tokens[frame.last + 1 :], frame.last + 1)
            if i not in self.dropped and t.is_word
        ]
        return self._clean_subject(after[:6])

    def noun_title(self, noun: int, expr: tuple[int, int]) -> str:
        """The title of a happening a noun phrase names: the phrase itself, its date out
        ("the September 11, 2001 attacks in New York" -> "September 11 attacks in New York")."""
        toks = self.a.tokens
        if noun < expr[0]:
            return self._noun_of_date_title(noun, expr)
        first = expr[0]
        while first > 0 and toks[first - 1].lower in self.lex.determiners:
            first -= 1
        words = [
            t.text
            for i, t in enumerate(toks[first : noun + 1], first)
            if not (expr[0] <= i <= expr[1]) and t.lower not in self.lex.determiners
        ]
        date_words = [t.text for t in toks[expr[0] : expr[1] + 1] if t.text != ","]
        phrase = [*date_words, *words] if len(date_words) <= 3 else words
        tail = []
        for t in toks[noun + 1 : noun + 6]:
            if not t.is_word or t.lower in self.lex.relatives or t.lower in self.lex.subordinators:
                break
            tail.append(t.text)
        while tail and tail[-1].lower() in _TRAILING:
            tail.pop()
        return self._finish([*phrase, *tail])

    def _noun_of_date_title(self, noun: int, expr: tuple[int, int]) -> str:
        """The title of a happening named by a noun its date follows ("the attacks of 11
        September 2001", "the US-led invasion of October 2001"): the noun with the words
        that qualify it (up to two, no article), the words up to the date, and the date
        when it is short."""
        toks = self.a.tokens
        first = noun
        while (
            first > max(0, noun - 2)
            and toks[first - 1].is_word
            and toks[first - 1].lower not in self.lex.function_words
            and not self._in_group(first - 1)
        ):
            first -= 1
        words = [t.text for t in toks[first : expr[0]] if t.lower not in self.lex.determiners]
        date_words = [t.text for t in toks[expr[0] : expr[1] + 1] if t.text != ","]
        return self._finish(words + date_words if len(date_words) <= 3 else words)


# Subjects longer than this many words are compacted to names (see _compact).
COMPACT_OVER = 5


def _drop_measure(words: list[str], language: str) -> None:
    """Take off the end of ``words`` a measure of time ("weeks", "two days", "a year")
    that belongs to the subordinator after it ("weeks after the attacks"), not to the
    clause the title tells."""
    from ..timex_lexicon import lexicon as timex_lexicon

    if not words or words[-1].lower() not in timex_lexicon(language).units:
        return
    # With the word before it when the two are one duration to the date grammar ("two
    # days", "quelques semaines", "unos meses").
    if len(words) >= 2 and _is_duration(f"{words[-2]} {words[-1]}", language):
        words.pop()
    words.pop()


def _is_duration(phrase: str, language: str) -> bool:
    """``phrase`` is, whole, one duration to the date grammar."""
    from ..tagger import tag  # the tagger's modules import the event layer's

    found = tag(
        phrase,
        published=datetime.date(2000, 1, 1),
        language=language,
        sentences=[(0, len(phrase))],
        deadline=time.monotonic() + 1.0,
    )
    return any(e.type == "DURATION" and e.start == 0 and e.end == len(phrase) for e in found)


def _plural_form(tok: Token, *, initial: bool = False) -> bool:
    """An English word in -s that may be a plural noun as well as a verb ("talks");
    ``initial``: it may be capitalised (it opens the sentence)."""
    low = tok.lower
    cased = tok.text.islower() or (initial and tok.text[1:].islower())
    return (
        cased and len(low) > 3 and low.endswith("s") and not low.endswith("ss")
    ) and tok.lemma != low


def _past_form(tok: Token, lex: Lexicon) -> bool:
    """An English past tense or participle ("signed", "struck"), not an auxiliary."""
    low = tok.lower
    if not tok.text.islower() or low in lex.auxiliaries or low in lex.modals:
        return False
    if low == tok.lemma or low.endswith(("s", "ing")):
        return False
    return low.endswith("ed") or low in lex.forms or low in lex.irregular


def _names_happening(words: list[str], lex: Lexicon) -> bool:
    """Some word of ``words`` is a noun the lexicon knows as naming a happening."""
    from .clauses import lemma

    for w in words:
        low, lem = w.lower(), lemma(w, lex.language)
        if any(low in c.nouns or lem in c.nouns for c in lex.categories):
            return True
    return False


def _english_noun_phrase(words: list[str], subject: bool = True) -> list[str]:
    """Headline English: no articles or possessive pronouns; in a subject, "Donald
    Trump's administration" becomes "Trump administration"."""
    out: list[str] = []
    for w in words:
        low = w.lower()
        if low in _ARTICLES_EN or low in _POSSESSIVES:
            continue
        if subject and low.endswith(("'s", "’s")) and w[:1].isupper() and len(w) > 3:
            # "former President Donald Trump's administration" -> "Trump administration":
            # the names and titles before a possessive name go, and so does the 's.
            while out and (out[-1][:1].isupper() or out[-1].lower() in ("former", "late")):
                if out[-1].isupper() and len(out[-1]) <= 3:  # "US", "UN": a modifier to keep
                    break
                out.pop()
            out.append(w[:-2])
            continue
        out.append(w)
    return out


def _same_name(a: list[str], b: list[str]) -> bool:
    """Two subjects that name the same one ("Sarraj" and "Fayez al-Sarraj")."""
    x, y = a[-1].lower(), b[-1].lower()
    return x == y or x.endswith(f"-{y}") or y.endswith(f"-{x}")


def _org(words: list[str]) -> bool:
    org = {
        "department",
        "ministry",
        "government",
        "council",
        "nations",
        "states",
        "union",
        "group",
        "front",
        "movement",
        "army",
        "forces",
        "commission",
        "office",
        "house",
    }
    return bool({w.lower() for w in words} & org)


# What ends a dateline or a heading before the story's first clause.
_HEADING_ENDS = frozenset({"—", "–", "-", ":"})


def finish(words: list[str], trailing: frozenset[str] = frozenset()) -> str:
    """Join words into a title of at most about ``MAX_CHARS`` characters, never ending on
    an English article or preposition or on one of ``trailing`` (the language's)."""
    text = ""
    for w in words:
        if w in (":", ",", ".", ";", "'s", "’s") or not text:
            candidate = text + w if text else w
        else:
            candidate = f"{text} {w}"
        if len(candidate) > MAX_CHARS and text:
            break
        text = candidate
    parts = text.split()
    while parts and (parts[-1].lower().strip(",;:") in _TRAILING or parts[-1].lower() in trailing):
        parts.pop()
    text = " ".join(parts).strip(" ,;:-")
    text = text.replace(" :", ":")
    if text and text[0].islower():
        text = text[0].upper() + text[1:]
    return text[:HARD_MAX]
