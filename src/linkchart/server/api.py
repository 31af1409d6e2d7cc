"""The REST API and the web UI it serves: `create_app(store_url, token=None)`.

OpenAPI at /openapi.json, browsable at /docs (Swagger UI, vendored: nothing is fetched
from outside). Handlers are thin: the store's repository API and `views` do the work.
"""

from __future__ import annotations

import io
from dataclasses import replace
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Query
from fastapi.responses import FileResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field

from linkchart import __version__
from linkchart.analyze import KINDS, AnalysisError, Selection, analyze
from linkchart.catalogue import RELATIONS
from linkchart.export import export as write_export
from linkchart.model import DEFAULT_CONFIDENCE, ENTITY_TYPES, EVENT_TYPES, RELATION_TYPES
from linkchart.server import chart_view, review, views
from linkchart.server.params import (
    ERRORS, DateFrom, DateTo, Entities, EventTypes, Expand, FiltersDep, Hide, Limit, Offset,
    RelationFiltersDep, RowId, StoreDep, WithEvidence, checked, data, filters, storable_body,
    storable_parameters)
from linkchart.server.security import guard
from linkchart.server.warm_up import compile_card_statements
from linkchart.server.workspace_api import router as workspace_routes
from linkchart.store import Store

STATIC = Path(__file__).resolve().parent / "static"
EXPORTS = {"gexf": ("application/gexf+xml", "gexf"), "json": ("application/json", "json")}


class JudgementIn(BaseModel):
    kind: str = Field(description="merge, not_same, split, retype, rename, reject, add_fact, "
                      "add_actor")
    payload: dict[str, Any] = Field(description='e.g. {"entities": ["E1", "E3"]} for a '
                                    'merge, {"relation": "supports:E2:E1"} for a reject, '
                                    '{"entity": "E4", "type": "armed_group"} for a retype '
                                    '(all shapes: linkchart.server.review)')
    author: str | None = Field(None, max_length=200)


class DecisionIn(BaseModel):
    decision: str = Field(description="merge, not_same or skip")
    author: str | None = Field(None, max_length=200)


api = APIRouter(prefix="/api", responses=ERRORS, dependencies=[Depends(storable_parameters)])


@api.get("/health", tags=["meta"])
def health() -> dict[str, str]:
    return {"status": "ok", "version": __version__}


@api.get("/types", tags=["meta"], summary="Entity, relation and PLOVER event types")
def types() -> dict[str, Any]:
    return {"entity_types": list(ENTITY_TYPES), "relation_types": list(RELATION_TYPES),
            "relations": [r.public() for r in RELATIONS.values()],
            "event_types": list(EVENT_TYPES), "default_min_confidence": DEFAULT_CONFIDENCE}


@api.get("/overview", tags=["chart"], summary="Counts, and the largest and most connected "
         "actors")
def overview(store: StoreDep, top: Annotated[int, Query(ge=1, le=100)] = 12):
    return data(views.overview(store, top))


@api.get("/entities", tags=["entities"], summary="Search entities by name, alias and type")
def entities(store: StoreDep, q: Annotated[str | None, Query(max_length=200)] = None,
             type: Annotated[str | None, Query(description="An entity type")] = None,
             limit: Annotated[int, Query(ge=1, le=500)] = 20, offset: Offset = 0):
    if type and type not in ENTITY_TYPES:
        raise HTTPException(422, f"unknown entity type: {type}")
    if q and q.strip():
        found = [e for e in store.find_entities(q.strip(), limit=offset + limit + 50)
                 if not type or e["type"] == type]
        return data(found[offset:offset + limit])
    return data(store.entities(type=type, limit=limit, offset=offset))


@api.get("/entities/{entity_id}", tags=["entities"],
         summary="An entity: aliases, type, relations and events with evidence, sources "
         "(each list at most `limit` long, its full length in `totals`)")
def entity(store: StoreDep, entity_id: str,
           limit: Annotated[int, Query(ge=1, le=5000, description="Ties (best sourced "
                                       "first), events, statements and documents listed "
                                       "at most")] = views.CARD_LIMIT):
    return data(_found(views.card(store, entity_id, limit), "entity"))


@api.get("/entities/{entity_id}/neighbourhood", tags=["chart"],
         summary="The entities and relations around one entity")
