import pytest

from wirewatch.config import ConfigError
from wirewatch.ingest.opml import feeds_from_opml

OPML = """<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>Export</title></head><body>
<outline text="News">
  <outline type="rss" text="Le Monde" title="Le Monde" xmlUrl="https://www.lemonde.fr/rss/une.xml" language="fr-FR"/>
  <outline type="rss" text="Le Monde" xmlUrl="https://www.lemonde.fr/international/rss_full.xml"/>
  <outline text="Folder without feed"/>
</outline>
<outline type="rss" text="Tagesschau" xmlUrl="https://www.tagesschau.de/index~rss2.xml"/>
</body></opml>"""


def test_opml_outlines_become_feeds_with_unique_ids(tmp_path):
    path = tmp_path / "export.opml"
    path.write_text(OPML, encoding="utf-8")
    feeds = feeds_from_opml(path, "de")
    assert [(f.id, f.language) for f in feeds] == [
        ("le-monde", "fr"),
        ("le-monde-2", "de"),
        ("tagesschau", "de"),
    ]


def test_opml_with_a_bad_url_names_the_outline(tmp_path):
    path = tmp_path / "bad.opml"
    path.write_text('<opml><body><outline text="X" xmlUrl="file:///etc/passwd"/></body></opml>')
    with pytest.raises(ConfigError, match=r"outline 'X' \(xmlUrl='file:///etc/passwd'\)"):
        feeds_from_opml(path, "en")


def test_opml_feed_with_credentials_is_refused_without_showing_them(tmp_path):
    path = tmp_path / "reader.opml"
    path.write_text(
        '<opml><body><outline text="X" xmlUrl="https://me:hunter22@example.org/f?token=t0ken-1"/></body></opml>'
    )
    with pytest.raises(
        ConfigError, match=r"xmlUrl='https://\*\*\*@example.org/f\?token=\*\*\*'\).*connection:"
    ):
        feeds_from_opml(path, "en")


def test_external_entities_are_refused(tmp_path):
    path = tmp_path / "evil.opml"
    path.write_text(
        '<?xml version="1.0"?><!DOCTYPE o [<!ENTITY x SYSTEM "file:///etc/hostname">]>'
        '<opml><body><outline text="&x;" xmlUrl="https://example.org/f"/></body></opml>'
    )
    with pytest.raises(ConfigError, match="external entity 'x'"):
        feeds_from_opml(path, "en")
