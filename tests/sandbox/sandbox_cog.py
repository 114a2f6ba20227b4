"""Commands using every kind of interaction the sandbox must drive (tests only)."""

from __future__ import annotations

import io
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.ui import PacerModal, PacerView

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(32))


class SplitsModal(PacerModal, title="Log splits"):
    splits: discord.ui.TextInput[Any] = discord.ui.TextInput(label="Splits", custom_id="splits")
    notes: discord.ui.TextInput[Any] = discord.ui.TextInput(
        label="Notes", custom_id="notes", required=False
    )

    async def on_submit(self, interaction: discord.Interaction[Any]) -> None:
        note = f" ({self.notes.value})" if self.notes.value else " (no notes)"
        await interaction.response.send_message(f"logged {self.splits.value}{note}")


class WodView(PacerView):
    def __init__(self) -> None:
        super().__init__(timeout=None)

    @discord.ui.button(label="Log my splits", custom_id="test:wod:log")
    async def log_splits(self, interaction: discord.Interaction[Any], button: Any) -> None:
        await interaction.response.send_modal(SplitsModal())


class PaceView(PacerView):
    @discord.ui.select(
        custom_id="test:pace",
        placeholder="Pick a pace",
        options=[discord.SelectOption(label=p.title(), value=p) for p in ("easy", "tempo")],
    )
    async def chosen(self, interaction: discord.Interaction[Any], select: Any) -> None:
        await interaction.response.edit_message(content=f"pace: {select.values[0]}", view=None)


class SandboxTest(commands.Cog):
    def __init__(self, bot: commands.Bot) -> None:
        self.bot = bot
        self.log_as_splits = app_commands.ContextMenu(name="Log as splits", callback=self.menu)
        self.profile = app_commands.ContextMenu(name="Profile", callback=self.profile_of)

    async def cog_load(self) -> None:
        self.bot.tree.add_command(self.log_as_splits)
        self.bot.tree.add_command(self.profile)

    async def cog_unload(self) -> None:
        self.bot.tree.remove_command(self.log_as_splits.name, type=self.log_as_splits.type)
        self.bot.tree.remove_command(self.profile.name, type=self.profile.type)

    @app_commands.command(description="Log a session")
    async def log(
        self, interaction: discord.Interaction[Any], splits: str, workout: str = "", reps: int = 1
    ) -> None:
        embed = discord.Embed(title="Session", description=f"{workout or 'run'} × {reps}")
        embed.add_field(name="Splits", value=splits)
        await interaction.response.send_message(embed=embed)

    drill = app_commands.Group(name="drill", description="A drill of the day")

    @drill.command(name="post", description="Post the drill of the day")
    @app_commands.checks.has_role("coach")
    async def wod_post(self, interaction: discord.Interaction[Any], workout: str) -> None:
        await interaction.response.send_message(f"WOD: {workout}", view=WodView())

    @app_commands.command(description="Pick a pace")
    async def pace(self, interaction: discord.Interaction[Any]) -> None:
        await interaction.response.send_message("choose", view=PaceView())

    @app_commands.command(description="A chart")
    async def chart(self, interaction: discord.Interaction[Any]) -> None:
        await interaction.response.defer(thinking=True)
        await interaction.followup.send("your chart", file=discord.File(io.BytesIO(PNG), "c.png"))

    @app_commands.command(description="Who am I")
    async def whoami(
        self, interaction: discord.Interaction[Any], who: discord.Member | None = None
    ) -> None:
        member = who or interaction.user
        await interaction.response.send_message(f"{member.name} is {member.id}")

    @app_commands.command(description="Join the roster")
    async def join(self, interaction: discord.Interaction[Any]) -> None:
        store = self.bot.store  # type: ignore[attr-defined]
        await store.set_athlete(interaction.guild_id, interaction.user.id, interaction.user.name)
        await interaction.response.send_message("joined")

    @app_commands.command(description="The roster")
    async def roster(self, interaction: discord.Interaction[Any]) -> None:
        athletes = await self.bot.store.athletes(interaction.guild_id)  # type: ignore[attr-defined]
        settings = await self.bot.store.guild_settings(interaction.guild_id)  # type: ignore[attr-defined]
        names = ", ".join(sorted(a.display_name for a in athletes)) or "nobody"
        await interaction.response.send_message(
            f"roster: {names}; coach role <@&{settings.coach_role_id}>"
        )

    @app_commands.command(description="Sessions of an athlete")
    async def sessions(self, interaction: discord.Interaction[Any], athlete: str) -> None:
        await interaction.response.send_message(f"sessions of {athlete}", ephemeral=True)

    @sessions.autocomplete("athlete")
    async def athletes(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        names = ["ana", "andre", "ben"]
        return [app_commands.Choice(name=n, value=n) for n in names if n.startswith(current)]

    async def menu(self, interaction: discord.Interaction[Any], message: discord.Message) -> None:
        await interaction.response.send_message(f"splits: {message.content}", ephemeral=True)

    async def profile_of(
        self, interaction: discord.Interaction[Any], member: discord.Member
    ) -> None:
        await interaction.response.send_message(f"profile of {member.name}", ephemeral=True)


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(SandboxTest(bot))
