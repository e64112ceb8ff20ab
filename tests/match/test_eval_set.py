"""The shipped topic on the labelled passages of tests/data (labelling rule: dprk_kursk_eval.md).

Thresholds: precision and recall of at least 0.97 on the old set and the first development
split, in each language, so a language cannot be neglected behind the others. The second
development split (dprk_kursk_dev_{de,fr,en}.jsonl) was written as a held-out set and scored once
(de 0.902/0.965, fr 0.963/0.951, en 0.917/0.963) before it was used for tuning, and so was the
third, realistic multi-paragraph articles (de 0.740/0.987, fr 0.833/0.987, en 0.831/0.985);
tests/data/heldout3 was scored once (de 0.952/0.952, fr 0.984/0.984, en 0.985/0.985) and
tests/data/heldout4 once (de 0.964/0.909, fr 0.955/0.944, en 0.963/0.918). All four have been
tuned on since; their floors guard against regressions, not as estimates for unseen text.
"""

import json
from collections import Counter
from pathlib import Path

import pytest
import yaml

from wirewatch.config import load_topics
from wirewatch.match import compile_topics, match_document

REPO = Path(__file__).resolve().parents[2]
PASSAGES = yaml.safe_load((REPO / "tests/data/dprk_kursk_eval.yaml").read_text(encoding="utf-8"))["passages"]
TOPICS = compile_topics(load_topics(REPO / "include/config/topics.yaml"))


def jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


DEV = jsonl(REPO / "tests/data/dprk_kursk_dev.jsonl")
HELDOUT3 = [
    p
    for lang in ("de", "fr", "en")
    for p in jsonl(REPO / f"tests/data/heldout3/dprk_kursk_heldout3_{lang}.jsonl")
]
HELDOUT4 = [
    p
    for lang in ("de", "fr", "en")
    for p in jsonl(REPO / f"tests/data/heldout4/dprk_kursk_heldout4_{lang}.jsonl")
]
DEV3 = [p for lang in ("de", "fr", "en") for p in jsonl(REPO / f"tests/data/dprk_kursk_dev3_{lang}.jsonl")]
DEV2 = [p for lang in ("de", "fr", "en") for p in jsonl(REPO / f"tests/data/dprk_kursk_dev_{lang}.jsonl")]


def predicted(passage: dict) -> bool:
    found = match_document(
        TOPICS, title=passage.get("title") or "", body=passage["text"], language=passage["lang"]
    )
    return any(m.topic_id == "dprk-troops-kursk" for m in found)


def precision_recall(passages: list[dict]) -> tuple[float, float]:
    outcomes = Counter((p["label"] == "pos", predicted(p)) for p in passages)
    tp, fp, fn = outcomes[True, True], outcomes[False, True], outcomes[True, False]
    return tp / (tp + fp), tp / (tp + fn)


def test_the_set_is_large_varied_and_well_formed():
    assert len(PASSAGES) >= 150
    assert len({p["id"] for p in PASSAGES}) == len(PASSAGES)
    assert {p["label"] for p in PASSAGES} == {"pos", "neg"}
    for language in ("de", "fr", "en"):
        mine = [p for p in PASSAGES if p["lang"] == language]
        assert sum(p["label"] == "pos" for p in mine) >= 25, language
        assert sum(p["label"] == "neg" for p in mine) >= 25, language
    kinds = {p["kind"] for p in PASSAGES}
    hard = {"submarine", "battle-1943", "missile", "russian-troops", "person", "weapons-only", "roundup"}
    assert hard | {"denial", "passing", "speculation"} <= kinds


@pytest.mark.parametrize("name", ["old", "dev"])
def test_shipped_topic_reaches_precision_and_recall_of_097(name):
    precision, recall = precision_recall(PASSAGES if name == "old" else DEV)
    assert precision >= 0.97, precision
    assert recall >= 0.97, recall


@pytest.mark.parametrize("language", ["de", "fr", "en"])
@pytest.mark.parametrize("name", ["old", "dev"])
def test_each_language_reaches_097(name, language):
    passages = PASSAGES if name == "old" else DEV
    precision, recall = precision_recall([p for p in passages if p["lang"] == language])
    assert precision >= 0.97 and recall >= 0.97, (precision, recall)


