"""The data classes every stage shares, and their linkchart/1 JSON form.

See FORMAT.md (docs/formats.md in this repository). Nothing else in the package defines
these shapes. Offsets (`start`, `end`) are character offsets into `Document.text`, the
body; the linkchart/1 JSON keeps them as optional extra fields next to the exact text.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import Any

FORMAT = "linkchart/1"
CORPUS_FORMAT = "linkchart-corpus/1"

ENTITY_TYPES = (
    "person", "armed_group", "security_agency", "government", "international_org",
    "political_party", "media", "religious_body", "company", "organization",
    "country", "location",
)
ORGANISATION_TYPES = frozenset(ENTITY_TYPES) - {"person", "country", "location"}
ACTOR_TYPES = frozenset(ENTITY_TYPES) - {"location"}

# RELATION_TYPES and UNDIRECTED_RELATIONS come from the catalogue (`__getattr__` below).

EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
SOURCE_KINDS = ("named_person", "named_org", "anonymous")
DEFAULT_CONFIDENCE = 0.75
"""The default confidence threshold: the chart, the API and `linkchart evaluate` show
ties at or above it. Chosen so that relations at or above it reach precision 0.80 on
cross-validated development figures (docs/confidence.md)."""


def __getattr__(name: str) -> Any:
    """The relation types, read from the catalogue when first asked for, so that what
    needs only the other shapes (`linkchart --help`) does not parse YAML."""
    if name not in ("RELATION_TYPES", "UNDIRECTED_RELATIONS"):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from linkchart.catalogue import RELATIONS

    globals().update(
        RELATION_TYPES=tuple(RELATIONS),
        UNDIRECTED_RELATIONS=frozenset(n for n, r in RELATIONS.items() if not r.directed))
    return globals()[name]


def normalise_text(text: str) -> str:
    """The form of a body used for exact-duplicate detection: NFC, whitespace folded."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def text_hash(text: str) -> str:
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


@dataclass
class Document:
    id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    source_path: str | None = None
    meta: dict[str, str] = field(default_factory=dict)

    @property
    def hash(self) -> str:
        return text_hash(self.text)

    def header_json(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "outlet": self.outlet,
                "published": self.published, "url": self.url}


@dataclass
class Entity:
    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    description: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)
    actor: str | None = None  # the knowledge-pack actor it names, by canonical name

    def surface_forms(self) -> list[str]:
        return [self.name, *self.aliases]


@dataclass
class Relation:
    type: str
    source: str
    target: str
    evidence: str
    start: int
    end: int
    role: str | None = None
    negated: bool = False
    hedged: bool = False
    attribution: str | None = None
    rule: str | None = None  # the rule family that produced it (calibration's key)
    confidence: float | None = None  # calibrated: the estimated chance it is right


@dataclass
class Event:
    id: str
    type: str
    evidence: str
    start: int
    end: int
    mode: str | None = None
    date: str | None = None
    date_text: str | None = None
    location: str | None = None
    actors: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    fatalities: int | None = None
    injured: int | None = None
    attribution: str | None = None
    content: str | None = None  # what a REQUEST asks for ("to prevent such attacks")
    content_start: int | None = None
    content_end: int | None = None
    rule: str | None = None
    confidence: float | None = None


@dataclass
class Attribution:
    id: str
    source: str | None
    source_text: str
    source_kind: str
    cue: str
    content: str
    direct: bool
    start: int
    end: int
    rule: str | None = None
    confidence: float | None = None


@dataclass
class DocExtraction:
    document: Document
    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    pipeline_version: str | None = None

    def entity(self, entity_id: str) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "document": self.document.header_json(),
            "entities": [_entity_json(e) for e in self.entities],
            "relations": [asdict(r) for r in self.relations],
            "events": [asdict(v) for v in self.events],
            "attributions": [asdict(a) for a in self.attributions],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any], text: str = "") -> "DocExtraction":
        """Read a linkchart/1 object. Missing offsets are found in `text` when given."""
        header = data["document"]
        document = Document(id=str(header["id"]), text=text, title=header.get("title"),
                            outlet=header.get("outlet"), published=header.get("published"),
                            url=header.get("url"))
        locate = _Locator(text)
        return cls(
            document=document,
            entities=[Entity(id=e["id"], name=e["name"], type=e["type"],
                             aliases=list(e.get("aliases") or []),
                             description=e.get("description"),
                             mentions=[tuple(m) for m in e.get("mentions") or []],
                             actor=e.get("actor"))
                      for e in data.get("entities", [])],
            relations=[Relation(type=r["type"], source=r["source"], target=r["target"],
                                evidence=r["evidence"], role=r.get("role"),
                                negated=bool(r.get("negated")), hedged=bool(r.get("hedged")),
                                attribution=r.get("attribution"),
                                **_provenance(r), **locate.span(r, "evidence"))
                       for r in data.get("relations", [])],
            events=[Event(id=v["id"], type=v["type"], evidence=v["evidence"],
                          mode=v.get("mode"), date=v.get("date"), date_text=v.get("date_text"),
                          location=v.get("location"), actors=list(v.get("actors") or []),
                          recipients=list(v.get("recipients") or []),
                          fatalities=v.get("fatalities"), injured=v.get("injured"),
                          attribution=v.get("attribution"), **_provenance(v),
                          **locate.span(v, "evidence"), **locate.optional_span(v, "content"))
                    for v in data.get("events", [])],
            attributions=[Attribution(id=a["id"], source=a.get("source"),
                                      source_text=a["source_text"], source_kind=a["source_kind"],
                                      cue=a["cue"], content=a["content"],
                                      direct=bool(a.get("direct")), **_provenance(a),
                                      **locate.span(a, "content"))
                          for a in data.get("attributions", [])],
        )


def _provenance(item: dict[str, Any]) -> dict[str, Any]:
    """The optional rule and confidence of a relation, event or attribution."""
    confidence = item.get("confidence")
    return {"rule": item.get("rule"),
            "confidence": float(confidence) if confidence is not None else None}


def _entity_json(entity: Entity) -> dict[str, Any]:
    data = asdict(entity)
    data["mentions"] = [list(m) for m in entity.mentions]
    if entity.actor is None:
        del data["actor"]
    return data


class _Locator:
    def __init__(self, text: str):
        self.text = text

    def optional_span(self, item: dict[str, Any], key: str) -> dict[str, Any]:
        """A span that may be absent: {key, key_start, key_end}, all None when absent."""
        if not item.get(key):
            return {}
        if f"{key}_start" in item and f"{key}_end" in item:
            return {key: item[key], f"{key}_start": item[f"{key}_start"],
                    f"{key}_end": item[f"{key}_end"]}
        start = self.text.find(item[key]) if self.text else -1
        return {key: item[key], f"{key}_start": start if start >= 0 else None,
                f"{key}_end": start + len(item[key]) if start >= 0 else None}

    def span(self, item: dict[str, Any], key: str) -> dict[str, int]:
        if "start" in item and "end" in item:
            return {"start": int(item["start"]), "end": int(item["end"])}
        start = self.text.find(item[key]) if self.text else -1
        return {"start": start, "end": start + len(item[key]) if start >= 0 else -1}
