"""The presearcher returns exactly what evaluating every topic returns, and skips the topics it can."""

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wirewatch.config import TopicsFile
from wirewatch.match import compile_topics
from wirewatch.match.presearch import _set_bits

# Words that exercise every normalisation rule: umlauts, elisions, hyphens, compounds, prefixes.
VOCAB = [
    "Kursk",
    "Kursker",
    "Koursk",
    "Nordkorea",
    "Nord-Korea",
    "nordkoreanische",
    "Nordkorea-Truppen",
    "Kampftruppen",
    "Truppen",
    "Soldaten",
    "soldats",
    "nord-coréens",
    "nordcoréens",
    "l'armée",
    "d'Ukraine",
    "Pjöngjang",
    "Pjoengjang",
    "Russia's",
    "troops",
    "North",
    "Korean",
    "Region",
    "Grenzregion",
    "Straße",
    "submarine",
    "U-Boot",
    "de",
    "la",
]
QUERY_WORDS = [
    "kursk",
    "kursk*",
    "koursk*",
    "nordkorea*",
    "nord-korea",
    "truppen",
    "truppe*",
    "soldat*",
    "nord-coré*",
    "armée",
    "ukraine",
    "pjöngjang",
    "pjoengjang",
    "russia",
    "troops",
    "region",
    "strasse",
    "submarine",
    "u-boot",
    "de",
    '"north korean"',
    '"north korea*"',
    '"nordkorea truppen"',
    '"nordkorea* truppen"~2',
    '"kursk region"~3',
    "@nk",
]
TERMS = {"nk": ["nordkorea*", '"north korea*"', "nord-coré*"]}
SEPARATORS = [" ", " ", " ", ", ", ". ", "-", "\n\n"]

leaf = st.sampled_from(QUERY_WORDS).flatmap(
    lambda w: st.sampled_from([w, f"title:{w}", f"body:{w}"]) if not w.startswith("@") else st.just(w)
)
query = st.recursive(
    leaf,
    lambda inner: st.one_of(
        st.tuples(inner, st.sampled_from([" AND ", " OR ", " ", " -", " AND NOT "]), inner).map(
            lambda t: f"({t[0]}{t[1]}{t[2]})"
        ),
    ),
    max_leaves=5,
)
text = st.lists(st.tuples(st.sampled_from(VOCAB), st.sampled_from(SEPARATORS)), max_size=25).map(
    lambda pairs: "".join(w + s for w, s in pairs)
)


def compile_queries(queries: list[str], default_operator: str = "AND"):
    file = TopicsFile.model_validate(
        {
            "default_operator": default_operator,
            "topics": [{"id": f"t{i}", "name": q, "query": q, "terms": TERMS} for i, q in enumerate(queries)],
        }
    )
    return compile_topics(file)


def both_ways(compiled, title: str, body: str):
    fast = compiled.match(compiled.document(title=title, body=body))
    slow = compiled.match(compiled.document(title=title, body=body), presearch=False)
    return fast, slow


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    queries=st.lists(query, min_size=1, max_size=12),
    title=text,
    body=text,
    default_operator=st.sampled_from(["AND", "OR"]),
)
def test_presearch_finds_exactly_what_brute_force_finds(queries, title, body, default_operator):
    compiled = compile_queries(queries, default_operator)
    fast, slow = both_ways(compiled, title, body)
    assert fast == slow  # same topics, same hits, scores and snippets


def test_random_cases_match_often_so_the_property_is_not_vacuous():
    rng = random.Random(3)
    matched = 0
    for _ in range(200):
        queries = [" AND ".join(rng.sample(QUERY_WORDS[:20], rng.randint(1, 2))) for _ in range(8)]
        body = " ".join(rng.choice(VOCAB) for _ in range(rng.randint(3, 20)))
        fast, slow = both_ways(compile_queries(queries), "", body)
        assert fast == slow
        matched += bool(fast)
    assert matched > 100


def test_a_document_is_evaluated_only_against_topics_that_can_match():
    words = [f"wort{i:03d}" for i in range(300)]
    compiled = compile_queries([f"{w} AND (kursk OR koursk)" for w in words])
    doc = compiled.document(body="wort007 und wort123 in Kursk")
    assert {compiled.topics[i].topic.id for i in compiled.presearcher.candidates(doc)} == {"t7", "t123"}
    assert [m.topic_id for m in compiled.match(doc)] == ["t7", "t123"]
    # indexed under wort007, but the other requirement (kursk OR koursk) is missing: not evaluated
    without = compiled.document(body="wort007 in Bern")
    assert compiled.presearcher.candidates(without) == []


def test_the_anchor_is_the_most_selective_required_clause():
    compiled = compile_queries(["de AND nordkoreanische AND (kursk OR koursk)", "lang:de AND kursk"])
    assert {w.forms[0] for w in compiled.topics[0].anchor} == {"nordkoreanische"}
    assert {w.forms[0] for w in compiled.topics[1].anchor} == {"kursk"}  # not the language code


@pytest.mark.parametrize("count", [0, 1, 15, 64, 65, 600])
def test_candidates_are_read_from_the_bits_in_order(count):
    indexes = random.Random(count).sample(range(1000), count)
    number = sum(1 << i for i in indexes)
    assert _set_bits(number) == sorted(indexes)  # few bits one at a time, many from the bit string
