"""Who is who, changed by hand: merging and splitting global entities, renaming and
retyping them, rejecting and adding facts, and re-applying analysts' judgements.

A judgement names global entities by *signature*: the id it had, its name, type and
aliases, and its mentions, the (document id, local name) pairs of the local entities it
held. Ids are stable within one store; after a rebuild (or in another store) a signature
is re-anchored by its mentions, then by its id, then by its name (`anchor`). So a
judgement made today holds after re-extraction gives local entities new ids, after a
full rebuild, and in a colleague's store that imports it.

Every function takes the caller's connection (one write transaction).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, and_, delete, func, insert, or_, select, update

from linkchart.names.keys import kind
from linkchart.names.normalise import name_key
from linkchart.store import event_pair_table, tie_table
from linkchart.store import judgements as table
from linkchart.store.entity_rows import rebuild_entities
from linkchart.store.lookup import CHUNK
from linkchart.store.read_hand_made import MANUAL
from linkchart.store.schema import (attributions, doc_entities, documents, entities,
                                    entity_keys, event_participants, events, relations,
                                    review_candidates)
from linkchart.store.search import Search

"""The local id that marks a fact an analyst added by hand."""


class JudgementError(ValueError):
    """A judgement that cannot be made: an unknown entity, fact or document."""


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def entity_number(entity_id: str) -> int:
    """'E12' -> 12: global ids in the order they were made."""
    digits = entity_id.lstrip("E")
    return int(digits) if digits.isdigit() else 0


# ------------------------------------------------------------------ signatures, anchors

def signature(conn: Connection, entity_id: str) -> dict[str, Any]:
    row = conn.execute(select(entities).where(entities.c.id == entity_id)).first()
    if row is None:
        raise JudgementError(f"no entity {entity_id}")
    mentions = sorted({(d, n) for d, n in conn.execute(
        select(doc_entities.c.document_id, doc_entities.c.name)
        .where(doc_entities.c.entity_id == entity_id))})
    return {"id": row.id, "name": row.name, "type": row.type, "aliases": list(row.aliases),
            "mentions": [list(m) for m in mentions]}


def as_signature(value: Any) -> dict[str, Any]:
    """A signature from a payload value: a dict, or a bare id (older payloads)."""
    if isinstance(value, str):
        return {"id": value}
    return value if isinstance(value, dict) else {}


def signature_mentions(sig: dict[str, Any]) -> list[tuple[str, str]]:
    """A signature's (document id, local name) mentions."""
    return [(str(m[0]), str(m[1])) for m in sig.get("mentions") or [] if len(m) == 2]


def matching_locals(conn: Connection, mentions: Iterable[tuple[str, str]]
                    ) -> dict[tuple[str, str], str | None]:
    """(document, local id) -> global id of the local entities that the mentions name.

    A mention (document, name) names the local entity of that document whose name has
    the same normalised key, else one whose alias has it."""
    wanted: dict[str, set[str]] = {}
    for doc_id, name in mentions:
        if name_key(name):
            wanted.setdefault(doc_id, set()).add(name_key(name))
    found: dict[tuple[str, str], str | None] = {}
    doc_ids = sorted(wanted)
    for i in range(0, len(doc_ids), CHUNK):
        rows = conn.execute(select(doc_entities.c.document_id, doc_entities.c.local_id,
                                   doc_entities.c.name, doc_entities.c.aliases,
                                   doc_entities.c.entity_id)
                            .where(doc_entities.c.document_id.in_(doc_ids[i:i + CHUNK])))
        by_doc: dict[str, list] = {}
        for row in rows:
            by_doc.setdefault(row.document_id, []).append(row)
        for doc_id, rows_here in by_doc.items():
            for key in wanted[doc_id]:
                primary = [r for r in rows_here if name_key(r.name) == key]
                alias = [r for r in rows_here if key in {name_key(a) for a in r.aliases}]
                for row in primary or alias[:1]:
                    found[(doc_id, row.local_id)] = row.entity_id
    return found


def anchor(conn: Connection, value: Any) -> str | None:
    """The global entity a signature names now: the one holding most of its mentions;
    else its id, if that entity still has one of its names; else an entity of the same
    kind with its name; else None (not in this store, yet)."""
    sig = as_signature(value)
    votes = Counter(g for g in matching_locals(conn, signature_mentions(sig)).values() if g)
    if votes:
        best = max(votes.values())
        tied = sorted((g for g, n in votes.items() if n == best), key=entity_number)
        return sig.get("id") if sig.get("id") in tied else tied[0]
    names = [n for n in [sig.get("name"), *(sig.get("aliases") or [])] if n]
    keys = {name_key(n) for n in names} - {""}
    entity_id = sig.get("id")
    if entity_id:
        row = conn.execute(select(entities.c.name, entities.c.aliases)
                           .where(entities.c.id == entity_id)).first()
        if row is not None and (not keys or keys & {name_key(n) for n in
                                                    [row.name, *row.aliases]}):
            return entity_id
    if sig.get("name") and name_key(sig["name"]):
        for found_id, found_type in conn.execute(
                select(entities.c.id, entities.c.type)
                .join(entity_keys, entity_keys.c.entity_id == entities.c.id)
                .where(entity_keys.c.key == name_key(sig["name"]))
                .order_by(entities.c.num)):
            if not sig.get("type") or kind(found_type) == kind(sig["type"]):
                return found_id
    return None


