"""Sessions and their reps (sync; run on the store's thread).

Every query names the guild: a team can never read another team's rows. Queries that show one
athlete's sessions to someone else apply the privacy rule in SQL (see `_VISIBLE`).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Any

from storage import convert as cv
from storage.errors import NotFound
from storage.records import (
    MAX_REPS,
    MAX_SPLITS,
    BestRep,
    LogResult,
    NewRep,
    NewSession,
    RepRow,
    SessionEdit,
    SessionRow,
)
from storage.teams import ensure_athlete
from storage.tx import immediate

MAX_LIMIT = 500

# A session is visible when the caller sees everything (a coach), the athlete shares their
# sessions, or the viewer is the athlete.
_VISIBLE = "(:all OR a.hidden = 0 OR a.athlete_id = :viewer)"

# The session's reps ride along in the same row as one JSON array: a list of sessions with
# their reps is one statement, and one hop to the connection's thread.
_REPS_JSON = (
    "(SELECT json_group_array(json_array(r.idx, r.distance_m, r.duration_s, r.time_s,"
    " r.target_low_s, r.target_high_s, r.rest_distance_m, r.rest_duration_s))"
    " FROM reps r WHERE r.session_id = s.id)"
)
_SELECT = (
    "SELECT s.id, s.guild_id, s.athlete_id, a.display_name, s.day, s.workout_text,"
    " s.workout_json, s.workout_key, s.splits_text, s.splits_json, s.notes, s.wod_id,"
    f" s.channel_id, s.message_id, s.interaction_id, s.created_at, s.edited_at, {_REPS_JSON}"
    " FROM sessions s JOIN athletes a ON a.guild_id = s.guild_id AND a.athlete_id = s.athlete_id"
)

RECENT_SQL = (
    f"{_SELECT} WHERE s.guild_id = :guild AND s.athlete_id = :athlete"
    f" AND s.day <= :until AND {_VISIBLE} ORDER BY s.day DESC, s.id DESC"
    " LIMIT :limit OFFSET :offset"
)


def _limit(limit: int) -> int:
    if not 1 <= limit <= MAX_LIMIT:
        raise ValueError(f"limit must be between 1 and {MAX_LIMIT}, not {limit}")
    return limit


def _offset(offset: int) -> int:
    if offset < 0:
        raise ValueError(f"offset must be 0 or more, not {offset}")
    return offset


def _session(row: Any) -> SessionRow:
    # Positional and lazy on purpose: this runs for every row of every history query.
    return SessionRow(
        row[0],
        row[1],
        row[2],
        row[3],
        _date(row[4]),
        row[5],
        row[6],
        row[7],
        row[8],
        row[9],
        row[10],
        row[11],
        row[12],
        row[13],
        row[14],
        _instant(row[15]),
        None if row[16] is None else _instant(row[16]),
        row[17],
    )


_date = dt.date.fromisoformat
_instant = dt.datetime.fromisoformat


def _params(
    guild_id: int, viewer_id: int | None, include_hidden: bool, **more: Any
) -> dict[str, Any]:
    return {"guild": guild_id, "viewer": viewer_id, "all": int(include_hidden), **more}


def _sessions(
    conn: sqlite3.Connection,
    sql: str,
    guild_id: int,
    viewer_id: int | None,
    include_hidden: bool,
    **more: Any,
) -> list[SessionRow]:
    """The sessions a query over `_SELECT` finds, for a viewer in a guild."""
    rows = conn.execute(sql, _params(guild_id, viewer_id, include_hidden, **more)).fetchall()
    return [_session(r) for r in rows]


# -- writes ------------------------------------------------------------------------------------


def _rep_rows(
    session_id: int, guild_id: int, athlete_id: int, day: str, reps: tuple[NewRep, ...]
) -> list[tuple[Any, ...]]:
    if len(reps) > MAX_REPS:
        raise ValueError(f"a session has at most {MAX_REPS} reps, not {len(reps)}")
    indexes = [r.index for r in reps]
    if len(set(indexes)) != len(indexes):
        raise ValueError(f"rep indexes must be distinct, got {indexes}")
    return [
        (
            session_id,
            r.index,
            guild_id,
            athlete_id,
            day,
            cv.distance(r.distance_m),
            r.duration_s,
            r.time_s,
            r.target_low_s,
            r.target_high_s,
            cv.distance(r.rest_distance_m),
            r.rest_duration_s,
        )
        for r in reps
    ]


_INSERT_REPS = (
    "INSERT INTO reps (session_id, idx, guild_id, athlete_id, day, distance_m, duration_s,"
    " time_s, target_low_s, target_high_s, rest_distance_m, rest_duration_s)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def _splits(values: tuple[float, ...]) -> str:
    if len(values) > MAX_SPLITS:
        raise ValueError(f"a session has at most {MAX_SPLITS} splits, not {len(values)}")
    return cv.floats_json(values)


def log(conn: sqlite3.Connection, rec: NewSession, now: str) -> LogResult:
    """Store a session with its reps in one transaction; a repeated source is not stored twice."""
    day = cv.day(rec.day)
    values = (
        rec.guild_id,
        rec.athlete_id,
        day,
        cv.bounded(rec.workout_text, what="workout text"),
        cv.to_json(rec.workout_json),
        cv.key(rec.workout_key),
        cv.bounded(rec.splits_text, what="splits text"),
        _splits(rec.splits_s),
        cv.bounded(rec.notes, what="notes"),
        rec.wod_id,
        rec.channel_id,
        rec.message_id,
        rec.interaction_id,
        now,
    )
    rep_rows = _rep_rows(0, rec.guild_id, rec.athlete_id, day, rec.reps)
    with immediate(conn):
        if rec.interaction_id is not None or rec.message_id is not None:
            # Discord may deliver an interaction or a message event twice: the first one wins.
            # (Ids are snowflakes, unique across Discord: the same id from another guild would
            # not match here and would fail on the unique constraint instead.)
            found = conn.execute(
                "SELECT id FROM sessions WHERE (interaction_id = ? OR message_id = ?)"
                " AND guild_id = ?",
                (rec.interaction_id, rec.message_id, rec.guild_id),
            ).fetchone()
            if found is not None:
                return LogResult(found[0], created=False)
        ensure_athlete(conn, rec.guild_id, rec.athlete_id, rec.athlete_name, now)
        try:
            session_id = conn.execute(
                "INSERT INTO sessions (guild_id, athlete_id, day, workout_text, workout_json,"
                " workout_key, splits_text, splits_json, notes, wod_id, channel_id, message_id,"
                " interaction_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                values,
            ).lastrowid
        except sqlite3.IntegrityError as exc:
            if rec.wod_id is not None and "FOREIGN KEY" in str(exc):
                raise NotFound(f"no workout of the day #{rec.wod_id} in this team") from None
            raise
        if rep_rows:
            conn.executemany(_INSERT_REPS, [(session_id, *r[1:]) for r in rep_rows])
        assert session_id is not None
        return LogResult(session_id, created=True)


def edit(
    conn: sqlite3.Connection,
    guild_id: int,
    session_id: int,
    change: SessionEdit,
    athlete_id: int | None,
    now: str,
) -> SessionRow | None:
    """Replace a session's text, parsed form, splits, notes and reps; None if not found."""
    with immediate(conn):
        found = conn.execute(
            "SELECT athlete_id, day FROM sessions WHERE id = ? AND guild_id = ?"
            " AND (? IS NULL OR athlete_id = ?)",
            (session_id, guild_id, athlete_id, athlete_id),
        ).fetchone()
        if found is None:
            return None
        owner, old_day = found
        day = old_day if change.day is None else cv.day(change.day)
        conn.execute(
            "UPDATE sessions SET day = ?, workout_text = ?, workout_json = ?, workout_key = ?,"
            " splits_text = ?, splits_json = ?, notes = ?, edited_at = ? WHERE id = ?",
            (
                day,
                cv.bounded(change.workout_text, what="workout text"),
                cv.to_json(change.workout_json),
                cv.key(change.workout_key),
                cv.bounded(change.splits_text, what="splits text"),
                _splits(change.splits_s),
                cv.bounded(change.notes, what="notes"),
                now,
                session_id,
            ),
        )
        conn.execute("DELETE FROM reps WHERE session_id = ?", (session_id,))
        rows = _rep_rows(session_id, guild_id, owner, day, change.reps)
        if rows:
            conn.executemany(_INSERT_REPS, rows)
        return get(conn, guild_id, session_id, None, True)


