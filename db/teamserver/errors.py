"""What can go wrong with the team server, each with one line for the user (Swedish, or
English with OVERBLICK_LANG=en: the messages go through ``db.text._``)."""

from __future__ import annotations

from db.errors import StorageError


class ServerError(StorageError):
    """The team server cannot be used (exit 2): nothing local has changed."""


class ServerUnreachableError(ServerError):
    """No answer, or the login was refused (wrong password, unknown role)."""


class ServerRefusedError(ServerError):
    """The server answered but will not do this (not a team server, newer schema, no rights)."""
