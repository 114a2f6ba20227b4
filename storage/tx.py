"""Explicit transactions on an autocommit sqlite3 connection."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def immediate(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """A write transaction that takes the write lock at BEGIN.

    A deferred transaction that reads and then writes fails at once with "database is locked"
    if another connection committed in between, whatever the busy timeout; BEGIN IMMEDIATE
    waits (up to the busy timeout) for the lock instead, and what it read stays true.
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:  # SQLite may already have rolled back (disk full, ...)
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
