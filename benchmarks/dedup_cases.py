"""The labelled set of benchmarks.dedup_eval: wire copies of real stories, and the traps.

From each original story this builds the copies outlets make (one per case below), each at its
own fictional outlet and time, labelled with the story it tells. Template stories, briefs and
sequels supply the pairs that must stay apart. All connective words, outlet boilerplate and
template texts here are written for this benchmark; the originals come from the caller.

Cases of copies (same story as their original):
  headline    the body unchanged under the outlet's own headline
  lead        the first sentence rewritten
  drop        one to three paragraphs after the lead dropped
  reorder     the paragraphs after the lead shuffled
  boilerplate the outlet's boxes added above and below
  signature   the agency signature respelled or replaced by a dateline
  cut         cut to the first 40-60 % of its words
  combined    new headline, rewritten lead, a paragraph dropped, boilerplate, new signature
  update      the agency's update: a new lead, a corrected number, an added paragraph
  rewrite     a second agency's version: sentences reordered, 70 % of them reworded
  compiled    the outlet's piece: the first half of one agency's copy, the rest of the other's
  brief       its first 25 words or so, drowned in the outlet's boilerplate
Cases of separate stories that look alike:
  template    market closes, weather warnings, match results, earthquake and police reports,
              lottery draws: every instance its own story (some carried by two outlets)
  sequel      a new story that reuses the original's closing background paragraph or two
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

COPY_CASES = (
    "headline",
    "lead",
    "drop",
    "reorder",
    "boilerplate",
    "signature",
    "cut",
    "combined",
    "update",
    "rewrite",
    "compiled",
    "brief",
)
START = datetime(2025, 3, 3, 6, 0, tzinfo=UTC)
# a second agency's version: this share of the sentences reworded, this share of their words exchanged
REWRITE_SHARE = 0.7
REWRITE_STRENGTH = 0.25
_SENTENCE_RE = re.compile(r"(?<=[.!?»“\"])\s+(?=[A-ZÄÖÜÀ-Ý«„\"])")


@dataclass(frozen=True)
class Original:
    key: str
    language: str
    title: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Item:
    id: str
    story: str
    case: str  # "original", one of COPY_CASES, "template" or "sequel"
    outlet: str
    language: str
    title: str
    body: str
    time: datetime
    agency: str | None


@dataclass(frozen=True)
class Outlet:
    name: str
    language: str
    top: tuple[str, ...]
    bottom: tuple[str, ...]


OUTLETS: dict[str, tuple[Outlet, ...]] = {
    "de": (
        Outlet(
            "Nordstädter Anzeiger",
            "de",
            ("Von unserer Nachrichtenredaktion",),
            (
                "Sie möchten keine Meldung verpassen? Abonnieren Sie unseren kostenlosen Frühnewsletter und "
                "erhalten Sie jeden Morgen die wichtigsten Nachrichten aus der Region und aus aller Welt.",
                "© Nordstädter Anzeiger. Alle Rechte vorbehalten. Eine Weiterverbreitung ist nur mit "
                "schriftlicher Genehmigung der Redaktion gestattet.",
            ),
        ),
        Outlet(
            "Tagblatt am Fluss",
            "de",
            (),
            (
                "Haben Sie einen Fehler entdeckt oder einen Hinweis für unsere Redaktion? Schreiben Sie uns "
                "über das Kontaktformular, wir melden uns so rasch wie möglich bei Ihnen.",
                "Mehr Nachrichten, Hintergründe und Kommentare lesen Sie in unserer App, die Sie kostenlos für "
                "alle gängigen Smartphones herunterladen können.",
            ),
        ),
        Outlet(
            "Bergland Post",
            "de",
            ("Aktuell aus dem Newsroom",),
            (
                "Dieser Artikel wurde aus Agenturmaterial erstellt und von unserer Onlineredaktion bearbeitet. "
                "Bei Fragen zur Berichterstattung wenden Sie sich an unseren Leserdienst.",
            ),
        ),
        Outlet(
            "Seetal Zeitung", "de", (), ("Folgen Sie uns auch auf unseren Kanälen in den sozialen Medien.",)
        ),
        Outlet("Abendkurier", "de", (), ()),
        Outlet(
            "Stadtbote Online",
            "de",
            ("Eilmeldung",),
            ("Wir aktualisieren diesen Beitrag laufend, sobald neue Informationen vorliegen.",),
        ),
        Outlet("Rheintaler Rundschau", "de", (), ()),
        Outlet(
            "Kurier im Netz", "de", (), ("Alle Meldungen des Tages finden Sie in unserem Nachrichtenticker.",)
        ),
    ),
    "fr": (
        Outlet(
            "Le Messager du Lac",
            "fr",
            ("De notre rédaction",),
            (
                "Vous ne voulez rien manquer de l'actualité? Inscrivez-vous à notre lettre d'information "
                "gratuite et recevez chaque matin l'essentiel des nouvelles de la région et du monde.",
                "© Le Messager du Lac. Tous droits réservés. Toute reproduction est interdite sans "
                "l'autorisation écrite de la rédaction.",
            ),
        ),
        Outlet(
            "La Tribune des Vallées",
            "fr",
            (),
            (
                "Vous avez repéré une erreur ou vous souhaitez nous transmettre une information? Contactez "
                "notre rédaction par le formulaire en ligne, nous vous répondrons dans les meilleurs délais.",
            ),
        ),
        Outlet(
            "L'Écho du Soir", "fr", (), ("Retrouvez toute l'actualité en continu sur notre application.",)
        ),
        Outlet("Le Journal du Plateau", "fr", (), ()),
        Outlet(
            "Info Région",
            "fr",
            ("Dernière minute",),
            ("Cet article sera mis à jour dès que de nouvelles informations seront disponibles.",),
        ),
        Outlet("Le Petit Rhodanien", "fr", (), ()),
        Outlet("Nouvelles du Jura", "fr", (), ("Suivez-nous aussi sur les réseaux sociaux.",)),
        Outlet("La Voix du Léman", "fr", (), ()),
    ),
    "en": (
        Outlet(
            "The Harbour Gazette",
            "en",
            ("From our newsroom",),
            (
                "Never miss a story: sign up for our free morning newsletter and get the most important news "
                "from the region and around the world in your inbox every day.",
                "© The Harbour Gazette. All rights reserved. No part of this article may be reproduced without "
                "the written permission of the editors.",
            ),
        ),
        Outlet(
            "Valley Courier",
            "en",
            (),
            (
                "Spotted a mistake or have a tip for our reporters? Use our contact form and we will get back to you.",
            ),
        ),
        Outlet("The Evening Record", "en", (), ("Read more news, analysis and comment in our free app.",)),
        Outlet("Northfield Times", "en", (), ()),
        Outlet(
            "City Wire Online",
            "en",
            ("Breaking",),
            ("This story will be updated as more information comes in.",),
        ),
        Outlet("The County Echo", "en", (), ()),
        Outlet("Riverside Post", "en", (), ()),
        Outlet("Midland Daily", "en", (), ()),
    ),
}

# the outlets that run briefs: heavy boilerplate around a sentence or two of agency copy
BRIEF_OUTLETS: dict[str, tuple[Outlet, ...]] = {
    "de": (
        Outlet(
            "Ticker Nord",
            "de",
            ("Kurz gemeldet – der Nachrichtenüberblick am Mittag",),
            (
                "Das war eine Kurzmeldung aus unserem Ticker. Die ausführliche Berichterstattung zu diesem und "
                "zu allen weiteren Themen des Tages finden Sie laufend aktualisiert auf unserer Startseite.",
                "Sie möchten Eilmeldungen direkt auf Ihr Telefon erhalten? Aktivieren Sie die Mitteilungen in "
                "unserer App unter Einstellungen und wählen Sie die Themen, die Sie interessieren.",
                "© Ticker Nord, Nachdruck und Weiterverbreitung nur mit Genehmigung.",
            ),
        ),
        Outlet(
            "Kompakt24",
            "de",
            ("Das Wichtigste in Kürze",),
            (
                "Kompakt24 fasst für Sie die Meldungen der Nachrichtenagenturen zusammen. Für Inhalte externer "
                "Seiten, auf die wir verlinken, übernehmen wir keine Haftung.",
                "Mehr Kurzmeldungen aus Politik, Wirtschaft, Sport und Kultur finden Sie in unserem Archiv, "
                "sortiert nach Datum und Rubrik.",
            ),
        ),
    ),
    "fr": (
        Outlet(
            "Flash Info Romandie",
            "fr",
            ("En bref – le fil de l'actualité",),
            (
                "Ceci est une brève de notre fil d'actualité. Retrouvez la couverture complète de ce sujet et "
                "de tous les autres thèmes du jour, mise à jour en continu, sur notre page d'accueil.",
                "Vous souhaitez recevoir nos alertes sur votre téléphone? Activez les notifications dans "
                "notre application et choisissez les thèmes qui vous intéressent.",
            ),
        ),
        Outlet(
            "L'Essentiel en Bref",
            "fr",
            ("L'essentiel",),
            (
                "L'Essentiel en Bref résume pour vous les dépêches des agences de presse. Nous déclinons toute "
                "responsabilité pour le contenu des sites externes vers lesquels nous renvoyons.",
            ),
        ),
    ),
    "en": (
        Outlet(
            "Newsline Briefs",
            "en",
            ("In brief: the midday news round-up",),
            (
                "This was a short item from our live ticker. Full coverage of this and every other story of the "
                "day is on our front page, updated around the clock.",
                "Want breaking news alerts on your phone? Turn on notifications in our app settings and choose "
                "the topics you care about.",
            ),
        ),
        Outlet(
            "Quick Read",
            "en",
            ("The essentials",),
            (
                "Quick Read sums up the news agency wires for you. We are not responsible for external content.",
            ),
        ),
    ),
}

AGENCIES = {
    "ATS": ("(ats)", "/ATS", "SDA-ATS", "(sda)", "Keystone-SDA", "(ats/afp)"),
    "dpa": ("(dpa)", "dpa/lno", "dpa", "(dpa/AFP)"),
    "AFP": ("(AFP)", "— AFP", "afp/sda"),
    "APA": ("(APA)", "APA/dpa"),
}
DATELINE_PLACES = {
    "de": ("Bern", "Berlin", "Wien", "Zürich"),
    "fr": ("Berne", "Genève", "Paris"),
    "en": ("London",),
}

# connectives and lead-ins a rewriting editor adds; written for this benchmark
CONNECTIVES = {
    "de": ("demnach", "zudem", "nach Angaben von Beteiligten", "offenbar", "laut Mitteilung", "inzwischen"),
    "fr": ("selon les informations disponibles", "par ailleurs", "visiblement", "désormais", "de son côté"),
    "en": ("reportedly", "meanwhile", "according to officials", "by now", "for its part"),
}
UPDATE_LEADS = {
    "de": (
        "Neue Entwicklung am Nachmittag: Die zuständigen Stellen haben ihre Angaben ergänzt und weitere "
        "Einzelheiten bekanntgegeben.",
        "Aktualisierte Fassung: Im Laufe des Tages sind zusätzliche Informationen zu den Ereignissen bekannt "
        "geworden.",
    ),
    "fr": (
        "Nouvel élément dans l'après-midi: les autorités compétentes ont complété leurs informations et "
        "donné de nouveaux détails.",
        "Version mise à jour: de nouvelles informations sur les événements ont été communiquées dans la "
        "journée.",
    ),
    "en": (
        "Update in the afternoon: the authorities have added to their statement and released further details.",
        "Updated version: more information about the events emerged during the day.",
    ),
}
UPDATE_TAILS = {
    "de": (
        "Eine Sprecherin kündigte an, man werde die Öffentlichkeit am folgenden Tag in einer Medienkonferenz "
        "ausführlich über den weiteren Verlauf und die nächsten Schritte informieren.",
    ),
    "fr": (
        "Une porte-parole a annoncé que le public serait informé en détail le lendemain, lors d'une "
        "conférence de presse, de la suite des événements et des prochaines étapes.",
    ),
    "en": (
        "A spokeswoman said the public would be briefed in detail at a news conference the following day on "
        "how matters develop and what the next steps will be.",
    ),
}


def sentences(paragraph: str) -> list[str]:
    return [s for s in _SENTENCE_RE.split(paragraph.strip()) if s]


def paraphrase(
    sentence: str, rng: random.Random, language: str, vocabulary: list[str], strength: float
) -> str:
    """An editor's rewording, simulated: clauses swapped, words exchanged, dropped and added.

    Figures and (outside German, where every noun is capitalised) names stay: a rewrite keeps the
    facts. `strength` is the share of the other words exchanged.
    """
    clauses = [c for c in sentence.rstrip(".").split(", ") if c]
    if len(clauses) > 1 and rng.random() < 0.6:
        cut = rng.randrange(1, len(clauses))
        clauses = clauses[cut:] + clauses[:cut]
    words = []
    for word in " ".join(clauses).split():
        roll = rng.random()
        if any(ch.isdigit() for ch in word) or (word[:1].isupper() and language != "de"):
            words.append(word)  # figures and names are the facts: a rewrite keeps them
        elif roll < strength and len(word) > 3 and vocabulary:
            words.append(rng.choice(vocabulary))
        elif roll < strength + 0.08 and len(word) <= 3:
            continue
        else:
            words.append(word)
        if rng.random() < 0.04:
            words.append(rng.choice(CONNECTIVES[language]))
    text = " ".join(words)
    return (text[:1].upper() + text[1:]).rstrip(",;:") + "."


def _vocabulary(paragraphs: tuple[str, ...] | list[str]) -> list[str]:
    return sorted({w.strip('.,;:!?«»"„“()') for p in paragraphs for w in p.split() if len(w) > 3} - {""})


def _signed(paragraphs: list[str], signature: str) -> list[str]:
    return [*paragraphs[:-1], f"{paragraphs[-1]} {signature}"]


def _regroup(items: list[str], rng: random.Random) -> list[str]:
    grouped, at = [], 0
    while at < len(items):
        size = rng.randint(2, 3)
        grouped.append(" ".join(items[at : at + size]))
        at += size
    return grouped


class CaseBuilder:
    """Builds every case for one story; `rng` makes the whole set reproducible from one seed."""

    def __init__(self, original: Original, agency: str, rng: random.Random, time: datetime) -> None:
        self.original = original
        self.agency = agency
        self.rng = rng
        self.time = time
        self.language = original.language
        self.vocabulary = _vocabulary(original.paragraphs)
        self.signature = rng.choice(AGENCIES[agency])
        self.wire = _signed(list(original.paragraphs), self.signature)
        self.other = rng.choice(sorted(set(AGENCIES) - {agency}))
        self.rewritten = self._rewrite()
        self._outlets = list(OUTLETS[self.language])
        rng.shuffle(self._outlets)

    def _rewrite(self) -> list[str]:
        flat = [s for p in self.original.paragraphs for s in sentences(p)]
        head, rest = flat[:1], flat[1:]
        for start in range(0, len(rest), 4):  # reorder within runs of four sentences
            chunk = rest[start : start + 4]
            self.rng.shuffle(chunk)
            rest[start : start + 4] = chunk
        worded = [
            paraphrase(s, self.rng, self.language, self.vocabulary, REWRITE_STRENGTH)
            if self.rng.random() < REWRITE_SHARE
            else s
            for s in head + rest
        ]
        return _signed(_regroup(worded, self.rng), self.rng.choice(AGENCIES[self.other]))

    def _item(
        self, case: str, outlet: Outlet, paragraphs: list[str], title: str, delay_minutes: float
    ) -> Item:
        return Item(
            id=f"{self.original.key}/{case}",
            story=self.original.key,
            case=case,
            outlet=outlet.name,
            language=self.language,
            title=title,
            body="\n".join(p for p in paragraphs if p.strip()),
            time=self.time + timedelta(minutes=delay_minutes),
            agency=self.agency,
        )

    def _headline(self) -> str:
        words = self.original.title.split()
        self.rng.shuffle(words)
        return " ".join(words[: max(3, len(words) - 2)])

    def _new_lead(self, paragraphs: list[str]) -> list[str]:
        first = sentences(paragraphs[0])
        first[0] = paraphrase(first[0], self.rng, self.language, self.vocabulary, 0.45)
        return [" ".join(first), *paragraphs[1:]]

    def _dropped(self, paragraphs: list[str], most: int) -> list[str]:
        if len(paragraphs) < 4:
            return paragraphs
        count = self.rng.randint(1, min(most, len(paragraphs) - 3))
        gone = set(self.rng.sample(range(1, len(paragraphs) - 1), count))
        return [p for i, p in enumerate(paragraphs) if i not in gone]

    def _boxed(self, outlet: Outlet, paragraphs: list[str]) -> list[str]:
        return [*outlet.top, *paragraphs, *outlet.bottom]

    def _respelled(self, paragraphs: list[str]) -> list[str]:
        body = paragraphs[-1]
        stem = body[: len(body) - len(self.signature)].rstrip()
        if self.rng.random() < 0.5:
            new = self.rng.choice(
                [s for s in AGENCIES[self.agency] if s != self.signature] or [self.signature]
            )
            return [*paragraphs[:-1], f"{stem} {new}"]
        place = self.rng.choice(DATELINE_PLACES[self.language])
        return [f"{place} ({self.agency.lower()}) - {paragraphs[0]}", *paragraphs[1:-1], stem]

    def _cut(self, paragraphs: list[str]) -> list[str]:
        total = sum(len(p.split()) for p in paragraphs)
        target = total * self.rng.uniform(0.4, 0.6)
        kept, count = [], 0
        for paragraph in paragraphs:
            parts = []
            for sentence in sentences(paragraph):
                if count >= target:
                    break
                parts.append(sentence)
                count += len(sentence.split())
            if parts:
                kept.append(" ".join(parts))
            if count >= target:
                break
        return kept

    def _updated(self) -> list[str]:
        paragraphs = list(self.wire)
        lead = self.rng.choice(UPDATE_LEADS[self.language])
        changed = False
        for i, paragraph in enumerate(paragraphs):
            numbers = re.findall(r"\b\d{2,3}\b", paragraph)
            if numbers and i > 0:
                old = numbers[0]
                paragraphs[i] = paragraph.replace(old, str(int(old) + self.rng.randint(1, 9)), 1)
                changed = True
                break
        if len(paragraphs) > 4 or (not changed and len(paragraphs) > 3):
            paragraphs.pop(self.rng.randrange(1, len(paragraphs) - 1))  # replaced by the new tail
        tail = self.rng.choice(UPDATE_TAILS[self.language])
        return [lead, *paragraphs[:-1], tail, paragraphs[-1]]

    def _compiled(self) -> list[str]:
        half = max(1, len(self.wire) // 2)
        mine = self.wire[:half]
        theirs = self.rewritten[len(self.rewritten) // 2 :]
        return [*mine, *theirs[:-1], f"{theirs[-1]} ({self.agency.lower()}/{self.other.lower()})"]

    def _brief(self, outlet: Outlet) -> list[str]:
        take: list[str] = []
        prose = (p for p in self.original.paragraphs if len(p.split()) >= 12)  # not headings or credits
        for sentence in (s for p in prose for s in sentences(p)):
            take.append(sentence)
            if len(" ".join(take).split()) >= 25:
                break
        return self._boxed(outlet, [" ".join(take) + f" {self.signature}"])

    def copies(self, brief_outlet: Outlet | None) -> list[Item]:
        rng = self.rng
        outlets = iter(self._outlets * 2)
        title = self.original.title
        items = [
            self._item("original", Outlet(f"{self.agency} wire", self.language, (), ()), self.wire, title, 0)
        ]
        wire = self.wire

        def later() -> float:
            return rng.choice((rng.uniform(5, 240), rng.uniform(240, 4 * 24 * 60)))

        plan = {
            "headline": lambda o: (wire, self._headline()),
            "lead": lambda o: (self._new_lead(wire), title),
            "drop": lambda o: (self._dropped(wire, 3), title),
            "reorder": lambda o: ([wire[0], *rng.sample(wire[1:], len(wire) - 1)], title),
            "boilerplate": lambda o: (self._boxed(o, wire), title),
            "signature": lambda o: (self._respelled(wire), title),
            "cut": lambda o: (self._cut(wire), title),
            "combined": lambda o: (
                self._boxed(o, self._respelled(self._dropped(self._new_lead(wire), 1))),
                self._headline(),
            ),
            "update": lambda o: (self._updated(), title),
            "rewrite": lambda o: (self.rewritten, self._headline()),
            "compiled": lambda o: (self._boxed(o, self._compiled()), self._headline()),
        }
        for case, make in plan.items():
            outlet = next(outlets)
            paragraphs, headline = make(outlet)
            items.append(self._item(case, outlet, paragraphs, headline, later()))
        if brief_outlet is not None:
            items.append(
                self._item("brief", brief_outlet, self._brief(brief_outlet), self._headline(), later())
            )
        return items

    def sequel(self, material: Original) -> Item:
        """A later, different story on the same subject that reuses this one's closing paragraphs."""
        outlet = self.rng.choice(OUTLETS[self.language])
        background = self.rng.randint(1, 2) if len(self.original.paragraphs) > 4 else 1
        body = [*material.paragraphs[:4], *self.original.paragraphs[-background:]]
        return Item(
            id=f"{self.original.key}/sequel",
            story=f"{self.original.key}-sequel",
            case="sequel",
            outlet=outlet.name,
            language=self.language,
            title=material.title,
            body="\n".join(_signed(body, self.signature)),
            time=self.time + timedelta(hours=self.rng.uniform(6, 72)),
            agency=self.agency,
        )


