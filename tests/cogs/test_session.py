"""/session show, edit and delete: own sessions, coaches for anyone's, never another guild's."""

from __future__ import annotations

import pytest

from .conftest import Team


async def logged(team: Team, who: object, splits: str = "2:26 2:28 2:27", **values: str) -> int:
    await team.log(who, splits, **values)  # type: ignore[arg-type]
    rows = await team.bot.store.recent_sessions(team.guild.id, who.id)  # type: ignore[attr-defined]
    return rows[0].id


async def test_show_own_session(team: Team) -> None:
    sid = await logged(team, team.ana, workout="3 x 1000m", notes="windy")
    reply = await team.discord.slash(team.ana, team.training, "session show", id=sid)
    assert reply.ephemeral
    embed = reply.embeds[0]
    assert embed["description"].startswith("3 × 1000 m · avg 2:27.0")
    assert f"Session #{sid}" in embed["footer"]["text"]


async def test_edit_replaces_splits_and_reps(team: Team) -> None:
    sid = await logged(team, team.ana, workout="3 x 1000m")
    reply = await team.discord.slash(team.ana, team.training, "session edit", id=sid,
                                     splits="2:20 2:21 2:22", date="yesterday")
    assert reply.ephemeral and "edited" in reply.embeds[0]["footer"]["text"]
    row = await team.bot.store.session(team.guild.id, sid)
    assert row is not None and row.splits_s == (140.0, 141.0, 142.0)
    assert [r.time_s for r in row.reps] == [140.0, 141.0, 142.0]
    assert row.workout_key == "3x1000m" and row.day.isoformat() == "2026-07-14"


async def test_edit_needs_something_to_change(team: Team) -> None:
    sid = await logged(team, team.ana)
    reply = await team.discord.slash(team.ana, team.training, "session edit", id=sid)
    assert reply.ephemeral and "Say what to change" in (reply.content or "")


async def test_edit_clears_notes_with_clear_notes(team: Team) -> None:
    sid = await logged(team, team.ana, workout="3 x 1000m", notes="windy")
    reply = await team.discord.slash(team.ana, team.training, "session edit", id=sid,
                                     clear_notes=True)
    assert reply.ephemeral and "edited" in reply.embeds[0]["footer"]["text"]
    row = await team.bot.store.session(team.guild.id, sid)
    assert row is not None and row.notes is None
    assert row.splits_s == (146.0, 148.0, 147.0) and row.workout_key == "3x1000m"
    shown = await team.discord.slash(team.ana, team.training, "session show", id=sid)
    assert "Notes" not in str(shown.embeds[0])


async def test_edit_keeps_notes_unless_told_to_clear_them(team: Team) -> None:
    sid = await logged(team, team.ana, notes="windy")
    await team.discord.slash(team.ana, team.training, "session edit", id=sid, splits="2:20 2:21")
    not_cleared = await team.discord.slash(team.ana, team.training, "session edit", id=sid,
                                           clear_notes=False)
    assert "Say what to change" in (not_cleared.content or "")
    row = await team.bot.store.session(team.guild.id, sid)
    assert row is not None and row.notes == "windy" and row.splits_s == (140.0, 141.0)


async def test_edit_refuses_new_notes_and_clearing_at_once(team: Team) -> None:
    sid = await logged(team, team.ana, notes="windy")
    reply = await team.discord.slash(team.ana, team.training, "session edit", id=sid,
                                     notes="calm", clear_notes=True)
    assert reply.ephemeral and "not both" in (reply.content or "")
    row = await team.bot.store.session(team.guild.id, sid)
    assert row is not None and row.notes == "windy"


async def test_athlete_cannot_edit_or_delete_anothers_session(team: Team) -> None:
    sid = await logged(team, team.ana)
    edit = await team.discord.slash(team.ben, team.training, "session edit", id=sid,
                                    splits="1:00 1:00")
    assert edit.ephemeral and "not yours" in (edit.content or "")
    delete = await team.discord.slash(team.ben, team.training, "session delete", id=sid)
    assert delete.ephemeral and "not yours" in (delete.content or "")
    row = await team.bot.store.session(team.guild.id, sid)
    assert row is not None and row.splits_s == (146.0, 148.0, 147.0)


async def test_delete_asks_first_and_keep_keeps(team: Team) -> None:
    sid = await logged(team, team.ana)
    ask = await team.discord.slash(team.ana, team.training, "session delete", id=sid)
    assert ask.ephemeral and f"Delete session #{sid}" in (ask.content or "")
    kept = await team.discord.press(team.ana, ask.message, "Keep it")
    assert kept.response_kind == "update_message"
    assert await team.bot.store.session(team.guild.id, sid) is not None


async def test_coach_deletes_an_athletes_session_after_confirming(team: Team) -> None:
    sid = await logged(team, team.ana)
    ask = await team.discord.slash(team.coach, team.training, "session delete", id=sid)
    done = await team.discord.press(team.coach, ask.message, "Delete")
    assert f"Session #{sid} deleted." == done.message.content
    assert await team.bot.store.session(team.guild.id, sid) is None


async def test_another_guild_never_sees_a_session(team: Team) -> None:
    sid = await logged(team, team.ana)
    for command in ("session show", "session delete"):
        reply = await team.discord.slash(team.stranger, team.elsewhere, command, id=sid)
        assert reply.ephemeral and f"no session #{sid}" in (reply.content or "")
    assert await team.bot.store.session(team.guild.id, sid) is not None


@pytest.mark.parametrize("viewer", ["ben", "coach"])
async def test_hidden_athletes_sessions_are_for_coaches(team: Team, viewer: str) -> None:
    sid = await logged(team, team.ana)
    await team.discord.slash(team.ana, team.training, "profile", private=True)
    who = team.ben if viewer == "ben" else team.coach
    reply = await team.discord.slash(who, team.training, "session show", id=sid)
    if viewer == "ben":
        assert f"no session #{sid}" in (reply.content or "")
    else:
        assert reply.embeds and f"Session #{sid}" in reply.embeds[0]["footer"]["text"]


async def test_manage_server_counts_as_a_coach(team: Team) -> None:
    sid = await logged(team, team.ana)
    reply = await team.discord.slash(team.owner, team.training, "session edit", id=sid,
                                     notes="checked by the head coach")
    assert reply.ephemeral and reply.embeds
    row = await team.bot.store.session(team.guild.id, sid)
    assert row is not None and row.notes == "checked by the head coach"
    assert row.athlete_id == team.ana.id


async def test_a_wod_log_keeps_the_coachs_workout(team: Team) -> None:
    """Changing its workout would leave another workout among the WOD's results."""
    wod = await team.todays_wod("4 x 800m @ 2:50", "4x800m")
    await team.log(team.ana, "2:49 2:51 2:50 2:48")
    (row,) = await team.bot.store.recent_sessions(team.guild.id, team.ana.id)
    refused = await team.discord.slash(team.ana, team.training, "session edit", id=row.id,
                                       workout="6 x 1000m")
    assert refused.ephemeral and f"your log of workout of the day #{wod.id}" in (
        refused.content or "")
    (same,) = await team.bot.store.recent_sessions(team.guild.id, team.ana.id)
    assert same.workout_key == "4x800m"
    fixed = await team.discord.slash(team.ana, team.training, "session edit", id=row.id,
                                     splits="2:49 2:50 2:50 2:48")
    footer = fixed.embeds[0]["footer"]["text"]
    assert footer.startswith(f"Session #{row.id} edited")
