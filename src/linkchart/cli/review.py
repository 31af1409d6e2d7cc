"""Analyst commands over resolution: review the queue, merge, split, keep apart, retype,
rename, reject facts, add facts, and share judgements as JSON (docs/review.md).

Registered on the main app by `register(app)` (called from linkchart.cli). Every
decision is stored as a judgement with its author and time, applied at once, and
re-applied by the store on every later ingest.
"""

from __future__ import annotations

import getpass
import json
import os
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.table import Table

from linkchart.cli.common import DbOption, console, errors, open_reader, open_store

AuthorOption = typer.Option(None, "--author", help="Who decides (default LINKCHART_AUTHOR, "
                            "else the login name)")
DECISIONS = {"merge": "merge", "m": "merge", "not-same": "not_same", "not_same": "not_same",
             "n": "not_same", "skip": "skip", "s": "skip"}


def _author(author: Optional[str]) -> str:
    if author:
        return author
    if os.environ.get("LINKCHART_AUTHOR"):
        return os.environ["LINKCHART_AUTHOR"]
    try:
        return getpass.getuser()
    except Exception:  # no login name (containers): anonymous
        return "analyst"


def _fail(message: str, code: int = 1) -> None:
    errors.print(f"[red]error:[/red] {message}")
    raise typer.Exit(code)


def _entity(store, ref: str) -> str:
    """An entity id from an id ("E17") or a name that names exactly one entity."""
    if ref[:1] in "Ee" and ref[1:].isdigit():
        if store.entity(ref.upper()) is None:
            _fail(f"no entity {ref}")
        return ref.upper()
    from linkchart.names.normalise import name_key

    found = [e for e in store.find_entities(ref) if name_key(e["name"]) == name_key(ref)
             or name_key(ref) in {name_key(a) for a in e["aliases"]}]
    if len(found) == 1:
        return found[0]["id"]
    if not found:
        _fail(f"no entity named {ref!r}; try `linkchart entities --search`")
    listed = ", ".join(f"{e['id']} {e['name']} ({e['type']})" for e in found[:8])
    _fail(f"{ref!r} names several entities: {listed}; give an id")
    return ""


def _judged(judgement: dict, what: str) -> None:
    status = judgement.get("status") or "recorded"
    targets = ", ".join(t for t in judgement.get("targets") or [] if t)
    console.print(f"judgement {judgement['id']} ({judgement['kind']}, {status}): {what}"
                  + (f" -> {targets}" if targets else ""))


def _run(action):
    from linkchart.store.identity import JudgementError

    try:
        return action()
    except JudgementError as error:
        _fail(str(error))


# ------------------------------------------------------------------ review

def review(candidate: Optional[int] = typer.Argument(None, help="A candidate's number"),
           decision: Optional[str] = typer.Argument(None, help="merge, not-same or skip"),
           db: Optional[str] = DbOption, author: Optional[str] = AuthorOption,
           limit: int = typer.Option(30, help="How many candidates to list"),
           entity: Optional[str] = typer.Option(None, help="Only candidates of this entity"),
           status: str = typer.Option("open", help="open, merged, not_same, skipped or all"),
           interactive: bool = typer.Option(False, "--interactive", "-i",
                                            help="Decide the open candidates one by one"),
           as_json: bool = typer.Option(False, "--json", help="Print JSON")):
    """The resolution review queue: pairs of entities that may be one actor.

    `linkchart review` lists them, best score first; `linkchart review 12 merge`
    (or not-same, skip) decides one; `--interactive` walks through them."""
    listing = candidate is None and not interactive
    with (open_reader(db) if listing else open_store(db)) as store:
        if candidate is not None:
            if decision not in DECISIONS:
                _fail("decide with merge, not-same or skip", 2)
            found = _run(lambda: store.decide(candidate, DECISIONS[decision],
                                              _author(author)))
            if found:
                _judged(found, f"candidate {candidate}: {DECISIONS[decision]}")
            else:
                console.print(f"candidate {candidate} skipped")
            return
        entity_id = _entity(store, entity) if entity else None
        rows = store.review_candidates(None if status == "all" else status, limit, entity_id)
        if as_json:
            sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
            return
        if not interactive:
            _review_table(rows)
            return
        for row in rows:
            _review_table([row])
            for side in ("entity", "candidate"):
                mentions = store.entity_mentions(row[side]["id"])
                docs = sorted({m["document"] for m in mentions})
                console.print(f"  {row[side]['id']}: {len(docs)} documents, e.g. "
                              f"{', '.join(docs[:5])}")
            answer = typer.prompt("[m]erge, [n]ot the same, [s]kip, [q]uit", default="s")
            if answer.lower().startswith("q"):
                break
            choice = DECISIONS.get(answer.lower().strip(), "skip")
            found = _run(lambda: store.decide(row["id"], choice, _author(author)))
            if found:
                _judged(found, choice)


