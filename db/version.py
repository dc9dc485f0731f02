"""The schema version this code writes; db.migrations checks it matches its list."""

LATEST_VERSION = 9
