"""The presearcher: which topics can a document possibly match? (the idea of Lucene Monitor / Luwak)

The document knows which query words each field contains, for all topics at once (the
WordFinder's automaton over every query word, run once per distinct chunk). A query implies sets of words such that a matching document contains a word of
every set (see Node.requirements: `a AND (b OR c)` gives {a} and {b, c}). Each topic is indexed
under its most selective set; a topic found that way is kept only if the document also has a
word of each of its other sets, and only those candidates are evaluated. Skipped topics cannot
match, so skipping them changes no result.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from wirewatch.match.document import FIELDS, Document
from wirewatch.match.query import Requirement

ANYWHERE = "*"


class Presearcher:
    def __init__(self, requirements: Iterable[Sequence[Requirement]]) -> None:
        by_word: dict[int, list[int]] = {}
        check_ids: dict[frozenset[int], int] = {}  # each distinct other requirement, numbered
        self.checks: list[frozenset[int]] = []  # per topic: the numbers of its other requirements
        for topic_index, required in enumerate(requirements):
            ordered = sorted(required, key=lambda r: r[0], reverse=True)
            for word in ordered[0][1]:
                by_word.setdefault(word.id, []).append(topic_index)
            others = {frozenset(w.id for w in words) for _, words in ordered[1:]}
            self.checks.append(frozenset(check_ids.setdefault(words, len(check_ids)) for words in others))
        self.topics_by_word = {word_id: tuple(topics) for word_id, topics in by_word.items()}
        checks_by_word: dict[int, list[int]] = {}
        for words, check_id in check_ids.items():
            for word_id in words:
                checks_by_word.setdefault(word_id, []).append(check_id)
        self.checks_by_word = {word_id: tuple(ids) for word_id, ids in checks_by_word.items()}

    def scan(self, doc: Document) -> dict[str, set[int]]:
        """Field -> ids of every query word present in it ("*": in any field)."""
        present = {name: doc.present(name) for name in FIELDS}
        present[ANYWHERE] = set().union(*present.values())
        return present

    def candidates(self, present: dict[str, set[int]]) -> set[int]:
        """Indexes of the topics whose every requirement has a word in the document."""
        indexed: set[int] = set()
        satisfied: set[int] = set()
        topics_by_word, checks_by_word = self.topics_by_word, self.checks_by_word
        for word_id in present[ANYWHERE]:
            topics = topics_by_word.get(word_id)
            if topics:
                indexed.update(topics)
            checks = checks_by_word.get(word_id)
            if checks:
                satisfied.update(checks)
        checks = self.checks
        return {index for index in indexed if checks[index] <= satisfied}
