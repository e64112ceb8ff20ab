"""Sending through Airflow's SMTP provider honours the connection's SSL and STARTTLS settings
(real aiosmtpd servers with a throwaway certificate)."""

from __future__ import annotations

import json
import ssl
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from tests.digest.mail import parse
from tests.mailsink import READY_TIMEOUT, start_on_a_free_port
from wirewatch.devstack.mailsink import SinkHandler

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def server_tls(tmp_path_factory) -> ssl.SSLContext:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=1))
        .not_valid_after(now + timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    folder = tmp_path_factory.mktemp("tls")
    (folder / "cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (folder / "key.pem").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(folder / "cert.pem", folder / "key.pem")
    return context


def message() -> EmailMessage:
    mail = EmailMessage()
    mail["From"], mail["To"], mail["Subject"] = "digest@wirewatch.test", "desk@example.org", "Grüße"
    mail.set_content("Über Kursk")
    return mail


def use_connection(monkeypatch, port: int, **extra) -> None:
    connection = {"conn_type": "smtp", "host": "127.0.0.1", "port": port, "extra": {"timeout": 10, **extra}}
    monkeypatch.setenv("AIRFLOW_CONN_SMTP_DEFAULT", json.dumps(connection))


def test_starttls_when_the_connection_asks_for_it(server_tls, monkeypatch):
    from wirewatch.airflow_adapter import SmtpMailer

    handler = SinkHandler()
    server = start_on_a_free_port(
        lambda port: Controller(
            handler,
            hostname="127.0.0.1",
            port=port,
            tls_context=server_tls,
            require_starttls=True,
            ready_timeout=READY_TIMEOUT,
        )
    )
    try:
        # the throwaway certificate is not trusted: verification must refuse it by default
        use_connection(monkeypatch, server.port, disable_ssl=True)
        with pytest.raises(ssl.SSLCertVerificationError):
            SmtpMailer().send(message())
        # with TLS turned off the server refuses to take mail in the clear
        use_connection(monkeypatch, server.port, disable_ssl=True, disable_tls=True)
        with pytest.raises(Exception, match="Must issue a STARTTLS command first"):
            SmtpMailer().send(message())
        assert handler.received == []
        use_connection(monkeypatch, server.port, disable_ssl=True, ssl_context="none")
        SmtpMailer().send(message())
    finally:
        server.stop()
    (received,) = handler.received
    assert parse(received.content)["Subject"] == "Grüße"


def test_implicit_ssl_is_the_default(server_tls, monkeypatch):
    from wirewatch.airflow_adapter import SmtpMailer

    handler = SinkHandler()
    server = start_on_a_free_port(
        lambda port: Controller(
            handler, hostname="127.0.0.1", port=port, ssl_context=server_tls, ready_timeout=READY_TIMEOUT
        )
    )
    try:
        use_connection(monkeypatch, server.port, disable_tls=True, ssl_context="none")
        SmtpMailer().send(message())
    finally:
        server.stop()
    (received,) = handler.received
    assert parse(received.content).get_content().strip() == "Über Kursk"
