"""`make screenshots`: today's digest of the simulated wire, rendered by headless Chromium at desktop
and phone widths.

The wire runs in-process with its clock at local noon, one outlet's feed answering 500 so the
footer has something to report; the real pipeline fills a scratch warehouse, and the digest is
built from it exactly as the DAG builds it.
"""

from __future__ import annotations

import sys
import tempfile
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml

from wirewatch.config import Settings, load_digest_config, load_pipeline_config
from wirewatch.devstack import chromium
from wirewatch.devstack.simwire import SimWire, WireSettings
from wirewatch.digest.content import build_digest
from wirewatch.digest.render import render
from wirewatch.pipeline import RunContext, run_once

DEFAULT_OUT = Path("var/screenshots")
WIDTHS = {"desktop": 1200, "phone": 390}


@dataclass(frozen=True)
class Shot:
    name: str
    path: Path
    width: int
    height: int


def fill_from_wire(workdir: Path, day: date, tz: str) -> str:
    """A SQLite warehouse filled by one pipeline run against the wire at local noon of `day`."""
    noon = datetime.combine(day, time(12), ZoneInfo(tz)).timestamp()
    warehouse = f"sqlite:///{workdir / 'warehouse.db'}"
    with SimWire(WireSettings(port=0, faults={"northern-ledger": "500"}), clock=lambda: noon) as wire:
        feeds = [{k: feed[k] for k in ("id", "outlet", "url", "language")} for feed in wire.feeds()]
        feeds_file = workdir / "feeds.yaml"
        feeds_file.write_text(
            yaml.safe_dump(
                {"active": "wire", "allow_networks": {"wire": ["127.0.0.0/8"]}, "lists": {"wire": feeds}}
            ),
            encoding="utf-8",
        )
        settings = Settings.from_env(
            {
                "WIREWATCH_FEEDS_FILE": str(feeds_file),
                "WIREWATCH_DATA_DIR": str(workdir / "data"),
                "WIREWATCH_WAREHOUSE_URL": warehouse,
            }
        )
        ctx = RunContext.open("screenshots", config=load_pipeline_config(settings))
        run_once(ctx)
        ctx.engine.dispose()
    return warehouse


def make_screenshots(out: Path, language: str = "en") -> list[Shot]:
    """Write digest.html, digest.txt and one PNG per width into `out`."""
    from wirewatch.warehouse.db import make_engine

    config = load_digest_config()
    tz = config.options.timezone
    day = datetime.now(ZoneInfo(tz)).date()
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="wirewatch-screenshots-") as tmp:
        engine = make_engine(fill_from_wire(Path(tmp), day, tz))
        topics = [(topic.id, topic.name) for topic in config.topics.topics]
        digest = build_digest(engine, day, topics, tz, config.options.max_stories_per_topic)
        engine.dispose()
    rendered = render(digest, language, ("newsdesk-kursk",))
    page = out / "digest.html"
    page.write_text(rendered.html, encoding="utf-8")
    (out / "digest.txt").write_text(rendered.text, encoding="utf-8")
    shots = []
    for name, width in WIDTHS.items():
        path, height = chromium.full_page_screenshot(page, out / f"digest-{name}.png", width)
        shots.append(Shot(name, path, width, height))
    return shots


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else DEFAULT_OUT
    for shot in make_screenshots(out):
        print(f"{shot.path}  {shot.width}x{shot.height}  ({shot.name})")
    print(f"{out / 'digest.html'}  the HTML part; {out / 'digest.txt'}  the plain-text part")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
