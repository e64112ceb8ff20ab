"""A topic's model: its features, its scoring against scikit-learn's, and how a topic uses it."""

import hashlib
import json
import math
import re
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wirewatch.cli import app
from wirewatch.config import load_topics
from wirewatch.match import compile_topics, review_topics
from wirewatch.match.labels import Passage, load_passages, score_topic
from wirewatch.match.model import (
    ModelError,
    TopicModel,
    features,
    load_model,
    quoted,
    structure,
    term_lists_sha256,
    train,
    words,
)
from wirewatch.match.normalize import Normalizer

NORMALIZER = Normalizer()

# Toy coverage: the troops named many ways near a place of the region, and the hard negatives'
# vocabulary (shells, the submarine, Russian units) near the same places.
TROOPS = ["North Korean soldiers", "Pyongyang's troops", "Kim's men", "the Korean battalion", "the newcomers"]
PLACES = ["Sudzha", "Korenevo", "the Kursk region", "Plekhovo"]
ACTS = ["fought near", "were seen in", "took heavy losses around", "were captured outside"]
OTHERS = [
    "North Korean shells were fired at",
    "Russian paratroopers attacked",
    "A museum about the submarine opened in",
    "Ukrainian units withdrew from",
]


def toy_passages() -> list[tuple[str, str, bool]]:
    rows = []
    for i, (troops, place, act) in enumerate(
        (t, p, a) for t in TROOPS for p in PLACES for a in ACTS if (len(t) + len(p) + len(a)) % 3
    ):
        rows.append((f"Report {i}", f"{troops} {act} {place}, officials said.", True))
    for i, (other, place) in enumerate((o, p) for o in OTHERS for p in PLACES):
        rows.append((f"Report {i}", f"{other} {place} on Monday, officials said.", False))
        rows.append((f"Item {i}", f"{other} {place}. Elsewhere, officials said nothing.", False))
    return rows


def toy_features():
    rows = toy_passages()
    return [features(NORMALIZER, title, text, "en") for title, text, _ in rows], [pos for *_, pos in rows]


def test_a_word_is_its_stem_and_a_word_without_one_its_folded_form():
    assert words(NORMALIZER, "Nordkoreanische Soldaten kämpften", "de") == [
        "~de:nordkorean",
        "~de:soldat",
        "~de:kampft",
    ]
    # no language: folded forms; a hyphenated chunk gives each part once; "l'" is elided
    assert words(NORMALIZER, "Les Nord-Coréens à Koursk, l'armée", None) == [
        "les",
        "nord",
        "coreens",
        "a",
        "koursk",
        "armee",
    ]


def test_features_count_words_and_pairs_without_joining_headline_and_body():
    counts = features(NORMALIZER, "Kursk front", "Troops in Kursk", None)
    assert counts["kursk"] == 2 and counts["troops in"] == 1 and counts["in kursk"] == 1
    assert "front troops" not in counts


def test_the_model_scores_as_scikit_learn_does_on_the_same_features():
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    samples, labels = toy_features()
    model = train(samples, labels, min_df=2, c=10.0)

    expand = [[f for f, n in counts.items() for _ in range(n)] for counts in samples]
    vectorizer = TfidfVectorizer(analyzer=lambda tokens: tokens, min_df=2, sublinear_tf=True)
    matrix = vectorizer.fit_transform(expand)
    reference = LogisticRegression(C=10.0, max_iter=5000, class_weight="balanced").fit(matrix, labels)
    assert set(model.terms) == set(vectorizer.vocabulary_)
    expected = reference.predict_proba(matrix)[:, 1]
    ours = [model.probability(counts) for counts in samples]
    assert max(abs(a - b) for a, b in zip(ours, expected, strict=True)) < 1e-6
    assert all((p >= 0.5) == label for p, label in zip(ours, labels, strict=True))


def test_an_unseen_phrasing_of_the_troops_scores_high_and_a_hard_negative_low():
    model = train(*toy_features(), min_df=2)
    on_topic = features(NORMALIZER, "", "Kim's soldiers were captured near Sudzha, officials said.", "en")
    off_topic = features(NORMALIZER, "", "North Korean shells were fired at Lgov, officials said.", "en")
    assert model.probability(on_topic) > 0.5 > model.probability(off_topic)
    top = model.contributions(off_topic, n=3)
    assert top[0].share < 0 and "~en:shell" in {c.feature for c in top}, top


