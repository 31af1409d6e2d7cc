"""`python -m linkchart.server.bench --startup` starts `linkchart serve` afresh, waits for
its first answer and stops it: the figures it reports are there, and no server is left."""

import json

from test_cli import python, store_path  # noqa: F401 (a fixture)


def test_startup_reports_the_first_answer_of_each_start(store_path):
    result = python("-m", "linkchart.server.bench", "--db", str(store_path), "--startup",
                    "--repeat", "2", "--json")
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert found["starts"] == 2 and found["first_answer_ms"] > 0
    assert found["processor_ms"] is None or found["processor_ms"] > 0
