"""Story clustering in memory: normalisation, stable keys, order, window, template test."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest
from datasketch import MinHash

from tests.stories.stories import BEETLE_DE, DAM_FR, FERRY_DE, FERRY_EN
from wirewatch.config import DedupeSettings
from wirewatch.stories import Clusterer, Doc, Member, summarize
from wirewatch.stories.clusters import _told
from wirewatch.stories.minhash import Signer, candidate_probability
from wirewatch.stories.shingles import parse, shingles, word_id
from wirewatch.stories.similarity import compare_facts, overlap

T0 = datetime(2025, 5, 6, 8, 0, tzinfo=UTC)


def body(original, drop: int | None = None) -> str:
    return "\n".join(p for n, p in enumerate(original.paragraphs) if n != drop)


def test_spelling_case_accents_and_number_style_fold_to_the_same_words():
    a = parse("Plus de 10'000 soldats à Koursk.\nDie Straße nach Zürich")
    b = parse("plus de 10 000 Soldats a KOURSK.\nDie Strasse nach Zurich")
    assert a.ids.tolist() == b.ids.tolist() and a.keys == b.keys
    assert parse("10.000 Mann").ids.tolist() == parse("10,000 Mann").ids.tolist()
    assert parse("0,52 Prozent").ids.tolist() != parse("0,25 Prozent").ids.tolist()


def test_signatures_are_datasketch_minhashes():
    """Stored band keys were made with datasketch's MinHash: the numpy signature must not change them."""
    signer = Signer(128, 32, 4, salt="k3")
    for text in (body(FERRY_DE), body(DAM_FR), "zwei Wörter"):
        ids = shingles(parse(text), 3)
        sketch = MinHash(
            128, seed=1, hashfunc=lambda v: v, permutations=signer._permutations, scheme="affine32"
        )
        sketch.update_batch(ids.tolist())
        assert signer.signature(ids).tolist() == sketch.hashvalues.tolist()


def test_keys_are_the_same_in_another_process():
    """Band and sentence keys are stored and compared across runs: no per-process hash seeds."""
    signer = Signer(128, 32, 4)
    text = parse(body(FERRY_DE))
    here = signer.band_keys(signer.signature(shingles(text, 3))) + [key for _, key in text.anchors]
    code = (
        "import json, sys; from wirewatch.stories.minhash import Signer; from wirewatch.stories.shingles import "
        "parse, shingles; s = Signer(128, 32, 4); t = parse(sys.stdin.read()); "
        "print(json.dumps(s.band_keys(s.signature(shingles(t, 3))) + [k for _, k in t.anchors]))"
    )
    there = subprocess.run(
        [sys.executable, "-c", code],
        input=body(FERRY_DE),
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONHASHSEED": "12345"},
    )
    assert json.loads(there.stdout) == here


def test_lsh_proposes_similar_pairs_far_more_often_than_dissimilar_ones():
    assert candidate_probability(0.8, 32, 4) > 0.99
    assert candidate_probability(0.05, 32, 4) < 0.001
    a, b = shingles(parse(body(FERRY_DE)), 3), shingles(parse(body(FERRY_DE, drop=3)), 3)
    assert overlap(a, b).containment == 1.0 and overlap(a, b).jaccard < 1.0


def test_clusters_do_not_depend_on_the_order_of_the_articles():
    docs = [
        Doc(f"{original.key}-{n}", body(original, drop=n), f"outlet{n}", T0 + timedelta(hours=n))
        for original in (FERRY_DE, DAM_FR, FERRY_EN)
        for n in range(1, 5)
    ]
    partitions = []
    for seed in range(3):
        shuffled = list(docs)
        random.Random(seed).shuffle(shuffled)
        result = Clusterer(DedupeSettings()).cluster(shuffled)
        groups: dict[str, set[str]] = {}
        for doc_id, key in result.assignments.items():
            groups.setdefault(key, set()).add(doc_id)
        partitions.append(sorted(sorted(g) for g in groups.values()))
    assert partitions[0] == partitions[1] == partitions[2]
    assert len(partitions[0]) == 3  # one story per original, across four outlets each


