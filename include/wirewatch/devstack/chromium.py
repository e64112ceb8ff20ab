"""Headless Chromium (Debian's `chromium`) as a renderer: screenshots and the DOM after layout.

Each call gets a fresh profile and no network beyond loopback, so runs do not affect each other.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from html import escape as html_escape
from pathlib import Path

CHROMIUM = os.environ.get("WIREWATCH_CHROMIUM", "/usr/bin/chromium")
# a fresh headless Chromium that talks to nothing but the pages it is given (tests/browser.py too)
HEADLESS_FLAGS = (
    "--headless",
    "--no-sandbox",  # we run as root in containers
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
FLAGS = (*HEADLESS_FLAGS, "--hide-scrollbars", "--force-device-scale-factor=1")


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
            raise ChromiumError(
                f"{CHROMIUM} not found; `make test` and `make screenshots` install Debian's chromium"
            ) from None
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


_PROBE = """<!DOCTYPE html><html><body style="margin:0">
<iframe id="page" style="border:0;width:{width}px;height:{height}px" srcdoc="{srcdoc}"></iframe>
<script>
window.addEventListener("load", function () {{
  var e = document.getElementById("page").contentDocument.documentElement;
  document.body.setAttribute("data-measured", e.scrollWidth + "x" + e.scrollHeight);
}});
</script></body></html>"""


def measure(page: Path, width: int, height: int = 800, timeout: float = 60) -> tuple[int, int]:
    """(scroll width, scroll height) of the page laid out `width` pixels wide.

    Headless windows are at least 500 px wide, so the page is laid out in an iframe of the
    exact width (its media queries see that width); the page itself stays script-free.
    """
    srcdoc = html_escape(page.read_text(encoding="utf-8"), quote=True)
    with tempfile.TemporaryDirectory(prefix="wirewatch-measure-") as tmp:
        probe = Path(tmp) / "measure.html"
        probe.write_text(_PROBE.format(width=width, height=height, srcdoc=srcdoc), encoding="utf-8")
        dom = dump_dom(probe, max(width, 500), height, timeout)
    found = re.search(r'data-measured="(\d+)x(\d+)"', dom)
    if not found:
        raise ChromiumError(f"could not measure {page} at {width} px")
    return int(found.group(1)), int(found.group(2))


def full_page_screenshot(page: Path, out: Path, width: int, timeout: float = 60) -> tuple[Path, int]:
    """A screenshot as tall as the page at this width; returns the PNG and its height."""
    _, height = measure(page, width, timeout=timeout)
    return screenshot(page, out, width, height, timeout), height
