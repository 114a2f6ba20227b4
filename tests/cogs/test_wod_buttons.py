"""The post's buttons (before and after a restart) and the team's results with their chart."""

from __future__ import annotations

import asyncio

from storage import NewRaceResult
from tests.charts.pngcheck import png_size
from tests.cogs.wod_env import GUARD, START, WodEnv

SPLITS = "3:21 3:19 3:20 3:18 3:22 3:15"


async def log(env: WodEnv, member, splits: str, notes: str = ""):  # type: ignore[no-untyped-def]
    [post] = env.posts()
    opened = await env.discord.press(member, post, "Log my splits")
    assert opened.modal is not None, opened.content
    assert [f.label for f in opened.modal.fields()] == ["Splits", "Notes"]
    return await env.discord.submit_modal(member, opened.modal, {"Splits": splits, "Notes": notes})


async def test_log_my_splits_logs_against_the_wod(wod_env: WodEnv) -> None:
    await wod_env.post()
    reply = await log(wod_env, wod_env.ana, SPLITS, "windy")
    assert reply.ephemeral
    embed = reply.embeds[0]
    assert embed["description"].startswith("6 × 1000 m · avg 3:19.2")
    assert "5/6 on target" in embed["description"]  # ±2 s: only 3:15 is off
    [session] = await wod_env.bot.store.wod_results(wod_env.guild.id, 1, include_hidden=True)
    # The footer names the session, so the athlete can find and correct it.
    assert embed["footer"]["text"] == (
        f"Logged. Session #{session.id}: /session edit id: {session.id} to correct it.")
    assert (session.athlete_id, session.wod_id, session.notes) == (wod_env.ana.id, 1, "windy")
    assert [r.time_s for r in session.reps] == [201, 199, 200, 198, 202, 195]
    assert {(r.target_low_s, r.target_high_s) for r in session.reps} == {(200.0, 200.0)}
    # Pressing again corrects the same log rather than adding a second one.
    again = await log(wod_env, wod_env.ana, "3:20 3:20 3:20 3:20 3:20 3:20")
    assert again.embeds[0]["footer"]["text"].startswith(
        f"Updated your earlier log of this workout. Session #{session.id}:")
    [session] = await wod_env.bot.store.wod_results(wod_env.guild.id, 1, include_hidden=True)
    assert [r.time_s for r in session.reps] == [200.0] * 6


async def test_unreadable_splits_are_explained_and_nothing_is_stored(wod_env: WodEnv) -> None:
    await wod_env.post()
    reply = await log(wod_env, wod_env.ana, "felt great")
    assert reply.ephemeral and "Try" in reply.content
    assert await wod_env.bot.store.wod_results(wod_env.guild.id, 1, include_hidden=True) == []


async def test_buttons_work_after_a_restart(wod_env: WodEnv) -> None:
    await wod_env.post(workout="8 x 400m @ 5k pace w/ 200m jog")
    [post] = wod_env.posts()
    before = await wod_env.discord.press(wod_env.ana, post, "My targets")
    assert before.ephemeral
    assert "“5k” needs a race result" in before.embeds[0]["description"]
    await wod_env.restart()
    await wod_env.bot.store.add_race_result(
        wod_env.guild.id, wod_env.ana.id, "ana", NewRaceResult(5000, 1200, START.date())
    )
    after = await wod_env.discord.press(wod_env.ana, post, "My targets")
    text = after.embeds[0]["description"]
    assert "8 × 400 m @ 5k: **1:36** → 1:36/400 · 4:00/km · 6:26/mi" in text
    assert "VDOT 49.8" in text
    logged = await log(wod_env, wod_env.ben, "94 95 96 97 96 95 94 93")
    assert logged.embeds[0]["footer"]["text"].startswith("Logged.")
    [session] = await wod_env.bot.store.wod_results(wod_env.guild.id, 1, include_hidden=True)
    assert session.athlete_id == wod_env.ben.id and len(session.reps) == 8


async def test_results_rep_by_rep_with_the_team_chart(wod_env: WodEnv) -> None:
    await wod_env.post()
    empty = await wod_env.discord.slash(wod_env.ana, wod_env.training, "wod results")
    assert "Nobody has logged this workout yet" in empty.embeds[0]["description"]
    assert empty.files == {}
    await log(wod_env, wod_env.ana, SPLITS)
    await log(wod_env, wod_env.ben, "3:25 3:24 3:26 3:22 3:20")
    await log(wod_env, wod_env.coach, "3:10 3:11 3:12 3:10 3:09 3:08")
    reply = await wod_env.discord.slash(wod_env.ana, wod_env.training, "wod results", id=1)
    assert reply.deferred and not reply.ephemeral
    embed = reply.embeds[0]
    assert embed["description"].startswith("3 athletes logged it.")
    table = embed["fields"][0]["value"]
    lines = table.strip("`\n").splitlines()
    # Six reps side by side are wider than a phone: each athlete's figures, then the reps.
    assert all(len(line) <= 40 for line in lines)
    assert lines[0].split() == ["athlete", "mean", "SD", "hit"]
    assert lines[1].split() == ["ana", "3:19.2", "2.5", "5/6"]
    assert lines[2].split() == ["#1", "3:21", "3:19", "3:20", "3:18", "3:22", "3:15+"]
    assert lines[3].split() == ["ben", "3:23.4", "2.4", "2/5"]
    assert lines[4].split() == ["#1", "3:25-", "3:24-", "3:26-", "3:22", "3:20"]
    assert lines[5].split()[0] == "carla" and lines[5].split()[-1] == "0/6"
    # The third rep of each athlete ends in the same column.
    assert lines[2].index("3:20") + len("3:20") == lines[4].index("3:26-") + len("3:26-")
    assert embed["image"]["url"] == "attachment://team.png"
    assert png_size(reply.files["team.png"]) == (1000, 560)


async def test_results_respect_a_hidden_athlete(wod_env: WodEnv) -> None:
    await wod_env.post()
    await wod_env.bot.store.set_athlete(wod_env.guild.id, wod_env.ben.id, "ben", hidden=True)
    await log(wod_env, wod_env.ana, SPLITS)
    await log(wod_env, wod_env.ben, SPLITS)
    teammate = await wod_env.discord.slash(wod_env.ana, wod_env.training, "wod results")
    assert teammate.embeds[0]["description"].startswith("1 athlete logged it.")
    assert not teammate.ephemeral
    coach = await wod_env.discord.slash(wod_env.coach, wod_env.training, "wod results")
    assert coach.embeds[0]["description"].startswith("2 athletes logged it.")
    # The coach sees ben's reps; the channel must not, so the answer is the coach's alone.
    assert coach.ephemeral
    await asyncio.wait_for(wod_env.dispatcher.settle(), GUARD)


async def test_results_do_not_say_nobody_logged_when_only_hidden_athletes_did(
    wod_env: WodEnv,
) -> None:
    await wod_env.post()
    await wod_env.bot.store.set_athlete(wod_env.guild.id, wod_env.ben.id, "ben", hidden=True)
    await log(wod_env, wod_env.ben, SPLITS)
    teammate = await wod_env.discord.slash(wod_env.ana, wod_env.training, "wod results")
    text = teammate.embeds[0]["description"]
    assert "Nobody has logged" not in text
    assert text.startswith("No results you can see") and "hidden (coaches see them)" in text
    assert "ben" not in text and teammate.files == {}
    await asyncio.wait_for(wod_env.dispatcher.settle(), GUARD)
