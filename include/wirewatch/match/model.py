"""A topic's model: logistic regression over a document's word stems, pairs of stems, and where
the topic's term lists meet.

A query says what an analyst means, but fresh coverage names the troops or the place in ways no
one listed. A model trained on labelled passages (`wirewatch topics train`) weighs every word
instead, so the two disagree on different documents: the topic keeps a query match the model
finds at least plausible, and adds what the model is sure of when the document mentions what the
topic's `scope` asks for. The weights live in a JSON file beside the topics file; scoring is plain
Python, and scikit-learn is needed only to train.

Features are those of scikit-learn's TfidfVectorizer(sublinear_tf=True), computed here: per
feature (1 + ln count) x idf, the vector scaled to length 1 over the features the model knows.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from wirewatch.match.normalize import CHUNK_RE, Normalizer

FORMAT = 1
# a feature seen in fewer training passages says more about those passages than about the topic
MIN_DF = 5
# inverse regularisation strength, chosen by leave-one-file-out scores on the development sets
C = 30.0


class ModelError(ValueError):
    pass


def words(normalizer: Normalizer, text: str, language: str | None) -> list[str]:
    """One token per word position: its Snowball stem ("~de:soldat"), or its folded form when it
    has none (a short word, a language without a stemmer)."""
    out: list[str] = []
    for m in CHUNK_RE.finditer(text):
        tokens, width, _ = normalizer.chunk_tokens(m.group(), language)
        chosen: dict[int, str] = {}
        for token in tokens:
            if token.first != token.last:
                continue  # a hyphenated chunk's joined forms span several positions
            current = chosen.get(token.first)
            # the word's own stem comes before the stems of its compound heads
            if current is None or (token.text.startswith("~") and not current.startswith("~")):
                chosen[token.first] = token.text
        out.extend(chosen[i] for i in range(width) if i in chosen)
    return out


def features(normalizer: Normalizer, title: str, body: str, language: str | None) -> Counter[str]:
    """The counts of each token and each pair of adjacent tokens, in the headline and the body."""
    counts: Counter[str] = Counter()
    for text in (title, body):
        tokens = words(normalizer, text, language)
        counts.update(tokens)
        counts.update(f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False))
    return counts


# a term right after an opening one is a name or a quotation ("the «Kursk» battalion"), not the place
QUOTATION_MARKS = frozenset("\"'«»„“”‚‘’‹›")
# what a mark that opens a quotation follows; after a letter it is an elision or an apostrophe
# ("l'armée", "troops' Kursk"), after punctuation it closes one ('...line." North')
_BEFORE_OPENING = frozenset(" \t\n\u00a0\u202f([{–—-") | QUOTATION_MARKS
_SPACES = " \u00a0\u202f"
# a place of a term list's hit: the list's name, the field, and the body sentence and paragraph
Place = tuple[str, str, int, int]


def quoted(text: str, start: int) -> bool:
    """Whether the term at start follows a quotation mark that opens (a space between them allowed)."""
    i = start
    while i and text[i - 1] in _SPACES:  # from the term back: long texts have many hits
        i -= 1
    if not i or text[i - 1] not in QUOTATION_MARKS:
        return False
    return i == 1 or text[i - 2] in _BEFORE_OPENING


def structure(places: Iterable[Place]) -> Counter[str]:
    """Which of the topic's term lists meet where: each list in the headline ("title:@kursk"), each
    list and pair of lists in one body sentence ("sentence:@kursk+@troops"), each pair in one
    paragraph. Words alone do not say that North Korea and Kursk are in the same sentence."""
    title: set[str] = set()
    sentences: dict[int, set[str]] = {}
    paragraphs: dict[int, set[str]] = {}
    for name, part, sentence, paragraph in places:
        if part == "title":
            title.add(name)
        elif part == "body":
            sentences.setdefault(sentence, set()).add(name)
            paragraphs.setdefault(paragraph, set()).add(name)
    found = {f"title:{name}" for name in title}
    found.update(f"sentence:{name}" for names in sentences.values() for name in names)
    for unit, groups in (("sentence", sentences), ("paragraph", paragraphs)):
        for names in groups.values():
            ordered = sorted(names)
            found.update(f"{unit}:{a}+{b}" for i, a in enumerate(ordered) for b in ordered[i + 1 :])
    return Counter(found)


@dataclass(frozen=True)
class Contribution:
    feature: str
    share: float  # its part of the log-odds: above 0 for the topic, below 0 against


@dataclass
class TopicModel:
    terms: dict[str, tuple[float, float]]  # feature -> (idf, weight)
    bias: float
    trained_on: list[dict] = field(default_factory=list)  # each labels file: path, sha256, passages
    min_df: int = MIN_DF
    c: float = C
    # the topic's term lists when it was trained (term_lists_sha256): its list features come from them
    lists_sha256: str | None = None

    def _known_values(self, counts: Counter[str]) -> tuple[list[tuple[str, float, float]], float]:
        """(feature, tf-idf value, weight) of each feature the model knows, and the values' norm."""
        known = []
        for feature, count in counts.items():
            entry = self.terms.get(feature)
            if entry is not None:
                known.append((feature, (1.0 + math.log(count)) * entry[0], entry[1]))
        norm = math.sqrt(sum(value * value for _, value, _ in known))
        return known, norm

    def probability(self, counts: Counter[str]) -> float:
        known, norm = self._known_values(counts)
        z = self.bias + (sum(value * weight for _, value, weight in known) / norm if norm else 0.0)
        # the logistic function, written so that exp never overflows
        return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))

    def contributions(self, counts: Counter[str], n: int = 6) -> list[Contribution]:
        """The features with the largest part in the decision, for or against: largest first."""
        known, norm = self._known_values(counts)
        if not norm:
            return []
        shares = [Contribution(feature, value * weight / norm) for feature, value, weight in known]
        return sorted(shares, key=lambda c: -abs(c.share))[:n]

    def as_json(self) -> dict:
        return {
            "format": FORMAT,
            "kind": "logistic regression over stems, stem pairs and term lists that meet, sublinear tf-idf, unit length",
            "min_df": self.min_df,
            "c": self.c,
            "trained_on": self.trained_on,
            "term_lists_sha256": self.lists_sha256,
            "bias": self.bias,
            "terms": {f: [round(idf, 6), round(w, 6)] for f, (idf, w) in sorted(self.terms.items())},
        }

    def save(self, path: Path) -> None:
        """JSON with one feature per line, so that a retrained model reads as a diff."""
        data = self.as_json()
        terms = data.pop("terms")
        head = json.dumps(data, ensure_ascii=False)[:-1]
        lines = [f"{json.dumps(f, ensure_ascii=False)}: {json.dumps(entry)}" for f, entry in terms.items()]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f'{head}, "terms": {{\n' + ",\n".join(lines) + "\n}}\n", encoding="utf-8")


