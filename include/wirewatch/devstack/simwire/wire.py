"""SimWire: the simulated wire as an object (server thread, feeds list, ground truth) and a CLI entry."""

from __future__ import annotations

import asyncio
import signal
import sys
import threading
import time
from collections.abc import Callable
from types import TracebackType

import yaml

from wirewatch.devstack.simwire.app import WireApp
from wirewatch.devstack.simwire.model import FEED_FAULTS, ItemTruth, WireSettings
from wirewatch.devstack.simwire.outlets import Outlet, make_outlets
from wirewatch.devstack.simwire.server import HttpServer
from wirewatch.devstack.simwire.timeline import Timeline


class SimWire:
    def __init__(self, settings: WireSettings | None = None, clock: Callable[[], float] = time.time) -> None:
        self.settings = settings = settings or WireSettings()
        settings.validate()
        self.clock = clock
        self.outlets: tuple[Outlet, ...] = make_outlets(settings.outlets)
        unknown = set(settings.faults) - {o.slug for o in self.outlets}
        if unknown:
            raise ValueError(f"faults name unknown outlets: {sorted(unknown)}")
        # a whole second, so item times print exactly in feeds; the injected clock counts as "now"
        self.start_time = float(settings.start if settings.start is not None else int(clock()))
        self.timeline = Timeline(settings, self.outlets, self.start_time)
        self.app = WireApp(settings, self.outlets, self.timeline, clock)
        self._server: HttpServer | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    # -- lifecycle

    @property
    def port(self) -> int:
        return self.app.port

    def start(self) -> SimWire:
        """Serve in a daemon thread; returns once every outlet address is listening."""
        with self._lock:
            if self._thread is not None:
                raise RuntimeError("SimWire already started")
            ready = threading.Event()
            failure: list[BaseException] = []
            self._loop = asyncio.new_event_loop()
            self._server = HttpServer(
                self.app,
                [o.host for o in self.outlets],
                self.settings.port,
                latency=self.settings.latency,
                hang_seconds=self.settings.hang_seconds,
                clock=self.clock,
            )
            self._thread = threading.Thread(
                target=self._run, args=(ready, failure), name="simwire", daemon=True
            )
            self._thread.start()
            ready.wait()
            if failure:
                self._thread.join()
                self._thread = self._loop = self._server = None
                raise failure[0]
            self.app.port = self._server.port
        return self

    def _run(self, ready: threading.Event, failure: list[BaseException]) -> None:
        loop, server = self._loop, self._server
        assert loop is not None and server is not None
        asyncio.set_event_loop(loop)
        try:
            loop.run_until_complete(server.start())
        except BaseException as exc:  # noqa: BLE001 - handed to start() in the caller's thread
            failure.append(exc)
            loop.close()
            ready.set()
            return
        ready.set()
        try:
            loop.run_forever()
        finally:
            loop.close()

    def stop(self) -> None:
        """Stop the server and cancel hanging handlers; safe to call twice."""
        with self._lock:
            loop, server, thread = self._loop, self._server, self._thread
            self._loop = self._server = self._thread = None
        if loop is None or server is None or thread is None:
            return
        if loop.is_running():
            try:
                asyncio.run_coroutine_threadsafe(server.close(), loop).result(timeout=10)
            finally:
                loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=10)

    def __enter__(self) -> SimWire:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    # -- what is on the wire

    def _require_port(self) -> None:
        if not self.port:
            raise RuntimeError("the port is chosen at start(); call start() first or set a port")

    def feeds(self) -> list[dict]:
        self._require_port()
        return self.app.feeds()

    def feeds_yaml(self) -> str:
        return yaml.safe_dump(self.feeds(), sort_keys=False, allow_unicode=True)

    def fault_url(self, kind: str, slug: str | None = None) -> str:
        """URL of the always-on fault feed /faults/<kind>.xml on an outlet's address."""
        if kind not in FEED_FAULTS:
            raise ValueError(f"not a feed fault: {kind!r}")
        self._require_port()
        outlet = self.app.by_slug[slug] if slug else self.outlets[0]
        return f"{self.app.base(outlet)}/faults/{kind}.xml"

    def max_concurrent_requests(self) -> dict[str, int]:
        """Per outlet address, the most requests this wire ever answered at the same time."""
        if self._server is None:
            return {}
        return dict(self._server.max_in_flight)

    def truth(self) -> list[ItemTruth]:
        self._require_port()
        return [
            ItemTruth(
                outlet=self.outlets[a.outlet_index].slug,
                url=self.app.canonical(a),
                title=a.title,
                language=self.outlets[a.outlet_index].language,
                kind=a.kind,
                agency=a.agency,
                story=a.story,
                negative=a.negative,
                published=a.published,
            )
            for a in self.timeline.published(self.clock())
        ]


def serve(settings: WireSettings) -> None:
    """Serve in the foreground until SIGINT or SIGTERM, printing the addresses."""
    stop = threading.Event()
    previous = {}
    if threading.current_thread() is threading.main_thread():
        for sig in (signal.SIGINT, signal.SIGTERM):
            previous[sig] = signal.signal(sig, lambda *_: stop.set())
    try:
        with SimWire(settings) as wire:
            hosts = f"{wire.outlets[0].host} .. {wire.outlets[-1].host}"
            print(f"simwire: {len(wire.outlets)} outlets listening on {hosts}, port {wire.port}")
            for feed in wire.feeds():
                print(f"  {feed['url']}  {feed['outlet']} [{feed['language']}]")
            print(f"  fault feeds: {wire.app.base(wire.outlets[0])}/faults/<{'|'.join(FEED_FAULTS)}>.xml")
            print("Press Ctrl-C to stop.", flush=True)
            while not stop.wait(0.5):
                pass
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        sys.stdout.flush()
