"""The team server tests: a real PostgreSQL database per test (tests/pg.py)."""

from tests.pg import pg_db  # noqa: F401  (the fixture)
from tests.scram_pg import scram_cluster  # noqa: F401  (the fixture)
