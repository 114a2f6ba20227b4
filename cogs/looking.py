"""/sessions (and the **Recent sessions** member menu), /progress, /pb and /profile."""

from __future__ import annotations

import datetime as dt
import re
from contextlib import nullcontext
from typing import TYPE_CHECKING, Any, Literal

import discord
from discord import app_commands
from discord.ext import commands

from bot import history, logbook
from bot.autocomplete import always_answers
from bot.charts import (
    ProgressionChartData,
    VolumeChartData,
    render_progression,
    render_volume,
)
from bot.embeds import COLOUR, clip, report_embed, safe
from bot.errors import UserError
from bot.permissions import is_coach
from bot.ratelimit import RateLimiter
from bot.training import ParseError, equivalent
from bot.training.analysis import parse_race
from bot.training.notation import parse_workout
from bot.training.report import render_equivalent, rep_time
from bot.training.units import format_race_distance, format_time
from bot.ui import answers_errors
from cogs.log import bounded, guild_only, png_file, read_date
from storage import GuildSettings, NewRaceResult

if TYPE_CHECKING:
    from bot.pacer import Pacer

SESSIONS_EXAMPLE = "/sessions athlete: @ana since: 2 weeks ago workout: 6x1k"
PROGRESS_EXAMPLE = "/progress workout: 6x1000m"
PB_EXAMPLE = "/pb athlete: @ana"
PROFILE_EXAMPLE = "/profile units: mi race: 5k 20:00"
PAGE_SIZE = 10
MAX_PAGES = 10_000  # 100,000 sessions; a page walks the athlete's index past the ones before it
VOLUME_WEEKS = 12
MAX_KEY_IN_ID = 40
MAX_WORKOUT_TEXT = 300
# Profile changes (units, privacy, a race result) one member may make in a minute: a guard
# against a runaway script adding race results, not a quota.
PROFILE_CHANGES_PER_MINUTE = 10


async def viewer_scope(
    bot: Any, interaction: discord.Interaction[Any], athlete: discord.abc.User | None
) -> tuple[int, int, bool, GuildSettings]:
    """(guild, athlete id, whether the viewer sees hidden sessions, settings); refuses a
    teammate's hidden sessions with a clear message."""
    guild_id = guild_only(interaction)
    settings = await bot.store.guild_settings(guild_id)
    coach = is_coach(interaction.user, settings)
    athlete_id = interaction.user.id if athlete is None else athlete.id
    if athlete_id != interaction.user.id and not coach:
        row = await bot.store.athlete(guild_id, athlete_id)
        if row is not None and row.hidden:
            raise UserError("That athlete keeps their sessions to themselves (coaches see them).")
    return guild_id, athlete_id, coach, settings


async def shown_privately(bot: Any, guild_id: int, athlete_id: int, viewer_id: int) -> bool:
    """Whether an answer about this athlete must be ephemeral: a coach looking at a hidden
    teammate sees their sessions, the rest of the channel must not."""
    if athlete_id == viewer_id:
        return False
    row = await bot.store.athlete(guild_id, athlete_id)
    return row is not None and row.hidden


async def athlete_name(bot: Any, guild_id: int, athlete_id: int, fallback: str) -> str:
    row = await bot.store.athlete(guild_id, athlete_id)
    return row.display_name if row is not None else fallback


def workout_key(text: str | None) -> str | None:
    if not text:
        return None
    try:
        workout = parse_workout(text)
    except ParseError as err:
        raise UserError(f"Couldn't read the workout: {err}") from None
    if not workout.reps:
        raise UserError("That workout has no reps to compare.", PROGRESS_EXAMPLE)
    return workout.key


