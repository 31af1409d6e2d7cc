"""The command-line values linkchart.cli.coercion converts without pydantic come out as
typer's own adapters make them, for every parameter of every command, and so do the
errors; a listing command then starts without importing pydantic."""

from pathlib import Path

import pytest
import typer
from typer import _coercion

from linkchart.cli import app, coercion
from linkchart.cli.lazy import LAZY_COMMANDS, load

from test_cli import python, store_path  # noqa: F401 (a fixture)

VALUES = [None, "", "0", "1", "5", "-1", "007", " 5", "1_000", "1.5", "abc", "json", "JSON",
          "csv", "country", "Iran", "-", "/tmp", "/no/such/place", "a\0b", "src",
          "99999999999999999999", 3, True, ["json", "csv"], ["5"], ["a", "b"], ("-1",)]


def commands():
    """(command, its click command) for every command and subcommand of `linkchart`."""
    root = typer.main.get_command(app)
    found = [(name, root.commands.get(name) or load(name))
             for name in [*root.commands, *LAZY_COMMANDS]]
    for name, command in list(found):
        found += [(f"{name} {sub}", c) for sub, c in getattr(command, "commands", {}).items()]
    return [(name, c) for name, c in found if not getattr(c, "commands", None)]


PARAMS = [(f"{name} {param.name}", command, param) for name, command in commands()
          for param in command.params if hasattr(param, "type_descriptor")]


def outcome(convert, value):
    try:
        found = convert(value)
    except Exception as error:
        return type(error).__name__, str(error)
    return type(found).__name__, [str(v) for v in found] if isinstance(found, list) else found


def test_coercion_is_installed_on_this_typer():
    assert coercion.install()
    assert len(PARAMS) > 80


@pytest.mark.parametrize("name, command, param", PARAMS, ids=[p[0] for p in PARAMS])
def test_a_value_is_converted_as_typer_converts_it(name, command, param):
    ctx = typer.Context(command)
    ours = param.get_runtime_param()
    theirs = _coercion.build_runtime_param(param.type_descriptor)
    for value in [*VALUES, param.default]:
        assert outcome(lambda v: ours.coerce(v, param=param, ctx=ctx), value) == \
            outcome(lambda v: theirs.coerce(v, param=param, ctx=ctx), value), value


@pytest.mark.parametrize("args", [["stats"], ["show", "Valoria", "--json"],
                                  ["entities", "--type", "country", "--limit", "3"],
                                  ["events", "--limit", "5"], ["review"]], ids=" ".join)
def test_listing_commands_start_without_pydantic(store_path, args):
    from test_light_commands import imported_by

    output, modules = imported_by(*args, "--db", str(store_path))
    assert output.strip() and "pydantic" not in modules


def test_packs_list_with_a_pack_starts_without_pydantic():
    from test_light_commands import imported_by

    mini = Path(__file__).parent / "fixtures" / "packs" / "mini.yaml"
    output, modules = imported_by("packs", "list", "--pack", str(mini))
    assert "mini" in output and "pydantic" not in modules


def test_a_bad_value_is_reported_as_typer_reports_it(store_path):
    result = python("-m", "linkchart", "stats", "--top", "-1", "--db", str(store_path))
    assert result.returncode == 2
    assert "Invalid value for '--top'" in result.stderr
    assert "greater than or equal to 0" in result.stderr
