"""On PostgreSQL the store's connections plan with a random page read costing
`engine.RANDOM_PAGE_COST` where the server keeps its built-in default (made for spinning
disks, at which a hub's chart scanned every entity), and leave a value the database was
given alone."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from linkchart.store import Store
from linkchart.store.engine import RANDOM_PAGE_COST
from postgres_databases import empty_database

pytestmark = pytest.mark.postgres


def page_cost(store) -> float:
    with store.engine.connect() as conn:
        return float(conn.scalar(text("SHOW random_page_cost")))


def server_default(url: str) -> bool:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.scalar(text("SELECT source FROM pg_settings "
                                    "WHERE name = 'random_page_cost'")) == "default"
    finally:
        engine.dispose()


def alter_database(url: str, setting: str) -> None:
    name = make_url(url).database
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text(f'ALTER DATABASE "{name}" {setting}'))
    finally:
        engine.dispose()


def test_the_servers_default_page_cost_is_replaced(postgres_url):
    empty_database(postgres_url)
    if not server_default(postgres_url):
        pytest.skip("this server was given its own random_page_cost")
    with Store.open(postgres_url) as store:
        assert page_cost(store) == RANDOM_PAGE_COST
        with store.engine.connect() as conn:  # kept when a transaction is rolled back
            conn.rollback()
        assert page_cost(store) == RANDOM_PAGE_COST


def test_a_page_cost_given_to_the_database_is_kept(postgres_url):
    empty_database(postgres_url)
    alter_database(postgres_url, "SET random_page_cost = 3")
    try:
        with Store.open(postgres_url) as store:
            assert page_cost(store) == 3
    finally:
        alter_database(postgres_url, "RESET random_page_cost")