def _review_table(rows: list[dict]) -> None:
    table = Table("#", "score", "entity", "may be", "why", "status")
    for row in rows:
        a, b = row["entity"], row["candidate"]
        table.add_row(str(row["id"]), f"{row['score']:.2f}",
                      f"{a['id']} {a['name']} ({a['type']})",
                      f"{b['id']} {b['name']} ({b['type']})",
                      "; ".join(row["reasons"]), row["status"])
    console.print(table)
    if not rows:
        console.print("nothing to review")


# ------------------------------------------------------------------ judgements on entities

def merge(entities: list[str] = typer.Argument(..., help="Two or more entity ids or names"),
          db: Optional[str] = DbOption, author: Optional[str] = AuthorOption):
    """These entities are one actor (the oldest id stays)."""
    with open_store(db) as store:
        ids = [_entity(store, e) for e in entities]
        _judged(_run(lambda: store.merge(ids, _author(author))), "merge " + " ".join(ids))


def split(entity: str = typer.Argument(..., help="An entity id or name"),
          name: Optional[list[str]] = typer.Option(None, "--name",
                                                   help="Move out the mentions with this name"),
          document: Optional[list[str]] = typer.Option(None, "--document",
                                                       help="Move out its mentions in this "
                                                            "document"),
          undo: Optional[int] = typer.Option(None, "--undo", help="Undo this merge judgement"),
          db: Optional[str] = DbOption, author: Optional[str] = AuthorOption):
    """Part of this entity is another actor: move those mentions to an entity of their own
    (and keep the two apart from now on)."""
    with open_store(db) as store:
        entity_id = _entity(store, entity)
        found = _run(lambda: store.split(entity_id, name or None, document or None, undo,
                                         _author(author)))
        _judged(found, f"split {entity_id}")


def not_same(a: str = typer.Argument(..., help="An entity id or name"),
             b: str = typer.Argument(..., help="Another entity id or name"),
             db: Optional[str] = DbOption, author: Optional[str] = AuthorOption):
    """These two entities are different actors: never merge them."""
    with open_store(db) as store:
        ids = _entity(store, a), _entity(store, b)
        _judged(_run(lambda: store.not_same(*ids, _author(author))), f"{ids[0]} != {ids[1]}")


def retype(entity: str = typer.Argument(..., help="An entity id or name"),
           type: str = typer.Argument(..., help="The right type (docs/formats.md)"),
           db: Optional[str] = DbOption, author: Optional[str] = AuthorOption):
    """Give an entity its right type."""
    with open_store(db) as store:
        entity_id = _entity(store, entity)
        _judged(_run(lambda: store.retype(entity_id, type, _author(author))),
                f"{entity_id} is a {type}")


def rename(entity: str = typer.Argument(..., help="An entity id or name"),
           name: str = typer.Argument(..., help="The canonical name to show"),
           db: Optional[str] = DbOption, author: Optional[str] = AuthorOption):
    """Set an entity's canonical (display) name; the old one stays an alias."""
    with open_store(db) as store:
        entity_id = _entity(store, entity)
        _judged(_run(lambda: store.rename(entity_id, name, _author(author))),
                f"{entity_id} is called {name!r}")


# ------------------------------------------------------------------ facts

