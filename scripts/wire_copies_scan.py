"""How many near copies the wire-copy detection finds among the first N articles of a
JSONL(.gz) corpus: every pair sharing a MinHash band is scored; the pairs at or above the
threshold are listed with their outlets and first words.

    PYTHONPATH=src python scripts/wire_copies_scan.py ../shared/corpus/bulk/news-10k.jsonl.gz
"""

from __future__ import annotations

import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from linkchart.evaluate.speed import read_corpus
from linkchart.store import minhash
from linkchart.store.copies import COPY_SIMILARITY


def main(corpus: str, n: str | None = None) -> None:
    documents = read_corpus(Path(corpus), int(n) if n else None)
    start = time.perf_counter()
    signatures = [minhash.signature(d.text) for d in documents]
    per_document = (time.perf_counter() - start) / len(documents)
    by_band: dict[str, list[int]] = defaultdict(list)
    pairs: set[tuple[int, int]] = set()
    for i, signature in enumerate(signatures):
        for band in minhash.bands(signature) if signature is not None else ():
            pairs.update((j, i) for j in by_band[band])
            by_band[band].append(i)
    scored = sorted(((minhash.similarity(signatures[j], signatures[i]), j, i)
                     for j, i in pairs), reverse=True)
    copies = [s for s in scored if s[0] >= COPY_SIMILARITY]
    print(f"{len(documents)} documents, {per_document * 1000:.2f} ms a signature, "
          f"{len(pairs)} candidate pairs, {len(copies)} at {COPY_SIMILARITY} or more")
    print("candidates by similarity:", dict(sorted(Counter(round(s, 1) for s, _, _ in
                                                           scored).items())))
    for score, j, i in copies:
        print(f"{score:.2f}  {documents[j].outlet!r} {documents[j].text[:60]!r}  ~  "
              f"{documents[i].outlet!r} {documents[i].text[:60]!r}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
