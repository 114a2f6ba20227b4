"""/wod post: validated before anything is posted, coaches only, the post and its buttons."""

from __future__ import annotations

from tests.cogs.wod_env import WORKOUT, WodEnv


async def test_post_now_publishes_the_workout_with_its_buttons(wod_env: WodEnv) -> None:
    reply = await wod_env.post(notes="Track at 6. **Even** splits; @everyone jog the full 90 s.",
                               title="Tuesday *track*")
    assert reply.ephemeral and "Posted workout of the day #1" in reply.content
    [post] = wod_env.posts()
    embed = post.embeds[0]
    assert embed["title"] == "Tuesday \\*track\\* · Monday 02 March 2026"
    assert WORKOUT in embed["description"]
    assert "6 × 1000 m @ 3:20, 90 sec jog" in embed["description"]
    fields = {f["name"]: f["value"] for f in embed["fields"]}
    assert fields["Structure"].startswith("6 × 1000m · 6 reps · 6 km of work")
    assert "Recoveries: 7:30 in all" in fields["Structure"]
    assert fields["Targets"] == "6 × 1000 m @ 3:20 → 80/400 · 3:20/km · 5:22/mi"
    assert "**Even** splits" in fields["Context & details"]
    assert embed["footer"]["text"] == "Published by carla · WOD #1"
    assert [b["label"] for b in post.buttons()] == ["Log my splits", "My targets"]
    assert not post.pings().everyone
    row = await wod_env.bot.store.wod(wod_env.guild.id, 1)
    assert row is not None and (row.status, row.message_id) == ("posted", post.id)
    assert row.notes is not None and row.title == "Tuesday *track*"


async def test_unreadable_workout_is_refused_before_anything(wod_env: WodEnv) -> None:
    reply = await wod_env.discord.slash(
        wod_env.coach, wod_env.training, "wod post", workout="run fast today"
    )
    assert reply.modal is None and reply.ephemeral
    assert "couldn't find a workout" in reply.content and "Try: 6 x 1000m" in reply.content
    assert wod_env.posts() == []
    assert await wod_env.bot.store.list_wods(wod_env.guild.id) == []


async def test_a_time_in_the_past_is_refused(wod_env: WodEnv) -> None:
    reply = await wod_env.discord.slash(
        wod_env.coach, wod_env.training, "wod post", workout=WORKOUT, when="2026-03-01 06:00"
    )
    assert reply.modal is None and "is in the past" in reply.content
    reply = await wod_env.discord.slash(
        wod_env.coach, wod_env.training, "wod post", workout=WORKOUT, when="blue moon"
    )
    assert reply.modal is None and "as a time to post" in reply.content
    assert await wod_env.bot.store.list_wods(wod_env.guild.id) == []


async def test_only_coaches_post(wod_env: WodEnv) -> None:
    reply = await wod_env.discord.slash(
        wod_env.ana, wod_env.training, "wod post", workout=WORKOUT
    )
    assert reply.modal is None and reply.ephemeral
    assert reply.content.startswith("Only coaches can post a workout of the day")
    admin = wod_env.guild.add_member("dana", roles=["admin"])  # Manage Server, no coach role
    await wod_env.post(admin)
    assert len(wod_env.posts()) == 1
    reply = await wod_env.discord.slash(wod_env.ana, wod_env.training, "wod cancel", id=1)
    assert reply.content.startswith("Only coaches can cancel")


async def test_a_channel_pacer_cannot_write_in_is_refused_before_the_notes(
    wod_env: WodEnv,
) -> None:
    wod_env.training.set_bot_can_send(False)
    reply = await wod_env.discord.slash(
        wod_env.coach, wod_env.training, "wod post", workout=WORKOUT
    )
    assert reply.modal is None and reply.content.startswith(
        f"Pacer cannot post in <#{wod_env.training.id}>: it needs View Channel, Send Messages"
    )
    track = wod_env.guild.add_channel("track")
    track.set_bot_can_send(False)
    reply = await wod_env.discord.slash(
        wod_env.coach, wod_env.training, "wod post", workout=WORKOUT, channel=track
    )
    assert reply.modal is None and f"Pacer cannot post in <#{track.id}>" in reply.content
    assert await wod_env.bot.store.list_wods(wod_env.guild.id) == []


async def test_a_workout_too_long_to_keep_is_refused_before_the_notes(wod_env: WodEnv) -> None:
    """The reader takes 500 x 400m; the store could not keep it: say so before the form."""
    reply = await wod_env.discord.slash(
        wod_env.coach, wod_env.training, "wod post", workout="500 x 400m"
    )
    assert reply.modal is None and reply.ephemeral
    assert "too long to keep (500 reps)" in reply.content
    assert await wod_env.bot.store.list_wods(wod_env.guild.id) == []


async def test_a_channel_closed_while_typing_notes_fails_with_the_reason(wod_env: WodEnv) -> None:
    opened = await wod_env.discord.slash(
        wod_env.coach, wod_env.training, "wod post", workout=WORKOUT
    )
    assert opened.modal is not None
    wod_env.training.set_bot_can_send(False)
    reply = await wod_env.discord.submit_modal(wod_env.coach, opened.modal, {"notes": ""})
    assert "Could not post workout of the day #1" in reply.content
    assert "Send Messages" in reply.content
    row = await wod_env.bot.store.wod(wod_env.guild.id, 1)
    assert row is not None and row.status == "failed" and "Send Messages" in (row.failure or "")
    listing = await wod_env.discord.slash(wod_env.ana, wod_env.training, "wod list")
    recent = listing.embeds[0]["fields"][1]["value"]
    assert "**#1**" in recent and "failed" in recent and "Send Messages" in recent


async def test_the_teams_wod_channel_is_the_default(wod_env: WodEnv) -> None:
    track = wod_env.guild.add_channel("track")
    await wod_env.bot.store.update_guild_settings(wod_env.guild.id, wod_channel_id=track.id)
    reply = await wod_env.discord.slash(wod_env.ana, wod_env.training, "wod settings")
    assert f"go to <#{track.id}>" in reply.content
    await wod_env.post()
    assert wod_env.posts() == [] and len(wod_env.posts(track)) == 1
    elsewhere = wod_env.guild.add_channel("elsewhere")
    await wod_env.post(channel=elsewhere)
    assert len(wod_env.posts(elsewhere)) == 1 and len(wod_env.posts(track)) == 1
