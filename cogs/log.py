"""/log, the **Log splits** message menu, and /session show|edit|delete."""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot import logbook
from bot.charts import render_session
from bot.early_acks import EarlyDefer
from bot.embeds import clip, fit, report_embed, safe
from bot.errors import UserError
from bot.permissions import is_coach
from bot.ratelimit import RateLimiter
from bot.training import ParseError
from bot.training.chat import find_log
from bot.training.dates import parse_session_date
from bot.training.report import render
from bot.ui import PacerModal, PacerView
from storage import GuildSettings, LogCheck, NewSession, SessionEdit, SessionRow

if TYPE_CHECKING:
    from bot.pacer import Pacer

log = logging.getLogger(__name__)

LOG_EXAMPLE = "/log splits: 2:26 / 2:28 / 2:26 workout: 6x1k @ 2:26 w/ 90s date: yesterday"
MENU_EXAMPLE = "6x1k today: 2:26 / 2:28 / 2:26 / 2:27 / 2:26 / 2:24 felt strong"
SINGLE_EXAMPLE = "/log splits: 20:05 workout: 20 min tempo"
SHOW_EXAMPLE = "/session show id: 12"
EDIT_EXAMPLE = "/session edit id: 12 splits: 2:26 2:27 2:25"
CLEAR_NOTES_EXAMPLE = "/session edit id: 12 clear_notes: True"
DELETE_EXAMPLE = "/session delete id: 12"
# Sessions one athlete may log in an hour, and in a minute: guards against a runaway script or
# a stuck key, not quotas.
LOG_RATE_PER_HOUR = 30
LOG_RATE_PER_MINUTE = 10
# Edits and deletions of sessions one member may make in a minute (same reason).
SESSION_CHANGES_PER_MINUTE = 20
# /log storing and answering at once, after their defer. The store has one connection and the
# charts one worker process, so more in flight only queue there.
LOG_STORING_AT_ONCE = 8


@dataclass(frozen=True, slots=True)
class Stored:
    """A session just stored, with what its answer shows."""

    reading: logbook.Reading
    units: str
    session_id: int
    from_wod: bool  # the workout of the day stood in for a workout not given
    title: str
    chart: bytes | None  # the session's chart, PNG


@dataclass(frozen=True, slots=True)
class EarlyLog:
    """What a /log's early defer read and counted, for its handler."""

    texts: logbook.Texts
    member: tuple[int, int]  # (guild id, athlete id)
    counted_at: dt.datetime  # its place under the minute's limit, taken when it was deferred


def guild_only(interaction: discord.Interaction[Any]) -> int:
    if interaction.guild_id is None:
        raise UserError("Pacer keeps a team's sessions per server: use this in a server.")
    return interaction.guild_id


def bounded(value: str | None, limit: int, what: str, example: str) -> str | None:
    """A user-supplied text, stripped, within its bound (Discord's max_length is not enforced)."""
    if value is None:
        return None
    value = value.strip()
    if len(value) > limit:
        raise UserError(f"The {what} is {len(value)} characters long; at most {limit}.", example)
    return value or None


def read_date(text: str | None, settings: GuildSettings, now: dt.datetime) -> dt.date:
    today = logbook.team_today(settings, now)
    if not text:
        return today
    try:
        return parse_session_date(text, today)
    except ParseError as err:
        raise UserError(f"Couldn't read the date: {err}") from None


def read_texts(
    splits: str, workout: str | None, athlete: Any
) -> logbook.Reading:
    try:
        return logbook.read(splits, workout, athlete)
    except logbook.LogInputError as err:
        raise UserError(str(err)) from None


def parse_texts(splits: str, workout: str | None) -> logbook.Texts:
    try:
        return logbook.parse_texts(splits, workout)
    except logbook.LogInputError as err:
        raise UserError(str(err)) from None


def already_logged(session_id: int) -> UserError:
    return UserError(f"Already logged as session #{session_id}.",
                     f"/session show id: {session_id}")


