"""What the server does before it answers its first request: it builds one small card, so
that SQLAlchemy has compiled the statements every card runs. A card runs some fifteen of
them, and compiling them cost the first card the server sent 15-20 ms of its 80-90 on the
real 10k store (docs/performance.md); the warm-up costs the start about as much, on a
card of a few rows."""

from __future__ import annotations

from linkchart.server import views
from linkchart.store import Store


def compile_card_statements(store: Store) -> None:
    entity_id = store.smallest_full_card()
    if entity_id is not None:
        views.card(store, entity_id)