def neighbourhood(store: StoreDep, entity_id: str, selected: RelationFiltersDep,
                  depth: Annotated[int, Query(ge=1, le=3)] = 1,
                  limit: Limit = views.DEFAULT_LIMIT, evidence: WithEvidence = False):
    found = views.neighbourhood(store, entity_id, depth, selected, limit, evidence)
    if not found["nodes"] and store.entity(entity_id) is None:
        raise HTTPException(404, "no such entity")
    return data(found)


@api.get("/graph", tags=["chart"], summary="A chart: some entities, the neighbours of the "
         "expanded ones, and the links among them (relations, and events when events=true)")
def graph(store: StoreDep, selected: FiltersDep, entity: Entities = [], expand: Expand = [],
          hide: Hide = [], limit: Limit = views.DEFAULT_LIMIT, evidence: WithEvidence = False):
    return data(views.graph(store, list(entity), list(expand), selected, hide, limit,
                            evidence))


@api.get("/edges/{edge_id}", tags=["chart"], summary="One link with all its evidence: a "
         "relation (type:source:target[:not]) or an event link (event:TYPE:actor:recipient)")
def edge(store: StoreDep, edge_id: str, selected: RelationFiltersDep):
    return data(_found(views.edge(store, edge_id, selected), "link"))


@api.get("/events", tags=["events"], summary="The events timeline, oldest first")
def events(store: StoreDep, entity: Entities = [], event_types: EventTypes = [],
           date_from: DateFrom = None, date_to: DateTo = None,
           limit: Annotated[int, Query(ge=1, le=views.MAX_EVENTS)] = 500):
    types = checked(event_types, EVENT_TYPES, "event type")
    return data(views.events(store, list(entity), types, date_from, date_to, limit))


def analysis_selection(base: Annotated[Selection, Depends(filters)],
                       min_confidence: Annotated[float | None, Query(
                           ge=0, le=1, description="Facts at least this likely")] = None,
                       outlet: Annotated[list[str], Query(description="Outlets to keep")] = [],
                       sources: Annotated[str | None, Query(
                           pattern="^(named|anonymous)$",
                           description="Keep evidence credited to such sources")] = None,
                       document: Annotated[list[str], Query(
                           description="Documents to keep")] = [],
                       entity: Entities = []) -> Selection:
    return replace(base, min_confidence=min_confidence, outlets=list(outlet) or None,
                   sources=sources, documents=list(document) or None,
                   entity_ids=list(entity) or None)


@api.get("/analysis/{kind}", tags=["analysis"], summary="Findings of one analysis: chains, "
         "principals (of `entity`), directives, fronts, contradictions, brokers, sourcing "
         "(of the `entity` actors, or of one `tie`); each with kind, summary, entities and "
         "evidence")
def analysis(store: StoreDep, kind: str,
             selected: Annotated[Selection, Depends(analysis_selection)],
             tie: Annotated[str | None, Query(max_length=300, description="sourcing of "
                                              "one tie: type:source:target[:not]")] = None,
             limit: Annotated[int, Query(ge=1, le=1000)] = 100):
    if kind not in KINDS:
        raise HTTPException(404, f"no analysis {kind!r}: one of {', '.join(KINDS)}")
    actor = selected.entity_ids[0] if selected.entity_ids else None
    if kind == "principals":
        selected = replace(selected, entity_ids=None)
    try:
        return data(analyze(store, kind, selected, limit, entity=actor, tie=tie))
    except AnalysisError as error:
        raise HTTPException(422, str(error))


@api.get("/documents", tags=["documents"], summary="Documents, newest first, or a full-text "
         "search")
def documents(store: StoreDep, q: Annotated[str | None, Query(max_length=200)] = None,
              limit: Annotated[int, Query(ge=1, le=500)] = 50, offset: Offset = 0):
    if q and q.strip():
        return data(store.search_documents(q.strip(), limit=limit))
    return data(store.documents(limit=limit, offset=offset))


@api.get("/documents/{doc_id:path}", tags=["documents"],
         summary="A document's text with its entities, relations, events and attributions "
         "located by character offsets")
def document(store: StoreDep, doc_id: str):
    return data(_found(views.document(store, doc_id), "document"))


@api.get("/judgements", tags=["review"], summary="Analysts' judgements, with the state of "
         "each (applied, pending, superseded, withdrawn, invalid)")
def judgements(store: StoreDep, kind: str | None = None):
    return data(store.judgements(kind))


@api.post("/judgements", tags=["review"], status_code=201,
          summary="Make a judgement (merge, not_same, split, retype, rename, reject, add_fact, "
          "add_actor): "
          "recorded with its author, applied at once, re-applied on every later ingest")