async def withdraw_thinking(interaction: discord.Interaction[Any]) -> None:
    """Delete a deferred answer's public "thinking" message, so the error that follows can be
    ephemeral (after a public defer the first follow-up would take that message's place, in
    view of the whole channel). Once per interaction."""
    if interaction.extras.get(_WITHDRAWN):
        return
    interaction.extras[_WITHDRAWN] = True
    try:
        await interaction.delete_original_response()
    except discord.HTTPException as exc:
        log.warning("could not withdraw the answer to interaction %s: %s", interaction.id, exc)


_WITHDRAWN = "pacer.log.withdrawn"


async def session_chart_png(bot: Pacer, reading: logbook.Reading, title: str,
                            units: str) -> bytes | None:
    data = logbook.session_chart(reading.analysis, reading.workout, title, units)
    if data is None:
        return None
    try:
        return await bot.charts.render(render_session, data)
    except Exception:
        log.exception("session chart failed; replying without it")
        return None


def png_file(png: bytes, name: str) -> discord.File:
    return discord.File(io.BytesIO(png), filename=name)


class LogCog(commands.Cog, name="Log"):
    def __init__(self, bot: Pacer) -> None:
        self.bot = bot
        self.menu = app_commands.ContextMenu(
            name="Log splits", callback=self.log_from_message, extras={"example": MENU_EXAMPLE}
        )
        self.menu.guild_only = True
        self.burst = RateLimiter(LOG_RATE_PER_MINUTE, dt.timedelta(minutes=1), bot.now,
                                 what="logged {n} sessions")
        # The sessions each member logged in the last hour, as far as memory goes (since the
        # bot started): whether a /log may be deferred early (the store's count decides).
        self.logged_hour = RateLimiter(LOG_RATE_PER_HOUR, dt.timedelta(hours=1), bot.now,
                                       what="logged {n} sessions")
        self.changes = RateLimiter(SESSION_CHANGES_PER_MINUTE, dt.timedelta(minutes=1), bot.now,
                                   what="changed sessions {n} times")
        # After its defer (and the others', bot.acks), a /log waits here to store and answer: a
        # burst's acknowledgements are not held up behind a thousand stores, charts and
        # follow-ups (bench/load.py).
        self.storing = asyncio.Semaphore(LOG_STORING_AT_ONCE)

    async def cog_load(self) -> None:
        self.bot.tree.add_command(self.menu)
        self.bot.early.register(self.log_command.name, self.early_defer, self.early_undone)

    async def cog_unload(self) -> None:
        self.bot.early.unregister(self.log_command.name)
        self.bot.tree.remove_command(self.menu.name, type=self.menu.type)

    def early_defer(self, data: dict[str, Any]) -> EarlyDefer | None:
        """/log's defer from its gateway event (bot/early_acks.py), where memory alone says its
        handler will not refuse it: its texts read, the member under the minute's limit (a /log
        deferred here takes its place under it at once, so that the handlers that come later
        do not overtake it) and under the hour's as far as this process counted (with their
        /log deferred here and not handled yet), and no date given (reading one needs the date
        parser and the team's time zone). Public or ephemeral by the athlete's privacy, which
        the store keeps in memory. Otherwise None: the handler refuses or defers as ever."""
        guild, member = data.get("guild_id"), data.get("member")
        if guild is None or not isinstance(member, dict):
            return None
        options = {o.get("name"): o.get("value") for o in data["data"].get("options") or ()}
        if options.get("date") is not None:
            return None
        try:
            splits = bounded(options.get("splits"), logbook.MAX_SPLITS_TEXT, "splits", "")
            workout = bounded(options.get("workout"), logbook.MAX_WORKOUT_TEXT, "workout", "")
            bounded(options.get("notes"), logbook.MAX_NOTES, "notes", "")
            if splits is None:
                return None
            texts = logbook.parse_texts(splits, workout)
        except (UserError, logbook.LogInputError):
            return None
        guild_id, user_id = int(guild), int(member["user"]["id"])
        key = (guild_id, user_id)
        if (self.burst.count(key) >= LOG_RATE_PER_MINUTE
                or self.logged_hour.count(key) + self.bot.early.waiting(guild_id, user_id)
                >= LOG_RATE_PER_HOUR):
            return None
        return EarlyDefer(ephemeral=self.bot.store.hidden(guild_id, user_id),
                          prepared=EarlyLog(texts, key, self.burst.record(key)))

    def early_undone(self, early: EarlyDefer) -> None:
        """A /log deferred early that its handler will not log (its defer failed, or it never
        reached the handler): its place under the minute's limit is given back."""
        prepared: EarlyLog = early.prepared
        self.burst.uncount(prepared.member, prepared.counted_at)

    # -- logging ------------------------------------------------------------------------------

    async def log_session(
        self,
        interaction: discord.Interaction[Any],
        *,
        athlete: discord.abc.User,
        splits: str,
        workout: str | None,
        date_text: str | None,
        notes: str | None,
        message: discord.Message | None = None,
        early: EarlyDefer | None = None,
    ) -> None:
        """Read, store and reply: the shared path of /log and the Log splits modal.

        Whatever can refuse the session comes first, so that a refusal is the first answer, and
        ephemeral: the per-minute limit and the texts (pure, no I/O), then one store hop for
        the team's settings (its day, for the date) and the hourly count. Then the defer: the
        acknowledgement Discord wants within 3 s does not wait for the store, however many
        /log are in flight. Reading the profile and the workout of the day and storing follow;
        the answer is sent only once the session is committed. A failure in between withdraws
        the public "thinking" message and is answered ephemerally; nothing was stored (the
        session and its reps are written in one transaction).

        A /log deferred from its gateway event (`early`) was checked there for what memory can
        tell (`early_defer`); the rest (the store's count, the privacy it reads) is checked
        here after its defer, and a refusal then follows the withdrawn "thinking" message.
        """
        guild_id = guild_only(interaction)
        key = (guild_id, athlete.id)
        # Counted from its check (a burst of /log cannot all pass before one is stored); a
        # refused or failed one is not counted.
        with self.burst.hold(key, counted=None if early is None else early.prepared.counted_at):
            await self._log(interaction, athlete, splits, workout, date_text, notes, message,
                            early)
        self.logged_hour.record(key)

    async def _log(
        self,
        interaction: discord.Interaction[Any],
        athlete: discord.abc.User,
        splits: str,
        workout: str | None,
        date_text: str | None,
        notes: str | None,
        message: discord.Message | None,
        early: EarlyDefer | None,
    ) -> None:
        guild_id = guild_only(interaction)
        if early is None:
            with self.bot.acks.acknowledging():
                texts = parse_texts(splits, workout)
                check, day = await self._check(guild_id, athlete, date_text, message)
                # A hidden athlete's session is for them and the coaches: the answer is theirs.
                await interaction.response.defer(thinking=True, ephemeral=check.hidden)
        else:
            texts = early.prepared.texts
            check, day = await self._check(guild_id, athlete, date_text, message)
            if check.hidden != early.ephemeral:
                # The athlete's privacy changed on the way: the answer goes as it says now, in
                # a message of its own.
                await withdraw_thinking(interaction)
        settings = check.settings
        # Storing, the chart and the answer wait for the others' acknowledgements (3 s for
        # those; 15 minutes for this answer): a burst's defers do not queue behind them.
        await self.bot.acks.wait()
        async with self.storing:
            try:
                stored = await self._store(interaction, athlete, texts, workout, day, notes,
                                           message, settings)
            except Exception:
                await withdraw_thinking(interaction)
                raise
            reading, units, title, png = stored.reading, stored.units, stored.title, stored.chart
            embed = session_embed(reading, title, units, stored.session_id,
                                  athlete.display_name, day, notes, from_wod=stored.from_wod)
            if png is None:
                await interaction.followup.send(embed=embed, ephemeral=check.hidden)
            else:
                embed.set_image(url="attachment://session.png")
                await interaction.followup.send(embed=embed, file=png_file(png, "session.png"),
                                                ephemeral=check.hidden)

    async def _check(
        self,
        guild_id: int,
        athlete: discord.abc.User,
        date_text: str | None,
        message: discord.Message | None,
    ) -> tuple[LogCheck, dt.date]:
        """What refuses a /log from the store (one hop): a message logged already, the hourly
        count. The check, and the session's day (the team's today unless `date_text`)."""
        now = self.bot.now()
        check = await self.bot.store.log_check(
            guild_id, athlete.id, now - dt.timedelta(hours=1),
            message_id=None if message is None else message.id)
        if check.logged_as is not None:
            raise already_logged(check.logged_as)
        day = read_date(date_text, check.settings, now)
        if check.recent >= LOG_RATE_PER_HOUR:
            raise UserError(
                f"That is {LOG_RATE_PER_HOUR} sessions logged in the last hour: try again later."
            )
        return check, day

    async def _store(
        self,
        interaction: discord.Interaction[Any],
        athlete: discord.abc.User,
        texts: logbook.Texts,
        workout: str | None,
        day: dt.date,
        notes: str | None,
        message: discord.Message | None,
        settings: GuildSettings,
    ) -> Stored:
        """The store's part of a /log, after the defer. UserError if the message or the
        interaction was logged already."""
        guild_id = settings.guild_id
        store = self.bot.store
        profile = await logbook.athlete_profile(store, guild_id, athlete.id, settings)
        wod_id = None
        if workout is None:
            wod = await store.wod_for_day(guild_id, day)
            if wod is not None and wod.status in ("posted", "scheduled", "posting"):
                wod_id = wod.id
                try:
                    texts = logbook.parse_texts(texts.splits.text, wod.workout_text)
                    workout = wod.workout_text
                except logbook.LogInputError:
                    pass  # the coach's workout is not in a form Pacer reads: the splits alone
        try:
            reading = logbook.analysed(texts, profile)
        except logbook.LogInputError as err:  # too many reps with the workout of the day
            raise UserError(str(err)) from None
        w = reading.workout
        # Drawn before the session is stored, not after: once it is committed only the reply is
        # left to send, so a bot killed in between leaves no session without its answer for
        # the time a drawing takes (the first one of a process loads matplotlib).
        title = logbook.title_of(w, len(reading.splits_s))
        png = await session_chart_png(self.bot, reading, title, profile.units)
        result = await store.log_session(
            NewSession(
                guild_id=guild_id,
                athlete_id=athlete.id,
                athlete_name=clip(athlete.display_name, 100),
                day=day,
                workout_text=workout,
                workout_json=None if w is None else w.to_dict(),
                workout_key=None if w is None or not w.reps else w.key,
                splits_text=texts.splits.text,
                splits_s=reading.splits_s,
                notes=notes,
                wod_id=wod_id,
                channel_id=interaction.channel_id,
                message_id=None if message is None else message.id,
                interaction_id=interaction.id if message is None else None,
                reps=logbook.rep_rows(reading.analysis),
            )
        )
        if not result.created:  # the same message logged twice at once, or a replay
            raise already_logged(result.session_id)
        return Stored(reading, profile.units, result.session_id, wod_id is not None, title, png)

    @app_commands.command(
        name="log",
        description="Log a session: your splits, and the workout they belong to",
        extras={"example": LOG_EXAMPLE},
    )
    @app_commands.guild_only()
    @app_commands.describe(
        splits="Your rep times, e.g. 2:26 / 2:28 / 2:26",
        workout="The workout, e.g. 6x1k @ 2:26 w/ 90s (default: today's workout of the day)",
        date="When you ran it: today, yesterday, tuesday, 2 days ago, July 13th, 2026-07-13",
        notes="Anything to remember about it",
    )
    async def log_command(
        self,
        interaction: discord.Interaction[Any],
        splits: app_commands.Range[str, 1, logbook.MAX_SPLITS_TEXT],
        workout: app_commands.Range[str, 1, logbook.MAX_WORKOUT_TEXT] | None = None,
        date: app_commands.Range[str, 1, logbook.MAX_DATE_TEXT] | None = None,
        notes: app_commands.Range[str, 1, logbook.MAX_NOTES] | None = None,
    ) -> None:
        early = await self.bot.early.take(interaction)
        try:
            splits_text = bounded(splits, logbook.MAX_SPLITS_TEXT, "splits", LOG_EXAMPLE)
            if splits_text is None:
                raise UserError("Give your splits: at least one time such as 2:26.", LOG_EXAMPLE)
            await self.log_session(
                interaction,
                athlete=interaction.user,
                splits=splits_text,
                workout=bounded(workout, logbook.MAX_WORKOUT_TEXT, "workout", LOG_EXAMPLE),
                date_text=bounded(date, logbook.MAX_DATE_TEXT, "date", LOG_EXAMPLE),
                notes=bounded(notes, logbook.MAX_NOTES, "notes", LOG_EXAMPLE),
                early=early,
            )
        except Exception:
            if early is not None:  # the refusal or failure is answered privately
                await withdraw_thinking(interaction)
            raise

    async def log_from_message(
        self, interaction: discord.Interaction[Any], message: discord.Message
    ) -> None:
        guild_id = guild_only(interaction)
        settings = await self.bot.store.guild_settings(guild_id)
        if message.author.id != interaction.user.id and not is_coach(interaction.user, settings):
            raise UserError("Only the message's author or a coach can log its splits.")
        if message.author.bot:
            raise UserError("That message is from a bot: log splits from an athlete's message.")
        try:
            found = find_log(message.content or "")
        except ParseError as err:
            # A tempo or a race is one time, which a chat message cannot tell from a pace.
            raise UserError(f"{err}\nOne time alone (a tempo, a race)? Log it with /log.",
                            SINGLE_EXAMPLE) from None
        await interaction.response.send_modal(LogModal(self, message, found))

    # -- one session ----------------------------------------------------------------------------

    session = app_commands.Group(
        name="session", description="Show, edit or delete one of your sessions", guild_only=True
    )

    async def _own_session(
        self, interaction: discord.Interaction[Any], session_id: int, *, to_change: bool
    ) -> tuple[SessionRow, GuildSettings]:
        guild_id = guild_only(interaction)
        store = self.bot.store
        settings = await store.guild_settings(guild_id)
        coach = is_coach(interaction.user, settings)
        row = await store.session(
            guild_id, session_id, viewer_id=interaction.user.id, include_hidden=coach
        )
        if row is None:
            raise UserError(f"There is no session #{session_id} you can see in this server.",
                            "/sessions")
        if to_change and row.athlete_id != interaction.user.id and not coach:
            raise UserError(f"Session #{session_id} is not yours: only its athlete or a coach "
                            "can change it.")
        return row, settings

    @session.command(name="show", description="Show one session with its analysis",
                     extras={"example": SHOW_EXAMPLE})
    @app_commands.describe(id="The session's number (#12 in /sessions)")
    async def show(
        self, interaction: discord.Interaction[Any], id: app_commands.Range[int, 1, 2**53]
    ) -> None:
        row, settings = await self._own_session(interaction, id, to_change=False)
        profile = await logbook.athlete_profile(self.bot.store, row.guild_id, row.athlete_id,
                                                settings)
        analysis = logbook.row_analysis(row, profile)
        title = row.workout_key or logbook.title_of(None, len(row.splits_s))
        if row.workout_text:
            title = row.workout_text
        embed = report_embed(render(analysis, profile.units), title,
                             footer=f"Session #{row.id} · {row.athlete_name} · "
                                    f"{row.day.isoformat()}")
        if row.notes:
            embed.add_field(name="Notes from the athlete", value=safe(row.notes, 1024),
                            inline=False)
        await interaction.response.send_message(embed=fit(embed), ephemeral=True)

    @session.command(name="edit", description="Change a session's splits, workout, date or notes",
                     extras={"example": EDIT_EXAMPLE})
    @app_commands.describe(id="The session's number", splits="The corrected splits",
                           workout="The corrected workout", date="The corrected day",
                           notes="New notes", clear_notes="True: remove the session's notes")
    async def edit(
        self,
        interaction: discord.Interaction[Any],
        id: app_commands.Range[int, 1, 2**53],
        splits: app_commands.Range[str, 1, logbook.MAX_SPLITS_TEXT] | None = None,
        workout: app_commands.Range[str, 1, logbook.MAX_WORKOUT_TEXT] | None = None,
        date: app_commands.Range[str, 1, logbook.MAX_DATE_TEXT] | None = None,
        notes: app_commands.Range[str, 1, logbook.MAX_NOTES] | None = None,
        clear_notes: bool | None = None,
    ) -> None:
        # Discord sends no empty text option, so removing notes needs an option of its own.
        if clear_notes and notes is not None:
            raise UserError("Give new notes or clear them, not both.", CLEAR_NOTES_EXAMPLE)
        if splits is None and workout is None and date is None and notes is None and (
            not clear_notes
        ):
            raise UserError("Say what to change: splits, workout, date or notes.", EDIT_EXAMPLE)
        row, settings = await self._own_session(interaction, id, to_change=True)
        if workout is not None and row.wod_id is not None:
            # The session stays in the WOD's results: another workout there would be wrong.
            raise UserError(
                f"Session #{id} is your log of workout of the day #{row.wod_id}: its workout "
                "is the coach's. Correct the splits, date or notes here; log another workout "
                "with /log.", EDIT_EXAMPLE)
        changer = (row.guild_id, interaction.user.id)
        self.changes.check(changer)  # at once, before reading anything
        splits_text = bounded(splits, logbook.MAX_SPLITS_TEXT, "splits", EDIT_EXAMPLE)
        workout_text = bounded(workout, logbook.MAX_WORKOUT_TEXT, "workout", EDIT_EXAMPLE)
        notes_text = bounded(notes, logbook.MAX_NOTES, "notes", EDIT_EXAMPLE)
        date_text = bounded(date, logbook.MAX_DATE_TEXT, "date", EDIT_EXAMPLE)
        day = read_date(date_text, settings, self.bot.now()) if date_text else row.day
        splits_text = splits_text or row.splits_text or " ".join(
            logbook._clock(s) for s in row.splits_s
        )
        workout_text = workout_text or row.workout_text
        profile = await logbook.athlete_profile(self.bot.store, row.guild_id, row.athlete_id,
                                                settings)
        reading = read_texts(splits_text, workout_text, profile)
        w = reading.workout
        with self.changes.hold(changer):
            edited = await self.bot.store.edit_session(
                row.guild_id,
                row.id,
                SessionEdit(
                    workout_text=workout_text,
                    workout_json=None if w is None else w.to_dict(),
                    workout_key=None if w is None or not w.reps else w.key,
                    splits_text=splits_text,
                    splits_s=reading.splits_s,
                    notes=None if clear_notes else notes_text or row.notes,
                    day=day,
                    reps=logbook.rep_rows(reading.analysis),
                ),
            )
            if edited is None:
                raise UserError(f"Session #{id} is gone: it was deleted meanwhile.")
        embed = report_embed(render(reading.analysis, profile.units),
                             logbook.title_of(w, len(reading.splits_s)),
                             footer=f"Session #{edited.id} edited · {edited.day.isoformat()}")
        await interaction.response.send_message(embed=embed, ephemeral=True)

    @session.command(name="delete", description="Delete one of your sessions",
                     extras={"example": DELETE_EXAMPLE})
    @app_commands.describe(id="The session's number")
    async def delete(
        self, interaction: discord.Interaction[Any], id: app_commands.Range[int, 1, 2**53]
    ) -> None:
        row, _ = await self._own_session(interaction, id, to_change=True)
        self.changes.check((row.guild_id, interaction.user.id))
        await interaction.response.send_message(
            f"Delete session #{row.id} ({logbook.one_line(row)})? This cannot be undone.",
            view=ConfirmDelete(self, row.guild_id, row.id, interaction.user.id),
            ephemeral=True,
        )


