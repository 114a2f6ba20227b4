"""Per-member rate limits on every write path a member can reach, through the local Discord: the
limit is allowed, the next is refused with the wait, and the refused action stores nothing.

(/log, the Log splits menu and /wod post: tests/proof/test_ratelimit.py.)"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from pathlib import Path

from bot.localdiscord import Member, Reply
from tests.cogs.wod_env import WodEnv

from .conftest import Team

SPLITS = "3:21 3:19 3:20 3:18 3:22 3:15"


def dump(db_path: str | Path) -> list[str]:
    with contextlib.closing(sqlite3.connect(db_path)) as db:
        return list(db.iterdump())


def refused(reply: Reply, message: str) -> None:
    assert reply.ephemeral and reply.modal is None, (reply.content, reply.modal)
    assert reply.content.startswith(message), reply.content


async def open_log(env: WodEnv, member: Member) -> Reply:
    [post] = env.posts()
    return await env.discord.press(member, post, "Log my splits")


async def test_log_my_splits_takes_ten_a_minute_per_athlete(wod_env: WodEnv) -> None:
    env = wod_env
    await env.post()
    for n in range(9):
        opened = await open_log(env, env.ana)
        done = await env.discord.submit_modal(env.ana, opened.modal, {"Splits": SPLITS,
                                                                      "Notes": f"try {n}"})
        assert done.embeds, done.content
    # Two forms opened before the limit: the first logs the tenth, the second is refused.
    first, second = await open_log(env, env.ana), await open_log(env, env.ana)
    tenth = await env.discord.submit_modal(env.ana, first.modal, {"Splits": SPLITS,
                                                                  "Notes": "tenth"})
    assert tenth.embeds, tenth.content
    before = dump(env.db_path)
    late = await env.discord.submit_modal(env.ana, second.modal, {"Splits": "3:00 3:00",
                                                                  "Notes": "eleventh"})
    wait = ("You've logged splits for a workout of the day 10 times in the last minute;"
            " try again in 60 s.")
    assert late.ephemeral and late.content == wait, late.content
    # The button refuses at once, before the athlete types anything.
    refused(await open_log(env, env.ana), wait)
    assert dump(env.db_path) == before
    [session] = await env.bot.store.wod_results(env.guild.id, 1, include_hidden=True)
    assert session.notes == "tenth"
    # Others are not held back; a minute later ana may log again.
    assert (await open_log(env, env.ben)).modal is not None
    env.clock.advance(dt.timedelta(seconds=60))
    again = await open_log(env, env.ana)
    assert again.modal is not None, again.content


async def test_forms_submitted_at_once_count_each_other(wod_env: WodEnv) -> None:
    # Twelve forms opened, then submitted together: each counts from its check on, so the
    # burst cannot all pass the check before the first is stored.
    env = wod_env
    await env.post()
    forms = [await open_log(env, env.ana) for _ in range(12)]
    replies = [await env.discord.submit_modal(env.ana, f.modal, {"Splits": SPLITS,
                                                                 "Notes": f"burst {n}"},
                                              wait=False)
               for n, f in enumerate(forms)]
    for reply in replies:
        await env.discord.settle(reply)
    logged = [r for r in replies if r.embeds]
    refused = [r for r in replies if "You've logged splits" in (r.content or "")]
    assert (len(logged), len(refused)) == (10, 2), [r.content for r in replies]


async def test_session_edits_and_deletions_take_twenty_a_minute(team: Team) -> None:
    await team.log(team.ana, "2:26 2:28 2:27")
    [row] = await team.bot.store.recent_sessions(team.guild.id, team.ana.id)
    for n in range(19):
        edit = await team.discord.slash(team.ana, team.training, "session edit", id=row.id,
                                        notes=f"edit {n}")
        assert edit.embeds, edit.content
    confirm = await team.discord.slash(team.ana, team.training, "session delete", id=row.id)
    assert confirm.components, confirm.content
    twentieth = await team.discord.slash(team.ana, team.training, "session edit", id=row.id,
                                         notes="twentieth")
    assert twentieth.embeds, twentieth.content
    before = dump(team.bot.db_path)
    wait = "You've changed sessions 20 times in the last minute; try again in 60 s."
    refused(await team.discord.slash(team.ana, team.training, "session edit", id=row.id,
                                     notes="one more"), wait)
    refused(await team.discord.slash(team.ana, team.training, "session delete", id=row.id),
            wait)
    # A confirmation left open since before the limit is refused too.
    pressed = await team.discord.press(team.ana, confirm.message, "Delete")
    assert pressed.ephemeral and pressed.content == wait, pressed.content
    assert dump(team.bot.db_path) == before
    kept = await team.bot.store.session(team.guild.id, row.id)
    assert kept is not None and kept.notes == "twentieth"


async def test_profile_changes_take_ten_a_minute(team: Team) -> None:
    for n in range(10):
        done = await team.discord.slash(team.ana, team.training, "profile",
                                        race=f"5k {19 + n % 3}:00")
        assert done.embeds, done.content
    before = dump(team.bot.db_path)
    wait = "You've changed your profile 10 times in the last minute; try again in 60 s."
    refused(await team.discord.slash(team.ana, team.training, "profile", race="10k 40:00"), wait)
    refused(await team.discord.slash(team.ana, team.training, "profile", units="mi"), wait)
    assert dump(team.bot.db_path) == before
    assert len(await team.bot.store.race_results(team.guild.id, team.ana.id)) == 10
    shown = await team.discord.slash(team.ana, team.training, "profile")  # looking is free
    assert shown.embeds, shown.content


async def test_team_settings_take_ten_changes_a_minute(team: Team) -> None:
    for n in range(10):
        done = await team.discord.slash(team.owner, team.training, "pacer setup",
                                        units="mi" if n % 2 else "km")
        assert done.embeds, done.content
    before = dump(team.bot.db_path)
    refused(await team.discord.slash(team.owner, team.training, "pacer setup", units="km"),
            "You've changed the team's settings 10 times in the last minute; try again in 60 s.")
    assert dump(team.bot.db_path) == before
    shown = await team.discord.slash(team.owner, team.training, "pacer setup")
    assert shown.embeds and "Units: mi" in shown.embeds[0]["description"]  # the tenth's


async def test_wod_changes_take_thirty_in_ten_minutes(wod_env: WodEnv) -> None:
    env = wod_env
    await env.post(when="tomorrow 6am")
    for n in range(28):
        done = await env.discord.slash(env.coach, env.training, "wod settings",
                                       late_window_hours=1 + n % 3)
        assert "posted up to" in done.content, done.content
    opened = await env.discord.slash(env.coach, env.training, "wod edit", id=1,
                                     when="tomorrow 7am")
    assert opened.modal is not None, opened.content
    cancelled = await env.discord.slash(env.coach, env.training, "wod cancel", id=1)
    assert cancelled.content.startswith("Cancelled"), cancelled.content  # the 29th change
    await env.post(when="tomorrow 8am")
    done = await env.discord.slash(env.coach, env.training, "wod settings", late_window_hours=2)
    assert "posted up to 2 h late" in done.content  # the 30th
    before = dump(env.db_path)
    wait = ("You've changed workouts of the day 30 times in the last 10 minutes;"
            " try again in 10 min.")
    refused(await env.discord.slash(env.coach, env.training, "wod settings",
                                    late_window_hours=5), wait)
    refused(await env.discord.slash(env.coach, env.training, "wod cancel", id=2), wait)
    refused(await env.discord.slash(env.coach, env.training, "wod edit", id=2,
                                    when="tomorrow 9am"), wait)
    # The edit form opened before the limit is refused on submit.
    late = await env.discord.submit_modal(env.coach, opened.modal, {"notes": "late"})
    assert late.ephemeral and late.content == wait, late.content
    assert dump(env.db_path) == before
    row = await env.bot.store.wod(env.guild.id, 2)
    assert row is not None and row.status == "scheduled"
