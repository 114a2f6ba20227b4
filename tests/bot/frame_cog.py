"""Commands that exercise the frame's failure paths (loaded only by the frame's tests)."""

from __future__ import annotations

import asyncio
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.errors import UserError
from bot.training.errors import ParseError
from bot.ui import PacerView


class BrokenView(PacerView):
    def __init__(self) -> None:
        super().__init__(timeout=None)

    @discord.ui.button(label="Break", custom_id="frame:break")
    async def break_it(self, interaction: discord.Interaction[Any], button: Any) -> None:
        raise UserError("That button needs a session first.", example="/log splits: 2:26")


class FrameTest(commands.Cog):
    def __init__(self, bot: commands.Bot) -> None:
        self.bot = bot
        self.entered = asyncio.Event()
        self.release = asyncio.Event()
        self.late_error: BaseException | None = None

    @app_commands.command(description="Fails with a bug", extras={"example": "/boom"})
    async def boom(self, interaction: discord.Interaction[Any]) -> None:
        raise KeyError("internal detail")

    @app_commands.command(description="Rejects its input", extras={"example": "/bad text: 2:26"})
    async def bad(self, interaction: discord.Interaction[Any], text: str) -> None:
        raise UserError(f"“{text}” is not a split.")

    @app_commands.command(description="Cannot parse", extras={"example": "/parse text: 6 x 400m"})
    async def parse(self, interaction: discord.Interaction[Any], text: str) -> None:
        raise ParseError("Unknown unit", text=text, offset=len(text) - 1, hint="6 x 400m")

    @app_commands.command(description="Defers, then fails")
    async def deferboom(self, interaction: discord.Interaction[Any]) -> None:
        await interaction.response.defer(thinking=True, ephemeral=True)
        raise UserError("Nothing to show yet.")

    @app_commands.command(description="Forgets to answer")
    async def silent(self, interaction: discord.Interaction[Any]) -> None:
        return None

    @app_commands.command(description="Answers only when released")
    async def late(self, interaction: discord.Interaction[Any]) -> None:
        self.entered.set()
        await self.release.wait()
        await interaction.response.send_message("finally")

    @app_commands.command(description="Says what it is told")
    async def echo(self, interaction: discord.Interaction[Any], text: str) -> None:
        await interaction.response.send_message(text)
        await interaction.followup.send(text)
        await interaction.channel.send(text)  # type: ignore[union-attr]

    @app_commands.command(description="Shows a button that fails")
    async def broken(self, interaction: discord.Interaction[Any]) -> None:
        await interaction.response.send_message("press it", view=BrokenView())


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(FrameTest(bot))
