"""Embeds for the workout of the day: the post, the list, a runner's targets, the team's results.

User text (titles, notes, names, the workout as typed) is bounded and escaped here, so an
embed never breaks Discord's limits and never renders someone's markdown as Pacer's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from zoneinfo import ZoneInfo

import discord

from bot.training import Workout
from bot.training.report import Report, blocks
from bot.wod_text import TeamRow, results_table, structure_lines, target_lines
from storage import WodRow

COLOUR = discord.Colour.from_rgb(230, 126, 34)
FIELD_LIMIT = 1024
TITLE_LIMIT = 256
# Discord's limit on all of an embed's text is 6000: leave room for the footer and titles.
EMBED_BUDGET = 5500


def marker(wod_id: int) -> str:
    """The footer tag that identifies a WOD's post in its channel (found again after a crash)."""
    return f"WOD #{wod_id}"


def safe(text: str) -> str:
    """User text shown as plain text: markdown and mentions escaped."""
    return discord.utils.escape_mentions(discord.utils.escape_markdown(text))


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def code_block(text: str, limit: int = FIELD_LIMIT) -> str:
    """Text in a code block (nothing inside is markdown), cut to fit `limit` characters."""
    body = text.replace("```", "ˋˋˋ")
    return "```\n" + clip(body, limit - 8) + "\n```"


def local(moment: dt.datetime, tz: ZoneInfo) -> dt.datetime:
    return moment.astimezone(tz)


def when_text(moment: dt.datetime, tz: ZoneInfo) -> str:
    """`Tue 24 Nov 06:00` in the team's time zone, and Discord's own local-time tag."""
    stamp = discord.utils.format_dt(moment, "f")
    return f"{local(moment, tz):%a %d %b %H:%M} ({tz.key}) · {stamp}"


def wod_title(wod: WodRow, tz: ZoneInfo) -> str:
    day = f"{wod.day:%A %d %B %Y}"
    head = f"Workout of the day · {day}"
    if wod.title:
        head = f"{safe(wod.title)} · {day}"
    return clip(head, TITLE_LIMIT)


def plain_title(wod: WodRow) -> str:
    """The title as typed (for a chart, which draws text literally), with the day."""
    day = f"{wod.day:%A %d %B %Y}"
    return clip(f"{wod.title} · {day}" if wod.title else f"Workout of the day · {day}", 120)


