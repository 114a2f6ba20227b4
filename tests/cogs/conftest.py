"""Pacer with its real cogs on a local Discord: a team with a coach role, a channel, athletes.

The bot's clock is fixed at Wednesday 15 July 2026, 18:00 UTC (20:00 in the team's Paris time
zone), so session days are known in advance.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.localdiscord import Channel, Guild, LocalDiscord, ManualClock, Member, Reply
from bot.localdiscord.state import MANAGE_GUILD
from bot.pacer import InThreadCharts, Pacer
from bot.settings import Settings
from storage import NewWod, WodRow
from tests.charts.pngcheck import png_size

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

    async def todays_wod(self, workout_text: str, workout_key: str | None = None) -> WodRow:
        """A workout of the day for today by the coach, in #training (scheduled for 05:00)."""
        return await self.bot.store.schedule_wod(NewWod(
            guild_id=self.guild.id, author_id=self.coach.id, workout_text=workout_text,
            channel_id=self.training.id, day=TODAY,
            publish_at=dt.datetime(2026, 7, 15, 5, tzinfo=dt.UTC), workout_key=workout_key))


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



# The /wod tests' fixture (a restartable bot on a stepped clock) lives with its helpers.
from tests.cogs.wod_env import wod_env  # noqa: E402, F401