# ------------------------------------------------------------------ primitives

def new_entity(conn: Connection, name: str, entity_type: str) -> str:
    """A new global entity with no aliases yet; its id."""
    num = (conn.scalar(select(func.max(entities.c.num))) or 0) + 1
    entity_id = f"E{num}"
    conn.execute(insert(entities).values(id=entity_id, num=num, name=name, type=entity_type,
                                         aliases=[], search_text=name))
    return entity_id


def _drop_entity(conn: Connection, entity_id: str, search: Search) -> None:
    num = conn.scalar(select(entities.c.num).where(entities.c.id == entity_id))
    if num is None:
        return
    conn.execute(delete(review_candidates).where(or_(
        review_candidates.c.entity_id == entity_id,
        review_candidates.c.candidate_id == entity_id)))
    conn.execute(delete(entity_keys).where(entity_keys.c.entity_id == entity_id))
    conn.execute(delete(entities).where(entities.c.id == entity_id))
    search.unindex_entity(conn, num)


def merge_entities(conn: Connection, ids: Iterable[str], search: Search) -> str | None:
    """Fold several global entities into the oldest (lowest id); its name and type stay."""

    ids = sorted(set(ids), key=entity_number)
    ids = [i for i in ids if conn.scalar(select(entities.c.id).where(entities.c.id == i))]
    if len(ids) < 2:
        return ids[0] if ids else None
    keep, absorbed = ids[0], ids[1:]
    for other in absorbed:
        tied = tie_table.pairs_of_entity(conn, other)
        moved = event_pair_table.events_of(conn, other)
        _repoint(conn, other, keep)
        tie_table.refresh(conn, tied | tie_table.renamed(tied, other, keep))
        event_pair_table.refresh(conn, moved)
        _move_reviews(conn, other, keep)
        _drop_entity(conn, other, search)
    rebuild_entities(conn, [keep], search)
    return keep


def _repoint(conn: Connection, old: str, new: str) -> None:
    conn.execute(update(doc_entities).where(doc_entities.c.entity_id == old)
                 .values(entity_id=new))
    conn.execute(update(relations).where(relations.c.source_entity == old)
                 .values(source_entity=new))
    conn.execute(update(relations).where(relations.c.target_entity == old)
                 .values(target_entity=new))
    conn.execute(update(events).where(events.c.location_entity == old)
                 .values(location_entity=new))
    conn.execute(update(event_participants).where(event_participants.c.entity_id == old)
                 .values(entity_id=new))
    conn.execute(update(attributions).where(attributions.c.source_entity == old)
                 .values(source_entity=new))


def _move_reviews(conn: Connection, old: str, new: str) -> None:
    rows = conn.execute(select(review_candidates).where(or_(
        review_candidates.c.entity_id == old, review_candidates.c.candidate_id == old))).all()
    conn.execute(delete(review_candidates).where(review_candidates.c.id.in_(
        [r.id for r in rows])))
    for r in rows:
        a = new if r.entity_id == old else r.entity_id
        b = new if r.candidate_id == old else r.candidate_id
        if a == b:
            continue
        values = {c: getattr(r, c) for c in r._fields if c != "id"}
        _insert_review(conn, values | {"entity_id": a, "candidate_id": b})