def test_a_saved_model_loads_with_the_same_scores_and_bad_files_name_what_is_wrong(tmp_path):
    samples, labels = toy_features()
    model = train(samples, labels, [{"file": "toy.jsonl", "sha256": "0" * 64, "passages": 3}], min_df=2)
    path = tmp_path / "m.json"
    model.save(path)
    again = load_model(path)
    assert again.trained_on == model.trained_on
    assert max(abs(again.probability(s) - model.probability(s)) for s in samples) < 1e-5

    good = json.loads(path.read_text(encoding="utf-8"))
    cases = {
        "{": "not JSON",
        json.dumps(good | {"format": 99}): "field 'format' must be 1",
        json.dumps(good | {"terms": []}): "field 'terms' must be an object",
        json.dumps(good | {"terms": {"kursk": [1.0]}}): "field 'terms.kursk' must be [idf, weight]",
        json.dumps(good | {"min_df": None}): "field 'min_df' must be a finite number",
        json.dumps(good | {"bias": float("nan")}): "field 'bias' must be a finite number",
        json.dumps(good | {"terms": {"kursk": [1.0, float("inf")]}}): "two finite numbers",
    }
    for text, message in cases.items():
        path.write_text(text, encoding="utf-8")
        with pytest.raises(ModelError, match=str(path)) as caught:
            load_model(path)
        assert message in str(caught.value)
    with pytest.raises(ModelError, match="cannot read"):
        load_model(tmp_path / "absent.json")


def test_training_needs_both_labels():
    with pytest.raises(ModelError, match="both positive and negative"):
        train([Counter({"a": 1})] * 3, [True] * 3)


TOPICS = """\
topics:
  - id: nk-kursk
    name: North Korean troops in Kursk
    query: '"@nk soldiers kursk"~6'
    terms:
      nk: ['"north korean"']
      kursk: [kursk, sudzha]
    model:
      file: m.json
      confirm: 0.2
      accept: 0.7
      scope: (@nk OR korean OR kim) AND @kursk
  - id: plain
    name: no model
    query: kursk
"""


def model_file(path: Path, weights: dict[str, float], bias: float = 0.0) -> None:
    """A hand-written model: every feature with idf 1, so a word's weight is easy to reason about."""
    TopicModel({f: (1.0, w) for f, w in weights.items()}, bias).save(path)


def topics_with_model(tmp_path: Path, weights: dict[str, float]):
    (tmp_path / "topics.yaml").write_text(TOPICS, encoding="utf-8")
    model_file(tmp_path / "m.json", weights)
    return compile_topics(load_topics(tmp_path / "topics.yaml"))


def probability_of(weight: float) -> float:
    return 1 / (1 + math.exp(-weight))


def test_the_model_confirms_a_query_match_vetoes_a_doubtful_one_and_adds_what_it_is_sure_of(tmp_path):
    compiled = topics_with_model(tmp_path, {"~en:newcom": 3.0, "~en:shell": -3.0})
    entry = compiled.get("nk-kursk")

    def found(body: str):
        return compiled.evaluate(entry, compiled.document(title="", body=body, language="en"))

    confirmed = found("North Korean soldiers reached Kursk.")  # no known feature: probability 0.5
    assert confirmed.found_by == "query" and confirmed.model_probability == 0.5
    assert [h.text for h in confirmed.hits] == ["North Korean", "soldiers", "Kursk"]
    # the query matches, but the one known feature says no: below `confirm`
    assert found("North Korean shells and soldiers hit Kursk.") is None
    # the query misses; the model is sure, and the scope holds: its hits are the scope's
    added = found("Kim's newcomers fought near Sudzha.")
    assert added.found_by == "model" and added.model_probability == round(probability_of(3.0), 3)
    assert {h.text for h in added.hits} == {"Kim", "Sudzha"}
    assert found("The newcomers fought near Sudzha.") is None  # sure, but outside the scope
    assert found("Kim's shells fell near Sudzha.") is None  # in scope, not sure


