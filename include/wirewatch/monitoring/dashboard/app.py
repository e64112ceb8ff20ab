"""The Wirewatch page and its JSON API as a FastAPI app; the Airflow plugin mounts it in the api-server.

Nothing here imports Airflow: the plugin hands in the access check (`auth`, a FastAPI dependency that
answers 401 or 403), where the warehouse is, and the UI's base path for links to runs.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from functools import lru_cache
from importlib import resources
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Path, Query
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from wirewatch.config import ConfigError, PipelineConfig, PollingPolicy, load_pipeline_config
from wirewatch.digest import unsubscribe
from wirewatch.monitoring.dashboard import chart, queries
from wirewatch.monitoring.health import utc
from wirewatch.warehouse.db import make_engine

log = logging.getLogger("wirewatch.monitoring.dashboard")
Sort = Annotated[str, Query(pattern="^(" + "|".join(queries.SORT_KEYS) + ")$")]
Direction = Annotated[str, Query(pattern="^(asc|desc)$")]
Token = Annotated[str, Path(pattern=r"^[A-Za-z0-9_-]{16,64}$")]
# a wire antenna for the navigation entry
ICON = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="#7a8699" '
    'stroke-width="2" stroke-linecap="round"><circle cx="12" cy="12" r="2"/>'
    '<path d="M7.8 7.8a6 6 0 0 0 0 8.4M16.2 7.8a6 6 0 0 1 0 8.4M4.9 4.9a10 10 0 0 0 0 14.2M19.1 4.9a10 10 0 0 1 0 14.2"/></svg>'
)


# the React app the Airflow UI loads for the navigation entry (no build step: it uses the UI's React)
PLUGIN_JS = (resources.files("wirewatch.monitoring.dashboard") / "static" / "wirewatch-plugin.js").read_text(
    encoding="utf-8"
)


@lru_cache(maxsize=8)
def _engine(url: str) -> Engine:
    return make_engine(url)


def _ago(value: str | None, now: datetime) -> str:
    if not value:
        return "never"
    seconds = (now - datetime.fromisoformat(value)).total_seconds()
    ahead = seconds < 0
    text = describe_seconds(abs(seconds))
    return f"in {text}" if ahead else f"{text} ago"


def describe_seconds(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    if seconds < 90:
        return f"{seconds:.0f} s"
    if seconds < 90 * 60:
        return f"{seconds / 60:.0f} min"
    if seconds < 36 * 3600:
        return f"{seconds / 3600:.1f} h"
    return f"{seconds / 86400:.1f} d"


def _stamp(value: str | None) -> str:
    return f"{datetime.fromisoformat(value):%Y-%m-%d %H:%M} UTC" if value else ""


class Dashboard:
    def __init__(
        self,
        warehouse_url: Callable[[], str],
        load_config: Callable[[], PipelineConfig],
        ui_path: Callable[[], str],
        dag_id: str,
        dag_runs: Callable[[str, int], list[dict[str, Any]]],
    ) -> None:
        self.warehouse_url = warehouse_url
        self.load_config = load_config
        self.ui_path = ui_path
        self.dag_id = dag_id
        self.dag_runs = dag_runs
        self.templates = Environment(
            loader=PackageLoader("wirewatch.monitoring.dashboard", "templates"),
            autoescape=select_autoescape(["html"]),
            trim_blocks=True,
            lstrip_blocks=True,
        )

    def config(self) -> tuple[PipelineConfig | None, str | None]:
        try:
            return self.load_config(), None
        except ConfigError as exc:
            return None, str(exc)

    def engine(self) -> Engine:
        return _engine(self.warehouse_url())

    def dag_route(self) -> str:
        """The DAG's page in the UI's router; links add the UI's base path."""
        return f"/dags/{quote(self.dag_id, safe='')}"

    def run_route(self, run_id: str) -> str:
        return f"{self.dag_route()}/runs/{quote(run_id, safe='')}"

    def dag_link(self) -> str:
        return self.ui_path() + self.dag_route()

    def run_link(self, run_id: str) -> str:
        return self.ui_path() + self.run_route(run_id)

    def read(self, reader: Callable[[Engine], Any]) -> Any:
        try:
            return reader(self.engine())
        except SQLAlchemyError as exc:
            log.exception("reading the warehouse failed")
            raise HTTPException(
                503, f"the warehouse could not be read ({type(exc).__name__}); see the api-server log"
            ) from None

    def runs(self, limit: int = 10) -> list[dict[str, Any]]:
        try:
            dag_runs = self.dag_runs(self.dag_id, limit)
        except Exception:
            # the warehouse still knows the runs that polled
            log.exception("reading the DAG runs from Airflow failed")
            dag_runs = []
        return self.read(lambda e: queries.recent_runs(e, limit, dag_runs))

    def feeds(self, now: datetime, sort: str = "severity", descending: bool = False) -> list[dict[str, Any]]:
        config, _ = self.config()
        policy = config.polling if config else PollingPolicy()
        configured = config.feeds if config else None
        return self.read(lambda e: queries.feed_health(e, configured, policy, now, sort, descending))

    def page(self, now: datetime, sort: str, descending: bool, embedded: bool = False) -> str:
        config, config_error = self.config()
        problem = config_error
        data: dict[str, Any] = {
            "feeds": [],
            "week": None,
            "month": None,
            "stories": [],
            "runs": [],
            "alerts": [],
        }
        try:
            data["feeds"] = self.feeds(now, sort, descending)
            data["week"] = self.read(lambda e: queries.matches_per_day(e, 7, now))
            data["month"] = self.read(lambda e: queries.matches_per_day(e, 30, now))
            data["stories"] = self.read(queries.latest_stories)
            data["runs"] = self.runs()
            data["alerts"] = self.read(queries.open_alerts)
        except HTTPException as exc:
            problem = exc.detail
        counts = {
            state: sum(1 for f in data["feeds"] if f["status"] == state)
            for state in ("ok", "failing", "dead", "new")
        }
        counts["stale"] = sum(1 for f in data["feeds"] if f["stale"])
        charts = [
            {"title": f"Matches per topic per day, last {n} days", "days": n, "svg": chart.line_chart(d, "")}
            for n, d in ((7, data["week"]), (30, data["month"]))
            if d is not None
        ]
        return self.templates.get_template("page.html").render(
            now=now,
            stamp=f"{now:%Y-%m-%d %H:%M} UTC",
            problem=problem,
            feed_list=(config.settings.feed_list or config.feeds_file.active) if config else None,
            counts=counts,
            sort=sort,
            descending=descending,
            charts=charts,
            legend=chart.legend(data["month"]) if data["month"] else [],
            ago=lambda value: _ago(value, now),
            stamp_of=_stamp,
            duration=describe_seconds,
            run_link=self.run_link,
            run_route=self.run_route,
            dag_link=self.dag_link(),
            dag_route=self.dag_route(),
            embedded=embedded,
            dag_id=self.dag_id,
            **data,
        )


