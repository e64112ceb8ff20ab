"""The Wirewatch page in the Airflow UI: a FastAPI app mounted at /wirewatch and a navigation entry.

Airflow wiring only; the page lives in `wirewatch.monitoring.dashboard`. A plugin's FastAPI app has no
authentication of its own, so every route checks the Airflow token and asks the auth manager whether
the user may read the news_monitor DAG, whose runs and data the page shows (`airflow_adapter.dag_reader`).
"""

from __future__ import annotations

from airflow.plugins_manager import AirflowPlugin

from wirewatch.airflow_adapter import dag_reader, dashboard_warehouse_url, recent_dag_runs, ui_base_path
from wirewatch.monitoring.dashboard.app import create_app

URL_PREFIX = "/wirewatch"
DAG_ID = "news_monitor"


class WirewatchPlugin(AirflowPlugin):
    name = "wirewatch"
    fastapi_apps = [
        {
            "app": create_app(
                auth=dag_reader(DAG_ID),
                warehouse_url=dashboard_warehouse_url,
                ui_path=ui_base_path,
                dag_id=DAG_ID,
                dag_runs=recent_dag_runs,
            ),
            "url_prefix": URL_PREFIX,
            "name": "Wirewatch",
        }
    ]
    # A React app, not an external view: the UI frames external views in a sandbox that blocks
    # links to new tabs and to the UI itself. The app shows the server-rendered page at /plugin/wirewatch.
    react_apps = [
        {
            "name": "Wirewatch",
            "bundle_url": f"{URL_PREFIX}/plugin.js",
            "destination": "nav",
            "url_route": "wirewatch",
            "icon": f"{URL_PREFIX}/icon.svg",
        }
    ]
