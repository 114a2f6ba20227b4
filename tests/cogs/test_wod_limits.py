"""User text at its bounds still makes posts Discord accepts (the local Discord checks limits)."""

from __future__ import annotations

import pytest

from bot.errors import UserError
from cogs.wod import _bounded
from tests.cogs.wod_env import WodEnv

DISTANCES = [200, 300, 400, 500, 600, 800, 1000, 1200, 1600, 2000]


def long_workout(limit: int = 500) -> str:
    """A readable workout near the length limit, every rep a different target."""
    text, i = "", 0
    while len(text) + len(part := f"{(d := DISTANCES[i % 10])}m @ {d // 5 + i}, ") <= limit:
        text += part
        i += 1
    return text.rstrip(", ")


async def test_longest_inputs_make_a_valid_post(wod_env: WodEnv) -> None:
    workout = long_workout()
    title = "**Big** `day` <@123> @everyone " + "x" * 60
    notes = ("Line of context with a ```fence``` and @everyone. " * 30)[:1000]
    reply = await wod_env.post(workout=workout, title=title[:100], notes=notes)
    assert "Posted workout of the day #1" in reply.content, reply.content
    [post] = wod_env.posts()
    embed = post.embeds[0]
    assert embed["title"].startswith("\\*\\*Big\\*\\* \\`day\\`")
    targets = {f["name"]: f["value"] for f in embed["fields"]}["Targets"]
    assert len(targets) <= 1024 and targets.endswith("…")
    assert not post.pings().everyone and post.pings().nobody
    assert wod_env.discord.errors == []


def test_over_long_options_are_refused_with_the_limit() -> None:
    # Discord's client enforces max lengths, not discord.py: the command checks them too.
    with pytest.raises(UserError, match=r"^The workout is at most 500 characters; yours is 501\.$"):
        _bounded("x" * 501, 500, "workout", "/wod post workout: 6 x 400m")
    assert _bounded("  ", 500, "workout", "") is None
    assert _bounded(" 6 x 400m ", 500, "workout", "") == "6 x 400m"


async def test_today_shows_the_days_workout(wod_env: WodEnv) -> None:
    none = await wod_env.discord.slash(wod_env.ana, wod_env.training, "wod today")
    assert none.content == "No workout of the day for today (Mon 02 Mar) yet."
    await wod_env.post(title="Monday")
    today = await wod_env.discord.slash(wod_env.ana, wod_env.training, "wod today")
    assert today.ephemeral and today.embeds[0]["title"] == "Monday · Monday 02 March 2026"
    assert [b["label"] for b in today.message.buttons()] == ["Log my splits", "My targets"]


async def test_logging_many_reps_makes_a_valid_reply(wod_env: WodEnv) -> None:
    workout = long_workout()
    await wod_env.post(workout=workout)
    [post] = wod_env.posts()
    reps = workout.count("@")
    splits = " ".join(str(60 + i) for i in range(reps))
    opened = await wod_env.discord.press(wod_env.ana, post, "Log my splits")
    assert opened.modal is not None
    reply = await wod_env.discord.submit_modal(wod_env.ana, opened.modal, {"Splits": splits})
    assert reply.embeds and reply.embeds[0]["footer"]["text"].startswith("Logged.")
    results = await wod_env.discord.slash(wod_env.ana, wod_env.training, "wod results")
    assert results.embeds[0]["description"].startswith("1 athlete logged it.")
    assert "team.png" in results.files
    assert wod_env.discord.errors == []
