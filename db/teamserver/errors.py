"""What can go wrong with the team server, each with one Swedish line for the user."""

from __future__ import annotations

from db.errors import StorageError


class ServerError(StorageError):
    """The team server cannot be used (exit 2): nothing local has changed."""


class ServerUnreachableError(ServerError):
    """No answer, or the login was refused (wrong password, unknown role)."""


class ServerRefusedError(ServerError):
    """The server answered but will not do this (not a team server, newer schema, no rights)."""
