"""End-to-end tier: news_digest under dag.test() over a warehouse the pipeline filled from the simulated
wire, sending through Airflow's SMTP provider to a real aiosmtpd server on loopback."""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Generator
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml
from lxml import html as lxml_html
from sqlalchemy import select

from tests.digest.mail import RefuseFirst, parse, parts, story_entries
from tests.digest.wire import (
    HOSTILE_HEADLINE,
    HOSTILE_OUTLET,
    QUIET_TOPIC,
    TOPIC,
    TZ,
)
from tests.mailsink import start_on_a_free_port
from wirewatch.devstack.mailsink import MailSink, SinkHandler
from wirewatch.digest.unsubscribe import unsubscribe
from wirewatch.warehouse.db import make_engine
from wirewatch.warehouse.schema import digest_recipients, digests

pytestmark = [pytest.mark.dag, pytest.mark.integration, pytest.mark.slow(seconds=65)]
REPO = Path(__file__).resolve().parents[2]
SENDER = "Wirewatch Digest <digest@wirewatch.test>"
DESK = "Desk <desk@example.org>"
UNSUBSCRIBE = "http://127.0.0.1:8080/wirewatch/unsubscribe"
SUBSCRIPTIONS = {
    "digest": {
        "sender": SENDER,
        "timezone": TZ,
        "retries": 2,
        "retry_delay_seconds": 1,
        "unsubscribe_url": UNSUBSCRIBE,
    },
    "lists": {"desks": [DESK, "foreign@example.org"]},
    "subscriptions": [
        {"id": "desks", "recipients": ["desks"], "topics": [TOPIC], "language": "en"},
        {"id": "bern", "recipients": ["bern@example.org"], "topics": [TOPIC], "language": "de"},
        {"id": "mars-note", "recipients": ["mars@example.org"], "topics": [QUIET_TOPIC], "empty_day": "note"},
        {
            "id": "mars-quiet",
            "recipients": ["quiet@example.org"],
            "topics": [QUIET_TOPIC],
            "empty_day": "skip",
        },
    ],
}


@pytest.fixture(scope="module")
def warehouse(wire_warehouse, tmp_path_factory):
    subscriptions = tmp_path_factory.mktemp("digest-e2e") / "subscriptions.yaml"
    subscriptions.write_text(yaml.safe_dump(SUBSCRIPTIONS, allow_unicode=True), encoding="utf-8")
    return wire_warehouse, subscriptions


@pytest.fixture
def digest_dag(warehouse, monkeypatch):
    filled, subscriptions = warehouse
    monkeypatch.setenv("WIREWATCH_TOPICS_FILE", str(filled.topics_file))
    monkeypatch.setenv("WIREWATCH_SUBSCRIPTIONS_FILE", str(subscriptions))
    monkeypatch.setenv("WIREWATCH_WAREHOUSE_URL", filled.url)
    from airflow.dag_processing.dagbag import DagBag

    bag = DagBag(dag_folder=str(REPO / "dags"))
    assert bag.import_errors == {}
    return bag.dags["news_digest"]


@contextlib.contextmanager
def smtp(monkeypatch, handler: SinkHandler) -> Generator[MailSink]:
    sink = start_on_a_free_port(lambda port: MailSink(handler, port=port))
    try:
        monkeypatch.setenv("AIRFLOW_CONN_SMTP_DEFAULT", sink.connection_json())
        yield sink
    finally:
        sink.stop()


def ledger(url: str) -> dict[str, dict]:
    with make_engine(url).connect() as conn:
        return {row["recipient"]: dict(row) for row in conn.execute(select(digests)).mappings()}


def by_recipient(sink: MailSink) -> dict[str, object]:
    received = {}
    for item in sink.received:
        assert len(item.rcpt_tos) == 1
        received[item.rcpt_tos[0]] = parse(item.content)
    assert len(received) == len(sink.received), "a recipient got two messages"
    return received


