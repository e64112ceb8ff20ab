"""Topics files: errors with topic, line and column; a bad topic never takes the others down; the CLI."""

import json
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wirewatch.cli import app
from wirewatch.config import ConfigError, load_topics
from wirewatch.devstack.simwire import SimWire, WireSettings
from wirewatch.match import check_topics, compile_topics, match_document

REPO = Path(__file__).resolve().parents[2]

MIXED = """\
default_operator: AND
topics:
  - id: kursk-any
    name: Anything about Kursk
    query: kursk* OR koursk*
  - id: broken-plain
    name: Broken
    query: nordkorea AND (truppen OR soldaten
  - id: broken-folded
    name: Broken in a folded block
    query: >-
      "@nk @troops"~5
      AND title:kursk AND place:kyiv
    terms:
      nk: [nordkorea*]
      troops: [truppe*]
  - id: broken-list
    name: Broken term list entry
    query: '@nk AND kursk'
    terms:
      nk:
        - nordkorea*
        - '"north korea*'
"""


def write(tmp_path: Path, text: str = MIXED) -> Path:
    path = tmp_path / "topics.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_each_error_names_topic_line_and_column(tmp_path):
    path = write(tmp_path)
    errors = {e.topic_id: e for e in check_topics(load_topics(path))}
    assert set(errors) == {"broken-plain", "broken-folded", "broken-list"}
    lines = MIXED.splitlines()

    plain = errors["broken-plain"]
    assert (plain.line, plain.where) == (8, "query")
    assert plain.column == len(lines[7]) + 1  # the end of the query: an unclosed parenthesis
    folded = errors["broken-folded"]
    assert folded.line == 13 and lines[12][folded.column - 1 :].startswith("place:kyiv")
    assert "unknown field 'place'" in folded.message
    entry = errors["broken-list"]
    assert (entry.where, entry.line) == ("terms.nk[1]", 23)
    assert lines[22][entry.column - 1 :].startswith('"north korea*')
    assert str(entry).startswith(f"{path}:23:{entry.column}: topic 'broken-list' terms.nk[1]: unclosed quote")


def test_a_bad_topic_never_takes_down_the_others(tmp_path):
    compiled = compile_topics(load_topics(write(tmp_path)))
    assert [entry.topic.id for entry in compiled] == ["kursk-any"]
    assert len(compiled.errors) == 3
    (found,) = match_document(compiled, title="", body="Nordkorea-Truppen in Kursk", language="de")
    assert found.topic_id == "kursk-any"


def test_old_format_and_empty_term_lists_are_config_errors(tmp_path):
    old = "topics:\n  - id: t\n    name: T\n    require: {g: [kursk]}\n"
    with pytest.raises(ConfigError, match=r"topics\[0\] \(id=t\): .*require/exclude format is gone"):
        load_topics(write(tmp_path, old))
    empty = "topics:\n  - id: t\n    name: T\n    query: '@a'\n    terms: {a: []}\n"
    with pytest.raises(ConfigError, match=r"topics\[0\] \(id=t\)\.terms: .*'a' needs at least one"):
        load_topics(write(tmp_path, empty))
    bad_name = "topics:\n  - id: t\n    name: T\n    query: x\n    terms: {North-Korea: [x]}\n"
    with pytest.raises(ConfigError, match=r"terms\.North-Korea"):
        load_topics(write(tmp_path, bad_name))


def test_the_digest_follows_queries_and_term_lists(tmp_path):
    base = "topics:\n  - id: t\n    name: T\n    query: '@a'\n    terms: {{a: [{term}]}}\n"
    one = load_topics(write(tmp_path, base.format(term="kursk")))
    assert one.digest() == load_topics(write(tmp_path, base.format(term="kursk"))).digest()
    assert one.digest() != load_topics(write(tmp_path, base.format(term="koursk"))).digest()


runner = CliRunner()


def cli(args: list[str], topics: Path | None = None, stdin: str | None = None):
    env = {"WIREWATCH_TOPICS_FILE": str(topics)} if topics else {}
    return runner.invoke(app, args, env=env, input=stdin)


def test_topics_check_reports_every_error_and_fails(tmp_path):
    result = cli(["topics", "check"], write(tmp_path))
    assert result.exit_code == 1
    assert (
        "broken-plain" in result.stderr
        and "broken-folded" in result.stderr
        and "broken-list" in result.stderr
    )
    assert f"{tmp_path / 'topics.yaml'}:8:" in result.stderr
    assert "1 of 4 topics compile" in result.stderr
    shipped = cli(["topics", "check"])
    assert shipped.exit_code == 0 and "1 of 1 topics compile" in shipped.stderr


