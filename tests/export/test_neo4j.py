"""The Cypher export: every statement parses with the openCypher grammar (ANTLR's
grammars-v4 Cypher grammar, as packaged by antlr4-cypher), and the script holds every
node and relationship of the chart."""

import io

import pytest

from linkchart.export import export

antlr4 = pytest.importorskip("antlr4")
antlr4_cypher = pytest.importorskip("antlr4_cypher")


class Collect(antlr4.error.ErrorListener.ErrorListener):
    def __init__(self):
        self.errors = []

    def syntaxError(self, recognizer, symbol, line, column, message, error):
        self.errors.append(f"{line}:{column} {message}")


def syntax_errors(statement: str) -> list[str]:
    listener = Collect()
    lexer = antlr4_cypher.CypherLexer(antlr4.InputStream(statement))
    lexer.removeErrorListeners()
    lexer.addErrorListener(listener)
    parser = antlr4_cypher.CypherParser(antlr4.CommonTokenStream(lexer))
    parser.removeErrorListeners()
    parser.addErrorListener(listener)
    parser.script()
    return listener.errors


def script(store) -> list[str]:
    buffer = io.BytesIO()
    export(store, "cypher", buffer)
    return buffer.getvalue().decode("utf-8").splitlines()


def test_every_statement_parses(loaded):
    statements = script(loaded)
    assert statements
    for statement in statements:
        assert statement.endswith(";")
        assert syntax_errors(statement) == [], statement
    assert syntax_errors("MERGE (n:Entity {id: 'E1'}) SET n += {name: 'x}") != []


def test_the_script_holds_the_whole_chart(loaded):
    statements = script(loaded)
    corpus = loaded.corpus()
    merges = [s for s in statements if s.startswith("MERGE (n:")]
    assert len(merges) == len(corpus["entities"]) + len(corpus["events"])
    typed = [s for s in statements if "]->(b)" in s and "key: '" in s and ":SAID" not in s]
    assert sum(":SUPPORTS {" in s for s in typed) == sum(
        r["type"] == "supports" for r in corpus["relations"])
    company = next(s for s in merges if "Smith" in s)
    assert "SET n:Company" in company and "Smith & Sons <Ltd> \\\"Holdings\\\"" in company
    union = next(s for s in merges if "Harbour" in s)
    assert "Harbour Workers\\' Union" in union
    assert any(":ACTOR_IN" in s and "'armed_group:northern shield brigade'" in s
               and "'event:d1:58-152:ASSAULT'" in s for s in statements)
    assert any(":SAID" in s for s in statements)


def test_two_stores_merge_on_the_same_keys(loaded, extractions, tmp_path):
    """Counters differ between stores; the keys the script MERGEs on do not."""
    from linkchart.resolve import resolve
    from linkchart.store import Store

    with Store.open(str(tmp_path / "other.db"), resolver=resolve) as other:
        other.add_extractions(list(reversed(extractions)))
        assert other.corpus()["entities"][0]["id"] == "E1"
        assert other.corpus()["entities"][0]["name"] != loaded.corpus()["entities"][0]["name"]
        theirs = script(other)
    ours = script(loaded)

    def merged(statements):
        return sorted(s.split(" SET ")[0] for s in statements)

    assert merged(ours) == merged(theirs)
    assert "MERGE (n:Entity {key: 'armed_group:northern shield brigade'})" in merged(ours)
