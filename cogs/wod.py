"""/wod: the coach's workout of the day, posted now or on schedule; athletes log against it.

Thin: the dispatcher (`bot.scheduler`) publishes through `bot.wod_publisher`, `bot.wod_embeds`
lays out, the store keeps everything; this module turns interactions into calls to them. The
post's buttons (`bot.wod_buttons`) are dynamic items registered here, so they survive restarts.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import discord
from discord import app_commands
from discord.ext import commands

from bot import logbook
from bot.autocomplete import always_answers
from bot.errors import UserError
from bot.permissions import interaction_is_coach, require_coach
from bot.ratelimit import RateLimiter
from bot.scheduler import LATE_AFTER, WodDispatcher
from bot.training import Workout, parse_workout
from bot.training.dates import parse_when
from bot.training.report import render
from bot.tree import answer_error
from bot.wod_buttons import (
    LogSplitsButton,
    TargetsButton,
    submit_log_form,
    submitted_form,
    wod_view,
)
from bot.wod_embeds import (
    COLOUR,
    analysis_embed,
    clip,
    list_embed,
    plain_title,
    results_embed,
    safe,
    when_text,
    wod_embed,
    wod_title,
)
from bot.wod_log import log_against_wod, workout_key
from bot.wod_publisher import DiscordPublisher, team_zone
from bot.wod_text import athlete_target_lines, paces_text, target_lines, team_rows
from storage import NewWod, SessionRow, WodDraft, WodRow
from storage.records import WodStatus

if TYPE_CHECKING:
    from bot.pacer import Pacer

log = logging.getLogger(__name__)

MAX_WORKOUT = 500
MAX_WHEN = 100
MAX_TITLE = 100
MAX_CONTEXT = 1000
POSTS_PER_10_MINUTES = 20
# Logs through a post's "Log my splits" per athlete and minute (as /log's burst limit).
WOD_LOGS_PER_MINUTE = 10
# Edits, cancellations and settings changes per coach in 10 minutes.
WOD_CHANGES_PER_10_MINUTES = 30
POST_EXAMPLE = "/wod post workout: 6 x 1000m @ 3:20 w/ 90s jog when: tomorrow 6am"
EDIT_EXAMPLE = "/wod edit id: 12 when: monday 5:30pm"
WORKOUT_EXAMPLE = "6 x 1000m @ 3:20 w/ 90s jog"
# How long a /wod post or /wod edit form may stay open before its draft is forgotten.
DRAFT_KEEP = dt.timedelta(days=1)
CHART_NAME = "team.png"


@dataclass(frozen=True, slots=True)
class Draft:
    """A checked /wod post or /wod edit, waiting for the coach's context notes."""

    workout: Workout | None
    publish_at: dt.datetime | None  # None: now (post) / unchanged (edit)
    channel_id: int | None
    title: str | None
    tz: ZoneInfo
    wod_id: int | None = None  # set when editing


def context_form_id(draft_id: int) -> str:
    return f"pacer:wod-draft:{draft_id}"


CONTEXT_FORM_ID = re.compile(r"pacer:wod-draft:(?P<id>\d{1,19})")


class ContextModal(discord.ui.Modal):
    """The notes form of /wod post and /wod edit. Its draft is stored and named by its custom
    id (one per form: two coaches posting at once each have their own); sent stopped, so
    discord.py keeps nothing and `Wod.submit_context_form` answers it from the custom id and
    the values alone, even after a restart."""

    def __init__(self, draft_id: int, notes: str | None = None) -> None:
        super().__init__(title="Context & details", custom_id=context_form_id(draft_id))
        self.add_item(discord.ui.TextInput(
            label="Context & details (optional)", custom_id="notes",
            style=discord.TextStyle.long, required=False, max_length=MAX_CONTEXT,
            default=notes, placeholder="Track at 6:00. Goal: even splits; jog the full 90 s.",
        ))
        self.stop()


def late_window_text(minutes: int) -> str:
    """The window the dispatcher applies (never under LATE_AFTER): `0.5 h`, `3 h`, `5 min`."""
    minutes = max(minutes, round(LATE_AFTER.total_seconds() / 60))
    return f"{minutes / 60:g} h" if minutes % 6 == 0 else f"{minutes} min"