def move_locals(conn: Connection, locals_: Iterable[tuple[str, str]], target: str | None,
                search: Search) -> str | None:
    """Move local entities (document, local id) to `target`, or to a new global entity
    named after them; the entities they leave are renamed if their name went with them,
    and dropped if empty."""

    locals_ = sorted(set(locals_))
    if not locals_:
        return target
    rows = []
    for doc_id, local_id in locals_:
        row = conn.execute(select(doc_entities).where(and_(
            doc_entities.c.document_id == doc_id, doc_entities.c.local_id == local_id))).first()
        if row is not None:
            rows.append(row)
    if not rows:
        return target
    if target is None:
        names = Counter(r.name for r in rows)
        types = Counter(r.type for r in rows)
        target = new_entity(conn, names.most_common(1)[0][0], types.most_common(1)[0][0])
    sources = {r.entity_id for r in rows} - {None, target}
    tied: set[tuple[str, str]] = set()
    moved: set[int] = set()
    for r in rows:
        doc_id, local_id = r.document_id, r.local_id
        held = and_(relations.c.document_id == doc_id,
                    or_(relations.c.source_local == local_id,
                        relations.c.target_local == local_id))
        tied |= tie_table.pairs_where(conn, held)
        moved |= event_pair_table.events_naming(conn, doc_id, local_id)
        conn.execute(update(doc_entities).where(and_(
            doc_entities.c.document_id == doc_id, doc_entities.c.local_id == local_id))
            .values(entity_id=target))
        for column, local in ((relations.c.source_entity, relations.c.source_local),
                              (relations.c.target_entity, relations.c.target_local)):
            conn.execute(update(relations).where(and_(
                relations.c.document_id == doc_id, local == local_id)).values(
                {column.name: target}))
        conn.execute(update(events).where(and_(
            events.c.document_id == doc_id, events.c.location_local == local_id))
            .values(location_entity=target))
        conn.execute(update(attributions).where(and_(
            attributions.c.document_id == doc_id, attributions.c.source_local == local_id))
            .values(source_entity=target))
        in_doc = select(events.c.id).where(events.c.document_id == doc_id)
        conn.execute(update(event_participants).where(and_(
            event_participants.c.event_id.in_(in_doc),
            event_participants.c.local_id == local_id)).values(entity_id=target))
        tied |= tie_table.pairs_where(conn, held)
    tie_table.refresh(conn, tied)
    event_pair_table.refresh(conn, moved)
    for source in sources:
        _settle(conn, source, search)
    rebuild_entities(conn, [target], search)
    return target


def _settle(conn: Connection, entity_id: str, search: Search) -> None:
    """After locals left an entity: drop it if empty, rename it if its name left."""

    rows = conn.execute(select(doc_entities.c.name, doc_entities.c.aliases)
                        .where(doc_entities.c.entity_id == entity_id)).all()
    if not rows:
        _drop_entity(conn, entity_id, search)
        return
    name = conn.scalar(select(entities.c.name).where(entities.c.id == entity_id))
    forms = {name_key(f) for r in rows for f in [r.name, *r.aliases]}
    if name_key(name) not in forms:
        renamed = Counter(r.name for r in rows).most_common(1)[0][0]
        conn.execute(update(entities).where(entities.c.id == entity_id).values(name=renamed))
    rebuild_entities(conn, [entity_id], search)


def set_name(conn: Connection, entity_id: str, name: str, search: Search) -> None:

    conn.execute(update(entities).where(entities.c.id == entity_id).values(name=name))
    rebuild_entities(conn, [entity_id], search)


def set_type(conn: Connection, entity_id: str, entity_type: str, search: Search) -> None:

    conn.execute(update(entities).where(entities.c.id == entity_id).values(type=entity_type))
    rebuild_entities(conn, [entity_id], search)


# ------------------------------------------------------------------ facts

def local_names(conn: Connection, doc_id: str) -> dict[str, str]:
    """Local id -> name of a document's local entities."""
    return dict(conn.execute(select(doc_entities.c.local_id, doc_entities.c.name)
                             .where(doc_entities.c.document_id == doc_id)).all())


def fact_rows(conn: Connection, fact: dict[str, Any]) -> list[int]:
    """Row ids of the stored facts a fact reference names (see `reject`)."""
    what, doc_id = fact.get("fact"), fact.get("document")
    if what == "relation":
        stmt = select(relations.c.id, relations.c.source_local, relations.c.target_local
                      ).where(relations.c.document_id == doc_id)
        if fact.get("type"):
            stmt = stmt.where(relations.c.type == fact["type"])
        if fact.get("evidence"):
            stmt = stmt.where(relations.c.evidence == fact["evidence"])
        names = local_names(conn, doc_id)
        found = []
        for row in conn.execute(stmt):
            if fact.get("source") and name_key(names.get(row.source_local, "")) != name_key(
                    fact["source"]):
                continue
            if fact.get("target") and name_key(names.get(row.target_local, "")) != name_key(
                    fact["target"]):
                continue
            found.append(row.id)
        return found
    if what == "event":
        stmt = select(events.c.id).where(events.c.document_id == doc_id)
        if fact.get("type"):
            stmt = stmt.where(events.c.type == fact["type"])
        if fact.get("evidence"):
            stmt = stmt.where(events.c.evidence == fact["evidence"])
        return list(conn.scalars(stmt))
    if what == "attribution":
        stmt = select(attributions.c.id).where(attributions.c.document_id == doc_id)
        if fact.get("content"):
            stmt = stmt.where(attributions.c.content == fact["content"])
        if fact.get("source_text"):
            stmt = stmt.where(attributions.c.source_text == fact["source_text"])
        return list(conn.scalars(stmt))
    raise JudgementError(f"unknown fact kind {what!r}: relation, event or attribution")


