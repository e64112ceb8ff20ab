"""Evidence that survives translation: figures, calendar words, names and places, in their order.

A translation shares almost no words with its source, but it keeps the figures (in the target
locale's style: 10.000, 10 000, 10,000), the weekdays and months (Dienstag, mardi, Tuesday), the
names (Vedant Patel, KCNA) and the places, spelt the target language's way (Pjöngjang, Koursk,
Moskau). Each article becomes the sequence of these anchors; a small alias table maps the
spellings of each language to one key. Two articles in different languages are a translation
when their anchors line up in the same order over the whole of the shorter one (a cut
translation covers its source's first paragraphs), and an event when they share most of their
specific anchors on the same day.

German capitalises every noun, so its capitalised words are only names when the other article
has them too; in French and English a capitalised word inside a sentence is a name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

# canonical key -> folded spellings in de, fr and en; a trailing '*' matches any ending
# (inflected adjectives: nordkoreanische, nord-coréens, North Korean)
_PLACES = {
    "russia": "russland russe* russie russia* russisch* kreml* kremlin*",
    "ukraine": "ukraine* ukrain*",
    "usa": "usa us etatsunis vereinigtestaaten unitedstates amerikan* americain* american* washington",
    "dprk": "nordkorea* nordcoree* northkorea* dprk rpdc nordcoreen* coreedunord pyongyang pjongjang "
    "pjoengjang",
    "southkorea": "sudkorea* sudcoree* southkorea* coreedusud seoul",
    "china": "china chines* chine chinois* peking pekin beijing",
    "kyiv": "kiew kiev kyiv",
    "moscow": "moskau moscou moscow",
    "kursk": "kursk* koursk*",
    "kharkiv": "charkiw kharkiv kharkov charkow",
    "odesa": "odessa odesa",
    "lviv": "lwiw lviv lvov lemberg",
    "geneva": "genf geneve geneva genevois*",
    "bern": "bern berne berner bernois*",
    "frankfurt": "frankfurt* francfort",
    "munich": "munchen munich",
    "cologne": "koln cologne",
    "ecb": "ezb bce ecb europaischezentralbank banquecentraleeuropeenne europeancentralbank",
    "zurich": "zurich",
    "lausanne": "lausanne",
    "basel": "basel bale basle",
    "sion": "sitten sion",
    "bellinzona": "bellinzona bellinzone",
    "switzerland": "schweiz* suisse* switzerland swiss",
    "germany": "deutschland allemagne* germany german",
    "france": "frankreich* france francais* french",
    "italy": "italien* italie* italy italian*",
    "austria": "osterreich* autriche* austria*",
    "eu": "eu ue europaischeunion unioneuropeenne europeanunion",
    "un": "uno onu un unitednations vereintennationen nationsunies",
    "who": "who oms weltgesundheitsorganisation",
    "nato": "nato otan",
    "israel": "israel* israeli*",
    "gaza": "gaza*",
    "iran": "iran*",
    "sudan": "sudan* soudan*",
    "brussels": "brussel brussels bruxelles",
    "london": "london londres",
    "paris": "paris*",
    "berlin": "berlin*",
    "vienna": "wien vienne vienna",
    "rome": "rom rome",
    "athens": "athen athenes athens",
    "warsaw": "warschau varsovie warsaw",
    "lisbon": "lissabon lisbonne lisbon",
    "turkey": "turkei turquie turkey turkiye turkish turkisch* turc*",
    "japan": "japan* japon*",
    # Swiss cantons, towns and passes: the wire of a bilingual country spells them both ways
    "neuchatel": "neuchatel* neuenburg*",
    "fribourg": "fribourg* freiburg*",
    "biel": "biel bienne",
    "valais": "wallis walliser* valais valaisan*",
    "ticino": "tessin* ticino ticinese",
    "grisons": "graubunden grisons bundner*",
    "lucerne": "luzern* lucerne",
    "stgallen": "stgallen sanktgallen saintgall",
    "solothurn": "solothurn* soleure",
    "schaffhausen": "schaffhausen* schaffhouse",
    "thurgau": "thurgau* thurgovie",
    "aargau": "aargau* argovie",
    "vaud": "waadt* vaud vaudois*",
    "glarus": "glarus glaris",
    "zug": "zug zoug",
    "chur": "chur coire",
    "thun": "thun thoune",
    "brig": "brig brigue",
    "visp": "visp viege",
    "sierre": "sierre siders",
    "murten": "murten morat",
    "delemont": "delemont delsberg",
    "gotthard": "gotthard* gothard*",
    "rhine": "rhein rhin rhine",
    "lakegeneva": "genfersee leman lakegeneva",
}
# institutions and their acronyms, which translations spell out or change (BFS, OFS, FSO)
_BODIES = {
    "snb": "snb bns nationalbank schweizerischenationalbank banquenationalesuisse swissnationalbank",
    "fso": "bfs ofs fso federalstatisticaloffice",
    "seco": "seco",
    "sbb": "sbb cff ffs",
    "fdfa": "eda dfae fdfa",
    "criminalcourt": "bundesstrafgericht* tpf tribunalpenalfederal federalcriminalcourt",
    "supremecourt": "bundesgericht* tribunalfederal federalsupremecourt federalcourt",
    "attorneygeneral": "bundesanwaltschaft* mpc oag",
    "nationalcouncil": "nationalrat* conseilnational nationalcouncil",
    "councilofstates": "standerat* conseildesetats councilofstates",
    "securitycouncil": "sicherheitsrat* conseildesecurite securitycouncil",
    "eucommission": "eukommission commissioneuropeenne europeancommission",
    "whitehouse": "weisseshaus weissenhaus maisonblanche whitehouse",
    "imf": "iwf fmi imf",
    "wto": "wto omc",
    "oecd": "oecd ocde",
    "icrc": "ikrk cicr icrc",
    "unhcr": "unhcr hcr",
    "iaea": "iaea aiea",
    "ioc": "ioc cio",
}
_PEOPLE = {
    "zelensky": "selenskyj zelensky zelenskyy zelenskiy zelenski selensky",
    "putin": "putin poutine",
    "xi": "xi",
    "kim": "kim",
    "macron": "macron",
    "scholz": "scholz",
    "trump": "trump",
    "biden": "biden",
    "netanyahu": "netanjahu netanyahou netanyahu",
    "erdogan": "erdogan",
    "federalcouncil": "bundesrat conseilfederal federalcouncil",
    "parliament": "parlament parlement parliament",
}
_CALENDAR = {  # German joins a weekday with the time of day: Dienstagmorgen, Montagabend
    "mon": "montag* lundi monday",
    "tue": "dienstag* mardi tuesday",
    "wed": "mittwoch* mercredi wednesday",
    "thu": "donnerstag* jeudi thursday",
    "fri": "freitag* vendredi friday",
    "sat": "samstag* sonnabend* samedi saturday",
    "sun": "sonntag* dimanche sunday",
    "jan": "januar janvier january",
    "feb": "februar fevrier february",
    "mar": "marz mars march",
    "apr": "april avril",
    "may": "mai may",
    "jun": "juni juin june",
    "jul": "juli juillet july",
    "aug": "august aout",
    "sep": "september septembre sept",
    "oct": "oktober octobre october oct okt",
    "nov": "november novembre nov",
    "dec": "dezember decembre december dez dec",
}
# what happened, in each language: two agencies' stories of one event share it, a story that only
# shares a name and a figure with it (the same minister's other business that day) does not
_KINDS = {
    "quake": "erdbeben* beben seisme* earthquake* quake* tremblement* secousse* aftershock*",
    "slide": "felssturz* bergsturz* erdrutsch* murgang* eboulement* glissement* rockslide* landslide* mudslide*",
    "drone": "drohne* drone* drohnenangriff*",
    "attack": "angriff* anschlag* attaque* attentat* attack*",
    "crash": "unfall* kollision* zusammenstoss* zusammengestossen accident* collision* collided crash*",
    "fire": "brand* feuer incendie* blaze wildfire*",
    "flood": "hochwasser uberschwemm* inondation* crue* flood*",
    "strike": "streik* greve* strike*",
    "vote": "abstimmung* votation* referendum*",
    "election": "wahl wahlen election* elu* gewahlt elected",
    "verdict": "urteil* verurteil* verdict* condamn* sentenced convicted",
    "rates": "leitzins* zinssenk* zinserh* einlagensatz taux* interest* deposit*",
    "talks": "verhandlung* gesprache* negociation* pourparlers talks negotiation*",
}
# small numbers are often written out, more in some languages than others ('Quatorze personnes')
_NUMBERS = {
    "2": "zwei deux two",
    "3": "drei trois three",
    "4": "vier quatre four",
    "5": "funf cinq five",
    "6": "sechs six",
    "7": "sieben sept seven",
    "8": "acht huit eight",
    "9": "neun neuf nine",
    "10": "zehn dix ten",
    "11": "elf onze eleven",
    "12": "zwolf douze twelve",
    "13": "dreizehn treize thirteen",
    "14": "vierzehn quatorze fourteen",
    "15": "funfzehn quinze fifteen",
    "20": "zwanzig vingt twenty",
    "40": "vierzig quarante forty quarantaine",
}
# "10 millions", "10 Millionen", "10 million": the figure and its scale are one anchor
_SCALES = {"million": "e6", "millions": "e6", "millionen": "e6", "mio": "e6", "mia": "e9", "mrd": "e9"}
_SCALES |= {"milliard": "e9", "milliards": "e9", "milliarde": "e9", "milliarden": "e9", "billion": "e9"}

# capitalised words that start sentences in several of the languages, and agency signatures
# (a translation keeps them, but so does every other item of the agency): never names
_STARTERS = frozenset(
    "a an and as at au aux but by ce cette ces dans de der des die das du elle en er es et for from il ils "
    "im in it la le les leur mais nach on par pour selon sie the this un une und von when with "
    "afp ap apa ats dpa keystone reuters sda awp ansa efe".split()
)

# the kinds of anchor and how much one shared anchor of each kind counts
FIGURE, SMALL, DAY, PLACE, NAME, KIND = "#", "%", "@", "=", "$", "!"
WEEKDAYS = frozenset(DAY + d for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun"))
WEIGHTS = {FIGURE: 3.0, SMALL: 1.0, DAY: 1.0, PLACE: 1.0, NAME: 2.0, KIND: 1.0}

_COMBINING_RE = re.compile(r"[\u0300-\u036f]")
_THOUSANDS_RE = re.compile(r"(\d)[ \u00a0\u202f'’.,](?=\d{3}(?!\d))")
_DECIMAL_RE = re.compile(r"(\d)[,.](\d{1,2})(?!\d)")
_CLOCK_RE = re.compile(r"\b(\d{1,2})[h:](\d{2})\b")
_TWELVE_HOUR_RE = re.compile(r"\b(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?m\b\.?", re.IGNORECASE)
_SENTENCE_RE = re.compile(r"(?<=[.!?…»\"“”])\s+|(?<=\.)(?=[«\"„“])")
_TOKEN_RE = re.compile(r"\d+(?:\.\d+)?|[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_DIGITS_RE = re.compile(r"\d+")
_DATELINE_RE = re.compile(r"\s*[^\W\d_][^()\n]{1,40}\([^()\n]{2,30}\)\s*[-–—:]")
_POSSESSIVE_RE = re.compile(r"['’]s$")
_ELISION_RE = re.compile(r"^(?:[ldjmnstc]|qu)['’]", re.IGNORECASE)


@lru_cache(maxsize=500_000)
def fold(word: str) -> str:
    return _COMBINING_RE.sub("", unicodedata.normalize("NFKD", word.casefold())).replace("ß", "ss")


def _table(groups: dict[str, str], kind: str) -> tuple[dict[str, str], list[tuple[str, str]]]:
    exact: dict[str, str] = {}
    prefixes: list[tuple[str, str]] = []
    for key, spellings in groups.items():
        for spelling in spellings.split():
            if spelling.endswith("*"):
                prefixes.append((spelling[:-1], kind + key))
            else:
                exact[spelling] = kind + key
    return exact, sorted(prefixes, key=lambda p: -len(p[0]))


_EXACT: dict[str, str] = {}
_PREFIXES: list[tuple[str, str]] = []
for _groups, _kind in ((_PLACES, PLACE), (_BODIES, NAME), (_PEOPLE, NAME), (_CALENDAR, DAY), (_KINDS, KIND)):
    _e, _p = _table(_groups, _kind)
    _EXACT |= _e
    _PREFIXES += _p
_BY_LENGTH: list[tuple[int, dict[str, str]]] = []
for _size in sorted({len(p) for p, _ in _PREFIXES}, reverse=True):
    _BY_LENGTH.append((_size, {p: a for p, a in _PREFIXES if len(p) == _size}))
# spellings that are common words in lower case: 'un traité' is not the UN, 'who' not the WHO
_CAPITALS_ONLY = frozenset("us un eu ue who oms ap elf neuf".split())
_NUMERALS = frozenset(("elf", "neuf"))
# multi-word spellings ('corée du nord', 'united states') are looked up with their words joined
_LONGEST = 3


def _joined(name: str) -> str:
    return "".join(
        fold(t).replace("'", "").replace("’", "").replace("-", "") for t in _TOKEN_RE.findall(name)
    )


@lru_cache(maxsize=1)
def _gazetteer() -> dict[str, str]:
    """Countries and cities in German, French and English from the CLDR data Babel ships (no
    download): territory names, and the cities of the time zones (the English one is the zone's
    name). Spellings the tables above know keep their anchor; a spelling two places share is left
    out. For capitalised words only: 'island' is not Iceland ('Island' in German)."""
    from babel import Locale
    from babel.core import get_global

    locales = [Locale(code) for code in ("de", "fr", "en")]
    groups = [
        ("cc" + code.lower(), {locale.territories.get(code) for locale in locales})
        for code in locales[2].territories
        if not code.isdigit()  # continents and the world
    ]
    for zone in get_global("zone_territories"):
        if zone.startswith("Etc/"):  # 'GMT', 'UTC'
            continue
        cities = {(locale.time_zones.get(zone) or {}).get("city") for locale in locales}
        groups.append(("tz" + zone.lower(), cities | {zone.rsplit("/", 1)[-1].replace("_", " ")}))
    found: dict[str, str] = {}
    shared: set[str] = set()
    for key, names in groups:
        spellings = {_joined(name) for name in names if name and len(_TOKEN_RE.findall(name)) <= _LONGEST}
        spellings = {x for x in spellings if len(x) >= 3}
        known = {_EXACT.get(x) or _by_prefix(x) or " " for x in spellings}
        known = sorted(x for x in known if x[0] == PLACE)
        anchor = known[0] if len(known) == 1 else PLACE + key
        for spelling in spellings - _EXACT.keys():
            if found.setdefault(spelling, anchor) != anchor:
                shared.add(spelling)
    return {spelling: anchor for spelling, anchor in found.items() if spelling not in shared}


@lru_cache(maxsize=1)
def _starts() -> frozenset[str]:
    """Every start of every spelling of the tables and the gazetteer ('cor', 'coree', ...)."""
    spellings = [*_EXACT, *(prefix for prefix, _ in _PREFIXES), *_gazetteer()]
    return frozenset(spelling[:end] for spelling in spellings for end in range(1, len(spelling) + 1))


@lru_cache(maxsize=200_000)
def alias(folded: str, prefixes: bool = True, capital: bool = False) -> str | None:
    """The anchor of a folded word (or, without prefixes, of a few joined words), if any; with
    `capital`, also the countries and cities of the gazetteer."""
    if folded in _EXACT:
        return _EXACT[folded]
    found = _by_prefix(folded) if prefixes else None
    # a country the tables know by a prefix keeps its anchor ('Ukraine', 'ukrainische'); the
    # gazetteer wins over the other prefixes ('Brandenburg' is not a fire)
    if capital and (found is None or found[0] != PLACE) and (place := _gazetteer().get(folded)):
        return place
    return found


def _by_prefix(folded: str) -> str | None:
    for size, table in _BY_LENGTH:  # the longest prefix first
        if (found := table.get(folded[:size])) is not None:
            return found
    return None


@lru_cache(maxsize=500_000)
def _folded_token(token: str) -> str:
    """A sentence token folded, apostrophes gone: once per spelling (news vocabulary repeats)."""
    return fold(token).replace("'", "").replace("’", "")


def _alias_of(tokens: list[str], folded: list[str], n: int) -> tuple[str | None, int]:
    """The alias at tokens[n], the longest spelling first ('corée du nord'): (anchor, words used)."""
    word = folded[n]
    # a spelling of several words starts with the first of them: most words start none, and
    # then, numerals aside, the word alone decides (once per spelling)
    starts = word in _starts()
    if not starts and word not in _NUMERALS:
        return _alias_alone(tokens[n], word), 1
    capital = tokens[n][0].isupper()
    for size in range(_LONGEST, 1, -1) if starts else ():
        if n + size <= len(tokens):
            joined = "".join(folded[n : n + size])
            found = alias(joined, prefixes=False, capital=capital)
            # a prefix must reach into the last word: 'north korean', not 'nord-coréenne KCNA'
            head = len(joined) - len(folded[n + size - 1])
            if found is None and (anchor := alias(joined)) and _prefix_length(joined) > head:
                found = anchor
            if found:
                return found, size
    # 'neuf morts', 'elf Menschen': before a plural or a German noun they are numbers, not 'new'
    numeral = (
        word in _NUMERALS
        and n + 1 < len(tokens)
        and (folded[n + 1][-1:] in ("s", "x") or tokens[n + 1][0].isupper())
    )
    return _alias_alone(tokens[n], word, numeral), 1


@lru_cache(maxsize=200_000)
def _alias_alone(token: str, word: str, numeral: bool = False) -> str | None:
    """The alias of one word (`word` is the folded `token`)."""
    if word not in _CAPITALS_ONLY or token.isupper() or numeral:
        if found := alias(word, capital=token[0].isupper()):
            return found
    if "-" in token:  # 'US-Aussenministerium', 'Nord-Korea-Truppen'
        for part, raw in zip(word.split("-"), token.split("-"), strict=False):
            if (part not in _CAPITALS_ONLY or raw.isupper()) and (
                found := alias(part, capital=raw[:1].isupper())
            ):
                return found
    return None


def _prefix_length(word: str) -> int:
    return next((size for size, table in _BY_LENGTH if word[:size] in table), 0)


def _figure(token: str) -> str:
    """'10.000' -> '#10000', '2.90' -> '%2.9': years and numbers below 10 weigh less ('%')."""
    if "." in token:
        whole, fraction = token.split(".")
        token = f"{int(whole)}.{fraction.rstrip('0')}".rstrip(".")
    else:
        token = str(int(token)) if len(token) < 30 else token
    value = float(token) if len(token) < 30 else 1e30
    year = "." not in token and 1900 <= value <= 2100
    return (SMALL if year or value < 10 else FIGURE) + token


@dataclass(frozen=True)
class Evidence:
    """An article's anchors in order, with where its paragraphs end."""

    language: str | None
    anchors: tuple[str, ...]
    paragraph: tuple[int, ...]  # per anchor: its paragraph
    chars: tuple[int, ...]  # per paragraph: characters up to its end
    words: frozenset[str]  # every folded word: a German capitalised word is a name if the other has it

    @property
    def reliable_names(self) -> bool:
        return self.language != "de"

    def toward(self, other: Evidence) -> Evidence:
        """German joins names into compounds (Grimselpassstrasse): a capitalised word that starts
        with a name the other article gives counts as that name."""
        if self.language != "de":
            return self
        names = sorted({a[1:] for a in other.anchors if a[0] == NAME and len(a) > 5}, key=len, reverse=True)
        renamed = []
        for a in self.anchors:
            if a[0] == NAME and a[1:] not in other.words:
                a = next((NAME + n for n in names if a[1:].startswith(n)), a)
            renamed.append(a)
        return replace(self, anchors=tuple(renamed))

    def countable(self, other: Evidence) -> list[bool]:
        """Which anchors can be found in a translation: for German, names only if the other has them."""
        if self.reliable_names:
            return [True] * len(self.anchors)
        return [a[0] != NAME or a[1:] in other.words or a in PEOPLE for a in self.anchors]


