"""How fast the API answers a fresh `linkchart serve`: its first neighbourhood query.

    python -m linkchart.server.bench --db linkchart.db [--entity E12] [--depth 1]

(`linkchart.server.bench` runs this module, `linkchart.evaluate.http_timing`.)

Starts `linkchart serve` on a free loopback port in a new process (so nothing is cached
in it), waits until it answers /api/health (which does not touch the store), then times
the first GET /api/entities/{id}/neighbourhood, the same query warm, and the first
/api/graph call the web UI makes when an actor is expanded, then its first card
(GET /api/entities/{id}). The entity is the store's most connected one unless --entity
names another. Beside each wall time, the server process's processor time for it (from
/proc, where there is one): on a loaded machine the steadier figure.

    python -m linkchart.server.bench --db linkchart.db --startup [--repeat 5]

times only fresh starts: from the command to its first answer (/api/health), the medians
of the wall and of the server's processor time.

    python -m linkchart.server.bench --db linkchart.db --workspace 100

times instead how long a saved workspace of that many actors takes to open and draw in
headless Chromium (`linkchart.evaluate.workspace_timing`).
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote, urlencode

from linkchart.config import database_url
from linkchart.evaluate.workspace_timing import measure_workspace
from linkchart.store import Store


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> tuple[float, bytes]:
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=120) as response:
        body = response.read()
    return (time.perf_counter() - started) * 1000, body


def _processor_ms(pid: int) -> float | None:
    """The processor time a process has used (user and system), where /proc tells it; in
    clock ticks (10 ms on most systems)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def _timed(url: str, pid: int) -> tuple[float, float | None, bytes]:
    """Wall time of a request, the server's processor time for it (None where not known:
    it leaves out a PostgreSQL server's own), and the answer."""
    before = _processor_ms(pid)
    wall, body = _get(url)
    after = _processor_ms(pid)
    return wall, None if before is None or after is None else after - before, body


def _most_connected(db: str) -> str:
    with Store.open(database_url(db)) as store:
        top = store.stats(top=1)["top_entities"]
    if not top:
        raise SystemExit("the store has no relations to time")
    return top[0]["id"]


def _launch(db: str, port: int) -> tuple[subprocess.Popen, float, float | None]:
    """`linkchart serve` started in a new process: the process, the wall time until it
    answered /api/health, and its processor time by then (ms)."""
    command = [sys.executable, "-c", "from linkchart.cli import main; main()", "serve",
               "--db", db, "--port", str(port)]
    started = time.perf_counter()
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    while True:
        if server.poll() is not None:
            raise SystemExit("linkchart serve stopped: "
                             + server.stderr.read().decode(errors="replace"))
        try:
            _get(f"http://127.0.0.1:{port}/api/health")
            return server, (time.perf_counter() - started) * 1000, _processor_ms(server.pid)
        except OSError:
            if time.perf_counter() - started > 120:
                _stop(server)
                raise SystemExit("linkchart serve did not answer within 120 s") from None
            time.sleep(0.005)


def _stop(server: subprocess.Popen) -> None:
    server.terminate()
    server.wait(timeout=10)


def measure_startup(db: str, repeat: int = 5) -> dict[str, object]:
    """The medians of `repeat` fresh starts: wall and processor time from the command to
    its first answer (/api/health), which a busy machine inflates less."""
    walls, processors = [], []
    for _ in range(repeat):
        server, wall, processor = _launch(db, _free_port())
        _stop(server)
        walls.append(wall)
        processors.append(processor)
    return {"db": db, "starts": repeat, "first_answer_ms": round(statistics.median(walls)),
            "processor_ms": _rounded({"first_answer": _median(processors)})["first_answer"]}


