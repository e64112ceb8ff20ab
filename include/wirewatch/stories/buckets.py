"""Articles that share an index key, found with one numpy sort: the candidate step of the copy index
(MinHash band keys) and of the translation index (anchor keys).

A bucket is the articles holding one key. Expanding buckets pair by pair in Python grows with the
square of their size, so pairs come out of index arrays, one bucket size at a time.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import chain

import numpy as np

MAX_BUCKET = 100  # a key held by more articles is as common as a stop word: no evidence
PAIRS_PER_STEP = 4_000_000  # bounds the memory of one step of pair expansion


def key_buckets(key_lists: Sequence[Sequence[int]]) -> Iterator[np.ndarray]:
    """For each bucket size, the buckets of that size as rows of article positions (in `key_lists`),
    ascending. Buckets of one article, or of more than MAX_BUCKET, are left out."""
    lengths = [len(keys) for keys in key_lists]
    flat = np.fromiter(chain.from_iterable(key_lists), dtype=np.int64, count=sum(lengths))
    if not flat.size:
        return
    who = np.repeat(np.arange(len(key_lists), dtype=np.int64), lengths)
    order = np.lexsort((who, flat))
    flat, who = flat[order], who[order]
    # an article that holds a key twice is in its bucket once
    once = np.r_[True, (flat[1:] != flat[:-1]) | (who[1:] != who[:-1])]
    flat, who = flat[once], who[once]
    starts = np.flatnonzero(np.r_[True, flat[1:] != flat[:-1], True])
    sizes = np.diff(starts)
    starts = starts[:-1]
    for size in np.unique(sizes[(sizes > 1) & (sizes <= MAX_BUCKET)]).tolist():
        yield who[starts[sizes == size, None] + np.arange(size)]


def bucket_pairs(buckets: np.ndarray) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Every pair (x, y), x < y, of each bucket's articles, at most PAIRS_PER_STEP pairs a step."""
    first, second = np.triu_indices(buckets.shape[1], 1)
    step = max(1, PAIRS_PER_STEP // first.size)
    for n in range(0, len(buckets), step):
        rows = buckets[n : n + step]
        yield rows[:, first].ravel(), rows[:, second].ravel()
