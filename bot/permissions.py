"""Who may do what: a team's coaches are the members with its coach role, or Manage Server."""

from __future__ import annotations

from typing import Any

import discord

from bot.errors import UserError
from storage import Store


async def is_coach(interaction: discord.Interaction[Any], store: Store) -> bool:
    """Whether the member behind `interaction` coaches the team of its guild."""
    member = interaction.user
    if interaction.guild_id is None or not isinstance(member, discord.Member):
        return False
    if member.guild_permissions.manage_guild:
        return True
    settings = await store.guild_settings(interaction.guild_id)
    role_id = settings.coach_role_id
    return role_id is not None and any(role.id == role_id for role in member.roles)


async def require_coach(interaction: discord.Interaction[Any], store: Store, action: str) -> None:
    """Refuse `action` (e.g. "post a workout of the day") to anyone but a coach."""
    if not await is_coach(interaction, store):
        raise UserError(
            f"Only coaches can {action}: members with the team's coach role, or with the"
            " Manage Server permission."
        )
