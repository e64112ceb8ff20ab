"""A topic scored on labelled passages: precision, recall per language, and why each error happened.

A labels file is JSON Lines (or YAML with a `passages:` list), one passage per line:
{"id", "lang", "label": "pos" | "neg", "title", "text"} ("body" is read as "text").
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

import yaml
from luqum import tree

from wirewatch.config import Topic, TopicsFile
from wirewatch.match import CompiledTopic, CompiledTopics, compile_topics
from wirewatch.match.document import Document
from wirewatch.match.explain import trace
from wirewatch.match.query import AndNode, Node, OrNode, QueryError, parse
from wirewatch.text import collapse_whitespace

_LIST_RE = re.compile(r"@([a-z][a-z0-9_]*)")


class LabelsError(ValueError):
    pass


@dataclass(frozen=True)
class Passage:
    id: str
    lang: str | None
    positive: bool
    title: str
    text: str


@dataclass
class Tally:
    true_pos: int = 0
    false_pos: int = 0
    false_neg: int = 0
    true_neg: int = 0

    def add(self, positive: bool, found: bool) -> None:
        if positive and found:
            self.true_pos += 1
        elif positive:
            self.false_neg += 1
        elif found:
            self.false_pos += 1
        else:
            self.true_neg += 1

    @property
    def precision(self) -> float:
        found = self.true_pos + self.false_pos
        return self.true_pos / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_pos + self.false_neg
        return self.true_pos / wanted if wanted else 1.0


@dataclass(frozen=True)
class Mistake:
    passage: Passage
    reason: str  # a miss: what failed; a false hit: the terms and snippet that matched


@dataclass(frozen=True)
class QueryParts:
    """A query read as `(B1 OR B2 ...) AND required ... AND NOT X1 AND NOT X2 ...`."""

    branches: list[str]  # the query text of each alternative
    required: list[str]  # other clauses every branch must meet
    exclusions: list[str]  # the query text after each NOT


@dataclass
class ClauseCount:
    """A branch: the passages it finds. An exclusion: the passages the branches find that it takes away.
    Alone: no other branch finds it, or no other exclusion takes it away."""

    name: str  # B1, B2 ... or X1, X2 ...
    text: str
    error: str | None = None  # the clause does not compile on its own
    true: int = 0  # labelled pos
    false: int = 0  # labelled neg
    alone_true: int = 0
    alone_false: int = 0

    def as_json(self) -> dict:
        return asdict(self)


@dataclass
class LabelReport:
    overall: Tally = field(default_factory=Tally)
    languages: dict[str, Tally] = field(default_factory=dict)
    misses: list[Mistake] = field(default_factory=list)
    false_hits: list[Mistake] = field(default_factory=list)
    branches: list[ClauseCount] = field(default_factory=list)  # empty: no OR at the top of the query
    exclusions: list[ClauseCount] = field(default_factory=list)


def load_passages(path: Path) -> list[Passage]:
    """Passages of a labels file; LabelsError names the file, line and field of a bad entry."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise LabelsError(f"{path}: cannot read labels: {exc}") from None
    if path.suffix.lower() in (".yaml", ".yml"):
        try:
            records = [(n + 1, r) for n, r in enumerate((yaml.safe_load(text) or {}).get("passages") or [])]
        except (yaml.YAMLError, AttributeError) as exc:
            raise LabelsError(f"{path}: not a YAML file with a `passages:` list: {exc}") from None
        where = "passage"
    else:
        records = []
        for number, line in enumerate(text.splitlines(), 1):
            if line.strip():
                try:
                    records.append((number, json.loads(line)))
                except json.JSONDecodeError as exc:
                    raise LabelsError(f"{path}:{number}: not JSON: {exc.msg}") from None
        where = "line"
    return [_passage(record, f"{path}: {where} {number}") for number, record in records]


def _passage(record: object, where: str) -> Passage:
    if not isinstance(record, dict):
        raise LabelsError(f"{where}: expected an object")
    label = record.get("label")
    if label not in ("pos", "neg"):
        raise LabelsError(f"{where}: field 'label' must be 'pos' or 'neg', not {label!r}")
    text = record.get("text", record.get("body"))
    title = record.get("title") or ""
    if not isinstance(text, str) or not isinstance(title, str):
        raise LabelsError(f"{where}: fields 'text' (or 'body') and 'title' must be strings")
    lang = record.get("lang") or record.get("language")
    return Passage(
        str(record.get("id") or where), lang if isinstance(lang, str) else None, label == "pos", title, text
    )


