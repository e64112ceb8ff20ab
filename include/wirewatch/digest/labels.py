"""The digest's own words in each subscription language; stories stay in the language they were written in."""

from __future__ import annotations

import math
from datetime import date, datetime
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_time
from babel.numbers import format_percent

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Wirewatch daily digest",
        "subject": "Wirewatch digest {date}: {stories}",
        "story_1": "{n} story",
        "story_n": "{n} stories",
        "totals": "{stories} in {articles} from {outlets} across {topics}",
        "article_1": "{n} article",
        "article_n": "{n} articles",
        "outlet_1": "{n} outlet",
        "outlet_n": "{n} outlets",
        "topic_1": "{n} topic",
        "topic_n": "{n} topics",
        "previous_day": "{n} the day before",
        "also": "Also carried by",
        "also_event": "Also:",
        "also_uses": "Also uses",
        "translation": "{language} translation of the {agency}item by",
        "lang_de": "German",
        "lang_fr": "French",
        "lang_en": "English",
        "and": "and",
        "more": "{n} more",
        "agency": "Agency",
        "matched": "Matched",
        "by_model": "Found by the topic's model ({percent} sure), not by its query",
        "hidden": "… and {n} more stories, not shown",
        "last_days": "New stories, last 7 days",
        "empty": "No new coverage of your topics on {date}.",
        "empty_topic": "No new stories.",
        "failed_feeds": "Feeds that failed on {date}",
        "failed_line": "{failures} of {polls} polls failed; last error: {error}",
        "no_failures": "Every feed was polled without errors on {date}.",
        "no_polls": "No feed was polled on {date}.",
        "why": "You receive this digest through the subscription {subs} of Wirewatch.",
        "unsubscribe": "Unsubscribe",
    },
    "de": {
        "title": "Wirewatch Tagesübersicht",
        "subject": "Wirewatch Übersicht {date}: {stories}",
        "story_1": "{n} Meldung",
        "story_n": "{n} Meldungen",
        "totals": "{stories} in {articles} von {outlets} zu {topics}",
        "article_1": "{n} Artikel",
        "article_n": "{n} Artikeln",
        "outlet_1": "{n} Medium",
        "outlet_n": "{n} Medien",
        "topic_1": "{n} Thema",
        "topic_n": "{n} Themen",
        "previous_day": "Vortag: {n}",
        "also": "Auch erschienen bei",
        "also_event": "Ebenfalls:",
        "also_uses": "Verwendet auch",
        "translation": "{language} Übersetzung der {agency}Meldung von",
        "lang_de": "Deutsche",
        "lang_fr": "Französische",
        "lang_en": "Englische",
        "and": "und",
        "more": "{n} weiteren",
        "agency": "Agentur",
        "matched": "Treffer",
        "by_model": "Vom Modell des Themas gefunden (zu {percent} sicher), nicht von seiner Abfrage",
        "hidden": "… und {n} weitere Meldungen, hier nicht aufgeführt",
        "last_days": "Neue Meldungen, letzte 7 Tage",
        "empty": "Keine neue Berichterstattung zu Ihren Themen am {date}.",
        "empty_topic": "Keine neuen Meldungen.",
        "failed_feeds": "Feeds mit Fehlern am {date}",
        "failed_line": "{failures} von {polls} Abrufen fehlgeschlagen; letzter Fehler: {error}",
        "no_failures": "Alle Feeds wurden am {date} fehlerfrei abgerufen.",
        "no_polls": "Am {date} wurde kein Feed abgerufen.",
        "why": "Sie erhalten diese Übersicht über das Wirewatch-Abonnement {subs}.",
        "unsubscribe": "Abbestellen",
    },
    "fr": {
        "title": "Wirewatch, le résumé du jour",
        "subject": "Résumé Wirewatch {date} : {stories}",
        "story_1": "{n} sujet",
        "story_n": "{n} sujets",
        "totals": "{stories} dans {articles} de {outlets} pour {topics}",
        "article_1": "{n} article",
        "article_n": "{n} articles",
        "outlet_1": "{n} média",
        "outlet_n": "{n} médias",
        "topic_1": "{n} thème",
        "topic_n": "{n} thèmes",
        "previous_day": "la veille : {n}",
        "also": "Repris aussi par",
        "also_event": "Aussi :",
        "also_uses": "Reprend aussi",
        "translation": "Traduction {language} de la dépêche {agency}par",
        "lang_de": "allemande",
        "lang_fr": "française",
        "lang_en": "anglaise",
        "and": "et",
        "more": "{n} autres",
        "agency": "Agence",
        "matched": "Termes trouvés",
        "by_model": "Trouvé par le modèle du sujet (sûr à {percent}), pas par sa requête",
        "hidden": "… et {n} autres sujets, non affichés",
        "last_days": "Nouveaux sujets, 7 derniers jours",
        "empty": "Aucune nouvelle couverture de vos thèmes le {date}.",
        "empty_topic": "Aucun nouveau sujet.",
        "failed_feeds": "Flux en erreur le {date}",
        "failed_line": "{failures} relevés sur {polls} en échec ; dernière erreur : {error}",
        "no_failures": "Tous les flux ont été relevés sans erreur le {date}.",
        "no_polls": "Aucun flux n'a été relevé le {date}.",
        "why": "Vous recevez ce résumé par l'abonnement Wirewatch {subs}.",
        "unsubscribe": "Se désabonner",
    },
}


