import random
from itertools import combinations

from wirewatch.stories.buckets import MAX_BUCKET, bucket_pairs, key_buckets


def plain_pairs(key_lists):
    holders = {}
    for n, keys in enumerate(key_lists):
        for key in set(keys):
            holders.setdefault(key, []).append(n)
    return {
        pair
        for members in holders.values()
        if len(members) <= MAX_BUCKET
        for pair in combinations(members, 2)
    }


def numpy_pairs(key_lists):
    return {
        (x, y)
        for buckets in key_buckets(key_lists)
        for xs, ys in bucket_pairs(buckets)
        for x, y in zip(xs.tolist(), ys.tolist(), strict=True)
    }


def test_buckets_give_every_pair_sharing_a_key_once():
    rng = random.Random(7)
    # key 0 is held by every article: over MAX_BUCKET, no evidence; some articles hold a key twice
    key_lists = [
        [0, *(rng.randrange(1, 60) for _ in range(rng.randrange(0, 5)))] for _ in range(MAX_BUCKET + 50)
    ]
    key_lists[3] = [5, 5, 5]
    assert numpy_pairs(key_lists) == plain_pairs(key_lists)
    assert all(x < y for x, y in numpy_pairs(key_lists))


def test_no_keys_no_buckets():
    assert list(key_buckets([[], []])) == []
    assert list(key_buckets([])) == []
