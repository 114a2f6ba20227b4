"""SIGKILL the bot while /log interactions stream in; after a restart the database is intact,
every answered /log is stored, none twice, none half-written (see crash_harness)."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.localdiscord import LocalDiscord
from bot.localdiscord.process import BotProcess
from tests.proof.crash_harness import after_answers, after_sent, crash_round


@pytest.fixture
async def served(tmp_path: Path) -> AsyncIterator[tuple[LocalDiscord, BotProcess, list, object]]:
    async with LocalDiscord() as discord:
        guild = discord.add_guild("Track Club")
        members = [guild.add_member(f"runner{i}") for i in range(8)]
        channel = guild.add_channel("training")
        proc = BotProcess(discord, tmp_path / "pacer.db", log_path=tmp_path / "bot.log")
        await proc.start()
        try:
            yield discord, proc, members, channel
        finally:
            await proc.kill()


@pytest.mark.parametrize(
    "kill_when",
    [after_sent(1), after_sent(6), after_answers(5)],
    ids=["first-in-flight", "six-sent", "fifth-answer"],
)
async def test_killed_bot_loses_and_duplicates_nothing(served, kill_when) -> None:
    discord, proc, members, channel = served
    check = await crash_round(discord, proc, members, channel, kill_when, tag="ci")
    assert check.integrity == "ok"
    assert check.missing == [] and check.duplicates == [] and check.strangers == []
    assert check.partial == [] and check.refused == []
    assert check.answered >= 3  # at least the three logged after the restart
    assert check.stored >= check.answered
    assert proc.starts == 2


async def test_killed_twice_in_a_row_still_consistent(served) -> None:
    discord, proc, members, channel = served
    first = await crash_round(discord, proc, members, channel, after_answers(2), tag="one")
    second = await crash_round(discord, proc, members, channel, after_sent(3), tag="two")
    assert first.ok and second.ok, (first, second)
    with contextlib.closing(sqlite3.connect(proc.db_path)) as db:
        total = db.execute("SELECT count(*) FROM sessions").fetchone()[0]
    assert total == first.stored + second.stored
