"""`make run` and `make demo`: the real stack on embedded defaults, started from the checkout.

Every listener binds to loopback. Every child gets its own process group, and on Ctrl-C or SIGTERM
each group is terminated as a whole, so Airflow's scheduler, api-server and workers never outlive us.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from wirewatch.config import load_digest_config
from wirewatch.devstack.mailsink import connection_json
from wirewatch.digest.deliver import first_covered_day, next_scheduled_digest
from wirewatch.warehouse.db import make_engine

REPO = Path(__file__).resolve().parents[3]
VENV_BIN = Path(sys.executable).parent
LOOPBACK = "127.0.0.1"
UI_PORT = 8080
UI_URL = f"http://{LOOPBACK}:{UI_PORT}"
SIMWIRE_PORT = 8765
SMTP_PORT = 8025
SINK_CONNECTION = connection_json(LOOPBACK, SMTP_PORT)


# Airflow's own warnings on every start, nothing to act on: svcs imports starlette's TestClient
# (which wants httpx2), and `airflow dags test` looks for graphviz to draw DAGs it never draws here
QUIET_WARNINGS = (
    "ignore:Using `httpx` with `starlette.testclient` is deprecated:UserWarning",
    "ignore:Could not import graphviz:UserWarning",
)


def airflow_env(home: Path | None = None) -> dict[str, str]:
    """The embedded Airflow home: SQLite metadata, LocalExecutor, parallelism 4, no examples."""
    home = home or Path(os.environ.get("AIRFLOW_HOME") or REPO / ".airflow")
    env = dict(os.environ)
    env.update(
        AIRFLOW_HOME=str(home),
        AIRFLOW__CORE__DAGS_FOLDER=str(REPO / "dags"),
        AIRFLOW__CORE__PLUGINS_FOLDER=str(REPO / "plugins"),
        AIRFLOW__CORE__LOAD_EXAMPLES="False",
        AIRFLOW__CORE__EXECUTOR="LocalExecutor",
        AIRFLOW__CORE__PARALLELISM="4",
        AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION="False",
        AIRFLOW__API__HOST=LOOPBACK,
        AIRFLOW__API__PORT=str(UI_PORT),
        # off by default; if someone turns it on, it stays on loopback too
        AIRFLOW__SCHEDULER__SCHEDULER_HEALTH_CHECK_SERVER_HOST=LOOPBACK,
        WIREWATCH_DATA_DIR=env.get("WIREWATCH_DATA_DIR") or str(home / "wirewatch"),
        AIRFLOW_CONN_SMTP_DEFAULT=env.get("AIRFLOW_CONN_SMTP_DEFAULT") or SINK_CONNECTION,
        # feed and run alerts: to the local sink too, unless an operators' address is set
        WIREWATCH_ALERT_EMAIL=env.get("WIREWATCH_ALERT_EMAIL") or "operators@localhost",
        # whatever runs plain `airflow` must find this venv's
        PATH=f"{VENV_BIN}{os.pathsep}{env.get('PATH', '')}",
        PYTHONWARNINGS=",".join(filter(None, [*QUIET_WARNINGS, env.get("PYTHONWARNINGS")])),
    )
    return env


def airflow_components(env: dict[str, str]) -> dict[str, list[str]]:
    """What `airflow standalone` runs, started one by one because standalone cannot keep its log
    servers off the network: `serve-logs` binds every interface (ports 8793 and 8794) and Airflow
    3.3 has no setting for its host. On one machine the api-server reads task logs from their
    files, so the scheduler and the triggerer start without it."""
    airflow = str(VENV_BIN / "airflow")
    return {
        "scheduler": [airflow, "scheduler", "--skip-serve-logs"],
        "dag-processor": [airflow, "dag-processor"],
        "triggerer": [airflow, "triggerer", "--skip-serve-logs"],
        "api-server": [
            airflow,
            "api-server",
            "--host",
            env["AIRFLOW__API__HOST"],
            "--port",
            env["AIRFLOW__API__PORT"],
        ],
    }


def wire_command() -> list[str]:
    # the wire's outlets live on 127.0.1.1-127.0.1.8: loopback by construction
    return [str(VENV_BIN / "wirewatch"), "simwire", "serve", "--port", str(SIMWIRE_PORT)]


def sink_command(env: dict[str, str]) -> list[str]:
    return [
        str(VENV_BIN / "wirewatch"),
        "mailsink",
        "--dir",
        str(mail_dir(env)),
        "--host",
        LOOPBACK,
        "--port",
        str(SMTP_PORT),
    ]


class ProcessGroups:
    """Children started in their own sessions and stopped group by group."""

    def __init__(self) -> None:
        self.children: list[subprocess.Popen] = []

    def start(self, args: list[str], env: dict[str, str], log: Path | None = None) -> subprocess.Popen:
        out = open(log, "ab") if log else None  # noqa: SIM115 - lives as long as the child
        child = subprocess.Popen(args, env=env, start_new_session=True, stdout=out, stderr=out)
        self.children.append(child)
        return child

    def stop(self, grace: float = 15.0) -> None:
        for child in self.children:
            _signal_group(child, signal.SIGTERM)
        deadline = time.monotonic() + grace
        for child in self.children:
            try:
                child.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                pass
            # the leader may be gone while its children linger: sweep the group either way
            _signal_group(child, signal.SIGKILL)


def _signal_group(child: subprocess.Popen, sig: int) -> None:
    try:
        os.killpg(child.pid, sig)
    except ProcessLookupError:
        pass


def wait_http(url: str, timeout: float, child: subprocess.Popen | None = None) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if child is not None and child.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(url, timeout=2):
                return True
        except OSError:
            time.sleep(0.5)
    return False


def wait_port(host: str, port: int, timeout: float, child: subprocess.Popen | None = None) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if child is not None and child.poll() is not None:
            return False
        try:
            with socket.create_connection((host, port), timeout=2):
                return True
        except OSError:
            time.sleep(0.3)
    return False


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def rest(base: str, path: str, payload: dict | None = None, method: str | None = None) -> dict:
    """Airflow's REST API without a login (for stacks run with simple_auth_manager_all_admins)."""
    request = urllib.request.Request(
        f"{base}{path}",
        data=json.dumps(payload).encode() if payload is not None else None,
        headers={"Content-Type": "application/json"},
        method=method or ("POST" if payload is not None else "GET"),
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


FINISHED = ("success", "failed")
# a busy machine makes a run slower, not different: many minutes, where an idle one needs about one
RUN_BUDGET = 900.0


def wait_for_run(
    base: str, dag_id: str, run_id: str | None, budget: float = RUN_BUDGET, logs: Path | None = None
) -> dict:
    """The finished run `run_id` of `dag_id` (or the first to finish when None). Polls the REST API,
    riding out moments it does not answer; when the budget is spent, the error says what the run
    was doing: its task instances and the last lines of the `*.log` files in `logs`."""
    deadline = time.monotonic() + budget
    latest, unanswered = None, None
    while time.monotonic() < deadline:
        try:
            runs = rest(base, f"/api/v2/dags/{dag_id}/dagRuns?order_by=start_date&limit=100")["dag_runs"]
        except OSError as exc:  # a busy api-server: slower, not gone
            unanswered = exc
        else:
            mine = [run for run in runs if run_id is None or run["dag_run_id"] == run_id]
            for run in mine:
                if run["state"] in FINISHED:
                    return run
            latest, unanswered = (mine[0] if mine else None), None
        time.sleep(2)
    head = f"{dag_id} run {run_id or '(first)'} not finished after {budget:.0f} s"
    if unanswered is not None:
        head += f"; the REST API did not answer the last poll: {unanswered}"
    raise TimeoutError(f"{head}\n{describe_run(base, dag_id, latest, logs)}")


def task_instances(base: str, dag_id: str, run_id: str) -> list[dict]:
    return rest(base, f"/api/v2/dags/{dag_id}/dagRuns/{run_id}/taskInstances?limit=100")["task_instances"]


def log_tails(logs: Path | None, lines: int = 15) -> str:
    parts = []
    for log in sorted(logs.glob("*.log")) if logs is not None else []:
        tail = log.read_text(errors="replace").splitlines()[-lines:]
        parts.append(f"--- {log.name} (last {len(tail)} lines)\n" + "\n".join(tail))
    return "\n".join(parts)


def describe_run(base: str, dag_id: str, run: dict | None, logs: Path | None = None) -> str:
    """The run's state, each task instance's state, try and host, and the components' last log lines."""
    try:
        if run is None:
            runs = rest(base, f"/api/v2/dags/{dag_id}/dagRuns")["dag_runs"]
            head = f"{dag_id}: no such run yet; runs: {[(r['dag_run_id'], r['state']) for r in runs]}"
            tis = []
        else:
            head = f"{dag_id} run {run['dag_run_id']}: {run['state']}"
            tis = task_instances(base, dag_id, run["dag_run_id"])
    except OSError as exc:
        head, tis = f"{dag_id}: the REST API did not answer: {exc}", []
    states = "\n".join(
        f"  {ti['task_id']}[{ti['map_index']}] {ti['state']} try {ti['try_number']} on {ti['hostname'] or '-'}"
        for ti in sorted(tis, key=lambda ti: (ti["task_id"], ti["map_index"]))
    )
    return "\n".join(filter(None, [head, states, log_tails(logs)]))


def _run(args: list[str], env: dict[str, str]) -> None:
    subprocess.run(args, env=env, check=True)


def _warehouse_path(env: dict[str, str]) -> Path:
    return Path(env["WIREWATCH_DATA_DIR"]) / "warehouse.db"


def mail_dir(env: dict[str, str]) -> Path:
    return Path(env["AIRFLOW_HOME"]) / "mail"


def _uses_sink(env: dict[str, str]) -> bool:
    return env["AIRFLOW_CONN_SMTP_DEFAULT"] == SINK_CONNECTION


def _print_access(env: dict[str, str]) -> None:
    home = Path(env["AIRFLOW_HOME"])
    db = _warehouse_path(env)
    options = load_digest_config().options
    today = datetime.now(ZoneInfo(options.timezone)).date().isoformat()
    first_day = first_covered_day(make_engine(f"sqlite:///{db}"), options.timezone)
    first_send = next_scheduled_digest(options, first_day, datetime.now(UTC))
    covering = first_send.date() - timedelta(days=1)
    mail = (
        f"local SMTP sink on 127.0.0.1:{SMTP_PORT}, every message stored as .eml in {mail_dir(env)}"
        if _uses_sink(env)
        else "sent through your AIRFLOW_CONN_SMTP_DEFAULT"
    )
    print(
        f"""
Wirewatch is running.
  Airflow UI   {UI_URL}   (DAG news_monitor, every 10 minutes; Wirewatch page in the navigation)
  login        admin, password in {home / "simple_auth_manager_passwords.json.generated"}
  news wire    http://127.0.1.1:{SIMWIRE_PORT}/feeds/courrier-lemanique.rss (and 7 more outlets)
  warehouse    {db}
  digests      DAG news_digest, daily at {options.send_at:%H:%M} {options.timezone}: {mail}
               the next on {first_send:%a %d %b at %H:%M}, covering {covering:%a %d %b} (none for days before the first poll)
               today's digest now: AIRFLOW_HOME={home} {VENV_BIN / "airflow"} dags trigger news_digest -c '{{"date": "{today}"}}'
               without sending:    AIRFLOW_HOME={home} {VENV_BIN / "wirewatch"} digest preview --date {today} --out digest.html
  alerts       to {env.get("WIREWATCH_ALERT_EMAIL", "(no address)")}: {mail}
Latest matches in SQL:
  sqlite3 -header -column {db} "SELECT topic_id, outlet, headline, agency, published_at FROM matches ORDER BY published_at DESC LIMIT 20;"
  or: {VENV_BIN / "wirewatch"} matches --warehouse sqlite:///{db}
Logs: {home / "logs"}. Press Ctrl-C to stop everything.
""",
        flush=True,
    )


def run() -> int:
    env = airflow_env()
    home = Path(env["AIRFLOW_HOME"])
    home.mkdir(parents=True, exist_ok=True)
    _run([str(VENV_BIN / "wirewatch"), "warehouse", "migrate"], env)
    groups = ProcessGroups()

    def stop(signum, _frame):
        raise KeyboardInterrupt

    # set explicitly: a shell that starts us in the background leaves SIGINT ignored
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, stop)
    try:
        wire = groups.start(wire_command(), env, home / "simwire.log")
        if not wait_http(f"http://127.0.1.1:{SIMWIRE_PORT}/feeds/courrier-lemanique.rss", 30, wire):
            print(f"the simulated wire did not start; see {home / 'simwire.log'}", file=sys.stderr)
            return 1
        if _uses_sink(env):
            sink = groups.start(sink_command(env), env, home / "mailsink.log")
            if not wait_port(LOOPBACK, SMTP_PORT, 30, sink):
                print(f"the SMTP sink did not start; see {home / 'mailsink.log'}", file=sys.stderr)
                return 1
        print(f"Starting Airflow (logs: {home}/airflow-*.log) ...", flush=True)
        with open(home / "airflow-db-migrate.log", "ab") as out:
            subprocess.run(
                [str(VENV_BIN / "airflow"), "db", "migrate"], env=env, check=True, stdout=out, stderr=out
            )
        components = airflow_components(env)
        # tasks report to the api-server's execution API: it comes first
        api = groups.start(components.pop("api-server"), env, home / "airflow-api-server.log")
        if not wait_http(f"{UI_URL}/api/v2/monitor/health", 180, api):
            print(f"Airflow did not come up; see {home}/airflow-api-server.log", file=sys.stderr)
            return 1
        for name, args in components.items():
            groups.start(args, env, home / f"airflow-{name}.log")
        _print_access(env)
        while all(child.poll() is None for child in groups.children):
            time.sleep(1)
        print("a component exited; stopping the rest", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nstopping ...", flush=True)
        return 0
    finally:
        groups.stop()


def demo() -> int:
    """One pass of news_monitor with `airflow dags test` against the wire, then the matches and events."""
    from wirewatch.devstack.simwire import SimWire, WireSettings

    env = airflow_env()
    Path(env["AIRFLOW_HOME"]).mkdir(parents=True, exist_ok=True)
    _run([str(VENV_BIN / "airflow"), "db", "migrate"], env)
    with SimWire(WireSettings(port=SIMWIRE_PORT)):
        _run([str(VENV_BIN / "airflow"), "dags", "test", "news_monitor"], env)
    _run([str(VENV_BIN / "wirewatch"), "matches", "--limit", "30"], env)
    print("\nNews events (the stories of one event across agencies and languages):")
    _run([str(VENV_BIN / "wirewatch"), "events", "--limit", "5"], env)
    print(f"\nwarehouse: {_warehouse_path(env)}")
    return 0