async def sessions_page(
    bot: Any,
    guild_id: int,
    viewer_id: int,
    coach: bool,
    athlete_id: int,
    page: int,
    since: dt.date | None,
    key: str | None,
    fallback_name: str = "this athlete",
) -> tuple[discord.Embed, bool]:
    """One page of an athlete's sessions, newest first, and whether a next page exists.
    `fallback_name` names an athlete Pacer has not met yet (no session, no profile)."""
    page = max(0, min(page, MAX_PAGES - 1))
    # One page and one row more (is there a next page?), skipping the pages before it.
    want, skip = PAGE_SIZE + 1, page * PAGE_SIZE
    store = bot.store
    if key is not None:
        rows = await store.workout_history(guild_id, key, athlete_id=athlete_id, since=since,
                                           limit=want, viewer_id=viewer_id,
                                           include_hidden=coach, offset=skip)
    else:
        rows = await store.recent_sessions(guild_id, athlete_id, limit=want, viewer_id=viewer_id,
                                           include_hidden=coach, offset=skip)
        if since is not None:
            rows = [r for r in rows if r.day >= since]  # newest first: the older ones go
    shown = rows[:PAGE_SIZE]
    row = await store.athlete(guild_id, athlete_id)
    name = row.display_name if row is not None else fallback_name
    units = logbook.display_units(await store.guild_settings(guild_id), row)
    title = f"Sessions of {safe(name, 100)}"
    if key:
        title += f" · {safe(key, 60)}"
    if shown:
        text = "\n".join(logbook.one_line(r, units) for r in shown)
    elif page == 0:
        text = "No sessions logged yet." if since is None and key is None else (
            "No sessions match.")
    else:
        text = "No more sessions."
    embed = discord.Embed(title=title, description=clip(text, 4000), colour=COLOUR)
    has_next = len(rows) > PAGE_SIZE and page + 1 < MAX_PAGES
    embed.set_footer(text=f"Page {page + 1} · /session show id: N for one session")
    return embed, has_next


def page_buttons(athlete_id: int, page: int, since: dt.date | None, key: str | None,
                 has_next: bool) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    state = (athlete_id, since, key)
    view.add_item(SessionsPageButton(*state, page - 1, label="Newer", disabled=page == 0))
    view.add_item(SessionsPageButton(*state, page + 1, label="Older", disabled=not has_next))
    return view


class SessionsPageButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"pacer:sessions:(?P<athlete>\d+):(?P<page>\d+):(?P<since>\d+):(?P<dir>[no]):(?P<key>[^:]*)",
):
    """A page of /sessions; its state lives in the custom id, so it works after a restart."""

    def __init__(self, athlete_id: int, since: dt.date | None, key: str | None, page: int,
                 *, label: str = "Older", disabled: bool = False) -> None:
        self.athlete_id = athlete_id
        self.since = since
        self.key = key
        self.page = max(0, page)
        ordinal = 0 if since is None else since.toordinal()
        safe_key = "" if key is None else key[:MAX_KEY_IN_ID].replace(":", "")
        # Two buttons of one message must differ (both point at page 0 on the first page).
        way = "n" if label == "Newer" else "o"
        custom_id = f"pacer:sessions:{athlete_id}:{self.page}:{ordinal}:{way}:{safe_key}"
        super().__init__(discord.ui.Button(label=label, custom_id=custom_id[:100],
                                           disabled=disabled,
                                           style=discord.ButtonStyle.secondary))

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any],
        match: re.Match[str], /,
    ) -> SessionsPageButton:
        ordinal = int(match["since"])
        key = match["key"] or None
        label = "Newer" if match["dir"] == "n" else "Older"
        return cls(int(match["athlete"]), None if ordinal == 0 else dt.date.fromordinal(ordinal),
                   key, int(match["page"]), label=label)

    @answers_errors
    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        bot = interaction.client
        member = discord.Object(id=self.athlete_id)
        guild_id, athlete_id, coach, _ = await viewer_scope(
            bot, interaction, None if self.athlete_id == interaction.user.id else member  # type: ignore[arg-type]
        )
        embed, has_next = await sessions_page(bot, guild_id, interaction.user.id, coach,
                                              athlete_id, self.page, self.since, self.key)
        await interaction.response.edit_message(
            embed=embed, view=page_buttons(athlete_id, self.page, self.since, self.key, has_next)
        )


def trend_text(slope: float, spread: float | None) -> str:
    """How the mean rep and the spread move per week (on the chart's quantity)."""
    mean = "steady" if abs(slope) < 0.05 else (
        f"{'faster' if slope < 0 else 'slower'} by {abs(slope):.1f} s per week")
    spread = spread or 0.0
    sd = "steady" if abs(spread) < 0.05 else (
        f"{'tighter' if spread < 0 else 'wider'} by {abs(spread):.1f} s per week")
    return f"Trend: mean rep {mean}; spread {sd}"


