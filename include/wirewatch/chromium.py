"""Headless Chromium (Debian's `chromium`) as a renderer: screenshots and the DOM after layout.

Each call gets a fresh profile and no network beyond loopback, so runs do not affect each other.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

CHROMIUM = os.environ.get("WIREWATCH_CHROMIUM", "/usr/bin/chromium")
FLAGS = (
    "--headless",
    "--no-sandbox",  # we run as root in containers
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
)


class ChromiumError(RuntimeError):
    pass


def available() -> bool:
    return Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is not None


def _run(args: list[str], timeout: float) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory(prefix="wirewatch-chromium-") as profile:
        command = [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args]
        try:
            done = subprocess.run(command, capture_output=True, timeout=timeout, check=False)
        except FileNotFoundError:
            raise ChromiumError(f"{CHROMIUM} not found; `make install` installs Debian's chromium") from None
        except subprocess.TimeoutExpired:
            raise ChromiumError(f"chromium did not finish within {timeout:.0f} s: {' '.join(args)}") from None
    if done.returncode != 0:
        raise ChromiumError(
            f"chromium exited {done.returncode}: {done.stderr.decode(errors='replace')[-2000:]}"
        )
    return done


def screenshot(page: Path, out: Path, width: int, height: int, timeout: float = 60) -> Path:
    """Render a local HTML file at a window size into a PNG."""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.unlink(missing_ok=True)
    _run([f"--screenshot={out}", f"--window-size={width},{height}", page.resolve().as_uri()], timeout)
    if not out.exists():
        raise ChromiumError(f"chromium wrote no screenshot to {out}")
    return out


def dump_dom(page: Path, width: int, height: int, timeout: float = 60) -> str:
    """The serialized DOM after layout and scripts, at a window size."""
    done = _run(["--dump-dom", f"--window-size={width},{height}", page.resolve().as_uri()], timeout)
    return done.stdout.decode("utf-8", errors="replace")
