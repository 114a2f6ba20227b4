"""/help (what Pacer can do, one example each) and /ping (is the bot alive)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

HELP_EXAMPLE = "/help"
PING_EXAMPLE = "/ping"
# An embed description holds 4096 characters; Pacer's list stays far below.
MAX_HELP_CHARS = 4000


def _leaf_commands(
    items: Iterable[app_commands.Command[Any, ..., Any] | app_commands.Group],
) -> list[app_commands.Command[Any, ..., Any]]:
    leaves: list[app_commands.Command[Any, ..., Any]] = []
    for item in items:
        if isinstance(item, app_commands.Group):
            leaves.extend(_leaf_commands(item.commands))
        else:
            leaves.append(item)
    return leaves


def help_lines(
    tree: app_commands.CommandTree[Any], guild: discord.abc.Snowflake | None
) -> list[str]:
    """One line per slash command and context menu, with its example when it has one."""
    lines: list[str] = []
    slash = list(tree.get_commands(guild=guild, type=discord.AppCommandType.chat_input))
    if guild is not None:
        slash += tree.get_commands(type=discord.AppCommandType.chat_input)
    seen: set[str] = set()
    for command in sorted(_leaf_commands(slash), key=lambda c: c.qualified_name):
        if command.qualified_name in seen:
            continue
        seen.add(command.qualified_name)
        line = f"**/{command.qualified_name}** — {command.description}"
        example = command.extras.get("example")
        if example:
            line += f"\n  e.g. `{example}`"
        lines.append(line)
    for kind, where in (
        (discord.AppCommandType.message, "a message"),
        (discord.AppCommandType.user, "a member"),
    ):
        names = {m.name for m in tree.get_commands(type=kind)}
        if guild is not None:
            names |= {m.name for m in tree.get_commands(guild=guild, type=kind)}
        for name in sorted(names):
            lines.append(f"**{name}** — right-click {where} → Apps → {name}")
    return lines


class Meta(commands.Cog):
    def __init__(self, bot: commands.Bot) -> None:
        self.bot = bot

    @app_commands.command(
        name="help",
        description="What Pacer can do, with an example of each",
        extras={"example": HELP_EXAMPLE},
    )
    async def help_command(self, interaction: discord.Interaction[Any]) -> None:
        text = ""
        for line in help_lines(self.bot.tree, interaction.guild):
            if len(text) + len(line) + 2 > MAX_HELP_CHARS:
                text += "\n…"
                break
            text += ("\n\n" if text else "") + line
        embed = discord.Embed(title="Pacer", description=text, colour=discord.Colour.teal())
        footer = "Type a command's name after / to see its options."
        if interaction.guild_id is None:
            # Everything but /help and /ping keeps a team's sessions, per server.
            footer = "These work in your team's server, not in a DM: type them there. " + footer
        embed.set_footer(text=footer)
        await interaction.response.send_message(embed=embed, ephemeral=True)

    @app_commands.command(
        name="ping", description="Check that Pacer is awake", extras={"example": PING_EXAMPLE}
    )
    async def ping(self, interaction: discord.Interaction[Any]) -> None:
        await interaction.response.send_message("Pong: Pacer is awake.", ephemeral=True)


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(Meta(bot))