def _unsubscribe_routes(board: Dashboard) -> APIRouter:
    """One-click unsubscribe (RFC 8058) from the digest: no login, the unguessable token is the key."""
    router = APIRouter()

    def page(found: tuple[str, bool] | None) -> HTMLResponse:
        recipient, done = found or (None, False)
        body = board.templates.get_template("unsubscribe.html").render(recipient=recipient, unsubscribed=done)
        return HTMLResponse(body, status_code=200 if found else 404)

    @router.get("/unsubscribe/{token}", response_class=HTMLResponse)
    def ask(token: Token) -> HTMLResponse:
        return page(board.read(lambda e: unsubscribe.status(e, token)))

    # the mail client's POST carries List-Unsubscribe=One-Click; nothing else in it matters
    @router.post("/unsubscribe/{token}", response_class=HTMLResponse)
    def confirm(token: Token) -> HTMLResponse:
        recipient = board.read(lambda e: unsubscribe.unsubscribe(e, token))
        if recipient is not None:
            log.info("%s unsubscribed from the digest", recipient)
        return page((recipient, True) if recipient else None)

    return router


def create_app(
    auth: Callable[..., Any],
    warehouse_url: Callable[[], str],
    load_config: Callable[[], PipelineConfig] = load_pipeline_config,
    ui_path: Callable[[], str] = lambda: "",
    dag_id: str = "news_monitor",
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    dag_runs: Callable[[str, int], list[dict[str, Any]]] = lambda dag_id, limit: [],
) -> FastAPI:
    """Every route but unsubscribe, including the page, depends on `auth`; the OpenAPI docs are off
    (they would not)."""
    board = Dashboard(warehouse_url, load_config, ui_path, dag_id, dag_runs)
    app = FastAPI(title="Wirewatch", docs_url=None, redoc_url=None, openapi_url=None)
    app.include_router(_unsubscribe_routes(board))
    protected = APIRouter(dependencies=[Depends(auth)])

    def now() -> datetime:
        return utc(clock())

    @protected.get("/", response_class=HTMLResponse)
    def page(sort: Sort = "severity", dir: Direction = "asc") -> str:  # noqa: A002 - the query parameter
        return board.page(now(), sort, dir == "desc")

    # what the UI plugin (react_apps) shows inside the Airflow UI
    @protected.get("/fragment", response_class=HTMLResponse)
    def fragment(sort: Sort = "severity", dir: Direction = "asc") -> str:  # noqa: A002
        return board.page(now(), sort, dir == "desc", embedded=True)

    @protected.get("/plugin.js")
    def plugin_js() -> Response:
        return Response(PLUGIN_JS, media_type="text/javascript")

    @protected.get("/icon.svg")
    def icon() -> Response:
        return Response(ICON, media_type="image/svg+xml")

    @protected.get("/api/feeds")
    def feeds(sort: Sort = "severity", dir: Direction = "asc") -> dict[str, Any]:  # noqa: A002
        at = now()
        return {"generated_at": at.isoformat(), "feeds": board.feeds(at, sort, dir == "desc")}

    @protected.get("/api/matches-per-day")
    def matches_per_day(days: Annotated[int, Query(ge=1, le=90)] = 7) -> dict[str, Any]:
        return board.read(lambda e: queries.matches_per_day(e, days, now()))

    @protected.get("/api/stories")
    def stories(limit: Annotated[int, Query(ge=1, le=200)] = 25) -> dict[str, Any]:
        found = board.read(lambda e: queries.latest_stories(e, limit))
        for story in found:
            story["run_link"] = board.run_link(story["run_id"])
        return {"stories": found}

    @protected.get("/api/runs")
    def runs(limit: Annotated[int, Query(ge=1, le=100)] = 10) -> dict[str, Any]:
        found = board.runs(limit)
        for run in found:
            run["run_link"] = board.run_link(run["run_id"])
        return {"runs": found}

    @protected.get("/api/alerts")
    def open_alerts() -> dict[str, Any]:
        return {"alerts": board.read(queries.open_alerts)}

    app.include_router(protected)
    return app
