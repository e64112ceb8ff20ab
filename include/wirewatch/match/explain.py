"""Why a document matched: the hits (term, field, offsets), a score and a keyword-in-context snippet."""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from itertools import pairwise
from operator import itemgetter

from wirewatch.match.document import TEXT_FIELDS, Document
from wirewatch.match.query import AndNode, LangNode, Node, NotNode, OrNode, RawHit, SeqNode, WordNode
from wirewatch.text import collapse_whitespace, fold

SNIPPET_RADIUS = 90
TITLE_WEIGHT = 2.0
# Hits kept per term and field: enough to explain, bounded on a page that repeats a word 50,000 times.
HITS_PER_TERM = 20


@dataclass(slots=True)  # not frozen: a frozen dataclass is several times slower to make
class Hit:
    term: str  # the query term as written (a list entry for @lists)
    field: str  # title | body | lang | outlet | agency
    start: int  # character offsets in that field's text
    end: int
    text: str  # the matched text itself


@dataclass
class TopicMatch:
    topic_id: str
    topic_name: str
    matched_terms: list[str]
    hits: list[Hit] = field(default_factory=list)
    score: float = 0.0
    snippet: str = ""
    # per term, every hit found (a proximity clause lists at most MAX_CHAINS matches), beyond `hits`
    hit_counts: dict[str, int] = field(default_factory=dict)
    # "query", or "model" when the topic's model matched what its query did not (hits: its scope)
    found_by: str = "query"
    model_probability: float | None = None  # None: the topic has no model

    def as_json(self) -> dict:
        return {
            "topic": self.topic_id,
            "name": self.topic_name,
            "score": self.score,
            "terms": self.matched_terms,
            "snippet": self.snippet,
            "hits": [asdict(hit) for hit in self.hits],
            "hit_counts": self.hit_counts,
            "found_by": self.found_by,
            "model_probability": self.model_probability,
        }


def score(hits: list[Hit]) -> float:
    """Per matched term: 2 for a title hit, plus log2(1 + body hits). Ranks, it does not calibrate."""
    per_group: dict[tuple[str, str], int] = {}
    for hit in hits:
        per_group[hit.term, hit.field] = per_group.get((hit.term, hit.field), 0) + 1
    return _score({hit.term for hit in hits}, per_group)


def _score(terms: Iterable[str], per_group: dict[tuple[str, str], int]) -> float:
    """The score from the hits per (term, field)."""
    total = 0.0
    for term in terms:
        total += TITLE_WEIGHT * ((term, "title") in per_group) + math.log2(
            1 + per_group.get((term, "body"), 0)
        )
    return round(total, 3)


def _innermost(hits: set[RawHit]) -> list[RawHit]:
    """Drop each hit that contains another hit of the same term and field ("Kursk-Region" holds "Kursk")."""
    groups: dict[tuple[str, str], list[RawHit]] = {}
    for hit in hits:
        key = hit[0], hit[1]
        group = groups.get(key)
        if group is None:
            groups[key] = [hit]
        else:
            group.append(hit)
    kept = []
    for group in groups.values():
        if len(group) == 1:
            kept.append(group[0])
            continue
        # from the right (by start descending, then end): a hit contains another when one
        # starting at or after it ends at or before it
        group.sort(key=_END)
        group.sort(key=_START, reverse=True)  # stable: equal starts stay in end order
        nearest_end = None
        for hit in group:
            end = hit[3]
            if nearest_end is None or nearest_end > end:
                kept.append(hit)
                nearest_end = end
    return kept


_START, _END = itemgetter(2), itemgetter(3)


def snippet(text: str, hits: list[Hit], radius: int = SNIPPET_RADIUS) -> str:
    """Keyword in context: the window with the most distinct terms, every hit in it marked [[...]]."""
    return _snippet(
        text, sorted([(hit.term, hit.field, hit.start, hit.end) for hit in hits], key=_START), radius
    )