PEOPLE = frozenset(NAME + key for key in (*_PEOPLE, *_BODIES))  # the people and bodies of the alias table


_EXACT |= {spelling: _figure(digits) for digits, words in _NUMBERS.items() for spelling in words.split()}


def _24_hour(clock: re.Match) -> str:
    hour = int(clock[1]) % 12 + (12 if clock[3].lower() == "p" else 0)
    return f"{hour}.{clock[2] or '00'}"


def _normalise(line: str, language: str | None) -> str:
    if language in (
        "en",
        None,
    ):  # '2:30 p.m.' is the '14.30' or '14h30' of the others ('12 am Montag' is not)
        line = _TWELVE_HOUR_RE.sub(_24_hour, line)
    line = _THOUSANDS_RE.sub(r"\1", line)
    line = _CLOCK_RE.sub(r"\1.\2", line)
    return _DECIMAL_RE.sub(r"\1.\2", line)


def _sentences(body: str, language: str | None) -> list[tuple[int, list[str], list[str]]]:
    """(paragraph, raw tokens, folded tokens) per sentence; elisions dropped ('l'armée' -> 'armée')."""
    out = []
    for paragraph, line in enumerate(line for line in body.splitlines() if line.strip()):
        for sentence in _SENTENCE_RE.split(_normalise(line, language)):
            tokens = [
                _POSSESSIVE_RE.sub("", _ELISION_RE.sub("", t)) if "'" in t or "’" in t else t
                for t in _TOKEN_RE.findall(sentence)
            ]
            tokens = [t for t in tokens if t]
            folded = list(map(_folded_token, tokens))
            out.append((paragraph, tokens, folded))
    return out


