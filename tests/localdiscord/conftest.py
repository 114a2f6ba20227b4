"""A throwaway discord.py bot exercising every kind of interaction, and a fixture running it
against a fresh local Discord with a manual clock."""

from __future__ import annotations

import asyncio
import contextlib
import io
from collections.abc import AsyncIterator
from dataclasses import dataclass

import discord
import pytest
from discord import app_commands
from discord.ext import commands

from bot.localdiscord import Channel, Guild, LocalDiscord, ManualClock, Member
from bot.localdiscord.state import MANAGE_GUILD

ATHLETES = ["ana", "andre", "ben", "bea", "carla"]
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(64))


class SplitsModal(discord.ui.Modal, title="Log splits"):
    splits: discord.ui.TextInput[SplitsModal] = discord.ui.TextInput(
        label="Splits", custom_id="splits", max_length=200
    )
    notes: discord.ui.TextInput[SplitsModal] = discord.ui.TextInput(
        label="Notes", custom_id="notes", required=False, style=discord.TextStyle.long
    )

    async def on_submit(self, interaction: discord.Interaction) -> None:
        note = f" ({self.notes.value})" if self.notes.value else ""
        await interaction.response.send_message(f"logged {self.splits.value}{note}", ephemeral=True)


class FeedbackModal(discord.ui.Modal, title="Session feedback"):
    """Newer modal layout: text and labelled components (a text input and a select)."""

    intro = discord.ui.TextDisplay("How did it go?")
    effort: discord.ui.Label[FeedbackModal] = discord.ui.Label(
        text="Effort (1-10)",
        component=discord.ui.TextInput(custom_id="effort", max_length=2),
    )
    feeling: discord.ui.Label[FeedbackModal] = discord.ui.Label(
        text="Feeling",
        component=discord.ui.Select(
            custom_id="feeling",
            options=[discord.SelectOption(label=f, value=f) for f in ("fresh", "tired")],
        ),
    )

    async def on_submit(self, interaction: discord.Interaction) -> None:
        assert isinstance(self.effort.component, discord.ui.TextInput)
        assert isinstance(self.feeling.component, discord.ui.Select)
        effort, feeling = self.effort.component.value, self.feeling.component.values
        await interaction.response.send_message(f"effort {effort}, {feeling[0]}")


