"""/log end to end: the reply, the chart, the stored rows, and every kind of bad input."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.localdiscord import CommandRefused

from .conftest import TODAY, Team, png_size

ISSUE_SPLITS = "2:26 / 2:28 / 2:26 / 2:27 / 2:26 / 2:24"


async def test_log_replies_with_the_analysis_and_a_session_chart(team: Team) -> None:
    reply = await team.log(team.ana, ISSUE_SPLITS, workout="6 x 1000m", notes="felt strong")
    assert not reply.ephemeral and reply.deferred
    message = reply.followups[0] if reply.followups else reply.message
    embed = message.embeds[0]
    assert embed["description"] == (
        "6 × 1000 m · avg 2:26.2 (3:55/mi) · SD 1.3 s · negative split 1.0 s"
    )
    table = embed["fields"][0]["value"]
    assert table.startswith("```") and "2:24" in table and "/km" in table
    assert any(f["name"] == "Notes from the athlete" and f["value"] == "felt strong"
               for f in embed["fields"])
    assert embed["image"]["url"] == "attachment://session.png"
    width, height = png_size(message.files["session.png"])
    assert (width, height) == (1000, 560)
    assert message.pings().nobody

    rows = await team.bot.store.recent_sessions(team.guild.id, team.ana.id)
    assert len(rows) == 1
    row = rows[0]
    assert row.day == TODAY and row.workout_key == "6x1000m"
    assert row.splits_s == (146.0, 148.0, 146.0, 147.0, 146.0, 144.0)
    assert row.notes == "felt strong" and row.interaction_id == reply.id
    assert [(r.index, r.distance_m, r.time_s) for r in row.reps][:2] == [
        (1, 1000.0, 146.0), (2, 1000.0, 148.0)]
    assert f"Session #{row.id}" in embed["footer"]["text"]


async def test_log_stores_targets_and_rests_per_rep(team: Team) -> None:
    await team.log(team.ana, "67 68 66", workout="3 x 400m @ 68 w/ 200m jog")
    (row,) = await team.bot.store.recent_sessions(team.guild.id, team.ana.id)
    assert [(r.target_low_s, r.target_high_s, r.rest_distance_m) for r in row.reps] == [
        (68.0, 68.0, 200.0), (68.0, 68.0, 200.0), (68.0, 68.0, None)]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("today", TODAY),
        ("yesterday", TODAY - dt.timedelta(days=1)),
        ("monday", dt.date(2026, 7, 13)),
        ("2 days ago", dt.date(2026, 7, 13)),
        ("July 13th", dt.date(2026, 7, 13)),
        ("2026-07-01", dt.date(2026, 7, 1)),
    ],
)
async def test_dates_in_the_teams_time_zone(team: Team, text: str, day: dt.date) -> None:
    await team.log(team.ana, "2:26 2:27", date=text)
    (row,) = await team.bot.store.recent_sessions(team.guild.id, team.ana.id)
    assert row.day == day


async def test_today_is_the_teams_day_not_utc(team: Team) -> None:
    team.now[0] = dt.datetime(2026, 7, 15, 22, 30, tzinfo=dt.UTC)  # 00:30 on the 16th in Paris
    await team.log(team.ana, "2:26 2:27")
    (row,) = await team.bot.store.recent_sessions(team.guild.id, team.ana.id)
    assert row.day == dt.date(2026, 7, 16)


@pytest.mark.parametrize(
    ("values", "words"),
    [
        ({"splits": "banana"}, "Couldn't read the splits"),
        ({"splits": "2:26 2:7"}, "column 6"),
        ({"splits": "2:26 2:27", "workout": "felt great"}, "Couldn't read the workout"),
        ({"splits": "2:26 2:27", "date": "tomorrow"}, "in the future"),
        ({"splits": "2:26 2:27", "date": "the day of the big storm"}, "Couldn't read the date"),
    ],
)
async def test_bad_input_is_ephemeral_precise_and_stores_nothing(
    team: Team, values: dict[str, str], words: str
) -> None:
    reply = await team.discord.slash(team.ana, team.training, "log", **values)
    assert reply.ephemeral and words in (reply.content or "")
    assert "Try:" in (reply.content or "") or "Example:" in (reply.content or "")
    assert await team.bot.store.recent_sessions(team.guild.id, team.ana.id) == []
    assert team.training.visible_messages() == []


async def test_over_long_text_is_refused_by_discord_and_by_the_command(team: Team) -> None:
    with pytest.raises(CommandRefused):
        await team.log(team.ana, "2:26 " * 300)
    cog = team.bot.get_cog("Log")
    assert cog is not None
    from bot.errors import UserError
    from cogs.log import bounded

    with pytest.raises(UserError, match="at most 10"):
        bounded("x" * 11, 10, "notes", "/log")


async def test_notes_cannot_ping_and_markdown_is_escaped_in_titles(team: Team) -> None:
    reply = await team.log(team.ana, "2:26 2:27", notes="@everyone <@&1> **bold**")
    message = reply.followups[0] if reply.followups else reply.message
    assert message.pings().nobody
    notes = next(f for f in message.embeds[0]["fields"] if f["name"].startswith("Notes"))
    assert "@\u200beveryone" in notes["value"] and "\\*\\*bold\\*\\*" in notes["value"]


async def test_without_workout_the_workout_of_the_day_is_used(team: Team) -> None:
    wod = await team.todays_wod("4 x 800m @ 2:50", "4x800m")
    await team.log(team.ana, "2:49 2:51 2:50 2:48")
    (row,) = await team.bot.store.recent_sessions(team.guild.id, team.ana.id)
    assert row.wod_id == wod.id and row.workout_key == "4x800m"
    assert [r.target_low_s is not None for r in row.reps] == [True] * 4


async def test_rate_limit_per_athlete(team: Team) -> None:
    import cogs.log as log_cog

    limit = log_cog.LOG_RATE_PER_HOUR
    log_cog.LOG_RATE_PER_HOUR = 2
    try:
        await team.log(team.ana, "2:26 2:27")
        await team.log(team.ana, "2:26 2:27")
        reply = await team.log(team.ana, "2:26 2:27")
    finally:
        log_cog.LOG_RATE_PER_HOUR = limit
    assert reply.ephemeral and "last hour" in (reply.content or "")
    assert len(await team.bot.store.recent_sessions(team.guild.id, team.ana.id)) == 2


async def test_a_long_session_fits_discords_embed_limits(team: Team) -> None:
    splits = " ".join(["31.5"] * 199)
    reply = await team.log(team.ana, splits, workout="199 x 200m @ 32 w/ 200m jog",
                           notes="n" * 500)
    message = reply.followups[0] if reply.followups else reply.message
    embed = message.embeds[0]
    assert any(f["value"] == "(more reps than fit here)" for f in embed["fields"])
    assert embed["fields"][-1]["name"] == "Notes from the athlete"
    (row,) = await team.bot.store.recent_sessions(team.guild.id, team.ana.id)
    assert len(row.reps) == 199
    png_size(message.files["session.png"])


async def test_a_bots_message_cannot_be_logged(team: Team) -> None:
    reply = await team.log(team.ana, "2:26 2:27")
    posted = reply.followups[0] if reply.followups else reply.message
    menu = await team.discord.context_menu(team.coach, posted, "Log splits")
    assert menu.ephemeral and "from a bot" in (menu.content or "")


async def test_an_unreadable_workout_of_the_day_leaves_the_splits_alone(team: Team) -> None:
    wod = await team.todays_wod("see the whiteboard")
    reply = await team.log(team.ana, "2:49 2:51")
    assert not reply.ephemeral
    (row,) = await team.bot.store.recent_sessions(team.guild.id, team.ana.id)
    assert row.wod_id == wod.id and row.workout_key is None and row.splits_s == (169.0, 171.0)


async def test_a_workout_with_a_warm_up_is_titled_on_one_line(team: Team) -> None:
    reply = await team.log(team.ana, "68 67 66 65", workout="2 mi WU, 4 x 400m @ 68, 1 mi CD")
    message = reply.followups[0] if reply.followups else reply.message
    assert message.embeds[0]["title"] == "warm-up 2 mi · 4 × 400 m @ 68 · cool-down 1 mi"


async def test_a_workout_too_long_to_keep_is_refused_not_a_crash(team: Team) -> None:
    reply = await team.log(team.ana, "65", workout="500 x 400m")
    assert reply.ephemeral and "too long to keep (500 reps)" in (reply.content or "")
    assert "went wrong" not in (reply.content or "")
    assert await team.bot.store.recent_sessions(team.guild.id, team.ana.id) == []


async def test_a_hidden_athletes_session_is_answered_to_them_alone(team: Team) -> None:
    await team.bot.store.update_guild_settings(team.guild.id, hidden_by_default=True)
    newcomer = await team.log(team.ana, "65 66", workout="2 x 400")  # hidden by the team's default
    assert newcomer.deferred and newcomer.ephemeral
    await team.bot.store.set_athlete(team.guild.id, team.ana.id, "ana", hidden=False)
    shown = await team.log(team.ana, "65 66", workout="2 x 400")
    assert shown.deferred and not shown.ephemeral
    await team.bot.store.update_guild_settings(team.guild.id, hidden_by_default=False)
    await team.bot.store.set_athlete(team.guild.id, team.ben.id, "ben", hidden=True)
    chosen = await team.log(team.ben, "65 66", workout="2 x 400")  # their own choice
    assert chosen.deferred and chosen.ephemeral
    stored = await team.bot.store.recent_sessions(team.guild.id, team.ben.id, include_hidden=True)
    assert len(stored) == 1