def evidence(body: str, language: str | None = None) -> Evidence:
    sentences = _sentences(body, language)
    # a capitalised word that starts a sentence is a name only if it is capitalised inside one too
    inside = {
        f
        for _, tokens, folded in sentences
        for t, f in zip(tokens[1:], folded[1:], strict=True)
        if t[0].isupper()
    }
    anchors: list[str] = []
    where: list[int] = []
    words = {f.replace("-", "") for _, _, folded in sentences for f in folded}
    # 'Malatya (AFP) -': the dateline's first word is a place, though it starts the text
    dateline = bool(_DATELINE_RE.match(body))
    starts = _starts()
    for number, (paragraph, tokens, folded) in enumerate(sentences):
        joined = [f.replace("-", "") for f in folded]
        n = 0
        while n < len(tokens):
            token = tokens[n]
            if token[0].isdigit():
                anchor = _figure(token)
                if n + 1 < len(tokens) and folded[n + 1] in _SCALES:
                    anchor += _SCALES[folded[n + 1]]
                    n += 1
                anchors.append(anchor)
                where.append(paragraph)
                n += 1
                continue
            word = joined[n]
            if word in starts or word in _NUMERALS:
                found, used = _alias_of(tokens, joined, n)
            else:  # as _alias_of would find it, without the call for every word
                found, used = _alias_alone(token, word), 1
            if (
                found is None
                and token[0].isupper()
                and (len(token) >= 3 or len(token) == 2 == sum(map(str.isupper, token)))
            ):
                plain = joined[n]
                if plain not in _STARTERS and (
                    n > 0 or plain in inside or token.isupper() or (dateline and number == 0)
                ):
                    found = NAME + plain
            if found:
                anchors.append(found)
                where.append(paragraph)
            n += used
    chars, total = [], 0
    for line in body.splitlines():
        if line.strip():
            total += len(line)
            chars.append(total)
    return Evidence(language, tuple(anchors), tuple(where), tuple(chars), frozenset(words))


