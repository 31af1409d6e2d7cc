from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
BENCHMARKS = SHARED / "benchmarks"


@pytest.fixture
def benchmarks_dir() -> Path:
    if not BENCHMARKS.is_dir():
        pytest.skip(f"third-party benchmarks not found at {BENCHMARKS.resolve()} "
                    "(../shared beside the repository); they are never shipped")
    return BENCHMARKS
