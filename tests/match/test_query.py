"""The query language: every operator, precedence, field scopes, term lists, and errors with positions."""

import pytest

from wirewatch.config import TopicsFile
from wirewatch.match import compile_topics, match_document
from wirewatch.match.query import QueryError, parse


def topics(query: str, terms: dict | None = None, default_operator: str = "AND") -> TopicsFile:
    return TopicsFile.model_validate(
        {
            "default_operator": default_operator,
            "topics": [{"id": "t", "name": "T", "query": query, "terms": terms or {}}],
        }
    )


def matches(
    query: str, body: str = "", *, title: str = "", terms=None, default_operator="AND", **meta
) -> bool:
    compiled = compile_topics(topics(query, terms, default_operator))
    assert compiled.errors == []
    return bool(match_document(compiled, title=title, body=body, language=meta.pop("language", None), **meta))


def error(query: str, terms=None):
    (found,) = compile_topics(topics(query, terms)).errors
    return found


@pytest.mark.parametrize(
    ("query", "body", "expected"),
    [
        ("kursk AND truppen", "Truppen in Kursk", True),
        ("kursk AND truppen", "Kursk heute", False),
        ("kursk OR koursk", "la région de Koursk", True),
        ("kursk OR koursk", "Moscou", False),
        ("kursk NOT u-boot", "Das U-Boot Kursk", False),
        ("kursk NOT u-boot", "Die Region Kursk", True),
        ("kursk -submarine", "the Kursk submarine", False),
        ("kursk -submarine", "the Kursk region", True),
        ("kursk AND NOT (submarine OR u-boot)", "das U-Boot Kursk", False),
        ("(kursk OR koursk) AND (soldiers OR soldats)", "des soldats à Koursk", True),
        ("(kursk OR koursk) AND (soldiers OR soldats)", "soldats à Kiev", False),
        ("+kursk +troops", "troops in Kursk", True),
    ],
)
def test_boolean_operators(query, body, expected):
    assert matches(query, body) is expected


def test_precedence_and_binds_tighter_than_or():
    # (a AND b) OR c
    assert matches("kursk AND troops OR koursk", "Koursk")
    assert not matches("kursk AND troops OR koursk", "Kursk")
    # a AND (b OR c): the clauses without an operator bind loosest
    assert matches("kursk troops OR soldiers", "soldiers in Kursk")
    assert not matches("kursk troops OR soldiers", "soldiers in Kyiv")
    assert repr(parse("a b OR c")) == "UnknownOperation(Word('a'), OrOperation(Word('b'), Word('c')))"


def test_not_binds_to_the_next_clause_only():
    assert matches("NOT submarine AND kursk", "Kursk region")
    assert not matches("NOT submarine AND kursk", "Kursk submarine")


def test_default_operator_is_configurable():
    assert not matches("kursk troops", "Kursk", default_operator="AND")
    assert matches("kursk troops", "Kursk", default_operator="OR")
    assert matches("kursk troops", "troops", default_operator="OR")
    # Lucene semantics with OR: + is required, - excluded, the rest optional
    assert matches("+kursk troops", "Kursk", default_operator="OR")
    assert not matches("+kursk troops", "troops", default_operator="OR")
    assert not matches("kursk troops -submarine", "Kursk submarine", default_operator="OR")


def test_a_topic_overrides_the_file_default_operator():
    file = TopicsFile.model_validate(
        {
            "default_operator": "AND",
            "topics": [{"id": "t", "name": "T", "query": "kursk troops", "default_operator": "OR"}],
        }
    )
    assert match_document(compile_topics(file), title="", body="Kursk", language=None)


def test_phrases_are_exact_and_in_order():
    assert matches('"corée du nord"', "la Corée du Nord a tiré")
    assert not matches('"corée du nord"', "au nord de la Corée")
    assert matches('"north korean troops"', "North Korean troops arrived")
    assert not matches('"north korean troops"', "North Korean and Russian troops")
    assert not matches('"kursk region"', "in Kursk. Region officials said")  # never across a sentence


def test_a_word_with_dots_is_a_phrase_of_its_parts():
    assert matches("u.s. AND troops", "U.S. troops arrived")
    assert not matches("u.s. AND troops", "troops of the US")


def test_trailing_wildcards_on_words_and_inside_phrases():
    assert matches("nordkorea*", "nordkoreanische Soldaten")
    assert matches("nordkorea*", "die Nordkorea-Truppen")
    assert not matches("nordkorea", "nordkoreanische Soldaten")
    assert matches('"north korea*"', "North Koreans")
    assert matches('"nordkorea* truppen"', "nordkoreanische Truppen")
    assert matches("nord-coré*", "les militaires nordcoréens")


