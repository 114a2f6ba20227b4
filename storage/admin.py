"""Maintenance on a database file, live or not: backup, integrity check, CSV export.

Synchronous (plain sqlite3): used by the `pacer db` command and, through `Store.backup`, by the
bot on its connection's thread.
"""

from __future__ import annotations

import contextlib
import csv
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from storage import connection
from storage.errors import StoreError
from storage.migrations import MIGRATIONS, schema_version

TABLES = ("guilds", "athletes", "race_results", "wods", "sessions", "reps")


def _check_target(target: Path) -> None:
    if target.exists():
        raise StoreError(f"{str(target)!r} already exists; choose a new file name")
    if not target.parent.is_dir():
        raise StoreError(f"the folder {str(target.parent)!r} does not exist")


def backup_connection(conn: sqlite3.Connection, target: Path) -> None:
    """Copy the database behind `conn` to `target` (a new file), consistently, while in use.

    Written to a temporary name beside `target` and renamed at the end, so `target` is never a
    half-written copy.
    """
    _check_target(target)
    partial = target.with_name(f".{target.name}.partial")
    with contextlib.suppress(FileNotFoundError):
        partial.unlink()
    try:
        dest = sqlite3.connect(partial)
        try:
            # pages=-1: the whole database in one step, so no writer can slip in between.
            conn.backup(dest, pages=-1)
            # A single self-contained file: no -wal beside it to forget when copying it on.
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
        os.replace(partial, target)
    except sqlite3.Error as exc:
        raise StoreError(f"backup to {str(target)!r} failed: {exc}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()


def backup(source: str | Path, target: str | Path) -> None:
    conn = connection.connect(source, create=False)
    try:
        backup_connection(conn, Path(target))
    finally:
        conn.close()


@dataclass(frozen=True, slots=True)
class CheckReport:
    problems: tuple[str, ...]  # empty when PRAGMA integrity_check says "ok"
    schema_version: int
    latest_version: int
    counts: dict[str, int]

    @property
    def ok(self) -> bool:
        return not self.problems and self.schema_version <= self.latest_version


def check(path: str | Path) -> CheckReport:
    conn = connection.connect(path, create=False)
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
        problems = () if rows == ["ok"] else tuple(rows)
        fk = conn.execute("PRAGMA foreign_key_check").fetchall()
        problems += tuple(f"broken reference in {r[0]} (row {r[1]}) to {r[2]}" for r in fk)
        present = {r[0] for r in conn.execute("SELECT name FROM sqlite_schema WHERE type='table'")}
        counts = {
            t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in TABLES
            if t in present
        }
        return CheckReport(problems, schema_version(conn), len(MIGRATIONS), counts)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{str(path)!r} is not a usable SQLite database: {exc}") from None
    finally:
        conn.close()


SESSION_COLUMNS = (
    "session_id",
    "guild_id",
    "athlete_id",
    "athlete_name",
    "day",
    "workout_text",
    "workout_key",
    "splits_text",
    "splits_s",
    "notes",
    "wod_id",
    "channel_id",
    "message_id",
    "created_at",
    "edited_at",
)
REP_COLUMNS = (
    "session_id",
    "rep",
    "athlete_id",
    "day",
    "distance_m",
    "duration_s",
    "time_s",
    "target_low_s",
    "target_high_s",
    "rest_distance_m",
    "rest_duration_s",
)
_TEXT_COLUMNS = {"athlete_name", "workout_text", "workout_key", "splits_text", "notes"}


def spreadsheet_safe(value: str) -> str:
    """Text that a spreadsheet will not run as a formula (a leading = + - @ tab or CR)."""
    if value and value[0] in "=+-@\t\r":
        return "'" + value
    return value


def reps_path(sessions_path: Path) -> Path:
    """Where the reps go beside the sessions: sessions.csv → sessions-reps.csv."""
    return sessions_path.with_name(f"{sessions_path.stem}-reps{sessions_path.suffix or '.csv'}")


def export_csv(
    path: str | Path, guild_id: int, out: str | Path, athlete_id: int | None = None
) -> tuple[int, int]:
    """Sessions of a guild (or of one athlete) to `out`, their reps beside it (`reps_path`).

    Returns (sessions, reps) written. User text is made spreadsheet-safe (see above).
    """
    out = Path(out)
    for target in (out, reps_path(out)):
        _check_target(target)
    conn = connection.connect(path, create=False)
    try:
        athlete_filter = "" if athlete_id is None else " AND s.athlete_id = :athlete"
        params = {"guild": guild_id, "athlete": athlete_id}
        sessions = conn.execute(
            "SELECT s.id, s.guild_id, s.athlete_id, a.display_name, s.day, s.workout_text,"
            " s.workout_key, s.splits_text, s.splits_json, s.notes, s.wod_id, s.channel_id,"
            " s.message_id, s.created_at, s.edited_at"
            " FROM sessions s JOIN athletes a USING (guild_id, athlete_id)"
            f" WHERE s.guild_id = :guild{athlete_filter} ORDER BY s.day, s.id",
            params,
        )
        n_sessions = _write_csv(out, SESSION_COLUMNS, sessions)
        reps = conn.execute(
            "SELECT r.session_id, r.idx, r.athlete_id, r.day, r.distance_m, r.duration_s,"
            " r.time_s, r.target_low_s, r.target_high_s, r.rest_distance_m, r.rest_duration_s"
            " FROM reps r JOIN sessions s ON s.id = r.session_id"
            f" WHERE s.guild_id = :guild{athlete_filter} ORDER BY s.day, s.id, r.idx",
            params,
        )
        n_reps = _write_csv(reps_path(out), REP_COLUMNS, reps)
        return n_sessions, n_reps
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{str(path)!r} is not a usable Pacer database: {exc}") from None
    finally:
        conn.close()


def _write_csv(target: Path, columns: tuple[str, ...], rows: sqlite3.Cursor) -> int:
    text_at = [i for i, c in enumerate(columns) if c in _TEXT_COLUMNS]
    count = 0
    with open(target, "x", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(columns)
        for row in rows:
            values = ["" if v is None else v for v in row]
            for i in text_at:
                if isinstance(values[i], str):
                    values[i] = spreadsheet_safe(values[i])
            writer.writerow(values)
            count += 1
    return count
