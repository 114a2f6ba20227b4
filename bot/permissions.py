"""Who may do what: coaches (the team's coach role, or Manage Server) and the rest."""

from __future__ import annotations

from typing import Any

import discord

from storage import GuildSettings


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