def reject(kind: str = typer.Argument(..., help="relation, event or attribution"),
           ref: list[str] = typer.Argument(..., help="relation: its edge id TYPE:E1:E2 "
                                                     "(as `linkchart show` and exports give "
                                                     "it); event: V12; attribution: DOC a3"),
           document: Optional[str] = typer.Option(None, "--document",
                                                  help="relation: only its evidence in this "
                                                       "document"),
           db: Optional[str] = DbOption, author: Optional[str] = AuthorOption):
    """A machine-extracted fact is wrong: remove it, now and from every re-extraction."""
    with open_store(db) as store:
        who = _author(author)
        if kind == "relation" and len(ref) == 1:
            found = _run(lambda: store.reject_relation(ref[0], document, who))
        elif kind == "event" and len(ref) == 1:
            found = _run(lambda: store.reject_event(ref[0], who))
        elif kind == "attribution" and len(ref) == 2:
            found = _run(lambda: store.reject_attribution(ref[0], ref[1], who))
        else:
            _fail("reject relation EDGE | event V12 | attribution DOC LOCAL_ID", 2)
        facts = found["payload"]["facts"]
        _judged(found, f"{len(facts)} {kind} fact{'s' if len(facts) != 1 else ''} rejected")


def add_fact(type: str = typer.Argument(..., help="A relation type (docs/formats.md)"),
             source: str = typer.Argument(..., help="Source entity id or name"),
             target: str = typer.Argument(..., help="Target entity id or name"),
             document: str = typer.Option(..., "--document", help="The document that says so"),
             evidence: str = typer.Option(..., "--evidence",
                                          help="The exact passage of that document"),
             role: Optional[str] = typer.Option(None, "--role"),
             negated: bool = typer.Option(False, "--negated"),
             db: Optional[str] = DbOption, author: Optional[str] = AuthorOption):
    """Add a relation the machine missed, with its evidence (no evidence, no edge)."""
    with open_store(db) as store:
        s, t = _entity(store, source), _entity(store, target)
        found = _run(lambda: store.add_fact(type, s, t, document, evidence, role, negated,
                                            _author(author)))
        _judged(found, f"{type} {s} -> {t}")


# ------------------------------------------------------------------ sharing judgements

judgements_app = typer.Typer(help="Analysts' judgements: list, export, import, withdraw.",
                             no_args_is_help=True)


@judgements_app.command("list")
def judgements_list(db: Optional[str] = DbOption,
                    kind: Optional[str] = typer.Option(None, "--kind")):
    """Every judgement with its author, time and state."""
    with open_reader(db) as store:
        rows = store.judgements(kind)
    table = Table("id", "kind", "what", "author", "when", "status", "entities")
    for j in rows:
        table.add_row(str(j["id"]), j["kind"], _what(j), j["author"] or "", j["created_at"],
                      j["status"] or "", ", ".join(t for t in j["targets"] or [] if t))
    console.print(table)


def _what(j: dict) -> str:
    p = j["payload"] or {}

    def name(sig) -> str:
        return sig if isinstance(sig, str) else f"{sig.get('name')} ({sig.get('id') or 'new'})"

    if j["kind"] in ("merge", "not_same", "split"):
        return " | ".join(name(s) for s in p.get("entities") or [])
    if j["kind"] == "retype":
        return f"{name(p.get('entity', {}))} -> {p.get('type')}"
    if j["kind"] == "rename":
        return f"{name(p.get('entity', {}))} -> {p.get('name')}"
    if j["kind"] == "reject":
        return p.get("ref") or f"{len(p.get('facts') or [])} facts"
    if j["kind"] == "add_fact":
        return f"{p.get('type')} {name(p.get('source', {}))} -> {name(p.get('target', {}))}"
    return json.dumps(p)[:60]


@judgements_app.command("export")
def judgements_export(out: Optional[Path] = typer.Option(None, "--out",
                                                         help="File (default stdout)"),
                      db: Optional[str] = DbOption):
    """Write every judgement as JSON (linkchart-judgements/1) to share with a team."""
    with open_store(db) as store:
        data = store.export_judgements()
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if out:
        out.write_text(text, encoding="utf-8")
        errors.print(f"{len(data['judgements'])} judgements written to {out}")
    else:
        sys.stdout.write(text)