def test_the_window_bounds_how_late_a_copy_may_join():
    original = Doc("a", body(FERRY_DE), "wire", T0)
    two_days = Doc("b", body(FERRY_DE, drop=2), "outlet", T0 + timedelta(days=2))
    ten_days = Doc("c", body(FERRY_DE, drop=4), "outlet2", T0 + timedelta(days=10))
    result = Clusterer(DedupeSettings(window_days=7)).cluster([original, two_days, ten_days])
    assert result.assignments["a"] == result.assignments["b"] != result.assignments["c"]
    wider = Clusterer(DedupeSettings(window_days=8)).cluster([original, two_days, ten_days])
    assert len(set(wider.assignments.values())) == 1  # c is within 8 days of b


def test_an_article_with_a_story_keeps_it_when_its_new_version_links_nowhere():
    revised = Doc("a", body(DAM_FR), "outlet", T0, cluster_key="story:earlier")
    result = Clusterer(DedupeSettings()).cluster([revised])
    assert result.assignments == {"a": "story:earlier"}


def test_figures_that_change_in_sentences_that_otherwise_match_mark_a_template():
    def facts(text: str):
        return parse(text).sentence_facts()

    template = "Der Leitindex SMI schloss am {} bei {} Punkten, {} Prozent höher als am Vortag."
    a = facts(template.format("Montag", "11234", "0,52"))
    b = facts(template.format("Dienstag", "11302", "0,61"))
    assert compare_facts(a, b).templated(0.3)
    corrected = facts(body(FERRY_DE).replace("2300 Menschen", "2400 Menschen"))
    assert not compare_facts(facts(body(FERRY_DE)), corrected).templated(0.3)  # an update's correction


def test_a_template_that_fills_many_blanks_of_one_sentence_is_told_apart():
    def facts(text: str):
        return parse(text).sentence_facts()

    # twenty drawn numbers after the date are twenty facts, not one run among the kept ones
    keno = "Voici les numéros tirés lors du tirage du Keno du {}: {}.\nLe prochain jackpot s'élève à 2 millions d'euros."
    saturday = facts(keno.format("samedi 4 avril", "2, 6, 8, 13, 15, 17, 24, 27, 35, 41"))
    monday = facts(keno.format("lundi 6 avril", "5, 9, 11, 14, 16, 17, 20, 21, 23, 24"))
    assert compare_facts(saturday, monday).templated(0.3)
    # the same weekday and hour in other places of the sentence are other facts
    alert = (
        "Nice (AFP) - Météo-France a émis une alerte rouge aux orages pour les Alpes-Maritimes. "
        "L'alerte est valable de {}.\nDes rafales jusqu'à {} km/h sont possibles localement."
    )
    sunday = facts(alert.format("dimanche 15h à lundi 10h", "99"))
    assert compare_facts(sunday, facts(alert.format("lundi 15h à mardi 6h", "103"))).templated(0.3)
    assert not compare_facts(sunday, facts(alert.format("dimanche 15h à lundi 10h", "99"))).templated(0.3)
    # a copy that leaves out the weekday, or writes the hour another way, contradicts nothing
    cut = facts(alert.format("15h à lundi 10h00", "99"))
    assert not compare_facts(sunday, cut).changed


def test_a_template_that_fills_words_as_well_as_facts_is_told_apart():
    def facts(text: str):
        return parse(text).sentence_facts()

    report = (
        "{}, vers {}, {} de {} ans roulait sur {} à {}. Elle a perdu la maîtrise de son véhicule.\n"
        "La gendarmerie a ouvert une enquête et recherche des témoins au 032 889 90 00."
    )
    morning = facts(report.format("Lundi", "7h15", "une conductrice", "52", "la route principale", "Bienne"))
    # another day: other figures, and the vehicle and road are other words too, so the lead
    # shares under half of its other words with the first one
    evening = facts(report.format("Jeudi", "22h50", "un jeune motard", "19", "l'autoroute A5", "Cressier"))
    assert compare_facts(morning, evening).templated(0.3)
    # a copy that rewords the lead a little keeps its facts
    reworded = facts(
        report.format("Lundi", "7h15", "une automobiliste", "52", "la route principale", "Bienne")
    )
    assert not compare_facts(morning, reworded).changed


