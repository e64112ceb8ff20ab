"""The one place Wirewatch touches Airflow: connections (warehouse, mail), the run-alert notifier,
and the token and permission checks of the Wirewatch UI plugin."""

from __future__ import annotations

from email.message import EmailMessage
from urllib.parse import urlsplit

from airflow.sdk import BaseNotifier, Connection
from airflow.sdk.exceptions import AirflowNotFoundException
from sqlalchemy.engine import URL
from starlette.requests import Request

from wirewatch.ingest.credentials import FeedCredentials, MissingCredentials, from_fields

WAREHOUSE_CONN_ID = "wirewatch_warehouse"


def connection_to_sqlalchemy_url(conn: Connection) -> str:
    if conn.conn_type == "sqlite":
        # Airflow's sqlite connections keep the file path in `host`
        return f"sqlite:///{conn.host}"
    if conn.conn_type not in ("postgres", "postgresql"):
        raise ValueError(f"connection {conn.conn_id!r}: type {conn.conn_type!r} is not sqlite or postgres")
    # libpq options such as sslmode live in the extras
    query = {k: str(v) for k, v in conn.extra_dejson.items() if k in ("sslmode", "sslrootcert", "options")}
    return URL.create(
        "postgresql+psycopg",
        username=conn.login or None,
        password=conn.password or None,
        host=conn.host or None,
        port=conn.port or None,
        database=conn.schema or None,
        query=query,
    ).render_as_string(hide_password=False)


def warehouse_url(conn_id: str = WAREHOUSE_CONN_ID) -> str | None:
    """The warehouse URL from the Airflow connection, or None to use Wirewatch's own default."""
    try:
        conn = Connection.get(conn_id)
    except AirflowNotFoundException:
        return None
    return connection_to_sqlalchemy_url(conn)


def feed_credentials(conn_id: str) -> FeedCredentials:
    """A feed's credentials from its Airflow connection, wherever Airflow keeps it (secrets backend,
    environment, metadata database)."""
    try:
        conn = Connection.get(conn_id)
    except AirflowNotFoundException:
        raise MissingCredentials(f"connection {conn_id!r} not found in Airflow") from None
    return from_fields(conn_id, conn.login, conn.password, conn.extra_dejson)


class SmtpMailer:
    """Sends prepared messages through Airflow's SMTP provider and a connection (default `smtp_default`).

    The hook owns the connection settings (SSL or STARTTLS, login, OAuth2); the message is ours,
    because the hook's own send builds an HTML-only message and retries it by itself. Each call is
    one attempt: retrying belongs to the Airflow task, whose ledger keeps the send exactly-once.
    """

    def __init__(self, conn_id: str = "smtp_default") -> None:
        self.conn_id = conn_id

    def from_email(self) -> str | None:
        return Connection.get(self.conn_id).extra_dejson.get("from_email")

    def send(self, message: EmailMessage) -> None:
        from airflow.providers.smtp.hooks.smtp import SmtpHook

        with SmtpHook(smtp_conn_id=self.conn_id) as hook:
            hook._smtp_client.send_message(message)


def send_email(to: list[str], subject: str, html: str, conn_id: str = "smtp_default") -> None:
    """An HTML alert through the same path as the digest: one attempt, the sender from the connection.

    A failure raises, so the alert state stays unrecorded and the next check sends it again.
    """
    mailer = SmtpMailer(conn_id)
    message = EmailMessage()
    message["From"] = mailer.from_email() or "wirewatch@localhost"
    message["To"] = ", ".join(to)
    message["Subject"] = subject
    message.set_content(html, subtype="html")
    mailer.send(message)


def ui_base_url() -> str:
    """The Airflow UI's address as configured (`[api] base_url`), without the trailing slash."""
    from airflow.sdk.configuration import conf

    return (conf.get("api", "base_url", fallback="") or "").rstrip("/")


def ui_base_path() -> str:
    """The path the UI is served under ('' at the root): links inside the UI stay on its host."""
    return urlsplit(ui_base_url()).path.rstrip("/")