@judgements_app.command("import")
def judgements_import(path: Path = typer.Argument(..., help="A linkchart-judgements/1 file"),
                      db: Optional[str] = DbOption):
    """Add the judgements this store lacks, re-anchor them by the names and mentions they
    were made on, and apply every judgement in force."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        _fail(f"{path}: {error}", 2)
    with open_store(db) as store:
        result = _run(lambda: store.import_judgements(data))
    statuses = ", ".join(f"{n} {s}" for s, n in sorted(result["statuses"].items()))
    console.print(f"{result['added']} judgements added; applied: {statuses or 'none'}")


@judgements_app.command("withdraw")
def judgements_withdraw(judgement: int = typer.Argument(..., help="A judgement id"),
                        db: Optional[str] = DbOption):
    """Stop applying a judgement (what it did stays until re-ingest or a new judgement)."""
    with open_store(db) as store:
        _run(lambda: store.withdraw_judgement(judgement))
    console.print(f"judgement {judgement} withdrawn")


@judgements_app.command("apply")
def judgements_apply(db: Optional[str] = DbOption):
    """Re-apply every judgement in force (the store does this on every ingest)."""
    with open_store(db) as store:
        counts = store.apply_judgements()
    console.print(", ".join(f"{n} {s}" for s, n in sorted(counts.items())) or "none")


def resolve_timing(
        corpus: Path = typer.Argument(..., help="JSONL(.gz) corpus of {id, title, outlet, "
                                                "published, url, text}"),
        n: int = typer.Option(300, "--n", help="How many documents to extract and store"),
        skip: int = typer.Option(0, "--skip", help="Start after this many documents"),
        db: Optional[str] = typer.Option(None, "--db", help="Add to this store (default: a "
                                                            "fresh temporary one)"),
        batch: int = typer.Option(64, "--batch", help="Documents per store transaction"),
        workers: int = typer.Option(1, "--workers", help="Extraction processes"),
        replicas: int = typer.Option(0, "--replicas",
                                     help="Then store the extractions again this many times as "
                                          "new documents, half their actors renamed (scale)"),
        cache: Optional[Path] = typer.Option(None, "--extractions",
                                             help="Keep the extractions in this file and reuse "
                                                  "them on the next run (times the store part "
                                                  "alone; the extraction time is the saved one)"),
        as_json: bool = typer.Option(False, "--json")):
    """Resolution's share of ingest time (docs/performance.md, "Resolution")."""
    from linkchart.evaluate.resolution_timing import measure

    if not corpus.exists():
        _fail(f"corpus not found: {corpus}", 2)
    timing = measure(corpus, n, skip, db, batch, workers, replicas, cache=cache)
    data = timing.to_json()
    if as_json:
        sys.stdout.write(json.dumps(data, indent=2) + "\n")
        return
    console.print(f"{data['documents']} documents, {data['words']} words: extract "
                  f"{data['extract_s']} s, store {data['store_s']} s, of which resolve "
                  f"{data['resolve_s']} s and judgements/review "
                  f"{data['judgements_and_review_s']} s")
    console.print(f"resolution: {100 * (data['resolution_share_of_ingest'] or 0):.2f}% of "
                  f"ingest time, {data['resolution_ms_per_document']} ms per document; "
                  f"{data['entities_in_store']} entities in the store")
    for row in data["replica_batches"]:
        console.print(f"replica {row['replica']}: {row['documents']} documents, resolve "
                      f"{row['resolve_s']} s, store {row['store_s']} s, "
                      f"{row['entities_after']} entities after")


def register(app: typer.Typer) -> None:
    app.command("review")(review)
    app.command("merge")(merge)
    app.command("split")(split)
    app.command("not-same")(not_same)
    app.command("retype")(retype)
    app.command("rename")(rename)
    app.command("reject")(reject)
    app.command("add-fact")(add_fact)
    app.add_typer(judgements_app, name="judgements")
    app.command("resolve-timing")(resolve_timing)
