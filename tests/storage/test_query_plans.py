"""The queries the bot runs often are index searches, never scans of sessions or reps."""

from __future__ import annotations

import sqlite3

import pytest

from storage import sessions, wods
from storage.connection import connect
from storage.migrations import migrate


@pytest.fixture
def conn(tmp_path):
    c = connect(tmp_path / "plans.db")
    migrate(c)
    yield c
    c.close()


def plan(conn: sqlite3.Connection, sql: str, params: dict | tuple) -> list[str]:
    return [row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}", params)]


def no_scan(steps: list[str]) -> None:
    """No step reads a whole table (scanning an already filtered subquery result is fine)."""
    derived = {s.split()[1] for s in steps if s.startswith(("MATERIALIZE", "CO-ROUTINE"))}
    scans = [
        s
        for s in steps
        if s.startswith("SCAN") and s.split()[1] not in derived and "subquery" not in s
    ]
    assert not scans, steps


P = sessions._params(1, 2, False, athlete=2, until="9999-12-31", limit=10, offset=0)


def test_recent_sessions_walks_the_athlete_index_backwards(conn):
    steps = plan(conn, sessions.RECENT_SQL, P)
    no_scan(steps)
    assert any("sessions_athlete_day" in s for s in steps), steps
    assert not any("TEMP B-TREE" in s for s in steps), steps  # no sort: the index is the order


@pytest.mark.parametrize(
    ("sql", "index"),
    [
        (sessions.BEST_ATHLETE_SQL, "reps_athlete_best"),
        (sessions.BEST_TEAM_SQL, "reps_guild_best"),
        (sessions.BEST_BOARD_SQL, "reps_athlete_best"),
    ],
)
def test_best_reps_use_the_rep_indexes(conn, sql, index):
    params = sessions.best_params(1, 1000.0, 2, None, None, 10, None, False)
    steps = plan(conn, sql, params)
    no_scan(steps)
    assert any(index in s for s in steps), steps


def test_workout_history_and_wod_results_are_index_searches(conn):
    sql = (
        f"{sessions._SELECT} WHERE s.guild_id = :guild AND s.workout_key = :key"
        " AND s.day BETWEEN :since AND :until"
    )
    steps = plan(conn, sql, {"guild": 1, "key": "8x400", "since": "a", "until": "b"})
    no_scan(steps)
    assert any("sessions_guild_key" in s for s in steps), steps
    steps = plan(
        conn,
        f"{sessions._SELECT} WHERE s.wod_id = :wod AND s.guild_id = :guild",
        {"wod": 1, "guild": 1},
    )
    no_scan(steps)


def test_due_wods_use_the_partial_index(conn):
    steps = plan(
        conn,
        f"SELECT {wods._COLS} FROM wods WHERE status = 'scheduled' AND publish_at <= ?"
        " ORDER BY publish_at, id LIMIT ?",
        ("x", 5),
    )
    assert any("wods_due" in s for s in steps), steps
