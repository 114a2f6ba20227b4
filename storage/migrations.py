"""Numbered schema migrations, applied in order, each in its own transaction.

`PRAGMA user_version` holds the number of migrations applied. Never edit a migration that has
shipped: add the next one. A migration that rebuilds a table follows SQLite's 12-step procedure
(create new, copy, drop old, rename); foreign keys are off while migrations run, and
`PRAGMA foreign_key_check` must pass before each one commits.

Conventions: ids are Discord snowflakes (INTEGER); calendar days are ISO dates (TEXT, in the
team's time zone); instants are UTC ISO-8601 text with microseconds and "+00:00", so that text
order is time order; booleans are 0/1.
"""

from __future__ import annotations

import re
import sqlite3

from storage.errors import SchemaTooNew

MIGRATIONS: tuple[str, ...] = (
    # 1: teams, athletes, workouts of the day, sessions and their reps.
    """
    CREATE TABLE guilds (
        guild_id          INTEGER PRIMARY KEY,
        timezone          TEXT    NOT NULL DEFAULT 'UTC',
        units             TEXT    NOT NULL DEFAULT 'metric' CHECK (units IN ('metric', 'imperial')),
        coach_role_id     INTEGER,
        wod_channel_id    INTEGER,
        hidden_by_default INTEGER NOT NULL DEFAULT 0 CHECK (hidden_by_default IN (0, 1)),
        created_at        TEXT    NOT NULL,
        updated_at        TEXT    NOT NULL
    );

    CREATE TABLE athletes (
        guild_id     INTEGER NOT NULL REFERENCES guilds (guild_id) ON DELETE CASCADE,
        athlete_id   INTEGER NOT NULL,
        display_name TEXT    NOT NULL,
        units        TEXT CHECK (units IN ('metric', 'imperial')),
        hidden       INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
        created_at   TEXT    NOT NULL,
        updated_at   TEXT    NOT NULL,
        PRIMARY KEY (guild_id, athlete_id)
    ) WITHOUT ROWID;

    CREATE TABLE wods (
        id            INTEGER PRIMARY KEY,
        guild_id      INTEGER NOT NULL REFERENCES guilds (guild_id) ON DELETE CASCADE,
        author_id     INTEGER NOT NULL,
        workout_text  TEXT    NOT NULL,
        workout_json  TEXT,
        workout_key   TEXT,
        notes         TEXT,
        channel_id    INTEGER NOT NULL,
        day           TEXT    NOT NULL,
        publish_at    TEXT    NOT NULL,
        status        TEXT    NOT NULL DEFAULT 'scheduled' CHECK (status IN
                          ('scheduled', 'posting', 'posted', 'failed', 'missed', 'cancelled')),
        claim_token   TEXT,
        claimed_at    TEXT,
        posted_at     TEXT,
        message_id    INTEGER,
        failure       TEXT,
        created_at    TEXT    NOT NULL,
        updated_at    TEXT    NOT NULL,
        -- Lets sessions point at (guild, wod): a session can only join its own team's WOD.
        UNIQUE (guild_id, id)
    );
    CREATE INDEX wods_due ON wods (publish_at) WHERE status = 'scheduled';
    CREATE INDEX wods_posting ON wods (claimed_at) WHERE status = 'posting';
    CREATE INDEX wods_guild_day ON wods (guild_id, day);

    CREATE TABLE sessions (
        id             INTEGER PRIMARY KEY,
        guild_id       INTEGER NOT NULL,
        athlete_id     INTEGER NOT NULL,
        day            TEXT    NOT NULL,
        workout_text   TEXT,
        workout_json   TEXT,
        workout_key    TEXT,
        splits_text    TEXT,
        splits_json    TEXT    NOT NULL DEFAULT '[]',
        notes          TEXT,
        wod_id         INTEGER,
        channel_id     INTEGER,
        message_id     INTEGER UNIQUE,
        interaction_id INTEGER UNIQUE,
        created_at     TEXT    NOT NULL,
        edited_at      TEXT,
        FOREIGN KEY (guild_id, athlete_id) REFERENCES athletes (guild_id, athlete_id)
            ON DELETE CASCADE,
        FOREIGN KEY (guild_id, wod_id) REFERENCES wods (guild_id, id)
    );
    CREATE INDEX sessions_athlete_day ON sessions (guild_id, athlete_id, day, id);
    CREATE INDEX sessions_guild_day ON sessions (guild_id, day);
    CREATE INDEX sessions_guild_key ON sessions (guild_id, workout_key, day)
        WHERE workout_key IS NOT NULL;
    CREATE INDEX sessions_wod ON sessions (wod_id) WHERE wod_id IS NOT NULL;

    -- One row per rep, with the session's guild, athlete and day copied in, so that
    -- "best 1000 m reps" is a range scan of one index rather than a scan of JSON.
    CREATE TABLE reps (
        session_id      INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        idx             INTEGER NOT NULL,
        guild_id        INTEGER NOT NULL,
        athlete_id      INTEGER NOT NULL,
        day             TEXT    NOT NULL,
        distance_m      REAL,
        duration_s      REAL,
        time_s          REAL,
        target_low_s    REAL,
        target_high_s   REAL,
        rest_distance_m REAL,
        rest_duration_s REAL,
        PRIMARY KEY (session_id, idx)
    ) WITHOUT ROWID;
    CREATE INDEX reps_athlete_best ON reps (guild_id, athlete_id, distance_m, time_s)
        WHERE time_s IS NOT NULL AND distance_m IS NOT NULL;
    CREATE INDEX reps_guild_best ON reps (guild_id, distance_m, time_s)
        WHERE time_s IS NOT NULL AND distance_m IS NOT NULL;
    """,
    # 2: race results (for VDOT and training paces); sessions by creation time (rate limits).
    """
    CREATE TABLE race_results (
        id         INTEGER PRIMARY KEY,
        guild_id   INTEGER NOT NULL,
        athlete_id INTEGER NOT NULL,
        distance_m REAL    NOT NULL CHECK (distance_m > 0),
        time_s     REAL    NOT NULL CHECK (time_s > 0),
        day        TEXT    NOT NULL,
        label      TEXT,
        created_at TEXT    NOT NULL,
        FOREIGN KEY (guild_id, athlete_id) REFERENCES athletes (guild_id, athlete_id)
            ON DELETE CASCADE
    );
    CREATE INDEX race_results_athlete ON race_results (guild_id, athlete_id, day);
    CREATE INDEX sessions_athlete_created ON sessions (guild_id, athlete_id, created_at);
    """,
    # 3: a workout of the day's title; how late (minutes) a WOD the bot missed may still go out.
    """
    ALTER TABLE wods ADD COLUMN title TEXT;
    ALTER TABLE guilds ADD COLUMN wod_late_window_min INTEGER NOT NULL DEFAULT 180
        CHECK (wod_late_window_min BETWEEN 0 AND 10080);
    """,
    # 4: /wod post and /wod edit forms waiting for the coach's notes, so that one opened before
    # a restart is submitted after it. `wod_id` is set for an edit; NULL fields: not given.
    """
    CREATE TABLE wod_drafts (
        id           INTEGER PRIMARY KEY,
        guild_id     INTEGER NOT NULL REFERENCES guilds (guild_id) ON DELETE CASCADE,
        author_id    INTEGER NOT NULL,
        wod_id       INTEGER,
        workout_text TEXT,
        publish_at   TEXT,
        channel_id   INTEGER,
        title        TEXT,
        timezone     TEXT    NOT NULL,
        created_at   TEXT    NOT NULL
    );
    CREATE INDEX wod_drafts_created ON wod_drafts (created_at);
    """,
)


