"""`linkchart serve`: loopback by default, a token anywhere else, and host checks."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from live import test_client


@pytest.fixture
def served(monkeypatch):
    """Run `linkchart serve` without serving: capture what uvicorn would have run."""
    import uvicorn

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: calls.append((app, options)))
    monkeypatch.delenv("LINKCHART_TOKEN", raising=False)

    def serve(*args, env=None):
        from linkchart.cli import app

        result = CliRunner().invoke(app, ["serve", *args], env=env)
        return result, calls

    return serve


def test_public_address_needs_a_token(served, chart_url):
    result, calls = served("--db", chart_url, "--host", "0.0.0.0")
    assert result.exit_code == 2
    assert "--token" in result.output and calls == []


def test_token_from_the_environment(served, chart_url):
    result, calls = served("--db", chart_url, "--host", "0.0.0.0", "--port", "8123",
                           env={"LINKCHART_TOKEN": "from-env"})
    assert result.exit_code == 0, result.output
    app, options = calls[0]
    assert options["host"] == "0.0.0.0" and options["port"] == 8123
    assert "?token=from-env" in result.output
    client = test_client(app)
    assert client.get("/api/health").status_code == 401
    bearer = {"Authorization": "Bearer from-env"}
    assert client.get("/api/health", headers=bearer).status_code == 200
    assert client.get("/api/health", headers={"Authorization": "Bearer wrong"}).status_code == 401


def test_login_link_sets_a_cookie(served, chart_url):
    _, calls = served("--db", chart_url, "--host", "0.0.0.0", "--token", "tok")
    client = test_client(calls[0][0])
    login = client.get("/?token=tok&x=1", follow_redirects=False)
    assert login.status_code == 303 and login.headers["location"] == "/?x=1"
    assert "httponly" in login.headers["set-cookie"].lower()
    assert "samesite=strict" in login.headers["set-cookie"].lower()
    assert client.get("/api/health").status_code == 200
    assert client.get("/").status_code == 200
    assert test_client(calls[0][0]).get("/?token=nope").status_code == 401


def test_loopback_answers_loopback_names_only(served, chart_url):
    result, calls = served("--db", chart_url)
    assert result.exit_code == 0 and "http://127.0.0.1:8000/" in result.output
    app, options = calls[0]
    assert options["host"] == "127.0.0.1" and options["port"] == 8000
    client = test_client(app)
    assert client.get("/api/health", headers={"host": "127.0.0.1:8000"}).status_code == 200
    assert client.get("/api/health", headers={"host": "localhost:8000"}).status_code == 200
    assert client.get("/api/health", headers={"host": "rebound.example:8000"}).status_code == 400


def test_missing_store(served, tmp_path):
    result, calls = served("--db", str(tmp_path / "none.db"))
    assert result.exit_code == 2 and "no store" in result.output and calls == []
