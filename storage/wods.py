"""Workouts of the day and the claim-then-post protocol (sync; run on the store's thread).

A WOD moves through these states; each arrow is one conditional UPDATE, so two dispatchers
(or a dispatcher and a coach cancelling) can never both win:

    scheduled --claim--> posting --mark_posted--> posted
        |                   |----mark_failed----> failed
        |                   '----release--------> scheduled   (known not to have gone out)
        |----cancel------> cancelled
        '----mark_missed-> missed                              (too late to be worth posting)

`posting` is the state of doubt: the message may or may not have reached Discord. See
`Store.claim_wod` for what the bot does with it.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
import sqlite3
from typing import Any

from storage import convert as cv
from storage.records import MAX_TITLE, NewWod, WodDraft, WodRow, _Unset
from storage.teams import ensure_guild
from storage.tx import immediate

_COLS = (
    "id, guild_id, author_id, workout_text, workout_json, workout_key, notes, channel_id, day,"
    " publish_at, status, claim_token, claimed_at, posted_at, message_id, failure, created_at,"
    " title"
)
_EDITABLE = {
    "workout_text",
    "workout_json",
    "workout_key",
    "notes",
    "channel_id",
    "day",
    "publish_at",
    "title",
}
STATUSES = ("scheduled", "posting", "posted", "failed", "missed", "cancelled")


def _wod(row: Any) -> WodRow:
    ri = cv.read_instant
    return WodRow(
        row[0],
        row[1],
        row[2],
        row[3],
        row[4],
        row[5],
        row[6],
        row[7],
        cv.read_day(row[8]),
        ri(row[9]),  # type: ignore[arg-type]
        row[10],
        row[11],
        ri(row[12]),
        ri(row[13]),
        row[14],
        row[15],
        ri(row[16]),  # type: ignore[arg-type]
        row[17],
    )


def schedule(conn: sqlite3.Connection, rec: NewWod, now: str) -> WodRow:
    with immediate(conn):
        return _insert(conn, rec, now)


def _insert(conn: sqlite3.Connection, rec: NewWod, now: str) -> WodRow:
    ensure_guild(conn, rec.guild_id, now)
    row = conn.execute(
        "INSERT INTO wods (guild_id, author_id, workout_text, workout_json, workout_key,"
        " notes, channel_id, day, publish_at, title, created_at, updated_at)"
        f" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING {_COLS}",
        (
            rec.guild_id,
            rec.author_id,
            cv.bounded(rec.workout_text, what="workout text"),
            cv.to_json(rec.workout_json),
            cv.key(rec.workout_key),
            cv.bounded(rec.notes, what="notes"),
            rec.channel_id,
            cv.day(rec.day),
            cv.instant(rec.publish_at),
            cv.bounded(rec.title, MAX_TITLE, "title"),
            now,
            now,
        ),
    ).fetchall()[0]
    return _wod(row)


def schedule_from_draft(
    conn: sqlite3.Connection, rec: NewWod, guild_id: int, draft_id: int, now: str
) -> WodRow | None:
    """Store the WOD and drop its draft in one transaction: None if the draft is gone (this
    form was already submitted, or expired), so one form never schedules two WODs."""
    with immediate(conn):
        taken = conn.execute(
            "DELETE FROM wod_drafts WHERE id = ? AND guild_id = ?", (draft_id, guild_id)
        ).rowcount
        return _insert(conn, rec, now) if taken else None


# -- drafts: /wod post and /wod edit forms waiting for the coach's notes ----------------------

_DRAFT_COLS = (
    "id, guild_id, author_id, wod_id, workout_text, publish_at, channel_id, title, timezone,"
    " created_at"
)


def _draft(row: Any) -> WodDraft:
    return WodDraft(
        guild_id=row[1],
        author_id=row[2],
        timezone=row[8],
        workout_text=row[4],
        publish_at=cv.read_instant(row[5]),
        channel_id=row[6],
        title=row[7],
        wod_id=row[3],
        id=row[0],
        created_at=cv.read_instant(row[9]),
    )


def save_draft(
    conn: sqlite3.Connection, draft: WodDraft, now: str, expired_before: str
) -> WodDraft:
    """Keep a draft (and forget the ones opened before `expired_before`)."""
    with immediate(conn):
        ensure_guild(conn, draft.guild_id, now)
        conn.execute("DELETE FROM wod_drafts WHERE created_at < ?", (expired_before,))
        row = conn.execute(
            "INSERT INTO wod_drafts (guild_id, author_id, wod_id, workout_text, publish_at,"
            " channel_id, title, timezone, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            f" RETURNING {_DRAFT_COLS}",
            (
                draft.guild_id,
                draft.author_id,
                draft.wod_id,
                cv.bounded(draft.workout_text, what="workout text"),
                None if draft.publish_at is None else cv.instant(draft.publish_at),
                draft.channel_id,
                cv.bounded(draft.title, MAX_TITLE, "title"),
                cv.bounded(draft.timezone, 64, "time zone"),
                now,
            ),
        ).fetchall()[0]
    return _draft(row)


def get_draft(conn: sqlite3.Connection, guild_id: int, draft_id: int) -> WodDraft | None:
    row = conn.execute(
        f"SELECT {_DRAFT_COLS} FROM wod_drafts WHERE id = ? AND guild_id = ?",
        (draft_id, guild_id),
    ).fetchone()
    return None if row is None else _draft(row)


def drop_draft(conn: sqlite3.Connection, guild_id: int, draft_id: int) -> bool:
    return (
        conn.execute(
            "DELETE FROM wod_drafts WHERE id = ? AND guild_id = ?", (draft_id, guild_id)
        ).rowcount
        > 0
    )


def get(conn: sqlite3.Connection, guild_id: int, wod_id: int) -> WodRow | None:
    row = conn.execute(
        f"SELECT {_COLS} FROM wods WHERE id = ? AND guild_id = ?", (wod_id, guild_id)
    ).fetchone()
    return None if row is None else _wod(row)


def for_day(conn: sqlite3.Connection, guild_id: int, day: dt.date) -> WodRow | None:
    """The day's workout: the posted one if any, else the one due; the latest if several."""
    row = conn.execute(
        f"SELECT {_COLS} FROM wods WHERE guild_id = ? AND day = ?"
        " AND status IN ('posted', 'posting', 'scheduled')"
        " ORDER BY status = 'posted' DESC, publish_at DESC, id DESC LIMIT 1",
        (guild_id, cv.day(day)),
    ).fetchone()
    return None if row is None else _wod(row)