def session_embed(
    reading: logbook.Reading,
    title: str,
    units: str,
    session_id: int,
    athlete_name: str,
    day: dt.date,
    notes: str | None,
    *,
    from_wod: bool = False,
) -> discord.Embed:
    footer = f"Session #{session_id} · {athlete_name} · {day.isoformat()}"
    if from_wod:
        footer += " · workout of the day"
    embed = report_embed(render(reading.analysis, units), title, footer=footer)
    if notes:
        embed.add_field(name="Notes from the athlete", value=safe(notes, 1024), inline=False)
    return fit(embed)


class ConfirmDelete(PacerView):
    def __init__(self, cog: LogCog, guild_id: int, session_id: int, user_id: int) -> None:
        super().__init__(timeout=300)
        self.cog = cog
        self.bot = cog.bot
        self.guild_id = guild_id
        self.session_id = session_id
        self.user_id = user_id

    @discord.ui.button(label="Delete", style=discord.ButtonStyle.danger)
    async def confirm(self, interaction: discord.Interaction[Any], button: Any) -> None:
        settings = await self.bot.store.guild_settings(self.guild_id)
        row = await self.bot.store.session(self.guild_id, self.session_id, include_hidden=True)
        if row is None:
            raise UserError(f"Session #{self.session_id} is already gone.")
        if row.athlete_id != interaction.user.id and not is_coach(interaction.user, settings):
            raise UserError("Only the session's athlete or a coach can delete it.")
        # Checked again: confirmations left open meanwhile.
        with self.cog.changes.hold((self.guild_id, interaction.user.id)):
            await self.bot.store.delete_session(self.guild_id, self.session_id)
        await interaction.response.edit_message(
            content=f"Session #{self.session_id} deleted.", view=None
        )

    @discord.ui.button(label="Keep it", style=discord.ButtonStyle.secondary)
    async def cancel(self, interaction: discord.Interaction[Any], button: Any) -> None:
        await interaction.response.edit_message(
            content=f"Kept session #{self.session_id}.", view=None
        )


