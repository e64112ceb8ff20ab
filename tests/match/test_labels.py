"""`topics test --labels`: what each branch of a query's OR finds, what each exclusion takes away."""

import json
from pathlib import Path

from typer.testing import CliRunner

from wirewatch.cli import app
from wirewatch.config import load_topics
from wirewatch.match import compile_topics
from wirewatch.match.labels import Passage, score_topic, split_query

TOPICS = """\
default_operator: AND
topics:
  - id: nk-kursk
    name: North Korean troops in Kursk
    query: >-
      ("@nk @troops @kursk"~s OR "@nk kursk"~2 OR (title:@kursk AND @troops))
      AND NOT @submarine
    terms:
      nk: [nordkorea*, '"north korea*"']
      troops: [soldier*, troop*]
      kursk: [kursk]
      submarine: [submarine*]
  - id: nk-and-kursk
    name: no OR at the top
    query: '@nk AND kursk'
    terms:
      nk: [nordkorea*, '"north korea*"']
"""

# B1 is the careful clause, B2 (North Korea next to Kursk) only adds a false hit, B3 (Kursk in the
# headline) finds one passage nothing else finds and one false hit; X1 takes one of each away.
PASSAGES = [
    ("p1", True, "", "North Korean troops were seen fighting near the town of Kursk."),
    ("p2", True, "Kursk", "Soldiers from Pyongyang arrived."),
    ("p3", True, "", "North Korean soldiers in Kursk."),
    ("p4", True, "", "Pyongyang's men are in Kursk."),
    ("p5", True, "", "North Korean troops in Kursk guard a submarine base."),
    ("n1", False, "", "North Korea and Kursk signed a trade pact."),
    ("n2", False, "", "North Korean soldiers toured the Kursk submarine."),
    ("n3", False, "Kursk", "Soldiers parade in the city."),
]


def write_files(tmp_path: Path) -> tuple[Path, Path]:
    topics = tmp_path / "topics.yaml"
    topics.write_text(TOPICS, encoding="utf-8")
    labels = tmp_path / "labels.jsonl"
    rows = [
        {"id": i, "lang": "en", "label": "pos" if pos else "neg", "title": title, "text": text}
        for i, pos, title, text in PASSAGES
    ]
    labels.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return topics, labels


def counts(clause) -> tuple[int, int, int, int]:
    return clause.true, clause.false, clause.alone_true, clause.alone_false


def score(topics_path: Path, topic_id: str, passages: list[Passage]):
    """The label report of one topic of a topics file, with its branch and exclusion table."""
    topics = load_topics(topics_path)
    compiled = compile_topics(topics)
    return score_topic(compiled, compiled.get(topic_id), passages, topics)


def all_passages() -> list[Passage]:
    return [Passage(i, "en", pos, title, text) for i, pos, title, text in PASSAGES]


def test_each_branch_and_exclusion_counts_its_true_false_and_lone_finds(tmp_path):
    topics_path, _ = write_files(tmp_path)
    report = score(topics_path, "nk-kursk", all_passages())

    b1, b2, b3 = report.branches
    assert (b1.name, b1.text) == ("B1", '"@nk @troops @kursk"~s')
    assert counts(b1) == (2, 0, 1, 0)  # p1 alone, p3 with B2; n2 is excluded
    assert counts(b2) == (1, 1, 0, 1)  # finds nothing the others miss but n1
    assert (b3.text, counts(b3)) == ("title:@kursk AND @troops", (1, 1, 1, 1))
    (x1,) = report.exclusions
    assert (x1.text, counts(x1)) == ("@submarine", (1, 1, 1, 1))  # p5 lost, n2 kept out
    assert (report.overall.true_pos, report.overall.false_pos) == (3, 2)
    reasons = {m.passage.id: m.reason for m in report.misses}
    assert reasons == {
        "p4": "no branch matched: @nk, @troops absent",
        "p5": "excluded by X1 NOT @submarine",
    }