def test_structure_names_the_lists_that_meet_in_the_headline_a_sentence_and_a_paragraph():
    places = [
        ("@kursk", "title", 0, 0),
        ("@nk", "body", 0, 0),
        ("@kursk", "body", 1, 0),
        ("@nk", "body", 2, 1),
        ('"@kursk"', "body", 2, 1),
    ]
    assert set(structure(places)) == {
        "title:@kursk",
        "sentence:@nk",
        "sentence:@kursk",
        'sentence:"@kursk"',
        'sentence:"@kursk"+@nk',
        "paragraph:@kursk+@nk",
        'paragraph:"@kursk"+@nk',
    }
    assert set(structure([("@nk", "body", 0, 0), ("@nk", "body", 1, 0)])) == {"sentence:@nk"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the «\u202fKoursk\u202f» battalion", True),
        ('a pilot called "Kursk"', True),
        ("der „Kursk“-Kommandeur", True),
        ("(“Kursk” is his call sign)", True),
        ("fighting in Kursk", False),
        ("Kursk at the start", False),
        ("l'armée nord-coréenne", False),  # elisions and apostrophes follow a letter
        ("lorsqu’ils", False),
        ("the troops' Kursk sector", False),
        ('"...to the front line." Kursk was quiet', False),  # a quotation closes after punctuation
    ],
)
def test_a_term_right_after_an_opening_quotation_mark_is_quoted(text, expected):
    term = next(w for w in ("Kursk", "Koursk", "armée", "ils") if w in text)
    assert quoted(text, text.index(term)) is expected


def test_the_model_reads_where_the_topics_lists_meet_in_the_document(tmp_path):
    compiled = topics_with_model(tmp_path, {})
    entry = compiled.get("nk-kursk")
    doc = compiled.document(
        title="Kursk",
        body="North Korean soldiers fought. They reached Sudzha.\n\nThe «Kursk» battalion is North Korean.",
        language="en",
    )
    found = compiled.model_features(entry, doc)
    assert found["title:@kursk"] == 1 and found["~en:soldier"] == 1
    assert "sentence:@kursk+@nk" not in found and found["paragraph:@kursk+@nk"] == 1
    assert found['sentence:"@kursk"+@nk'] == 1
    # a topic without `model:` compiles no lists: its features are the words alone
    plain = compiled.get("plain")
    structural = ("title:", "sentence:", "paragraph:")
    assert not plain.lists and not any(f.startswith(structural) for f in compiled.model_features(plain, doc))


def test_a_term_list_that_cannot_stand_alone_is_no_feature_and_its_topic_still_compiles(tmp_path):
    topics = TOPICS.replace("kursk: [kursk, sudzha]", "kursk: [kursk, sudzha]\n      notsub: ['-submarine']")
    topics = topics.replace("'\"@nk soldiers kursk\"~6'", "'\"@nk soldiers kursk\"~6 AND @notsub'")
    (tmp_path / "topics.yaml").write_text(topics, encoding="utf-8")
    model_file(tmp_path / "m.json", {})
    compiled = compile_topics(load_topics(tmp_path / "topics.yaml"))
    assert not compiled.errors
    entry = compiled.get("nk-kursk")
    assert set(entry.lists) == {"nk", "kursk"}
    doc = compiled.document(title="", body="North Korean soldiers reached Kursk.", language="en")
    assert compiled.evaluate(entry, doc) is not None


def test_presearch_still_offers_a_document_only_the_scope_can_match(tmp_path):
    compiled = topics_with_model(tmp_path, {"~en:newcom": 3.0})
    doc = compiled.document(title="", body="Kim's newcomers fought near Sudzha.", language="en")
    assert [m.topic_id for m in compiled.match(doc)] == ["nk-kursk"]
    assert compiled.match(doc) == compiled.match(doc, presearch=False)


