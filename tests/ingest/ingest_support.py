"""Helpers for the ingest tests (a plain module, so no conftest name clashes)."""

from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"


def write(directory: Path, name: str, content: str | bytes) -> Path:
    """A file under `directory`, from str (UTF-8, as is) or bytes."""
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path
