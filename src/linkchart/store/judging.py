"""Making analysts' judgements and applying them, now and on every later write.

Judgements are applied in the order they were made. They are re-applied after every
batch the store writes, to the ones that concern it (a document of the batch is among
their mentions, or an entity the batch touched is among their targets), so that no
re-ingest, re-extraction or rebuild loses them:

- merge: every global entity holding a local entity that the signatures' mentions name
  is folded into one (the oldest id);
- not_same, split: where one global entity holds local entities of both sides, the
  second side's move out (to the entity that holds the rest of that side, else a new
  one); the machine never merges two global entities on its own, so nothing undoes it;
- retype, rename: the anchored entity gets the type or name;
- reject: the named facts are deleted from the document they were extracted from;
- add_fact: a relation with the analyst's evidence is inserted into its document;
- add_actor: an actor added by hand is made, or found again (linkchart.store.hand_made);
- note: an analyst's text on an actor, a link or event link, or a workspace; it changes
  nothing, and is re-anchored to the entities that now hold its ends.

A later merge supersedes an earlier not-same/split between the same mentions, and
the other way round, so the latest word stands and they do not fight.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, select

from linkchart.model import ENTITY_TYPES, RELATION_TYPES
from linkchart.model import UNDIRECTED_RELATIONS as _UNDIRECTED
from linkchart.names.normalise import name_key
from linkchart.store import hand_made, identity
from linkchart.store import judgements as table
from linkchart.store.identity import JudgementError, anchor, matching_locals, signature
from linkchart.store.schema import attributions, doc_entities, documents, events, relations
from linkchart.store.search import Search

EXPORT_FORMAT = "linkchart-judgements/1"


# ------------------------------------------------------------------ what a judgement names

def _sides(payload: dict[str, Any]) -> list[dict[str, Any]]:
    return [identity.as_signature(v) for v in payload.get("entities") or []]


def _mention_set(sig: dict[str, Any]) -> set[tuple[str, str]]:
    return {(d, name_key(n)) for d, n in identity.signature_mentions(sig)}


def documents_of(j: dict[str, Any]) -> set[str]:
    payload = j["payload"] or {}
    sigs = [*_sides(payload)]
    for key in ("entity", "source", "target"):
        if isinstance(payload.get(key), dict):
            sigs.append(payload[key])
    found = {d for sig in sigs for d, _ in identity.signature_mentions(sig)}
    found |= {f.get("document") for f in payload.get("facts") or [] if isinstance(f, dict)}
    if payload.get("document"):
        found.add(payload["document"])
    return found - {None}


# ------------------------------------------------------------------ applying

def apply_one(conn: Connection, j: dict[str, Any], search: Search) -> tuple[str, list]:
    """Apply one judgement; returns (status, targets) and records them."""
    try:
        if j["kind"] == hand_made.KIND:  # the only kind that needs what it made before
            status, targets = hand_made.apply(conn, j["payload"] or {}, j["targets"], search)
        else:
            status, targets = _APPLY[j["kind"]](conn, j["payload"] or {}, search)
    except (JudgementError, KeyError, TypeError, ValueError, AttributeError):
        status, targets = "invalid", []
    table.set_state(conn, j["id"], status, targets)
    return status, targets


def _apply_merge(conn, payload, search):
    sides = _sides(payload)
    if len(sides) < 2:
        raise JudgementError("a merge names at least two entities")
    found: list[str] = []
    anchored = 0
    for sig in sides:
        held = {g for g in matching_locals(conn, identity.signature_mentions(sig)).values() if g}
        if not held:
            one = anchor(conn, sig)
            held = {one} if one else set()
        anchored += bool(held)
        found += sorted(held - set(found))
    keep = identity.merge_entities(conn, found, search) if found else None
    return ("applied" if anchored == len(sides) else "pending"), [keep]


def _apply_separate(conn, payload, search):
    sides = _sides(payload)
    if len(sides) != 2:
        raise JudgementError("not-same and split name two entities")
    a, b = sides
    a_locals = matching_locals(conn, identity.signature_mentions(a))
    b_locals = matching_locals(conn, identity.signature_mentions(b))
    shared = {(k, g) for k, g in b_locals.items() if k not in a_locals}
    a_globals = {g for g in a_locals.values() if g}
    together = {g for _, g in shared if g in a_globals}
    if not a_locals and not b_locals:
        # signatures without mentions (older payloads): entity level only
        ga, gb = anchor(conn, a), anchor(conn, b)
        return ("applied" if ga and gb else "pending"), [ga, gb]
    for entity_id in sorted(together, key=identity.entity_number):
        moving = [k for k, g in shared if g == entity_id]
        elsewhere = Counter(g for _, g in shared if g and g not in a_globals)
        target = elsewhere.most_common(1)[0][0] if elsewhere else None
        identity.move_locals(conn, moving, target, search)
    ga = _majority(matching_locals(conn, identity.signature_mentions(a))) or anchor(conn, a)
    gb = _majority(matching_locals(conn, identity.signature_mentions(b))) or anchor(conn, b)
    return ("applied" if ga and gb else "pending"), [ga, gb]


def _majority(found: dict) -> str | None:
    votes = Counter(g for g in found.values() if g)
    return min(votes, key=lambda g: (-votes[g], identity.entity_number(g))) if votes else None


def _apply_retype(conn, payload, search):
    entity_type = payload["type"]
    if entity_type not in ENTITY_TYPES:
        raise JudgementError(f"unknown type {entity_type!r}")
    entity_id = anchor(conn, payload["entity"])
    if entity_id is None:
        return "pending", []
    identity.set_type(conn, entity_id, entity_type, search)
    return "applied", [entity_id]


def _apply_rename(conn, payload, search):
    name = str(payload["name"]).strip()
    if not name:
        raise JudgementError("an empty name")
    entity_id = anchor(conn, payload["entity"])
    if entity_id is None:
        return "pending", []
    identity.set_name(conn, entity_id, name, search)
    return "applied", [entity_id]


def _apply_reject(conn, payload, search):
    facts = payload.get("facts")
    if not isinstance(facts, list) or not facts:
        raise JudgementError("a rejection names facts")
    present = 0
    for fact in facts:
        if conn.scalar(select(documents.c.id).where(documents.c.id == fact.get("document"))):
            present += 1
            identity.delete_facts(conn, fact["fact"], identity.fact_rows(conn, fact))
    return ("applied" if present == len(facts) else "pending"), []


def _apply_add_fact(conn, payload, search):
    if payload.get("fact", "relation") != "relation":
        raise JudgementError("only relations can be added by hand")
    if payload["type"] not in RELATION_TYPES:
        raise JudgementError(f"unknown relation type {payload['type']!r}")
    source, target = anchor(conn, payload["source"]), anchor(conn, payload["target"])
    if not (source and target):
        return "pending", [source, target]
    added = identity.add_relation(conn, payload, source, target)
    return ("applied" if added else "pending"), [source, target]


def _apply_note(conn, payload, search):
    if not str(payload["text"]).strip():
        raise JudgementError("an empty note")
    if payload["on"] == "workspace":
        return "applied", []
    ends = [anchor(conn, payload[key]) for key in NOTE_ENDS[payload["on"]]]
    return ("applied" if all(ends) else "pending"), ends


_APPLY = {"merge": _apply_merge, "not_same": _apply_separate, "split": _apply_separate,
          "retype": _apply_retype, "rename": _apply_rename, "reject": _apply_reject,
          "add_fact": _apply_add_fact, "note": _apply_note}


def apply_for_batch(conn: Connection, doc_ids: Iterable[str], touched: Iterable[str],
                    search: Search) -> int:
    """Re-apply, in order, the judgements that a written batch concerns."""
    doc_ids, touched = set(doc_ids), set(touched)
    done = 0
    for j in table.active(conn):
        if documents_of(j) & doc_ids or set(j["targets"] or []) & touched:
            apply_one(conn, j, search)
            done += 1
    return done


def apply_all(conn: Connection, search: Search) -> dict[str, int]:
    """Re-apply every judgement in force (after an import); counts by status."""
    counts: Counter[str] = Counter()
    for j in table.active(conn):
        status, _ = apply_one(conn, j, search)
        counts[status] += 1
    return dict(counts)


# ------------------------------------------------------------------ making judgements

def judge(conn: Connection, kind: str, payload: dict[str, Any], author: str | None,
          search: Search) -> dict[str, Any]:
    """Record a judgement, retire the earlier ones it contradicts, and apply it now."""
    judgement_id = table.add(conn, kind, payload, author)
    j = table.get(conn, judgement_id)
    _supersede(conn, j)
    status, targets = apply_one(conn, j, search)
    if kind in ("merge", "not_same", "split") and len([t for t in targets if t]) >= 1:
        ids = [t for t in targets if t]
        decision = "merged" if kind == "merge" else "not_same"
        if kind == "merge":
            for sig in _sides(payload):
                if sig.get("id"):
                    ids.append(sig["id"])
        for a in ids:
            for b in ids:
                if a < b:
                    identity.close_pair_reviews(conn, a, b, decision, author)
    return table.get(conn, judgement_id)


def _supersede(conn: Connection, new: dict[str, Any]) -> None:
    """A merge retires earlier not-same/split judgements between the same mentions, and
    the other way round."""
    kind = new["kind"]
    if kind not in ("merge", "not_same", "split"):
        if kind in ("rename", "retype"):
            mine = _mention_set(new["payload"]["entity"]) if isinstance(
                new["payload"].get("entity"), dict) else set()
            for old in table.active(conn, kinds=(kind,)):
                if old["id"] != new["id"] and mine and mine & _mention_set(
                        old["payload"].get("entity") or {}):
                    table.set_state(conn, old["id"], "superseded", old["targets"])
        return
    opposite = ("not_same", "split") if kind == "merge" else ("merge",)
    sides = [_mention_set(s) for s in _sides(new["payload"])]
    for old in table.active(conn, kinds=opposite):
        old_sides = [_mention_set(s) for s in _sides(old["payload"])]
        if _crosses(sides, old_sides) or _crosses(old_sides, sides):
            table.set_state(conn, old["id"], "superseded", old["targets"])


def _crosses(merge_sides: list[set], separate_sides: list[set]) -> bool:
    """A merge of `merge_sides` contradicts keeping the two `separate_sides` apart."""
    if len(separate_sides) != 2:
        return False
    merged = set().union(*merge_sides) if merge_sides else set()
    return bool(merged & separate_sides[0]) and bool(merged & separate_sides[1])


def merge(conn, ids: list[str], author, search) -> dict[str, Any]:
    if len(set(ids)) < 2:
        raise JudgementError("merge needs two different entities")
    return judge(conn, "merge", {"entities": [signature(conn, i) for i in ids]}, author,
                 search)


def not_same(conn, a: str, b: str, author, search) -> dict[str, Any]:
    if a == b:
        raise JudgementError("not-same needs two different entities")
    return judge(conn, "not_same", {"entities": [signature(conn, a), signature(conn, b)]},
                 author, search)


def split(conn, entity_id: str, names: list[str] | None, docs: list[str] | None,
          undo: int | None, author, search) -> dict[str, Any]:
    """Separate part of an entity: the local entities whose name or alias is one of
    `names`, or that come from `docs`, or those of the sides a merge judgement `undo`
    brought in after its first."""
    whole = signature(conn, entity_id)
    rows = conn.execute(select(doc_entities.c.document_id, doc_entities.c.local_id,
                               doc_entities.c.name, doc_entities.c.aliases)
                        .where(doc_entities.c.entity_id == entity_id)).all()
    moving: set[tuple[str, str]] = set()
    if undo is not None:
        old = table.get(conn, undo)
        if old is None or old["kind"] != "merge":
            raise JudgementError(f"judgement {undo} is not a merge")
        later = set()
        for sig in _sides(old["payload"])[1:]:
            later |= _mention_set(sig)
        first = _mention_set(_sides(old["payload"])[0])
        moving = {(r.document_id, r.name) for r in rows
                  if (r.document_id, name_key(r.name)) in later - first}
    keys = {name_key(n) for n in names or []}
    for r in rows:
        if keys & {name_key(f) for f in [r.name, *r.aliases]} or r.document_id in (docs or []):
            moving.add((r.document_id, r.name))
    staying = {(r.document_id, r.name) for r in rows} - moving
    if not moving or not staying:
        raise JudgementError("split: name some but not all of the entity's mentions "
                             "(--name, --document or --undo)")

    def side(mentions, sig_id):
        names_ = Counter(n for _, n in mentions)
        return {"id": sig_id, "name": names_.most_common(1)[0][0], "type": whole["type"],
                "mentions": [list(m) for m in sorted(mentions)]}

    payload = {"entity": whole, "entities": [side(staying, entity_id), side(moving, None)]}
    if undo is not None:
        payload["undoes"] = undo
        table.set_state(conn, undo, "superseded", (table.get(conn, undo) or {}).get("targets"))
    return judge(conn, "split", payload, author, search)


def retype(conn, entity_id: str, entity_type: str, author, search) -> dict[str, Any]:
    if entity_type not in ENTITY_TYPES:
        raise JudgementError(f"unknown type {entity_type!r}; one of {', '.join(ENTITY_TYPES)}")
    sig = signature(conn, entity_id)
    return judge(conn, "retype", {"entity": sig, "type": entity_type,
                                  "previous": sig["type"]}, author, search)


def rename(conn, entity_id: str, name: str, author, search) -> dict[str, Any]:
    sig = signature(conn, entity_id)
    return judge(conn, "rename", {"entity": sig, "name": name, "previous": sig["name"]},
                 author, search)


def _names(conn, doc_id) -> dict[str, str]:
    return identity.local_names(conn, doc_id)


def relation_facts(conn, edge: str, document: str | None) -> list[dict[str, Any]]:
    """The stored relations behind an edge id "type:E1:E2" (":not" for negated)."""
    parts = edge.split(":")
    if len(parts) not in (3, 4):
        raise JudgementError(f"an edge id is TYPE:SOURCE:TARGET, got {edge!r}")
    kind, source, target = parts[:3]
    negated = len(parts) == 4
    stmt = select(relations).where(relations.c.type == kind,
                                   relations.c.negated == negated)
    rows = [r for r in conn.execute(stmt)
            if {r.source_entity, r.target_entity} == {source, target}
            and (r.source_entity == source or kind in _UNDIRECTED)]
    if document:
        rows = [r for r in rows if r.document_id == document]
    facts = []
    for r in rows:
        names = _names(conn, r.document_id)
        facts.append({"fact": "relation", "document": r.document_id, "type": r.type,
                      "evidence": r.evidence,
                      "source": names.get(r.source_local) or r.source_local,
                      "target": names.get(r.target_local) or r.target_local})
    if not facts:
        raise JudgementError(f"no stored relation {edge}" +
                             (f" in document {document}" if document else ""))
    return facts


def event_facts(conn, event_id: str) -> list[dict[str, Any]]:
    digits = event_id.lstrip("Vv")
    row = conn.execute(select(events).where(events.c.id == int(digits))).first() \
        if digits.isdigit() else None
    if row is None:
        raise JudgementError(f"no event {event_id}")
    return [{"fact": "event", "document": row.document_id, "type": row.type,
             "evidence": row.evidence}]


def attribution_facts(conn, document: str, local_id: str) -> list[dict[str, Any]]:
    row = conn.execute(select(attributions).where(attributions.c.document_id == document,
                                                  attributions.c.local_id == local_id)).first()
    if row is None:
        raise JudgementError(f"no attribution {local_id} in document {document}")
    return [{"fact": "attribution", "document": document, "content": row.content,
             "source_text": row.source_text}]


def reject(conn, facts: list[dict[str, Any]], author, search, label: str | None = None):
    payload: dict[str, Any] = {"facts": facts}
    if label:
        payload["ref"] = label
    return judge(conn, "reject", payload, author, search)


def add_fact(conn, relation_type: str, source: str, target: str, document: str,
             evidence: str, role: str | None, negated: bool, author, search):
    if relation_type not in RELATION_TYPES:
        raise JudgementError(f"unknown relation type {relation_type!r}; one of "
                             f"{', '.join(RELATION_TYPES)}")
    body = conn.scalar(select(documents.c.text).where(documents.c.id == document))
    if body is None:
        raise JudgementError(f"no document {document}")
    if not evidence or evidence not in body:
        raise JudgementError("the evidence must be an exact passage of the document's text")
    payload = {"fact": "relation", "type": relation_type, "source": signature(conn, source),
               "target": signature(conn, target), "document": document,
               "evidence": evidence, "role": role, "negated": negated}
    return judge(conn, "add_fact", payload, author, search)


def add_actor(conn, name: str, entity_type: str, aliases: list[str] | None, author,
              search) -> dict[str, Any]:
    """An actor added by hand (a name no actor of its kind has yet)."""
    payload = hand_made.payload_of(name, entity_type, aliases)
    hand_made.refuse_known(conn, payload)
    return judge(conn, hand_made.KIND, payload, author, search)


NOTE_ENDS = {"entity": ("entity",), "link": ("source", "target"),
             "event": ("source", "target"), "workspace": ()}
"""What a note can be on, and the entities that anchor it."""


def note(conn, on: str, target: str | int, text: str, author, search) -> dict[str, Any]:
    """A note on an entity (its id), a link or an event link (its edge id:
    `supports:E2:E1`, `event:ASSAULT:E1:E3`), or a workspace (its id)."""
    if on not in NOTE_ENDS:
        raise JudgementError(f"a note is on one of {', '.join(NOTE_ENDS)}")
    if not isinstance(text, str) or not text.strip():
        raise JudgementError("a note needs its text")
    payload: dict[str, Any] = {"on": on, "text": text.strip()}
    if on == "entity":
        payload["entity"] = signature(conn, str(target))
    elif on == "workspace":
        payload["workspace"] = int(target)
    else:
        parts = str(target).split(":")
        ends = parts[2:4] if parts[0] == "event" else parts[1:3]
        if len(ends) != 2:
            raise JudgementError(f"not a link id: {target!r}")
        payload.update(link=str(target), source=signature(conn, ends[0]),
                       target=signature(conn, ends[1]))
    return judge(conn, "note", payload, author, search)


def notes(conn: Connection) -> list[dict[str, Any]]:
    """The notes in force, each with what it is on now (`entity`, `link` or `workspace`
    rebuilt from the entities that hold its ends today)."""
    found = []
    for j in table.active(conn, kinds=("note",)):
        payload, targets = j["payload"], j["targets"] or []
        item = {"id": j["id"], "on": payload["on"], "text": payload["text"],
                "author": j["author"], "created_at": j["created_at"], "status": j["status"]}
        if payload["on"] == "workspace":
            item["workspace"] = payload["workspace"]
        elif payload["on"] == "entity":
            item["entity"] = targets[0] if targets else None
        else:
            moved = {payload["source"]["id"]: targets[0] if targets else None,
                     payload["target"]["id"]: targets[1] if len(targets) > 1 else None}
            item["link"] = ":".join(moved.get(part) or part
                                    for part in payload["link"].split(":"))
        found.append(item)
    return found


# ------------------------------------------------------------------ export, import

def export(conn: Connection) -> dict[str, Any]:
    return {"format": EXPORT_FORMAT,
            "judgements": [{k: j[k] for k in ("id", "kind", "payload", "author", "created_at",
                                              "status")}
                           for j in table.listing(conn)]}


def import_(conn: Connection, data: dict[str, Any], search: Search) -> dict[str, Any]:
    """Add the judgements of an export that this store lacks (same kind, payload, author
    and time), then re-apply every judgement in force, re-anchoring each by what it was
    made on."""
    if data.get("format") != EXPORT_FORMAT or not isinstance(data.get("judgements"), list):
        raise JudgementError(f"not a {EXPORT_FORMAT} file")
    have = {(j["kind"], _canon(j["payload"]), j["author"], j["created_at"])
            for j in table.listing(conn)}
    added = 0
    for j in sorted(data["judgements"], key=lambda j: (j.get("created_at") or "",
                                                       j.get("id") or 0)):
        key = (j["kind"], _canon(j["payload"]), j.get("author"), j.get("created_at"))
        if key in have:
            continue
        status = j.get("status") if j.get("status") in table.INACTIVE else None
        table.add(conn, j["kind"], j["payload"], j.get("author"), j.get("created_at"), status)
        have.add(key)
        added += 1
    return {"added": added, "statuses": apply_all(conn, search)}


def _canon(payload: Any) -> str:
    import json
    return json.dumps(payload, sort_keys=True, ensure_ascii=False)
