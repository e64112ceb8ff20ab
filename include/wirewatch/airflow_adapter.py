"""The one place Wirewatch touches Airflow: connections for the warehouse and (later) mail."""

from __future__ import annotations

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
