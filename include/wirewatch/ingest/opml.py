"""Turn an OPML export from a feed reader into feeds.yaml entries."""

from __future__ import annotations

from pathlib import Path

from lxml import etree
from pydantic import ValidationError

from wirewatch.config import ConfigError, Feed, slugify
from wirewatch.redact import redact


def feeds_from_opml(path: Path, default_language: str) -> list[Feed]:
    # no entity expansion and no network: an OPML file is untrusted input
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        tree = etree.parse(str(path), parser)
    except (OSError, etree.XMLSyntaxError) as exc:
        raise ConfigError(f"{path}: not a readable OPML file ({exc})") from exc
    feeds: list[Feed] = []
    used: set[str] = set()
    for outline in tree.iter("outline"):
        url = outline.get("xmlUrl")
        if not url:
            continue
        outlet = outline.get("title") or outline.get("text") or url
        base = slugify(outlet)
        feed_id, n = base, 2
        while feed_id in used:
            feed_id, n = f"{base}-{n}", n + 1
        used.add(feed_id)
        language = (outline.get("language") or default_language)[:2].lower()
        try:
            feeds.append(Feed(id=feed_id, outlet=outlet, url=url, language=language))
        except ValidationError as exc:
            # pydantic's own text quotes the input: the messages alone, and the URL redacted
            problems = "; ".join(err["msg"] for err in exc.errors())
            raise ConfigError(redact(f"{path}: outline {outlet!r} (xmlUrl={url!r}): {problems}")) from None
    if not feeds:
        raise ConfigError(f"{path}: no <outline xmlUrl=...> entries found")
    return feeds
