"""The one place Wirewatch touches Airflow: connections for the warehouse and for mail."""

from __future__ import annotations

from email.message import EmailMessage

from airflow.sdk import Connection
from airflow.sdk.exceptions import AirflowNotFoundException
from sqlalchemy.engine import URL

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
