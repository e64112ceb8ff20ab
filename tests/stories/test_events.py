"""Events: when two stories are one news event (our own texts)."""

from datetime import UTC, datetime, timedelta

from wirewatch.stories.crosslang import evidence
from wirewatch.stories.events import StoryFacts, group_events, same_event

T0 = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)


def story(key: str, text: str, language: str, agency: str | None, hours: float = 0.0) -> StoryFacts:
    return StoryFacts(key, T0 + timedelta(hours=hours), evidence(text, language), agency=agency)


# a minister's statement on the talks, and the same minister's other business that day
TALKS = (
    "Lisbonne (AFP) - Le ministre Tiago Ferreira a annoncé mardi l'ouverture de pourparlers avec les "
    "syndicats des dockers, après une grève de 9 jours qui a paralysé le port de Sines. Quelque 4200 "
    "conteneurs attendent d'être déchargés."
)
TALKS_EN = (
    "Lisbon (Reuters) - Minister Tiago Ferreira said on Tuesday he would open talks with the dockers' "
    "unions after a 9-day strike that has halted the port of Sines, where some 4,200 containers are "
    "waiting to be unloaded."
)
OTHER_BUSINESS = (
    "Lisbonne (AFP) - Le ministre Tiago Ferreira a inauguré mardi un nouveau terminal au port de Sines. "
    "Une grève des pilotes avait retardé les travaux de 9 mois."
)


def test_two_items_of_one_agency_in_one_language_need_most_facts_in_common():
    talks = story("talks", TALKS, "fr", "AFP")
    other = story("other", OTHER_BUSINESS, "fr", "AFP", hours=2)
    assert not same_event(talks, other)  # a name, a place, a figure, a strike, a Tuesday: not enough
    unsigned = story("other", OTHER_BUSINESS, "fr", None, hours=2)
    assert same_event(talks, unsigned)  # the kind-of-news test alone would have joined them
    assert same_event(talks, story("reuters", TALKS_EN, "en", "Reuters", hours=1))


# two agencies' accounts of one announcement: no kind-of-news word, few figures, nearly all anchors
RATES = "Zurich (ATS) - La BNS a annoncé jeudi qu'elle maintenait son taux directeur à 1,25%. Martin Schlegel a parlé."
RATES_DE = "Zürich (AWP) - Die SNB hat am Donnerstag angekündigt, ihren Leitzins bei 1,25 Prozent zu belassen, sagte Martin Schlegel."


def test_nearly_all_anchors_on_the_same_weekday_make_one_event_without_a_kind_of_news():
    plain = RATES.replace("taux directeur", "cap").replace("son", "le")
    plain_de = RATES_DE.replace("ihren Leitzins", "den Kurs")
    first = story("ats", plain, "fr", "ATS")
    second = story("awp", plain_de, "de", "AWP", hours=1)
    assert same_event(first, second)
    next_day = story("awp", plain_de.replace("Donnerstag", "Freitag"), "de", "AWP", hours=1)
    assert not same_event(first, next_day)  # the weekday is the evidence of one event
    events = group_events([first, second])
    assert events["ats"] == events["awp"]