def split_statements(script: str) -> list[str]:
    """The statements of a script, whole (trigger bodies keep their inner semicolons).

    `--` comments are dropped first (so a migration must not put `--` inside a string literal).
    """
    script = re.sub(r"--[^\n]*", "", script)
    statements: list[str] = []
    buffer = ""
    for piece in script.split(";"):
        buffer += piece + ";"
        if sqlite3.complete_statement(buffer):
            if buffer.strip(" \t\r\n;"):
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip(" \t\r\n;"):
        raise ValueError(f"incomplete SQL statement at the end of a migration: {buffer[:80]!r}")
    return statements


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, target: int | None = None) -> int:
    """Bring the schema up to `target` (default: the latest); returns the version reached.

    `conn` must be in autocommit mode (isolation_level=None). Safe against another process
    migrating at the same moment: each step re-reads the version inside its write transaction.
    """
    latest = len(MIGRATIONS)
    target = latest if target is None else target
    version = schema_version(conn)
    if version > latest:
        raise SchemaTooNew(version, latest)
    if version >= target:
        return version
    fk = conn.execute("PRAGMA foreign_keys").fetchone()[0]
    conn.execute("PRAGMA foreign_keys = OFF")  # no effect inside a transaction: set it first
    try:
        while version < target:
            conn.execute("BEGIN IMMEDIATE")
            try:
                version = schema_version(conn)
                if version >= target:
                    conn.execute("COMMIT")
                    break
                for statement in split_statements(MIGRATIONS[version]):
                    conn.execute(statement)
                problems = conn.execute("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise sqlite3.IntegrityError(
                        f"migration {version + 1} leaves broken references: {problems[:5]}"
                    )
                version += 1
                conn.execute(f"PRAGMA user_version = {version:d}")
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
    finally:
        conn.execute(f"PRAGMA foreign_keys = {'ON' if fk else 'OFF'}")
    return version
