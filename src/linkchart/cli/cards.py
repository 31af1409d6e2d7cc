"""An entity's card in the terminal: who it is, its ties and events, and who says so."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape

ARROWS = {"out": "→", "in": "←", "undirected": "—"}
MAX_QUOTES = 3


def said_by(attribution: dict[str, Any] | None) -> str:
    if not attribution:
        return "the article"
    kind = "anonymous" if attribution["source_kind"] == "anonymous" else "named"
    return f"{attribution['source_text']} ({kind}, “{attribution['cue']}”)"


def render_card(console: Console, card: dict[str, Any]) -> None:
    aliases = ", ".join(card.get("aliases") or []) or "none"
    console.print(f"[bold]{escape(card['name'])}[/bold]  [cyan]{card['type']}[/cyan]  "
                  f"({card['id']})")
    console.print(f"aliases: {escape(aliases)}")
    console.print(f"seen in {len(card['documents'])} documents, "
                  f"{card.get('first_seen') or '?'} to {card.get('last_seen') or '?'}\n")
    _relations(console, card["relations"])
    _events(console, card["events"])


def _relations(console: Console, relations: list[dict[str, Any]]) -> None:
    console.print(f"[bold]relations[/bold] ({len(relations)})")
    for tie in relations:
        negated = " [red](denied)[/red]" if tie["negated"] else ""
        console.print(f"  {ARROWS[tie['direction']]} {tie['type']} "
                      f"[bold]{escape(tie['other']['name'])}[/bold]{negated}  "
                      f"[dim]{tie['sources']} source(s)[/dim]")
        for evidence in tie["evidence"][:MAX_QUOTES]:
            _quote(console, evidence["text"], evidence, evidence.get("attribution"))


def _events(console: Console, events: list[dict[str, Any]]) -> None:
    console.print(f"\n[bold]events[/bold] ({len(events)})")
    for event in events:
        when = event["date"] or "undated"
        deaths = f", {event['fatalities']} killed" if event.get("fatalities") else ""
        console.print(f"  {when} {event['type']}{deaths}")
        _quote(console, event["evidence"], event, event.get("attribution"))


def _quote(console: Console, text: str, where: dict[str, Any],
           attribution: dict[str, Any] | None) -> None:
    origin = ", ".join(str(v) for v in (where.get("outlet"), where.get("published")) if v)
    console.print(f"      “{escape(text)}”")
    console.print(f"      [dim]{escape(origin or where.get('document', ''))}; "
                  f"said by {escape(said_by(attribution))}[/dim]")