def test_a_missing_or_broken_model_leaves_its_topic_out_with_a_clear_error(tmp_path):
    (tmp_path / "topics.yaml").write_text(TOPICS, encoding="utf-8")
    for broken in (None, "{", json.dumps({"format": 1, "terms": {}, "bias": 0, "min_df": None, "c": 1})):
        if broken is not None:
            (tmp_path / "m.json").write_text(broken, encoding="utf-8")
        compiled = compile_topics(load_topics(tmp_path / "topics.yaml"))
        assert [t.topic.id for t in compiled] == ["plain"]
        (error,) = compiled.errors
        assert (error.topic_id, error.where, error.line) == ("nk-kursk", "model.file", 9), str(error)
        assert str(tmp_path / "m.json") in error.message

    (tmp_path / "topics.yaml").write_text(TOPICS.replace("AND @kursk", "AND (@kursk"), encoding="utf-8")
    model_file(tmp_path / "m.json", {})
    (error,) = compile_topics(load_topics(tmp_path / "topics.yaml")).errors
    assert error.where == "model.scope" and error.line == 12, str(error)


def test_topics_check_warns_when_the_model_was_trained_on_other_term_lists(tmp_path):
    topics_with_model(tmp_path, {})  # a model that names no term lists: nothing to compare
    topics = load_topics(tmp_path / "topics.yaml")
    assert review_topics(topics)[1] == []
    lists = topics.topics[0].terms
    TopicModel({}, 0.0, lists_sha256=term_lists_sha256(lists)).save(tmp_path / "m.json")
    assert review_topics(topics)[1] == []
    TopicModel({}, 0.0, lists_sha256=term_lists_sha256({**lists, "kursk": ["kursk"]})).save(
        tmp_path / "m.json"
    )
    (warning,) = review_topics(topics)[1]
    assert "'nk-kursk': its model was trained before its term lists last changed" in warning


def test_accept_below_confirm_is_refused():
    from pydantic import ValidationError

    from wirewatch.config import TopicModelSettings

    with pytest.raises(ValidationError, match=r"accept \(0.2\) must not be below confirm \(0.5\)"):
        TopicModelSettings(file="m.json", confirm=0.5, accept=0.2, scope="kursk")


def test_in_a_language_without_a_stemmer_the_query_decides_alone(tmp_path):
    compiled = topics_with_model(tmp_path, {"~en:shell": -9.0, "shells": -9.0})
    entry = compiled.get("nk-kursk")
    for language in (None, "it"):
        doc = compiled.document(
            title="", body="North Korean shells and soldiers hit Kursk.", language=language
        )
        found = compiled.evaluate(entry, doc)
        assert found.found_by == "query" and found.model_probability is None


def test_retraining_the_model_changes_the_topics_digest(tmp_path):
    (tmp_path / "topics.yaml").write_text(TOPICS, encoding="utf-8")
    model_file(tmp_path / "m.json", {"kursk": 1.0})
    before = load_topics(tmp_path / "topics.yaml").digest()
    model_file(tmp_path / "m.json", {"kursk": 2.0})
    assert load_topics(tmp_path / "topics.yaml").digest() != before


