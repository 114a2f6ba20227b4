"""The buttons on a workout of the day's post, and the form (modal) "Log my splits" opens.

Dynamic items: the WOD's id is in each custom id, and the templates are registered when the
/wod cog loads, so a post's buttons keep working after a restart. The form works the same way:
its custom id carries the WOD's id and nothing is kept in memory, so a form opened before a
restart can be submitted after it, and any number of athletes can have one open at once
(discord.py keeps one modal per custom id: a kept one would take every submission of its WOD).
"""

from __future__ import annotations

import re
from typing import Any, Protocol

import discord

from bot.errors import UserError
from bot.logbook import MAX_NOTES, MAX_SPLITS_TEXT
from bot.tree import answer_error
from bot.ui import answers_errors
from bot.wod_embeds import clip
from storage import WodRow


def log_button_id(wod_id: int) -> str:
    return f"pacer:wod:{wod_id}:log"


def targets_button_id(wod_id: int) -> str:
    return f"pacer:wod:{wod_id}:targets"


def log_form_id(wod_id: int) -> str:
    return f"pacer:wod:{wod_id}:m"


LOG_FORM_ID = re.compile(r"pacer:wod:(?P<id>\d{1,19}):m")


class WodActions(Protocol):
    """What the buttons ask of the /wod cog (`cogs.wod.Wod`)."""

    async def button_wod(self, interaction: discord.Interaction[Any], wod_id: int) -> WodRow: ...

    def check_log_limit(self, interaction: discord.Interaction[Any]) -> None: ...

    async def targets_embed(
        self, interaction: discord.Interaction[Any], wod: WodRow
    ) -> discord.Embed: ...

    async def log_splits(
        self, interaction: discord.Interaction[Any], wod: WodRow, splits: str, notes: str | None
    ) -> None: ...


def _cog(interaction: discord.Interaction[Any]) -> WodActions:
    cog = interaction.client.get_cog("Wod")
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
        cog.check_log_limit(interaction)  # before the athlete types splits that would be refused
        await interaction.response.send_modal(LogSplitsForm(wod))


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


class LogSplitsForm(discord.ui.Modal):
    """The "Log my splits" form. Sent already stopped, so discord.py does not keep it: its
    submission is answered by `submit_log_form`, from the custom id and the values alone."""

    def __init__(self, wod: WodRow) -> None:
        super().__init__(title=clip(f"Log WOD #{wod.id}", 45), custom_id=log_form_id(wod.id))
        self.add_item(discord.ui.TextInput(
            label="Splits", custom_id="splits", style=discord.TextStyle.long,
            placeholder="3:20 3:18 3:19 3:17 3:18 3:15", max_length=MAX_SPLITS_TEXT,
        ))
        self.add_item(discord.ui.TextInput(
            label="Notes", custom_id="notes", style=discord.TextStyle.long, required=False,
            placeholder="Windy on the back straight", max_length=MAX_NOTES,
        ))
        self.stop()  # not kept by discord.py (see the module's docstring)


def form_values(components: Any) -> dict[str, str]:
    """custom id -> value of the text inputs in a modal submission (in action rows or labels)."""
    values: dict[str, str] = {}
    stack = [components]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, dict):
            if isinstance(node.get("custom_id"), str) and isinstance(node.get("value"), str):
                values[node["custom_id"]] = node["value"]
            stack.extend(node.get(key) for key in ("components", "component") if key in node)
    return values


def submitted_form(
    interaction: discord.Interaction[Any], form_id: re.Pattern[str]
) -> tuple[re.Match[str], dict[str, str]] | None:
    """A submitted form whose custom id `form_id` matches: the match and the form's values.
    None for any other interaction."""
    if interaction.type is not discord.InteractionType.modal_submit:
        return None
    data: Any = interaction.data or {}
    match = form_id.fullmatch(str(data.get("custom_id", "")))
    if match is None:
        return None
    return match, form_values(data.get("components"))


async def submit_log_form(interaction: discord.Interaction[Any]) -> bool:
    """Answer a submitted "Log my splits" form (True), or leave the interaction alone (False)."""
    form = submitted_form(interaction, LOG_FORM_ID)
    if form is None:
        return False
    match, values = form
    try:
        cog = _cog(interaction)
        wod = await cog.button_wod(interaction, int(match["id"]))  # it may be gone meanwhile
        await cog.log_splits(interaction, wod, values.get("splits", ""), values.get("notes"))
    except Exception as error:
        await answer_error(interaction, error)
    return True