def story_items(originals: list[Original], materials: list[Original], seed: int) -> list[Item]:
    """Every original with its copies; one in three gets a brief, sequels use the `materials`."""
    rng = random.Random(seed)
    items: list[Item] = []
    spare = {lang: [m for m in materials if m.language == lang] for lang in OUTLETS}
    for n, original in enumerate(originals):
        time = START + timedelta(hours=rng.uniform(0, 240))
        builder = CaseBuilder(original, rng.choice(sorted(AGENCIES)), rng, time)
        brief = BRIEF_OUTLETS[original.language][n % 2] if n % 3 == 0 else None
        items += builder.copies(brief)
        if spare[original.language]:
            items.append(builder.sequel(spare[original.language].pop()))
    return items


# --- template stories: the wording is fixed, the facts change every time

TEMPLATES: dict[str, dict[str, tuple[str, ...]]] = {
    "de": {
        "market": (
            "Der Schweizer Aktienmarkt hat am {weekday} {direction} geschlossen. Der Leitindex SMI beendete den "
            "Handel {pct} Prozent {updown} bei {level} Punkten, der breite SPI notierte {pct2} Prozent {updown}.",
            "Zu den Gewinnern gehörten die Titel von {company}, die {pct3} Prozent zulegten. Am Ende der Liste "
            "standen {company2} mit einem Minus von {pct4} Prozent.",
            "Der Franken zeigte sich gegenüber dem Euro wenig verändert bei {fx}. Händler sprachen von einem "
            "ruhigen Handelstag ohne grosse Impulse aus den USA.",
        ),
        "weather": (
            "Der Wetterdienst hat für {region} eine Unwetterwarnung der Stufe {level_small} herausgegeben. Sie "
            "gilt von {weekday} {hour} Uhr bis {weekday2} {hour2} Uhr.",
            "Erwartet werden Sturmböen von {wind} bis {wind2} Kilometern pro Stunde, in exponierten Lagen auch "
            "mehr. Innerhalb von 24 Stunden können bis zu {rain} Millimeter Regen fallen.",
            "Die Behörden raten, Gegenstände im Freien zu sichern und Waldgebiete zu meiden. Autofahrer sollen "
            "mit umgestürzten Bäumen auf den Strassen rechnen.",
        ),
        "football": (
            "Der FC {team} hat am {weekday} zu Hause gegen den FC {team2} mit {score} gewonnen. Vor {crowd} "
            "Zuschauern traf {player} in der {minute}. Minute zur Führung.",
            "Der FC {team2} kam nach der Pause besser ins Spiel, doch {player2} erhöhte in der {minute2}. Minute. "
            "Mit dem Sieg liegt der FC {team} neu auf Rang {rank} der Tabelle.",
            "Das nächste Spiel bestreitet der FC {team} am kommenden Wochenende auswärts.",
        ),
        "quake": (
            "Ein Erdbeben der Stärke {magnitude} hat am {weekday} um {hour}.{clock} Uhr die Region {region} "
            "erschüttert. Das Epizentrum lag nach Angaben des Erdbebendienstes in {depth} Kilometern Tiefe.",
            "Das Beben war in einem Umkreis von rund {radius} Kilometern deutlich zu spüren. Beim "
            "Erdbebendienst gingen bis am Abend {reports} Meldungen aus der Bevölkerung ein.",
            "Schäden sind bei einem Beben dieser Stärke nicht zu erwarten. Die Polizei meldete keine Verletzten.",
        ),
        "police": (
            "Bei einem Verkehrsunfall in {town} ist am {weekday} ein {age}-jähriger Mann schwer verletzt worden. "
            "Er geriet kurz nach {hour} Uhr mit seinem Auto auf die Gegenfahrbahn.",
            "Dort kollidierte er mit dem Wagen einer {age2}-jährigen Frau, die leicht verletzt wurde. Die "
            "Strasse blieb während {duration} Stunden gesperrt, der Sachschaden beträgt rund {damage} Franken.",
            "Die Kantonspolizei hat die Ermittlungen zur Unfallursache aufgenommen und sucht Zeugen.",
        ),
        "lottery": (
            "Bei der Ziehung des Schweizer Zahlenlottos vom {weekday} wurden folgende Zahlen gezogen: {n1}, "
            "{n2}, {n3}, {n4}, {n5} und {n6}. Die Glückszahl lautet {lucky}, die Replay-Zahl {replay}.",
            "Mit sechs Richtigen und der Glückszahl hätte man den Jackpot von {jackpot} Millionen Franken "
            "gewonnen. Bei der nächsten Ziehung liegen {jackpot2} Millionen Franken im Topf.",
        ),
    },
    "fr": {
        "market": (
            "La Bourse suisse a terminé la séance de {weekday} en {direction}. L'indice vedette SMI a clôturé "
            "en {updown} de {pct}% à {level} points, tandis que le SPI a pris {pct2}%.",
            "Parmi les gagnants figurent les titres de {company}, qui ont progressé de {pct3}%. En queue de "
            "peloton, {company2} a cédé {pct4}%.",
            "Le franc est resté stable face à l'euro, à {fx}. Les courtiers ont évoqué une séance calme, sans "
            "impulsion marquante venue des Etats-Unis.",
        ),
        "weather": (
            "MétéoSuisse a émis une alerte de degré {level_small} pour la région {region}. Elle est valable du "
            "{weekday} {hour}h00 au {weekday2} {hour2}h00.",
            "Des rafales de {wind} à {wind2} km/h sont attendues, davantage sur les crêtes. Il pourrait tomber "
            "jusqu'à {rain} millimètres de pluie en 24 heures.",
            "Les autorités recommandent d'attacher les objets à l'extérieur et d'éviter les forêts. Les "
            "automobilistes doivent s'attendre à des arbres tombés sur la chaussée.",
        ),
        "football": (
            "Le FC {team} s'est imposé {score} à domicile face au FC {team2} {weekday}. Devant {crowd} "
            "spectateurs, {player} a ouvert la marque à la {minute}e minute.",
            "Le FC {team2} est mieux revenu après la pause, mais {player2} a doublé la mise à la {minute2}e "
            "minute. Grâce à cette victoire, le FC {team} pointe désormais au {rank}e rang.",
            "Le FC {team} jouera son prochain match le week-end prochain à l'extérieur.",
        ),
        "quake": (
            "Un séisme de magnitude {magnitude} a secoué la région {region} {weekday} à {hour}h{clock}. "
            "L'épicentre se situait à {depth} kilomètres de profondeur, selon le Service sismologique.",
            "La secousse a été ressentie dans un rayon d'environ {radius} kilomètres. Le service a reçu "
            "{reports} témoignages de la population jusqu'en soirée.",
            "Un tremblement de terre de cette magnitude ne cause en général pas de dégâts. La police n'a "
            "signalé aucun blessé.",
        ),
        "police": (
            "Un homme de {age} ans a été grièvement blessé {weekday} dans un accident de la route à {town}. "
            "Peu après {hour}h00, sa voiture a dévié sur la voie opposée.",
            "Elle a percuté le véhicule d'une femme de {age2} ans, légèrement blessée. La route a été fermée "
            "durant {duration} heures et les dégâts s'élèvent à quelque {damage} francs.",
            "La police cantonale a ouvert une enquête pour déterminer les causes de l'accident et lance un "
            "appel aux témoins.",
        ),
        "lottery": (
            "Lors du tirage du Swiss Loto de {weekday}, les numéros suivants sont sortis: {n1}, {n2}, {n3}, "
            "{n4}, {n5} et {n6}. Le numéro chance est le {lucky}, le numéro Replay le {replay}.",
            "Avec six bons numéros et le numéro chance, on aurait remporté le jackpot de {jackpot} millions de "
            "francs. Au prochain tirage, {jackpot2} millions de francs sont en jeu.",
        ),
    },
}
_WEEKDAYS = {
    "de": ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
}
_PLACES = {
    "de": ("Aarau", "Thun", "Chur", "Olten", "Wil", "Baden", "Zug", "Sitten", "Biel", "Schaffhausen"),
    "fr": ("Sion", "Bulle", "Yverdon", "Morges", "Delémont", "Nyon", "Martigny", "Neuchâtel", "Monthey"),
}
_REGIONS = {
    "de": ("Zentralschweiz", "Berner Oberland", "Ostschweiz", "Wallis", "Graubünden", "Nordwestschweiz"),
    "fr": ("lémanique", "du Chablais", "du Jura", "de Fribourg", "du Valais central", "de Neuchâtel"),
}
_COMPANIES = (
    "Nestlé",
    "Novartis",
    "Roche",
    "UBS",
    "Swiss Re",
    "Logitech",
    "Holcim",
    "Sika",
    "Lonza",
    "Givaudan",
)
_PLAYERS = ("Meier", "Rochat", "Kuster", "Bianchi", "Favre", "Gashi", "Lehmann", "Morand", "Zeller", "Dubois")


