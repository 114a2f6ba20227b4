"""Pacer (the real bot, store and cogs) running against a fresh local Discord."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.extensions import EXTENSIONS
from bot.localdiscord import Channel, Guild, LocalDiscord, ManualClock, Member
from bot.pacer import Pacer
from bot.settings import Settings

FRAME_TEST_COG = "tests.bot.frame_cog"


@dataclass
class Env:
    discord: LocalDiscord
    clock: ManualClock
    guild: Guild
    ana: Member
    coach: Member
    training: Channel
    bot: Pacer


@pytest.fixture
async def pacer_env(tmp_path: Path) -> AsyncIterator[Env]:
    clock = ManualClock()
    async with LocalDiscord(clock=clock) as local:
        guild = local.add_guild("Track Club")
        guild.add_role("coach")
        ana = guild.add_member("ana")
        coach = guild.add_member("carla", roles=["coach"])
        training = guild.add_channel("training")

        def make_bot() -> Pacer:
            return Pacer(
                Settings(),
                db_path=str(tmp_path / "pacer.db"),
                extensions=(*EXTENSIONS, FRAME_TEST_COG),
                warm_up_dates=False,
            )

        async with local.run_bot(make_bot) as bot:
            await bot.tree.sync()
            yield Env(local, clock, guild, ana, coach, training, bot)