def load_model(path: Path) -> TopicModel:
    """A saved model; ModelError names the file and what is wrong with it."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ModelError(f"{path}: cannot read the model: {exc}") from None
    except json.JSONDecodeError as exc:
        raise ModelError(f"{path}: not JSON: {exc.msg} (line {exc.lineno})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ModelError(
            f"{path}: field 'format' must be {FORMAT} (train it again with `wirewatch topics train`)"
        )
    terms, trained_on = data.get("terms"), data.get("trained_on", [])
    if not isinstance(terms, dict) or not isinstance(trained_on, list):
        raise ModelError(f"{path}: field 'terms' must be an object and 'trained_on' a list")
    parsed: dict[str, tuple[float, float]] = {}
    for feature, entry in terms.items():
        if not (isinstance(entry, list) and len(entry) == 2 and all(_finite(x) for x in entry)):
            raise ModelError(f"{path}: field 'terms.{feature}' must be [idf, weight], two finite numbers")
        parsed[feature] = (float(entry[0]), float(entry[1]))
    for key in ("bias", "min_df", "c"):
        if not _finite(data.get(key)):
            raise ModelError(f"{path}: field {key!r} must be a finite number")
    lists_sha256 = data.get("term_lists_sha256")
    if lists_sha256 is not None and not isinstance(lists_sha256, str):
        raise ModelError(f"{path}: field 'term_lists_sha256' must be a string")
    return TopicModel(
        parsed, float(data["bias"]), trained_on, int(data["min_df"]), float(data["c"]), lists_sha256
    )


def _finite(value: object) -> bool:
    # JSON numbers, but not true/false, NaN or Infinity (which json.loads accepts)
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def term_lists_sha256(terms: dict) -> str:
    """A topic's term lists as a digest: a model trained on other lists reads stale list features."""
    return hashlib.sha256(json.dumps(terms, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _matrix(samples: Sequence[Counter[str]], vocabulary: dict[str, int], idf: Sequence[float]):
    from scipy.sparse import csr_matrix

    data: list[float] = []
    columns: list[int] = []
    rows = [0]
    for counts in samples:
        values = [
            (j, (1.0 + math.log(count)) * idf[j])
            for feature, count in counts.items()
            if (j := vocabulary.get(feature)) is not None
        ]
        norm = math.sqrt(sum(v * v for _, v in values)) or 1.0
        for j, v in values:
            columns.append(j)
            data.append(v / norm)
        rows.append(len(columns))
    return csr_matrix((data, columns, rows), shape=(len(samples), len(vocabulary)))


def train(
    samples: Sequence[Counter[str]],
    labels: Sequence[bool],
    trained_on: Iterable[dict] = (),
    min_df: int = MIN_DF,
    c: float = C,
) -> TopicModel:
    """Fit the weights: classes balanced, so the share of positives in the files does not set the bias."""
    from sklearn.linear_model import LogisticRegression

    if len(set(labels)) < 2:
        raise ModelError("training needs both positive and negative passages")
    document_frequency = Counter(feature for counts in samples for feature in counts)
    vocabulary = {
        f: j for j, f in enumerate(sorted(f for f, df in document_frequency.items() if df >= min_df))
    }
    if not vocabulary:
        raise ModelError(f"no word occurs in {min_df} or more of the {len(samples)} passages: label more")
    n = len(samples)
    idf = [0.0] * len(vocabulary)
    for feature, j in vocabulary.items():
        idf[j] = math.log((1 + n) / (1 + document_frequency[feature])) + 1.0
    classifier = LogisticRegression(C=c, max_iter=5000, class_weight="balanced")
    classifier.fit(_matrix(samples, vocabulary, idf), list(labels))
    weights = classifier.coef_[0]
    terms = {feature: (idf[j], float(weights[j])) for feature, j in vocabulary.items()}
    return TopicModel(terms, float(classifier.intercept_[0]), list(trained_on), min_df, c)


def cross_validated(
    samples: Sequence[Counter[str]], labels: Sequence[bool], groups: Sequence[str]
) -> list[float]:
    """Each sample's probability from a model trained on the other groups only (leave one file
    out): how the model does on text it was not trained on."""
    probabilities = [0.0] * len(samples)
    for group in dict.fromkeys(groups):
        held = [i for i, g in enumerate(groups) if g == group]
        rest = [i for i, g in enumerate(groups) if g != group]
        model = train([samples[i] for i in rest], [labels[i] for i in rest])
        for i in held:
            probabilities[i] = model.probability(samples[i])
    return probabilities
