"""SSRF guard checks that must run inside an empty network namespace (see test_netguard.py).

Only `lo` exists there, so even a broken guard could not send a packet off this machine:
it would fail with 'network unreachable' (connect_error) instead of 'blocked_address'.
"""

from __future__ import annotations

import asyncio
import sys

from tests.loopback import LoopbackServer, respond
from wirewatch.config import FetchLimits
from wirewatch.ingest.fetch import Fetcher


def main() -> int:
    server = LoopbackServer({"/ok": respond(b"<rss/>")})
    port = server.httpd.server_port
    for name, target in {
        "/to-private": "http://10.0.0.5/admin",
        "/to-metadata": "http://169.254.169.254/latest/meta-data/",
        "/to-localhost": f"http://localhost:{port}/ok",
        "/to-file": "file:///etc/passwd",
    }.items():
        server.routes[name] = respond(b"", status=302, headers={"Location": target})
    only_server = FetchLimits(allow_networks=["127.0.0.1/32"], connect_timeout=2)
    strict = FetchLimits(connect_timeout=2)
    cases = [
        (only_server, f"{server.url}/ok", None),
        (only_server, f"{server.url}/to-private", "blocked_address"),
        (only_server, f"{server.url}/to-metadata", "blocked_address"),
        (only_server, f"{server.url}/to-file", "unsupported_scheme"),
        (only_server, "http://10.1.2.3/feed.rss", "blocked_address"),
        (only_server, "http://192.168.1.1/", "blocked_address"),
        (only_server, "http://[fe80::1]/", "blocked_address"),
        (only_server, "http://[::ffff:10.0.0.1]/", "blocked_address"),
        (only_server, f"http://0.0.0.0:{port}/ok", "blocked_address"),
        (only_server, "ftp://127.0.0.1/x", "unsupported_scheme"),
        (strict, f"{server.url}/ok", "blocked_address"),
        (strict, f"http://localhost:{port}/ok", "blocked_address"),
        (strict, f"http://[::1]:{port}/ok", "blocked_address"),
    ]

    async def run():
        results = []
        for limits, url, expected in cases:
            async with Fetcher(limits) as fetcher:
                results.append((url, expected, await fetcher.get(url)))
        return results

    failures = 0
    for url, expected, result in asyncio.run(run()):
        verdict = "ok" if result.error_class == expected else "FAIL"
        failures += verdict == "FAIL"
        print(f"{verdict}: {url} -> {result.error_class} ({result.error_message}), expected {expected}")
    server.close()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
