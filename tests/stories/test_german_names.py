"""German capitalises every noun: rare capitalised words stand in for names when one takes another's
place (another commune, region or person in a template), not when a copy drops or fixes one."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from wirewatch.config import DedupeSettings
from wirewatch.stories import Clusterer, Doc, shingles
from wirewatch.stories.shingles import parse
from wirewatch.stories.similarity import Slots, compare_facts

T0 = datetime(2025, 5, 6, 8, 0, tzinfo=UTC)

ACCIDENT_DE = (
    "In {0} ist am Nachmittag ein Lieferwagen mit einem Velo zusammengestossen. Die "
    "Velofahrerin wurde dabei leicht verletzt und musste ins Spital gebracht werden.\n"
    "Die Polizei sperrte die Hauptstrasse in {0} während der Unfallaufnahme. Der Verkehr wurde über die "
    "Nebenstrassen des Dorfes umgeleitet.\n"
    "Die Kantonspolizei hat in {0} Ermittlungen zum genauen Unfallhergang aufgenommen und sucht Zeugen, "
    "die Angaben zum Unfall machen können. Der Lenker, {1}, blieb unverletzt."
)

WARNING_DE = (
    "MeteoSchweiz warnt für die Region {0} vor starken Gewittern der Stufe 3 ab 15 Uhr. Es muss mit "
    "Böen bis 90 km/h und Hagelkörnern von bis zu 3 Zentimetern gerechnet werden.\n"
    "Die Bevölkerung im {0} wird gebeten, sich nicht im Freien aufzuhalten und Fahrzeuge unterzustellen. "
    "Die Warnung gilt bis 21 Uhr."
)


def _cluster(*docs: Doc) -> dict[str, str]:
    return Clusterer(DedupeSettings()).cluster(list(docs)).assignments


def test_two_german_police_reports_for_other_communes_stay_apart_and_copies_join():
    # no figure: only the commune and the driver tell them apart
    wettingen = ACCIDENT_DE.format("Wettingen", "Reto Zwyssig")
    dietikon = ACCIDENT_DE.format("Dietikon", "Urs Bachofner")
    found = _cluster(
        Doc("wettingen", wettingen, "police", T0),
        Doc("dietikon", dietikon, "police", T0 + timedelta(hours=3)),
        # a copy may drop a name, or spell it right where the agency made a typo (with no figure
        # kept, one name replaced would make two items)
        Doc("cut", wettingen.replace("Hauptstrasse in Wettingen", "Hauptstrasse"), "outlet", T0),
        Doc("typo", ACCIDENT_DE.format("Dietikon", "Urs Bachofnre"), "wire", T0 + timedelta(hours=2)),
    )
    assert found["wettingen"] == found["cut"] != found["dietikon"] == found["typo"]


def test_two_german_weather_warnings_for_other_regions_stay_apart():
    # the template's rare nouns (Böen, Hagelkörnern) are in both: they tell nothing either way
    found = _cluster(
        Doc("entlebuch", WARNING_DE.format("Entlebuch"), "meteo", T0),
        Doc("toggenburg", WARNING_DE.format("Toggenburg"), "meteo", T0 + timedelta(minutes=10)),
        Doc(
            "copy", WARNING_DE.format("Entlebuch").replace(" Die Warnung gilt bis 21 Uhr.", ""), "outlet", T0
        ),
    )
    assert found["entlebuch"] == found["copy"] != found["toggenburg"]


def _slots(a: str, b: str) -> Slots:
    return compare_facts(parse(a).sentence_facts(names=False), parse(b).sentence_facts(names=False))


def test_a_two_word_name_replaced_whole_is_a_replaced_fact():
    # first names and surnames all rare: each word's neighbours are the other name's words
    wettingen = ACCIDENT_DE.format("Wettingen", "Reto Zwyssig")
    assert _slots(wettingen, ACCIDENT_DE.format("Wettingen", "Flurin Bachofner")) == Slots(changed=1, kept=0)
    assert _slots(wettingen, ACCIDENT_DE.format("Wettingen", "Reto Bachofner")) == Slots(changed=1, kept=0)


def test_names_are_judged_when_parsed_not_after_the_caches_are_cleared(monkeypatch: pytest.MonkeyPatch):
    wettingen = parse(ACCIDENT_DE.format("Wettingen", "Reto Zwyssig"))
    dietikon = parse(ACCIDENT_DE.format("Dietikon", "Reto Zwyssig"))
    facts = wettingen.sentence_facts(names=False)
    slots = compare_facts(facts, dietikon.sentence_facts(names=False))
    assert slots.changed
    monkeypatch.setattr(shingles, "_IDS_MAX", 0)
    parse("Ein anderer Text leert die Caches.")  # a long-lived worker's caches fill up
    monkeypatch.undo()
    # the texts parsed before the clear are compared after it: as if it had not happened
    assert wettingen.sentence_facts(names=False) == facts
    assert compare_facts(facts, dietikon.sentence_facts(names=False)) == slots
