from wirewatch.ingest.extract import decode_html, extract_article

PARAGRAPHS = [
    "Der Gemeinderat von Thun hat am Montagabend nach langer Debatte das Budget für das kommende Jahr verabschiedet.",
    "Die Vorlage sieht Investitionen in Schulhäuser, Velowege und die Sanierung der Eishalle vor, wie die Stadt mitteilte.",
    "Die Opposition kritisierte die hohen Ausgaben für externe Beratungen und forderte einen Sparplan bis Ende März.",
    "Über das Budget entscheidet das Stimmvolk im Februar, die Abstimmungsunterlagen werden im Januar verschickt.",
]


def page(charset: str = "utf-8", body: str | None = None) -> bytes:
    article = body if body is not None else "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "<p>/ATS</p>"
    html = f"""<!doctype html><html lang="de"><head><meta charset="{charset}">
<title>Budget angenommen | Thuner Bote</title><meta property="og:site_name" content="Thuner Bote">
<meta name="author" content="Beat Muster"></head><body>
<header><nav><a href="/">Startseite</a> <a href="/sport">Sport</a> <a href="/kultur">Kultur</a></nav></header>
<div class="cookie-banner">Wir verwenden Cookies, um Ihr Erlebnis zu verbessern. Alle akzeptieren</div>
<main><article><h1>Budget angenommen</h1><time datetime="2024-11-05T10:00:00+01:00">5. November</time>
{article}</article>
<aside class="related"><h2>Mehr zum Thema</h2><ul><li><a href="/x">Eishalle wird saniert</a></li></ul></aside>
<section id="comments"><h2>Kommentare</h2><div class="comment">Leserin Ursula: Endlich werden die Velowege gebaut!</div></section>
</main><footer>Impressum · Datenschutz · © Thuner Bote</footer></body></html>"""
    return html.encode(charset)


def test_page_chrome_is_stripped_and_metadata_kept():
    result = extract_article(page(), url="http://127.0.0.1/a.html", summary="Kurz.")
    assert result.path == "trafilatura" and result.error is None
    assert "Sanierung der Eishalle" in result.body
    for chrome in ("Cookies", "Impressum", "Leserin Ursula", "Mehr zum Thema", "Startseite"):
        assert chrome not in result.body
    assert result.body.rstrip().endswith("/ATS")
    assert result.language == "de"
    assert result.site_name == "Thuner Bote"
    assert result.published is not None and result.published.year == 2024


def test_latin1_page_decodes_by_meta_charset():
    result = extract_article(page("iso-8859-1"), url="http://127.0.0.1/a.html")
    assert "für das kommende Jahr" in result.body


def test_header_charset_wins_over_utf8_guess():
    assert decode_html("Zürich".encode("cp1252"), "text/html; charset=windows-1252") == "Zürich"
    assert decode_html("Zürich".encode("cp1252")) == "Zürich"  # not UTF-8: browsers fall back to cp1252


def test_non_article_page_falls_back_to_the_feed_summary():
    result = extract_article(
        page(body="<p>Weiterlesen</p>"), url="http://x/a", summary="Der Gemeinderat tagte."
    )
    assert result.path == "feed_summary"
    assert result.body == "Der Gemeinderat tagte."
    assert result.error == "no article text found on the page"


def test_page_error_is_recorded_and_nothing_extracted_without_summary():
    result = extract_article(None, url="http://x/a", page_error="http_404: HTTP 404")
    assert (result.path, result.body, result.error) == ("none", "", "http_404: HTTP 404")


def test_garbage_bytes_do_not_raise():
    result = extract_article(b"\x00\xff\xfe" * 1000, url="http://x/a", summary="S")
    assert result.path == "feed_summary"


STRAY_BYTE_PAGE = page().replace(b"Thun hat", b"Thun\xff hat")


def test_one_invalid_byte_is_one_replacement_character_with_meta_charset():
    result = extract_article(STRAY_BYTE_PAGE, url="http://127.0.0.1/a.html")
    assert "Thun\ufffd hat" in result.body and result.body.count("\ufffd") == 1
    assert "für das kommende Jahr" in result.body and "Schulhäuser" in result.body


def test_one_invalid_byte_keeps_the_http_charset():
    undeclared = STRAY_BYTE_PAGE.replace(b'<meta charset="utf-8">', b"")
    result = extract_article(
        undeclared, url="http://127.0.0.1/a.html", content_type='text/html; charset="UTF-8"'
    )
    assert "Thun\ufffd hat" in result.body and "für das kommende Jahr" in result.body


def test_undeclared_utf8_page_with_a_stray_byte_is_still_read_as_utf8():
    undeclared = STRAY_BYTE_PAGE.replace(b'<meta charset="utf-8">', b"")
    result = extract_article(undeclared, url="http://127.0.0.1/a.html")
    assert "Thun\ufffd hat" in result.body and "Über das Budget" in result.body


def test_byte_order_mark_wins_over_declarations():
    assert decode_html(b"\xef\xbb\xbfZ\xc3\xbcrich", "text/html; charset=windows-1252") == "Zürich"
    assert decode_html("<p>Zürich</p>".encode("utf-16"), "text/html; charset=utf-8") == "<p>Zürich</p>"


def test_charset_labels_are_read_as_browsers_read_them():
    # ISO-8859-1 labels mean windows-1252: the typographic quotes survive
    assert decode_html("„Zürich“".encode("cp1252"), "text/html; charset=iso-8859-1") == "„Zürich“"
    # a <meta> tag readable as ASCII cannot be UTF-16; unknown and non-text codecs are ignored
    assert decode_html('<meta charset="utf-16">Zürich'.encode()).endswith("Zürich")
    assert decode_html("Zürich".encode(), "text/html; charset=base64") == "Zürich"
    assert decode_html("Zürich".encode(), "text/html; charset=no-such-thing") == "Zürich"
