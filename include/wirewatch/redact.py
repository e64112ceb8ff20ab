"""The one redaction for everything Wirewatch shows or stores as text: logs, XCom, Asset extras, the
digest, the warehouse, the Wirewatch page and the CLI.

A URL may carry a login (user:password@) or a key, token or signature in its query, and error
messages quote the URLs they failed on. `redact` hides, in any text, the user info of every URL,
the values of query and fragment parameters named like secrets, and the known secret values of a
feed's connection (its password, query values and headers, raw or percent-encoded).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TypeVar
from urllib.parse import quote, quote_plus, unquote_plus

HIDDEN = "***"
# Airflow's secrets masker leaves shorter values alone too: masking them would hide ordinary words
MIN_SECRET_LENGTH = 5

_SCHEME = re.compile(r"\b[a-z][a-z0-9+.\-]*://", re.IGNORECASE)
# user info starts with a login that ends in ':' (a password follows) or '@'
_LOGIN = re.compile(r"[^/?#@:\s\"'<>()\[\]{}]*[:@]")
_HOST_START = re.compile(r"[\w\[%~-]")
_URL_REST = re.compile(r"[^\s\"<>]*")
# punctuation that ends a sentence or a quotation rather than the URL
_TRAILING = ".,;:!?'\")]}"
_PARAM = re.compile(r"(?<=[?&;#])([^?&;#=]+)=([^&;#]*)")
_SECRET_NAME = re.compile(
    r"(key|token|secret|sig|signature|pass|passwd|password|pwd|auth|authorization|session|sessionid"
    r"|credential|credentials|hmac|jwt)$"
)

Text = TypeVar("Text", str, None)


def redact(text: Text, secrets: Iterable[str] = ()) -> Text:
    """`text` with every credential hidden as ***; None stays None."""
    if not text:
        return text
    for secret in secrets:
        if len(secret) >= MIN_SECRET_LENGTH:
            for form in {secret, quote(secret, safe=""), quote_plus(secret, safe="")}:
                text = text.replace(form, HIDDEN)
    out: list[str] = []
    pos = 0
    while match := _SCHEME.search(text, pos):
        out.append(text[pos : match.end()])
        host = _host_start(text, match.end())
        if host is None:
            host = match.end()
        else:
            out.append(HIDDEN + "@")
        end = host + len(_URL_REST.match(text, host).group().rstrip(_TRAILING))
        out.append(_PARAM.sub(_hide_secret_value, text[host:end]))
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _host_start(text: str, start: int) -> int | None:
    """Where the host begins when the URL at `start` has user info. A password may hold any
    character ('/', '@', spaces, quotes), so it ends at the last '@' that a host follows."""
    if not _LOGIN.match(text, start):
        return None
    at = len(text)
    while (at := text.rfind("@", start, at)) >= 0:
        if _HOST_START.match(text, at + 1):
            return at + 1
    return None


def _hide_secret_value(param: re.Match[str]) -> str:
    name = re.sub(r"[^a-z0-9]", "", unquote_plus(param.group(1)).lower())
    return f"{param.group(1)}={HIDDEN}" if _SECRET_NAME.search(name) else param.group(0)
