"""SIGKILL the bot around the publication of a scheduled workout of the day: after a restart it
is posted exactly once (the claim protocol of storage.Store.claim_wod)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot.localdiscord import LocalDiscord
from bot.localdiscord.process import BotProcess
from storage import NewWod, Store


def posts(discord: LocalDiscord, channel, wod_id: int) -> list:  # type: ignore[no-untyped-def]
    return [m for m in channel.visible_messages()
            if m.author is discord.bot_user
            and any(f"pacer:wod:{wod_id}:" in str(b.get("custom_id")) for b in m.buttons())]


@pytest.mark.parametrize("kill", ["before-due", "as-it-posts"])
async def test_a_scheduled_post_goes_out_once_whatever_the_kill(tmp_path: Path, kill: str) -> None:
    db = tmp_path / "pacer.db"
    async with LocalDiscord() as discord:
        guild = discord.add_guild("Track Club")
        coach = guild.add_member("carla")
        channel = guild.add_channel("wod")
        proc = BotProcess(discord, db, log_path=tmp_path / "bot.log")
        await proc.start()  # creates the database and syncs the commands
        await proc.stop()
        store = await Store.open(db)
        try:
            now = dt.datetime.now(dt.UTC)
            wod = await store.schedule_wod(NewWod(
                guild_id=guild.id, author_id=coach.id, workout_text="6x400m @ 75",
                channel_id=channel.id, day=now.date(),
                publish_at=now + dt.timedelta(seconds=0.3 if kill == "as-it-posts" else 30),
                title="Crash test"))
        finally:
            await store.close()
        await proc.start(sync=False)
        if kill == "as-it-posts":
            # The moment the post appears: the bot may not have recorded it yet.
            await discord.wait_until(lambda: bool(posts(discord, channel, wod.id)), timeout=30,
                                     what="the post")
        await proc.kill()
        if kill == "before-due":
            store = await Store.open(db)
            try:  # it fell due while the bot was down
                await store.edit_wod(guild.id, wod.id, publish_at=dt.datetime.now(dt.UTC))
            finally:
                await store.close()
        await proc.start(sync=False)
        await discord.wait_until(lambda: bool(posts(discord, channel, wod.id)), timeout=30,
                                 what="the post after the restart")
        await proc.stop()  # a clean stop: anything still due would have been sent by now
        assert len(posts(discord, channel, wod.id)) == 1
        store = await Store.open(db)
        try:
            row = await store.wod(guild.id, wod.id)
        finally:
            await store.close()
        # Killed as it posted, the row may stay 'posting' (in doubt) until the dispatcher's grace
        # period has passed; it then finds its own message and marks it posted (that step is
        # tests/cogs/test_wod_schedule.py's crash_between_posting_and_recording test).
        assert row is not None
        assert row.status == ("posted" if kill == "before-due" else row.status)
        assert row.status in ("posted", "posting")
