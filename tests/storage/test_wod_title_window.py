"""Migration 3: a WOD's title and the team's late-post window."""

from __future__ import annotations

import datetime as dt

import pytest

from storage import Store
from storage.connection import connect
from storage.migrations import MIGRATIONS, migrate
from tests.storage.factories import GUILD, wod

T = "2026-01-05T07:00:00.000000+00:00"
AT = dt.datetime(2026, 3, 2, 5, 0, tzinfo=dt.UTC)


async def test_version_2_rows_upgrade_with_defaults(db_path, clock):
    conn = connect(db_path)
    assert migrate(conn, target=2) == 2
    conn.executescript(
        f"""
        BEGIN;
        INSERT INTO guilds (guild_id, timezone, created_at, updated_at)
            VALUES ({GUILD}, 'Europe/Paris', '{T}', '{T}');
        INSERT INTO wods (id, guild_id, author_id, workout_text, channel_id, day, publish_at,
                          created_at, updated_at)
            VALUES (1, {GUILD}, 99, '6 x 1000m', 6, '2026-01-05', '{T}', '{T}', '{T}');
        COMMIT;
        """
    )
    conn.close()
    store = await Store.open(db_path, clock=clock)
    try:
        assert await store.schema_version() == len(MIGRATIONS) >= 3
        settings = await store.guild_settings(GUILD)
        assert (settings.timezone, settings.wod_late_window_min) == ("Europe/Paris", 180)
        old = await store.wod(GUILD, 1)
        assert old is not None and old.title is None and old.workout_text == "6 x 1000m"
    finally:
        await store.close()


async def test_title_is_stored_edited_and_bounded(store):
    w = await store.schedule_wod(wod(publish_at=AT, title="Tuesday track"))
    assert w.title == "Tuesday track"
    edited = await store.edit_wod(GUILD, w.id, title="Hill day")
    assert edited is not None and edited.title == "Hill day"
    cleared = await store.edit_wod(GUILD, w.id, title=None)
    assert cleared is not None and cleared.title is None
    with pytest.raises(ValueError, match="title is 101 characters"):
        await store.schedule_wod(wod(publish_at=AT, title="x" * 101))


async def test_late_window_setting(store):
    assert (await store.guild_settings(GUILD)).wod_late_window_min == 180
    changed = await store.update_guild_settings(GUILD, wod_late_window_min=30)
    assert changed.wod_late_window_min == 30
    assert (await store.guild_settings(GUILD)).wod_late_window_min == 30
    for bad in (-1, 7 * 24 * 60 + 1, 1.5):
        with pytest.raises(ValueError, match="late-post window"):
            await store.update_guild_settings(GUILD, wod_late_window_min=bad)  # type: ignore[arg-type]
    assert (await store.guild_settings(GUILD)).wod_late_window_min == 30