def test_digest_is_sent_once_per_recipient_with_one_entry_per_story(
    airflow_db, warehouse, digest_dag, monkeypatch, tmp_path
):
    filled, _ = warehouse
    day = filled.day.isoformat()
    with smtp(monkeypatch, SinkHandler(tmp_path / "mail")) as sink:
        run = digest_dag.test(run_conf={"date": day})
        assert run.state == "success"
        mails = by_recipient(sink)
        # the quiet topic's "skip" subscriber gets nothing; everyone else one message
        assert set(mails) == {
            "desk@example.org",
            "foreign@example.org",
            "bern@example.org",
            "mars@example.org",
        }
        assert len(list((tmp_path / "mail").glob("*.eml"))) == 4

        desk = mails["desk@example.org"]
        assert desk.get_content_type() == "multipart/alternative"
        assert [p.get_content_type() for p in desk.iter_parts()] == ["text/plain", "text/html"]
        assert all(p.get_content_charset() == "utf-8" for p in desk.iter_parts())
        assert desk["From"] == SENDER
        assert desk["To"] == DESK
        assert desk["List-Id"] == "Wirewatch daily digest <daily-digest.wirewatch.test>"
        with make_engine(filled.url).connect() as conn:
            token = conn.execute(
                select(digest_recipients.c.unsubscribe_token).where(
                    digest_recipients.c.recipient == "desk@example.org"
                )
            ).scalar_one()
        assert desk["List-Unsubscribe"] == f"<{UNSUBSCRIBE}/{token}>"
        # one line as sent: folded, the URL would become RFC 2047 encoded words that clients do not read
        raw = next(item.content for item in sink.received if item.rcpt_tos == ["desk@example.org"])
        assert f"\r\nList-Unsubscribe: <{UNSUBSCRIBE}/{token}>\r\n".encode() in raw
        assert desk["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert re.fullmatch(r"<[^<>@\s]+@wirewatch\.test>", desk["Message-ID"])
        sent = parsedate_to_datetime(desk["Date"])
        assert abs(sent - datetime.now(UTC)) < timedelta(minutes=5)
        assert sent.utcoffset() == datetime.now(ZoneInfo(TZ)).utcoffset()
        assert desk["Subject"].startswith("Wirewatch digest") and "2 stories" in desk["Subject"]

        text, html = parts(desk)
        entries = story_entries(html)
        # the Kursk event (ATS with its copies and translations, AFP and dpa beneath) and the hostile
        # article; the four reprints join the Courrier's story
        assert len(entries) == 2
        headlines = [e.xpath(".//*[contains(@class, 'headline')]")[0].text_content() for e in entries]
        assert sorted(headlines) == sorted(
            [next(t.title for t in filled.copies if t.outlet == "courrier-lemanique"), HOSTILE_HEADLINE]
        )
        lead = entries[0]  # most outlets first
        assert headlines[0] == next(t.title for t in filled.copies if t.outlet == "courrier-lemanique")
        meta = lead.xpath(".//p[contains(@class, 'meta')]")[0].text_content()
        assert meta.startswith("Le Courrier lémanique") and "Agency: ATS" in meta
        also = lead.xpath(".//p[contains(@class, 'also')]")[0]
        # the unattributed reprint came first but does not lead; it is listed first among the others
        assert also.text_content() == "Also carried by Le Matin Express, Le Nouvelliste du Lac and 3 more"
        assert [a.text_content() for a in also.xpath(".//a")] == ["Le Matin Express", "Le Nouvelliste du Lac"]
        assert lead.xpath(".//strong[contains(@class, 'hit')]")
        lines = [p.text_content() for p in lead.xpath(".//p[contains(@class, 'also')]")[1:]]
        assert lines == [
            "German translation of the ATS item by Berner Tagesbote, Zürcher Abendpost and Emmentaler Landbote",
            "English translation of the ATS item by The Alpine Dispatch",
            "Also: dpa (de), AFP (en)",
        ]

        # hostile markup is shown as text, never as elements
        assert "<script" not in html and "<img" not in html and "<i>Daily" not in html
        document = lxml_html.fromstring(html)
        assert not document.xpath("//script | //img | //iframe | //link | //i")
        assert HOSTILE_HEADLINE in headlines
        assert any(HOSTILE_OUTLET in e.text_content() for e in entries)
        assert "&lt;script&gt;" in html

        # every entry also in the plain-text part, raw text is fine there
        assert text.count("\n1. ") == 1 and "\n2. " in text
        assert HOSTILE_HEADLINE in text
        assert "Also carried by Le Matin Express, Le Nouvelliste du Lac and 3 more" in text
        # the footer names the feeds that failed today
        for outlet in ("Broken feed (404)", "Broken feed (timeout)", "Unreachable"):
            assert outlet in html and outlet in text
        assert "2 stories in 13 articles from 13 outlets" in text

        bern_text, bern_html = parts(mails["bern@example.org"])
        assert "2 Meldungen" in mails["bern@example.org"]["Subject"]
        assert "Auch erschienen bei Le Matin Express, Le Nouvelliste du Lac und 3 weiteren" in bern_text
        assert 'lang="de"' in bern_html

        mars_text, _ = parts(mails["mars@example.org"])
        assert "No new coverage of your topics" in mars_text

        records = ledger(filled.url)
        assert {r: records[r]["status"] for r in records} == {
            "desk@example.org": "sent",
            "foreign@example.org": "sent",
            "bern@example.org": "sent",
            "mars@example.org": "sent",
            "quiet@example.org": "empty",
        }
        assert records["desk@example.org"]["message_id"] == desk["Message-ID"]
        assert json.loads(records["desk@example.org"]["topics"]) == [TOPIC]
        assert records["desk@example.org"]["stories"] == 2

        # a second run sends nothing
        again = digest_dag.test(run_conf={"date": day})
        assert again.state == "success"
        assert len(sink.received) == 4
        assert ledger(filled.url)["desk@example.org"]["sends"] == 1

        # force resends, as a new message, to the chosen recipient only
        forced = digest_dag.test(run_conf={"date": day, "recipients": [DESK], "force": True})
        assert forced.state == "success"
        assert len(sink.received) == 5
        resent = parse(sink.received[-1].content)
        assert sink.received[-1].rcpt_tos == ["desk@example.org"]
        assert resent["Message-ID"] != desk["Message-ID"]
        assert ledger(filled.url)["desk@example.org"]["sends"] == 2


def test_a_scheduled_run_sends_nothing_for_a_day_before_the_first_poll(
    airflow_db, warehouse, digest_dag, monkeypatch, tmp_path
):
    filled, _ = warehouse
    with smtp(monkeypatch, SinkHandler(tmp_path / "mail")) as sink:
        # no date: the run covers yesterday, and the warehouse was first polled today
        run = digest_dag.test()
        assert run.state == "success"
        assert sink.received == []
    yesterday = filled.day - timedelta(days=1)
    assert not [r for r in ledger(filled.url).values() if r["digest_date"] == yesterday]
    (send,) = [ti for ti in run.get_task_instances() if ti.task_id == "send_digest"]
    assert send.state == "skipped"


def test_who_unsubscribed_gets_no_more_digests(airflow_db, warehouse, digest_dag, monkeypatch, tmp_path):
    filled, _ = warehouse
    conf = {"date": filled.day.isoformat(), "recipients": ["leaving@example.org", "staying@example.org"]}
    with smtp(monkeypatch, SinkHandler(tmp_path / "mail")) as sink:
        assert digest_dag.test(run_conf=conf).state == "success"
        link = by_recipient(sink)["leaving@example.org"]["List-Unsubscribe"].strip("<>")
        # what the plugin's route does with the link's token
        assert unsubscribe(make_engine(filled.url), link.rpartition("/")[2]) == "leaving@example.org"
        sink.received.clear()
        assert digest_dag.test(run_conf=conf | {"force": True}).state == "success"
        assert list(by_recipient(sink)) == ["staying@example.org"]


def test_a_refused_send_is_retried_and_delivered_once(airflow_db, warehouse, digest_dag, monkeypatch):
    filled, _ = warehouse
    handler = RefuseFirst(refusals=1)
    with smtp(monkeypatch, handler) as sink:
        run = digest_dag.test(
            run_conf={"date": filled.day.isoformat(), "recipients": ["retry@example.org"], "topics": [TOPIC]}
        )
        assert run.state == "success"
        assert handler.refused == [["retry@example.org"]]
        assert len(sink.received) == 1
        message = parse(sink.received[0].content)
        record = ledger(filled.url)["retry@example.org"]
        assert record["status"] == "sent" and record["attempts"] == 2 and record["sends"] == 1
        assert record["last_error"] is None
        # the retry sent the message recorded before the failure, under the same Message-ID
        assert record["message_id"] == message["Message-ID"]
        (send,) = [ti for ti in run.get_task_instances() if ti.task_id == "send_digest"]
        assert send.try_number == 2
        assert send.rendered_map_index == "retry@example.org"
