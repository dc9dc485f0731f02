"""Sync with a team server (docs/team-server.md): local-first, the server the authority.

``join`` links a local database to a team server, ``sync`` pushes the outbox and pulls
what the person may see, ``status`` tells where things stand. A database that never
joined has no trigger and no cost: everything works as before, alone and offline.
"""

from app.sync.engine import NotJoinedError, SyncResult, join, status, sync

__all__ = ["NotJoinedError", "SyncResult", "join", "status", "sync"]
