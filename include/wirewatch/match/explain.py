"""Why a document matched: the hits (term, field, offsets), a score and a keyword-in-context snippet."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field

from wirewatch.match.document import TEXT_FIELDS, Document
from wirewatch.match.query import AndNode, LangNode, Node, NotNode, OrNode, RawHit, SeqNode, WordNode
from wirewatch.text import collapse_whitespace, fold

SNIPPET_RADIUS = 90
TITLE_WEIGHT = 2.0
# Hits kept per term and field: enough to explain, bounded on a page that repeats a word 50,000 times.
HITS_PER_TERM = 20


@dataclass(frozen=True)
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

    def as_json(self) -> dict:
        return {
            "topic": self.topic_id,
            "name": self.topic_name,
            "score": self.score,
            "terms": self.matched_terms,
            "snippet": self.snippet,
            "hits": [asdict(hit) for hit in self.hits],
            "hit_counts": self.hit_counts,
        }


def score(hits: list[Hit]) -> float:
    """Per matched term: 2 for a title hit, plus log2(1 + body hits). Ranks, it does not calibrate."""
    titled: set[str] = set()
    body: dict[str, int] = {}
    for hit in hits:
        body.setdefault(hit.term, 0)
        if hit.field == "title":
            titled.add(hit.term)
        elif hit.field == "body":
            body[hit.term] += 1
    total = sum(TITLE_WEIGHT * (term in titled) + math.log2(1 + n) for term, n in body.items())
    return round(total, 3)


def _innermost(hits: list[Hit]) -> list[Hit]:
    """Drop each hit that contains another hit of the same term and field ("Kursk-Region" holds "Kursk")."""
    groups: dict[tuple[str, str], list[Hit]] = {}
    for hit in hits:
        groups.setdefault((hit.term, hit.field), []).append(hit)
    kept = []
    for group in groups.values():
        # from the right: a hit contains another when one starting at or after it ends at or before it
        group.sort(key=lambda h: (-h.start, h.end))
        nearest_end = None
        for hit in group:
            if nearest_end is None or nearest_end > hit.end:
                kept.append(hit)
            nearest_end = hit.end if nearest_end is None else min(nearest_end, hit.end)
    return kept


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def snippet(text: str, hits: list[Hit], radius: int = SNIPPET_RADIUS) -> str:
    """Keyword in context: the window with the most distinct terms, every hit in it marked [[...]]."""
    if not hits:
        return ""
    best = max(
        hits,
        key=lambda h: (
            len({o.term for o in hits if o.start >= h.start - radius and o.end <= h.end + radius}),
            -h.start,
        ),
    )
    left = max(0, best.start - radius)
    right = min(len(text), best.end + radius)
    spans = _merge([(h.start, h.end) for h in hits if h.start >= left and h.end <= right])
    out, cursor = [], left
    for start, end in spans:
        out.append(text[cursor:start])
        out.append(f"[[{text[start:end]}]]")
        cursor = end
    out.append(text[cursor:right])
    before, inner, after = out[0], out[1:-1], out[-1]
    if left > 0 and " " in before:
        before = "…" + before.split(" ", 1)[1]
    if right < len(text) and " " in after:
        after = after.rsplit(" ", 1)[0] + "…"
    return collapse_whitespace(before + "".join(inner) + after)


def explain(topic_id: str, topic_name: str, raw_hits: list[RawHit], texts: dict[str, str]) -> TopicMatch:
    spans = set(raw_hits)
    everything = _innermost(
        [Hit(term, fld, start, end, texts[fld][start:end]) for term, fld, start, end in spans]
    )
    counts: dict[str, int] = {}
    per_group: dict[tuple[str, str], int] = {}
    hits = []
    for hit in sorted(everything, key=lambda h: (h.field != "title", h.field, h.start, h.end, h.term)):
        counts[hit.term] = counts.get(hit.term, 0) + 1
        seen = per_group.get((hit.term, hit.field), 0)
        if seen < HITS_PER_TERM:
            hits.append(hit)
        per_group[hit.term, hit.field] = seen + 1
    terms = sorted(counts, key=fold)
    body_hits = [hit for hit in hits if hit.field == "body"]
    title_hits = [hit for hit in hits if hit.field == "title"]
    text_snippet = snippet(texts["body"], body_hits) if body_hits else snippet(texts["title"], title_hits)
    return TopicMatch(topic_id, topic_name, terms, hits, score(everything), text_snippet, counts)


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
