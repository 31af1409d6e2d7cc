"""The REST API and web UI over a store: `linkchart serve` (see docs/ui.md)."""

from linkchart.server.api import create_app

__all__ = ["create_app"]