class LookingCog(commands.Cog, name="Looking"):
    def __init__(self, bot: Pacer) -> None:
        self.bot = bot
        self.menu = app_commands.ContextMenu(name="Recent sessions", callback=self.recent_menu)
        self.menu.guild_only = True
        self.profile_changes = RateLimiter(
            PROFILE_CHANGES_PER_MINUTE, dt.timedelta(minutes=1), bot.now,
            what="changed your profile {n} times",
        )

    async def cog_load(self) -> None:
        self.bot.tree.add_command(self.menu)

    async def cog_unload(self) -> None:
        self.bot.tree.remove_command(self.menu.name, type=self.menu.type)

    # -- /sessions --------------------------------------------------------------------------

    async def show_sessions(
        self,
        interaction: discord.Interaction[Any],
        athlete: discord.abc.User | None,
        since_text: str | None,
        workout: str | None,
    ) -> None:
        guild_id, athlete_id, coach, settings = await viewer_scope(self.bot, interaction, athlete)
        since = read_date(since_text, settings, self.bot.now()) if since_text else None
        key = workout_key(workout)
        who = athlete or interaction.user
        embed, has_next = await sessions_page(self.bot, guild_id, interaction.user.id, coach,
                                              athlete_id, 0, since, key, who.display_name)
        view = page_buttons(athlete_id, 0, since, key, has_next)
        await interaction.response.defer(ephemeral=True, thinking=True)
        png = await self.volume_png(guild_id, athlete_id, interaction.user.id, coach, settings)
        if png is None:
            await interaction.followup.send(embed=embed, view=view, ephemeral=True)
        else:
            await interaction.followup.send(embed=embed, view=view, ephemeral=True,
                                            file=png_file(png, "volume.png"))

    async def volume_png(self, guild_id: int, athlete_id: int, viewer_id: int, coach: bool,
                         settings: GuildSettings) -> bytes | None:
        store = self.bot.store
        today = logbook.team_today(settings, self.bot.now())
        rows = await store.recent_sessions(guild_id, athlete_id, limit=500, until=today,
                                           viewer_id=viewer_id, include_hidden=coach)
        weeks = history.volume_weeks(rows, today, VOLUME_WEEKS)
        if not any(w.work_m for w in weeks):
            return None
        row = await store.athlete(guild_id, athlete_id)
        units = logbook.display_units(settings, row)
        name = row.display_name if row is not None else "athlete"
        data = VolumeChartData(f"Weekly volume · {name}"[:120], weeks, units=units)  # type: ignore[arg-type]
        return await self.bot.charts.render(render_volume, data)

    @app_commands.command(name="sessions", description="Recent sessions of you or a teammate",
                          extras={"example": SESSIONS_EXAMPLE})
    @app_commands.guild_only()
    @app_commands.describe(athlete="Whose sessions (default: yours)",
                           since="From which day: 2 weeks ago, july 1st, 2026-07-01",
                           workout="Only this workout, e.g. 6x1k")
    async def sessions(
        self,
        interaction: discord.Interaction[Any],
        athlete: discord.Member | None = None,
        since: app_commands.Range[str, 1, logbook.MAX_DATE_TEXT] | None = None,
        workout: app_commands.Range[str, 1, MAX_WORKOUT_TEXT] | None = None,
    ) -> None:
        await self.show_sessions(
            interaction, athlete,
            bounded(since, logbook.MAX_DATE_TEXT, "date", SESSIONS_EXAMPLE),
            bounded(workout, MAX_WORKOUT_TEXT, "workout", SESSIONS_EXAMPLE),
        )

    async def recent_menu(self, interaction: discord.Interaction[Any],
                          member: discord.Member) -> None:
        await self.show_sessions(interaction, member, None, None)

    @sessions.autocomplete("workout")
    @always_answers
    async def workout_choices(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        return await self.recent_workouts(interaction, current)

    async def recent_workouts(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        """The viewer's latest distinct workouts (one indexed query), matching what is typed."""
        if interaction.guild_id is None:
            return []
        rows = await self.bot.store.recent_sessions(
            interaction.guild_id, interaction.user.id, limit=50, viewer_id=interaction.user.id
        )
        needle = current.lower()[:100]
        seen: dict[str, str] = {}
        for row in rows:
            if row.workout_key and row.workout_key not in seen:
                text = row.workout_text or row.workout_key
                if needle in text.lower() or needle in row.workout_key.lower():
                    seen[row.workout_key] = text
        return [app_commands.Choice(name=clip(text, 100), value=clip(text, 100))
                for text in list(seen.values())[:25]]

    # -- /progress -------------------------------------------------------------------------

    @app_commands.command(name="progress",
                          description="One workout over time: mean rep and spread",
                          extras={"example": PROGRESS_EXAMPLE})
    @app_commands.guild_only()
    @app_commands.describe(workout="The workout, e.g. 6x1000m", athlete="Whose (default: yours)")
    async def progress(
        self,
        interaction: discord.Interaction[Any],
        workout: app_commands.Range[str, 1, MAX_WORKOUT_TEXT],
        athlete: discord.Member | None = None,
    ) -> None:
        text = bounded(workout, MAX_WORKOUT_TEXT, "workout", PROGRESS_EXAMPLE)
        key = workout_key(text)
        if key is None:
            raise UserError("Name the workout to follow.", PROGRESS_EXAMPLE)
        guild_id, athlete_id, coach, settings = await viewer_scope(self.bot, interaction, athlete)
        rows = await self.bot.store.workout_history(
            guild_id, key, athlete_id=athlete_id, limit=50, viewer_id=interaction.user.id,
            include_hidden=coach,
        )
        if not rows:
            raise UserError(f"No {key} sessions logged yet.", "/sessions")
        distance = history.common_distance(rows)
        runs = history.runs(rows, by_pace=distance is None)
        row = await self.bot.store.athlete(guild_id, athlete_id)
        units = logbook.display_units(settings, row)
        name = row.display_name if row is not None else "athlete"

        def shown(value: float) -> str:
            if distance is None:
                per = value * (1.609344 if units == "mi" else 1)
                return f"{format_time(per)}/{units}"
            return rep_time(value)

        lines = [f"{r.day.isoformat()} · #{r.session_id} · mean {shown(r.mean_s)} · "
                 f"SD {r.sd_s:.1f} s · {shown(r.fastest_s)}–{shown(r.slowest_s)}"
                 for r in runs[-15:]]
        slope = history.slope_per_week(runs)
        spread = history.slope_per_week(runs, "sd_s")
        trend = "Trend: one session so far." if slope is None else trend_text(slope, spread)
        embed = discord.Embed(title=f"{safe(key, 100)} · {safe(name, 100)}",
                              description=clip(trend + "\n\n" + "\n".join(lines), 4000),
                              colour=COLOUR)
        embed.set_footer(text=f"{len(runs)} session" + ("" if len(runs) == 1 else "s"))
        private = row is not None and row.hidden and athlete_id != interaction.user.id
        await interaction.response.defer(thinking=True, ephemeral=private)
        data = ProgressionChartData(f"{key} · {name}"[:120], history.points(runs),
                                    units=units, distance_m=distance)  # type: ignore[arg-type]
        png = await self.bot.charts.render(render_progression, data)
        embed.set_image(url="attachment://progress.png")
        await interaction.followup.send(embed=embed, file=png_file(png, "progress.png"),
                                        ephemeral=private)

    @progress.autocomplete("workout")
    @always_answers
    async def progress_choices(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        return await self.recent_workouts(interaction, current)

    # -- /pb --------------------------------------------------------------------------------

    @app_commands.command(name="pb", description="Best reps per standard distance",
                          extras={"example": PB_EXAMPLE})
    @app_commands.guild_only()
    @app_commands.describe(athlete="Whose (default: yours)")
    async def pb(self, interaction: discord.Interaction[Any],
                 athlete: discord.Member | None = None) -> None:
        guild_id, athlete_id, coach, _ = await viewer_scope(self.bot, interaction, athlete)
        lines = []
        for label, metres in history.STANDARD_DISTANCES:
            best = await self.bot.store.best_reps(
                guild_id, metres, athlete_id=athlete_id, limit=1,
                viewer_id=interaction.user.id, include_hidden=coach,
            )
            if best and best[0].rep.time_s:
                b = best[0]
                lines.append(f"**{label}** {rep_time(b.rep.time_s or 0)} · "
                             f"{b.day.isoformat()} · session #{b.rep.session_id}")
        name = await athlete_name(self.bot, guild_id, athlete_id,
                                  (athlete or interaction.user).display_name)
        embed = discord.Embed(title=f"Best reps · {safe(name, 100)}", colour=COLOUR,
                              description="\n".join(lines) or "No timed reps logged yet.")
        private = await shown_privately(self.bot, guild_id, athlete_id, interaction.user.id)
        await interaction.response.send_message(embed=embed, ephemeral=private)

    # -- /profile ---------------------------------------------------------------------------

    @app_commands.command(name="profile",
                          description="Your units, race results, VDOT and training paces",
                          extras={"example": PROFILE_EXAMPLE})
    @app_commands.guild_only()
    @app_commands.describe(units="Show distances and paces in km or mi",
                           race="A race result, e.g. 5k 20:00",
                           private="Hide your sessions from teammates (coaches still see them)",
                           remove_race="A race result to remove, as listed, e.g. 5k 20:00")
    async def profile(
        self,
        interaction: discord.Interaction[Any],
        units: Literal["km", "mi"] | None = None,
        race: app_commands.Range[str, 1, 40] | None = None,
        private: bool | None = None,
        remove_race: app_commands.Range[str, 1, 40] | None = None,
    ) -> None:
        guild_id = guild_only(interaction)
        store = self.bot.store
        settings = await store.guild_settings(guild_id)
        user = interaction.user
        name = clip(user.display_name, 100)
        race_text = bounded(race, 40, "race", PROFILE_EXAMPLE)
        parsed = None
        if race_text:
            try:
                parsed = parse_race(race_text)
            except ParseError as err:
                raise UserError(f"Couldn't read the race: {err}") from None
        remove_text = bounded(remove_race, 40, "race to remove", PROFILE_EXAMPLE)
        removing = None
        if remove_text:
            try:
                removing = parse_race(remove_text, check=False)
            except ParseError as err:
                raise UserError(f"Couldn't read the race to remove: {err}") from None
        if units is not None and units not in ("km", "mi"):
            raise UserError("Units are km or mi.", PROFILE_EXAMPLE)
        changes: dict[str, Any] = {}
        if units is not None:
            changes["units"] = logbook.store_units(units)
        if private is not None:
            changes["hidden"] = private
        changing = bool(changes) or parsed is not None or removing is not None
        # Only changes count (/profile alone shows it and refreshes the name).
        with self.profile_changes.hold((guild_id, user.id)) if changing else nullcontext():
            if removing is not None:
                await self.remove_race_result(guild_id, user.id, removing)
            row = await store.set_athlete(guild_id, user.id, name, **changes)
            if parsed is not None:
                today = logbook.team_today(settings, self.bot.now())
                await store.add_race_result(guild_id, user.id, name,
                                            NewRaceResult(parsed[0], parsed[1], today))
        shown_units = logbook.display_units(settings, row)
        races = await store.race_results(guild_id, user.id)
        lines = [f"Units: {shown_units} · sessions "
                 + ("hidden from teammates" if row.hidden else "visible to teammates")]
        for r in races[:10]:
            lines.append(f"{format_race_distance(r.distance_m)} in {format_time(r.time_s)} "
                         f"({r.day.isoformat()})")
        if removing is not None:
            lines.append(f"Removed {format_race_distance(removing[0])} in "
                         f"{format_time(removing[1])}.")
        elif races:
            lines.append("A wrong one? `/profile remove_race: 5k 20:00` removes it.")
        profile = await logbook.athlete_profile(store, guild_id, user.id, settings)
        best = max(races, key=lambda r: equivalent(r.distance_m, r.time_s).vdot, default=None)
        if best is None or profile.vdot is None:
            embed = discord.Embed(title=f"Profile · {safe(name, 100)}", colour=COLOUR,
                                  description="\n".join(lines) + "\n\nAdd a race result "
                                  "(`race: 5k 20:00`) for VDOT, equivalent times and paces.")
        else:
            report = render_equivalent(equivalent(best.distance_m, best.time_s), shown_units)
            embed = report_embed(report, f"Profile · {name}", table_name="Equivalent times",
                                 summary_name="Training paces")
            embed.insert_field_at(0, name="You", value=clip("\n".join(lines), 1024),
                                  inline=False)
        await interaction.response.send_message(embed=embed, ephemeral=True)


    async def remove_race_result(self, guild_id: int, athlete_id: int,
                                 race: tuple[float, float]) -> None:
        """Remove the athlete's results at that distance and time; UserError when none is."""
        store = self.bot.store
        distance_m, time_s = race
        matching = [r for r in await store.race_results(guild_id, athlete_id)
                    if abs(r.distance_m - distance_m) < 1.0 and abs(r.time_s - time_s) < 0.5]
        if not matching:
            raise UserError(f"You have no race result {format_race_distance(distance_m)} in "
                            f"{format_time(time_s)}: `/profile` lists yours.", PROFILE_EXAMPLE)
        for r in matching:
            await store.delete_race_result(guild_id, athlete_id, r.id)


async def setup(bot: Pacer) -> None:
    await bot.add_cog(LookingCog(bot))
    bot.add_dynamic_items(SessionsPageButton)


async def teardown(bot: commands.Bot) -> None:
    bot.remove_dynamic_items(SessionsPageButton)
