"""Waiting for DAG runs of a live cluster over its REST API: poll for a state within a generous
budget, and when a run fails or the budget is spent, say what the run was doing."""

from __future__ import annotations

import time
from pathlib import Path

from wirewatch.devstack import rest

FINISHED = ("success", "failed")
# a busy machine makes a run slower, not different: minutes, where an idle one needs about one
RUN_BUDGET = 900.0


def task_instances(base: str, dag_id: str, run_id: str) -> list[dict]:
    return rest(base, f"/api/v2/dags/{dag_id}/dagRuns/{run_id}/taskInstances?limit=100")["task_instances"]


def log_tails(logs: Path, lines: int = 15) -> str:
    parts = []
    for log in sorted(logs.glob("*.log")):
        tail = log.read_text(errors="replace").splitlines()[-lines:]
        parts.append(f"--- {log.name} (last {len(tail)} lines)\n" + "\n".join(tail))
    return "\n".join(parts)


def describe(base: str, dag_id: str, run: dict | None, logs: Path) -> str:
    """The run's state, each task instance's state and host, and the components' last log lines."""
    if run is None:
        runs = rest(base, f"/api/v2/dags/{dag_id}/dagRuns")["dag_runs"]
        head = f"{dag_id}: no run yet; runs: {[(r['dag_run_id'], r['state']) for r in runs]}"
        tis = []
    else:
        head = f"{dag_id} run {run['dag_run_id']}: {run['state']}"
        tis = task_instances(base, dag_id, run["dag_run_id"])
    states = "\n".join(
        f"  {ti['task_id']}[{ti['map_index']}] {ti['state']} try {ti['try_number']} on {ti['hostname'] or '-'}"
        for ti in sorted(tis, key=lambda ti: (ti["task_id"], ti["map_index"]))
    )
    return f"{head}\n{states}\n{log_tails(logs)}"


def wait_for_run(base: str, dag_id: str, run_id: str | None, logs: Path, budget: float = RUN_BUDGET) -> dict:
    """The finished run `run_id` (the first run to finish when None)."""
    deadline = time.monotonic() + budget
    latest = None
    while time.monotonic() < deadline:
        runs = rest(base, f"/api/v2/dags/{dag_id}/dagRuns?order_by=start_date")["dag_runs"]
        mine = [r for r in runs if run_id is None or r["dag_run_id"] == run_id]
        for run in mine:
            if run["state"] in FINISHED:
                return run
        latest = mine[0] if mine else None
        time.sleep(2)
    raise AssertionError(f"not finished after {budget:.0f} s: " + describe(base, dag_id, latest, logs))


def assert_succeeded(base: str, run: dict, logs: Path) -> None:
    assert run["state"] == "success", describe(base, run["dag_id"], run, logs)
