"""What every route module of the API shares: parameter types and their checks, the
store dependency, the selection filters, the error answers, and plain JSON responses."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

import orjson
from fastapi import Depends, HTTPException, Path as PathParam, Query, Request
from fastapi.responses import JSONResponse
from pydantic import AfterValidator, BaseModel

from linkchart.analyze import Selection
from linkchart.model import DEFAULT_CONFIDENCE, ENTITY_TYPES, EVENT_TYPES, RELATION_TYPES
from linkchart.store import Store

DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
MAX_ROW_ID = 2**31 - 1
"""Judgement and review ids are INTEGER columns: 32-bit signed on PostgreSQL."""
MAX_OFFSET = 2**63 - 1
"""OFFSET takes a 64-bit signed integer on both stores."""
UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
"""NUL and lone surrogates: no store holds them, so no request may carry them."""


def real_date(value: str | None) -> str | None:
    """A YYYY, YYYY-MM or YYYY-MM-DD that names a real month and day."""
    if value is None:
        return None
    parts = [int(part) for part in value.split("-")] + [1, 1]
    try:
        date(*parts[:3])
    except ValueError:
        raise ValueError(f"{value} is no date in the calendar") from None
    return value

EntityTypes = Annotated[list[str], Query(alias="entity_type", description="Entity types to keep "
                                         "(repeat the parameter); none means all")]
RelationTypes = Annotated[list[str], Query(alias="relation_type",
                                           description="Relation types to keep")]
EventTypes = Annotated[list[str], Query(alias="event_type", description="PLOVER event types")]
DateFrom = Annotated[str | None, Query(pattern=DATE, description="YYYY, YYYY-MM or YYYY-MM-DD"),
                     AfterValidator(real_date)]
DateTo = Annotated[str | None, Query(pattern=DATE, description="YYYY, YYYY-MM or YYYY-MM-DD"),
                   AfterValidator(real_date)]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip")]
RowId = Annotated[int, PathParam(ge=1, le=MAX_ROW_ID)]
MinSources = Annotated[int, Query(ge=1, le=100, description="Independent outlets at least")]
MinConfidence = Annotated[float, Query(ge=0, le=1, description="Calibrated confidence at "
                                       f"least (default {DEFAULT_CONFIDENCE}); 0 shows every tie")]
Entities = Annotated[list[str], Query(alias="entity", description="Entity ids to show")]
Expand = Annotated[list[str], Query(alias="expand", description="Entity ids whose neighbours "
                                    "to show")]
Hide = Annotated[list[str], Query(alias="hide", description="Neighbours to leave out")]
Limit = Annotated[int, Query(ge=1, le=2000, description="Neighbours per expanded entity, "
                             "best sourced first")]
WithEvidence = Annotated[bool, Query(description="Inline every edge's evidence (otherwise "
                                     "fetch it from /api/edges/{id})")]



class Problem(BaseModel):
    """Every 4xx answer: `detail` says what is wrong, as a sentence or, for a parameter
    of the wrong type or range, as FastAPI's list of validation errors."""

    detail: str | list[dict[str, Any]]


ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": Problem, "description": description} for status, description in (
        (400, "Bad request (an unknown Host is answered in plain text)"),
        (401, "A token is needed (serve --token)"), (403, "Cross-origin request refused"),
        (404, "Not found"), (422, "Invalid parameter or body"))}
ERRORS[400]["content"] = {"text/plain": {"schema": {"type": "string"}}}


class _Json(JSONResponse):
    """JSON encoded by orjson: a hub's chart is thousands of edges, and the standard
    encoder took a third of the answer's time. The same JSON, compact and UTF-8."""

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content, option=orjson.OPT_NON_STR_KEYS)


def data(content: Any, status_code: int = 200) -> JSONResponse:
    """Plain data as JSON, without FastAPI's slower generic encoder."""
    return _Json(content, status_code=status_code)


def store_of(request: Request) -> Store:
    return request.app.state.store


StoreDep = Annotated[Store, Depends(store_of)]


def checked(given: list[str], known: tuple[str, ...], what: str) -> list[str]:
    """`given` as a list, or a 422 naming the values `known` lacks."""
    unknown = sorted(set(given) - set(known))
    if unknown:
        raise HTTPException(422, f"unknown {what}: {', '.join(unknown)}")
    return list(given)


def relation_filters(entity_types: EntityTypes = [], relation_types: RelationTypes = [],
                     date_from: DateFrom = None, date_to: DateTo = None,
                     min_sources: MinSources = 1,
                     min_confidence: MinConfidence = DEFAULT_CONFIDENCE) -> Selection:
    return Selection(checked(entity_types, ENTITY_TYPES, "entity type"),
                     checked(relation_types, RELATION_TYPES, "relation type"),
                     [], date_from, date_to, min_sources, events=False,
                     min_confidence=min_confidence)


def filters(base: Annotated[Selection, Depends(relation_filters)],
            event_types: EventTypes = [],
            events: Annotated[bool, Query(description="Draw events as links")] = True,
            ) -> Selection:
    base.event_types = checked(event_types, EVENT_TYPES, "event type") or None
    base.events = events
    return base


FiltersDep = Annotated[Selection, Depends(filters)]
RelationFiltersDep = Annotated[Selection, Depends(relation_filters)]


def storable_parameters(request: Request) -> None:
    """Refuse NUL (and lone surrogates) in any path or query parameter."""
    values = [*request.path_params.values(), *(v for item in request.query_params.multi_items()
                                               for v in item)]
    if any(isinstance(value, str) and UNSTORABLE.search(value) for value in values):
        raise HTTPException(422, "a parameter holds a NUL character, which no id, name or "
                                 "search can contain")


def storable_body(value: Any) -> None:
    """Refuse NUL (and lone surrogates) anywhere in a JSON body."""
    if isinstance(value, str):
        if UNSTORABLE.search(value):
            raise HTTPException(422, "the body holds a NUL character or a lone surrogate, "
                                     "which no store can hold")
    elif isinstance(value, dict):
        for key, item in value.items():
            storable_body(key)
            storable_body(item)
    elif isinstance(value, list):
        for item in value:
            storable_body(item)
