"""The commands that only read a store (the listings, `export` in every format but
FollowTheMoney's, `analyze` with or without a period) import neither SQLAlchemy nor the
resolver, nor pydantic
(linkchart.store.light reads it): each run in a fresh interpreter, which then lists what
it imported. Their output is the Store's (tests/store/test_light_store.py)."""

import json

import pytest

from test_cli import python, store_path  # noqa: F401 (a fixture)

LIGHT_COMMANDS = [["stats"], ["stats", "--json"], ["entities", "--search", "coast"],
                  ["entities", "--json"], ["events"], ["events", "--entity", "E1", "--json"],
                  ["show", "Valoria"], ["show", "E1", "--json"], ["judgements", "list"],
                  ["review"], ["review", "--json"], ["export", "--format", "json"],
                  ["export", "--format", "plover"], ["export", "--format", "cypher"],
                  ["analyze", "chains"], ["analyze", "principals", "--entity", "E1"],
                  ["analyze", "directives", "--json"], ["analyze", "fronts"],
                  ["analyze", "contradictions"], ["analyze", "brokers", "--json"],
                  ["analyze", "sourcing", "--entity", "Valoria"],
                  ["analyze", "sourcing", "--tie", "member_of:E1:E2", "--min-sources", "2"],
                  ["analyze", "chains", "--from", "2020"],
                  ["analyze", "brokers", "--from", "2021", "--to", "2022-06", "--json"]]
HEAVY = ("sqlalchemy", "alembic", "linkchart.resolve", "linkchart.store.repository",
         "spacy", "pydantic")


def imported_by(*args: str) -> tuple[str, list[str]]:
    """What `linkchart ARGS` prints, and the modules it imported."""
    probe = ("import sys\n"
             f"sys.argv = ['linkchart', *{list(args)!r}]\n"
             "from linkchart.cli import main\n"
             "try:\n    main()\nexcept SystemExit:\n    pass\n"
             "print('\\nMODULES', *sorted(sys.modules))")
    result = python("-c", probe)
    output, _, modules = result.stdout.rpartition("\nMODULES ")
    assert modules, result.stdout + result.stderr
    return output, modules.split()


@pytest.mark.parametrize("args", LIGHT_COMMANDS, ids=" ".join)
def test_listing_commands_read_without_sqlalchemy_or_the_resolver(store_path, args):
    output, modules = imported_by(*args, "--db", str(store_path))
    assert output.strip(), "the command printed nothing"
    assert "linkchart.store.light" in modules
    assert not [m for m in HEAVY if m in modules]


def test_only_brokers_imports_numpy(store_path):
    """numpy is for brokers' betweenness, imported when it runs."""
    for kind in ("chains", "directives", "fronts", "contradictions", "sourcing"):
        assert "numpy" not in imported_by("analyze", kind, "--db", str(store_path))[1]
    assert "numpy" in imported_by("analyze", "brokers", "--db", str(store_path))[1]


def test_a_store_to_upgrade_is_opened_by_the_store(tmp_path):
    """A store at no revision (here an empty file) is left to the Store, which creates
    the tables, as before."""
    empty = tmp_path / "empty.db"
    empty.touch()
    output, modules = imported_by("stats", "--json", "--db", str(empty))
    assert json.loads(output)["documents"] == 0
    assert "sqlalchemy" in modules
    output, modules = imported_by("stats", "--json", "--db", str(empty))
    assert json.loads(output)["documents"] == 0 and "sqlalchemy" not in modules


@pytest.mark.parametrize("args", [["packs", "list"], ["packs", "validate"]], ids=" ".join)
def test_packs_are_read_without_spacy(args):
    output, modules = imported_by(*args)
    assert "actors" in output
    assert "spacy" not in modules and "linkchart.nlp.packs" in modules
