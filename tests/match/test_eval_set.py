"""The shipped topic on the labelled passages of tests/data (labelling rule: dprk_kursk_eval.md).

Thresholds: precision and recall of at least 0.97 on the old set and the first development
split, and each language at least 0.95 on its own, so a language cannot be neglected behind the
others. The second development split (dprk_kursk_dev_{de,fr,en}.jsonl) was written as a held-out
set and scored once (de 0.902/0.965, fr 0.963/0.951, en 0.917/0.963) before it was used for
tuning, and so was the third, realistic multi-paragraph articles (de 0.740/0.987, fr 0.833/0.987,
en 0.831/0.985); both keep floors against regressions. tests/data/heldout3 was scored once
(de 0.952/0.952, fr 0.984/0.984, en 0.985/0.985); its floor guards against regressions only.
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
def test_each_language_reaches_095(name, language):
    passages = PASSAGES if name == "old" else DEV
    precision, recall = precision_recall([p for p in passages if p["lang"] == language])
    assert precision >= 0.95 and recall >= 0.95, (precision, recall)


def test_the_second_development_split_keeps_its_floor():
    assert len(DEV2) >= 400 and len({p["id"] for p in DEV2}) == len(DEV2)
    assert sum(p["label"] == "neg" for p in DEV2) >= 0.45 * len(DEV2)
    precision, recall = precision_recall(DEV2)
    assert precision >= 0.95 and recall >= 0.95, (precision, recall)


def test_the_third_development_split_keeps_its_floor():
    assert len(DEV3) >= 400 and sum(p["label"] == "neg" for p in DEV3) >= 0.5 * len(DEV3)
    precision, recall = precision_recall(DEV3)
    assert precision >= 0.9 and recall >= 0.96, (precision, recall)


def test_the_held_out_set_keeps_the_figures_it_was_scored_with():
    assert len(HELDOUT3) >= 400 and sum(p["label"] == "neg" for p in HELDOUT3) >= 0.5 * len(HELDOUT3)
    precision, recall = precision_recall(HELDOUT3)
    assert precision >= 0.97 and recall >= 0.97, (precision, recall)


def test_every_hard_negative_of_the_named_traps_is_rejected():
    traps = {"submarine", "battle-1943", "person", "missile", "russian-troops"}
    wrong = [p["id"] for p in PASSAGES if p["kind"] in traps and predicted(p)]
    assert wrong == []
