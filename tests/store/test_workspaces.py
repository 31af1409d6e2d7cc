"""Workspaces (named charts) and notes, on SQLite and PostgreSQL."""

import pytest

from linkchart.resolve import resolve
from linkchart.store import Store
from linkchart.store.workspaces import FORMAT, WorkspaceError

STATE = {"params": "entity=E1&expand=E1", "positions": {"E1": {"x": 10.5, "y": -20},
                                                         "E2": {"x": 300, "y": 40}},
         "selection": ["E2"], "layout": "hierarchy", "notes": {"chart": "Who arms whom"}}


def test_a_workspace_is_saved_listed_renamed_duplicated_and_deleted(store):
    made = store.save_workspace("Valoria's militias", STATE, "ana")
    assert made["state"] == STATE and made["author"] == "ana" and made["actors"] == 2
    assert store.workspace(made["id"])["state"]["positions"]["E1"] == {"x": 10.5, "y": -20}
    renamed = store.change_workspace(made["id"], "ben", name="Coast militias")
    assert (renamed["name"], renamed["author"], renamed["updated_by"]) == \
        ("Coast militias", "ana", "ben")
    copy = store.duplicate_workspace(made["id"], author="ben")
    assert copy["name"] == "Coast militias (copy)" and copy["state"] == STATE
    assert copy["author"] == "ben"
    assert {w["name"] for w in store.workspaces()} == {"Coast militias",
                                                       "Coast militias (copy)"}
    assert "state" not in store.workspaces()[0]
    store.delete_workspace(made["id"])
    assert store.workspace(made["id"]) is None
    assert [w["id"] for w in store.workspaces()] == [copy["id"]]
    with pytest.raises(WorkspaceError):
        store.delete_workspace(made["id"])


def test_a_workspace_state_is_checked(store):
    with pytest.raises(WorkspaceError):
        store.save_workspace(" ", STATE)
    with pytest.raises(WorkspaceError):
        store.save_workspace("odd", {"colour": "red"})
    with pytest.raises(WorkspaceError):
        store.save_workspace("odd", {"positions": {"E1": {"x": "left"}}})
    with pytest.raises(WorkspaceError):
        store.change_workspace(999, name="none")


def test_a_workspace_export_imports_into_another_store(store, tmp_path):
    from linkchart.store.workspaces import export

    exported = export(store.save_workspace("Shared", STATE, "ana"))
    assert exported["format"] == FORMAT
    with Store.open(str(tmp_path / "other.db"), resolver=resolve) as other:
        imported = other.import_workspace(exported, "ben")
        assert (imported["name"], imported["author"], imported["state"]) == \
            ("Shared", "ana", STATE)
        with pytest.raises(WorkspaceError):
            other.import_workspace({"name": "x", "state": {}})


def test_notes_follow_their_actor_and_link(loaded):
    loaded.note("entity", "E2", "State sponsor; check the 2021 deliveries", "ana")
    loaded.note("link", "opposes:E1:E3", "Both sides deny it", "ben")
    loaded.note("workspace", 7, "Draft for the Monday brief")
    found = {n["on"]: n for n in loaded.notes()}
    assert found["entity"]["entity"] == "E2" and found["entity"]["author"] == "ana"
    assert found["link"]["link"] == "opposes:E1:E3"
    assert found["workspace"]["workspace"] == 7
    with pytest.raises(ValueError):
        loaded.note("entity", "E2", "  ")
    with pytest.raises(ValueError):
        loaded.note("document", "d1", "text")


def test_notes_survive_a_full_rebuild(tmp_path, sample):
    path = tmp_path / "a.db"
    with Store.open(str(path), resolver=resolve) as store:
        store.add_extractions(sample)
        valoria = next(e["id"] for e in store.entities(limit=100) if e["name"] == "Valoria")
        store.note("entity", valoria, "State sponsor", "ana")
        exported = store.export_judgements()
    for suffix in ("", "-wal", "-shm"):
        (tmp_path / f"a.db{suffix}").unlink(missing_ok=True)
    with Store.open(str(path), resolver=resolve) as store:
        store.add_extractions(list(reversed(sample)))   # the actors get other ids
        valoria_now = next(e["id"] for e in store.entities(limit=100)
                           if e["name"] == "Valoria")
        assert valoria_now != valoria
        store.import_judgements(exported)
        assert [(n["entity"], n["text"]) for n in store.notes()] == \
            [(valoria_now, "State sponsor")]


def test_notes_survive_reingesting_their_documents(loaded, sample):
    import copy

    loaded.note("entity", "E2", "State sponsor", "ana")
    loaded.note("link", "opposes:E1:E3", "Both sides deny it", "ana")
    changed = copy.deepcopy(sample)
    for x in changed:                         # new text under the same ids: replaced
        x.document.text = x.document.text + " Updated."
    assert sorted(loaded.add_extractions(changed).replaced) == sorted(
        x.document.id for x in sample)
    notes = {n["on"]: n for n in loaded.notes()}
    valoria = next(e["id"] for e in loaded.entities(limit=100) if e["name"] == "Valoria")
    assert notes["entity"]["entity"] == valoria and notes["entity"]["status"] == "applied"
    assert notes["link"]["link"] in {r["id"] for r in loaded.relations()}
