"""Opening a file or stdin as bytes: gzip, BOM, binary and empty checks, strict UTF-8."""

from __future__ import annotations

import gzip
import io
import sys
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from .results import BadInput

HEAD_BYTES = 8192
BOM = b"\xef\xbb\xbf"
STDIN_NAME = "<stdin>"
BINARY_SIGNATURES = {
    b"%PDF": "a PDF document", b"PK\x03\x04": "a ZIP archive or Office document",
    b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image",
    b"\x1f\x8b": "gzip-compressed data", b"{\\rtf": "an RTF document",
    b"\xd0\xcf\x11\xe0": "an old Office document",
}


class Source:
    """One stream of bytes: the first HEAD_BYTES read ahead for sniffing, then the rest."""

    def __init__(self, name: str, stream: BinaryIO, stem: str | None = None):
        self.name = name
        self.stem = stem
        self._stream = stream
        with _io_errors():
            head = stream.read(HEAD_BYTES)
        self.bom = len(BOM) if head.startswith(BOM) else 0
        self.head = head[self.bom:]
        self._complete = len(head) < HEAD_BYTES

    def check(self) -> None:
        if not self.head:
            raise BadInput("empty file")
        if self._complete and not self.head.strip():
            raise BadInput("empty file (only whitespace)")
        if self.head.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise BadInput("UTF-16 text; only UTF-8 is read (save the file as UTF-8)")
        for signature, kind in BINARY_SIGNATURES.items():
            if self.head.startswith(signature):
                raise BadInput(f"binary file ({kind})")
        nul = self.head.find(b"\0")
        if nul >= 0:
            raise BadInput(f"binary file (NUL byte at byte {nul + self.bom})")

    def read_all(self) -> bytes:
        with _io_errors():
            return self.head + self._stream.read()

    def stream(self) -> BinaryIO:
        """The whole stream, the head read ahead included, for readers that parse it."""
        return io.BufferedReader(_Joined(self.head, self._stream))

    def lines(self) -> Iterator[bytes]:
        with _io_errors():
            for line in io.BytesIO(self.head):
                if not line.endswith(b"\n"):
                    line += self._stream.readline()
                yield line
            yield from self._stream

    def decode(self, data: bytes, offset: int = 0) -> str:
        """`data` as UTF-8; `offset` is where it starts in the stream, after any BOM."""
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise BadInput(f"not valid UTF-8 at byte {self.bom + offset + error.start}") from None


class _Joined(io.RawIOBase):
    """`head` then the rest of `stream`, as one stream (errors as BadInput)."""

    def __init__(self, head: bytes, stream: BinaryIO):
        self._head = memoryview(head)
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._head:
            size = min(len(buffer), len(self._head))
            buffer[:size] = self._head[:size]
            self._head = self._head[size:]
            return size
        with _io_errors():
            data = self._stream.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)


@contextmanager
def open_path(path: Path, stem: str | None) -> Iterator[Source]:
    try:
        raw = path.open("rb")
    except OSError as error:
        raise BadInput(_describe(error)) from None
    except ValueError as error:
        raise BadInput(f"invalid path ({error})") from None
    with raw:
        stream = gzip.GzipFile(fileobj=raw, mode="rb") if path.name.lower().endswith(".gz") else raw
        yield Source(str(path), stream, stem)


def open_stdin() -> Source:
    if sys.stdin is None:
        raise BadInput("no standard input")
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        stream = io.BytesIO(sys.stdin.read().encode("utf-8"))
    return Source(STDIN_NAME, stream)


@contextmanager
def _io_errors() -> Iterator[None]:
    try:
        yield
    except gzip.BadGzipFile as error:
        raise BadInput(f"not a valid gzip file ({error})") from None
    except EOFError:
        raise BadInput("truncated gzip file (it ends before the end-of-stream marker)") from None
    except zlib.error as error:
        raise BadInput(f"corrupt gzip data ({error})") from None
    except OSError as error:
        raise BadInput(_describe(error)) from None


def _describe(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "no such file or directory"
    if isinstance(error, PermissionError):
        return "cannot read: permission denied"
    if isinstance(error, IsADirectoryError):
        return "is a directory"
    return f"cannot read: {error.strerror or error}"
