"""A topic scored on labelled passages: precision, recall per language, and why each error happened.

A labels file is JSON Lines (or YAML with a `passages:` list), one passage per line:
{"id", "lang", "label": "pos" | "neg", "title", "text"} ("body" is read as "text").
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from wirewatch.match.explain import trace
from wirewatch.match.query import AndNode, Node

if TYPE_CHECKING:
    from wirewatch.match import CompiledTopic, CompiledTopics


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
    reason: str  # a miss: the clauses that failed; a false hit: the terms and snippet that matched


@dataclass
class LabelReport:
    overall: Tally = field(default_factory=Tally)
    languages: dict[str, Tally] = field(default_factory=dict)
    misses: list[Mistake] = field(default_factory=list)
    false_hits: list[Mistake] = field(default_factory=list)


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


def _failed_clauses(node: Node, lines: list[str]) -> str:
    """The clauses that were false, as the trace writes them, down to two levels below the top."""
    if not isinstance(node, AndNode):
        return lines[0].strip()
    failed = [line.strip() for line in lines[1:] if line.startswith(("  no ", "    no "))]
    return "; ".join(failed) or lines[0].strip()


def score_topic(compiled: CompiledTopics, entry: CompiledTopic, passages: list[Passage]) -> LabelReport:
    report = LabelReport()
    for passage in passages:
        doc = compiled.document(title=passage.title, body=passage.text, language=passage.lang)
        result = compiled.evaluate(entry, doc)
        tallies = (report.overall, report.languages.setdefault(passage.lang or "?", Tally()))
        for tally in tallies:
            if passage.positive and result:
                tally.true_pos += 1
            elif passage.positive:
                tally.false_neg += 1
            elif result:
                tally.false_pos += 1
            else:
                tally.true_neg += 1
        if passage.positive and not result:
            languages = entry.topic.languages
            if languages and passage.lang and passage.lang not in languages:
                reason = f"language {passage.lang} is not one of the topic's {languages}"
            else:
                reason = _failed_clauses(entry.node, trace(entry.node, doc))
            report.misses.append(Mistake(passage, reason))
        elif result and not passage.positive:
            report.false_hits.append(
                Mistake(passage, f"terms {', '.join(result.matched_terms)}: {result.snippet}")
            )
    return report
