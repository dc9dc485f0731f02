"""The engine's exception family; messages are sentences a caseworker can act on."""


class OverblickError(Exception):
    """Base of every error the engine raises on purpose."""

    exit_code = 2


class NotFoundError(OverblickError):
    """A case, caseworker or follow-up that does not exist."""


class InvalidInputError(OverblickError):
    """A date, argument or value that cannot be used."""


class RuleTableError(OverblickError):
    """A rule file under resources/rules/ is missing a key or holds a bad value."""


class ExistingDataError(OverblickError):
    """An operation would overwrite data the caseworker has recorded."""