def weight(anchor: str) -> float:
    return WEIGHTS[anchor[0]]


def _lcs(a: list[str], b: list[str]) -> tuple[float, int, int]:
    """Weighted longest common subsequence: (weight, last index used in a, last index used in b)."""
    if not a or not b:
        return 0.0, -1, -1
    rows = [[0.0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i, x in enumerate(a, 1):
        row, above = rows[i], rows[i - 1]
        w = weight(x)
        for j, y in enumerate(b, 1):
            if x == y:
                row[j] = above[j - 1] + w
            else:
                row[j] = row[j - 1] if row[j - 1] > above[j] else above[j]
    # where the alignment ends in each sequence: the first row and column reaching the total
    best = rows[len(a)][len(b)]
    end_a = next(i for i in range(len(a) + 1) if rows[i][len(b)] == best) - 1
    end_b = next(j for j in range(len(b) + 1) if rows[len(a)][j] == best) - 1
    return best, end_a, end_b


@dataclass(frozen=True, slots=True)
class Alignment:
    matched: float  # weight of the anchors both give in the same order
    short: float  # share of the shorter article's anchors matched
    prefix: float  # share of the longer article's anchors matched, up to its last matched one
    length: float  # characters of the shorter over the longer's matched paragraphs
    figures: int  # distinct figures and names both give


def align(a: Evidence, b: Evidence, cap: int = 300) -> Alignment:
    """How well the anchors of two articles line up (both capped at `cap` anchors)."""
    a, b = a.toward(b), b.toward(a)
    # the kind of news is evidence of an event, not of a translation: the same agency's next item
    # on the same quake has it too
    keep_a = [k and x[0] != KIND for x, k in zip(a.anchors, a.countable(b), strict=True)]
    keep_b = [k and x[0] != KIND for x, k in zip(b.anchors, b.countable(a), strict=True)]
    seq_a = [x for x, k in zip(a.anchors[:cap], keep_a, strict=False) if k]
    seq_b = [x for x, k in zip(b.anchors[:cap], keep_b, strict=False) if k]
    para_a = [p for p, k in zip(a.paragraph[:cap], keep_a, strict=False) if k]
    para_b = [p for p, k in zip(b.paragraph[:cap], keep_b, strict=False) if k]
    shared = set(seq_a) & set(seq_b)
    total_a = sum(map(weight, seq_a))
    total_b = sum(map(weight, seq_b))
    if not shared or not total_a or not total_b:
        return Alignment(0.0, 0.0, 0.0, 0.0, 0)
    matched, end_a, end_b = _lcs([x for x in seq_a if x in shared], [x for x in seq_b if x in shared])
    # map the ends back to positions in the full sequences
    end_a = [i for i, x in enumerate(seq_a) if x in shared][end_a]
    end_b = [i for i, x in enumerate(seq_b) if x in shared][end_b]
    if total_a <= total_b:
        short, long_seq, long_end, long_para, long_chars = a, seq_b, end_b, para_b, b.chars
    else:
        short, long_seq, long_end, long_para, long_chars = b, seq_a, end_a, para_a, a.chars
    prefix = sum(map(weight, long_seq[: long_end + 1]))
    length = short.chars[-1] / long_chars[long_para[long_end]] if short.chars else 0.0
    specific = sum(1 for x in shared if x[0] in (FIGURE, NAME))
    return Alignment(matched, matched / min(total_a, total_b), matched / prefix, length, specific)


def headline_keywords(title: str | None, language: str | None = None) -> list[str]:
    """A headline's words that start with a digit or a capital, as shingles.parse gives a body's."""
    return [
        t for t in _TOKEN_RE.findall(_normalise(title or "", language)) if t[0].isdigit() or t[0].isupper()
    ]


def index_keys(keywords: Iterable[str]) -> set[str]:
    """The specific anchors an article is found by: figures, names and places (not dates), from
    its words that start with a digit or a capital (shingles.parse collects them)."""
    return {key for token in keywords if (key := _index_key(token))}


@lru_cache(maxsize=200_000)
def _index_key(token: str) -> str | None:
    if token[0].isdigit():
        anchor = _figure(_DIGITS_RE.match(token).group())  # '17h25', '1er': the leading figure
    elif len(token) >= 3 or token.isupper():
        word = fold(token)
        if word in _STARTERS:
            return None
        anchor = alias(word, capital=True) or NAME + word
    else:
        return None
    return anchor if anchor[0] in (FIGURE, NAME, PLACE) else None


def shared_weight(a: Iterable[str], b: Iterable[str]) -> float:
    return sum(map(weight, set(a) & set(b)))
