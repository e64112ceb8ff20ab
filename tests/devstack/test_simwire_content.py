"""The content and its ground truth, without a server: stories, hard negatives, filler, schedule."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from wirewatch.devstack.simwire import SimWire, WireSettings
from wirewatch.devstack.simwire.chrome import COMMENTS, EVERGREEN
from wirewatch.devstack.simwire.kursk import KURSK_COPIES
from wirewatch.devstack.simwire.negatives import HARD_NEGATIVES
from wirewatch.devstack.simwire.outlets import NAMED, address

START = 1_731_427_200.0
PORT = 8765  # not bound: truth() and feeds() only need the number
_TOPIC = (
    r"kursk|koursk|korea|corée|coréen|pyongyang|pjöngjang|russ|ukrain|kremlin|kreml|troop|truppe|troupe|soldat|"
    r"soldier|armee|armée|militär|military|militaire|missile|rakete|drohne|drone|krieg|guerre|combat|kampf|"
    r"kämpf|battle|bataille|schlacht|offensive|\bfront|invasion|treaty|traité|vertrag"
)
TOPIC = re.compile(_TOPIC, re.IGNORECASE)
TOPIC_EN = re.compile(_TOPIC + r"|\bwar\b|\barmy\b", re.IGNORECASE)  # 'war' is also German for 'was'


def make(**overrides) -> SimWire:
    return SimWire(WireSettings(port=PORT, start=START, **overrides), clock=lambda: START)


@pytest.fixture(scope="module")
def truth():
    return make().truth()


def test_eight_kursk_copies_with_their_agencies(truth):
    copies = [t for t in truth if t.kind == "kursk-copy"]
    assert {t.outlet: t.agency for t in copies} == {
        "courrier-lemanique": "ATS",
        "gazette-du-jura": "ATS",
        "berner-tagesbote": "ATS",
        "zuercher-abendpost": "ATS",
        "harbour-herald": "AFP",
        "rheinische-morgenzeitung": "dpa",
        "emmentaler-landbote": "ATS",  # a machine translation of the French ATS item
        "alpine-dispatch": "ATS",  # an English translation of it
    }
    assert {t.story for t in copies} == {"dprk-kursk"}
    assert Counter(t.language for t in copies) == {"fr": 2, "de": 4, "en": 2}
    assert len({t.title for t in copies}) == 8 and len({t.url for t in copies}) == 8
    order = [t.outlet for t in sorted(copies, key=lambda t: t.published)]
    assert order[0] == "courrier-lemanique"
    assert set(order[1:3]) == {"rheinische-morgenzeitung", "harbour-herald"}
    assert all(START - 8 * 3600 < t.published < START for t in copies)


def test_hard_negatives_listed(truth):
    negatives = sorted((t.outlet, t.language, t.negative) for t in truth if t.kind == "hard-negative")
    assert negatives == sorted(
        [
            ("northern-ledger", "en", "kursk-submarine"),
            ("zuercher-abendpost", "de", "battle-1943"),
            ("northern-ledger", "en", "battle-1943"),
            ("quotidien-du-rhone", "fr", "missile-test"),
            ("harbour-herald", "en", "missile-test"),
            ("harbour-herald", "en", "person-kursk"),
            ("berner-tagesbote", "de", "russian-troops-only"),
            ("gazette-du-jura", "fr", "russian-troops-only"),
        ]
    )
    assert all(t.story != "dprk-kursk" for t in truth if t.kind != "kursk-copy")
    assert {t.negative for t in truth if t.kind != "hard-negative"} == {None}


def _text(item) -> str:
    return "\n".join((item.title, *item.paragraphs, item.signature or ""))


def test_kursk_versions_tell_the_story_in_their_own_words():
    by_outlet = {c.outlet: c for c in KURSK_COPIES}
    cut = {"emmentaler-landbote", "alpine-dispatch"}  # translations of the first paragraphs only
    for copy in KURSK_COPIES:
        assert (4 if copy.outlet in cut else 6) <= len(copy.paragraphs) <= 9, copy.outlet
        text = _text(copy)
        for fact in ("Patel", "Austin", "11") if copy.outlet in cut else ("Patel", "Austin", "KCNA", "11"):
            assert fact in text, (copy.outlet, fact)
    original, republished = by_outlet["courrier-lemanique"], by_outlet["gazette-du-jura"]
    assert len(republished.paragraphs) == len(original.paragraphs) - 1
    assert republished.paragraphs[0] != original.paragraphs[0] and republished.title != original.title
    assert original.signature == "(ats/afp)" and republished.signature == "(ats)"
    berner, zuercher = _text(by_outlet["berner-tagesbote"]), _text(by_outlet["zuercher-abendpost"])
    assert "nordkoreanische Soldaten" in berner and "in der Region Kursk" in berner
    assert "Truppen aus Nordkorea" in zuercher and "Kursker Gebiet" in zuercher
    assert "[les soldats nord-coréens]" in zuercher
    assert {by_outlet["berner-tagesbote"].signature, by_outlet["zuercher-abendpost"].signature} == {
        "/ATS",
        "SDA-ATS",
    }
    machine = by_outlet["emmentaler-landbote"]  # the seed's case: awkward, a French fragment, /ATS kept
    assert "[de ces soldats]" in _text(machine) and machine.signature == "/ATS"
    assert by_outlet["alpine-dispatch"].signature == "Keystone-ATS"
    afp = by_outlet["harbour-herald"]
    assert afp.paragraphs[0].startswith("WASHINGTON (AFP) -") and afp.signature.endswith("AFP")
    assert all(w in _text(afp) for w in ("North Korean troops", "DPRK soldiers", "Kursk region"))
    dpa = by_outlet["rheinische-morgenzeitung"]
    assert dpa.paragraphs[0].startswith("Washington (dpa) -") and dpa.signature == "dpa"


def test_hard_negatives_avoid_the_story():
    for item in HARD_NEGATIVES:
        text = _text(item).lower()
        assert 4 <= len(item.paragraphs) <= 8, item.story
        assert "patel" not in text and "kcna" not in text
        if item.negative in ("russian-troops-only", "kursk-submarine", "battle-1943", "person-kursk"):
            assert not re.search(r"nord-?kor|north kor|corée|pyongyang|pjöngjang", text), item.story
        if item.negative == "missile-test":
            assert "pyongyang" in text and "japon" in text or "japan" in text
            assert not re.search(r"kursk|koursk|russ", text), item.story
        else:
            assert re.search(r"kursk|koursk", text), item.story


def test_filler_has_no_topic_vocabulary():
    wire = make(outlets=11)
    for outlet in wire.outlets:
        for k in range(120):
            item = wire.timeline.filler(outlet.index, k)
            topic = TOPIC_EN if outlet.language == "en" else TOPIC
            assert not topic.search(_text(item)), (outlet.slug, k, topic.search(_text(item)))
            assert 3 <= len(item.paragraphs) <= 6


def test_filler_is_varied_and_deterministic():
    one, two, other = make(), make(), make(seed=8)
    titles = [one.timeline.filler(6, k).title for k in range(60)]
    assert len(set(titles)) >= 50
    assert titles == [two.timeline.filler(6, k).title for k in range(60)]
    assert titles != [other.timeline.filler(6, k).title for k in range(60)]
    assert one.truth() == two.truth()
    categories = {one.timeline.filler(3, k).section for k in range(60)}
    assert categories == {"local", "weather", "sport", "culture", "economy", "transport"}


def test_comments_and_related_padding_carry_no_topic_words():
    for pool in (*COMMENTS.values(), *EVERGREEN.values()):
        for first, second in pool:
            assert not TOPIC_EN.search(f"{first} {second}")


def test_texts_fit_their_outlet_encoding_and_house_style():
    wire = make()
    for outlet in NAMED:
        items = [a for a in wire.timeline.fixed[outlet.index]]
        items += [wire.timeline.filler(outlet.index, k) for k in range(80)]
        text = "\n".join(_text(a) for a in items) + outlet.name + outlet.tagline
        text.encode(outlet.encoding)  # strict: nothing needs a character reference
        if outlet.swiss:
            assert "ß" not in text
    rheinische = "\n".join(_text(wire.timeline.filler(5, k)) for k in range(80))
    assert "ß" in rheinische
    quotidien = "\n".join(_text(wire.timeline.filler(2, k)) for k in range(80))
    assert "’" in quotidien and "'" not in quotidien
    for slug, letters in (
        ("courrier-lemanique", "éàç"),
        ("rheinische-morgenzeitung", "äöüß"),
        ("quotidien-du-rhone", "éè’"),
    ):
        outlet = wire.app.by_slug[slug]
        titles = "".join(t.title for t in wire.truth() if t.outlet == slug)
        body = "".join(_text(a) for a in wire.timeline.fixed[outlet.index])
        assert any(ch in titles for ch in letters), slug
        assert all(ch in body + titles + quotidien + rheinische for ch in letters), slug


def test_schedule_backlog_and_growth():
    for every in (300.0, 7.0, 0.5):
        clock_now = [START]
        wire = SimWire(
            WireSettings(port=PORT, start=START, new_item_every=every, backlog=5),
            clock=lambda now=clock_now: now[0],
        )
        fillers = Counter(t.outlet for t in wire.truth() if t.kind == "filler")
        assert set(fillers.values()) == {5}, every
        clock_now[0] += every * 3
        fillers = Counter(t.outlet for t in wire.truth() if t.kind == "filler")
        assert set(fillers.values()) == {8}, every
    wire = make(backlog=0)
    assert [t for t in wire.truth() if t.kind == "filler"] == []


def test_truth_urls_are_canonical_and_on_the_outlet_address(truth):
    for item in truth:
        host = address(next(o.index for o in NAMED if o.slug == item.outlet))
        assert item.url.startswith(f"http://{host}:{PORT}/")
        assert "?" not in item.url and "#" not in item.url and item.url.endswith(".html")


def test_addresses():
    assert address(0) == "127.0.1.1"
    assert address(249) == "127.0.1.250"
    assert address(250) == "127.0.2.1"
    assert address(2999) == "127.0.12.250"
    wire = make(outlets=600)
    assert len({o.host for o in wire.outlets}) == 600 and len({o.slug for o in wire.outlets}) == 600


def test_feeds_need_a_port_before_start():
    wire = SimWire(WireSettings(port=0))
    with pytest.raises(RuntimeError, match="start"):
        wire.feeds()
