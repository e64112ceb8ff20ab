"""A feed server on loopback that answers only with a connection's credentials, and the secrets a
test must find nowhere: the connection's, the feed URL's own query keys and an article's login."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path

import yaml

from tests.loopback import LoopbackServer, respond

LOGIN = "reader"
PASSWORD = "pa ss(w0rd'<Tail@x:/#"
TOKEN = "T0KEN-under-an-innocent-name"
HEADER_KEY = "H3ADER-api-key"
CONNECTION = json.dumps(
    {
        "conn_type": "http",
        "login": LOGIN,
        "password": PASSWORD,
        "extra": {"query": {"u": TOKEN}, "headers": {"X-Api-Key": HEADER_KEY}},
    }
)
# in the feed URL itself: allowed, but never shown or stored
KEY, SIG = "KEYVAL-in-the-url", "SIGVAL-in-the-url"
ARTICLE_PASSWORD = "ArticlePassw0rd"
SECRETS = (PASSWORD, TOKEN, HEADER_KEY, KEY, SIG, ARTICLE_PASSWORD)
ARTICLE = (
    b"<html><head><title>Troops</title></head><body><article><h1>North Korean troops in Kursk</h1>"
    b"<p>North Korean troops are fighting in the Kursk region, officials said on Tuesday. The soldiers "
    b"arrived last week and more units are expected, according to the defence ministry in Kyiv.</p>"
    b"<p>Pyongyang has not commented on the deployment of its soldiers to the front.</p>"
    b"</article></body></html>"
)


def leaks(text: str) -> list[str]:
    """The secrets in `text`, case-insensitively: canonical URLs lower-case a login's host part."""
    return [secret for secret in SECRETS if secret.lower() in text.lower()]


class PrivateWire(LoopbackServer):
    """/private.rss needs the connection's basic auth, query parameter and header; its entry links
    to an article whose URL carries a login of its own. /gone.rss is a 404."""

    def __init__(self) -> None:
        super().__init__({})
        article = self.url.replace("//", f"//writer:{ARTICLE_PASSWORD}@") + "/article"
        published = format_datetime(datetime.now(UTC))
        rss = (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Private</title><link>http://x/</link>'
            f"<description>d</description><item><title>North Korean troops in Kursk</title>"
            f"<link>{article}</link><guid>{article}</guid><pubDate>{published}</pubDate></item>"
            "</channel></rss>"
        ).encode()
        basic = "Basic " + base64.b64encode(f"{LOGIN}:{PASSWORD}".encode()).decode()

        def private(handler):
            authorised = (
                handler.headers.get("Authorization") == basic
                and handler.headers.get("X-Api-Key") == HEADER_KEY
                and f"u={TOKEN}" in handler.path
            )
            respond(rss if authorised else b"no", 200 if authorised else 401)(handler)

        self.routes.update(
            {
                "/private.rss": private,
                "/article": respond(ARTICLE, headers={"Content-Type": "text/html; charset=utf-8"}),
            }
        )

    def __enter__(self) -> PrivateWire:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def feeds_file(self, path: Path) -> Path:
        """The private feed, a 404 with the same connection, and a feed whose connection is missing;
        the first two carry secrets in their own query too."""
        query = f"?apikey={KEY}&sig={SIG}"
        feeds = [
            {"id": "private", "outlet": "Private", "url": f"{self.url}/private.rss{query}"},
            {"id": "private-gone", "outlet": "Gone", "url": f"{self.url}/gone.rss{query}"},
            {"id": "no-connection", "outlet": "Nobody", "url": f"{self.url}/private.rss"},
        ]
        for feed, connection in zip(feeds, ("private_wire", "private_wire", "nowhere"), strict=True):
            feed.update(language="en", connection=connection)
        document = {"active": "test", "fetch": {"allow_networks": ["127.0.0.0/8"]}, "lists": {"test": feeds}}
        path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
        return path