def measure(db: str, entity: str | None = None, depth: int = 1, repeat: int = 5
            ) -> dict[str, object]:
    entity = entity or _most_connected(db)
    port = _free_port()
    origin = f"http://127.0.0.1:{port}"
    server, startup, _ = _launch(db, port)
    try:
        url = f"{origin}/api/entities/{quote(entity)}/neighbourhood?depth={depth}"
        first, first_cpu, body = _timed(url, server.pid)
        found = json.loads(body)
        warm = [_timed(url, server.pid)[:2] for _ in range(repeat)]
        graph_url = f"{origin}/api/graph?" + urlencode({"entity": entity, "expand": entity})
        graph_first, graph_cpu, _ = _timed(graph_url, server.pid)
        card_first, card_cpu, _ = _timed(f"{origin}/api/entities/{quote(entity)}", server.pid)
    finally:
        _stop(server)
    return {"db": db, "entity": entity, "depth": depth, "startup_ms": round(startup),
            "first_neighbourhood_ms": round(first, 1),
            "warm_neighbourhood_ms": round(statistics.median(w for w, _ in warm), 1),
            "first_graph_ms": round(graph_first, 1), "first_card_ms": round(card_first, 1),
            "processor_ms": _rounded({
                "first_neighbourhood": first_cpu,
                "warm_neighbourhood": _median([c for _, c in warm]),
                "first_graph": graph_cpu, "first_card": card_cpu}),
            "nodes": len(found["nodes"]),
            "edges": len(found["edges"]), "bytes": len(body)}


def _median(values: list[float | None]) -> float | None:
    return None if None in values or not values else statistics.median(values)


def _rounded(values: dict[str, float | None]) -> dict[str, float | None]:
    return {k: None if v is None else round(v) for k, v in values.items()}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, help="SQLite path or database URL")
    parser.add_argument("--entity", help="entity id (default: the most connected)")
    parser.add_argument("--depth", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=5, help="warm repetitions")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--workspace", type=int, metavar="ACTORS",
                        help="time opening a saved workspace of ACTORS actors in the browser")
    parser.add_argument("--startup", action="store_true",
                        help="time only fresh starts to the first answer (--repeat of them)")
    args = parser.parse_args(argv)
    if args.startup:
        found = measure_startup(args.db, args.repeat)
        print(json.dumps(found) if args.json else
              f"linkchart serve --db {found['db']}: first answer after "
              f"{found['first_answer_ms']} ms, {found['processor_ms']} ms of processor time "
              f"(medians of {found['starts']} starts)")
        return
    if args.workspace:
        found = measure_workspace(args.db, args.entity or _most_connected(args.db),
                                  _free_port(), args.workspace, args.repeat)
        print(json.dumps(found) if args.json else
              f"store {found['db']}: a saved workspace of {found['actors']} actors "
              f"({found['entity']} and its neighbours) opens and draws in "
              f"{found['first_open_ms']} ms the first time, {found['median_open_ms']} ms "
              f"median of {found['opens_ms']} (of which /api/graph "
              f"{found['median_api_graph_ms']} ms; load average {found['load_average']:.1f} "
              f"on {found['cpus']} CPUs)")
        return
    result = measure(args.db, args.entity, args.depth, args.repeat)
    if args.json:
        print(json.dumps(result))
        return
    print(f"store {result['db']}: entity {result['entity']}, depth {result['depth']} "
          f"({result['nodes']} nodes, {result['edges']} edges, {result['bytes']} bytes)")
    print(f"  server ready after       {result['startup_ms']} ms")
    print(f"  first neighbourhood      {result['first_neighbourhood_ms']} ms")
    print(f"  same query, warm median  {result['warm_neighbourhood_ms']} ms")
    print(f"  first /api/graph (UI)    {result['first_graph_ms']} ms")
    print(f"  first card               {result['first_card_ms']} ms")
    cpu = result["processor_ms"]
    if cpu["first_neighbourhood"] is not None:
        print("  the server's processor time (ms): neighbourhood first "
              f"{cpu['first_neighbourhood']}, warm {cpu['warm_neighbourhood']}; "
              f"/api/graph {cpu['first_graph']}; card {cpu['first_card']}")


if __name__ == "__main__":
    main()
