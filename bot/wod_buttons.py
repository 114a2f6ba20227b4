"""The buttons on a workout of the day's post, and the modal "Log my splits" opens.

Dynamic items: the WOD's id is in each custom id, and the templates are registered when the
/wod cog loads, so a post's buttons keep working after a restart.
"""

from __future__ import annotations

import re
from typing import Any, Protocol

import discord

from bot.errors import UserError
from bot.logbook import MAX_NOTES, MAX_SPLITS_TEXT
from bot.ui import PacerModal, answers_errors
from bot.wod_embeds import clip
from storage import WodRow


def log_button_id(wod_id: int) -> str:
    return f"pacer:wod:{wod_id}:log"


def targets_button_id(wod_id: int) -> str:
    return f"pacer:wod:{wod_id}:targets"


class WodActions(Protocol):
    """What the buttons ask of the /wod cog (`cogs.wod.Wod`)."""

    async def button_wod(self, interaction: discord.Interaction[Any], wod_id: int) -> WodRow: ...

    async def targets_embed(
        self, interaction: discord.Interaction[Any], wod: WodRow
    ) -> discord.Embed: ...

    async def log_splits(
        self, interaction: discord.Interaction[Any], wod: WodRow, splits: str, notes: str | None
    ) -> None: ...


def _cog(interaction: discord.Interaction[Any]) -> WodActions:
    cog = interaction.client.get_cog("Wod")  # type: ignore[attr-defined]
    if cog is None:
        raise UserError("Workouts of the day are not available right now; try again soon.")
    return cog  # type: ignore[no-any-return]


class LogSplitsButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"pacer:wod:(?P<id>\d{1,19}):log"
):
    """"Log my splits": a modal, logged against this WOD for whoever pressed it."""

    def __init__(self, wod_id: int) -> None:
        super().__init__(
            discord.ui.Button(
                label="Log my splits", style=discord.ButtonStyle.primary,
                custom_id=log_button_id(wod_id),
            )
        )
        self.wod_id = wod_id

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: Any, match: re.Match[str], /
    ) -> LogSplitsButton:
        return cls(int(match["id"]))

    @answers_errors
    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        cog = _cog(interaction)
        wod = await cog.button_wod(interaction, self.wod_id)
        await interaction.response.send_modal(LogSplitsModal(wod))


class TargetsButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"pacer:wod:(?P<id>\d{1,19}):targets",
):
    """"My targets": the workout's named targets as this athlete's rep times (ephemeral)."""

    def __init__(self, wod_id: int) -> None:
        super().__init__(
            discord.ui.Button(
                label="My targets", style=discord.ButtonStyle.secondary,
                custom_id=targets_button_id(wod_id),
            )
        )
        self.wod_id = wod_id

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: Any, match: re.Match[str], /
    ) -> TargetsButton:
        return cls(int(match["id"]))

    @answers_errors
    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        cog = _cog(interaction)
        wod = await cog.button_wod(interaction, self.wod_id)
        embed = await cog.targets_embed(interaction, wod)
        await interaction.response.send_message(embed=embed, ephemeral=True)


def wod_view(wod_id: int) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    view.add_item(LogSplitsButton(wod_id))
    view.add_item(TargetsButton(wod_id))
    return view


class LogSplitsModal(PacerModal):
    def __init__(self, wod: WodRow) -> None:
        super().__init__(title=clip(f"Log WOD #{wod.id}", 45), custom_id=f"pacer:wod:{wod.id}:m")
        self.wod = wod
        self.splits: discord.ui.TextInput[LogSplitsModal] = discord.ui.TextInput(
            label="Splits", custom_id="splits", style=discord.TextStyle.long,
            placeholder="3:20 3:18 3:19 3:17 3:18 3:15", max_length=MAX_SPLITS_TEXT,
        )
        self.notes: discord.ui.TextInput[LogSplitsModal] = discord.ui.TextInput(
            label="Notes", custom_id="notes", style=discord.TextStyle.long, required=False,
            placeholder="Windy on the back straight", max_length=MAX_NOTES,
        )
        self.add_item(self.splits)
        self.add_item(self.notes)

    async def on_submit(self, interaction: discord.Interaction[Any]) -> None:
        await _cog(interaction).log_splits(interaction, self.wod, self.splits.value,
                                           self.notes.value)
