"""feedparser's own test corpus served over loopback HTTP through our fetch-and-parse stage.

Every file must end either parsed, with exactly the entries feedparser finds in the file, or as a
recorded FeedParseError; nothing may crash. Needs ../shared/corpora/feeds-robustness (read only), or
$WIREWATCH_SHARED/corpora/feeds-robustness.
"""

from __future__ import annotations

import asyncio
import os
import re
from pathlib import Path

import feedparser
import pytest

from tests.loopback import LoopbackServer, respond
from wirewatch.config import FetchLimits
from wirewatch.ingest.feeds import FeedParseError, parse_feed
from wirewatch.ingest.fetch import Fetcher

SHARED = Path(os.environ.get("WIREWATCH_SHARED") or Path(__file__).resolve().parents[3] / "shared")
CORPUS = SHARED / "corpora" / "feeds-robustness"
HEADER_RE = re.compile(rb"^\s*Header:\s*([^:\r\n]+):\s*(.*?)\s*$", re.MULTILINE)

pytestmark = [pytest.mark.integration, pytest.mark.slow(seconds=25)]


def corpus_files() -> list[Path]:
    return sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.name != "LICENSE")


def declared_headers(body: bytes) -> dict[str, str]:
    return {name.decode("latin-1"): value.decode("latin-1") for name, value in HEADER_RE.findall(body[:2000])}


@pytest.fixture(scope="module")
def served():
    if not CORPUS.is_dir():
        if os.environ.get("CI") == "true" and (CORPUS.parent / "news-pages-de-fr").is_dir():
            pytest.fail(f"{CORPUS} missing while the rest of ../shared is present")
        pytest.skip(f"robustness corpus not present at {CORPUS} (set WIREWATCH_SHARED to the shared/ folder)")
    files = corpus_files()
    server = LoopbackServer({})
    for index, path in enumerate(files):
        body = path.read_bytes()
        server.routes[f"/{index}"] = respond(body, headers=declared_headers(body))
    yield server, files
    server.close()


def test_every_corpus_feed_is_ingested_or_recorded(served):
    server, files = served
    limits = FetchLimits(
        allow_networks=["127.0.0.0/8"], per_host_concurrency=16, read_timeout=30, total_timeout=60
    )

    async def poll_all():
        async with Fetcher(limits) as fetcher:
            return await asyncio.gather(*(fetcher.get(f"{server.url}/{i}") for i in range(len(files))))

    responses = asyncio.run(poll_all())
    outcomes = {"parsed": 0, "recorded_error": 0}
    mismatches = []
    for path, response in zip(files, responses, strict=True):
        assert response.ok, f"{path}: {response.error_class} {response.error_message}"
        body = path.read_bytes()
        expected = len(feedparser.parse(body, response_headers=declared_headers(body)).entries)
        try:
            entries, _warning = parse_feed(response.body, response.headers, f"{server.url}/{path.name}")
        except FeedParseError:
            outcomes["recorded_error"] += 1
            got = 0
        else:
            outcomes["parsed"] += 1
            got = len(entries)
        if got != expected:
            mismatches.append(f"{path.relative_to(CORPUS)}: {got} entries, feedparser finds {expected}")
    print(f"{len(files)} corpus files: {outcomes}")
    assert mismatches == []
    assert outcomes["parsed"] > len(files) // 2
