"""Fixtures of the DAG tier: Airflow's metadata database, migrated once per run (tests/metadata.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.metadata import migrated_metadata


@pytest.fixture(scope="session")
def airflow_db():
    migrated_metadata(Path(os.environ["AIRFLOW_HOME"]))
