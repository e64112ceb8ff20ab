import pytest

from wirewatch.ingest.feeds import FeedParseError, parse_feed

RSS_LATIN1 = """<?xml version="1.0" encoding="ISO-8859-1"?>
<rss version="2.0"><channel><title>Le Courrier</title><link>http://127.0.0.1/</link>
<item><title>Coréens à Koursk</title><link>http://127.0.0.1/a.html?utm_source=rss</link>
<guid>a-1</guid><pubDate>Tue, 05 Nov 2024 14:00:00 +0100</pubDate>
<description>&lt;p&gt;Première &lt;b&gt;phrase&lt;/b&gt;.&lt;/p&gt;</description></item>
</channel></rss>""".encode("iso-8859-1")

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Abendpost</title><id>urn:x</id><updated>2024-11-05T13:00:00Z</updated>
<entry><title>Truppen in Kursk</title><id>urn:1</id><link href="http://127.0.0.1/b.html"/>
<updated>2024-11-05T13:00:00Z</updated><summary>Kurz.</summary><author><name>Anna</name></author></entry>
</feed>"""

RDF = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="http://127.0.0.1/"><title>Morgenzeitung</title><link>http://127.0.0.1/</link></channel>
<item rdf:about="http://127.0.0.1/c.html"><title>dpa-Meldung</title><link>http://127.0.0.1/c.html</link>
<dc:date>2024-11-05T12:00:00+01:00</dc:date></item>
</rdf:RDF>"""


def test_rss_in_latin1_decodes_and_strips_markup():
    (entry,), warning = parse_feed(RSS_LATIN1, {"content-type": "application/rss+xml"}, "http://127.0.0.1/f")
    assert warning is None
    assert entry.title == "Coréens à Koursk"
    assert entry.summary == "Première phrase ."
    assert entry.guid.endswith("a-1")  # feedparser resolves it against the feed URL
    assert entry.published.isoformat() == "2024-11-05T13:00:00+00:00"


def test_atom_and_rdf():
    (atom,), _ = parse_feed(ATOM, {}, "http://127.0.0.1/atom")
    assert (atom.title, atom.link, atom.author) == ("Truppen in Kursk", "http://127.0.0.1/b.html", "Anna")
    (rdf,), _ = parse_feed(RDF, {}, "http://127.0.0.1/rdf")
    assert rdf.link == "http://127.0.0.1/c.html" and rdf.published.hour == 11


def test_recoverable_markup_gives_entries_and_a_warning():
    broken = ATOM.replace(b"</feed>", b"<entry><title>half")
    entries, warning = parse_feed(broken, {}, "http://127.0.0.1/atom")
    assert entries[0].title == "Truppen in Kursk"
    assert warning and warning.startswith("recovered from")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"", "empty body"),
        (b"   \n", "empty body"),
        (b"<html><body><p>Not a feed</p></body></html>", "not a readable feed"),
        (b'<?xml version="1.0"?><rss version="2.0"><channel><tit', "not a readable feed"),
    ],
)
def test_unreadable_bodies_raise_a_clear_error(body, message):
    with pytest.raises(FeedParseError, match=message):
        parse_feed(body, {"content-type": "text/html"}, "http://127.0.0.1/x")