def _failed_clauses(node: Node, doc: Document, depth: int = 0) -> list[str]:
    """The clauses that were false, down to two levels below the top; a failed OR is one line."""
    if isinstance(node, AndNode) and depth < 2:
        return [
            line
            for child in node.children
            if not child.test(doc)
            for line in _failed_clauses(child, doc, depth + 1)
        ]
    line = collapse_whitespace(trace(node, doc)[0])
    return [f"{line} (none of {len(node.children)} alternatives)" if isinstance(node, OrNode) else line]


def _source(query: str, item: tree.Item) -> str:
    return collapse_whitespace(query[item.pos : item.pos + item.size])


def _ungroup(item: tree.Item) -> tree.Item:
    while isinstance(item, tree.BaseGroup):
        item = item.expr
    return item


def _is_exclusion(item: tree.Item) -> bool:
    return isinstance(_ungroup(item), tree.Not | tree.Prohibit)


def split_query(query: str, operator: str = "AND") -> QueryParts | None:
    """The top-level OR of a query: its branches, and the clauses ANDed with all of them.

    `a OR b`, `(a OR b) AND NOT c` and, with the default operator OR, `a b -c` have branches;
    a query with no OR at the top, or an AND of two ORs, has none (None).
    """
    try:
        top = _ungroup(parse(query))
    except QueryError:
        return None
    if isinstance(top, tree.OrOperation):
        return QueryParts([_source(query, _ungroup(c)) for c in top.children], [], [])
    if isinstance(top, tree.UnknownOperation) and operator == "OR":
        if any(isinstance(c, tree.Plus) for c in top.children):
            return None  # the optional clauses do not decide anything then
        optional = [c for c in top.children if not _is_exclusion(c)]
        excluded = [_source(query, _ungroup(c).a) for c in top.children if _is_exclusion(c)]
        branches = [_source(query, _ungroup(c)) for c in optional]
        return QueryParts(branches, [], excluded) if len(optional) > 1 else None
    if not isinstance(top, tree.AndOperation | tree.UnknownOperation):
        return None
    ors = [c for c in top.children if isinstance(_ungroup(c), tree.OrOperation)]
    if len(ors) != 1:
        return None
    others = [c for c in top.children if c is not ors[0]]
    return QueryParts(
        [_source(query, _ungroup(c)) for c in _ungroup(ors[0]).children],
        [_source(query, _ungroup(c)) for c in others if not _is_exclusion(c)],
        [_source(query, _ungroup(c).a) for c in others if _is_exclusion(c)],
    )


def _positive_lists(query: str) -> list[str]:
    """The term lists a query needs somewhere outside its NOT clauses, in order of first use."""
    names: list[str] = []
    stack = [parse(query)]
    while stack:
        item = stack.pop()
        if isinstance(item, tree.Not | tree.Prohibit):
            continue
        if isinstance(item, tree.Word | tree.Phrase):
            names.extend(_LIST_RE.findall(item.value))
        stack.extend(reversed(item.children))
    return list(dict.fromkeys(names))


def _and(*clauses: str) -> str:
    return " AND ".join(f"({clause})" for clause in clauses)


def _clause_topics(topics: TopicsFile, topic: Topic, parts: QueryParts) -> tuple[TopicsFile, list[str]]:
    """One topic per branch (with the required clauses and exclusions), one for the branches
    without exclusions, one per exclusion and one per term list the branches use; and those lists."""
    operator = topics.operator_of(topic)
    any_branch = _and(" OR ".join(f"({b})" for b in parts.branches), *parts.required)
    exclusions = [f"NOT ({x})" for x in parts.exclusions]
    lists = _positive_lists(any_branch)
    queries = {f"b{n}": _and(b, *parts.required, *exclusions) for n, b in enumerate(parts.branches, 1)}
    queries |= {f"x{n}": x for n, x in enumerate(parts.exclusions, 1)}
    queries |= {"any": any_branch} | {f"list-{n}": f"@{name}" for n, name in enumerate(lists)}
    sub = [
        topic.model_copy(update={"id": key, "query": query, "default_operator": operator, "model": None})
        for key, query in queries.items()
    ]
    return TopicsFile(default_operator=operator, compound_heads=topics.compound_heads, topics=sub), lists


def _tally(counts: ClauseCount, positive: bool, alone: bool) -> None:
    if positive:
        counts.true += 1
        counts.alone_true += alone
    else:
        counts.false += 1
        counts.alone_false += alone


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _numbers(prefix: str, numbers: list[int]) -> str:
    """[1, 2, 3, 5] -> "B1-B3 B5"."""
    runs: list[list[int]] = []
    for n in numbers:
        if runs and runs[-1][-1] == n - 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return " ".join(f"{prefix}{r[0]}" if len(r) == 1 else f"{prefix}{r[0]}-{prefix}{r[-1]}" for r in runs)


