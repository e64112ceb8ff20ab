"""Story clustering at scale: 10,000 / 30,000 / 100,000 synthetic articles on one core.

The articles are word salad over a Zipf-distributed vocabulary of 60,000 words (so common words
and shingles repeat as in real text), 260 words on average in four to eight paragraphs, spread
over one 7-day window, a third of them edited copies of an earlier article. They are in German,
French and English, signed by one of four agencies or none, and each original names a few people
and places (capitalised words) and figures; one copy in ten is a "translation": every other
word replaced, the names and figures kept in their places, in another language, so the
translation layer finds candidates and aligns them. For each size the
whole batch goes through wirewatch.stories.Clusterer (parse, boilerplate, MinHash, LSH,
verification, union), after a warm-up batch. Prints the seconds per size, the growth exponent
between 10k and 100k (targets: 100k within 60 s, exponent <= 1.15), and the ratio against exact
pairwise comparison at 10k in the same run, two ways: comparing every pair's shingle sets one
pair at a time (timed on 200,000 random pairs and scaled to all 50 million), and all pairs at
once as one sparse matrix product (scipy), which also shows which pairs over the thresholds LSH
did not put together.

    python -m benchmarks.dedup_scale [--sizes 10000 30000 100000]
"""

from __future__ import annotations

import os

for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")  # one core, also for numpy's linear algebra

import argparse  # noqa: E402
import math  # noqa: E402
import time  # noqa: E402
from datetime import UTC, datetime, timedelta  # noqa: E402

import numpy as np  # noqa: E402

from wirewatch.config import DedupeSettings  # noqa: E402
from wirewatch.stories import Clusterer, Doc  # noqa: E402
from wirewatch.stories.shingles import parse, shingles  # noqa: E402

START = datetime(2025, 3, 3, tzinfo=UTC)
_LETTERS = np.array(list("abcdefghijklmnopqrstuvwxyzäöüéè"))


def vocabulary(size: int, rng: np.random.Generator) -> list[str]:
    lengths = rng.integers(2, 12, size)
    words = {"".join(rng.choice(_LETTERS, n)) for n in lengths}
    return sorted(words)


LANGUAGES = ("de", "fr", "en")
AGENCIES = ("ATS", "AFP", "dpa", "Reuters", None)


def synthetic(count: int, seed: int = 11) -> list[Doc]:
    words = vocabulary(60_000, np.random.default_rng(0))
    names = [w.capitalize() for w in vocabulary(8_000, np.random.default_rng(1))]
    rng = np.random.default_rng(seed)
    weights = 1.0 / np.arange(1, len(words) + 1) ** 1.05
    weights /= weights.sum()
    docs: list[Doc] = []
    bodies: list[tuple[list[str], str, str | None]] = []
    for n in range(count):
        time = START + timedelta(seconds=float(rng.uniform(0, 7 * 86400)))
        if bodies and rng.random() < 1 / 3:
            original, language, agency = bodies[int(rng.integers(len(bodies)))]
            paragraphs = list(original)
            if rng.random() < 0.1:  # a translation: other words, the same names and figures
                language = LANGUAGES[(LANGUAGES.index(language) + 1) % 3]
                paragraphs = [
                    " ".join(w if w[0].isupper() or w[0].isdigit() else words[int(rng.integers(len(words)))]
                             for w in p.split())
                    for p in paragraphs
                ]  # fmt: skip
            if len(paragraphs) > 3 and rng.random() < 0.5:
                paragraphs.pop(int(rng.integers(1, len(paragraphs))))
            first = paragraphs[0].split()
            first[int(rng.integers(len(first)))] = words[int(rng.integers(len(words)))]
            paragraphs[0] = " ".join(first)
            if rng.random() < 0.5:
                paragraphs.append("mehr lesen sie auf unserer startseite")
        else:
            language = LANGUAGES[int(rng.integers(3))]
            agency = AGENCIES[int(rng.integers(len(AGENCIES)))]
            sizes = rng.integers(20, 70, int(rng.integers(4, 9)))
            picks = rng.choice(len(words), int(sizes.sum()), p=weights)
            paragraphs, at = [], 0
            for size in sizes:
                chosen = [words[i] for i in picks[at : at + size]]
                chosen[int(rng.integers(1, size))] = names[int(rng.integers(len(names)))]
                if rng.random() < 0.5:
                    chosen[int(rng.integers(1, size))] = str(int(rng.integers(100, 100_000)))
                paragraphs.append(" ".join(chosen) + ".")
                at += size
            bodies.append((paragraphs, language, agency))
        doc = Doc(f"a{n}", "\n".join(paragraphs), f"outlet{n % 50}", time, language=language, agency=agency)
        docs.append(doc)
    return docs


