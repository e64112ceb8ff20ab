"""The fast path (presearch, clauses shared by topics, per-document caches) finds exactly what the
straightforward evaluation finds: every topic on its own, nothing carried over from one topic to
the next. Checked on the benchmark's generated topics and articles, short and of realistic length,
and on the labelled passages of tests/data with the shipped topics."""

import json
from pathlib import Path

import pytest
import yaml

from benchmarks.match import generate_articles, generate_topics, realistic_length
from wirewatch.config import TopicsFile, load_topics
from wirewatch.match import CompiledTopics, TopicMatch, compile_topics

REPO = Path(__file__).resolve().parents[2]


def straightforward(compiled: CompiledTopics, article: dict) -> list[TopicMatch]:
    doc = compiled.document(**article)
    found = []
    for entry in compiled:
        doc.memo.clear()  # no result of another topic's clauses
        result = compiled.evaluate(entry, doc)
        if result is not None:
            found.append(result)
    return found


def fast(compiled: CompiledTopics, article: dict) -> list[TopicMatch]:
    return compiled.match(compiled.document(**article))


@pytest.fixture(scope="module")
def generated() -> tuple[TopicsFile, list[dict]]:
    articles = generate_articles(3000)
    sample = articles[::60] + realistic_length(articles, 3000)[::75]
    fields = ("title", "body", "language", "outlet")
    return generate_topics(2000), [{k: a[k] for k in fields} for a in sample]


def test_generated_topics_match_the_same_either_way(generated):
    topics, articles = generated
    compiled = compile_topics(topics)
    matched = 0
    for article in articles:
        expected = straightforward(compiled, article)
        assert fast(compiled, article) == expected  # same topics, hits, scores and snippets
        matched += len(expected)
    assert matched > len(articles) * 0.7  # not vacuous


def test_a_topic_compiled_alone_matches_as_it_does_among_all(generated):
    """Topics share identical clauses when compiled together; alone, nothing is shared."""
    topics, articles = generated
    compiled = compile_topics(topics)
    together = [{m.topic_id: m for m in fast(compiled, a)} for a in articles]
    hit = {topic_id for found in together for topic_id in found}
    sample = [t for t in topics.topics if t.id in hit] + topics.topics[:50]
    matched = 0
    for topic in sample:
        alone = compile_topics(TopicsFile(topics=[topic]))
        for article, found in zip(articles, together, strict=True):
            mine = fast(alone, article)
            assert mine == ([found[topic.id]] if topic.id in found else [])
            matched += len(mine)
    assert matched > 50


def jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_the_shipped_topics_on_the_labelled_passages_match_the_same_either_way():
    compiled = compile_topics(load_topics(REPO / "include/config/topics.yaml"))
    passages = yaml.safe_load((REPO / "tests/data/dprk_kursk_eval.yaml").read_text(encoding="utf-8"))
    passages = passages["passages"] + jsonl(REPO / "tests/data/dprk_kursk_dev.jsonl")
    for language in ("de", "fr", "en"):
        passages += jsonl(REPO / f"tests/data/dprk_kursk_dev_{language}.jsonl")
        passages += jsonl(REPO / f"tests/data/dprk_kursk_dev3_{language}.jsonl")
    matched = 0
    for p in passages:
        article = {"title": p.get("title") or "", "body": p["text"], "language": p["lang"]}
        expected = straightforward(compiled, article)
        assert fast(compiled, article) == expected
        matched += len(expected)
    assert matched > 100
