"""Shared test wiring: a feeds.yaml for a running simulated wire, with fault feeds beside the outlets."""

from __future__ import annotations

from pathlib import Path

import yaml

from wirewatch.devstack.simwire import SimWire

# a short read timeout so the timeout fault costs seconds, not the production 15 s; the rest generous:
# on a busy machine the event loop can be held up for seconds, and a real page must not count as a fault
FAST_FETCH = {
    "connect_timeout": 10,
    "read_timeout": 3.0,
    "total_timeout": 15.0,
    "per_host_concurrency": 4,
    "allow_networks": ["127.0.0.0/8"],
}
FEED_FAULT_EXPECTATIONS = {
    "404": "http_404",
    "500": "http_500",
    "429": "http_429",
    "timeout": "timeout",
    "not-xml": "parse_error",
    "empty": "parse_error",
    "reset": "connection_reset",
}
UNREACHABLE = "http://127.0.0.1:9/feeds/nobody-listens.rss"
# how long the wire's timeout fault hangs: far beyond read_timeout, so a client that a busy machine
# wakes late still sees a timeout and not the server closing the connection
HANG_SECONDS = 30


def fault_feeds(wire: SimWire) -> list[dict]:
    feeds = [
        {
            "id": f"fault-{kind}",
            "outlet": f"Broken feed ({kind})",
            "url": wire.fault_url(kind),
            "language": "en",
        }
        for kind in FEED_FAULT_EXPECTATIONS
    ]
    feeds.append(
        {"id": "fault-malformed", "outlet": "Malformed", "url": wire.fault_url("malformed"), "language": "en"}
    )
    feeds.append({"id": "unreachable", "outlet": "Unreachable", "url": UNREACHABLE, "language": "en"})
    return feeds


def write_feeds_file(
    path: Path, wire: SimWire, *, with_faults: bool = True, feeds: list[dict] | None = None, **sections
) -> Path:
    """`sections` go into the file as they are (polling=..., alerts=...); `feeds` replaces the list."""
    if feeds is None:
        feeds = [{k: f[k] for k in ("id", "outlet", "url", "language")} for f in wire.feeds()]
        if with_faults:
            feeds += fault_feeds(wire)
    document = {"active": "test", "fetch": FAST_FETCH, "lists": {"test": feeds}} | sections
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    return path


SHIPPED_TOPICS = Path(__file__).resolve().parents[1] / "include/config/topics.yaml"


def shipped_topics() -> dict:
    """The shipped topics file as data, to extend and write elsewhere: model files made absolute,
    since they are found relative to the topics file."""
    data = yaml.safe_load(SHIPPED_TOPICS.read_text(encoding="utf-8"))
    for topic in data["topics"]:
        if topic.get("model"):
            topic["model"]["file"] = str(SHIPPED_TOPICS.parent / topic["model"]["file"])
    return data
