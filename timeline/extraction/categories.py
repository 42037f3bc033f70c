"""Event categories from transparent keyword rules (English, French, Spanish).

:data:`RULES` is the whole model: one row per category, in priority order, each with the
word stems and phrases that signal it in English, French and Spanish. A stem matches at
the start of a word and may be followed by any letters ("negotiat" matches "negotiations"
and "negotiated"); a trailing word boundary marks a stem that must be a whole word
("deal", "met"). :func:`categorise` looks at the event's title first, because the title is
the clause around the date and names the happening itself (within it, the main clause
before any subordinate one: "troops will withdraw by May, as the agreement foresees" is a
withdrawal), and falls back to the whole sentence when the title shows nothing more
specific than a statement. Within one text the
first category in :data:`RULES` that matches wins: specific outcomes (a ceasefire, a
prisoner release, sanctions, an agreement) outrank the talks or statements that usually
surround them, and "report" and "statement" come last because almost every news sentence
reports what someone said.
"""

from __future__ import annotations

import re

# (category, {language: alternation of stems and phrases}). Keep phrases bounded (no
# unbounded repetition) so matching stays linear.
RULES: tuple[tuple[str, dict[str, str]], ...] = (
    (
        "ceasefire",
        {
            "en": r"cease-?fire|truce|armistice|cessation of hostilities"
            r"|halt (?:to )?(?:the )?fighting|lay down (?:their |its )?arms",
            "fr": r"cessez-le-feu|trêve|cessation des hostilités|armistice",
            "es": r"alto el fuego|cese al fuego|cese del fuego|cese de hostilidades|tregua"
            r"|armisticio",
        },
    ),
    (
        "prisoner release",
        {
            "en": r"(?:releas|free|freeing|swap|exchang|hand(?:ed)? over)\w*(?:\W+\w+){0,4}?\W+"
            r"(?:prisoners?|detainees?|captives?|hostages?|inmates?|POWs?)"
            r"|(?:prisoners?|detainees?|captives?|hostages?|POWs?)(?:\W+\w+){0,3}?\W+"
            r"(?:releas|freed|swap|exchang|set free)\w*",
            "fr": r"(?:libér|échang)\w*(?:\W+\w+){0,3}?\W+(?:prisonniers?|détenus?|otages?)"
            r"|(?:prisonniers?|détenus?|otages?)(?:\W+\w+){0,2}?\W+(?:libér|échang)\w*",
            "es": r"(?:liber|canje|intercambi|excarcel)\w*(?:\W+\w+){0,3}?\W+"
            r"(?:presos?|prisioneros?|detenidos?|rehenes|secuestrados?)"
            r"|(?:presos?|prisioneros?|rehenes|secuestrados?)(?:\W+\w+){0,2}?\W+"
            r"(?:liber|canje)\w*",
        },
    ),
    (
        "sanctions",
        {
            "en": r"sanction|embargo|blacklist|asset freeze|froze\w* (?:\w+ )?assets|travel ban"
            r"|terrorist list|terror list",
            "fr": r"sanction|embargo|liste noire|gel des avoirs",
            "es": r"sanci[oó]n|sanciones|embargo|lista negra"
            r"|congela\w* (?:de )?(?:sus )?(?:activos|bienes)",
        },
    ),
    (
        "agreement",
        {
            "en": r"agreement|accords?\b|deal\b|deals\b|treaty|pacts?\b|signed|signing|signs?\b"
            r"|memorandum|peace plan|ratif|road ?map",
            "fr": r"accord|traité|signé|signature|pacte|protocole d'accord",
            "es": r"acuerdo|tratado|firm[óa]\b|firmaron|firmado|firma\b|pacto",
        },
    ),
    (
        "withdrawal",
        {
            "en": r"withdr[ae]w|pull(?:ed|s|ing)? out|pull-?out|draw ?down|troop reduction"
            r"|redeploy|evacuat|(?:forces|troops|soldiers) (?:will |would |to |must )?leave"
            r"|leave the country",
            "fr": r"retrait|retir|désengagement|évacu",
            "es": r"retirada|retiro|retir[óa]|retirar|repliegue|desmovilizaci|evacu",
        },
    ),
    (
        "election",
        {
            "en": r"election|electoral|referendum|ballot|polls? (?:opened|closed)"
            r"|went to the polls|voters|inaugurat|sworn in",
            "fr": r"élection|électora|référendum|scrutin|élue?\b|investiture",
            "es": r"elecci|electora|comicios|referéndum|votaci|electa?o?\b|investidura",
        },
    ),
    (
        "violence",
        {
            "en": r"attack|kill|bomb|explo[sd]|clash|fighting|offensive|invad|invasion"
            r"|air ?strike|shell(?:ed|ing)\b|assassinat|wound|massacre|ambush|raid|gunmen"
            r"|shot dead|militants? (?:stormed|seized)|seized|captured|dead\b|casualt"
            r"|violence|blast|death toll|gunfire|suicide bomb",
            "fr": r"attaque|attentat|tués?\b|morts?\b|blessé|combats|affrontement|bombard"
            r"|offensive|massacre|embuscade|violence|assassin",
            "es": r"ataque|atentado|muert|asesina|herid|combate|enfrentamiento|bombarde"
            r"|emboscada|ofensiva|masacre|violencia",
        },
    ),
    (
        "talks",
        {
            "en": r"talks|negotiat|met\b|meet|dialogue|summit|mediat|round of|conference"
            r"|peace process|discussions|consultations",
            "fr": r"négociat|pourparlers|rencontr|réunion|sommet|médiat|dialogue|discussions",
            "es": r"negociaci|negoci[óa]|diálogo|conversaciones|reuni|cumbre|mediaci",
        },
    ),
    (
        "visit",
        {
            "en": r"visit|arriv|trip\b|tour(?:ed|ing)?\b|travel(?:l?ed|s)? to|landed in",
            "fr": r"visite|visité|se rend|s'est rendue?|voyage|arriv",
            "es": r"visit|viaj|lleg[óa]|llegaron",
        },
    ),
    (
        "report",
        {
            "en": r"report\b|reports\b|study|survey|findings|inquiry|investigation"
            r"|panel of experts|audit",
            "fr": r"rapport|étude|enquête",
            "es": r"informe|estudio|investigaci|encuesta",
        },
    ),
    (
        "statement",
        {
            "en": r"said|says|statement|declar|announc|stated|told|warned|called for|urged"
            r"|press conference|tweet|communiqu|vowed|pledg|demand|insisted|affirm|reiterat",
            "fr": r"a déclaré|a dit|a affirmé|déclaration|annonc|communiqué|selon|estime",
            "es": r"dijo|afirmó|declar|anunci|señaló|aseguró|según|comunicado",
        },
    ),
)

