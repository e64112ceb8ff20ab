"""A PostgreSQL cluster of the test's own (initdb into a temp dir, pg_ctl on a free port), for tests
that stop and start a server: the machine's server is shared by every other process on it.

initdb and postgres refuse to run as root. As root (CI containers) the cluster runs as the
unprivileged user `nobody`, which every Linux system has: the child drops to it itself (setuid in
the forked child), with no runuser, su or sudo, and no user of our own to create and remove.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path

from tests.mailsink import free_port


def bin_dir() -> Path | None:
    """The newest server binaries on the machine (Debian keeps them off PATH), or WIREWATCH_PG_BIN."""
    if os.environ.get("WIREWATCH_PG_BIN"):
        return Path(os.environ["WIREWATCH_PG_BIN"])
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    return Path(found[-1]).parent if found else None


UNPRIVILEGED_USER = "nobody"


class ScratchPostgres:
    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        # not under pytest's tmp_path: the server's user cannot enter its 0700 dirs, and the socket
        # path (-k) must stay under 107 bytes
        self.root = Path(tempfile.mkdtemp(prefix="pg-"))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self.port = 0
        self.owner = pwd.getpwnam(UNPRIVILEGED_USER) if os.geteuid() == 0 else None

    def _as_owner(self, *args: str) -> subprocess.CompletedProcess:
        drop = {}
        if self.owner is not None:
            drop = {"user": self.owner.pw_uid, "group": self.owner.pw_gid, "extra_groups": []}
        return subprocess.run(
            [str(self.bindir / args[0]), *args[1:]],
            # a directory the owner can enter (it may not enter the checkout)
            cwd=self.root,
            capture_output=True,
            text=True,
            timeout=300,
            **drop,
        )

    def init(self) -> ScratchPostgres:
        if self.owner is not None:
            os.chown(self.root, self.owner.pw_uid, self.owner.pw_gid)
        done = self._as_owner("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "--no-sync")
        if done.returncode != 0:
            raise RuntimeError(f"initdb failed: {done.stdout}{done.stderr}")
        return self

    def start(self) -> None:
        """On the port it had before, so URLs stay valid across a restart; a free one the first time."""
        for _ in range(5):
            port = self.port or free_port()
            options = f"-p {port} -k {self.root} -c listen_addresses=127.0.0.1"
            done = self._as_owner(
                "pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w", "-t", "300", "-o", options, "start"
            )
            if done.returncode == 0:
                self.port = port
                return
            if self.port:  # a restart must get its port back
                break
        raise RuntimeError(f"pg_ctl start failed: {done.stdout}{done.stderr}\n{self.tail()}")

    def stop(self, mode: str = "fast") -> None:
        done = self._as_owner("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "-t", "300", "stop")
        if done.returncode != 0:
            raise RuntimeError(f"pg_ctl stop failed: {done.stdout}{done.stderr}\n{self.tail()}")

    def running(self) -> bool:
        return self._as_owner("pg_ctl", "-D", str(self.data), "status").returncode == 0

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def tail(self, lines: int = 20) -> str:
        text = self.log.read_text(errors="replace") if self.log.exists() else "(no server log)"
        return "\n".join(text.splitlines()[-lines:])

    def destroy(self) -> None:
        try:
            if self.data.exists() and self.running():
                self.stop("immediate")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
