"""Topic matching: Lucene-syntax queries over normalised DE/FR/EN text, presearched and explained.

    compiled = compile_topics(topics_file)        # once per run: parse, normalise, index
    found = match_document(compiled, title=..., body=..., language="de", outlet=..., agency=...)

Modules: `normalize` (words of queries and documents), `query` (the parser and the node tree),
`document` (fields, tokens, positions), `presearch` (which topics can match a document) and
`explain` (hits, score, snippet). A topic whose query does not compile is left out and reported
in `compiled.errors`; a topic that fails on one document (too much work, say) is reported in
`compiled.match_errors` and skipped for that document. The other topics match as usual.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from wirewatch.config import ConfigError, Settings, Topic, TopicModelSettings, TopicsFile, load_topics
from wirewatch.match.document import PARAGRAPH, SENTENCE, Document, Word, WordFinder
from wirewatch.match.explain import Hit, TopicMatch, explain, snippet
from wirewatch.match.model import (
    ModelError,
    Place,
    TopicModel,
    features,
    load_model,
    quoted,
    structure,
    term_lists_sha256,
)
from wirewatch.match.normalize import COMPOUND_HEADS, STEMMED_LANGUAGES, Normalizer
from wirewatch.match.presearch import Presearcher
from wirewatch.match.query import (
    Compiler,
    Node,
    OrNode,
    QueryError,
    Requirement,
    SeqNode,
    WordTable,
    WorkBudgetExceeded,
)

__all__ = [
    "CompiledTopic",
    "CompiledTopics",
    "Hit",
    "TopicError",
    "TopicMatch",
    "check_topics",
    "compile_topics",
    "cost_warnings",
    "match_document",
    "raise_for_query_errors",
    "review_topics",
    "snippet",
]


_WORD_FEATURES_KEY = "model-features"  # in Document.memo; a topic's own features: (key, topic id)


@dataclass(frozen=True)
class TopicError:
    """A topic left out of matching because its query (or one of its term lists) does not compile."""

    topic_id: str
    where: str  # "query" or "terms.NAME[i]"
    message: str
    line: int | None = None  # in the topics file, when the topic came from one
    column: int | None = None
    path: Path | None = None

    def __str__(self) -> str:
        if self.path is not None and self.line is not None:
            return (
                f"{self.path}:{self.line}:{self.column}: topic {self.topic_id!r} {self.where}: {self.message}"
            )
        where = f"{self.where}, column {self.column}" if self.column is not None else self.where
        return f"topic {self.topic_id!r} {where}: {self.message}"


@dataclass(frozen=True, eq=False)
class SecondOpinion:
    """A topic's model, compiled: its weights, its settings and its scope's node (what a match
    found by the model alone must meet, and highlights)."""

    model: TopicModel
    settings: TopicModelSettings
    scope: Node


@dataclass(eq=False)
class CompiledTopic:
    topic: Topic
    node: Node
    requirements: list[Requirement]
    opinion: SecondOpinion | None = None  # the topic's model, when it has one
    # its term lists compiled one by one, with their words, when a model reads them: where they meet
    lists: dict[str, tuple[Node, tuple[Word, ...]]] = field(default_factory=dict)

    @property
    def anchor(self) -> frozenset[Word]:
        """The words of the topic's most selective requirement set."""
        atoms = max(self.requirements, key=lambda r: r[0])[1]
        return frozenset(word for _, words, _ in atoms for word in words)


def _error(topics: TopicsFile, index: int, topic: Topic, exc: QueryError) -> TopicError:
    source = topics.source(index, exc.where)
    if source is not None:
        line, column = source.locate(exc.pos)
        return TopicError(topic.id, exc.where, exc.message, line, column, source.path)
    return TopicError(topic.id, exc.where, exc.message, None, exc.pos + 1)


