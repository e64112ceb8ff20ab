"""Anchors that survive translation: places, bodies, datelines, numerals, headlines (our own texts)."""

from datetime import UTC, datetime, timedelta

from wirewatch.config import DedupeSettings
from wirewatch.stories import Clusterer, Doc
from wirewatch.stories.crosslang import align, evidence, headline_keywords, index_keys

T0 = datetime(2026, 3, 10, 7, 0, tzinfo=UTC)


def test_swiss_places_and_bodies_have_one_anchor_in_each_language():
    de = evidence(
        "Neuenburg (sda) - Das Bundesamt für Statistik (BFS) meldet, die SNB und die SBB in Wallis.", "de"
    )
    fr = evidence(
        "Neuchâtel (ATS) - L'Office fédéral de la statistique (OFS), la BNS et les CFF en Valais.", "fr"
    )
    en = evidence(
        "Neuchatel (ATS) - The Federal Statistical Office, the Swiss National Bank and SBB in Valais.", "en"
    )
    expected = ["=neuchatel", "$fso", "$snb", "$sbb", "=valais"]
    for found in (de, fr, en):
        assert [a for a in found.anchors if a in expected] == expected, found.anchors


def test_countries_and_cities_of_the_gazetteer_only_when_capitalised():
    spellings = {"de": "Ägypten und Kairo", "fr": "Égypte et Le Caire", "en": "Egypt and Cairo"}
    anchors = {lang: evidence(f"Sie reisten nach {text}.", lang).anchors for lang, text in spellings.items()}
    assert anchors["de"] == anchors["fr"] == anchors["en"] and len(anchors["de"]) == 2
    assert anchors["de"][0][0] == "="  # places, not names
    assert (
        evidence("Sie flogen nach Island.", "de").anchors == evidence("They flew to Iceland.", "en").anchors
    )
    assert evidence("They landed on the island in the rain.", "en").anchors == ()
    # a country the alias table knows keeps its anchor, whatever the gazetteer calls it
    assert evidence("Die Ukraine und die ukrainische Armee.", "de").anchors[:2] == ("=ukraine", "=ukraine")


def test_the_dateline_place_is_an_anchor_though_it_starts_the_text():
    assert evidence("Tulcea (AFP) - Le fleuve est sorti de son lit.", "fr").anchors == ("$tulcea",)
    assert evidence("Tulcea a connu une journée calme. Le fleuve est sorti de son lit.", "fr").anchors == ()


def test_numerals_that_are_also_words_count_before_a_plural():
    assert "%9" in evidence("Au moins neuf morts et des blessés.", "fr").anchors
    assert evidence("Un bâtiment tout neuf a été inauguré.", "fr").anchors == ()
    assert "#11" in evidence("Dabei wurden elf Menschen verletzt.", "de").anchors
    assert "@nov" in evidence("The vote on Nov. 5 was close.", "en").anchors


def test_a_headline_finds_a_lead_whose_body_shares_only_one_key_with_its_source():
    source = (
        "Tulcea (AFP) - Un cargo chargé de blé a été endommagé et trois marins blessés lors d'une frappe "
        "de drones russes sur le port de Tulcea dans la nuit de lundi à mardi, ont annoncé les autorités "
        "roumaines.\n"
        "Le navire s'apprêtait à partir avec 31 000 tonnes de blé vers le Maroc, a précisé le préfet.\n"
        "bur-abc/de"
    )
    lead = (
        "Tulcea (AFP) - Ein mit Weizen beladener Frachter wurde beschädigt und drei Seeleute verletzt bei "
        "einem Angriff von russischen Drohnen auf den Hafen von Tulcea in der Nacht von Montag auf Dienstag, "
        "haben die rumänischen Behörden mitgeteilt."
    )
    title = "Rumänien: Frachter in Tulcea von Drohnen getroffen"
    assert align(evidence(lead, "de"), evidence(source, "fr")).short == 1.0  # a translation, in order
    keys = index_keys(["Tulcea", "Ein", "Weizen", "Frachter", "Drohnen", "Hafen", "Montag", "Dienstag"])
    assert "$tulcea" in keys and "=ccro" in index_keys(headline_keywords(title))

    def docs(headline: str | None) -> list[Doc]:
        return [
            Doc("fr", source, "a", T0, language="fr", agency="AFP", title="Roumanie: un cargo touché"),
            Doc("de", lead, "b", T0 + timedelta(hours=1), language="de", agency="AFP", title=headline),
        ]

    assert Clusterer(DedupeSettings()).cluster(docs(title)).translations == {"de": "fr"}
    assert Clusterer(DedupeSettings()).cluster(docs("Frachter getroffen")).translations == {}


def test_english_twelve_hour_clock_times_meet_the_24_hour_ones():
    expected = ("#14.3", "%9", "@mon")
    assert evidence("The blast came at 2:30 p.m., the next at 9 a.m. on Monday.", "en").anchors == expected
    assert evidence("L'explosion à 14h30, la suivante à 9h00 lundi.", "fr").anchors == expected
    assert "#12" in evidence("Die 12 am Montag verhafteten Männer.", "de").anchors  # German 'am' is 'on'
