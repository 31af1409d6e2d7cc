"""Workspaces: analysts' named charts, kept in the store so that every analyst on it sees
them with their author and time.

A workspace's `state` is what the chart needs to draw the same picture again:
  params     the chart's query (the parameters of /api/graph: entity, expand, hide, filters)
  positions  {entity id: {"x": float, "y": float}}
  selection  [entity or link ids], layout  "force", "hierarchy", "concentric", "type" or
             "cluster" (grouped), focus the entity a concentric layout centres on,
  notes      {"chart" or an id: text}, viewport {"zoom": float, "pan": {"x", "y"}},
  bundles    {"on": bool, "opened": ["E1|E2", ...]}: parallel ties drawn as one link with
             a count, but for the pairs opened
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from linkchart.store.schema import workspaces

FORMAT = "linkchart-workspace/1"
STATE_KEYS = ("params", "positions", "selection", "layout", "focus", "notes", "viewport",
              "bundles")


class WorkspaceError(ValueError):
    """A workspace that does not exist, or a state or name the store cannot keep."""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _checked_name(name: Any) -> str:
    if not isinstance(name, str) or not name.strip() or len(name) > 200:
        raise WorkspaceError("a workspace needs a name (1 to 200 characters)")
    return name.strip()


def _checked_state(state: Any) -> dict[str, Any]:
    if not isinstance(state, dict):
        raise WorkspaceError("a workspace's state is an object")
    unknown = sorted(set(state) - set(STATE_KEYS))
    if unknown:
        raise WorkspaceError(f"unknown workspace state keys: {', '.join(unknown)}")
    positions = state.get("positions", {})
    if not isinstance(positions, dict) or not all(
            isinstance(p, dict) and all(isinstance(p.get(axis), (int, float))
                                        for axis in ("x", "y")) for p in positions.values()):
        raise WorkspaceError('positions are {"entity id": {"x": number, "y": number}}')
    return state


def _row(r, with_state: bool = True) -> dict[str, Any]:
    found = {"id": r.id, "name": r.name, "author": r.author, "created_at": r.created_at,
             "updated_at": r.updated_at, "updated_by": r.updated_by,
             "actors": len((r.state or {}).get("positions", {}))}
    if with_state:
        found["state"] = r.state
    return found


def listing(conn: Connection) -> list[dict[str, Any]]:
    """Every workspace, last changed first, without its state."""
    rows = conn.execute(select(workspaces).order_by(workspaces.c.updated_at.desc(),
                                                    workspaces.c.id.desc()))
    return [_row(r, with_state=False) for r in rows]


def get(conn: Connection, workspace_id: int) -> dict[str, Any] | None:
    row = conn.execute(select(workspaces).where(workspaces.c.id == workspace_id)).first()
    return _row(row) if row else None


def create(conn: Connection, name: str, state: dict[str, Any], author: str | None) -> dict:
    now = _now()
    new_id = conn.execute(insert(workspaces).values(
        name=_checked_name(name), state=_checked_state(state), author=author,
        created_at=now, updated_at=now, updated_by=author)).inserted_primary_key[0]
    return get(conn, new_id)


def change(conn: Connection, workspace_id: int, author: str | None,
           name: str | None = None, state: dict[str, Any] | None = None) -> dict[str, Any]:
    """Rename a workspace, replace its state, or both."""
    values: dict[str, Any] = {"updated_at": _now(), "updated_by": author}
    if name is not None:
        values["name"] = _checked_name(name)
    if state is not None:
        values["state"] = _checked_state(state)
    done = conn.execute(update(workspaces).where(workspaces.c.id == workspace_id)
                        .values(**values))
    if not done.rowcount:
        raise WorkspaceError(f"no workspace {workspace_id}")
    return get(conn, workspace_id)


def duplicate(conn: Connection, workspace_id: int, name: str | None,
              author: str | None) -> dict[str, Any]:
    found = get(conn, workspace_id)
    if found is None:
        raise WorkspaceError(f"no workspace {workspace_id}")
    return create(conn, name or f"{found['name']} (copy)", found["state"], author)


def remove(conn: Connection, workspace_id: int) -> None:
    if not conn.execute(delete(workspaces).where(workspaces.c.id == workspace_id)).rowcount:
        raise WorkspaceError(f"no workspace {workspace_id}")


def export(found: dict[str, Any]) -> dict[str, Any]:
    """A workspace as a file another store can import."""
    return {"format": FORMAT, **{key: found[key] for key in
                                 ("name", "author", "created_at", "updated_at", "state")}}


def import_(conn: Connection, data: Any, author: str | None) -> dict[str, Any]:
    """A new workspace from an export (its original author kept when it named one)."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise WorkspaceError(f"not a {FORMAT} file")
    return create(conn, data.get("name"), data.get("state"), data.get("author") or author)
