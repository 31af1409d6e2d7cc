"""A synthetic store for timing the API at scale (run by hand; not a test):

    .venv/bin/python tests/server/synthetic_store.py /tmp/synth10k.db --documents 10000
    .venv/bin/python -m linkchart.server.bench --db /tmp/synth10k.db

Made-up actors with a skewed popularity (a few hubs that most articles name), 8 per
article, 4 relations, 2 events and 1 anonymous attribution each, 60 outlets, 2010-2024.
Denser between hubs than real news (relations link random pairs), so a hard case.
"""

from __future__ import annotations

import argparse
import random
import time

from linkchart.model import (ENTITY_TYPES, EVENT_TYPES, RELATION_TYPES, Attribution,
                             DocExtraction, Document, Entity, Event, Relation)


def _date(rng: random.Random) -> str:
    return f"20{rng.randint(10, 24)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"


def documents(count: int, seed: int = 7):
    rng = random.Random(seed)
    syllables = ["ka", "ta", "ri", "mo", "sel", "var", "dan", "lo", "mir", "zu", "bek", "al",
                 "har", "qu", "ne", "os", "tir", "pa"]
    names: set[str] = set()
    while len(names) < 4000:
        names.add(" ".join("".join(rng.choice(syllables) for _ in range(rng.randint(2, 3)))
                           .capitalize() for _ in range(rng.randint(1, 3))))
    actors = sorted(names)
    types = {n: rng.choice(ENTITY_TYPES) for n in actors}
    weights = [1 / (i + 1) ** 0.9 for i in range(len(actors))]
    outlets = [f"Outlet {i}" for i in range(60)]
    for number in range(count):
        chosen: list[str] = []
        while len(chosen) < 8:
            name = rng.choices(actors, weights)[0]
            if name not in chosen:
                chosen.append(name)
        text = " ".join(f"{n} said something about the situation number {i}."
                        for i, n in enumerate(chosen)) + " Officials said the talks failed."
        at = {n: text.index(n) for n in chosen}
        entities = [Entity(f"e{i + 1}", n, types[n], mentions=[(at[n], at[n] + len(n))])
                    for i, n in enumerate(chosen)]
        relations, events = [], []
        for k in range(4):
            a, b = rng.sample(range(8), 2)
            start = at[chosen[a]]
            end = start + len(chosen[a])
            relations.append(Relation(rng.choice(RELATION_TYPES), f"e{a + 1}", f"e{b + 1}",
                                      text[start:end], start, end,
                                      attribution="a1" if k == 0 else None))
        for k in range(2):
            a, b = rng.sample(range(8), 2)
            start = at[chosen[a]]
            end = start + len(chosen[a])
            events.append(Event(f"v{k + 1}", rng.choice(EVENT_TYPES), text[start:end], start,
                                end, date=_date(rng), actors=[f"e{a + 1}"],
                                recipients=[f"e{b + 1}"]))
        said = text.index("the talks failed")
        attributions = [Attribution("a1", None, "Officials", "anonymous", "said",
                                    "the talks failed", False, said, said + 16)]
        yield DocExtraction(Document(f"doc{number}", text, f"Report {number}",
                                     rng.choice(outlets), _date(rng)),
                            entities, relations, events, attributions)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db")
    parser.add_argument("--documents", type=int, default=10_000)
    args = parser.parse_args()
    from linkchart.resolve import resolve
    from linkchart.store import Store

    started = time.time()
    with Store.open(args.db, resolver=resolve) as store:
        batch = []
        for extraction in documents(args.documents):
            batch.append(extraction)
            if len(batch) == 500:
                store.add_extractions(batch)
                batch = []
        if batch:
            store.add_extractions(batch)
    print(f"{args.documents} documents in {time.time() - started:.0f} s")


if __name__ == "__main__":
    main()