def certainty_percent(probability: float) -> int:
    """A model's probability as whole percent, rounded down and at most 99: probabilities are
    stored to 0.001, and "100% sure" would claim what no model knows."""
    return min(99, math.floor(probability * 100))


class Words:
    """Labels, counts, dates and times in one language and time zone."""

    def __init__(self, language: str, tz: str) -> None:
        self.language = language if language in LABELS else "en"
        self.labels = LABELS[self.language]
        self.zone = ZoneInfo(tz)

    def __call__(self, key: str, **values) -> str:
        return self.labels[key].format(**values)

    def count(self, noun: str, n: int) -> str:
        """'1 story', '3 stories'."""
        return self(f"{noun}_1" if n == 1 else f"{noun}_n", n=n)

    def day(self, value: date) -> str:
        return format_date(value, "full", locale=self.language)

    def short_day(self, value: date) -> str:
        return format_date(value, "medium", locale=self.language)

    def weekday(self, value: date) -> str:
        return format_date(value, "EEE", locale=self.language)

    def clock(self, moment: datetime) -> str:
        return format_time(moment.astimezone(self.zone), "HH:mm", locale=self.language)

    def translation(self, language: str | None, agency: str | None) -> str:
        """'German translation of the ATS item by' ('translation of the item' when unknown)."""
        name = self.labels.get(f"lang_{language}", "")
        if self.language == "de" and agency:
            agency = f"{agency}-"  # 'der ATS-Meldung'
        text = self(
            "translation",
            language=name,
            agency=f"{agency} " if agency and self.language != "de" else agency or "",
        )
        return " ".join(text.split())

    def by_model(self, probability: float) -> str:
        """'Found by the topic's model (83% sure), not by its query'."""
        percent = format_percent(certainty_percent(probability) / 100, locale=self.language)
        return self("by_model", percent=percent)

    def join(self, names: list[str], shown: int = 2) -> str:
        """'A', 'A and B', 'A, B and C', 'A, B and 3 more' (names beyond `shown` + 1 are counted)."""
        if len(names) <= shown + 1:
            head, tail = names[:-1], names[-1:]
        else:
            head, tail = names[:shown], [self("more", n=len(names) - shown)]
        if not head:
            return "".join(tail)
        return f"{', '.join(head)} {self('and')} {tail[0]}"
