"""The team server: a PostgreSQL database holding a team's shared state (docs/team-server.md).

Everything PostgreSQL lives here: the numbered server schema (``schema/NNN_*.sql``), and
``server.py`` (connect, ``init``, ``upgrade``, ``add_user``, the schema version check,
``push`` and ``pull``). psycopg is imported only when a server is used, never by ``import db``.
"""

from db.teamserver.errors import ServerError, ServerRefusedError, ServerUnreachableError

__all__ = ["ServerError", "ServerRefusedError", "ServerUnreachableError"]
