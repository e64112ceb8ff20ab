"""The command line, run in-process with real stdin/stdout; HTTP goes to the simulated wire."""

import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.wiring import write_feeds_file
from wirewatch.cli import app, main
from wirewatch.devstack.simwire import SimWire, WireSettings

runner = CliRunner()
NOW = time.time()


@pytest.fixture(scope="module")
def wire():
    with SimWire(WireSettings(port=0), clock=lambda: NOW) as running:
        yield running


def test_extract_a_url_prints_json(wire):
    copy = next(t for t in wire.truth() if t.kind == "kursk-copy" and t.language == "de")
    result = runner.invoke(app, ["extract", copy.url])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["path"] == "trafilatura" and data["language"] == "de"
    assert "Kursk" in data["body"]


def test_extract_reports_http_errors(wire):
    result = runner.invoke(app, ["extract", wire.fault_url("404")])
    assert result.exit_code == 2
    assert "http_404" in result.output


def test_match_and_dedupe_read_and_write_json_lines():
    lines = [
        {
            "id": "a",
            "title": "",
            "body": "Nordkoreanische Soldaten kämpfen in der Region Kursk.\n/ATS",
            "language": "de",
        },
        {
            "id": "b",
            "title": "",
            "body": "Nordkoreanische Soldaten kämpfen in der Region Kursk.\n/ATS",
            "language": "de",
        },
        {"id": "c", "title": "Wetter", "body": "Morgen regnet es in Bern.", "language": "de"},
    ]
    stdin = "\n".join(json.dumps(line) for line in lines) + "\n"
    matched = [json.loads(x) for x in runner.invoke(app, ["match"], input=stdin).stdout.splitlines()]
    assert [bool(m["matches"]) for m in matched] == [True, True, False]
    deduped = [json.loads(x) for x in runner.invoke(app, ["dedupe"], input=stdin).stdout.splitlines()]
    assert deduped[1]["duplicate_of"] == "a" and deduped[2]["duplicate_of"] is None
    assert deduped[0]["agency"] == "ATS"


def test_bad_json_line_names_the_line():
    result = runner.invoke(app, ["match"], input='{"id": 1}\n{nope\n')
    assert result.exit_code == 2 and "stdin line 2" in result.output


DEEP = "[" * 100_000 + "]" * 100_000


@pytest.mark.parametrize(
    ("command", "line", "message"),
    [
        ("match", "5", "stdin line 2: expected a JSON object, got a number"),
        (
            "match",
            '{"id": "b", "title": 5, "body": "x"}',
            "stdin line 2 (id b): field 'title' must be a string, not a number",
        ),
        (
            "match",
            '{"id": ["b"], "body": "x"}',
            "stdin line 2: field 'id' must be a string or an integer, not an array",
        ),
        ("match", DEEP, "stdin line 2: JSON nested too deeply"),
        (
            "dedupe",
            '{"id": "b", "body": "Text.", "author": ["x"]}',
            "stdin line 2 (id b): field 'author' must be a string, not an array",
        ),
        (
            "dedupe",
            '{"id": "b", "body": "Text.", "outlet": {"x": 1}}',
            "stdin line 2 (id b): field 'outlet' must be a string, not an object",
        ),
        ("dedupe", '{"a": ' * 100_000 + "1" + "}" * 100_000, "stdin line 2: JSON nested too deeply"),
    ],
)
def test_bad_json_lines_are_one_line_errors_naming_line_and_field(command, line, message):
    result = runner.invoke(app, [command], input=f'{{"id": "a", "body": "Text."}}\n{line}\n')
    assert result.exit_code == 2, result.output
    assert result.output == f"error: {message}\n"


def test_config_error_is_one_line_and_exit_code_2(tmp_path, monkeypatch, capsys):
    feeds = tmp_path / "feeds.yaml"
    feeds.write_text("fetch: {total_timeout: .inf}\nlists: {simwire: []}\n" + "# long line " * 20)
    monkeypatch.setenv("WIREWATCH_FEEDS_FILE", str(feeds))
    monkeypatch.setattr("sys.argv", ["wirewatch", "match"])
    with pytest.raises(SystemExit) as info:
        main()
    assert info.value.code == 2
    assert (
        capsys.readouterr().err == f"error: {feeds}: fetch.total_timeout: Input should be a finite number\n"
    )


def test_feeds_import_prints_yaml(tmp_path):
    opml = tmp_path / "a.opml"
    opml.write_text(
        '<opml><body><outline text="Le Temps" xmlUrl="https://www.letemps.ch/articles.rss"/></body></opml>'
    )
    result = runner.invoke(app, ["feeds", "import", str(opml), "--language", "fr"])
    assert result.exit_code == 0
    assert "id: le-temps" in result.stdout and "language: fr" in result.stdout