def test_topics_test_with_text_explains_a_match_and_a_miss():
    hit = cli(
        ["topics", "test", "dprk-troops-kursk", "--text", "Des soldats nord-coréens combattent à Koursk."]
    )
    assert hit.exit_code == 0, hit.output
    assert "dprk-troops-kursk: MATCH" in hit.stdout
    assert "'nord-coréens'" in hit.stdout and "[[soldats]] [[nord-coréens]]" in hit.stdout
    miss = cli(["topics", "test", "dprk-troops-kursk", "--text", "The Kursk submarine sank in 2000."])
    assert "dprk-troops-kursk: no match" in miss.stdout
    assert "(@north_korea: -, @military: -, @kursk: Kursk)" in miss.stdout
    wrong = cli(["topics", "test", "nope", "--text", "x"])
    assert wrong.exit_code == 2 and "no topic 'nope'" in wrong.stderr
    both = cli(["topics", "test", "dprk-troops-kursk", "--text", "x", "--url", "http://127.0.0.1:9/"])
    assert both.exit_code == 2 and "exactly one of" in both.stderr


def test_topics_test_with_a_file_as_json(tmp_path):
    text_file = tmp_path / "article.txt"
    text_file.write_text("North Korean troops are fighting in the Kursk region.", encoding="utf-8")
    result = cli(["topics", "test", "dprk-troops-kursk", "--file", str(text_file), "--json"])
    data = json.loads(result.stdout)
    assert data["matched"] and {h["text"] for h in data["match"]["hits"]} >= {
        "North Korean",
        "troops",
        "Kursk",
    }


def test_topics_test_with_a_url_fetches_and_extracts_the_page():
    now = time.time()
    with SimWire(WireSettings(port=0), clock=lambda: now) as wire:
        truth = wire.truth()
        copy = next(t for t in truth if t.kind == "kursk-copy")
        negative = next(t for t in truth if t.kind == "hard-negative")
        hit = cli(["topics", "test", "dprk-troops-kursk", "--url", copy.url, "--json"])
        miss = cli(["topics", "test", "dprk-troops-kursk", "--url", negative.url, "--json"])
    assert json.loads(hit.stdout)["matched"] is True
    assert json.loads(miss.stdout)["matched"] is False


def test_match_command_returns_explained_matches_and_skips_a_bad_topic(tmp_path):
    articles = [
        {"id": "a1", "title": "Koursk", "body": "Des soldats nord-coréens à Koursk.", "language": "fr"},
        {"id": "a2", "title": "Weather", "body": "Sunny in Bern.", "language": "en"},
    ]
    stdin = "\n".join(json.dumps(a) for a in articles)
    result = cli(["match"], write(tmp_path), stdin=stdin)
    assert result.exit_code == 0, result.output
    assert "topic left out" in result.stderr and "broken-plain" in result.stderr
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    (found,) = first["matches"]
    assert found["topic"] == "kursk-any" and found["score"] > 0
    assert found["hits"][0] == {"term": "koursk*", "field": "title", "start": 0, "end": 6, "text": "Koursk"}
    assert found["snippet"] == "Des soldats nord-coréens à [[Koursk]]."
    assert second == {"id": "a2", "matches": []}


def test_topics_test_with_labels_prints_precision_recall_and_every_error(tmp_path):
    passages = [
        {
            "id": "p1",
            "lang": "en",
            "label": "pos",
            "title": "",
            "text": "North Korean troops fight in Kursk.",
        },
        {
            "id": "p2",
            "lang": "en",
            "label": "pos",
            "title": "",
            "text": "Soldiers from the north are near Kursk.",
        },
        {"id": "n1", "lang": "en", "label": "neg", "title": "", "text": "The Kursk submarine sank in 2000."},
        {
            "id": "n2",
            "lang": "de",
            "label": "neg",
            "title": "",
            "text": "Nordkoreanische Soldaten in Kursk? Nein.",
        },
    ]
    labels = tmp_path / "labels.jsonl"
    labels.write_text("\n".join(json.dumps(p) for p in passages) + "\n", encoding="utf-8")
    result = cli(["topics", "test", "dprk-troops-kursk", "--labels", str(labels)])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "MISS      p2 (en)" in out and "no branch matched: @north_korea, " in out
    assert "FALSE HIT n2 (de)" in out and "matched terms" in out
    assert "on 4 passages: precision 0.500 recall 0.500 (1 miss, 1 false hit)" in out
    assert "de: precision 0.000 recall 1.000" in out
    # several files: one report over all their passages
    more = tmp_path / "more.jsonl"
    more.write_text(json.dumps(passages[2]) + "\n", encoding="utf-8")
    both = cli(["topics", "test", "dprk-troops-kursk", "--labels", str(labels), "--labels", str(more)])
    assert "on 5 passages: precision 0.500 recall 0.500 (1 miss, 1 false hit)" in both.stdout
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "x", "label": "maybe", "text": "t"}\n', encoding="utf-8")
    bad = cli(["topics", "test", "dprk-troops-kursk", "--labels", str(labels), "--labels", str(broken)])
    assert bad.exit_code == 2 and "broken.jsonl: line 1: field 'label'" in bad.stderr