def pair_by_pair_seconds(docs: list[Doc], settings: DedupeSettings, sample: int = 200_000) -> float:
    """Seconds to compare all pairs one at a time, from a timed random sample of pairs."""
    from wirewatch.stories.similarity import overlap

    started = time.perf_counter()
    sets = [shingles(parse(doc.body), settings.shingle_words) for doc in docs]
    preparing = time.perf_counter() - started
    rng = np.random.default_rng(5)
    a, b = rng.integers(len(sets), size=(2, sample))
    started = time.perf_counter()
    for i, j in zip(a.tolist(), b.tolist(), strict=True):
        overlap(sets[i], sets[j])
    per_pair = (time.perf_counter() - started) / sample
    return preparing + per_pair * len(docs) * (len(docs) - 1) / 2


def exact_pairs(docs: list[Doc], settings: DedupeSettings) -> tuple[set[tuple[str, str]], float]:
    """Every pair's exact Jaccard and containment over the same shingles, via X @ X.T."""
    from scipy import sparse

    started = time.perf_counter()
    sets = [shingles(parse(doc.body), settings.shingle_words) for doc in docs]
    ids, columns = np.unique(np.concatenate(sets), return_inverse=True)
    rows = np.repeat(np.arange(len(sets)), [s.size for s in sets])
    matrix = sparse.csr_matrix(
        (np.ones(rows.size, dtype=np.int32), (rows, columns)), shape=(len(sets), ids.size)
    )
    shared = sparse.triu(matrix @ matrix.T, k=1).tocoo()
    size = np.array([s.size for s in sets])
    a, b, inter = shared.row, shared.col, shared.data
    jaccard = inter / (size[a] + size[b] - inter)
    containment = inter / np.minimum(size[a], size[b])
    keep = (inter >= settings.min_shared_shingles) & (
        (jaccard >= settings.min_jaccard) | (containment >= settings.min_containment)
    )
    seconds = time.perf_counter() - started
    return {(docs[i].id, docs[j].id) for i, j in zip(a[keep], b[keep], strict=True)}, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 30_000, 100_000])
    args = parser.parse_args()
    settings = DedupeSettings()
    print(
        f"settings: {settings.shingle_words}-word shingles, {settings.num_perm} permutations, "
        f"{settings.lsh_bands} bands x {settings.lsh_rows} rows, one core"
    )
    # a warm-up batch first, as in a worker that has seen the vocabulary: otherwise the first size
    # alone pays for learning the words and the growth exponent comes out too low
    Clusterer(settings).cluster(synthetic(2_000, seed=3))
    timings: dict[int, float] = {}
    baseline_docs: list[Doc] = []
    baseline_result = None
    for size in args.sizes:
        docs = synthetic(size)
        started = time.perf_counter()
        result = Clusterer(settings).cluster(docs)
        timings[size] = time.perf_counter() - started
        stories = len(set(result.assignments.values()))
        print(
            f"{size:>7} articles: {timings[size]:6.1f} s  ({stories} stories, {result.candidates} candidate pairs,"
            f" {len(result.translations)} translation links)"
        )
        if size == args.sizes[0]:
            baseline_docs, baseline_result = docs, result
    low, high = min(timings), max(timings)
    if high > low:
        exponent = math.log(timings[high] / timings[low]) / math.log(high / low)
        print(f"growth exponent {low}..{high}: {exponent:.2f} (target <= 1.15)")
    if high >= 100_000:
        print(f"100,000 articles in {timings[high]:.1f} s (target <= 60 s)")
    n = len(baseline_docs)
    naive = pair_by_pair_seconds(baseline_docs, settings)
    pairs, exact_seconds = exact_pairs(baseline_docs, settings)
    print(
        f"exact comparison of all {n * (n - 1) // 2:,} pairs of the {n} articles, vs LSH clustering {timings[n]:.1f} s:"
    )
    print(
        f"  pair by pair (scaled from 200,000 timed pairs): {naive:8.1f} s, ratio {naive / timings[n]:.0f}x"
    )
    print(
        f"  as one sparse matrix product (scipy):          {exact_seconds:8.1f} s, ratio {exact_seconds / timings[n]:.1f}x"
    )
    assert baseline_result is not None
    assigned = baseline_result.assignments
    together = sum(assigned[a] == assigned[b] for a, b in pairs)
    print(
        f"pairs over the thresholds by exact comparison: {len(pairs)}; clustered together by LSH: "
        f"{together} ({together / max(len(pairs), 1):.4f})"
    )


if __name__ == "__main__":
    main()
