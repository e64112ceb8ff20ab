"""`wirewatch dedupe`: JSON Lines articles in, one story assignment per article out."""

import json

from typer.testing import CliRunner

from wirewatch.cli import app
from wirewatch.devstack.simwire.kursk import KURSK_COPIES
from wirewatch.devstack.simwire.outlets import make_outlets

by_outlet = {text.outlet: text for text in KURSK_COPIES}


def kursk_lines() -> str:
    lines = []
    for n, text in enumerate(KURSK_COPIES):
        body = "\n".join([*text.paragraphs, text.signature or ""])
        record = {
            "id": text.outlet,
            "body": body,
            "outlet": text.outlet,
            "published_at": f"2024-11-05T0{n}:00:00Z",
        }
        lines.append(json.dumps(record, ensure_ascii=False))
    return "\n".join(lines) + "\n"


def test_copies_share_a_story_with_the_agency_original_as_canonical():
    result = CliRunner().invoke(app, ["dedupe"], input=kursk_lines())
    assert result.exit_code == 0, result.output
    out = {r["id"]: r for r in map(json.loads, result.stdout.splitlines())}
    assert len(out) == len(KURSK_COPIES)
    french, german = out["gazette-du-jura"], out["zuercher-abendpost"]
    assert french["cluster_key"] == out["courrier-lemanique"]["cluster_key"] != german["cluster_key"]
    assert german["cluster_key"] == out["berner-tagesbote"]["cluster_key"]
    assert french["duplicate_of"] == french["canonical"] == "courrier-lemanique"
    assert (french["story_agency"], french["copies"]) == ("ATS", 2)
    assert french["linked"]["to"] == "courrier-lemanique" and french["linked"]["containment"] > 0.6
    assert out["harbour-herald"]["copies"] == 1 and out["harbour-herald"]["agency"] == "AFP"


def test_bad_input_is_named():
    bad_time = '{"id": "a", "body": "text", "published_at": "yesterday"}\n'
    result = CliRunner().invoke(app, ["dedupe"], input=bad_time)
    assert result.exit_code == 2 and "line 1" in result.output and "published_at" in result.output
    result = CliRunner().invoke(app, ["dedupe"], input='{"id": "a"}\n')
    assert result.exit_code == 2 and "'body'" in result.output


def test_language_and_agency_fields_link_translations_to_their_original():
    languages = {o.slug: o.language for o in make_outlets(12)}
    records = [json.loads(line) for line in kursk_lines().splitlines()]
    for record in records:
        record["language"] = languages[record["outlet"]]
        record["body"] = record["body"].rsplit("\n", 1)[0]  # signatures gone: the field says
        agency = by_outlet[record["outlet"]].agency
        record["agency"] = "Keystone-SDA" if agency == "ATS" else agency  # another spelling of ATS
    lines = "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
    result = CliRunner().invoke(app, ["dedupe"], input=lines)
    assert result.exit_code == 0, result.output
    out = {r["id"]: r for r in map(json.loads, result.stdout.splitlines())}
    original = out["courrier-lemanique"]
    assert (original["language"], original["agency"], original["translated_from"]) == ("fr", "ATS", None)
    german = out["berner-tagesbote"]
    assert german["cluster_key"] == original["cluster_key"]
    assert german["translated_from"] == "courrier-lemanique" and german["language"] == "de"
    assert out["rheinische-morgenzeitung"]["cluster_key"] != original["cluster_key"]  # dpa's own story
    assert out["harbour-herald"]["translated_from"] is None
    result = CliRunner().invoke(app, ["dedupe"], input='{"id": "a", "body": "x", "language": 3}\n')
    assert result.exit_code == 2 and "'language'" in result.output
