"""The normaliser: each rule with German, French and English examples, the same on both sides."""

import pytest

from wirewatch.match.normalize import Normalizer, fold, forms, split_chunk

N = Normalizer()


def doc_forms(chunk: str) -> set[str]:
    return set(N.chunk_tokens(chunk)[2])


def query_forms(word: str) -> set[str]:
    (only,) = N.query_word(word)
    return set(only)


def meets(query: str, document: str) -> bool:
    """A query word finds a document word when they share a form."""
    return bool(query_forms(query) & doc_forms(document))


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("NORDKOREA", "nordkorea"),
        ("Nord-Coréens", "nord-coreens"),
        ("Straße", "strasse"),  # Unicode case folding, not lower()
        ("Gemäss", "gemass"),
        ("Ærø", "ærø"),  # no decomposition: left alone
        ("ﬁnal", "final"),  # compatibility ligature
    ],
)
def test_fold_removes_case_and_diacritics(text, folded):
    assert fold(text) == folded


@pytest.mark.parametrize(
    ("query", "document"),
    [
        ("Pjöngjang", "Pjoengjang"),  # ü -> ue
        ("Pjöngjang", "Pjongjang"),  # ü -> u
        ("Pjoengjang", "Pjöngjang"),
        ("Müller", "Mueller"),
        ("armée", "ARMEE"),
        ("coréens", "Coreens"),
        ("Straße", "Strasse"),
        ("Kämpfer", "Kaempfer"),
    ],
)
def test_umlauts_and_accents_meet_their_plain_spellings(query, document):
    assert meets(query, document)


def test_an_unrelated_spelling_does_not_meet():
    assert not meets("Pjoengjang", "Pjongjang")  # written with oe, the query asks for the oe form
    assert not meets("Kursk", "Koursk")


@pytest.mark.parametrize(
    ("chunk", "word"),
    [
        ("l'armée", "armee"),
        ("L’Armée", "armee"),  # typographic apostrophe
        ("d'Ukraine", "ukraine"),
        ("qu'il", "il"),
        ("jusqu'à", "a"),
        ("s'est", "est"),
    ],
)
def test_french_elisions_are_split_off(chunk, word):
    assert doc_forms(chunk) == {word}
    assert query_forms(chunk) == {word}


def test_other_apostrophes_possessives_and_swiss_thousands():
    assert doc_forms("Russia's") == {"russia"}  # English possessive
    assert doc_forms("Pyongyang’s") == {"pyongyang"}
    assert doc_forms("10'000") == {"10000"}  # Swiss thousands separator
    assert doc_forms("aujourd'hui") == {"aujourdhui"}  # not an elision: joined
    assert [(p.start, p.end) for p in split_chunk("l'armée")] == [(2, 7)]


@pytest.mark.parametrize(
    ("query", "document"),
    [
        ("nord-coréens", "nordcoréens"),
        ("nordcoréens", "nord-coréens"),
        ("Nord-Korea", "Nordkorea"),
        ("Nordkorea", "Nord-Korea"),
        ("north-korean", "North-Korean"),
        ("Kursk-Region", "Kurskregion"),
    ],
)
def test_hyphenated_and_joined_forms_are_equal(query, document):
    assert meets(query, document)


def test_hyphenated_chunks_keep_their_parts_at_consecutive_positions():
    tokens, width, _ = N.chunk_tokens("Nord-Korea-Truppen")
    assert width == 3
    spans = {(t.text, t.first, t.last) for t in tokens}
    assert {("nord", 0, 0), ("korea", 1, 1), ("truppen", 2, 2)} <= spans
    assert {("nordkorea", 0, 1), ("koreatruppen", 1, 2), ("nordkoreatruppen", 0, 2)} <= spans


@pytest.mark.parametrize(
    ("head", "compound"),
    [
        ("Truppen", "Kampftruppen"),
        ("Soldaten", "Elitesoldaten"),
        ("Region", "Grenzregion"),
        ("Einheiten", "Kampfeinheiten"),
        ("Truppen", "Nordkorea-Truppen"),  # hyphenated: the part itself
        ("Region", "Kursk-Region"),
    ],
)
def test_german_compounds_are_found_by_a_listed_head(head, compound):
    assert meets(head, compound)


def test_heads_need_a_real_compound_and_are_not_added_to_query_words():
    assert doc_forms("Front") == {"front"}  # the head alone is just the word
    assert "front" not in doc_forms("Afront")  # too short a rest to be a compound
    assert query_forms("Kampftruppen") == {"kampftruppen"}  # a query word stays specific
    assert "wahl" not in doc_forms("Kampftruppen")


def test_compound_heads_can_be_extended():
    assert "kurs" not in doc_forms("Wechselkurs")
    assert "kurs" in set(Normalizer(heads=["kurs"]).chunk_tokens("Wechselkurs")[2])


def test_forms_of_one_word():
    assert forms("Ölpreis") == ("olpreis", "oelpreis")
    assert forms("Koursk") == ("koursk",)


def test_tokens_keep_offsets_in_the_chunk():
    chunk = "l'armée"
    (token,) = N.chunk_tokens(chunk)[0]
    assert chunk[token.start : token.end] == "armée"


@pytest.mark.parametrize(
    "word, head",
    [("Nordkoreasoldaten", "soldaten"), ("Soldatenkontingent", "kontingent"), ("Kampftruppen", "truppen")],
)
def test_a_german_compound_of_frequent_words_gives_its_head_and_the_heads_stem(word, head):
    tokens = set(N.chunk_tokens(word, "de")[2])
    assert {head, N.stem(head, "de")} <= tokens


def test_compounds_are_split_by_frequency_only_in_german_text():
    assert "kontingent" not in set(N.chunk_tokens("Soldatenkontingent", "en")[2])


def test_a_word_that_is_no_compound_of_frequent_words_is_not_split():
    assert set(N.chunk_tokens("Kursker", "de")[2]) == {"kursker", "~de:kursk"}
    assert set(N.chunk_tokens("Verstärkung", "de")[2]) == {"verstarkung", "verstaerkung", "~de:verstark"}
