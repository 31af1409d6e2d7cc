"""Fetching a page or a feed over HTTP(S): the only network use, and only when a URL is
given to read (or a feed item names one)."""

from __future__ import annotations

import io
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message

from .results import BadInput
from .source import Source

TIMEOUT_S = 30
MAX_BYTES = 20_000_000
USER_AGENT = "linkchart (+https://github.com/linkchart)"
SCHEMES = ("http://", "https://")


@dataclass(frozen=True)
class Url:
    address: str


def is_url(value: str) -> bool:
    return value.lower().startswith(SCHEMES)


@dataclass
class Page:
    """A fetched resource: its final address, its media type, and its body as UTF-8."""
    url: str
    media_type: str
    body: bytes

    def source(self) -> Source:
        return Source(self.url, io.BytesIO(self.body), self.url)


def fetch(url: str) -> Page:
    """GET `url`, following redirects; any failure is BadInput with the reason."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:  # noqa: S310
            data = response.read(MAX_BYTES + 1)
            headers, final = response.headers, response.geturl()
    except urllib.error.HTTPError as error:
        raise BadInput(f"cannot fetch: HTTP {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        raise BadInput(f"cannot fetch: {error.reason}") from None
    except (OSError, ValueError) as error:
        raise BadInput(f"cannot fetch: {error}") from None
    if len(data) > MAX_BYTES:
        raise BadInput(f"cannot fetch: over {MAX_BYTES:,} bytes")
    return Page(final, headers.get_content_type(), _utf8(data, headers))


def _utf8(data: bytes, headers: Message) -> bytes:
    """The body re-encoded as UTF-8 when the server names another charset."""
    charset = (headers.get_content_charset() or "utf-8").lower()
    if charset in ("utf-8", "utf8", "us-ascii", "ascii"):
        return data
    try:
        return data.decode(charset).encode("utf-8")
    except (LookupError, UnicodeDecodeError):
        return data
