"""The shipped topic on the simulated wire's texts and on hand-picked cases; the labelled set is in tests/match/."""

from pathlib import Path

import pytest

from wirewatch.config import load_topics
from wirewatch.devstack.simwire.kursk import KURSK_COPIES
from wirewatch.devstack.simwire.negatives import HARD_NEGATIVES
from wirewatch.match import compile_topics, match_document

TOPICS = compile_topics(load_topics(Path(__file__).resolve().parents[2] / "include/config/topics.yaml"))


def kursk(title: str = "", body: str = "", language: str | None = None) -> bool:
    return any(
        m.topic_id == "dprk-troops-kursk"
        for m in match_document(TOPICS, title=title, body=body, language=language)
    )


def test_the_shipped_topics_compile():
    assert TOPICS.errors == []
    assert [entry.topic.id for entry in TOPICS] == ["dprk-troops-kursk"]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("de", "Nordkoreanische Soldaten kämpfen an der Seite Russlands in der Region Kursk."),
        ("de", "Im Kursker Gebiet sind Truppen aus Nordkorea in Kampfhandlungen verwickelt."),
        ("de", "Die Nordkorea-Truppen stehen in der Kursk-Region."),
        ("fr", "Des soldats nord-coréens combattent aux côtés des forces russes dans la région de Koursk."),
        ("fr", "L'armée nord-coréenne est déployée à Koursk, selon Washington."),
        ("en", "DPRK soldiers have joined Russian forces fighting in the Kursk region."),
        ("en", "North Korean troops are engaged in combat in Russia's Kursk region, the US said."),
    ],
)
def test_kursk_topic_catches_the_story_in_three_languages(language, text):
    assert kursk(body=text, language=language)


@pytest.mark.parametrize(
    "text",
    [
        "The Kursk submarine sank in the Barents Sea in August 2000; 118 sailors died.",
        "Die Schlacht bei Kursk 1943 war die größte Panzerschlacht; sowjetische Truppen siegten.",
        "Pyongyang a tiré un missile balistique en mer du Japon, selon l'armée sud-coréenne.",
        "Russian troops retook two villages in the Kursk region from Ukrainian forces.",
        "Cellist Maria Kursk opened the festival with a Bach suite.",
        "Russian forces in Kursk are firing North Korean artillery shells.",
        "Fighting goes on in the Kursk region. In Pyongyang, North Korean troops held a parade.",
    ],
)
def test_kursk_topic_rejects_hard_negatives(text):
    assert not kursk(body=text)


def test_every_copy_of_the_wire_story_matches_and_no_hard_negative_does():
    for copy in KURSK_COPIES:
        assert kursk(copy.title, "\n\n".join(copy.paragraphs)), copy.outlet
    for negative in HARD_NEGATIVES:
        assert not kursk(negative.title, "\n\n".join(negative.paragraphs)), negative.story


def test_languages_restrict_a_topic():
    text = "North Korean troops fight in the Kursk region."
    assert kursk(body=text, language="en")
    assert kursk(body=text, language=None)  # unknown language: the topic still applies
    assert not kursk(body=text, language="it")


def test_match_explains_terms_fields_and_offsets():
    title = "Nordkorea schickt Truppen nach Kursk"
    body = "Mehr als 10.000 nordkoreanische Soldaten sind in der Region Kursk angekommen."
    (found,) = match_document(TOPICS, title=title, body=body, language="de")
    # the body holds the whole story and the title names the troops too ("koreanisch*" and
    # "koreanische" find the head of the compound "nordkoreanische"), and that North Korea sends them
    assert found.matched_terms == [
        '"koreanisch* soldat*"',
        '"koreanische"',
        "kursk*",
        "nordkorea*",
        "schickt",
        "soldat*",
        "truppe*",
    ]
    for hit in found.hits:
        text = title if hit.field == "title" else body
        assert text[hit.start : hit.end] == hit.text
    assert {(h.field, h.text) for h in found.hits} >= {("body", "Soldaten"), ("body", "Kursk")}
    assert "[[nordkoreanische Soldaten]]" in found.snippet
    assert found.score > 2.0  # title hits count