def _template_slots(rng: random.Random, language: str) -> dict[str, str]:
    up = rng.random() < 0.5
    place, place2 = rng.sample(_PLACES[language], 2)
    company, company2 = rng.sample(_COMPANIES, 2)
    player, player2 = rng.sample(_PLAYERS, 2)
    numbers = sorted(rng.sample(range(1, 43), 6))
    comma = "," if language == "de" else ","

    def pct() -> str:
        return f"{rng.uniform(0.05, 2.5):.2f}".replace(".", comma)

    goals = rng.randint(1, 4)
    day = rng.randrange(7)
    return {
        "weekday": _WEEKDAYS[language][day],
        "weekday2": _WEEKDAYS[language][(day + 1) % 7],
        "direction": ("fester" if up else "leichter") if language == "de" else ("hausse" if up else "baisse"),
        "updown": ("höher" if up else "tiefer") if language == "de" else ("hausse" if up else "baisse"),
        "pct": pct(),
        "pct2": pct(),
        "pct3": pct(),
        "pct4": pct(),
        "level": f"{rng.randint(10500, 12900)}{comma}{rng.randint(10, 99)}",
        "company": company,
        "company2": company2,
        "fx": f"{rng.uniform(0.92, 0.99):.4f}".replace(".", comma),
        "region": rng.choice(_REGIONS[language]),
        "level_small": str(rng.randint(2, 4)),
        "hour": str(rng.randint(6, 20)),
        "hour2": str(rng.randint(6, 20)),
        "wind": str(rng.randrange(60, 100, 5)),
        "wind2": str(rng.randrange(100, 140, 5)),
        "rain": str(rng.randrange(30, 120, 5)),
        "team": place,
        "team2": place2,
        "score": f"{goals}:{rng.randint(0, goals - 1)}",
        "crowd": str(rng.randrange(1500, 25000, 50)),
        "player": player,
        "player2": player2,
        "minute": str(rng.randint(3, 44)),
        "minute2": str(rng.randint(46, 90)),
        "clock": f"{rng.randint(0, 59):02d}",
        "rank": str(rng.randint(1, 10)),
        "magnitude": f"{rng.uniform(2.5, 4.9):.1f}".replace(".", comma),
        "depth": str(rng.randint(3, 25)),
        "radius": str(rng.randrange(20, 120, 10)),
        "reports": str(rng.randint(15, 900)),
        "town": place,
        "age": str(rng.randint(19, 88)),
        "age2": str(rng.randint(19, 88)),
        "duration": str(rng.randint(2, 6)),
        "damage": str(rng.randrange(10000, 90000, 1000)),
        **{f"n{i + 1}": str(n) for i, n in enumerate(numbers)},
        "lucky": str(rng.randint(1, 6)),
        "replay": str(rng.randint(1, 13)),
        "jackpot": f"{rng.uniform(1.5, 30):.1f}".replace(".", comma),
        "jackpot2": f"{rng.uniform(1.5, 30):.1f}".replace(".", comma),
    }


