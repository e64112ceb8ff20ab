"""End to end: one news_monitor run under Airflow's LocalExecutor against `wirewatch run-once`.

The simulated wire serves 200 outlets with 20 articles each (4,000 articles) at 100 ms latency,
its clock frozen so both sides see the same items. Same session, same machine:

1. `wirewatch run-once` in its own process and warehouse: wall time and peak RSS.
2. Airflow (scheduler, dag-processor, api-server; SQLite metadata, LocalExecutor, parallelism 4)
   in a scratch AIRFLOW_HOME with its own warehouse: the first scheduled run of news_monitor
   (duration from the DagRun record), then a triggered second run with nothing new; peak RSS
   summed over every Airflow process.

Targets: the Airflow run within 1.25x of run-once, the nothing-new run under 45 s.

    python -m benchmarks.e2e [--outlets 200] [--items 20] [--latency 0.1]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import secrets
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime
from pathlib import Path

import psutil
import yaml

from wirewatch.devstack.simwire import SimWire, WireSettings
from wirewatch.devstack.supervisor import (
    VENV_BIN,
    ProcessGroups,
    airflow_env,
    free_port,
    rest,
    wait_for_run,
    wait_http,
)


def feeds_file(path: Path, wire: SimWire) -> Path:
    feeds = [{k: f[k] for k in ("id", "outlet", "url", "language")} for f in wire.feeds()]
    config = {"active": "bench", "allow_networks": {"bench": ["127.0.0.0/8"]}, "lists": {"bench": feeds}}
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path


def run_once(env: dict[str, str]) -> tuple[float, float, dict]:
    started = time.perf_counter()
    done = subprocess.run(
        [str(VENV_BIN / "wirewatch"), "run-once"], env=env, check=True, capture_output=True, text=True
    )
    wall = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return wall, peak_mb, json.loads(done.stdout.strip().splitlines()[-1])


class RssSampler:
    """Peak of the summed resident memory of a set of process trees."""

    def __init__(self, roots: list[int]) -> None:
        self.roots, self.peak = roots, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while not self._stop.wait(0.25):
            total = 0
            for root in self.roots:
                try:
                    proc = psutil.Process(root)
                    for member in [proc, *proc.children(recursive=True)]:
                        total += member.memory_info().rss
                except psutil.Error:
                    continue
            self.peak = max(self.peak, total)

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return self.peak / 2**20


def duration(run: dict) -> float:
    start = datetime.fromisoformat(run["start_date"])
    end = datetime.fromisoformat(run["end_date"])
    return (end - start).total_seconds()


def airflow_runs(home: Path, env: dict[str, str], port: int) -> tuple[float, float, float, dict, dict]:
    base = f"http://127.0.0.1:{port}"
    env = (
        airflow_env(home)
        | {k: v for k, v in env.items() if k.startswith("WIREWATCH_")}
        | {
            "AIRFLOW__API__PORT": str(port),
            "AIRFLOW__CORE__EXECUTION_API_SERVER_URL": f"{base}/execution/",
            # a benchmark on loopback: no login between us and the REST API
            "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_ALL_ADMINS": "True",
            # scheduler and api-server must sign and check task tokens with the same key
            "AIRFLOW__API_AUTH__JWT_SECRET": secrets.token_hex(32),
        }
    )
    subprocess.run([str(VENV_BIN / "airflow"), "db", "migrate"], env=env, check=True, capture_output=True)
    groups = ProcessGroups()
    try:
        for component in ("api-server", "dag-processor", "scheduler"):
            groups.start([str(VENV_BIN / "airflow"), component], env, home / f"{component}.log")
        sampler = RssSampler([child.pid for child in groups.children])
        if not wait_http(f"{base}/api/v2/monitor/health", 300):
            raise RuntimeError("api-server did not start:\n" + (home / "api-server.log").read_text()[-3000:])
        first = wait_for_run(
            base, "news_monitor", None, 1800
        )  # run_immediately: the scheduler starts it on its own
        triggered = time.perf_counter()
        second_id = rest(base, "/api/v2/dags/news_monitor/dagRuns", {"logical_date": None})["dag_run_id"]
        second = wait_for_run(base, "news_monitor", second_id, 600)
        second_wall = time.perf_counter() - triggered
        peak = sampler.stop()
    finally:
        groups.stop()
    return duration(first), duration(second), second_wall, first, second | {"peak_mb": peak}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--outlets", type=int, default=200)
    parser.add_argument("--items", type=int, default=20)
    parser.add_argument("--latency", type=float, default=0.1)
    parser.add_argument("--port", type=int, default=0, help="api-server port (0: a free one)")
    args = parser.parse_args()
    frozen = time.time()
    # room in each feed for the named outlets' story items on top of the filler
    settings = WireSettings(
        port=0, outlets=args.outlets, items_per_feed=args.items + 10, backlog=args.items, latency=args.latency
    )
    with (
        tempfile.TemporaryDirectory(prefix="wirewatch-e2e-") as scratch,
        SimWire(settings, clock=lambda: frozen) as wire,
    ):
        root = Path(scratch)
        articles = len(wire.truth())
        base_env = dict(os.environ) | {"WIREWATCH_FEEDS_FILE": str(feeds_file(root / "feeds.yaml", wire))}
        once_env = base_env | {"WIREWATCH_DATA_DIR": str(root / "run-once")}
        once_wall, once_peak, once_summary = run_once(once_env)
        print(
            f"wire: {args.outlets} outlets, {articles} articles published, latency {args.latency * 1000:.0f} ms"
        )
        print(
            f"run-once            {once_wall:7.1f} s   peak RSS {once_peak:7.0f} MB   {once_summary['feeds']}, {once_summary['new_articles']} new articles"
        )
        airflow_env_vars = base_env | {"WIREWATCH_DATA_DIR": str(root / "airflow-data")}
        port = args.port or free_port()
        first_s, second_s, second_wall, first, second = airflow_runs(root / "airflow", airflow_env_vars, port)
        print(f"Airflow first run   {first_s:7.1f} s   ({first['state']})")
        print(
            f"Airflow second run  {second_s:7.1f} s   ({second['state']}, {second_wall:.1f} s from trigger to done)"
        )
        print(f"Airflow peak RSS    {second['peak_mb']:7.0f} MB (all Airflow processes)")
        print(f"overhead ratio Airflow/run-once: {first_s / once_wall:.2f}x (target <= 1.25x)")
        print(f"nothing-new run: {second_s:.1f} s (target < 45 s)")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