def test_cli_trains_the_model_the_topic_names_and_cross_validates_per_file(tmp_path):
    (tmp_path / "topics.yaml").write_text(TOPICS, encoding="utf-8")
    files = []
    for half in (0, 1):
        path = tmp_path / f"labels{half}.jsonl"
        rows = [
            {
                "id": f"{half}-{i}",
                "lang": "en",
                "label": "pos" if pos else "neg",
                "title": title,
                "text": text,
            }
            for i, (title, text, pos) in enumerate(toy_passages())
            if i % 2 == half
        ]
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        files += ["--labels", str(path)]
    # not a terminal, so rich does not wrap the table's rows (which the assertions split at │)
    env = {
        "WIREWATCH_TOPICS_FILE": str(tmp_path / "topics.yaml"),
        "FORCE_COLOR": None,
        "TTY_COMPATIBLE": None,
    }
    result = CliRunner().invoke(app, ["topics", "train", "nk-kursk", *files, "--cross-validate"], env=env)
    assert result.exit_code == 0, result.output
    model = load_model(tmp_path / "m.json")
    assert [t["file"] for t in model.trained_on] == [files[1], files[3]]
    assert model.lists_sha256 == term_lists_sha256(load_topics(tmp_path / "topics.yaml").topics[0].terms)
    assert all(len(t["sha256"]) == 64 and t["passages"] > 10 for t in model.trained_on)
    rows = [line for line in result.stdout.splitlines() if "labels" in line or "│ all " in line]
    assert len(rows) == 3, result.stdout  # one per file, then all

    def table(*args: str) -> dict[str, list[str]]:
        done = CliRunner().invoke(app, ["topics", "train", "nk-kursk", *args, "--cross-validate"], env=env)
        assert done.exit_code == 0, done.output
        lines = done.stdout.splitlines()
        return {line.split("│")[1].strip(): line.split("│")[2:] for line in lines if "│" in line}

    def rows_of(*judge_on: str) -> dict[str, list[str]]:
        return table(*files, *[arg for path in judge_on for arg in ("--judge-on", path)])

    # the second file spelled another way is still the second file
    one = rows_of(str(Path(files[3]).parent / ".." / Path(files[3]).parent.name / Path(files[3]).name))
    assert one[f"{files[3]} en"] != one["all"]  # else the next assertion could not tell them apart
    assert one["--judge-on files pooled"] == one[f"{files[3]} en"]
    both = rows_of(files[1], files[3])
    assert both["--judge-on files pooled"] == both["all"]
    stray = CliRunner().invoke(
        app, ["topics", "train", "nk-kursk", *files, "--cross-validate", "--judge-on", "other.jsonl"], env=env
    )
    assert stray.exit_code == 2 and "--judge-on other.jsonl: not among the --labels files" in stray.output
    alone = CliRunner().invoke(app, ["topics", "train", "nk-kursk", *files, "--judge-on", files[1]], env=env)
    assert alone.exit_code == 2 and "give --cross-validate" in alone.output
    # a set at a time: the files of one folder go out together; with one file a folder, as by file
    one_folder = CliRunner().invoke(
        app, ["topics", "train", "nk-kursk", *files, "--cross-validate", "--hold-out-sets"], env=env
    )
    assert one_folder.exit_code == 2 and "two folders or more" in one_folder.output
    apart = tmp_path / "other" / Path(files[3]).name
    apart.parent.mkdir()
    apart.write_bytes(Path(files[3]).read_bytes())
    by_file = table(*files[:2], "--labels", str(apart))
    assert table(*files[:2], "--labels", str(apart), "--hold-out-sets") == by_file

    tested = CliRunner().invoke(
        app,
        ["topics", "test", "nk-kursk", "--language", "en", "--text", "Kim's men fought near Sudzha."],
        env=env,
    )
    assert tested.exit_code == 0, tested.output
    lines = tested.stdout.splitlines()
    (verdict,) = [line for line in lines if line.startswith("model: probability ")]
    assert "which the text meets" in verdict
    shares = lines[lines.index(verdict) + 1 :][:6]
    assert shares and all(re.fullmatch(r"  [+-]\d\.\d\d  \S.*", line) for line in shares), shares

    no_model = CliRunner().invoke(app, ["topics", "train", "plain", *files], env=env)
    assert no_model.exit_code == 2 and "has no `model:`" in no_model.output


REPO = Path(__file__).resolve().parents[2]
SHIPPED = REPO / "include/config/models/dprk-troops-kursk.json"


def test_the_shipped_model_was_trained_on_the_shipped_term_lists():
    topics = load_topics(REPO / "include/config/topics.yaml")
    assert load_model(SHIPPED).lists_sha256 is not None
    assert review_topics(topics)[1] == [], "run `make topic-model` after editing the term lists"


