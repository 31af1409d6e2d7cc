"""The workspace routes: analysts' named charts (/api/workspaces), notes (/api/notes) and
the shortest paths between two actors (/api/paths), and event places (/api/map).

Handlers are thin: the store's workspace and note API does the work
(linkchart.store.workspaces, linkchart.store.judging.note).
"""

from __future__ import annotations

import json
from typing import Any

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi.responses import Response
from pydantic import BaseModel, Field

from linkchart.server.params import (
    ERRORS, DateFrom, DateTo, Entities, RelationFiltersDep, RowId, StoreDep, data,
    storable_body, storable_parameters)
from linkchart.server.paths import MAX_LENGTH, shortest_paths
from linkchart.server.places import event_places
from linkchart.store.workspaces import export as export_file

Author = Field(None, max_length=200, description="Who makes the change (kept with it)")


class WorkspaceIn(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    state: dict[str, Any] = Field(description="params, positions, selection, layout, focus, "
                                  "notes, viewport (linkchart.store.workspaces)")
    author: str | None = Author


class WorkspaceChange(BaseModel):
    name: str | None = Field(None, min_length=1, max_length=200)
    state: dict[str, Any] | None = None
    author: str | None = Author


class DuplicateIn(BaseModel):
    name: str | None = Field(None, min_length=1, max_length=200)
    author: str | None = Author


class NoteIn(BaseModel):
    on: str = Field(description="entity, link, event or workspace")
    target: str = Field(max_length=500, description="an entity id, a link id "
                        "(supports:E2:E1, event:ASSAULT:E1:E3) or a workspace id")
    text: str = Field(min_length=1, max_length=10_000)
    author: str | None = Author


router = APIRouter(prefix="/api", responses=ERRORS, tags=["workspaces"],
                   dependencies=[Depends(storable_parameters)])


def _checked(body: BaseModel) -> None:
    storable_body(body.model_dump())


def _done(action):
    try:
        return action()
    except ValueError as error:
        status = 404 if str(error).startswith("no workspace") else 422
        raise HTTPException(status, str(error)) from None


@router.get("/workspaces", summary="Every workspace, last changed first (without its state)")
def workspaces(store: StoreDep):
    return data(store.workspaces())


@router.post("/workspaces", status_code=201, summary="Save a new workspace")
def save(store: StoreDep, workspace: WorkspaceIn):
    _checked(workspace)
    return data(_done(lambda: store.save_workspace(workspace.name, workspace.state,
                                                   workspace.author)), 201)


@router.post("/workspaces/import", status_code=201,
             summary="A new workspace from an exported file (linkchart-workspace/1)")
def import_workspace(store: StoreDep, exported: dict[str, Any]):
    storable_body(exported)
    return data(_done(lambda: store.import_workspace(exported)), 201)


@router.get("/workspaces/{workspace_id}", summary="A workspace with its state")
def workspace(store: StoreDep, workspace_id: RowId):
    found = store.workspace(workspace_id)
    if found is None:
        raise HTTPException(404, "no such workspace")
    return data(found)


@router.get("/workspaces/{workspace_id}/export", response_class=Response,
            summary="A workspace as a file to import elsewhere", responses={200: {
                "description": "linkchart-workspace/1, as an attachment",
                "content": {"application/json": {"schema": {"type": "object"}}}}})
def export(store: StoreDep, workspace_id: RowId):
    found = store.workspace(workspace_id)
    if found is None:
        raise HTTPException(404, "no such workspace")
    return Response(json.dumps(export_file(found), ensure_ascii=False, indent=1),
                    media_type="application/json", headers={
                        "Content-Disposition": f'attachment; filename="workspace-'
                                               f'{workspace_id}.json"'})


@router.patch("/workspaces/{workspace_id}", summary="Rename a workspace or replace its state")
def change(store: StoreDep, workspace_id: RowId, change: WorkspaceChange):
    _checked(change)
    return data(_done(lambda: store.change_workspace(workspace_id, change.author,
                                                     change.name, change.state)))


@router.post("/workspaces/{workspace_id}/duplicate", status_code=201,
             summary="Copy a workspace under a new name")
def duplicate(store: StoreDep, workspace_id: RowId, copy: DuplicateIn):
    _checked(copy)
    return data(_done(lambda: store.duplicate_workspace(workspace_id, copy.name,
                                                        copy.author)), 201)


@router.delete("/workspaces/{workspace_id}", status_code=204, summary="Delete a workspace")
def delete(store: StoreDep, workspace_id: RowId):
    _done(lambda: store.delete_workspace(workspace_id))
    return Response(status_code=204)


@router.get("/notes", summary="Analysts' notes in force, each on what it names now")
def notes(store: StoreDep):
    return data(store.notes())


@router.post("/notes", status_code=201, summary="A note on an actor, a link, an event link "
             "or a workspace, kept as a judgement (it survives every re-ingest)")
def add_note(store: StoreDep, note: NoteIn):
    _checked(note)
    target: str | int = note.target
    if note.on == "workspace":
        if not (note.target.isdigit() and len(note.target) < 10
                and store.workspace(int(note.target))):
            raise HTTPException(404, "no such workspace")
        target = int(note.target)
    return data(_done(lambda: store.note(note.on, target, note.text, note.author)), 201)


@router.get("/paths", tags=["chart"], summary="The shortest chains of ties between two "
            "actors (at most `max_length` links), under the chart's filters")
def paths(store: StoreDep, selected: RelationFiltersDep,
          source: Annotated[str, Query(max_length=100)],
          target: Annotated[str, Query(max_length=100)],
          max_length: Annotated[int, Query(ge=1, le=MAX_LENGTH)] = 3):
    for actor in (source, target):
        if store.entity(actor) is None:
            raise HTTPException(404, f"no such entity: {actor}")
    return data(shortest_paths(store, source, target, selected, max_length))


@router.get("/map", tags=["events"], summary="Event places with their coordinates (from the "
            "bundled gazetteer), events and actors; for some actors (`entity`) or all, in a "
            "period")
def event_map(store: StoreDep, entity: Entities = [], date_from: DateFrom = None,
              date_to: DateTo = None):
    return data(event_places(store, list(entity), date_from, date_to))
