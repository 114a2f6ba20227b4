"""`Store.hidden`, privacy from memory, always says what `log_check` reads from the database."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest

from storage import NewRaceResult, Store

from .conftest import FakeClock
from .factories import session

GUILDS = (1, 2)
ATHLETES = (10, 11, 12)


async def assert_in_step(store: Store) -> None:
    since = store.now() - dt.timedelta(hours=1)
    for guild_id in GUILDS:
        for athlete_id in ATHLETES:
            check = await store.log_check(guild_id, athlete_id, since)
            assert store.hidden(guild_id, athlete_id) is check.hidden, (guild_id, athlete_id)


async def test_a_new_athlete_keeps_the_default_it_was_created_with(store: Store) -> None:
    await store.update_guild_settings(1, hidden_by_default=True)
    assert store.hidden(1, 10) is True
    await store.log_session(session(guild_id=1, athlete_id=10))
    await store.update_guild_settings(1, hidden_by_default=False)
    assert store.hidden(1, 10) is True  # its row was created hidden
    assert store.hidden(1, 11) is False
    await assert_in_step(store)


async def test_a_forgotten_athlete_takes_the_default_again(store: Store) -> None:
    await store.set_athlete(1, 10, "Ana", hidden=True)
    await store.forget_athlete(1, 10)
    assert store.hidden(1, 10) is False
    await store.update_guild_settings(2, hidden_by_default=True)
    await store.set_athlete(2, 10, "Ana", hidden=False)
    await store.forget_guild(2)
    assert store.hidden(2, 10) is False
    await assert_in_step(store)


@pytest.mark.parametrize("seed", range(8))
async def test_every_write_keeps_it_in_step_and_a_reopened_store_reads_the_same(
    db_path: Path, clock: FakeClock, seed: int
) -> None:
    rng = random.Random(seed)
    store = await Store.open(db_path, clock=clock)
    try:
        for _ in range(40):
            guild_id, athlete_id = rng.choice(GUILDS), rng.choice(ATHLETES)
            action = rng.randrange(6)
            if action == 0:
                await store.update_guild_settings(guild_id, hidden_by_default=rng.random() < 0.5)
            elif action == 1:
                await store.set_athlete(guild_id, athlete_id, "A", hidden=rng.random() < 0.5)
            elif action == 2:
                await store.log_session(session(guild_id=guild_id, athlete_id=athlete_id))
            elif action == 3:
                await store.add_race_result(guild_id, athlete_id, "A", NewRaceResult(
                    distance_m=5000, time_s=1200, day=dt.date(2026, 3, 1)))
            elif action == 4:
                await store.forget_athlete(guild_id, athlete_id)
            elif rng.random() < 0.3:
                await store.forget_guild(guild_id)
            await assert_in_step(store)
        seen = {(g, a): store.hidden(g, a) for g in GUILDS for a in ATHLETES}
    finally:
        await store.close()
    reopened = await Store.open(db_path, clock=clock)
    try:
        assert {(g, a): reopened.hidden(g, a) for g in GUILDS for a in ATHLETES} == seen
    finally:
        await reopened.close()
