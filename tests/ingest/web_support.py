"""A throw-away HTTP server on 127.0.0.1, and pages written for these tests."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PARAGRAPHS = [
    "The harbour authority of Port Velmar said on Tuesday that the northern pier would "
    "close for repairs after a cargo ship struck it during a storm late on Sunday night.",
    "Engineers from the Velmar Works Company inspected the damage and reported that two "
    "concrete supports had cracked, although nobody was hurt in the collision.",
    "Mayor Ilse Drommand told reporters that ferries to the islands would leave from the "
    "southern quay until the work is finished, which she expects to take six weeks.",
    "Fishermen who moor at the pier said the closure would cost them a season of trade, "
    "and their association asked the council for help with the cost of moving their boats.",
    "The shipping line that owns the vessel said its captain had followed the harbour "
    "master's instructions and that it would cooperate fully with the inquiry.",
]


def article_html(title: str, paragraphs: list[str] = PARAGRAPHS) -> str:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html><head><title>{title}</title>"
            f'<meta property="og:site_name" content="Velmar Courier"></head>'
            f"<body><article><h1>{title}</h1>{body}</article></body></html>")


class _Handler(BaseHTTPRequestHandler):
    pages: dict[str, tuple[str, bytes]] = {}

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        found = self.pages.get(self.path)
        if found is None:
            self.send_error(404, "Not Found")
            return
        media_type, body = found
        self.send_response(200)
        self.send_header("Content-Type", media_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@contextmanager
def serving(pages: dict[str, tuple[str, str | bytes]]) -> Iterator[str]:
    """Serve `pages` (path -> (media type, body)) on a free port; yields the base URL."""
    handler = type("Handler", (_Handler,), {"pages": {
        path: (kind, body.encode("utf-8") if isinstance(body, str) else body)
        for path, (kind, body) in pages.items()}})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