def delete(
    conn: sqlite3.Connection, guild_id: int, session_id: int, athlete_id: int | None
) -> bool:
    """Delete a session (only that athlete's, when `athlete_id` is given)."""
    with immediate(conn):
        cur = conn.execute(
            "DELETE FROM sessions WHERE id = ? AND guild_id = ? AND (? IS NULL OR athlete_id = ?)",
            (session_id, guild_id, athlete_id, athlete_id),
        )
        return cur.rowcount > 0


# -- reads -------------------------------------------------------------------------------------


def get(
    conn: sqlite3.Connection,
    guild_id: int,
    session_id: int,
    viewer_id: int | None,
    include_hidden: bool,
) -> SessionRow | None:
    row = conn.execute(
        f"{_SELECT} WHERE s.id = :id AND s.guild_id = :guild AND {_VISIBLE}",
        _params(guild_id, viewer_id, include_hidden, id=session_id),
    ).fetchone()
    return None if row is None else _session(row)


def by_source(
    conn: sqlite3.Connection,
    guild_id: int,
    message_id: int | None,
    interaction_id: int | None,
) -> SessionRow | None:
    """The session read from that message or interaction (to follow an edit or a deletion)."""
    row = conn.execute(
        f"{_SELECT} WHERE s.guild_id = :guild AND (s.message_id = :message"
        " OR s.interaction_id = :interaction)",
        {"guild": guild_id, "message": message_id, "interaction": interaction_id},
    ).fetchone()
    return None if row is None else _session(row)