def test_figures_in_any_notation_are_one_fact_and_a_cut_copy_may_drop_some():
    def facts(text: str):
        return [found for _, found, _ in parse(text).sentence_facts()]

    times = [
        facts(f"Le train est parti de Lausanne à {t} avec deux heures de retard.") for t in ("18h05", "18:05")
    ]
    assert times[0] == times[1] == [(word_id("lausanne"), "18", "5")]  # a name is its word's id
    assert facts("Il a été élu le 1er mars, joignable au 062 886 01 17.") == [
        ("1", "mars", "62886", "1", "17")
    ]
    full = parse("Am Dienstag stürzte ein 34-jähriger Fahrer bei Sursee, die Strasse war 3 Stunden zu.")
    cut = parse("Am Dienstag stürzte ein Fahrer bei Sursee, die Strasse war zu.")
    assert not compare_facts(full.sentence_facts(), cut.sentence_facts()).templated(0.3)


POLICE_DE = (
    "Am {}, kurz nach {} Uhr, fuhr ein {}-jähriger {} auf der {} in Richtung {}. Aus noch ungeklärten "
    "Gründen kollidierte er mit einem entgegenkommenden Auto.\n"
    "Dabei wurde der Mann schwer verletzt. Er musste mit der Rega ins Spital gebracht werden.\n"
    "Die {} war während der Unfallaufnahme für rund 3 Stunden gesperrt. Die Feuerwehr richtete eine "
    "Umleitung ein.\n"
    "Die Kantonspolizei Luzern hat Ermittlungen zum genauen Unfallhergang aufgenommen. Personen, die "
    "Angaben zum Unfall machen können, werden gebeten, sich unter der Telefonnummer 041 248 81 17 zu melden."
)


def test_two_police_reports_of_one_template_stay_apart_and_their_copies_join():
    sunday = POLICE_DE.format(
        "Sonntag", "14.48", "79", "Motorradfahrer", "Autobahn A1 bei Emmen", "Studen", "Autobahn A1"
    )
    tuesday = POLICE_DE.format(
        "Dienstag", "17:32", "34", "Lieferwagenlenker", "Zürichstrasse bei Sursee", "Lyss", "Zürichstrasse"
    )
    docs = [
        Doc("sun", sunday, "police", T0),
        Doc("sun-copy", "Ein Unfall in Emmen.\n" + sunday.replace("14.48", "14:48"), "outlet", T0),
        Doc("tue", tuesday, "police", T0 + timedelta(days=2)),
        Doc("tue-copy", tuesday.replace("17:32", "17.32"), "outlet", T0 + timedelta(days=2)),
    ]
    found = Clusterer(DedupeSettings()).cluster(docs).assignments
    assert found["sun"] == found["sun-copy"] != found["tue"] == found["tue-copy"]


def test_an_article_that_bridges_two_stories_joins_one_and_does_not_chain_them():
    ferry = Doc("ferry", body(FERRY_DE), "wire", T0)
    beetle = Doc("beetle", "\n".join(BEETLE_DE.paragraphs), "wire2", T0 + timedelta(minutes=5))
    bridge_text = "\n".join([*FERRY_DE.paragraphs[:4], *BEETLE_DE.paragraphs[:4]])
    bridge = Doc("bridge", bridge_text, "outlet", T0 + timedelta(hours=1))
    result = Clusterer(DedupeSettings()).cluster([ferry, beetle, bridge])
    linked = {frozenset((link.a, link.b)) for link in result.links}
    assert {frozenset(("ferry", "bridge")), frozenset(("beetle", "bridge"))} <= linked  # a copy of each
    found = result.assignments
    assert found["ferry"] != found["beetle"] and found["bridge"] in (found["ferry"], found["beetle"])


