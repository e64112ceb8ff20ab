"""The digest as an email: escaping, the 'also carried by' line, inlined CSS, both parts, headers."""

from __future__ import annotations

import email
import re
from datetime import UTC, date, datetime
from email.policy import default
from zoneinfo import ZoneInfo

import pytest
from lxml import html as lxml_html

from wirewatch.digest.content import Copy, DayCount, Digest, FailedFeed, Story, TopicSection
from wirewatch.digest.labels import Words
from wirewatch.digest.render import (
    also_parts,
    build_message,
    highlight_html,
    highlight_text,
    render,
    safe_url,
    sparkline,
)

DAY = date(2026, 11, 24)
AT = datetime(2026, 11, 24, 7, 5, tzinfo=UTC)


def copy(outlet: str, url: str | None = None, headline: str = "Troops in Kursk", **extra) -> Copy:
    return Copy(
        article_id=outlet,
        outlet=outlet,
        url=url or f"https://{outlet.lower().replace(' ', '')}.example/a",
        headline=headline,
        published=AT,
        agency=extra.get("agency"),
        language="en",
        snippet=extra.get("snippet", "North Korean [[troops]] in Kursk"),
        matched_terms=("troop*",),
    )


def story(lead: Copy, *others: str) -> Story:
    return Story(lead.outlet, lead, tuple(copy(o) for o in others), 1 + len(others), ("ATS",))


def digest_of(*stories: Story, failed=(), before=(0, 1, 0, 2, 0, 3)) -> Digest:
    """One topic; `before` are the story counts of the six days before the digest day."""
    counts = [*before, len(stories)]
    section = TopicSection(
        topic_id="kursk",
        name="Kursk & <Co>",
        stories=stories,
        total_stories=len(stories),
        previous_day=counts[-2],
        history=tuple(DayCount(date(2026, 11, 18 + n), c) for n, c in enumerate(counts)),
    )
    return Digest(
        day=DAY,
        timezone="Europe/Zurich",
        sections=(section,),
        failed_feeds=tuple(failed),
        stories=len(stories),
        articles=sum(s.articles for s in stories),
        outlets=sum(s.outlets for s in stories),
        polls=10,
    )


@pytest.mark.parametrize(
    ("language", "others", "expected"),
    [
        ("en", [], ""),
        ("en", ["A"], "A"),
        ("en", ["A", "B"], "A and B"),
        ("en", ["A", "B", "C"], "A, B and C"),
        ("en", ["A", "B", "C", "D", "E"], "A, B and 3 more"),
        ("de", ["A", "B", "C", "D"], "A, B und 2 weiteren"),
        ("fr", ["A", "B", "C", "D", "E", "F"], "A, B et 4 autres"),
    ],
)
def test_also_carried_by_names_two_outlets_then_counts(language, others, expected):
    parts = also_parts(story(copy("Lead"), *others), Words(language, "UTC"))
    assert "".join(text for text, _ in parts) == expected
    # outlets are links, the glue and the count are not
    assert [text for text, link in parts if link] == others[: 2 if len(others) > 3 else 3]


def test_snippet_highlighting_escapes_everything_but_its_own_marks():
    snippet = 'a <b>bold</b> & [[x<y]] "q" [[<script>]]'
    assert str(highlight_html(snippet)) == (
        'a &lt;b&gt;bold&lt;/b&gt; &amp; <strong class="hit">x&lt;y</strong> &#34;q&#34; '
        '<strong class="hit">&lt;script&gt;</strong>'
    )
    assert highlight_text(snippet) == 'a <b>bold</b> & *x<y* "q" *<script>*'


def test_only_web_links_are_kept():
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert safe_url("javascript:alert(1)") is None
    assert safe_url("data:text/html,<script>") is None
    assert safe_url(None) is None


def test_sparkline_scales_to_the_busiest_day():
    assert sparkline([0, 1, 2, 4]) == "·▃▅█"
    assert sparkline([0, 0]) == "··"


def test_html_is_email_safe_escaped_and_inlined():
    hostile = copy("Evil <b>Corp</b>", url="javascript:alert(1)", headline="<script>alert(1)</script> & co")
    digest = digest_of(story(copy("Agency Post", agency="ATS"), "A", "B", "C", "D"), story(hostile))
    rendered = render(digest, "en", ("desk",))
    page = rendered.html
    document = lxml_html.fromstring(page)
    # no scripts, images, external styles or fonts; every resource is inline
    assert not document.xpath("//script | //img | //link | //iframe | //object | //*[@src]")
    assert "@import" not in page and "url(" not in page
    # the hostile headline is text, and its javascript: URL is no link
    headlines = document.xpath("//*[contains(@class, 'headline')]")
    assert [h.text_content() for h in headlines] == ["Troops in Kursk", "<script>alert(1)</script> & co"]
    assert headlines[1].tag == "span" and "javascript:" not in page
    assert "Evil <b>Corp</b>" in document.text_content()
    assert "Kursk & <Co>" in document.xpath("//h2")[0].text_content()
    # CSS is inlined into style attributes; only the phone media query stays in <style>
    (style,) = document.xpath("//style")
    assert re.sub(r"\s+", " ", style.text).strip().startswith("@media only screen and (max-width: 480px)")
    assert "font-family" in headlines[0].get("style")
    container = document.xpath("//table[contains(@class, 'container')]")[0]
    assert "max-width: 640px" in container.get("style")
    assert '<!--[if mso]><table role="presentation" width="640"' in page
    # the chart: seven columns, the busiest day tallest, the digest day in the dark colour
    bars = document.xpath("//td[contains(@class, 'bar-cell')]//td")
    heights = [int(bar.get("height")) for bar in bars]
    assert len(bars) == 7 and heights[3] == 27 and heights[5] == 40 and heights[0] == 1
    assert "bar-today" in bars[-1].get("class")
    assert "▲" not in page and "▼ 1" in page  # 2 stories against 3 the day before


