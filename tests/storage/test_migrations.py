"""A database made by the first schema, with data in it, upgrades with its data intact."""

from __future__ import annotations

import datetime as dt
import sqlite3

from storage import NewRaceResult, Store
from storage.connection import connect
from storage.migrations import MIGRATIONS, migrate
from tests.storage.factories import ALICE, BOB, GUILD, session

T = "2026-01-05T07:00:00.000000+00:00"


def make_version_1(path) -> None:
    conn = connect(path)
    assert migrate(conn, target=1) == 1
    conn.executescript(
        f"""
        BEGIN;
        INSERT INTO guilds VALUES ({GUILD}, 'America/Denver', 'imperial', 5, 6, 1, '{T}', '{T}');
        INSERT INTO athletes VALUES ({GUILD}, {ALICE}, 'Alice', NULL, 0, '{T}', '{T}');
        INSERT INTO athletes VALUES ({GUILD}, {BOB}, 'Bob', 'metric', 1, '{T}', '{T}');
        INSERT INTO wods (id, guild_id, author_id, workout_text, channel_id, day, publish_at,
                          status, message_id, posted_at, created_at, updated_at)
            VALUES (1, {GUILD}, 99, '6 x 1000m', 6, '2026-01-05', '{T}', 'posted', 77, '{T}',
                    '{T}', '{T}');
        INSERT INTO sessions (id, guild_id, athlete_id, day, workout_text, workout_json,
                              workout_key, splits_text, splits_json, notes, wod_id, channel_id,
                              message_id, interaction_id, created_at)
            VALUES (1, {GUILD}, {ALICE}, '2026-01-05', '6 x 1000m', '{{"text":"6 x 1000m"}}',
                    '6x1000', '3:10 3:08', '[190.0,188.0]', 'cold', 1, 6, 500, NULL, '{T}');
        INSERT INTO reps (session_id, idx, guild_id, athlete_id, day, distance_m, time_s)
            VALUES (1, 0, {GUILD}, {ALICE}, '2026-01-05', 1000.0, 190.0),
                   (1, 1, {GUILD}, {ALICE}, '2026-01-05', 1000.0, 188.0);
        COMMIT;
        """
    )
    conn.close()


async def test_first_version_with_data_upgrades_intact(db_path, clock):
    make_version_1(db_path)
    store = await Store.open(db_path, clock=clock)
    try:
        assert await store.schema_version() == len(MIGRATIONS)
        settings = await store.guild_settings(GUILD)
        assert (settings.timezone, settings.units, settings.hidden_by_default) == (
            "America/Denver",
            "imperial",
            True,
        )
        bob = await store.athlete(GUILD, BOB)
        assert bob is not None and bob.hidden and bob.units == "metric"
        [old] = await store.recent_sessions(GUILD, ALICE)
        assert (old.id, old.day, old.notes, old.wod_id, old.message_id) == (
            1,
            dt.date(2026, 1, 5),
            "cold",
            1,
            500,
        )
        assert old.workout_json() == {"text": "6 x 1000m"}
        assert old.splits_s == (190.0, 188.0)
        assert [r.time_s for r in old.reps] == [190.0, 188.0]
        assert old.created_at == dt.datetime(2026, 1, 5, 7, tzinfo=dt.UTC)
        assert [b.rep.time_s for b in await store.best_reps(GUILD, 1000)] == [188.0, 190.0]
        assert [s.id for s in await store.wod_results(GUILD, 1)] == [1]
        # The old message id still counts as logged; new features work on old rows.
        again = await store.log_session(session(message_id=500))
        assert (again.session_id, again.created) == (1, False)
        race = NewRaceResult(5000, 1250, dt.date(2026, 1, 1))
        assert (await store.add_race_result(GUILD, ALICE, "Alice", race)).id == 1
        since = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
        assert await store.count_sessions_since(GUILD, ALICE, since) == 1
    finally:
        await store.close()


def test_every_step_from_empty_matches_a_direct_migration(tmp_path):
    """Migrating one step at a time gives the same schema as migrating all at once."""

    def schema(conn: sqlite3.Connection) -> list[tuple]:
        return conn.execute(
            "SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY name"
        ).fetchall()

    stepwise = connect(tmp_path / "a.db")
    for target in range(1, len(MIGRATIONS) + 1):
        assert migrate(stepwise, target=target) == target
    direct = connect(tmp_path / "b.db")
    migrate(direct)
    assert schema(stepwise) == schema(direct)
    assert stepwise.execute("PRAGMA foreign_key_check").fetchall() == []
    stepwise.close()
    direct.close()
