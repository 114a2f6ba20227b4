"""/pacer setup: the team's settings (coach role, WOD channel, time zone, units, privacy)."""

from __future__ import annotations

import datetime as dt
import functools
import zoneinfo
from typing import TYPE_CHECKING, Any, Literal

import discord
from discord import app_commands
from discord.ext import commands

from bot.autocomplete import always_answers
from bot.embeds import COLOUR
from bot.errors import UserError
from bot.permissions import can_manage_server
from bot.ratelimit import RateLimiter
from cogs.log import bounded, guild_only
from storage import GuildSettings

if TYPE_CHECKING:
    from bot.pacer import Pacer

SETUP_EXAMPLE = "/pacer setup coach_role: @coach timezone: Europe/Paris units: km"
MAX_ZONE = 64
# Settings changes one member may make in a minute (a guard against a runaway script).
SETUP_CHANGES_PER_MINUTE = 10


@functools.cache
def zone_names() -> tuple[str, ...]:
    return tuple(sorted(zoneinfo.available_timezones()))


# Abbreviations people type for a zone. EST and MST are in the database but fixed offsets: a
# team in New York set to EST would be an hour off all summer. PST and the rest are not in it.
ABBREVIATIONS = {
    "est": "America/New_York", "edt": "America/New_York",
    "cst": "America/Chicago", "cdt": "America/Chicago",
    "mst": "America/Denver (or America/Phoenix)", "mdt": "America/Denver",
    "pst": "America/Los_Angeles", "pdt": "America/Los_Angeles",
    "bst": "Europe/London", "cest": "Europe/Paris", "aest": "Australia/Sydney",
}


def check_zone(name: str) -> str:
    """A real IANA time zone name, as given (case as in the database)."""
    if len(name) > MAX_ZONE:
        raise UserError("That is not a time zone name.", SETUP_EXAMPLE)
    place = ABBREVIATIONS.get(name.strip().lower())
    if place is not None:
        raise UserError(
            f"“{discord.utils.escape_markdown(name.strip())}” is an abbreviation, not a place: "
            f"use {place}, which follows daylight saving time.",
            SETUP_EXAMPLE,
        )
    lowered = {z.lower(): z for z in zone_names()}
    found = lowered.get(name.strip().lower())
    if found is None:
        raise UserError(
            f"“{discord.utils.escape_markdown(name)[:MAX_ZONE]}” is not an IANA time zone: use a "
            "name such as Europe/Paris, America/New_York or UTC.",
            SETUP_EXAMPLE,
        )
    return found


def settings_embed(settings: GuildSettings, changed: list[str]) -> discord.Embed:
    role = "none (Manage Server only)" if settings.coach_role_id is None else (
        f"<@&{settings.coach_role_id}>")
    channel = "none" if settings.wod_channel_id is None else f"<#{settings.wod_channel_id}>"
    lines = [
        f"Coach role: {role}",
        f"Workout of the day channel: {channel}",
        f"Time zone: {settings.timezone}",
        f"Units: {'mi' if settings.units == 'imperial' else 'km'}",
        "New athletes' sessions: "
        + ("hidden from teammates" if settings.hidden_by_default else "visible to teammates"),
    ]
    title = "Team settings" + (" updated" if changed else "")
    embed = discord.Embed(title=title, description="\n".join(lines), colour=COLOUR)
    if changed:
        embed.set_footer(text="Changed: " + ", ".join(changed))
    return embed


class TeamCog(commands.Cog, name="Team"):
    pacer = app_commands.Group(
        name="pacer",
        description="Pacer's settings for this server",
        guild_only=True,
        default_permissions=discord.Permissions(manage_guild=True),
    )

    def __init__(self, bot: Pacer) -> None:
        self.bot = bot
        self.changes = RateLimiter(SETUP_CHANGES_PER_MINUTE, dt.timedelta(minutes=1), bot.now,
                                   what="changed the team's settings {n} times")

    @pacer.command(name="setup", description="Show or change the team's settings",
                   extras={"example": SETUP_EXAMPLE})
    @app_commands.describe(
        coach_role="The role of coaches (they publish workouts, see every session)",
        wod_channel="Where the workout of the day is posted",
        timezone="The team's IANA time zone, e.g. Europe/Paris",
        units="Distances and paces in km or mi",
        privacy="Whether new athletes' sessions start visible to teammates or hidden",
    )
    async def setup_command(
        self,
        interaction: discord.Interaction[Any],
        coach_role: discord.Role | None = None,
        wod_channel: discord.TextChannel | None = None,
        timezone: app_commands.Range[str, 1, MAX_ZONE] | None = None,
        units: Literal["km", "mi"] | None = None,
        privacy: Literal["visible", "hidden"] | None = None,
    ) -> None:
        guild_id = guild_only(interaction)
        if not can_manage_server(interaction.user):
            raise UserError("Only members with Manage Server can change Pacer's settings.")
        guild = interaction.guild
        changes: dict[str, Any] = {}
        changed: list[str] = []
        if coach_role is not None:
            if guild is None or guild.get_role(coach_role.id) is None or coach_role.is_default():
                raise UserError("Pick a role of this server (not @everyone).", SETUP_EXAMPLE)
            changes["coach_role_id"] = coach_role.id
            changed.append("coach role")
        if wod_channel is not None:
            if wod_channel.guild.id != guild_id:
                raise UserError("Pick a channel of this server.", SETUP_EXAMPLE)
            changes["wod_channel_id"] = wod_channel.id
            changed.append("workout of the day channel")
        zone = bounded(timezone, MAX_ZONE, "time zone", SETUP_EXAMPLE)
        if zone is not None:
            changes["timezone"] = check_zone(zone)
            changed.append("time zone")
        if units is not None:
            if units not in ("km", "mi"):
                raise UserError("Units are km or mi.", SETUP_EXAMPLE)
            changes["units"] = "imperial" if units == "mi" else "metric"
            changed.append("units")
        if privacy is not None:
            if privacy not in ("visible", "hidden"):
                raise UserError("Privacy is visible or hidden.", SETUP_EXAMPLE)
            changes["hidden_by_default"] = privacy == "hidden"
            changed.append("privacy")
        store = self.bot.store
        if changes:
            with self.changes.hold((guild_id, interaction.user.id)):
                settings = await store.update_guild_settings(guild_id, **changes)
        else:
            settings = await store.guild_settings(guild_id)
        await interaction.response.send_message(embed=settings_embed(settings, changed),
                                                ephemeral=True)

    @setup_command.autocomplete("timezone")
    @always_answers
    async def zone_choices(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        needle = current.strip().lower()[:MAX_ZONE]
        found = [z for z in zone_names() if needle in z.lower()][:25]
        return [app_commands.Choice(name=z, value=z) for z in found]




async def setup(bot: Pacer) -> None:
    await bot.add_cog(TeamCog(bot))