CATEGORIES = (*(name for name, _ in RULES), "other")

_compiled: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {}


def _patterns(language: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    lang = language if language in ("en", "fr", "es") else "en"
    if lang not in _compiled:
        _compiled[lang] = tuple(
            (name, re.compile(r"(?<!\w)(?:" + stems[lang] + ")", re.IGNORECASE))
            for name, stems in RULES
        )
    return _compiled[lang]


def matching_categories(text: str, language: str = "en") -> list[str]:
    """Every category whose keywords (for ``language``) occur in ``text``, in priority order."""
    return [name for name, pattern in _patterns(language) if pattern.search(text)]


# Categories too generic to settle an event on the title's evidence alone.
_WEAK = frozenset({"statement"})

# Where a subordinate or side clause starts: "troops will withdraw by May, as the
# agreement foresees". Keywords before it belong to the main verb and its objects. A
# "that" clause is left out: after "announced" or "agreed" it is the content itself.
_SUBORDINATE = {
    "en": r",?\s(?:as|which|who|whose|after|before|since|because|while|whereas|although"
    r"|though|under|following|when|until|unless|provided|if|amid|despite|according)\s"
    r"|,\s(?:\w+ing)\s",
    "fr": r",?\s(?:comme|qui|dont|après|avant|depuis|parce|alors|bien|selon|lorsque"
    r"|quand|si|malgré)\s",
    "es": r",?\s(?:como|cual|quien|cuyo|tras|después|antes|desde|porque|aunque|según"
    r"|cuando|si|pese)\s",
}
_SUBORDINATE_RE = {lang: re.compile(rx, re.IGNORECASE) for lang, rx in _SUBORDINATE.items()}


def main_clause(text: str, language: str = "en") -> str:
    """``text`` up to its first subordinate or side clause (at least two words in)."""
    pattern = _SUBORDINATE_RE.get(language, _SUBORDINATE_RE["en"])
    for m in pattern.finditer(text):
        if len(text[: m.start()].split()) >= 2:
            return text[: m.start()]
    return text


def categorise(title: str, sentence: str, language: str = "en") -> str:
    """The category of an event: the first rule matching its title, else its sentence.

    Keywords are those of ``language`` ("en", "fr", "es"; anything else uses English).
    Within the title, the main clause speaks first: its verb and objects name the
    happening, while a subordinate clause ("..., as the agreement foresees") only
    comments on it. A title that only shows a generic reporting word ("said") defers to
    the sentence, which may name the happening itself. Returns "other" when no rule
    matches either.
    """
    in_main = matching_categories(main_clause(title, language), language)
    if in_main and in_main[0] not in _WEAK:
        return in_main[0]
    in_title = matching_categories(title, language)
    if in_title and in_title[0] not in _WEAK:
        return in_title[0]
    in_sentence = matching_categories(sentence, language)
    if in_sentence:
        return in_sentence[0]
    return in_title[0] if in_title else "other"