class LogModal(PacerModal, title="Log splits"):
    """What was found in the message, to confirm or correct before logging."""

    def __init__(self, cog: LogCog, message: discord.Message, found: Any) -> None:
        super().__init__(timeout=900)
        self.cog = cog
        self.message = message
        self.workout: discord.ui.TextInput[Any] = discord.ui.TextInput(
            label="Workout", custom_id="workout", required=False,
            max_length=logbook.MAX_WORKOUT_TEXT, default=clip(found.workout_text or "", 300),
            placeholder="6x1k @ 2:26 w/ 90s (empty: today's workout of the day)",
        )
        self.splits: discord.ui.TextInput[Any] = discord.ui.TextInput(
            label="Splits", custom_id="splits", style=discord.TextStyle.paragraph,
            max_length=logbook.MAX_SPLITS_TEXT, default=clip(found.splits_text, 1000),
        )
        self.date: discord.ui.TextInput[Any] = discord.ui.TextInput(
            label="Date", custom_id="date", required=False, max_length=logbook.MAX_DATE_TEXT,
            default=clip(found.date_text or "", 40), placeholder="today",
        )
        self.notes: discord.ui.TextInput[Any] = discord.ui.TextInput(
            label="Notes", custom_id="notes", required=False, style=discord.TextStyle.paragraph,
            max_length=logbook.MAX_NOTES, default=clip(found.notes or "", logbook.MAX_NOTES),
        )
        for item in (self.workout, self.splits, self.date, self.notes):
            self.add_item(item)

    async def on_submit(self, interaction: discord.Interaction[Any]) -> None:
        splits = bounded(self.splits.value, logbook.MAX_SPLITS_TEXT, "splits", MENU_EXAMPLE)
        if splits is None:
            raise UserError("Give the splits: at least one time such as 2:26.", MENU_EXAMPLE)
        await self.cog.log_session(
            interaction,
            athlete=self.message.author,
            splits=splits,
            workout=bounded(self.workout.value, logbook.MAX_WORKOUT_TEXT, "workout",
                            MENU_EXAMPLE),
            date_text=bounded(self.date.value, logbook.MAX_DATE_TEXT, "date", MENU_EXAMPLE),
            notes=bounded(self.notes.value, logbook.MAX_NOTES, "notes", MENU_EXAMPLE),
            message=self.message,
        )


async def setup(bot: Pacer) -> None:
    await bot.add_cog(LogCog(bot))