def _snippet(text: str, ordered: list[RawHit], radius: int = SNIPPET_RADIUS) -> str:
    """The snippet of hits ordered by start (explain's are: in text order)."""
    if not ordered:
        return ""
    best = ordered[0]
    every = len({hit[0] for hit in ordered}) if len(ordered) > 1 else 1
    if every > 1:  # with one term the first hit's window wins
        # The hits inside a hit's window start within it: look only there. Taken by start, a
        # window wins only with more terms than the ones before it (the earliest of the densest
        # wins), and the first with every term ends the search.
        starts = [hit[2] for hit in ordered]
        most = 0
        for hit in ordered:
            low, high = hit[2] - radius, hit[3] + radius
            first, last = bisect_left(starts, low), bisect_right(starts, high)
            if last - first <= most:  # too few hits to hold more terms
                continue
            terms = {o[0] for o in ordered[first:last] if o[3] <= high}
            if len(terms) > most:
                best, most = hit, len(terms)
                if most == every:
                    break
    left = max(0, best[2] - radius)
    right = min(len(text), best[3] + radius)
    # the hits inside the window, overlapping ones merged (by start, so one pass merges them)
    out, cursor = [], left
    low = high = -1  # the span being merged
    for hit in ordered:
        start, end = hit[2], hit[3]
        if start < left or end > right:
            continue
        if start <= high:
            high = max(high, end)
            continue
        if high >= 0:
            out.append(text[cursor:low])
            out.append("[[" + text[low:high] + "]]")
            cursor = high
        low, high = start, end
    out.append(text[cursor:low])
    out.append("[[" + text[low:high] + "]]")
    out.append(text[high:right])
    before, inner, after = out[0], out[1:-1], out[-1]
    if left > 0 and " " in before:
        before = "…" + before.partition(" ")[2]
    if right < len(text) and " " in after:
        after = after.rpartition(" ")[0] + "…"
    return collapse_whitespace(before + "".join(inner) + after)


@lru_cache(maxsize=100_000)
def _folded(term: str) -> str:
    return fold(term)


_FIELD_ORDER = itemgetter(1, 2, 3, 0)  # field, start, end, term


def _display_order(hits: set[RawHit]) -> list[RawHit]:
    """The innermost hits, title hits first, then the other fields', each in text order."""
    ordered = sorted(hits, key=_FIELD_ORDER)
    # a hit holds another only where hits of a field touch or overlap: mostly none do
    for a, b in pairwise(ordered):
        if a[1] == b[1] and b[2] <= a[3]:
            ordered = sorted(_innermost(hits), key=_FIELD_ORDER)
            break
    if not ordered or ordered[-1][1] != "title":  # no title hits (they sort last)
        return ordered
    return [h for h in ordered if h[1] == "title"] + [h for h in ordered if h[1] != "title"]


def explain(topic_id: str, topic_name: str, raw_hits: list[RawHit], texts: dict[str, str]) -> TopicMatch:
    counts: dict[str, int] = {}
    per_group: dict[tuple[str, str], int] = {}
    shown: list[RawHit] = []
    for hit in _display_order(set(raw_hits)):
        term, where = hit[0], hit[1]
        counts[term] = counts.get(term, 0) + 1
        seen = per_group.get((term, where), 0)
        if seen < HITS_PER_TERM:
            shown.append(hit)
        per_group[term, where] = seen + 1
    hits = [Hit(term, where, start, end, texts[where][start:end]) for term, where, start, end in shown]
    terms = sorted(counts, key=_folded)
    # in text order, as _snippet needs them
    body_hits = [hit for hit in shown if hit[1] == "body"]
    if body_hits:
        text_snippet = _snippet(texts["body"], body_hits)
    else:
        text_snippet = _snippet(texts["title"], [hit for hit in shown if hit[1] == "title"])
    return TopicMatch(topic_id, topic_name, terms, hits, _score(counts, per_group), text_snippet, counts)


def trace(node: Node, doc: Document, depth: int = 0) -> list[str]:
    """The query tree with each node's outcome on the document: why it matched or did not."""
    mark = "yes" if node.test(doc) else "no "
    pad = "  " * depth
    if isinstance(node, AndNode | OrNode):
        lines = [f"{pad}{mark} {node.label}"]
        for child in node.children:
            lines.extend(trace(child, doc, depth + 1))
        return lines
    if isinstance(node, NotNode):
        return [f"{pad}{mark} NOT", *trace(node.child, doc, depth + 1)]
    if isinstance(node, LangNode):
        return [f"{pad}{mark} lang {'|'.join(sorted(node.languages))}", *trace(node.child, doc, depth + 1)]
    assert isinstance(node, WordNode | SeqNode)
    scope = "" if node.fields == TEXT_FIELDS else f"{'|'.join(node.fields)}:"
    line = f"{pad}{mark} {scope}{node.label}"
    if isinstance(node, SeqNode) and len(node.slots) > 1:
        found = node.found_parts(doc)
        line += "   (" + ", ".join(f"{p}: {t or '-'}" for p, t in zip(node.parts, found, strict=True)) + ")"
    return [line]
