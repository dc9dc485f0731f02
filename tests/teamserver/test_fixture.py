"""The per-test PostgreSQL database is real, empty, and gone afterwards with its roles."""

from __future__ import annotations

from tests.pg import _admin, drop_everything, make_database


def test_each_test_gets_an_empty_database_of_its_own(pg_db) -> None:
    with pg_db.connect() as conn:
        tables = conn.execute(
            "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', "
            "'information_schema')"
        ).fetchone()
        assert tables == (0,)
        assert conn.execute("SELECT current_database()").fetchone() == (pg_db.name,)


def test_the_database_and_its_roles_are_dropped_afterwards(pg_db) -> None:
    db = make_database()
    role = db.signature("hk")
    with _admin() as conn:
        conn.execute(f'CREATE ROLE "{role}" LOGIN')
    drop_everything(db.name, db.suffix)
    with _admin() as conn:
        assert (
            conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (db.name,)).fetchone()
            is None
        )
        assert conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone() is None
