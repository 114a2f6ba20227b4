from __future__ import annotations

import datetime as dt

import pytest

from storage import GuildSettings, NewRaceResult
from tests.storage.factories import ALICE, BOB, DAY, GUILD, OTHER_GUILD, session, wod


async def test_settings_default_until_changed_then_persist(store, db_path, clock):
    assert await store.guild_settings(GUILD) == GuildSettings(GUILD)
    changed = await store.update_guild_settings(
        GUILD, timezone="Europe/Paris", units="imperial", coach_role_id=5, wod_channel_id=6
    )
    assert changed == GuildSettings(GUILD, "Europe/Paris", "imperial", 5, 6, False)
    # Only what is passed changes; None clears.
    cleared = await store.update_guild_settings(GUILD, coach_role_id=None)
    assert cleared == GuildSettings(GUILD, "Europe/Paris", "imperial", None, 6, False)
    assert await store.guild_settings(OTHER_GUILD) == GuildSettings(OTHER_GUILD)


async def test_bad_units_are_refused(store):
    with pytest.raises(ValueError, match="metric"):
        await store.update_guild_settings(GUILD, units="furlongs")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="metric"):
        await store.set_athlete(GUILD, ALICE, "Alice", units="cubits")  # type: ignore[arg-type]
    assert await store.guild_settings(GUILD) == GuildSettings(GUILD)


async def test_privacy_default_applies_to_new_athletes_only(store):
    await store.log_session(session())
    await store.update_guild_settings(GUILD, hidden_by_default=True)
    await store.log_session(session(athlete_id=BOB, athlete_name="Bob"))
    alice, bob = await store.athlete(GUILD, ALICE), await store.athlete(GUILD, BOB)
    assert alice is not None and not alice.hidden
    assert bob is not None and bob.hidden
    assert [a.display_name for a in await store.athletes(GUILD)] == ["Alice", "Bob"]


async def test_set_athlete_units_and_hidden(store, clock):
    a = await store.set_athlete(GUILD, ALICE, "Alice", units="imperial")
    assert (a.units, a.hidden, a.created_at) == ("imperial", False, clock.now)
    a = await store.set_athlete(GUILD, ALICE, "Alice", hidden=True)
    assert (a.units, a.hidden) == ("imperial", True)
    a = await store.set_athlete(GUILD, ALICE, "Alicia", units=None)
    assert (a.display_name, a.units, a.hidden) == ("Alicia", None, True)


async def test_race_results(store):
    five = await store.add_race_result(
        GUILD, ALICE, "Alice", NewRaceResult(5000, 1200.5, dt.date(2026, 1, 10), "Parkrun")
    )
    ten = await store.add_race_result(GUILD, ALICE, "Alice", NewRaceResult(10000, 2500, DAY))
    assert (five.distance_m, five.time_s, five.label) == (5000.0, 1200.5, "Parkrun")
    assert await store.race_results(GUILD, ALICE) == [ten, five]
    assert await store.race_results(OTHER_GUILD, ALICE) == []
    assert not await store.delete_race_result(GUILD, BOB, five.id)  # not Bob's
    assert not await store.delete_race_result(OTHER_GUILD, ALICE, five.id)
    assert await store.delete_race_result(GUILD, ALICE, five.id)
    assert await store.race_results(GUILD, ALICE) == [ten]
    with pytest.raises(ValueError, match="above zero"):
        await store.add_race_result(GUILD, ALICE, "Alice", NewRaceResult(0, 100, DAY))


async def test_forget_athlete_removes_everything_they_logged(store):
    await store.log_session(session())
    await store.log_session(session(athlete_id=BOB, athlete_name="Bob"))
    await store.add_race_result(GUILD, ALICE, "Alice", NewRaceResult(5000, 1200, DAY))
    assert await store.forget_athlete(GUILD, ALICE)
    assert await store.athlete(GUILD, ALICE) is None
    assert await store.recent_sessions(GUILD, ALICE, include_hidden=True) == []
    assert await store.race_results(GUILD, ALICE) == []
    assert [b.athlete_id for b in await store.best_reps(GUILD, 1000)] == [BOB] * 3
    assert not await store.forget_athlete(GUILD, ALICE)


async def test_forget_guild_removes_its_data_and_no_other(store):
    w = await store.schedule_wod(wod())
    await store.log_session(session(wod_id=w.id))
    await store.log_session(session(guild_id=OTHER_GUILD))
    await store.update_guild_settings(GUILD, units="imperial")
    assert await store.forget_guild(GUILD)
    assert await store.guild_settings(GUILD) == GuildSettings(GUILD)
    assert await store.wod(GUILD, w.id) is None
    assert await store.best_reps(GUILD, 1000, include_hidden=True) == []
    assert len(await store.best_reps(OTHER_GUILD, 1000, include_hidden=True)) == 3


@pytest.mark.parametrize("zone", ["Mars/Olympus", "", "../../etc/passwd", "x" * 100])
async def test_unknown_time_zone_is_refused(store, zone):
    with pytest.raises(ValueError, match="IANA name"):
        await store.update_guild_settings(GUILD, timezone=zone)
    assert (await store.guild_settings(GUILD)).timezone == "UTC"


def test_only_known_columns_reach_the_sql(tmp_path):
    from storage import teams, wods
    from storage.connection import connect
    from storage.migrations import migrate

    conn = connect(tmp_path / "x.db")
    migrate(conn)
    try:
        with pytest.raises(ValueError, match="unknown guild settings"):
            teams.update_guild_settings(conn, GUILD, {"units = 'x'; --": 1}, "t")
        with pytest.raises(ValueError, match="no field"):
            wods.edit(conn, GUILD, 1, {"status": "posted"}, "t")
    finally:
        conn.close()