def list_wods(
    conn: sqlite3.Connection,
    guild_id: int,
    statuses: tuple[str, ...] | None,
    since: dt.date | None,
    until: dt.date | None,
    limit: int,
) -> list[WodRow]:
    if statuses is not None and not set(statuses) <= set(STATUSES):
        raise ValueError(f"unknown WOD status in {statuses}; known: {', '.join(STATUSES)}")
    if not 1 <= limit <= 500:
        raise ValueError(f"limit must be between 1 and 500, not {limit}")
    rows = conn.execute(
        f"SELECT {_COLS} FROM wods WHERE guild_id = ? AND day BETWEEN ? AND ?"
        " AND (? IS NULL OR status IN (SELECT value FROM json_each(?)))"
        " ORDER BY day DESC, publish_at DESC, id DESC LIMIT ?",
        (
            guild_id,
            "0000-01-01" if since is None else cv.day(since),
            "9999-12-31" if until is None else cv.day(until),
            None if statuses is None else 1,
            json.dumps(list(statuses or ())),
            limit,
        ),
    ).fetchall()
    return [_wod(r) for r in rows]


def due(conn: sqlite3.Connection, now: str, limit: int) -> list[WodRow]:
    """Scheduled WODs whose time has come, all guilds, earliest first."""
    rows = conn.execute(
        f"SELECT {_COLS} FROM wods WHERE status = 'scheduled' AND publish_at <= ?"
        " ORDER BY publish_at, id LIMIT ?",
        (now, limit),
    ).fetchall()
    return [_wod(r) for r in rows]


def next_publish_at(conn: sqlite3.Connection) -> dt.datetime | None:
    row = conn.execute("SELECT min(publish_at) FROM wods WHERE status = 'scheduled'").fetchone()
    return cv.read_instant(row[0])


