"""Hostile pages and queries (issue 13, findings 1-3): bounded explanations, bounded proximity work,
and a topic that fails to compile or to match leaves the other topics matching."""

import json

import pytest

from wirewatch.config import TopicsFile
from wirewatch.match import compile_topics, cost_warnings
from wirewatch.match.explain import HITS_PER_TERM
from wirewatch.match.query import MAX_CHAINS

KURSK = {
    "id": "kursk",
    "name": "Kursk",
    "query": '"@nk @mil @kursk"~15',
    "terms": {"nk": ["nordkorea*"], "mil": ["soldat*"], "kursk": ["kursk*"]},
}


def topics(*extra: dict) -> TopicsFile:
    return TopicsFile.model_validate({"topics": [KURSK, *extra]})


def test_a_dense_page_gets_a_bounded_explanation_with_true_counts():
    compiled = compile_topics(topics())
    body = "Nordkoreanische Soldaten kämpfen in Kursk. " * 3000  # about 130 KB
    (found,) = compiled.match(compiled.document(body=body, language="de"))
    assert len(json.dumps(found.as_json())) < 20_000  # was 675 KB of hits
    assert len(found.hits) <= 3 * HITS_PER_TERM
    # a proximity clause lists its first MAX_CHAINS matches; a plain word counts every occurrence
    assert found.hit_counts == {"kursk*": MAX_CHAINS, "nordkorea*": MAX_CHAINS, "soldat*": MAX_CHAINS}
    assert all(body[h.start : h.end] == h.text for h in found.hits)


def test_a_page_dense_with_one_word_stores_a_bounded_explanation():
    compiled = compile_topics(
        TopicsFile.model_validate({"topics": [{"id": "k", "name": "k", "query": "kursk"}]})
    )
    (found,) = compiled.match(compiled.document(body="Kursk " * 50_000))
    assert found.hit_counts == {"kursk": 50_000}
    assert len(found.hits) == HITS_PER_TERM
    assert found.score == pytest.approx(15.61, abs=0.01)  # log2(1 + 50,000): every hit still counts


def test_a_forty_slot_proximity_over_twenty_thousand_words_is_bounded():
    slots = " ".join(["ab*"] * 40)
    wide = {"id": "wide", "name": "wide", "query": f'"{slots}"~100000'}
    compiled = compile_topics(topics(wide))
    body = " ".join(f"ab{i % 97} Nordkorea Soldaten Kursk" for i in range(5000))
    doc = compiled.document(body=body, language="de")
    found = {m.topic_id: m for m in compiled.match(doc)}
    assert set(found) == {"kursk", "wide"}
    assert len(found["wide"].hits) <= HITS_PER_TERM


def test_proximity_work_beyond_the_budget_is_recorded_against_that_topic_only():
    distinct = " ".join(f"a{chr(97 + i)}*" for i in range(20))
    greedy = {"id": "greedy", "name": "greedy", "query": f'"{distinct}"~0'}
    compiled = compile_topics(topics(greedy))
    body = ". ".join(f"a{chr(97 + i % 20)}x" for i in range(200_000)) + ". Nordkoreanische Soldaten in Kursk."
    found = compiled.match(compiled.document(body=body, language="de"))
    assert [m.topic_id for m in found] == ["kursk"]
    (error,) = compiled.match_errors
    assert error.topic_id == "greedy" and "WorkBudgetExceeded" in error.message


@pytest.mark.parametrize(
    "query",
    [
        "(" * 1000 + "kursk" + ")" * 1000,
        "NOT " * 5000 + "kursk AND nordkorea*",
        "(" * 150 + "kursk" + ")" * 150,
    ],
)
def test_a_deeply_nested_query_is_left_out_and_the_others_match(query):
    compiled = compile_topics(topics({"id": "deep", "name": "deep", "query": query}))
    (error,) = compiled.errors
    assert error.topic_id == "deep" and "deep" in error.message
    found = compiled.match(compiled.document(body="Nordkoreanische Soldaten in Kursk.", language="de"))
    assert [m.topic_id for m in found] == ["kursk"]


def test_a_reasonably_nested_query_still_compiles():
    compiled = compile_topics(topics({"id": "nested", "name": "n", "query": "(" * 50 + "kursk" + ")" * 50}))
    assert not compiled.errors


def test_topics_check_warns_about_queries_whose_cost_can_explode():
    slots = " ".join(["ab*"] * 40)
    warnings = cost_warnings(topics({"id": "wide", "name": "wide", "query": f'"{slots}"~100000'}))
    assert len(warnings) == 1 and "'wide'" in warnings[0] and "40 slots" in warnings[0]
    assert cost_warnings(topics()) == []