def test_the_second_development_split_keeps_its_floor():
    assert len(DEV2) >= 400 and len({p["id"] for p in DEV2}) == len(DEV2)
    assert sum(p["label"] == "neg" for p in DEV2) >= 0.45 * len(DEV2)
    precision, recall = precision_recall(DEV2)
    assert precision >= 0.97 and recall >= 0.97, (precision, recall)


def test_the_third_development_split_keeps_its_floor():
    assert len(DEV3) >= 400 and sum(p["label"] == "neg" for p in DEV3) >= 0.5 * len(DEV3)
    precision, recall = precision_recall(DEV3)
    assert precision >= 0.97 and recall >= 0.97, (precision, recall)


def test_the_held_out_set_keeps_the_figures_it_was_scored_with():
    assert len(HELDOUT3) >= 400 and sum(p["label"] == "neg" for p in HELDOUT3) >= 0.5 * len(HELDOUT3)
    precision, recall = precision_recall(HELDOUT3)
    assert precision >= 0.97 and recall >= 0.97, (precision, recall)


@pytest.mark.parametrize("language", ["de", "fr", "en"])
def test_the_fourth_held_out_set_now_development_reaches_097_in_each_language(language):
    mine = [p for p in HELDOUT4 if p["lang"] == language]
    assert len(mine) >= 150 and sum(p["label"] == "neg" for p in mine) >= 0.45 * len(mine)
    precision, recall = precision_recall(mine)
    assert precision >= 0.97 and recall >= 0.97, (precision, recall)


def test_every_hard_negative_of_the_named_traps_is_rejected():
    traps = {"submarine", "battle-1943", "person", "missile", "russian-troops"}
    wrong = [p["id"] for p in PASSAGES if p["kind"] in traps and predicted(p)]
    assert wrong == []


# One passage per mechanism of the topic, in the words of issue 10 (written for this test).
MECHANISMS = [
    (
        "pos",
        "en",
        "KURSK FRONT: captured infantryman says he was told it was an exercise",
        "A soldier from North Korea captured by Ukrainian forces said he believed he was going to Russia for training.",
    ),
    (
        "pos",
        "en",
        "Seoul",
        "North Korean leader Kim Jong Un, who state media said last week had inspected a new tank factory in the "
        "north of the country, has now dispatched a second wave of roughly 3,000 troops to reinforce units "
        "fighting in Russia's Kursk region.",
    ),
    (
        "pos",
        "de",
        "Hohe Verluste",
        "Nordkoreanische Soldaten haben schwere Verluste erlitten.\n\nSeoul stützt sich auf Geheimdienste.\n\n"
        "Eingesetzt werden sie bislang nur auf russischem Boden – in jenem Gebiet, in das die Ukraine im August "
        "vorgestoßen war: Kursk.",
    ),
    (
        "pos",
        "fr",
        "Deux phrases",
        "La Corée du Nord a envoyé des milliers de soldats en Russie. Ils combattent dans la région de Koursk.",
    ),
    ("pos", "de", "Lazarett", "In Lgow werden verwundete Nordkoreaner behandelt, berichten Anwohner."),
    ("pos", "en", "Front", "KPA infantrymen attacked Ukrainian positions near Glushkovo overnight."),
    (
        "neg",
        "de",
        "Überblick",
        "Die wichtigsten Meldungen\n\nKursk: Nach einem Drohnenangriff fiel der Strom aus.\n\n"
        "Nordkorea: Tausende Soldaten marschierten bei einer Parade in Pjöngjang.",
    ),
    (
        "neg",
        "en",
        "Belgorod",
        "North Korean troops have been seen in Russia's Belgorod region. Separately, Ukrainian troops still "
        "hold ground in the Kursk region.",
    ),
    ("neg", "fr", "Obus", "Les soldats russes dans la région de Koursk tirent des obus nord-coréens."),
    (
        "neg",
        "en",
        "Submarine",
        "North Korea unveiled a nuclear submarine; experts recalled the loss of the Kursk in 2000.",
    ),
    ("neg", "en", "Workers", "North Korean labourers have arrived in Kursk to help rebuild houses."),
    ("neg", "en", "Sakhalin", "Ethnic Korean soldiers from Sakhalin serve in a Russian battalion in Kursk."),
]


@pytest.mark.parametrize(("label", "lang", "title", "text"), MECHANISMS)
def test_each_mechanism_of_the_topic_decides_its_passage(label, lang, title, text):
    assert predicted({"title": title, "text": text, "lang": lang}) == (label == "pos")
