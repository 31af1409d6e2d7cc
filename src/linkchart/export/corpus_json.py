"""linkchart-corpus/1: the store as one JSON object (docs/formats.md, "The corpus form")."""

from __future__ import annotations

import json
from typing import Any, BinaryIO


def write(corpus: dict[str, Any], stream: BinaryIO) -> None:
    stream.write(json.dumps(corpus, ensure_ascii=False, indent=1).encode("utf-8"))
    stream.write(b"\n")
