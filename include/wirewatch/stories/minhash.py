"""MinHash signatures (datasketch) and LSH band keys.

Two articles become candidates when all `rows` values of at least one of the `bands` bands of
their signatures agree; the chance of that is 1 - (1 - J^rows)^bands for Jaccard similarity J.
The banding is done here rather than with datasketch's MinHashLSH because the band keys live in
the warehouse (one indexed BIGINT per band), so an article fetched days later finds the earlier
copies with one SQL lookup instead of an in-memory index rebuilt every run.
"""

from __future__ import annotations

import hashlib

import numpy as np
from datasketch import MinHash

from wirewatch.stories.shingles import fmix64

_SCHEME = "affine32"
_U64 = np.uint64


_MAX32 = np.uint32(0xFFFFFFFF)


def _fmix32(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finaliser, as datasketch pre-mixes each value in its affine32 scheme."""
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def candidate_probability(jaccard: float, bands: int, rows: int) -> float:
    return 1.0 - (1.0 - jaccard**rows) ** bands


class Signer:
    """Signatures and band keys for one LSH layout; `scheme` names the layout, stored with the keys."""

    def __init__(self, num_perm: int, bands: int, rows: int, seed: int = 1, salt: str = "") -> None:
        if bands * rows > num_perm:
            raise ValueError(f"bands x rows = {bands * rows} exceeds num_perm = {num_perm}")
        self.num_perm, self.bands, self.rows, self.seed = num_perm, bands, rows, seed
        self._permutations = MinHash(num_perm=num_perm, seed=seed, scheme=_SCHEME).permutations
        self.scheme = f"mh{num_perm}-s{seed}-b{bands}r{rows}{'-' + salt if salt else ''}"
        digest = hashlib.blake2b(self.scheme.encode(), digest_size=8).digest()
        with np.errstate(over="ignore"):
            self._band_salt = fmix64(
                np.arange(bands, dtype=_U64) * _U64(0x9E3779B97F4A7C15) + _U64(int.from_bytes(digest, "big"))
            )

    def signature(self, shingles: np.ndarray) -> np.ndarray:
        """The MinHash of a set of 32-bit shingle ids: datasketch's affine32 scheme (the ids are already
        hashed, so its hash function is the identity), computed in one numpy step instead of
        datasketch's Python loop over the values."""
        if not shingles.size:
            return np.full(self.num_perm, _MAX32, dtype=np.uint32)
        a, b = self._permutations
        with np.errstate(over="ignore"):
            mixed = _fmix32(shingles.astype(np.uint32))[:, None]
            return (mixed * a + b).min(axis=0)

    def band_keys(self, signature: np.ndarray) -> list[int]:
        """One signed 64-bit key per band (fits a BIGINT column on SQLite and PostgreSQL)."""
        return self.band_keys_of(signature[None, :])[0].tolist()

    def band_keys_of(self, signatures: np.ndarray) -> np.ndarray:
        """The band keys of many signatures at once (one row each): one numpy pass for a batch."""
        values = signatures[:, : self.bands * self.rows].astype(_U64).reshape(-1, self.bands, self.rows)
        acc = np.broadcast_to(self._band_salt, values.shape[:2])
        with np.errstate(over="ignore"):
            for column in range(self.rows):
                acc = fmix64(acc ^ values[:, :, column]) * _U64(0x9E3779B97F4A7C15)
        return acc.view(np.int64)
