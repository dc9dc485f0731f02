"""A fresh PostgreSQL database and login roles per test, dropped afterwards even on failure.

The server is the one at 127.0.0.1:5432 (trust authentication, superuser ``postgres``),
or ``OVERBLICK_TEST_PG`` (a libpq URL of a superuser on another server). Every name made
here carries the test's unique suffix, so tests running at once never clash and the
clean-up drops exactly what the test made. Without a server the tests skip with a reason.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest

ADMIN_URL = os.environ.get("OVERBLICK_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")


def _admin(dbname: str = "postgres"):
    import psycopg
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    params = conninfo_to_dict(ADMIN_URL)
    params["dbname"] = dbname
    params.setdefault("connect_timeout", "3")
    return psycopg.connect(make_conninfo(**params), autocommit=True)


def server_answers() -> str | None:
    """None when the test server answers, else why not."""
    try:
        import psycopg
    except ImportError:
        return "psycopg is not installed"
    try:
        with _admin():
            return None
    except psycopg.Error as exc:
        return f"no PostgreSQL server at {ADMIN_URL} ({str(exc).strip().splitlines()[0]})"


@dataclass
class PgDatabase:
    """One test's database: its name, its unique suffix and URLs for any role in it."""

    name: str
    suffix: str
    host: str
    port: str
    roles: list[str] = field(default_factory=list)

    def url(self, role: str = "postgres", dbname: str | None = None) -> str:
        return f"postgresql://{role}@{self.host}:{self.port}/{dbname or self.name}"

    @property
    def admin_url(self) -> str:
        from psycopg.conninfo import conninfo_to_dict

        return self.url(conninfo_to_dict(ADMIN_URL).get("user", "postgres"))

    def signature(self, stem: str) -> str:
        """A signature (and so a login role) unique to this test."""
        return f"{stem}{self.suffix}"

    def connect(self, role: str | None = None):
        """A connection to this database; as ``role`` (a login role) when given."""
        import psycopg

        return psycopg.connect(self.url(role) if role else self.admin_url, autocommit=True)


def drop_everything(name: str, suffix: str) -> None:
    with _admin() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        roles = [
            r[0]
            for r in conn.execute(
                "SELECT rolname FROM pg_roles WHERE position(%s in rolname) > 0", (suffix,)
            )
        ]
        for role in roles:
            conn.execute(f'DROP ROLE IF EXISTS "{role}"')


def make_database() -> PgDatabase:
    from psycopg.conninfo import conninfo_to_dict

    params = conninfo_to_dict(ADMIN_URL)
    suffix = uuid.uuid4().hex[:8]
    name = f"ovbt_{suffix}"
    with _admin() as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return PgDatabase(
        name, suffix, params.get("host", "127.0.0.1"), str(params.get("port", "5432"))
    )


@pytest.fixture
def pg_db() -> Iterator[PgDatabase]:
    """A fresh, empty database of its own (and its roles), dropped after the test."""
    reason = server_answers()
    if reason:
        pytest.skip(reason)
    db = make_database()
    try:
        yield db
    finally:
        drop_everything(db.name, db.suffix)
