"""Storage errors with messages a caseworker can act on."""


class StorageError(Exception):
    """A database problem caused by the environment (file, version, lock), not by a bug."""


class NotADatabaseError(StorageError):
    """The file exists but is not an SQLite database."""


class NewerSchemaError(StorageError):
    """The database was written by a newer version of Överblick."""


class DatabaseBusyError(StorageError):
    """Another program held the database longer than the busy timeout."""


class ForeignDatabaseError(StorageError):
    """The file is an SQLite database of another program; it is left untouched."""


class NoDatabaseError(StorageError):
    """There is no database at the path (or it is empty), and this command creates none."""