def test_plain_text_part_reads_on_its_own():
    failed = FailedFeed("flaky", "Flaky Times", "https://flaky.example/feed", 2, 3, "timeout: slow", AT)
    digest = digest_of(story(copy("Agency Post", agency="ATS"), "A", "B", "C", "D"), failed=[failed])
    text = render(digest, "en", ("desk",)).text
    assert "Wirewatch daily digest: Tuesday, November 24, 2026" in text
    assert "1. Troops in Kursk\n   Agency Post, 08:05 · Agency: ATS\n" in text
    assert "   Also carried by A, B and 2 more\n" in text
    assert '"North Korean *troops* in Kursk"' in text
    assert "   https://agencypost.example/a\n" in text
    assert "Flaky Times (flaky): 2 of 3 polls failed; last error: timeout: slow" in text
    assert "<" not in text.replace("<Co>", "")


def test_an_empty_day_is_a_short_note():
    rendered = render(digest_of(), "de")
    assert "Keine neue Berichterstattung zu Ihren Themen am Dienstag, 24. November 2026." in rendered.text
    assert "==" not in rendered.text  # no topic sections
    assert rendered.subject == "Wirewatch Übersicht 24.11.2026: 0 Meldungen"


def test_message_headers_and_parts_survive_a_round_trip():
    link = "https://airflow.wirewatch.test/wirewatch/unsubscribe/tok-123"
    rendered = render(digest_of(story(copy("Agency Post"))), "fr", ("desk",), link)
    sent_at = datetime(2026, 11, 25, 7, 0, 3, tzinfo=ZoneInfo("Europe/Zurich"))
    message = build_message(
        rendered,
        sender="Wirewatch Résumé <digest@wirewatch.test>",
        recipient="Rédaction <redaction@example.org>",
        message_id="<digest.20261124.abc@wirewatch.test>",
        list_id="daily-digest.wirewatch.test",
        sent_at=sent_at,
        language="fr",
        unsubscribe_url=link,
    )
    raw = bytes(message)
    assert raw.isascii()  # non-ASCII travels encoded: any SMTP server takes it
    assert b"Date: Wed, 25 Nov 2026 07:00:03 +0100\n" in raw
    parsed = email.message_from_bytes(raw, policy=default)
    assert parsed["Subject"] == "Résumé Wirewatch 24 nov. 2026 : 1 sujet"
    assert parsed["From"].addresses[0].display_name == "Wirewatch Résumé"
    assert parsed["To"].addresses[0].addr_spec == "redaction@example.org"
    assert parsed["Message-ID"] == "<digest.20261124.abc@wirewatch.test>"
    assert parsed["List-Id"] == "Wirewatch daily digest <daily-digest.wirewatch.test>"
    assert parsed["Content-Language"] == "fr"
    # RFC 2369 and RFC 8058: the link, as it is (never folded into encoded words), and that a POST is enough
    assert f"\nList-Unsubscribe: <{link}>\n".encode() in raw
    assert parsed["List-Unsubscribe"] == f"<{link}>"
    assert parsed["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert f"Se désabonner: {link}" in rendered.text
    assert f'<a class="unsubscribe" href="{link}"' in rendered.html
    assert parsed.get_content_type() == "multipart/alternative"
    plain, html = parsed.get_body(("plain",)), parsed.get_body(("html",))
    assert plain.get_content() == rendered.text and html.get_content().rstrip() == rendered.html.rstrip()
    assert plain.get_content_charset() == html.get_content_charset() == "utf-8"
    assert "Repris aussi par" not in rendered.text  # a single outlet has no 'also' line


def test_without_an_unsubscribe_url_the_sender_takes_unsubscribe_mails():
    rendered = render(digest_of(), "en")
    message = build_message(
        rendered,
        sender="Wirewatch <digest@wirewatch.test>",
        recipient="desk@example.org",
        message_id="<digest.20261124.abc@wirewatch.test>",
        list_id="daily-digest.wirewatch.test",
        sent_at=datetime(2026, 11, 25, 7, tzinfo=UTC),
        language="en",
    )
    assert message["List-Unsubscribe"] == "<mailto:digest@wirewatch.test?subject=unsubscribe>"
    # one-click needs an http(s) link
    assert message["List-Unsubscribe-Post"] is None
    assert "unsubscribe" not in rendered.html.lower()


def test_a_story_the_topic_model_found_says_so_in_both_parts():
    found = Copy(**{**copy("Model Post").__dict__, "model_probability": 0.834})
    rendered = render(digest_of(story(found), story(copy("Query Post"))), "en")
    note = "Found by the topic's model (83% sure), not by its query"
    assert rendered.text.count(note) == 1 and rendered.text.index(note) < rendered.text.index("Query Post")
    assert lxml_html.fromstring(rendered.html).xpath("string(//p[contains(@class, 'by-model')])") == note
    german = render(digest_of(story(found)), "de").text
    assert "Vom Modell des Themas gefunden (zu 83\xa0% sicher), nicht von seiner Abfrage" in german
    assert Words("en", "UTC").by_model(0.999) == "Found by the topic's model (99% sure), not by its query"
    assert "(99% sure)" in Words("en", "UTC").by_model(1.0)  # stored rounded to 0.001