def test_the_shipped_model_was_trained_on_the_labelled_sets_as_they_are_and_not_on_the_held_out_one():
    trained_on = load_model(SHIPPED).trained_on
    # the files `make topic-model` gives it: a labelled set added since is not in the model yet
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    line = re.search(r"^HELD_OUT := (.*)$", makefile, re.M)
    assert line, "the Makefile names the held-out sets as `HELD_OUT := tests/data/heldoutNN/%`"
    held_out = [REPO / p.rstrip("%") for p in line[1].split()]
    data = REPO / "tests/data"
    labelled = [data / "dprk_kursk_eval.yaml", *data.glob("*.jsonl"), *data.glob("*/dprk_kursk_*.jsonl")]
    expected = sorted(
        str(f.relative_to(REPO)) for f in labelled if not any(f.is_relative_to(h) for h in held_out)
    )
    assert held_out and all(h.is_dir() for h in held_out)
    assert [entry["file"] for entry in trained_on] == expected
    for entry in trained_on:
        path = REPO / entry["file"]
        assert path.exists(), entry["file"]
        assert hashlib.sha256(path.read_bytes()).hexdigest() == entry["sha256"], f"{entry['file']} changed"


# North Korean troops, the region described as coverage describes it without its name, and the
# same troops with no place (written for this test)
DESCRIBED = [
    (
        "en",
        "North Korean soldiers reached the front. They fight to retake the border region Ukraine seized in its incursion.",
        "North Korean soldiers reached the front. Seoul says so.",
    ),
    (
        "de",
        "Nordkoreanische Soldaten sind an der Front. Sie kämpfen in der Grenzregion, in die die Ukraine vorgestoßen war.",
        "Nordkoreanische Soldaten sind an der Front. Das meldet Seoul.",
    ),
    (
        "fr",
        "Des soldats nord-coréens sont au front. Ils combattent dans la région frontalière envahie lors de l'incursion.",
        "Des soldats nord-coréens sont au front. Séoul l'affirme.",
    ),
]


@pytest.fixture(scope="module")
def shipped_topics():
    return compile_topics(load_topics(REPO / "include/config/topics.yaml"))


@pytest.mark.parametrize(("language", "described", "nowhere"), DESCRIBED)
def test_the_shipped_scope_admits_the_region_described_without_its_name(
    shipped_topics, language, described, nowhere
):
    """The scope within which the model alone may match admits North Korean troops where Ukraine's
    incursion was, and not the same troops with no place."""
    compiled = shipped_topics
    scope = compiled.get("dprk-troops-kursk").opinion.scope
    assert scope.test(compiled.document(body=described, language=language))
    assert not scope.test(compiled.document(body=nowhere, language=language))


@pytest.mark.slow(seconds=15)
def test_make_topic_model_trains_the_shipped_model_again(tmp_path):
    """`make topic-model`'s training, from the files the model names: the same probabilities."""
    shipped = load_model(SHIPPED)
    topics = load_topics(REPO / "include/config/topics.yaml")
    compiled = compile_topics(topics)
    samples, labels, probe = [], [], []
    for entry in shipped.trained_on:
        for n, passage in enumerate(load_passages(REPO / entry["file"])):
            doc = compiled.document(title=passage.title, body=passage.text, language=passage.lang)
            counts = compiled.model_features(compiled.get("dprk-troops-kursk"), doc)
            samples.append(counts)
            labels.append(passage.positive)
            if n % 50 == 0:
                probe.append(counts)
    again = train(samples, labels, min_df=shipped.min_df, c=shipped.c)
    assert set(again.terms) == set(shipped.terms)
    assert max(abs(again.probability(c) - shipped.probability(c)) for c in probe) < 1e-3


def test_a_label_report_says_when_the_model_dropped_a_match_or_made_one(tmp_path):
    compiled = topics_with_model(tmp_path, {"~en:newcom": 3.0, "~en:shell": -3.0})
    passages = [
        Passage("vetoed", "en", True, "", "North Korean shells and soldiers hit Kursk."),
        Passage("missed", "en", True, "", "The soldiers reached Sudzha."),
        Passage("added", "en", False, "", "Kim's newcomers toured Sudzha."),
    ]
    report = score_topic(compiled, compiled.get("nk-kursk"), passages)
    reasons = {m.passage.id: m.reason for m in report.misses + report.false_hits}
    assert (
        reasons["vetoed"]
        == "the model gives 0.05 (in its scope): below `confirm`, the query's match is dropped"
    )
    assert reasons["missed"].endswith("; the model gives 0.50 (out of its scope)")
    assert reasons["added"].startswith("found by the model (0.953), terms ")