def _compile(
    topics: TopicsFile, load_models: bool = True
) -> tuple[Normalizer, WordTable, list[CompiledTopic], list[TopicError]]:
    normalizer = Normalizer(COMPOUND_HEADS + tuple(topics.compound_heads))
    table = WordTable()
    compiled, errors = [], []
    for index, topic in enumerate(topics.topics):
        compiler = Compiler(
            normalizer, table, topic.term_entries(), topics.operator_of(topic), topic.headline_context
        )
        opinion, lists = None, {}
        try:
            node = compiler.compile(topic.query)
            if topic.model is not None or not load_models:
                lists = _list_nodes(compiler, topic)
            if topic.model is not None and load_models:
                scope = compiler.compile(topic.model.scope, "model.scope")
                opinion = SecondOpinion(load_model(topics.model_path(topic)), topic.model, scope)
            # presearch: a document the query cannot match may still meet the model's scope
            requirements = (node if opinion is None else OrNode((node, opinion.scope))).requirements()
        except QueryError as exc:
            errors.append(_error(topics, index, topic, exc))
            continue
        except ModelError as exc:
            errors.append(_error(topics, index, topic, QueryError(str(exc), 0, "model.file")))
            continue
        except RecursionError:
            errors.append(TopicError(topic.id, "query", "the query nests too deeply to compile"))
            continue
        compiled.append(CompiledTopic(topic, node, requirements, opinion, lists))
    return normalizer, table, compiled, errors


class CompiledTopics:
    """Every topic compiled once per run, and the presearcher over all their words."""

    def __init__(self, topics: TopicsFile, load_models: bool = True) -> None:
        """load_models=False: no model is read (to train them), the queries decide alone, and every
        topic's term lists are compiled for the features."""
        self.normalizer, table, self.topics, self.errors = _compile(topics, load_models)
        self.finder = WordFinder(self.normalizer, table.words)
        self.presearcher = Presearcher(entry.requirements for entry in self.topics)
        self.match_errors: list[TopicError] = []

    def __iter__(self) -> Iterator[CompiledTopic]:
        return iter(self.topics)

    def __len__(self) -> int:
        return len(self.topics)

    def document(self, **fields: str | None) -> Document:
        return Document(self.finder, **fields)

    def match(self, doc: Document, presearch: bool = True) -> list[TopicMatch]:
        """The topics the document matches, in file order. presearch=False evaluates every topic."""
        if presearch:
            indexes = self.presearcher.candidates(doc)
        else:
            indexes = range(len(self.topics))
        found = []
        for index in indexes:
            entry = self.topics[index]
            try:
                result = self.evaluate(entry, doc)
            except (WorkBudgetExceeded, RecursionError, MemoryError) as exc:
                self.match_errors.append(TopicError(entry.topic.id, "match", f"{type(exc).__name__}: {exc}"))
                continue
            if result is not None:
                found.append(result)
        return found

    def evaluate(self, entry: CompiledTopic, doc: Document) -> TopicMatch | None:
        """One topic on one document: the explained match, or None."""
        languages = entry.topic.languages
        if languages and doc.language and doc.language not in languages:
            return None
        matched = entry.node.test(doc)
        # a model reads stems of the languages it was trained on; elsewhere the query decides alone
        opinion = entry.opinion
        if opinion is None or doc.language not in STEMMED_LANGUAGES:
            return self._explained(entry, entry.node, doc) if matched else None
        if not matched and not opinion.scope.test(doc):
            return None
        probability = opinion.model.probability(self.model_features(entry, doc))
        # unmatched, the scope holds (tested above)
        found_by = opinion.settings.decide(matched, probability, in_scope=True)
        if found_by is None:
            return None
        found = self._explained(entry, entry.node if found_by == "query" else opinion.scope, doc)
        found.model_probability = round(probability, 3)
        found.found_by = found_by
        return found

    def model_features(self, entry: CompiledTopic, doc: Document) -> Counter[str]:
        """What the topic's model reads: the document's word counts (computed once, for every
        model) and where the topic's term lists meet."""
        key = (_WORD_FEATURES_KEY, entry.topic.id)
        counts = doc.memo.get(key)
        if counts is None:
            words = doc.memo.get(_WORD_FEATURES_KEY)
            if words is None:
                words = doc.memo[_WORD_FEATURES_KEY] = features(
                    self.normalizer, doc.texts["title"], doc.texts["body"], doc.language
                )
            counts = doc.memo[key] = words + structure(_places(entry.lists, doc))
        return counts

    @staticmethod
    def _explained(entry: CompiledTopic, node: Node, doc: Document) -> TopicMatch:
        raw: list = []
        node.hits(doc, raw)
        return explain(entry.topic.id, entry.topic.name, raw, doc.texts)

    def get(self, topic_id: str) -> CompiledTopic | None:
        return next((entry for entry in self.topics if entry.topic.id == topic_id), None)