def test_a_compilation_joins_its_lead_and_also_uses_the_second_agencys_story():
    lead = [Doc(f"a{n}", body(FERRY_DE, drop=n), f"a-outlet{n}", T0 + timedelta(minutes=n)) for n in (5, 4)]
    second = [
        Doc(f"b{n}", "\n".join(BEETLE_DE.paragraphs[: 5 - n]), f"b-outlet{n}", T0 + timedelta(minutes=n))
        for n in (0, 1)
    ]
    compiled_text = "\n".join([*FERRY_DE.paragraphs[:4], BEETLE_DE.paragraphs[2] + " (sda/dpa)"])
    compiled = Doc("compiled", compiled_text, "outlet", T0 + timedelta(hours=1))
    result = Clusterer(DedupeSettings()).cluster([*lead, *second, compiled])
    found = result.assignments
    assert found["compiled"] == found["a5"] == found["a4"] != found["b0"] == found["b1"]
    assert result.also_uses == {"compiled": {"b0", "b1"}}


def test_a_compilation_also_uses_a_paragraph_most_copies_of_the_second_story_cut():
    """The second agency's first article and one copy carry the paragraph taken; two copies cut it,
    and a teaser line (a headline, no full stop) an outlet prints under both stories is no borrowing."""
    lead = [Doc(f"a{n}", body(FERRY_DE, drop=n), f"a-outlet{n}", T0 + timedelta(minutes=n)) for n in (5, 4)]
    teaser = "Mehr zum Thema: Forschende entdecken unbekannte Käferart im Jura und hoffen auf mehr"
    full = "\n".join(BEETLE_DE.paragraphs)
    second = [
        Doc("b0", full, "b-wire", T0),
        Doc("b1", full + "\n" + teaser, "b-outlet1", T0 + timedelta(minutes=1)),
        *(
            Doc(f"b{n}", "\n".join(BEETLE_DE.paragraphs[:3]), f"b-outlet{n}", T0 + timedelta(minutes=n))
            for n in (2, 3)
        ),
    ]
    compiled_text = "\n".join([*FERRY_DE.paragraphs[:4], BEETLE_DE.paragraphs[4] + " (sda/dpa)"])
    compiled = Doc("compiled", compiled_text, "outlet", T0 + timedelta(hours=1))
    teased = Doc("teased", body(FERRY_DE, drop=3) + "\n" + teaser, "b-outlet1", T0 + timedelta(hours=2))
    result = Clusterer(DedupeSettings()).cluster([*lead, *second, compiled, teased])
    found = result.assignments
    assert found["compiled"] == found["teased"] == found["a5"] != found["b0"] == found["b2"]
    assert result.also_uses == {"compiled": {"b0", "b1"}}


def test_a_short_cut_with_a_restyled_dateline_and_an_outlets_teasers_joins_its_story():
    """Like a copy, the cut rewords two words of the lead; it restyles the dateline, keeps one more
    paragraph (with 'mln') and adds a photo credit and two teasers. It shares no long sentence with
    the copy but for the dateline, and barely half its words are the story's."""
    lead, *rest = FERRY_EN.paragraphs
    reworded = lead.replace("approved", "backed").replace("more than", "over")
    wire = Doc("wire", "\n".join(["PORT ALDER, May 6 (Reuters) - " + lead, *rest]), "wire", T0)
    copy = Doc(
        "copy", "\n".join(["Port Alder (Reuters) - " + reworded, *rest]), "outlet1", T0 + timedelta(hours=1)
    )
    cut_text = "\n".join(
        [
            "Photo: Reuters/Anna Keller",
            "PORT ALDER – " + reworded,
            rest[0].replace("million", "mln").replace("twice", "double"),
            "Read more: Polar bear sightings rise in Manitoba town as sea ice forms late",
            "You may also like: Night trains between Zurich and Amsterdam to run all year",
        ]
    )
    cut = Doc("cut", cut_text, "outlet2", T0 + timedelta(hours=2))
    found = Clusterer(DedupeSettings()).cluster([wire, copy, cut]).assignments
    assert found["cut"] == found["copy"] == found["wire"]