def in_doubt(conn: sqlite3.Connection) -> list[WodRow]:
    """WODs claimed for posting whose outcome was never recorded (a crash, most likely)."""
    rows = conn.execute(
        f"SELECT {_COLS} FROM wods WHERE status = 'posting' ORDER BY claimed_at, id"
    ).fetchall()
    return [_wod(r) for r in rows]


def claim(conn: sqlite3.Connection, wod_id: int, now: str) -> WodRow | None:
    with immediate(conn):
        rows = conn.execute(
            "UPDATE wods SET status = 'posting', claim_token = ?, claimed_at = ?, updated_at = ?"
            f" WHERE id = ? AND status = 'scheduled' RETURNING {_COLS}",
            (secrets.token_hex(8), now, now, wod_id),
        ).fetchall()
    return _wod(rows[0]) if rows else None


def _finish(conn: sqlite3.Connection, sql: str, params: tuple[object, ...]) -> bool:
    return conn.execute(sql, params).rowcount > 0


def mark_posted(
    conn: sqlite3.Connection, wod_id: int, token: str, message_id: int, posted_at: str
) -> bool:
    return _finish(
        conn,
        "UPDATE wods SET status = 'posted', message_id = ?, posted_at = ?, updated_at = ?"
        " WHERE id = ? AND status = 'posting' AND claim_token = ?",
        (message_id, posted_at, posted_at, wod_id, token),
    )


def mark_failed(conn: sqlite3.Connection, wod_id: int, token: str, reason: str, now: str) -> bool:
    return _finish(
        conn,
        "UPDATE wods SET status = 'failed', failure = ?, updated_at = ?"
        " WHERE id = ? AND status = 'posting' AND claim_token = ?",
        (reason[:500], now, wod_id, token),
    )


def release(conn: sqlite3.Connection, wod_id: int, token: str, now: str) -> bool:
    return _finish(
        conn,
        "UPDATE wods SET status = 'scheduled', claim_token = NULL, claimed_at = NULL,"
        " updated_at = ? WHERE id = ? AND status = 'posting' AND claim_token = ?",
        (now, wod_id, token),
    )


def mark_missed(conn: sqlite3.Connection, wod_id: int, now: str) -> bool:
    return _finish(
        conn,
        "UPDATE wods SET status = 'missed', updated_at = ? WHERE id = ? AND status = 'scheduled'",
        (now, wod_id),
    )


def cancel(conn: sqlite3.Connection, guild_id: int, wod_id: int, now: str) -> bool:
    return _finish(
        conn,
        "UPDATE wods SET status = 'cancelled', updated_at = ?"
        " WHERE id = ? AND guild_id = ? AND status = 'scheduled'",
        (now, wod_id, guild_id),
    )


def edit(
    conn: sqlite3.Connection, guild_id: int, wod_id: int, changes: dict[str, Any], now: str
) -> WodRow | None:
    """Change a WOD that is still scheduled; None if it is not (posted, cancelled, unknown)."""
    if not set(changes) <= _EDITABLE:  # column names go into the SQL text below
        raise ValueError(f"a WOD has no field(s) {sorted(set(changes) - _EDITABLE)} to edit")
    values: dict[str, Any] = {}
    for column, value in changes.items():
        if isinstance(value, _Unset):
            continue
        if column == "workout_json":
            value = cv.to_json(value)
        elif column == "publish_at":
            value = cv.instant(value)
        elif column == "day":
            value = cv.day(value)
        elif column == "workout_key":
            value = cv.key(value)
        elif column in ("workout_text", "notes"):
            value = cv.bounded(value, what=column.replace("_", " "))
        elif column == "title":
            value = cv.bounded(value, MAX_TITLE, "title")
        if column in ("workout_text", "channel_id", "publish_at", "day") and value is None:
            raise ValueError(f"a workout of the day needs a {column.replace('_', ' ')}")
        values[column] = value
    # Column names come from Store.edit_wod's fixed keyword arguments, never from users.
    sets = "".join(f"{col} = :{col}, " for col in values)
    rows = conn.execute(
        f"UPDATE wods SET {sets}updated_at = :now"
        f" WHERE id = :id AND guild_id = :guild AND status = 'scheduled' RETURNING {_COLS}",
        {**values, "now": now, "id": wod_id, "guild": guild_id},
    ).fetchall()
    return _wod(rows[0]) if rows else None