def wod_embed(
    wod: WodRow,
    workout: Workout,
    *,
    author: str,
    tz: ZoneInfo,
    late_by: dt.timedelta | None = None,
) -> discord.Embed:
    """The post: title and date, the workout as written and in canonical form, its structure
    and targets, the coach's notes, who published it."""
    embed = discord.Embed(title=wod_title(wod, tz), colour=COLOUR)
    description = "**As written**\n" + code_block(wod.workout_text, 700)
    description += "\n**Pacer reads it as**\n" + code_block(workout.describe(), 1200)
    embed.description = description
    embed.add_field(
        name="Structure", value=clip("\n".join(structure_lines(workout)), FIELD_LIMIT), inline=False
    )
    targets = target_lines(workout)
    if targets:
        embed.add_field(name="Targets", value=_lines_field(targets), inline=False)
    if wod.notes:
        embed.add_field(
            name="Context & details", value=clip(_notes(wod.notes), FIELD_LIMIT), inline=False
        )
    if late_by is not None:
        minutes = int(late_by.total_seconds() // 60)
        late = f"{minutes // 60} h {minutes % 60:02d} min" if minutes >= 60 else f"{minutes} min"
        embed.add_field(
            name="Posted late",
            value=f"Due {when_text(wod.publish_at, tz)}: Pacer was offline, {late} late.",
            inline=False,
        )
    embed.set_footer(text=clip(f"Published by {author} · {marker(wod.id)}", 2048))
    embed.timestamp = wod.publish_at
    return embed


def _notes(text: str) -> str:
    # A coach's notes keep their formatting; mentions are shown, never resolved.
    return discord.utils.escape_mentions(text.strip())


def _lines_field(lines: Sequence[str]) -> str:
    out = ""
    for line in lines:
        if len(out) + len(line) + 2 > FIELD_LIMIT:
            return out + "\n…"
        out += ("\n" if out else "") + line
    return out


STATUS_WORDS = {
    "scheduled": "scheduled",
    "posting": "posting…",
    "posted": "posted",
    "failed": "failed",
    "missed": "missed",
    "cancelled": "cancelled",
}


def list_line(wod: WodRow, tz: ZoneInfo, guild_id: int) -> str:
    """`#12 · Tue 24 Nov 06:00 · posted · 6x1000m · <#channel>` (+ a link, or why it failed)."""
    what = wod.workout_key or clip(wod.workout_text.splitlines()[0], 40)
    head = f"**#{wod.id}** · {local(wod.publish_at, tz):%a %d %b %H:%M} · "
    head += f"{STATUS_WORDS[wod.status]} · {safe(clip(what, 40))}"
    if wod.title:
        head += f" · “{safe(clip(wod.title, 40))}”"
    head += f" · <#{wod.channel_id}>"
    if wod.status == "posted" and wod.message_id:
        head += f" · [post](https://discord.com/channels/{guild_id}/{wod.channel_id}/{wod.message_id})"
    if wod.status == "failed" and wod.failure:
        head += f"\n  ↳ {safe(clip(wod.failure, 200))}"
    return head


def list_embed(
    upcoming: Sequence[WodRow], recent: Sequence[WodRow], tz: ZoneInfo, guild_id: int
) -> discord.Embed:
    embed = discord.Embed(title="Workouts of the day", colour=COLOUR)
    for name, rows in (("Upcoming", upcoming), ("Recent", recent)):
        lines = [list_line(w, tz, guild_id) for w in rows]
        embed.add_field(name=name, value=_lines_field(lines) if lines else "None.", inline=False)
    embed.set_footer(text=f"Times in {tz.key}")
    return embed


def analysis_embed(report: Report, *, title: str, replaced: bool,
                   session_id: int | None = None) -> discord.Embed:
    """The reply to a runner who logged their splits against the WOD (numbers only); the
    footer names the session, for /session show, edit or delete."""
    embed = discord.Embed(title=clip(title, TITLE_LIMIT), description=report.headline,
                          colour=COLOUR)
    used = len(embed.title or "") + len(report.headline)
    for k, block in enumerate(report.table[:3]):
        value = f"```\n{block}\n```"
        used += len(value)
        embed.add_field(name="Reps" if k == 0 else "Reps (cont.)", value=value, inline=False)
    if report.summary:
        value = _lines_field(report.summary)
        if used + len(value) < EMBED_BUDGET:
            embed.add_field(name="Summary", value=value, inline=False)
            used += len(value)
    if report.notes:
        value = _lines_field([f"• {n}" for n in report.notes])
        if used + len(value) < EMBED_BUDGET:
            embed.add_field(name="Notes", value=value, inline=False)
    done = "Updated your earlier log of this workout." if replaced else "Logged."
    if session_id is not None:
        done += f" Session #{session_id}: /session edit id: {session_id} to correct it."
    embed.set_footer(text=done)
    return embed


def results_embed(wod: WodRow, rows: Sequence[TeamRow], tz: ZoneInfo, *,
                  hidden_only: bool = False) -> discord.Embed:
    """The teammates who logged the WOD, rep by rep side by side, with mean, SD and hit rate.
    `hidden_only`: nothing to show, but athletes who hide their sessions have logged it."""
    embed = discord.Embed(title=clip(f"Results · {wod_title(wod, tz)}", TITLE_LIMIT),
                          colour=COLOUR)
    if hidden_only:
        embed.description = ("No results you can see: those who logged it keep their sessions "
                             "hidden (coaches see them). Log yours with **Log my splits** on it.")
    elif not rows:
        embed.description = "Nobody has logged this workout yet: press **Log my splits** on it."
    else:
        header, lines = results_table(rows)
        used = len(embed.title or "")
        shown = 0
        for k, block in enumerate(blocks(header, lines)):
            value = f"```\n{block}\n```"
            if k >= 20 or used + len(value) > EMBED_BUDGET:
                break
            embed.add_field(name="Reps" if k == 0 else "Reps (cont.)", value=value, inline=False)
            used += len(value)
            shown += block.count("\n") - block.count("\n ")  # athletes, not their rep lines
        plural = "s" if len(rows) != 1 else ""
        summary = f"{len(rows)} athlete{plural} logged it. Times per rep; `+` fast, `-` slow "
        summary += "against the target; SD in seconds; hit = reps on target."
        if shown < len(rows):
            summary += f" Showing {shown} of {len(rows)}."
        embed.description = summary
    embed.set_footer(text=f"Results of {marker(wod.id)}")
    return embed
