"""Why a document matched: the hits (term, field, offsets), a score and a keyword-in-context snippet."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field

from wirewatch.match.document import TEXT_FIELDS, Document
from wirewatch.match.query import AndNode, Node, NotNode, OrNode, RawHit, SeqNode, WordNode
from wirewatch.text import collapse_whitespace, fold

SNIPPET_RADIUS = 90
TITLE_WEIGHT = 2.0


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

    def as_json(self) -> dict:
        return {
            "topic": self.topic_id,
            "name": self.topic_name,
            "score": self.score,
            "terms": self.matched_terms,
            "snippet": self.snippet,
            "hits": [asdict(hit) for hit in self.hits],
        }


def score(hits: list[Hit]) -> float:
    """Per matched term: 2 for a title hit, plus log2(1 + body hits). Ranks, it does not calibrate."""
    total = 0.0
    for term in {hit.term for hit in hits}:
        own = [hit for hit in hits if hit.term == term]
        if any(hit.field == "title" for hit in own):
            total += TITLE_WEIGHT
        total += math.log2(1 + sum(hit.field == "body" for hit in own))
    return round(total, 3)


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
    unique = {Hit(term, fld, start, end, texts[fld][start:end]) for term, fld, start, end in raw_hits}
    # "Kursk" and the joined "Kursk-Region" both hit kursk*: keep the innermost
    innermost = [
        h
        for h in unique
        if not any(
            o is not h and o.term == h.term and o.field == h.field and h.start <= o.start and o.end <= h.end
            for o in unique
        )
    ]
    hits = sorted(innermost, key=lambda h: (h.field != "title", h.field, h.start, h.end, h.term))
    terms = sorted({hit.term for hit in hits}, key=fold)
    body_hits = [hit for hit in hits if hit.field == "body"]
    title_hits = [hit for hit in hits if hit.field == "title"]
    text_snippet = snippet(texts["body"], body_hits) if body_hits else snippet(texts["title"], title_hits)
    return TopicMatch(topic_id, topic_name, terms, hits, score(hits), text_snippet)


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
    assert isinstance(node, WordNode | SeqNode)
    scope = "" if node.fields == TEXT_FIELDS else f"{'|'.join(node.fields)}:"
    line = f"{pad}{mark} {scope}{node.label}"
    if isinstance(node, SeqNode) and len(node.slots) > 1:
        found = node.found_parts(doc)
        line += "   (" + ", ".join(f"{p}: {t or '-'}" for p, t in zip(node.parts, found, strict=True)) + ")"
    return [line]
