"""`linkchart serve`: the chart in the browser. Registered by linkchart.cli."""

from __future__ import annotations

import gc
import os
import secrets
from pathlib import Path
from typing import Optional

import typer

from linkchart.cli.common import DbOption, errors


def register(app: typer.Typer) -> None:
    app.command()(serve)


def serve(db: Optional[str] = DbOption,
          host: str = typer.Option("127.0.0.1", help="Address to bind; any address other "
                                   "than loopback needs --token"),
          port: int = typer.Option(8000, help="Port to listen on"),
          token: Optional[str] = typer.Option(None, envvar="LINKCHART_TOKEN",
                                              help="Require this token (Bearer header, or "
                                              "the ?token= link printed at start)"),
          new_token: bool = typer.Option(False, "--new-token",
                                         help="Make up a random token and print its link")):
    """Serve the REST API (OpenAPI at /docs) and the web UI of a store."""
    import uvicorn

    from linkchart.config import database_url
    from linkchart.server.api import create_app
    from linkchart.server.security import LOOPBACK_NAMES, is_loopback

    if new_token and not token:
        token = secrets.token_urlsafe(24)
    loopback = is_loopback(host)
    if not loopback and not token:
        errors.print(f"[red]error:[/red] refusing to serve on {host} without a token: anyone "
                      "who can reach it could read the chart. Add --token SECRET (or set "
                      "LINKCHART_TOKEN), or --new-token.")
        raise typer.Exit(2)
    url = database_url(db)
    if url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).exists():
        errors.print(f"[red]error:[/red] no store at {url.removeprefix('sqlite:///')}; "
                      "run `linkchart demo` or `linkchart ingest` first, or pass --db.")
        raise typer.Exit(2)
    allowed = tuple(dict.fromkeys([*LOOPBACK_NAMES, host])) if loopback else None
    app = create_app(url, token, allowed_hosts=allowed)
    shown = f"[{host}]" if ":" in host else host
    link = f"http://{shown}:{port}/" + (f"?token={token}" if token else "")
    errors.print(f"linkchart: serving {url.removeprefix('sqlite:///')} at [bold]{link}[/bold]"
                  f"  (API docs at /docs; Ctrl-C to stop)", soft_wrap=True)
    # What start-up made (modules, the app) stays out of every later garbage collection:
    # a chart of thousands of edges no longer makes the collector walk it all again.
    gc.freeze()
    uvicorn.run(app, host=host, port=port, log_level=os.environ.get("LINKCHART_LOG", "warning"),
                access_log=False)
