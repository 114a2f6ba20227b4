"""SIGKILL the bot around the publication of scheduled workouts of the day: after a restart each
is posted exactly once and recorded with its post (the claim protocol of storage.Store.claim_wod).

bench/crash.py --wod runs 50 random rounds of the same harness; here a few seeded ones."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.localdiscord import Guild, LocalDiscord, Member
from bot.localdiscord.process import BotProcess
from storage import NewWod, Store
from tests.proof.wod_crash_harness import (
    DOUBT_GRACE_S,
    Scene,
    posts_by_wod,
    when_posted,
    wod_crash_round,
)

WODS = 4


@pytest.fixture
async def world() -> AsyncIterator[tuple[LocalDiscord, Guild, Member]]:
    async with LocalDiscord() as discord:  # no command is used: nothing to sync
        guild = discord.add_guild("Track Club")
        coach = guild.add_member("carla")
        yield discord, guild, coach


@pytest.mark.parametrize("seed", [1, 2, 3])
async def test_killed_as_posts_appear_each_wod_goes_out_once(tmp_path: Path, world,
                                                             seed: int) -> None:
    discord, guild, coach = world
    rng = random.Random(seed)
    k = rng.randint(1, WODS)  # killed the moment the k-th post shows in Discord
    spread = sorted([0.0] + [rng.uniform(0.0, 0.3) for _ in range(WODS - 1)])
    # Restarted as if a little before or after the doubt grace: a post left in doubt is
    # settled at once, or after the dispatcher slept out the rest of the grace.
    restart = DOUBT_GRACE_S + (-1.5 if seed == 1 else rng.uniform(0.0, 1.0))
    proc = BotProcess(discord, tmp_path / "pacer.db", log_path=tmp_path / "bot.log")
    try:
        check = await wod_crash_round(
            discord, proc, guild, coach, when_posted(k), lead_s=0.0, spread_s=spread,
            restart_offset_s=restart, tag=f"s{seed}",
        )
    finally:
        await proc.kill()
    assert check.ok, check
    assert check.duplicates == {} and check.missing == [] and check.unrecorded == []
    assert check.integrity == "ok" and check.exit_code == 0
    # The kill came after the k-th post reached Discord: at least k went out before it.
    sent = check.at_kill.get("sent, not recorded", 0) + check.at_kill.get("posted", 0)
    assert sent >= k
    assert sum(check.at_kill.values()) == WODS
    assert proc.starts == 2


async def test_a_post_sent_not_recorded_is_found_under_busy_channels(
    tmp_path: Path, world
) -> None:
    """The first post is made but its answer never reaches the bot, which is killed so. Five
    minutes pass (Discord's memory of the nonce with them) and 1,100 messages arrive in each
    channel before the restart: the post is still found in the channel (it once looked among
    the newest 1,000 only) and recorded, and every WOD goes out once."""
    discord, guild, coach = world
    down = dt.timedelta(minutes=5)
    shift = dt.timedelta(0)
    discord.world.wall = lambda: dt.datetime.now(dt.UTC) + shift  # Discord's clock
    discord.hold_next("POST", r"^/channels/\d+/messages$")

    async def kill_when_posted_then_wait(scene: Scene) -> None:
        nonlocal shift
        await when_posted(1)(scene)
        shift = down  # what Discord makes from now on is five minutes later

    proc = BotProcess(discord, tmp_path / "pacer.db", log_path=tmp_path / "bot.log")
    try:
        check = await wod_crash_round(
            discord, proc, guild, coach, kill_when_posted_then_wait, lead_s=0.0,
            spread_s=[0.0, 0.05, 0.1, 0.15],
            restart_offset_s=down.total_seconds() + DOUBT_GRACE_S, tag="busy", chatter=1100,
        )
    finally:
        await proc.kill()
    assert check.ok, check
    assert check.at_kill["sent, not recorded"] == 1 and sum(check.at_kill.values()) == WODS


async def test_killed_before_due_posts_once_after_the_restart(tmp_path: Path, world) -> None:
    discord, guild, coach = world
    channel = guild.add_channel("wod")
    db = tmp_path / "pacer.db"
    store = await Store.open(db)
    try:
        now = dt.datetime.now(dt.UTC)
        wod = await store.schedule_wod(NewWod(
            guild_id=guild.id, author_id=coach.id, workout_text="6x400m @ 75",
            channel_id=channel.id, day=now.date(), publish_at=now + dt.timedelta(hours=1),
            title="Crash test"))
    finally:
        await store.close()
    proc = BotProcess(discord, db, log_path=tmp_path / "bot.log")
    try:
        await proc.start(sync=False)
        await proc.kill()  # asleep until its due time
        assert posts_by_wod(discord, [channel]) == {}
        # Restarted an hour later: it fell due while the bot was down, within the late window.
        await proc.start(sync=False, clock_offset=3600.0)
        await proc.wait_for_lines(lambda lines: f"wod {wod.id} posted" in lines, timeout=30,
                                  what="the post after the restart")
        assert await proc.stop() == 0
    finally:
        await proc.kill()
    [post] = posts_by_wod(discord, [channel])[wod.id]
    store = await Store.open(db)
    try:
        row = await store.wod(guild.id, wod.id)
    finally:
        await store.close()
    assert row is not None and row.status == "posted" and row.message_id == post