def recent(
    conn: sqlite3.Connection,
    guild_id: int,
    athlete_id: int,
    limit: int,
    until: dt.date | None,
    viewer_id: int | None,
    include_hidden: bool,
    offset: int = 0,
) -> list[SessionRow]:
    return _sessions(
        conn,
        RECENT_SQL,
        guild_id,
        viewer_id,
        include_hidden,
        athlete=athlete_id,
        until="9999-12-31" if until is None else cv.day(until),
        limit=_limit(limit),
        offset=_offset(offset),
    )


def team(
    conn: sqlite3.Connection,
    guild_id: int,
    since: dt.date,
    until: dt.date,
    limit: int,
    viewer_id: int | None,
    include_hidden: bool,
) -> list[SessionRow]:
    """The team's sessions between two days, newest first."""
    return _sessions(
        conn,
        f"{_SELECT} WHERE s.guild_id = :guild AND s.day BETWEEN :since AND :until"
        f" AND {_VISIBLE} ORDER BY s.day DESC, s.id DESC LIMIT :limit",
        guild_id,
        viewer_id,
        include_hidden,
        since=cv.day(since),
        until=cv.day(until),
        limit=_limit(limit),
    )


def workout_history(
    conn: sqlite3.Connection,
    guild_id: int,
    workout_key: str,
    athlete_id: int | None,
    since: dt.date | None,
    until: dt.date | None,
    limit: int,
    viewer_id: int | None,
    include_hidden: bool,
    offset: int = 0,
) -> list[SessionRow]:
    """Sessions of one workout (by its canonical key), newest first."""
    return _sessions(
        conn,
        f"{_SELECT} WHERE s.guild_id = :guild AND s.workout_key = :key"
        " AND s.day BETWEEN :since AND :until AND (:athlete IS NULL OR s.athlete_id = :athlete)"
        f" AND {_VISIBLE} ORDER BY s.day DESC, s.id DESC LIMIT :limit OFFSET :offset",
        guild_id,
        viewer_id,
        include_hidden,
        key=workout_key,
        athlete=athlete_id,
        since="0000-01-01" if since is None else cv.day(since),
        until="9999-12-31" if until is None else cv.day(until),
        limit=_limit(limit),
        offset=_offset(offset),
    )


def wod_results(
    conn: sqlite3.Connection,
    guild_id: int,
    wod_id: int,
    viewer_id: int | None,
    include_hidden: bool,
) -> list[SessionRow]:
    """Everyone's sessions on one workout of the day, in the order they were logged."""
    return _sessions(
        conn,
        f"{_SELECT} WHERE s.wod_id = :wod AND s.guild_id = :guild AND {_VISIBLE} ORDER BY s.id",
        guild_id,
        viewer_id,
        include_hidden,
        wod=wod_id,
    )


