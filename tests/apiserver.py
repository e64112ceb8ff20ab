"""A real Airflow api-server on loopback, in its own AIRFLOW_HOME, with the simple auth manager."""

from __future__ import annotations

import json
import os
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.isolation import RUN_VAR
from tests.mailsink import free_port
from tests.metadata import migrated_metadata

REPO = Path(__file__).resolve().parents[1]
AIRFLOW = Path(sys.executable).parent / "airflow"
USER = "admin"


class ApiServer:
    def __init__(self, home: Path, env: dict[str, str], users: dict[str, str] | None = None) -> None:
        self.home = home
        self.port = 0
        # user name -> simple auth manager role
        self.users = users or {USER: "admin"}
        self.passwords = {name: secrets.token_urlsafe(12) for name in self.users}
        self.log = home / "api-server.log"
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("AIRFLOW", "WIREWATCH"))},
            # the leak check finds the server and its workers by the run's name
            RUN_VAR: os.environ[RUN_VAR],
            "AIRFLOW_HOME": str(home),
            "AIRFLOW__CORE__DAGS_FOLDER": str(REPO / "dags"),
            "AIRFLOW__CORE__PLUGINS_FOLDER": str(REPO / "plugins"),
            "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
            "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS": ",".join(f"{n}:{r}" for n, r in self.users.items()),
            "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE": str(home / "passwords.json"),
            "AIRFLOW__API_AUTH__JWT_SECRET": secrets.token_urlsafe(32),
            "AIRFLOW__API__HOST": "127.0.0.1",
            "PATH": f"{AIRFLOW.parent}{os.pathsep}{os.environ.get('PATH', '')}",
            **env,
        }
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, budget: float = 600) -> ApiServer:
        """Up and answering; a busy machine may need minutes. A free port can be taken by another
        process before the server binds it: then the server exits and we try another."""
        self.home.mkdir(parents=True, exist_ok=True)
        (self.home / "passwords.json").write_text(json.dumps(self.passwords))
        migrated_metadata(self.home)
        for _ in range(3):
            self.port = free_port()
            self.env["AIRFLOW__API__PORT"] = str(self.port)
            with open(self.log, "ab") as out:
                self.process = subprocess.Popen(
                    [
                        str(AIRFLOW),
                        "api-server",
                        "--host",
                        "127.0.0.1",
                        "--port",
                        str(self.port),
                        "--workers",
                        "1",
                    ],
                    env=self.env,
                    stdout=out,
                    stderr=out,
                    start_new_session=True,
                )
            if self._wait_until_up(budget):
                return self
            self.stop()
        raise RuntimeError(f"api-server exited three times:\n{self.log_tail()}")

    def _wait_until_up(self, budget: float) -> bool:
        deadline = time.monotonic() + budget
        while self.process.poll() is None:
            try:
                # our users' login works on our server only, not on another run's on the same port
                if httpx.get(f"{self.url}/api/v2/monitor/health", timeout=5).status_code == 200:
                    self.token()
                    return True
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"api-server not up after {budget:.0f} s:\n{self.log_tail()}")
            time.sleep(0.5)
        return False

    def log_tail(self, lines: int = 30) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])

    def token(self, user: str = USER) -> str:
        """Log in the way the UI's login form does: POST /auth/token."""
        response = httpx.post(
            f"{self.url}/auth/token", json={"username": user, "password": self.passwords[user]}, timeout=10
        )
        response.raise_for_status()
        return response.json()["access_token"]

    def stop(self) -> None:
        """The whole process group: uvicorn's worker outlives a leader that exited alone."""
        if self.process is None:
            return
        for sig, wait in ((signal.SIGTERM, 15), (signal.SIGKILL, 5)):
            try:
                os.killpg(self.process.pid, sig)
            except ProcessLookupError:
                return
            try:
                self.process.wait(wait)
            except subprocess.TimeoutExpired:
                pass
