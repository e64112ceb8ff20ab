"""The README as a newcomer reads it: every shell command in it runs here, or says what runs it
instead; its SQL runs on a filled warehouse; the command table lists every command there is and
nothing else; the paths it names exist."""

from __future__ import annotations

import itertools
import os
import re
import shlex
import shutil
import sqlite3
import subprocess
from datetime import date
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from wirewatch.cli import app

pytestmark = [pytest.mark.integration, pytest.mark.slow(seconds=60)]
REPO = Path(__file__).resolve().parents[1]
TEXT = (REPO / "README.md").read_text(encoding="utf-8")
MAKEFILE = (REPO / "Makefile").read_text(encoding="utf-8")
WIRE_DAY = date(2026, 11, 24)  # the day of the README's digest preview

# what this test does not run, by how the command starts, and what runs it instead
NOT_RUN = {
    "make run": "starts the whole stack until Ctrl-C; tests/devstack/test_devstack.py and tests/dags run its parts",
    "make test": "is what runs this test",
    "TOKEN=$(curl": "needs the api-server of a running `make run`; tests/ui makes the same calls",
    "curl ": "needs the api-server of a running `make run`; tests/ui makes the same calls",
    ".venv/bin/wirewatch topics test dprk-troops-kursk --url https://...": "an example address",
    ".venv/bin/python -m benchmarks.": "minutes each: `make bench` runs them (test_benchmarks_are_run_by_make)",
}
# made by make and the tests, not in git
GENERATED = (".airflow/", "var/", "tests/artifacts/")


def section(title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", TEXT, re.M | re.S)
    assert match, f"README has no section {title!r}"
    return match.group(1)


def fenced(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", TEXT, re.M | re.S)


def logical_lines(block: str) -> list[str]:
    """Commands as the shell reads them: continued and quoted lines joined, comment lines dropped."""
    commands, pending = [], ""
    for line in block.splitlines():
        pending = f"{pending}\n{line}" if pending else line
        if pending.endswith("\\"):
            continue
        try:
            words = shlex.split(pending, comments=True)
        except ValueError:  # a quote is still open
            continue
        if words:
            commands.append(pending)
        pending = ""
    assert not pending, f"an unfinished command in the README: {pending!r}"
    return commands


SHELL = [command for block in fenced("sh") for command in logical_lines(block)]
RUN = [c for c in SHELL if not any(c.startswith(prefix) for prefix in NOT_RUN)]


def table_rows(title: str) -> list[str]:
    """The first cell of each row of the section's table, without its backticks."""
    cells = [cell.replace("`", "").strip() for cell in re.findall(r"^\| (`[^|]+?) \|", section(title), re.M)]
    assert cells, f"no table in {title!r}"
    return cells


@pytest.fixture(scope="module")
def checkout(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """A checkout as after `make run`: the repository's files, and a warehouse the pipeline filled
    from the simulated wire in `.airflow/` (the test's own, not the developer's)."""
    from tests.digest.wire import fill

    root = tmp_path_factory.mktemp("checkout")
    for name in (".venv", "include", "dags", "plugins", "tests", "benchmarks"):
        (root / name).symlink_to(REPO / name)
    warehouse = root / ".airflow" / "wirewatch" / "warehouse.db"
    fill(tmp_path_factory.mktemp("fill"), f"sqlite:///{warehouse}", WIRE_DAY)
    # the feed reader's export that `feeds import` is shown with
    (root / "subscriptions.opml").write_text(
        '<opml version="2.0"><body><outline text="Le Temps" xmlUrl="https://www.letemps.ch/articles.rss"/>'
        "</body></opml>",
        encoding="utf-8",
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AIRFLOW", "WIREWATCH_"))}
    # as the Makefile exports it, and nothing of the developer's home
    return root, env | {"AIRFLOW_HOME": str(root / ".airflow"), "HOME": str(root)}


def test_every_command_not_run_here_says_why():
    for prefix in NOT_RUN:
        assert any(c.startswith(prefix) for c in SHELL), f"NOT_RUN names a command the README lost: {prefix}"
    assert len(RUN) >= 10


@pytest.mark.parametrize("command", RUN, ids=[c.splitlines()[0].split(" #")[0].strip()[:70] for c in RUN])
def test_shell_commands_run_as_written(checkout, command):
    root, env = checkout
    if command.startswith("sqlite3") and shutil.which("sqlite3") is None:
        pytest.skip("the sqlite3 command-line shell is not installed")
    done = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", command],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr


def test_the_sql_runs_on_the_warehouse(checkout):
    root, _ = checkout
    statements = [s for block in fenced("sql") for s in block.split(";\n") if s.strip(" \n;")]
    assert len(statements) >= 8
    with sqlite3.connect(root / ".airflow" / "wirewatch" / "warehouse.db") as db:
        for statement in statements:
            db.execute(statement).fetchall()


def test_benchmarks_are_run_by_make():
    bench = re.search(r"^bench:.*?\n((?:\t.*\n)+)", MAKEFILE, re.M).group(1)
    for command in SHELL:
        if command.startswith(".venv/bin/python -m benchmarks."):
            invocation = shlex.split(command, comments=True)[1:]
            assert f"$(PY) {' '.join(invocation)}\n" in bench, command


def test_the_command_table_lists_every_command_and_only_real_ones():
    listed = table_rows("Commands")
    targets = set(re.findall(r"^([a-z-]+):", MAKEFILE, re.M))
    make = {row.split()[1] for row in listed if row.startswith("make ")}
    assert make <= targets
    assert targets - make == {"system-deps"}  # a step of test and screenshots, not a command
    documented = set()
    for row in listed:
        if row.startswith(".venv/bin/wirewatch "):
            path = tuple(itertools.takewhile(lambda w: re.fullmatch(r"[a-z][a-z-]*", w), row.split()[1:]))
            documented.add(path)
            assert CliRunner().invoke(app, [*path, "--help"]).exit_code == 0, row

    def leaves(command, path=()):
        if hasattr(command, "commands"):
            for name, sub in command.commands.items():
                yield from leaves(sub, (*path, name))
        else:
            yield path

    assert set(leaves(get_command(app))) == documented


def test_one_folder_map_whose_paths_exist():
    assert TEXT.count("\n## Folder map\n") == 1 and TEXT.count("\n## Commands\n") == 1
    paths = [path for row in table_rows("Folder map") for path in row.split(", ")]
    assert len(paths) == len(set(paths))
    ignored = (REPO / ".gitignore").read_text(encoding="utf-8")
    for path in paths:
        if path.startswith(GENERATED):
            assert re.search(rf"^/?{re.escape(path)}$", ignored, re.M), path
        else:
            assert (REPO / path).exists(), path
    tracked = subprocess.run(["git", "ls-files"], cwd=REPO, capture_output=True, text=True, check=True)
    top_dirs = {line.split("/")[0] + "/" for line in tracked.stdout.splitlines() if "/" in line}
    assert {top for top in top_dirs if not any(path.startswith(top) for path in paths)} == set()


def test_paths_and_make_targets_it_names_exist():
    named = set(re.findall(r"`((?:include|dags|plugins|tests|benchmarks|docker|\.ci)/[^`\s]*)`", TEXT))
    for path in named:
        if not path.startswith(GENERATED) and not re.search(r"[{*<]|\.\.\.", path):
            assert (REPO / path.split("::")[0]).exists(), path
    targets = set(re.findall(r"^([a-z-]+):", MAKEFILE, re.M))
    assert set(re.findall(r"`make ([a-z-]+)", TEXT)) <= targets
