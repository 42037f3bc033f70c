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

from collections.abc import Callable

from .clauses import Analysis, Token, VerbGroup
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
_FUTURE = {"will", "shall", "'ll", "would", "wo"}
_KEEP_MODALS = {"could", "may", "might", "should", "must", "can", "cannot"}
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
        if k and w in ("of", "with", "between", "in", "on", "for", "from", "to"):
            subject, words = subject[:k], words[:k]
            break
    if subject[-1][:1].isupper():
        return False  # a name: "United States", "Taliban"
    last = words[-1]
    return last.endswith("s") and not last.endswith(("ss", "us", "is")) and len(last) > 3


def english_verb(group: list[Token], subject: list[str], head: Token) -> list[str]:
    """The verb group in headline grammar ("signed" -> "sign(s)", "will visit" -> "to
    visit", "was killed" -> "killed", "is reviewing" -> "reviews")."""
    words = [t.lower for t in group]
    negated = any(w in ("not", "n't", "never") for w in words)
    neg = ["not"] if negated else []
    lemma = head.lemma
    plural = _plural(subject)
    present = lemma if plural else _third_person(lemma)
    if "yet" in words and "to" in words:
        return ["yet", "to", lemma]  # "had yet to demonstrate"
    control = next((t for t in group if t.lemma in _CONTROL and t is not head), None)
    if control is not None:
        verb = control.lemma if plural else _third_person(control.lemma)
        return [verb, *neg, "to", lemma]
    if any(w in _FUTURE for w in words) or (words[:1] and words[0] in _BE and "to" in words):
        return [*neg, "to", lemma]
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

    def subject(self, seg_index: int, group: VerbGroup) -> list[str]:
        """The words before the verb group in its clause, cleaned for a headline."""
        seg = self.a.segments[seg_index]
        # After any verb group before this one in the clause ("officials said the talks").
        earlier = [
            g
            for g in seg.groups
            if g.last < group.first
            and not (g.first == g.last and self.a.tokens[g.head].lower in self.lex.plan_participles)
        ]
        lo = max([seg.first] + [g.last + 1 for g in earlier])
        toks = [
            t for i, t in enumerate(self.a.tokens[lo : group.first], lo) if i not in self.dropped
        ]
        words = self._clean_subject(toks)
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
                ]
            )[-4:]
        return self._replace_reference(words)

    def _after_verb(self, seg) -> bool:
        """The clause opens right after a verb ("said that ..."), not after a noun."""
        first = seg.first
        if first == 0:
            return False
        prev = self.a.segment_of(first - 1)
        return any(g.last >= first - 2 for g in self.a.segments[prev].groups)

    def _clean_subject(self, toks: list[Token]) -> list[str]:
        lex = self.lex
        # Leading connectives, adverbials and introductory phrases ("In a report, ...").
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
        if "," in [t.text for t in toks]:
            # "In one declaration on Sunday, the State Department": after the last comma.
            cut = max(i for i, t in enumerate(toks) if t.text == ",")
            tail = toks[cut + 1 :]
            toks = tail if tail else toks[:cut]
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
            elif after and not after[0][:1].isupper():
                words = words[:i]  # "panel of experts" -> "panel"
        return words[-7:]

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
        stop = min([g.first for g in seg.groups if g.first > group.last] + [seg.last + 1])
        for i in range(group.last + 1, stop):
            tok = self.a.tokens[i]
            if i in self.dropped:
                continue
            if tok.text == "," and (len(out) >= 2 or (out and self._attribution_after(i, seg))):
                break
            if tok.lower in lex.relatives or tok.lower in lex.report_participles:
                break
            if out and (tok.lower in lex.subordinators or tok.lower in lex.bare_subordinators):
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
        if self.english:
            out = _english_noun_phrase(out, subject=False)
        while out and (out[-1].lower() in _TRAILING or out[-1].lower() in lex.trailing):
            out.pop()
        return out

    def _attribution_after(self, i: int, seg) -> bool:
        """What follows token ``i`` in the clause is a reporting frame ("..., X said")."""
        statement = self.lex.cues_of("statement")
        if statement is None:
            return False
        return any(
            g.first > i and self.a.tokens[g.head].lemma in statement.verbs for g in seg.groups
        )

    def verb(self, group: VerbGroup, subject: list[str]) -> list[str]:
        toks = group.tokens(self.a.tokens)
        if self.english:
            return english_verb(toks, subject, self.a.tokens[group.head])
        kept = [t for t in toks if t.lower not in self.lex.drop_words] or toks
        words = [t.text for t in kept]
        if not subject and kept[0].prefix and kept[0].prefix[0] in self.lex.coordinators:
            # "وانسحبت القوات": a title does not open with the conjunction "و".
            words[0] = words[0][1:]
        return words

    # --- titles -------------------------------------------------------------------------

    def clause_title(self, seg_index: int, group: VerbGroup) -> str:
        subject = self.subject(seg_index, group)
        verb = self.verb(group, subject)
        rest = self.rest(seg_index, group)
        if not subject and self.lex.subject_after_verb:
            # "Am Montag unterzeichneten die Parteien ein Abkommen": the subject after the
            # verb leads the title ("Die Parteien unterzeichneten ein Abkommen").
            subject, rest = self._inverted(rest)
        return finish([*subject, *verb, *rest])

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

    def statement_title(self, seg_index: int, frame: VerbGroup, content: VerbGroup) -> str:
        speaker = self.subject(seg_index, frame)
        if len(speaker) >= 2 and all(w[:1].isupper() for w in speaker[-2:]) and not _org(speaker):
            speaker = speaker[-1:]  # "Lloyd Austin" -> "Austin"
        seg = self.a.segments[seg_index]
        content_seg = self.a.segment_of(content.first)
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
        subject = self._replace_reference(self._clean_subject(subject_toks))
        if len(subject) >= 2 and all(w[:1].isupper() for w in subject) and not _org(subject):
            subject = subject[-1:]
        body = [*subject, *self.verb(content, subject), *self.rest(content_seg, content)]
        if not speaker:
            return finish(body)
        return finish([*speaker, ":", *body])

    def noun_title(self, noun: int, expr: tuple[int, int]) -> str:
        """The title of a happening a noun phrase names: the phrase itself, its date out
        ("the September 11, 2001 attacks in New York" -> "September 11 attacks in New York")."""
        toks = self.a.tokens
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
        return finish([*phrase, *tail])


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


def finish(words: list[str]) -> str:
    """Join words into a title of at most about ``MAX_CHARS`` characters."""
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
    while parts and parts[-1].lower().strip(",;:") in _TRAILING:
        parts.pop()
    text = " ".join(parts).strip(" ,;:-")
    text = text.replace(" :", ":")
    if text and text[0].islower():
        text = text[0].upper() + text[1:]
    return text[:HARD_MAX]
