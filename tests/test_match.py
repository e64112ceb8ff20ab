from pathlib import Path

import pytest

from wirewatch.config import load_topics
from wirewatch.match import Term, compile_topics, match_document, snippet
from wirewatch.text import fold, tokenize

TOPICS = compile_topics(load_topics(Path(__file__).resolve().parents[1] / "include/config/topics.yaml"))


def kursk(title: str = "", body: str = "", language: str | None = None) -> bool:
    return any(
        m.topic_id == "dprk-troops-kursk"
        for m in match_document(TOPICS, title=title, body=body, language=language)
    )


def test_fold_removes_case_and_accents():
    assert fold("Nord-Coréens STRASSE Straße") == "nord-coreens strasse strasse"


def test_tokens_keep_offsets_in_the_original():
    text = "l'armée nord-coréenne"
    assert [(t.text, text[t.start : t.end]) for t in tokenize(text)] == [
        ("l", "l"),
        ("armee", "armée"),
        ("nord", "nord"),
        ("coreenne", "coréenne"),
    ]


def test_prefix_and_phrase_terms():
    tokens = tokenize("Die Truppen aus Nord-Korea stehen im Kursker Gebiet")
    assert Term.parse("nord korea*").find(tokens) == [(3, 4)]
    assert Term.parse("kursk*").find(tokens) == [(7, 7)]
    assert Term.parse("kursk").find(tokens) == []


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("de", "Nordkoreanische Soldaten kämpfen an der Seite Russlands in der Region Kursk."),
        ("de", "Im Kursker Gebiet sind Truppen aus Nordkorea in Kampfhandlungen verwickelt."),
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
    ],
)
def test_kursk_topic_rejects_hard_negatives(text):
    assert not kursk(body=text)


def test_languages_restrict_a_topic():
    text = "North Korean troops fight in the Kursk region."
    assert kursk(body=text, language="en")
    assert not kursk(body=text, language="it")


def test_match_explains_terms_fields_and_offsets():
    title = "Nordkorea schickt Truppen"
    body = "Mehr als 10.000 Soldaten sind in der Region Kursk angekommen."
    (found,) = match_document(TOPICS, title=title, body=body, language="de")
    assert found.matched_terms == ["kursk*", "nordkorea*", "soldat*", "truppe*"]
    body_hit = next(h for h in found.hits if h.field == "body" and h.term == "kursk*")
    assert body[body_hit.start : body_hit.end] == "Kursk"
    assert {h.field for h in found.hits} == {"title", "body"}
    assert "[[Soldaten]]" in found.snippet


def test_snippet_marks_hit_and_trims_to_words():
    text = "alpha beta gamma " * 20 + "TARGET" + " delta epsilon" * 20
    start = text.index("TARGET")
    result = snippet(text, start, start + 6, radius=30)
    assert "[[TARGET]]" in result
    assert result.startswith("…") and result.endswith("…")
    assert len(result) < 90


def test_exclude_vetoes(tmp_path):
    path = tmp_path / "t.yaml"
    path.write_text(
        "topics:\n  - id: t\n    name: T\n    require:\n      a: [kursk]\n    exclude: [u-boot*]\n"
    )
    compiled = compile_topics(load_topics(path))
    assert match_document(compiled, title="", body="Kursk heute", language=None)
    assert not match_document(compiled, title="", body="Das U-Boot Kursk", language=None)
