import os
import signal
import sys
import time

from wirewatch.devstack import ProcessGroups, airflow_env

SPAWNER = "import subprocess, sys, time; subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)']); time.sleep(60)"


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as stat:
        return stat.read().split()[2] != "Z"


def survivors(pids: list[int], within: float = 3.0) -> list[int]:
    """Signals are delivered asynchronously: give the kernel a moment before judging."""
    deadline = time.monotonic() + within
    while (left := [pid for pid in pids if alive(pid)]) and time.monotonic() < deadline:
        time.sleep(0.05)
    return left


def group_members(pgid: int) -> list[int]:
    members = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == pgid and fields[0] != "Z":
                members.append(int(entry))
    return members


def test_stop_takes_down_children_and_grandchildren():
    groups = ProcessGroups()
    child = groups.start([sys.executable, "-c", SPAWNER], dict(os.environ))
    deadline = time.monotonic() + 10
    while len(group_members(child.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    members = group_members(child.pid)
    assert len(members) == 2  # the child and the grandchild it spawned
    groups.stop(grace=5)
    assert survivors(members) == []


def test_group_survives_a_parent_killed_alone_but_stop_sweeps_it():
    groups = ProcessGroups()
    child = groups.start([sys.executable, "-c", SPAWNER], dict(os.environ))
    deadline = time.monotonic() + 10
    while len(group_members(child.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    members = group_members(child.pid)
    os.kill(child.pid, signal.SIGKILL)  # what a plain kill of the leader does: orphans
    child.wait()
    assert [pid for pid in members if alive(pid)]
    groups.stop(grace=2)
    assert survivors(members) == []


def test_embedded_airflow_settings(tmp_path):
    env = airflow_env(tmp_path)
    assert env["AIRFLOW__CORE__EXECUTOR"] == "LocalExecutor"
    assert env["AIRFLOW__CORE__PARALLELISM"] == "4"
    assert env["AIRFLOW__CORE__LOAD_EXAMPLES"] == "False"
    assert env["AIRFLOW__CORE__DAGS_FOLDER"].endswith("/dags")
    assert env["PATH"].split(os.pathsep)[0] == os.path.dirname(sys.executable)


def test_the_banner_says_when_the_first_digest_goes_out(tmp_path, capsys):
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    from wirewatch.devstack import _print_access
    from wirewatch.warehouse.db import make_engine, migrate

    env = airflow_env(tmp_path) | {"WIREWATCH_DATA_DIR": str(tmp_path / "wirewatch")}
    migrate(make_engine(f"sqlite:///{tmp_path / 'wirewatch' / 'warehouse.db'}"))
    _print_access(env)
    # nothing polled yet: the first digest is tomorrow's (shipped subscriptions: 07:00 Europe/Zurich)
    today = datetime.now(ZoneInfo("Europe/Zurich")).date()
    tomorrow = today + timedelta(days=1)
    assert f"the next on {tomorrow:%a %d %b} at 07:00, covering {today:%a %d %b}" in capsys.readouterr().out


def test_make_run_needs_neither_chromium_nor_root():
    import subprocess
    from pathlib import Path

    repo = Path(__file__).resolve().parents[1]
    env = dict(os.environ, WIREWATCH_CHROMIUM="/nonexistent/chromium")

    def plan(target: str) -> str:
        return subprocess.run(
            ["make", "-n", target], cwd=repo, env=env, capture_output=True, text=True, check=True
        ).stdout

    assert "chromium" not in plan("run") and "apt-get" not in plan("run")
    for target in ("test", "screenshots"):
        assert "apt-get install -y -qq chromium" in plan(target)


def test_airflow_components_start_without_known_noise(tmp_path):
    import subprocess

    # what every Airflow component imports at start, and what `airflow dags test` warns about
    code = "import svcs.fastapi, warnings; warnings.warn('Could not import graphviz. Rendering ...')"
    done = subprocess.run(
        [sys.executable, "-c", code], env=airflow_env(tmp_path), capture_output=True, text=True, check=True
    )
    assert done.stderr == ""
    noisy = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "httpx2" in noisy.stderr and "graphviz" in noisy.stderr  # the filters are what silences them