@pytest.mark.parametrize("typo", ["Standroten", "Stand orten"])  # the second adds a word
def test_a_compilation_also_uses_a_paragraph_the_second_agency_sent_with_typos(typo):
    """The second agency's version has a typo in each sentence of the paragraph taken: no long
    sentence is shared verbatim, but the first or last words of each are."""
    lead = [Doc(f"a{n}", body(FERRY_DE, drop=n), f"a-outlet{n}", T0 + timedelta(minutes=n)) for n in (5, 4)]
    taken = BEETLE_DE.paragraphs[3]
    typos = taken.replace("Standorten", typo).replace("Hinweis", "Hinwies")
    paragraphs = [*BEETLE_DE.paragraphs[:3], typos, *BEETLE_DE.paragraphs[4:]]
    second = [
        Doc(f"b{n}", "\n".join(paragraphs[: 5 - n]), f"b-outlet{n}", T0 + timedelta(minutes=n))
        for n in (0, 1)
    ]
    compiled_text = "\n".join([*FERRY_DE.paragraphs[:4], taken + " (sda/dpa)"])
    compiled = Doc("compiled", compiled_text, "outlet", T0 + timedelta(hours=1))
    result = Clusterer(DedupeSettings()).cluster([*lead, *second, compiled])
    found = result.assignments
    assert found["compiled"] == found["a5"] != found["b0"] == found["b1"]
    assert result.also_uses == {"compiled": {"b0", "b1"}}


def test_the_canonical_article_is_the_agency_original_else_the_earliest():
    members = [
        Member("outlet-early", "Outlet", T0, None, "de"),
        Member("wire", "ATS wire", T0 + timedelta(minutes=5), "ATS", "de"),
        Member("copy", "Other", T0 + timedelta(minutes=9), "ATS", "fr"),
    ]
    story = summarize(members)
    assert (story.canonical, story.agency, story.copies) == ("wire", "ATS", 3)
    assert story.languages == ["de", "fr"] and story.first_seen == T0
    assert summarize(members[:1]).canonical == "outlet-early"


STOCK = (
    "Am Freitagabend bestätigte ein Sprecher der Kantonspolizei die Angaben gegenüber der Nachrichtenagentur.\n"
    "Weitere Einzelheiten wollte er mit Verweis auf die laufenden Ermittlungen nicht nennen."
)


def test_stock_sentences_told_in_several_stories_do_not_make_two_short_items_one_story():
    # three stories whose updates close with the same two stock sentences
    stories = [FERRY_DE, BEETLE_DE, DAM_FR]
    docs = [Doc(f"s{n}", body(story), f"wire{n}", T0 + timedelta(hours=n)) for n, story in enumerate(stories)]
    docs += [
        Doc(f"s{n}-update", f"{body(story)}\n{STOCK}", f"paper{n}", T0 + timedelta(hours=n, minutes=30))
        for n, story in enumerate(stories)
    ]
    # two short items about different things, alike only through the stock sentences
    short = {
        "fire": "In Emmen brannte in der Nacht auf Freitag eine Scheune vollständig nieder.",
        "theft": "Aus einem Juweliergeschäft in Luzern wurden am Donnerstag mehrere Uhren gestohlen.",
    }
    docs += [
        Doc(name, f"{text}\n{STOCK}", f"local{n}", T0 + timedelta(hours=5 + n))
        for n, (name, text) in enumerate(short.items())
    ]
    found = Clusterer(DedupeSettings()).cluster(docs).assignments
    assert found["fire"] != found["theft"]
    assert all(found[f"s{n}"] == found[f"s{n}-update"] for n in range(3))
    assert len({found[f"s{n}"] for n in range(3)} | {found["fire"], found["theft"]}) == 5


