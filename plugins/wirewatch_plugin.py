"""The Wirewatch page in the Airflow UI: a FastAPI app mounted at /wirewatch and a navigation entry.

Airflow wiring only; the page lives in `wirewatch.dashboard`. A plugin's FastAPI app has no
authentication of its own, so every route checks the Airflow token (`airflow_adapter.airflow_user`).
"""

from __future__ import annotations

from airflow.plugins_manager import AirflowPlugin

from wirewatch.airflow_adapter import airflow_user, dashboard_warehouse_url, ui_base_path
from wirewatch.dashboard.app import create_app

URL_PREFIX = "/wirewatch"


class WirewatchPlugin(AirflowPlugin):
    name = "wirewatch"
    fastapi_apps = [
        {
            "app": create_app(auth=airflow_user, warehouse_url=dashboard_warehouse_url, ui_path=ui_base_path),
            "url_prefix": URL_PREFIX,
            "name": "Wirewatch",
        }
    ]
    # with url_route the UI embeds the page under /plugin/wirewatch, inside its own navigation
    external_views = [
        {
            "name": "Wirewatch",
            "href": f"{URL_PREFIX}/",
            "destination": "nav",
            "url_route": "wirewatch",
            "icon": f"{URL_PREFIX}/icon.svg",
        }
    ]