_BEST_COLS = (
    "r.session_id, r.idx, r.distance_m, r.duration_s, r.time_s, r.target_low_s,"
    " r.target_high_s, r.rest_distance_m, r.rest_duration_s,"
    " r.guild_id, r.athlete_id, a.display_name, r.day"
)
_BEST_WHERE = (
    "r.guild_id = :guild AND r.distance_m = :distance AND r.time_s IS NOT NULL"
    " AND r.day BETWEEN :since AND :until"
)
_BEST_JOIN = "JOIN athletes a ON a.guild_id = r.guild_id AND a.athlete_id = r.athlete_id"
_BEST_ORDER = "ORDER BY r.time_s, r.day, r.session_id, r.idx LIMIT :limit"
# One athlete's fastest reps: a range of the reps_athlete_best index, already in time order.
BEST_ATHLETE_SQL = (
    f"SELECT {_BEST_COLS} FROM reps r {_BEST_JOIN}"
    f" WHERE {_BEST_WHERE} AND r.athlete_id = :athlete AND {_VISIBLE} {_BEST_ORDER}"
)
# The team's fastest reps (reps_guild_best index).
BEST_TEAM_SQL = (
    f"SELECT {_BEST_COLS} FROM reps r {_BEST_JOIN} WHERE {_BEST_WHERE} AND {_VISIBLE} {_BEST_ORDER}"
)
# Each athlete's fastest, fastest first: a leaderboard. One index seek per visible athlete of
# the guild (reps_athlete_best), rather than ranking every rep of the distance in the guild.
BEST_BOARD_SQL = (
    f"SELECT {_BEST_COLS} FROM athletes a"
    " JOIN reps r ON (r.session_id, r.idx) = (SELECT b.session_id, b.idx FROM reps b"
    " WHERE b.guild_id = a.guild_id AND b.athlete_id = a.athlete_id"
    " AND b.distance_m = :distance AND b.time_s IS NOT NULL AND b.day BETWEEN :since AND :until"
    " ORDER BY b.time_s, b.day, b.session_id, b.idx LIMIT 1)"
    f" WHERE a.guild_id = :guild AND {_VISIBLE} {_BEST_ORDER}"
)


def best_params(
    guild_id: int,
    distance_m: float,
    athlete_id: int | None,
    since: dt.date | None,
    until: dt.date | None,
    limit: int,
    viewer_id: int | None,
    include_hidden: bool,
) -> dict[str, Any]:
    return _params(
        guild_id,
        viewer_id,
        include_hidden,
        distance=cv.distance(distance_m),
        athlete=athlete_id,
        since="0000-01-01" if since is None else cv.day(since),
        until="9999-12-31" if until is None else cv.day(until),
        limit=_limit(limit),
    )


def best_reps(
    conn: sqlite3.Connection,
    guild_id: int,
    distance_m: float,
    athlete_id: int | None,
    since: dt.date | None,
    until: dt.date | None,
    limit: int,
    per_athlete: bool,
    viewer_id: int | None,
    include_hidden: bool,
) -> list[BestRep]:
    """The fastest timed reps of one distance, fastest first (ties: the earlier one first).

    With `per_athlete` (and no `athlete_id`), only each athlete's fastest: a leaderboard.
    """
    params = best_params(
        guild_id, distance_m, athlete_id, since, until, limit, viewer_id, include_hidden
    )
    if athlete_id is not None:
        sql = BEST_ATHLETE_SQL
    else:
        sql = BEST_BOARD_SQL if per_athlete else BEST_TEAM_SQL
    return [
        BestRep(RepRow(*row[:9]), row[9], row[10], row[11], dt.date.fromisoformat(row[12]))
        for row in conn.execute(sql, params).fetchall()
    ]


def count_since(conn: sqlite3.Connection, guild_id: int, athlete_id: int, since: str) -> int:
    return int(
        conn.execute(
            "SELECT count(*) FROM sessions"
            " WHERE guild_id = ? AND athlete_id = ? AND created_at >= ?",
            (guild_id, athlete_id, since),
        ).fetchone()[0]
    )
