"""`wirewatch digest preview`: what would be sent, written to a file, nothing sent or recorded."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from tests.digest.mail import parse, parts, story_entries
from wirewatch.cli import app
from wirewatch.warehouse.db import make_engine, migrate
from wirewatch.warehouse.schema import digests

# the wire warehouse: the pipeline against the simulated wire on loopback
pytestmark = pytest.mark.integration


def preview(filled, *args: str):
    env = {"WIREWATCH_WAREHOUSE_URL": filled.url, "WIREWATCH_TOPICS_FILE": str(filled.topics_file)}
    return CliRunner().invoke(app, ["digest", "preview", *args], env=env)


def ledger_rows(url: str) -> int:
    engine = make_engine(url)
    migrate(engine)
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(digests)).scalar_one()


def test_preview_writes_html_text_or_a_whole_message(wire_warehouse, tmp_path):
    day = wire_warehouse.day.isoformat()
    before = ledger_rows(wire_warehouse.url)
    result = preview(wire_warehouse, "--date", day, "--out", str(tmp_path / "digest.html"))
    assert result.exit_code == 0, result.output
    assert "2 stories" in result.output
    html = (tmp_path / "digest.html").read_text(encoding="utf-8")
    assert len(story_entries(html)) == 2
    # every topic, including the one without coverage
    assert "Mars sample return" in html

    result = preview(
        wire_warehouse,
        "--date",
        day,
        "--out",
        str(tmp_path / "d.txt"),
        "--topics",
        "dprk-troops-kursk",
        "--language",
        "fr",
    )
    assert result.exit_code == 0, result.output
    text = (tmp_path / "d.txt").read_text(encoding="utf-8")
    assert text.startswith("Wirewatch, le résumé du jour") and "Mars" not in text

    result = preview(wire_warehouse, "--date", day, "--out", str(tmp_path / "d.eml"))
    assert result.exit_code == 0, result.output
    message = parse((tmp_path / "d.eml").read_bytes())
    plain, page = parts(message)
    assert message["Message-ID"] and message["List-Id"] and "2 stories" in message["Subject"]
    assert len(story_entries(page)) == 2 and "Also carried by" in plain
    assert ledger_rows(wire_warehouse.url) == before


def test_preview_rejects_a_bad_date_or_topic(wire_warehouse, tmp_path):
    result = preview(wire_warehouse, "--date", "2026-02-30", "--out", str(tmp_path / "x.html"))
    assert result.exit_code == 2 and "date '2026-02-30' is not YYYY-MM-DD" in result.output
    result = preview(wire_warehouse, "--topics", "venus", "--out", str(tmp_path / "x.html"))
    assert result.exit_code == 2 and "unknown topics ['venus']" in result.output
    assert not (tmp_path / "x.html").exists()