def _list_nodes(compiler: Compiler, topic: Topic) -> dict[str, tuple[Node, tuple[Word, ...]]]:
    """Each term list compiled alone, with its words. A list that cannot stand alone (a NOT only,
    used as `AND @list`) is no feature; the query decides whether the topic compiles."""
    found = {}
    for name in topic.terms:
        try:
            node = compiler.compile(f"@{name}", f"terms.{name}")
        except QueryError:
            continue
        found[name] = node, tuple(dict.fromkeys(node.words()))
    return found


def _places(lists: dict[str, tuple[Node, tuple[Word, ...]]], doc: Document) -> Iterator[Place]:
    """Each hit of each term list: its name (quoted: `"@name"`), field, body sentence and paragraph."""
    present = doc.present_in["body"]
    for name, (node, words) in lists.items():
        if not node.test(doc):
            continue
        raw: list = []
        node.hits(doc, raw)
        # a hit starts where an occurrence of its first word does
        units = {
            occ[2]: (occ[SENTENCE], occ[PARAGRAPH])
            for word in words
            if word.id in present
            for occ in doc.word_occurrences(word, "body")
        }
        for _, hit_field, start, _ in raw:
            if hit_field not in ("title", "body"):
                continue
            label = f'"@{name}"' if quoted(doc.texts[hit_field], start) else f"@{name}"
            sentence, paragraph = units[start] if hit_field == "body" else (0, 0)
            yield label, hit_field, sentence, paragraph


def compile_topics(topics: TopicsFile) -> CompiledTopics:
    return CompiledTopics(topics)


def check_topics(topics: TopicsFile) -> list[TopicError]:
    """Compile every query and report the ones that fail (without building the presearcher)."""
    return _compile(topics)[3]


def review_topics(topics: TopicsFile) -> tuple[list[TopicError], list[str]]:
    """One compile: the topics whose query fails, the clauses whose cost can grow fast on long
    texts (many proximity slots, very wide proximity), and the models trained on other term lists."""
    _, _, compiled, errors = _compile(topics)
    warnings = []
    for entry in compiled:
        trained = entry.opinion.model.lists_sha256 if entry.opinion is not None else None
        if trained is not None and trained != term_lists_sha256(entry.topic.terms):
            warnings.append(
                f"topic {entry.topic.id!r}: its model was trained before its term lists last changed: "
                "train it again (`wirewatch topics train`)"
            )
        stack = [entry.node]
        while stack:
            node = stack.pop()
            stack.extend(getattr(node, "children", ()))
            if hasattr(node, "child"):
                stack.append(node.child)
            if isinstance(node, SeqNode) and (why := node.cost_warning()):
                warnings.append(f"topic {entry.topic.id!r}: {why}")
    return errors, warnings


def cost_warnings(topics: TopicsFile) -> list[str]:
    return review_topics(topics)[1]


def match_document(
    compiled: CompiledTopics,
    *,
    title: str,
    body: str,
    language: str | None,
    outlet: str | None = None,
    agency: str | None = None,
    presearch: bool = True,
) -> list[TopicMatch]:
    doc = compiled.document(title=title, body=body, language=language, outlet=outlet, agency=agency)
    return compiled.match(doc, presearch=presearch)


def raise_for_query_errors(settings: Settings | None = None) -> None:
    """ConfigError naming every topic whose query does not compile (for a DAG import error).

    A topics file that does not load at all is left to load_pipeline_config to report.
    """
    settings = settings or Settings.from_env()
    try:
        topics = load_topics(settings.topics_file)
    except ConfigError:
        return
    errors = check_topics(topics)
    if errors:
        skipped = ", ".join(repr(e.topic_id) for e in errors)
        raise ConfigError(
            f"{len(errors)} topic(s) left out of matching ({skipped}); the other topics are matched:\n"
            + "\n".join(str(e) for e in errors)
        )
