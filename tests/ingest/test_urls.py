import pytest

from wirewatch.ingest.urls import article_id, canonical_url


def test_tracking_parameters_and_fragment_are_dropped():
    url = "http://127.0.1.4:8765/welt/2024/11/kursk.html?utm_source=rss&utm_medium=feed&id=7#comments"
    assert canonical_url(url) == "http://127.0.1.4:8765/welt/2024/11/kursk.html?id=7"


def test_relative_links_resolve_against_the_feed():
    assert (
        canonical_url("/a/b.html?fbclid=xyz", "https://Example.org/feed.rss")
        == "https://example.org/a/b.html"
    )


def test_credentials_are_no_part_of_an_article():
    url = "http://reader:Pa55-w0rd@Example.org:8080/a/b.html?id=7"
    assert canonical_url(url) == "http://example.org:8080/a/b.html?id=7"
    assert article_id(canonical_url(url)) == article_id(
        canonical_url("http://example.org:8080/a/b.html?id=7")
    )


@pytest.mark.parametrize("url", ["javascript:alert(1)", "mailto:a@b.c", "ftp://x.org/a"])
def test_non_http_links_are_refused(url):
    with pytest.raises(ValueError, match="not an http"):
        canonical_url(url)


def test_article_id_is_stable_and_distinct():
    a = article_id("https://example.org/a")
    assert a == article_id("https://example.org/a")
    assert a != article_id("https://example.org/b")
    assert len(a) == 24