def test_run_once_then_matches(tmp_path, wire, monkeypatch):
    feeds = write_feeds_file(tmp_path / "feeds.yaml", wire, with_faults=False)
    monkeypatch.setenv("WIREWATCH_FEEDS_FILE", str(feeds))
    monkeypatch.setenv("WIREWATCH_DATA_DIR", str(tmp_path))
    result = runner.invoke(app, ["run-once"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["matches"] == {"dprk-troops-kursk": 8}
    table = runner.invoke(app, ["matches"])
    assert "Rheinische Morgenzeitung" in table.stdout and "dpa" in table.stdout
    # not a terminal: one row, one line, however long
    copy = next(t for t in wire.truth() if t.kind == "kursk-copy" and t.outlet == "rheinische-morgenzeitung")
    (row,) = [line for line in table.stdout.splitlines() if "Rheinische Morgenzeitung" in line]
    assert copy.title in row and "dpa" in row

    # the Kursk coverage is one event: ATS's story with its translations, and AFP's and dpa's stories
    events = runner.invoke(app, ["events"])
    assert events.exit_code == 0, events.output
    assert (
        events.stdout.count(" event ") == 1
        and "3 stories, 8 copies; AFP, ATS, dpa; de, en, fr" in events.stdout
    )
    assert "translation (de) by Emmentaler Landbote" in events.stdout
    assert "translation (en) by The Alpine Dispatch" in events.stdout


def test_default_data_dir_is_the_airflow_home_of_make_run():
    from tests.conftest import REPO
    from wirewatch.config import Settings

    assert Settings.from_env({}).data_dir == REPO / ".airflow" / "wirewatch"
    assert Settings.from_env({"AIRFLOW_HOME": "/srv/af"}).data_dir == Path("/srv/af/wirewatch")


@pytest.mark.parametrize("command", [["matches"], ["digest", "preview", "--date", "2026-11-24"]])
def test_reading_commands_never_create_a_warehouse(tmp_path, monkeypatch, command):
    data = tmp_path / "data"
    monkeypatch.setenv("WIREWATCH_DATA_DIR", str(data))
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, command)
    assert result.exit_code == 2
    assert result.output == (
        f"error: no warehouse at {data / 'warehouse.db'}: run `make run` or `make demo` in the checkout "
        "first, or point --warehouse or WIREWATCH_WAREHOUSE_URL at one\n"
    )
    assert not data.exists() and not (tmp_path / "digest.html").exists()


def test_an_outdated_warehouse_says_what_to_run(tmp_path):
    from wirewatch.warehouse.db import head_revision, make_engine, migrate

    url = f"sqlite:///{tmp_path / 'warehouse.db'}"
    engine = make_engine(url)
    migrate(engine)
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0005'")
    result = runner.invoke(app, ["matches", "--warehouse", url])
    assert result.exit_code == 2
    assert result.output == (
        f"error: the warehouse at {url} has schema 0005, this version needs {head_revision()}: "
        "run `wirewatch warehouse migrate` (`make run` and `make demo` do it too)\n"
    )


def test_an_empty_warehouse_says_what_to_run(tmp_path):
    db = tmp_path / "warehouse.db"
    sqlite3.connect(db).close()
    result = runner.invoke(app, ["matches", "--warehouse", f"sqlite:///{db}"])
    assert result.exit_code == 2
    assert result.output.startswith(f"error: the warehouse at sqlite:///{db} has no tables: run ")
    assert sqlite3.connect(db).execute("SELECT count(*) FROM sqlite_master").fetchone() == (0,)


WIREWATCH = Path(sys.executable).with_name("wirewatch")


def _run_cli(args: list[str], home: Path) -> subprocess.CompletedProcess:
    """The installed command, as a user runs it: no AIRFLOW_HOME, no WIREWATCH_* settings."""
    env = {k: v for k, v in os.environ.items() if k != "AIRFLOW_HOME" and not k.startswith("WIREWATCH_")}
    return subprocess.run(
        [str(WIREWATCH), *args],
        env=env | {"HOME": str(home)},
        cwd=home,
        capture_output=True,
        text=True,
        timeout=120,
    )


# the installed command in a subprocess: seconds of imports each, so not in the fast tier
@pytest.mark.integration
def test_the_installed_command_reads_the_checkout_warehouse_never_the_home_directory(tmp_path):
    from tests.conftest import REPO

    done = _run_cli(["matches"], tmp_path)
    assert not (tmp_path / ".wirewatch").exists()
    if done.returncode == 0:  # this checkout has run `make run` or `make demo`
        assert "Latest" in done.stdout
    else:  # none yet, or one from an older version: one line that says where it looked
        assert str(REPO / ".airflow/wirewatch/warehouse.db") in done.stderr and done.stderr.count("\n") == 1


@pytest.mark.integration
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["run-once", "--warehouse", "postgresql://wirewatch@127.0.0.1:1/none"], "error: database: "),
        (["warehouse", "migrate", "--warehouse", "no-url"], "error: database: Could not parse"),
        (["mailsink", "--dir", "mail", "--port", "{busy}"], "error: [Errno 98] "),
    ],
)
def test_user_errors_are_one_line_without_traceback(tmp_path, args, message):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        args = [arg.format(busy=busy.getsockname()[1]) for arg in args]
        done = _run_cli(args, tmp_path)
    assert done.returncode == 1
    assert done.stderr.startswith(message) and done.stderr.count("\n") == 1, done.stderr