def recent_dag_runs(dag_id: str, limit: int) -> list[dict]:
    """The DAG's latest runs from Airflow's metadata database, for the Wirewatch page: runs that
    polled nothing leave no trace in the warehouse."""
    from airflow.models.dagrun import DagRun
    from airflow.utils.session import create_session
    from sqlalchemy import select

    with create_session() as session:
        runs = session.scalars(
            select(DagRun).where(DagRun.dag_id == dag_id).order_by(DagRun.run_after.desc()).limit(limit)
        ).all()
        return [
            {
                "run_id": run.run_id,
                "state": getattr(run.state, "value", run.state),
                # a queued run has not started: it is placed by when it was due
                "started": run.start_date or run.run_after,
            }
            for run in runs
        ]


def dashboard_warehouse_url() -> str:
    """The warehouse the Wirewatch page reads: the connection, else WIREWATCH_WAREHOUSE_URL, else SQLite."""
    from wirewatch.config import Settings

    settings = Settings.from_env()
    return warehouse_url() or settings.warehouse_url or settings.default_warehouse_url


class RunAlertNotifier(BaseNotifier):
    """DAG callback: tells operators when runs start failing and when they succeed again, once each."""

    def __init__(self, failed: bool) -> None:
        super().__init__()
        self.failed = failed

    def render_template_fields(self, context, jinja_env=None) -> None:
        """Nothing to render; and under dag.test() the context's DAG cannot build a template environment."""

    def notify(self, context) -> None:
        from wirewatch.config import load_pipeline_config
        from wirewatch.monitoring.alerts import check_run
        from wirewatch.warehouse.db import make_engine

        config = load_pipeline_config()
        engine = make_engine(dashboard_warehouse_url())
        dag_run = context["dag_run"]
        check_run(
            engine,
            dag_run.dag_id,
            dag_run.run_id,
            self.failed,
            config.alerts,
            send_email,
            ui_base=ui_base_url(),
        )


async def airflow_user(request: Request):
    """FastAPI dependency: the Airflow user behind the request, checked like Airflow's own API does.

    A plugin's FastAPI app has no authentication of its own. This takes the token from the
    Authorization header or the UI's session cookie, lets Airflow's auth manager validate it
    (signature, expiry, revocation) and answers 401 when there is none or it is not valid.
    """
    from airflow.api_fastapi.core_api.security import get_user
    from fastapi import HTTPException, status
    from fastapi.security import HTTPAuthorizationCredentials

    scheme, _, credentials = request.headers.get("authorization", "").partition(" ")
    bearer = (
        HTTPAuthorizationCredentials(scheme=scheme, credentials=credentials.strip()) if credentials else None
    )
    try:
        return await get_user(request, None, bearer)
    except HTTPException as exc:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            detail=f"log in to Airflow first ({exc.detail})",
            headers={"WWW-Authenticate": "Bearer"},
        ) from None


def dag_reader(dag_id: str):
    """FastAPI dependency for the Wirewatch page: a logged-in user (else 401) whom the auth manager
    lets read `dag_id` (else 403), decided as Airflow's own API decides GET /dags/{dag_id}.

    The page shows that DAG's runs and what they loaded, so per-DAG permissions (FAB roles,
    Keycloak policies, teams) must hide it from the users they hide the DAG from.
    """

    async def dependency(request: Request):
        # imported on the first request: every Airflow component loads the plugin, only the api-server serves it
        from airflow.api_fastapi.core_api.security import requires_access_dag
        from fastapi import HTTPException, status
        from starlette.concurrency import run_in_threadpool

        check = requires_access_dag("GET", param_dag_id=dag_id)
        user = await airflow_user(request)
        try:
            # looks up the DAG's team in the metadata DB: off the event loop
            await run_in_threadpool(check, request, user)
        except HTTPException:
            raise HTTPException(
                status.HTTP_403_FORBIDDEN, detail=f"you may not read the DAG {dag_id!r} in Airflow"
            ) from None
        return user

    return dependency
