"""Waiting for DAG runs of a live cluster: `wirewatch.devstack.supervisor.wait_for_run` polls within a generous
budget and says what the run was doing when it is spent; here, the same account for a run that failed."""

from __future__ import annotations

from pathlib import Path

from wirewatch.devstack.supervisor import describe_run


def assert_succeeded(base: str, run: dict, logs: Path) -> None:
    assert run["state"] == "success", describe_run(base, run["dag_id"], run, logs)
