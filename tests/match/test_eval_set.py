"""The shipped topic on the labelled passages of tests/data (labelling rule: dprk_kursk_eval.md).

Thresholds: the issue asks for precision and recall of at least 0.95 on the whole set, which
allows at most 4 misses among its 90 positives and about 4 false hits. Each language must also
reach 0.9 on its own, so a language with only ~30 positives cannot be neglected behind the others.
"""

from collections import Counter
from pathlib import Path

import pytest
import yaml

from wirewatch.config import load_topics
from wirewatch.match import compile_topics, match_document

REPO = Path(__file__).resolve().parents[2]
PASSAGES = yaml.safe_load((REPO / "tests/data/dprk_kursk_eval.yaml").read_text(encoding="utf-8"))["passages"]
TOPICS = compile_topics(load_topics(REPO / "include/config/topics.yaml"))


def predicted(passage: dict) -> bool:
    found = match_document(
        TOPICS, title=passage.get("title", ""), body=passage["text"], language=passage["lang"]
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


def test_shipped_topic_reaches_precision_and_recall_of_095():
    precision, recall = precision_recall(PASSAGES)
    assert precision >= 0.95, precision
    assert recall >= 0.95, recall


@pytest.mark.parametrize("language", ["de", "fr", "en"])
def test_each_language_reaches_090(language):
    precision, recall = precision_recall([p for p in PASSAGES if p["lang"] == language])
    assert precision >= 0.9 and recall >= 0.9, (precision, recall)


def test_every_hard_negative_of_the_named_traps_is_rejected():
    traps = {"submarine", "battle-1943", "person", "missile", "russian-troops"}
    wrong = [p["id"] for p in PASSAGES if p["kind"] in traps and predicted(p)]
    assert wrong == []