def test_proximity_counts_the_words_between_in_any_order():
    query = '"nordkorea* truppen"~3'
    assert matches(query, "nordkoreanische Truppen")
    assert matches(query, "Truppen aus Nordkorea")  # reversed, one word between
    assert matches(query, "Nordkorea hat weitere drei Truppen")  # three between
    assert not matches(query, "Nordkorea hat weitere drei neue Truppen")  # four
    assert matches(query, "Nordkoreatruppen")  # a compound: both at one position
    assert not matches(query, "Nordkorea droht. Truppen marschieren.")  # another sentence


def test_proximity_of_three_parts():
    query = '"dprk troops kursk"~4'
    assert matches(query, "DPRK troops were seen near Kursk")
    assert not matches(query, "DPRK troops were seen in the far east and then moved to Kursk")


def test_field_scopes():
    assert matches("title:kursk", "", title="Kursk today")
    assert not matches("title:kursk", "Kursk today", title="News")
    assert matches("body:kursk", "Kursk today", title="News")
    assert matches("title:(kursk OR koursk) AND body:troops", "troops", title="Koursk")
    assert matches("lang:de AND kursk", "Kursk", language="de")
    assert not matches("lang:de AND kursk", "Kursk", language="fr")
    assert matches('outlet:"harbour herald" AND kursk', "Kursk", outlet="The Harbour Herald")
    assert not matches('outlet:"harbour herald" AND kursk', "Kursk", outlet="Northern Ledger")
    assert matches("agency:(ats OR afp) AND kursk", "Kursk", agency="ATS")
    assert not matches("agency:(ats OR afp) AND kursk", "Kursk", agency="dpa")
    assert not matches("kursk", "", outlet="Kursk Gazette")  # unscoped terms search title and body only


def test_term_lists_are_written_once_and_referenced():
    terms = {
        "north_korea": ["nordkorea*", "nord-coré*", '"north korea*"', "dprk"],
        "kursk": "kursk* OR koursk*",  # a list may be one query string
    }
    query = "@north_korea AND @kursk"
    assert matches(query, "DPRK troops near Kursk", terms=terms)
    assert matches(query, "des soldats nord-coréens à Koursk", terms=terms)
    assert not matches(query, "Russian troops near Kursk", terms=terms)
    assert matches("title:@kursk", "", title="Koursk", terms=terms)
    assert not matches("title:@kursk", "Koursk", terms=terms)


def test_term_lists_inside_phrases():
    terms = {"nk": ["nordkorea*", '"north korea*"'], "troops": ["truppe*", "soldier*"]}
    assert matches('"@nk @troops"~2', "North Korean soldiers", terms=terms)
    assert matches('"@nk @troops"~2', "Truppen aus Nordkorea", terms=terms)
    assert not matches('"@nk @troops"~2', "North Korea said on Monday that the soldiers", terms=terms)
    assert matches('"@nk soldier*"', "North Korean soldiers", terms=terms)


def test_lists_may_refer_to_lists():
    terms = {"a": ["@b", "kursk"], "b": ["koursk"]}
    assert matches("@a", "Koursk", terms=terms)


@pytest.mark.parametrize(
    ("query", "pos", "message"),
    [
        ("(kursk AND truppen", 18, "unexpected end of query"),
        ("kursk AND", 9, "unexpected end of query"),
        ("kursk AND ) truppen", 10, "unexpected ')'"),
        ('kursk AND "truppen', 10, "unclosed quote"),
        ("kursk AND place:x", 10, "unknown field 'place'"),
        ("title:(body:kursk)", 7, "inside another field scope"),
        ("kur*sk", 0, "only a trailing *"),
        ("kurs?", 0, "? wildcards"),
        ("k*", 0, "at least 2 letters"),
        ("kursk~2", 0, "fuzzy terms"),
        ("kursk^2", 0, "boosts"),
        ("[a TO b]", 0, "ranges"),
        ("kursk AND /k.*/", 10, "regular expressions"),
        ("kursk AND @nowhere", 10, "unknown term list @nowhere"),
        ("kursk && truppen", 6, "no letters or digits"),  # luqum has no && operator
        ("NOT kursk", 0, "none of its terms"),
        ("kursk OR -submarine", 0, "none of its terms"),
    ],
)
def test_errors_say_what_and_where(query, pos, message):
    found = error(query)
    assert message in found.message
    assert found.column == pos + 1
    assert found.topic_id == "t" and found.where == "query"


def test_errors_in_term_lists_name_the_entry():
    found = error("@nk AND kursk", {"nk": ["nordkorea*", "(north korea"]})
    assert found.where == "terms.nk[1]"
    assert "unexpected end" in found.message


def test_term_list_cycles_and_phrase_misuse_are_errors():
    assert "refers to itself" in error("@a", {"a": ["@b"], "b": ["@a"]}).message
    assert "inside a phrase" in error('"@a kursk"', {"a": ["x AND y"]}).message


def test_query_error_carries_its_position():
    with pytest.raises(QueryError) as caught:
        parse("a AND (b")
    assert caught.value.pos == 8
