"""What the analyses read of the store: one quote per tie, the ties some row denies."""

from __future__ import annotations

import pytest

from linkchart.analyze import Selection


def test_pair_quotes_give_the_first_quote_of_a_tie_either_way_round(texts_store):
    ids = {e["name"]: e["id"] for e in texts_store.entities(limit=100)}
    maiga, brigade = ids["Abdoulaye Maiga"], ids["Gao Self-Defence Brigade"]
    found = texts_store.pair_quotes([(brigade, maiga), (maiga, ids["Harbour Guard"])])
    assert list(found) == [(brigade, maiga)]
    quote = found[(brigade, maiga)]
    text = texts_store.document(quote["document"])["text"]
    assert text[quote["start"]:quote["end"]] == quote["text"]
    assert "Gao Self-Defence Brigade" in quote["text"]


def test_pair_quotes_of_many_pairs_are_each_pairs_first_row(texts_store):
    """Read for all pairs at once, each quote is the relation row of the lowest id
    between the pair, either way round, that is no denial; a pair with none has none."""
    from sqlalchemy import and_, or_, select

    from linkchart.store.schema import relations

    ties = texts_store.ties()
    pairs = [(t["source"], t["target"]) for t in ties] + \
        [(t["target"], t["source"]) for t in ties]
    found = texts_store.pair_quotes(pairs)
    source, target = relations.c.source_entity, relations.c.target_entity
    with texts_store.engine.connect() as conn:
        for a, b in pairs:
            first = conn.execute(
                select(relations.c.document_id, relations.c.evidence, relations.c.start)
                .where(or_(and_(source == a, target == b), and_(source == b, target == a)),
                       relations.c.negated.is_(False))
                .order_by(relations.c.id).limit(1)).first()
            quote = found.get((a, b))
            assert (quote and (quote["document"], quote["text"], quote["start"])) == \
                (first and tuple(first))
    assert list(found) == [pair for pair in dict.fromkeys(pairs) if pair in found]
    assert any(t["negated"] for t in ties) and len(found) < len(set(pairs))


def test_denied_only_keeps_both_sides_of_denied_ties(texts_store):
    keep = Selection().keeps_evidence
    denied = texts_store.relations_kept(None, None, None, keep, denied_only=True)
    assert denied and all(t["source_name"] == "Kivu Provincial Council" for t in denied)
    assert any(t["negated"] for t in denied)
    everything = texts_store.relations_kept(None, None, None, keep)
    assert len(everything) > len(denied)


def test_denied_only_is_every_tie_some_row_denies(texts_store):
    """The denied ties, narrowed in SQL, are those of all ties that a row denies, either
    way round."""
    keep = Selection().keeps_evidence
    everything = texts_store.relations_kept(None, None, None, keep)
    denied = {(t["type"], t["source"], t["target"]) for t in everything if t["negated"]}
    denied |= {(kind, b, a) for kind, a, b in denied}
    expected = [t for t in everything if (t["type"], t["source"], t["target"]) in denied]
    assert expected == texts_store.relations_kept(None, None, None, keep, denied_only=True)


@pytest.mark.parametrize("words, expected", [(["adviser"], True), (["lieutenant"], False)])
def test_relations_cut_by_words_of_their_evidence(texts_store, words, expected):
    keep = Selection().keeps_evidence
    # "X, the adviser of Y" is extracted as Y controls X
    found = texts_store.relations_kept(["controls"], None, None, keep, containing=words)
    assert bool(found) is expected
    assert all(any(w in e["text"] for w in words for e in r["evidence"]) for r in found)
