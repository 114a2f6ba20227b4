"""/sessions with its pages and volume chart, Recent sessions, /progress, /pb and /profile."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import sqlite3
from pathlib import Path

import pytest

from storage import NewRep, NewSession

from .conftest import NOW, TODAY, Team, png_size


async def seed(team: Team, who: object, days: int, *, key: str = "6x1000m",
               base: float = 150.0) -> list[int]:
    """`days` sessions of 6 x 1000 m, one a day back from today, getting faster."""
    ids = []
    for k in range(days):
        times = tuple(base + j * 0.5 + (days - k) * 0.2 for j in range(6))
        result = await team.bot.store.log_session(NewSession(
            guild_id=team.guild.id, athlete_id=who.id, athlete_name=who.name,  # type: ignore[attr-defined]
            day=TODAY - dt.timedelta(days=days - 1 - k), workout_text="6 x 1000m",
            workout_key=key, splits_s=times,
            reps=tuple(NewRep(i + 1, distance_m=1000.0, time_s=t, rest_distance_m=200.0)
                       for i, t in enumerate(times)),
        ))
        ids.append(result.session_id)
    return ids


async def test_sessions_pages_newest_first_with_a_volume_chart(team: Team) -> None:
    ids = await seed(team, team.ana, 23)
    reply = await team.discord.slash(team.ana, team.training, "sessions")
    assert reply.ephemeral
    message = reply.followups[0] if reply.followups else reply.message
    lines = message.embeds[0]["description"].splitlines()
    assert len(lines) == 10 and lines[0].startswith(f"#{ids[-1]} · Wed 15 Jul · 6x1000m")
    assert width_height(message.files["volume.png"]) == (1000, 560)

    older = await team.discord.press(team.ana, message, "Older")
    assert older.response_kind == "update_message"
    lines = message.embeds[0]["description"].splitlines()
    assert lines[0].startswith(f"#{ids[-11]} ") and "Page 2" in message.embeds[0]["footer"]["text"]
    last = await team.discord.press(team.ana, message, "Older")
    lines = last.message.embeds[0]["description"].splitlines()
    assert [line.split(" ")[0] for line in lines] == [f"#{i}" for i in reversed(ids[:3])]
    assert button(message, "Older")["disabled"] is True
    await team.discord.press(team.ana, message, "Newer")
    assert "Page 2" in message.embeds[0]["footer"]["text"]


def width_height(data: bytes) -> tuple[int, int]:
    return png_size(data)


def button(message: object, label: str) -> dict:  # type: ignore[type-arg]
    for row in message.components:  # type: ignore[attr-defined]
        for item in row["components"]:
            if item.get("label") == label:
                return item
    raise AssertionError(f"no button {label}")


async def test_page_buttons_survive_a_restart(tmp_path: Path) -> None:
    from bot.localdiscord import LocalDiscord
    from bot.pacer import InThreadCharts, Pacer
    from bot.settings import Settings

    now = [NOW]

    def make_bot() -> Pacer:
        return Pacer(Settings(), db_path=str(tmp_path / "p.db"), clock=lambda: now[0],
                     warm_up_dates=False, charts=InThreadCharts())

    async with LocalDiscord() as local:
        guild = local.add_guild("Track Club")
        ana = guild.add_member("ana")
        training = guild.add_channel("training")
        async with local.run_bot(make_bot) as bot:
            await bot.tree.sync()
            for k in range(12):
                now[0] = NOW + dt.timedelta(seconds=10 * k)  # within /log's 10 a minute
                await local.slash(ana, training, "log", splits="2:26 2:27", date=f"{k} days ago")
            reply = await local.slash(ana, training, "sessions")
            message = reply.followups[0] if reply.followups else reply.message
        async with local.run_bot(make_bot):  # a new process would know nothing of the view
            pressed = await local.press(ana, message, "Older")
        assert pressed.response_kind == "update_message"
        assert len(message.embeds[0]["description"].splitlines()) == 2
        assert "Page 2" in message.embeds[0]["footer"]["text"]


async def test_since_and_workout_filter(team: Team) -> None:
    await seed(team, team.ana, 5)
    await seed(team, team.ana, 2, key="8x400m")
    reply = await team.discord.slash(team.ana, team.training, "sessions", since="yesterday",
                                     workout="6 x 1k")
    message = reply.followups[0] if reply.followups else reply.message
    lines = message.embeds[0]["description"].splitlines()
    assert len(lines) == 2 and all("6x1000m" in line for line in lines)


async def test_a_teammates_sessions_and_the_recent_sessions_menu(team: Team) -> None:
    await seed(team, team.ben, 3)
    by_command = await team.discord.slash(team.ana, team.training, "sessions", athlete=team.ben)
    by_menu = await team.discord.context_menu(team.ana, team.ben, "Recent sessions",
                                              channel=team.training)
    for reply in (by_command, by_menu):
        message = reply.followups[0] if reply.followups else reply.message
        assert message.embeds[0]["title"] == "Sessions of ben"
        assert len(message.embeds[0]["description"].splitlines()) == 3


async def test_hidden_athlete_is_refused_to_teammates_not_to_coaches(team: Team) -> None:
    await seed(team, team.ben, 3)
    await team.discord.slash(team.ben, team.training, "profile", private=True)
    refused = await team.discord.slash(team.ana, team.training, "sessions", athlete=team.ben)
    assert refused.ephemeral and "keeps their sessions" in (refused.content or "")
    for command, values in (("progress", {"workout": "6x1000m"}), ("pb", {})):
        reply = await team.discord.slash(team.ana, team.training, command, athlete=team.ben,
                                         **values)
        assert "keeps their sessions" in (reply.content or "")
    seen = await team.discord.slash(team.coach, team.training, "sessions", athlete=team.ben)
    message = seen.followups[0] if seen.followups else seen.message
    assert len(message.embeds[0]["description"].splitlines()) == 3


async def test_a_coach_sees_a_hidden_athletes_figures_privately(team: Team) -> None:
    """The coach may look; the channel the coach asks in may not."""
    await seed(team, team.ben, 3)
    await team.discord.slash(team.ben, team.training, "profile", private=True)
    pb = await team.discord.slash(team.coach, team.training, "pb", athlete=team.ben)
    assert pb.ephemeral and pb.embeds[0]["title"] == "Best reps · ben"
    progress = await team.discord.slash(team.coach, team.training, "progress",
                                        workout="6x1000m", athlete=team.ben)
    message = progress.followups[0] if progress.followups else progress.message
    assert progress.ephemeral and message.embeds[0]["title"] == "6x1000m · ben"
    # Their own figures, and a visible teammate's, are still shown to the channel.
    own = await team.discord.slash(team.ben, team.training, "pb")
    await seed(team, team.ana, 1)
    visible = await team.discord.slash(team.coach, team.training, "pb", athlete=team.ana)
    assert not own.ephemeral and not visible.ephemeral


async def test_sessions_page_through_a_long_history(team: Team) -> None:
    ids = await seed(team, team.ana, 215)  # 22 pages, past the old cap of 20
    reply = await team.discord.slash(team.ana, team.training, "sessions")
    message = reply.followups[0] if reply.followups else reply.message
    for _ in range(21):
        await team.discord.press(team.ana, message, "Older")
    lines = message.embeds[0]["description"].splitlines()
    assert [line.split(" ")[0] for line in lines] == [f"#{i}" for i in reversed(ids[:5])]
    assert "Page 22" in message.embeds[0]["footer"]["text"]
    assert button(message, "Older")["disabled"] is True


async def test_another_guild_sees_nothing(team: Team) -> None:
    await seed(team, team.ana, 3)
    reply = await team.discord.slash(team.stranger, team.elsewhere, "sessions")
    message = reply.followups[0] if reply.followups else reply.message
    assert message.embeds[0]["description"] == "No sessions logged yet."
    assert not message.files


async def test_a_member_pacer_has_not_met_is_named(team: Team) -> None:
    """Someone with no session and no profile yet is named, not called "this athlete"."""
    own = await team.discord.slash(team.cleo, team.training, "sessions")
    message = own.followups[0] if own.followups else own.message
    assert message.embeds[0]["title"] == "Sessions of cleo"
    pb = await team.discord.slash(team.ana, team.training, "pb", athlete=team.cleo)
    assert pb.embeds[0]["title"] == "Best reps · cleo"
    assert pb.embeds[0]["description"] == "No timed reps logged yet."


async def test_workout_autocomplete_lists_recent_workouts(team: Team) -> None:
    await team.log(team.ana, "2:26 2:27", workout="2 x 1000m @ 2:26")
    await team.log(team.ana, "68 69 70", workout="3 x 400m")
    reply = await team.discord.autocomplete(team.ana, team.training, "progress", "workout", "4")
    assert [c["name"] for c in reply.choices] == ["3 x 400m"]
    every = await team.discord.autocomplete(team.ana, team.training, "sessions", "workout", "")
    assert {c["value"] for c in every.choices} == {"3 x 400m", "2 x 1000m @ 2:26"}


async def test_progress_trend_and_chart(team: Team) -> None:
    await seed(team, team.ana, 8)
    reply = await team.discord.slash(team.ana, team.training, "progress", workout="6x1k")
    assert not reply.ephemeral
    message = reply.followups[0] if reply.followups else reply.message
    embed = message.embeds[0]
    assert embed["title"] == "6x1000m · ana" and embed["footer"]["text"] == "8 sessions"
    assert "Trend: mean rep faster by 1.4 s per week; spread steady" in embed["description"]
    assert embed["image"]["url"] == "attachment://progress.png"
    assert png_size(message.files["progress.png"]) == (1000, 560)


async def test_progress_of_one_session_says_one_session(team: Team) -> None:
    await seed(team, team.ana, 1)
    reply = await team.discord.slash(team.ana, team.training, "progress", workout="6x1k")
    message = reply.followups[0] if reply.followups else reply.message
    assert message.embeds[0]["footer"]["text"] == "1 session"
    assert message.embeds[0]["description"].startswith("Trend: one session so far.")


async def test_progress_of_a_workout_never_run(team: Team) -> None:
    reply = await team.discord.slash(team.ana, team.training, "progress", workout="10 x 200m")
    assert reply.ephemeral and "No 10x200m sessions" in (reply.content or "")
    bad = await team.discord.slash(team.ana, team.training, "progress", workout="felt great")
    assert bad.ephemeral and "Couldn't read the workout" in (bad.content or "")


async def test_pb_lists_best_reps_per_distance(team: Team) -> None:
    await team.log(team.ana, "64 66 65", workout="3 x 400m")
    await team.log(team.ana, "2:26 2:24", workout="2 x 1000m", date="monday")
    reply = await team.discord.slash(team.ana, team.training, "pb")
    text = reply.embeds[0]["description"]
    # As runners write a rep: seconds below 90 s, as the /log reply and /sessions do.
    assert "**400 m** 64.0 · 2026-07-15" in text
    assert "**1000 m** 2:24.0 · 2026-07-13" in text
    assert "200 m" not in text


async def test_profile_sets_units_and_races_and_targets_resolve(team: Team) -> None:
    reply = await team.discord.slash(team.ana, team.training, "profile", units="mi",
                                     race="5k 20:00")
    assert reply.ephemeral
    embed = reply.embeds[0]
    assert embed["description"].startswith("VDOT 49.8 from 5 km in 20:00")
    assert "Units: mi" in embed["fields"][0]["value"]
    logged = await team.log(team.ana, "3:11 3:12 3:13", workout="3 x 1000m @ 5k pace")
    message = logged.followups[0] if logged.followups else logged.message
    table = message.embeds[0]["fields"][0]["value"]
    assert "/mi" in message.embeds[0]["description"] and "3:12" in table
    (row,) = await team.bot.store.recent_sessions(team.guild.id, team.ana.id)
    assert all(r.target_low_s is not None for r in row.reps)


async def test_profile_names_the_half_and_the_marathon(team: Team) -> None:
    await team.discord.slash(team.ana, team.training, "profile", race="marathon 2:59:59")
    reply = await team.discord.slash(team.ana, team.training, "profile", race="half 1:21:00")
    embed = reply.embeds[0]
    assert embed["description"].startswith("VDOT 57.6 from half marathon in 1:21:00")
    you = embed["fields"][0]["value"]
    assert "half marathon in 1:21:00" in you and "marathon in 2:59:59" in you
    assert "21097.5 m" not in you and "42195 m" not in you


@pytest.mark.parametrize("race", ["5k", "5k 2:00", "banana 20:00"])
async def test_profile_bad_race(team: Team, race: str) -> None:
    reply = await team.discord.slash(team.ana, team.training, "profile", race=race)
    assert reply.ephemeral and "Couldn't read the race" in (reply.content or "")
    assert await team.bot.store.race_results(team.guild.id, team.ana.id) == []


async def test_workout_autocomplete_answers_with_no_choices_when_the_store_fails(
    team: Team, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    async def broken(*args: object, **kwargs: object) -> list[object]:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(team.bot.store, "recent_sessions", broken)
    with caplog.at_level(logging.ERROR, logger="bot.autocomplete"):
        reply = await team.discord.autocomplete(team.ana, team.training, "sessions", "workout", "")
    assert reply.choices == []
    assert "autocomplete LookingCog.workout_choices failed" in caplog.text
    assert "disk I/O error" in caplog.text


async def test_workout_autocomplete_answers_before_discord_gives_up(
    team: Team, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    never = asyncio.Event()

    async def stuck(*args: object, **kwargs: object) -> list[object]:
        await never.wait()
        return []

    monkeypatch.setattr(team.bot.store, "recent_sessions", stuck)
    monkeypatch.setattr("bot.autocomplete.ANSWER_WITHIN_S", 0.05)
    with caplog.at_level(logging.WARNING, logger="bot.autocomplete"):
        reply = await team.discord.autocomplete(team.ana, team.training, "progress", "workout", "")
    assert reply.choices == []
    assert "took over" in caplog.text
