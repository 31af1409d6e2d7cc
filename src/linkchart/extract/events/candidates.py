"""What the steps pass along: a trigger found in the text, and the event candidate that
the roles, place, date and counts are gathered on before candidates become events."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from linkchart.extract.events.lexicon import Spec


@dataclass
class Trigger:
    token: Token
    spec: Spec
    kind: str  # "verb" or "noun"
    words: list[Token]  # every token of the trigger phrase
    light: Token | None = None  # the verb that carries out a noun trigger


@dataclass
class Candidate:
    trigger: Trigger
    type: str
    mode: str | None
    actors: list[int] = field(default_factory=list)
    recipients: list[int] = field(default_factory=list)
    location: int | None = None
    date: str | None = None
    date_text: str | None = None
    fatalities: int | None = None
    injured: int | None = None
    evidence: tuple[str, int, int] = ("", 0, 0)
    content: tuple[int, int] | None = None  # what a REQUEST asks for (char offsets)
    sentence: int = 0
    casualty_only: bool = False
    targets_place: bool = False  # its target is a place ("an attack on the base")

    @property
    def participants(self) -> set[int]:
        return set(self.actors) | set(self.recipients)

    @property
    def placed_only(self) -> bool:
        """An attack that names no one but is placed and dated or counted ("a missile
        attack on 3 March targeting the Ain al-Assad base"): kept through its place."""
        if self.type != "ASSAULT" or self.participants or self.location is None:
            return False
        counted = bool(self.fatalities or self.injured)
        return counted or (self.targets_place and bool(self.date))

    @property
    def anchored(self) -> bool:
        return bool(self.date_text or self.date or self.location is not None
                    or self.fatalities or self.injured)


def add_new(items: list[int], new: list[int]) -> None:
    """Append the items of `new` that `items` lacks, in order."""
    for item in new:
        if item not in items:
            items.append(item)
