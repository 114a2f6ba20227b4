"""The **Log splits** message menu: found parts in a modal, logged for the message's author."""

from __future__ import annotations

import datetime as dt

from .conftest import TODAY, Team, png_size

MESSAGE = "6x1k yesterday: 2:26 / 2:28 / 2:26 / 2:27 / 2:26 / 2:24 felt strong"


async def test_menu_shows_what_it_found_and_logs_for_the_author(team: Team) -> None:
    said = await team.discord.say(team.ana, team.training, MESSAGE)
    opened = await team.discord.context_menu(team.ana, said, "Log splits")
    assert opened.response_kind == "modal" and opened.modal is not None
    values = {f.label: f.value for f in opened.modal.fields()}
    assert values == {
        "Workout": "6x1k",
        "Splits": "2:26 / 2:28 / 2:26 / 2:27 / 2:26 / 2:24",
        "Date": "yesterday",
        "Notes": "felt strong",
    }
    submitted = await team.discord.submit_modal(team.ana, opened.modal, {})
    message = submitted.followups[0] if submitted.followups else submitted.message
    assert message.embeds[0]["description"].startswith("6 × 1000 m · avg 2:26.2")
    png_size(message.files["session.png"])
    (row,) = await team.bot.store.recent_sessions(team.guild.id, team.ana.id)
    assert row.message_id == said.id and row.day == TODAY - dt.timedelta(days=1)
    assert row.notes == "felt strong" and row.workout_key == "6x1000m"


async def test_a_coach_logs_for_the_author_and_corrections_are_used(team: Team) -> None:
    said = await team.discord.say(team.ben, team.training, MESSAGE)
    opened = await team.discord.context_menu(team.coach, said, "Log splits")
    assert opened.modal is not None
    await team.discord.submit_modal(team.coach, opened.modal, {"Splits": "2:30 2:31"})
    (row,) = await team.bot.store.recent_sessions(team.guild.id, team.ben.id)
    assert row.athlete_name == "ben" and row.splits_s == (150.0, 151.0)
    assert await team.bot.store.recent_sessions(team.guild.id, team.coach.id) == []


async def test_a_teammate_may_not_log_someone_elses_message(team: Team) -> None:
    said = await team.discord.say(team.ben, team.training, MESSAGE)
    reply = await team.discord.context_menu(team.ana, said, "Log splits")
    assert reply.ephemeral and "author or a coach" in (reply.content or "")
    assert await team.bot.store.recent_sessions(team.guild.id, team.ben.id) == []


async def test_a_message_without_splits_says_so_with_an_example(team: Team) -> None:
    said = await team.discord.say(team.ana, team.training, "great session everyone")
    reply = await team.discord.context_menu(team.ana, said, "Log splits")
    assert reply.ephemeral and "can't find splits" in (reply.content or "")
    assert "Try: 6x1k today: 2:26" in (reply.content or "")


async def test_a_single_time_is_pointed_to_log(team: Team) -> None:
    said = await team.discord.say(team.ana, team.training, "tempo today 20 min, 3:40/km avg")
    reply = await team.discord.context_menu(team.ana, said, "Log splits")
    assert reply.ephemeral and "One time alone (a tempo, a race)? Log it with /log." in (
        reply.content or "")
    assert "/log splits: 20:05 workout: 20 min tempo" in (reply.content or "")


async def test_a_message_is_logged_once(team: Team) -> None:
    said = await team.discord.say(team.ana, team.training, MESSAGE)
    for _ in range(2):
        opened = await team.discord.context_menu(team.ana, said, "Log splits")
        assert opened.modal is not None
        last = await team.discord.submit_modal(team.ana, opened.modal, {})
    assert last.ephemeral and "Already logged as session #" in (last.content or "")
    assert len(await team.bot.store.recent_sessions(team.guild.id, team.ana.id)) == 1


async def test_bad_splits_in_the_modal_are_answered_and_nothing_is_stored(team: Team) -> None:
    said = await team.discord.say(team.ana, team.training, MESSAGE)
    opened = await team.discord.context_menu(team.ana, said, "Log splits")
    assert opened.modal is not None
    reply = await team.discord.submit_modal(team.ana, opened.modal, {"Splits": "2:26 2:7"})
    assert reply.ephemeral and "Couldn't read the splits" in (reply.content or "")
    assert await team.bot.store.recent_sessions(team.guild.id, team.ana.id) == []
