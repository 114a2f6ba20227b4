"""Pacer with /wod against a local Discord, on a clock the test moves; restartable on the same
database. The `wod_env` fixture is made available to tests/cogs by its conftest."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from bot.extensions import EXTENSIONS
from bot.localdiscord import Channel, Guild, LocalDiscord, ManualClock, Member, Message, Reply
from bot.localdiscord.state import MANAGE_GUILD
from bot.pacer import InThreadCharts, Pacer
from bot.scheduler import WodDispatcher
from bot.settings import Settings
from tests.cogs.clock import SteppedClock

# Monday 2 March 2026, 10:00 UTC: 05:00 in New York (EST), the team's time zone.
START = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)
TEAM_TZ = "America/New_York"
GUARD = 5.0  # failure guard for event waits, never a pause
WORKOUT = "6 x 1000m @ 3:20 w/ 90s jog"


@dataclass
class WodEnv:
    discord: LocalDiscord
    clock: SteppedClock
    guild: Guild
    coach: Member  # holds the team's coach role (no Manage Server)
    ana: Member
    ben: Member
    training: Channel
    db_path: Path
    bot: Pacer = field(init=False)
    _stack: contextlib.AsyncExitStack | None = field(default=None, init=False)
    _synced: bool = field(default=False, init=False)

    def make_bot(self) -> Pacer:
        return Pacer(
            Settings(),
            db_path=str(self.db_path),
            clock=self.clock,
            extensions=EXTENSIONS,
            warm_up_dates=False,
            charts=InThreadCharts(),
        )

    async def start(self) -> Pacer:
        stack = contextlib.AsyncExitStack()
        self.bot = await stack.enter_async_context(self.discord.run_bot(self.make_bot))
        self._stack = stack
        if not self._synced:
            await self.bot.tree.sync()
            self._synced = True
        return self.bot

    async def stop(self) -> None:
        stack, self._stack = self._stack, None
        if stack is not None:
            await stack.aclose()

    async def restart(self) -> Pacer:
        await self.stop()
        return await self.start()

    @property
    def dispatcher(self) -> WodDispatcher:
        cog: Any = self.bot.get_cog("Wod")
        return cog.dispatcher

    def posts(self, channel: Channel | None = None) -> list[Message]:
        """The bot's WOD posts in a channel, oldest first."""
        channel = channel or self.training
        return [
            m for m in channel.visible_messages()
            if m.author is self.discord.bot_user and m.embeds
            and "WOD #" in m.embeds[0].get("footer", {}).get("text", "")
            and any(b.get("label") == "Log my splits" for b in m.buttons())
        ]

    async def post(self, member: Member | None = None, *, notes: str = "", **options: Any) -> Reply:
        """/wod post with `options`, then the context modal submitted with `notes`."""
        member = member or self.coach
        options.setdefault("workout", WORKOUT)
        opened = await self.discord.slash(member, self.training, "wod post", **options)
        assert opened.modal is not None, (opened.content, opened.error_codes)
        return await self.discord.submit_modal(member, opened.modal, {"notes": notes})


@pytest.fixture
async def wod_env(tmp_path: Path) -> AsyncIterator[WodEnv]:
    discord_clock = ManualClock()
    clock = SteppedClock(START, discord_clock)
    # Snowflakes made on the test's clock, as Discord makes them on its own.
    async with LocalDiscord(clock=discord_clock, wall=clock) as local:
        guild = local.add_guild("Track Club")
        coach_role = guild.add_role("coach")
        guild.add_role("admin", permissions=MANAGE_GUILD)
        coach = guild.add_member("carla", roles=[coach_role])
        ana = guild.add_member("ana")
        ben = guild.add_member("ben")
        training = guild.add_channel("training")
        env = WodEnv(local, clock, guild, coach, ana, ben, training, tmp_path / "pacer.db")
        await env.start()
        await env.bot.store.update_guild_settings(
            guild.id, timezone=TEAM_TZ, coach_role_id=coach_role.id
        )
        try:
            yield env
        finally:
            await env.stop()
