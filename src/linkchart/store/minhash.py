"""MinHash signatures of texts, for finding one story printed by several outlets.

A text is the set of its five-word shingles; two texts' signatures agree in about the
share of positions that equals the Jaccard similarity of those sets. Signatures are cut
into bands of two positions: two texts that share a band are candidates, and with 64
bands a pair at similarity 0.5 shares one all but always (1 - 0.75^64), while texts that
share no passage almost never do."""

from __future__ import annotations

import re
import zlib
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

SHINGLE_WORDS = 5
PERMUTATIONS = 128
ROWS_PER_BAND = 2
MIN_SHINGLES = 20
"""Shorter texts get no signature: a few shared phrases would make them look copied."""
_PRIME = (1 << 61) - 1
_WORD = re.compile(r"\w+")


@cache
def _numpy():
    """numpy and the permutations, on the first use: a command that reads a store (and
    writes no document) does not import numpy."""
    import numpy

    rng = numpy.random.default_rng(20_260_307)
    return (numpy, rng.integers(1, 1 << 31, PERMUTATIONS, dtype=numpy.uint64),
            rng.integers(0, 1 << 31, PERMUTATIONS, dtype=numpy.uint64))


def signature(text: str) -> np.ndarray | None:
    """The text's MinHash signature (PERMUTATIONS unsigned 32-bit values); None for a
    text of fewer than MIN_SHINGLES shingles."""
    words = _WORD.findall(text.casefold())
    shingles = {" ".join(words[i:i + SHINGLE_WORDS])
                for i in range(len(words) - SHINGLE_WORDS + 1)}
    if len(shingles) < MIN_SHINGLES:
        return None
    np, multipliers, offsets = _numpy()
    hashes = np.fromiter((zlib.crc32(s.encode("utf-8")) for s in shingles), np.uint64,
                         len(shingles))
    permuted = (np.outer(multipliers, hashes) + offsets[:, None]) % np.uint64(_PRIME)
    return (permuted & np.uint64(0xFFFFFFFF)).min(axis=1).astype(np.uint32)


def bands(sig: np.ndarray) -> list[str]:
    """The signature's band keys: the band's number and its values."""
    rows = sig.reshape(-1, ROWS_PER_BAND)
    return [f"{i}:" + "".join(f"{value:08x}" for value in row) for i, row in enumerate(rows)]


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """The estimated Jaccard similarity of the two texts' shingles."""
    return float((a == b).mean())


def to_bytes(sig: np.ndarray) -> bytes:
    return sig.astype("<u4").tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    np = _numpy()[0]
    return np.frombuffer(data, dtype="<u4").astype(np.uint32)
