"""FollowTheMoney entities as JSON lines, ready for Aleph, `ftm` and nomenklatura.

Built with the followthemoney library (the `ftm` extra). Every document becomes an
Article (title, publisher, `publishedAt`, its URL when it is a valid one); actors become
Person, Organization, Company, PublicBody, LegalEntity (countries, with their ISO code)
or Address (other places); relations become Directorship, Membership, Ownership or
UnknownLink with dates from their evidence; events become Event; what a named source
said becomes Documentation of that source in the article. Every fact has `proof` links
to the articles that report it. `based_in` a place sets `addressEntity`, `based_in` a
country sets `country`. Negated relations are left out: FollowTheMoney has no way to
say a tie was denied. An actor added by hand has the note "added by hand", a link
holding a relation added by hand the status "added by hand".

Ids come from what a thing is (an actor's type and normalised name, a link's type and
ends, an article's URL), through `make_id`, so two stores give the same ids for the
same actor and FtM's namespacing keeps every one of them.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO

from linkchart.catalogue import RELATIONS
from linkchart.export.common import day_end, day_start, evidence_span, published
from linkchart.export.places import country
from linkchart.names.normalise import name_key
from linkchart.store.dates import iso
from linkchart.wordlists import load_yaml, read_yaml

RULES = load_yaml(Path(__file__).parent / "data" / "ftm.yaml")
KEY_PREFIX = "lc"
HAND_MADE = "added by hand"
"""What an actor (`notes`) or a link (`status`) added by hand by an analyst carries."""
PACKS = Path(__file__).resolve().parent.parent / "packs"


def _library():
    try:
        from followthemoney import model
        from followthemoney.types import registry
    except ImportError as error:  # the optional `ftm` extra
        raise RuntimeError("the FollowTheMoney export needs the followthemoney library: "
                           "pip install 'linkchart[ftm]'") from error
    return model, registry


def country_code(entity: dict[str, Any]) -> str | None:
    for form in (entity["name"], *entity["aliases"]):
        found = country(form)
        if found:
            return found["iso"].lower()
    return None


@lru_cache(maxsize=1)
def weak_forms() -> frozenset[str]:
    """Capitals and demonyms from the bundled packs: "Washington" or "American" stand
    for a state in news text, but as full aliases they would cross-reference the city or
    every American. (The pack files are read directly: the pack loader lives in the nlp
    package, which would import spaCy.)"""
    forms = set()
    for path in sorted(PACKS.glob("*.yaml")):
        for actor in (read_yaml(path.read_text("utf-8")) or {}).get("actors") or []:
            if actor.get("capital"):
                forms.add(name_key(str(actor["capital"])))
            forms.update(name_key(str(d)) for d in actor.get("demonyms") or ())
    return frozenset(forms)


def clean_text(text: str | None) -> str | None:
    """One line: names and quotes with line breaks or runs of spaces are joined up."""
    return " ".join(text.split()) or None if text else None


class Builder:
    """Turns one corpus into FtM entity proxies, keeping the maps from store ids."""

    def __init__(self, corpus: dict[str, Any]):
        self.model, self.registry = _library()
        self.corpus = corpus
        self.articles: dict[str, Any] = {}
        self.nodes: dict[str, Any] = {}
        self.attributions = {(a["document"], a["id"]): a for a in corpus["attributions"]}
        self.names = {e["id"]: e["name"] for e in corpus["entities"]}
        self.documents = {d["id"]: d for d in corpus["documents"]}

    def make(self, schema: str, *parts: Any):
        proxy = self.model.make_entity(schema, key_prefix=KEY_PREFIX)
        proxy.make_id(*parts)
        return proxy

    def url(self, value: str | None) -> str | None:
        return self.registry.url.clean(value) if value else None

    def build(self) -> list[Any]:
        for d in self.corpus["documents"]:
            self.articles[d["id"]] = self.article(d)
        taken: set[str] = set()
        for e in self.corpus["entities"]:
            node = self.entity(e, taken)
            taken.add(node.id)
            self.nodes[e["id"]] = node
        links = [link for r in self.corpus["relations"] if (link := self.link(r)) is not None]
        events = [self.event(v) for v in self.corpus["events"]]
        notes = [doc for a in self.corpus["attributions"] if (doc := self.documentation(a))]
        return [*self.articles.values(), *self.nodes.values(), *links, *events, *notes]

    def article(self, d: dict[str, Any]):
        url = self.url(d.get("url"))
        article = self.make("Article", "article", url or d["id"], d.get("title"),
                            d.get("outlet"), d.get("published"))
        article.add("title", clean_text(d.get("title")) or d["id"])
        article.add("publisher", clean_text(d.get("outlet")))
        article.add("publishedAt", iso(d.get("published")))
        article.add("sourceUrl", url)
        return article

    def proof(self, proxy, documents) -> None:
        for doc in sorted(set(documents)):
            if doc in self.articles:
                proxy.add("proof", self.articles[doc].id)

    def entity(self, e: dict[str, Any], taken: set[str]):
        schema = RULES["schemata"][e["type"]]
        node = self.make(schema, "actor", e["type"], name_key(e["name"]) or e["name"])
        if node.id in taken:  # two actors the analyst keeps apart under one name
            node.make_id("actor", e["type"], name_key(e["name"]), e["id"])
        node.add("name", clean_text(e["name"]))
        for alias in e["aliases"]:
            weak = name_key(alias) in weak_forms()
            node.add("weakAlias" if weak else "alias", clean_text(alias))
        if schema == "Address":
            node.add("full", clean_text(e["name"]))
        if e["type"] == "country":
            node.add("country", country_code(e))
        if e.get("hand_made"):
            node.add("notes", HAND_MADE)
        self.proof(node, e["documents"])
        return node

    def _fits(self, schema: str, range_name: str) -> bool:
        return schema in RULES["ranges"][range_name]

    def link(self, r: dict[str, Any]):
        source, target = self.nodes.get(r["source"]), self.nodes.get(r["target"])
        if r["negated"] or source is None or target is None:
            return None
        if r["type"] == "based_in" and self._based_in(source, target):
            return None
        known = RELATIONS.get(r["type"])
        rule = known.ftm if known and known.ftm else RULES["fallback"]
        if not (self._fits(source.schema.name, rule["source_range"])
                and self._fits(target.schema.name, rule["target_range"])):
            rule = RULES["fallback"]
        link = self.make(rule["schema"], "link", r["type"], source.id, target.id)
        link.add(rule["source"], source.id)
        link.add(rule["target"], target.id)
        link.add("role", sorted({rule.get("role") or r["type"].replace("_", " "),
                                 *r.get("roles", [])}))
        first, last = evidence_span(r, published(self.corpus))
        link.add("startDate", day_start(first))
        link.add("endDate", day_end(last))
        self._evidence(link, r["evidence"])
        if r.get("confidence") is not None:
            link.add("status", f"confidence {r['confidence']:.2f}")
        if r.get("hand_made"):
            link.add("status", HAND_MADE)
        return link

    def _evidence(self, proxy, evidence: list[dict[str, Any]]) -> None:
        documents = [e["document"] for e in evidence]
        proxy.add("summary", [clean_text(e["text"]) for e in evidence])
        proxy.add("description", [self._said_by(e["document"], e.get("attribution"))
                                  for e in evidence])
        docs = [self.documents[d] for d in sorted(set(documents)) if d in self.documents]
        proxy.add("sourceUrl", sorted({u for d in docs if (u := self.url(d.get("url")))}))
        proxy.add("publisher", sorted({o for d in docs if (o := clean_text(d.get("outlet")))}))
        self.proof(proxy, documents)

    def _said_by(self, document: str, attribution: str | None) -> str | None:
        found = self.attributions.get((document, attribution)) if attribution else None
        if not found:
            return None
        kind = "anonymous" if found["source_kind"] == "anonymous" else "named"
        return clean_text(f"according to {found['source_text']} ({kind} source, "
                          f"\u201c{found['cue']}\u201d)")

    def _based_in(self, source, target) -> bool:
        """Record `based_in` on the source itself; False when it has to stay a link."""
        if target.schema.name == "Address" and self._fits(source.schema.name, "LegalEntity"):
            source.add("addressEntity", target.id)
            return True
        if target.schema.name == "LegalEntity" and target.get("country"):
            source.add("country", target.get("country")[0])
        return False

    def event(self, v: dict[str, Any]):
        evidence = v["evidence"][0]
        event = self.make("Event", "event", v["type"], self.articles[evidence["document"]].id
                          if evidence["document"] in self.articles else evidence["document"],
                          evidence["start"], evidence["end"])
        what = v["type"].lower() + (f" ({v['mode']})" if v.get("mode") else "")
        where = self.names.get(v["location"]) if v.get("location") else None
        event.add("name", " ".join(p for p in (what, v.get("date") or "",
                                                f"in {where}" if where else "") if p))
        event.add("date", v.get("date"))
        event.add("keywords", [v["type"], v.get("mode")])
        event.add("location", clean_text(where))
        for role, ids in (("organizer", v["actors"]), ("involved", v["actors"] + v["recipients"])):
            for entity_id in ids:
                node = self.nodes.get(entity_id)
                if node is not None and self._fits(node.schema.name, "LegalEntity"):
                    event.add(role, node.id)
        place = self.nodes.get(v.get("location"))
        if place is not None and place.schema.name == "Address":
            event.add("addressEntity", place.id)
        counts = [f"{v[k]} {label}" for k, label in (("fatalities", "killed"),
                                                     ("injured", "injured")) if v.get(k)]
        event.add("notes", ", ".join(counts) or None)
        self._evidence(event, [evidence | {"attribution": v.get("attribution")}])
        return event

    def documentation(self, a: dict[str, Any]):
        source = self.nodes.get(a["source"]) if a.get("source") else None
        article = self.articles.get(a["document"])
        if source is None or article is None:
            return None
        doc = self.make("Documentation", "said", article.id, a["id"])
        doc.add("entity", source.id)
        doc.add("document", article.id)
        doc.add("role", f"source ({clean_text(a['cue'])})")
        doc.add("summary", clean_text(a["content"]))
        doc.add("description", "direct quotation" if a["direct"] else "reported speech")
        return doc


def proxies(corpus: dict[str, Any]) -> list[Any]:
    return Builder(corpus).build()


def write(corpus: dict[str, Any], stream: BinaryIO) -> None:
    for proxy in proxies(corpus):
        stream.write(json.dumps(proxy.to_dict(), ensure_ascii=False, sort_keys=True)
                     .encode("utf-8"))
        stream.write(b"\n")