class WodView(discord.ui.View):
    """Persistent: no timeout and fixed custom ids, registered with `bot.add_view`."""

    def __init__(self) -> None:
        super().__init__(timeout=None)

    @discord.ui.button(label="Log my splits", custom_id="pacer:wod:log")
    async def log_splits(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await interaction.response.send_modal(SplitsModal())

    @discord.ui.button(label="Refresh", custom_id="pacer:wod:refresh")
    async def refresh(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await interaction.response.defer()
        await interaction.edit_original_response(content="WOD: 6 x 1000 (refreshed)")


class PaceSelect(discord.ui.View):
    @discord.ui.select(
        custom_id="pacer:pace",
        placeholder="Pick a pace",
        options=[discord.SelectOption(label=p, value=p) for p in ("easy", "tempo", "interval")],
    )
    async def pick(self, interaction: discord.Interaction, select: discord.ui.Select) -> None:
        await interaction.response.edit_message(content=f"pace: {select.values[0]}", view=None)


class SampleBot(commands.Bot):
    """Holds the events tests use to hold a command mid-flight."""

    def __init__(self, *, message_content: bool = True) -> None:
        intents = discord.Intents.default()
        intents.members = True
        intents.message_content = message_content
        super().__init__(
            command_prefix="!",
            intents=intents,
            allowed_mentions=discord.AllowedMentions.none(),
        )
        self.entered = asyncio.Event()
        self.release = asyncio.Event()
        self.announce_channel_id = 0
        self.resumed_count = 0

    async def setup_hook(self) -> None:
        self.add_view(WodView())
        register_commands(self)

    async def on_resumed(self) -> None:
        self.resumed_count += 1

    async def on_message(self, message: discord.Message) -> None:
        if message.author.bot:
            return
        if message.content.startswith("echo "):
            await message.channel.send(message.content[5:])
        elif message.content.startswith("loud "):
            await message.channel.send(
                message.content[5:], allowed_mentions=discord.AllowedMentions.all()
            )


def register_commands(bot: SampleBot) -> None:
    tree = bot.tree

    @tree.command(description="Log a session")
    @app_commands.describe(splits="your splits", reps="repetitions")
    @app_commands.choices(
        kind=[
            app_commands.Choice(name="Intervals", value="intervals"),
            app_commands.Choice(name="Easy run", value="easy"),
        ]
    )
    async def log(
        interaction: discord.Interaction,
        splits: str,
        reps: app_commands.Range[int, 1, 20] = 1,
        kind: str = "intervals",
    ) -> None:
        await interaction.response.send_message(f"{splits} x{reps} ({kind})")

    @tree.command(description="Sessions of an athlete")
    async def sessions(interaction: discord.Interaction, athlete: str) -> None:
        await interaction.response.send_message(f"sessions of {athlete}", ephemeral=True)

    @sessions.autocomplete("athlete")
    async def athletes(
        interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return [app_commands.Choice(name=a, value=a) for a in ATHLETES if a.startswith(current)]

    @tree.command(description="A report that takes a while")
    async def report(interaction: discord.Interaction) -> None:
        await interaction.response.defer(thinking=True)
        await interaction.followup.send(
            "report ready", file=discord.File(io.BytesIO(b"day,km\n1,10\n"), "report.csv")
        )

    @tree.command(description="Defers, then follows up when released")
    async def slowreport(interaction: discord.Interaction) -> None:
        await interaction.response.defer(ephemeral=True)
        bot.entered.set()
        await bot.release.wait()
        # A refusal is read from the local Discord's record by the test.
        with contextlib.suppress(discord.HTTPException):
            await interaction.followup.send("done")

    @tree.command(description="Never answers (tests answer through raw HTTP)")
    async def silent(interaction: discord.Interaction) -> None:
        bot.entered.set()

    @tree.command(description="Answers only when released")
    async def late(interaction: discord.Interaction) -> None:
        bot.entered.set()
        await bot.release.wait()
        with contextlib.suppress(discord.HTTPException):
            await interaction.response.send_message("finally")

    @tree.command(description="Sends an embed over Discord's limits")
    async def huge(interaction: discord.Interaction) -> None:
        embed = discord.Embed(title="Season", description="x" * 5000)
        try:
            await interaction.response.send_message(embed=embed)
        except discord.HTTPException as exc:
            # Not acknowledged yet: the refusal must go out as the initial response.
            await interaction.response.send_message(f"refused {exc.status}/{exc.code}")

    @tree.command(description="Answers twice (a bug)")
    async def twice(interaction: discord.Interaction) -> None:
        await interaction.response.send_message("first")
        try:
            await discord.InteractionResponse(interaction).send_message("second")
        except discord.HTTPException as exc:
            await interaction.followup.send(f"second refused {exc.status}/{exc.code}")

    @tree.command(description="A chart as a file")
    async def chart(interaction: discord.Interaction) -> None:
        await interaction.response.send_message(
            "your chart", file=discord.File(io.BytesIO(PNG), "chart.png")
        )

    @tree.command(description="Reads an uploaded file")
    async def upload(interaction: discord.Interaction, file: discord.Attachment) -> None:
        data = await file.read()
        await interaction.response.send_message(f"{file.filename}: {len(data)} bytes, {data[:4]!r}")

    @tree.command(description="Posts to the announcements channel")
    async def announce(interaction: discord.Interaction, text: str) -> None:
        channel = bot.get_partial_messageable(bot.announce_channel_id)
        try:
            await channel.send(text)
        except discord.HTTPException as exc:
            await interaction.response.send_message(
                f"cannot post: {exc.status}/{exc.code}", ephemeral=True
            )
        else:
            await interaction.response.send_message("posted", ephemeral=True)

    @tree.command(description="Pick a pace")
    async def pace(interaction: discord.Interaction, private: bool = False) -> None:
        await interaction.response.send_message("choose", view=PaceSelect(), ephemeral=private)

    @tree.command(description="Session feedback")
    async def feedback(interaction: discord.Interaction) -> None:
        await interaction.response.send_modal(FeedbackModal())

    @tree.command(description="Sends a DM")
    async def remind(interaction: discord.Interaction) -> None:
        await interaction.user.send("do your strides")
        await interaction.response.send_message("sent", ephemeral=True)

    @tree.command(description="Admins only")
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.guild_only()
    async def settings(interaction: discord.Interaction) -> None:
        await interaction.response.send_message("settings")

    wod = app_commands.Group(name="wod", description="Workout of the day")

    @wod.command(name="post", description="Post the workout of the day")
    async def wod_post(interaction: discord.Interaction, workout: str) -> None:
        await interaction.response.send_message(f"WOD: {workout}", view=WodView())

    tree.add_command(wod)

    async def log_from_message(interaction: discord.Interaction, message: discord.Message) -> None:
        await interaction.response.send_message(
            f"splits from {message.author.name}: {message.content}", ephemeral=True
        )

    async def profile(interaction: discord.Interaction, member: discord.Member) -> None:
        await interaction.response.send_message(f"profile of {member.name}")

    tree.add_command(app_commands.ContextMenu(name="Log splits", callback=log_from_message))
    tree.add_command(app_commands.ContextMenu(name="Profile", callback=profile))


@dataclass
class Env:
    discord: LocalDiscord
    clock: ManualClock
    guild: Guild
    ana: Member
    coach: Member
    training: Channel
    bot: SampleBot


@pytest.fixture
async def env() -> AsyncIterator[Env]:
    clock = ManualClock()
    async with LocalDiscord(clock=clock) as local:
        guild = local.add_guild("Track Club")
        guild.add_role("coach", permissions=MANAGE_GUILD)
        ana = guild.add_member("ana")
        coach = guild.add_member("carla", roles=["coach"])
        training = guild.add_channel("training")
        async with local.run_bot(SampleBot, guild_ready_timeout=0.01) as bot:
            await bot.tree.sync()
            yield Env(local, clock, guild, ana, coach, training, bot)
