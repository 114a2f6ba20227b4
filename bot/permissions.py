"""Who may do what: coaches (the team's coach role, or Manage Server) and the rest."""

from __future__ import annotations

from typing import Any

import discord

from bot.errors import UserError
from storage import GuildSettings, Store


def is_coach(user: discord.abc.User | Any, settings: GuildSettings) -> bool:
    """A coach holds the guild's coach role or may manage the server."""
    if not isinstance(user, discord.Member):
        return False
    if user.guild_permissions.manage_guild:
        return True
    role_id = settings.coach_role_id
    return role_id is not None and any(role.id == role_id for role in user.roles)


def can_manage_server(user: discord.abc.User | Any) -> bool:
    return isinstance(user, discord.Member) and user.guild_permissions.manage_guild


async def interaction_is_coach(interaction: discord.Interaction[Any], store: Store) -> bool:
    """Whether the member behind `interaction` coaches the team of its guild."""
    if interaction.guild_id is None:
        return False
    return is_coach(interaction.user, await store.guild_settings(interaction.guild_id))


async def require_coach(interaction: discord.Interaction[Any], store: Store, action: str) -> None:
    """Refuse `action` (e.g. "post a workout of the day") to anyone but a coach."""
    if not await interaction_is_coach(interaction, store):
        raise UserError(
            f"Only coaches can {action}: members with the team's coach role, or with the"
            " Manage Server permission."
        )
