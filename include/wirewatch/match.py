"""Topic matching: boolean groups of terms over folded words, with the evidence for each match.

A term is a word or phrase; a trailing '*' makes its last word a prefix ('nordkorea*' matches
'Nordkoreas', 'nordkoreanische'). Hyphens and apostrophes split words on both sides, so
'nord-coré*' matches 'nord-coréens' and "l'armée" matches 'armée'.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from wirewatch.config import Topic, TopicsFile
from wirewatch.text import Token, collapse_whitespace, fold, tokenize

SNIPPET_RADIUS = 90


@dataclass(frozen=True)
class Term:
    source: str
    words: tuple[str, ...]
    prefix: bool

    @classmethod
    def parse(cls, source: str) -> Term:
        prefix = source.strip().endswith("*")
        words = tuple(token.text for token in tokenize(source))
        if not words:
            raise ValueError(f"term {source!r} has no words")
        return cls(source, words, prefix)

    def find(self, tokens: list[Token]) -> list[tuple[int, int]]:
        """Token index spans where the term occurs."""
        spans = []
        last = len(self.words) - 1
        for i in range(len(tokens) - last):
            if all(tokens[i + k].text == self.words[k] for k in range(last)):
                word = tokens[i + last].text
                hit = word.startswith(self.words[last]) if self.prefix else word == self.words[last]
                if hit:
                    spans.append((i, i + last))
        return spans


@dataclass(frozen=True)
class CompiledTopic:
    topic: Topic
    groups: dict[str, tuple[Term, ...]]
    exclude: tuple[Term, ...]


def compile_topics(topics: TopicsFile) -> list[CompiledTopic]:
    """Parse every term once per run, not once per document."""
    return [
        CompiledTopic(
            topic,
            {name: tuple(Term.parse(t) for t in terms) for name, terms in topic.require.items()},
            tuple(Term.parse(t) for t in topic.exclude),
        )
        for topic in topics.topics
    ]


@dataclass
class Hit:
    term: str
    field: str
    start: int
    end: int


@dataclass
class TopicMatch:
    topic_id: str
    topic_name: str
    matched_terms: list[str]
    hits: list[Hit] = field(default_factory=list)
    snippet: str = ""


Fields = dict[str, list[Token]]


def _hits(term: Term, fields: Fields) -> list[Hit]:
    return [
        Hit(term.source, name, tokens[a].start, tokens[b].end)
        for name, tokens in fields.items()
        for a, b in term.find(tokens)
    ]


def snippet(text: str, start: int, end: int, radius: int = SNIPPET_RADIUS) -> str:
    """Keyword in context around one hit, the hit marked with [[...]]."""
    left = max(0, start - radius)
    right = min(len(text), end + radius)
    before = text[left:start]
    after = text[end:right]
    if left > 0 and " " in before:
        before = "…" + before.split(" ", 1)[1]
    if right < len(text) and " " in after:
        after = after.rsplit(" ", 1)[0] + "…"
    return collapse_whitespace(f"{before}[[{text[start:end]}]]{after}")


def match_document(
    compiled: Iterable[CompiledTopic], *, title: str, body: str, language: str | None
) -> list[TopicMatch]:
    fields: Fields = {"title": tokenize(title), "body": tokenize(body)}
    results = []
    for entry in compiled:
        topic = entry.topic
        if topic.languages and language and language not in topic.languages:
            continue
        if any(_hits(term, fields) for term in entry.exclude):
            continue
        hits: list[Hit] = []
        for terms in entry.groups.values():
            group_hits = [hit for term in terms for hit in _hits(term, fields)]
            if not group_hits:
                break
            hits.extend(group_hits)
        else:
            results.append(_explain(topic, hits, body or title))
    return results


def _explain(topic: Topic, hits: list[Hit], body: str) -> TopicMatch:
    terms = sorted({hit.term for hit in hits}, key=fold)
    body_hits = sorted((h for h in hits if h.field == "body"), key=lambda h: h.start)
    text_snippet = snippet(body, body_hits[0].start, body_hits[0].end) if body_hits else ""
    ordered = sorted(hits, key=lambda h: (h.field, h.start))
    return TopicMatch(topic.id, topic.name, terms, ordered, text_snippet)
