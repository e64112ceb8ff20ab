"""The order of a run (tests/scheduling.py), in a real pytest run on two xdist workers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest_plugins = ["pytester"]
# three pytest processes and a second run, each importing pytest and xdist
pytestmark = [pytest.mark.integration, pytest.mark.slow(seconds=15)]

REPO = Path(__file__).resolve().parents[1]

# the longest module waits until the third longest has started: only a scheduler that keeps the
# third off the worker that runs the longest lets it finish; xdist's own queues it right behind
LONGEST = """
import pathlib, time, pytest
pytestmark = pytest.mark.slow(seconds=30)
def test_waits_for_the_third_longest_to_start_elsewhere():
    time.sleep(0.05)  # a measurable duration even when the third longest started first
    started = pathlib.Path("third-started")
    deadline = time.monotonic() + 60
    while not started.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert started.exists()
"""
SECOND = """
import pytest
pytestmark = pytest.mark.slow(seconds=20)
def test_second():
    pass
"""
THIRD = """
import pathlib, pytest
pytestmark = pytest.mark.slow(seconds=10)
def test_third():
    pathlib.Path("third-started").touch()
"""
SHORT = """
def test_short():
    pass
"""


def test_the_longest_modules_start_first_and_none_waits_behind_another(pytester, monkeypatch):
    monkeypatch.setenv("PYTHONPATH", str(REPO))
    pytester.makeconftest(
        "from tests import scheduling\n\ndef pytest_configure(config):\n    scheduling.register(config)\n"
    )
    # named so that the collection's own order is the reverse of the expected one
    pytester.makepyfile(
        test_a_short=SHORT,
        test_b_short=SHORT,
        test_c_short=SHORT,
        test_d_short=SHORT,
        test_x_third=THIRD,
        test_y_second=SECOND,
        test_z_longest=LONGEST,
    )
    result = pytester.runpytest_subprocess("-n", "2", "--dist", "loadfile")
    result.assert_outcomes(passed=7)
    durations = json.loads((pytester.path / ".pytest_cache/v/wirewatch/durations").read_text())
    assert (
        len(durations) == 7
        and durations["test_z_longest.py::test_waits_for_the_third_longest_to_start_elsewhere"] > 0
    )

    # measured durations outrank the markers' estimates: the measured-longest short module comes first
    durations["test_a_short.py::test_short"] = 1000.0
    (pytester.path / ".pytest_cache/v/wirewatch/durations").write_text(json.dumps(durations))
    collected = pytester.runpytest_subprocess("--collect-only", "-q")
    nodeids = [line for line in collected.outlines if "::" in line]
    assert nodeids[0] == "test_a_short.py::test_short"
    assert nodeids[1] == "test_z_longest.py::test_waits_for_the_third_longest_to_start_elsewhere"