async def shows_hidden(store: Any, guild_id: int, sessions: Sequence[SessionRow],
                       viewer_id: int) -> bool:
    """Whether these sessions include a hidden teammate's (not the viewer's own)."""
    others = {s.athlete_id for s in sessions} - {viewer_id}
    if not others:
        return False
    return any(a.hidden and a.athlete_id in others for a in await store.athletes(guild_id))


def _bounded(value: str | None, limit: int, what: str, example: str) -> str | None:
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    if len(value) > limit:
        raise UserError(f"The {what} is at most {limit} characters; yours is {len(value)}.",
                        example=example)
    return value


class Wod(commands.Cog):
    wod = app_commands.Group(
        name="wod", description="The coach's workout of the day", guild_only=True
    )

    def __init__(self, bot: Pacer) -> None:
        self.bot = bot
        # A coach may schedule a week's workouts in a row; a runaway script may not.
        self.posts = RateLimiter(POSTS_PER_10_MINUTES, dt.timedelta(minutes=10), bot.now,
                                 what="posted {n} workouts of the day")
        self.wod_logs = RateLimiter(WOD_LOGS_PER_MINUTE, dt.timedelta(minutes=1), bot.now,
                                    what="logged splits for a workout of the day {n} times")
        self.changes = RateLimiter(WOD_CHANGES_PER_10_MINUTES, dt.timedelta(minutes=10), bot.now,
                                   what="changed workouts of the day {n} times")
        self.publisher = DiscordPublisher(bot)
        self.dispatcher = WodDispatcher(
            bot.store,
            self.publisher,
            now=bot.now,
            sleep_until=getattr(bot.clock, "sleep_until", None),
            ready=bot.wait_until_ready,
        )

    async def cog_load(self) -> None:
        self.bot.add_dynamic_items(LogSplitsButton, TargetsButton)
        self.dispatcher.start()

    async def cog_unload(self) -> None:
        await self.dispatcher.stop()
        self.bot.remove_dynamic_items(LogSplitsButton, TargetsButton)

    # -- helpers --------------------------------------------------------------------------------

    async def _zone(self, guild_id: int) -> ZoneInfo:
        return team_zone((await self.bot.store.guild_settings(guild_id)).timezone)

    def _guild_id(self, interaction: discord.Interaction[Any]) -> int:
        if interaction.guild_id is None:
            raise UserError("Workouts of the day live in a server, not in direct messages.")
        return interaction.guild_id

    async def _wod(self, interaction: discord.Interaction[Any], wod_id: int) -> WodRow:
        row = await self.bot.store.wod(self._guild_id(interaction), wod_id)
        if row is None:
            raise UserError(f"There is no workout of the day #{wod_id} in this server.",
                            example="/wod list")
        return row

    async def button_wod(self, interaction: discord.Interaction[Any], wod_id: int) -> WodRow:
        """The WOD a post's button belongs to (it may be gone: the team was forgotten)."""
        return await self._wod(interaction, wod_id)

    def _read_workout(self, text: str) -> Workout:
        workout = parse_workout(text)  # ParseError: the tree answers with what and where
        if not workout.reps:
            raise UserError("That workout has no reps to run.", example=WORKOUT_EXAMPLE)
        too_long = logbook.oversized(workout)
        if too_long is not None:
            raise UserError(too_long, example=WORKOUT_EXAMPLE)
        return workout

    async def _draft(
        self,
        interaction: discord.Interaction[Any],
        *,
        workout: str | None,
        when: str | None,
        channel: discord.abc.GuildChannel | None,
        title: str | None,
        wod_id: int | None = None,
    ) -> Draft:
        guild_id = self._guild_id(interaction)
        example = EDIT_EXAMPLE if wod_id else POST_EXAMPLE
        workout = _bounded(workout, MAX_WORKOUT, "workout", example)
        when = _bounded(when, MAX_WHEN, "time to post", example)
        title = _bounded(title, MAX_TITLE, "title", example)
        tz = await self._zone(guild_id)
        parsed = self._read_workout(workout) if workout is not None else None
        publish_at = None
        if when is not None:
            publish_at = parse_when(when, self.bot.now().astimezone(tz))
        channel_id = channel.id if channel is not None else None
        if channel is not None and not isinstance(channel, discord.abc.Messageable):
            raise UserError(f"#{channel.name} is not a channel Pacer can post in.")
        return Draft(parsed, publish_at, channel_id, title, tz, wod_id)

    async def _check_can_post(
        self, interaction: discord.Interaction[Any], channel_id: int | None
    ) -> None:
        """Refuse at once a channel Pacer knows it cannot post in (before the coach types notes).

        Permissions can still change before a scheduled post: the dispatcher handles that.
        """
        guild = interaction.guild
        if channel_id is None and guild is not None:
            channel_id = (await self.bot.store.guild_settings(guild.id)).wod_channel_id
        if channel_id is None or channel_id == interaction.channel_id:
            channel_id = interaction.channel_id
            perms: discord.Permissions | None = interaction.app_permissions
        else:
            channel = guild.get_channel(channel_id) if guild is not None else None
            me = guild.me if guild is not None else None
            perms = channel.permissions_for(me) if channel is not None and me is not None else None
        if perms is not None and not (
            perms.view_channel and perms.send_messages and perms.embed_links
        ):
            raise UserError(
                f"Pacer cannot post in <#{channel_id}>: it needs View Channel, Send Messages and"
                " Embed Links there. Ask a server admin, or pick another channel."
            )

    # -- /wod post ------------------------------------------------------------------------------

    @wod.command(name="post", description="Publish a workout of the day, now or later (coaches)",
                 extras={"example": POST_EXAMPLE})
    @app_commands.describe(
        workout="The workout, e.g. 6 x 1000m @ 3:20 w/ 90s jog",
        when="When to post: tomorrow 6am, monday 5:30pm, in 2 hours (default: now)",
        channel="Where to post (default: the team's WOD channel, else here)",
        title="A title for the post",
    )
    async def post(
        self,
        interaction: discord.Interaction[Any],
        workout: app_commands.Range[str, 1, MAX_WORKOUT],
        when: app_commands.Range[str, 1, MAX_WHEN] | None = None,
        channel: discord.TextChannel | None = None,
        title: app_commands.Range[str, 1, MAX_TITLE] | None = None,
    ) -> None:
        await require_coach(interaction, self.bot.store, "post a workout of the day")
        self.posts.check((interaction.guild_id, interaction.user.id))
        draft = await self._draft(
            interaction, workout=workout, when=when, channel=channel, title=title
        )
        if draft.workout is None:
            raise UserError("Give the workout to post.", example=POST_EXAMPLE)
        await self._check_can_post(interaction, draft.channel_id)
        await self._open_form(interaction, draft)

    async def _open_form(
        self, interaction: discord.Interaction[Any], draft: Draft, notes: str | None = None
    ) -> None:
        """Store the draft (it outlives a restart while the coach types), then open its form."""
        saved = await self.bot.store.save_wod_draft(
            WodDraft(
                guild_id=self._guild_id(interaction),
                author_id=interaction.user.id,
                timezone=draft.tz.key,
                workout_text=None if draft.workout is None else draft.workout.text,
                publish_at=draft.publish_at,
                channel_id=draft.channel_id,
                title=draft.title,
                wod_id=draft.wod_id,
            ),
            keep_for=DRAFT_KEEP,
        )
        await interaction.response.send_modal(ContextModal(saved.id, notes))

    async def submit_context_form(self, interaction: discord.Interaction[Any]) -> bool:
        """Answer a submitted /wod post or /wod edit form (True), or leave it alone (False)."""
        form = submitted_form(interaction, CONTEXT_FORM_ID)
        if form is None:
            return False
        match, values = form
        try:
            guild_id = self._guild_id(interaction)
            draft_id = int(match["id"])
            saved = await self.bot.store.wod_draft(guild_id, draft_id)
            if saved is None or saved.author_id != interaction.user.id:
                raise UserError(
                    "This form is closed: it was already sent, or opened over a day ago. Run"
                    " the command again."
                )
            text = saved.workout_text
            draft = Draft(
                workout=None if text is None else self._read_workout(text),
                publish_at=saved.publish_at,
                channel_id=saved.channel_id,
                title=saved.title,
                tz=team_zone(saved.timezone),
                wod_id=saved.wod_id,
            )
            notes = values.get("notes")
            if draft.wod_id is None:
                await self.finish_post(interaction, draft, notes, draft_id)
            else:
                await self.finish_edit(interaction, draft, notes, draft_id)
        except Exception as error:
            await answer_error(interaction, error)
        return True

    async def finish_post(
        self, interaction: discord.Interaction[Any], draft: Draft, notes: str | None,
        draft_id: int,
    ) -> None:
        assert draft.workout is not None
        guild_id = self._guild_id(interaction)
        await interaction.response.defer(ephemeral=True, thinking=True)
        settings = await self.bot.store.guild_settings(guild_id)
        channel_id = draft.channel_id or settings.wod_channel_id or interaction.channel_id
        assert channel_id is not None
        now = self.bot.now()
        publish_at = draft.publish_at or now
        if publish_at < now - dt.timedelta(minutes=1) and draft.publish_at is not None:
            publish_at = now  # the coach took a while over the notes: post at once
        with self.posts.hold((guild_id, interaction.user.id)):  # counted while it is stored
            row = await self.bot.store.schedule_wod_from_draft(
                NewWod(
                    guild_id=guild_id,
                    author_id=interaction.user.id,
                    workout_text=draft.workout.text,
                    channel_id=channel_id,
                    day=publish_at.astimezone(draft.tz).date(),
                    publish_at=publish_at,
                    workout_json=draft.workout.to_dict(),
                    workout_key=workout_key(draft.workout),
                    notes=(notes or "").strip() or None,
                    title=draft.title,
                ),
                draft_id,
            )
        if row is None:  # the same form sent twice at once: the other one stored it
            raise UserError("This form was already sent: see /wod list.")
        if publish_at > now:
            self.dispatcher.wake()
            await interaction.followup.send(
                f"Scheduled workout of the day #{row.id} for {when_text(publish_at, draft.tz)}"
                f" in <#{channel_id}>. Change it with `/wod edit id: {row.id}`, or"
                f" `/wod cancel id: {row.id}`.",
                ephemeral=True,
            )
            return
        outcome = await self.dispatcher.handle_due(row, report=False)
        await interaction.followup.send(await self._outcome_text(row, outcome), ephemeral=True)

    async def _outcome_text(self, row: WodRow, outcome: str) -> str:
        done = await self.bot.store.wod(row.guild_id, row.id)
        if done is not None and done.status == "posted" and done.message_id:
            link = f"https://discord.com/channels/{row.guild_id}/{row.channel_id}/{done.message_id}"
            return f"Posted workout of the day #{row.id} in <#{row.channel_id}>: {link}"
        if done is not None and done.status == "failed":
            return (
                f"Could not post workout of the day #{row.id} in <#{row.channel_id}>:"
                f" {safe(done.failure or 'Discord refused it')}. It is listed as failed in"
                " `/wod list`."
            )
        return f"Workout of the day #{row.id} is being posted in <#{row.channel_id}>."

    # -- /wod edit, /wod cancel -----------------------------------------------------------------

    @wod.command(name="edit", description="Change a scheduled workout of the day (coaches)",
                 extras={"example": EDIT_EXAMPLE})
    @app_commands.describe(
        id="The workout's number (see /wod list)",
        workout="The new workout",
        when="The new time to post: tomorrow 6am, in 2 hours, now",
        channel="The new channel",
        title="The new title",
    )
    async def edit(
        self,
        interaction: discord.Interaction[Any],
        id: app_commands.Range[int, 1],
        workout: app_commands.Range[str, 1, MAX_WORKOUT] | None = None,
        when: app_commands.Range[str, 1, MAX_WHEN] | None = None,
        channel: discord.TextChannel | None = None,
        title: app_commands.Range[str, 1, MAX_TITLE] | None = None,
    ) -> None:
        await require_coach(interaction, self.bot.store, "edit a workout of the day")
        self.changes.check((interaction.guild_id, interaction.user.id))
        row = await self._wod(interaction, id)
        if row.status != "scheduled":
            raise UserError(
                f"Workout of the day #{id} is {row.status}: only scheduled ones can be edited."
            )
        draft = await self._draft(
            interaction, workout=workout, when=when, channel=channel, title=title, wod_id=id
        )
        await self._open_form(interaction, draft, notes=row.notes)

    async def finish_edit(
        self, interaction: discord.Interaction[Any], draft: Draft, notes: str | None,
        draft_id: int,
    ) -> None:
        assert draft.wod_id is not None
        guild_id = self._guild_id(interaction)
        changes: dict[str, Any] = {"notes": (notes or "").strip() or None}
        if draft.workout is not None:
            changes.update(
                workout_text=draft.workout.text,
                workout_json=draft.workout.to_dict(),
                workout_key=workout_key(draft.workout),
            )
        if draft.publish_at is not None:
            changes.update(
                publish_at=draft.publish_at, day=draft.publish_at.astimezone(draft.tz).date()
            )
        if draft.channel_id is not None:
            changes["channel_id"] = draft.channel_id
        if draft.title is not None:
            changes["title"] = draft.title
        # Checked again: forms opened before the limit was reached.
        with self.changes.hold((guild_id, interaction.user.id)):
            row = await self.bot.store.edit_wod(guild_id, draft.wod_id, **changes)
            await self.bot.store.drop_wod_draft(guild_id, draft_id)  # applied, or moot
            if row is None:
                raise UserError(
                    f"Workout of the day #{draft.wod_id} is no longer scheduled: it was posted"
                    " or cancelled meanwhile."
                )
        self.dispatcher.wake()
        await interaction.response.send_message(
            f"Updated workout of the day #{row.id}: it posts {when_text(row.publish_at, draft.tz)}"
            f" in <#{row.channel_id}>.",
            ephemeral=True,
        )

    @wod.command(name="cancel", description="Cancel a scheduled workout of the day (coaches)",
                 extras={"example": "/wod cancel id: 12"})
    @app_commands.describe(id="The workout's number (see /wod list)")
    async def cancel(
        self, interaction: discord.Interaction[Any], id: app_commands.Range[int, 1]
    ) -> None:
        await require_coach(interaction, self.bot.store, "cancel a workout of the day")
        with self.changes.hold((interaction.guild_id, interaction.user.id)):
            row = await self._wod(interaction, id)
            if not await self.bot.store.cancel_wod(row.guild_id, id):
                current = await self._wod(interaction, id)
                raise UserError(
                    f"Workout of the day #{id} is {current.status}: only scheduled ones can be"
                    " cancelled."
                )
        self.dispatcher.wake()
        await interaction.response.send_message(
            f"Cancelled workout of the day #{id}; it will not be posted.", ephemeral=True
        )

    # -- /wod today, /wod list ------------------------------------------------------------------

    @wod.command(name="today", description="Today's workout of the day",
                 extras={"example": "/wod today"})
    async def today(self, interaction: discord.Interaction[Any]) -> None:
        guild_id = self._guild_id(interaction)
        tz = await self._zone(guild_id)
        day = self.bot.now().astimezone(tz).date()
        row = await self.bot.store.wod_for_day(guild_id, day)
        if row is None:
            await interaction.response.send_message(
                f"No workout of the day for today ({day:%a %d %b}) yet.", ephemeral=True
            )
            return
        embed = wod_embed(row, self._read_workout(row.workout_text),
                          author=await self.publisher.author_name(row), tz=tz)
        if row.status == "posted":
            await interaction.response.send_message(embed=embed, view=wod_view(row.id),
                                                    ephemeral=True)
        else:
            await interaction.response.send_message(
                f"Posts {when_text(row.publish_at, tz)} in <#{row.channel_id}>:", embed=embed,
                ephemeral=True,
            )

    @wod.command(name="list", description="Upcoming and recent workouts of the day",
                 extras={"example": "/wod list"})
    async def list_(self, interaction: discord.Interaction[Any]) -> None:
        guild_id = self._guild_id(interaction)
        tz = await self._zone(guild_id)
        store = self.bot.store
        upcoming = await store.list_wods(guild_id, statuses=("scheduled", "posting"), limit=10)
        today = self.bot.now().astimezone(tz).date()
        recent = await store.list_wods(
            guild_id, statuses=("posted", "failed", "missed", "cancelled"),
            since=today - dt.timedelta(days=14), limit=10,
        )
        embed = list_embed(list(reversed(upcoming)), recent, tz, guild_id)
        await interaction.response.send_message(embed=embed, ephemeral=True)

    # -- /wod results ---------------------------------------------------------------------------

    @wod.command(name="results", description="Everyone's reps for a workout of the day",
                 extras={"example": "/wod results id: 12"})
    @app_commands.describe(id="The workout's number (default: today's, else the latest)")
    async def results(
        self, interaction: discord.Interaction[Any], id: app_commands.Range[int, 1] | None = None
    ) -> None:
        guild_id = self._guild_id(interaction)
        store = self.bot.store
        tz = await self._zone(guild_id)
        row: WodRow | None
        if id is not None:
            row = await self._wod(interaction, id)
        else:
            row = await store.wod_for_day(guild_id, self.bot.now().astimezone(tz).date())
            if row is None:
                latest = await store.list_wods(guild_id, statuses=("posted",), limit=1)
                row = latest[0] if latest else None
            if row is None:
                raise UserError("No workout of the day has been posted yet.", example="/wod list")
        coach = await interaction_is_coach(interaction, store)
        sessions = await store.wod_results(
            guild_id, row.id, viewer_id=interaction.user.id, include_hidden=coach
        )
        # A coach sees hidden athletes' reps; the rest of the channel must not.
        private = coach and await shows_hidden(store, guild_id, sessions, interaction.user.id)
        await interaction.response.defer(thinking=True, ephemeral=private)
        rows = team_rows(sessions)
        # "Nobody has logged it" would be wrong when only hidden athletes have.
        hidden_only = not rows and not coach and bool(
            await store.wod_results(guild_id, row.id, include_hidden=True))
        embed = results_embed(row, rows, tz, hidden_only=hidden_only)
        if not rows:
            await interaction.followup.send(embed=embed, ephemeral=private)
            return
        from bot.charts import AthleteReps, TeamChartData, render_team

        targets = max((r.targets for r in rows), key=lambda t: sum(x is not None for x in t))
        data = TeamChartData(
            title=plain_title(row),
            athletes=[AthleteReps(r.name, r.times_s) for r in rows],
            targets=targets if any(t is not None for t in targets) else None,
        )
        png = await self.bot.charts.render(render_team, data)
        embed.set_image(url=f"attachment://{CHART_NAME}")
        await interaction.followup.send(embed=embed, file=discord.File(io.BytesIO(png), CHART_NAME),
                                        ephemeral=private)

    # -- /wod settings --------------------------------------------------------------------------

    @wod.command(name="settings",
                 description="How late a workout of the day missed while offline may still go out",
                 extras={"example": "/wod settings late_window_hours: 3"})
    @app_commands.describe(
        late_window_hours="A post Pacer missed while offline still goes out this many hours late",
    )
    async def settings(
        self,
        interaction: discord.Interaction[Any],
        late_window_hours: app_commands.Range[float, 0, 168] | None = None,
    ) -> None:
        guild_id = self._guild_id(interaction)
        store = self.bot.store
        if late_window_hours is not None:
            await require_coach(interaction, store, "change the workout of the day settings")
            if not 0 <= late_window_hours <= 168:
                raise UserError("The late-post window is 0 to 168 hours.",
                                example="/wod settings late_window_hours: 3")
            with self.changes.hold((guild_id, interaction.user.id)):
                await store.update_guild_settings(
                    guild_id, wod_late_window_min=round(late_window_hours * 60)
                )
        s = await store.guild_settings(guild_id)
        where = f"<#{s.wod_channel_id}>" if s.wod_channel_id else "the channel /wod post is used in"
        await interaction.response.send_message(
            f"Workouts of the day go to {where} (`/pacer setup wod_channel:` changes it). One"
            " that falls due while Pacer is offline is still posted up to"
            f" {late_window_text(s.wod_late_window_min)} late; after that it is marked missed"
            " and its"
            " coach is told.",
            ephemeral=True,
        )

    # -- suggestions for `id` -------------------------------------------------------------------

    async def _id_choices(
        self, interaction: discord.Interaction[Any], current: str, statuses: tuple[WodStatus, ...]
    ) -> list[app_commands.Choice[int]]:
        if interaction.guild_id is None:
            return []
        tz = await self._zone(interaction.guild_id)
        rows = await self.bot.store.list_wods(interaction.guild_id, statuses=statuses, limit=50)
        typed = current.strip().lstrip("#")
        choices = []
        for row in rows:
            if typed and not str(row.id).startswith(typed):
                continue
            what = row.title or row.workout_key or row.workout_text
            label = f"#{row.id} · {row.publish_at.astimezone(tz):%a %d %b %H:%M} · {what}"
            choices.append(app_commands.Choice(name=clip(label, 100), value=row.id))
        return choices[:25]

    @edit.autocomplete("id")
    @cancel.autocomplete("id")
    @always_answers
    async def _scheduled_ids(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[int]]:
        return await self._id_choices(interaction, current, ("scheduled",))

    @results.autocomplete("id")
    @always_answers
    async def _posted_ids(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[int]]:
        return await self._id_choices(interaction, current, ("posted",))

    # -- buttons --------------------------------------------------------------------------------

    @commands.Cog.listener()
    async def on_form_submitted(self, interaction: discord.Interaction[Any]) -> None:
        # Forms answered from their custom id, even from before a restart (Pacer.dispatch).
        if not await submit_log_form(interaction):  # "Log my splits"
            await self.submit_context_form(interaction)  # /wod post, /wod edit

    def check_log_limit(self, interaction: discord.Interaction[Any]) -> None:
        """RateLimited when the member logged splits against WODs too often lately."""
        self.wod_logs.check((interaction.guild_id, interaction.user.id))

    async def log_splits(
        self, interaction: discord.Interaction[Any], wod: WodRow, splits: str, notes: str | None
    ) -> None:
        member = interaction.user
        # Checked again on submit (forms opened before the limit was reached), and counted
        # while it runs (forms submitted at once).
        with self.wod_logs.hold((interaction.guild_id, member.id)):
            await interaction.response.defer(ephemeral=True, thinking=True)
            settings = await self.bot.store.guild_settings(wod.guild_id)
            logged = await log_against_wod(
                self.bot.store,
                settings,
                wod,
                athlete_id=member.id,
                athlete_name=member.display_name,
                splits_text=splits,
                notes=notes,
                channel_id=interaction.channel_id,
                interaction_id=interaction.id,
            )
        tz = await self._zone(wod.guild_id)
        report = render(logged.analysis, logged.units)
        embed = analysis_embed(report, title=f"Your splits · {wod_title(wod, tz)}",
                               replaced=logged.replaced, session_id=logged.session_id)
        await interaction.followup.send(embed=embed, ephemeral=True)

    async def targets_embed(
        self, interaction: discord.Interaction[Any], wod: WodRow
    ) -> discord.Embed:
        workout = self._read_workout(wod.workout_text)
        settings = await self.bot.store.guild_settings(wod.guild_id)
        athlete = await logbook.athlete_profile(
            self.bot.store, wod.guild_id, interaction.user.id, settings
        )
        mine, notes = athlete_target_lines(workout, athlete)
        shared = [line for line in target_lines(workout) if "My targets" not in line]
        embed = discord.Embed(title=clip(f"Your targets · WOD #{wod.id}", 256),
                              colour=COLOUR)
        parts = []
        if mine:
            parts.append("\n".join(mine))
        if shared:
            parts.append("For everyone:\n" + "\n".join(shared))
        if notes:
            parts.append("\n".join(notes) + " Add a race with `/profile race: 5k 20:00`.")
        if not parts:
            parts.append("This workout gives no target times.")
        vdot = athlete.vdot
        if vdot is not None and athlete.paces is not None:
            t_fast, _ = athlete.paces.pace("T")
            threshold = paces_text(t_fast, t_fast)
            parts.append(f"From your races: VDOT {vdot:.1f} · threshold {threshold}")
        embed.description = clip("\n\n".join(parts), 4000)
        return embed


async def setup(bot: Pacer) -> None:
    await bot.add_cog(Wod(bot))


__all__ = ["Wod", "setup"]
