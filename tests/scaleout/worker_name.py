"""Airflow's `hostname_callable` for the scale-out test: two workers on one machine need two names."""

import os
import socket


def hostname() -> str:
    return os.environ.get("WIREWATCH_WORKER_NAME") or socket.getfqdn()
