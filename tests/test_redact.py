"""The one redaction: user info and secret parameters of URLs in any text, and known secret values."""

from __future__ import annotations

from urllib.parse import quote_plus

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from wirewatch.redact import redact


def any_case(word: str):
    return st.tuples(*(st.sampled_from([c.lower(), c.upper()]) for c in word)).map("".join)


SCHEMES = st.sampled_from(["http", "https", "ftp", "sftp", "wss"]).flatmap(any_case)
LOGINS = st.from_regex(r"[A-Za-z0-9._~-]{1,12}", fullmatch=True)
HOSTS = st.sampled_from(["example.org", "127.0.1.1:8765", "feeds.example.com:8443", "[::1]:8080"])
PATHS = st.sampled_from(["", "/", "/feed.rss", "/a/b.xml?page=2", "/x#top"])
# where URLs turn up: bare, in our error messages, quoted by repr, in markup and in parentheses
CONTEXTS = st.sampled_from(
    [
        "{}",
        "HTTP 404 from {} (Retry-After: 5)",
        "entry link '{}': not an http(s) URL",
        '<a href="{}">',
        "<{}>",
        "(see {})",
        "polling feed f ({}) failed: ConnectError()",
    ]
)
SECRET_NAMES = st.sampled_from(
    ["apikey", "api_key", "key", "token", "access_token", "sig", "signature", "secret", "password", "auth"]
).flatmap(any_case)


@given(SCHEMES, LOGINS, st.text(min_size=1), HOSTS, PATHS, CONTEXTS)
@example("HTTPS", "user", "p(ssw0rdTail", "example.org", "/feed", "{}")
@example("http", "user", "pa ss'w<rd @x:/y#z", "example.org", "/feed", "HTTP 404 from {} (Retry-After: 5)")
def test_no_password_survives_in_any_text(scheme, login, password, host, path, context):
    text = context.format(f"{scheme}://{login}:{password}@{host}{path}")
    expected = context.format(f"{scheme}://***@{host}{path}")
    assume(password not in expected)
    assert redact(text) == expected


@given(SCHEMES, HOSTS, PATHS, SECRET_NAMES, st.text(min_size=1), CONTEXTS)
def test_no_secret_parameter_survives(scheme, host, path, name, value, context):
    sep = "&" if "?" in path else "?"
    encoded = quote_plus(value, safe="")
    if "#" in path:  # a fragment may carry parameters too (OAuth's #access_token=...)
        text = context.format(f"{scheme}://{host}{path}&{name}={encoded}")
        expected = context.format(f"{scheme}://{host}{path}&{name}=***")
    else:
        text = context.format(f"{scheme}://{host}{path}{sep}{name}={encoded}&lang=en")
        expected = context.format(f"{scheme}://{host}{path}{sep}{name}=***&lang=en")
    assume(encoded not in expected)
    assert redact(text) == expected


@given(st.text(min_size=5), st.text(), st.text())
def test_known_secrets_are_hidden_wherever_they_appear(secret, before, after):
    assume(secret not in before + "***" + after)
    for form in (secret, quote_plus(secret, safe="")):
        assert secret not in redact(before + form + after, [secret])


@pytest.mark.parametrize(
    "url",
    [
        "https://news.example/search?keyword=kursk&author=smith&page=2",
        "https://medium.com/feed/@reporter",
        "https://mastodon.example/@desk/112233",
        "http://127.0.1.1:8765/feeds/courrier-lemanique.rss",
        "https://h.example/a?q=x#section-2",
    ],
)
def test_urls_without_secrets_stay_as_they_are(url):
    assert redact(url) == url
    assert redact(f"HTTP 404 from {url} (Retry-After: 5)") == f"HTTP 404 from {url} (Retry-After: 5)"


def test_issue_examples():
    url = "http://user:secret@host/feed?apikey=KEY&sig=SIG"
    assert redact(url) == "http://***@host/feed?apikey=***&sig=***"
    assert redact("HTTPS://bob:hunter2@example.org:8443/feed.rss?apikey=K&page=2#top") == (
        "HTTPS://***@example.org:8443/feed.rss?apikey=***&page=2#top"
    )
    assert redact("failed: http://u:p(ssw0rdTail@h/x") == "failed: http://***@h/x"
    # a connection's secret under an innocent parameter name
    assert redact("HTTP 500 from http://h/x?u=T0KEN-abc", ["T0KEN-abc"]) == "HTTP 500 from http://h/x?u=***"
    # too short to mask, as in Airflow: it would hide ordinary words
    assert redact("a bad abc", ["abc"]) == "a bad abc"
    assert redact(None) is None and redact("") == ""
