import ipaddress
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.mailsink import free_port
from wirewatch.devstack.simwire import SimWire, WireSettings
from wirewatch.devstack.supervisor import (
    VENV_BIN,
    ProcessGroups,
    airflow_components,
    airflow_env,
    log_tails,
    sink_command,
    wire_command,
)

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


def option(args: list[str], name: str) -> str:
    return args[args.index(name) + 1]


def test_every_listener_of_make_run_is_on_loopback(tmp_path):
    env = airflow_env(tmp_path)
    components = airflow_components(env)
    assert (
        env["AIRFLOW__API__HOST"] == "127.0.0.1" and option(components["api-server"], "--host") == "127.0.0.1"
    )
    assert env["AIRFLOW__SCHEDULER__SCHEDULER_HEALTH_CHECK_SERVER_HOST"] == "127.0.0.1"
    # serve-logs binds every interface whatever the config says: the components that start it do not
    assert "--skip-serve-logs" in components["scheduler"] and "--skip-serve-logs" in components["triggerer"]
    assert not any("standalone" in args for args in components.values())
    assert option(sink_command(env), "--host") == "127.0.0.1"
    assert "--host" not in wire_command()
    assert all(ipaddress.ip_address(outlet.host).is_loopback for outlet in SimWire(WireSettings()).outlets)


def listening(pgids: set[int]) -> set[tuple[str, int]]:
    """(address, port) of every listening TCP socket held by a process in these process groups."""
    inodes: dict[str, tuple[str, int]] = {}
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table) as lines:
            for line in list(lines)[1:]:
                fields = line.split()
                if fields[3] == "0A":  # LISTEN
                    address, port = fields[1].split(":")
                    raw = bytes.fromhex(address)
                    # /proc keeps each 32-bit word in host (little-endian) order
                    raw = b"".join(raw[i : i + 4][::-1] for i in range(0, len(raw), 4))
                    inodes[fields[9]] = (str(ipaddress.ip_address(raw)), int(port, 16))
    found = set()
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            if os.getpgid(int(pid)) not in pgids:
                continue
            links = [os.readlink(f"/proc/{pid}/fd/{fd}") for fd in os.listdir(f"/proc/{pid}/fd")]
        except OSError:
            continue
        found |= {
            inodes[link[8:-1]] for link in links if link.startswith("socket:[") and link[8:-1] in inodes
        }
    return found


@pytest.mark.integration
def test_scheduler_and_triggerer_as_make_run_starts_them_listen_on_no_interface(tmp_path):
    """Their log servers would listen on 0.0.0.0 and [::]; here on ports off the defaults, so a
    stack running on this machine is not in the way."""
    env = airflow_env(tmp_path / "home") | {
        "AIRFLOW__LOGGING__WORKER_LOG_SERVER_PORT": str(free_port()),
        "AIRFLOW__LOGGING__TRIGGER_LOG_SERVER_PORT": str(free_port()),
    }
    Path(env["AIRFLOW_HOME"]).mkdir(parents=True)
    subprocess.run([str(VENV_BIN / "airflow"), "db", "migrate"], env=env, check=True, capture_output=True)
    components = airflow_components(env)
    logs = {"scheduler": "Starting the scheduler", "triggerer": "Starting the triggerer"}
    groups = ProcessGroups()
    children = [groups.start(components[name], env, tmp_path / f"{name}.log") for name in logs]
    try:

        def started() -> bool:
            return all(
                line in (tmp_path / f"{name}.log").read_text(errors="replace") for name, line in logs.items()
            )

        # minutes on a busy machine (within the test's 600 s); without the start lines, finding no
        # socket would prove nothing
        deadline = time.monotonic() + 400
        while not started() and time.monotonic() < deadline:
            time.sleep(1)
        assert started(), log_tails(tmp_path)
        time.sleep(5)  # a log server binds a moment after its component starts its job loop
        assert [child.poll() for child in children] == [None, None]
        sockets = listening({child.pid for child in children})
    finally:
        groups.stop(grace=10)
    assert all(ipaddress.ip_address(address).is_loopback for address, _ in sockets), sockets


def test_the_banner_says_when_the_first_digest_goes_out(tmp_path, capsys):
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    from wirewatch.devstack.supervisor import _print_access
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

    repo = Path(__file__).resolve().parents[2]
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


def test_a_wait_for_a_run_says_what_it_saw_when_its_budget_is_spent(tmp_path):
    """Nothing answers on the port: the wait rides it out until the budget is spent, then says so,
    with the last lines of the components' logs."""
    from wirewatch.devstack.supervisor import wait_for_run

    (tmp_path / "scheduler.log").write_text("starting\nthe last line the scheduler wrote\n")
    with pytest.raises(TimeoutError) as failure:
        wait_for_run(f"http://127.0.0.1:{free_port()}", "news_monitor", "manual__1", budget=3, logs=tmp_path)
    message = str(failure.value)
    assert "news_monitor run manual__1 not finished after 3 s" in message
    assert "the REST API did not answer" in message
    assert "scheduler.log" in message and "the last line the scheduler wrote" in message