def _compiled_with(sentence: str, second: list[str]) -> dict[str, set[str]]:
    """also_uses of a compilation of the ferry story's lead and `sentence`, next to a story of two
    copies of the beetle story plus `second`."""
    lead = [Doc(f"a{n}", body(FERRY_DE, drop=n), f"a-outlet{n}", T0 + timedelta(minutes=n)) for n in (5, 4)]
    told = "\n".join([*BEETLE_DE.paragraphs[:3], *second])
    others = [Doc(f"b{n}", told, f"b-outlet{n}", T0 + timedelta(minutes=n)) for n in (0, 1)]
    compiled = Doc(
        "compiled", "\n".join([*FERRY_DE.paragraphs[:4], sentence]), "outlet", T0 + timedelta(hours=1)
    )
    return Clusterer(DedupeSettings()).cluster([*lead, *others, compiled]).also_uses


def test_a_sentence_that_only_opens_like_another_story_s_is_no_borrowing():
    """Two weather warnings open with the same eight words: the rest of the sentence differs."""
    opening = "Der Wetterdienst hat für Montag eine Warnung vor "
    warning = opening + "starkem Wind im Jura und im Mittelland herausgegeben."
    other = opening + "Glatteis auf den Strassen im ganzen Emmental erlassen."
    assert _compiled_with(warning, [warning])  # the same sentence is borrowed
    assert _compiled_with(other, [warning]) == {}


HELP = (
    "Die Kantonspolizei bittet Personen, die sachdienliche Hinweise zum Hergang machen können, sich bei "
    "der Einsatzzentrale in Luzern unter der bekannten Nummer zu melden."
)


def test_a_stock_sentence_with_a_typo_is_no_borrowing():
    """Two stories close with the same call for witnesses, a third with a typo in it: a
    compilation that carries the call (the third story to tell it verbatim) took it from none."""
    typo = HELP.replace("bekannten", "bekanten")
    closing = [(BEETLE_DE, HELP), (DAM_FR, HELP), (FERRY_EN, typo)]
    docs = [
        Doc(
            f"s{n}-{copy}", f"{body(story)}\n{line}", f"wire{n}-{copy}", T0 + timedelta(hours=n, minutes=copy)
        )
        for n, (story, line) in enumerate(closing)
        for copy in range(2)
    ]
    lead = [Doc(f"a{n}", body(FERRY_DE, drop=n), f"a-outlet{n}", T0 + timedelta(minutes=n)) for n in (5, 4)]
    compiled = Doc("compiled", "\n".join([*FERRY_DE.paragraphs[:4], HELP]), "outlet", T0 + timedelta(hours=4))
    found = Clusterer(DedupeSettings()).cluster([*docs, *lead, compiled])
    assert found.assignments["compiled"] == found.assignments["a5"]
    assert found.also_uses == {}


def test_a_credit_line_leaves_out_only_its_own_shingles():
    """The credit ends with the word a paragraph of prose ends with: their short tail shingle is
    the prose's too, and stays when another article lacks the credit."""
    prose = "Der Dieb flüchtete nach dem Einbruch in der Nacht zu Fuss, sagte ein Sprecher der Polizei."
    clusterer = Clusterer(DedupeSettings())
    credited = clusterer._prepare(Doc("a", f"{prose}\nFoto: Polizei"), parse(f"{prose}\nFoto: Polizei"), {})
    other = clusterer._prepare(Doc("b", "Ein anderer Text."), parse("Ein anderer Text."), {})
    assert set(shingles(parse(prose), 3).tolist()) <= set(_told(credited, other).tolist())


def test_only_the_lead_s_dateline_is_left_out_for_more_keys():
    """A spaced dash early in a later paragraph is no dateline: it adds no key."""
    lead = "In einem abgelegenen Buchenwald im Jura haben Forschende eine unbekannte Käferart entdeckt."
    later = "Die Biologin {} die das Projekt leitet, hat zuerst an eine Verwechslung mit einer anderen Art geglaubt."
    keys = [
        Clusterer(DedupeSettings()).cluster([Doc("a", f"{lead}\n{later.format(mark)}")]).band_keys["a"]
        for mark in ("– sie ist Professorin –", ", sie ist Professorin,")
    ]
    assert sorted(keys[0]) == sorted(keys[1])
