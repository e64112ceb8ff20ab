"""Proximity by structure (~s, ~2s, ~p, ~article), the headline as context, language-scoped term lists."""

import pytest

from wirewatch.config import TopicsFile
from wirewatch.match import compile_topics

TERMS = {
    "nk": ["nordkorea*", '"north korea*"', "pyongyang*"],
    "mil": {"de": ["soldat*", "truppe*"], "en": ["soldier*", "troop*"], "fr": ["soldat*", "unité*"]},
    "kursk": ["kursk*"],
}


def found(query: str, body: str, title: str = "", language: str | None = "en", **topic) -> list:
    """The matches of one topic with this query (TERMS unless `terms` is given) on one document."""
    file = TopicsFile.model_validate(
        {"topics": [{"id": "t", "name": "t", "query": query, "terms": TERMS} | topic]}
    )
    compiled = compile_topics(file)
    assert not compiled.errors, compiled.errors
    return compiled.match(compiled.document(title=title, body=body, language=language))


def matches(query: str, body: str, title: str = "", language: str | None = "en", **topic) -> bool:
    return bool(found(query, body, title, language, **topic))


LONG = (
    "North Korean leader Kim Jong Un, who state media said last week had inspected a new tank factory "
    "and attended a lavish parade, has now dispatched a second wave of roughly 3,000 troops to "
    "reinforce units fighting in the Kursk region."
)


@pytest.mark.parametrize(
    "query, body, expected",
    [
        ('"@nk @mil @kursk"~s', LONG, True),  # one long sentence, far apart in words
        ('"@nk @mil @kursk"~15', LONG, False),  # the word count says no
        ('"@nk @mil @kursk"~s', "North Korea sent troops. They fight in Kursk.", False),
        ('"@nk @mil @kursk"~1s', "North Korea sent troops. They fight in Kursk.", True),
        ('"@nk @mil @kursk"~1s', "North Korea sent troops. Then a parade. They fight in Kursk.", False),
        ('"@nk @mil @kursk"~p', "North Korea sent troops. Then a parade. They fight in Kursk.", True),
        ('"@nk @mil @kursk"~p', "North Korea sent troops.\n\nThey fight in Kursk.", False),
        ('"@nk @mil @kursk"~1p', "North Korea sent troops.\n\nThey fight in Kursk.", True),
        ('"@nk @mil @kursk"~1p', "North Korea sent troops.\n\nWeather.\n\nThey fight in Kursk.", False),
        ('"@nk @mil @kursk"~article', "North Korea sent troops.\n\nWeather.\n\nThey fight in Kursk.", True),
    ],
)
def test_structural_proximity(query, body, expected):
    assert matches(query, body) is expected


def test_the_headline_is_context_for_every_body_sentence():
    body = "A captured soldier from North Korea says he was told it was an exercise."
    assert matches('"@nk @mil @kursk"~s', body, title="KURSK FRONT: a prisoner speaks")
    assert not matches(
        '"@nk @mil @kursk"~s', body, title="KURSK FRONT: a prisoner speaks", headline_context=False
    )
    # a body-scoped clause never takes the headline
    assert not matches('body:"@nk @mil @kursk"~s', body, title="KURSK FRONT: a prisoner speaks")


def test_headline_context_can_be_limited_to_some_term_lists():
    body = "A captured soldier from North Korea says he was told it was an exercise."
    only_place = {"headline_context": ["kursk"]}
    assert matches('"@nk @mil @kursk"~s', body, title="KURSK FRONT: a prisoner speaks", **only_place)
    # North Korea named only in the headline no longer stands in for the body
    body = "Russian troops pushed on near Kursk."
    assert matches('"@nk @mil @kursk"~s', body, title="Pyongyang's new treaty")
    assert not matches('"@nk @mil @kursk"~s', body, title="Pyongyang's new treaty", **only_place)


def test_the_headline_alone_can_hold_every_part():
    assert matches('"@nk @mil @kursk"~s', "An interview.", title="North Korean troops in Kursk")


def test_language_scoped_entries_match_only_their_language():
    # unité* is a French entry: the English "United" must not satisfy @mil
    assert not matches(
        '"@nk @mil @kursk"~s', "North Korea and the United Nations discussed Kursk.", language="en"
    )
    assert matches('"@nk @mil @kursk"~s', "Pyongyang a envoyé des unités à Kursk.", language="fr")
    assert not matches("@mil", "Truppen", language="en")
    assert matches("@mil", "Truppen", language="de")


def test_hits_of_a_structural_clause_point_at_the_text():
    body = "Unrelated troops elsewhere. Later, North Korea sent troops. They fight in Kursk."
    (match,) = found('"@nk @mil @kursk"~1s', body)
    assert {(h.term, h.text) for h in match.hits} == {
        ('"north korea*"', "North Korea"),
        ("troop*", "troops"),
        ("kursk*", "Kursk"),
    }
    assert all(body[h.start : h.end] == h.text for h in match.hits)


