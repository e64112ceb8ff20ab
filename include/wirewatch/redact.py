"""Keep credentials out of pages and emails: feed URLs may carry a login or an API key."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_SECRET_PARAM = re.compile(r"key|token|secret|pass|pwd|sig|auth|session|credential", re.IGNORECASE)
_URL_IN_TEXT = re.compile(r"https?://[^\s\"'<>()]+")
HIDDEN = "***"


def redact_url(url: str) -> str:
    """The URL without its user info, and with the values of secret-looking query parameters hidden."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        return HIDDEN
    if ":" in host:
        host = f"[{host}]"
    query = urlencode(
        [
            (k, HIDDEN if _SECRET_PARAM.search(k) else v)
            for k, v in parse_qsl(parts.query, keep_blank_values=True)
        ],
        safe="*",
    )
    return urlunsplit((parts.scheme, host + port, parts.path, query, parts.fragment))


def redact_text(text: str | None) -> str | None:
    """Every URL inside a message (an error often quotes the URL it failed on), redacted."""
    if text is None:
        return None
    return _URL_IN_TEXT.sub(lambda m: redact_url(m.group(0)), text)
