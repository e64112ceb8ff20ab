"""The digest as an email: HTML (Jinja2 with autoescaping, CSS inlined) and a plain-text part.

Everything that comes from feeds (headlines, outlet names, snippets, error messages) is data:
autoescaping shows markup as text, and links are kept only for http(s) URLs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import EmailPolicy
from email.utils import format_datetime, parseaddr
from functools import cache
from urllib.parse import urlsplit

import css_inline
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from wirewatch.digest.content import Digest, Story
from wirewatch.digest.labels import Words

CHART_HEIGHT = 40  # px of the tallest bar
_HIT_RE = re.compile(r"\[\[(.+?)\]\]", re.DOTALL)


@dataclass(frozen=True)
class Rendered:
    subject: str
    html: str
    text: str


def safe_url(url: str | None) -> str | None:
    """Only web links: a feed could hand us javascript: or data: URLs."""
    if url and urlsplit(url).scheme in ("http", "https"):
        return url
    return None


def highlight_html(snippet: str) -> Markup:
    """Escape the snippet, then mark the [[hits]] the matcher left in it."""
    parts = _HIT_RE.split(snippet)
    return Markup("").join(
        Markup('<strong class="hit">{}</strong>').format(part) if odd else escape(part)
        for odd, part in ((n % 2 == 1, part) for n, part in enumerate(parts))
    )


def highlight_text(snippet: str) -> str:
    return _HIT_RE.sub(r"*\1*", snippet)


def also_parts(story: Story, words: Words, shown: int = 2) -> list[tuple[str, str | None]]:
    """'A, B and C' or 'A, B and 3 more' as (text, link) pieces, so HTML can link each outlet."""
    return _listed([(copy.outlet, safe_url(copy.url)) for copy in story.also], words, shown)


def translation_lines(story: Story, words: Words) -> list[tuple[str, list[tuple[str, str | None]]]]:
    """Per language: ('German translation of the ATS item by', the outlets as (text, link) pieces)."""
    by_language: dict[str | None, list[tuple[str, str | None]]] = {}
    for copy in story.translations:
        by_language.setdefault(copy.language, []).append((copy.outlet, safe_url(copy.url)))
    agency = story.agencies[0] if story.agencies else None
    return [
        (words.translation(language, agency), _listed(names, words, shown=3))
        for language, names in by_language.items()
    ]


def uses_parts(story: Story) -> list[str]:
    """The stories a compilation also uses: 'Headline (dpa)'."""
    return [f"{headline} ({agency})" if agency else headline for headline, agency in story.also_uses]


def other_parts(story: Story) -> list[tuple[str, str | None]]:
    """The event's other stories: 'dpa (de), AFP (en)' as (text, link) pieces."""
    parts: list[tuple[str, str | None]] = []
    for n, other in enumerate(story.others):
        if n:
            parts.append((", ", None))
        who = other.agencies[0] if other.agencies else other.lead.outlet
        parts.append(
            (f"{who} ({other.lead.language})" if other.lead.language else who, safe_url(other.lead.url))
        )
    return parts


def _listed(names: list[tuple[str, str | None]], words: Words, shown: int) -> list[tuple[str, str | None]]:
    if not names:
        return []
    if len(names) > shown + 1:
        names = [*names[:shown], (words("more", n=len(names) - shown), None)]
    parts: list[tuple[str, str | None]] = []
    for n, item in enumerate(names):
        if n:
            parts.append((f" {words('and')} " if n == len(names) - 1 else ", ", None))
        parts.append(item)
    return parts


def bar_height(stories: int, peak: int) -> int:
    return max(3, round(CHART_HEIGHT * stories / peak)) if stories and peak else 0


