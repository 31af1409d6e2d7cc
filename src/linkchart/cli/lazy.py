"""Commands that live beside their subject (measuring, serving, reviewing), loaded only
when they run, so that `linkchart --help` does not import spaCy, SQLAlchemy or FastAPI.

Each module has `register(app)`, which adds its commands to a Typer app. The table below
holds what `--help` shows for them; a test checks it against the commands themselves.
"""

from __future__ import annotations

import importlib
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

LAZY_COMMANDS: dict[str, tuple[str, str]] = {
    # command: (module with register(app), the one-line help --help shows)
    "analyze": ("linkchart.cli.analyze",
                "Find the patterns behind the reporting, each finding with its evidence."),
    "evaluate": ("linkchart.cli.measure",
                 "Score extraction against gold annotations, or run a third-party benchmark."),
    "benchmark": ("linkchart.cli.measure", "Measure throughput and memory."),
    "serve": ("linkchart.cli.serve",
              "Serve the REST API (OpenAPI at /docs) and the web UI of a store."),
    "review": ("linkchart.cli.review",
               "The resolution review queue: pairs of entities that may be one actor."),
    "merge": ("linkchart.cli.review", "These entities are one actor (the oldest id stays)."),
    "split": ("linkchart.cli.review",
              "Part of this entity is another actor: move those mentions to an entity "
              "of their own"),
    "not-same": ("linkchart.cli.review",
                 "These two entities are different actors: never merge them."),
    "retype": ("linkchart.cli.review", "Give an entity its right type."),
    "rename": ("linkchart.cli.review", "Set an entity's canonical (display) name; the old one stays an alias."),
    "reject": ("linkchart.cli.review",
               "A machine-extracted fact is wrong: remove it, now and from every "
               "re-extraction."),
    "add-fact": ("linkchart.cli.review",
                 "Add a relation the machine missed, with its evidence (no evidence, no edge)."),
    "judgements": ("linkchart.cli.review",
                   "Analysts' judgements: list, export, import, withdraw."),
    "resolve-timing": ("linkchart.cli.review",
                       "Resolution's share of ingest time (docs/performance.md, \"Resolution\")."),
}


def load(name: str) -> Any:
    """The real command `name`, from its module's register(app)."""
    module = importlib.import_module(LAZY_COMMANDS[name][0])
    holder = typer.Typer()
    holder.callback()(lambda: None)  # a group even when the module adds one command
    module.register(holder)
    group = typer.main.get_command(holder)
    return getattr(group, "commands", {}).get(name)


class LazyGroup(TyperGroup):
    """A Typer group that lists LAZY_COMMANDS by name and imports one when it runs."""

    resolving = False

    def list_commands(self, ctx: Any) -> list[str]:
        return [*super().list_commands(ctx), *(n for n in LAZY_COMMANDS if n not in self.commands)]

    def resolve_command(self, ctx: Any, args: list[str]):
        self.resolving = True
        try:
            return super().resolve_command(ctx, args)
        finally:
            self.resolving = False

    def get_command(self, ctx: Any, name: str) -> Any:
        found = super().get_command(ctx, name)
        if found is not None or name not in LAZY_COMMANDS:
            return found
        if not self.resolving:  # listed in --help: its line is enough
            return TyperCommand(name, help=LAZY_COMMANDS[name][1], callback=None)
        command = load(name)
        if command is not None:
            self.commands[name] = command
        return command
