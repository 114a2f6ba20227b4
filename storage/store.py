"""`Store`: Pacer's data, behind async methods named for what the bot needs.

One aiosqlite connection per store. aiosqlite runs every call on the connection's own thread,
and each call costs a hop to that thread and back (~200 µs, against a few µs for the SQL
itself). So each method sends one function to that thread which does the whole use case
there (a read, or a complete write transaction) and returns finished records: one hop per call.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Concatenate, ParamSpec, Self, TypeVar

import aiosqlite

from storage import connection
from storage.errors import StoreError
from storage.migrations import migrate, schema_version

P = ParamSpec("P")
T = TypeVar("T")

Clock = Callable[[], dt.datetime]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


# Sending a function to the connection's thread uses `Connection._execute`, the primitive on
# which every public aiosqlite method is built; the version is pinned (<0.23) in pyproject.
if not hasattr(aiosqlite.Connection, "_execute"):  # pragma: no cover - guards an upgrade
    raise ImportError("this aiosqlite has no Connection._execute; Pacer's store needs 0.22.x")


class Store:
    """Pacer's database. Open with `await Store.open(path)`; always `await store.close()`."""

    def __init__(self, db: aiosqlite.Connection, path: str, clock: Clock) -> None:
        self._db = db
        self.path = path
        self._clock = clock

    @classmethod
    async def open(cls, path: str | Path, *, clock: Clock = utc_now) -> Store:
        """Open (creating if needed) the database at `path` and bring its schema up to date."""
        path = str(path)

        def connector() -> sqlite3.Connection:
            conn = connection.connect(path)
            try:
                migrate(conn)
            except BaseException:
                conn.close()
                raise
            return conn

        db = aiosqlite.Connection(connector, iter_chunk_size=64)
        try:
            await db  # starts the thread, connects and migrates there
        except sqlite3.Error as exc:
            raise StoreError(f"cannot prepare the database at {path!r}: {exc}") from None
        return cls(db, path, clock)

    async def close(self) -> None:
        """Close the connection and stop its thread (an open one can hang the process at exit)."""
        await self._db.close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    async def _run(
        self, fn: Callable[Concatenate[sqlite3.Connection, P], T], *args: P.args, **kwargs: P.kwargs
    ) -> T:
        """Run `fn(conn, *args)` on the connection's thread: one hop."""
        db = self._db
        return await db._execute(lambda: fn(db._conn, *args, **kwargs))

    def now(self) -> dt.datetime:
        value = self._clock()
        if value.tzinfo is None:
            raise ValueError("the store's clock must return an aware datetime")
        return value

    # -- maintenance ---------------------------------------------------------------------------

    async def schema_version(self) -> int:
        return await self._run(schema_version)

    async def backup(self, target: str | Path) -> None:
        """A consistent copy of the live database at `target` (SQLite's online backup API)."""
        from storage.admin import backup_connection

        await self._run(backup_connection, Path(target))


__all__ = ["Clock", "Store", "utc_now"]