def _miss_reason(parts: QueryParts, found: set[str], lists: list[str]) -> str:
    """Why the branches missed a positive passage, in one line that names clauses by number."""
    if "any" in found:
        fired = [n for n in range(1, len(parts.exclusions) + 1) if f"x{n}" in found]
        if fired:
            return "excluded by " + "; ".join(
                f"X{n} NOT {_short(parts.exclusions[n - 1], 50)}" for n in fired
            )
    absent = {name for n, name in enumerate(lists) if f"list-{n}" not in found}
    reason = "no branch matched"
    if parts.required:
        reason += f" with the required {_short(' AND '.join(parts.required), 40)}"
    if absent:
        reason += f": {', '.join(f'@{name}' for name in lists if name in absent)} absent"
    # a branch with every term list it needs failed on distance, on a field scope or on its own NOT
    complete = [n for n, branch in enumerate(parts.branches, 1) if not absent & set(_positive_lists(branch))]
    if complete:
        reason += f"; {_numbers('B', complete)} fail on distance, field or NOT"
    return reason


def score_topic(
    compiled: CompiledTopics, entry: CompiledTopic, passages: list[Passage], topics: TopicsFile | None = None
) -> LabelReport:
    """Precision, recall and every error; with the topics file, also what each branch of the
    query's top-level OR and each exclusion does on the passages."""
    report = LabelReport()
    parts = split_query(entry.topic.query, topics.operator_of(entry.topic)) if topics else None
    sub = lists = None
    if topics is not None and parts is not None:
        sub_file, lists = _clause_topics(topics, entry.topic, parts)
        sub = compile_topics(sub_file)
        broken = {e.topic_id: e.message for e in sub.errors}
        report.branches = [
            ClauseCount(f"B{n}", text, broken.get(f"b{n}")) for n, text in enumerate(parts.branches, 1)
        ]
        report.exclusions = [
            ClauseCount(f"X{n}", text, broken.get(f"x{n}")) for n, text in enumerate(parts.exclusions, 1)
        ]
    for passage in passages:
        doc = compiled.document(title=passage.title, body=passage.text, language=passage.lang)
        result = compiled.evaluate(entry, doc)
        found: set[str] = set()
        if sub is not None:
            sub_doc = sub.document(title=passage.title, body=passage.text, language=passage.lang)
            found = {m.topic_id for m in sub.match(sub_doc, presearch=False)}
            _count_clauses(report, found, passage.positive)
        for tally in (report.overall, report.languages.setdefault(passage.lang or "?", Tally())):
            tally.add(passage.positive, result is not None)
        if passage.positive and not result:
            languages = entry.topic.languages
            if languages and passage.lang and passage.lang not in languages:
                reason = f"language {passage.lang} is not one of the topic's {languages}"
            elif entry.opinion is not None and entry.node.test(doc):
                reason = _model_note(compiled, entry, doc) + ": below `confirm`, the query's match is dropped"
            else:
                if sub is not None:
                    reason = _miss_reason(parts, found, lists)
                else:
                    reason = "failed: " + "; ".join(_failed_clauses(entry.node, doc))
                if entry.opinion is not None:
                    reason += f"; {_model_note(compiled, entry, doc)}"
            report.misses.append(Mistake(passage, reason))
        elif result and not passage.positive:
            by = f"found by the model ({result.model_probability}), " if result.found_by == "model" else ""
            report.false_hits.append(
                Mistake(passage, f"{by}terms {', '.join(result.matched_terms)}: {result.snippet}")
            )
    return report


def _model_note(compiled: CompiledTopics, entry: CompiledTopic, doc: Document) -> str:
    """What the topic's model made of a document the topic did not match."""
    opinion = entry.opinion
    assert opinion is not None  # asked only of a topic with a model
    probability = opinion.model.probability(compiled.model_features(entry, doc))
    scope = "in" if opinion.scope.test(doc) else "out of"
    return f"the model gives {probability:.2f} ({scope} its scope)"


def _count_clauses(report: LabelReport, found: set[str], positive: bool) -> None:
    branches = [n for n in range(1, len(report.branches) + 1) if f"b{n}" in found]
    for n in branches:
        _tally(report.branches[n - 1], positive, alone=len(branches) == 1)
    if "any" in found:
        fired = [n for n in range(1, len(report.exclusions) + 1) if f"x{n}" in found]
        for n in fired:
            _tally(report.exclusions[n - 1], positive, alone=len(fired) == 1)
