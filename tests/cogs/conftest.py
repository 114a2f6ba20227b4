"""Pacer with its real cogs on a local Discord.

`team`: a team with a coach role, a channel, athletes; the bot's clock is fixed at Wednesday
15 July 2026, 18:00 UTC (20:00 in the team's Paris time zone), so session days are known in
advance. `wod_env`: Pacer with /wod on a clock the test moves; restartable on the same database.
"""

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
from tests.charts.pngcheck import png_size
from tests.cogs.clock import SteppedClock

__all__ = ["NOW", "TODAY", "Team", "png_size"]

NOW = dt.datetime(2026, 7, 15, 18, 0, tzinfo=dt.UTC)
TODAY = dt.date(2026, 7, 15)


@dataclass
class Team:
    discord: LocalDiscord
    clock: ManualClock
    guild: Guild
    other_guild: Guild
    coach: Member  # holds the coach role
    owner: Member  # Manage Server, no coach role
    ana: Member
    ben: Member
    cleo: Member
    stranger: Member  # in the other guild
    training: Channel
    elsewhere: Channel
    bot: Pacer
    now: list[dt.datetime]

    async def log(self, who: Member, splits: str, **values: str) -> Reply:
        return await self.discord.slash(who, self.training, "log", splits=splits, **values)


@pytest.fixture
async def team(tmp_path: Path) -> AsyncIterator[Team]:
    clock = ManualClock()
    now = [NOW]
    async with LocalDiscord(clock=clock) as local:
        guild = local.add_guild("Track Club")
        coach_role = guild.add_role("coach")
        admins = guild.add_role("admins", permissions=MANAGE_GUILD)
        coach = guild.add_member("carla", roles=[coach_role])
        owner = guild.add_member("olga", roles=[admins])
        ana = guild.add_member("ana")
        ben = guild.add_member("ben")
        cleo = guild.add_member("cleo")
        training = guild.add_channel("training")
        other = local.add_guild("Other Club")
        stranger = other.add_member("sam", roles=[other.add_role("mods", permissions=MANAGE_GUILD)])
        elsewhere = other.add_channel("general")

        def make_bot() -> Pacer:
            return Pacer(
                Settings(),
                db_path=str(tmp_path / "pacer.db"),
                clock=lambda: now[0],
                warm_up_dates=False,
                charts=InThreadCharts(),
            )

        async with local.run_bot(make_bot) as bot:
            await bot.tree.sync()
            await bot.store.update_guild_settings(
                guild.id, coach_role_id=coach_role.id, timezone="Europe/Paris"
            )
            yield Team(local, clock, guild, other, coach, owner, ana, ben, cleo, stranger,
                       training, elsewhere, bot, now)


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
    async with LocalDiscord(clock=discord_clock) as local:
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