def delete_facts(conn: Connection, what: str, ids: list[int]) -> int:
    if not ids:
        return 0
    table_ = {"relation": relations, "event": events, "attribution": attributions}[what]
    tied = tie_table.pairs_where(conn, relations.c.id.in_(ids)) if what == "relation" \
        else set()
    # events credited to a rejected statement are no longer credited (their pairs say so)
    credited = event_pair_table.events_credited(conn, ids) if what == "attribution" \
        else set()
    conn.execute(delete(table_).where(table_.c.id.in_(ids)))
    tie_table.refresh(conn, tied)
    event_pair_table.refresh(conn, credited)
    return len(ids)


def add_relation(conn: Connection, fact: dict[str, Any], source: str, target: str) -> bool:
    """Insert a hand-made relation (once); its evidence must be in the document's text."""
    doc_id = fact["document"]
    body = conn.scalar(select(documents.c.text).where(documents.c.id == doc_id))
    if body is None:
        return False
    evidence = fact.get("evidence") or ""
    start = body.find(evidence) if evidence else -1
    exists = conn.scalar(select(relations.c.id).where(and_(
        relations.c.document_id == doc_id, relations.c.type == fact["type"],
        relations.c.source_local == MANUAL, relations.c.source_entity == source,
        relations.c.target_entity == target, relations.c.evidence == evidence)))
    if exists:
        return True
    conn.execute(insert(relations).values(
        document_id=doc_id, type=fact["type"], source_local=MANUAL, target_local=MANUAL,
        source_entity=source, target_entity=target, role=fact.get("role"),
        negated=bool(fact.get("negated")), hedged=False, evidence=evidence,
        confidence=1.0,  # the analyst's own judgement
        start=start if start >= 0 else None,
        end=start + len(evidence) if start >= 0 else None))
    tie_table.refresh(conn, [(source, target)])
    return True


# ------------------------------------------------------------------ review queue

def _insert_review(conn: Connection, values: dict[str, Any]) -> None:
    found = conn.execute(select(review_candidates.c.id, review_candidates.c.score,
                                review_candidates.c.status).where(and_(
        review_candidates.c.entity_id == values["entity_id"],
        review_candidates.c.candidate_id == values["candidate_id"]))).first()
    if found is None:
        conn.execute(insert(review_candidates).values(**values))
    elif found.status == "open" and values["score"] > found.score:
        conn.execute(update(review_candidates).where(review_candidates.c.id == found.id)
                     .values(score=values["score"], reasons=values["reasons"]))


def record_reviews(conn: Connection, items: list) -> None:
    """Store the pairs the resolver filed for review (unless judged already)."""
    if not items:
        return
    judged = separated_pairs(conn)
    stamp = now()
    for item in items:
        a, b = sorted((item.entity, item.candidate), key=entity_number)
        if a == b or frozenset((a, b)) in judged:
            continue
        _insert_review(conn, {"entity_id": b, "candidate_id": a, "score": item.score,
                              "reasons": item.reasons, "document_id": item.document,
                              "local_id": item.local, "status": "open", "created_at": stamp})


def separated_pairs(conn: Connection) -> set[frozenset[str]]:
    """Pairs of global ids that a not-same or split judgement last kept apart."""
    pairs = set()
    for j in table.active(conn, kinds=("not_same", "split")):
        targets = [t for t in j["targets"] or [] if t]
        if len(targets) == 2:
            pairs.add(frozenset(targets))
    return pairs


def close_review(conn: Connection, review_id: int, status: str, author: str | None) -> None:
    conn.execute(update(review_candidates).where(review_candidates.c.id == review_id)
                 .values(status=status, decided_at=now(), decided_by=author))


def review_pair(conn: Connection, review_id: int) -> tuple[str, str] | None:
    row = conn.execute(select(review_candidates.c.entity_id, review_candidates.c.candidate_id)
                       .where(review_candidates.c.id == review_id)).first()
    return (row.entity_id, row.candidate_id) if row else None


def close_pair_reviews(conn: Connection, a: str, b: str, status: str,
                       author: str | None) -> None:
    conn.execute(update(review_candidates).where(and_(
        review_candidates.c.status == "open",
        or_(and_(review_candidates.c.entity_id == a, review_candidates.c.candidate_id == b),
            and_(review_candidates.c.entity_id == b, review_candidates.c.candidate_id == a))))
        .values(status=status, decided_at=now(), decided_by=author))