TICKER = (
    "+++ Seoul: North Korea has sent 3,000 more soldiers to Russia "
    "+++ Kursk: Russian troops retake a village +++"
)


@pytest.mark.parametrize(
    "body, expected",
    [
        (TICKER, False),  # one line, two items
        ("Seoul • North Korea has sent 3,000 more soldiers to Russia • Kursk: a village retaken", False),
        ("Seoul | North Korea has sent 3,000 more soldiers to Russia | Kursk: a village retaken", False),
        ("– North Korea has sent 3,000 more soldiers to Russia\n– Kursk: a village retaken", False),
        ("North Korea has sent 3,000 more soldiers to Russia's Kursk region.", True),
        ("North Korea has sent soldiers - some 3,000 - to Russia's Kursk region.", True),
        ("North Korea has sent soldiers – some 3,000 – to Russia's Kursk region.", True),
        ("North Korea has sent soldiers (some 3,000) to Russia's Kursk region.", True),
    ],
)
def test_ticker_separators_end_sentences_and_items(body, expected):
    assert matches('"@nk @mil @kursk"~s', body) is expected
    assert matches('"@nk @mil @kursk"~30', body) is expected  # word proximity cannot cross them either


@pytest.mark.parametrize(
    "body, expected",
    [
        ("— Have you seen North Korea's soldiers?\n— Yes, in the Kursk region.", True),
        (
            "— How long have you served?\n— Two years.\n— When did North Korea's soldiers come?\n— In November.",
            False,
        ),
        (
            "— How long have you served?\n— Two years.\n— When did North Korea's soldiers come?\n— To Kursk, in May.",
            True,
        ),
        ("– North Korea's soldiers arrive.\n– Kursk: a village retaken.", False),  # a list: two items
    ],
)
def test_an_interview_set_with_dashes_is_one_exchange_per_question_not_items(body, expected):
    assert matches('"@nk @mil @kursk"~1p', body) is expected


@pytest.mark.parametrize(
    "body, expected",
    [
        ("Did you meet North Korea's soldiers?\nYes. Two of them, captured in Kursk.", True),
        ("Did you meet North Korea's soldiers?\n\nYes. Two of them, captured in Kursk.", True),
        ("And North Korea's soldiers…?\nTwo of them were captured in Kursk.", True),
        ("I met North Korea's soldiers.\nTwo of them were captured in Kursk.", False),
        (
            "Did you meet North Korea's soldiers?\n\n10:45 Kursk: a village retaken.",
            False,
        ),  # an item line still starts a new paragraph
    ],
)
def test_a_question_and_its_answer_are_one_paragraph(body, expected):
    assert matches('"@nk @mil @kursk"~p', body) is expected
    assert not matches('"@nk @mil @kursk"~s', body)  # still two sentences


WEEKDAYS = (
    "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag Monday Tuesday Wednesday Thursday Friday "
    "Saturday Sunday lundi mardi mercredi jeudi vendredi samedi dimanche"
).split()


@pytest.mark.parametrize("day", WEEKDAYS)
def test_a_line_that_opens_with_a_weekday_starts_an_item(day):
    body = f"North Korean troops arrived.\n{day}: Kursk, a village retaken."
    assert not matches('"@nk @mil @kursk"~1s', body)
    assert matches('"@nk @mil @kursk"~1s', body.replace(f"{day}: ", "On the road: "))


def test_a_ticker_line_takes_no_context_from_its_headline_but_a_credit_line_does():
    title = "KURSK FRONT: the latest"
    assert not matches('"@nk @mil @kursk"~s', "+++ North Korean troops arrive +++ Rain +++", title=title)
    assert not matches('"@nk @mil @kursk"~s', "North Korean troops arrive • Rain", title=title)
    assert matches('"@nk @mil @kursk"~s', "North Korean troops arrive | Photo: AP", title=title)


def test_an_item_of_a_ticker_line_matches_on_its_own_with_its_hits_in_place():
    body = TICKER + " North Korean troops fight in Kursk +++ Weather: rain +++"
    (match,) = found('"@nk @mil @kursk"~s', body)
    assert all(body[h.start : h.end] == h.text for h in match.hits)
    assert {h.text for h in match.hits if h.start > len(TICKER)} == {"North Korean", "troops", "Kursk"}


LIVE_BLOG = (
    "10:12 – Rain in Kyiv.\n\n"
    "10:48 – North Korean troops attacked near Sudzha in the Kursk region, a brigade says.\n\n"
    "11:30 – Markets open higher."
)