def test_a_miss_with_every_term_names_the_branches_that_failed_on_distance_or_field(tmp_path):
    topics_path, _ = write_files(tmp_path)
    far = Passage("far", "en", True, "", "North Korea sent soldiers. Months later, in Kursk, it was cold.")
    (miss,) = score(topics_path, "nk-kursk", [far]).misses
    assert miss.reason == "no branch matched; B1-B3 fail on distance, field or NOT"


def test_split_query_finds_the_top_level_or_and_what_applies_to_every_branch():
    assert split_query("a OR (b AND c)").branches == ["a", "b AND c"]
    parts = split_query("(a OR b) AND lang:de AND NOT c AND -d")
    assert (parts.branches, parts.required, parts.exclusions) == (["a", "b"], ["lang:de"], ["c", "d"])
    parts = split_query("a b -c", operator="OR")
    assert (parts.branches, parts.exclusions) == (["a", "b"], ["c"])
    assert split_query("a AND b") is None
    assert split_query("(a OR b) AND (c OR d)") is None  # which OR would the table be about?
    assert split_query("+a b", operator="OR") is None
    assert split_query("a AND (b") is None


def test_cli_prints_the_branch_table_in_100_columns_and_json(tmp_path):
    topics, labels = write_files(tmp_path)
    env = {"WIREWATCH_TOPICS_FILE": str(topics)}
    result = CliRunner().invoke(app, ["topics", "test", "nk-kursk", "--labels", str(labels)], env=env)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    table = lines[lines.index("Branches of the query's top-level OR, each with the exclusion applied") :]
    assert table[3].split() == ["B1", "finds", "2", "0", "1", "0", '"@nk', "@troops", '@kursk"~s']
    assert table[4].split()[:6] == ["B2", "finds", "1", "1", "0", "1"]
    assert table[6].split() == ["X1", "takes", "away", "1", "1", "1", "1", "NOT", "@submarine"]
    assert "          excluded by X1 NOT @submarine" in lines
    assert all(len(line) <= 100 for line in table)

    as_json = CliRunner().invoke(
        app, ["topics", "test", "nk-kursk", "--labels", str(labels), "--json"], env=env
    )
    report = json.loads(as_json.stdout)
    assert [b["name"] for b in report["branches"]] == ["B1", "B2", "B3"]
    assert report["branches"][1] | {"text": None} == {
        "name": "B2",
        "text": None,
        "error": None,
        "true": 1,
        "false": 1,
        "alone_true": 0,
        "alone_false": 1,
    }
    assert report["exclusions"][0]["text"] == "@submarine"


def test_a_query_without_a_top_level_or_has_no_table_and_names_the_failed_clauses(tmp_path):
    topics_path, _ = write_files(tmp_path)
    report = score(topics_path, "nk-and-kursk", all_passages())
    assert report.branches == [] and report.exclusions == []
    assert {m.passage.id: m.reason for m in report.misses} == {
        "p2": "failed: no @nk (none of 2 alternatives)",
        "p4": "failed: no @nk (none of 2 alternatives)",
    }


def test_a_clause_that_does_not_compile_alone_says_so_and_the_others_still_count(tmp_path):
    topics_path = tmp_path / "topics.yaml"
    topics_path.write_text(
        "topics:\n  - id: t\n    name: t\n    query: (kursk OR koursk) AND NOT (NOT soldat*)\n",
        encoding="utf-8",
    )
    report = score(topics_path, "t", [Passage("p", "fr", True, "", "Des soldats à Koursk.")])
    assert [counts(b) for b in report.branches] == [(0, 0, 0, 0), (1, 0, 1, 0)]
    (x1,) = report.exclusions
    assert x1.text == "(NOT soldat*)" and "none of its terms" in x1.error
    labels = tmp_path / "labels.jsonl"
    labels.write_text('{"id": "p", "lang": "fr", "label": "pos", "text": "Des soldats à Koursk."}\n')
    env = {"WIREWATCH_TOPICS_FILE": str(topics_path)}
    result = CliRunner().invoke(app, ["topics", "test", "t", "--labels", str(labels)], env=env)
    assert "      X1 does not compile alone: the query can match a document" in result.stdout
