"""Getting the news in: fetching behind the network guard, feeds and OPML, URLs, page extraction,
agency attribution, the raw archive and feed credentials."""