def sparkline(counts: list[int]) -> str:
    """Seven days as block characters for the text part."""
    blocks = "▁▂▃▄▅▆▇█"
    peak = max(counts) or 1
    return "".join(blocks[round((len(blocks) - 1) * n / peak)] if n else "·" for n in counts)


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("wirewatch.digest", "templates"),
        autoescape=select_autoescape(["html"], default_for_string=True, default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(highlight=highlight_html, highlight_text=highlight_text, safe_url=safe_url)
    env.globals.update(
        also_parts=also_parts,
        translation_lines=translation_lines,
        other_parts=other_parts,
        uses_parts=uses_parts,
        bar_height=bar_height,
        sparkline=sparkline,
        chart_height=CHART_HEIGHT,
    )
    return env


def _text_env() -> Environment:
    # the plain-text part is not HTML: nothing to escape there
    return environment().overlay(autoescape=False)


_INLINER = css_inline.CSSInliner(keep_at_rules=True, load_remote_stylesheets=False)


def subject_line(digest: Digest, words: Words) -> str:
    return words("subject", date=words.short_day(digest.day), stories=words.count("story", digest.stories))


def render(
    digest: Digest, language: str, subscriptions: tuple[str, ...] = (), unsubscribe_url: str | None = None
) -> Rendered:
    words = Words(language, digest.timezone)
    subject = subject_line(digest, words)
    values = {
        "digest": digest,
        "w": words,
        "subject": subject,
        "subscriptions": ", ".join(subscriptions),
        "unsubscribe_url": safe_url(unsubscribe_url),
        "lang": words.language,
    }
    html = environment().get_template("digest.html").render(values)
    text = _text_env().get_template("digest.txt").render(values)
    return Rendered(subject=subject, html=_INLINER.inline(html), text=text)


def message_domain(sender: str) -> str:
    return parseaddr(sender)[1].rpartition("@")[2] or "wirewatch.localhost"


class _MailPolicy(EmailPolicy):
    """The default policy, except that List-Unsubscribe stays one line: folded, a long URL would be
    split into RFC 2047 encoded words, which mail clients do not decode in that header."""

    def fold(self, name: str, value: str) -> str:
        if name.lower() == "list-unsubscribe":
            return f"{name}: {value}{self.linesep}"
        return super().fold(name, value)

    def fold_binary(self, name: str, value: str) -> bytes:
        if name.lower() == "list-unsubscribe":
            return f"{name}: {value}{self.linesep}".encode("ascii")
        return super().fold_binary(name, value)


MAIL_POLICY = _MailPolicy()


def build_message(
    rendered: Rendered,
    *,
    sender: str,
    recipient: str,
    message_id: str,
    list_id: str,
    sent_at: datetime,
    language: str,
    unsubscribe_url: str | None = None,
) -> EmailMessage:
    """A multipart/alternative message: text first, HTML last (clients show the last they can).

    List-Unsubscribe names the recipient's one-click link (RFC 8058); without one, a mail to the sender.
    """
    message = EmailMessage(policy=MAIL_POLICY)
    message["Subject"] = rendered.subject
    message["From"] = _address_header(sender)
    message["To"] = _address_header(recipient)
    message["Date"] = format_datetime(sent_at)
    message["Message-ID"] = message_id
    message["List-Id"] = f"Wirewatch daily digest <{list_id}>"
    message["Auto-Submitted"] = "auto-generated"
    if safe_url(unsubscribe_url):
        message["List-Unsubscribe"] = f"<{unsubscribe_url}>"
        message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    else:
        message["List-Unsubscribe"] = f"<mailto:{parseaddr(sender)[1]}?subject=unsubscribe>"
    message.set_content(rendered.text, subtype="plain", charset="utf-8", cte="quoted-printable")
    message.add_alternative(rendered.html, subtype="html", charset="utf-8", cte="quoted-printable")
    # after the parts: set_content drops Content-* headers set before it
    message["Content-Language"] = language
    return message


def _address_header(value: str) -> Address:
    name, addr = parseaddr(value)
    username, _, domain = addr.rpartition("@")
    return Address(display_name=name, username=username, domain=domain)
