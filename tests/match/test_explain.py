"""Explanations: hits point at the matched text, the snippet marks them, the score ranks."""

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.match.test_presearch import VOCAB, compile_queries
from wirewatch.match.explain import Hit, score, snippet


def test_offsets_point_at_the_matched_text_through_every_normalisation():
    compiled = compile_queries(["nordkorea* AND armee AND ukraine AND region AND pjöngjang AND kursk*"])
    body = "Die Nordkorea-Truppen, l'Armée d'Ukraine, die Grenzregion, Pjoengjang und das Kursker Gebiet."
    (found,) = compiled.match(compiled.document(body=body))
    assert {(h.term, h.text) for h in found.hits} == {
        ("nordkorea*", "Nordkorea"),
        ("armee", "Armée"),
        ("ukraine", "Ukraine"),
        ("region", "Grenzregion"),
        ("pjöngjang", "Pjoengjang"),
        ("kursk*", "Kursker"),
    }
    assert all(body[h.start : h.end] == h.text for h in found.hits)


def test_phrase_and_proximity_hits():
    compiled = compile_queries(['"north korea*" AND "kursk region"~2', '"troops kursk"~3'])
    body = "North Koreans arrived. Troops are in the Kursk border region."
    first, second = compiled.match(compiled.document(body=body))
    assert [(h.term, h.text) for h in first.hits] == [
        ('"north korea*"', "North Koreans"),  # an exact phrase hits as a whole
        ("kursk", "Kursk"),  # a proximity part hits under its own term
        ("region", "region"),
    ]
    assert [h.text for h in second.hits] == ["Troops", "Kursk"]


@settings(max_examples=100, deadline=None)
@given(
    words=st.lists(st.sampled_from(VOCAB), min_size=1, max_size=30),
    separators=st.lists(st.sampled_from([" ", ", ", ". ", "\n", "-", " « "]), min_size=30, max_size=30),
)
def test_every_hit_offset_slices_its_text(words, separators):
    body = "".join(w + s for w, s in zip(words, separators, strict=False))
    compiled = compile_queries(["kursk* OR nordkorea* OR truppen OR armee OR pjöngjang OR region OR strasse"])
    for found in compiled.match(compiled.document(title=words[0], body=body)):
        for hit in found.hits:
            text = words[0] if hit.field == "title" else body
            assert text[hit.start : hit.end] == hit.text
            assert hit.text.strip() == hit.text and hit.text


def test_snippet_marks_every_hit_in_the_densest_window():
    text = "alpha beta gamma " * 20 + "Kursk" + " delta" * 3 + " Truppen" + " epsilon zeta" * 20 + " Kursk"
    first = text.index("Kursk")
    hits = [
        Hit("kursk", "body", first, first + 5, "Kursk"),
        Hit("truppen", "body", text.index("Truppen"), text.index("Truppen") + 7, "Truppen"),
        Hit("kursk", "body", len(text) - 5, len(text), "Kursk"),
    ]
    result = snippet(text, hits, radius=40)
    assert "[[Kursk]] delta delta delta [[Truppen]]" in result
    assert result.startswith("…") and result.endswith("…")
    assert len(result) < 130


def test_overlapping_hits_are_marked_once():
    text = "die Nordkoreatruppen rücken vor"
    hits = [
        Hit("nordkorea*", "body", 4, 20, "Nordkoreatruppen"),
        Hit("truppen", "body", 4, 20, "Nordkoreatruppen"),
    ]
    assert snippet(text, hits) == "die [[Nordkoreatruppen]] rücken vor"


def test_score_weights_titles_and_repeats():
    body_once = [Hit("a", "body", 0, 1, "a")]
    body_thrice = [Hit("a", "body", i, i + 1, "a") for i in range(3)]
    in_title = [Hit("a", "title", 0, 1, "a")]
    two_terms = body_once + [Hit("b", "body", 2, 3, "b")]
    assert score(body_once) == 1.0
    assert score(body_once) < score(body_thrice) < score(body_once) * 3
    assert score(in_title) == 2.0
    assert score(two_terms) == 2.0


def test_as_json_has_everything_the_matches_table_stores():
    compiled = compile_queries(["kursk"])
    (found,) = compiled.match(compiled.document(title="Kursk", body="In Kursk."))
    data = found.as_json()
    assert data["topic"] == "t0" and data["terms"] == ["kursk"] and data["score"] == 3.0
    assert data["hits"] == [
        {"term": "kursk", "field": "title", "start": 0, "end": 5, "text": "Kursk"},
        {"term": "kursk", "field": "body", "start": 3, "end": 8, "text": "Kursk"},
    ]
    assert data["snippet"] == "In [[Kursk]]."
