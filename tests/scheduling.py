"""The order of a run: the longest modules first, each worker taking its next module only when it is
on the last test of its current one, so the run ends with short modules on every worker instead of
one long module on one of them (longest-processing-time-first list scheduling).

How long a module takes is what its tests took in the runs before (kept in pytest's cache, as
seconds per test), else the estimate on its `slow` marker (`pytest.mark.slow(seconds=...)`), else 0:
on a fresh clone the slow modules go first, by their estimates, then the rest in collection order.
"""

from __future__ import annotations

import functools
from collections import defaultdict

import pytest

DURATIONS = "wirewatch/durations"
# what a `slow` module without an estimate is taken to need: "tens of seconds or more"
SLOW_SECONDS = 30.0


def module_of(nodeid: str) -> str:
    # xdist's loadfile scope: the file
    return nodeid.split("::", 1)[0]


def known_durations(config: pytest.Config) -> dict[str, float]:
    """Seconds per test id. xdist workers get the controller's copy: all must sort alike, and a
    second run of this checkout may be writing the cache while they read it."""
    if hasattr(config, "workerinput"):
        return config.workerinput.get(DURATIONS, {})
    cache = getattr(config, "cache", None)  # None under -p no:cacheprovider
    return cache.get(DURATIONS, {}) if cache is not None else {}


def expected_seconds(items: list[pytest.Item], durations: dict[str, float]) -> dict[str, float]:
    measured: dict[str, float] = defaultdict(float)
    estimated: dict[str, float] = {}
    for item in items:
        module = module_of(item.nodeid)
        if item.nodeid in durations:
            measured[module] += durations[item.nodeid]
        elif (slow := item.get_closest_marker("slow")) is not None:
            estimated.setdefault(module, float(slow.kwargs.get("seconds", SLOW_SECONDS)))
    return {module_of(item.nodeid): 0.0 for item in items} | estimated | measured


def longest_first(items: list[pytest.Item], durations: dict[str, float]) -> None:
    """Sorts in place; stable, so a module's tests stay together and in their order."""
    seconds = expected_seconds(items, durations)
    items.sort(key=lambda item: -seconds[module_of(item.nodeid)])


class Plugin:
    """The hooks. In the controller (or the one process without xdist) it also adds up each test's
    setup, call and teardown from the reports and merges them into the cache at the end, where tests
    that did not run keep what they took before."""

    def __init__(self, config: pytest.Config) -> None:
        self.config = config
        self.durations = known_durations(config)
        self.controller = not hasattr(config, "workerinput")
        self.seconds: dict[str, float] = defaultdict(float)

    @pytest.hookimpl(optionalhook=True)
    def pytest_configure_node(self, node) -> None:
        node.workerinput[DURATIONS] = self.durations

    @pytest.hookimpl(optionalhook=True)
    def pytest_xdist_make_scheduler(self, config: pytest.Config, log):
        if config.getoption("dist") == "loadfile":  # make test's
            return on_demand_scheduler(config, log)
        return None

    def pytest_collection_modifyitems(self, items: list[pytest.Item]) -> None:
        longest_first(items, self.durations)

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if self.controller:
            self.seconds[report.nodeid] += report.duration

    def pytest_sessionfinish(self) -> None:
        cache = getattr(self.config, "cache", None)
        if cache is not None and self.seconds:
            measured = {nodeid: round(seconds, 2) for nodeid, seconds in self.seconds.items()}
            cache.set(DURATIONS, cache.get(DURATIONS, {}) | measured)


def register(config: pytest.Config) -> None:
    """From a conftest's pytest_configure: in time for xdist, which asks at the session's start."""
    config.pluginmanager.register(Plugin(config), "wirewatch-scheduling")


def on_demand_scheduler(config: pytest.Config, log):
    """xdist's loadfile scheduling in the order of the collection, handing a worker its next module
    only when it has one test left: as late as it can be, since a worker takes the next test before
    it runs its last. xdist hands one out at two tests left, and at the start a second module to
    every worker whose first has two tests or fewer, which queues a long module behind another on
    one worker while the others run out of work.

    A worker whose one test left is a whole module longer than any waiting (a slow tier is often a
    single test) gets the shortest module waiting, not the longest: the longest is better started
    on the next worker to ask than queued behind that test. The collection's order tells which
    module is longer."""
    from xdist.scheduler import LoadFileScheduling

    class OnDemandLoadFile(LoadFileScheduling):
        def _reschedule(self, node) -> None:
            if node.shutting_down:
                return
            if not self.workqueue:
                node.shutdown()
                return
            work = self.assigned_work[node]
            if self._pending_of(work) > 1:
                return
            scope, tests = self.workqueue.popitem(last=self._runs_a_longer_module(work))
            work[scope] = tests
            collection = self.registered_collections[node]
            node.send_runtest_some([collection.index(nodeid) for nodeid in tests])

        @functools.cached_property
        def rank(self) -> dict[str, int]:
            return {
                scope: n for n, scope in enumerate(dict.fromkeys(map(self._split_scope, self.collection)))
            }

        def _runs_a_longer_module(self, work: dict[str, dict[str, bool]]) -> bool:
            untouched = [scope for scope, tests in work.items() if not any(tests.values())]
            front = next(iter(self.workqueue))
            return any(self.rank[scope] < self.rank[front] for scope in untouched)

    # the collection's order is the schedule: not xdist's, by number of tests
    config.option.loadscopereorder = False
    return OnDemandLoadFile(config, log)