@pytest.mark.parametrize(
    "body, layout",
    [
        (LIVE_BLOG, "items"),
        (TICKER, "items"),
        ("North Korean troops attacked near Sudzha.\n\nMarkets opened higher.", "prose"),
        ("", "prose"),
    ],
)
def test_layout_tells_a_body_made_of_items_from_prose(body, layout):
    other = "prose" if layout == "items" else "items"
    assert matches(f"layout:{layout} AND north", body + " north")
    assert not matches(f"layout:{other} AND north", body + " north")


def test_a_round_up_headline_can_be_excused_for_a_body_of_items_only():
    query = '"@nk @mil @kursk"~s AND NOT (title:(live OR roundup) AND NOT layout:items)'
    assert matches(query, LIVE_BLOG, title="Ukraine war: live")
    prose = "North Korean troops attacked near Sudzha in the Kursk region.\n\nMarkets open higher."
    assert not matches(query, prose, title="Ukraine war: live")
    assert matches(query, prose, title="Ukraine war")


def test_bare_words_find_their_inflections_by_stem_and_quoted_words_are_exact():
    file = TopicsFile.model_validate(
        {
            "topics": [
                {"id": "bare", "name": "b", "query": "soldier AND blessé"},
                {"id": "exact", "name": "e", "query": '"soldier" AND blessé'},
                {"id": "fr", "name": "f", "query": "unités", "terms": {}},
            ]
        }
    )
    compiled = compile_topics(file)

    def found(body: str, language: str) -> list[str]:
        return [m.topic_id for m in compiled.match(compiled.document(body=body, language=language))]

    assert found("Two soldiers were blessées near the line.", "fr") == ["bare"]
    assert found("The soldier was blessé.", "fr") == ["bare", "exact"]
    assert found("Une unité a été engagée.", "fr") == ["fr"]
    # the English stem of "United" is "unit", but the French query word only carries its French stem
    assert found("The United Nations met.", "en") == []
    (hit,) = [
        h
        for h in compiled.match(compiled.document(body="Soldiers, blessés.", language="fr"))[0].hits
        if h.term == "soldier"
    ]
    assert hit.text == "Soldiers"


NESTED = {**TERMS, "nk_mil": ['"@nk @mil"~8']}


@pytest.mark.parametrize(
    "query, body, expected",
    [
        ('"@nk @mil @kursk"~s', LONG, True),
        ('"@nk_mil @kursk"~s', LONG, False),  # North Korean ... troops: more than 8 words apart
        ('"@nk_mil @kursk"~s', "North Korea sent 3,000 troops to Russia's Kursk region.", True),
        ('"@nk_mil @kursk"~s', "Kursk: North Korean troops, Russian officials say.", True),
        ('"@nk_mil @kursk"~s', "North Korea sent troops. Weather in Kursk.", False),
        ('"@nk_mil @kursk"~1s', "North Korea sent troops. Weather in Kursk.", True),
        ('"@nk_mil @kursk"~1s', "North Korea tested a missile. Troops fight in Kursk.", False),
        ("@nk_mil", "North Korea sent troops.", True),  # used alone, the entry is an ordinary clause
    ],
)
def test_a_word_proximity_nests_in_a_structural_clause_through_a_term_list(query, body, expected):
    assert matches(query, body, terms=NESTED) is expected


def test_a_nested_pair_counts_as_two_parts_beside_the_headline():
    body = "A captured soldier from North Korea says he was told it was an exercise."
    assert matches('"@nk_mil @kursk"~s', body, title="KURSK FRONT: a prisoner speaks", terms=NESTED)
    far = "North Korea, the prisoner says, was where he had first been told about the exercise and the soldiers."
    assert not matches('"@nk_mil @kursk"~s', far, title="KURSK FRONT: a prisoner speaks", terms=NESTED)


def test_a_nested_proximity_hits_with_each_of_its_words():
    body = "Weather. North Korea sent 3,000 troops to Russia's Kursk region."
    (match,) = found('"@nk_mil @kursk"~s', body, terms=NESTED)
    assert [(h.term, h.text) for h in match.hits] == [
        ('"north korea*"', "North Korea"),
        ("troop*", "troops"),
        ("kursk*", "Kursk"),
    ]
    assert all(body[h.start : h.end] == h.text for h in match.hits)


def test_a_structural_clause_does_not_nest():
    terms = {**TERMS, "nk_mil": ['"@nk @mil"~s']}
    file = TopicsFile.model_validate(
        {"topics": [{"id": "t", "name": "t", "query": '"@nk_mil @kursk"~s', "terms": terms}]}
    )
    (error,) = compile_topics(file).errors
    assert (
        error.where == "terms.nk_mil[0]"
        and "entries must be words, phrases or word proximities" in error.message
    )