def template_items(languages: list[str], per_kind: int, seed: int) -> list[Item]:
    """`per_kind` instances of every template in each language; a third also run at a second outlet,
    another third as a brief (the first paragraph) at a ticker outlet."""
    rng = random.Random(seed)
    items: list[Item] = []
    for language in languages:
        agency = "ATS"
        for kind, paragraphs in TEMPLATES[language].items():
            for n in range(per_kind):
                slots = _template_slots(rng, language)
                body = [p.format_map(slots) for p in paragraphs]
                story = f"template-{language}-{kind}-{n}"
                time = START + timedelta(days=n % 10, hours=rng.uniform(7, 19))
                first, second = rng.sample(OUTLETS[language], 2)
                signature = rng.choice(AGENCIES[agency])
                original = Item(
                    id=f"{story}/a",
                    story=story,
                    case="template",
                    outlet=first.name,
                    language=language,
                    title=f"{kind} {n}",
                    body="\n".join(_signed(body, signature)),
                    time=time,
                    agency=agency,
                )
                items.append(original)
                if n % 3 == 1:  # the ticker runs it as a brief
                    ticker = BRIEF_OUTLETS[language][n % 2]
                    items.append(
                        replace(
                            original,
                            id=f"{story}/brief",
                            outlet=ticker.name,
                            body="\n".join([*ticker.top, body[0], *ticker.bottom]),
                            time=time + timedelta(minutes=rng.uniform(5, 90)),
                        )
                    )
                if n % 3 == 0:
                    copy = _signed([*second.top, *body], rng.choice(AGENCIES[agency])) + list(second.bottom)
                    items.append(
                        replace(
                            original,
                            id=f"{story}/b",
                            outlet=second.name,
                            body="\n".join(copy),
                            time=time + timedelta(minutes=rng.uniform(5, 90)),
                        )
                    )
    return items
