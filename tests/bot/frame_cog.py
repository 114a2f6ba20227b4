"""Commands that exercise the frame's failure paths (loaded only by the frame's tests)."""

from __future__ import annotations

import asyncio
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.errors import UserError
from bot.training.errors import ParseError
from bot.ui import PacerModal, PacerView, answers_errors


class BrokenView(PacerView):
    def __init__(self) -> None:
        super().__init__(timeout=None)

    @discord.ui.button(label="Break", custom_id="frame:break")
    async def break_it(self, interaction: discord.Interaction[Any], button: Any) -> None:
        raise UserError("That button needs a session first.", example="/log splits: 2:26")


class StrictModal(PacerModal, title="Strict"):
    splits: discord.ui.TextInput[Any] = discord.ui.TextInput(label="Splits", custom_id="splits")

    async def on_submit(self, interaction: discord.Interaction[Any]) -> None:
        raise UserError(f"“{self.splits.value}” has no splits in it.", example="2:26 2:28")


class SessionButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"frame:session:(?P<id>\d+)"
):
    """A per-object button that survives restarts; its failures must be answered too."""

    def __init__(self, session_id: int) -> None:
        super().__init__(
            discord.ui.Button(label="Delete", custom_id=f"frame:session:{session_id}")
        )
        self.session_id = session_id

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: Any, match: Any, /
    ) -> SessionButton:
        return cls(int(match["id"]))

    @answers_errors
    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        raise UserError(f"Session {self.session_id} is already gone.")


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


    @app_commands.command(description="Opens a form that rejects its input")
    async def form(self, interaction: discord.Interaction[Any]) -> None:
        await interaction.response.send_modal(StrictModal())

    @app_commands.command(name="session-button", description="Shows a per-session button")
    async def session_button(self, interaction: discord.Interaction[Any]) -> None:
        view = discord.ui.View(timeout=None)
        view.add_item(SessionButton(7))
        await interaction.response.send_message("session 7", view=view)


async def setup(bot: commands.Bot) -> None:
    bot.add_dynamic_items(SessionButton)
    await bot.add_cog(FrameTest(bot))
