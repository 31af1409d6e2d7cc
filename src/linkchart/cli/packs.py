"""What `linkchart packs list` shows of each pack (its name, and its actors by type),
read from libyaml's event stream without building the actors: a third of the time of
loading the bundled packs whole (docs/performance.md, "Sixth session: start-up").

A file whose reading could differ from `load_pack`'s in any way (a YAML tag or alias;
a scalar that is not a string, null or boolean; an actor that `load_pack` would refuse)
is loaded whole instead, so the listing and its errors are the loader's.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from linkchart.model import ENTITY_TYPES
from linkchart.nlp.packs import KNOWN_KEYS, load_pack, pack_files
from linkchart.wordlists import WordLoader

PLAIN_TAGS = {"tag:yaml.org,2002:str": "str", "tag:yaml.org,2002:null": "null",
              "tag:yaml.org,2002:bool": "bool"}
RESOLVER = WordLoader("")
LIST_KEYS = {"aliases", "demonyms"}
"""Actor keys whose value load_pack iterates: a string or null there is safe, a boolean not."""


class Unsure(Exception):
    """This file is read whole (load_pack)."""


def pack_summaries(extra: list[Path]) -> list[dict[str, Any]]:
    """Each pack in use (the bundled ones and `extra`): its name, how many actors it holds
    of each type, and its file, in the order `load_packs` reads them."""
    return [_summary(path) for path in pack_files(extra)]


def _summary(path: Path) -> dict[str, Any]:
    try:
        name, types = _scan(Path(path).read_text(encoding="utf-8"))
        name = name or Path(path).stem
    except (Unsure, OSError, UnicodeDecodeError, yaml.YAMLError):
        pack = load_pack(path)
        name, types = pack.name, Counter(actor.type for actor in pack.actors)
    return {"pack": name, "actors": sum(types.values()), "types": dict(types),
            "file": str(path)}


class _Events:
    """The events of one YAML text, each node checked: no tag, and each scalar of a
    plain kind (see PLAIN_TAGS). An alias is a node of no kind expected (Unsure)."""

    def __init__(self, text: str):
        self.next = WordLoader(text).get_event

    @staticmethod
    def kind(event: yaml.Event) -> str:
        """What the loader makes of a scalar: a quoted one, or a plain one whose first
        character starts no implicit type, is a string; the others are resolved."""
        if type(event) is not yaml.ScalarEvent or event.tag:
            raise Unsure
        value = event.value
        if not event.implicit[0] or (value and value[0] not in RESOLVER.yaml_implicit_resolvers):
            return "str"
        return _plain_kind(value)

    @staticmethod
    def start(event: yaml.Event, kind: type) -> None:
        if type(event) is not kind or event.tag:
            raise Unsure

    def skip(self, event: yaml.Event) -> None:
        """Past the node that starts with `event`, checking every node in it."""
        if type(event) is yaml.SequenceStartEvent:
            self.start(event, yaml.SequenceStartEvent)
            while type(event := self.next()) is not yaml.SequenceEndEvent:
                self.skip(event)
        elif type(event) is yaml.MappingStartEvent:
            self.start(event, yaml.MappingStartEvent)
            while type(key := self.next()) is not yaml.MappingEndEvent:
                self.key(key)
                self.skip(self.next())
        else:
            self.kind(event)

    def key(self, event: yaml.Event) -> str:
        if self.kind(event) != "str":
            raise Unsure
        return event.value

    def mapping(self, event: yaml.Event):
        """(key, the event that starts its value) of a mapping; of a key given twice, the
        last value counts, as it does for the loader."""
        self.start(event, yaml.MappingStartEvent)
        while type(key := self.next()) is not yaml.MappingEndEvent:
            yield self.key(key), self.next()

    def expect(self, *kinds: type) -> None:
        for kind in kinds:
            if type(self.next()) is not kind:
                raise Unsure


@lru_cache(maxsize=4096)
def _plain_kind(value: str) -> str:
    tag = RESOLVER.resolve(yaml.ScalarNode, value, (True, False))
    if tag not in PLAIN_TAGS:
        raise Unsure
    return PLAIN_TAGS[tag]


def _scan(text: str) -> tuple[str | None, Counter]:
    """The pack's own name (None: its file's) and its actors by type."""
    events = _Events(text)
    events.expect(yaml.StreamStartEvent, yaml.DocumentStartEvent)
    name, types = None, None
    for key, value in events.mapping(events.next()):
        if key == "pack":
            name = _pack_name(events, value)
        elif key == "actors":
            types = _actor_types(events, value)
        else:
            events.skip(value)
    if types is None:
        raise Unsure
    events.expect(yaml.DocumentEndEvent, yaml.StreamEndEvent)
    return name, types


def _pack_name(events: _Events, value: yaml.Event) -> str | None:
    kind = events.kind(value)
    if kind == "bool":
        raise Unsure
    return value.value if kind == "str" else None


def _actor_types(events: _Events, value: yaml.Event) -> Counter:
    events.start(value, yaml.SequenceStartEvent)
    types: Counter = Counter()
    while type(item := events.next()) is not yaml.SequenceEndEvent:
        types[_actor_type(events, item)] += 1
    return types


def _actor_type(events: _Events, item: yaml.Event) -> str:
    """An actor's type, where load_pack would take the actor as it is."""
    found = {}
    for key, value in events.mapping(item):
        if key not in KNOWN_KEYS:
            raise Unsure
        if key in ("name", "type"):
            if events.kind(value) != "str":
                raise Unsure
            found[key] = value.value
        elif key in LIST_KEYS and type(value) is yaml.ScalarEvent:
            if events.kind(value) == "bool":
                raise Unsure
        else:
            events.skip(value)
    if not found.get("name") or found.get("type") not in ENTITY_TYPES:
        raise Unsure
    return found["type"]