def add_judgement(store: StoreDep, judgement: JudgementIn):
    storable_body(judgement.model_dump())
    try:
        made = review.record(store, judgement.kind, judgement.payload, judgement.author)
    except ValueError as error:
        raise HTTPException(422, str(error)) from None
    return data({"judgements": made}, status_code=201)


@api.delete("/judgements/{judgement_id}", tags=["review"], status_code=204,
            summary="Withdraw a judgement (it stays on record, no longer in force)")
def withdraw_judgement(store: StoreDep, judgement_id: RowId):
    try:
        store.withdraw_judgement(judgement_id)
    except ValueError as error:
        raise HTTPException(404, str(error)) from None
    return Response(status_code=204)


@api.get("/review", tags=["review"], summary="The resolution review queue: pairs of "
         "entities that may be one actor, best score first")
def review_queue(store: StoreDep, status: Annotated[str, Query(
                     pattern="^(open|merged|not_same|skipped|all)$")] = "open",
                 entity: str | None = None,
                 limit: Annotated[int, Query(ge=1, le=500)] = 50):
    return data(store.review_candidates(None if status == "all" else status, limit, entity))


@api.post("/review/{review_id}", tags=["review"], summary="Settle a review candidate: "
          "merge, not_same or skip")
def decide(store: StoreDep, review_id: RowId, decision: DecisionIn):
    storable_body(decision.model_dump())
    try:
        found = review.decide(store, review_id, decision.decision, decision.author)
    except ValueError as error:
        raise HTTPException(422, str(error)) from None
    return data({"judgement": found})


@api.get("/export", tags=["chart"], summary="Export the chart on screen (the parameters of "
         "/api/graph: exactly its actors and links) as linkchart-view/1 JSON, GEXF, GraphML "
         "or Gephi CSV (.zip); without `entity` or `expand`, the store's facts (whole, or "
         "under the filters) as GEXF or linkchart-corpus/1 JSON", response_class=Response,
         responses={200: {"description": "The file, as an attachment", "content": {
             media: {"schema": {"type": "object" if media.endswith("json") else "string"}}
             for media, _ in chart_view.FORMATS.values()}}})
def export(store: StoreDep, selected: FiltersDep, entity: Entities = [], expand: Expand = [],
           hide: Hide = [], limit: Limit = views.DEFAULT_LIMIT,
           format: Annotated[str, Query(pattern="^(gexf|json|graphml|csv)$")] = "gexf",
           title: Annotated[str | None, Query(max_length=200, description="The chart's "
                                              "title (a view's export)")] = None):
    media, suffix = chart_view.FORMATS[format]
    if entity or expand:
        view = chart_view.chart_view(store, list(entity), list(expand), selected, list(hide),
                                     limit, title)
        content = chart_view.write(view, format)
    else:
        content = _store_export(store, selected, format)
    return Response(content, media_type=media, headers={
        "Content-Disposition": f'attachment; filename="linkchart.{suffix}"'})


def _store_export(store: Store, selected: Selection, format: str) -> bytes:
    if format not in EXPORTS:
        raise HTTPException(422, f"{format} exports a chart: give `entity` or `expand`")
    buffer = io.BytesIO()
    write_export(store, format, buffer,
          replace(selected, events=True) if selected != Selection() else None)
    return buffer.getvalue()


def _found(value, what: str):
    if value is None:
        raise HTTPException(404, f"no such {what}")
    return value


def create_app(store_url: str, token: str | None = None, *,
               allowed_hosts: tuple[str, ...] | None = None, store: Store | None = None
               ) -> FastAPI:
    """The app over the store at `store_url` (or an open `store`). With `token`, every
    request needs it; `allowed_hosts` limits the Host names answered."""

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        compile_card_statements(app.state.store)
        yield
        if store is None:
            app.state.store.close()

    app = FastAPI(title="linkchart", version=__version__, lifespan=lifespan,
                  docs_url=None, redoc_url=None, openapi_url="/openapi.json",
                  description="The link chart of a linkchart store: entities, relations and "
                  "events with their evidence. Every list is plain JSON; dates are ISO 8601 "
                  "at the precision the text gives.")
    app.state.store = store or Store.open(store_url)
    app.middleware("http")(guard(token, allowed_hosts))
    app.include_router(api)
    app.include_router(workspace_routes)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def index():
        return FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-cache"})

    @app.get("/docs", include_in_schema=False)
    def docs():
        return FileResponse(STATIC / "docs.html", headers={"Cache-Control": "no-cache"})

    return app

