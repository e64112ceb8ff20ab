"""Translation links: evidence that survives translation, and translated wire copies joining their story."""

import itertools
import json
import random
import subprocess
import sys
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

from benchmarks.dedup_eval import translation_docs, translation_report
from benchmarks.translation_cases import records
from wirewatch.config import DedupeSettings
from wirewatch.devstack.simwire import kursk
from wirewatch.stories import Clusterer, Doc, stories_and_events
from wirewatch.stories.buckets import MAX_BUCKET
from wirewatch.stories.crosslang import align, evidence
from wirewatch.stories.translations import MIN_SHARED_KEYS, Translations

T0 = datetime(2024, 11, 5, 18, 0, tzinfo=UTC)


def test_figures_dates_and_names_fold_to_the_same_anchors_in_each_language():
    de = evidence(
        "Am Dienstag kamen 10.000 Soldaten aus Pjöngjang nach Kursk, sagte Selenskyj in Kiew.", "de"
    )
    fr = evidence("Mardi, 10 000 soldats de Pyongyang sont arrivés à Koursk, a dit Zelensky à Kiev.", "fr")
    en = evidence("On Tuesday 10,000 troops from Pyongyang reached Kursk, Zelenskyy said in Kyiv.", "en")
    expected = ["@tue", "#10000", "=dprk", "=kursk", "$zelensky", "=kyiv"]
    for found in (de, fr, en):
        assert [a for a in found.anchors if a in expected] == expected
    assert "%2.9" in evidence("Die Inflation lag bei 2,9 Prozent.", "de").anchors
    assert evidence("Inflation was 2.9 percent.", "en").anchors == ("%2.9",)


def test_a_cut_translation_lines_up_with_the_start_of_its_source():
    source = evidence("\n".join(kursk._ATS_FR), "fr")
    lead = align(evidence(kursk._ATS_DE[0], "de"), source)
    tail = align(evidence(kursk._ATS_DE[-1], "de"), source)
    assert lead.prefix > tail.prefix  # the lead covers the source's opening; the last paragraph does not


def _docs() -> list[Doc]:
    return [
        Doc("fr", "\n".join(kursk._ATS_FR) + "\n(ats/afp)", "courrier", T0, language="fr", agency="ATS"),
        Doc(
            "de",
            "\n".join(kursk._ATS_DE) + "\n/ATS",
            "berner",
            T0 + timedelta(hours=2),
            language="de",
            agency="ATS",
        ),
        Doc("lead", kursk._ATS_DE[0], "emmental", T0 + timedelta(hours=3), language="de", agency=None),
        Doc("afp", "\n".join(kursk._AFP_EN), "harbour", T0 + timedelta(hours=1), language="en", agency="AFP"),
    ]


def test_a_machine_translation_and_its_lead_join_the_french_story_and_another_agency_does_not():
    result = Clusterer(DedupeSettings()).cluster(_docs())
    story = result.assignments["fr"]
    assert result.assignments["de"] == result.assignments["lead"] == story
    assert result.assignments["afp"] != story  # the same news told by AFP is another story
    assert result.translations["de"] == "fr"
    kinds = {frozenset((link.a, link.b)): link.kind for link in result.links}
    assert kinds[frozenset(("fr", "de"))] == "translation"
    assert kinds.get(frozenset(("de", "lead")), "copy") == "copy"  # a German cut of the German text


def test_translations_stay_apart_without_a_window_or_after_it():
    off = Clusterer(DedupeSettings(translation_window_hours=0)).cluster(_docs())
    assert off.assignments["de"] != off.assignments["fr"] and not off.translations
    late = [
        d if d.id != "de" else Doc(d.id, d.body, d.outlet, T0 + timedelta(days=2), language="de")
        for d in _docs()
    ]
    result = Clusterer(DedupeSettings()).cluster(late)
    assert result.assignments["de"] != result.assignments["fr"]


def test_translation_links_on_the_development_set(capsys):
    scores = translation_report(records(), DedupeSettings())
    for name in ("whole", "cut", "lead"):
        score = scores[f"translation links, {name}"]
        assert score.precision >= 0.98 and score.recall >= 0.95, (name, score)
    assert scores["story"].precision == 1.0
    assert "translation links, whole" in capsys.readouterr().out


def test_events_group_the_same_news_from_other_agencies_but_not_follow_ups_or_lookalikes():
    rows = {row["id"]: row for row in records()}
    found = stories_and_events(translation_docs(list(rows.values())), DedupeSettings())
    event_of = {row["title"]: found.events[i] for i, row in rows.items()}
    quake = event_of["Turquie: un séisme de magnitude 5,8 fait trois morts dans l'est du pays"]
    assert event_of["Earthquake in Turkey's Malatya kills four, damages buildings"] == quake  # Reuters
    assert event_of["Erdbeben erschüttert Malatya – Tote und Verletzte"] == quake  # dpa
    assert event_of["Séisme en Turquie: le bilan s'alourdit à sept morts"] != quake  # the next day
    visit = event_of["Zelenskyy visits Kharkiv after overnight drone attack leaves 3,500 homes without power"]
    assert event_of["Volodymyr Zelensky en visite à Kharkiv, frappée par des drones"] == visit  # AFP
    assert event_of["Selenskyj dankt Deutschland für 3500 Generatoren"] != visit  # same name and figure
    stories = {found.stories[i] for i, row in rows.items() if found.events[i] == quake}
    assert len(stories) == 3  # grouped, not merged


def test_the_evaluation_reads_a_json_lines_file(tmp_path):
    path = tmp_path / "set.jsonl"
    rows = records()
    rows[0]["time"] = rows[0]["time"].replace("Z", "+00:00")  # either way of writing UTC
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.dedup_eval", "--translations", str(path)],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    lines = {line[:34].strip(): line.split() for line in done.stdout.splitlines()}
    for name in ("translation links, whole", "translation links, cut", "event pairs", "story pairs"):
        assert lines[name][-2:] == ["1.000", "1.000"], done.stdout


def test_candidate_pairs_are_those_that_share_two_keys_and_could_be_translations():
    """The vectorised count against a pair-by-pair one, over random keys, times and agencies."""
    rng = random.Random(7)
    docs = [
        Doc(
            f"d{n}",
            "",
            time=None if rng.random() < 0.1 else T0 + timedelta(hours=rng.uniform(0, 72)),
            language=rng.choice(["de", "fr", "en"]),
            agency=rng.choice(["ATS", "AFP", None]),
        )
        for n in range(400)
    ]
    # key 0 is in more than MAX_BUCKET articles: too common to count as evidence
    keys = {doc.id: sorted({0, *rng.sample(range(1, 60), rng.randint(0, 6))}) for doc in docs}
    batch = {doc.id: doc for doc in docs}
    linker = Translations(24)
    buckets: dict[int, list[str]] = {}
    for doc_id, doc_keys in keys.items():
        for key in doc_keys:
            buckets.setdefault(key, []).append(doc_id)
    shared: Counter[tuple[str, str]] = Counter()
    for members in buckets.values():
        if len(members) <= MAX_BUCKET:
            shared.update(tuple(sorted(pair)) for pair in itertools.combinations(members, 2))
    expected = {
        pair
        for pair, count in shared.items()
        if count >= MIN_SHARED_KEYS and linker._eligible(batch[pair[0]], batch[pair[1]])
    }
    assert len(expected) > 50
    assert linker._batch_pairs(batch, keys) == expected
