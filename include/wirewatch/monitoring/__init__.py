"""Watching the pipeline: feed health and polling schedule, run alerts, and the Wirewatch page in the
Airflow UI."""
