"""Airflow's SQLite metadata database, migrated once per run and copied to each home that needs one:
`airflow db migrate` costs seconds of CPU, a copy costs nothing."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.isolation import once_per_run

AIRFLOW = Path(sys.executable).parent / "airflow"


def _migrate(home: Path) -> Path:
    # the suite's settings (tests/conftest.py), with the default SQLite database of this home
    env = {k: v for k, v in os.environ.items() if k != "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"}
    env["AIRFLOW_HOME"] = str(home)
    done = subprocess.run([str(AIRFLOW), "db", "migrate"], env=env, capture_output=True, text=True)
    assert done.returncode == 0, f"airflow db migrate failed:\n{done.stdout}\n{done.stderr}"
    return home / "airflow.db"


def migrated_metadata(home: Path) -> Path:
    """`home`/airflow.db (the default sql_alchemy_conn of that AIRFLOW_HOME), fully migrated."""
    template = once_per_run("airflow-metadata", _migrate)
    home.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copyfile(template, home / "airflow.db"))
