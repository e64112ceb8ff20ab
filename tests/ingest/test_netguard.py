"""The SSRF guard: address policy as a pure function, and real fetches inside an empty network namespace."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from wirewatch.config import ConfigError, load_feeds
from wirewatch.ingest.netguard import parse_networks, refusal

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("10.2.3.4", "private"),
        ("172.16.0.9", "private"),
        ("192.168.1.1", "private"),
        ("169.254.169.254", "link-local"),
        ("fe80::1", "link-local"),
        ("::ffff:10.0.0.1", "private"),
        ("0.0.0.0", "unspecified"),
        ("100.64.0.1", "reserved"),
        ("224.0.0.1", "multicast"),
        ("fd00::1", "private"),
    ],
)
def test_internal_addresses_are_refused(address, kind):
    assert refusal(address, ()) == f"{address} ({kind} address)"


def test_public_addresses_and_allowed_networks_pass():
    assert refusal("93.184.215.14", ()) is None
    assert refusal("2606:4700::1111", ()) is None
    assert refusal("127.0.1.7", parse_networks(["127.0.0.0/8"])) is None
    assert refusal("127.0.1.7", parse_networks(["127.0.0.1/32"])) is not None


def test_allow_list_must_name_an_existing_list_and_valid_cidrs(tmp_path):
    feed = '{id: a, outlet: A, url: "http://x/a", language: de}'
    bad_list = tmp_path / "a.yaml"
    bad_list.write_text(f"allow_networks: {{other: ['127.0.0.0/8']}}\nlists:\n  simwire:\n    - {feed}\n")
    with pytest.raises(ConfigError, match="allow_networks names list 'other'"):
        load_feeds(bad_list)
    bad_cidr = tmp_path / "b.yaml"
    bad_cidr.write_text(f"allow_networks: {{simwire: ['127.0.0.0/99']}}\nlists:\n  simwire:\n    - {feed}\n")
    with pytest.raises(ConfigError, match="not a network in CIDR notation"):
        load_feeds(bad_cidr)


def test_only_the_simwire_list_may_reach_loopback():
    feeds = load_feeds(REPO / "include/config/feeds.yaml")
    assert feeds.limits("simwire").allow_networks == ["127.0.0.0/8"]
    assert feeds.limits("public").allow_networks == []


def test_guard_on_real_fetches_in_an_empty_network_namespace():
    if not shutil.which("unshare") or subprocess.run(["unshare", "-n", "true"]).returncode != 0:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true requires `unshare -n` for the SSRF guard test")
        pytest.skip("cannot create a network namespace here (unshare -n needs root)")
    script = f"ip link set lo up && exec {sys.executable} -m tests.netns_checks"
    result = subprocess.run(
        ["unshare", "-n", "sh", "-c", script], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    print(result.stdout, result.stderr)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("ok: ") == 13
