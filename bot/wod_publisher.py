"""Posting workouts of the day in Discord for the dispatcher (`bot.scheduler.Publisher`)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import aiohttp
import discord

from bot.scheduler import PublishFailed, PublishUncertain
from bot.training import parse_workout
from bot.wod_buttons import log_button_id, wod_view
from bot.wod_embeds import clip, safe, when_text, wod_embed
from storage import WodRow

# A post left in doubt is looked for among the messages made since its claim, oldest first,
# however many came after it. Snowflakes carry Discord's clock, the claim time the host's: the
# search starts this much earlier so that a host clock running ahead does not skip the post.
CLOCK_MARGIN = dt.timedelta(hours=1)


def post_nonce(wod: WodRow) -> str:
    """The nonce every attempt at posting `wod` is sent with (Discord's `enforce_nonce`: a
    resend within a few minutes returns the first post instead of making a second one).
    Stable across claims, unique per WOD; at most Discord's 25 characters."""
    return f"wod{wod.id}.{int(wod.created_at.timestamp()):x}"[:25]


class DiscordPublisher:
    """Posts WODs in their channels, finds a post left in doubt, tells a coach what failed."""

    def __init__(self, bot: Any) -> None:
        self.bot = bot

    async def _channel(self, channel_id: int) -> discord.abc.Messageable:
        channel = self.bot.get_channel(channel_id)
        if channel is None:
            try:
                channel = await self.bot.fetch_channel(channel_id)
            except discord.NotFound:
                raise PublishFailed("the channel was deleted") from None
            except discord.Forbidden:
                raise PublishFailed("Pacer cannot see the channel any more") from None
            except discord.HTTPException as exc:
                raise PublishUncertain(str(exc)) from exc
        if not isinstance(channel, discord.abc.Messageable):
            raise PublishFailed("the channel is not a text channel")
        return channel

    async def send(self, wod: WodRow, *, late_by: dt.timedelta | None) -> int:
        channel = await self._channel(wod.channel_id)
        try:
            workout = parse_workout(wod.workout_text)
        except Exception as exc:  # it read when it was scheduled; never post half a workout
            raise PublishFailed(f"the workout no longer reads: {exc}") from None
        settings = await self.bot.store.guild_settings(wod.guild_id)
        embed = wod_embed(
            wod, workout, author=await self.author_name(wod), tz=team_zone(settings.timezone),
            late_by=late_by,
        )
        try:
            # discord.py sends `enforce_nonce` with every nonce.
            message = await channel.send(embed=embed, view=wod_view(wod.id), nonce=post_nonce(wod))
        except discord.NotFound:
            raise PublishFailed("the channel was deleted") from None
        except discord.Forbidden:
            raise PublishFailed(
                "Pacer may not post in that channel (it needs View Channel, Send Messages and"
                " Embed Links)"
            ) from None
        except discord.HTTPException as exc:
            if exc.status >= 500:
                raise PublishUncertain(f"Discord answered {exc.status}") from exc
            raise PublishFailed(f"Discord refused the post: {exc.text[:200]}") from None
        except (aiohttp.ClientError, TimeoutError, OSError) as exc:
            raise PublishUncertain(str(exc) or type(exc).__name__) from exc
        return message.id

    async def author_name(self, wod: WodRow) -> str:
        guild = self.bot.get_guild(wod.guild_id)
        member = guild.get_member(wod.author_id) if guild is not None else None
        if member is None and guild is not None:
            try:
                member = await guild.fetch_member(wod.author_id)
            except discord.HTTPException:
                member = None
        return member.display_name if member is not None else "a coach"

    async def find_post(self, wod: WodRow) -> int | None:
        channel = await self._channel(wod.channel_id)
        me = self.bot.user.id
        wanted = log_button_id(wod.id)
        if wod.claimed_at is None:  # never claimed: never sent
            return None
        since = discord.Object(discord.utils.time_snowflake(wod.claimed_at - CLOCK_MARGIN))
        try:
            # Oldest first from the claim: the post, if sent, is on the first page whatever
            # the channel got after it; only a post never sent reads up to the newest message.
            async for message in channel.history(limit=None, after=since, oldest_first=True):
                if message.author.id != me:
                    continue
                # The post carries the WOD's own button (a reply about the WOD does not).
                ids = [
                    getattr(child, "custom_id", None)
                    for row in message.components
                    for child in getattr(row, "children", ())
                ]
                if wanted in ids:
                    return message.id
        except discord.NotFound:
            raise PublishFailed("the channel was deleted") from None
        except discord.Forbidden:
            raise PublishFailed("Pacer cannot read the channel any more") from None
        return None

    async def report(self, wod: WodRow, outcome: Literal["failed", "missed"]) -> None:
        settings = await self.bot.store.guild_settings(wod.guild_id)
        tz = team_zone(settings.timezone)
        what = f"Your workout of the day #{wod.id} ({clip(wod.workout_key or 'workout', 60)})"
        if outcome == "missed":
            text = (
                f"{what} was due {when_text(wod.publish_at, tz)}, but Pacer was offline until"
                f" after the team's late-post window ({settings.wod_late_window_min} min):"
                " it was not posted. Post it again with /wod post."
            )
        else:
            reason = safe(wod.failure) if wod.failure else "Discord refused it"
            text = f"{what} could not be posted in <#{wod.channel_id}>: {reason}."
        user = await self.bot.fetch_user(wod.author_id)
        await user.send(clip(text, 2000))


def team_zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")
