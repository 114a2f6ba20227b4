"""Errors the store raises, with messages a person running Pacer can act on."""

from __future__ import annotations


class StoreError(Exception):
    """The database could not be used (missing, unreadable, from a newer Pacer, ...)."""


class SchemaTooNew(StoreError):
    def __init__(self, found: int, known: int) -> None:
        self.found = found
        self.known = known
        super().__init__(
            f"the database has schema version {found}, but this Pacer knows only up to "
            f"{known}: upgrade Pacer, or restore a backup made by this version"
        )


class NotFound(StoreError):
    """A row the caller named does not exist in that guild."""
