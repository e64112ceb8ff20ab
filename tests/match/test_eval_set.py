"""The shipped topic on the labelled passages of tests/data (labelling rule: dprk_kursk_eval.md).

Every set here was written as held-out text and scored once before it was tuned on: the second
development split dprk_kursk_dev_{de,fr,en}.jsonl (de 0.902/0.965, fr 0.963/0.951, en 0.917/0.963),
the third, realistic multi-paragraph articles (de 0.740/0.987, fr 0.833/0.987, en 0.831/0.985),
tests/data/heldout3 (de 0.952/0.952, fr 0.984/0.984, en 0.985/0.985), tests/data/heldout4
(de 0.964/0.909, fr 0.955/0.944, en 0.963/0.918), tests/data/heldout6 (de 0.853/0.906,
fr 0.795/0.967, en 0.795/0.935) and tests/data/heldout7 (de 0.808/0.940, fr 0.845/0.882,
en 0.857/0.957), tests/data/heldout8 (de 0.968/0.938, fr 0.983/0.892, en 0.984/0.939) and
tests/data/heldout9 (de 0.984/0.923, fr 1.000/0.954, en 0.985/0.970) and tests/data/heldout10
(de 0.984/0.969, fr 0.970/0.970, en 0.984/0.955), and tests/data/heldout11 (de 1.000/0.923,
fr 0.983/0.892, en 1.000/0.938), tests/data/dev13, written blind to be tuned on (de 0.956/0.890,
fr 0.959/0.972, en 0.954/0.873 before that), tests/data/heldout12 (de 0.947/0.947, fr 0.958/0.958,
en 0.971/0.943), tests/data/heldout14 (de 0.972/0.959, fr 0.973/0.973, en 0.973/0.986) and
tests/data/heldout15 (de 0.972/0.945, fr 0.958/0.958, en 0.971/0.957), tests/data/heldout16
(de 0.944/0.944, fr 1.000/0.971, en 0.945/0.958), tests/data/dev17, dev18 and dev20, written blind
to be tuned on (dev17 de 0.972/0.972, fr 0.984/0.847, en 0.986/1.000; dev18 de 1.000/0.932,
fr 1.000/0.907, en 0.971/0.958; dev20 de 1.000/0.942, fr 0.971/0.944, en 0.971/0.958 before that),
tests/data/heldout19 (de 0.970/0.942, fr 0.986/0.986, en 0.985/0.929), tests/data/heldout21
(de 0.985/0.929, fr 0.985/0.931, en 0.972/0.946) and tests/data/heldout22, scored once with the
topic's model, which was not trained on it (de 1.000/0.973, fr 0.937/0.974, en 0.949/0.987), and
tests/data/heldout23, scored once after the model was trained again with heldout22 (de 0.987/0.974,
fr 0.962/0.987, en 0.936/0.973), and tests/data/heldout24, scored once after the model was trained
again with heldout23 (de 0.962/1.000, fr 0.947/0.947, en 0.869/0.973), and tests/data/heldout25, scored
once after the model learnt where the topic's term lists meet and was trained again with heldout24
(de 0.973/0.973, fr 0.972/0.972, en 0.987/1.000), and tests/data/heldout26, scored once after the
model was trained again with heldout25 (de 0.986/0.971, fr 0.971/0.957, en 0.957/0.943), and
tests/data/heldout27, scored once after it was trained again with heldout26 (de 1.000/0.944,
fr 0.986/0.971, en 0.986/0.971), and tests/data/heldout28, scored once after the thresholds were
chosen again and the model trained again with heldout27 (de 0.986/0.958, fr 1.000/0.986,
en 1.000/0.958), and tests/data/heldout29, scored once after the thresholds were chosen again and
the model trained again with heldout28 (de 0.972/0.958, fr 0.986/0.958, en 1.000/0.929), and
tests/data/heldout30, scored once after the thresholds were chosen again and the model trained
again with heldout29 (de 1.000/0.944, fr 0.986/0.944, en 0.986/1.000), and tests/data/heldout31
and heldout32, both scored once on one topic, after its scope learnt the region described without
its name and the model was trained again with heldout30 (heldout31 de 1.000/1.000, fr 1.000/0.971,
en 1.000/0.986; heldout32 de 0.986/1.000, fr 1.000/0.958, en 1.000/0.986), and tests/data/dev33,
written blind to be tuned on (de 1.000/0.917, fr 1.000/0.904, en 1.000/0.958 before it was
trained on), and tests/data/heldout33, scored once after the model was trained again with
heldout31, heldout32 and dev33 (de 1.000/1.000, fr 1.000/1.000, en 0.986/0.986). All but heldout33
are development data now: their floors, per set and language so that a language cannot be
neglected behind the others, guard against regressions and are no estimate for unseen text.
heldout33's floors are its blind figures.
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
TOPICS_FILE = load_topics(REPO / "include/config/topics.yaml")
TOPICS = compile_topics(TOPICS_FILE)
# the topic's query without its model: the mechanisms below are the query's
QUERY = compile_topics(
    TOPICS_FILE.model_copy(
        update={"topics": [t.model_copy(update={"model": None}) for t in TOPICS_FILE.topics]}
    )
)


def jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


DEV = jsonl(REPO / "tests/data/dprk_kursk_dev.jsonl")


def per_language(pattern: str) -> list[dict]:
    """The passages of a set kept in one file per language; `pattern` holds `{lang}`."""
    return [p for lang in ("de", "fr", "en") for p in jsonl(REPO / "tests/data" / pattern.format(lang=lang))]


# sets held out in turn, each kept in one file per language
HELDOUT = {
    n: per_language(f"heldout{n}/dprk_kursk_heldout{n}_{{lang}}.jsonl")
    # (heldout5 holds translations; there is no heldout13, 17, 18 or 20)
    for n in (3, 4, *range(6, 13), *range(14, 17), 19, *range(21, 34))
}
DEV3 = per_language("dprk_kursk_dev3_{lang}.jsonl")
# written blind to be tuned on while heldout12 stayed held out
DEV13 = per_language("dev13/dprk_kursk_dev13_{lang}.jsonl")
# written blind to be tuned on while heldout16 stayed held out
DEV17 = per_language("dev17/dprk_kursk_dev17_{lang}.jsonl")
DEV18 = per_language("dev18/dprk_kursk_dev18_{lang}.jsonl")
# written blind to be tuned on while heldout19 stayed held out
DEV20 = per_language("dev20/dprk_kursk_dev20_{lang}.jsonl")
# written blind to be tuned on while heldout33 stayed held out: the kinds a keyword search misses
DEV33 = per_language("dev33/dprk_kursk_dev33_{lang}.jsonl")
DEV2 = per_language("dprk_kursk_dev_{lang}.jsonl")


def predicted(passage: dict, compiled=TOPICS) -> bool:
    found = match_document(
        compiled, title=passage.get("title") or "", body=passage["text"], language=passage["lang"]
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


def test_the_sets_are_large_and_hard():
    assert len(DEV2) >= 400 and len({p["id"] for p in DEV2}) == len(DEV2)
    assert sum(p["label"] == "neg" for p in DEV2) >= 0.45 * len(DEV2)
    for passages in (DEV3, HELDOUT[3]):
        assert len(passages) >= 400 and sum(p["label"] == "neg" for p in passages) >= 0.5 * len(passages)
    for passages in [
        *(passages for n, passages in HELDOUT.items() if n != 3),  # heldout3 is checked above
        DEV13,
        DEV17,
        DEV18,
        DEV20,
        DEV33,
    ]:
        for language in ("de", "fr", "en"):
            mine = [p for p in passages if p["lang"] == language]
            assert len(mine) >= 140 and sum(p["label"] == "neg" for p in mine) >= 0.45 * len(mine)


SETS = {
    "old": PASSAGES,
    "dev": DEV,
    "dev2": DEV2,
    "dev3": DEV3,
    "dev13": DEV13,
    "dev17": DEV17,
    "dev18": DEV18,
    "dev20": DEV20,
    "dev33": DEV33,
} | {f"heldout{n}": passages for n, passages in HELDOUT.items()}
# Floors per set and language: what the shipped topic reaches, rounded down (precision, recall).
# The topic's model was trained on every one of these sets but heldout33, so they are in-sample
# figures: a guard against regressions, above what fresh text gets (heldout33; README, Topics).
FLOORS = {
    ("old", "de"): (1.00, 1.00),  # 1.000 / 1.000
    ("old", "fr"): (1.00, 1.00),  # 1.000 / 1.000
    ("old", "en"): (1.00, 1.00),  # 1.000 / 1.000
    ("dev", "de"): (1.00, 1.00),  # 1.000 / 1.000
    ("dev", "fr"): (1.00, 1.00),  # 1.000 / 1.000
    ("dev", "en"): (1.00, 1.00),  # 1.000 / 1.000
    ("dev2", "de"): (0.97, 1.00),  # 0.977 / 1.000
    ("dev2", "fr"): (1.00, 1.00),  # 1.000 / 1.000
    ("dev2", "en"): (0.98, 1.00),  # 0.988 / 1.000
    ("dev3", "de"): (1.00, 1.00),  # 1.000 / 1.000
    ("dev3", "fr"): (1.00, 1.00),  # 1.000 / 1.000
    ("dev3", "en"): (1.00, 1.00),  # 1.000 / 1.000
    ("dev13", "de"): (0.98, 0.98),  # 0.986 / 0.986
    ("dev13", "fr"): (1.00, 1.00),  # 1.000 / 1.000
    ("dev13", "en"): (0.98, 1.00),  # 0.986 / 1.000
    ("dev17", "de"): (1.00, 1.00),  # 1.000 / 1.000
    ("dev17", "fr"): (1.00, 1.00),  # 1.000 / 1.000
    ("dev17", "en"): (1.00, 1.00),  # 1.000 / 1.000
    ("dev18", "de"): (1.00, 1.00),  # 1.000 / 1.000
    ("dev18", "fr"): (1.00, 1.00),  # 1.000 / 1.000
    ("dev18", "en"): (1.00, 0.98),  # 1.000 / 0.986
    ("dev20", "de"): (1.00, 0.98),  # 1.000 / 0.986
    ("dev20", "fr"): (0.98, 1.00),  # 0.986 / 1.000
    ("dev20", "en"): (1.00, 1.00),  # 1.000 / 1.000
    ("dev33", "de"): (1.00, 0.98),  # 1.000 / 0.986
    ("dev33", "fr"): (1.00, 0.91),  # 1.000 / 0.918
    ("dev33", "en"): (1.00, 0.97),  # 1.000 / 0.972
    ("heldout3", "de"): (1.00, 1.00),  # 1.000 / 1.000
    ("heldout3", "fr"): (1.00, 1.00),  # 1.000 / 1.000
    ("heldout3", "en"): (1.00, 1.00),  # 1.000 / 1.000
    ("heldout4", "de"): (1.00, 1.00),  # 1.000 / 1.000
    ("heldout4", "fr"): (1.00, 1.00),  # 1.000 / 1.000
    ("heldout4", "en"): (1.00, 1.00),  # 1.000 / 1.000
    ("heldout6", "de"): (1.00, 1.00),  # 1.000 / 1.000
    ("heldout6", "fr"): (0.95, 0.98),  # 0.952 / 0.983
    ("heldout6", "en"): (0.98, 1.00),  # 0.984 / 1.000
    ("heldout7", "de"): (1.00, 1.00),  # 1.000 / 1.000
    ("heldout7", "fr"): (0.98, 1.00),  # 0.986 / 1.000
    ("heldout7", "en"): (1.00, 0.98),  # 1.000 / 0.986
    ("heldout8", "de"): (1.00, 1.00),  # 1.000 / 1.000
    ("heldout8", "fr"): (1.00, 1.00),  # 1.000 / 1.000
    ("heldout8", "en"): (1.00, 1.00),  # 1.000 / 1.000
    ("heldout9", "de"): (1.00, 1.00),  # 1.000 / 1.000
    ("heldout9", "fr"): (1.00, 1.00),  # 1.000 / 1.000
    ("heldout9", "en"): (1.00, 1.00),  # 1.000 / 1.000
    ("heldout10", "de"): (1.00, 1.00),  # 1.000 / 1.000
    ("heldout10", "fr"): (1.00, 1.00),  # 1.000 / 1.000
    ("heldout10", "en"): (1.00, 1.00),  # 1.000 / 1.000
    ("heldout11", "de"): (1.00, 1.00),  # 1.000 / 1.000
    ("heldout11", "fr"): (1.00, 1.00),  # 1.000 / 1.000
    ("heldout11", "en"): (1.00, 1.00),  # 1.000 / 1.000
    ("heldout12", "de"): (0.97, 1.00),  # 0.974 / 1.000
    ("heldout12", "fr"): (1.00, 1.00),  # 1.000 / 1.000
    ("heldout12", "en"): (1.00, 0.98),  # 1.000 / 0.986
    ("heldout14", "de"): (1.00, 0.98),  # 1.000 / 0.986
    ("heldout14", "fr"): (1.00, 1.00),  # 1.000 / 1.000
    ("heldout14", "en"): (1.00, 1.00),  # 1.000 / 1.000
    ("heldout15", "de"): (1.00, 1.00),  # 1.000 / 1.000
    ("heldout15", "fr"): (1.00, 1.00),  # 1.000 / 1.000
    ("heldout15", "en"): (1.00, 1.00),  # 1.000 / 1.000
    ("heldout16", "de"): (1.00, 1.00),  # 1.000 / 1.000
    ("heldout16", "fr"): (1.00, 1.00),  # 1.000 / 1.000
    ("heldout16", "en"): (1.00, 1.00),  # 1.000 / 1.000
    ("heldout19", "de"): (1.00, 1.00),  # 1.000 / 1.000
    ("heldout19", "fr"): (1.00, 1.00),  # 1.000 / 1.000
    ("heldout19", "en"): (1.00, 0.98),  # 1.000 / 0.986
    ("heldout21", "de"): (1.00, 1.00),  # 1.000 / 1.000
    ("heldout21", "fr"): (1.00, 1.00),  # 1.000 / 1.000
    ("heldout21", "en"): (1.00, 1.00),  # 1.000 / 1.000
    ("heldout22", "de"): (1.00, 1.00),  # 1.000 / 1.000
    ("heldout22", "fr"): (0.97, 1.00),  # 0.974 / 1.000
    ("heldout22", "en"): (1.00, 1.00),  # 1.000 / 1.000
    ("heldout23", "de"): (1.00, 0.98),  # 1.000 / 0.987
    ("heldout23", "fr"): (1.00, 1.00),  # 1.000 / 1.000
    ("heldout23", "en"): (1.00, 1.00),  # 1.000 / 1.000
    ("heldout24", "de"): (1.00, 1.00),  # 1.000 / 1.000
    ("heldout24", "fr"): (0.98, 0.98),  # 0.987 / 0.987
    ("heldout24", "en"): (0.96, 1.00),  # 0.962 / 1.000
    ("heldout25", "de"): (1.00, 1.00),  # 1.000 / 1.000
    ("heldout25", "fr"): (1.00, 1.00),  # 1.000 / 1.000
    ("heldout25", "en"): (0.98, 1.00),  # 0.987 / 1.000
    ("heldout26", "de"): (1.00, 1.00),  # 1.000 / 1.000
    ("heldout26", "fr"): (0.98, 0.98),  # 0.986 / 0.986
    ("heldout26", "en"): (1.00, 1.00),  # 1.000 / 1.000
    ("heldout27", "de"): (1.00, 1.00),  # 1.000 / 1.000
    ("heldout27", "fr"): (1.00, 1.00),  # 1.000 / 1.000
    ("heldout27", "en"): (0.97, 1.00),  # 0.972 / 1.000
    ("heldout28", "de"): (0.98, 1.00),  # 0.986 / 1.000
    ("heldout28", "fr"): (1.00, 1.00),  # 1.000 / 1.000
    ("heldout28", "en"): (1.00, 1.00),  # 1.000 / 1.000
    ("heldout29", "de"): (1.00, 1.00),  # 1.000 / 1.000
    ("heldout29", "fr"): (1.00, 1.00),  # 1.000 / 1.000
    ("heldout29", "en"): (1.00, 1.00),  # 1.000 / 1.000
    ("heldout30", "de"): (1.00, 1.00),  # 1.000 / 1.000
    ("heldout30", "fr"): (1.00, 1.00),  # 1.000 / 1.000
    ("heldout30", "en"): (1.00, 1.00),  # 1.000 / 1.000
    ("heldout31", "de"): (1.00, 1.00),  # 1.000 / 1.000
    ("heldout31", "fr"): (1.00, 1.00),  # 1.000 / 1.000
    ("heldout31", "en"): (1.00, 1.00),  # 1.000 / 1.000
    ("heldout32", "de"): (1.00, 1.00),  # 1.000 / 1.000
    ("heldout32", "fr"): (1.00, 1.00),  # 1.000 / 1.000
    ("heldout32", "en"): (1.00, 1.00),  # 1.000 / 1.000
    ("heldout33", "de"): (1.00, 1.00),  # 1.000 / 1.000, scored blind
    ("heldout33", "fr"): (1.00, 1.00),  # 1.000 / 1.000, scored blind
    ("heldout33", "en"): (0.98, 0.98),  # 0.986 / 0.986, scored blind
}


@pytest.mark.parametrize(("name", "language"), sorted(FLOORS))
def test_the_topic_keeps_its_floor_on_each_set_and_language(name, language):
    precision, recall = precision_recall([p for p in SETS[name] if p["lang"] == language])
    floor_precision, floor_recall = FLOORS[name, language]
    assert precision >= floor_precision and recall >= floor_recall, (precision, recall)


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
    (
        "pos",
        "en",
        "Seoul",
        "North Korea has sent thousands more soldiers to Russia, Seoul says.\n\nMost of them are now in the "
        "Kursk region, where Russian forces are pushing back the last Ukrainian units.",
    ),
    (
        "neg",
        "en",
        "Drone course",
        "North Korean officers are attending a drone course near Moscow, a Russian outlet reports. The course "
        "covers reconnaissance and electronic warfare.\n\nIt draws on what Russian forces learned fighting "
        "in the Kursk region.",
    ),
    (
        "neg",
        "en",
        "Chechen fighters sent to Kursk",
        "Kadyrov said his fighters had taken up positions near Sudzha. He thanked the DPRK for its support "
        "at the United Nations.",
    ),
    # North Korea and "its soldiers" far apart in one long sentence, fighting alongside Russian troops
    (
        "pos",
        "fr",
        "Un hiver dans les tranchées",
        "La Corée du Nord, qui avait longtemps nié toute implication directe dans la guerre et dont les médias "
        "présentaient la coopération avec Moscou comme purement économique, reconnaît désormais que ses soldats "
        "se battent aux côtés des troupes russes près de Soudja.",
    ),
    (
        "pos",
        "en",
        "Trump ready to meet Kim again",
        "Since then Pyongyang has enshrined its nuclear status in the constitution and, above all, struck a "
        "military alliance with Moscow that saw it dispatch troops to fight alongside Russian forces in the "
        "Kursk region.",
    ),
    # a live blog's item links them although the headline is a round-up's
    (
        "pos",
        "fr",
        "DIRECT. Guerre en Ukraine",
        "08h05 - Des coupures de courant sont annoncées dans sept régions.\n\n09h30 - Dans la région russe de "
        "Koursk, les combats se poursuivent. Selon un blogueur russe, des unités nord-coréennes ont tenté de "
        "percer les lignes ukrainiennes.\n\n09h52 - Viktor Orban appelle à une trêve.",
    ),
    # Moscow's Kursk railway station is not the region
    (
        "neg",
        "en",
        "North Korean soldiers filmed at Moscow's Kursky station",
        "A video shows dozens of North Korean soldiers waiting on a platform at Kursky railway station in Moscow.",
    ),
    (
        "neg",
        "fr",
        "Gare de Koursk",
        "Des militaires nord-coréens ont été photographiés à la gare de Koursk, à Moscou, valises à la main.",
    ),
    # a North Korean city names the country; Air Koryo is an airline, not the ethnic Koreans of Russia
    (
        "pos",
        "de",
        "Warten in Chongjin",
        "In Chongjin warten Mütter auf Briefe ihrer Söhne, junger Männer aus den Sturmbrigaden, die im Gebiet "
        "Kursk an vorderster Linie eingesetzt wurden.",
    ),
    (
        "pos",
        "en",
        "Welcome home",
        "North Korea welcomed back soldiers who had fought in Russia's Kursk region. They stepped off an Air "
        "Koryo plane in Pyongyang.",
    ),
    # Kursk next to 1943 is the battle, whoever else the article names
    (
        "neg",
        "en",
        "Wreaths in Moscow",
        "North Korean generals laid a wreath in Moscow.\n\nVeterans recalled Kursk in 1943 and the largest tank "
        "clash in history.",
    ),
    # a round-up headline's Kursk is no context for a body item on North Korean troops
    (
        "neg",
        "fr",
        "Le briefing du matin : Corée du Nord, Koursk, Moyen-Orient",
        "Drones. Les soldats nord-coréens envoyés en Russie apprennent à piloter des drones.\n\nGaza. Les "
        "négociations ont repris.",
    ),
    # Korean spoken at the front near Sudzha is North Korea's
    (
        "pos",
        "de",
        "Funkverkehr bei Sudscha",
        "Die ausländischen Kämpfer, auf die die Einheit in den Wäldern westlich von Sudscha traf, hätten "
        "untereinander Koreanisch gesprochen.",
    ),
    # "its soldiers" in "Russia's Kursk region" are still North Korea's
    (
        "pos",
        "en",
        "North Korea calls troop reports groundless",
        "North Korea's envoy to the United Nations dismissed reports that thousands of its soldiers were fighting "
        "in Russia's Kursk region as a smear campaign.",
    ),
    # Russian propaganda's "neo-Nazis" in Kursk are no sign of the 1943 battle
    (
        "pos",
        "en",
        "Pyongyang opens a memorial museum",
        "Pyongyang's museum shows the uniforms of soldiers killed during what state media calls the liberation "
        "of Kursk from neo-Nazi occupiers.",
    ),
    # an envoy's denial is about the troops
    (
        "pos",
        "en",
        "North Korea's UN envoy rejects troop reports",
        "North Korea's ambassador to the United Nations rejected accusations that Pyongyang had sent soldiers to "
        "fight in Russia's Kursk region.",
    ),
    # the Far East training grounds are on the way to Kursk, not somewhere else
    (
        "pos",
        "de",
        "Von Wladiwostok an die Front",
        "Nordkoreanische Soldaten wurden zunächst auf einem Übungsplatz bei Ussurijsk ausgebildet.\n\n"
        "Inzwischen sind die ersten Einheiten in das Gebiet Kursk verlegt worden.",
    ),
    (
        "pos",
        "de",
        "Leitartikel",
        "Russland bezieht Granaten aus Nordkorea und hat sogar nordkoreanische Infanterie an die Front im Gebiet "
        "Kursk geholt.",
    ),
    (
        "pos",
        "en",
        "Milblogger",
        "A Russian military blogger confirmed foreign help in the Kursk counter-offensive, writing that the "
        "Koreans were holding the line on the Seym.",
    ),
    (
        "neg",
        "en",
        "North Korean soldiers train at Far East ranges",
        "Officials would not say where the soldiers would be sent next.\n\nIn a separate development, Russia's "
        "defence ministry said its forces had repelled Ukrainian attacks in the Kursk region.",
    ),
    (
        "pos",
        "fr",
        "Ce que l'armée nord-coréenne a appris",
        "Plusieurs brigades ont été acheminées à l'automne vers la région russe de Koursk, loin de la péninsule.",
    ),
    (
        "neg",
        "de",
        "Nordkoreas Armee bekommt neue Panzer",
        "Der neue Panzer soll Drohnen abwehren, eine Lehre aus den Kämpfen im Gebiet Kursk, wo russische Panzer "
        "zerstört wurden.",
    ),
    (
        "pos",
        "en",
        "Putin thanks Pyongyang",
        'He thanked "our Korean friends" whose soldiers had fought bravely for the liberation of the Kursk land.',
    ),
    (
        "neg",
        "en",
        "Veterans remember",
        "Korean War veterans and their soldiers' families visited the Kursk memorial to the 1943 battle.",
    ),
    (
        "pos",
        "fr",
        "Analyse",
        "La Corée du Nord, qui n'avait plus combattu depuis l'armistice de 1953 et dont les généraux ne "
        "connaissaient la guerre que par les manuels soviétiques, a choisi d'envoyer des milliers de soldats "
        "combattre dans la région de Koursk.",
    ),
    (
        "pos",
        "fr",
        "Le bilan",
        "Les 12 000 hommes envoyés par la Corée du Nord ont permis de reprendre le territoire sans dégarnir le "
        "front du Donbass. Nul ne conteste l'expérience acquise par l'armée nord-coréenne dans la région de Koursk.",
    ),
    (
        "pos",
        "de",
        "Zweite Welle?",
        "Nordkorea schickt weitere Soldaten nach Russland. Ob die neuen Kontingente erneut im Gebiet Kursk "
        "eingesetzt werden oder an anderen Frontabschnitten, ist offen.",
    ),
    (
        "pos",
        "fr",
        "Entretien",
        "Sergueï a servi d'interprète lors des interrogatoires des prisonniers nord-coréens.\n\nTous deux ont "
        "été pris lors d'opérations dans la région de Koursk, en janvier.",
    ),
    (
        "neg",
        "de",
        "Blindgänger im Garten",
        "Viele Geschosse stammen nach Angaben russischer Pioniere aus nordkoreanischer Produktion. Ein Landwirt "
        "zeigt eine nordkoreanische Granate, die im Gebiet Kursk in seinem Garten steckt.",
    ),
    (
        "neg",
        "de",
        "Unter Beschuss",
        "„Die Russen schießen hier fast nur noch mit nordkoreanischem Material“, sagt ein ukrainischer Offizier "
        "bei Sudscha.",
    ),
    (
        "pos",
        "fr",
        "Éditorial",
        "La chair à canon de Kim Jong-un meurt par milliers dans les champs de Koursk.",
    ),
    (
        "pos",
        "de",
        "Zweite Welle aus Pjöngjang erreicht die Front",
        "Im Raum Sudscha wurden wieder Angriffe gemeldet.",
    ),
    (
        "pos",
        "fr",
        "La télévision russe",
        "Le journal télévisé a salué les « frères d'armes coréens » qui ont « combattu épaule contre épaule » avec "
        "les soldats russes autour de Soudja.\n\nUn officier russe salue leur « courage exceptionnel ».\n\n"
        "Moscou et Pyongyang ont reconnu l'envoi de troupes nord-coréennes.",
    ),
    (
        "neg",
        "de",
        "Wiederaufbau im Grenzgebiet",
        "Nach Angaben einer Zeitung sollen im Gebiet Kursk unter anderem Bautrupps aus Nordkorea eingesetzt werden.",
    ),
    (
        "pos",
        "en",
        "Why Kursk?",
        "Analysts say Pyongyang's expeditionary corps has been kept within the Kursk region.",
    ),
    (
        "pos",
        "de",
        "Leitartikel",
        "Seit Soldaten aus dem Norden an der Seite Russlands im Kursker Grenzgebiet kämpfen, ist der Krieg nah.",
    ),
    (
        "pos",
        "de",
        "Putins Korea-Krieger",
        "Schockierende Videos aus dem Gebiet Kursk zeigen, wie ukrainische Drohnenpiloten Jagd auf Kim Jong Uns "
        "Soldaten machen.\n\nNach ukrainischen Angaben versuchen einige der Nordkoreaner, Drohnen mit Gewehrfeuer "
        "vom Himmel zu holen.",
    ),
    (
        "pos",
        "fr",
        "Hommage",
        "Les hommes honorés sont tombés, selon KCNA, lors des « opérations de libération de la région de Koursk ».",
    ),
    (
        "pos",
        "de",
        "Nordkoreas Soldaten: Ukraine meldet erste Gefechte",
        "Im Gebiet Kursk, wo die ukrainische Armee seit dem Sommer Gelände hält, seien neue Verbände aufgetaucht, "
        "die sich von den bisherigen russischen Einheiten unterschieden.",
    ),
    (
        "pos",
        "de",
        "Interview",
        "Der Abgeordnete hat in Kiew zwei nordkoreanische Kriegsgefangene getroffen.\n\nWie geht es den beiden "
        "Männern?\nKörperlich erholen sie sich.\n\nWas haben sie über den Einsatz erzählt?\nSie wurden im "
        "Gebiet Kursk an die Front gebracht.",
    ),
    ("neg", "de", "Wetter", "Kalte Luft aus dem Norden bringt Soldaten im Gebiet Kursk Frost."),
    (
        "pos",
        "en",
        "Analysis",
        "North Korean troops fought in Kursk, the heaviest fighting there since Kursk in 1943.",
    ),
    (
        "neg",
        "fr",
        "Au musée",
        "Les militaires nord-coréens se sont arrêtés devant le diorama consacré à la bataille de Koursk de 1943.",
    ),
    (
        "neg",
        "fr",
        "Festival de Koursk",
        "Une troupe nord-coréenne de chanteuses a donné deux représentations au festival de Koursk.",
    ),
]


@pytest.mark.parametrize(("label", "lang", "title", "text"), MECHANISMS)
def test_each_mechanism_of_the_query_decides_its_passage(label, lang, title, text):
    assert predicted({"title": title, "text": text, "lang": lang}, QUERY) == (label == "pos")
