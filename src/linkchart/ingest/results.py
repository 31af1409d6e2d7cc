"""What read() yields besides documents, and the options it takes."""

from __future__ import annotations

from dataclasses import dataclass, field

from linkchart.config import DEFAULT_MAX_CHARS

FIELDS = ("id", "title", "outlet", "published", "url", "text")


@dataclass
class ReadFailure:
    """A source, or one item in it, that could not be read, and why."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass
class Duplicate:
    """A document whose text is an exact duplicate of one already read."""

    path: str
    of_id: str


@dataclass
class IngestOptions:
    max_chars: int = DEFAULT_MAX_CHARS
    field_map: dict[str, str] = field(default_factory=dict)
    """Our field name -> the input's field name, e.g. {"text": "content_original"}."""
    recursive: bool = True
    deduplicate: bool = True
    follow_links: bool = True
    """Fetch the page a feed item links to when the feed carries only a summary."""

    def __post_init__(self) -> None:
        unknown = sorted(set(self.field_map) - set(FIELDS))
        if unknown:
            raise ValueError(f"field_map: unknown field {', '.join(map(repr, unknown))} "
                             f"(the fields are {', '.join(FIELDS)})")


class BadInput(Exception):
    """Raised inside the readers; read() turns it into a ReadFailure."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason
