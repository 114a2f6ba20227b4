"""Pacer with every cog on a local Discord, for fuzzing its commands and trying hostile input.

A team (coach role, a coach, athletes, #training), a session of ana's and a scheduled workout
of the day to edit; `call` runs one command (and fills the modal it may open) and lists what
went wrong: a request Discord refused (over a limit), an error the bot logged, an answer
missing, a ping.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.localdiscord import Channel, Clock, Guild, LocalDiscord, ManualClock, Member, Reply
from bot.localdiscord.state import MANAGE_GUILD, Message
from bot.pacer import InThreadCharts, Pacer
from bot.settings import Settings

NOW = dt.datetime(2026, 7, 15, 18, 0, tzinfo=dt.UTC)
COACH_COMMANDS = ("wod post", "wod edit", "wod cancel")


@dataclass
class Arena:
    discord: LocalDiscord
    guild: Guild
    coach: Member
    admin: Member  # Manage Server
    athletes: list[Member]
    training: Channel
    bot: Pacer
    now: list[dt.datetime] = field(default_factory=lambda: [NOW])  # the bot's clock
    session_id: int = 0
    wod_id: int = 0
    calls: int = field(default=0)

    def member_for(self, command: str) -> Member:
        if command in COACH_COMMANDS:
            return self.coach
        if command == "pacer setup":
            return self.admin
        self.calls += 1
        return self.athletes[self.calls % len(self.athletes)]

    async def call(
        self, command: str, values: dict[str, Any], *, modal_text: str = "", timeout: float = 20.0
    ) -> tuple[Reply, list[str]]:
        """Run `command` with `values` (ids filled in where needed); what went wrong."""
        values = dict(values)
        if command == "session edit":
            values["id"] = self.session_id
        if command == "wod edit":
            values["id"] = self.wod_id
        member = self.athletes[0] if command == "session edit" else self.member_for(command)
        refused, logged = len(self.discord.errors), len(self.discord.logged_errors)
        reply = await self.discord.slash(member, self.training, command, timeout=timeout,
                                         **values)
        replies = [reply]
        if reply.modal is not None:
            fields = {f.custom_id: f for f in reply.modal.fields() if f.kind == 4}
            filled = {cid: (modal_text[: f.max_length].strip() or "x")
                      for cid, f in fields.items() if f.required or modal_text}
            replies.append(await self.discord.submit_modal(member, reply.modal, filled,
                                                           timeout=timeout))
        return replies[-1], self.problems(replies, refused, logged)

    def problems(self, replies: list[Reply], refused: int, logged: int) -> list[str]:
        out = [f"Discord refused: {e}" for e in self.discord.errors[refused:]]
        out += [f"the bot logged: {e[:300]}" for e in self.discord.logged_errors[logged:]]
        for reply in replies:
            if not reply.acknowledged:
                out.append(f"/{reply.name} was not answered")
            for message in _messages(reply):
                if not message.pings().nobody:
                    out.append(f"/{reply.name} pinged: {message.pings()}")
            if reply.ephemeral and reply.response_kind == "message" and not (
                reply.content or reply.embeds
            ):
                out.append(f"/{reply.name} answered with an empty message")
        return out


def _messages(reply: Reply) -> list[Message]:
    found = list(reply.followups)
    with contextlib.suppress(Exception):
        found.append(reply.message)
    return [m for m in found if m is not None]


@contextlib.asynccontextmanager
async def arena(
    tmp_path: Path, *, athletes: int = 3, clock: Clock | None = None
) -> AsyncIterator[Arena]:
    now = [NOW]
    async with LocalDiscord(clock=clock or ManualClock()) as discord:
        guild = discord.add_guild("Track Club")
        coach_role = guild.add_role("coach")
        coach = guild.add_member("carla", roles=[coach_role])
        admin = guild.add_member("olga", roles=[guild.add_role("admins", permissions=MANAGE_GUILD)])
        members = [guild.add_member(f"athlete{i}") for i in range(athletes)]
        training = guild.add_channel("training")

        def make_bot() -> Pacer:
            return Pacer(Settings(), db_path=str(tmp_path / "pacer.db"), clock=lambda: now[0],
                         warm_up_dates=False, charts=InThreadCharts())

        async with discord.run_bot(make_bot) as bot:
            await bot.tree.sync()
            await bot.store.update_guild_settings(guild.id, coach_role_id=coach_role.id,
                                                  wod_channel_id=training.id)
            found = Arena(discord, guild, coach, admin, members, training, bot, now)
            logged = await discord.slash(members[0], training, "log", splits="2:26 2:28 2:25")
            found.session_id = int(logged.embeds[0]["footer"]["text"].split("#")[1].split()[0])
            opened = await discord.slash(coach, training, "wod post", workout="6x400m @ 75",
                                         when="tomorrow 6am")
            assert opened.modal is not None
            await discord.submit_modal(coach, opened.modal, {})
            wods = await bot.store.list_wods(guild.id, statuses=("scheduled",), limit=1)
            found.wod_id = wods[0].id
            yield found
