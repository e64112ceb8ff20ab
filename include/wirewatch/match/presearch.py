"""The presearcher: which topics can a document possibly match? (the idea of Lucene Monitor / Luwak)

Every query word of every topic goes into one Aho-Corasick automaton, keyed on its folded forms
with word-boundary marks: exact words as "\\x01word\\x02", prefixes as "\\x01prefix". One pass of
the automaton over a field's distinct tokens finds every query word the field contains, for all
topics at once. Each topic is indexed under its anchor words (see Node.anchor): a set of words
of which any matching document must contain one. Only topics with an anchor word present are
evaluated; the rest cannot match, so skipping them changes no result.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import ahocorasick

from wirewatch.match.document import FIELDS, Document, Word

_START, _END = "\x01", "\x02"


class Presearcher:
    def __init__(self, words: Sequence[Word], anchors: Iterable[Iterable[Word]]) -> None:
        keys: dict[str, set[int]] = {}
        for word in words:
            for form in word.forms:
                key = _START + form + ("" if word.prefix else _END)
                keys.setdefault(key, set()).add(word.id)
        self.automaton = ahocorasick.Automaton()
        for key, ids in keys.items():
            self.automaton.add_word(key, tuple(sorted(ids)))
        self.automaton.make_automaton()
        by_word: dict[int, list[int]] = {}
        for topic_index, anchor in enumerate(anchors):
            for word in anchor:
                by_word.setdefault(word.id, []).append(topic_index)
        self.topics_by_word = {word_id: tuple(topics) for word_id, topics in by_word.items()}

    def scan(self, doc: Document) -> dict[str, set[int]]:
        """Field -> ids of every query word present in it."""
        present: dict[str, set[int]] = {}
        for name in FIELDS:
            found: set[int] = set()
            vocab = doc.vocab(name)
            if vocab:
                haystack = _START + (_END + _START).join(vocab) + _END
                for _, ids in self.automaton.iter(haystack):
                    found.update(ids)
            present[name] = found
        return present

    def candidates(self, present: dict[str, set[int]]) -> set[int]:
        """Indexes of the topics that have an anchor word in the document."""
        topics: set[int] = set()
        get = self.topics_by_word.get
        for ids in present.values():
            for word_id in ids:
                indexed = get(word_id)
                if indexed:
                    topics.update(indexed)
        return topics
